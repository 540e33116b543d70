"""Regular expressions compiled on first use.

Linting one small file must start fast, and compiling the lint path's fifty-odd patterns at
import time costs more than most of them save: a file without tables, placeholders or
confidence talk never needs theirs. A LazyPattern compiles on its first search, from the
program an earlier run kept when there is one (lint/_programs.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint._programs import compile_kept, compile_pattern
from prd_forge.lint.word_led import WordLed

if TYPE_CHECKING:
    from typing import Any, Final

# what LazyPattern takes from the compiled pattern
_METHODS: Final = ("findall", "finditer", "match", "search", "split", "sub")


class LazyPattern:
    """A re.Pattern[str] stand-in that compiles itself when first used.

    Its search methods (`match`, `search`, ...) are the compiled pattern's own bound methods,
    set on first use (`__getattr__` is asked only while they are unset): lint calls them
    about 70,000 times on a corpus, and a method of its own that called the compiled
    pattern's cost about 800 instructions a call more."""

    __slots__ = ("_compiled", "_flags", "_source", *_METHODS)

    # as re.Pattern[str] has them: (string, pos=0, endpos=...) for match and search, etc.
    findall: Callable[..., list[Any]]
    finditer: Callable[..., Iterator[re.Match[str]]]
    match: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]
    split: Callable[..., list[str]]
    sub: Callable[..., str]

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        return self._source

    @property
    def compiled(self) -> re.Pattern[str]:
        return self._compiled if self._compiled is not None else self.compile()

    def compile(self) -> re.Pattern[str]:
        """Compile now, not on first use (in a process about to fork workers, say)."""
        if self._compiled is None:
            self._take(compile_pattern(self._source, self._flags))
        assert self._compiled is not None
        return self._compiled

    def compile_if_kept(self) -> bool:
        """Compile now if an earlier run kept the program; False, compiling nothing, if not."""
        if self._compiled is None:
            compiled = compile_kept(self._source, self._flags)
            if compiled is not None:
                self._take(compiled)
        return self._compiled is not None

    def _take(self, compiled: re.Pattern[str]) -> None:
        self._compiled = compiled
        for name in _METHODS:
            setattr(self, name, getattr(compiled, name))

    def __getattr__(self, name: str) -> Any:
        """A search method asked for before the pattern was compiled: compiled now."""
        if name not in _METHODS:
            raise AttributeError(name)
        return getattr(self.compile(), name)


def lazy(source: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(source, flags)


# Characters re.IGNORECASE matches to an ASCII letter although str.lower() does not give that
# letter alone (dotless i, long s; capital I with dot lowers to two characters).
_FOLD: Final = {0x131: "i", 0x17F: "s", 0x130: "i"}


def fold(text: str) -> str:
    """`text` lower-cased, one character for one, so that an ASCII letter is where
    re.IGNORECASE would match that letter."""
    if not text.isascii() and any(chr(point) in text for point in _FOLD):
        text = text.translate(_FOLD)
    return text.lower()


class Caseless:
    """A pattern searched as re.IGNORECASE searches it, at the cost of a plain search.

    A case-insensitive search costs several times a plain one: the engine folds each character
    it compares. A pattern written in lower case (`lower_case`) matches a text case-insensitively
    exactly where it matches the folded text (`fold`): each of its letters, classes and
    categories accepts a character just when it accepts that character folded (tests/lint/
    test_caseless.py checks every code point). Such a pattern searches the folded text plainly;
    any other keeps re.IGNORECASE.
    """

    __slots__ = ("_folds", "_pattern", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self._folds = lower_case(source) and not flags & ~_PLAIN_FLAGS
        self._pattern = WordLed(source, flags if self._folds else flags | re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        """The first match; its span is the text's own (folding keeps the length), its groups
        are folded."""
        return self._pattern.search(fold(text) if self._folds else text)


_PLAIN_FLAGS: Final = re.MULTILINE | re.DOTALL  # flags that do not change what a letter is
_NAMING_ESCAPES: Final = frozenset("NxUu0123456789")  # escapes that may name a letter
_FLAGGED: Final = lazy(r"\(\?[a-zA-Z]")  # "(?i)", "(?a:...)", "(?P<name>", "(?P=name)"
# What may make a source not lower case: a capital letter (an escape's, "\\S", too) or an
# escape that may name a letter. A source without any is lower case; one with some is read.
_SUSPECT: Final = lazy(r"[A-Z]|\\[NxUu0-9]")
# An escape (its character: "u" alone when four hex digits do not follow) or a capital, the way
# `re` reads a source from left to right, so that "\\\\u" is a backslash and then a "u".
_TOKEN: Final = lazy(r"\\(?:u(?P<hex>[0-9a-fA-F]{4})|(?P<kind>.))|[A-Z]", re.DOTALL)


def lower_case(source: str) -> bool:
    """Whether `source` is ASCII with no upper-case letter but in an escape (\\W, \\S), names
    no letter by an escape (\\u only a character without case), and has no group that sets
    flags or refers back by name ("(?i)", "(?P=...)")."""
    if not source.isascii() or _FLAGGED.search(source):
        return False
    if not _SUSPECT.search(source):
        return True  # no capital, and no escape that may name a letter
    for token in _TOKEN.finditer(source):  # escapes and capitals, in order
        kind = token["kind"]
        if kind is None:  # a capital outside an escape, or "\\u" and four hex digits
            named = chr(int(token["hex"], 16)) if token["hex"] else "A"
            if named.lower() != named.upper():
                return False
        elif kind in _NAMING_ESCAPES:
            return False
    return True
