"""One line on each choice of a menu, shown under the list while the choice is highlighted."""

from __future__ import annotations

from typing import Final

from prd_forge.concerns import genai_risks

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
    "FailureSeverity": {
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
    "AiTask": {
        "decide": "the model makes a call: approve, flag, route",
        "create": "the model writes something new: text, images, code",
        "classify": "the model puts a label on each item",
        "predict": "the model estimates a number or an outcome to come",
        "retrieve": "the model finds documents or records for a query",
        "rank": "the model orders items by relevance or value",
        "recommend": "the model suggests items a person may want",
        "summarize": "the model shortens a longer text",
        "extract": "the model pulls fields out of a document or message",
        "translate": "the model turns text into another language",
        "converse": "the model holds a conversation with the user",
    },
    "ErrorDirection": {
        "false-positive": "it flags or acts when it should not",
        "false-negative": "it misses what it should have caught",
        "plausible-but-incorrect": "the output looks right and is wrong",
        "unsafe-output": "the output is harmful, offensive or against policy",
        "poor-ranking": "the right item is there, too far down",
        "stale-result": "the answer was right once and is out of date",
        "no-output": "nothing comes back",
        "latency-or-outage": "too slow, or the service is down",
    },
    "DataPurpose": {
        "training": "teaches or fine-tunes the model",
        "retrieval": "looked up at answer time (grounding, RAG)",
        "evaluation": "held out to measure quality",
        "feedback": "what users' corrections and ratings teach back",
    },
    "Comparator": {
        ">=": "at least the target",
        "<=": "at most the target",
        ">": "above the target",
        "<": "below the target",
    },
    "OnlineMethod": {
        "shadow": "the model runs unseen beside today's way; outputs are compared",
        "a/b": "users are split at random between the new and the old way",
        "canary": "a small share of traffic first, widened when it holds",
        "interleaving": "results of both ways mixed in one list, clicks decide",
    },
    "FallbackTrigger": {
        "low-confidence": "the model's confidence is below the threshold",
        "empty-retrieval": "nothing relevant was found to ground the answer",
        "timeout": "the model took longer than the product can wait",
        "outage": "the model or a service it needs is down",
        "policy-violation": "the output breaks a content or safety rule",
        "kill-switch": "someone turned the feature off",
        "user-rejects": "the user dismisses or corrects the output",
    },
    "UxStateName": {
        "loading": "while the model works",
        "success": "a confident result is shown",
        "low-confidence": "a result shown with a warning, or held back",
        "partial": "only part of the result is shown",
        "fallback": "the product's way out when the model cannot help",
        "error": "something failed; what the user can do next",
        "empty": "nothing to show yet, or nothing found",
        "human-review": "a person checks before the output takes effect",
        "refusal": "the feature declines the request and says why",
        "stale": "an older result, marked as such",
        "first-run": "the first time a user meets the feature",
    },
    "UserAction": {
        "accept": "take the output as it is",
        "edit": "change the output before using it",
        "override": "replace the model's decision with one's own",
        "retry": "ask the model again",
        "escalate": "hand the case to a person",
        "dismiss": "close the output without using it",
        "undo": "reverse what the output did",
        "report": "flag the output as wrong or harmful",
        "wait": "let the model finish",
    },
    "SignalKind": {
        "input-drift": "what users send changes from what the model saw",
        "correction-rate": "how often people edit or override the output",
        "confidence-distribution": "the model's confidence moves as a whole",
        "quality": "a measured quality score on sampled outputs",
        "latency": "how long answers take",
        "cost": "what each answer costs to produce",
        "complaints": "reports, tickets and ratings from users",
    },
    "PhaseKind": {
        "shadow": "runs unseen; outputs logged and compared",
        "internal": "employees only",
        "canary": "a small share of real users",
        "beta": "users who opted in",
        "general-availability": "everyone",
    },
    "RiskStatus": {
        "addressed": "the spec says how the risk is handled (say how)",
        "not-applicable": "the risk cannot arise in this feature (say why)",
    },
    "GenaiRiskId": {risk.id: risk.title for risk in genai_risks.RISKS},
}
"""Enum class name -> value -> description; a missing entry shows no description."""


def describe(enum_name: str, value: str) -> str | None:
    return DESCRIPTIONS.get(enum_name, {}).get(value)
