"""Walk a document's sections and collect what each says, as (field path, value, line) facts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from prd_forge.importer import labels, prose, tables
from prd_forge.importer import text as cells
from prd_forge.lint.coverage import HOLLOW, Analysis, Coverage
from prd_forge.lint.document import Block, Document, Section
from prd_forge.spec import model

FEATURE: Final = "feature"
OPEN_QUESTIONS: Final = "open-questions"
LISTS: Final = frozenset(
    {
        "feature.target_users",
        "scope.non_goals",
        "scope.out_of_scope_uses",
        "scope.known_limitations",
        "human_oversight.review_points",
        "evaluation.launch_criteria",
        "evaluation.set_details",
        "data_sources.details",
    }
)
# Sentences prd-forge's own template writes around the answers: not answers themselves.
BOILERPLATE: Final = (
    "Offline evaluation, before launch.",
    "When the model is unsure, wrong, slow or down, the feature falls back as follows.",
    "No open questions: every decision this spec needs is recorded above.",
    "None stated.",
)
# Lists that prose fills item by item (besides the tables' lists).
LIST_ITEMS: Final = frozenset({"data_sources", "metrics", "fallbacks", "ux_states"})
CONVERT: Final[dict[str, Any]] = {
    "problem.ai_task": lambda raw: cells.enum_value(raw, model.AiTask),
    "problem.output_kind": lambda raw: cells.enum_value(raw, model.OutputKind),
    "baseline.kind": lambda raw: cells.enum_value(raw, model.BaselineKind),
    "problem.rules_considered": cells.yes_no,
}
_SET_ITEM: Final = re.compile(
    r"^\*\*(?P<name>.+?)\*\* \(kept apart from training and retrieval data: (?P<kept>\w+)\):"
    r" ?(?P<construction>.*)$",
    re.DOTALL,
)
_CONFIDENCE: Final = re.compile(r"^Below model confidence (\S+) the output is not shown as-is")
_STATUS: Final = re.compile(r" \(status: [a-z]+\)$")
_DETAIL: Final = re.compile(r"(?:^|; )(labelling|freshness|known gaps): ")
_DETAILS: Final = {"labelling": "labelling", "freshness": "freshness", "known gaps": "known_gaps"}


@dataclass
class Facts:
    """What the document says: single values and list items by path, each with its line."""

    values: dict[str, tuple[Any, int]] = field(default_factory=dict)
    items: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    used: dict[str, set[int]] = field(default_factory=dict)  # concern -> lines mapped

    def put(self, concern: str, path: str, value: Any, line: int) -> None:
        if value is None or value == "":
            return
        self.used.setdefault(concern, set()).add(line)
        if path in LISTS or path in tables.LIST_PATHS or path in LIST_ITEMS:
            present = [item for item, _ in self.items.get(path, [])]
            same = _same(path, value, present)
            if same is not None:  # a second table about the same item: fill in what it adds
                same.update({k: v for k, v in value.items() if same.get(k) in (None, [])})
            elif value not in present:
                self.items.setdefault(path, []).append((value, line))
        elif path in self.values:
            old, first = self.values[path]
            if isinstance(old, str) and isinstance(value, str) and value not in old.split("\n\n"):
                self.values[path] = (f"{old}\n\n{value}", first)
        else:
            self.values[path] = (value, line)


# Lists whose items a document may describe over two tables, matched by this key.
_KEYS: Final = {"failure_modes.modes": "id", "data_sources": "name"}


def template_sentence(text: str) -> bool:
    """Whether `text` is one of the sentences prd-forge's template writes around answers."""
    return text.startswith(BOILERPLATE) or _CONFIDENCE.match(text) is not None


def _same(path: str, value: Any, present: list[Any]) -> dict[str, Any] | None:
    key = _KEYS.get(path)
    if key is None or not isinstance(value, dict) or value.get(key) is None:
        return None
    return next((item for item in present if item.get(key) == value[key]), None)


def _pick(own: tuple[str, ...], index: int, coverage: Mapping[str, Coverage]) -> str:
    """Of the concerns a heading names, the one no other heading names ("Why a learned model"
    names the problem too, which has a section of its own); else the first."""
    sole = [c for c in own if c in coverage and coverage[c].sections == (index,)]
    return (sole or list(own))[0]


def owners(
    doc: Document,
    matches: Mapping[int, tuple[str, ...]],
    coverage: Mapping[str, Coverage] | None = None,
) -> list[str | None]:
    """The concern each section's text belongs to (a bold label belongs to its heading's)."""
    result: list[str | None] = []
    stack: list[tuple[int, str | None]] = []
    title = doc.title_index
    for index, section in enumerate(doc.sections):
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        inherited = stack[-1][1] if stack else None
        own = matches.get(index, ())
        if index == title or section.level == 0:
            concern: str | None = FEATURE
        elif section.pseudo and inherited:
            # a bold label keeps its heading's concern, unless the heading is a catch-all
            # (the title, or "FAQ", which reads as open questions) and the label names its own
            loose = inherited in (FEATURE, OPEN_QUESTIONS)
            concern = own[0] if loose and own else inherited
        else:
            fallback = inherited if inherited != FEATURE else None
            concern = _pick(own, index, coverage or {}) if own else fallback
        result.append(concern)
        stack.append((section.level, concern))
    return result


def _convert(path: str, raw: str) -> Any:
    if path in CONVERT:
        return CONVERT[path](raw)
    text = cells.answer(raw)
    return _STATUS.sub("", text) if text and path == "feature.owner" else text


def _label_table(facts: Facts, concern: str, block: Block) -> None:
    """Rows of a two-column label table; its header row too when that is a label row."""
    table = block.table
    assert table is not None
    rows = list(zip(table.rows, table.row_lines, strict=False))
    if len(table.header) == 2 and labels.field_for(concern, cells.plain(table.header[0])):
        rows.insert(0, (table.header, block.line))
    for row, line in rows:
        if len(row) < 2:
            continue
        path = labels.field_for(concern, cells.plain(row[0]))
        if path is None:
            continue
        if path in LISTS:
            for part in (cells.answer(row[1]) or "").split("; "):
                facts.put(concern, path, cells.answer(part), line)
        else:
            facts.put(concern, path, _convert(path, row[1]), line)


def _table(facts: Facts, concern: str, block: Block, zone: bool) -> None:
    table = block.table
    if table is None:
        return
    labelled = not any(cell.strip() for cell in table.header) or len(table.header) == 2
    if labelled and tables.shape_of(table) is None:
        _label_table(facts, concern, block)
        return
    for path, item, line in tables.items_of(table):
        if zone and path != "open_questions":
            continue
        facts.put(concern, path, item, line)


def _special(facts: Facts, concern: str, block: Block) -> bool:
    """Sentences the template writes in a fixed form: confidence, set details, source details."""
    confidence = _CONFIDENCE.match(block.text)
    if confidence:
        parsed = cells.number(confidence.group(1))
        if parsed is not None:
            facts.put(concern, "evaluation.confidence_threshold", parsed[0], block.line)
        return True
    found = _SET_ITEM.match(block.text) if block.kind == "item" else None
    if found:
        detail = {
            "name": cells.plain(found["name"]),
            "kept_apart_from_training": cells.yes_no(found["kept"]),
            "construction": cells.answer(found["construction"]),
        }
        facts.put(concern, "evaluation.set_details", detail, block.line)
        return True
    return False


def _source_details(facts: Facts, section: Section, block: Block) -> bool:
    parts = _DETAIL.split(block.text.strip())
    if len(parts) < 3 or parts[0].strip():
        return False
    detail: dict[str, Any] = {"name": cells.plain(section.title)}
    for key, value in zip(parts[1::2], parts[2::2], strict=False):
        detail[_DETAILS[key]] = cells.answer(value.rstrip(";"))
    facts.put("data", "data_sources.details", detail, block.line)
    return True


def _handled(facts: Facts, concern: str, section: Section, block: Block) -> bool:
    if _special(facts, concern, block):
        return True
    return concern == "data" and section.pseudo and _source_details(facts, section, block)


def _text(facts: Facts, concern: str, label: str | None, block: Block, title: str) -> None:
    raw = re.sub(r"^\[[ xX]\]\s*", "", block.text) if block.kind == "item" else block.text
    named = labels.line_field(concern, raw)
    if named is not None:
        if named[0] == labels.IGNORED:
            return
        label, raw = named
    if label == "feature.target_users":  # written on one line, joined with "; "
        for part in raw.split("; "):
            facts.put(concern, label, cells.answer(part), block.line)
    elif label is not None:
        facts.put(concern, label, _convert(label, raw), block.line)
    elif not raw.startswith(BOILERPLATE):
        made = prose.place(concern, raw, title)
        if made is not None:
            facts.put(concern, made[0], made[1], block.line)


def _section(facts: Facts, doc: Document, index: int, concern: str, zone: bool) -> None:
    section = doc.sections[index]
    label = labels.field_for(concern, section.title) if section.level else None
    if concern == FEATURE and section.title and index == doc.title_index:
        facts.put(FEATURE, "feature.name", cells.answer(section.title), section.line)
        label = "feature.summary"
    for block in section.blocks:
        if block.kind == "table":
            _table(facts, concern, block, zone)
        elif block.kind not in ("paragraph", "item") or _handled(facts, concern, section, block):
            continue
        elif block.kind == "paragraph" and block.text.rstrip().endswith(":"):
            label = labels.field_for(concern, block.text.rstrip(": ")) or label
        else:
            for part in _label_lines(concern, block):
                _text(facts, concern, label, part, section.title)


def _label_lines(concern: str, block: Block) -> list[Block]:
    """A paragraph of label lines ("Owner: Dana" then "Users: agents", or "Owner: Dana ·
    Status: draft" on one line) as one block a label; any other block whole."""
    lines = [
        (number, segment)
        for number, line in enumerate(block.text.split("\n"))
        for segment in labels.segments(concern, line)
    ]
    whole = [line for _, line in lines] == [block.text]
    if whole or not any(labels.line_field(concern, line) for _, line in lines):
        return [block]
    parts: list[Block] = []
    for number, line in lines:
        here = block.line + number
        if parts and not labels.line_field(concern, line) and not _labelled(concern, parts[-1]):
            parts[-1] = parts[-1]._replace(text=f"{parts[-1].text}\n{line}", end_line=here)
        else:
            parts.append(block._replace(text=line, line=here, end_line=here))
    return parts


def _labelled(concern: str, block: Block) -> bool:
    return labels.line_field(concern, block.text) is not None


def collect(doc: Document, analysis: Analysis) -> Facts:
    """Every fact the document states, concern by concern; a hollow concern's text is skipped
    (a placeholder or "N/A" without a reason is no answer)."""
    facts = Facts()
    for path, value, line in labels.front_matter(doc.text, doc.front_matter):
        facts.put(FEATURE, path, _convert(path, value), line)
    hollow = {c for c, found in analysis.coverage.items() if found.state == HOLLOW}
    for index, concern in enumerate(owners(doc, analysis.matches, analysis.coverage)):
        if index in analysis.zone and concern != "open-questions":
            concern = "open-questions"
        if concern is None:
            _feature_labels(facts, doc.sections[index])
        elif concern not in hollow:
            _section(facts, doc, index, concern, index in analysis.zone)
    return facts


def _feature_labels(facts: Facts, section: Section) -> None:
    """In a section about no concern ("Document properties", "Overview"), only the feature's
    own label lines and label rows (owner, users, summary) are read."""
    for block in section.blocks:
        if block.kind == "table" and block.table is not None and len(block.table.header) == 2:
            _label_table(facts, FEATURE, block)
        elif block.kind in ("paragraph", "item"):
            for part in _label_lines(FEATURE, block):
                if labels.line_field(FEATURE, part.text):
                    _text(facts, FEATURE, None, part, section.title)
