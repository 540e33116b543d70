"""The walk over the model, driven through the real prompts with a pipe (no mocks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.review import ReviewChoice, review, settle_gaps
from prd_forge.questionnaire.sections import ask_section, by_id
from prd_forge.questionnaire.session import DraftStore
from prd_forge.questionnaire.special import HANDLERS
from tests.questionnaire.keys import (
    CTRL_C,
    CTRL_U,
    DOWN,
    ENTER,
    SPACE,
    UP,
    block,
    line,
    run_with_keys,
)


def interview(data: dict[str, Any] | None = None, **kwargs: Any) -> Interview:
    return Interview(Answers(data=data or {}), handlers=HANDLERS, **kwargs)


def ask(concern: str, keys: list[str], start: Interview | None = None) -> Interview:
    walk = start or interview()
    (section,) = by_id([concern])
    run_with_keys(lambda: ask_section(walk, section), *keys)
    return walk


def test_a_rejected_answer_keeps_the_prompt_open(capsys: pytest.CaptureFixture[str]) -> None:
    # Scope: an empty first entry is allowed; the limitation list takes two entries.
    walk = ask(
        "scope",
        [ENTER, ENTER, line("Weak on screenshots"), line("Weak on Japanese"), ENTER],
    )
    assert walk.answers.data == {
        "scope": {
            "non_goals": [],
            "out_of_scope_uses": [],
            "known_limitations": ["Weak on screenshots", "Weak on Japanese"],
        }
    }
    out = capsys.readouterr().out
    assert out.startswith("\nSection 3/15: Scope and limitations\nUnbounded claims")


def test_baseline_none_asks_only_why(capsys: pytest.CaptureFixture[str]) -> None:
    walk = ask("baseline", [line("none"), line("Nothing forecasts runway today.")])
    assert walk.answers.data == {
        "baseline": {"kind": "none", "no_baseline_reason": "Nothing forecasts runway today."}
    }


def test_an_invalid_prefilled_answer_is_asked_again(capsys: pytest.CaptureFixture[str]) -> None:
    start = interview(
        {
            "baseline": {"kind": "manual", "description": "By hand.", "measured_value": "7.5 min"},
            "evaluation": {"confidence_threshold": 7},
        }
    )
    walk = start
    walk.answers.data["failure_modes"] = {"worse_error": "Wrong is worse", "modes": []}
    walk.answers.closed.add("failure_modes.modes")
    ask("baseline", [], walk)  # everything answered: no keystroke needed
    (section,) = by_id(["evaluation"])
    walk.answers.closed |= {
        "evaluation.offline_sets",
        "evaluation.online",
        "evaluation.launch_criteria",
    }
    walk.answers.data["evaluation"]["human_review_sampling"] = None
    run_with_keys(lambda: ask_section(walk, section), line(CTRL_U + "0.7"))
    assert walk.answers.data["evaluation"]["confidence_threshold"] == 0.7
    assert (
        "evaluation.confidence_threshold: 7 is not accepted: Input should be less than or "
        "equal to 1" in capsys.readouterr().out
    )


def test_output_kind_proposes_failure_modes_to_keep_edit_or_drop() -> None:
    start = interview({"problem": {"output_kind": "ranking"}})
    keys = [
        block("Burying the right item is worse."),
        DOWN + DOWN + SPACE + ENTER,  # keep poor-ranking and stale-result, drop the outage
        # poor-ranking: keep description, id and errs; then the rest
        ESC_SUBMIT,
        ENTER,
        ENTER,
        line("annoying"),
        "y",
        line("Listener"),
        line("Skips"),
        "n",  # no fallback defined now
        # stale-result: keep the description, rename it, keep the rest
        ESC_SUBMIT,
        line(CTRL_U + "stale-catalogue"),
        ENTER,
        line("annoying"),
        "y",
        line("Listener"),
        line("Complaints"),
        "n",
        "n",  # no other failure mode
    ]
    walk = ask("error-cost", keys, start)
    modes = walk.answers.data["failure_modes"]["modes"]
    assert [(m["id"], m["errs"]) for m in modes] == [
        ("poor-ranking", "poor-ranking"),
        ("stale-catalogue", "stale-result"),
    ]
    assert modes[0]["description"] == "The most useful items are not near the top."
    assert walk.answers.is_closed(("failure_modes", "modes"))


ESC_SUBMIT = "\x1b\r"


def _one_mode(severity: str, fallback_keys: list[str]) -> list[str]:
    return [
        block("Wrong is worse."),
        "y",  # add a failure mode
        block("States a wrong policy."),
        line(CTRL_U + "wrong-answer"),  # typed over the proposed states-wrong-policy
        line("plausible-but-incorrect"),
        line(severity),
        "n",
        line("Customer"),
        line("QA sample"),
        *fallback_keys,
        "n",
    ]


def test_a_failure_mode_defines_its_fallback_on_the_spot(
    capsys: pytest.CaptureFixture[str],
) -> None:
    new_fallback = [
        "y",
        line("low-confidence"),
        line("Confidence below 0.7"),
        line("route-to-human"),
        block("The agent writes the reply."),
        line(CTRL_U + "route-to-agent"),
        line("human-review"),
    ]
    walk = ask("error-cost", _one_mode("unacceptable", new_fallback))
    data = walk.answers.data
    assert data["failure_modes"]["modes"][0]["fallbacks"] == ["route-to-agent"]
    assert data["fallbacks"][0]["id"] == "route-to-agent"
    assert not walk.answers.is_closed(("fallbacks",))  # the fallbacks section still asks
    out = capsys.readouterr().out
    assert (
        "Unacceptable severity: the 'human-review' UX state and the human oversight "
        "section are now required." in out
    )


def test_a_later_failure_mode_picks_from_the_fallbacks_so_far() -> None:
    start = interview({"fallbacks": [{"id": "route-to-agent"}, {"id": "hide-draft"}]})
    walk = ask("error-cost", _one_mode("expensive", [DOWN + SPACE + ENTER]), start)
    assert walk.answers.data["failure_modes"]["modes"][0]["fallbacks"] == ["hide-draft"]


def test_an_expensive_failure_mode_may_not_go_without_a_fallback() -> None:
    start = interview({"fallbacks": [{"id": "route-to-agent"}]})
    # Enter with nothing picked is refused; then pick the first and confirm.
    walk = ask("error-cost", _one_mode("expensive", [ENTER, SPACE + ENTER]), start)
    assert walk.answers.data["failure_modes"]["modes"][0]["fallbacks"] == ["route-to-agent"]


UNACCEPTABLE = {"failure_modes": {"modes": [{"id": "harm", "severity": "unacceptable"}]}}


def test_unacceptable_severity_preselects_and_requires_human_review() -> None:
    # The four required states and human-review start checked; unchecking human-review
    # (the 8th choice) is refused, so it is checked again before Enter.
    state_keys = [line("When it happens"), line("A banner"), SPACE + ENTER]
    keys = [DOWN * 7 + SPACE + ENTER, SPACE + ENTER, *state_keys * 5]
    walk = ask("ux-states", keys, interview(UNACCEPTABLE))
    states = [entry["state"] for entry in walk.answers.data["ux_states"]]
    assert states == ["loading", "low-confidence", "fallback", "error", "human-review"]


def test_unacceptable_severity_makes_review_points_required(
    capsys: pytest.CaptureFixture[str],
) -> None:
    keys = [ENTER, line("Every payout over 1,000 EUR"), ENTER, ENTER, line("Risk team")]
    keys += [ENTER] * 4
    walk = ask("human-oversight", keys, interview(UNACCEPTABLE))
    oversight = walk.answers.data["human_oversight"]
    assert oversight["review_points"] == ["Every payout over 1,000 EUR"]
    assert oversight["reviewer"] == "Risk team"
    assert "Required here: a failure mode is unacceptable" in capsys.readouterr().out


def test_every_answer_reaches_the_draft_before_the_next_question(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / ".PRD.draft.yaml", "prd-forge new --resume")
    walk = Interview(store.attach(Answers()), handlers=HANDLERS)
    (section,) = by_id(["baseline"])
    with pytest.raises(KeyboardInterrupt):
        run_with_keys(lambda: ask_section(walk, section), line("manual"), CTRL_C)
    saved = yaml.safe_load(store.path.read_text())
    assert saved["answers"] == {"baseline": {"kind": "manual"}}
    assert store.path.read_text().startswith(
        "# prd-forge draft: your answers so far. Continue with `prd-forge new --resume`."
    )
    resumed = Interview(store.load(), handlers=HANDLERS)
    run_with_keys(lambda: ask_section(resumed, section), block("By hand."), line("7 min"))
    assert resumed.answers.data["baseline"] == {
        "kind": "manual",
        "description": "By hand.",
        "measured_value": "7 min",
    }


def test_review_changes_one_answer_with_the_old_one_as_default() -> None:
    walk = interview({"feature": {"name": "Smrt reply"}})
    keys = [
        DOWN + ENTER,  # Change 1. Problem and user need
        ENTER,  # the first answer: the feature's name
        line(CTRL_U + "Smart reply"),
        ENTER,  # write
        DOWN + ENTER,  # gaps block it: back to the review
        DOWN * 16 + ENTER,  # save as a draft
    ]
    verdict = run_with_keys(lambda: review(walk), *keys)
    assert verdict is ReviewChoice.SAVE
    assert walk.answers.data["feature"]["name"] == "Smart reply"


def test_gaps_are_filled_from_the_question_behind_them() -> None:
    walk = interview({"baseline": {"kind": "manual", "description": "By hand."}})
    (gap,) = [g for g in _blocking(walk) if g.path == "baseline.measured_value"]
    verdict = run_with_keys(lambda: settle_gaps(walk, [gap]), ENTER, line("7 min median"))
    assert verdict is ReviewChoice.BACK
    assert walk.answers.data["baseline"]["measured_value"] == "7 min median"


def _blocking(walk: Interview) -> list[Any]:
    from prd_forge.spec.completeness import blocking, find_gaps

    spec = walk.answers.spec()
    return blocking(spec, find_gaps(spec))


def test_review_summary_shows_each_sections_values_and_gaps() -> None:
    from prd_forge.questionnaire.review import summary

    walk = interview({"feature": {"name": "X"}, "scope": {"non_goals": ["a", "b"]}})
    lines = summary(walk)
    start = lines.index(" 3. Scope and limitations")
    assert lines[start : start + 5] == [
        " 3. Scope and limitations",
        "      What is explicitly not a goal?  a, b",
        "      Which uses of the output are out of scope?  -",
        "      What are its known limitations?  -",
        "    gap: scope.known_limitations: is missing (answer: What are its known limitations?)",
    ]
    assert lines[1] == "      What is the feature called?  X"
    assert lines[-2:] == ["15. Open questions", "      Open questions  -"]


def test_an_open_question_names_the_concern_it_blocks_from_the_catalogue() -> None:
    keys = [
        "y",
        line("Which languages at launch?"),
        line("Dana Reyes"),
        line("2026-12-15"),
        DOWN * 7 + ENTER,  # the 8th concern: evaluation
        "n",
    ]
    walk = ask("open-questions", keys)
    assert walk.answers.data["open_questions"] == [
        {
            "question": "Which languages at launch?",
            "owner": "Dana Reyes",
            "due": "2026-12-15",
            "blocks": "evaluation",
        }
    ]


def test_edit_mode_lists_items_to_change_remove_or_add() -> None:
    walk = interview(
        {"rollout": {"phases": [{"name": "Shadow"}, {"name": "Canary"}]}}, revisit=True
    )
    walk.answers.closed.add("rollout.phases")
    keys = [
        UP * 3 + ENTER,  # the menu starts on Done; go up to "Change or remove: Shadow"
        UP + ENTER,  # its fields, then "Remove this phase" just above Done
        "y",  # remove it
        ENTER,  # Done
    ]
    run_with_keys(lambda: walk.ask_path(("rollout", "phases")), *keys)
    assert walk.answers.data["rollout"]["phases"] == [{"name": "Canary"}]
