"""`prd-forge verify` on every sample: go when all is met, no-go naming what is missed or not
measured, unmatched results listed; goldens for each format.

Regenerate the goldens after an intended change with

    PRD_FORGE_REGEN=1 python -m pytest tests/verify

and review the diff of tests/verify/golden/.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.spec.load import load_spec
from prd_forge.verify.checks import LAUNCH, checks
from tests.golden import matches_golden

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
COPILOT = ROOT / "samples" / "support-reply-copilot.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def compare(name: str, text: str) -> None:
    matches_golden(HERE / "golden" / name, text)


def fixture(sample: Path) -> dict[str, Any]:
    path = HERE / "fixtures" / f"{sample.stem}.results.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def verify(
    tmp_path: Path, sample: Path, data: object, *options: str, chdir: bool = True
) -> tuple[int, str, str]:
    path = tmp_path / "results.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    if not chdir:
        return run("verify", str(sample), "--actuals", str(path), *options)
    # Relative names, so the goldens do not depend on where the tests run.
    (tmp_path / sample.name).write_bytes(sample.read_bytes())
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        return run("verify", sample.name, "--actuals", "results.json", *options)
    finally:
        os.chdir(cwd)


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_results_that_meet_every_promise_are_go(sample: Path, in_root: None) -> None:
    results = f"tests/verify/fixtures/{sample.stem}.results.json"
    code, stdout, stderr = run("verify", f"samples/{sample.name}", "--actuals", results)
    assert (code, stderr) == (0, "")
    assert stdout.splitlines()[-1].startswith("go: ")
    assert " 0 missed, 0 not measured " in stdout
    compare(f"{sample.stem}.go.txt", stdout)


def _miss(row: dict[str, Any], comparator: str) -> None:
    row["value"] = row["value"] - 0.5 if comparator in (">=", ">") else row["value"] + 0.5


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_one_slice_below_its_threshold_is_no_go_naming_the_slice(
    sample: Path, tmp_path: Path
) -> None:
    data = fixture(sample)
    row = next(r for r in data["results"] if "slice" in r)
    spec = load_spec(sample).spec
    check = next(c for c in checks(spec) if c.metric == row["metric"] and c.set == row.get("set"))
    _miss(row, check.conditions[0][0])
    code, stdout, _ = verify(tmp_path, sample, data, chdir=False)
    assert code == 1
    missed = [line for line in stdout.splitlines() if line.startswith("  missed ")]
    assert missed and all(f"[{row['slice']}]" in line for line in missed)
    assert stdout.splitlines()[-1].startswith("no-go: ")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_a_launch_criterion_not_measured_is_no_go_naming_it(sample: Path, tmp_path: Path) -> None:
    data = fixture(sample)
    launch = [c for c in checks(load_spec(sample).spec) if c.kind == LAUNCH][-1]
    names = {name.casefold() for name in launch.names}
    data["results"] = [r for r in data["results"] if r["metric"].casefold() not in names]
    code, stdout, _ = verify(tmp_path, sample, data, chdir=False)
    assert code == 1
    assert f"  not measured  {launch.label}: " in stdout
    assert stdout.splitlines()[-1].startswith("no-go: ")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_a_result_for_an_unknown_metric_is_listed(sample: Path, tmp_path: Path) -> None:
    data = fixture(sample)
    data["results"].append({"metric": "Latency p95", "value": 840, "unit": "ms"})
    code, stdout, _ = verify(tmp_path, sample, data, chdir=False)
    assert code == 0
    index = len(data["results"]) - 1
    tail = stdout.splitlines()[-3:]
    assert tail[0] == "results that match no metric, set or slice of the spec:"
    assert (
        tail[1]
        == f"  {tmp_path / 'results.json'}: results[{index}]: Latency p95 / no set / overall = 840"
    )
    assert tail[2].endswith(", 1 result(s) unmatched")


def _no_go_copilot() -> dict[str, Any]:
    data = fixture(COPILOT)
    rows = data["results"]
    next(r for r in rows if r.get("slice") == "Language=language b")["value"] = 0.95
    data["results"] = [r for r in rows if r["metric"] != "unsafe drafts"]
    data["results"].append({"metric": "Latency p95", "value": 840, "unit": "ms"})
    return data


@pytest.mark.parametrize("output_format", ["text", "json", "markdown", "junit"])
def test_each_format_matches_its_golden(output_format: str, tmp_path: Path) -> None:
    code, stdout, stderr = verify(tmp_path, COPILOT, _no_go_copilot(), "--format", output_format)
    assert (code, stderr) == (1, "")
    suffix = {"text": "txt", "json": "json", "markdown": "md", "junit": "xml"}[output_format]
    compare(f"support-reply-copilot.no-go.{suffix}", stdout)


def test_a_mapping_in_the_results_file_renames_metrics_and_sets(tmp_path: Path) -> None:
    data = fixture(COPILOT)
    for row in data["results"]:
        if row.get("set") == "Golden tickets v3":
            row["set"] = "golden_v3"
        if row["metric"] == "Policy accuracy":
            row["metric"] = "policy_acc"
    data["mapping"] = {
        "metrics": {"policy_acc": "Policy accuracy"},
        "sets": {"golden_v3": "Golden tickets v3"},
    }
    code, stdout, _ = verify(tmp_path, COPILOT, data, chdir=False)
    assert code == 0, stdout
    assert " 0 not measured " in stdout and " 0 result(s) unmatched" in stdout


def write(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


CSV_HEAD = b"metric,value,set,slice,unit\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "r.csv",
            CSV_HEAD + b"Policy accuracy,n/a,Golden tickets v3,,\n",
            "{path}:2: value 'n/a' of 'Policy accuracy' is not a number; write a plain number "
            "such as 0.97 (units go in the unit column)",
        ),
        (
            "r.csv",
            b"metric;value;set\nPolicy accuracy;0,97;Golden tickets v3\n",
            "{path}:1: columns are separated by ';'; save the CSV with ',' separators and '.' "
            "as the decimal point",
        ),
        (
            "r.csv",
            CSV_HEAD + b"Policy accuracy,0.98,Golden tickets v3,,\n"
            b"Policy accuracy,0.97,Golden tickets v3,,\n",
            "{path}:3: repeats {path}:2 (Policy accuracy, Golden tickets v3, overall); keep one "
            "row",
        ),
        (
            "r.csv",
            CSV_HEAD + b"CSAT on drafted replies,86,,,%\n",
            "{path}:2: 'CSAT on drafted replies' is in '%' but the spec's guardrail 'CSAT on "
            "drafted replies' is in 'points of 5'; convert the value to 'points of 5' or drop "
            "the unit",
        ),
        (
            "r.csv",
            CSV_HEAD + b"Policy accuracy,0.98,Golden tickets v3,ja,\n",
            "{path}:2: slice 'ja' does not name its dimension; write it as 'Language=ja'",
        ),
        (
            "r.json",
            b'{"results": [{"metric": "Policy accuracy", "value": 0.9, "model": "x"}]}',
            "{path}: results[0]: unknown field 'model'; the fields are metric, value, set, "
            "slice, unit, window, date",
        ),
        (
            "r.json",
            b'{"results": [{"metric": "Policy accuracy", "value": "high"}]}',
            "{path}: results[0]: value 'high' of 'Policy accuracy' is not a number; write a "
            "plain number such as 0.97 (units go in the unit column)",
        ),
        (
            "r.json",
            b"{results: []}",
            "{path}:1:2: not valid JSON (Expecting property name "
            "enclosed in double quotes); a CSV file needs the .csv suffix",
        ),
    ],
    ids=["non-numeric", "semicolons", "duplicate", "unit", "slice", "field", "json-text", "json"],
)
def test_bad_results_are_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = write(tmp_path, name, content)
    code, stdout, stderr = run("verify", str(COPILOT), "--actuals", path)
    assert (code, stdout) == (2, "")
    assert stderr == f"prd-forge: error: {message.format(path=path)}\n"


def test_a_file_over_100_mb_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024 + 1)
    code, _, stderr = run("verify", str(COPILOT), "--actuals", str(path))
    assert code == 2
    assert stderr == (
        f"prd-forge: error: {path}: 104857601 bytes is over the 100 MB cap for a results "
        "file; aggregate the results per metric, set and slice first\n"
    )


def _as_csv(rows: list[dict[str, Any]]) -> bytes:
    lines = ["metric,value,set,slice,unit"]
    for row in rows:
        cells = [row["metric"], str(row["value"]), row.get("set", ""), row.get("slice", "")]
        lines.append(",".join(f'"{cell}"' for cell in [*cells, row.get("unit", "")]))
    return ("\n".join(lines) + "\n").encode()


def test_csv_with_a_byte_order_mark_reads_as_the_json_does(tmp_path: Path) -> None:
    rows = fixture(COPILOT)["results"]
    path = write(tmp_path, "r.csv", b"\xef\xbb\xbf" + _as_csv(rows))
    code, stdout, _ = run("verify", str(COPILOT), "--actuals", path)
    json_code, json_stdout, _ = verify(tmp_path, COPILOT, {"results": rows}, chdir=False)
    assert (code, json_code) == (0, 0)
    assert stdout.splitlines()[1:] == json_stdout.splitlines()[1:]
