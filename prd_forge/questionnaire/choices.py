"""One line on each choice of a menu, shown under the list while the choice is highlighted."""

from __future__ import annotations

from typing import Final

DESCRIPTIONS: Final[dict[str, dict[str, str]]] = {
    "OutputKind": {
        "generated": "new text, images or code written by the model",
        "selected": "one option picked from a fixed set (a template, a reply)",
        "classification": "a label put on each item",
        "ranking": "items ordered by relevance or value",
        "forecast": "a number predicted for the future",
        "retrieval": "documents or records found for a query",
        "extraction": "fields pulled out of a document or message",
        "action": "the system does something: sends, books, changes records",
    },
    "InputModality": {
        "text": "typed or written text",
        "speech": "spoken audio, transcribed first",
        "image": "photos, screenshots, drawings",
        "scanned-document": "scans or PDFs read with text recognition (OCR)",
        "structured-data": "tables, events, records",
        "sensor": "readings from devices",
    },
    "InvocationTrigger": {
        "explicit": "the user asks for it (a button, a command, a question)",
        "implicit": "the system decides when to show or act, unasked",
    },
    "Severity": {
        "annoying": "the user notices and works around it",
        "expensive": "it costs money, time or trust; a fallback is needed",
        "unacceptable": "harm that must not reach users; a human reviews",
    },
    "BaselineKind": {
        "manual": "people do the job by hand today",
        "heuristic": "a rule of thumb or a simple formula",
        "rules": "a rules engine or hand-written logic",
        "existing-model": "a model already in production",
        "none": "nothing comparable exists (say why)",
    },
    "FallbackBehaviour": {
        "route-to-human": "a person takes over",
        "fall-back-to-baseline": "the old way runs instead",
        "ask-clarifying-question": "the user is asked what they meant",
        "refuse-gracefully": "the feature declines and says why",
        "show-partial-result": "only the part the model is sure of is shown",
        "show-cached-result": "a recent earlier result is shown",
        "hide-the-feature": "the feature does not appear",
    },
    "MetricKind": {
        "business": "the outcome the business wants",
        "model-quality": "how good the model's output is",
        "guardrail": "something that must not get worse",
    },
    "Status": {
        "draft": "gaps allowed when recorded as open questions",
        "review": "complete; under review",
        "approved": "complete and signed off",
        "launched": "in production",
    },
}
"""Enum class name -> value -> description; a missing entry shows no description."""


def describe(enum_name: str, value: str) -> str | None:
    return DESCRIPTIONS.get(enum_name, {}).get(value)
