"""The README's section on answers files, `check` and `schema` stays true to the code."""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from click.testing import Result

from prd_forge.spec.completeness import find_gaps
from prd_forge.spec.load import SCHEMA_COMMENT, SCHEMA_URL
from prd_forge.spec.model import Spec

Invoke = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Specs as answers files", 1)[1].split("\n## ", 1)[0]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", SECTION, flags=re.S)


def test_console_example_is_what_check_prints(prd_forge: Invoke) -> None:
    (console,) = blocks("console")
    command, *shown = console.splitlines()
    args = shlex.split(command.removeprefix("$ prd-forge "))
    actual = prd_forge(*args).stdout.splitlines()
    expected = [line for line in shown if line != "..."]
    assert [line for line in actual if line in expected] == expected


def _subset(small: Any, big: Any) -> bool:
    if isinstance(small, dict):
        return isinstance(big, dict) and all(
            k in big and _subset(v, big[k]) for k, v in small.items()
        )
    if isinstance(small, list):
        return isinstance(big, list) and all(
            _subset(s, b) for s, b in zip(small, big, strict=False)
        )
    return bool(small == big)


def test_json_example_matches_the_real_document(prd_forge: Invoke) -> None:
    (example,) = blocks("json")
    shown = json.loads(example)
    real = json.loads(
        prd_forge(
            "check", "--format", "json", "samples/incomplete/invoice-extraction-draft.yaml"
        ).stdout
    )
    assert _subset(shown, real)
    assert set(shown["files"][0]) == set(real["files"][0])
    assert set(shown["files"][0]["findings"][0]) == set(real["files"][0]["findings"][0])


def test_schema_comment_is_the_one_prd_forge_writes() -> None:
    assert blocks("yaml")[0] == SCHEMA_COMMENT.format(url=SCHEMA_URL)


def test_key_table_lists_every_top_level_key_in_order() -> None:
    keys = re.findall(r"^\| `([a-z_]+)` \|", SECTION, flags=re.M)
    assert keys == list(Spec.model_fields)


def test_yaml_excerpts_are_valid_and_their_references_resolve() -> None:
    for excerpt in blocks("yaml")[1:]:
        spec = Spec.model_validate(yaml.safe_load(excerpt))
        dangling = [
            g for g in find_gaps(spec) if "not defined" in g.message or "not described" in g.message
        ]
        assert dangling == []
