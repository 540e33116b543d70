"""What a field's help promises about its words, as rules both `check` and the questionnaire run.

- an SLA or a time window is a duration ("within 4 h", "rolling 28 days", "weekly"), not "soon";
- an owner names a person or a role, not "the team", "TBD" or "us";
- an approval is not pending once the spec is in review or later;
- a due date is a date (YYYY-MM-DD).

`problem(model, field, value, status)` is the one entry point: the questionnaire calls it as
each answer is typed, and `spec.completeness` calls it on every field of a loaded spec, so a
value refused at the prompt is exactly a value `check` reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from prd_forge.spec.model import (
    DataSource,
    Feature,
    HumanOversight,
    Metric,
    Model,
    Monitoring,
    OpenQuestion,
    Rollout,
    Signoff,
    Status,
)

_UNITS = (
    r"ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|"
    r"w|wks?|weeks?|months?|mo|quarters?|q|years?|y|sprints?"
)
_AMOUNT = re.compile(rf"\d+(?:[.,]\d+)?\s*(?:{_UNITS})\b", re.IGNORECASE)
_PERIOD = re.compile(
    r"\b(?:second|minute|hour|day|week|month|quarter|year|sprint|"
    r"hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annual|annually|"
    # deadlines tied to an event rather than a clock: "each release", "before booking"
    r"release|before|until|immediately|instantly|real[- ]time|synchronous|no added delay)s?\b",
    re.IGNORECASE,
)

VAGUE_OWNERS = frozenset(
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
_PENDING = re.compile(
    r"\b(?:pending|requested|awaiting|not yet|in progress|tbd|tbc|to be confirmed|submitted)\b",
    re.IGNORECASE,
)
_AT_REVIEW = (Status.REVIEW, Status.APPROVED, Status.LAUNCHED)

Rule = Callable[[str, Status], "str | None"]


def not_a_duration(value: str, status: Status) -> str | None:
    """An SLA or window is a duration: a number with a unit, or a period word ("weekly")."""
    if _AMOUNT.search(value) or _PERIOD.search(value):
        return None
    return f"'{value}' is not a duration; give a time with its unit, e.g. 'within 4 h'"


def no_named_owner(value: str, status: Status) -> str | None:
    """An owner is a person or role someone can reach, not a placeholder."""
    words = re.sub(r"[\s.!]+", " ", value).strip().lower()
    if words in VAGUE_OWNERS:
        return f"'{value}' names nobody; name a person or a role, e.g. 'Support ML on-call'"
    return None


def still_pending(value: str, status: Status) -> str | None:
    """At review or later an approval is given; a pending one is a gap."""
    if status in _AT_REVIEW and _PENDING.search(value):
        return (
            f"'{value}' is not an approval yet, and the spec is at status '{status.value}'; "
            "record the approval, or set the status back to draft"
        )
    return None


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def not_a_date(value: str, status: Status) -> str | None:
    """A due date is written YYYY-MM-DD, so it sorts and can be checked."""
    return None if _DATE.match(value) else f"'{value}' is not a date; write it as YYYY-MM-DD"


RULES: dict[tuple[type[Model], str], Rule] = {
    (Feature, "owner"): no_named_owner,
    (DataSource, "owner"): no_named_owner,
    (DataSource, "approved_by"): still_pending,
    (Metric, "window"): not_a_duration,
    (HumanOversight, "reviewer"): no_named_owner,
    (HumanOversight, "sla"): not_a_duration,
    (Monitoring, "owner"): no_named_owner,
    (Rollout, "kill_switch_owner"): no_named_owner,
    (Signoff, "name"): no_named_owner,
    (Signoff, "status"): still_pending,
    (OpenQuestion, "owner"): no_named_owner,
    (OpenQuestion, "due"): not_a_date,
}
"""The fields whose help makes a promise about their words, and the rule that holds them to it."""


def problem(model: type[Model], field: str, value: object, status: Status) -> str | None:
    """Why `value` breaks the promise of `model.field`'s help, or None when it keeps it."""
    rule = RULES.get((model, field))
    if rule is None or not isinstance(value, str) or not value.strip():
        return None
    return rule(value.strip(), status)
