"""Cascading, as the HAX Playbook does: the kind of output proposes its typical failure modes.

The PM keeps, edits or drops each proposal; a kept one is asked like any failure mode, with the
proposal's id, direction and description filled in as defaults. The rest of the HAX taxonomy
(input modality, trigger, tool use; see `hax.py`) adds its own proposals.
"""

from __future__ import annotations

from dataclasses import dataclass

from prd_forge.spec.model import (
    ErrorDirection,
    FallbackBehaviour,
    FallbackTrigger,
    OutputKind,
    UxStateName,
)


@dataclass(frozen=True)
class Way:
    """A proposed fallback: what triggers it, what the feature does, what the user sees."""

    trigger: FallbackTrigger
    behaviour: FallbackBehaviour
    ux_state: UxStateName


SAFE_WAY = Way(
    FallbackTrigger.LOW_CONFIDENCE, FallbackBehaviour.ROUTE_TO_HUMAN, UxStateName.FALLBACK
)


@dataclass(frozen=True)
class Proposal:
    id: str
    errs: ErrorDirection
    description: str
    way: Way = SAFE_WAY


_OUTAGE = Proposal(
    "model-unavailable",
    ErrorDirection.LATENCY_OR_OUTAGE,
    "The model is slow or down, so no output arrives in time.",
    Way(FallbackTrigger.TIMEOUT, FallbackBehaviour.BASELINE, UxStateName.ERROR),
)

TYPICAL: dict[OutputKind, tuple[Proposal, ...]] = {
    OutputKind.GENERATED: (
        Proposal(
            "plausible-but-incorrect",
            ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
            "The output reads well but states something false.",
        ),
        Proposal(
            "inappropriate-output",
            ErrorDirection.UNSAFE_OUTPUT,
            "The output is offensive, unsafe or off-brand.",
        ),
    ),
    OutputKind.SELECTED: (
        Proposal(
            "wrong-choice",
            ErrorDirection.FALSE_POSITIVE,
            "The option picked does not fit the user's case.",
        ),
    ),
    OutputKind.CLASSIFICATION: (
        Proposal(
            "false-positive",
            ErrorDirection.FALSE_POSITIVE,
            "An item is put in a class it does not belong to.",
        ),
        Proposal(
            "false-negative",
            ErrorDirection.FALSE_NEGATIVE,
            "An item that belongs in a class is missed.",
        ),
    ),
    OutputKind.RANKING: (
        Proposal(
            "poor-ranking",
            ErrorDirection.POOR_RANKING,
            "The most useful items are not near the top.",
        ),
        Proposal(
            "stale-result",
            ErrorDirection.STALE_RESULT,
            "Items that are out of date are ranked as current.",
        ),
    ),
    OutputKind.FORECAST: (
        Proposal(
            "forecast-off-target",
            ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
            "The forecast is far from what happens, with no sign it is uncertain.",
        ),
        Proposal(
            "stale-forecast",
            ErrorDirection.STALE_RESULT,
            "The forecast rests on data that no longer reflects reality.",
        ),
    ),
    OutputKind.RETRIEVAL: (
        Proposal(
            "nothing-relevant-found",
            ErrorDirection.NO_OUTPUT,
            "Retrieval returns nothing relevant although an answer exists.",
        ),
        Proposal(
            "stale-result",
            ErrorDirection.STALE_RESULT,
            "An outdated document is returned as current.",
        ),
    ),
    OutputKind.EXTRACTION: (
        Proposal(
            "missed-field",
            ErrorDirection.FALSE_NEGATIVE,
            "A value present in the input is not extracted.",
        ),
        Proposal(
            "wrong-value",
            ErrorDirection.PLAUSIBLE_BUT_INCORRECT,
            "A value is extracted, but it is the wrong one.",
        ),
    ),
    OutputKind.ACTION: (
        Proposal(
            "wrong-action",
            ErrorDirection.UNSAFE_OUTPUT,
            "The system acts when it should not, or does the wrong thing.",
        ),
        Proposal(
            "missed-action",
            ErrorDirection.FALSE_NEGATIVE,
            "The system fails to act when it should.",
        ),
    ),
}


def proposals(output_kind: str | None) -> tuple[Proposal, ...]:
    """The failure modes typical of an output kind, plus an outage, which every model has."""
    if output_kind not in set(OutputKind):
        return ()
    kind = OutputKind(output_kind)
    return (*TYPICAL[kind], _OUTAGE)
