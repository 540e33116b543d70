"""render_markdown: complete specs render every concern; gaps refuse; drafts show them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from prd_forge import catalogue
from prd_forge.render import api, guard
from prd_forge.spec.completeness import find_gaps
from tests.render.helpers import complete_data, complete_spec, spec_from


def headings(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, flags=re.MULTILINE)


def test_every_concern_has_its_section_in_catalogue_order() -> None:
    text = api.render_markdown(complete_spec())
    assert headings(text) == [concern.title for concern in catalogue.CONCERNS]
    assert guard.uncovered(text) == []


def test_rendering_is_byte_stable() -> None:
    first = api.render_markdown(complete_spec())
    assert api.render_markdown(complete_spec()) == first
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert not re.search(r"[ \t]$", first, flags=re.MULTILINE)


def test_tables_carry_the_failure_modes_evaluation_and_rollout() -> None:
    text = api.render_markdown(complete_spec())
    assert "| What goes wrong | Which way it errs | Severity | Who bears it |" in text
    assert "| Failure | Detection | Fallback | UX state |" in text
    assert "| Set | Size | Metric | Pass threshold | Slice |" in text
    assert "| Golden tickets v3 | 1200 | Policy accuracy | ≥ 0.97 ratio | Language, Topic," in text
    assert "| Median handle time | business | 7.5 min → ≤ 5.5 min |" in text
    assert "- [ ] 0 unsafe drafts on Red-team prompts v1" in text
    assert "| Kill-switch owner | Support ML on-call |" in text
    assert "loading --> fallback : low-confidence (hold-low-confidence)" in text
    assert "error --> loading : retry" in text


@pytest.mark.parametrize(
    ("section", "empty", "paths"),
    [
        ("fallbacks", [], ["fallbacks", "failure_modes.modes[0].fallbacks"]),
        ("evaluation", {}, ["evaluation.offline_sets", "evaluation.launch_criteria"]),
    ],
)
def test_a_spec_without_fallbacks_or_evaluation_is_refused(
    section: str, empty: object, paths: list[str]
) -> None:
    data = complete_data()
    data[section] = empty
    with pytest.raises(api.RenderRefused) as refused:
        api.render_markdown(spec_from(data))
    found = [gap.path for gap in refused.value.gaps]
    for path in paths:
        assert path in found
    assert all(gap.fix for gap in refused.value.gaps)


def test_a_draft_shows_each_gap_and_a_blockers_list() -> None:
    data = complete_data()
    data["fallbacks"] = []
    text = api.render_markdown(spec_from(data), draft=True)
    assert headings(text)[0] == "Blockers"
    assert "- **Fallbacks**: `fallbacks` lists no fallback." in text
    fallbacks = text.split("## Fallbacks\n\n", 1)[1].split("\n## ", 1)[0]
    assert "> [!WARNING]\n> **Blocks this spec:** `fallbacks` lists no fallback.\n" in fallbacks
    assert fallbacks.count("> [!WARNING]") == len(find_gaps(spec_from(data))) == 7


def test_answers_with_template_syntax_and_markdown_appear_literally() -> None:
    data = complete_data()
    data["feature"]["summary"] = "Uses {{ spec }} and {% include 'x' %}\n# not a heading"
    data["rollout"]["kill_switch_owner"] = "On-call | ops\n## Injected"
    text = api.render_markdown(spec_from(data))
    assert "Uses {{ spec }} and {% include 'x' %}\n\\# not a heading" in text
    assert "| Kill-switch owner | On-call \\| ops ## Injected |" in text
    assert headings(text) == [concern.title for concern in catalogue.CONCERNS]


def copy_default(tmp_path: Path) -> Path:
    folder = tmp_path / "house"
    shutil.copytree(api.default_template().parent, folder)
    return folder / api.DEFAULT_TEMPLATE_NAME


def test_a_template_without_the_fallbacks_section_is_refused(tmp_path: Path) -> None:
    template = copy_default(tmp_path)
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('{% include "sections/fallbacks.md.j2" %}', ""), "utf-8")
    with pytest.raises(api.TemplateDropsConcern) as dropped:
        api.render_markdown(complete_spec(), template=template)
    assert dropped.value.concerns == [("fallbacks", "missing")]
    assert str(dropped.value) == f"template {template} does not render concern fallbacks (missing)"


def test_a_template_with_an_empty_evaluation_section_is_refused(tmp_path: Path) -> None:
    template = copy_default(tmp_path)
    (template.parent / "sections" / "evaluation.md.j2").write_text(
        '{{ section("evaluation") }}\n', encoding="utf-8"
    )
    with pytest.raises(api.TemplateDropsConcern) as dropped:
        api.render_markdown(complete_spec(), template=template)
    assert dropped.value.concerns == [("evaluation", "hollow")]


def test_a_missing_template_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(api.TemplateError, match="no such template file"):
        api.render_markdown(complete_spec(), template=tmp_path / "nope.md.j2")


def test_a_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    template = tmp_path / "broken.md.j2"
    template.write_text("# PRD\n\n{% if spec %}\n", encoding="utf-8")
    with pytest.raises(api.TemplateError) as error:
        api.render_markdown(complete_spec(), template=template)
    assert str(error.value).startswith(f"{template}:3: template syntax error: Unexpected end")


def test_a_section_holding_only_a_placeholder_is_hollow(tmp_path: Path) -> None:
    template = copy_default(tmp_path)
    (template.parent / "sections" / "fallbacks.md.j2").write_text(
        '{{ section("fallbacks") }}\n\nTBD\n', encoding="utf-8"
    )
    with pytest.raises(api.TemplateDropsConcern) as dropped:
        api.render_markdown(complete_spec(), template=template)
    assert dropped.value.concerns == [("fallbacks", "hollow")]


def test_the_guard_wants_a_section_of_its_own_not_a_table_column() -> None:
    text = api.render_markdown(complete_spec())
    start = text.index("## Fallbacks")
    without = text[:start] + text[text.index("## UX states") :]
    assert "| Fallback |" in without
    assert guard.uncovered(without) == [("fallbacks", "missing")]


def test_a_nearly_empty_spec_renders_as_a_draft_of_visible_gaps() -> None:
    spec = spec_from({"feature": {"name": "Bare"}})
    text = api.render_markdown(spec, draft=True)
    assert headings(text) == ["Blockers"] + [concern.title for concern in catalogue.CONCERNS]
    assert text.count("> [!WARNING]") == len(find_gaps(spec))
    assert "- **Owner:** **missing**\n- **Status:** draft\n" in text
    assert "\\*\\*missing" not in text
