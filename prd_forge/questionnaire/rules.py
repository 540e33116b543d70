"""Which questions apply, which answers become required, and what an answer sets off.

Tables keyed by (model, field): the walk in `flow` consults them, so asking less when an answer
makes a question moot, or more when stakes rise, is a row here rather than a branch there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prd_forge.questionnaire import prompts
from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.fields import Question
from prd_forge.spec.model import (
    Baseline,
    BaselineKind,
    DataSource,
    FailureMode,
    FailureSeverity,
    Fallback,
    FallbackBehaviour,
    GenaiRisk,
    HumanOversight,
    Model,
    RiskStatus,
)
from prd_forge.spec.stakes import human_review_required

Key = tuple[type[Model], str]


def _has_baseline(siblings: dict[str, Any]) -> bool:
    return siblings.get("kind") != BaselineKind.NONE.value


def _no_baseline(siblings: dict[str, Any]) -> bool:
    return siblings.get("kind") == BaselineKind.NONE.value


def _holds_pii(siblings: dict[str, Any]) -> bool:
    return siblings.get("contains_pii") is True


def _addressed(siblings: dict[str, Any]) -> bool:
    return siblings.get("status") == RiskStatus.ADDRESSED.value


def _not_applicable(siblings: dict[str, Any]) -> bool:
    return siblings.get("status") == RiskStatus.NOT_APPLICABLE.value


WHEN: dict[Key, Callable[[dict[str, Any]], bool]] = {
    (Baseline, "description"): _has_baseline,
    (Baseline, "measured_value"): _has_baseline,
    (Baseline, "no_baseline_reason"): _no_baseline,
    (DataSource, "pii_handling"): _holds_pii,
    (GenaiRisk, "how"): _addressed,
    (GenaiRisk, "reason"): _not_applicable,
}
"""A question asked only when its siblings' answers make it relevant."""


def applies(question: Question, siblings: Any) -> bool:
    predicate = WHEN.get((question.model, question.name))
    return predicate is None or predicate(siblings if isinstance(siblings, dict) else {})


def _human_review(answers: Answers) -> bool:
    return human_review_required(answers.spec())


REQUIRED_WHEN: dict[Key, Callable[[Answers], bool]] = {
    (HumanOversight, "review_points"): _human_review,
    (HumanOversight, "reviewer"): _human_review,
}
"""Questions that may not be skipped once an earlier answer raises the stakes."""


def required(question: Question, answers: Answers) -> bool:
    predicate = REQUIRED_WHEN.get((question.model, question.name))
    return predicate is not None and predicate(answers)


HUMAN_REVIEW_NOTE = "the 'human-review' UX state and the human oversight section are now required"


def _unacceptable(value: Any) -> str | None:
    if value == FailureSeverity.UNACCEPTABLE.value:
        return f"  Unacceptable severity: {HUMAN_REVIEW_NOTE}."
    return None


def _routes_to_human(value: Any) -> str | None:
    if value == FallbackBehaviour.ROUTE_TO_HUMAN.value:
        return f"  A fallback routes to a human: {HUMAN_REVIEW_NOTE}."
    return None


AFTER: dict[Key, Callable[[Any], str | None]] = {
    (FailureMode, "severity"): _unacceptable,
    (Fallback, "behaviour"): _routes_to_human,
}
"""Notes shown right after an answer that changes what later sections require."""


def after(question: Question, value: Any, answers: Answers) -> None:
    note = AFTER.get((question.model, question.name))
    message = note(value) if note else None
    if message:
        prompts.echo(message)
