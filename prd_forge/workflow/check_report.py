"""`check` results as lint reports, so lint's sarif, github and junit formats show them.

Each finding of `check` becomes a lint finding on the answers file: a rule-like code for its
kind (SPEC001-SPEC004, described in CHECK_RULES for SARIF), the concern it belongs to, its line
(line 1 when the file does not spell the field out, as when a whole section is left out) and
the text `check` prints. A file that cannot be read at all (no such file, a directory, an empty
file) has no place to point at: it becomes an input problem, as an unreadable PRD does in lint.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from prd_forge.lint.files import InputProblem
from prd_forge.lint.formats import RuleInfo
from prd_forge.lint.results import FileReport, Finding
from prd_forge.lint.run import RunResult
from prd_forge.spec import report as check
from prd_forge.spec.report import SpecFinding, SpecReport
from prd_forge.terms import Severity

HELP_URI: Final = "https://github.com/prd-forge/prd-forge/blob/main/README.md#prd-forge-check-spec"


def _rule(code: str, name: str, summary: str, why: str, anchor: str, tag: str) -> RuleInfo:
    help_markdown = f"## {code} {name}\n\n{summary}\n\n**Why.** {why} ({anchor})\n"
    return RuleInfo(
        code, name, summary, why, anchor, Severity.ERROR, ("prd", tag), HELP_URI, help_markdown
    )


CHECK_RULES: Final = (
    _rule(
        check.INVALID,
        "invalid-answers-file",
        "The file is not a valid answers file: malformed YAML or JSON, an unknown field, or a "
        "value of the wrong type.",
        "Nothing can be rendered, linted or approved from an answers file that does not load.",
        "prd-forge answers-file schema",
        "answers-file",
    ),
    _rule(
        check.GAP,
        "spec-gap",
        "The spec leaves part of a concern unanswered: an error when it blocks the spec at its "
        "status, a warning when it is recorded as an open question or the concern is "
        "recommended.",
        "A spec that silently omits how an AI feature fails renders a PRD that omits it too.",
        "prd-forge catalogue of concerns",
        "completeness",
    ),
    _rule(
        check.STALE_APPROVAL,
        "stale-approval",
        "An approval no longer matches what it approved: a concern it signed has changed.",
        "A sign-off on text that has since changed approves nothing.",
        "prd-forge approvals",
        "approvals",
    ),
    _rule(
        check.MISSING_APPROVAL,
        "missing-approval",
        "A launch needs a current approval by a role, and there is none.",
        "Launching without the sign-offs a team requires skips its own review.",
        "prd-forge approvals",
        "approvals",
    ),
)
_NAMES: Final = {rule.code: rule.name for rule in CHECK_RULES}


def _finding(file: str, finding: SpecFinding) -> Finding:
    message = f"{finding.path}: {finding.advice}" if finding.path else finding.advice
    return Finding(
        file,
        finding.line or 1,
        1,
        finding.code,
        _NAMES[finding.code],
        finding.concern or "",
        finding.severity,
        message,
    )


def _whole_file(finding: SpecFinding) -> bool:
    """A problem with the file as a whole (it cannot be read), with no place inside it."""
    return finding.code == check.INVALID and finding.line is None and not finding.path


def to_run_result(reports: Iterable[SpecReport]) -> RunResult:
    """One lint report per answers file; unreadable files as input problems."""
    files, problems = [], []
    for report in reports:
        unreadable = [f for f in report.findings if _whole_file(f)]
        problems += [InputProblem(report.file, f.advice) for f in unreadable]
        if unreadable and len(unreadable) == len(report.findings):
            continue
        findings = tuple(_finding(report.file, f) for f in report.findings if not _whole_file(f))
        files.append(FileReport(report.file, True, {}, findings))
    failed = any(report.result for report in reports)
    return RunResult(tuple(files), tuple(problems), Severity.ERROR, failed)
