"""promptfoo's results JSON (`promptfoo eval -o results.json`) as results verify can check.

Each row of `results.results` is one test run; its `namedScores` hold a score per named metric
(the `metric` of each assertion the eval-config view wrote) and its test's `metadata` the set
and the slice values. Per set and metric, the mean score is the result for a threshold in a
ratio (times 100 for %), and the number of rows scoring below 1 (failing the assertion) is the
result for a threshold in count. The same is done for each slice value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from prd_forge.verify.results import Measurement, ResultsError, number

COUNT, PERCENT = "count", "%"
SET_KEY = "set"


def is_promptfoo(data: Any) -> bool:
    """Whether `data` is promptfoo's output: {"results": {"results": [...]}, ...}."""
    inner = data.get("results") if isinstance(data, dict) else None
    return isinstance(inner, dict) and isinstance(inner.get("results"), list)


def _metadata(row: dict[str, Any]) -> dict[str, Any]:
    case = row.get("testCase")
    found = case.get("metadata") if isinstance(case, dict) else None
    found = found if isinstance(found, dict) else row.get("metadata")
    return found if isinstance(found, dict) else {}


def _system(row: dict[str, Any]) -> str:
    provider = row.get("provider")
    provider = provider.get("id") if isinstance(provider, dict) else provider
    return f"{provider}#{row.get('promptIdx', 0)}"


def aggregate(scores: list[float], unit: str | None) -> float:
    """The result a threshold in `unit` reads from the scores of its items."""
    if (unit or "").casefold() == COUNT:
        return float(sum(1 for score in scores if score < 1))
    mean = sum(scores) / len(scores)
    return mean * 100 if (unit or "").startswith(PERCENT) else mean


Groups = dict[tuple[str, str, tuple[str, str] | None], list[float]]


def _collect(name: str, rows: list[Any]) -> Groups:
    groups: Groups = defaultdict(list)
    systems = {_system(row) for row in rows if isinstance(row, dict)}
    if len(systems) > 1:
        raise ResultsError(
            f"{name}: holds results of {len(systems)} provider/prompt pairs; verify checks one "
            "system: run promptfoo with one provider and one prompt"
        )
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("namedScores", {}), dict):
            raise ResultsError(f"{name}: results.results[{index}] is not a promptfoo result")
        metadata = _metadata(row)
        set_name = str(metadata.get(SET_KEY) or "")
        for metric, score in (row.get("namedScores") or {}).items():
            value = number(f"{name}: results.results[{index}]", metric, score)
            groups[(set_name, metric, None)].append(value)
            for key, slice_value in metadata.items():
                if key != SET_KEY and isinstance(slice_value, str) and slice_value.strip():
                    groups[(set_name, metric, (key, slice_value.strip()))].append(value)
    return groups


def read(
    name: str, data: dict[str, Any], unit_of: Callable[[str, str], str | None]
) -> list[Measurement]:
    """Results from promptfoo's output; `unit_of(set, metric)` is the spec's unit there."""
    groups = _collect(name, data["results"]["results"])
    results = []
    for (set_name, metric, slice_key), scores in sorted(groups.items(), key=str):
        where = f"{name}: promptfoo {set_name or 'no set'} / {metric}"
        if slice_key:
            where += f" / {slice_key[0]}={slice_key[1]}"
        value = aggregate(scores, unit_of(set_name, metric))
        results.append(Measurement(where, (metric,), value, set_name or None, slice_key))
    return results
