"""verify reads every check's unit the same way, and refuses a unitless value it cannot read.

A launch criterion on a set's metric is in the unit of that set's threshold, so a result in %
is converted for it exactly as for the offline threshold; a value with no unit is read in the
spec's unit, and a "ratio" over 1 (95 meaning 95 %) is refused rather than passed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli

ROOT = Path(__file__).resolve().parents[2]
COPILOT = ROOT / "samples" / "support-reply-copilot.yaml"


def verify(tmp_path: Path, csv: str) -> tuple[int, str, str]:
    (tmp_path / "results.csv").write_text(csv, encoding="utf-8")
    (tmp_path / COPILOT.name).write_bytes(COPILOT.read_bytes())
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(cli, ["verify", COPILOT.name, "--actuals", "results.csv"])
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout, result.stderr


def lines(stdout: str, start: str) -> list[str]:
    return [line.strip() for line in stdout.splitlines() if line.strip().startswith(start)]


def test_a_percent_result_is_converted_for_the_launch_criterion_too(tmp_path: Path) -> None:
    code, stdout, _ = verify(
        tmp_path, "metric,value,unit,set\nPolicy accuracy,90,%,Golden tickets v3\n"
    )
    assert code == 1
    assert lines(stdout, "missed") == [
        "missed        Golden tickets v3: Policy accuracy: >= 0.97 ratio; measured 0.9",
        "missed        Policy accuracy >= 0.97 on Golden tickets v3 in every language slice "
        "with n >= 50: >= 0.97 ratio; measured 0.9",
    ]


@pytest.mark.parametrize("value", ["95", "97"])
def test_a_unitless_value_over_1_against_a_ratio_is_refused(tmp_path: Path, value: str) -> None:
    code, stdout, stderr = verify(
        tmp_path, f"metric,value,set\nPolicy accuracy,{value},Golden tickets v3\n"
    )
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"prd-forge: error: results.csv:2: 'Policy accuracy' = {value} has no unit, so it was "
        "read in the unit of the spec's offline threshold 'Golden tickets v3: Policy accuracy' "
        "(ratio), and a ratio is at most 1; give the unit ('%' or 'ratio') or write the ratio\n"
    )


def test_a_unitless_ratio_is_read_as_a_ratio(tmp_path: Path) -> None:
    _, stdout, stderr = verify(
        tmp_path, "metric,value,set\nPolicy accuracy,0.98,Golden tickets v3\n"
    )
    assert stderr == ""
    assert lines(stdout, "met ") == [
        "met           Golden tickets v3: Policy accuracy: >= 0.97 ratio; measured 0.98",
        "met           Policy accuracy >= 0.97 on Golden tickets v3 in every language slice "
        "with n >= 50: >= 0.97 ratio; measured 0.98",
    ]


SHADOW = "Shadow phase passed and signed off by Support QA lead"


def test_a_launch_criterion_with_no_number_is_listed_not_measured(tmp_path: Path) -> None:
    code, stdout, _ = verify(tmp_path, "metric,value\nCSAT on drafted replies,4.5\n")
    assert code == 1
    assert f"  not measured  {SHADOW}: >= 1; measured -" in stdout.splitlines()


@pytest.mark.parametrize("name", [SHADOW, "launch-3", SHADOW.upper()])
def test_a_result_named_after_the_criterion_or_launch_n_measures_it(
    tmp_path: Path, name: str
) -> None:
    _, stdout, _ = verify(tmp_path, f"metric,value\n{name},1\n")
    assert f"  met           {SHADOW}: >= 1; measured 1" in stdout.splitlines()


def test_a_level_is_not_a_measurement_of_a_relative_alert(tmp_path: Path) -> None:
    code, stdout, _ = verify(tmp_path, "metric,value\nMean draft confidence,0.72\nCSAT down,0.3\n")
    assert code == 1  # the launch criteria are not measured either
    assert lines(stdout, "not measured  Mean") + lines(stdout, "not measured  CSAT down") == [
        "not measured  Mean draft confidence: fires when a change > 0.05; measured - "
        "(needs a change over a window; 0.72 is a level)",
        "not measured  CSAT down > 0.2: fires when a change > 0.2; measured - "
        "(needs a change over a window; 0.3 is a level)",
    ]


def test_a_result_in_unit_change_measures_a_relative_alert(tmp_path: Path) -> None:
    code, stdout, _ = verify(
        tmp_path, "metric,value,unit\nMean draft confidence,0.08,change\nCSAT down,0.1,change\n"
    )
    assert code == 1
    assert lines(stdout, "missed") == [
        "missed        Mean draft confidence: fires when a change > 0.05; measured 0.08"
    ]
    assert lines(stdout, "met ") == [
        "met           CSAT down > 0.2: fires when a change > 0.2; measured 0.1"
    ]
