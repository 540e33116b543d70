"""Whatever the answers say, the PRD keeps its structure: the same sections, whole tables."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from prd_forge import catalogue
from prd_forge.render import api
from tests.render.helpers import complete_data, spec_from

PARSER = MarkdownIt("commonmark").enable("table")

PIECE = st.sampled_from(["|", "\n", "# ", "{{ x }}", "{% if %}", "`", "<b>", "> ", "[a](b)", "- "])
CHARS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    max_size=10,
)
ANSWER = st.lists(PIECE | CHARS, max_size=6).map("".join).filter(lambda text: text.strip() != "")


def _structure(text: str) -> tuple[list[str], list[int]]:
    """The `##` headings and the number of cells in each table row."""
    tokens = PARSER.parse(text)
    headings = [
        tokens[i + 1].content
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h2"
    ]
    cells, row = [], 0
    for token in tokens:
        if token.type == "tr_open":
            row = 0
        elif token.type in ("td_open", "th_open"):
            row += 1
        elif token.type == "tr_close":
            cells.append(row)
    return headings, cells


BASELINE = _structure(api.render_markdown(spec_from(complete_data())))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(summary=ANSWER, owner=ANSWER, description=ANSWER, criterion=ANSWER)
def test_answers_never_change_the_structure(
    summary: str, owner: str, description: str, criterion: str
) -> None:
    data = complete_data()
    data["feature"]["summary"] = summary
    # an owner names someone (check refuses one with no letters or digits), whatever follows
    data["rollout"]["kill_switch_owner"] = f"Ana {owner}"
    data["failure_modes"]["modes"][0]["description"] = description
    data["evaluation"]["launch_criteria"][0] = criterion
    text = api.render_markdown(spec_from(data))
    assert _structure(text) == BASELINE
    assert BASELINE[0] == [concern.title for concern in catalogue.CONCERNS]
    if "{{ x }}" in owner:
        assert "{{ x }}" in text
