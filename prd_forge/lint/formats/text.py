"""`path:line:col: CODE message`, one finding a line, then a one-line tally."""

from __future__ import annotations

from prd_forge.lint.formats import Options
from prd_forge.lint.formats.tally import by_severity, coverage_table
from prd_forge.lint.run import RunResult

_COLOR = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def render(result: RunResult, options: Options) -> str:
    lines = []
    for report in result.reports:
        for f in report.findings:
            code = f"{_COLOR[f.severity]}{f.code}{_RESET}" if options.color else f.code
            where = f"{f.path}:{f.line}:{f.column}:"
            where = f"{_BOLD}{where}{_RESET}" if options.color else where
            lines.append(f"{where} {code} {f.message}")
    lines.append(_tally(result))
    if options.summary:
        lines.extend(("", coverage_table(result)))
    return "\n".join(lines) + "\n"


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
