"""Ids that cannot go wrong, and a prompt that refuses what `check` would report."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prd_forge.questionnaire import ids, prompts
from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.fields import question
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.review import fill
from prd_forge.questionnaire.sections import ask_section, by_id
from prd_forge.questionnaire.special import HANDLERS
from prd_forge.spec.completeness import Gap, find_gaps
from prd_forge.spec.model import Spec, Status
from prd_forge.spec.wording import RULES
from tests.questionnaire.keys import CTRL_U, DOWN, ENTER, block, line, run_with_keys


def interview(data: dict[str, Any] | None = None, **kwargs: Any) -> Interview:
    return Interview(Answers(data=data or {}), handlers=HANDLERS, **kwargs)


def test_slug_keeps_the_telling_words() -> None:
    assert ids.slug("The draft states a refund policy that does not apply.") == (
        "draft-states-refund-policy"
    )
    assert ids.slug("No draft!") == "draft"
    assert ids.slug("") == ""


FALLBACK = [
    line("timeout"),
    line("No reply within 3 s"),
    line("hide-the-feature"),
    block("The draft panel stays empty."),
]


def test_a_duplicate_id_is_refused_at_its_prompt_and_the_proposal_is_unique() -> None:
    done = {"trigger": "outage", "trigger_detail": "Down", "behaviour": "hide-the-feature"}
    done |= {"description": "Hidden.", "ux_state": "error"}
    walk = interview({"fallbacks": [{"id": "draft-panel-stays-empty", **done}]})
    walk.answers.suggested["fallbacks[1].ux_state"] = "error"
    walk.answers.suggested["fallbacks[2].ux_state"] = "error"
    keys = ["y", *FALLBACK]
    keys += [line(CTRL_U + "draft-panel-stays-empty")]  # taken: refused, the prompt stays
    keys += [line(CTRL_U + "empty-panel"), ENTER]
    keys += ["y", *FALLBACK, ENTER, ENTER, "n"]  # Enter takes the proposal, made unique
    run_with_keys(lambda: walk.ask_list(question(Spec, "fallbacks"), ("fallbacks",)), *keys)
    assert [f["id"] for f in walk.answers.data["fallbacks"]] == [
        "draft-panel-stays-empty",
        "empty-panel",
        "draft-panel-stays-empty-2",
    ]


def test_the_proposal_avoids_ids_already_taken() -> None:
    answers = Answers(data={"fallbacks": [{"id": "panel-empty"}, {"description": "Panel empty."}]})
    assert ids.propose(answers, ("fallbacks", 1, "id")) == "panel-empty-2"
    assert ids.taken("panel-empty", answers, ("fallbacks", 1, "id")) == (
        "'panel-empty' is already the id of another entry; give this one its own id"
    )
    assert ids.taken("panel-empty", answers, ("fallbacks", 0, "id")) is None


def test_renaming_a_fallback_rewrites_every_failure_mode_that_names_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = {
        "failure_modes": {
            "modes": [
                {"id": "a", "fallbacks": ["old", "other"]},
                {"id": "b", "fallbacks": ["other"]},
                {"id": "c", "fallbacks": ["old"]},
            ]
        },
        "fallbacks": [{"id": "old"}, {"id": "other"}],
    }
    walk = interview(data, revisit=True)
    run_with_keys(lambda: walk.ask_path(("fallbacks", 0, "id")), line(CTRL_U + "new"))
    modes = walk.answers.data["failure_modes"]["modes"]
    assert [m["fallbacks"] for m in modes] == [["new", "other"], ["other"], ["new"]]
    assert "Renamed 'old' to 'new' in 2 reference(s)." in capsys.readouterr().out


def test_renaming_a_metric_rewrites_the_thresholds_that_name_it() -> None:
    data = {
        "metrics": [{"name": "Acc"}],
        "evaluation": {"offline_sets": [{"name": "Gold", "thresholds": [{"metric": "Acc"}]}]},
    }
    walk = interview(data, revisit=True)
    run_with_keys(lambda: walk.ask_path(("metrics", 0, "name")), line(CTRL_U + "Accuracy"))
    threshold = walk.answers.data["evaluation"]["offline_sets"][0]["thresholds"][0]
    assert threshold["metric"] == "Accuracy"


def test_a_threshold_picks_its_metric_or_defines_one_on_the_spot() -> None:
    data = {"metrics": [{"name": "Re-route rate"}], "evaluation": {"offline_sets": [{}]}}
    walk = interview(data)
    walk.answers.data["evaluation"]["offline_sets"][0] = {"name": "Gold", "thresholds": [{}]}
    path = ("evaluation", "offline_sets", 0, "thresholds", 0, "metric")
    new_metric = [line("Accuracy"), line("model-quality"), line("0.8")]
    new_metric += [line(">="), line("0.9"), ENTER, line("Each release"), line("Golden set")]
    run_with_keys(lambda: walk.ask_path(path), DOWN + ENTER, *new_metric)
    assert walk.answers.get(path) == "Accuracy"
    assert [m["name"] for m in walk.answers.data["metrics"]] == ["Re-route rate", "Accuracy"]


def test_the_prompt_refuses_what_check_reports() -> None:
    walk = interview({"feature": {"status": "review"}})
    (section,) = by_id(["monitoring"])
    walk.answers.closed.add("monitoring.signals")
    keys = [line("the team"), line(CTRL_U + "Support ML on-call"), line("Weekly"), ENTER]
    run_with_keys(lambda: ask_section(walk, section), *keys)
    assert walk.answers.data["monitoring"]["owner"] == "Support ML on-call"


def test_fill_insists_on_a_required_gap_until_it_is_deferred(
    capsys: pytest.CaptureFixture[str],
) -> None:
    walk = interview({"feature": {"name": "Drafter", "owner": "Dana Reyes"}})
    gap = Gap("monitoring.owner", "monitoring", "is missing", "answer: Who owns monitoring?")
    # Enter on the empty prompt is refused (the gap is required), "TBD" is refused by the
    # rule `check` uses, and a named role is taken.
    keys = [ENTER, line("TBD"), line(CTRL_U + "Ops lead")]
    run_with_keys(lambda: fill(walk, [gap]), *keys)
    assert walk.answers.data["monitoring"]["owner"] == "Ops lead"
    walk = interview({"feature": {"name": "Drafter", "owner": "Dana Reyes"}})
    gap = Gap("metrics", "metrics", "lists no success metric", "add metrics")
    # The list menu's "Done" adds no metric; the gap stays, so the PM is asked what next
    # and picks "Record it as an open question".
    run_with_keys(lambda: fill(walk, [gap]), ENTER, DOWN + ENTER)
    assert walk.answers.data["open_questions"] == [
        {
            "question": "metrics: lists no success metric (add business, model-quality and "
            "guardrail metrics with targets)",
            "owner": "Dana Reyes",
            "blocks": "metrics",
        }
    ]
    assert "Recorded as open question 1, blocking metrics." in capsys.readouterr().out


WORDED = sorted(RULES, key=lambda key: (key[0].__name__, key[1]))
PATHS = {
    ("Feature", "owner"): ("feature", "owner"),
    ("DataSource", "owner"): ("data_sources", 0, "owner"),
    ("DataSource", "approved_by"): ("data_sources", 0, "approved_by"),
    ("Metric", "window"): ("metrics", 0, "window"),
    ("HumanOversight", "reviewer"): ("human_oversight", "reviewer"),
    ("HumanOversight", "sla"): ("human_oversight", "sla"),
    ("Monitoring", "owner"): ("monitoring", "owner"),
    ("Rollout", "kill_switch_owner"): ("rollout", "kill_switch_owner"),
    ("Signoff", "name"): ("privacy", "signoffs", 0, "name"),
    ("Signoff", "status"): ("privacy", "signoffs", 0, "status"),
    ("OpenQuestion", "owner"): ("open_questions", 0, "owner"),
    ("OpenQuestion", "due"): ("open_questions", 0, "due"),
}
NAMES = {
    "data_sources": "name",
    "metrics": "name",
    "signoffs": "role",
    "open_questions": "question",
}
WORDS = st.sampled_from(
    [
        *("soon", "the team", "TBD", "us", "pending", "4 h", "weekly", "Dana", "approved"),
        *("x", "2026-12-15", "next sprint"),
    ]
)


def _answers(path: tuple[str | int, ...], value: str, status: str) -> Answers:
    answers = Answers(data={"feature": {"status": status}})
    for depth in range(1, len(path)):
        if isinstance(path[depth], int):
            answers.set(path[:depth], [{NAMES[str(path[depth - 1])]: "item"}])
    answers.set(path, value)
    return answers


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from(WORDED),
    value=st.one_of(WORDS, st.lists(WORDS, min_size=2, max_size=3).map(" ".join), st.text()),
    status=st.sampled_from([s.value for s in Status]),
)
def test_the_prompt_accepts_exactly_what_check_does_not_report(
    key: tuple[type, str], value: str, status: str
) -> None:
    model, field = key
    path = PATHS[(model.__name__, field)]
    answers = _answers(path, value, status)
    walk = Interview(answers, handlers=HANDLERS)
    item = question(model, field)
    accepted = prompts.text_validator(item, False, extra=walk.extra_check(item, path))(value)
    where = ".".join(str(p) for p in path)
    where = where.replace(".0.", "[0].")
    reported = [
        g for g in find_gaps(answers.spec()) if g.path == where and "is missing" not in g.message
    ]
    if accepted is True and value.strip():
        assert reported == [], (value, reported)
    elif value.strip():
        assert len(reported) == 1 and reported[0].message == accepted
