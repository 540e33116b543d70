"""Whether a document is about an AI feature: AI-only concerns apply only then.

Front matter (`ai: true|false`) or config (`ai = true|false`) decide when present; otherwise the
text decides. One mention of "AI" does not make a CRUD spec an AI spec: it takes several
mentions of model vocabulary, or two different terms.
"""

from __future__ import annotations

import re
from typing import Final

_TERMS: Final = re.compile(
    r"\b(?:llms?|large language models?|machine[- ]learning|ml|ai|a\.i\.|artificial intelligence"
    r"|gen ?ai|generative|neural|classifiers?|gpt-?\w*|the model(?:'s)?|our model|ml model"
    r"|embeddings?|fine-?tun\w*|hallucinat\w*|prompts?|inference|training data"
    r"|confidence scores?|computer vision|nlp|transformers?|recommend(?:er|ation) models?"
    r"|ranking models?|predictive|predictions?|copilot|chatbot|agentic)\b",
    re.IGNORECASE,
)
MIN_HITS: Final = 3
MIN_TERMS: Final = 2
_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})


def detect(text: str) -> bool:
    """Whether the text reads as a spec for a feature built on a model."""
    hits = 0
    terms: set[str] = set()
    for match in _TERMS.finditer(text):
        hits += 1
        terms.add(match.group().lower())
        if hits >= MIN_HITS and len(terms) >= MIN_TERMS:
            return True
    return hits >= MIN_HITS * 2 or (len(terms) >= MIN_TERMS + 1)


def from_front_matter(value: str | None) -> bool | None:
    """`ai:` in front matter, when it says yes or no."""
    if value is None:
        return None
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    return None
