"""Counts shared by the formats: findings by severity, coverage by concern."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from prd_forge.lint.coverage import STATES
from prd_forge.lint.run import RunResult


def by_severity(result: RunResult) -> Counter[str]:
    return Counter(f.severity for report in result.reports for f in report.findings)


def coverage(result: RunResult) -> dict[str, dict[str, int]]:
    """concern id -> {state: number of files}, concerns in catalogue order."""
    table: dict[str, dict[str, int]] = {}
    for report in result.reports:
        for concern, state in report.coverage.items():
            row = table.setdefault(concern, dict.fromkeys(STATES, 0))
            row[state] += 1
    return table


def summary(result: RunResult) -> Mapping[str, object]:
    severities = by_severity(result)
    return {
        "files": len(result.reports),
        "input_errors": len(result.problems),
        "findings": sum(severities.values()),
        "error": severities.get("error", 0),
        "warning": severities.get("warning", 0),
        "info": severities.get("info", 0),
        "fail_level": result.fail_level,
        "coverage": coverage(result),
    }


def coverage_table(result: RunResult) -> str:
    """The coverage table, concerns by state, as aligned plain text."""
    rows = coverage(result)
    if not rows:
        return ""
    width = max(len(concern) for concern in rows)
    lines = [f"{'concern':<{width}}  " + "  ".join(f"{s:>7}" for s in STATES)]
    lines.extend(
        f"{concern:<{width}}  " + "  ".join(f"{row[s]:>7}" for s in STATES)
        for concern, row in rows.items()
    )
    return "\n".join(lines)


def coverage_markdown(result: RunResult) -> str:
    """Files by concerns, as a Markdown table (for $GITHUB_STEP_SUMMARY)."""
    if not result.reports:
        return "No files linted.\n"
    concerns = list(result.reports[0].coverage)
    mark = {"present": "✅", "partial": "◐", "hollow": "○", "missing": "❌"}
    lines = [
        "## prd-forge coverage",
        "",
        "✅ present · ◐ partial · ○ hollow · ❌ missing",
        "",
        "| file | " + " | ".join(concerns) + " |",
        "|---|" + "---|" * len(concerns),
    ]
    for report in result.reports:
        cells = " | ".join(mark[report.coverage.get(c, "missing")] for c in concerns)
        lines.append(f"| `{report.path}` | {cells} |")
    return "\n".join(lines) + "\n"
