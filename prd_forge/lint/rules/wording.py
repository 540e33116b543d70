"""Rules about what a value's words promise: an owner who is somebody, an SLA or window that is
a duration, an approval that is given by review.

They run `prd_forge.wording`'s functions, the ones `check` and the questionnaire run on the
spec, on the places a PRD states those values: a labelled row of a two-column table
("| Owner (responds to alerts) | the team |"), a labelled column ("| Source | ... | Owner |"),
or a "Label: value" line, in the sections of the concern whose field it is. So a value `check`
reports in a spec is a value lint reports in the PRD rendered from it, and no other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from prd_forge import wording
from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint import text as words
from prd_forge.lint._re import LazyPattern, lazy
from prd_forge.lint.document import Block, Section
from prd_forge.lint.rules.base import ANY_CONCERN, Context, Observation, Rule
from prd_forge.terms import Severity

if TYPE_CHECKING:
    from typing import Final


class _Promise(NamedTuple):
    """Which labels hold a promise, in which concerns' sections, and the function judging it."""

    label: LazyPattern  # matched in full against the label, lower-cased, without "(...)"
    concerns: tuple[str, ...]
    judge: wording.Rule
    many: str
    needles: tuple[str, ...]  # one of which every label `label` matches contains


_OWNER: Final = _Promise(
    lazy(r"(?:[a-z-]+ ){0,2}owner|reviewers?|who"),
    ("monitoring", "human-oversight", "rollout", "data", "privacy"),
    wording.no_named_owner,
    "{count} owners {where} name nobody: {items}; name a person or a role",
    ("owner", "reviewer", "who"),
)
_DURATION: Final = _Promise(
    lazy(r"(?:review |response )?sla|(?:review |response |measurement |time |rolling )?window"),
    ("human-oversight", "metrics"),
    wording.not_a_duration,
    "{count} SLAs or windows {where} are not durations: {items}; give each a time and unit",
    ("sla", "window"),
)
_APPROVAL: Final = _Promise(
    lazy(r"approved by|(?:approval|sign-?off) status|approval"),
    ("data", "privacy"),
    lambda value, stage: wording.still_pending(value, stage, noun="stage"),
    "{count} approvals {where} are still pending: {items}; record each approval",
    ("approv", "sign"),
)
# Per concern, the needles of the promises its "Label: value" lines may hold: a block whose
# lower-cased text has none of them holds no such line.
_LINE_NEEDLES: Final = {
    concern: tuple(
        needle
        for promise in (_OWNER, _DURATION, _APPROVAL)
        if concern in promise.concerns
        for needle in promise.needles
    )
    for promise in (_OWNER, _DURATION, _APPROVAL)
    for concern in promise.concerns
}
# A "Status" column is an approval's status in a table of sign-offs or approvals.
_APPROVALS_TABLE: Final = lazy(r"\b(?:sign-?offs?|approv\w*)\b", re.IGNORECASE)
_STATUS: Final = "status"

_LINE: Final = lazy(
    r"^[ \t>*+-]*(?:\*\*|__)?(?P<label>[A-Za-z][A-Za-z -]{0,40}?)(?:\s*\([^)\n]{0,80}\))?"
    r"\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(?P<value>\S[^\n]*)$",
    re.MULTILINE,
)
_PAREN: Final = lazy(r"\([^)]*\)")
_ESCAPE: Final = lazy(r"\\([!-/:-@\[-`{-~])")
_SENTENCE_END: Final = lazy(r"(?<=[.;!?])\s")
_MISSING: Final = "**missing**"  # the renderer's mark for a value not given


class _Place(NamedTuple):
    """A labelled value in the text, and the line it is on."""

    label: str
    value: str
    line: int


def _label(text: str) -> str:
    """A label as matched: markup, "(...)" and a trailing colon cut, lower-cased."""
    bare = _PAREN.sub("", text.replace("**", "").replace("__", ""))
    return " ".join(bare.strip().rstrip(":").lower().split())


def _shown(label: str) -> str:
    """A label as written, for a message: markup and a trailing colon cut."""
    bare = " ".join(label.replace("**", "").replace("__", "").split()).rstrip(":")
    return bare[:1].upper() + bare[1:]


def _value(text: str) -> str:
    """A value as the spec held it: Markdown escapes undone, emphasis markers cut."""
    return _ESCAPE.sub(r"\1", text).strip().strip("*_").strip()


def _first_sentence(text: str) -> str:
    """ "Support Tools on-call. Alert when ..." -> "Support Tools on-call"."""
    return _SENTENCE_END.compiled.split(text, maxsplit=1)[0].rstrip(".;")


def _promise(label: str, concern: str, table_header: tuple[str, ...] = ()) -> _Promise | None:
    if label == _STATUS and _APPROVALS_TABLE.search(" ".join(table_header)):
        return _APPROVAL if concern in _APPROVAL.concerns else None
    for promise in (_OWNER, _DURATION, _APPROVAL):
        if concern in promise.concerns and promise.label.compiled.fullmatch(label):
            return promise
    return None


def _table_places(block: Block, concern: str) -> Iterator[tuple[_Promise, _Place]]:
    table = block.table
    assert table is not None
    columns = [
        (index, promise)
        for index, cell in enumerate(table.header)
        if (promise := _promise(_label(cell), concern, table.header)) is not None
    ]
    above: dict[int, str] = {}  # each column's value in the row above, "ditto" resolved
    for row, line in zip(table.rows, table.row_lines, strict=True):
        if not any(char.isalnum() for cell in row for char in cell):
            continue  # "| — | — |": an empty row of a blank table, not a value to judge
        for index, promise in columns:
            if index < len(row):
                cell = above[index] = wording.as_written(row[index], above.get(index))
                yield promise, _Place(table.header[index], cell, line)
        keyed = _promise(_label(row[0]), concern) if len(row) == 2 and not columns else None
        if keyed is not None:
            yield keyed, _Place(row[0], row[1], line)


def _line_places(block: Block, concern: str) -> Iterator[tuple[_Promise, _Place]]:
    if ":" not in block.text:
        return  # every labelled line has its colon; most paragraphs have none
    lowered = block.text.lower()
    for needle in _LINE_NEEDLES[concern]:
        if needle in lowered:
            break
    else:
        return  # no label of this concern's promises (a label is ASCII: lower() keeps it)
    for match in _LINE.finditer(block.text):
        promise = _promise(_label(match["label"]), concern)
        if promise is not None:
            line = block.line + block.text.count("\n", 0, match.start())
            value = _first_sentence(match["value"])
            yield promise, _Place(match["label"], value, line)


def _heading_place(section: Section, concern: str) -> Iterator[tuple[_Promise, _Place]]:
    """A bold label opening a paragraph ("**Owner:** the team.") is a pseudo-heading."""
    promise = _promise(_label(section.title), concern) if section.pseudo else None
    if promise is not None and section.blocks and section.blocks[0].kind == "paragraph":
        first = section.blocks[0].text.partition("\n")[0]
        value = _first_sentence(first)
        yield promise, _Place(section.title, value, section.line)


def _sections(ctx: Context, concern: str) -> Iterator[Section]:
    """The sections whose headings name `concern`, with their subsections, outside "Open
    questions" and "Blockers". Every such section, not only those the coverage was judged on:
    a section holding a gap alert can lose to a labelled row elsewhere, yet it is still the
    place where the concern's owner is named."""
    done = -1
    for index, found in ctx.once(_matches):
        if concern in found and index >= done and index not in ctx.analysis.zone:
            yield from ctx.doc.subtree(index)
            done = ctx.doc.subtree_end(index)


def _matches(ctx: Context) -> list[tuple[int, tuple[str, ...]]]:
    """The sections whose headings name concerns, in order, with the concerns they name."""
    return sorted(ctx.analysis.matches.items())


def _places(ctx: Context, concern: str) -> Iterator[tuple[_Promise, _Place]]:
    for section in _sections(ctx, concern):
        yield from _heading_place(section, concern)
        for block in section.blocks:
            if block.table is not None:
                yield from _table_places(block, concern)
            elif block.kind in ("paragraph", "item"):
                yield from _line_places(block, concern)


def _known_places(_: Context) -> dict[str, list[tuple[_Promise, _Place]]]:
    return {}


def _places_once(ctx: Context, concern: str) -> list[tuple[_Promise, _Place]]:
    """`_places` of the concern, read once for the three rules that judge its values."""
    known = ctx.once(_known_places)
    if concern not in known:
        known[concern] = list(_places(ctx, concern))
    return known[concern]


def _broken(ctx: Context, kind: _Promise) -> Iterator[Observation]:
    """Every value in a place that holds `kind`'s promise and breaks it, once (a section
    about two concerns, "Data and privacy", is read for each)."""
    seen: set[tuple[int, str]] = set()
    for concern in kind.concerns:
        for promise, place in _places_once(ctx, concern):
            value = _value(place.value)
            # a dash or "ditto" is judged as `check` judges it: by the same function
            if promise is not kind or not value:
                continue
            if place.value.strip() == _MISSING:
                continue
            if kind is not _APPROVAL and words.first_placeholder(value):
                continue  # "TBD": the placeholder rule (PRD005) reports it
            reason = kind.judge(value, ctx.stage or "")
            if reason is not None and (place.line, place.label) not in seen:
                seen.add((place.line, place.label))
                label = _shown(place.label)
                yield Observation(
                    place.line, f"{label}: {reason}", concern, many=kind.many, subject=value
                )


def _vague_owner(ctx: Context) -> Iterator[Observation]:
    return _broken(ctx, _OWNER)


def _not_a_duration(ctx: Context) -> Iterator[Observation]:
    return _broken(ctx, _DURATION)


def _pending_approval(ctx: Context) -> Iterator[Observation]:
    return _broken(ctx, _APPROVAL)


RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD191",
        name="owner-names-nobody",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="An owner, reviewer or sign-off names nobody: 'the team', 'us', 'someone'.",
        why="An alert, a review or a kill switch owned by 'the team' is owned by no one in "
        "particular; when it fires, nobody is sure it is theirs.",
        anchor="NIST AI RMF GOVERN 2.1 (roles and responsibilities documented); MANAGE 2.4",
        good="## Monitoring\n\n| | |\n|---|---|\n| Owner (responds to alerts) | Support ML "
        "on-call |\n| Alert | acceptance below 30% for a day |\n",
        bad="## Monitoring\n\n| | |\n|---|---|\n| Owner (responds to alerts) | the team |\n"
        "| Alert | acceptance below 30% for a day |\n",
        check=_vague_owner,
    ),
    Rule(
        code="PRD192",
        name="window-not-a-duration",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="A review SLA or a metric's window is not a duration: 'soon', 'ASAP'.",
        why="A review promised 'soon' cannot be staffed, measured or missed; a window without "
        "a length makes the metric's number incomparable.",
        anchor="NIST AI RMF MANAGE 4.1 (post-deployment monitoring with set times); HAX G9",
        good="## Human oversight\n\nAgents edit or discard every draft.\n\n- Reviewer: Support "
        "QA lead\n- Review SLA: within 4 h\n",
        bad="## Human oversight\n\nAgents edit or discard every draft.\n\n- Reviewer: Support "
        "QA lead\n- Review SLA: soon\n",
        check=_not_a_duration,
    ),
    Rule(
        code="PRD193",
        name="approval-still-pending",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="At stage review or launch, a data approval or a sign-off is still pending.",
        why="A PRD under review or launched on a pending approval is launched without it; "
        "either the approval is recorded or the document is still a draft.",
        anchor="NIST AI RMF GOVERN 1.4 (documented, reviewed decisions); EU AI Act Art. 17",
        good="---\nstatus: review\n---\n## Privacy\n\n| Sign-off | Who | Status |\n|---|---|---|"
        "\n| Privacy | J. Okafor | approved |\n",
        bad="---\nstatus: review\n---\n## Privacy\n\n| Sign-off | Who | Status |\n|---|---|---|"
        "\n| Privacy | J. Okafor | pending |\n",
        check=_pending_approval,
    ),
)
