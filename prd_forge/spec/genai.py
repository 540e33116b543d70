"""The generated-output risk profile (NIST AI 600-1) applied to a spec.

The risks themselves live in `prd_forge.concerns.genai_risks`; this module says whether they
apply to a spec and what its answers still lack. `completeness` turns the lacks into gaps of the
privacy concern (the trust-and-safety and legal section a reviewer reads them in), so they are
staged like it: warnings in a draft and in review, blocking from approved on, as lint's
generated-output rule is a warning that the launch stage makes an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from prd_forge.concerns import genai_risks
from prd_forge.concerns.genai_risks import Risk
from prd_forge.spec.model import GenaiRisk, RiskStatus, Spec

Lack = tuple[str, str, str]  # field path, what is missing, how to fill it


def applies(spec: Spec) -> bool:
    """Whether the AI 600-1 profile applies to the spec."""
    problem = spec.problem
    kind = problem.output_kind.value if problem.output_kind else None
    return genai_risks.applies(kind, problem.uses_tools, answered=bool(spec.genai_risks))


def why(spec: Spec) -> str:
    """Why the profile applies, in words."""
    kind = spec.problem.output_kind.value if spec.problem.output_kind else None
    return genai_risks.why_it_applies(kind, spec.problem.uses_tools)


def unanswered(spec: Spec) -> tuple[Risk, ...]:
    """The risks that apply and that no entry of `genai_risks` names."""
    if not applies(spec):
        return ()
    named = {entry.risk.value for entry in spec.genai_risks}
    return tuple(risk for risk in genai_risks.RISKS if risk.id not in named)


def answer(spec: Spec, risk_id: str) -> GenaiRisk | None:
    """The spec's first answer for the risk, if any."""
    return next((entry for entry in spec.genai_risks if entry.risk.value == risk_id), None)


def lacks(spec: Spec) -> Iterator[Lack]:
    """What the spec's risk profile still lacks, in risk order, then entry by entry."""
    reason = why(spec)
    for risk in unanswered(spec):
        yield (
            "genai_risks",
            f"does not answer '{risk.id}' ({risk.title}), an AI 600-1 risk that applies "
            f"because {reason}",
            f"add '{risk.id}' under genai_risks: addressed, with how; or not-applicable, with "
            "the reason",
        )
    seen: set[str] = set()
    for index, entry in enumerate(spec.genai_risks):
        yield from _entry_lacks(entry, f"genai_risks[{index}]")
        if entry.risk.value in seen:
            yield ("genai_risks", f"answers '{entry.risk.value}' twice", "keep one answer per risk")
        seen.add(entry.risk.value)


def _entry_lacks(entry: GenaiRisk, prefix: str) -> Iterator[Lack]:
    risk = entry.risk.value
    if entry.status is None:
        yield (f"{prefix}.status", "is missing", f"say whether '{risk}' is addressed or not")
    elif entry.status is RiskStatus.ADDRESSED and entry.how is None:
        yield (f"{prefix}.how", "is missing", f"say how '{risk}' is addressed")
    elif entry.status is RiskStatus.NOT_APPLICABLE and entry.reason is None:
        yield (f"{prefix}.reason", "is missing", f"say why '{risk}' does not apply")
