"""The catalogue is the product's centre: ids are stable and aliases never collide."""

from __future__ import annotations

import re

from prd_forge import catalogue
from prd_forge.spec.model import Spec

STABLE_IDS = (
    "problem", "ai-fit", "scope", "baseline", "error-cost", "data", "metrics", "evaluation",
    "fallbacks", "ux-states", "human-oversight", "monitoring", "rollout", "privacy",
    "open-questions",
)  # fmt: skip


def test_stable_ids_present_in_order() -> None:
    assert catalogue.IDS[: len(STABLE_IDS)] == STABLE_IDS


def test_ids_unique_and_kebab_case() -> None:
    assert len(set(catalogue.IDS)) == len(catalogue.IDS)
    for concern_id in catalogue.IDS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", concern_id), concern_id


def test_aliases_do_not_collide_across_concerns() -> None:
    owner: dict[str, str] = {}
    for concern in catalogue.CONCERNS:
        assert len(concern.aliases) >= 5, concern.id
        for alias in concern.aliases:
            key = alias.casefold().strip()
            assert owner.setdefault(key, concern.id) == concern.id, (alias, owner[key])


def test_every_concern_is_documented_and_answered_by_real_fields() -> None:
    for concern in catalogue.CONCERNS:
        assert concern.title and concern.why.endswith(".") and concern.anchor
        assert concern.fields, concern.id
        for path in concern.fields:
            assert path.split(".")[0] in Spec.model_fields, (concern.id, path)


def test_fallbacks_and_evaluation_are_required() -> None:
    assert catalogue.get("fallbacks").required
    assert catalogue.get("evaluation").required


def test_non_ai_features_skip_ai_only_concerns() -> None:
    ids = {c.id for c in catalogue.applicable(ai=False)}
    assert "fallbacks" not in ids and "problem" in ids and "rollout" in ids
