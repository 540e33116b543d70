"""The rest of the HAX taxonomy: input modality, trigger and tool use propose failure modes too.

The HAX Playbook asks what the system takes in (speech, images, scans), whether the user asks
for the output or it appears on its own, and what kind of response it gives. Each answer has
typical failures: recognition errors for speech and scans, surprise for implicit triggers,
ambiguity for free text. Features that generate output with a language model also fail through
prompt injection, confabulated citations, leaking data from their context, and, when they call
tools, through wrong tool calls. Each proposal comes with a proposed fallback (trigger,
behaviour, UX state) that the PM accepts or changes.
"""

from __future__ import annotations

from typing import Any

from prd_forge.questionnaire.cascade import Proposal, Way, proposals
from prd_forge.spec.model import (
    ErrorDirection,
    FallbackBehaviour,
    FallbackTrigger,
    InputModality,
    InvocationTrigger,
    OutputKind,
    UxStateName,
)

_CLARIFY = Way(
    FallbackTrigger.LOW_CONFIDENCE, FallbackBehaviour.CLARIFY, UxStateName.LOW_CONFIDENCE
)
_REFUSE = Way(FallbackTrigger.POLICY_VIOLATION, FallbackBehaviour.REFUSE, UxStateName.REFUSAL)
_HUMAN = Way(
    FallbackTrigger.LOW_CONFIDENCE, FallbackBehaviour.ROUTE_TO_HUMAN, UxStateName.HUMAN_REVIEW
)
_UNDO = Way(FallbackTrigger.USER_REJECTS, FallbackBehaviour.HIDE_FEATURE, UxStateName.FALLBACK)

BY_MODALITY: dict[InputModality, Proposal] = {
    InputModality.SPEECH: Proposal(
        "speech-misrecognised",
        ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
        "Speech recognition mishears the user, so the model works from the wrong input.",
        _CLARIFY,
    ),
    InputModality.SCANNED_DOCUMENT: Proposal(
        "ocr-misread",
        ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
        "Text recognition misreads the scan, so the model works from the wrong input.",
        _HUMAN,
    ),
    InputModality.IMAGE: Proposal(
        "image-misread",
        ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
        "The image is unclear or unusual, and the model misreads what it shows.",
        _CLARIFY,
    ),
    InputModality.TEXT: Proposal(
        "ambiguous-request",
        ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
        "The input can be read two ways, and the model picks the wrong one without asking.",
        _CLARIFY,
    ),
}

IMPLICIT = Proposal(
    "unwanted-interruption",
    ErrorDirection.FALSE_POSITIVE,
    "The feature acts on its own when the user did not want it, surprising or interrupting them.",
    _UNDO,
)

GENERATED: tuple[Proposal, ...] = (
    Proposal(
        "prompt-injection",
        ErrorDirection.UNSAFE_OUTPUT,
        "Instructions hidden in the input or retrieved content take over the model's behaviour.",
        _REFUSE,
    ),
    Proposal(
        "confabulated-citation",
        ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
        "The output cites a source, quote or figure that does not exist.",
        _HUMAN,
    ),
    Proposal(
        "context-data-leak",
        ErrorDirection.UNSAFE_OUTPUT,
        "The output reveals data from its context (other users, system prompt, secrets).",
        _REFUSE,
    ),
)

TOOL_ERROR = Proposal(
    "wrong-tool-call",
    ErrorDirection.UNSAFE_OUTPUT,
    "The model calls the wrong tool or passes wrong arguments, and the action goes through.",
    Way(
        FallbackTrigger.POLICY_VIOLATION, FallbackBehaviour.ROUTE_TO_HUMAN, UxStateName.HUMAN_REVIEW
    ),
)


def all_proposals(problem: dict[str, Any]) -> tuple[Proposal, ...]:
    """Every failure mode the problem's answers make typical, each once, by id."""
    kind = problem.get("output_kind")
    found = list(proposals(kind))
    modalities = problem.get("input_modalities") or []
    found.extend(BY_MODALITY[InputModality(m)] for m in modalities if m in BY_MODALITY)
    if problem.get("trigger") == InvocationTrigger.IMPLICIT.value:
        found.append(IMPLICIT)
    if kind == OutputKind.GENERATED.value:
        found.extend(GENERATED)
    if problem.get("uses_tools") is True or kind == OutputKind.ACTION.value:
        found.append(TOOL_ERROR)
    unique: dict[str, Proposal] = {}
    for proposal in found:
        unique.setdefault(proposal.id, proposal)
    return tuple(unique.values())
