"""The twelve risks of NIST AI 600-1, the Generative AI Profile of the AI RMF (July 2024).

The one list of them: the spec model's risk ids, `check`'s gaps, the questionnaire's questions,
the rendered table, the nist-rmf export view and lint's generated-output rule all read it here.
Standard library only: the lint path loads it.

When the profile applies: the output is generated, or the feature takes actions (its output
kind is an action, or the model calls tools). Then each of the twelve risks applies by default:
AI 600-1 defines them for any generative AI system, and a risk that does not apply to this
feature is a decision a reviewer should see, with its reason, not a silent omission. A spec that
answers any risk opts into the profile whatever its output kind.
"""

from __future__ import annotations

from prd_forge._records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Final

TITLE: Final = "Generative AI risks (NIST AI 600-1)"
ANCHOR: Final = "NIST AI 600-1, Generative AI Profile (July 2024), section 2"

# Output kinds (spec.model.OutputKind values) that bring the profile in.
OUTPUT_KINDS: Final = frozenset({"generated", "action"})

TRUST_AND_SAFETY: Final = "trust and safety lead"
PRIVACY: Final = "data protection officer"
LEGAL: Final = "legal counsel"
ML: Final = "ML engineering lead"
SECURITY: Final = "security lead"
OPERATIONS: Final = "product operations lead"


class Risk(NamedTuple):
    """One AI 600-1 risk.

    Attributes:
        id: stable, kebab-case, public (answers files, lint messages); never renamed.
        title: the risk's name as AI 600-1 gives it.
        about: one line on what goes wrong, after AI 600-1's own definition.
        role: who supplies the answer when the spec does not (export views).
        mentions: regular-expression alternatives (whole words, case-insensitive) for text
            that names the risk in a hand-written PRD; the title's own words come first, so a
            table listing the risk by name always mentions it.
    """

    id: str
    title: str
    about: str
    role: str
    mentions: tuple[str, ...]


RISKS: Final[tuple[Risk, ...]] = (
    Risk(
        "cbrn",
        "CBRN information or capabilities",
        "Eased access to information or help that could be used to make chemical, biological, "
        "radiological or nuclear weapons.",
        TRUST_AND_SAFETY,
        (r"cbrn", r"chemical", r"biological", r"radiological", r"nuclear", r"bio-?weapons?"),
    ),
    Risk(
        "confabulation",
        "Confabulation",
        "Confidently stated but false content (hallucinations), which users may act on.",
        ML,
        (
            r"confabulat\w*",
            r"hallucinat\w*",
            r"fabricat\w*",
            r"made[- ]up",
            r"plausible[- ]but[- ](?:incorrect|wrong|false)",
            r"factual(?:ly)? (?:errors?|incorrect|accuracy)",
            r"grounded(?:ness)?|grounding",
        ),
    ),
    Risk(
        "dangerous-content",
        "Dangerous, violent or hateful content",
        "Output that incites or glorifies violence, hate or self-harm, or tells how to do harm.",
        TRUST_AND_SAFETY,
        (
            r"dangerous,? violent",
            r"violen\w*",
            r"hateful",
            r"hate speech",
            r"self-harm",
            r"extremis\w*",
            r"toxic\w*",
            r"harmful content",
        ),
    ),
    Risk(
        "data-privacy",
        "Data privacy",
        "Leaking, inferring or memorising personal data, in output or through the prompts.",
        PRIVACY,
        (r"data privacy", r"privacy", r"personal data", r"pii", r"gdpr", r"memori[sz]\w*"),
    ),
    Risk(
        "environmental",
        "Environmental impacts",
        "The energy, water and carbon cost of training and running the model.",
        ML,
        (
            r"environment(?:al)?(?: impacts?)?",
            r"energy",
            r"carbon",
            r"emissions?",
            r"sustainab\w*",
            r"footprint",
        ),
    ),
    Risk(
        "harmful-bias",
        "Harmful bias and homogenization",
        "Output that amplifies bias or stereotypes, or flattens the variety of what people see.",
        ML,
        (
            r"harmful bias",
            r"bias(?:es|ed)?",
            r"homogeni[sz]\w*",
            r"stereotyp\w*",
            r"fairness",
            r"discriminat\w*",
        ),
    ),
    Risk(
        "human-ai-configuration",
        "Human-AI configuration",
        "Over-reliance on the system (automation bias), or people misled into treating it as a "
        "person.",
        OPERATIONS,
        (
            r"human-ai configuration",
            r"automation bias",
            r"over-?relian\w*",
            r"over-?trust\w*",
            r"anthropomorphi\w*",
            r"emotional(?:ly)? (?:relian\w*|entangle\w*|attach\w*)",
        ),
    ),
    Risk(
        "information-integrity",
        "Information integrity",
        "Content that makes true and false hard to tell apart: misinformation, disinformation, "
        "deepfakes, output passed off as human.",
        TRUST_AND_SAFETY,
        (
            r"information integrity",
            r"misinformation",
            r"disinformation",
            r"deep-?fakes?",
            r"content provenance",
            r"watermark\w*",
            r"(?:labell?ed|disclosed?) as (?:ai|machine)[- ]generated",
        ),
    ),
    Risk(
        "information-security",
        "Information security",
        "Attacks through or on the model: prompt injection, jailbreaks, data poisoning, leaked "
        "prompts or weights, and help given to attackers.",
        SECURITY,
        (
            r"information security",
            r"prompt[- ]injection",
            r"jailbreak\w*",
            r"data poisoning",
            r"poison\w*",
            r"adversarial",
            r"red[- ]team\w*",
        ),
    ),
    Risk(
        "intellectual-property",
        "Intellectual property",
        "Output that reproduces copyrighted or trademarked work, or exposes trade secrets.",
        LEGAL,
        (
            r"intellectual property",
            r"copyright\w*",
            r"trademark\w*",
            r"plagiar\w*",
            r"trade secrets?",
        ),
    ),
    Risk(
        "obscene-content",
        "Obscene, degrading and/or abusive content",
        "Sexual, degrading or abusive output, including synthetic intimate imagery and CSAM.",
        TRUST_AND_SAFETY,
        (
            r"obscen\w*",
            r"degrading",
            r"abusive",
            r"sexual\w*",
            r"nsfw",
            r"csam",
            r"explicit (?:content|images?|material)",
        ),
    ),
    Risk(
        "value-chain",
        "Value chain and component integration",
        "Third-party models, data and components whose provenance, quality or terms the team "
        "does not control.",
        ML,
        (
            r"value chain",
            r"component integration",
            r"supply chain",
            r"third[- ]party (?:models?|components?|providers?|apis?|llms?)",
            r"(?:model|llm|api) (?:provider|vendor)s?",
            r"upstream models?",
        ),
    ),
)

IDS: Final[tuple[str, ...]] = tuple(risk.id for risk in RISKS)
BY_ID: Final = {risk.id: risk for risk in RISKS}


def get(risk_id: str) -> Risk:
    """The risk with this id; KeyError names the valid ids."""
    try:
        return BY_ID[risk_id]
    except KeyError:
        raise KeyError(f"unknown AI 600-1 risk {risk_id!r}; known: {', '.join(IDS)}") from None


def applies(output_kind: str | None, uses_tools: bool | None, *, answered: bool = False) -> bool:
    """Whether the profile applies: generated output, actions or tool calls, or a spec that
    already answers a risk."""
    return answered or output_kind in OUTPUT_KINDS or uses_tools is True


def why_it_applies(output_kind: str | None, uses_tools: bool | None) -> str:
    """The reason, in words, for messages and the rendered section."""
    if output_kind == "generated":
        return "the output is generated"
    if output_kind == "action" or uses_tools:
        return "the feature takes actions"
    return "the spec answers some of its risks"
