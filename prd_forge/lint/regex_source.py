"""Reading the source of a simple regular expression: where its matches can start.

The evidence scanner (lint/phrases.py) needs to know, without running a pattern, which text a
match of it must start with. These functions read the source text of the patterns concerns
declare (literals, `(?:...)` groups, `|`, quantifiers, escapes and character classes) and answer
conservatively: when a construct is not understood, the answer admits more than the pattern can
match, never less.
"""

from __future__ import annotations

import re

from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Final

_META: Final = frozenset("\\()[]?*+{}|.^$")
_QUANTIFIERS: Final = ("?", "*", "+", "{")
_WORD_CHAR: Final = re.compile(r"\w")
# what makes a pattern's match depend on the text beyond its own start and end: anchors,
# lookarounds, back-references, capturing or flagged groups
_CONTEXTUAL: Final = re.compile(r"[$^]|\\[AZzGg1-9]|\((?!\?:)")
# the source read as `_skip` reads it, a token at a time: an escape, a character class, a
# parenthesis or "|", or a run of anything else (in C: the loops over these are per token)
_TOKEN: Final = re.compile(r"\\.?|\[\^?.?(?:\\.?|[^\]\\])*\]?|[()|]|[^\\\[()|]+", re.DOTALL)


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
    branches = top_level(alternative)
    if len(branches) > 1:
        return frozenset(prefix for branch in branches for prefix in literal_prefixes(branch))
    if not alternative.startswith("(?:"):
        return frozenset({literal_prefix(alternative)})
    close = _closing(alternative)
    if close is None or alternative[close + 1 : close + 2] in ("?", "*", "{"):
        return frozenset({""})
    return literal_prefixes(alternative[3:close])


def heads(source: str) -> list[tuple[str, str]]:
    """`source` as a union of (head, tail): a plain first character and the pattern after it;
    ("", part) for a part that starts otherwise. Leading groups are opened ("(?:a|the )?model"
    is "a model", "the model" or "model"), so the union may match more than `source` (where a
    group is atomic or possessive), never less."""
    branches = top_level(source)
    if len(branches) > 1:
        return [pair for branch in branches for pair in heads(branch)]
    if source.startswith("(?:"):
        close = _closing(source)
        if close is not None:
            opened = _opened(source[3:close], source[close + 1 :])
            if opened is not None:
                return opened
        return [("", source)]
    if source and source[0] not in _META and not source[1:2].startswith(_QUANTIFIERS):
        return [(source[0], source[1:])]
    return [("", source)]


def _opened(inner: str, after: str) -> list[tuple[str, str]] | None:
    """The heads of "(?:inner)after", the group opened, its branches grouped by first
    character so that `after` is written once per character, not once per branch; None where
    that is not simple."""
    tail = after
    optional = after[:1] == "?"
    if optional:
        tail = after[2:] if after[1:2] in ("?", "+") else after[1:]
        if not tail:
            return None  # the whole may match nothing
    elif after[:1] in _QUANTIFIERS:
        return None
    grouped: dict[str, list[str]] = {}
    others: list[tuple[str, str]] = []
    for branch in top_level(inner):
        for head, rest in heads(branch):
            if head:
                grouped.setdefault(head, []).append(rest)
            else:
                others.append(("", "(?:" + rest + ")" + tail))
    pairs = [(head, "(?:" + "|".join(rests) + ")" + tail) for head, rests in grouped.items()]
    return [*pairs, *others, *heads(tail)] if optional else [*pairs, *others]


def word_led(head: str, tail: str) -> bool:
    """Whether every match of head + tail starts with a word character (so, after the leading
    `\\b` of an evidence pattern, where a word starts)."""
    if head:
        return _WORD_CHAR.match(head) is not None
    return tail.startswith(("\\d", "\\w")) and not tail[2:3].startswith(("?", "*", "{"))


def contextual(source: str) -> bool:
    """Whether a match of `source` may depend on text before its start or after its end (an
    anchor, lookaround or back-reference), or it has groups of its own: then it must be matched
    against each text on its own."""
    index = 0
    while index < len(source):
        if source[index] in "\\([$^" and _CONTEXTUAL.match(source, index):
            return True
        index = _skip(source, index)
    return False


def trie(sources: list[str], depth: int) -> str:
    """One pattern that matches where any of `sources` matches, grouped by first character so
    the regex engine tries only the branches that can start there."""
    if len(sources) < 2 or depth == 0:
        return "|".join(sources)
    groups: dict[str, list[str]] = {}
    led: dict[str, list[str]] = {}  # by a leading class or escape ("\\d")
    rest: list[str] = []
    for source in sources:
        for head, tail in heads(source) if source else [("", source)]:
            if head:
                groups.setdefault(head, []).append(tail)
            elif (split := _class_head(tail)) is not None:
                led.setdefault(split[0], []).append(split[1])
            else:
                rest.append(tail)
    branches = [
        re.escape(head) + "(?:" + trie(tails, depth - 1) + ")" for head, tails in groups.items()
    ]
    branches += [head + "(?:" + trie(tails, depth - 1) + ")" for head, tails in led.items()]
    return "|".join([*branches, *rest])


def _class_head(source: str) -> tuple[str, str] | None:
    """`source` as a character class or a one-character escape ("\\d", "[a-z]", "\\.") and the
    pattern after it, when it starts with one, once ("\\d[.,]") or once or more ("\\d+" is
    "\\d" then "\\d*"). A branch that starts so is one the regex engine skips at a glance
    where the class does not match; one that opens with a repeat it must enter, at every place
    it tries."""
    if source.startswith("\\"):
        escaped = source[1:2]
        if not escaped or (escaped.isalnum() and escaped not in "dwsDWS"):
            return None  # an anchor, a reference, a character by its code: not simple
    elif not source.startswith("["):
        return None
    end = _skip(source, 0)
    head, after = source[:end], source[end:]
    if after[:1] == "+":
        return head, head + "*" + after[1:]
    if after[:1] in _QUANTIFIERS:
        return None
    return head, after


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


def end_of(source: str, index: int) -> int:
    """The index just past the group, character class, escape or character at `index`."""
    if source[index] != "(":
        return _skip(source, index)
    close = _closing(source[index:])
    return len(source) if close is None else index + close + 1


def top_level(source: str) -> list[str]:
    """`source` cut at its top-level "|"."""
    if "|" not in source:
        return [source]
    branches: list[str] = []
    depth = start = 0
    for token in _TOKEN.finditer(source):
        char = token[0]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(source[start : token.start()])
            start = token.end()
    return [*branches, source[start:]]


def _closing(source: str) -> int | None:
    """The index of the ")" closing the group that opens `source`."""
    depth = 0
    for token in _TOKEN.finditer(source):
        char = token[0]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return token.start()
    return None


def cut(source: str, length: int) -> tuple[str, bool]:
    """The first atoms of `source` (at least `length` characters of its source, each with its
    quantifier), and whether anything was cut: a pattern that matches wherever `source`
    matches, and more."""
    branches = top_level(source)
    if len(branches) > 1:
        parts = [cut(branch, length) for branch in branches]
        return "|".join(part for part, _ in parts), any(was for _, was in parts)
    index = 0
    while index < len(source) and index < length:
        end = _closing(source[index:]) if source[index] == "(" else _skip(source, index) - 1
        if end is None:
            return source, False
        end = (index + end if source[index] == "(" else end) + 1
        while end < len(source) and source[end] in "?*+{":
            end = source.index("}", end) + 1 if source[end] == "{" else end + 1
        index = end
    return source[:index], index < len(source)
