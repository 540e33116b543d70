"""What a change did to a PRD's risk coverage: concerns lost and gained, findings added, resolved.

Both sides are lint reports of the same document at two revisions. Coverage is compared concern
by concern; findings are matched by (code, concern, message), never by line, so text that only
moved is not a change.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from prd_forge.catalogue import IDS
from prd_forge.terms import COVERAGE_STATES, CoverageState, Severity

# The line numbers lint lists in a merged finding ("lines 12, 14", "'Baseline' (line 19)"):
# a finding whose text only moved is the same finding.
_LINES = re.compile(r"\blines? \d+(?:, \d+)*")

# Worst to best: a concern that moves left has regressed.
STATES: tuple[str, ...] = tuple(reversed(COVERAGE_STATES))
_RANK = {state.value: state.rank for state in CoverageState}


class LintFinding(Protocol):
    """The fields of a lint finding the diff reads (prd_forge.lint's Finding has them all)."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def concern(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...


class LintReport(Protocol):
    """The fields of a lint report the diff reads (prd_forge.lint's FileReport has them all)."""

    @property
    def ai(self) -> bool: ...
    @property
    def coverage(self) -> Mapping[str, str]: ...
    @property
    def findings(self) -> Sequence[LintFinding]: ...


class FileChange(StrEnum):
    """What happened to a file between the two revisions."""

    MODIFIED = "modified"
    ADDED = "added"
    DELETED = "deleted"
    RENAMED = "renamed"


@dataclass(frozen=True, order=True)
class ChangedFinding:
    """A finding as the diff reports it: the line is where it is (added) or was (resolved)."""

    line: int
    column: int
    code: str
    name: str
    concern: str
    severity: Severity
    message: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.code, self.concern, _LINES.sub("line", self.message))

    @classmethod
    def of(cls, finding: LintFinding) -> ChangedFinding:
        return cls(
            finding.line,
            finding.column,
            finding.code,
            finding.name,
            finding.concern,
            Severity(finding.severity),
            finding.message,
        )


@dataclass(frozen=True)
class CoverageChange:
    concern: str
    before: str
    after: str

    @property
    def lost(self) -> bool:
        return _RANK.get(self.after, 0) < _RANK.get(self.before, 0)


@dataclass(frozen=True)
class FileDiff:
    """One document compared at two revisions. `base_path` differs from `path` after a rename."""

    path: str
    base_path: str
    status: FileChange
    ai_before: bool | None
    ai_after: bool | None
    coverage: tuple[CoverageChange, ...] = ()
    added: tuple[ChangedFinding, ...] = ()
    resolved: tuple[ChangedFinding, ...] = ()

    @property
    def lost(self) -> tuple[CoverageChange, ...]:
        return tuple(change for change in self.coverage if change.lost)

    @property
    def gained(self) -> tuple[CoverageChange, ...]:
        return tuple(change for change in self.coverage if not change.lost)

    @property
    def regressed(self) -> bool:
        return bool(self.lost)

    @property
    def changed(self) -> bool:
        return bool(self.coverage or self.added or self.resolved) or self.ai_before != self.ai_after


@dataclass(frozen=True)
class Diff:
    files: tuple[FileDiff, ...]

    @property
    def regressed(self) -> bool:
        return any(file.regressed for file in self.files)

    def count(self, what: str) -> int:
        """Total of one per-file tuple ("lost", "gained", "added", "resolved") over all files."""
        return sum(len(getattr(file, what)) for file in self.files)


def compare(
    base: LintReport | None,
    head: LintReport | None,
    *,
    path: str,
    base_path: str | None = None,
    renamed: bool = False,
) -> FileDiff:
    """The change from `base` to `head`; None stands for a side where the file does not exist.

    `base_path` is where the base came from when it is not `path` (a rename, or two files).
    """
    before = base_path or path
    if head is None:
        # A deleted PRD loses nothing a reviewer must restore: it is listed, never a regression.
        return FileDiff(path, before, FileChange.DELETED, base.ai if base else None, None)
    old_coverage: Mapping[str, str] = base.coverage if base else {}
    old_findings: Sequence[LintFinding] = base.findings if base else ()
    status = FileChange.RENAMED if renamed else FileChange.MODIFIED
    if base is None:
        status = FileChange.ADDED
    added, resolved = _match(old_findings, head.findings)
    return FileDiff(
        path,
        before,
        status,
        base.ai if base else None,
        head.ai,
        _coverage_changes(old_coverage, head.coverage),
        added,
        resolved,
    )


def _coverage_changes(
    before: Mapping[str, str], after: Mapping[str, str]
) -> tuple[CoverageChange, ...]:
    extra = sorted((before.keys() | after.keys()) - set(IDS))
    changes = (
        CoverageChange(concern, before.get(concern, "missing"), after.get(concern, "missing"))
        for concern in (*IDS, *extra)
    )
    return tuple(change for change in changes if change.before != change.after)


def _match(
    before: Iterable[LintFinding], after: Iterable[LintFinding]
) -> tuple[tuple[ChangedFinding, ...], tuple[ChangedFinding, ...]]:
    """Findings only in `after` (added) and only in `before` (resolved), as multisets by key."""
    old = sorted(ChangedFinding.of(finding) for finding in before)
    new = sorted(ChangedFinding.of(finding) for finding in after)
    return _surplus(new, Counter(f.key for f in old)), _surplus(old, Counter(f.key for f in new))


def _surplus(
    findings: list[ChangedFinding], other: Counter[tuple[str, str, str]]
) -> tuple[ChangedFinding, ...]:
    """The findings left once each key is matched as many times as `other` holds it."""
    left = Counter(other)
    surplus = []
    for finding in findings:
        if left[finding.key] > 0:
            left[finding.key] -= 1
        else:
            surplus.append(finding)
    return tuple(surplus)
