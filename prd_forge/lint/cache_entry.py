"""One file's entry in lint's result cache, and a report as the cache stores it (plain rows).

A row reaches this module only from a frame whose CRC-32 matched (lint/cache_store.py), so it
is what `encode_report` of this very code wrote (the cache's folder is per code version): a
torn or flipped byte never gets here. What is checked is the shape, which costs nothing more
than unpacking: a row of the wrong length, an unknown severity or coverage state, a path or
flag of the wrong type makes the entry a miss. Rebuilding a warm run's thousands of findings
field by field checked cost more than the rest of the run's lookups together.
"""

from __future__ import annotations

import os

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint.results import FileReport, Finding
from prd_forge.terms import CoverageState, Severity

if TYPE_CHECKING:
    from typing import Any, Final

_STATES: Final = {state.value: state for state in CoverageState}
_SEVERITIES: Final = {severity.value: severity for severity in Severity}
_FIELDS: Final = ("path", "line", "column", "code", "name", "concern", "severity", "message")
_TYPES: Final = (str, int, int, str, str, str, str, str)
_STR: Final = frozenset({str})
_INT: Final = {int}
# A record from a checked row without the Python-level __new__ each NamedTuple has.
_new: Final = tuple.__new__


class Entry:
    """A file's stat when it was read, its text's hash, its report and warning."""

    __slots__ = (
        *("size", "mtime_ns", "ctime_ns", "ino", "read_ns", "used_ns"),
        *("sha", "warning", "report"),
    )

    def __init__(self, row: list[Any]) -> None:
        (self.size, self.mtime_ns, self.ctime_ns, self.ino, self.read_ns, self.used_ns) = row[:6]
        self.sha: str = row[6]
        self.warning: str | None = row[7]
        self.report: Any = row[8]

    @classmethod
    def of(
        cls, info: os.stat_result, now_ns: int, sha: str, report: Any, warning: str | None
    ) -> Entry:
        return cls([*_stat(info), now_ns, now_ns, sha, warning, report])

    @classmethod
    def from_row(cls, row: object) -> Entry | None:
        """The entry a table row holds, or None for a row that is not one."""
        if type(row) is not list or len(row) != 9 or {*map(type, row[:6])} != _INT:
            return None
        if type(row[6]) is not str or (row[7] is not None and type(row[7]) is not str):
            return None
        return cls(row)

    def row(self) -> list[Any]:
        return [*self._stat(), self.read_ns, self.used_ns, self.sha, self.warning, self.report]

    def same_file(self, info: os.stat_result) -> bool:
        return self._stat() == _stat(info)

    def restat(self, info: os.stat_result, now_ns: int) -> Entry:
        """This entry for the same text, read again now."""
        return Entry([*_stat(info), now_ns, now_ns, self.sha, self.warning, self.report])

    def used(self, now_ns: int) -> Entry:
        return Entry([*self._stat(), self.read_ns, now_ns, self.sha, self.warning, self.report])

    def _stat(self) -> tuple[int, int, int, int]:
        return (self.size, self.mtime_ns, self.ctime_ns, self.ino)


def _stat(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def encode_report(report: FileReport) -> list[Any]:
    """A report as plain lists, tuples, dicts, strings and numbers (enums as their values)."""
    findings = [
        (
            *(kind(getattr(finding, name)) for name, kind in zip(_FIELDS, _TYPES, strict=True)),
            tuple(map(str, finding.concerns)),
        )
        for finding in report.findings
    ]
    coverage = {str(concern): str(state) for concern, state in report.coverage.items()}
    return [str(report.path), bool(report.ai), coverage, findings]


def decode_report(raw: Any) -> FileReport | None:
    """The report a cache entry holds, or None when it is not a well-formed one."""
    try:
        path, ai, coverage, rows = raw
        states = dict(zip(coverage, map(_STATES.__getitem__, coverage.values()), strict=True))
        findings = tuple(map(_finding, rows))
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    if type(path) is not str or type(ai) is not bool or not {*map(type, states)} <= _STR:
        return None
    return _new(FileReport, (path, ai, states, findings))


def _finding(row: list[Any]) -> Finding:
    """A Finding from its row (ValueError, TypeError or KeyError for one that is not one)."""
    path, line, column, code, name, concern, severity, message, concerns = row
    severity = _SEVERITIES[severity]  # KeyError for one that is not a severity
    return _new(Finding, (path, line, column, code, name, concern, severity, message, concerns))
