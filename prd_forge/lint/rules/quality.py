"""Rules about measurable success: metrics, baseline, evaluation, vague quality words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import text as words
from prd_forge.lint._re import Caseless, lazy
from prd_forge.lint.document import Block
from prd_forge.lint.rules.base import Context, Observation, Rule
from prd_forge.terms import Severity

if TYPE_CHECKING:
    from typing import Final

_NUMBER_WORDS: Final = Caseless(
    r"\b(?:zero|one|two|three|four|five|ten|half|double|twice|triple|percent|no (?:drop|increase"
    r"|change|regression))\b"
)
_DATASET: Final = Caseless(
    r"\b(?:data ?sets?|test ?sets?|eval(?:uation)? sets?|gold(?:en)?(?: set)?|hold[- ]?out"
    r"|held[- ]out|out[- ]of[- ]time|benchmarks?|reference (?:set|articles|translations)"
    r"|samples?|sampled|labell?ed|annotated|examples|raters?|judges?|a/b tests?|shadow|offline"
    r"|back-?test\w*|replay\w*|human (?:eval\w*|review|rating)|red[- ]team\w*|n ?= ?\d"
    r"|(?:tested|evaluated|measured|scored) on"
    r"|\d[\d,]*-[a-z]+ (?:set|sample|corpus)"  # "the 1,500-study set"
    r"|\d[\d,]* (?:[a-z-]+ ){0,2}(?:examples|items|tickets|queries|cases|samples|conversations"
    r"|images|documents|records|transactions|prompts|emails|calls|users|sessions|articles"
    r"|invoices|returns|accounts|reports|scans|photos|pages|contracts|claims|messages|reviews"
    r"|episodes|listings|orders|studies))\b"
)
_COMPARATOR: Final = Caseless(
    r"[\u2265\u2264<>]|\b(?:at least|at most|no more than|no less than|above|below|under|over"
    r"|minimum|maximum|threshold|pass(?:es|ing)?|target|or (?:better|higher|lower|more|less)"
    r"|within|exceeds?|bar|gate|must)\b"
)
_VAGUE: Final = words.Prefiltered(
    (
        "accura",
        "fast",
        "quick",
        "robust",
        "seamless",
        "intuitiv",
        "reliab",
        "scalab",
        "friendly",
        "performant",
        "efficient",
        "instant",
        "responsive",
        "quality",
        "snappy",
        "smooth",
        "easy to use",
    ),
    lazy(
        r"\b(?:accurate(?:ly)?|fast|faster|quick(?:ly)?|robust|seamless(?:ly)?|intuitive(?:ly)?"
        r"|reliable|reliably|scalable|user-friendly|performant|efficient(?:ly)?|instant(?:ly)?"
        r"|responsive|high[- ]quality|snappy|smooth(?:ly)?|easy to use)\b",
        re.IGNORECASE,
    ),
)
_IMMEASURABLE: Final = lazy(r"^\W*(?:immeasurable|qualitative|non-?goals?)\b", re.I)
# A baseline that says there is none, and why (a new capability), has nothing to count.
_NO_BASELINE: Final = Caseless(
    r"\b(?:no baseline|there is no (?:baseline|current|existing)|nothing (?:\w+ )?(?:does|do)"
    r" (?:this|it) today|new capability)\b"
)
_CHECKBOX: Final = lazy(r"^[ \t]*\[[ xX]\][ \t]")
# What makes a checklist item a metric rather than a task ("[ ] Dashboard built").
_MEASURE: Final = Caseless(
    r"\b(?:rates?|ratios?|percent\w*|share|time|latency|p\d\d|count|number of|volume|score"
    r"|nps|csat|conversion|retention|churn|engagement|adoption|accuracy|precision|recall"
    r"|revenue|cost|per (?:user|day|week|month|session)|increase|decrease|reduc\w*|improv\w*"
    r"|grow\w*|drop\w*)\b"
)


def _measured(text: str) -> bool:
    return words.has_number(text) or _NUMBER_WORDS.search(text) is not None


def _rows(block: Block) -> list[tuple[int, str]]:
    """A block's lines to judge one by one: a table's rows, or the block itself."""
    if block.table is not None:
        return list(zip(block.table.row_lines, map(" ".join, block.table.rows), strict=False))
    return [(block.line, block.text)]


def _is_metric(text: str) -> bool:
    """A checklist item is a task unless it names something measured."""
    return not _CHECKBOX.match(text) or _MEASURE.search(text) is not None


def _metric_targets(ctx: Context) -> Iterator[Observation]:
    if not ctx.covered("metrics"):
        return
    blocks = ctx.blocks_for("metrics")
    if not any(_measured(block.text) for block in blocks):
        yield Observation(
            ctx.anchor("metrics"), "success metrics have no numeric target", thins=True
        )
        return
    for block in blocks:
        if block.kind not in ("item", "table"):
            continue
        for line, text in _rows(block):
            if (
                words.word_count(text, 3) >= 3
                and _is_metric(text)
                and not _measured(text)
                and not words.is_question(text)
                and not _IMMEASURABLE.match(text)
            ):
                first = text.strip().partition("\n")[0]
                yield Observation(
                    line,
                    f"metric has no numeric target: '{first[:60]}'",
                    many="{count} metrics {where} have no numeric target: {items}",
                )


def _baseline_number(ctx: Context) -> Iterator[Observation]:
    text = ctx.text_of("baseline")
    if ctx.covered("baseline") and not _measured(text) and not _NO_BASELINE.search(text):
        message = "baseline gives no figure for the non-AI alternative to beat"
        yield Observation(ctx.anchor("baseline"), message, thins=True)


def _eval_dataset(ctx: Context) -> Iterator[Observation]:
    if ctx.covered("evaluation") and not _DATASET.search(ctx.text_of("evaluation")):
        message = "evaluation names no dataset and no procedure"
        yield Observation(ctx.anchor("evaluation"), message, thins=True)


def _eval_threshold(ctx: Context) -> Iterator[Observation]:
    if not ctx.covered("evaluation"):
        return
    for block in ctx.blocks_for("evaluation"):
        for _, text in _rows(block):
            if words.has_number(text) and _COMPARATOR.search(text):
                return
        if block.table is not None and any(
            "threshold" in cell.lower() or "pass" in cell.lower() for cell in block.table.header
        ):
            return
    yield Observation(
        ctx.anchor("evaluation"), "evaluation has no numeric pass threshold", thins=True
    )


def _requirement_rows(ctx: Context) -> list[tuple[int, str]]:
    """The list items' and table rows' lines and texts, outside open questions and blockers."""
    zone = ctx.analysis.zone
    return [
        row
        for index, section in enumerate(ctx.doc.sections)
        if index not in zone
        for block in section.blocks
        if block.kind in ("item", "table")
        for row in _rows(block)
    ]


def _vague_words(ctx: Context) -> Iterator[Observation]:
    rows = _requirement_rows(ctx)
    # Most documents have no quality word: one search of all rows, joined by line breaks (a
    # row's match is a match there too), saves a search of each.
    if not _VAGUE.search("\n".join([text for _, text in rows])):
        return
    for line, text in rows:
        match = _VAGUE.search(text)
        if match and not _measured(text):
            yield Observation(
                line,
                f"'{match.group()}' with no number: say how much, measured how",
                ctx.concern_at(line) or "metrics",
                many="{count} quality words {where} have no number: {items}; say how "
                "much, measured how",
                subject=match.group(),
            )


RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD101",
        name="metric-without-target",
        concern="metrics",
        severity=Severity.ERROR,
        summary="A success metric has no numeric target.",
        why="'Improve engagement' cannot fail; a number with a window is a testable definition "
        "of done.",
        anchor="PAIR Guidebook, Define success criteria; domain research M1",
        good="## Success metrics\n\n- Median handle time from 11m 40s to 9m within 8 weeks of "
        "GA.\n",
        bad="## Success metrics\n\n- Agents are more productive.\n- Customers are happier.\n",
        check=_metric_targets,
    ),
    Rule(
        code="PRD102",
        name="baseline-without-number",
        concern="baseline",
        severity=Severity.WARNING,
        summary="The baseline names no figure for the current, non-AI way.",
        why="Success means nothing without the number the feature has to beat.",
        anchor="NIST AI RMF MAP 3, MANAGE 2.1; domain research M5",
        good="## Baseline\n\nToday agents pick a macro by hand: median handle time 11m 40s.\n",
        bad="## Baseline\n\nToday agents pick a macro by hand, which is slow.\n",
        check=_baseline_number,
        ai_only=True,
    ),
    Rule(
        code="PRD103",
        name="vague-quality-word",
        concern="metrics",
        severity=Severity.WARNING,
        summary="A requirement uses a quality word (accurate, fast, robust, seamless, ...) with "
        "no number in the same item.",
        why="Untestable adjectives hide the actual bar; reviewers cannot say whether it is met.",
        anchor="domain research M6",
        good="## Requirements\n\n- Drafts appear within 2 s at p95.\n",
        bad="## Requirements\n\n- Drafts appear fast and are accurate.\n",
        check=_vague_words,
    ),
    Rule(
        code="PRD111",
        name="evaluation-without-dataset",
        concern="evaluation",
        severity=Severity.ERROR,
        summary="The evaluation names no dataset (name, source, size) and no procedure.",
        why="Evidence needs named data that looks like deployment, not a promise to test.",
        anchor="NIST AI RMF MEASURE 2.1, 2.3; model cards (Testing Data); domain research V1",
        good="## Evaluation\n\n500 labelled tickets sampled from March, scored by two raters; "
        "pass at precision >= 0.9.\n",
        bad="## Evaluation\n\nWe will evaluate quality carefully before launch; pass at "
        "precision >= 0.9.\n",
        check=_eval_dataset,
        ai_only=True,
    ),
    Rule(
        code="PRD112",
        name="evaluation-without-threshold",
        concern="evaluation",
        severity=Severity.ERROR,
        summary="The evaluation has no numeric pass threshold.",
        why="Without a bar set before the results, any result can be called good enough.",
        anchor="NIST AI RMF MANAGE 1.1; domain research V3, V7",
        good="## Evaluation\n\n500 labelled tickets from March; ship only if precision is at "
        "least 0.9 on every language.\n",
        bad="## Evaluation\n\n500 labelled tickets from March, scored by two raters for "
        "helpfulness and tone.\n",
        check=_eval_threshold,
        ai_only=True,
    ),
)
