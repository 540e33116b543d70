"""Substrings every match of a case-insensitive pattern must contain: a cheap, exact prefilter.

A whole-text regex search with re.IGNORECASE costs about 0.1 µs a character even when nothing
matches, while `in` on a lower-cased copy is a memchr-speed scan. For a pattern that is an
alternation, each alternative's longest run of literal characters that every match of it must
contain is a needle; when no needle occurs in the folded text, the pattern cannot match there
and its search is skipped. An alternative with no such run (it starts with a class, a group or
an escape and has no literal later) makes the pattern's needles None: always search.
"""

from __future__ import annotations

import re

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint._programs import compile_pattern
from prd_forge.lint._re import fold, lazy
from prd_forge.lint.regex_source import end_of, top_level

if TYPE_CHECKING:
    from typing import Final

_META: Final = frozenset("\\()[]{}.^$|?*+")
_OPTIONAL: Final = frozenset("?*{")
_INLINE_FLAGS: Final = lazy(r"\(\?[aiLmsux-]")
_HEX_DIGITS: Final = {"x": 2, "u": 4, "U": 8}
_LONG_ENOUGH: Final = 8  # a needle this long is rare enough; beyond it, fewer needles win
_CLASS_CHARS: Final = 4  # a larger class ends a run
_VARIANTS: Final = 8  # spelling out classes stops at this many variants of a run


def _escape_end(source: str, index: int) -> int:
    """The index just past the character or escape at `index` ("\\x41", "\\u00e9", "\\N{...}",
    "\\12", "{2,3}" are one item each)."""
    if source[index] == "{":  # a repeat count, "{2,3}"
        return source.find("}", index) + 1 or len(source)
    if source[index] != "\\":
        return index + 1
    kind = source[index + 1 : index + 2]
    if kind == "N":
        return source.find("}", index) + 1 or len(source)
    if kind.isdigit():
        digits = index + 2
        while digits < min(len(source), index + 4) and source[digits].isdigit():
            digits += 1
        return digits
    return index + 2 + _HEX_DIGITS.get(kind, 0)


def _chars(body: str) -> str | None:
    """The characters of a small class without ranges or escapes ("- ", "sz"), else None."""
    plain = body and "\\" not in body and body[0] != "^" and "-" not in body[1:-1]
    return body if plain and len(body) <= _CLASS_CHARS else None


def _required(alternative: str) -> tuple[str, ...]:
    """The needle set with the longest shortest needle among the alternative's required parts:
    its runs of literal characters (a small class spelled out: "red[- ]team" is "red-team" or
    "red team") and its groups that no quantifier makes optional."""
    choices: list[tuple[str, ...]] = []
    run: tuple[str, ...] = ("",)
    index = 0
    while index < len(alternative):
        char = alternative[index]
        end = end_of(alternative, index) if char in "([" else _escape_end(alternative, index)
        optional = alternative[end : end + 1] in _OPTIONAL
        body = alternative[index + 1 : end - 1]
        spelled = _chars(body) if char == "[" and not optional else None
        if char not in _META and not optional:
            run = tuple(variant + char for variant in run)
        elif spelled and len(run) * len(spelled) <= _VARIANTS:
            choices.append(run)
            run = tuple(variant + one for variant in run for one in spelled)
        else:
            choices.append(run)
            run = ("",)
            if char == "(" and not optional and (body.startswith("?:") or body[:1] != "?"):
                inner = needles(body.removeprefix("?:"))
                choices += [inner] if inner else []
        index = end
    choices.append(run)
    return max(choices, key=_worth)


def _worth(needles: tuple[str, ...]) -> tuple[int, int]:
    """Longer needles first (up to a length that is rare enough), then fewer of them."""
    return min(_LONG_ENOUGH, *(len(needle) for needle in needles)), -len(needles)


def needles(source: str) -> tuple[str, ...] | None:
    """Lower-case substrings of which every match of `source` (re.IGNORECASE) contains one, or
    None when some alternative has none to offer (or inline flags could change what its
    characters mean). Not for a pattern compiled with re.VERBOSE."""
    if _INLINE_FLAGS.search(source):
        return None
    found = tuple(n.lower() for part in top_level(source) for n in _required(part))
    if not all(found) or not all(needle.isascii() for needle in found):
        return None
    # A needle that contains another is found whenever that one is: leave it out.
    return tuple(n for n in dict.fromkeys(found) if not any(o != n and o in n for o in found))


class Prefilter:
    """A case-insensitive pattern, searched only when one of its needles is in the text
    (pattern and needles made on first use)."""

    __slots__ = ("_needles", "_pattern", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._pattern: re.Pattern[str] | None = None
        self._needles: tuple[str, ...] | None = None

    def search(self, text: str) -> re.Match[str] | None:
        if self._pattern is None:
            self._needles = needles(self._source)
            self._pattern = compile_pattern(self._source, re.IGNORECASE)
        if self._needles is not None:
            folded = fold(text)
            if not any(needle in folded for needle in self._needles):
                return None
        return self._pattern.search(text)


class Words:
    """`\\b(?:one|two|...)\\b` for whole words of lower-case ASCII letters, searched in folded
    text (`_re.fold`: there it matches where re.IGNORECASE matches the text) without a regular
    expression: each occurrence of a word is checked for a word character on either side. A
    pattern that opens with `\\b` is tried at every position of the text; `find` is a C loop."""

    __slots__ = ("words",)

    def __init__(self, *words: str) -> None:
        if not all(word.isascii() and word.isalpha() and word.islower() for word in words):
            raise ValueError(f"not lower-case ASCII words: {words!r}")
        self.words = words

    def occur_in(self, folded: str) -> bool:
        """Whether one of the words stands in `folded` with no word character (what `\\w`
        matches: a letter, a digit or "_") just before or after it."""
        for word in self.words:
            at = folded.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not _is_word(folded[at - 1])) and (
                    end == len(folded) or not _is_word(folded[end])
                ):
                    return True
                at = folded.find(word, at + 1)
        return False


def _is_word(char: str) -> bool:
    """Whether `\\w` matches the character (str patterns: Unicode alphanumerics and "_")."""
    return char.isalnum() or char == "_"
