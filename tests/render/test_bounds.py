"""A team's template is bounded in time and memory; each overrun is one error line with the
template's file and line, exit 2, nothing written, and well within ten seconds."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.render import bounded
from tests.render.helpers import COMPLETE

BOMBS = [
    ("power", "{% set e = 10**8 %}{{ 10**e }}", "template rendering took longer than 5 s"),
    ("repeat", "{{ 'a' * 10**10 }}", "template needs more than 512 MB of memory"),
    ("width", "{{ '%999999999s' | format('x') }}", "template needs more than 512 MB of memory"),
    (
        "macro recursion",
        "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}",
        "template recursion too deep (a macro that calls itself without end?)",
    ),
]


def _render(template: Path, out: Path) -> tuple[int, str, str, float]:
    start = time.monotonic()
    result = CliRunner().invoke(
        cli, ["render", str(COMPLETE), "--template", str(template), "-o", str(out)]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr, time.monotonic() - start


@pytest.mark.parametrize(("name", "source", "message"), BOMBS, ids=[b[0] for b in BOMBS])
def test_template_bombs_are_stopped(tmp_path: Path, name: str, source: str, message: str) -> None:
    template = tmp_path / "bomb.md.j2"
    template.write_text(f"# PRD\n\n{source}\n", encoding="utf-8")
    out = tmp_path / "PRD.md"
    code, stdout, stderr, seconds = _render(template, out)
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"prd-forge: error: {template}:3: {message}")
    assert stderr.count("\n") == 1
    assert seconds < 10
    assert not out.exists()


def test_a_child_killed_from_outside_is_one_line(tmp_path: Path) -> None:
    def die() -> str:
        os.kill(os.getpid(), 9)
        return ""

    with pytest.raises(bounded.Failed, match="stopped by SIGKILL") as caught:
        bounded.run(die)
    assert caught.value.stopped


def test_the_result_crosses_back_intact() -> None:
    text = "é\n" * 100_000
    assert bounded.run(lambda: text) == text


def test_dict_is_not_a_global_so_the_spec_cannot_be_changed(tmp_path: Path) -> None:
    template = tmp_path / "mutate.md.j2"
    template.write_text(
        "# PRD\n\n{% set _ = dict.update(feature, name='hacked') %}{{ feature.name }}\n",
        encoding="utf-8",
    )
    code, _, stderr, _ = _render(template, tmp_path / "PRD.md")
    assert code == 2
    assert stderr == f"prd-forge: error: {template}:3: 'dict' is undefined\n"


def test_an_included_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "part.md.j2")
    template = tmp_path / "main.md.j2"
    template.write_text('{% include "part.md.j2" %}\n', encoding="utf-8")
    code, _, stderr, seconds = _render(template, tmp_path / "PRD.md")
    assert code == 2
    assert "includes 'part.md.j2', which is not a file inside" in stderr
    assert seconds < 10


def test_a_fifo_as_the_template_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "main.md.j2"
    os.mkfifo(template)
    code, _, stderr, _ = _render(template, tmp_path / "PRD.md")
    assert code == 2
    assert stderr == (
        f"prd-forge: error: {template}: not a regular file; give the path of a .j2 file\n"
    )
