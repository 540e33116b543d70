"""Markdown escaping for user text: an answer renders as the text it is, never as structure.

An answer may contain `|`, `#`, `[link](x)`, `<script>` or `{{ ... }}`; once rendered it must not
break a table, start a heading, add a link or raw HTML. Jinja never re-renders its output, so
template syntax in answers needs no escaping: it appears literally.

`inline` is safe anywhere text is: a table cell, a list item, after a label, alone on a line.
`block` keeps the paragraphs of a multi-line answer, for places where a paragraph may stand.
"""

from __future__ import annotations

import re


class Markdown(str):
    """Text that is already Markdown (template helpers' output): rendered without escaping."""

    __slots__ = ()


# Characters that can start inline structure anywhere in a line. `_` is handled apart: inside a
# word (support_copilot_enabled) it cannot open emphasis, so it stays readable there.
_ALWAYS = frozenset("\\`*[]|~")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_RULE_LIKE = re.compile(r"^[-+\s]+$")


def _escape_chars(text: str) -> str:
    out = []
    last = len(text) - 1
    for index, char in enumerate(text):
        if char in _ALWAYS:
            out.append("\\" + char)
        elif char == "_":
            inside_word = (
                0 < index < last and text[index - 1].isalnum() and text[index + 1].isalnum()
            )
            out.append("_" if inside_word else "\\_")
        else:
            out.append(char)
    escaped = "".join(out)
    escaped = _ENTITY.sub(r"\\&", escaped)
    return _TAG_START.sub(r"\\<", escaped)


def _escape_line_start(text: str) -> str:
    """Escape what would make the text a heading, quote, list item or rule at a line start."""
    if not text:
        return text
    first = text[0]
    if first in "#>=":
        return "\\" + text
    if first in "-+" and (len(text) == 1 or text[1].isspace() or _RULE_LIKE.match(text)):
        return "\\" + text
    return _ORDERED.sub(r"\1\\\2", text)


def inline(text: str) -> Markdown:
    """One line of Markdown that renders as `text` with its whitespace runs collapsed."""
    return Markdown(_escape_line_start(_escape_chars(" ".join(text.split()))))


def block(text: str) -> Markdown:
    """Paragraphs of Markdown that render as `text`: blank lines separate paragraphs."""
    paragraphs = []
    for chunk in re.split(r"\n[ \t\r\f\v]*\n", text.replace("\r\n", "\n")):
        lines = [inline(line) for line in chunk.split("\n") if line.strip()]
        if lines:
            paragraphs.append("\n".join(lines))
    return Markdown("\n\n".join(paragraphs))


def code(text: str) -> Markdown:
    """An identifier as inline code; anything that is not a plain identifier is escaped text."""
    if re.fullmatch(r"[A-Za-z0-9_.\-\[\]/]+", text):
        return Markdown(f"`{text}`")
    return inline(text)


def number(value: float) -> str:
    """A number as people write it: 5 rather than 5.0, 0.97 rather than 0.9700000001."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)
