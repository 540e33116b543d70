"""Which fields of the spec model make a promise about their words, and the rule holding each.

The rules themselves are `prd_forge.wording`'s pure functions, which lint also runs on the
rendered PRD (`lint/rules/wording.py`). `problem(model, field, value, status)` is the one entry
point for the spec: the questionnaire calls it as each answer is typed, and `spec.completeness`
calls it on every field of a loaded spec, so a value refused at the prompt is exactly a value
`check` reports, and exactly a value lint reports in the PRD rendered from it.
"""

from __future__ import annotations

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
from prd_forge.wording import (
    Rule,
    no_named_owner,
    not_a_date,
    not_a_duration,
    still_pending,
)

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
