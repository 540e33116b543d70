"""The catalogue of concerns an AI-feature spec must address.

Everything prd-forge does is a view of this table: the questionnaire walks it, the spec model's
completeness checks apply it to structured answers, the renderer writes one section per concern,
and the linter looks for each concern in hand-written Markdown.

This module is plain data with no third-party imports, so the lint path can load it cheaply.
Concern ids are public (JSON output, config, suppression comments): add concerns, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final


class Level(StrEnum):
    """How strongly a spec must address a concern."""

    REQUIRED = "required"
    RECOMMENDED = "recommended"


@dataclass(frozen=True, slots=True)
class Concern:
    """One thing an AI-feature spec must address.

    Attributes:
        id: stable, kebab-case, public.
        title: the section title prd-forge renders and reports.
        why: one line on what goes wrong when a spec leaves it out.
        anchor: the public guidance the `why` comes from.
        level: required or recommended.
        ai_only: True when the concern applies only to features built on a model.
        aliases: heading words real PRDs use for it (matched after normalisation).
        signals: words whose presence in a section body shows substance for it.
        fields: the spec-model field paths that answer it.
    """

    id: str
    title: str
    why: str
    anchor: str
    level: Level
    ai_only: bool
    aliases: tuple[str, ...]
    signals: tuple[str, ...]
    fields: tuple[str, ...]

    @property
    def required(self) -> bool:
        return self.level is Level.REQUIRED


CONCERNS: Final[tuple[Concern, ...]] = (
    Concern(
        id="problem",
        title="Problem and user need",
        why="Without evidence of a real user need, AI gets built for its own sake.",
        anchor="PAIR Guidebook, User Needs + Defining Success; NIST AI RMF MAP 1.1",
        level=Level.REQUIRED,
        ai_only=False,
        aliases=(
            "problem",
            "problem statement",
            "the problem",
            "user need",
            "user needs",
            "user problem",
            "problem alignment",
            "background",
            "context",
            "context and scope",
            "motivation",
            "why now",
            "opportunity",
            "overview",
            "summary",
            "executive summary",
            "tl;dr",
            "tldr",
            "description",
            "what is it",
            "goals",
            "goals and non-goals",
            "objectives",
            "customer problem",
            "pain points",
            "jobs to be done",
        ),
        signals=("user", "customer", "need", "evidence", "today", "pain", "because"),
        fields=("feature", "problem.user_need", "problem.evidence"),
    ),
    Concern(
        id="ai-fit",
        title="Why AI",
        why="A deterministic rule may do the job; the spec must make the case for a model.",
        anchor="PAIR Guidebook, User Needs worksheet (make a case for AI; augment or automate)",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "why ai",
            "why ai?",
            "why use ai",
            "why machine learning",
            "why ml",
            "ai fit",
            "ai rationale",
            "approach",
            "technical approach",
            "model approach",
            "model choice",
            "solution approach",
            "augmentation vs automation",
            "automation vs augmentation",
            "why not rules",
            "why not a rules engine",
            "alternatives considered",
            "ml approach",
            "high level approach",
        ),
        signals=("model", "rules", "heuristic", "learn", "llm", "classifier", "deterministic"),
        fields=(
            "problem.ai_task",
            "problem.output_kind",
            "problem.why_ai",
            "problem.why_not_rules",
        ),
    ),
    Concern(
        id="scope",
        title="Scope and limitations",
        why="Unbounded claims cannot be evaluated; out-of-scope uses are where harm happens.",
        anchor="NIST AI RMF MAP 3.3, MEASURE 2.5; model cards (Out-of-Scope Use); HAX G1",
        level=Level.REQUIRED,
        ai_only=False,
        aliases=(
            "scope",
            "in scope",
            "out of scope",
            "non-goals",
            "non goals",
            "nongoals",
            "not doing",
            "what we're not doing",
            "what we are not building",
            "limitations",
            "known limitations",
            "intended use",
            "intended uses",
            "out-of-scope use",
            "out-of-scope uses",
            "misuse",
            "boundaries",
            "assumptions and limitations",
            "capability bounds",
        ),
        signals=("not", "out of scope", "limitation", "won't", "will not", "excluded"),
        fields=("scope.non_goals", "scope.out_of_scope_uses", "scope.known_limitations"),
    ),
    Concern(
        id="baseline",
        title="Baseline",
        why="Success means nothing without the number the feature has to beat.",
        anchor="NIST AI RMF MAP 3 (compared with appropriate benchmarks), MANAGE 2.1",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "baseline",
            "baselines",
            "current state",
            "current process",
            "status quo",
            "today",
            "how it works today",
            "existing solution",
            "existing process",
            "benchmark",
            "benchmarks",
            "non-ai alternative",
            "what we're beating",
            "what we are beating",
            "as-is",
            "current performance",
        ),
        signals=("today", "current", "manual", "baseline", "heuristic", "%", "median"),
        fields=("baseline",),
    ),
    Concern(
        id="error-cost",
        title="Failure modes and error cost",
        why="Which error is worse drives thresholds, UX and review; each failure needs a way out.",
        anchor="PAIR Guidebook (reward function; Errors + Graceful Failure); NIST AI RMF MAP 3.2, "
        "MAP 5.1; HAX Playbook failure taxonomy",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "error cost",
            "cost of errors",
            "cost of error",
            "error costs",
            "errors",
            "error analysis",
            "failure modes",
            "failure mode",
            "failure modes and effects",
            "failure scenarios",
            "what can go wrong",
            "when the model is wrong",
            "risks",
            "risk",
            "risks and mitigations",
            "risk register",
            "risk assessment",
            "risks and failure modes",
            "precision vs recall",
            "precision/recall trade-off",
            "false positives and false negatives",
            "harms",
            "potential harms",
        ),
        signals=(
            "false positive",
            "false negative",
            "precision",
            "recall",
            "severity",
            "wrong",
            "cost",
            "hallucinat",
            "incorrect",
        ),
        fields=("failure_modes",),
    ),
    Concern(
        id="data",
        title="Data sources",
        why="Data determines behaviour and carries privacy and legal exposure.",
        anchor="PAIR Guidebook, Data Collection + Evaluation; Datasheets for Datasets; "
        "Data Cards; NIST AI RMF MAP 2.3, MAP 4.1",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "data",
            "data sources",
            "data source",
            "datasets",
            "dataset",
            "training data",
            "data requirements",
            "data needs",
            "data pipeline",
            "inputs",
            "input data",
            "data provenance",
            "data and labelling",
            "data and labeling",
            "labelling",
            "labeling",
            "datasheet",
            "data card",
        ),
        signals=("pii", "provenance", "licen", "consent", "owner", "label", "retention"),
        fields=("data_sources",),
    ),
    Concern(
        id="metrics",
        title="Success metrics",
        why="A metric with a baseline, a numeric target and a window is a testable definition "
        "of done.",
        anchor="PAIR Guidebook, Define success criteria; NIST AI RMF MAP 1.1",
        level=Level.REQUIRED,
        ai_only=False,
        aliases=(
            "success metrics",
            "metrics",
            "success",
            "success criteria",
            "kpis",
            "kpi",
            "key results",
            "okrs",
            "measures of success",
            "how we'll know it works",
            "how we will know it works",
            "how will we know it's working",
            "how do we know we solved it",
            "goals and metrics",
            "success measures",
            "guardrail metrics",
            "counter-metrics",
            "north star",
            "north star metric",
            "impact",
        ),
        signals=("%", "target", "baseline", "increase", "reduce", "metric", "per week"),
        fields=("metrics",),
    ),
    Concern(
        id="evaluation",
        title="Evaluation",
        why="Launch on evidence: named data, metrics, slices and pass thresholds, before and "
        "after launch.",
        anchor="NIST AI RMF MEASURE 2.1, 2.3, 2.11, MANAGE 1.1; model cards (Evaluation, Factors)",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "evaluation",
            "evaluation plan",
            "evaluation criteria",
            "eval",
            "evals",
            "eval plan",
            "offline evaluation",
            "online evaluation",
            "model evaluation",
            "testing",
            "test plan",
            "quality bar",
            "quality criteria",
            "acceptance criteria",
            "launch criteria",
            "launch gates",
            "go/no-go",
            "go no go",
            "go/no-go criteria",
            "validation",
            "benchmarking",
            "golden set",
            "red teaming",
        ),
        signals=("test set", "eval", "threshold", "slice", "precision", "recall", "golden", "n="),
        fields=("evaluation",),
    ),
    Concern(
        id="fallbacks",
        title="Fallbacks",
        why="When the model is unsure or wrong, users need a path forward, not a dead end.",
        anchor="PAIR Guidebook, Errors + Graceful Failure (paths forward); HAX G9, G10; "
        "NIST AI RMF MEASURE 2.6 (fail safely)",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "fallbacks",
            "fallback",
            "fallback behavior",
            "fallback behaviour",
            "fallback plan",
            "fallback strategy",
            "graceful degradation",
            "degraded mode",
            "degradation",
            "plan b",
            "mitigations",
            "mitigation",
            "mitigation plan",
            "recovery",
            "error handling",
            "error recovery",
            "when the model is unsure",
            "low confidence handling",
            "confidence policy",
            "confidence thresholds",
            "guardrails",
            "safety net",
        ),
        signals=("fallback", "fall back", "route", "human", "degrade", "threshold", "instead"),
        fields=("fallbacks",),
    ),
    Concern(
        id="ux-states",
        title="UX states",
        why="Loading, low-confidence, fallback, error and review states are the product users "
        "actually meet.",
        anchor="PAIR Guidebook, Errors + Graceful Failure; HAX G1, G2, G8-G10",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "ux states",
            "ux",
            "user experience",
            "states",
            "ui states",
            "edge cases",
            "edge states",
            "empty states",
            "error states",
            "user flows",
            "key flows",
            "design",
            "user interaction and design",
            "ux and design",
            "interaction design",
            "screens",
            "what the user sees",
        ),
        signals=(
            "loading",
            "low-confidence",
            "low confidence",
            "error",
            "empty",
            "spinner",
            "retry",
        ),
        fields=("ux_states",),
    ),
    Concern(
        id="human-oversight",
        title="Human oversight",
        why="Someone must be able to review, override and appeal; feedback has to go somewhere.",
        anchor="NIST AI RMF MAP 3.5, MANAGE 4.1; HAX G9, G15; EU AI Act Annex IV",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "human oversight",
            "human in the loop",
            "human-in-the-loop",
            "hitl",
            "human review",
            "review process",
            "oversight",
            "override",
            "overrides",
            "appeals",
            "appeal process",
            "feedback",
            "feedback loop",
            "user feedback",
            "user control",
            "feedback and control",
            "escalation",
            "moderation",
        ),
        signals=("review", "override", "appeal", "sla", "escalat", "feedback", "human"),
        fields=("human_oversight",),
    ),
    Concern(
        id="monitoring",
        title="Monitoring",
        why="Models drift after launch; someone must own the signals and their alert thresholds.",
        anchor="NIST AI RMF MEASURE 2.4, 3.1, MANAGE 4.1; EU AI Act Annex IV (post-market "
        "monitoring)",
        level=Level.REQUIRED,
        ai_only=True,
        aliases=(
            "monitoring",
            "monitoring plan",
            "observability",
            "post-launch monitoring",
            "post launch monitoring",
            "production monitoring",
            "alerting",
            "alerts",
            "drift",
            "drift detection",
            "model monitoring",
            "ongoing evaluation",
            "maintenance",
            "operations",
            "telemetry",
            "dashboards",
        ),
        signals=("alert", "drift", "dashboard", "owner", "on-call", "threshold", "weekly"),
        fields=("monitoring",),
    ),
    Concern(
        id="rollout",
        title="Rollout and rollback",
        why="A phased launch with gates, a rollback trigger and a kill switch with an owner "
        "limits the blast radius.",
        anchor="NIST AI RMF MANAGE 1.1, MANAGE 2.4 (supersede, disengage, deactivate)",
        level=Level.REQUIRED,
        ai_only=False,
        aliases=(
            "rollout",
            "roll-out",
            "rollout plan",
            "launch plan",
            "launch",
            "release plan",
            "release",
            "go to market",
            "go-to-market",
            "rollback",
            "rollback plan",
            "kill switch",
            "phased rollout",
            "launch readiness",
            "deployment",
            "deployment plan",
            "milestones",
            "timeline",
            "ramp plan",
            "experiment plan",
        ),
        signals=("%", "canary", "shadow", "rollback", "roll back", "kill switch", "flag", "ga"),
        fields=("rollout",),
    ),
    Concern(
        id="privacy",
        title="Privacy and approvals",
        why="Personal data, retention and sign-offs are legal exposure, decided before launch.",
        anchor="NIST AI RMF MEASURE 2.10; Datasheets for Datasets; EU AI Act Annex IV",
        level=Level.RECOMMENDED,
        ai_only=False,
        aliases=(
            "privacy",
            "privacy and security",
            "security and privacy",
            "privacy considerations",
            "data privacy",
            "compliance",
            "legal",
            "legal and compliance",
            "approvals",
            "sign-off",
            "sign-offs",
            "signoff",
            "reviewers",
            "security",
            "responsible ai",
            "ethics",
            "ethical considerations",
            "trust and safety",
            "policy",
        ),
        signals=("pii", "gdpr", "retention", "legal", "sign-off", "approved", "consent"),
        fields=("privacy",),
    ),
    Concern(
        id="open-questions",
        title="Open questions",
        why="Unresolved decisions stay visible, each with an owner and a date.",
        anchor="Atlassian requirements blueprint (Questions); Kevin Yien PRD template",
        level=Level.RECOMMENDED,
        ai_only=False,
        aliases=(
            "open questions",
            "questions",
            "open issues",
            "unresolved questions",
            "outstanding questions",
            "faq",
            "unknowns",
            "decisions needed",
            "parking lot",
            "next steps",
        ),
        signals=("?", "owner", "due", "decide"),
        fields=("open_questions",),
    ),
)

BY_ID: Final = MappingProxyType({concern.id: concern for concern in CONCERNS})
"""Concern by id; read-only."""

IDS: Final[tuple[str, ...]] = tuple(concern.id for concern in CONCERNS)


def get(concern_id: str) -> Concern:
    """The concern with this id; KeyError names the valid ids."""
    try:
        return BY_ID[concern_id]
    except KeyError:
        raise KeyError(f"unknown concern {concern_id!r}; known: {', '.join(IDS)}") from None


def applicable(*, ai: bool) -> tuple[Concern, ...]:
    """The concerns that apply to a feature that does (or does not) use a model."""
    return tuple(c for c in CONCERNS if ai or not c.ai_only)
