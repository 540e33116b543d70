"""Reading the words of a block: placeholders, guidance, N/A, questions, numbers.

Every pattern here is linear: no nested quantifiers, bounded repeats, so a 2 MB line costs
what a 2 MB line costs (see tests/lint/test_bad_input.py for the long-line bounds).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

_PLACEHOLDER: Final = re.compile(
    r"\b(?:TODO|FIXME|XXX)\b"
    r"|(?i:\bTB[DCA]\b|\?\?\?|\[more information needed\]|\blorem ipsum\b"
    r"|\{\{[^{}\n]{0,200}\}\}"
    r"|\[(?:insert|add|describe|todo|tbd|placeholder|your|enter)\b[^\]\n]{0,200}\]"
    r"|<(?:insert|add|describe|placeholder|your|enter)\b[^>\n]{0,200}>"
    r"|\bto be (?:determined|decided|defined|confirmed|added|written|filled)\b"
    r"|\bcoming soon\b|\bfill (?:this |me )?in\b|(?:\*\*|__)missing(?:\*\*|__))"
)
_GUIDANCE: Final = re.compile(
    r"^[ \t]*[_*]{1,2}(?:describe|explain|list|outline|summari[sz]e|add|insert|write|document"
    r"|specify|state|provide|include|enter|define|note)\b[^\n]{0,400}[_*][ \t]*$"
    r"|^[ \t]*(?:describe|explain|list|outline|summari[sz]e|insert|specify|provide|define)\b"
    r"[^\n]{0,200}\b(?:here|below|in this section)\b[ \t]*[.:]?[ \t]*$",
    re.IGNORECASE,
)
_NOT_APPLICABLE: Final = re.compile(
    r"^[ \t*_]*(?:n/?a|not applicable|none|nothing|n\.a\.|-+|\u2014|\u2013)(?!\w)"
    r"[ \t*_]*[.:]?[ \t]*(?:[-\u2014\u2013:,;(][ \t]*)?",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_NUMBER: Final = re.compile(r"\d")
_COMMENT: Final = re.compile(r"<!--.*?-->", re.DOTALL)

NA_REASON_WORDS: Final = 4


def placeholders(text: str) -> list[str]:
    """The placeholder markers left in `text` ("TBD", "[More Information Needed]", ...)."""
    return _PLACEHOLDER.findall(text)


@lru_cache(maxsize=8192)
def first_placeholder(text: str) -> re.Match[str] | None:
    """The first placeholder in `text` (cached: several rules ask about the same block)."""
    return _PLACEHOLDER.search(text)


def without_placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(" ", text)


def is_guidance(text: str) -> bool:
    """Template guidance ("_Describe the fallback here._") rather than an answer."""
    return bool(_GUIDANCE.match(text.strip()))


def not_applicable(text: str) -> tuple[bool, str]:
    """Whether `text` says N/A, and the reason it gives (empty when none)."""
    stripped = text.strip()
    match = _NOT_APPLICABLE.match(stripped)
    if not match:
        return False, ""
    rest = stripped[match.end() :]
    head = stripped[: match.end()].strip(" \t*_.:-\u2014\u2013,;(").lower()
    if head in ("none", "nothing") and word_count(rest) > NA_REASON_WORDS:
        return False, ""  # "None of the outputs are stored ..." is an answer, not N/A
    return True, rest


def is_question(text: str) -> bool:
    """An open question rather than an answer."""
    stripped = text.strip().rstrip("*_ \t")
    return stripped.endswith("?") or stripped.lower().startswith(("q:", "question:", "open:"))


_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The sentences (or lines) of a block, for checks that need two things said together."""
    return _SENTENCE_END.split(text)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def has_number(text: str) -> bool:
    return _NUMBER.search(text) is not None


def strip_comments(text: str) -> str:
    return _COMMENT.sub(" ", text) if "<!--" in text else text
