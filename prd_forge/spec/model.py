"""The answers file of an AI feature spec, as pydantic models.

Every field carries its question (`description`), a line of help and an example: the
questionnaire asks exactly these, and the JSON Schema in schemas/ shows them in editors.

Types are loose on purpose (most fields may be absent) so that a draft saved half-way loads;
completeness (what a spec must say at its status) lives in `spec.completeness`, not in types.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from prd_forge.concerns import genai_risks

SLUG = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
# A target or threshold of .nan or .inf (YAML spells them so) is not a number anyone can meet.
Number = Annotated[float, Field(allow_inf_nan=False)]

_NUMBER = re.compile(r"\d")


def ask(
    question: str,
    *,
    help: str,
    example: Any,
    default: Any = None,
    multiline: bool = False,
    **kwargs: Any,
) -> Any:
    """A field with its question, help and example, as the questionnaire and schema read them.

    `default=...` makes the field required; a list default becomes an empty-list factory.
    """
    extra: dict[str, Any] = {"help": help}
    if multiline:
        extra["multiline"] = True
    if isinstance(default, list):
        return Field(
            default_factory=list,
            description=question,
            examples=[example],
            json_schema_extra=extra,
            **kwargs,
        )
    return Field(
        default,
        description=question,
        examples=[example],
        json_schema_extra=extra,
        **kwargs,
    )


class Model(BaseModel):
    """Base of every spec model: unknown keys are errors, values are immutable once validated."""

    # A YAML author writes `measured_value: 7.5` or `size band: 3`; text fields take numbers.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


# --- enums -------------------------------------------------------------------------------------


class Status(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"
    APPROVED = "approved"
    LAUNCHED = "launched"


class AiTask(StrEnum):
    DECIDE = "decide"
    CREATE = "create"
    CLASSIFY = "classify"
    PREDICT = "predict"
    RETRIEVE = "retrieve"
    RANK = "rank"
    RECOMMEND = "recommend"
    SUMMARIZE = "summarize"
    EXTRACT = "extract"
    TRANSLATE = "translate"
    CONVERSE = "converse"


class OutputKind(StrEnum):
    GENERATED = "generated"
    SELECTED = "selected"
    CLASSIFICATION = "classification"
    RANKING = "ranking"
    FORECAST = "forecast"
    RETRIEVAL = "retrieval"
    EXTRACTION = "extraction"
    ACTION = "action"


class InputModality(StrEnum):
    TEXT = "text"
    SPEECH = "speech"
    IMAGE = "image"
    SCANNED_DOCUMENT = "scanned-document"
    STRUCTURED_DATA = "structured-data"
    SENSOR = "sensor"


class InvocationTrigger(StrEnum):
    EXPLICIT = "explicit"
    IMPLICIT = "implicit"


class BaselineKind(StrEnum):
    MANUAL = "manual"
    HEURISTIC = "heuristic"
    RULES = "rules"
    EXISTING_MODEL = "existing-model"
    NONE = "none"


class ErrorDirection(StrEnum):
    FALSE_POSITIVE = "false-positive"
    FALSE_NEGATIVE = "false-negative"
    PLAUSIBLE_BUT_INCORRECT = "plausible-but-incorrect"
    UNSAFE_OUTPUT = "unsafe-output"
    POOR_RANKING = "poor-ranking"
    STALE_RESULT = "stale-result"
    NO_OUTPUT = "no-output"
    LATENCY_OR_OUTAGE = "latency-or-outage"


class FailureSeverity(StrEnum):
    """How bad one failure mode is for the people it reaches."""

    ANNOYING = "annoying"
    EXPENSIVE = "expensive"
    UNACCEPTABLE = "unacceptable"


class DataPurpose(StrEnum):
    TRAINING = "training"
    RETRIEVAL = "retrieval"
    EVALUATION = "evaluation"
    FEEDBACK = "feedback"


class MetricKind(StrEnum):
    BUSINESS = "business"
    MODEL_QUALITY = "model-quality"
    GUARDRAIL = "guardrail"


class Comparator(StrEnum):
    AT_LEAST = ">="
    AT_MOST = "<="
    ABOVE = ">"
    BELOW = "<"


class OnlineMethod(StrEnum):
    SHADOW = "shadow"
    AB_TEST = "a/b"
    CANARY = "canary"
    INTERLEAVING = "interleaving"


class FallbackTrigger(StrEnum):
    LOW_CONFIDENCE = "low-confidence"
    EMPTY_RETRIEVAL = "empty-retrieval"
    TIMEOUT = "timeout"
    OUTAGE = "outage"
    POLICY_VIOLATION = "policy-violation"
    KILL_SWITCH = "kill-switch"
    USER_REJECTS = "user-rejects"


class FallbackBehaviour(StrEnum):
    ROUTE_TO_HUMAN = "route-to-human"
    BASELINE = "fall-back-to-baseline"
    CLARIFY = "ask-clarifying-question"
    REFUSE = "refuse-gracefully"
    PARTIAL_RESULT = "show-partial-result"
    CACHED_RESULT = "show-cached-result"
    HIDE_FEATURE = "hide-the-feature"


class UxStateName(StrEnum):
    LOADING = "loading"
    SUCCESS = "success"
    LOW_CONFIDENCE = "low-confidence"
    PARTIAL = "partial"
    FALLBACK = "fallback"
    ERROR = "error"
    EMPTY = "empty"
    HUMAN_REVIEW = "human-review"
    REFUSAL = "refusal"
    STALE = "stale"
    FIRST_RUN = "first-run"


class UserAction(StrEnum):
    ACCEPT = "accept"
    EDIT = "edit"
    OVERRIDE = "override"
    RETRY = "retry"
    ESCALATE = "escalate"
    DISMISS = "dismiss"
    UNDO = "undo"
    REPORT = "report"
    WAIT = "wait"


class SignalKind(StrEnum):
    INPUT_DRIFT = "input-drift"
    CORRECTION_RATE = "correction-rate"
    CONFIDENCE_DISTRIBUTION = "confidence-distribution"
    QUALITY = "quality"
    LATENCY = "latency"
    COST = "cost"
    COMPLAINTS = "complaints"


# The AI 600-1 risk ids, built from the one list of them (prd_forge.concerns.genai_risks) so
# that no second copy can drift; mypy cannot see members built from data, and needs none.
GenaiRiskId = StrEnum(  # type: ignore[misc]
    "GenaiRiskId", [(risk.id.upper().replace("-", "_"), risk.id) for risk in genai_risks.RISKS]
)


class RiskStatus(StrEnum):
    ADDRESSED = "addressed"
    NOT_APPLICABLE = "not-applicable"


class PhaseKind(StrEnum):
    SHADOW = "shadow"
    INTERNAL = "internal"
    CANARY = "canary"
    BETA = "beta"
    GENERAL_AVAILABILITY = "general-availability"


REQUIRED_UX_STATES: tuple[UxStateName, ...] = (
    UxStateName.LOADING,
    UxStateName.LOW_CONFIDENCE,
    UxStateName.FALLBACK,
    UxStateName.ERROR,
)
"""UX states every AI feature must describe; human-review joins them when stakes demand it."""


# --- sections ----------------------------------------------------------------------------------


class Feature(Model):
    name: Text | None = ask(
        "What is the feature called?",
        help="A short name reviewers will recognise.",
        example="Support reply copilot",
    )
    owner: Text | None = ask(
        "Who owns this spec (a person or team)?",
        help="The person accountable for the feature and this document.",
        example="Dana Reyes (Support Tools PM)",
    )
    status: Status = ask(
        "What is the status of this spec?",
        help="draft may leave gaps recorded as open questions; review and later accept none.",
        example="draft",
        default=Status.DRAFT,
    )
    summary: Text | None = ask(
        "In two or three sentences, what does the feature do?",
        help="What a busy reviewer reads first.",
        example="Drafts a first reply to each inbound support ticket for the agent to edit.",
        multiline=True,
    )
    target_users: list[Text] = ask(
        "Who will use it?",
        help="The people who see its output, and anyone affected by it.",
        example="Tier-1 support agents",
        default=[],
    )


class Problem(Model):
    user_need: Text | None = ask(
        "What user need does this address?",
        help="The problem in the user's words, not the solution.",
        example="Agents spend most of a shift typing near-identical replies.",
        multiline=True,
    )
    evidence: Text | None = ask(
        "What evidence shows the need is real?",
        help="Research, data, tickets or quotes; a number if you have one.",
        example="62% of tickets in Q2 matched one of 40 macros (ticket audit, n=5,000).",
        multiline=True,
    )
    ai_task: AiTask | None = ask(
        "What task does the AI take on?",
        help="The verb: decide, create, classify, predict, retrieve, rank, summarize...",
        example="create",
    )
    output_kind: OutputKind | None = ask(
        "What kind of output does the model produce?",
        help="It decides which failure modes are typical (HAX Playbook).",
        example="generated",
    )
    input_modalities: list[InputModality] = ask(
        "What does the model take as input?",
        help="Text, speech, images, scanned documents...: each input brings its own errors.",
        example="text",
        default=[],
    )
    trigger: InvocationTrigger | None = ask(
        "Does the user ask for the output, or does it appear on its own?",
        help="explicit (the user asks) or implicit (the system decides when to act).",
        example="explicit",
    )
    uses_tools: bool | None = ask(
        "Can the model call tools or take actions (send, book, change records)?",
        help="Tool calls can fail or do the wrong thing; the cascade proposes that failure.",
        example=False,
    )
    why_ai: Text | None = ask(
        "Why is AI the right tool here?",
        help="What a model can do here that a fixed rule cannot.",
        example="Replies must adapt to free-text tickets in 14 languages.",
        multiline=True,
    )
    rules_considered: bool | None = ask(
        "Was a rules engine or heuristic considered?",
        help="PAIR asks teams to make the case against a deterministic design first.",
        example=True,
    )
    why_not_rules: Text | None = ask(
        "Why is a rules engine or heuristic not enough?",
        help="What the simpler approach gets wrong, ideally with a number.",
        example="Macros cover 62% of tickets but need 3 edits each on average.",
        multiline=True,
    )


class Scope(Model):
    non_goals: list[Text] = ask(
        "What is explicitly not a goal?",
        help="Things reviewers might assume you are building, and you are not.",
        example="Sending replies without an agent's approval",
        default=[],
    )
    out_of_scope_uses: list[Text] = ask(
        "Which uses of the output are out of scope?",
        help="Uses the feature was not designed or evaluated for.",
        example="Legal or refund commitments",
        default=[],
    )
    known_limitations: list[Text] = ask(
        "What are its known limitations?",
        help="Where it is known to do worse: languages, segments, edge cases.",
        example="Weaker on tickets with screenshots only",
        default=[],
    )


class Baseline(Model):
    kind: BaselineKind | None = ask(
        "What does the feature beat today?",
        help="The current way the job gets done; 'none' needs a reason.",
        example="manual",
    )
    description: Text | None = ask(
        "Describe the current approach.",
        help="How the job is done without this feature.",
        example="Agents write replies by hand, using macros for common questions.",
        multiline=True,
    )
    measured_value: Text | None = ask(
        "What is its measured performance?",
        help="A number with its unit and source.",
        example="Median handle time 7.5 min per ticket (Q2 helpdesk data)",
    )
    no_baseline_reason: Text | None = ask(
        "Why is there no baseline?",
        help="Only when nothing comparable exists today.",
        example="A new capability: nothing forecasts runway today.",
    )


class FailureMode(Model):
    id: Slug = ask(
        "Short id for this failure mode?",
        help="Lowercase words joined by hyphens; other answers refer to it.",
        example="wrong-policy-answer",
        default=...,
    )
    description: Text | None = ask(
        "What goes wrong?",
        help="Describe the failure as a user would notice it.",
        example="The draft states a refund policy that does not apply to the customer.",
        multiline=True,
    )
    errs: ErrorDirection | None = ask(
        "Which way does it err?",
        help="False positive, false negative, plausible but incorrect, unsafe output...",
        example="plausible-but-incorrect",
    )
    severity: FailureSeverity | None = ask(
        "How bad is it?",
        help="annoying, expensive or unacceptable; expensive and unacceptable need a fallback.",
        example="expensive",
    )
    reversible: bool | None = ask(
        "Can the harm be undone?",
        help="Irreversible harm calls for stricter thresholds and review.",
        example=True,
    )
    cost_bearer: Text | None = ask(
        "Who bears the cost?",
        help="The user, the customer, the business, a third party...",
        example="Customer, then support (re-contact)",
    )
    detection: Text | None = ask(
        "How will you detect it?",
        help="The signal that shows it happened: a metric, a report, a review sample.",
        example="Agent edits the policy sentence; weekly QA sample of 200 replies",
    )
    fallbacks: list[Slug] = ask(
        "Which fallbacks handle it?",
        help="Ids of fallbacks defined in the fallbacks section.",
        example="route-to-agent",
        default=[],
    )


class FailureModes(Model):
    worse_error: Text | None = ask(
        "Which error is worse, and what does that mean for precision and recall?",
        help="PAIR's reward function: say which mistake costs more and which way you tune.",
        example="A wrong policy statement is worse than no draft: favour precision.",
        multiline=True,
    )
    modes: list[FailureMode] = ask(
        "Failure modes",
        help="Each way the feature can fail, what it costs and what catches it.",
        example={"id": "wrong-policy-answer"},
        default=[],
    )


class DataSource(Model):
    name: Text = ask(
        "Name of the data source?",
        help="What the team calls it.",
        example="Resolved tickets 2023-2025",
        default=...,
    )
    purposes: list[DataPurpose] = ask(
        "What is it used for?",
        help="training, retrieval, evaluation, feedback.",
        example="retrieval",
        default=[],
    )
    provenance: Text | None = ask(
        "Where does it come from?",
        help="System of record, vendor, collection process.",
        example="Helpdesk export, nightly",
    )
    owner: Text | None = ask(
        "Who owns it?",
        help="The team accountable for the data.",
        example="Support Ops",
    )
    approved_by: Text | None = ask(
        "Who approved its use for this feature?",
        help="A person or body: privacy, legal, data governance.",
        example="Privacy review PR-2211 (J. Okafor)",
    )
    basis: Text | None = ask(
        "On what consent or licence basis is it used?",
        help="Terms of service, contract, licence, consent flow.",
        example="Customer ToS section 4.2 (service improvement)",
    )
    contains_pii: bool | None = ask(
        "Does it contain personal data (PII)?",
        help="Names, emails, account numbers, free text about people.",
        example=True,
    )
    pii_handling: Text | None = ask(
        "How is the personal data handled?",
        help="Redaction, pseudonymisation, access control, retention.",
        example="Emails and phone numbers redacted before indexing",
    )
    labelling: Text | None = ask(
        "How is it labelled, if at all?",
        help="Who labels, with what guidelines, and how agreement is checked.",
        example="Not labelled; agent edits act as implicit feedback",
    )
    freshness: Text | None = ask(
        "How fresh is it?",
        help="Update cadence and lag.",
        example="Updated nightly",
    )
    known_gaps: Text | None = ask(
        "What are its known gaps or biases?",
        help="Segments, languages or periods it under-represents.",
        example="Few tickets in Japanese (0.4%)",
    )


class Target(Model):
    comparator: Comparator = ask(
        "Comparator?",
        help=">=, <=, > or <.",
        example=">=",
        default=...,
    )
    value: Number = ask(
        "Target number?",
        help="The number to reach.",
        example=0.9,
        default=...,
    )
    unit: Text | None = ask(
        "Unit?",
        help="%, minutes, ratio, USD...",
        example="%",
    )


class Metric(Model):
    name: Text = ask(
        "Name of the metric?",
        help="What is measured.",
        example="Median handle time",
        default=...,
    )
    kind: MetricKind | None = ask(
        "What kind of metric is it?",
        help="business, model-quality, or guardrail (something that must not get worse).",
        example="business",
    )
    baseline: Number | None = ask(
        "Its value today (the baseline)?",
        help="A number in the same unit as the target.",
        example=7.5,
    )
    target: Target | None = ask(
        "Its target?",
        help="Comparator, number and unit.",
        example={"comparator": "<=", "value": 5.5, "unit": "min"},
    )
    window: Text | None = ask(
        "Over what time window?",
        help="When the target must be met, or the window it is averaged over.",
        example="4 weeks after GA",
    )
    method: Text | None = ask(
        "How is it measured?",
        help="Data source and computation.",
        example="Helpdesk timestamps, tickets with a draft shown",
    )


class Threshold(Model):
    metric: Text = ask(
        "Which metric must pass?",
        help="Computed on this evaluation set.",
        example="Policy accuracy",
        default=...,
    )
    comparator: Comparator = ask(
        "Comparator?",
        help=">=, <=, > or <.",
        example=">=",
        default=...,
    )
    value: Number = ask(
        "Pass threshold?",
        help="The number the metric must reach to launch.",
        example=0.97,
        default=...,
    )
    unit: Text | None = ask(
        "Unit?",
        help="%, ratio, ms...",
        example="ratio",
    )


class EvalSet(Model):
    name: Text = ask(
        "Name of the evaluation set?",
        help="What the team calls it.",
        example="Golden tickets v3",
        default=...,
    )
    size: Annotated[int, Field(gt=0)] | None = ask(
        "How many examples does it hold?",
        help="The number of items scored.",
        example=1200,
    )
    construction: Text | None = ask(
        "How was it built?",
        help="Sampling, labelling, who reviewed it.",
        example="Stratified sample of Q3 tickets, replies graded by 2 senior agents",
        multiline=True,
    )
    kept_apart_from_training: bool | None = ask(
        "Is it kept apart from training and retrieval data?",
        help="Leakage makes every number optimistic.",
        example=True,
    )
    thresholds: list[Threshold] = ask(
        "Pass thresholds",
        help="One numeric threshold per metric.",
        example={"metric": "Policy accuracy", "comparator": ">=", "value": 0.97},
        default=[],
    )
    slices: list[Text] = ask(
        "Which slices are reported separately?",
        help="Segments where quality may differ: language, plan, device...",
        example="Language",
        default=[],
    )


class OnlineEval(Model):
    method: OnlineMethod = ask(
        "Which online method?",
        help="shadow, a/b, canary or interleaving.",
        example="a/b",
        default=...,
    )
    criteria: Text | None = ask(
        "What must it show to pass?",
        help="The decision rule, with numbers.",
        example="Handle time down >= 15% with CSAT not down more than 1 point",
    )


class Evaluation(Model):
    offline_sets: list[EvalSet] = ask(
        "Offline evaluation sets",
        help="Named data scored before launch.",
        example={"name": "Golden tickets v3"},
        default=[],
    )
    online: list[OnlineEval] = ask(
        "Online evaluation",
        help="Shadow, A/B or canary checks after launch starts.",
        example={"method": "a/b"},
        default=[],
    )
    human_review_sampling: Text | None = ask(
        "How are outputs sampled for human review?",
        help="How many, how often, by whom.",
        example="200 drafts a week graded by QA",
    )
    confidence_threshold: Annotated[float, Field(ge=0, le=1)] | None = ask(
        "Below what model confidence is the output not shown as-is (0 to 1)?",
        help="The threshold for the first release; fallbacks say what happens below it.",
        example=0.7,
    )
    launch_criteria: list[Text] = ask(
        "What are the launch (go/no-go) criteria?",
        help="Checks that must all hold to ship, referring to the thresholds above.",
        example="Policy accuracy >= 0.97 on Golden tickets v3 in every language slice",
        default=[],
    )


class Fallback(Model):
    id: Slug = ask(
        "Short id for this fallback?",
        help="Lowercase words joined by hyphens; failure modes refer to it.",
        example="route-to-agent",
        default=...,
    )
    trigger: FallbackTrigger | None = ask(
        "What triggers it?",
        help="low confidence, empty retrieval, timeout, outage, kill switch...",
        example="low-confidence",
    )
    trigger_detail: Text | None = ask(
        "When exactly does it trigger?",
        help="The condition with its number.",
        example="Confidence below 0.7",
    )
    behaviour: FallbackBehaviour | None = ask(
        "What does the feature do instead?",
        help="Route to a human, fall back to the baseline, ask, refuse, show a partial result...",
        example="route-to-human",
    )
    description: Text | None = ask(
        "Describe the fallback.",
        help="What happens, in a sentence or two.",
        example="No draft is shown; the ticket stays in the agent's queue as today.",
        multiline=True,
    )
    ux_state: UxStateName | None = ask(
        "Which UX state does the user see?",
        help="One of the UX states described in the UX states section.",
        example="fallback",
    )


class UxState(Model):
    state: UxStateName = ask(
        "Which state?",
        help="loading, low-confidence, fallback, error, human-review, empty, partial...",
        example="low-confidence",
        default=...,
    )
    trigger: Text | None = ask(
        "When does the user see it?",
        help="The condition that puts the user in this state.",
        example="Draft confidence between 0.7 and 0.85",
    )
    user_sees: Text | None = ask(
        "What does the user see?",
        help="The copy or visual treatment.",
        example="The draft with an amber 'Check before sending' banner",
    )
    user_can: list[UserAction] = ask(
        "What can the user do?",
        help="accept, edit, override, retry, escalate, dismiss, undo, report, wait.",
        example="edit",
        default=[],
    )


class HumanOversight(Model):
    review_points: list[Text] = ask(
        "Where does a human review or approve?",
        help="Each decision point that needs a person.",
        example="Agent approves every draft before it is sent",
        default=[],
    )
    reviewer: Text | None = ask(
        "Who reviews?",
        help="A role or team.",
        example="The assigned tier-1 agent",
    )
    sla: Text | None = ask(
        "Within what time (SLA)?",
        help="How long a review may take.",
        example="Within the ticket's first-response SLA (4 h)",
    )
    override_path: Text | None = ask(
        "How can a person override the AI?",
        help="What they do and what happens next.",
        example="Discard the draft and write by hand",
    )
    appeal_path: Text | None = ask(
        "How can an affected person appeal or report a problem?",
        help="For end users or customers affected by the output.",
        example="Customers reply 'agent' to reach a person; complaints go to QA",
    )
    feedback_capture: Text | None = ask(
        "How is feedback captured, and where does it go?",
        help="Thumbs, edits, reports; the queue or dataset they land in.",
        example="Agent edits diffed and logged to the eval backlog weekly",
    )


class Signal(Model):
    name: Text = ask(
        "Name of the signal?",
        help="What is watched.",
        example="Draft discard rate",
        default=...,
    )
    kind: SignalKind | None = ask(
        "What kind of signal?",
        help="input-drift, correction-rate, confidence-distribution, quality, latency, cost...",
        example="correction-rate",
    )
    alert_threshold: Text | None = ask(
        "At what value does it alert?",
        help="A number and a window.",
        example="> 35% over 24 h",
    )

    @field_validator("alert_threshold")
    @classmethod
    def _alert_has_number(cls, value: str | None) -> str | None:
        if value is not None and not _NUMBER.search(value):
            raise ValueError("an alert threshold needs a number, e.g. '> 35% over 24 h'")
        return value


class Monitoring(Model):
    signals: list[Signal] = ask(
        "Monitoring signals",
        help="Drift, correction rate, confidence, latency, cost: each with an alert threshold.",
        example={"name": "Draft discard rate", "alert_threshold": "> 35% over 24 h"},
        default=[],
    )
    owner: Text | None = ask(
        "Who owns monitoring and responds to alerts?",
        help="A named person or team, not 'the team'.",
        example="Support ML on-call",
    )
    cadence: Text | None = ask(
        "How often are the signals reviewed?",
        help="Dashboards daily, a quality review weekly...",
        example="Daily dashboard; weekly quality review",
    )
    retraining_trigger: Text | None = ask(
        "What triggers retraining or an update?",
        help="The condition, and who decides.",
        example="Discard rate > 30% for 2 weeks, or a new policy launch",
    )


class Phase(Model):
    name: Text = ask(
        "Name of the phase?",
        help="What the team calls it.",
        example="Canary",
        default=...,
    )
    kind: PhaseKind | None = ask(
        "What kind of phase?",
        help="shadow, internal, canary, beta or general-availability.",
        example="canary",
    )
    exposure: Text | None = ask(
        "Who or how much traffic is exposed?",
        help="A percentage or a named group.",
        example="5% of tier-1 agents",
    )
    gate: Text | None = ask(
        "What must hold to move to the next phase?",
        help="The gate, with numbers.",
        example="Discard rate <= 25% and no severity-1 incident for 2 weeks",
    )


class Rollout(Model):
    phases: list[Phase] = ask(
        "Rollout phases",
        help="Shadow, canary, GA... each with the gate to the next.",
        example={"name": "Canary", "exposure": "5%"},
        default=[],
    )
    rollback_trigger: Text | None = ask(
        "What triggers a rollback?",
        help="A numeric condition that anyone on call can check.",
        example="Discard rate > 40% for 1 h, or any severity-1 incident",
    )
    kill_switch: Text | None = ask(
        "How is the feature switched off?",
        help="The flag or config, and what users see then.",
        example="Flag support_copilot_enabled; agents see the plain editor",
    )
    kill_switch_owner: Text | None = ask(
        "Who can pull the kill switch?",
        help="A named role reachable at any hour.",
        example="Support ML on-call",
    )


class Signoff(Model):
    role: Text = ask(
        "Which role signs off?",
        help="Legal, privacy, security, risk...",
        example="Privacy",
        default=...,
    )
    name: Text | None = ask(
        "Who?",
        help="A named person.",
        example="J. Okafor",
    )
    status: Text | None = ask(
        "Status of the sign-off?",
        help="pending, approved, approved with conditions...",
        example="approved",
    )


class Privacy(Model):
    pii_handling: Text | None = ask(
        "How is personal data in inputs, outputs and logs handled?",
        help="What is stored, redacted or sent to third parties.",
        example="Prompts logged without customer emails; no data leaves the EU region",
        multiline=True,
    )
    retention: Text | None = ask(
        "How long are inputs, outputs and logs kept?",
        help="Per kind of data.",
        example="Prompts and drafts 30 days; edits 1 year, pseudonymised",
    )
    signoffs: list[Signoff] = ask(
        "Legal and risk sign-offs",
        help="Who must approve before launch, and where each stands.",
        example={"role": "Privacy", "status": "approved"},
        default=[],
    )


class GenaiRisk(Model):
    risk: GenaiRiskId = ask(
        "Which NIST AI 600-1 risk?",
        help="One of the twelve risks of the Generative AI Profile, by id.",
        example="confabulation",
        default=...,
    )
    status: RiskStatus | None = ask(
        "Is it addressed, or does it not apply?",
        help="addressed (say how) or not-applicable (say why it cannot arise here).",
        example="addressed",
    )
    how: Text | None = ask(
        "How is it addressed?",
        help="The mitigation; name the fallback ids, evaluation sets or failure modes it uses.",
        example="Every draft cites the policy article it relies on; eval set policy-golden-500.",
        multiline=True,
    )
    reason: Text | None = ask(
        "Why does it not apply?",
        help="What about the feature rules the risk out.",
        example="Replies are limited to the help-center topics, all about billing.",
        multiline=True,
    )


class OpenQuestion(Model):
    question: Text = ask(
        "What is the open question?",
        help="A decision not yet made.",
        example="Do we show drafts for refund tickets in the first release?",
        default=...,
    )
    owner: Text | None = ask(
        "Who will answer it?",
        help="A named person.",
        example="Dana Reyes",
    )
    due: Text | None = ask(
        "By when?",
        help="A date (YYYY-MM-DD).",
        example="2026-12-15",
    )

    @field_validator("due", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        # YAML reads an unquoted 2026-12-15 as a date; keep it as the text the author wrote.
        return value.isoformat() if isinstance(value, date) else value

    blocks: str | None = ask(
        "Which concern does it block?",
        help="A concern id (fallbacks, evaluation, ...) or a field path; a draft may leave "
        "that concern open only through such a question.",
        example="fallbacks",
    )


APPROVAL_DIGEST = r"^[a-z][a-z0-9-]*:[0-9a-f]{16}(?:, ?[a-z][a-z0-9-]*:[0-9a-f]{16})*$"


class Approval(Model):
    """A sign-off bound to the content it approved (recorded by `prd-forge approve`)."""

    role: Slug = ask(
        "Which role approved?",
        help="product, engineering, ml, privacy, legal, or a role the team configures.",
        example="ml",
        default=...,
    )
    name: Text = ask(
        "Who approved?",
        help="A named person.",
        example="Priya Raman",
        default=...,
    )
    date: Text = ask(
        "When (YYYY-MM-DD)?",
        help="The day of the approval.",
        example="2026-11-30",
        default=...,
    )
    digest: Annotated[str, StringConstraints(pattern=APPROVAL_DIGEST)] = ask(
        "Digest of the approved sections",
        help="Written by `prd-forge approve`: one digest per signed section; do not edit it.",
        example="evaluation:0123456789abcdef, fallbacks:fedcba9876543210",
        default=...,
    )

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value

    @field_validator("digest")
    @classmethod
    def _known_sections(cls, value: str) -> str:
        from prd_forge import catalogue

        for part in value.split(","):
            concern = part.strip().split(":")[0]
            if concern not in catalogue.IDS:
                raise ValueError(f"the digest names {concern!r}, which is not a concern id")
        return value


class Spec(Model):
    """An AI feature spec: the answers file."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        title="prd-forge answers file",
        json_schema_extra={"$comment": "Generated by `prd-forge schema`; do not edit."},
    )

    feature: Feature = ask(
        "The feature",
        help="Name, owner, status and summary.",
        example={"name": "Support reply copilot"},
        default=None,
        validate_default=True,
    )
    problem: Problem = ask(
        "The problem",
        help="The user need, why AI, and why not rules.",
        example={"user_need": "..."},
        default=None,
        validate_default=True,
    )
    scope: Scope = ask(
        "Scope",
        help="Non-goals, out-of-scope uses, limitations.",
        example={"non_goals": ["..."]},
        default=None,
        validate_default=True,
    )
    baseline: Baseline = ask(
        "Baseline",
        help="What is beaten today, with its number.",
        example={"kind": "manual"},
        default=None,
        validate_default=True,
    )
    failure_modes: FailureModes = ask(
        "Failure modes",
        help="How it fails, what it costs, which error is worse.",
        example={"worse_error": "..."},
        default=None,
        validate_default=True,
    )
    data_sources: list[DataSource] = ask(
        "Data sources",
        help="Each data source with provenance, approval and PII.",
        example={"name": "..."},
        default=[],
    )
    metrics: list[Metric] = ask(
        "Success metrics",
        help="Business, model-quality and guardrail metrics with targets.",
        example={"name": "..."},
        default=[],
    )
    evaluation: Evaluation = ask(
        "Evaluation",
        help="Offline sets with thresholds, online checks, launch criteria.",
        example={"offline_sets": []},
        default=None,
        validate_default=True,
    )
    fallbacks: list[Fallback] = ask(
        "Fallbacks",
        help="What happens when the model is unsure, wrong or down.",
        example={"id": "route-to-agent"},
        default=[],
    )
    ux_states: list[UxState] = ask(
        "UX states",
        help="What users see in each state, and what they can do.",
        example={"state": "loading"},
        default=[],
    )
    human_oversight: HumanOversight = ask(
        "Human oversight",
        help="Review points, reviewer, SLA, override and appeal, feedback.",
        example={"reviewer": "..."},
        default=None,
        validate_default=True,
    )
    monitoring: Monitoring = ask(
        "Monitoring",
        help="Signals with alert thresholds, owner, cadence.",
        example={"owner": "..."},
        default=None,
        validate_default=True,
    )
    rollout: Rollout = ask(
        "Rollout",
        help="Phases with gates, rollback trigger, kill switch.",
        example={"phases": []},
        default=None,
        validate_default=True,
    )
    privacy: Privacy = ask(
        "Privacy and approvals",
        help="PII handling, retention, sign-offs.",
        example={"retention": "..."},
        default=None,
        validate_default=True,
    )
    genai_risks: list[GenaiRisk] = ask(
        "Generative AI risks (NIST AI 600-1)",
        help="When the output is generated or the feature takes actions: each risk of the "
        "Generative AI Profile, addressed (how) or not applicable (why).",
        example={"risk": "confabulation", "status": "addressed"},
        default=[],
    )
    open_questions: list[OpenQuestion] = ask(
        "Open questions",
        help="Decisions not yet made, each with an owner and a date.",
        example={"question": "..."},
        default=[],
    )
    approvals: list[Approval] = ask(
        "Approvals",
        help="Sign-offs bound to the sections they approved; written by `prd-forge approve`.",
        example={"role": "ml", "name": "Priya Raman"},
        default=[],
    )

    @field_validator(
        "feature",
        "problem",
        "scope",
        "baseline",
        "failure_modes",
        "evaluation",
        "human_oversight",
        "monitoring",
        "rollout",
        "privacy",
        mode="before",
    )
    @classmethod
    def _absent_section_is_empty(cls, value: Any) -> Any:
        # An absent or null section is an empty one: completeness reports what it lacks.
        return {} if value is None else value


SECTION_MODELS: dict[str, type[Model]] = {
    "feature": Feature,
    "problem": Problem,
    "scope": Scope,
    "baseline": Baseline,
    "failure_modes": FailureModes,
    "data_sources": DataSource,
    "metrics": Metric,
    "evaluation": Evaluation,
    "fallbacks": Fallback,
    "ux_states": UxState,
    "human_oversight": HumanOversight,
    "monitoring": Monitoring,
    "rollout": Rollout,
    "privacy": Privacy,
    "genai_risks": GenaiRisk,
    "open_questions": OpenQuestion,
    "approvals": Approval,
}
"""The model of each top-level key (the item model for lists)."""
