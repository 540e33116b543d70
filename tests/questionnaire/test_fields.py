"""The questions come from the spec model's metadata; answers pass the model's validators."""

from __future__ import annotations

import pytest

from prd_forge.questionnaire.fields import Kind, noun, question, questions, with_article
from prd_forge.questionnaire.sections import plan
from prd_forge.spec.model import (
    DataSource,
    Evaluation,
    FailureMode,
    FailureModes,
    Feature,
    Metric,
    Model,
    Problem,
    Signal,
    Spec,
    Target,
)


@pytest.mark.parametrize(
    ("model", "name", "kind"),
    [
        (Feature, "name", Kind.TEXT),
        (Feature, "status", Kind.SELECT),
        (Feature, "target_users", Kind.TEXT_LIST),
        (Problem, "rules_considered", Kind.CONFIRM),
        (DataSource, "purposes", Kind.CHECKBOX),
        (Metric, "target", Kind.MODEL),
        (Metric, "baseline", Kind.TEXT),
        (FailureModes, "modes", Kind.MODEL_LIST),
        (Spec, "failure_modes", Kind.MODEL),
        (Spec, "fallbacks", Kind.MODEL_LIST),
    ],
)
def test_kind_follows_the_annotation(model: type, name: str, kind: Kind) -> None:
    assert question(model, name).kind is kind


def test_question_help_and_example_are_the_fields_own() -> None:
    item = question(FailureMode, "id")
    info = FailureMode.model_fields["id"]
    assert item.message == info.description == "Short id for this failure mode?"
    assert item.help == "Lowercase words joined by hyphens; other answers refer to it."
    assert item.example_text == "wrong-policy-answer"
    assert question(Problem, "user_need").multiline
    assert question(Problem, "rules_considered").example_text == "yes"


def test_every_field_has_a_question_and_help() -> None:
    models: set[type[Model]] = {Spec}
    seen: set[type[Model]] = set()
    while models - seen:
        model = (models - seen).pop()
        seen.add(model)
        for item in questions(model):
            assert item.message != item.name, f"{model.__name__}.{item.name} has no question"
            assert item.help, f"{model.__name__}.{item.name} has no help"
            if item.item_model:
                models.add(item.item_model)


@pytest.mark.parametrize(
    ("model", "name", "typed", "stored"),
    [
        (Target, "value", "0.97", 0.97),
        (Evaluation, "confidence_threshold", "0.7", 0.7),
        (FailureMode, "errs", "false-positive", "false-positive"),
        (Feature, "target_users", ["  Agents  "], ["Agents"]),
    ],
)
def test_validate_returns_the_answers_file_form(
    model: type, name: str, typed: object, stored: object
) -> None:
    assert question(model, name).validate(typed) == stored


@pytest.mark.parametrize(
    ("model", "name", "typed", "reason"),
    [
        (
            FailureMode,
            "id",
            "Wrong Policy",
            "use lowercase words joined by hyphens, e.g. wrong-policy-answer",
        ),
        (Target, "value", "ninety", "enter a number, e.g. 0.9"),
        (Evaluation, "confidence_threshold", "2", "Input should be less than or equal to 1"),
        (
            Signal,
            "alert_threshold",
            "high",
            "an alert threshold needs a number, e.g. '> 35% over 24 h'",
        ),
        (DataSource, "name", "  ", "an answer is needed here"),
    ],
)
def test_validate_says_why_in_plain_words(model: type, name: str, typed: str, reason: str) -> None:
    with pytest.raises(ValueError, match="^" + reason.replace("(", r"\(").replace(")", r"\)")):
        question(model, name).validate(typed)


def test_nouns_for_add_another() -> None:
    assert [with_article(noun(m)) for m in (FailureMode, DataSource)] == [
        "a failure mode",
        "a data source",
    ]
    assert with_article(noun(Evaluation)) == "an evaluation"


def _leaves(model: type[Model], prefix: tuple[str, ...]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for item in questions(model):
        path = (*prefix, item.name)
        if item.kind is Kind.MODEL and item.item_model is not None:
            found |= _leaves(item.item_model, path)
        else:
            found.add(path)
    return found


def test_sections_ask_every_field_of_the_spec_exactly_once() -> None:
    asked: list[tuple[str, ...]] = []
    for section in plan():
        for path in section.paths:
            model = question(Spec, str(path[0])).item_model
            if len(path) == 1 and question(Spec, str(path[0])).kind is Kind.MODEL:
                assert model is not None
                asked += sorted(_leaves(model, (str(path[0]),)))
            else:
                asked.append(tuple(str(p) for p in path))
    assert sorted(asked) == sorted(set(asked))
    # Approvals are recorded by `prd-forge approve`, never asked.
    assert set(asked) == {path for path in _leaves(Spec, ()) if path[0] != "approvals"}


def test_sections_follow_the_catalogue() -> None:
    headings = [section.heading(15).splitlines()[0] for section in plan()]
    assert headings[:3] == [
        "Section 1/15: Problem and user need",
        "Section 2/15: Why AI",
        "Section 3/15: Scope and limitations",
    ]
    assert [s.paths for s in plan()][1] == (
        ("problem", "ai_task"),
        ("problem", "output_kind"),
        ("problem", "input_modalities"),
        ("problem", "trigger"),
        ("problem", "uses_tools"),
        ("problem", "why_ai"),
        ("problem", "rules_considered"),
        ("problem", "why_not_rules"),
    )


def test_every_special_handler_names_a_real_field() -> None:
    """A handler keyed by a field that was renamed or removed would never be asked."""
    from prd_forge.questionnaire import special

    special.check_handlers()  # raises KeyError for a field the model does not have
    special.HANDLERS[(Spec, "no_such_field")] = special.HANDLERS[next(iter(special.HANDLERS))]
    try:
        with pytest.raises(KeyError):
            special.check_handlers()
    finally:
        del special.HANDLERS[(Spec, "no_such_field")]
