"""Rules about how the feature fails: failure modes, error cost, confidence, UX states."""

from __future__ import annotations

from collections.abc import Iterator

from prd_forge._records import TYPE_CHECKING
from prd_forge.concerns import human_oversight
from prd_forge.lint import text as words
from prd_forge.lint._re import Caseless, fold, lazy
from prd_forge.lint.document import Block, Table
from prd_forge.lint.rules import needles
from prd_forge.lint.rules.base import Context, Observation, Rule
from prd_forge.terms import Severity

if TYPE_CHECKING:
    from typing import Final

_FAILURE_COLUMN: Final = ("failure", "risk", "error", "harm", "what can go wrong", "scenario")
_FALLBACK_COLUMN: Final = ("mitigation", "fallback", "recovery", "response", "contingency")
_DETECTION_COLUMN: Final = ("detect", "signal", "monitor", "alert", "how we know", "indicator")
_FALLBACK_WORDS: Final = Caseless(
    r"\b(?:fall(?:s|ing)? ?back|fallbacks?|mitigat\w*|instead|rout(?:e|ed|es|ing)|hand(?:ed)?[- ]"
    r"(?:off|over)|escalat\w*|retry|retries|hide|hidden|suppress\w*|block\w*|disabl\w*|revert\w*"
    r"|degrad\w*|manual\w*|default\w*|abstain\w*|refus\w*|declin\w*|human|remov\w*|undo"
    r"|edit\w*|confirm\w*|warn\w*)\b",
)
_DETECTION_WORDS: Final = Caseless(
    r"\b(?:detect\w*|monitor\w*|alert\w*|flag\w*|log(?:s|ged|ging)?|signals?|metrics?|dashboards?"
    r"|report\w*|track\w*|measur\w*|notic\w*|sampl\w*|audit\w*|classifier)\b",
)
_TRADEOFF: Final = Caseless(
    r"\b(?:worse|costl(?:y|ier)|more (?:expensive|harmful|damaging|costly|severe)|prefer\w*"
    r"|precision over recall|recall over precision|trade-?offs?|asymmetr\w*|cheaper"
    r"|(?:tune|optimi[sz]e|bias)(?:d|s)? (?:\w+ )?(?:for|towards?) (?:recall|precision))\b",
)
# "\b(?:confidence|probability|certainty|score)\b", asked only of blocks where one of the words
# stands in the lower-cased text (most blocks name none of them).
_CONFIDENCE: Final = needles.Words("confidence", "probability", "certainty", "score")
# A confidence value ("0.7", ".85", "1.0", "70 %": 0?\.\d+|1\.0|\d{1,3}(?:\.\d+)? ?%) starts at
# a digit or a dot that follows neither. The pattern opens with that character, so the engine
# scans for candidates at C speed (one that opens with a look-behind is tried at every position
# of the block); look-behinds then check what came before it and which character it was. In
# ASCII text a digit is [0-9], which the engine tests faster than \d.
_CONFIDENCE_VALUE: Final = (
    lazy(r"[\d.](?<![\d.][\d.])(?:(?<=0)\.\d|(?<=\.)\d|(?<=1)\.0|(?<=\d)\d{0,2}(?:\.\d+)? ?%)"),
    lazy(
        r"[0-9.](?<![0-9.][0-9.])"
        r"(?:(?<=0)\.[0-9]|(?<=\.)[0-9]|(?<=1)\.0|(?<=[0-9])[0-9]{0,2}(?:\.[0-9]+)? ?%)"
    ),
)
_CONFIDENCE_NA: Final = r"\b(?:no confidence (?:score|threshold)|not probabilistic|deterministic)\b"
_NA_NEEDLES: Final = needles.Prefilter(_CONFIDENCE_NA)
_BELOW: Final = Caseless(
    r"<|\u2264|\b(?:below|under|less than|lower than|beneath|low[- ]confidence|unsure|uncertain"
    r"|not confident|otherwise)\b",
)
UX_STATES: Final = (
    ("loading", r"\b(?:loading|spinner|progress|skeleton|streaming|waiting|latency|in flight)\b"),
    (
        "low-confidence",
        r"\b(?:low[- ]confidence|uncertain\w*|unsure|not confident|below (?:the )?threshold"
        r"|hedg\w*|confidence)\b",
    ),
    (
        "fallback",
        r"\b(?:fall ?back|fallbacks?|degraded|manual\w*|unavailable|no (?:suggestion|draft|result"
        r"|answer)s?)\b",
    ),
    ("error", r"\b(?:errors?|fail\w*|timeouts?|timed out|outage)\b"),
    (
        "human-review",
        r"\b(?:human review|review\w*|escalat\w*|hand[- ]?off|specialist|moderat\w*|approv\w*)\b",
    ),
)
_UX_PATTERNS: Final = tuple((name, Caseless(p)) for name, p in UX_STATES)
# the answers that raise human oversight's stakes, as that concern says a PRD states them
_RAISES: Final = tuple(
    (said.where, Caseless(said.prose)) for said in human_oversight.CONCERN.raised_by
)


def _column(table: Table, names: tuple[str, ...]) -> int | None:
    for index, cell in enumerate(table.header):
        lowered = cell.lower()
        if any(name in lowered for name in names):
            return index
    return None


def _failure_tables(ctx: Context) -> Iterator[Block]:
    for block in ctx.blocks_for("error-cost"):
        if block.table is not None and _column(block.table, _FAILURE_COLUMN) is not None:
            yield block


def _table_gaps(block: Block, names: tuple[str, ...], what: str) -> Iterator[Observation]:
    table = block.table
    assert table is not None
    column = _column(table, names)
    if column is None:
        yield Observation(block.line, f"failure-mode table has no {what} column")
        return
    for line, row in zip(table.row_lines, table.rows, strict=False):
        cell = row[column] if column < len(row) else ""
        if words.word_count(words.without_placeholders(cell)) == 0:
            yield Observation(
                line,
                f"failure mode '{row[0][:50]}' has no {what}",
                many=f"{{count}} failure modes {{where}} have no {what}: {{items}}",
            )


def _fallback(ctx: Context) -> Iterator[Observation]:
    if not ctx.covered("error-cost"):
        return
    tables = list(_failure_tables(ctx))
    for block in tables:
        yield from _table_gaps(block, _FALLBACK_COLUMN, "fallback or mitigation")
    fallbacks = ctx.coverage.get("fallbacks")
    if tables or (
        fallbacks is not None and fallbacks.via == "heading" and ctx.covered("fallbacks")
    ):
        return
    if not _FALLBACK_WORDS.search(ctx.text_of("error-cost")):
        yield Observation(ctx.anchor("error-cost"), "failure modes are listed with no fallback")


def _detection(ctx: Context) -> Iterator[Observation]:
    if not ctx.covered("error-cost"):
        return
    tables = list(_failure_tables(ctx))
    for block in tables:
        yield from _table_gaps(block, _DETECTION_COLUMN, "detection signal")
    if tables or ctx.covered("monitoring"):
        return
    if not _DETECTION_WORDS.search(ctx.text_of("error-cost")):
        yield Observation(
            ctx.anchor("error-cost"), "failure modes say nothing of how each is detected"
        )


def _tradeoff(ctx: Context) -> Iterator[Observation]:
    if ctx.covered("error-cost") and not _TRADEOFF.search(ctx.text_of("error-cost")):
        yield Observation(
            ctx.anchor("error-cost"),
            "error cost does not say which error is worse (wrong output or missing output)",
        )


def _names_confidence(text: str) -> bool:
    lowered = text.lower()
    for word in _CONFIDENCE.words:  # a loop, not any(): most blocks end here, cheaply
        if word in lowered:
            return _CONFIDENCE.occur_in(lowered if text.isascii() else fold(text))
    return False


def _confidence_blocks(ctx: Context) -> Iterator[Block]:
    zone = ctx.analysis.zone
    for index, section in enumerate(ctx.doc.sections):
        if index not in zone:
            for block in section.blocks:
                if block.kind not in ("code", "comment") and _names_confidence(block.text):
                    yield block


def _has_value(text: str) -> bool:
    return _CONFIDENCE_VALUE[text.isascii()].search(text) is not None


def _threshold_blocks(ctx: Context) -> tuple[list[Block], bool]:
    """Blocks that give a confidence value, and whether one says there is no score (read by
    PRD131 and PRD132: see Context.once)."""
    with_value: list[Block] = []
    not_applicable = False
    for block in _confidence_blocks(ctx):
        if _has_value(block.text):
            with_value.append(block)
        elif not not_applicable and _NA_NEEDLES.search(block.text):
            not_applicable = True
    return with_value, not_applicable


def _confidence_threshold(ctx: Context) -> Iterator[Observation]:
    with_value, not_applicable = ctx.once(_threshold_blocks)
    if not with_value and not not_applicable:
        yield Observation(ctx.anchor("fallbacks"), "no numeric confidence threshold is stated")


def _below_threshold(ctx: Context) -> Iterator[Observation]:
    with_value, _ = ctx.once(_threshold_blocks)
    if with_value and not any(_BELOW.search(block.text) for block in with_value):
        yield Observation(
            with_value[0].line, "confidence threshold given, but not what happens below it"
        )


def _human_review_required(ctx: Context) -> bool:
    """Stakes that make the human-review state mandatory, as completeness rules for specs:
    a failure mode of unacceptable severity, or a fallback that hands the case to a person."""
    return any(pattern.search(ctx.text_of(where)) for where, pattern in _RAISES)


def _ux_states(ctx: Context) -> Iterator[Observation]:
    if not ctx.covered("ux-states"):
        return
    text = ctx.text_of("ux-states")
    for name, pattern in _UX_PATTERNS:
        if name == "human-review" and not _human_review_required(ctx):
            continue
        if not pattern.search(text):
            yield Observation(
                ctx.anchor("ux-states"),
                f"UX states do not cover the {name} state",
                many="UX states do not cover {count} states: {items}",
                subject=name,
            )


_REGISTER = "## Failure modes\n\n| Failure | Severity | Detection | Fallback |\n|---|---|---|---|\n"

RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD121",
        name="failure-mode-without-fallback",
        concern="error-cost",
        severity=Severity.ERROR,
        summary="A failure mode has no fallback or mitigation.",
        why="Every foreseeable failure needs a way out for the user; a listed failure with no "
        "fallback is a known dead end.",
        anchor="PAIR Errors + Graceful Failure; NIST AI RMF MEASURE 2.6; domain research R3",
        good=_REGISTER + "| Wrong refund date | high | QA sample | Show order record link |\n",
        bad=_REGISTER + "| Wrong refund date | high | QA sample | |\n",
        check=_fallback,
        ai_only=True,
    ),
    Rule(
        code="PRD122",
        name="failure-mode-without-detection",
        concern="error-cost",
        severity=Severity.WARNING,
        summary="A failure mode has no detection signal.",
        why="A failure nobody can see is a failure nobody fixes.",
        anchor="NIST AI RMF MEASURE 2.6, MANAGE 1.3; domain research R3",
        good=_REGISTER + "| Wrong refund date | high | QA sample, 2% of drafts | Link order |\n",
        bad=_REGISTER + "| Wrong refund date | high | TBD | Link order record |\n",
        check=_detection,
        ai_only=True,
    ),
    Rule(
        code="PRD123",
        name="error-cost-without-tradeoff",
        concern="error-cost",
        severity=Severity.WARNING,
        summary="The error cost does not say which error is worse.",
        why="Which error is worse (a wrong answer or a missing one) sets the thresholds, the UX "
        "and the review.",
        anchor="PAIR Guidebook, Design your reward function; NIST AI RMF MAP 3.2",
        good="## Error cost\n\nA wrong refund promise costs far more than no draft: we prefer "
        "precision over recall.\n",
        bad="## Error cost\n\nA wrong refund promise costs money and a missed draft costs time.\n",
        check=_tradeoff,
        ai_only=True,
    ),
    Rule(
        code="PRD131",
        name="no-confidence-threshold",
        concern="fallbacks",
        severity=Severity.WARNING,
        summary="No numeric confidence threshold is stated anywhere.",
        why="Low-confidence output is where most user-visible errors come from; the threshold "
        "decides when the model speaks.",
        anchor="PAIR Errors (low-confidence predictions); HAX G2, G10; domain research C1",
        good="## Fallbacks\n\nBelow a confidence of 0.7 we show no draft and the agent "
        "answers by hand.\n",
        bad="## Fallbacks\n\nWhen the model is unsure we show no draft and the agent answers "
        "by hand.\n",
        check=_confidence_threshold,
        ai_only=True,
    ),
    Rule(
        code="PRD132",
        name="no-low-confidence-behaviour",
        concern="fallbacks",
        severity=Severity.WARNING,
        summary="A confidence threshold is given but not what happens below it.",
        why="The threshold matters only through what the user sees under it.",
        anchor="HAX G10; PAIR Errors + Graceful Failure; domain research C2",
        good="## Fallbacks\n\nConfidence threshold 0.7; below it the draft is hidden and the "
        "agent answers by hand.\n",
        bad="## Fallbacks\n\nConfidence threshold 0.7 for showing a draft to agents.\n",
        check=_below_threshold,
        ai_only=True,
    ),
    Rule(
        code="PRD141",
        name="ux-state-missing",
        concern="ux-states",
        severity=Severity.WARNING,
        summary="The UX states miss one of loading, low-confidence, fallback, error, or "
        "human-review where stakes call for it.",
        why="The non-happy states are the product users actually meet. Human review is "
        "required when a failure mode is unacceptable or a fallback hands the case to a "
        "person, as for answers files.",
        anchor="PAIR Errors + Graceful Failure; HAX G2, G8-G10; domain research C3",
        good="## UX states\n\n- Loading: skeleton for up to 3 s.\n- Low confidence: no draft, "
        "a hint.\n- Fallback: macro picker.\n- Error: retry button.\n- Human review: legal "
        "tickets go to a specialist.\n",
        bad="## UX states\n\n- Loading: skeleton for up to 3 s.\n- Error: retry button.\n",
        check=_ux_states,
        ai_only=True,
    ),
)
