"""Finding a concern's evidence phrases in a block, without scanning the block once per concern.

A concern's evidence is one pattern, `\\b(?:alt1|alt2|...)\\b`, matched against the lower-cased
text. Letting `findall` try it at every position of every block was most of lint's analysis:
Python's regex engine pays about as much to enter a match attempt at each position as to try
the alternatives there, and the corpus asks 10-15 concerns of each block.

Every alternative starts with a literal text (its prefix: "fall" for "fall(?:s|ing)? ?back"), a
digit, or (rarely) something else. A match starts at a word boundary, so a prefix that starts
with a letter can only match where a word starts, and that word either equals the prefix's
first word (when the prefix goes on past it: "pain" for "pain point") or starts with the prefix.
The words of a block are found once, in one C-level pass, and set operations tell which
concerns can match at all. Only where a prefix occurs is the pattern tried (`match` at that
position), in order, skipping what an earlier match consumed: the same matches `findall` gives,
at a fraction of the cost. A concern with an alternative that starts with something else than
a literal or a digit falls back to `findall`.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from prd_forge.lint._re import LazyPattern, lazy

_WORD: Final = lazy(r"\w+")
_DIGIT_LED: Final = lazy(r"\\d(?![?*{])")  # an alternative whose match starts with a digit
_HEAD: Final = 3  # a one-word prefix is looked up by its first three characters


_META: Final = frozenset("\\()[]?*+{}|.^$")


def literal_prefix(branch: str) -> str:
    """The plain text a branch must start with ("fall" for "fall(?:s|ing)? ?back")."""
    prefix = ""
    for char in branch:
        if char in _META:
            if char in "?*{" and prefix:
                prefix = prefix[:-1]  # the quantifier may make the last letter optional
            break
        prefix += char
    return prefix.lower()


def literal_prefixes(alternative: str) -> frozenset[str]:
    """The plain texts one of which a match of `alternative` must start with: {"can", "must"}
    for "(?:can|must) edit" or "can edit|must edit"; "" (no cheap test) for a branch that
    starts with anything but plain text."""
    branches = _branches(alternative)
    if len(branches) > 1:
        return frozenset(prefix for branch in branches for prefix in literal_prefixes(branch))
    if not alternative.startswith("(?:"):
        return frozenset({literal_prefix(alternative)})
    close = _closing(alternative)
    if close is None or alternative[close + 1 : close + 2] in ("?", "*", "{"):
        return frozenset({""})
    return literal_prefixes(alternative[3:close])


def _skip(source: str, index: int) -> int:
    """The index after the character (or escape, or character class) at `index`."""
    if source[index] == "\\":
        return index + 2
    if source[index] == "[":
        index += 2 if source[index + 1 : index + 2] == "^" else 1
        index += 1  # a "]" first in a class is a plain character
        while index < len(source) and source[index] != "]":
            index += 2 if source[index] == "\\" else 1
    return index + 1


def _branches(source: str) -> list[str]:
    """`source` cut at its top-level "|"."""
    branches: list[str] = []
    depth = start = index = 0
    while index < len(source):
        char = source[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(source[start:index])
            start = index + 1
        index = _skip(source, index)
    return [*branches, source[start:]]


def _closing(source: str) -> int | None:
    """The index of the ")" closing the group that opens `source`."""
    depth = index = 0
    while index < len(source):
        if source[index] == "(":
            depth += 1
        elif source[index] == ")":
            depth -= 1
            if depth == 0:
                return index
        index = _skip(source, index)
    return None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One concern's evidence pattern and what each match must start with.

    keyed: (key, prefix): a match may start where `prefix` occurs only if the block has a word
        equal to `key` (the prefix's first word, when the prefix goes on past it) or starting
        with `key` (the prefix's first two or three characters, when it is one word).
    scattered: prefixes found by substring search alone (one character long, or not starting
        with a letter or digit).
    digits: an alternative starts with a digit: where a word starts with one, it is tried.
    anywhere: an alternative starts with neither a literal nor a digit: `findall` it is.
    """

    concern: str
    pattern: LazyPattern
    keyed: tuple[tuple[str, str], ...]
    scattered: tuple[str, ...]
    digits: bool
    anywhere: bool


def evidence(concern: str, alternatives: Iterable[str]) -> Evidence:
    """One concern's evidence, `\\b(?:alt1|alt2|...)\\b`, and where each alternative can start."""
    alternatives = tuple(alternatives)
    keyed: set[tuple[str, str]] = set()
    scattered: set[str] = set()
    digits = anywhere = False
    for alternative in alternatives:
        for prefix in literal_prefixes(alternative):
            first = _WORD.match(prefix)
            if not prefix:
                led = _DIGIT_LED.match(alternative) is not None
                digits = digits or led
                anywhere = anywhere or not led
            elif first is None or len(prefix) < 2:
                scattered.add(prefix)
            elif first.end() < len(prefix):
                keyed.add((first.group(), prefix))
            else:
                keyed.add((prefix[:_HEAD], prefix))
    return Evidence(
        concern,
        lazy(r"\b(?:" + "|".join(alternatives) + r")\b"),
        tuple(sorted(keyed)),
        tuple(sorted(scattered)),
        digits,
        anywhere,
    )


class Scanner:
    """The evidence of several concerns, indexed by the words a match can start with."""

    def __init__(self, entries: Iterable[Evidence]) -> None:
        self.entries = tuple(entries)
        self._index: dict[str, list[tuple[int, str]]] = {}
        for number, entry in enumerate(self.entries):
            for key, prefix in entry.keyed:
                self._index.setdefault(key, []).append((number, prefix))
        # entries tried whatever the words: scattered prefixes, digits, or no cheap test
        self._always = frozenset(
            number
            for number, entry in enumerate(self.entries)
            if entry.scattered or entry.digits or entry.anywhere
        )

    def scan(
        self, text: str, wanted: Container[str] | None = None
    ) -> Iterator[tuple[str, list[str]]]:
        """The concerns (of `wanted`, or all) whose evidence occurs in `text`, in the order of
        the entries, each with what `pattern.findall` finds in the text lower-cased, line
        breaks read as spaces; none found, none yielded."""
        lowered = text.lower().replace("\n", " ")  # a hard-wrapped phrase is one
        words = set(_WORD.findall(lowered))
        keys = words.union([word[:_HEAD] for word in words], [word[:2] for word in words])
        starts: dict[int, list[str]] = {}
        for key in keys.intersection(self._index):
            for number, prefix in self._index[key]:
                starts.setdefault(number, []).append(prefix)
        numbers: list[str] | None = None
        for number in sorted(self._always.union(starts)):
            entry = self.entries[number]
            if wanted is not None and entry.concern not in wanted:
                continue
            if entry.anywhere:
                found = entry.pattern.findall(lowered)
            else:
                prefixes = starts.get(number, [])
                if entry.digits:
                    if numbers is None:
                        numbers = [word for word in words if word[0].isdecimal()]
                    prefixes = [*prefixes, *numbers]
                found = _at(entry.pattern.compiled, lowered, (*prefixes, *entry.scattered))
            if found:
                yield entry.concern, found


def _at(pattern: re.Pattern[str], lowered: str, prefixes: Iterable[str]) -> list[str]:
    """`pattern.findall(lowered)`, tried only where one of `prefixes` occurs: every match
    starts with one."""
    if pattern.groups:
        return pattern.findall(lowered)
    starts: set[int] = set()
    for prefix in prefixes:
        at = lowered.find(prefix)
        while at >= 0:
            starts.add(at)
            at = lowered.find(prefix, at + 1)
    found: list[str] = []
    end = 0
    for start in sorted(starts):
        if start < end:
            continue
        match = pattern.match(lowered, start)
        if match is not None:
            if match.end() == start:  # an empty match: findall's own stepping rules apply
                return pattern.findall(lowered)
            found.append(match.group())
            end = match.end()
    return found
