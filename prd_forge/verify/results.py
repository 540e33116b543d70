"""Reading measured results: our JSON or CSV, or promptfoo's results JSON.

A results file is small and aggregated, so anything odd in it is an error that stops verify
(exit 2) with one line naming the file, the row and the fix: a value that is not a number, a
slice without its dimension, a row that repeats another, an unknown column, a file over the cap.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_BYTES = 100 * 1024 * 1024
COLUMNS = ("metric", "value", "set", "slice", "unit", "window", "date")
_MAPPING_KEYS = frozenset({"metrics", "sets"})


class ResultsError(Exception):
    """The results file cannot be used; the message says where and what to do."""


@dataclass(frozen=True)
class Measurement:
    """One measured value; `names` are the spec metric names it answers (after mapping)."""

    where: str
    names: tuple[str, ...]
    value: float
    set: str | None = None
    slice: tuple[str, str] | None = None
    unit: str | None = None
    window: str | None = None
    date: str | None = None

    @property
    def metric(self) -> str:
        return self.names[0]

    @property
    def slice_text(self) -> str | None:
        return f"{self.slice[0]}={self.slice[1]}" if self.slice else None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is not a regular file or is over the cap."""
    if not path.is_file():
        what = "no such file" if not path.exists() else "not a regular file"
        raise ResultsError(f"{path}: {what}; pass a JSON or CSV results file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ResultsError(
            f"{path}: {size} bytes is over the 100 MB cap for a results file; "
            "aggregate the results per metric, set and slice first"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise ResultsError(f"{path}: cannot be read: {error.strerror}") from None


def number(where: str, metric: str, value: Any) -> float:
    """`value` as a finite number, or a ResultsError naming the row."""
    if isinstance(value, bool) or value is None:
        raise ResultsError(f"{where}: value of {metric!r} is missing or not a number; write one")
    try:
        parsed = float(value)
    except (TypeError, ValueError):
        raise ResultsError(
            f"{where}: value {value!r} of {metric!r} is not a number; write a plain number "
            "such as 0.97 (units go in the unit column)"
        ) from None
    if not math.isfinite(parsed):
        raise ResultsError(f"{where}: value {value!r} of {metric!r} is not a finite number")
    return parsed


def parse_slice(where: str, text: str | None) -> tuple[str, str] | None:
    """`Language=ja` or `Language: ja` -> ("Language", "ja"); empty -> None (overall)."""
    if text is None or not str(text).strip():
        return None
    for separator in ("=", ":"):
        dimension, found, value = str(text).partition(separator)
        if found and dimension.strip() and value.strip():
            return dimension.strip(), value.strip()
    raise ResultsError(
        f"{where}: slice {text!r} does not name its dimension; write it as 'Language=ja'"
    )


def _text(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value).strip()


def make(
    where: str, fields: dict[str, Any], mapping: dict[str, dict[str, list[str]]]
) -> Measurement:
    """A Measurement from one row's fields, its metric and set names mapped."""
    unknown = sorted(set(fields) - set(COLUMNS))
    if unknown:
        raise ResultsError(
            f"{where}: unknown field {unknown[0]!r}; the fields are {', '.join(COLUMNS)}"
        )
    metric = _text(fields.get("metric"))
    if metric is None:
        raise ResultsError(f"{where}: no metric; name the metric this value measures")
    names = tuple(mapping["metrics"].get(metric, [metric]))
    raw_set = _text(fields.get("set"))
    sets = mapping["sets"].get(raw_set, [raw_set]) if raw_set else [None]
    return Measurement(
        where,
        names,
        number(where, metric, fields.get("value")),
        sets[0],
        parse_slice(where, fields.get("slice")),
        _text(fields.get("unit")),
        _text(fields.get("window")),
        _text(fields.get("date")),
    )


def no_duplicates(results: list[Measurement]) -> list[Measurement]:
    """`results` unchanged, or a ResultsError naming the first row that repeats another."""
    seen: dict[tuple[Any, ...], str] = {}
    for result in results:
        key = (
            result.metric.casefold(),
            (result.set or "").casefold(),
            (result.slice_text or "").casefold(),
            (result.window or "").casefold(),
            result.date,
        )
        if key in seen:
            raise ResultsError(
                f"{result.where}: repeats {seen[key]} ({result.metric}, "
                f"{result.set or 'no set'}, {result.slice_text or 'overall'}); keep one row"
            )
        seen[key] = result.where
    return results


def read_csv(name: str, text: str) -> list[Measurement]:
    """Rows of a CSV with a header naming at least metric and value."""
    header = text.split("\n", 1)[0]
    if ";" in header and "," not in header:
        raise ResultsError(
            f"{name}:1: columns are separated by ';'; save the CSV with ',' separators "
            "and '.' as the decimal point"
        )
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    missing = [column for column in ("metric", "value") if column not in columns]
    if missing:
        raise ResultsError(f"{name}:1: the header has no {missing[0]!r} column")
    empty: dict[str, dict[str, list[str]]] = {"metrics": {}, "sets": {}}
    rows = []
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            raise ResultsError(f"{name}:{reader.line_num}: has not as many cells as the header")
        rows.append(make(f"{name}:{reader.line_num}", dict(row), empty))
    return rows


def _mapping(name: str, raw: Any) -> dict[str, dict[str, list[str]]]:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict) or set(raw) - _MAPPING_KEYS:
        raise ResultsError(
            f"{name}: mapping must be an object with 'metrics' and/or 'sets', each mapping a "
            "result's name to the spec's name (or a list of them)"
        )
    mapping: dict[str, dict[str, list[str]]] = {"metrics": {}, "sets": {}}
    for key in _MAPPING_KEYS:
        for source, target in (raw.get(key) or {}).items():
            targets = [target] if isinstance(target, str) else target
            if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
                raise ResultsError(f"{name}: mapping.{key}.{source} must be a name or a list")
            mapping[key][source] = targets
    return mapping


def read_json(name: str, data: Any) -> list[Measurement]:
    """Rows of our JSON: a list of rows, or {"results": [...], "mapping": {...}}."""
    if isinstance(data, list):
        data = {"results": data}
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ResultsError(
            f"{name}: expected a list of results, an object with a 'results' list, or "
            "promptfoo's results JSON"
        )
    extra = sorted(set(data) - {"results", "mapping"})
    if extra:
        raise ResultsError(f"{name}: unknown key {extra[0]!r}; use 'results' and 'mapping'")
    mapping = _mapping(name, data.get("mapping"))
    rows = []
    for index, row in enumerate(data["results"]):
        where = f"{name}: results[{index}]"
        if not isinstance(row, dict):
            raise ResultsError(f"{where}: expected an object with metric and value")
        rows.append(make(where, row, mapping))
    return rows
