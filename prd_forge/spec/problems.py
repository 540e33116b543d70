"""What stops an answers file from loading (a LoadProblem), and the errors that carry them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class LoadProblem:
    """One problem with an answers file, as `check` prints it."""

    file: str
    line: int | None
    path: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = f" {self.path}:" if self.path else ""
        fix = f" ({self.fix})" if self.fix else ""
        return f"{place}:{where} {self.message}{fix}"


class SpecError(Exception):
    """The file could not be read as an answers file."""

    def __init__(self, problems: list[LoadProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class UnreadableSpec(SpecError):
    """The file cannot be read at all (no such file, a directory, not a regular file, too
    large): an input error, with no content to report on, where a SpecError's file was read."""
