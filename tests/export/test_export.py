"""`prd-forge export`: the view registry, the eval-config view's goldens, refusals and writes.

After an intended change to a view's template, regenerate the goldens with

    PRD_FORGE_REGEN=1 python -m pytest tests/export

and review the diff of tests/export/golden/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.export.registry import VIEWS
from tests.golden import matches_golden

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parent / "golden"
INCOMPLETE = ROOT / "samples" / "incomplete" / "meeting-summary-no-fallbacks.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_eval_config_matches_its_golden(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, text, stderr = run("export", relative(sample), "--view", "eval-config")
    assert (code, stderr) == (0, "")
    golden = GOLDEN / f"{sample.stem}.promptfooconfig.yaml"
    matches_golden(golden, text)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_eval_config_holds_every_set_slice_and_threshold(sample: Path) -> None:
    spec = yaml.safe_load(sample.read_text(encoding="utf-8"))
    config = yaml.safe_load(run("export", str(sample), "--view", "eval-config")[1])
    assert config["providers"] == ["echo"]
    sets = spec["evaluation"]["offline_sets"]
    assert [test["metadata"]["set"] for test in config["tests"]] == [s["name"] for s in sets]
    for test, item in zip(config["tests"], sets, strict=True):
        assert list(test["metadata"])[1:] == item.get("slices", [])
        metrics = [a["metric"] for a in test.get("assert", [])]
        assert metrics == [t["metric"] for t in item.get("thresholds", [])]


def test_every_view_has_a_shipped_template_and_a_summary() -> None:
    assert "eval-config" in VIEWS
    for name, view in VIEWS.items():
        assert view.name == name
        assert view.template_path().is_file(), view.template_path()
        assert view.summary and view.suffix.startswith(".")


def test_an_incomplete_spec_is_refused_and_nothing_written(tmp_path: Path) -> None:
    out = tmp_path / "promptfooconfig.yaml"
    code, stdout, stderr = run("export", str(INCOMPLETE), "--view", "eval-config", "-o", str(out))
    assert (code, stdout) == (1, "")
    assert stderr.startswith(f"prd-forge: refused to export eval-config of {INCOMPLETE}: ")
    assert stderr.endswith("fill them in, or export with --draft to see them in the document\n")
    assert not out.exists()


def test_draft_exports_an_incomplete_spec() -> None:
    code, text, _ = run("export", str(INCOMPLETE), "--view", "eval-config", "--draft")
    assert code == 0
    assert yaml.safe_load(text)["providers"] == ["echo"]


def test_writes_the_file_and_refuses_to_overwrite_it(tmp_path: Path) -> None:
    out = tmp_path / "promptfooconfig.yaml"
    sample = str(SAMPLES[0])
    assert run("export", sample, "--view", "eval-config", "-o", str(out)) == (0, "", "")
    assert out.read_text(encoding="utf-8") == run("export", sample, "--view", "eval-config")[1]
    code, _, stderr = run("export", sample, "--view", "eval-config", "-o", str(out))
    assert (code, stderr) == (
        2,
        f"prd-forge: error: {out}: already exists; use --force to overwrite it\n",
    )
    assert run("export", sample, "--view", "eval-config", "-o", str(out), "--force")[0] == 0


def test_an_unknown_view_is_a_usage_error() -> None:
    assert run("export", str(SAMPLES[0]), "--view", "model-kard") == (
        2,
        "",
        "prd-forge: error: --view model-kard: no such view; shipped: annex-iv, eval-config, "
        "hf-card, model-card, nist-rmf (your own views need --template FOLDER)\n",
    )


def test_a_bad_spec_is_an_input_error(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("feature: [\n", encoding="utf-8")
    code, stdout, stderr = run("export", str(spec), "--view", "eval-config")
    assert (code, stdout) == (2, "")
    assert stderr.startswith(f"prd-forge: error: {spec}:")
    assert "Traceback" not in stderr
