"""Heading words to concern ids, the way a reader matches them.

"3.2 Risks & Mitigations 🚧", "RISKS AND MITIGATIONS:" and "risk and mitigation" all normalise
to the same words, so one alias covers every house style. Matching finds aliases as whole-word
phrases anywhere in the heading and keeps the longest ones, so "Launch criteria" is evaluation
(not rollout, which owns "launch") and "Fallbacks and monitoring" is both. A phrase inside a
longer one still counts when the longer one is a conjunction: "Risks and mitigations" names
error cost and, through "mitigations", fallbacks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint._programs import code_checksum, kept
from prd_forge.lint._re import lazy

if TYPE_CHECKING:
    from typing import Final

# "3.2", "III.", "A)", "Section 4 -", "Step 2:" before the words of a heading
_NUMBERING: Final = lazy(
    r"^(?:(?:section|part|step|chapter|appendix)\s+)?"
    r"(?:\d+(?:\.\d+)*\.?|[ivxlc]{1,6}[.)]|[a-z][.)])[\s:\-.)]*",
    re.IGNORECASE,
)
_WORD: Final = lazy(r"[a-z0-9]+")
_SPELLING: Final = {
    "behaviour": "behavior",
    "behaviours": "behavior",
    "labelling": "labeling",
    "modelling": "modeling",
    "organisation": "organization",
}


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The comparable words of a heading or alias: lower case, no numbering, no punctuation
    or emoji, "&" read as "and", simple plurals folded."""
    text = _NUMBERING.sub("", text.strip().lower().replace("&", " and "), count=1)
    text = text.replace("'", "").replace("\u2019", "")
    return tuple(_fold(word) for word in _WORD.findall(text))


def _fold(word: str) -> str:
    word = _SPELLING.get(word, word)
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class AliasIndex(NamedTuple):
    """Aliases by their first word, longest first; `fallback` is tried when nothing matches."""

    by_first: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    fallback: AliasIndex | None = None

    def match(self, heading: str) -> tuple[str, ...]:
        """The concern ids a heading names, in order of appearance, longest phrases winning."""
        strong, weak = self.match_strength(heading)
        return (*strong, *weak)

    def match_strength(self, heading: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The concern ids a heading names by a strong name (this index), and those it names
        only by a weak word (the fallback index): those need evidence in the body."""
        tokens = words(heading)
        strong = self._match(tokens)
        if self.fallback is None:
            return strong, ()
        weak = tuple(c for c in self.fallback._match(tokens) if c not in strong)
        return strong, weak

    def _match(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        # at most one span (the longest phrase) starts at each token, so a span can only sit
        # inside one that starts at most `longest` tokens earlier: linear in the heading
        spans: dict[int, tuple[int, str]] = {}
        longest = 0
        for start, token in enumerate(tokens):
            for phrase, concern in self.by_first.get(token, ()):
                if tokens[start : start + len(phrase)] == phrase:
                    spans[start] = (start + len(phrase), concern)
                    longest = max(longest, len(phrase))
                    break
        kept: list[str] = []
        for start, (end, concern) in spans.items():
            if concern not in kept and not _inside(tokens, spans, start, end, longest):
                kept.append(concern)
        return tuple(kept)


def _inside(
    tokens: tuple[str, ...],
    spans: Mapping[int, tuple[int, str]],
    start: int,
    end: int,
    longest: int,
) -> bool:
    """Whether a longer phrase without "and" holds the span from `start` to `end`."""
    for s in range(max(0, start - longest), start + 1):
        found = spans.get(s)
        if found is None:
            continue
        e = found[0]
        if end <= e and (e - s) > (end - start) and "and" not in tokens[s:e]:
            return True
    return False


Aliases = Sequence[tuple[str, Sequence[str]]]  # (concern id, its title and aliases) pairs


def build_index(aliases: Aliases, fallback: Aliases = ()) -> AliasIndex:
    """An index of the (concern id, names) pairs, with an index of `fallback`'s pairs tried
    when none matches. Reading every alias costs a few ms, so an earlier run's index is kept
    (lint/_programs.py), under a key made of the aliases and this module's code."""
    code = code_checksum(__file__)
    if not code:
        return _index(_by_first(aliases), _by_first(fallback))
    key = f"{code}\0{aliases!r}\0{fallback!r}"
    return _index(*kept("alias-index", key, lambda: (_by_first(aliases), _by_first(fallback))))


def _index(by_first: _ByFirst, fallback: _ByFirst) -> AliasIndex:
    return AliasIndex(by_first, AliasIndex(fallback) if fallback else None)


_ByFirst = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def _by_first(aliases: Aliases) -> _ByFirst:
    """Each alias's words, by their first word, longest first."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for concern, names in aliases:
        for name in names:
            phrase = words(name)
            if phrase:
                by_first.setdefault(phrase[0], []).append((phrase, concern))
    return {
        first: tuple(sorted(set(entries), key=lambda entry: -len(entry[0])))
        for first, entries in by_first.items()
    }
