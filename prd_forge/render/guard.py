"""The omission guard: which required concerns a rendered PRD drops or leaves hollow.

This is the interim check the render issue allows: each required concern needs a heading that
names it (its title or one of its aliases) with some text under it that is not a gap alert.
`uncovered` is the one function the renderer calls, so switching to the lint engine's coverage
is a change here only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it import MarkdownIt

from prd_forge import catalogue

MISSING = "missing"
HOLLOW = "hollow"

_PARSER = MarkdownIt("commonmark").enable("table")


def _normalise(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s/?-]", " ", title.lower()).split())


def _sections(text: str) -> dict[str, str]:
    """Heading text (normalised) -> the text of the blocks under it, alerts left out."""
    sections: dict[str, str] = {}
    current: str | None = None
    depth = 0
    tokens = _PARSER.parse(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            current = _normalise(tokens[index + 1].content)
            sections.setdefault(current, "")
        elif token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif (
            token.type == "inline"
            and current is not None
            and tokens[index - 1].type != ("heading_open")
        ):
            if depth and token.content.startswith("[!"):
                continue
            sections[current] += " " + token.content
        elif token.type in ("fence", "code_block") and current is not None:
            sections[current] += " " + token.content
    return sections


def uncovered(text: str, concerns: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(concern id, "missing" or "hollow") for each required concern `text` does not cover."""
    sections = _sections(text)
    wanted = concerns if concerns is not None else [c.id for c in catalogue.CONCERNS]
    problems = []
    for concern_id in wanted:
        concern = catalogue.get(concern_id)
        if not concern.required:
            continue
        names = {_normalise(concern.title), *(_normalise(a) for a in concern.aliases)}
        bodies = [body for heading, body in sections.items() if heading in names]
        if not bodies:
            problems.append((concern_id, MISSING))
        elif not any(body.strip() for body in bodies):
            problems.append((concern_id, HOLLOW))
    return problems
