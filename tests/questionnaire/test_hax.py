"""The HAX cascade: input modality, trigger, output kind and tool use propose failure modes,
each with a proposed fallback the PM accepts or changes."""

from __future__ import annotations

from typing import Any

from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.hax import all_proposals
from prd_forge.questionnaire.sections import by_id, run
from prd_forge.questionnaire.special import HANDLERS
from tests.questionnaire.keys import ENTER, ESC_ENTER, block, line, run_with_keys


def ids(problem: dict[str, Any]) -> list[str]:
    return [proposal.id for proposal in all_proposals(problem)]


def test_a_speech_input_proposes_recognition_errors() -> None:
    assert "speech-misrecognised" in ids(
        {"output_kind": "extraction", "input_modalities": ["speech"]}
    )
    assert "ocr-misread" in ids({"input_modalities": ["scanned-document"]})
    assert "speech-misrecognised" not in ids({"output_kind": "extraction"})


def test_an_implicit_trigger_proposes_surprise() -> None:
    assert "unwanted-interruption" in ids({"output_kind": "selected", "trigger": "implicit"})
    assert "unwanted-interruption" not in ids({"output_kind": "selected", "trigger": "explicit"})


def test_generated_output_proposes_the_language_model_failures() -> None:
    found = ids({"output_kind": "generated"})
    for expected in ("prompt-injection", "confabulated-citation", "context-data-leak"):
        assert expected in found
    assert "wrong-tool-call" not in found
    assert "wrong-tool-call" in ids({"output_kind": "generated", "uses_tools": True})
    assert "wrong-tool-call" in ids({"output_kind": "action"})


def test_each_proposal_comes_with_a_fallback_and_a_ux_state() -> None:
    problem = {"output_kind": "generated", "input_modalities": ["speech"], "uses_tools": True}
    ways = {p.id: (p.way.behaviour.value, p.way.ux_state.value) for p in all_proposals(problem)}
    assert ways["speech-misrecognised"] == ("ask-clarifying-question", "low-confidence")
    assert ways["prompt-injection"] == ("refuse-gracefully", "refusal")
    assert ways["wrong-tool-call"] == ("route-to-human", "human-review")
    assert len(ways) == len(all_proposals(problem))  # each id once


def test_a_kept_proposal_defines_its_fallback_from_the_proposed_one() -> None:
    problem = {"output_kind": "extraction", "input_modalities": ["speech"]}
    walk = Interview(Answers(data={"problem": problem}), handlers=HANDLERS)
    checkbox = "\x1b[B" * 2 + ENTER  # all checked: keep them; the loop then asks each
    keys = [block("Wrong promises are worse."), checkbox]
    # missed-field, wrong-value, model-unavailable, speech-misrecognised: asked in that order.
    # The first: keep description, id, errs; annoying; reversible; cost; detection; no fallback.
    keys += [ESC_ENTER, ENTER, ENTER, line("annoying"), "y", line("Rep"), line("QA"), "n"]
    keys += [ESC_ENTER, ENTER, ENTER, line("annoying"), "y", line("Rep"), line("QA"), "n"]
    keys += [ESC_ENTER, ENTER, ENTER, line("annoying"), "y", line("Rep"), line("QA"), "n"]
    # speech-misrecognised, expensive: define its fallback with the proposed values (Enter)
    keys += [ESC_ENTER, ENTER, ENTER, line("expensive"), "y", line("Rep"), line("QA"), "y"]
    keys += [ENTER, line("Confidence below 0.6"), ENTER, block("Ask the rep to confirm."), ENTER]
    keys += [ENTER, "n"]  # UX state as proposed; no other failure mode
    run_with_keys(lambda: run(walk, by_id(["error-cost"])), *keys)
    modes = walk.answers.data["failure_modes"]["modes"]
    assert [m["id"] for m in modes] == [
        "missed-field",
        "wrong-value",
        "model-unavailable",
        "speech-misrecognised",
    ]
    (fallback,) = walk.answers.data["fallbacks"]
    assert (fallback["trigger"], fallback["behaviour"], fallback["ux_state"]) == (
        "low-confidence",
        "ask-clarifying-question",
        "low-confidence",
    )
    assert modes[3]["fallbacks"] == [fallback["id"]] == ["ask-rep-confirm"]
