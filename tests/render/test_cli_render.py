"""`prd-forge render`: exact output, exit codes, and never a partial or clobbered file."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.render import api
from tests.render.helpers import COMPLETE, complete_data, complete_spec


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_prints_the_prd_to_stdout_without_output() -> None:
    assert run("render", str(COMPLETE)) == (0, api.render_markdown(complete_spec()), "")


def test_writes_the_file_with_output(tmp_path: Path) -> None:
    out = tmp_path / "docs" / "PRD.md"
    assert run("render", str(COMPLETE), "-o", str(out)) == (0, "", "")
    assert out.read_text(encoding="utf-8") == api.render_markdown(complete_spec())
    assert [p.name for p in out.parent.iterdir()] == ["PRD.md"]


def test_refuses_to_overwrite_without_force_before_reading_the_spec(tmp_path: Path) -> None:
    out = tmp_path / "PRD.md"
    out.write_text("keep me\n", encoding="utf-8")
    code, stdout, stderr = run("render", str(tmp_path / "missing.yaml"), "-o", str(out))
    assert (code, stdout) == (2, "")
    assert stderr == f"prd-forge: error: {out}: already exists; use --force to overwrite it\n"
    assert out.read_text(encoding="utf-8") == "keep me\n"


def test_overwrites_with_force(tmp_path: Path) -> None:
    out = tmp_path / "PRD.md"
    out.write_text("old\n", encoding="utf-8")
    assert run("render", str(COMPLETE), "-o", str(out), "--force")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("<!-- Rendered by prd-forge")


def write_spec(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_an_incomplete_spec_is_refused_with_each_gap_and_nothing_written(tmp_path: Path) -> None:
    data = complete_data()
    data["evaluation"]["launch_criteria"] = []
    data["rollout"].pop("kill_switch_owner")
    spec = write_spec(tmp_path, data)
    out = tmp_path / "PRD.md"
    code, stdout, stderr = run("render", str(spec), "-o", str(out))
    lines = spec.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "launch_criteria" in text)
    rollout = lines.index("rollout:") + 1
    assert (code, stdout) == (1, "")
    assert stderr == (
        f"prd-forge: refused to render {spec}: 2 gap(s) block a spec at status review\n"
        f"  {spec}:{line}: evaluation.launch_criteria: is missing "
        "(answer: What are the launch (go/no-go) criteria?)\n"
        f"  {spec}:{rollout}: rollout.kill_switch_owner: is missing "
        "(answer: Who can pull the kill switch?)\n"
        "fill them in, or render with --draft to see them in the document\n"
    )
    assert not out.exists()


def test_draft_renders_an_incomplete_spec_with_its_gaps(tmp_path: Path) -> None:
    data = complete_data()
    data["rollout"].pop("kill_switch_owner")
    code, stdout, stderr = run("render", str(write_spec(tmp_path, data)), "--draft")
    assert (code, stderr) == (0, "")
    assert "## Blockers\n" in stdout
    assert "| Kill-switch owner | **missing** |" in stdout
    assert "> **Blocks this spec:** `rollout.kill_switch_owner` is missing." in stdout


def test_a_malformed_spec_is_an_input_error(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("feature:\n  nme: x\n", encoding="utf-8")
    code, stdout, stderr = run("render", str(spec))
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"prd-forge: error: {spec}:2: feature.nme: unknown field (did you mean 'name'?)\n"
    )


def test_html_is_a_standalone_page(tmp_path: Path) -> None:
    out = tmp_path / "PRD.html"
    assert run("render", str(COMPLETE), "--format", "html", "-o", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Support reply copilot</title>" in page
    assert '<h2 id="fallbacks">Fallbacks</h2>' in page
    assert '<li><a href="#fallbacks">Fallbacks</a></li>' in page
    assert "<th>Which way it errs</th>" in page
    assert '<figure class="diagram"><svg class="state-diagram"' in page
    assert (
        "mermaid" not in page and "<script" not in page and "<thead>\n<tr>\n<th></th>" not in page
    )
    assert "&lt;!--" not in page
    assert page.endswith("</html>\n")


def test_a_template_dropping_a_concern_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "thin.md.j2"
    template.write_text("# {{ spec.feature.name }}\n\n## Fallbacks\n\n{{ spec.fallbacks }}\n")
    out = tmp_path / "PRD.md"
    code, stdout, stderr = run("render", str(COMPLETE), "--template", str(template), "-o", str(out))
    assert (code, stdout) == (1, "")
    lines = stderr.splitlines()
    assert lines[0] == f"prd-forge: template {template} does not render concern problem (missing)"
    assert f"template {template} does not render concern fallbacks" not in stderr
    assert len(lines) == 13
    assert lines[-1] == "refused: nothing was written"
    assert not out.exists()


def test_a_template_folder_means_its_main_template() -> None:
    folder = api.default_template().parent
    assert run("render", str(COMPLETE), "--template", str(folder)) == run("render", str(COMPLETE))


def test_a_template_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    template = tmp_path / "latin1.md.j2"
    template.write_bytes("# Caf\xe9\n".encode("latin-1"))
    assert run("render", str(COMPLETE), "--template", str(template)) == (
        2,
        "",
        f"prd-forge: error: {template}: is not UTF-8 text; save it as UTF-8\n",
    )


def test_an_output_that_cannot_be_written_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, stdout, stderr = run("render", str(COMPLETE), "-o", str(blocker / "PRD.md"))
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"prd-forge: error: {blocker / 'PRD.md'}: cannot be written: ")


def test_output_that_is_the_spec_is_refused_even_with_force(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(COMPLETE.read_bytes())
    link = tmp_path / "PRD.md"
    link.symlink_to(spec)
    for output in (spec, link):
        result = CliRunner().invoke(cli, ["render", str(spec), "-o", str(output), "--force"])
        assert result.exit_code == 2
        assert result.stderr == (
            f"prd-forge: error: {output}: is the input {spec}; write the output to another file\n"
        )
    assert spec.read_bytes() == COMPLETE.read_bytes()


def test_output_to_a_device_is_refused_even_with_force(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", str(COMPLETE), "-o", "/dev/null", "--force"])
    assert result.exit_code == 2
    assert result.stderr == (
        "prd-forge: error: /dev/null: is a device; prd-forge only writes regular files\n"
    )
