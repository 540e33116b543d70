"""LazyPattern: a pattern compiled on first use, searched with the compiled pattern's own
methods."""

from __future__ import annotations

import re

import pytest

from prd_forge.lint._re import lazy


def test_each_method_answers_as_the_compiled_pattern_before_and_after_compiling() -> None:
    source, text = r"\b(a+)b", "x aab ab xaaab"
    expected = re.compile(source)
    for compiled_first in (False, True):
        pattern = lazy(source)
        if compiled_first:
            pattern.compile()
        assert pattern.search(text).span() == expected.search(text).span()  # type: ignore[union-attr]
        assert pattern.search(text, 5).span() == expected.search(text, 5).span()  # type: ignore[union-attr]
        assert pattern.match(text) is None
        assert pattern.match(text, 2).group() == "aab"  # type: ignore[union-attr]
        assert pattern.findall(text) == expected.findall(text)
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]
        assert pattern.split(text) == expected.split(text)
        assert pattern.sub("-", text) == expected.sub("-", text)
        assert pattern.compiled.pattern == source


def test_the_first_search_compiles_and_the_methods_are_then_the_compiled_pattern_s() -> None:
    pattern = lazy("b+", re.IGNORECASE)
    assert pattern.search("aBb").group() == "Bb"  # type: ignore[union-attr]
    assert pattern.compiled.flags & re.IGNORECASE
    assert pattern.match == pattern.compiled.match


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        lazy("a").fullmatch  # noqa: B018 - the attribute access is the test
