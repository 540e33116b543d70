"""`prd-forge template check` on export views, and one finding per problem whatever the specs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.render import api, template_check
from tests.render.helpers import COMPLETE

SHIPPED = api.default_template().parent
VIEWS = SHIPPED / "views"
SAMPLES = ", ".join(str(path) for path in template_check.shipped_samples())
DRAFTS = ", ".join(sorted(str(path) for path in (SHIPPED.parent / "samples").glob("*/*.yaml")))


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["template", "check", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A team's template folder holding copies of the shipped views only."""
    folder = tmp_path / "team"
    shutil.copytree(VIEWS, folder / "views")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_shipped_folder_checks_its_prd_template_and_every_view() -> None:
    views = ["annex-iv.md", "eval-config.yaml", "hf-card.md", "model-card.json", "nist-rmf.md"]
    lists = ", listing what the answers cannot supply,"
    lines = [f"{SHIPPED / 'prd.md.j2'}: renders every required concern for 1 spec(s)"]
    for name in views:
        view = name.split(".")[0]
        what = "" if view == "eval-config" else lists
        lines.append(f"{VIEWS / name}.j2: view {view} renders{what} for 1 spec(s)")
    assert check(str(SHIPPED), "--spec", str(COMPLETE)) == (0, "\n".join(lines) + "\n", "")


def test_a_view_that_drops_its_not_supplied_section_fails(team: Path) -> None:
    card = team / "views" / "hf-card.md.j2"
    edit(card, "{% for gap in missing %}", "{% for gap in [] %}")
    code, stdout, stderr = check(str(card), "--spec", str(COMPLETE))
    assert code == 1
    assert stdout == (
        f"{card}: view hf-card does not list 7 item(s) the answers cannot supply with who must "
        "supply them ('license (metadata and Model Description)' (legal counsel), 'language "
        "(metadata): the languages the model handles' (ML engineering lead), 'datasets and "
        "metrics (metadata): Hugging Face Hub ids' (ML engineering lead) and 4 more); list each "
        f"of `missing` in a section of its own, for {COMPLETE}\n"
    )
    assert stderr == f"{card}: view hf-card has 1 problem(s)\n"


def test_one_finding_names_every_spec_it_happened_for(team: Path) -> None:
    """Without --spec, views are rendered over the complete samples and the incomplete ones."""
    card = team / "views" / "model-card.json.j2"
    edit(card, '"schema_version"', "schema_version")
    code, stdout, stderr = check(str(card))
    assert code == 1
    assert stdout == (
        f"{card}: view model-card writes invalid JSON (line 2: Expecting property name enclosed "
        f"in double quotes), for {SAMPLES}, {DRAFTS}\n"
    )
    assert stderr == f"{card}: view model-card has 1 problem(s)\n"


def test_an_eval_config_that_is_not_yaml_fails(team: Path) -> None:
    config = team / "views" / "eval-config.yaml.j2"
    edit(config, "prompts:\n", "prompts: [\n")
    code, stdout, _ = check(str(config), "--spec", str(COMPLETE))
    assert code == 1
    assert stdout.startswith(f"{config}: view eval-config writes invalid YAML (line ")


def test_an_unusable_view_is_exit_2_with_its_line_and_the_others_are_still_checked(
    team: Path,
) -> None:
    rmf = team / "views" / "nist-rmf.md.j2"
    rmf.write_text("# {{ spec.feature.name }}\n\n{{ spec.nope.deeper }}\n", encoding="utf-8")
    code, stdout, stderr = check(str(team), "--spec", str(COMPLETE))
    assert code == 2
    assert f"{team / 'views' / 'hf-card.md.j2'}: view hf-card renders" in stdout
    assert stderr == f"prd-forge: error: {rmf}:3: 'dict object' has no attribute 'nope'\n"


def test_a_file_of_another_name_is_checked_as_the_view_named(tmp_path: Path) -> None:
    mine = tmp_path / "our-card.j2"
    shutil.copy(VIEWS / "hf-card.md.j2", mine)
    assert check(str(mine), "--view", "hf-card", "--spec", str(COMPLETE)) == (
        0,
        f"{mine}: view hf-card renders, listing what the answers cannot supply, for 1 spec(s)\n",
        "",
    )


def test_a_file_in_views_that_no_view_has_is_the_teams_own_view(team: Path) -> None:
    own = team / "views" / "press-release.md.j2"
    own.write_text("{{ spec.feature.name }}\n", encoding="utf-8")
    code, stdout, stderr = check(str(team))
    assert (code, stderr.splitlines()[-1]) == (1, f"{own}: view press-release has 1 problem(s)")
    assert f"{own}: view press-release does not name the concern of 2 blocking gap(s)" in stdout


def test_a_lint_format_needs_a_prd_template(team: Path) -> None:
    assert check(str(team), "--format", "json") == (
        2,
        "",
        "prd-forge: error: --format json reports a PRD template's concerns; check views with "
        "--format text\n",
    )


def test_a_prd_template_dropping_a_concern_is_one_line_for_all_samples(tmp_path: Path) -> None:
    folder = tmp_path / "house"
    shutil.copytree(SHIPPED, folder, ignore=shutil.ignore_patterns("views"))
    main = folder / "prd.md.j2"
    edit(main, '{% include "sections/fallbacks.md.j2" %}\n', "")
    code, stdout, stderr = check(str(folder))
    assert code == 1
    assert stdout == f"{main}: does not render concern fallbacks (missing) for {SAMPLES}\n"
    assert stderr == f"{main}: drops or empties 1 required concern(s)\n"


def test_a_view_that_lists_only_its_fixed_items_fails_on_a_draft(team: Path) -> None:
    """A draft's own gaps are items the answers cannot supply yet: a view must list them too."""
    card = team / "views" / "hf-card.md.j2"
    edit(
        card,
        "{% for gap in missing %}",
        "{% for gap in missing if not gap.role.startswith('the spec owner') %}",
    )
    code, stdout, _ = check(str(card))
    assert code == 1
    assert stdout.startswith(f"{card}: view hf-card does not list ")
    assert stdout.endswith(f"; list each of `missing` in a section of its own, for {DRAFTS}\n")
