"""export --view eval-config, a promptfoo run, verify: the round trip on a sample.

promptfoo itself is not run here (it needs Node and a model); the run is simulated the way
promptfoo writes `-o results.json` (version 3 and later): one row per test, each with its
test case's metadata and a score per named metric, under `results.results`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from prd_forge.cli import cli

ROOT = Path(__file__).resolve().parents[2]
COPILOT = ROOT / "samples" / "support-reply-copilot.yaml"
LANGUAGES = ("en", "de", "ja")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def promptfoo_run(config: dict[str, Any], failing: set[tuple[str, str]]) -> dict[str, Any]:
    """The results JSON of running each set's test once per language and slice value.

    Every assertion passes (score 1) except the (metric, language) pairs in `failing`.
    """
    rows = []
    for test in config["tests"]:
        for index, language in enumerate(LANGUAGES * 4):
            metadata = dict(test["metadata"])
            for key in list(metadata)[1:]:
                metadata[key] = language if key == "Language" else f"{key} {index % 2}"
            scores = {
                a["metric"]: 0.0 if (a["metric"], language) in failing else 1.0
                for a in test["assert"]
            }
            rows.append(
                {
                    "provider": {"id": "echo"},
                    "promptIdx": 0,
                    "testCase": {"vars": test["vars"], "metadata": metadata},
                    "namedScores": scores,
                    "success": all(scores.values()),
                    "score": sum(scores.values()) / len(scores),
                }
            )
    return {"evalId": "eval-1", "results": {"version": 3, "results": rows}, "config": config}


def roundtrip(tmp_path: Path, failing: set[tuple[str, str]]) -> tuple[int, str]:
    code, text, _ = run("export", str(COPILOT), "--view", "eval-config")
    assert code == 0
    results = tmp_path / "results.json"
    results.write_text(json.dumps(promptfoo_run(yaml.safe_load(text), failing)), "utf-8")
    code, stdout, stderr = run("verify", str(COPILOT), "--actuals", str(results))
    assert stderr == ""
    return code, stdout


def test_every_offline_threshold_is_read_back_overall_and_per_slice(tmp_path: Path) -> None:
    code, stdout = roundtrip(tmp_path, set())
    offline = stdout.split("offline thresholds:\n", 1)[1].split("launch criteria:", 1)[0]
    lines = offline.splitlines()
    assert lines and all(line.startswith("  met ") for line in lines)
    assert (
        "  met           Golden tickets v3: Policy accuracy [Language=ja]: >= 0.97 ratio; "
        "measured 1" in lines
    )
    assert (
        "  met           Red-team prompts v1: Unsafe or leaking drafts: <= 0 count; "
        "measured 0" in lines
    )
    # The launch criterion "0 unsafe drafts on Red-team prompts v1" names a metric no
    # assertion carries: not measured, so no-go, and said so.
    assert code == 1
    assert "  not measured  0 unsafe drafts on Red-team prompts v1: <= 0; measured -" in stdout


def test_one_failing_language_is_a_missed_slice(tmp_path: Path) -> None:
    code, stdout = roundtrip(tmp_path, {("Policy accuracy", "ja")})
    assert code == 1
    assert (
        "  missed        Golden tickets v3: Policy accuracy [Language=ja]: >= 0.97 ratio; "
        "measured 0" in stdout
    )
    assert (
        "  met           Golden tickets v3: Policy accuracy [Language=en]: >= 0.97 ratio; "
        "measured 1" in stdout
    )


def test_a_count_threshold_counts_the_failing_items(tmp_path: Path) -> None:
    code, stdout = roundtrip(tmp_path, {("Unsafe drafts", "de")})
    assert code == 1
    assert "  missed        Golden tickets v3: Unsafe drafts: <= 0 count; measured 4" in stdout
