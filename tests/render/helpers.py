"""Shared helpers for the render tests: specs from the fixture, with edits."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

import yaml

from prd_forge.spec.load import validate
from prd_forge.spec.model import Spec

FIXTURES = Path(__file__).resolve().parent / "fixtures"
COMPLETE = FIXTURES / "complete.yaml"


@functools.cache
def _parsed() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPLETE.read_text(encoding="utf-8"))
    return data


def complete_data() -> dict[str, Any]:
    """The fixture's data, a fresh copy each time so a test may edit it."""
    return copy.deepcopy(_parsed())


def spec_from(data: dict[str, Any]) -> Spec:
    return validate(data, "test.yaml").spec


def complete_spec() -> Spec:
    return spec_from(complete_data())
