"""Rules about generative features: the NIST AI 600-1 risks their PRD should address.

A PRD is about a generative feature when it names a generative model (an LLM, a language or
diffusion model, a GPT, a chatbot), generated output ("generates reply drafts", "AI-written"),
or has a section for the AI 600-1 profile; a mention that is denied ("we do not use an LLM")
does not count. AI 600-1 applies to any system built on a generative model, so an LLM used to
tag or extract is in scope too. The risks are looked for in the profile's section when there is
one (what a reviewer reads as the answer), else anywhere in the document; a line whose only
content is a placeholder ("Information integrity: TBD") answers nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from prd_forge._records import TYPE_CHECKING
from prd_forge.concerns import genai_risks
from prd_forge.lint import regex_source
from prd_forge.lint import text as words
from prd_forge.lint._programs import code_checksum, kept
from prd_forge.lint._re import LazyPattern, fold, lazy, lower_case
from prd_forge.lint.document import Block, Document, Section
from prd_forge.lint.rules import needles
from prd_forge.lint.rules.base import Context, Observation, Rule
from prd_forge.terms import Severity

if TYPE_CHECKING:
    from typing import Final


def _caseless(source: str) -> LazyPattern:
    """A pattern for folded text (`fold`): written in lower case, it matches there exactly
    where it matches the text itself with re.IGNORECASE (see _re.Caseless), at the cost of a
    plain search. A pattern with a capital letter would silently miss: refused."""
    if not lower_case(source):
        raise ValueError(f"not a lower-case pattern: {source!r}")
    return lazy(source)


# Matched against the folded text.
_GENERATIVE: Final = _caseless(
    r"\b(?:llms?|(?:large )?language models?|generative|gen ?ai|gpt-?[\w.]*|chat ?gpt"
    r"|chat ?bots?|foundation models?|diffusion models?|openai|anthropic|claude|gemini|llama"
    r"|mistral|retrieval[- ]augmented|hallucinat\w*|prompt[- ]injection|system prompts?"
    r"|(?:ai|model|machine)[- ](?:generated|written|drafted|authored)"
    r"|(?:recipe|text|reply|image|content|copy|email|description|summary|story|chapter|code"
    r"|answer)s? generat(?:or|ion)s?|(?:chat|virtual|question[- ]answering) assistants?"
    r"|answers?\s+(?:\w+\s+){0,3}questions?\s+(?:from|using|with|about)"
    r"|generat(?:es|ed|ing|ion of)?\s+(?:\w+\s+){0,2}(?:text|replies|responses|answers"
    r"|summar(?:y|ies)|descriptions?|recipes?|drafts?|emails?|messages?|images?|copy|code"
    r"|alt\s+text|content))\b"
)
# A heading for the profile: "Generative AI profile (NIST AI 600-1)", "GenAI risks".
_PROFILE: Final = lazy(r"\b600-1\b|\bgenerative ai (?:risks?|profile)\b|\bgen ?ai risks?\b", re.I)
# A denial earlier in the same clause: "we do not use an LLM", "without a language model".
_DENIAL: Final = _caseless(r"\b(?:no|not|never|without|nor)\b[^.;:!?\n]*$")
_LOOKBACK: Final = 60
_SKIPPED: Final = frozenset({"code", "comment", "alert", "html"})
_MENTIONS: Final = tuple(
    (risk, _caseless(r"\b(?:" + "|".join(risk.mentions) + r")\b")) for risk in genai_risks.RISKS
)


@cache
def _needles() -> tuple[tuple[str, ...] | None, ...]:
    """Per risk, the substrings one of which its every match contains (a PRD mentions few of
    the twelve, and a search that finds nothing reads the whole text). Deriving them costs a
    few ms, so an earlier run's are kept (lint/_programs.py), keyed by the risks' mentions and
    the code that derives them."""
    sources = tuple("|".join(risk.mentions) for risk in genai_risks.RISKS)
    code = code_checksum(needles.__file__, regex_source.__file__)
    if not code:
        return _derive(sources)
    return tuple(kept("genai-needles", f"{code}\0{sources!r}", lambda: _derive(sources)))


def _derive(sources: tuple[str, ...]) -> tuple[tuple[str, ...] | None, ...]:
    return tuple(needles.needles(source) for source in sources)


def _lines(block: Block) -> Iterator[str]:
    """The block's text line by line (a table row by row), placeholder lines left out."""
    rows = (" ".join(row) for row in block.table.rows) if block.table else block.text.splitlines()
    return (line for line in rows if not words.first_placeholder(line))


def _text(sections: Iterable[Section]) -> str:
    """Headings and body text, without code, comments, gap alerts or placeholder lines."""
    parts: list[str] = []
    for section in sections:
        parts.append(section.title)
        parts += [line for b in section.blocks if b.kind not in _SKIPPED for line in _lines(b)]
    return "\n".join(parts)


def profile_section(doc: Document) -> int | None:
    """The index of the section whose heading names the AI 600-1 profile, if any."""
    for index, section in enumerate(doc.sections):
        if section.level and not section.pseudo and _PROFILE.search(section.title):
            return index
    return None


def generative(text: str) -> bool:
    """Whether `text` names a generative model or generated output outside a denial."""
    return _generative(fold(text))


def unaddressed(text: str) -> list[str]:
    """The titles of the AI 600-1 risks `text` does not mention, in the risks' order."""
    return _unaddressed(fold(text))


def _generative(folded: str) -> bool:
    for match in _GENERATIVE.finditer(folded):
        if not _DENIAL.search(folded[max(0, match.start() - _LOOKBACK) : match.start()]):
            return True
    return False


def _unaddressed(folded: str) -> list[str]:
    return [
        risk.title
        for (risk, pattern), wanted in zip(_MENTIONS, _needles(), strict=True)
        if (wanted is not None and not any(needle in folded for needle in wanted))
        or not pattern.search(folded)
    ]


def _anchor(ctx: Context) -> int:
    if ctx.covered("privacy"):
        return ctx.anchor("privacy")
    titled = ctx.doc.title_index
    return ctx.doc.sections[titled].line if titled is not None else 1


def _genai_risks(ctx: Context) -> Iterator[Observation]:
    index = profile_section(ctx.doc)  # the body is folded once, for both scans
    if index is not None:
        body, line = fold(_text(ctx.doc.subtree(index))), ctx.doc.sections[index].line
    else:
        body = fold(_text(ctx.doc.sections))
        if not _generative(body):
            return
        line = _anchor(ctx)
    left = _unaddressed(body)
    if left:
        yield Observation(
            line,
            f"a generative feature: {len(left)} of the {len(_MENTIONS)} NIST AI 600-1 risks "
            f"{'is' if len(left) == 1 else 'are'} not addressed: {'; '.join(left)}",
        )


_ALL_TWELVE = "\n".join(f"| {risk.title} | ... |" for risk in genai_risks.RISKS)

RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD211",
        name="genai-risks-unaddressed",
        concern="privacy",
        severity=Severity.WARNING,
        summary="A generative feature's PRD does not address some of the NIST AI 600-1 risks.",
        why="A generative model fails in ways a classifier does not: it confabulates, can be "
        "steered by prompt injection, can write harmful or infringing content. AI 600-1 lists "
        "twelve such risks; a reviewer expects each addressed, or ruled out with a reason.",
        anchor=genai_risks.ANCHOR,
        good="## Generative AI profile (NIST AI 600-1)\n\n| Risk | How it is addressed |\n"
        f"|---|---|\n{_ALL_TWELVE.replace('...', 'Addressed, or why it does not apply.')}\n",
        bad="## Overview\n\nAn LLM drafts a reply to each ticket; the agent edits and sends it."
        "\n\n## Privacy\n\nTicket text is masked before it reaches the model.\n",
        check=_genai_risks,
        ai_only=True,
    ),
)
