"""Which YAML and JSON files `check --answers-only` (the pre-commit hook) treats as answers
files, and YAML 1.2 booleans: a workflow's `on:` is a key, never `true`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.spec.kind import SECTIONS, is_answers_file
from prd_forge.spec.load import dump_yaml
from prd_forge.spec.syntax import parse_yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = "name: ci\non:\n  push:\n    branches: [master]\njobs:\n  test:\n    runs-on: x\n"


def test_sections_are_the_schema_s_top_level_keys() -> None:
    schema = json.loads((ROOT / "schemas" / "answers.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == SECTIONS


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("ci.yml", WORKFLOW, False),
        ("openapi.yaml", "openapi: 3.1.0\ninfo:\n  title: x\npaths: {}\n", False),
        ("package.json", '{\n  "name": "x",\n  "scripts": {"problem": "1"}\n}\n', False),
        ("spec.yaml", "feature:\n  name: Smart reply\n", True),
        ("two.yaml", "problem:\n  user_need: x\nmetrics:\n  - name: y\n", True),
        ("broken.yaml", "feature:\n  name: [unclosed\n", True),
        ("quoted.yaml", '"feature": {name: x}\n', True),
        ("spec.json", '{\n  "feature": {"name": "x"}\n}\n', True),
        (
            "commented.yaml",
            "# yaml-language-server: $schema=https://example.org/answers.schema.json\n",
            True,
        ),
    ],
)
def test_answers_files_are_recognised(tmp_path: Path, name: str, text: str, expected: bool) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert is_answers_file(path) is expected


def test_samples_are_answers_files() -> None:
    for sample in (ROOT / "samples").rglob("*.yaml"):
        assert is_answers_file(sample), sample


def test_answers_only_skips_other_files_silently(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("feature:\n  name: x\nnot_a_field: 1\n", encoding="utf-8")
    runner = CliRunner()
    skipped = runner.invoke(cli, ["check", "--answers-only", str(tmp_path / "ci.yml")])
    assert (skipped.exit_code, skipped.output) == (0, "")
    mixed = runner.invoke(
        cli, ["check", "--answers-only", str(tmp_path / "ci.yml"), str(tmp_path / "bad.yaml")]
    )
    assert mixed.exit_code == 2
    assert "ci.yml" not in mixed.output
    assert f"{tmp_path / 'bad.yaml'}:3: not_a_field: unknown field" in mixed.output


def test_yaml_1_2_booleans_keep_on_and_no_as_words() -> None:
    data, lines = parse_yaml("on: yes\nanswer: no\nflag: true\nother: False\n", "x.yaml")
    assert data == {"on": "yes", "answer": "no", "flag": True, "other": False}
    assert lines["on"] == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("010", 10),
        ("0o17", 15),
        ("0x1F", 31),
        ("-3", -3),
        ("1e3", 1000.0),
        ("1.5", 1.5),
        ("1:30", "1:30"),
        ("1_000", "1_000"),
        ("y", "y"),
        ("off", "off"),
        ("TRUE", True),
        ("~", None),
    ],
)
def test_yaml_1_2_numbers(text: str, value: object) -> None:
    data, _ = parse_yaml(f"value: {text}\n", "x.yaml")
    assert data == {"value": value}
    assert type(data["value"]) is type(value)


def test_what_prd_forge_writes_reads_back_the_same_in_yaml_1_1_and_1_2() -> None:
    words = ["1e3", "0o17", "on", "010", "1:30", "yes", "1_000", "plain text", ".inf"]
    data = {"values": [*words, 3, 1.5, True, None]}
    text = dump_yaml(data)
    assert parse_yaml(text, "x.yaml")[0] == data
    assert yaml.safe_load(text) == data


def test_check_names_a_workflow_s_on_key_as_written(tmp_path: Path) -> None:
    path = tmp_path / "ci.yml"
    path.write_text(WORKFLOW, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: on: unknown field" in result.output
    assert "the key true" not in result.output
