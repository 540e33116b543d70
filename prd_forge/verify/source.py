"""A results file in, results out: CSV by its suffix, else JSON (ours or promptfoo's)."""

from __future__ import annotations

import json
from pathlib import Path

from prd_forge.spec.model import Spec
from prd_forge.verify import promptfoo
from prd_forge.verify.results import (
    Measurement,
    ResultsError,
    no_duplicates,
    read_bytes,
    read_csv,
    read_json,
)


def _units(spec: Spec) -> dict[tuple[str, str], str | None]:
    return {
        (item.name.casefold(), threshold.metric.casefold()): threshold.unit
        for item in spec.evaluation.offline_sets
        for threshold in item.thresholds
    }


def read(path: Path, spec: Spec) -> list[Measurement]:
    """The results in the file at `path`; a ResultsError says why they cannot be used."""
    name = str(path)
    try:
        # A byte-order mark (as spreadsheet tools write) is read past, not refused.
        text = read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ResultsError(
            f"{name}: byte {error.start} is not UTF-8; save the file as UTF-8"
        ) from None
    if path.suffix.casefold() == ".csv":
        return no_duplicates(read_csv(name, text))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ResultsError(
            f"{name}:{error.lineno}:{error.colno}: not valid JSON ({error.msg}); a CSV file "
            "needs the .csv suffix"
        ) from None
    if promptfoo.is_promptfoo(data):
        units = _units(spec)
        return promptfoo.read(
            name, data, lambda set_name, metric: units.get((set_name.casefold(), metric.casefold()))
        )
    return no_duplicates(read_json(name, data))
