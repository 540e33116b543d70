"""Whether a document is about an AI feature: AI-only concerns apply only then.

Front matter (`ai: true|false`) or config (`ai = true|false`) decide when present; otherwise the
text decides. One mention of "AI" does not make a CRUD spec an AI spec: it takes three mentions
of model vocabulary, or two different terms. "Model" counts unless the word before it makes it
a data, pricing or business model.
"""

from __future__ import annotations

import re
from typing import Final

from prd_forge.lint._re import lazy

_TERMS: Final = lazy(
    r"\b(?:llms?|large language models?|language models?|machine[- ]learning|ml|ai|a\.i\."
    r"|artificial intelligence|gen ?ai|generative|neural|classifiers?|gpt-?\w*|embeddings?"
    r"|fine-?tun\w*|hallucinat\w*|prompts?|inference|training (?:data|set)|trained on"
    r"|confidence (?:scores?|thresholds?)|computer vision|nlp|transformers?|predictions?"
    r"|predictive|precision|recall|f1|auc|copilot|chatbot|agentic|anomaly detection"
    r"|forecast(?:s|ing)?|machine translation|lightgbm|xgboost|gradient[- ]boost\w*"
    r"|retrain\w*|(?:(\w+)[ -])?models?)\b",
    re.IGNORECASE,
)
# "data model", "pricing model": a model that is not a learned one
_NOT_LEARNED: Final = frozenset(
    {
        "data",
        "pricing",
        "business",
        "domain",
        "object",
        "subscription",
        "threat",
        "mental",
        "revenue",
        "cost",
        "operating",
        "billing",
        "permission",
        "permissions",
        "access",
        "role",
        "payment",
        "delivery",
        "service",
        "licensing",
        "financial",
        "security",
        "support",
        "engagement",
        "staffing",
        "sales",
        "partner",
        "3d",
        "entity",
        "view",
    }
)
MIN_HITS: Final = 3  # mentions of model vocabulary, or
MIN_TERMS: Final = 2  # different terms among at least MIN_TERMS mentions
_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})


def detect(text: str) -> bool:
    """Whether the text reads as a spec for a feature built on a model."""
    hits = 0
    terms: set[str] = set()
    for match in _TERMS.finditer(text):
        before = match.group(1)
        if before is not None and before.lower() in _NOT_LEARNED:
            continue
        hits += 1
        terms.add(match.group().lower())
        if hits >= MIN_HITS or len(terms) >= MIN_TERMS:
            return True
    return False


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
