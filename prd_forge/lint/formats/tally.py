"""Counts shared by the formats: findings by severity, coverage by concern."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import chain
from operator import attrgetter

from prd_forge.lint.run import RunResult
from prd_forge.terms import COVERAGE_STATES as STATES

_SEVERITY = attrgetter("severity")


def by_severity(result: RunResult) -> Counter[str]:
    findings = chain.from_iterable(report.findings for report in result.reports)
    return Counter(map(_SEVERITY, findings))


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


def _applies(concern: str, ai: bool) -> bool:
    from prd_forge import catalogue  # here: only --summary needs the concerns' knowledge

    spec = catalogue.BY_ID.get(concern)
    return ai or spec is None or not spec.ai_only


def coverage_table(result: RunResult, *, names: int = 3) -> str:
    """Concerns by files: how many files have each state (n/a: an AI-only concern in a PRD
    that is not about an AI feature), and which files lack it (hollow or missing)."""
    if not result.reports:
        return ""
    counts: dict[str, dict[str, int]] = {}
    lacking: dict[str, list[str]] = {}
    for report in result.reports:
        for concern, state in report.coverage.items():
            row = counts.setdefault(concern, dict.fromkeys((*STATES, "n/a"), 0))
            applies = _applies(concern, report.ai)
            row[state if applies else "n/a"] += 1
            if applies and state in ("hollow", "missing"):
                lacking.setdefault(concern, []).append(report.path)
    width = max(len(concern) for concern in counts)
    header = "  ".join(f"{s:>7}" for s in (*STATES, "n/a"))
    lines = [f"{'concern':<{width}}  {header}  lacking in"]
    for concern, row in counts.items():
        paths = lacking.get(concern, [])
        more = f" +{len(paths) - names} more" if len(paths) > names else ""
        cells = "  ".join(f"{row[s]:>7}" for s in (*STATES, "n/a"))
        lines.append(f"{concern:<{width}}  {cells}  {', '.join(paths[:names])}{more}".rstrip())
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
