"""`path:line:col: CODE message`, one finding a line, then a one-line tally."""

from __future__ import annotations

from collections import Counter

from prd_forge.lint.formats import Options
from prd_forge.lint.formats.tally import by_severity, coverage_table
from prd_forge.lint.run import RunResult

_COLOR = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def render(result: RunResult, options: Options) -> str:
    if not result.reports and result.problems:
        return ""  # nothing could be read: the errors on standard error say it all
    lines = _statistics(result) if options.statistics else _findings(result, options.color)
    if not options.quiet:
        lines.append(_tally(result))
    if options.summary:
        lines.extend(("", coverage_table(result)))
    return "\n".join(lines) + "\n" if lines else ""


def _findings(result: RunResult, color: bool) -> list[str]:
    if color:
        return [
            f"{_BOLD}{f.path}:{f.line}:{f.column}:{_RESET} {_COLOR[f.severity]}{f.code}{_RESET}"
            f" {f.message}"
            for report in result.reports
            for f in report.findings
        ]
    # a warm run prints thousands of these: one f-string each, the fields unpacked at once
    return [
        f"{path}:{line}:{column}: {code} {message}"
        for report in result.reports
        for path, line, column, code, _, _, _, message, _ in report.findings
    ]


def _statistics(result: RunResult) -> list[str]:
    """`count  CODE  name  severity`, most frequent first (like ruff --statistics)."""
    counts = Counter((f.code, f.name, f.severity) for r in result.reports for f in r.findings)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = len(str(ranked[0][1])) if ranked else 1
    return [f"{n:>{width}}  {code}  {name}  {sev}" for (code, name, sev), n in ranked]


def _tally(result: RunResult) -> str:
    counts = by_severity(result)
    files = len(result.reports)
    noun = "file" if files == 1 else "files"
    total = sum(counts.values())
    if not total:
        text = f"No findings in {files} {noun}."
    else:
        parts = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
        text = f"{total} finding{'s' if total != 1 else ''} ({parts}) in {files} {noun}."
    if result.problems:
        count = len(result.problems)
        text += f" {count} file{'s' if count != 1 else ''} could not be linted."
    return text
