"""Whether a document is about an AI feature: AI-only concerns apply only then.

Front matter (`ai: true|false`) or config (`ai = true|false`) decide when present; otherwise the
text decides, the way a reader would: by how the document talks, not by one word.

- A term only a learned system has ("LLM", "classifier", "training data", "a vision model")
  weighs STRONG; a word with an everyday sense too ("model", "prompt", "forecast", "precision",
  "assistant") weighs 1, and each such word counts at most WEAK_CAP times: an OS "prompt" or a
  "data model" repeated twenty times is still not an AI spec.
- A mention that is denied ("no ML in v1", "without AI") or that stands under a heading of
  things not being built (Non-goals, Out of scope, Not doing) does not count.
- A model named by a word that makes it something else ("data model", "pricing model") does
  not count.

The document is an AI spec when the weights reach THRESHOLD: two strong terms, or one strong
term and one weak, or two different weak words used twice each.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint._re import lazy

if TYPE_CHECKING:
    from typing import Final

STRONG: Final = 3
WEAK_CAP: Final = 2
THRESHOLD: Final = 4

# kinds of model that are learned ones: "a vision model" says what "the model" may not
_LEARNED_KINDS: Final = (
    r"(?:large )?language|vision|ml|ai|ranking|recommendations?|recommender|classification"
    r"|extraction|translation|detection|segmentation|embedding|similarity|entailment|scoring"
    r"|predictive|prediction|forecast(?:ing)?|foundation|fine-?tuned|tuned|trained|learned"
    r"|hosted|intent|speech|image|sequence|anomaly|recognition|regression|risk|propensity"
    r"|churn|generative|diffusion|transformer|understanding|tower|neural"
)
# what only a learned model has: "model drift", "the Model Risk review"
_LEARNED_USES: Final = r"(?:risk|cards?|drift|registry|training)\b"
_STRONG_TERMS: Final = (
    r"llms?|(?:"
    + _LEARNED_KINDS
    + r")[ -]models?|models? "
    + _LEARNED_USES
    + r"|machine[- ]learning|(?-i:ML)|ai|a\.i\."
    r"|artificial intelligence|gen ?ai|generative|neural|classifiers?|gpt-?\w*|embeddings?"
    r"|fine-?tun\w*|hallucinat\w*|trained on|training (?:data|set)|retrain\w*"
    r"|computer vision|nlp|copilot|chatbots?|agentic|anomaly detection"
    r"|machine[- ]translat\w*|speech[- ]recognition|speech[- ]to[- ]text"
    r"|text[- ]to[- ](?:sql|speech|image|video)|lightgbm|xgboost|gradient[- ]boost\w*"
)
# words with an everyday sense: the family name is what caps their count
_WEAK_TERMS: Final = {
    "model": r"(?:(?P<before>\w+)[ -])?models?(?! " + _LEARNED_USES + ")",
    "prompt": r"prompts?",
    "predict": r"predict(?:s|ed|ions?|ive)?",
    "forecast": r"forecast(?:s|ing)?",
    "precision": r"precision",
    "recall": r"recall",
    "score": r"f1|auc|confidence (?:scores?|thresholds?)",
    "inference": r"inference",
    "transformer": r"transformers?",
    "assistant": r"assistants?",
    "biometric": r"biometrics?",
    "retrieval": r"retrieval",
    "language": r"natural[- ]language",
}
_TERMS: Final = lazy(
    r"\b(?:(?P<strong>"
    + _STRONG_TERMS
    + r")|"
    + "|".join(f"(?P<{family}>{pattern})" for family, pattern in _WEAK_TERMS.items())
    + r")\b",
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
# a denial earlier in the same clause: "no predictive maintenance", "without AI"
_DENIAL: Final = lazy(r"\b(?:no|not|never|without|nor|non-goals?)\b", re.IGNORECASE)
_CLAUSE_END: Final = lazy(r"[.!?;,:()\n]")
_LOOKBACK: Final = 60  # characters of the clause before a mention that can deny it
# headings of what is not being built: mentions under them describe no feature
_HEADING: Final = lazy(r"^ {0,3}(?:#{1,6}[ \t]+(.*)|<summary>(.*)</summary>)$", re.MULTILINE)
_EXCLUDED: Final = lazy(
    r"\b(?:non-?goals?|out of scope|not doing|no-?gos?|not in scope|won'?t do|excluded)\b",
    re.IGNORECASE,
)
_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})


def detect(text: str) -> bool:
    """Whether the text reads as a spec for a feature built on a model."""
    excluded = _excluded_spans(text)
    starts = [start for start, _ in excluded]
    score = 0
    weak: dict[str, int] = {}
    for match in _TERMS.finditer(text):
        family = match.lastgroup
        if family is None or _discounted(text, match, excluded, starts):
            continue
        if family == "strong":
            score += STRONG
        elif weak.get(family, 0) < WEAK_CAP:
            weak[family] = weak.get(family, 0) + 1
            score += 1
        if score >= THRESHOLD:
            return True
    return False


def _discounted(
    text: str, match: re.Match[str], excluded: list[tuple[int, int]], starts: list[int]
) -> bool:
    """A mention that names no learned model, is denied, or describes what is not built."""
    before = match.group("before")
    if before is not None and before.lower() in _NOT_LEARNED:
        return True
    position = match.start()
    span = bisect_right(starts, position) - 1
    if span >= 0 and position < excluded[span][1]:
        return True
    window = text[max(0, position - _LOOKBACK) : position]
    clause = _CLAUSE_END.split(window)[-1]
    return _DENIAL.search(clause) is not None


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each section whose heading says it lists what is not being built."""
    headings = [
        (match.start(), match.group(1) or match.group(2) or "") for match in _HEADING.finditer(text)
    ]
    spans = []
    for index, (start, title) in enumerate(headings):
        if _EXCLUDED.search(title):
            end = headings[index + 1][0] if index + 1 < len(headings) else len(text)
            spans.append((start, end))
    return spans


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
