"""Inline suppression comments, with a required reason.

    <!-- prd-forge-ignore fallbacks, PRD131 -- the feature is a read-only report -->
    <!-- prd-forge-ignore-next-line vague-quality-word -- "fast" is a product name -->

`ignore` applies to the whole file; `ignore-next-line` to findings on the next non-blank line.
Targets are rule codes, rule names or concern ids. A comment without a reason suppresses
nothing and is itself a finding, as is a target nobody knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint._re import lazy
from prd_forge.lint.document import Comment, Document
from prd_forge.lint.rules.base import Observation, Suppression

if TYPE_CHECKING:
    from typing import Final

_DIRECTIVE: Final = lazy(
    r"<!--\s*prd-forge[- :]\s*(?:ignore|disable)(?P<next>-next-line)?(?P<body>.*?)-->",
    re.DOTALL | re.IGNORECASE,
)
_REASON: Final = lazy(r"\s(?:--|\u2014|\u2013)\s|\breason\s*[:=]\s*", re.IGNORECASE)
_SPLIT: Final = lazy(r"[,\s]+")


def parse(
    doc: Document, known: Callable[[str], str | None]
) -> tuple[tuple[Suppression, ...], tuple[Observation, ...], tuple[Observation, ...]]:
    """Suppressions, comments missing a reason, and comments naming unknown targets.

    `known(target)` returns the concern a target belongs to ("" for any), or None if unknown.
    """
    found: list[Suppression] = []
    no_reason: list[Observation] = []
    unknown: list[Observation] = []
    for comment in doc.comments:
        match = _DIRECTIVE.search(comment.text)
        if match is None:
            continue
        head, reason = _split(match.group("body"))
        targets = tuple(t for t in _SPLIT.split(head.strip()) if t)
        unknown.extend(
            Observation(
                comment.line,
                f"suppression names unknown rule or concern {target!r}",
                many="{count} suppression targets are no known rule or concern: {items}",
                subject=target,
            )
            for target in targets
            if known(target) is None
        )
        if not targets or not reason:
            about = next((c for c in map(known, targets) if c and c != "*"), None)
            no_reason.append(
                Observation(
                    comment.line,
                    "suppression has no reason: write `-- why` before `-->`; it is ignored",
                    about,
                    many="{count} suppressions {where} have no reason (write `-- why` before "
                    "`-->`): {items}; they are ignored",
                )
            )
            continue
        next_line = _next_line(doc, comment) if match.group("next") else None
        found.append(Suppression(comment.line, targets, reason, next_line))
    return tuple(found), tuple(no_reason), tuple(unknown)


def _split(body: str) -> tuple[str, str]:
    match = _REASON.search(body)
    if match is None:
        return body, ""
    return body[: match.start()], body[match.end() :].strip(" -\t\n")


def _next_line(doc: Document, comment: Comment) -> int:
    lines = doc.text.splitlines()
    index = comment.line + comment.text.count("\n")  # 0-based index of the line after it
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index + 1


def covers(suppression: Suppression, keys: Iterable[str], line: int) -> bool:
    """Whether the suppression applies to a finding with these keys on this line."""
    if suppression.next_line is not None and suppression.next_line != line:
        return False
    wanted = {key.lower() for key in keys}
    return any(target.lower() in wanted for target in suppression.targets)
