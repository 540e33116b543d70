"""`check` and lint hold a value's words to the same promise (prd_forge/wording.py).

Each place the spec model makes a promise about a value's words, and the PRD states it in a
section about that concern, gets a value; `check` judges the spec and lint (PRD191-PRD193)
judges the PRD rendered from it. Both flag it, or neither does.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from prd_forge.lint import lint_text
from prd_forge.lint import text as words
from prd_forge.render import api
from prd_forge.spec.completeness import find_gaps
from prd_forge.spec.load import validate

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "support-reply-copilot.yaml"
STAGE = {"draft": "draft", "review": "review", "approved": "launch", "launched": "launch"}
OWNER, DURATION, APPROVAL = "PRD191", "PRD192", "PRD193"
PLACES: tuple[tuple[tuple[str | int, ...], str], ...] = (
    (("monitoring", "owner"), OWNER),
    (("human_oversight", "reviewer"), OWNER),
    (("rollout", "kill_switch_owner"), OWNER),
    (("data_sources", 1, "owner"), OWNER),
    (("privacy", "signoffs", 2, "name"), OWNER),
    (("human_oversight", "sla"), DURATION),
    (("metrics", 1, "window"), DURATION),
    (("data_sources", 0, "approved_by"), APPROVAL),
    (("privacy", "signoffs", 1, "status"), APPROVAL),
)
BAD = {
    OWNER: ("the team", "us", "We.", "someone", "nobody", "unknown", "n/a"),
    DURATION: ("soon", "ASAP", "quickly", "when possible", "as needed"),
    APPROVAL: ("pending", "awaiting Legal", "requested on 2026-10-01", "Privacy: in progress"),
}
GOOD = {
    OWNER: ("Support ML on-call", "Dana Reyes", "the Risk team lead", "#support-ml"),
    DURATION: ("within 4 h", "Weekly", "Rolling 28 days", "end of Q1 2027", "30 min"),
    APPROVAL: ("approved", "approved with conditions", "Legal (A. Chen), 2026-10-01"),
}


@functools.cache
def _sample() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    return data


def _dotted(path: tuple[str | int, ...]) -> str:
    return "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)[1:]


def verdicts(path: tuple[str | int, ...], value: str, status: str) -> tuple[bool, list[str]]:
    """Whether `check` flags the value at `path`, and the wording findings lint gives the PRD."""
    data = copy.deepcopy(_sample())
    data["feature"]["status"] = status
    holder: Any = data
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    spec = validate(data, "spec.yaml").spec
    flagged = any(gap.path == _dotted(path) for gap in find_gaps(spec))
    report = lint_text(api.render_markdown(spec, draft=True), stage=STAGE[status])
    found = [f"{f.code} {f.message}" for f in report.findings if f.code in BAD]
    return flagged, found


def test_the_sample_keeps_every_promise() -> None:
    for status in STAGE:
        assert verdicts(("feature", "name"), "Support reply copilot", status) == (False, [])


@pytest.mark.parametrize(("path", "code"), PLACES, ids=[_dotted(p) for p, _ in PLACES])
def test_a_bad_value_is_flagged_by_both(path: tuple[str | int, ...], code: str) -> None:
    for value in BAD[code]:
        flagged, found = verdicts(path, value, "review")
        assert flagged, f"check passes {_dotted(path)} = {value!r}"
        assert [line.split()[0] for line in found] == [code], (value, found)
        assert f"'{value}'" in found[0]


@pytest.mark.parametrize(("path", "code"), PLACES, ids=[_dotted(p) for p, _ in PLACES])
def test_a_good_value_is_flagged_by_neither(path: tuple[str | int, ...], code: str) -> None:
    for value in GOOD[code]:
        assert verdicts(path, value, "launched") == (False, []), value


@pytest.mark.parametrize("status", ["draft", "review", "approved", "launched"])
def test_a_pending_approval_is_flagged_by_both_from_review_on(status: str) -> None:
    path = ("privacy", "signoffs", 1, "status")
    flagged, found = verdicts(path, "pending", status)
    assert flagged == (status != "draft")
    assert bool(found) == flagged
    if flagged:
        assert found == [
            f"{APPROVAL} Status: 'pending' is not an approval yet, and the spec is at stage "
            f"'{STAGE[status]}'; record the approval, or set the stage back to draft"
        ]


# A dash, and the idioms for "as the entry above": a list's next entry and a table's next row.
NO_WORDS = ("-", "\u2014", "ditto", "same", '"')


@pytest.mark.parametrize(("path", "code"), PLACES, ids=[_dotted(p) for p, _ in PLACES])
@pytest.mark.parametrize("value", NO_WORDS)
def test_a_dash_or_ditto_gets_the_same_verdict_from_both(
    path: tuple[str | int, ...], code: str, value: str
) -> None:
    flagged, found = verdicts(path, value, "review")
    assert flagged == bool(found), (value, found)
    assert all(line.startswith(code) for line in found), found


def test_ditto_stands_for_the_entry_above_and_a_dash_for_no_owner() -> None:
    ditto = verdicts(("metrics", 1, "window"), "ditto", "review")
    above = _sample()["metrics"][0]["window"]
    dash = verdicts(("monitoring", "owner"), "\u2014", "review")
    no_entry_above = verdicts(("human_oversight", "sla"), "same", "review")
    assert ditto == (False, []), above
    assert dash == (
        True,
        [
            "PRD191 Owner (responds to alerts): '\u2014' names nobody; name a person or a role, "
            "e.g. 'Support ML on-call'"
        ],
    )
    assert no_entry_above[0]
    assert [line.split()[0] for line in no_entry_above[1]] == [DURATION]


# Words as a PM might type them, Markdown's special characters included (the renderer escapes
# them, lint reads them back). Lint leaves a placeholder ("TBD") to PRD005, so none is drawn
# here; a dash, and "ditto" or "same" (the entry above, in a list or a table), are.
_WORDS = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz ABCDEHMQSTW0123456789.-/()#*_|", min_size=1, max_size=24
).filter(lambda text: any(char.isalnum() for char in text))


@settings(max_examples=120, deadline=None, derandomize=True, database=None)
@given(
    st.sampled_from(PLACES),
    st.one_of(
        st.sampled_from([*sum(BAD.values(), ()), *sum(GOOD.values(), ()), *NO_WORDS]), _WORDS
    ),
    st.sampled_from(sorted(STAGE)),
)
def test_check_and_lint_flag_the_same_values(
    place: tuple[tuple[str | int, ...], str], value: str, status: str
) -> None:
    path, code = place
    cleaned = " ".join(value.split())
    assume(not words.first_placeholder(cleaned))
    flagged, found = verdicts(path, value, status)
    assert flagged == bool(found), (value, found)
    assert all(line.startswith(code) for line in found), found
