"""Digests of a PRD's sections, and the digest text an approval records.

A section's digest is the first 16 hex digits of the SHA-256 of its body (every line below its
heading down to the next heading of its level or above), whitespace collapsed, so reflowing a
paragraph does not make an approval stale but changing a word does. An approval records one
digest per signed section: `evaluation:0123456789abcdef, fallbacks:...`, which also keeps what
it signed when a team later changes what a role signs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from prd_forge import catalogue
from prd_forge.lint.document import Document, parse

_ITEM = re.compile(r"^(?P<concern>[a-z][a-z0-9-]*):(?P<hex>[0-9a-f]{16})$")
LENGTH = 16


class DigestError(ValueError):
    """An approval's digest text that does not parse."""


def _body(doc: Document, index: int) -> str:
    section = doc.sections[index]
    end = doc.sections[doc.subtree_end(index) - 1].end_line
    lines = doc.text.split("\n")[section.line : end]
    return " ".join(" ".join(lines).split())


def section_digests(text: str, concerns: Iterable[str]) -> dict[str, str | None]:
    """Each concern's digest in the PRD `text`, found by its catalogue title; None if absent."""
    doc = parse(text)
    titles = {section.title.strip().casefold(): i for i, section in enumerate(doc.sections)}
    found: dict[str, str | None] = {}
    for concern in concerns:
        index = titles.get(catalogue.get(concern).title.casefold())
        if index is None:
            found[concern] = None
            continue
        body = _body(doc, index).encode("utf-8")
        found[concern] = _sha256(body)[:LENGTH]
    return found


def _sha256(data: bytes) -> str:
    # hashlib here, not at the top: lint imports this module for every file, and loading
    # OpenSSL's hashes costs a PRD without an approvals table several milliseconds for nothing
    import hashlib

    return hashlib.sha256(data).hexdigest()


def format_digest(digests: Mapping[str, str | None]) -> str:
    """`evaluation:0123..., fallbacks:...`; a section the PRD lacks signs as sixteen zeros."""
    return ", ".join(f"{c}:{value or '0' * LENGTH}" for c, value in digests.items())


def parse_digest(text: str) -> dict[str, str]:
    """The concern -> digest pairs of an approval's digest text, or a DigestError."""
    pairs: dict[str, str] = {}
    for item in text.split(","):
        match = _ITEM.match(item.strip())
        if match is None:
            raise DigestError(
                f"digest part {item.strip()!r} is not 'concern:16 hex digits'; "
                "run `prd-forge approve` again rather than editing it"
            )
        if match.group("concern") not in catalogue.IDS:
            raise DigestError(f"digest names unknown concern {match.group('concern')!r}")
        pairs[match.group("concern")] = match.group("hex")
    return pairs


def changed(recorded: str, text: str) -> list[str]:
    """The concerns whose section in `text` differs from the digest `recorded` (which parses)."""
    signed = parse_digest(recorded)
    now = section_digests(text, signed)
    return [concern for concern, value in signed.items() if now[concern] != value]
