"""`prd-forge schema` and schemas/answers.schema.json, which must match the model."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import Result

from prd_forge._resources import data_dir
from prd_forge.spec.load import SCHEMA_URL
from prd_forge.spec.schema import SCHEMA_FILE, schema_text

Invoke = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "schemas" / SCHEMA_FILE
SAMPLES = sorted((ROOT / "samples").rglob("*.yaml"))


def test_shipped_schema_is_current() -> None:
    if os.environ.get("PRD_FORGE_REGEN"):
        SHIPPED.write_text(schema_text(), encoding="utf-8")
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), (
        "schemas/answers.schema.json is stale: the spec model changed. Regenerate it with "
        "`prd-forge schema > schemas/answers.schema.json` "
        "(or PRD_FORGE_REGEN=1 python -m pytest tests/spec/test_schema.py) and commit it"
    )


def test_schema_command_prints_the_schema(prd_forge: Invoke) -> None:
    result = prd_forge("schema")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == schema_text()
    assert result.stdout.endswith("}\n")


def test_schema_is_found_through_data_dir() -> None:
    assert (data_dir("schemas") / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()


def test_schema_url_names_the_shipped_file() -> None:
    assert SCHEMA_URL.endswith(f"/schemas/{SCHEMA_FILE}")
    assert json.loads(schema_text())["$id"] == SCHEMA_URL


def test_schema_output_is_stable() -> None:
    assert schema_text() == schema_text()
    document = json.loads(schema_text())
    assert list(document) == sorted(document)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_samples_validate_against_the_schema(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [error.message for error in validator.iter_errors(data)] == []


def test_schema_rejects_an_unknown_field_as_an_editor_would() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    errors = list(validator.iter_errors({"feature": {"nmae": "Copilot"}}))
    assert [error.message for error in errors] == [
        "Additional properties are not allowed ('nmae' was unexpected)"
    ]
