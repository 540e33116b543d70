"""Cell and paragraph text as answers: Markdown escapes undone, gaps as None, enums and numbers."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from prd_forge.render import phrases

_ESCAPE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE: Final = re.compile(r"^`([^`]+)`$")
_NUMBER: Final = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?", re.IGNORECASE)
_COMPARATOR: Final = {"≥": ">=", "≤": "<=", ">=": ">=", "<=": "<=", ">": ">", "<": "<"}
_GAPS: Final = frozenset({"**missing**", "missing", "tbd", "todo", "n/a", "-", "—", ""})


def plain(raw: str) -> str:
    """Markdown source of one cell or paragraph as the text it shows (escapes and code undone)."""
    text = " ".join(raw.split())
    code = _CODE.match(text)
    if code:
        return code.group(1)
    return _ESCAPE.sub(r"\1", text)


def answer(raw: str) -> str | None:
    """`raw` as an answer, or None when it is a gap (empty, **missing**, TBD...)."""
    text = plain(raw)
    return None if text.casefold() in _GAPS else text


def codes(raw: str) -> list[str]:
    """Identifiers written as inline code, comma-separated: "`a`, `b`" -> [a, b]."""
    return re.findall(r"`([^`]+)`", raw)


def enum_value(raw: str | None, kind: type[StrEnum]) -> str | None:
    """The enum value the words name ("low confidence" -> "low-confidence"), or None."""
    if raw is None:
        return None
    wanted = plain(raw).casefold().strip(" .")
    for member in kind:
        value = member.value
        if wanted in (value, value.replace("-", " "), phrases.words(value).casefold()):
            return value
    return None


def yes_no(raw: str | None) -> bool | None:
    word = (raw or "").casefold().strip(" .")
    return {"yes": True, "true": True, "no": False, "false": False}.get(word)


def number(raw: str) -> tuple[float, str] | None:
    """A leading number and the rest: "0.97 ratio" -> (0.97, "ratio"); None without one."""
    text = raw.strip().replace(",", "") if re.match(r"^\d{1,3}(,\d{3})+\b", raw) else raw.strip()
    match = _NUMBER.match(text)
    if not match:
        return None
    return float(match.group()), text[match.end() :].strip()


def target(raw: str) -> dict[str, object] | None:
    """A target as the template writes it, "≥ 0.97 ratio" or "≤ 5.5 min" or ">= 60%"."""
    text = plain(raw)
    for sign in sorted(_COMPARATOR, key=len, reverse=True):
        if text.startswith(sign):
            parsed = number(text[len(sign) :])
            if parsed is None:
                return None
            value, unit = parsed
            return {"comparator": _COMPARATOR[sign], "value": value, "unit": unit or None}
    return None


def slug(raw: str) -> str | None:
    """An id from the document's own words: "Wrong policy answer" -> "wrong-policy-answer"."""
    words = [w for w in re.findall(r"[a-z0-9]+", plain(raw).casefold()) if not w.isdigit()][:6]
    return "-".join(words)[:60].strip("-") or None
