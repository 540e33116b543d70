"""The omission guard: which required concerns a rendered PRD drops or leaves hollow.

A required concern passes when the PRD has a section of its own for it (a heading naming it:
its title or an alias) and the lint engine, reading that section alone, finds it neither
missing nor hollow. Reading the section alone matters: in a whole document lint rightly credits
a risk table's Fallback column as covering fallbacks, but a template that renders one section
per concern must not get away with an empty or "TBD" Fallbacks section that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it import MarkdownIt

from prd_forge import catalogue
from prd_forge.lint import lint_text
from prd_forge.terms import CoverageState

MISSING = CoverageState.MISSING
HOLLOW = CoverageState.HOLLOW

# Only headings matter here: no tables, no inline parsing (a heading's text is its content).
_PARSER = MarkdownIt("commonmark").disable("inline")


def _normalise(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s/?-]", " ", title.lower()).split())


def sections(text: str) -> list[tuple[str, str]]:
    """(normalised heading, the section's Markdown from its heading to the next heading at
    the same or a higher level), in document order."""
    lines = text.split("\n")
    tokens = _PARSER.parse(text)
    headings = [
        (int(token.tag[1:]), token.map[0], _normalise(tokens[index + 1].content))
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.map is not None
    ]
    found = []
    for position, (level, start, title) in enumerate(headings):
        end = next((line for lvl, line, _ in headings[position + 1 :] if lvl <= level), len(lines))
        found.append((title, "\n".join(lines[start:end])))
    return found


def _state(parts: list[tuple[str, str]], concern_id: str) -> CoverageState | None:
    """MISSING or HOLLOW when the concern has no section of its own with substance."""
    concern = catalogue.get(concern_id)
    names = {_normalise(concern.title), *(_normalise(alias) for alias in concern.aliases)}
    own = [body for title, body in parts if title in names]
    if not own:
        return MISSING
    states = [lint_text(body).coverage[concern_id] for body in own]
    return HOLLOW if all(state in (MISSING, HOLLOW) for state in states) else None


def uncovered(text: str, concerns: Iterable[str] | None = None) -> list[tuple[str, CoverageState]]:
    """(concern id, "missing" or "hollow") for each required concern `text` does not cover.

    `concerns` limits the check (a draft skips the concerns its gaps already explain).
    """
    parts = sections(text)
    wanted = concerns if concerns is not None else catalogue.IDS
    problems: list[tuple[str, CoverageState]] = []
    for concern in wanted:
        state = _state(parts, concern) if catalogue.get(concern).required else None
        if state is not None:
            problems.append((concern, state))
    return problems
