"""The nist-rmf view: which answers address each NIST AI RMF 1.0 subcategory.

For generated output (or a feature that takes actions) it adds the twelve risks of NIST AI
600-1, the RMF's Generative AI Profile, with the answers that address each. A subcategory or
risk no answer addresses is listed with the role that must supply it; nothing is left blank.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from prd_forge.concerns import genai_risks
from prd_forge.export.rmf_table import SUBCATEGORIES
from prd_forge.export.supply import Unsupplied, answered, spec_gaps
from prd_forge.spec import genai
from prd_forge.spec.model import ErrorDirection, FallbackTrigger, RiskStatus, Spec

Finder = Callable[[Spec], list[str]]

# Words in failure modes, evaluation sets and fallbacks that show security testing of inputs.
_ATTACKS = ("injection", "jailbreak", "adversarial", "red-team", "red team", "attack")


def paths(*names: str) -> Finder:
    """A finder listing which of the answer paths `names` are answered."""
    return lambda spec: [name for name in names if answered(spec, name)]


def modes_that_err(*directions: ErrorDirection) -> Finder:
    def find(spec: Spec) -> list[str]:
        modes = spec.failure_modes.modes
        return [f"failure mode {m.id}" for m in modes if m.errs in directions]

    return find


def fallbacks_on(trigger: FallbackTrigger) -> Finder:
    return lambda spec: [f"fallback {f.id}" for f in spec.fallbacks if f.trigger == trigger]


def mentions_attacks(spec: Spec) -> list[str]:
    """Failure modes, evaluation sets and fallbacks whose text speaks of attacks on inputs."""
    texts = [(f"failure mode {m.id}", m.description) for m in spec.failure_modes.modes]
    texts += [
        (f"evaluation set {s.name}", f"{s.name} {s.construction}")
        for s in spec.evaluation.offline_sets
    ]
    texts += [(f"fallback {f.id}", f.description) for f in spec.fallbacks]
    return [name for name, text in texts if text and any(w in text.casefold() for w in _ATTACKS)]


def either(*finders: Finder) -> Finder:
    return lambda spec: [found for finder in finders for found in finder(spec)]


# Answers elsewhere in the spec that bear on each AI 600-1 risk, shown beside the spec's own
# answer to it (genai_risks). The risks, their titles and roles come from the one list of them.
RELATED: dict[str, Finder] = {
    "confabulation": modes_that_err(ErrorDirection.PLAUSIBLE_BUT_INCORRECT),
    "dangerous-content": either(
        modes_that_err(ErrorDirection.UNSAFE_OUTPUT),
        fallbacks_on(FallbackTrigger.POLICY_VIOLATION),
    ),
    "data-privacy": paths("privacy.pii_handling", "data_sources[].pii_handling"),
    "harmful-bias": paths("evaluation.offline_sets[].slices", "data_sources[].known_gaps"),
    "human-ai-configuration": paths("human_oversight.review_points", "ux_states"),
    "information-integrity": either(
        modes_that_err(ErrorDirection.PLAUSIBLE_BUT_INCORRECT), paths("scope.out_of_scope_uses")
    ),
    "information-security": mentions_attacks,
    "intellectual-property": paths("data_sources[].basis"),
    "obscene-content": either(
        modes_that_err(ErrorDirection.UNSAFE_OUTPUT),
        fallbacks_on(FallbackTrigger.POLICY_VIOLATION),
    ),
    "value-chain": paths("data_sources[].provenance"),
}


def own_answer(spec: Spec, risk_id: str) -> str | None:
    """The spec's answer to the risk, as the view words it; None when it has none."""
    entry = genai.answer(spec, risk_id)
    if entry is None or entry.status is None:
        return None
    if entry.status is RiskStatus.NOT_APPLICABLE:
        return f"not applicable: {entry.reason}" if entry.reason else None
    return f"addressed: {entry.how}" if entry.how else None


def generative(spec: Spec) -> bool:
    """Whether the AI 600-1 profile applies: the output is generated or takes actions."""
    return genai.applies(spec)


def _rows(spec: Spec) -> list[dict[str, Any]]:
    return [
        {"id": code, "text": text, "answers": paths(*names)(spec), "role": role}
        for code, text, names, role in SUBCATEGORIES
    ]


def _risks(spec: Spec) -> list[dict[str, Any]]:
    if not generative(spec):
        return []
    return [
        {
            "risk": risk.title,
            "answer": own_answer(spec, risk.id),
            "related": RELATED.get(risk.id, _none)(spec),
            "role": risk.role,
        }
        for risk in genai_risks.RISKS
    ]


def _none(spec: Spec) -> list[str]:
    return []


def context(spec: Spec, source: str) -> dict[str, Any]:
    """What templates/views/nist-rmf.md.j2 sees."""
    rows, risks = _rows(spec), _risks(spec)
    missing = [Unsupplied(row["id"], row["role"]) for row in rows if not row["answers"]]
    missing += [Unsupplied(f"AI 600-1: {r['risk']}", r["role"]) for r in risks if not r["answer"]]
    return {
        "spec": spec.model_dump(mode="json"),
        "source": source,
        "subcategories": rows,
        "generative": generative(spec),
        "why": genai.why(spec),
        "risks": risks,
        "addressed": sum(1 for row in rows if row["answers"]),
        "missing": [gap.as_dict() for gap in missing + spec_gaps(spec)],
    }
