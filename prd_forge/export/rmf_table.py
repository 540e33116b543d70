"""NIST AI RMF 1.0 subcategories (abridged) and the answers that address each.

Each row: the subcategory id, its text abridged, the answer paths that address it (any one
answered is enough to show it), and the role that supplies it when the PRD does not. Many
GOVERN items are about the organisation, not one feature: no PRD holds them.
"""

from __future__ import annotations

GOVERNANCE = "AI governance lead"
ML = "ML engineering lead"
SECURITY = "security lead"
OPERATIONS = "product operations lead"

Row = tuple[str, str, tuple[str, ...], str]

SUBCATEGORIES: tuple[Row, ...] = (
    (
        "GOVERN 1.1",
        "Legal and regulatory requirements involving AI are understood, managed and documented",
        ("privacy.signoffs",),
        GOVERNANCE,
    ),
    (
        "GOVERN 1.2",
        "Trustworthy AI characteristics are integrated into policies, processes and procedures",
        (),
        GOVERNANCE,
    ),
    (
        "GOVERN 1.3",
        "Processes set the level of risk management needed from the organisation's risk tolerance",
        (),
        GOVERNANCE,
    ),
    (
        "GOVERN 1.4",
        "The risk management process and its outcomes are set through transparent policies",
        (),
        GOVERNANCE,
    ),
    (
        "GOVERN 1.5",
        "Risk management is monitored and reviewed periodically, with roles and review frequency",
        ("monitoring.owner", "monitoring.cadence"),
        GOVERNANCE,
    ),
    ("GOVERN 1.6", "Mechanisms are in place to inventory AI systems", (), GOVERNANCE),
    (
        "GOVERN 1.7",
        "Processes exist for decommissioning and phasing out AI systems safely",
        ("rollout.kill_switch",),
        GOVERNANCE,
    ),
    (
        "GOVERN 2.1",
        "Roles, responsibilities and lines of communication for AI risks are documented",
        ("feature.owner", "monitoring.owner", "rollout.kill_switch_owner"),
        GOVERNANCE,
    ),
    ("GOVERN 2.2", "Personnel and partners receive AI risk management training", (), GOVERNANCE),
    (
        "GOVERN 2.3",
        "Executive leadership takes responsibility for decisions about AI risks",
        ("privacy.signoffs",),
        GOVERNANCE,
    ),
    ("GOVERN 3.1", "Decisions on AI risks are informed by a diverse team", (), GOVERNANCE),
    (
        "GOVERN 3.2",
        "Policies define roles for human-AI configurations and oversight",
        ("human_oversight.review_points", "human_oversight.reviewer"),
        GOVERNANCE,
    ),
    ("GOVERN 4.1", "Policies foster critical thinking and a safety-first mindset", (), GOVERNANCE),
    (
        "GOVERN 4.2",
        "Teams document the risks and impacts of the AI they design and communicate them",
        ("failure_modes.modes",),
        GOVERNANCE,
    ),
    (
        "GOVERN 4.3",
        "Practices enable AI testing, incident identification and information sharing",
        ("evaluation.offline_sets", "monitoring.signals"),
        GOVERNANCE,
    ),
    (
        "GOVERN 5.1",
        "Feedback from external parties about impacts is collected and integrated",
        ("human_oversight.appeal_path", "human_oversight.feedback_capture"),
        GOVERNANCE,
    ),
    (
        "GOVERN 5.2",
        "Adjudicated feedback from AI actors is regularly incorporated into design",
        ("human_oversight.feedback_capture",),
        GOVERNANCE,
    ),
    (
        "GOVERN 6.1",
        "Policies address risks from third-party entities, including intellectual property",
        ("data_sources[].basis",),
        GOVERNANCE,
    ),
    (
        "GOVERN 6.2",
        "Contingency processes handle failures in third-party data or AI systems",
        ("fallbacks",),
        GOVERNANCE,
    ),
    (
        "MAP 1.1",
        "Intended purposes, uses, users, settings and expectations are understood and documented",
        ("feature.summary", "problem.user_need", "feature.target_users"),
        OPERATIONS,
    ),
    (
        "MAP 1.2",
        "Interdisciplinary, diverse AI actors take part in establishing context",
        (),
        GOVERNANCE,
    ),
    (
        "MAP 1.3",
        "The organisation's mission and goals for the AI technology are documented",
        ("problem.evidence",),
        OPERATIONS,
    ),
    (
        "MAP 1.4",
        "The business value or context of business use is clearly defined",
        ("metrics",),
        OPERATIONS,
    ),
    (
        "MAP 1.5",
        "Organisational risk tolerances are determined and documented",
        ("failure_modes.worse_error", "evaluation.launch_criteria"),
        GOVERNANCE,
    ),
    (
        "MAP 1.6",
        "System requirements are elicited and design decisions weigh socio-technical effects",
        ("problem.why_ai", "problem.why_not_rules"),
        ML,
    ),
    (
        "MAP 2.1",
        "The tasks and methods the AI system uses are defined",
        ("problem.ai_task", "problem.output_kind"),
        ML,
    ),
    (
        "MAP 2.2",
        "Knowledge limits and how output is used and overseen by humans are documented",
        ("scope.known_limitations", "human_oversight.review_points"),
        ML,
    ),
    (
        "MAP 2.3",
        "TEVV considerations, including data collection and selection, are documented",
        ("data_sources", "evaluation.offline_sets"),
        ML,
    ),
    (
        "MAP 3.1",
        "Potential benefits of the intended functionality are examined and documented",
        ("metrics", "problem.evidence"),
        OPERATIONS,
    ),
    (
        "MAP 3.2",
        "Potential costs, including non-monetary, of AI errors are examined and documented",
        ("failure_modes.modes[].cost_bearer",),
        OPERATIONS,
    ),
    (
        "MAP 3.3",
        "The targeted application scope is specified and documented",
        ("scope.non_goals", "scope.out_of_scope_uses"),
        OPERATIONS,
    ),
    (
        "MAP 3.4",
        "Processes for operator and practitioner proficiency are defined and documented",
        (),
        OPERATIONS,
    ),
    (
        "MAP 3.5",
        "Processes for human oversight are defined, assessed and documented",
        ("human_oversight.review_points", "human_oversight.reviewer", "human_oversight.sla"),
        OPERATIONS,
    ),
    (
        "MAP 4.1",
        "Legal and technology risks of components, including third-party data, are mapped",
        ("data_sources",),
        ML,
    ),
    (
        "MAP 4.2",
        "Internal risk controls for components, including third-party AI, are documented",
        (),
        SECURITY,
    ),
    (
        "MAP 5.1",
        "The likelihood and magnitude of each identified impact are documented",
        ("failure_modes.modes[].severity",),
        OPERATIONS,
    ),
    (
        "MAP 5.2",
        "Regular engagement with AI actors and feedback on impacts is supported",
        ("human_oversight.feedback_capture", "human_oversight.appeal_path"),
        OPERATIONS,
    ),
    (
        "MEASURE 1.1",
        "Metrics for the most significant risks are chosen; unmeasured risks are documented",
        ("metrics", "evaluation.offline_sets"),
        ML,
    ),
    (
        "MEASURE 1.2",
        "Metrics and the effectiveness of controls are regularly assessed and updated",
        ("monitoring.cadence",),
        ML,
    ),
    ("MEASURE 1.3", "Independent assessors take part in regular assessments", (), GOVERNANCE),
    (
        "MEASURE 2.1",
        "Test sets, metrics and tools used during TEVV are documented",
        ("evaluation.offline_sets",),
        ML,
    ),
    (
        "MEASURE 2.2",
        "Evaluations involving human subjects meet requirements and are representative",
        ("evaluation.human_review_sampling",),
        ML,
    ),
    (
        "MEASURE 2.3",
        "Performance is demonstrated for conditions similar to deployment",
        ("evaluation.online", "evaluation.launch_criteria"),
        ML,
    ),
    (
        "MEASURE 2.4",
        "Functionality and behaviour are monitored in production",
        ("monitoring.signals",),
        ML,
    ),
    (
        "MEASURE 2.5",
        "The system is shown to be valid and reliable; limits of generalisation documented",
        ("scope.known_limitations", "evaluation.offline_sets"),
        ML,
    ),
    (
        "MEASURE 2.6",
        "Safety risks are evaluated; the system can fail safely beyond its knowledge limits",
        ("fallbacks", "ux_states"),
        ML,
    ),
    ("MEASURE 2.7", "Security and resilience are evaluated and documented", (), SECURITY),
    (
        "MEASURE 2.8",
        "Risks of transparency and accountability are examined and documented",
        ("ux_states",),
        OPERATIONS,
    ),
    (
        "MEASURE 2.9",
        "The model is explained and validated, and its output interpreted in context",
        (),
        ML,
    ),
    (
        "MEASURE 2.10",
        "Privacy risk is examined and documented",
        ("privacy.pii_handling", "privacy.retention"),
        "data protection officer",
    ),
    (
        "MEASURE 2.11",
        "Fairness and bias are evaluated and results documented",
        ("evaluation.offline_sets[].slices",),
        ML,
    ),
    ("MEASURE 2.12", "Environmental impact and sustainability are assessed and documented", (), ML),
    ("MEASURE 2.13", "The effectiveness of TEVV metrics and processes is evaluated", (), ML),
    (
        "MEASURE 3.1",
        "Existing, unanticipated and emergent risks are tracked regularly",
        ("monitoring.signals", "monitoring.owner"),
        ML,
    ),
    ("MEASURE 3.2", "Risk tracking is considered where measurement is difficult", (), ML),
    (
        "MEASURE 3.3",
        "End users and affected communities can report problems and appeal outcomes",
        ("human_oversight.appeal_path", "human_oversight.feedback_capture"),
        OPERATIONS,
    ),
    (
        "MEASURE 4.1",
        "Measurement approaches are tied to the deployment context and domain experts",
        ("evaluation.online",),
        ML,
    ),
    ("MEASURE 4.2", "Measurement results in deployment are validated with domain experts", (), ML),
    (
        "MEASURE 4.3",
        "Measurable performance improvements or declines are identified and documented",
        ("baseline.measured_value", "metrics"),
        ML,
    ),
    (
        "MANAGE 1.1",
        "Whether the system achieves its purpose and whether deployment should proceed",
        ("evaluation.launch_criteria",),
        OPERATIONS,
    ),
    (
        "MANAGE 1.2",
        "Treatment of documented risks is prioritised by impact and likelihood",
        ("failure_modes.modes[].severity",),
        OPERATIONS,
    ),
    (
        "MANAGE 1.3",
        "Responses to high-priority risks are developed, planned and documented",
        ("failure_modes.modes[].fallbacks", "fallbacks"),
        OPERATIONS,
    ),
    (
        "MANAGE 1.4",
        "Negative residual risks to downstream acquirers and end users are documented",
        (),
        GOVERNANCE,
    ),
    (
        "MANAGE 2.1",
        "Resources to manage risks are weighed, with viable non-AI alternatives",
        ("baseline.kind", "baseline.description"),
        OPERATIONS,
    ),
    (
        "MANAGE 2.2",
        "Mechanisms sustain the value of the deployed system",
        ("monitoring.retraining_trigger",),
        ML,
    ),
    (
        "MANAGE 2.3",
        "Procedures respond to and recover from a newly identified risk",
        ("rollout.rollback_trigger",),
        OPERATIONS,
    ),
    (
        "MANAGE 2.4",
        "Responsibilities are assigned to supersede, disengage or deactivate the system",
        ("rollout.kill_switch", "rollout.kill_switch_owner"),
        OPERATIONS,
    ),
    (
        "MANAGE 3.1",
        "Risks and benefits from third-party resources are monitored and controlled",
        (),
        SECURITY,
    ),
    ("MANAGE 3.2", "Pre-trained models used in development are monitored and maintained", (), ML),
    (
        "MANAGE 4.1",
        "Post-deployment monitoring covers user input, appeal and override, incidents and change",
        ("monitoring.signals", "human_oversight.override_path", "rollout.rollback_trigger"),
        OPERATIONS,
    ),
    (
        "MANAGE 4.2",
        "Continual improvement is built into updates, with engagement of interested parties",
        ("human_oversight.feedback_capture", "monitoring.retraining_trigger"),
        OPERATIONS,
    ),
    (
        "MANAGE 4.3",
        "Incidents and errors are communicated, tracked and responded to",
        (),
        OPERATIONS,
    ),
)
