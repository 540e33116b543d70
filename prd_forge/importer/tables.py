"""Tables mapped by their header: which list of the answers a table fills, column by column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from prd_forge.concerns import genai_risks
from prd_forge.importer import text as cells
from prd_forge.lint.document import Table
from prd_forge.spec import model

Row = dict[str, str]


@dataclass(frozen=True)
class Shape:
    """A kind of table: the list it fills, the header words that identify it, its columns."""

    path: str
    first: tuple[str, ...]  # words one of which the first header cell holds
    needs: tuple[str, ...]  # words one of which some other header cell holds
    columns: tuple[tuple[str, tuple[str, ...]], ...]  # field -> header words, first match wins
    build: Callable[[Row], dict[str, Any] | None]


def _text(row: Row, key: str) -> str | None:
    return cells.answer(row[key]) if key in row else None


def _list(row: Row, key: str, sep: str = ",") -> list[str]:
    value = _text(row, key)
    return [part.strip() for part in value.split(sep) if part.strip()] if value else []


def _enums(row: Row, key: str, kind: Any) -> list[str]:
    return [v for v in (cells.enum_value(p, kind) for p in _list(row, key)) if v is not None]


def _id_and_description(raw: str) -> tuple[str | None, str | None]:
    ids = cells.codes(raw)
    if ids and raw.lstrip().startswith("`"):
        rest = raw.split("`", 2)[2].lstrip(":").strip()
        return ids[0], cells.answer(rest)
    return cells.slug(raw), cells.answer(raw)


def _failure(row: Row) -> dict[str, Any] | None:
    ident, description = _id_and_description(row["name"])
    severity = (_text(row, "severity") or "").split(",")
    fallbacks = cells.codes(row.get("fallbacks", ""))
    return {
        "id": ident,
        "description": description,
        "errs": cells.enum_value(_text(row, "errs"), model.ErrorDirection),
        "severity": cells.enum_value(severity[0], model.FailureSeverity),
        "reversible": False
        if "irreversible" in severity[-1]
        else (True if severity[-1].strip() == "reversible" else None),
        "cost_bearer": _text(row, "cost_bearer"),
        "detection": _text(row, "detection"),
        "fallbacks": fallbacks,
    }


def _fallback(row: Row) -> dict[str, Any] | None:
    ident, _ = _id_and_description(row["name"])
    instead = _text(row, "instead") or ""
    behaviour, _, description = instead.partition(": ")
    kind = cells.enum_value(behaviour, model.FallbackBehaviour)
    return {
        "id": ident,
        "trigger": cells.enum_value(_text(row, "trigger"), model.FallbackTrigger),
        "trigger_detail": _text(row, "trigger_detail"),
        "behaviour": kind,
        "description": cells.answer(description) if kind else (instead or None),
        "ux_state": cells.enum_value(_text(row, "ux_state"), model.UxStateName),
    }


def _metric(row: Row) -> dict[str, Any] | None:
    before, _, after = (row.get("progress") or "").partition("→")
    before = before if before.strip() else row.get("baseline", "")
    baseline = cells.number(cells.plain(before)) if before.strip() else None
    return {
        "name": _text(row, "name"),
        "kind": cells.enum_value(_text(row, "kind"), model.MetricKind),
        "baseline": baseline[0] if baseline else None,
        "target": cells.target(after or row.get("target", "")),
        "window": _text(row, "window"),
        "method": _text(row, "method"),
    }


def _ux_state(row: Row) -> dict[str, Any] | None:
    state = cells.enum_value(_text(row, "state"), model.UxStateName)
    if state is None:
        return None
    return {
        "state": state,
        "trigger": _text(row, "trigger"),
        "user_sees": _text(row, "user_sees"),
        "user_can": _enums(row, "user_can", model.UserAction),
    }


def _signal(row: Row) -> dict[str, Any] | None:
    return {
        "name": _text(row, "name"),
        "kind": cells.enum_value(_text(row, "kind"), model.SignalKind),
        "alert_threshold": _text(row, "alert_threshold"),
    }


def _phase(row: Row) -> dict[str, Any] | None:
    return {
        "name": _text(row, "name"),
        "kind": cells.enum_value(_text(row, "kind"), model.PhaseKind),
        "exposure": _text(row, "exposure"),
        "gate": _text(row, "gate"),
    }


def _signoff(row: Row) -> dict[str, Any] | None:
    return {"role": _text(row, "role"), "name": _text(row, "name"), "status": _text(row, "status")}


def _question(row: Row) -> dict[str, Any] | None:
    blocks = cells.codes(row.get("blocks", ""))
    return {
        "question": _text(row, "question"),
        "owner": _text(row, "owner"),
        "due": _text(row, "due"),
        "blocks": blocks[0] if blocks else None,
    }


def _source(row: Row) -> dict[str, Any] | None:
    pii = _text(row, "pii") or ""
    flag, _, handling = pii.partition(": ")
    return {
        "name": _text(row, "name"),
        "purposes": _enums(row, "purposes", model.DataPurpose),
        "provenance": _text(row, "provenance"),
        "owner": _text(row, "owner"),
        "approved_by": _text(row, "approved_by"),
        "basis": _text(row, "basis"),
        "contains_pii": cells.yes_no(flag),
        "pii_handling": cells.answer(handling) if handling else None,
    }


def _online(row: Row) -> dict[str, Any] | None:
    method = cells.enum_value(_text(row, "method"), model.OnlineMethod)
    return {"method": method, "criteria": _text(row, "criteria")}


def _genai_risk(row: Row) -> dict[str, Any] | None:
    """A row of the AI 600-1 table: the risk named by its title (or id), its status, and the
    detail that is the how of an addressed risk or the reason of one that does not apply."""
    named = (cells.plain(row["risk"]).casefold().strip(" ."), cells.slug(row["risk"]))
    known = genai_risks.RISKS
    risk = next((r for r in known if r.title.casefold() in named or r.id in named), None)
    if risk is None:
        return None
    status = cells.enum_value(_text(row, "status"), model.RiskStatus)
    detail = "reason" if status == model.RiskStatus.NOT_APPLICABLE.value else "how"
    return {"risk": risk.id, "status": status, detail: _text(row, "detail")}


SHAPES: Final = (
    Shape(
        "genai_risks",
        ("risk",),
        ("addressed", "does not apply", "not applicable"),
        (
            ("risk", ("risk",)),
            ("status", ("status",)),
            ("detail", ("how", "why", "mitigation", "reason")),
        ),
        _genai_risk,
    ),
    Shape(
        "failure_modes.modes",
        ("failure", "risk", "what could go wrong", "what goes wrong"),
        ("severity", "detect", "err"),
        (
            ("name", ("failure", "risk", "what could", "what goes")),
            ("errs", ("which way", "errs", "error type")),
            ("severity", ("severity", "impact")),
            ("cost_bearer", ("who bears", "cost")),
            ("detection", ("detect",)),
            ("fallbacks", ("fallback", "mitigation")),
        ),
        _failure,
    ),
    Shape(
        "fallbacks",
        ("fallback", "plan b", "degrad"),
        ("trigger", "instead", "when"),
        (
            ("name", ("fallback", "plan b", "degrad")),
            ("trigger_detail", ("when exactly", "condition")),
            ("trigger", ("trigger",)),
            ("instead", ("instead", "behavio", "what happens")),
            ("ux_state", ("ux state", "user sees")),
        ),
        _fallback,
    ),
    Shape(
        "metrics",
        ("metric", "kpi", "measure"),
        ("target", "goal", "baseline"),
        (
            ("name", ("metric", "kpi", "measure")),
            ("kind", ("kind", "type")),
            ("progress", ("→",)),
            ("baseline", ("baseline", "today", "current")),
            ("target", ("target", "goal")),
            ("window", ("window", "when")),
            ("method", ("method", "how", "source")),
        ),
        _metric,
    ),
    Shape(
        "ux_states",
        ("state",),
        ("trigger", "sees", "shows", "user can"),
        (
            ("state", ("state",)),
            ("trigger", ("trigger", "when")),
            ("user_sees", ("sees", "shows", "copy")),
            ("user_can", ("can do", "actions")),
        ),
        _ux_state,
    ),
    Shape(
        "monitoring.signals",
        ("signal",),
        ("alert", "threshold"),
        (
            ("name", ("signal",)),
            ("kind", ("kind", "type")),
            ("alert_threshold", ("alert", "threshold")),
        ),
        _signal,
    ),
    Shape(
        "rollout.phases",
        ("phase", "stage"),
        ("exposure", "gate", "traffic", "audience"),
        (
            ("name", ("phase", "stage")),
            ("kind", ("kind",)),
            ("exposure", ("exposure", "traffic", "audience")),
            ("gate", ("gate", "exit", "criteria")),
        ),
        _phase,
    ),
    Shape(
        "privacy.signoffs",
        ("sign-off", "signoff", "approver"),
        ("status",),
        (
            ("role", ("sign-off", "signoff", "approver")),
            ("name", ("who", "name")),
            ("status", ("status",)),
        ),
        _signoff,
    ),
    Shape(
        "open_questions",
        ("question",),
        (),
        (
            ("question", ("question",)),
            ("owner", ("owner", "who")),
            ("due", ("due", "date", "by when")),
            ("blocks", ("blocks",)),
        ),
        _question,
    ),
    Shape(
        "data_sources",
        ("source", "dataset", "data"),
        ("provenance", "owner", "pii", "used for"),
        (
            ("name", ("source", "dataset", "data")),
            ("purposes", ("used for", "purpose")),
            ("provenance", ("provenance", "origin")),
            ("owner", ("owner",)),
            ("approved_by", ("approved",)),
            ("basis", ("basis", "licen", "consent")),
            ("pii", ("pii", "personal")),
        ),
        _source,
    ),
    Shape(
        "evaluation.online",
        ("method",),
        ("criteria",),
        (("method", ("method",)), ("criteria", ("criteria",))),
        _online,
    ),
)


def _columns(shape: Shape, header: Sequence[str]) -> dict[int, str] | None:
    names = [cells.plain(cell).casefold() for cell in header]
    if not names or not any(word in names[0] for word in shape.first):
        return None
    if shape.needs and not any(w in name for name in names[1:] for w in shape.needs):
        return None
    found: dict[int, str] = {}
    for field, words in shape.columns:
        for index, name in enumerate(names):
            if index not in found and any(word in name for word in words):
                found[index] = field
                break
    return found


def shape_of(table: Table) -> tuple[Shape, dict[int, str]] | None:
    """The first shape whose header words this table's header holds, with its column map."""
    for shape in SHAPES:
        columns = _columns(shape, table.header)
        if columns is not None:
            return shape, columns
    return None


def rows(table: Table, columns: dict[int, str]) -> list[tuple[Row, int]]:
    """Each body row as field -> raw cell, with its line."""
    return [
        ({columns[i]: cell for i, cell in enumerate(row) if i in columns}, line)
        for row, line in zip(table.rows, table.row_lines, strict=False)
    ]


LIST_PATHS: Final = frozenset(shape.path for shape in SHAPES) | {"evaluation.offline_sets"}
_EVAL_FIRST: Final = ("set", "dataset", "eval", "benchmark", "metric")
_EVAL_NEEDS: Final = ("threshold", "pass", "bar", "minimum")
_EVAL_COLUMNS: Final = (
    ("set", ("set", "dataset", "eval", "benchmark")),
    ("size", ("size", "items", "examples")),
    ("metric", ("metric",)),
    ("threshold", _EVAL_NEEDS),
    ("slices", ("slice", "segment", "factor")),
)


def _eval_columns(header: Sequence[str]) -> dict[int, str] | None:
    names = [cells.plain(cell).casefold() for cell in header]
    if not names or not any(w in names[0] for w in _EVAL_FIRST):
        return None
    if not any(w in name for name in names for w in _EVAL_NEEDS):
        return None
    found: dict[int, str] = {}
    for field, words in _EVAL_COLUMNS:
        for index, name in enumerate(names):
            if index not in found and any(word in name for word in words):
                found[index] = field
                break
    return found if "set" in found.values() and "threshold" in found.values() else None


def _eval_sets(table: Table, columns: dict[int, str]) -> list[tuple[dict[str, Any], int]]:
    sets: dict[str, tuple[dict[str, Any], int]] = {}
    for row, line in rows(table, columns):
        name = _text(row, "set")
        if name is None:
            continue
        size = cells.number(row.get("size", ""))
        item, _ = sets.setdefault(
            name,
            (
                {
                    "name": name,
                    "size": int(size[0]) if size and size[0].is_integer() else None,
                    "thresholds": [],
                    "slices": _list(row, "slices"),
                },
                line,
            ),
        )
        rule = cells.target(row.get("threshold", ""))
        metric = _text(row, "metric")
        if rule is not None and metric is not None:
            item["thresholds"].append({"metric": metric, **rule})
    return list(sets.values())


_HEADER_WORDS = 4


def headed(table: Table) -> Table:
    """A table whose header row is empty and whose first row is the header (some editors
    export a table so) as the table it is."""
    if any(cell.strip() for cell in table.header) or len(table.rows) < 2:
        return table
    if any(len(cell.split()) > _HEADER_WORDS for cell in table.rows[0]):
        return table  # a first row of sentences is content, not a header
    return Table(table.rows[0], table.rows[1:], table.row_lines[1:])


def items_of(table: Table) -> list[tuple[str, dict[str, Any], int]]:
    """The list items a table holds, as (answers path, item, line)."""
    table = headed(table)
    columns = _eval_columns(table.header)
    if columns is not None:
        return [
            ("evaluation.offline_sets", item, line) for item, line in _eval_sets(table, columns)
        ]
    found = shape_of(table)
    if found is None:
        return []
    shape, columns = found
    items = []
    for row, line in rows(table, columns):
        if not cells.answer(row.get(shape.columns[0][0], "")):
            continue
        item = shape.build(row)
        if item is not None:
            items.append((shape.path, item, line))
    return items
