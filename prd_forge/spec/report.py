"""What `prd-forge check` knows about one answers file, as plain records.

`check_file(path)` loads, validates and applies completeness; formatters (in
`commands/check.py`) turn the records into text or JSON and never decide severity.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Final

from prd_forge.spec.completeness import Gap, blocking, deferring_question, find_gaps
from prd_forge.spec.load import LoadedSpec, SpecError, UnreadableSpec, load_spec
from prd_forge.terms import Severity, Stage

# A rule-like code for each kind of finding (SARIF's ruleId; workflow/check_report.py describes
# them): not a valid answers file, a completeness gap, a stale approval, an approval a launch lacks.
INVALID: Final = "SPEC001"
GAP: Final = "SPEC002"
STALE_APPROVAL: Final = "SPEC003"
MISSING_APPROVAL: Final = "SPEC004"


class SpecResult(IntEnum):
    """A file's verdict; its value is the exit code it asks for (the worst one wins)."""

    OK = 0
    INCOMPLETE = 1
    INVALID = 2

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class SpecFinding:
    """One problem in one file.

    Attributes:
        code: what kind of finding it is (INVALID, GAP, STALE_APPROVAL, MISSING_APPROVAL).
        severity: error (blocks the spec at its status, or makes it unreadable) or warning.
        line: 1-based line where the file spells out the field (or its nearest ancestor).
        path: the field path, e.g. `failure_modes.modes[2].fallbacks`; empty for the whole file.
        concern: the catalogue concern of a completeness gap; None for a load problem.
        message: what is wrong.
        fix: what to do.
        note: why a gap is only a warning (recorded as an open question, or recommended).
    """

    code: str
    severity: Severity
    line: int | None
    path: str
    concern: str | None
    message: str
    fix: str
    note: str = ""

    @property
    def advice(self) -> str:
        """The message, then the fix and why a gap is only a warning, in parentheses."""
        advice = "; ".join(part for part in (self.fix, self.note) if part)
        return f"{self.message} ({advice})" if advice else self.message


@dataclass(frozen=True)
class SpecReport:
    file: str
    result: SpecResult
    status: str | None
    findings: tuple[SpecFinding, ...]

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)


def check_file(path: Path, stage: Stage | None = None) -> SpecReport:
    """Load `path` and report every problem: load problems, then gaps in catalogue order,
    then stale approvals (and, at `stage` launch, the approvals a launch lacks).

    A file that cannot be read at all raises UnreadableSpec: there is nothing to report on.
    """
    try:
        loaded = load_spec(path)
    except UnreadableSpec:
        raise
    except SpecError as error:
        findings = tuple(
            SpecFinding(INVALID, Severity.ERROR, p.line, p.path, None, p.message, p.fix)
            for p in error.problems
        )
        return SpecReport(str(path), SpecResult.INVALID, None, findings)
    report = _gap_report(loaded)
    extra = _approval_findings(loaded, stage)
    if not extra:
        return report
    return SpecReport(report.file, SpecResult.INCOMPLETE, report.status, report.findings + extra)


def _approval_findings(loaded: LoadedSpec, stage: Stage | None) -> tuple[SpecFinding, ...]:
    if not loaded.spec.approvals and stage is not Stage.LAUNCH:
        return ()
    from prd_forge.approvals import record, settings

    spec, file = loaded.spec, loaded.file
    found = [
        SpecFinding(
            STALE_APPROVAL,
            Severity.ERROR,
            loaded.line_of(f"approvals[{item.index}].digest"),
            f"approvals[{item.index}]",
            item.changed[0],
            f"the {item.role} approval by {item.name} is stale: "
            f"{', '.join(item.changed)} changed since it was signed",
            f"review the change, then run `prd-forge approve {file} --role {item.role} "
            f"--name '{item.name}'`",
        )
        for item in record.stale(spec)
    ]
    if stage is Stage.LAUNCH:
        configured = settings.for_file(Path(file)).launch_roles
        found += [
            SpecFinding(
                MISSING_APPROVAL,
                Severity.ERROR,
                loaded.line_of("approvals"),
                "approvals",
                None,
                f"a launch needs a current {role} approval, and there is none",
                f"run `prd-forge approve {file} --role {role} --name NAME`",
            )
            for role in record.missing_roles(spec, record.required_roles(spec, configured))
        ]
    return tuple(found)


def _gap_report(loaded: LoadedSpec) -> SpecReport:
    spec = loaded.spec
    gaps = find_gaps(spec)
    blockers = set(blocking(spec, gaps))
    findings = tuple(
        SpecFinding(
            GAP,
            Severity.ERROR if gap in blockers else Severity.WARNING,
            loaded.line_of(gap.path),
            gap.path,
            gap.concern,
            gap.message,
            gap.fix,
            "" if gap in blockers else _why_not_blocking(loaded, gap),
        )
        for gap in gaps
    )
    result = SpecResult.INCOMPLETE if blockers else SpecResult.OK
    return SpecReport(loaded.file, result, spec.feature.status.value, findings)


def _why_not_blocking(loaded: LoadedSpec, gap: Gap) -> str:
    if gap.path.startswith("genai_risks"):
        return "AI 600-1 risks block from approved on"
    if not gap.required:
        return f"'{gap.concern}' is recommended, not required"
    index = deferring_question(loaded.spec, gap)
    return f"recorded as open_questions[{index}] while the spec is a draft"


def worst(reports: list[SpecReport]) -> SpecResult:
    """The verdict over several files: the worst of theirs."""
    return max((report.result for report in reports), default=SpecResult.OK)
