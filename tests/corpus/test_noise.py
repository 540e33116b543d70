"""The noise budget on real PRDs: no rule fires more than 5 times in one corpus document."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from prd_forge.lint.budget import BUDGET

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("corpus_noise", HERE / "noise.py")
assert _spec is not None and _spec.loader is not None
noise = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = noise
_spec.loader.exec_module(noise)


@pytest.fixture(scope="module")
def measured() -> Any:
    return noise.measure()


def test_no_rule_fires_more_than_the_budget_in_one_document(measured: Any) -> None:
    assert len(measured.per_file) >= 127
    times, code, where = measured.worst
    assert BUDGET == 5
    assert times <= BUDGET, f"{code} fires {times} times in {where}"


def test_findings_per_document_stay_near_what_the_readme_reports(measured: Any) -> None:
    assert measured.median <= 8
    assert measured.maximum[0] <= 20
