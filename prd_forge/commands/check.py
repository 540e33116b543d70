"""`prd-forge check SPEC...`: validate answers files and report every gap.

Exit 0 when every file passes at its status, 1 when one is incomplete, 2 when one cannot be
read or is malformed (the worst file wins).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from prd_forge.commands._common import EXIT_INPUT, InputError
from prd_forge.lint.config import ConfigError
from prd_forge.spec.problems import UnreadableSpec
from prd_forge.spec.report import SpecFinding, SpecReport, check_file, worst
from prd_forge.terms import STAGES, Severity, Stage

JSON_VERSION = 1
"""Bumped only when the JSON shape changes incompatibly (README, "check --format json")."""


def _line(report: SpecReport, finding: SpecFinding) -> str:
    place = f"{report.file}:{finding.line}" if finding.line else report.file
    tag = " warning:" if finding.severity is Severity.WARNING else ""
    where = f" {finding.path}:" if finding.path else ""
    return f"{place}:{tag}{where} {finding.advice}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _summary(report: SpecReport) -> str:
    status = f" ({report.status})" if report.status else ""
    counts = (
        f"{_plural(report.count(Severity.ERROR), 'error')}, "
        f"{_plural(report.count(Severity.WARNING), 'warning')}"
    )
    return f"{report.file}: {report.result.label}{status}: {counts}"


def format_text(reports: list[SpecReport], exit_code: int) -> str:
    lines: list[str] = []
    for report in reports:
        lines.extend(_line(report, finding) for finding in report.findings)
        lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _finding_record(finding: SpecFinding) -> dict[str, Any]:
    return {
        "level": finding.severity.value,
        "line": finding.line,
        "path": finding.path,
        "concern": finding.concern,
        "message": finding.message,
        "fix": finding.fix,
        "note": finding.note,
    }


def format_json(reports: list[SpecReport], exit_code: int) -> str:
    document = {
        "version": JSON_VERSION,
        "exit_code": exit_code,  # unreadable files included, though not listed
        "files": [
            {
                "file": report.file,
                "result": report.result.label,
                "status": report.status,
                "errors": report.count(Severity.ERROR),
                "warnings": report.count(Severity.WARNING),
                "findings": [_finding_record(finding) for finding in report.findings],
            }
            for report in reports
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _through_lint(name: str) -> Callable[[list[SpecReport], int], str]:
    """Lint's formatter `name`, fed check's findings (workflow/check_report.py)."""

    def render(reports: list[SpecReport], exit_code: int) -> str:
        from prd_forge.lint.formats import Options, get
        from prd_forge.workflow.check_report import CHECK_RULES, to_run_result

        return get(name)(to_run_result(reports), Options(rules=CHECK_RULES))

    return render


FORMATS: dict[str, Callable[[list[SpecReport], int], str]] = {
    "text": format_text,
    "json": format_json,
    **{name: _through_lint(name) for name in ("github", "junit", "sarif")},
}


@click.command()
@click.argument(
    "specs", nargs=-1, required=True, metavar="SPEC...", type=click.Path(path_type=Path)
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("auto", *sorted(FORMATS))),
    default="auto",
    show_default=True,
    help="text: one line per problem; json: one document for all files; github, sarif and "
    "junit: lint's formats, on the answers file; auto: github under GitHub Actions, else text.",
)
@click.option(
    "--answers-only",
    is_flag=True,
    help="Skip YAML/JSON files that are not answers files (no prd-forge schema comment, no "
    "answers-file sections), as the pre-commit hook does.",
)
@click.option(
    "--stage",
    type=click.Choice(STAGES),
    default=None,
    help="launch also requires a current approval by each role a launch needs.",
)
def check(
    specs: tuple[Path, ...], output_format: str, answers_only: bool, stage: str | None
) -> None:
    """Check answers files (YAML or JSON): every gap, with its line and the fix.

    Gaps that block the spec at its status are errors; gaps in recommended concerns, and a
    draft's gaps recorded as open questions, are warnings. Exit 0 when every file passes,
    1 when one is incomplete, 2 when one cannot be read or is malformed.
    """
    if answers_only:
        from prd_forge.spec.kind import is_answers_file

        specs = tuple(path for path in specs if is_answers_file(path))
        if not specs:
            raise SystemExit(0)
    chosen = Stage(stage) if stage else None
    reports, unreadable = _check_each(specs, chosen)
    if output_format == "auto":
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    exit_code = EXIT_INPUT if unreadable else int(worst(reports))
    if reports:
        click.echo(FORMATS[output_format](reports, exit_code), nl=False)
    raise SystemExit(exit_code)


def _check_each(specs: tuple[Path, ...], stage: Stage | None) -> tuple[list[SpecReport], int]:
    """The report of each file that can be read; a file that cannot gets one line on stderr
    (whatever the format: it has no content to report on) and counts as an input error."""
    reports: list[SpecReport] = []
    unreadable = 0
    for path in specs:
        try:
            reports.append(check_file(path, stage))
        except UnreadableSpec as error:
            unreadable += 1
            for problem in error.problems:
                click.echo(f"prd-forge: error: {problem}", err=True)
        except ConfigError as error:
            raise InputError(str(error)) from None
    return reports, unreadable
