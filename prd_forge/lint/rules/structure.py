"""Rules about presence: missing, hollow and partial sections, placeholders, drafts' gaps."""

from __future__ import annotations

from collections.abc import Iterator

from prd_forge import catalogue
from prd_forge.lint import text as words
from prd_forge.lint.headings import words as heading_words
from prd_forge.lint.rules.base import ANY_CONCERN, Context, Observation, Rule
from prd_forge.terms import Severity

_WHY = {concern.id: concern.why for concern in catalogue.CONCERNS}


def _why(concern: str) -> str:
    return _WHY.get(concern, "your team's config requires it")


_MISSING_MANY = (
    "{count} required sections are missing: {items}; add each, or say in it why it does not apply"
)
_PARTIAL_MANY = "{count} sections are only partly covered: {items}"


def _missing(ctx: Context) -> Iterator[Observation]:
    for concern, found in ctx.coverage.items():
        if found.state == "missing" and concern in ctx.required:
            title = ctx.titles[concern]
            yield Observation(
                found.line,
                f"missing section '{title}': {_why(concern)}",
                concern,
                many=_MISSING_MANY,
                subject=title,
            )


def _missing_recommended(ctx: Context) -> Iterator[Observation]:
    for concern, found in ctx.coverage.items():
        if found.state == "missing" and concern not in ctx.required and _applies(ctx, concern):
            title = ctx.titles[concern]
            yield Observation(
                found.line,
                f"no '{title}' section (recommended): {_why(concern)}",
                concern,
                many="{count} recommended sections are missing: {items}",
                subject=title,
            )


def _applies(ctx: Context, concern: str) -> bool:
    spec = catalogue.BY_ID.get(concern)
    return spec is None or ctx.ai or not spec.ai_only


def _hollow(ctx: Context) -> Iterator[Observation]:
    for concern, found in ctx.coverage.items():
        if found.state == "hollow" and _applies(ctx, concern):
            title = ctx.titles[concern]
            yield Observation(
                found.line,
                f"'{title}' is hollow ({found.detail}): write what it decides",
                concern,
                many="{count} sections are hollow: {items}; write what each decides",
                subject=title,
            )


def _partial(ctx: Context) -> Iterator[Observation]:
    for concern, found in ctx.coverage.items():
        if found.state == "partial" and concern in ctx.required:
            title = ctx.titles[concern]
            if found.via == "text":
                message = f"'{title}' is {found.detail}: give it a section that says what happens"
            else:
                message = f"'{title}' is only partly covered ({found.detail})"
            yield Observation(found.line, message, concern, many=_PARTIAL_MANY, subject=title)


def _placeholders(ctx: Context) -> Iterator[Observation]:
    hollow = _hollow_sections(ctx)
    for index, section in enumerate(ctx.doc.sections):
        if index in ctx.analysis.zone:
            continue
        for block in section.blocks:
            if block.kind != "alert" and index in hollow:
                continue  # PRD002 reports it: "hollow (only a placeholder)"
            if block.kind == "alert":
                first = block.text.strip().partition("\n")[0] or "gap"
                yield Observation(
                    block.line,
                    f"gap left open: {first}",
                    ctx.concern_at(block.line),
                    many="{count} gaps left open {where}: {items}",
                    subject=first[:60],
                )
            elif block.kind not in ("code", "comment"):
                found = words.first_placeholder(words.strip_comments(block.text))
                if found:
                    yield Observation(
                        block.line,
                        f"placeholder '{found}' left in: replace it with the decision",
                        ctx.concern_at(block.line),
                        many="{count} placeholders left {where}: {items}; replace each with "
                        "the decision",
                    )


def _hollow_sections(ctx: Context) -> frozenset[int]:
    """Sections that PRD002 already reports as hollow: their placeholder is the finding."""
    return frozenset(
        index
        for concern, found in ctx.coverage.items()
        if found.state == "hollow" and _applies(ctx, concern)
        for start in found.sections
        for index in range(start, ctx.doc.subtree_end(start))
    )


_BLOCKER_TITLES = frozenset({("blocker",), ("open", "blocker")})


def _blockers(ctx: Context) -> Iterator[Observation]:
    for index, section in enumerate(ctx.doc.sections):
        if heading_words(section.title) not in _BLOCKER_TITLES:
            continue
        for sub in ctx.doc.subtree(index):
            for block in sub.blocks:
                if block.kind == "item":
                    first = block.text.strip().partition("\n")[0]
                    yield Observation(
                        block.line,
                        f"blocker left open: {first}",
                        _blocked(ctx, first),
                        many="{count} blockers left open: {items}",
                        subject=first[:60],
                    )


def _blocked(ctx: Context, item: str) -> str:
    """The concern a blocker names, by id or title, else open-questions."""
    lowered = item.lower()
    for concern, title in ctx.titles.items():
        if concern in lowered or title.lower() in lowered:
            return concern
    return "open-questions"


def _unclosed_fence(ctx: Context) -> Iterator[Observation]:
    if ctx.doc.unclosed_fence is not None:
        yield Observation(
            ctx.doc.unclosed_fence,
            "code fence is never closed: everything after it is read as code; close it",
            ctx.concern_at(ctx.doc.unclosed_fence),
        )


def _bad_suppressions(ctx: Context) -> Iterator[Observation]:
    yield from ctx.bad_suppressions


def _unknown_targets(ctx: Context) -> Iterator[Observation]:
    yield from ctx.unknown_targets


RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD001",
        name="missing-section",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="A required concern has no section and no content that covers it.",
        why="A spec that leaves out a required concern silently ships without deciding it; "
        "reviewers cannot see what is not there.",
        anchor="domain research S1; markdownlint MD043 (required headings)",
        good="## Fallbacks\n\nBelow 0.7 confidence we show no draft and the agent writes the "
        "reply by hand, as today.\n",
        bad="## Overview\n\nWe will draft replies with an LLM.\n",
        check=_missing,
    ),
    Rule(
        code="PRD002",
        name="hollow-section",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="A section is there but says nothing: a placeholder, template guidance, only an "
        "HTML comment, only open questions, or N/A with no reason.",
        why="A hollow heading looks like coverage in a table of contents and hides the gap.",
        anchor="domain research S2-S4; Hugging Face model cards ([More Information Needed])",
        good="## Human oversight\n\nN/A: the feature only reorders the user's own saved "
        "filters and takes no decision on their behalf.\n",
        bad="## Human oversight\n\nTBD\n",
        check=_hollow,
    ),
    Rule(
        code="PRD003",
        name="partial-section",
        concern=ANY_CONCERN,
        severity=Severity.WARNING,
        summary="A required concern is only touched on: a few words, placeholders mixed in, or "
        "mentioned in passing with no section of its own.",
        why="A one-line answer rarely decides anything a team can build or test.",
        anchor="domain research S2",
        good="## Fallbacks\n\nWhen confidence is below 0.7 or the model times out after 3 s we "
        "hide the draft and show the macro picker, as today.\n",
        bad="## Fallbacks\n\nShow the macro picker.\n",
        check=_partial,
    ),
    Rule(
        code="PRD004",
        name="missing-recommended-section",
        concern=ANY_CONCERN,
        severity=Severity.INFO,
        summary="A recommended concern (privacy and approvals, open questions) has no section.",
        why="Recommended sections are where reviewers look for sign-off and unresolved decisions.",
        anchor="Atlassian requirements blueprint (Questions); NIST AI RMF MEASURE 2.10",
        good="## Open questions\n\n- Do we keep drafts for 30 or 90 days? Owner: Ana, by May 2.\n",
        bad="## Overview\n\nA search filter for saved items.\n",
        check=_missing_recommended,
    ),
    Rule(
        code="PRD005",
        name="placeholder-text",
        concern=ANY_CONCERN,
        severity=Severity.WARNING,
        summary="Placeholder text is left in (TBD, TODO, [More Information Needed], {{ ... }}, "
        "or a draft's [!WARNING] gap alert).",
        why="A placeholder is a decision nobody made; it must look like a gap, not like content.",
        anchor="domain research S3; huggingface/peft#975",
        good="## Rollout\n\nShadow mode for 2 weeks, then 10% of agents; roll back if acceptance "
        "drops below 30%.\n",
        bad="## Rollout\n\nShadow mode first, then TBD.\n",
        check=_placeholders,
    ),
    Rule(
        code="PRD006",
        name="open-blocker",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="A 'Blockers' list still has items: the draft names gaps it has not closed.",
        why="prd-forge drafts list what blocks review; a listed blocker is an open gap.",
        anchor="prd-forge render --draft",
        good="## Rollout\n\nShadow mode for 2 weeks, then 10% of agents.\n",
        bad="## Blockers\n\n- fallbacks: no fallback for model timeouts\n",
        check=_blockers,
    ),
    Rule(
        code="PRD007",
        name="unclosed-code-fence",
        concern=ANY_CONCERN,
        severity=Severity.WARNING,
        summary="A code fence is never closed, so the rest of the file reads as code.",
        why="Every section after an unclosed fence disappears from the document, and from lint.",
        anchor="CommonMark 0.31, fenced code blocks",
        good="## Data sources\n\n```yaml\nsource: tickets\n```\n\nTickets from 2023, no PII.\n",
        bad="## Data sources\n\n```yaml\nsource: tickets\n\n## Evaluation\n",
        check=_unclosed_fence,
    ),
    Rule(
        code="PRD008",
        name="suppression-without-reason",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="An inline suppression comment gives no reason; it does not suppress anything.",
        why="A suppression is a decision to skip a concern; reviewers need to see why.",
        anchor="prd-forge suppression comments",
        good="<!-- prd-forge-ignore human-oversight -- no decisions: the output is a sort order "
        "-->\n",
        bad="<!-- prd-forge-ignore human-oversight -->\n",
        check=_bad_suppressions,
    ),
    Rule(
        code="PRD009",
        name="unknown-suppression-target",
        concern=ANY_CONCERN,
        severity=Severity.WARNING,
        summary="An inline suppression names no known rule code, rule name or concern id.",
        why="A misspelt suppression silently suppresses nothing.",
        anchor="prd-forge suppression comments",
        good="<!-- prd-forge-ignore PRD005 -- the TBD is a product name -->\n",
        bad="<!-- prd-forge-ignore fallback-section -- not needed -->\n",
        check=_unknown_targets,
    ),
)
