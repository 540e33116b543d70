"""Templates run in the sandbox: internals, files outside the folder and the environment are
refused with a clear error and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from tests.render.helpers import COMPLETE

ATTACKS = [
    ("class", '{{ "".__class__ }}', "refused by the sandbox: access to attribute '__class__'"),
    ("mro", "{{ namespace.__mro__ }}", "refused by the sandbox: access to attribute '__mro__'"),
    (
        "subclasses",
        "{{ namespace.__subclasses__() }}",
        "refused by the sandbox: access to attribute '__subclasses__'",
    ),
    (
        "globals",
        '{{ section.__globals__["os"] }}',
        "refused by the sandbox: access to attribute '__globals__'",
    ),
    (
        "builtins",
        "{{ self.__init__.__globals__.__builtins__ }}",
        "refused by the sandbox: access to attribute '__init__'",
    ),
    (
        "builtins directly",
        "{{ section.__builtins__ }}",
        "refused by the sandbox: access to attribute '__builtins__'",
    ),
    (
        "attr filter",
        '{{ spec | attr("__class__") }}',
        "refused by the sandbox: access to attribute '__class__'",
    ),
    (
        "format string",
        '{{ "{0.__class__}".format(spec) }}',
        "refused by the sandbox: access to attribute '__class__'",
    ),
    ("mutation", "{{ spec.clear() }}", "refused by the sandbox: access to attribute 'clear'"),
    ("environment", "{{ environ }}", "'environ' is undefined"),
    ("os", "{{ os.environ }}", "'os' is undefined"),
    ("lipsum globals", "{{ lipsum.__globals__.os.environ }}", "'lipsum' is undefined"),
]


@pytest.mark.parametrize(("name", "source", "message"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_reaching_internals_is_refused_with_exit_2(
    tmp_path: Path, name: str, source: str, message: str
) -> None:
    template = tmp_path / "evil.md.j2"
    template.write_text(f"# PRD\n\n{source}\n", encoding="utf-8")
    out = tmp_path / "PRD.md"
    result = CliRunner().invoke(
        cli, ["render", str(COMPLETE), "--template", str(template), "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"prd-forge: error: {template}:3: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("target", ["../../etc/passwd", "/etc/passwd", "../secret.txt"])
def test_including_files_outside_the_template_folder_is_refused(
    tmp_path: Path, target: str
) -> None:
    (tmp_path / "secret.txt").write_text("TOP SECRET\n", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "evil.md.j2"
    template.write_text(f'{{% include "{target}" %}}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(COMPLETE), "--template", str(template)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"prd-forge: error: {template}: includes '{target}', which is not a file inside "
        f"{folder.resolve()}; templates may only include files from their own folder\n"
    )
    assert "TOP SECRET" not in result.output


def test_a_symlink_out_of_the_template_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOP SECRET\n", encoding="utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "link.md.j2").symlink_to(tmp_path / "secret.txt")
    template = folder / "evil.md.j2"
    template.write_text('{% include "link.md.j2" %}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(COMPLETE), "--template", str(template)])
    assert result.exit_code == 2
    assert "includes 'link.md.j2', which is not a file inside" in result.stderr
    assert "TOP SECRET" not in result.output


def test_huge_ranges_are_refused(tmp_path: Path) -> None:
    template = tmp_path / "loop.md.j2"
    template.write_text("{% for i in range(10**9) %}x{% endfor %}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(COMPLETE), "--template", str(template)])
    assert result.exit_code == 2
    assert "Range too big" in result.stderr
