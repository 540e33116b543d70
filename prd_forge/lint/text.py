"""Reading the words of a block: placeholders, guidance, N/A, questions, numbers.

Every pattern here is linear: no nested quantifiers, bounded repeats, so a 2 MB line costs
what a 2 MB line costs (see tests/lint/test_bad_input.py for the long-line bounds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from prd_forge.lint._re import LazyPattern, lazy

_UPPER_MARKERS: Final = lazy(r"\b(?:TODO|FIXME|XXX)\b")
# Matched against lower-cased text. Case-insensitive alternations that start with \b defeat
# the regex engine's literal-prefix search, so `first_placeholder` tests cheap substrings first.
_PLACEHOLDER: Final = lazy(
    r"\btb[dca]\b|\?\?\?|\[more information needed\]|\blorem ipsum\b"
    r"|\{\{[^{}\n]{0,400}\}\}"
    r"|\[(?:insert|add|describe|todo|tbd|placeholder|your|enter)\b[^\]\n]{0,200}\]"
    r"|<(?:insert|add|describe|placeholder|your|enter)\b[^>\n]{0,200}>"
    r"|(?<!has )(?<!have )(?<!had )(?<!needs )(?<!need )(?<!needed )"  # "rules have to be written"
    r"\bto be (?:determined|decided|defined|confirmed|added|written|filled|completed|provided"
    r"|agreed)\b"
    r"|\bcoming soon\b|\bto come\b|\bfill (?:this |me )?in\b|(?:\*\*|__)missing(?:\*\*|__)"
    # spec-kit and template slots: [NEEDS CLARIFICATION: ...], [What is the target?],
    # {Current limitation or pain point 1}
    r"|\[needs clarification\b[^\]\n]{0,300}\]"
    r"|\[(?:what|which|who|when|how|why|where)\b[^\]\n]{0,200}\?\]"
    r"|\{[a-z][^{}\n\"]{0,200}\s[^{}\n\"]{0,200}\}"
    r"|^[ \t*_]*pending\b"
    r"|\[[a-z][a-z ,/&'-]{1,60}\](?![(\[:])"
    # a link still to add: "Figma: (link)", "Jira epic: *(link)*"
    r"|\((?:link|url|links)\)"
)
_PLACEHOLDER_NEEDLES: Final = (
    "tb",
    "???",
    "[more",
    "lorem",
    "{{",
    "[",
    "<",
    "to be ",
    "coming soon",
    "fill ",
    "missing",
    "{",
    "pending",
    "to come",
    "(link",
    "(url",
)
_MARKER_NEEDLES: Final = ("TODO", "FIXME", "XXX")


_GUIDANCE: Final = lazy(
    r"^[ \t]*[_*]{1,2}(?:describe|explain|list|outline|summari[sz]e|add|insert|write|document"
    r"|specify|state|provide|include|enter|define|note)\b[^\n]{0,400}[_*][ \t]*$"
    r"|^[ \t]*(?:describe|explain|list|outline|summari[sz]e|insert|specify|provide|define)\b"
    r"[^\n]{0,200}\b(?:here|below|in this section)\b[ \t]*[.:]?[ \t]*$"
    # "Add mockups, diagrams or visual designs relating to these requirements.", "Link Figma"
    r"|^[ \t*_]*(?:add|attach|link|insert|embed|paste)(?: the| your| any)? (?:mockups?|designs?"
    r"|diagrams?|wireframes?|screenshots?|figma|visuals?|sketches)\b",
    re.IGNORECASE,
)
_NOT_APPLICABLE: Final = lazy(
    r"^[ \t*_]*(?:n/?a|not applicable|none|nothing|n\.a\.|-+|\u2014|\u2013)(?!\w)"
    r"[ \t*_]*[.:]?[ \t]*(?:[-\u2014\u2013:,;(][ \t]*)?",
    re.IGNORECASE,
)
_NUMBER: Final = lazy(r"\d")
_COMMENT: Final = lazy(r"<!--.*?-->", re.DOTALL)

NA_REASON_WORDS: Final = 4


@dataclass(frozen=True, slots=True)
class Prefiltered:
    """A case-insensitive pattern behind a substring test: most blocks contain none of the
    needles, and `in` on a short string is far cheaper than a regex alternation."""

    needles: tuple[str, ...]
    pattern: LazyPattern

    def search(self, text: str) -> re.Match[str] | None:
        lowered = text.lower()
        if not any(needle in lowered for needle in self.needles):
            return None
        return self.pattern.search(text)


@lru_cache(maxsize=8192)
def first_placeholder(text: str) -> str | None:
    """The first placeholder in `text` ("TBD", "[More Information Needed]", ...), as written
    (cached: several rules ask about the same block)."""
    if any(needle in text for needle in _MARKER_NEEDLES):
        upper = _UPPER_MARKERS.search(_unemphasised(text))
        if upper is not None:
            return text[upper.start() : upper.end()]
    lowered = _unemphasised(text.lower())
    if not any(needle in lowered for needle in _PLACEHOLDER_NEEDLES):
        return None
    match = _PLACEHOLDER.search(lowered)
    return None if match is None else text[match.start() : match.end()]


def _unemphasised(text: str) -> str:
    """`text` with underscores read as spaces, same length: "_To be completed_" is italics, and
    a word boundary must see "To" as a word's start."""
    return text.replace("_", " ") if "_" in text else text


def opens_with_placeholder(text: str) -> bool:
    """Whether a block starts with its placeholder ("TODO: ask data eng which fields we can
    use"): the rest is a note about an answer still to come, not the answer."""
    found = first_placeholder(text)
    return found is not None and text.lstrip(" \t*_-[]>:").startswith(found)


def without_placeholders(text: str) -> str:
    """`text` with every placeholder cut out (one pass over each pattern's matches)."""
    if first_placeholder(text) is None:
        return text
    spans = sorted(
        [m.span() for m in _UPPER_MARKERS.finditer(_unemphasised(text))]
        + [m.span() for m in _PLACEHOLDER.finditer(_unemphasised(text.lower()))]
    )
    parts: list[str] = []
    position = 0
    for start, end in spans:
        if start >= position:
            parts.append(text[position:start])
            position = end
    parts.append(text[position:])
    return " ".join(parts)


_ITALIC_GUIDANCE: Final = lazy(
    r"(?:describe|explain|list|outline|summari[sz]e|add|insert|write|document|specify|state"
    r"|provide|include|enter|define|note|name|give|what|how|why|which|who|when|for each)\b",
    re.IGNORECASE,
)


def is_guidance(text: str) -> bool:
    """Template guidance ("_Describe the fallback here._", or a paragraph in italics that
    asks what to write) rather than an answer."""
    stripped = text.strip()
    if _GUIDANCE.match(stripped):
        return True
    if len(stripped) > 2 and stripped[0] in "*_" and stripped[-1] == stripped[0]:
        inner = stripped.strip("*_ \t")
        return "?" in inner or _ITALIC_GUIDANCE.match(inner) is not None or _names_only(inner)
    return False


_LIST_SEPARATOR: Final = lazy(r"[,;\u00b7]")


def _names_only(inner: str) -> bool:
    """An aside in italics that only lists names ("*Loading, low confidence, fallback, error,
    empty.*"): the template's list of what to cover, not a statement about any of it."""
    items = _LIST_SEPARATOR.compiled.split(inner, maxsplit=4)
    return len(items) >= 4 and all(word_count(item, 4) <= 3 for item in items[:3])


def not_applicable(text: str) -> tuple[bool, str]:
    """Whether `text` says N/A, and the reason it gives (empty when none)."""
    stripped = text.strip()
    match = _NOT_APPLICABLE.match(stripped)
    if not match:
        return False, ""
    rest = stripped[match.end() :]
    head = stripped[: match.end()].strip(" \t*_.:-\u2014\u2013,;(").lower()
    if head in ("none", "nothing") and word_count(rest, NA_REASON_WORDS + 1) > NA_REASON_WORDS:
        return False, ""  # "None of the outputs are stored ..." is an answer, not N/A
    return True, rest


_UNCHECKED: Final = ("[ ]", "\u2610")  # a checklist item still to do: "- [ ] Who owns it?"


def is_question(text: str) -> bool:
    """An open question rather than an answer, with a hint in brackets or not ("Who owns it?
    (a person or role)"); an unticked checklist item that asks or instructs ("[ ] Describe the
    current approach.") is a template's or `lint --fix`'s prompt, not an answer either."""
    stripped = text.strip().rstrip("*_ \t")
    unticked = stripped.startswith(_UNCHECKED)
    if unticked:
        stripped = stripped[3 if stripped.startswith("[ ]") else 1 :].strip()
        if _ITALIC_GUIDANCE.match(stripped):
            return True
    _, mark, after = stripped.rpartition("?")
    hint = after.strip().rstrip(".!")
    if mark and (not hint or (hint.startswith("(") and hint.endswith(")"))):
        return True
    return stripped.lower().startswith(("q:", "question:", "open:"))


_SENTENCE_END: Final = lazy(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The sentences (or lines) of a block, for checks that need two things said together."""
    return _SENTENCE_END.split(text)


_PUNCTUATION: Final = "-|*_#>`~:;,.!?()[]{}\"'\u2014\u2013"


def word_count(text: str, limit: int | None = None) -> int:
    """Whitespace-separated words, not counting bare punctuation (fast: no regex); stops
    counting at `limit` when one is given."""
    count = 0
    for token in text.split():
        if token.strip(_PUNCTUATION):
            count += 1
            if count == limit:
                break
    return count


def has_number(text: str) -> bool:
    return _NUMBER.search(text) is not None


def strip_comments(text: str) -> str:
    return _COMMENT.sub(" ", text) if "<!--" in text else text
