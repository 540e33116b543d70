"""Reading the words of a block: placeholders, guidance, N/A, questions, numbers.

Every pattern here is linear: no nested quantifiers, bounded repeats, so a 2 MB line costs
what a 2 MB line costs (see tests/lint/test_bad_input.py for the long-line bounds).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from itertools import accumulate

from prd_forge import concerns
from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.concerns import Concern
from prd_forge.lint._re import LazyPattern, lazy

if TYPE_CHECKING:
    from typing import Final

_UPPER_MARKERS: Final = lazy(r"\b(?:TODO|FIXME|XXX)\b")


class _Form(NamedTuple):
    """One placeholder form: the literals its matches contain, and its pattern.

    Each pattern opens with a literal where it can ("\\bto be" is written "to be" and a
    look-behind after it), so the regex engine jumps to candidates instead of trying every
    alternative at every position of the block."""

    needles: tuple[str, ...]
    pattern: LazyPattern


# The forms every concern shares, matched against lower-cased text in which underscores read
# as spaces. A concern's own forms (spec-kit's "[NEEDS CLARIFICATION: ...]", a design link
# still to add) are in its module, `Concern.placeholders`.
_GENERIC: Final = (
    _Form(("tb",), lazy(r"tb(?<!\wtb)[dca]\b")),
    _Form(("???",), lazy(r"\?\?\?")),
    _Form(
        ("[",),
        lazy(
            r"\[(?:more information needed\]"
            r"|(?:insert|add|describe|todo|tbd|placeholder|your|enter)\b[^\]\n]{0,200}\]"
            r"|[a-z][a-z ,/&'-]{1,60}\](?![(\[:]))"
        ),
    ),
    # a slot that shows an example of its answer: "[Measurable metric, e.g., ...]"
    _Form(("e.g.",), lazy(r"\[[^\]\n]{0,80}\be\.g\.[^\]\n]{0,300}\](?![(\[:])")),
    _Form(("lorem",), lazy(r"lorem(?<!\wlorem) ipsum\b")),
    # "{{ slot }}", and template slots in prose: "{Current limitation or pain point 1}"
    _Form(
        ("{",),
        lazy(r"\{(?:\{[^{}\n]{0,400}\}\}|[a-z][^{}\n\"]{0,200}\s[^{}\n\"]{0,200}\})"),
    ),
    _Form(("<",), lazy(r"<(?:insert|add|describe|placeholder|your|enter)\b[^>\n]{0,200}>")),
    _Form(
        ("to be ",),
        lazy(
            # "rules have to be written" is a statement, not a slot
            r"to be (?<!\wto be )(?<!has to be )(?<!have to be )(?<!had to be )"
            r"(?<!needs to be )(?<!need to be )(?<!needed to be )"
            r"(?:determined|decided|defined|confirmed|added|written|filled|completed|provided"
            r"|agreed)\b"
        ),
    ),
    _Form(("coming soon",), lazy(r"coming(?<!\wcoming) soon\b")),
    _Form(("to come",), lazy(r"to(?<!\wto) come\b")),
    _Form(("fill ",), lazy(r"fill(?<!\wfill) (?:this |me )?in\b")),
    _Form(("missing",), lazy(r"(?:\*\*|__)missing(?:\*\*|__)")),
)


class _Forms:
    """Every placeholder form for one registry of concerns, and each text's first placeholder
    once found (kept here, so a concern registered later is never answered from what was
    found before it)."""

    __slots__ = ("by_needle", "found", "registry")

    def __init__(self, registry: tuple[Concern, ...]) -> None:
        self.registry = registry
        own = [
            _Form(form.needles, lazy(form.pattern))
            for concern in registry
            for form in concern.placeholders
        ]
        by_needle: dict[str, list[LazyPattern]] = {}
        for form in (*_GENERIC, *own):
            for needle in form.needles:
                by_needle.setdefault(needle, []).append(form.pattern)
        # each needle once, with every pattern it admits: one `in` per needle per block
        self.by_needle = tuple((needle, tuple(found)) for needle, found in by_needle.items())
        self.found: dict[str, str | None] = {}  # several rules ask about the same block

    def first(
        self, lowered: str, position: int = 0, needles: _Needles | None = None
    ) -> re.Match[str] | None:
        """The leftmost match of any form at or after `position` (of the forms behind
        `needles`, when only those can match). Forms that match at the same place end at the
        same place too (each ends at its first closing bracket), so which of them wins does
        not change the span."""
        best: re.Match[str] | None = None
        for needle, patterns in self.by_needle if needles is None else needles:
            if needle not in lowered:
                continue
            for pattern in patterns:
                found = pattern.search(lowered, position)
                if found is not None and (best is None or found.start() < best.start()):
                    best = found
        return best

    def placeholder(self, text: str) -> str | None:
        """The first placeholder in `text`, as written."""
        if text in self.found:
            return self.found[text]
        return self._keep(text, _placeholder(text, self, self.by_needle, marked=True))

    def placeholders(self, texts: Sequence[str]) -> list[str | None]:
        """The first placeholder of each text, found at once: a needle that none of them holds
        is looked for in none (most of a document's blocks hold none of the fifteen), and
        a text that holds none of the needles found is looked at no further."""
        new = [text for text in texts if text not in self.found]
        if new:
            self._find(new)
        found = self.found
        # (a text found before may have been let go since, to keep at most _KEEP)
        return [found[text] if text in found else self.placeholder(text) for text in texts]

    def _find(self, texts: list[str]) -> None:
        joined = "\n".join(texts)
        marked = _marked(joined)
        lowered = _unemphasised(joined.lower())
        needles = tuple(pair for pair in self.by_needle if pair[0] in lowered)
        held = None
        if not marked and len(lowered) == len(joined):  # one character for one: see _holding
            held = _holding(texts, lowered, [needle for needle, _ in needles])
        for index, text in enumerate(texts):
            if held is None or index in held:
                self._keep(text, _placeholder(text, self, needles, marked=marked))
            else:
                self._keep(text, None)

    def _keep(self, text: str, found: str | None) -> str | None:
        if len(self.found) >= _KEEP:
            self.found.clear()
        self.found[text] = found
        return found


def _holding(texts: Sequence[str], lowered: str, needles: Sequence[str]) -> set[int] | None:
    """The indexes of the texts that hold one of `needles`, given `lowered`, the texts joined
    by line breaks and lower-cased one character for one (so each text's place in it is its
    place in the joined text); None if a needle holds a line break (and so might span two
    texts). A text that holds no needle holds no placeholder: every form's match holds one of
    its needles. One `find` per text that holds a needle, not an `in` per needle per text."""
    if any("\n" in needle for needle in needles):
        return None
    ends = list(accumulate(len(text) + 1 for text in texts))  # each just past a line break
    held: set[int] = set()
    for needle in needles:
        at = lowered.find(needle)
        while at >= 0:
            index = bisect_right(ends, at)  # the text `at` is in
            held.add(index)
            at = lowered.find(needle, ends[index])  # on from the next text
    return held


def _marked(text: str) -> bool:
    """Whether `text` may hold one of _UPPER_MARKERS."""
    return "TODO" in text or "FIXME" in text or "XXX" in text


_Needles = tuple[tuple[str, tuple[LazyPattern, ...]], ...]
_KEEP: Final = 8192  # texts whose first placeholder is kept


def _placeholder(text: str, forms: _Forms, needles: _Needles, *, marked: bool) -> str | None:
    if marked and _marked(text):
        upper = _UPPER_MARKERS.search(_unemphasised(text))
        if upper is not None:
            return text[upper.start() : upper.end()]
    found = forms.first(_unemphasised(text.lower()), needles=needles)
    return None if found is None else text[found.start() : found.end()]


_current_forms: list[_Forms] = []


def _forms() -> _Forms:
    registry = concerns.current()
    if not _current_forms or _current_forms[0].registry is not registry:
        _current_forms[:] = [_Forms(registry)]
    return _current_forms[0]


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
# what _NOT_APPLICABLE can match first, past its leading [ \t*_]* (case-insensitively)
_NA_OPENS: Final = "nN-\u2014\u2013"
_NUMBER: Final = lazy(r"\d")
_COMMENT: Final = lazy(r"<!--.*?-->", re.DOTALL)

NA_REASON_WORDS: Final = 4


class Prefiltered(NamedTuple):
    """A case-insensitive pattern behind a substring test: most blocks contain none of the
    needles, and `in` on a short string is far cheaper than a regex alternation."""

    needles: tuple[str, ...]
    pattern: LazyPattern

    def search(self, text: str) -> re.Match[str] | None:
        lowered = text.lower()
        for needle in self.needles:  # a loop: any() over a generator costs more than the tests
            if needle in lowered:
                return self.pattern.search(text)
        return None


def first_placeholder(text: str) -> str | None:
    """The first placeholder in `text` ("TBD", "[More Information Needed]", a concern's own
    form such as "[NEEDS CLARIFICATION: ...]"), as written."""
    # several rules ask this of every block, and mostly of a block asked before: that answer is
    # read here, without the calls to _forms and _Forms.placeholder (which cost twice this)
    if _current_forms and _current_forms[0].registry is concerns.current():
        found = _current_forms[0].found
        if text in found:
            return found[text]
    return _forms().placeholder(text)


def first_placeholders(texts: Sequence[str]) -> list[str | None]:
    """The first placeholder of each of a document's texts, found at once: cheaper than one
    `first_placeholder` after another (which then answer from what was found)."""
    return _forms().placeholders(texts)


def _unemphasised(text: str) -> str:
    """`text` with underscores read as spaces, same length: "_To be completed_" is italics, and
    a word boundary must see "To" as a word's start."""
    return text.replace("_", " ") if "_" in text else text


def opens_with_placeholder(text: str) -> bool:
    """Whether a block starts with its placeholder ("TODO: ask data eng which fields we can
    use"): the rest is a note about an answer still to come, not the answer."""
    found = first_placeholder(text)
    return found is not None and text.lstrip(" \t*_-[]>:").startswith(found)


def _spans(lowered: str, forms: _Forms) -> Iterator[tuple[int, int]]:
    """Each placeholder's span, left to right, as one alternation's `finditer` gives them."""
    found = forms.first(lowered)
    while found is not None:
        yield found.span()
        found = forms.first(lowered, found.end())


def without_placeholders(text: str) -> str:
    """`text` with every placeholder cut out (one pass over each pattern's matches)."""
    if first_placeholder(text) is None:
        return text
    spans = sorted(
        [m.span() for m in _UPPER_MARKERS.finditer(_unemphasised(text))]
        + list(_spans(_unemphasised(text.lower()), _forms()))
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


@lru_cache(maxsize=4096)  # a block's, asked by `unsaid` and again when its section is judged
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
    if stripped.lstrip(" \t*_")[:1] not in _NA_OPENS:
        return False, ""  # most text: the pattern's own first test, without the call
    match = _NOT_APPLICABLE.match(stripped)
    if not match:
        return False, ""
    rest = stripped[match.end() :]
    head = stripped[: match.end()].strip(" \t*_.:-\u2014\u2013,;(").lower()
    if head in ("none", "nothing") and word_count(rest, NA_REASON_WORDS + 1) > NA_REASON_WORDS:
        return False, ""  # "None of the outputs are stored ..." is an answer, not N/A
    return True, rest


_UNCHECKED: Final = ("[ ]", "\u2610")  # a checklist item still to do: "- [ ] Who owns it?"


@lru_cache(maxsize=4096)  # a block's, asked by `unsaid` and again when its section is judged
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
    return stripped[: len("question:")].lower().startswith(("q:", "question:", "open:"))


_SENTENCE_END: Final = lazy(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    """The sentences (or lines) of a block, for checks that need two things said together."""
    return _SENTENCE_END.split(text)


_PUNCTUATION: Final = "-|*_#>`~:;,.!?()[]{}\"'\u2014\u2013"


def word_count(text: str, limit: int | None = None) -> int:
    """Whitespace-separated words, not counting bare punctuation (fast: no regex); stops
    counting at `limit` when one is given."""
    if limit is None or limit < 1:
        tokens = text.split()
    else:
        # most texts reach the limit in their first tokens: one match tells (cheaper than a
        # split and a strip of each token), and the count goes on only when bare punctuation
        # stands among them or the text is shorter
        if _words(limit).match(text):
            return limit
        head = text.split(None, limit)
        tokens = head if len(head) <= limit else text.split()
    count = 0
    for token in tokens:
        if token.strip(_PUNCTUATION):
            count += 1
            if count == limit:
                break
    return count


# a token that holds something besides bare punctuation, to its end (what word_count counts)
_WORD: Final = rf"[{re.escape(_PUNCTUATION)}]*+[^\s{re.escape(_PUNCTUATION)}]\S*+"


@cache
def _words(count: int) -> LazyPattern:
    """A pattern that matches where a text opens with `count` words: white space, then
    tokens that each hold a character other than bare punctuation. Possessive, so linear."""
    repeat = rf"(?:{_WORD}\s++){{{count - 1}}}" if count > 1 else ""
    return lazy(rf"\s*+{repeat}{_WORD}")


def has_number(text: str) -> bool:
    """Whether the text has a digit: in ASCII text, ten substring tests (C loops over the text,
    several times faster than a regex search that finds none); else `\\d`'s every digit."""
    if text.isascii():
        for digit in "0123456789":  # noqa: SIM110 - any() over a generator costs more than the tests
            if digit in text:
                return True
        return False
    return _NUMBER.search(text) is not None


def strip_comments(text: str) -> str:
    return _COMMENT.sub(" ", text) if "<!--" in text else text
