"""One row per PRD: coverage per concern, findings by severity, overdue questions, staleness."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prd_forge import catalogue, concerns
from prd_forge.lint.files import InputProblem, read
from prd_forge.lint.results import FileReport
from prd_forge.lint.run import run
from prd_forge.report import history
from prd_forge.terms import SEVERITIES

# A concern's weight in the coverage score: present counts fully, partial half, the rest not.
STATE_SCORE = {"present": 1.0, "partial": 0.5, "hollow": 0.0, "missing": 0.0}
# A concern that does not apply to the PRD (an AI-only one, for a feature without a model).
NOT_APPLICABLE = "n/a"
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_QUESTIONS = re.compile(r"\b(?:open questions?|questions|tbd|unresolved)\b", re.I)
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Row:
    """What the report says about one PRD."""

    path: str
    ai: bool
    coverage: dict[str, str]
    counts: dict[str, int]
    overdue: tuple[tuple[str, str], ...] = ()
    stale: tuple[str, ...] = ()
    trend: tuple[float, ...] = field(default=())

    @property
    def score(self) -> float:
        """Share of concerns covered, 0 to 1 (partial counts half)."""
        states = [s for s in self.coverage.values() if s != NOT_APPLICABLE]
        return sum(STATE_SCORE.get(s, 0.0) for s in states) / len(states) if states else 0.0

    def sort_key(self) -> tuple[int, float, int, str]:
        """Worst first: most errors, then least coverage, then most warnings."""
        return (-self.counts["error"], self.score, -self.counts["warning"], self.path)


@dataclass(frozen=True)
class Portfolio:
    """Every row, worst first, and the files that could not be read."""

    today: str
    concerns: tuple[str, ...]
    rows: tuple[Row, ...]
    unreadable: tuple[InputProblem, ...]


def score(coverage: dict[str, str]) -> float:
    """The coverage score of a coverage map (see Row.score)."""
    return Row("", False, coverage, {}).score


def overdue(text: str, today: datetime.date) -> tuple[tuple[str, str], ...]:
    """Lines of the open-questions section carrying a date before `today`."""
    found: list[tuple[str, str]] = []
    level, fenced = 0, False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            depth = len(heading.group(1))
            if level and depth <= level:
                level = 0
            if not level and _QUESTIONS.search(heading.group(2)):
                level = depth
            continue
        if level and not fenced:
            found += _past(line, today)
    return tuple(found)


def _past(line: str, today: datetime.date) -> list[tuple[str, str]]:
    for match in _DATE.finditer(line):
        try:
            due = datetime.date.fromisoformat(match.group(1))
        except ValueError:
            continue
        if due < today:
            cells = [c.strip() for c in line.strip().strip("|").split("|") if c.strip()]
            question = (cells[0] if cells else line).lstrip("-*0123456789.) ").strip()
            return [(question[:160], match.group(1))]
    return []


def stale(text: str) -> tuple[str, ...]:
    """Each stale approval in a PRD that shows an approval record, as `role (name): sections`."""
    if "approval record" not in text.casefold():
        return ()
    from prd_forge.approvals import table
    from prd_forge.lint.document import parse

    return tuple(
        f"{signed.role} ({signed.name}): "
        + (", ".join(found) if isinstance(found, list) else "digest does not parse")
        for signed, found in table.stale(parse(text))
    )


def _row(report: FileReport, today: datetime.date, trend: tuple[float, ...]) -> Row:
    counts = {severity.value: 0 for severity in SEVERITIES}
    for finding in report.findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    decoded = read(report.path)
    text = None if isinstance(decoded, InputProblem) else decoded.text
    extra = ((), ()) if text is None else (overdue(text, today), stale(text))
    applies = {concern.id for concern in concerns.applicable(ai=report.ai)}
    coverage = {
        concern: str(state) if concern in applies else NOT_APPLICABLE
        for concern, state in report.coverage.items()
    }
    return Row(report.path, report.ai, coverage, counts, extra[0], extra[1], trend)


def build(paths: Sequence[str], today: datetime.date, revisions: int) -> Portfolio:
    """The portfolio of the PRDs under `paths` (ConfigError escapes: a usage error)."""
    result = run(paths)
    trends = history.trends([r.path for r in result.reports], revisions, score)
    rows = [_row(r, today, trends.get(str(Path(r.path)), ())) for r in result.reports]
    rows.sort(key=Row.sort_key)
    return Portfolio(today.isoformat(), catalogue.IDS, tuple(rows), result.problems)
