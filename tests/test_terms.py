"""The shared coverage states: order, rank and the public values."""

from __future__ import annotations

import json

from prd_forge.terms import COVERAGE_STATES, CoverageState


def test_states_are_best_first_with_public_values() -> None:
    assert [state.value for state in COVERAGE_STATES] == ["present", "partial", "hollow", "missing"]
    assert [state.rank for state in COVERAGE_STATES] == [3, 2, 1, 0]


def test_covered_means_present_or_partial() -> None:
    assert [state.covered for state in COVERAGE_STATES] == [True, True, False, False]


def test_a_state_reads_as_its_value_in_json_and_comparisons() -> None:
    assert json.dumps({"fallbacks": CoverageState.HOLLOW}) == '{"fallbacks": "hollow"}'
    assert str(CoverageState.MISSING) == "missing"
    assert CoverageState("partial") is CoverageState.PARTIAL
