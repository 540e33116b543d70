"""Placeholders: the forms every concern shares, each concern's own forms, and the spans cut."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prd_forge import concerns
from prd_forge.concerns import Concern
from prd_forge.lint import text as words

FOUND = [
    ("Owner: TBD.", "TBD"),
    ("Owner: tbc", "tbc"),
    ("Threshold ??? for now", "???"),
    ("[More Information Needed]", "[More Information Needed]"),
    ("Lorem ipsum dolor sit amet.", "Lorem ipsum"),
    ("Owner: {{ owner }}", "{{ owner }}"),
    ("{Current limitation or pain point 1}", "{Current limitation or pain point 1}"),
    ("See [insert link to the dashboard].", "[insert link to the dashboard]"),
    ("Owner: <your name here>", "<your name here>"),
    ("The threshold is to be decided.", "to be decided"),
    ("_To be completed by PM._", "To be completed"),
    ("Numbers coming soon.", "coming soon"),
    ("Figures to come.", "to come"),
    ("Please fill this in.", "fill this in"),
    ("| a | **missing** |", "**missing**"),
    ("Reviewer: [team lead]", "[team lead]"),
    ("FIXME: ask data eng", "FIXME"),
    # each concern's own forms
    (
        "Retry after [NEEDS CLARIFICATION: how many seconds?].",
        "[NEEDS CLARIFICATION: how many seconds?]",
    ),
    ("Target: [What is the target?]", "[What is the target?]"),
    ("Pending DPO review", "Pending"),
    ("Figma: *(link)*", "(link)"),
    ("Dashboard (url)", "(url)"),
]

NOT_FOUND = [
    "Outbound calls drop by 12%.",  # "tb" inside a word
    "The rules have to be written by the domain team.",
    "Support has to be defined per region.",
    "A coming-soonish banner.",
    "Latest draft.",
    "See [the dashboard](https://example.com).",
    "Values {1, 2}",
    "The reviewer decides; approval is pending legal.",  # "pending" not at the start
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_the_first_placeholder_is_found_as_written(text: str, expected: str) -> None:
    assert words.first_placeholder(text) == expected


@pytest.mark.parametrize("text", NOT_FOUND)
def test_statements_are_not_placeholders(text: str) -> None:
    assert words.first_placeholder(text) is None


def test_the_leftmost_form_wins_whatever_its_source() -> None:
    text = "Figma: (link); owner [NEEDS CLARIFICATION: who]; TBD"
    assert words.first_placeholder(text) == "(link)"
    assert words.without_placeholders(text) == "Figma:  ; owner  ;  "


def test_without_placeholders_cuts_each_span_once() -> None:
    text = "Owner: TBD, reviewer {{ reviewer }}, target [What is the target?] and TODO."
    assert words.without_placeholders(text) == "Owner:  , reviewer  , target   and  ."
    assert words.without_placeholders("No placeholder here.") == "No placeholder here."


@pytest.mark.parametrize("concern", concerns.current(), ids=concerns.ids())
def test_a_concerns_forms_are_linear_patterns_behind_lower_case_needles(
    concern: Concern,
) -> None:
    for form in concern.placeholders:
        assert form.needles, concern.id
        assert all(needle == needle.lower() and needle for needle in form.needles)
        re.compile(form.pattern)


_PIECES = [
    *(text for text, _ in FOUND),
    "Plain words.",
    "a [link](x) here",
    "to",
    "be ",
    "T",
    "ODO",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=4).map(" ".join), max_size=6))
def test_a_document_s_placeholders_found_at_once_are_those_found_one_by_one(
    texts: list[str],
) -> None:
    at_once = words._Forms(concerns.current())
    found = at_once.placeholders(texts)
    one_by_one = words._Forms(concerns.current())
    assert found == [one_by_one.placeholder(text) for text in texts]
    # what the batch found is kept: asking again answers from it
    assert [at_once.placeholder(text) for text in texts] == found
    assert all(text in at_once.found for text in texts)


def test_first_placeholders_answers_for_texts_found_before_and_new() -> None:
    words.first_placeholder("Owner: TBD")
    assert words.first_placeholders(["Owner: TBD", "All done.", "Figures to come."]) == [
        "TBD",
        None,
        "to come",
    ]
    assert words.first_placeholder("Figures to come.") == "to come"


def test_the_texts_holding_a_needle_are_found_by_their_place_in_the_joined_text() -> None:
    texts = ["no slot", "a [link] and [another]", "", "to be decided", "[x] to be", "tb"]
    lowered = "\n".join(texts)
    assert words._holding(texts, lowered, ["[", "to be "]) == {1, 3, 4}
    assert words._holding(texts, lowered, ["tb"]) == {5}
    assert words._holding(texts, lowered, []) == set()
    # a needle that might span two texts: no answer
    assert words._holding(texts, lowered, ["slot\na"]) is None
