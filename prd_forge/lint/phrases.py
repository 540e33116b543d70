"""Finding every concern's evidence phrases in the blocks of a document, in one pass.

A concern's evidence is one pattern, `\\b(?:alt1|alt2|...)\\b`, and what lint needs is, for each
block, what `pattern.findall` finds in the block lower-cased (line breaks read as spaces).
Running each concern's pattern over each block was most of lint's analysis: Python's regex
engine enters a match attempt at every position, and tries every alternative there.

Almost every alternative starts with a word character, so where it matches a word starts. One
pattern, the union of all alternatives grouped by first character (lint/regex_source.py),
finds in one C-level pass over the document the word starts where some alternative matches;
the document is its blocks joined by line breaks, each preceded by one, so every word start
follows a non-word character. Only at those places is a concern's own pattern tried (`match`,
bounded by the block's end so nothing crosses into the next block), for the concerns with an
alternative that can start with that character, skipping what an earlier match of the same
concern consumed in the block: what `findall` gives, since a match can start nowhere else.
An alternative that starts with plain non-word text ("→") is found with `str.find`; a concern
with one that starts otherwise, or that reads text around its match (anchors, lookarounds),
is left to `findall` on each block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint import regex_source
from prd_forge.lint._programs import code_checksum, kept, stored
from prd_forge.lint._re import LazyPattern, lazy
from prd_forge.lint.regex_source import literal_prefix, literal_prefixes

if TYPE_CHECKING:
    from typing import Any, Final

__all__ = ["Evidence", "Scanner", "evidence", "literal_prefix", "literal_prefixes"]

_KEY: Final = 4  # characters of a place that choose the concerns tried there
# grouping by the first three characters: the engine then tries only the few branches that
# share them at a place (on the benchmark corpus the union's scan takes about 0.85x the CPU of
# grouping by two, and two about two thirds of one); deeper scans no faster, and compiles slower
_TRIE_DEPTH: Final = 3
# characters scanned with findall before the union pattern is built: reading every concern's
# alternatives (about 35 ms) and compiling the union (3 ms from its kept program, 120 ms when
# compiled afresh) costs more than findall on one small file, and far less than on a corpus
_WARM: Final = 60_000
# \W in ASCII text: every ASCII character but [0-9A-Za-z_]
ASCII_NON_WORD: Final = r"[\x00-/:-@\[-^`{-\x7f]"
Found = list[tuple[str, list[str]]]  # per text: (concern, what findall finds), in entry order


class Reading(NamedTuple):
    """Where the matches of one concern's evidence pattern can start.

    starts: what its word-led alternatives start with: their first `_KEY` characters, or fewer
        where what follows is not plain text.
    word, digit: it has an alternative led by \\w, or by \\d.
    led: its word-led alternatives, as the union pattern takes them.
    found_by: plain texts not led by a word character, found with `str.find`.
    plain: every alternative is word-led or starts with plain text, and none reads text around
        its match: one pass finds it. Otherwise `findall` runs on each text.
    """

    starts: frozenset[str]
    word: bool
    digit: bool
    led: tuple[str, ...]
    found_by: tuple[str, ...]
    plain: bool

    def may_start(self, key: str) -> bool:
        """Whether a match may start with `key` (the next `_KEY` characters of the text)."""
        if self.word or (self.digit and key[:1].isdecimal()):
            return True
        return any(key[:length] in self.starts for length in range(1, _KEY + 1))


class Evidence:
    """One concern's evidence pattern, `\\b(?:alt1|alt2|...)\\b`, and (`reading`) where its
    matches can start. Only the one pass past `_WARM` characters needs the reading, and reading
    every concern's alternatives costs more than linting one small file: it is read on first
    use."""

    __slots__ = ("_reading", "alternatives", "concern", "pattern")

    def __init__(self, concern: str, alternatives: Iterable[str]) -> None:
        self.concern = concern
        self.alternatives = tuple(alternatives)
        self.pattern = lazy(r"\b(?:" + "|".join(self.alternatives) + r")\b")
        self._reading: Reading | None = None

    @property
    def reading(self) -> Reading:
        if self._reading is None:
            self._reading = _read(self.alternatives)
        return self._reading

    def read_as(self, reading: Reading) -> None:
        """Take the reading of these alternatives that an earlier run kept."""
        self._reading = reading


def _code() -> str:
    """What identifies the code that reads alternatives: this module's and regex_source's
    text, by checksum ("" when they cannot be read: nothing is then kept)."""
    return code_checksum(__file__, regex_source.__file__)


def evidence(concern: str, alternatives: Iterable[str]) -> Evidence:
    """One concern's evidence, `\\b(?:alt1|alt2|...)\\b`."""
    return Evidence(concern, alternatives)


def _read(alternatives: tuple[str, ...]) -> Reading:
    """Where each alternative can start."""
    starts: set[str] = set()
    led: list[str] = []
    found_by: set[str] = set()
    plain = True
    for alternative in alternatives:
        pairs = regex_source.heads(alternative)
        if regex_source.contextual(alternative):
            plain = False
        elif all(regex_source.word_led(head, tail) for head, tail in pairs):
            for head, tail in pairs:
                starts.update(_starts(tail, _KEY - 1, head) if head else [tail[:2]])
            led.append(alternative)
        elif all(literal_prefixes(alternative)):
            found_by.update(literal_prefixes(alternative))
        else:
            plain = False
    return Reading(
        frozenset(start for start in starts if not start.startswith("\\")),
        "\\w" in starts,
        "\\d" in starts,
        tuple(led),
        tuple(sorted(found_by)),
        plain,
    )


def _starts(source: str, depth: int, head: str) -> set[str]:
    """`head` and the plain text, up to `depth` characters, that a match of `source` starts
    with: every text a match of head + source can start with begins with one of them."""
    if depth == 0 or not source:
        return {head}
    found: set[str] = set()
    for first, tail in regex_source.heads(source):
        found.update(_starts(tail, depth - 1, head + first) if first else [head])
    return found


class Scanner:
    """The evidence of several concerns, found in a document's blocks in one pass."""

    def __init__(self, entries: Iterable[Evidence]) -> None:
        self.entries = tuple(entries)
        # the union pattern, for any text and for ASCII text; built when first needed
        self._union: tuple[LazyPattern | None, LazyPattern | None] | None = None
        self._trie: str | None = None  # the union's alternatives, when read
        self._by_key: dict[str, tuple[int, ...]] = {}
        self._match: list[Callable[[str, int, int], re.Match[str] | None]] | None = None
        self._scanned = 0  # characters scanned so far, up to _WARM
        self._cheap: bool | None = None  # whether an earlier run kept the reading
        self._compiled: dict[
            bool, bool
        ] = {}  # by ASCII or not: whether the union's program was kept

    def scan(
        self, text: str, wanted: Container[str] | None = None
    ) -> Iterator[tuple[str, list[str]]]:
        """The concerns (of `wanted`, or all) whose evidence occurs in `text`, in the order of
        the entries, each with what `pattern.findall` finds in the text lower-cased, line
        breaks read as spaces; none found, none yielded."""
        return iter(self.scan_all([text], wanted)[0])

    def scan_all(self, texts: Sequence[str], wanted: Container[str] | None = None) -> list[Found]:
        """`scan` of each text, in one pass over them all."""
        lowered = [text.lower().replace("\n", " ") for text in texts]
        chosen = [
            number
            for number, entry in enumerate(self.entries)
            if wanted is None or entry.concern in wanted
        ]
        found: list[dict[int, list[str]]] = [{} for _ in texts]
        if self._scanned < _WARM:
            self._scanned += sum(len(text) for text in lowered)
        warm = self._scanned >= _WARM or self._kept(all(text.isascii() for text in lowered))
        if warm:
            self._read_all()
        plain = frozenset(n for n in chosen if warm and self.entries[n].reading.plain)
        redo = self._scan_plain(lowered, plain, found)
        for number in chosen:
            for index in range(len(lowered)) if number not in plain else ():
                redo.add((number, index))
        for number, index in redo:
            hits = self.entries[number].pattern.findall(lowered[index])
            if hits:
                found[index][number] = hits
            else:
                found[index].pop(number, None)
        return [[(self.entries[n].concern, hits) for n, hits in sorted(f.items())] for f in found]

    def _kept(self, ascii: bool) -> bool:
        """Whether an earlier run kept both the reading and the program of the union that
        `ascii` text needs: the one pass then costs two file reads, less than findall on even
        one small file."""
        if self._cheap is None:
            code = _code()
            found = stored("evidence-readings", f"{code}\0{self._key()}") if code else None
            if found is not None:
                self._take(*found)
            self._cheap = found is not None
        if not self._cheap:
            return False
        kept_union = self._compiled.get(ascii)
        if kept_union is None:
            union = self._starts(ascii)
            kept_union = self._compiled[ascii] = union is not None and union.compile_if_kept()
        return kept_union

    def warm(self) -> None:
        """Build and compile the union pattern now, as for a corpus: in a process about to fork
        workers, so that each inherits it instead of building its own (about 0.25 s each). The
        one for ASCII text, as most documents are: a worker compiles the other if it needs it."""
        self._scanned = _WARM
        union = self._starts(ascii=True)
        if union is not None:
            union.compile()
        self._matchers()

    def _scan_plain(
        self, lowered: Sequence[str], chosen: frozenset[int], found: list[dict[int, list[str]]]
    ) -> set[tuple[int, int]]:
        """Fill `found` for the `chosen` plain entries; the (entry, text) pairs where a match was
        empty, for `findall` to redo."""
        redo: set[tuple[int, int]] = set()
        if not chosen:
            return redo
        joined = "\n" + "\n".join(lowered)
        starts: list[int] = []
        at = 1
        for text in lowered:
            starts.append(at)
            at += len(text) + 1
        places = self._places(joined, chosen)
        matchers = self._matchers()
        ends = [0] * len(self.entries)
        index = -1
        stop = 0
        for place, numbers in places:
            if place > stop:  # past the end of the current text: find the one it is in
                index = bisect.bisect_right(starts, place) - 1
                stop = starts[index] + len(lowered[index])
            for number in numbers:
                if place < ends[number] or number not in chosen:
                    continue
                match = matchers[number](joined, place, stop)
                if match is None:
                    continue
                end = ends[number] = match.end()
                if end == place:  # an empty match: findall's own stepping rules apply
                    redo.add((number, index))
                found[index].setdefault(number, []).append(match.group())
        return redo

    def _places(self, joined: str, chosen: frozenset[int]) -> list[tuple[int, tuple[int, ...]]]:
        """Where some chosen entry may match, in order, with the entries that may match there."""
        places: list[tuple[int, tuple[int, ...]]] = []
        union = self._starts(joined.isascii())
        if union is not None:
            known = self._by_key.get
            ends = [m.end() for m in union.finditer(joined)]
            places = [
                (end, known(joined[end : end + _KEY]) or self._at(joined[end : end + _KEY]))
                for end in ends
            ]
        extra: dict[int, list[int]] = {}
        for number in chosen:
            for prefix in self.entries[number].reading.found_by:
                at = joined.find(prefix)
                while at >= 0:
                    extra.setdefault(at, []).append(number)
                    at = joined.find(prefix, at + 1)
        if extra:
            for place, numbers in places:
                extra.setdefault(place, []).extend(numbers)
            return [(place, tuple(extra[place])) for place in sorted(extra)]
        return places

    def _starts(self, ascii: bool = False) -> LazyPattern | None:
        """A non-word character, then (not consumed) a word start where some alternative
        matches; None when no alternative starts with a word character. For `ascii` text the
        non-word character is a class of ASCII characters, which the engine scans for several
        times faster than it tests `\\W` at every position."""
        if self._union is None:
            trie = self._read_all()
            ahead = r"(?=(?:" + trie + r")\b)"
            self._union = (
                (lazy(r"\W" + ahead), lazy(ASCII_NON_WORD + ahead)) if trie else (None, None)
            )
        return self._union[ascii]

    def _read_all(self) -> str:
        """Read every entry's alternatives (their readings), and return the union's trie of
        the word-led ones. Reading them costs about 40 ms, so what a run read is kept for the
        next (lint/_programs.py), under a key made of the alternatives and this code."""
        if self._trie is None:
            code = _code()
            if code:
                self._take(*kept("evidence-readings", f"{code}\0{self._key()}", self._compute))
            else:
                self._take(*self._compute())
        assert self._trie is not None
        return self._trie

    def _key(self) -> str:
        return "\0".join(["\1".join(entry.alternatives) for entry in self.entries])

    def _take(self, rows: list[tuple[Any, ...]], trie: str) -> None:
        self._trie = trie
        for entry, row in zip(self.entries, rows, strict=True):
            entry.read_as(Reading(*row))

    def _compute(self) -> tuple[list[tuple[object, ...]], str]:
        readings = [_read(entry.alternatives) for entry in self.entries]
        led = [source for reading in readings if reading.plain for source in reading.led]
        return [tuple(reading) for reading in readings], regex_source.trie(led, _TRIE_DEPTH)

    def _matchers(self) -> list[Callable[[str, int, int], re.Match[str] | None]]:
        """Each entry's pattern's `match`, compiled on first use."""
        if self._match is None:
            self._match = [entry.pattern.compiled.match for entry in self.entries]
        return self._match

    def _at(self, key: str) -> tuple[int, ...]:
        """The plain entries with an alternative that may start with `key`."""
        numbers = self._by_key.get(key)
        if numbers is None:
            numbers = tuple(
                number
                for number, entry in enumerate(self.entries)
                if entry.reading.plain and entry.reading.may_start(key)
            )
            self._by_key[key] = numbers
        return numbers
