"""`prd-forge template check`: a template that drops or empties a required concern fails."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.render import api
from tests.render.helpers import COMPLETE


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["template", "check", *args])
    return result.exit_code, result.stdout, result.stderr


def house_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "house"
    shutil.copytree(api.default_template().parent, folder)
    return folder


def test_the_default_template_passes() -> None:
    template = api.default_template()
    assert check(str(template), "--spec", str(COMPLETE)) == (
        0,
        f"{template}: renders every required concern for 1 spec(s)\n",
        "",
    )


def test_a_folder_means_its_main_template(tmp_path: Path) -> None:
    folder = house_copy(tmp_path)
    assert check(str(folder), "--spec", str(COMPLETE))[0] == 0


def test_a_copy_without_the_fallbacks_section_fails(tmp_path: Path) -> None:
    folder = house_copy(tmp_path)
    main = folder / api.DEFAULT_TEMPLATE_NAME
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace('{% include "sections/fallbacks.md.j2" %}\n', ""), "utf-8")
    (folder / "sections" / "rollout.md.j2").write_text('{{ section("rollout") }}\n', "utf-8")
    assert check(str(main), "--spec", str(COMPLETE)) == (
        1,
        f"{main}: does not render concern fallbacks (missing) for {COMPLETE}\n"
        f"{main}: does not render concern rollout (hollow) for {COMPLETE}\n",
        f"{main}: drops or empties 2 required concern(s)\n",
    )


def test_an_unusable_template_is_exit_2(tmp_path: Path) -> None:
    template = tmp_path / "bad.md.j2"
    template.write_text("{% for %}\n", encoding="utf-8")
    code, stdout, stderr = check(str(template), "--spec", str(COMPLETE))
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"prd-forge: error: {template}:1: template syntax error:")


def test_an_incomplete_spec_cannot_test_a_template(tmp_path: Path) -> None:
    spec = tmp_path / "thin.yaml"
    spec.write_text("feature:\n  name: x\n  status: review\n", encoding="utf-8")
    code, stdout, stderr = check(
        str(api.default_template()), "--spec", str(COMPLETE), "--spec", str(spec)
    )
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"prd-forge: error: {spec}: ")
    assert stderr.endswith(
        f"gap(s) block this spec, so it cannot test a template; run `prd-forge check {spec}` "
        "and fill them in\n"
    )


def test_without_specs_it_renders_the_shipped_samples() -> None:
    code, stdout, stderr = check(str(api.default_template()))
    assert (code, stderr) == (0, "")
    assert stdout == f"{api.default_template()}: renders every required concern for 4 spec(s)\n"


def test_an_unreadable_spec_is_exit_2(tmp_path: Path) -> None:
    code, stdout, stderr = check(str(api.default_template()), "--spec", str(tmp_path / "no.yaml"))
    assert (code, stdout) == (2, "")
    assert stderr == f"prd-forge: error: {tmp_path / 'no.yaml'}: no such file (check the path)\n"


HOUSE = Path(__file__).resolve().parent / "fixtures" / "house" / "prd.md.j2"


def test_a_house_style_with_its_own_headings_and_no_tables_passes() -> None:
    assert check(str(HOUSE)) == (0, f"{HOUSE}: renders every required concern for 4 spec(s)\n", "")


def test_the_house_style_without_its_degradation_section_fails(tmp_path: Path) -> None:
    text = HOUSE.read_text(encoding="utf-8")
    start, end = text.index("## Graceful degradation"), text.index("## Edge cases")
    template = tmp_path / "prd.md.j2"
    template.write_text(text[:start] + text[end:], encoding="utf-8")
    assert check(str(template), "--spec", str(COMPLETE)) == (
        1,
        f"{template}: does not render concern fallbacks (missing) for {COMPLETE}\n",
        f"{template}: drops or empties 1 required concern(s)\n",
    )
