"""The shared words (coverage states, severities, stages): order, rank and the public values;
and one class name per idea across the package."""

from __future__ import annotations

import ast
import json
from collections import defaultdict
from pathlib import Path

import prd_forge
from prd_forge.terms import COVERAGE_STATES, SEVERITIES, STAGES, CoverageState, Severity, Stage


def test_states_are_best_first_with_public_values() -> None:
    assert [state.value for state in COVERAGE_STATES] == ["present", "partial", "hollow", "missing"]
    assert [state.rank for state in COVERAGE_STATES] == [3, 2, 1, 0]


def test_covered_means_present_or_partial() -> None:
    assert [state.covered for state in COVERAGE_STATES] == [True, True, False, False]


def test_a_state_reads_as_its_value_in_json_and_comparisons() -> None:
    assert json.dumps({"fallbacks": CoverageState.HOLLOW}) == '{"fallbacks": "hollow"}'
    assert str(CoverageState.MISSING) == "missing"
    assert CoverageState("partial") is CoverageState.PARTIAL


def test_severities_are_worst_first_with_public_values() -> None:
    assert [severity.value for severity in SEVERITIES] == ["error", "warning", "info"]
    assert [severity.rank for severity in SEVERITIES] == [2, 1, 0]
    assert json.dumps([Severity.WARNING]) == '["warning"]'
    assert f"{Severity.ERROR}" == "error"


def test_stages_and_the_statuses_that_imply_them() -> None:
    assert STAGES == ("draft", "review", "launch")
    assert [Stage.of_status(s) for s in ("WIP", "in review", "Approved", "launched")] == [
        Stage.DRAFT,
        Stage.REVIEW,
        Stage.LAUNCH,
        Stage.LAUNCH,
    ]
    assert Stage.of_status("shipped") is None


def test_one_class_name_per_idea() -> None:
    """No two modules of the package define a class of the same name (Finding, Problem,
    Level, Severity and Status each meant two or three things once; Item, Result, Section
    and Verdict too, until the questionnaire's became QuestionnaireSection and ReviewChoice,
    check's SpecResult, verify's Measurement and the Annex IV view's AnnexItem)."""
    package = Path(prd_forge.__file__).parent
    where: dict[str, list[str]] = defaultdict(list)
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                where[node.name].append(path.relative_to(package).as_posix())
    twice = {name: paths for name, paths in where.items() if len(paths) > 1}
    assert twice == {}
    assert {"Finding", "Observation", "Gap", "LoadProblem", "SpecFinding"} <= set(where)
