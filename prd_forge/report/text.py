"""The portfolio as JSON and as a Markdown table: pure functions of it."""

from __future__ import annotations

import json

from prd_forge import catalogue
from prd_forge.render.escape import inline
from prd_forge.report.rows import Portfolio, Row

JSON_VERSION = 1
SYMBOLS = {"present": "●", "partial": "◐", "hollow": "○", "missing": "✕", "n/a": "n/a"}


def _record(row: Row) -> dict[str, object]:
    return {
        "path": row.path,
        "ai": row.ai,
        "score": round(row.score, 3),
        "findings": row.counts,
        "coverage": row.coverage,
        "overdue_questions": [{"question": q, "due": due} for q, due in row.overdue],
        "stale_approvals": list(row.stale),
        "trend": [round(value, 3) for value in row.trend],
    }


def as_json(portfolio: Portfolio) -> str:
    data = {
        "version": JSON_VERSION,
        "today": portfolio.today,
        "concerns": list(portfolio.concerns),
        "prds": [_record(row) for row in portfolio.rows],
        "unreadable": [{"path": p.path, "message": p.message} for p in portfolio.unreadable],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def markdown(portfolio: Portfolio) -> str:
    concerns = portfolio.concerns
    head = ["PRD", "coverage", "errors", "warnings", "overdue", "stale", *concerns]
    lines = [
        f"## PRD portfolio: {len(portfolio.rows)} PRDs, worst first ({portfolio.today})",
        "",
        "Coverage: ● present, ◐ partial, ○ hollow, ✕ missing, n/a not applicable.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in portfolio.rows:
        cells = [
            inline(row.path),
            f"{row.score:.0%}",
            str(row.counts["error"]),
            str(row.counts["warning"]),
            str(len(row.overdue)),
            str(len(row.stale)),
            *(SYMBOLS.get(row.coverage.get(c, "missing"), "?") for c in concerns),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [f"\n- not read: {inline(p.path)}: {inline(p.message)}" for p in portfolio.unreadable]
    titles = ", ".join(f"{c}: {catalogue.get(c).title}" for c in concerns)
    lines += ["", f"Columns: {inline(titles)}."]
    return "\n".join(lines) + "\n"
