"""GitHub workflow annotations (`::error file=...::message`).

GitHub shows at most 10 annotations of each severity per step and drops the rest silently, so
this prints the first 10 of each (errors first) and then says how many were not shown; the
full coverage table goes to the step summary (written by the CLI).
"""

from __future__ import annotations

from prd_forge.lint.formats import Options
from prd_forge.lint.run import RunResult

LIMIT = 10
_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(result: RunResult, options: Options) -> str:
    lines = [f"::error file={_property(p.path)}::{_data(p.message)}" for p in result.problems]
    shown = dict.fromkeys(_COMMAND, 0)
    hidden = dict.fromkeys(_COMMAND, 0)
    findings = sorted(
        (f for report in result.reports for f in report.findings),
        key=lambda f: (("error", "warning", "info").index(f.severity), f),
    )
    for f in findings:
        if shown[f.severity] >= LIMIT:
            hidden[f.severity] += 1
            continue
        shown[f.severity] += 1
        title = _property(f"{f.code} {f.name}")
        lines.append(
            f"::{_COMMAND[f.severity]} file={_property(f.path)},line={f.line},col={f.column},"
            f"title={title}::{_data(f.message)}"
        )
    total = sum(hidden.values())
    if total:
        parts = ", ".join(f"{n} {s}" for s, n in hidden.items() if n)
        lines.append(
            f"prd-forge: {total} more finding{'s' if total != 1 else ''} not shown as "
            f"annotations ({parts}); GitHub shows "
            f"{LIMIT} per severity per step. Run with --format text for all of them."
        )
    files = len(result.reports)
    lines.append(f"prd-forge: {len(findings)} findings in {files} files.")
    return "\n".join(lines) + "\n"
