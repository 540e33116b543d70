"""Searching a pattern whose every match starts a word, without trying it at every position.

Python's regex engine skips ahead to where a pattern can start by its literal prefix or the set
of its first characters; a pattern led by `\\b` has neither (`re` gives up on a leading anchor),
so the engine enters it at every position of the text. When each alternative after the `\\b`
starts with a word character, a match can start only just after a non-word character, or at the
text's start, and the text there starts with one of the plain texts the alternatives start with.
One scan, a space and then (not consumed) one of those texts, over the text read as ASCII with
every character but a word character read as a space, finds at C speed the places where some
alternative may match (a few more, never fewer); only there is the pattern itself `match`ed,
skipping what the previous match consumed. That gives exactly the matches `finditer` gives,
since a match can start nowhere else and is never empty (lint/phrases.py does the like for the
concerns' evidence). A pattern of another shape is searched as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import regex_source
from prd_forge.lint._programs import code_checksum, compile_pattern, kept

if TYPE_CHECKING:
    from typing import Final, Literal

# spelt out: importing `string` compiles its Template class's pattern at every start
_ASCII_WORD: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
# ASCII text in which every character but an ASCII word character reads as a space ("?", what
# `encode` writes for a character that is not ASCII, too): a word start follows a space
_SPACES: Final = {point: " " for point in range(128) if chr(point) not in _ASCII_WORD}
# Texts shorter than this are searched plainly: the one pass and the Python loop after it cost
# more than the engine's attempt at each position of a short text.
SHORT: Final = 160
_DEPTH: Final = 8  # characters of an alternative's start that choose the places
_TRIE_DEPTH: Final = 3
_PIECE: Final = 4096  # characters of text read at a time


def alternatives(source: str) -> list[str] | None:
    """What follows the `\\b` of each top-level alternative of `source`, when every one is
    `\\b` and then something that starts with a word character and reads no text before its
    start (no anchor, lookaround, group of its own or back-reference); else None."""
    branches = regex_source.top_level(source)
    for branch in branches:
        rest = branch[2:]
        if not branch.startswith("\\b") or not rest or regex_source.contextual(rest):
            return None
        if not all(regex_source.word_led(head, tail) for head, tail in regex_source.heads(rest)):
            return None
    return [branch[2:] for branch in branches]


def starts(source: str, depth: int = _DEPTH, head: str = "") -> set[str]:
    """`head` and then the plain text, up to `depth` characters, that a match of `source`
    starts with: every match of head + source starts with one of them ("" for any text)."""
    if depth == 0 or not source:
        return {head}
    found: set[str] = set()
    for first, tail in regex_source.heads(source):
        found |= starts(tail, depth - 1, head + first) if first else {head}
    return found


def _spaced(text: str) -> str:
    """`text` as the places are looked for in it: each character that is not an ASCII word
    character read as a space."""
    return text.encode("ascii", "replace").decode("ascii").translate(_SPACES)


def scanner(source: str, flags: int = 0) -> str:
    """The scan that finds the places where a match of `source` may start (see the module);
    "" when `source` is not word-led, or a case-insensitive pattern names a character that is
    not ASCII (which may match an ASCII letter, read as a space in a text that is not ASCII)."""
    rests = alternatives(source)
    if rests is None or (flags & re.IGNORECASE and not source.isascii()):
        return ""
    found = {start for rest in rests for start in starts(rest)}
    if "" in found:
        return " "
    spaced = sorted({_spaced(start) for start in found})  # letters, digits, _ and spaces
    return " (?=" + regex_source.trie(spaced, _TRIE_DEPTH) + ")"


@cache
def _code() -> str:
    return code_checksum(__file__, regex_source.__file__)


def _kept_scanner(source: str, flags: int) -> str:
    """`scanner`, as an earlier run kept it: reading a pattern costs more than searching it."""
    if not _code():
        return scanner(source, flags)
    return str(kept("word-led", f"{_code()}\0{flags}\0{source}", lambda: scanner(source, flags)))


class WordLed:
    """A pattern searched only at the places where it may match, when every match of it starts
    where a word starts (`alternatives`); any other searched as it is. Compiled on first use;
    read on first use on a long text."""

    __slots__ = ("_flags", "_pattern", "_scanner", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self._flags = flags
        self._pattern: re.Pattern[str] | None = None
        self._scanner: re.Pattern[str] | Literal[False] | None = None  # False: not word-led

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            self._pattern = compile_pattern(self.source, self._flags)
        return self._pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What `re.finditer` finds."""
        if len(text) >= SHORT:
            if self._scanner is None:
                found = _kept_scanner(self.source, self._flags)
                flags = self._flags & ~re.VERBOSE  # the scan's spaces are spaces
                self._scanner = compile_pattern(found, flags) if found else False
            if self._scanner and (text.isascii() or not self._flags & re.IGNORECASE):
                return _matches(self.pattern.match, _places(self._scanner, text), text)
        return self.pattern.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        """What `re.search` finds."""
        return next(self.finditer(text), None)


def _places(scan: re.Pattern[str], text: str) -> Iterator[int]:
    """Where a match may start in `text`, in order: after a space in the text read as ASCII
    (`_spaced`, with "\\n" before it: a place's index there is the space's), and before one of
    the texts the alternatives start with. In a text that is not ASCII, a letter that is not
    ASCII reads as a space: a case-insensitive pattern, whose "k" matches the Kelvin sign, is
    searched as it is there. Read a piece at a time, so that a search stopped by an early
    match reads no further."""
    joined = "\n" + text
    for offset in range(0, len(joined), _PIECE):
        # a piece and the next _DEPTH characters, which a place at its end reads
        for found in scan.finditer(_spaced(joined[offset : offset + _PIECE + _DEPTH])):
            if found.start() >= _PIECE:
                break  # the next piece's
            yield offset + found.start()


def _matches(
    match: Callable[[str, int], re.Match[str] | None], places: Iterator[int], text: str
) -> Iterator[re.Match[str]]:
    """The pattern's matches at `places`, each after the previous one's end."""
    end = 0
    for place in places:
        if place >= end:
            found = match(text, place)
            if found is not None:
                end = found.end()
                yield found
