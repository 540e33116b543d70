"""What a field's help promises about its words, as pure functions of the words.

- an SLA or a time window is a duration ("within 4 h", "rolling 28 days", "weekly"), not "soon";
- an owner names a person or a role, not "the team", "TBD" or "us";
- an approval is not pending once the spec is in review or later;
- a due date is a date (YYYY-MM-DD).

A value that repeats the one above ("ditto", "same" in a list's next entry or a table's next
row) is judged as that value; a dash is judged as a dash: an owner of "-" names nobody.

Stdlib only, so that every reader of those words holds them to the same promise: the
questionnaire as each answer is typed and `check` on a loaded spec (both through
`spec.wording`, which maps the model's fields to these rules), and lint on the rendered or
hand-written PRD (`lint/rules/wording.py`, which finds the same places by their labels).
Each rule returns why the words break the promise, or None when they keep it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Final

_UNITS: Final = (
    r"ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|"
    r"w|wks?|weeks?|months?|mo|quarters?|q|years?|y|sprints?"
)
_AMOUNT: Final = rf"\d+(?:[.,]\d+)?\s*(?:{_UNITS})\b"
_PERIOD: Final = (
    r"\b(?:second|minute|hour|day|week|month|quarter|year|sprint|"
    r"hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annual|annually|"
    # deadlines tied to an event rather than a clock: "each release", "before booking"
    r"release|before|until|immediately|instantly|real[- ]time|synchronous|no added delay)s?\b"
    # calendar periods: "Q2 2027", "H1", "FY27", "2027"
    r"|\b(?:q[1-4]|h[12]|fy ?\d{2,4}|(?:19|20)\d\d)\b"
)

VAGUE_OWNERS: Final = frozenset(
    {
        "the team",
        "team",
        "tbd",
        "tbc",
        "us",
        "we",
        "someone",
        "somebody",
        "anyone",
        "everyone",
        "nobody",
        "unknown",
        "n/a",
        "na",
        "none",
        "?",
        "todo",
        "owner",
    }
)
_PENDING: Final = (
    r"\b(?:pending|requested|awaiting|not yet|in progress|tbd|tbc|to be confirmed|submitted)\b"
)
_DATE: Final = r"^\d{4}-\d{2}-\d{2}$"


@cache
def _pattern(source: str) -> re.Pattern[str]:
    """`source` compiled on first use, ignoring case (lint's start-up pays for none of them)."""
    return re.compile(source, re.IGNORECASE)


REVIEWED: Final = frozenset({"review", "approved", "launched", "launch"})
"""The spec statuses (review, approved, launched) and lint stages (review, launch) at which an
approval must have been given."""

Rule = Callable[[str, str], "str | None"]
"""A rule: (the words, the spec's status or the document's stage) -> why they break the promise."""


_REPEATS: Final = r"(?:ditto|same|as above|\"|''|\u201d|\u3003)\.?"


def repeats_above(value: str) -> bool:
    """Whether `value` is a table's or a list's idiom for the value above it ("ditto",
    "same", '"'): it stands for that value, and is judged as that value."""
    return _pattern(_REPEATS).fullmatch(value.strip()) is not None


def as_written(value: str, above: str | None) -> str:
    """The value `value` stands for: the one above when it repeats it, else itself (the
    first entry has nothing above, and is judged by its own words)."""
    return above if above is not None and repeats_above(value) else value


def not_a_duration(value: str, status: str = "") -> str | None:
    """An SLA or window is a duration: a number with a unit, or a period word ("weekly")."""
    if _pattern(_AMOUNT).search(value) or _pattern(_PERIOD).search(value):
        return None
    return f"'{value}' is not a duration; give a time with its unit, e.g. 'within 4 h'"


def no_named_owner(value: str, status: str = "") -> str | None:
    """An owner is a person or role someone can reach, not a placeholder or a dash."""
    words = re.sub(r"[\s.!]+", " ", value).strip().lower()
    if words in VAGUE_OWNERS or not any(char.isalnum() for char in words):
        return f"'{value}' names nobody; name a person or a role, e.g. 'Support ML on-call'"
    return None


def still_pending(value: str, status: str, *, noun: str = "status") -> str | None:
    """At review or later an approval is given; a pending one is a gap.

    `status` is a spec status or a lint stage; `noun` says which, in the message."""
    if status in REVIEWED and _pattern(_PENDING).search(value):
        return (
            f"'{value}' is not an approval yet, and the spec is at {noun} '{status}'; "
            f"record the approval, or set the {noun} back to draft"
        )
    return None


def not_a_date(value: str, status: str = "") -> str | None:
    """A due date is written YYYY-MM-DD, so it sorts and can be checked."""
    if _pattern(_DATE).match(value):
        return None
    return f"'{value}' is not a date; write it as YYYY-MM-DD"
