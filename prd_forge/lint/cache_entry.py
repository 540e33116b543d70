"""One file's entry in lint's result cache, and a report as the cache stores it (JSON rows).

Reviving 5,000 findings from the cache must cost less than starting Python, so a row becomes a
Finding by filling its fields directly (the dataclass's frozen __init__ costs several times
more); every row is checked first, and anything unexpected makes the entry a miss.
"""

from __future__ import annotations

import os
from typing import Any, Final

from prd_forge.lint.results import FileReport, Finding
from prd_forge.terms import CoverageState, Severity

_STATES: Final = {state.value: state for state in CoverageState}
_SEVERITIES: Final = {severity.value: severity for severity in Severity}
_FIELDS: Final = ("path", "line", "column", "code", "name", "concern", "severity", "message")
_TYPES: Final = (str, int, int, str, str, str, str, str)


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
        if not isinstance(row, list) or len(row) != 9:
            return None
        if not all(type(value) is int for value in row[:6]) or not isinstance(row[6], str):
            return None
        if row[7] is not None and not isinstance(row[7], str):
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
    """A report as plain lists, dicts, strings and numbers (enums as their values)."""
    findings = [
        [kind(getattr(finding, name)) for name, kind in zip(_FIELDS, _TYPES, strict=True)]
        + [[str(concern) for concern in finding.concerns]]
        for finding in report.findings
    ]
    coverage = {str(concern): str(state) for concern, state in report.coverage.items()}
    return [str(report.path), bool(report.ai), coverage, findings]


def decode_report(raw: Any) -> FileReport | None:
    """The report a cache entry holds, or None when it is not a well-formed one."""
    try:
        path, ai, coverage, rows = raw
        findings = tuple(_finding(row) for row in rows)
        states = {concern: _STATES[state] for concern, state in coverage.items()}
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    if not isinstance(path, str) or type(ai) is not bool or not all(map(_is_str, states)):
        return None
    return FileReport(path, ai, states, findings)


def _finding(row: list[Any]) -> Finding:
    *values, concerns = row  # TypeError or ValueError for a row that is not a list of 9
    if len(values) != len(_FIELDS) or not all(map(isinstance, values, _TYPES)):
        raise ValueError(row)
    if type(concerns) is not list or not all(map(_is_str, concerns)):
        raise ValueError(row)
    values[6] = _SEVERITIES[values[6]]  # KeyError for one that is not a severity
    finding = object.__new__(Finding)
    fields = finding.__dict__
    fields.update(zip(_FIELDS, values, strict=True))
    fields["concerns"] = tuple(concerns)
    return finding


def _is_str(value: object) -> bool:
    return isinstance(value, str)
