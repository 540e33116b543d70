"""A whole minimal spec typed from nothing: each step is (text on screen, keys to type).

The same script drives the in-process test (all keys sent up front through a pipe) and the
end-to-end test in a real pty (expect the text, then type), so the two cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.questionnaire.keys import CTRL_U, DOWN, ENTER, ESC_ENTER, SPACE, block, line

Step = tuple[str, str]

NO_MORE = ENTER  # an empty entry ends a list of texts

PROBLEM: list[Step] = [
    ("What is the feature called?", line("Ticket triage")),
    ("Who owns this spec", line("Dana Reyes")),
    ("What is the status of this spec?", ENTER),
    ("what does the feature do?", block("Routes each new ticket to a queue.")),
    ("Who will use it?", line("Support agents")),
    ("Who will use it? [2]", NO_MORE),
    ("What user need does this address?", block("Agents lose time routing tickets.")),
    ("What evidence shows the need is real?", block("30% of tickets are re-routed (n=2,000).")),
]
AI_FIT: list[Step] = [
    ("What task does the AI take on?", line("classify")),
    ("What kind of output does the model produce?", line("classification")),
    ("What does the model take as input?", ENTER),  # none picked: no modality proposals
    ("Does the user ask for the output", line("explicit")),
    ("Can the model call tools or take actions", "n"),
    ("Why is AI the right tool here?", block("Tickets are free text in 9 languages.")),
    ("Was a rules engine or heuristic considered?", "y"),
    ("Why is a rules engine or heuristic not enough?", block("Keyword rules misroute 30%.")),
]
SCOPE: list[Step] = [
    ("What is explicitly not a goal?", line("Auto-closing tickets")),
    ("What is explicitly not a goal? [2]", NO_MORE),
    ("Which uses of the output are out of scope?", NO_MORE),
    ("What are its known limitations?", line("Weak on Japanese")),
    ("What are its known limitations? [2]", NO_MORE),
]
BASELINE: list[Step] = [
    ("What does the feature beat today?", line("manual")),
    ("Describe the current approach.", block("Agents route by hand.")),
    ("What is its measured performance?", line("4 min median per ticket")),
]
FAILURE_MODES: list[Step] = [
    (
        "what does that mean for precision and recall?",
        block("A wrong queue is worse than none: favour precision."),
    ),
    # keep the first proposal (false-positive), drop false-negative and model-unavailable
    ("typical of what you described", DOWN + SPACE + DOWN + SPACE + ENTER),
    ("What goes wrong?", ESC_ENTER),
    ("Short id for this failure mode?", ENTER),
    ("Which way does it err?", ENTER),
    ("How bad is it?", line("expensive")),
    ("Can the harm be undone?", "y"),
    ("Who bears the cost?", line("Customer")),
    ("How will you detect it?", line("Re-route rate")),
    ("handles `false-positive` (false positive, expensive) now?", "y"),
    ("What triggers it?", line("low-confidence")),
    ("When exactly does it trigger?", line("Confidence below 0.6")),
    ("What does the feature do instead?", line("fall-back-to-baseline")),
    ("Describe the fallback.", block("The ticket goes to the manual queue.")),
    # proposed from the description: ticket-goes-manual-queue; typed over
    ("Short id for this fallback?", CTRL_U + line("manual-routing")),
    ("Which UX state does the user see?", line("fallback")),
    ("Add another failure mode?", "n"),
]
DATA: list[Step] = [
    ("Add a data source?", "y"),
    ("Name of the data source?", line("Routed tickets 2025")),
    ("What is it used for?", SPACE + ENTER),
    ("Where does it come from?", line("Helpdesk export")),
    ("Who owns it?", line("Support Ops")),
    ("Who approved its use for this feature?", line("Privacy review PR-1")),
    ("On what consent or licence basis", line("Customer ToS 4.2")),
    ("Does it contain personal data", "n"),
    ("How is it labelled", NO_MORE),
    ("How fresh is it?", NO_MORE),
    ("What are its known gaps", NO_MORE),
    ("Add another data source?", "n"),
]
METRICS: list[Step] = [
    ("Add a metric?", "y"),
    ("Name of the metric?", line("Re-route rate")),
    ("What kind of metric is it?", line("guardrail")),
    ("Its value today", line("30")),
    ("Comparator?", line("<=")),
    ("Target number?", line("15")),
    ("Unit?", line("%")),
    ("Over what time window?", line("4 weeks after GA")),
    ("How is it measured?", line("Helpdesk logs")),
    ("Add another metric?", "n"),
]
EVALUATION: list[Step] = [
    ("Add an eval set?", "y"),
    ("Name of the evaluation set?", line("Golden tickets")),
    ("How many examples does it hold?", line("1000")),
    ("How was it built?", block("Random sample, labelled twice.")),
    ("Is it kept apart from training", "y"),
    ("Add a threshold?", "y"),
    ("Which metric must pass on `Golden tickets`?", ENTER),  # Re-route rate, the only one
    ("Comparator?", line("<=")),
    ("Pass threshold?", line("15")),
    ("Unit?", line("%")),
    ("Add another threshold?", "n"),
    ("Which slices are reported separately?", line("Language")),
    ("Which slices are reported separately? [2]", NO_MORE),
    ("Add another eval set?", "n"),
    ("Add an online eval?", "n"),
    ("How are outputs sampled for human review?", NO_MORE),
    ("Below what model confidence", line("0.6")),
    ("What are the launch (go/no-go) criteria?", line("Re-route rate <= 15% on Golden tickets")),
    ("launch (go/no-go) criteria? [2]", NO_MORE),
]
FALLBACKS: list[Step] = [("Add another fallback?", "n")]
UX_STATE = [
    ("When does the user see it?", line("As the state says")),
    ("What does the user see?", line("A short banner")),
    ("What can the user do?", SPACE + ENTER),
]
UX_STATES: list[Step] = [
    # loading, low-confidence, fallback and error are preselected; add human-review (8th)
    ("UX states: which will users meet?", DOWN * 7 + SPACE + ENTER),
    *UX_STATE * 5,
]
OVERSIGHT: list[Step] = [
    ("Where does a human review or approve?", line("Agents see the routing")),
    ("Where does a human review or approve? [2]", NO_MORE),
    ("Who reviews?", line("The tier-1 agent")),
    ("Within what time (SLA)?", line("4 h")),
    ("How can a person override the AI?", line("Move the ticket")),
    ("How can an affected person appeal", line("Reply 'agent'")),
    ("How is feedback captured", line("Re-routes logged weekly")),
]
MONITORING: list[Step] = [
    ("Add a signal?", "y"),
    ("Name of the signal?", line("Re-route rate")),
    ("What kind of signal?", line("correction-rate")),
    ("At what value does it alert?", line("> 20% over 24 h")),
    ("Add another signal?", "n"),
    ("Who owns monitoring", line("Support ML on-call")),
    ("How often are the signals reviewed?", line("Weekly")),
    ("What triggers retraining", line("Re-route rate > 20% for 2 weeks")),
]
ROLLOUT: list[Step] = [
    ("Add a phase?", "y"),
    ("Name of the phase?", line("Canary")),
    ("What kind of phase?", line("canary")),
    ("Who or how much traffic is exposed?", line("5% of tickets")),
    ("What must hold to move to the next phase?", line("Re-route rate <= 15% for 2 weeks")),
    ("Add another phase?", "n"),
    ("What triggers a rollback?", line("Re-route rate > 25% for 1 h")),
    ("How is the feature switched off?", line("Flag triage_enabled")),
    ("Who can pull the kill switch?", line("Support ML on-call")),
]
PRIVACY: list[Step] = [
    ("How is personal data", block("Ticket text stays in the EU region.")),
    ("How long are inputs, outputs and logs kept?", line("Routing logs 30 days")),
    ("Add a signoff?", "y"),
    ("Which role signs off?", line("Privacy")),
    ("Who?", line("J. Okafor")),
    ("Status of the sign-off?", line("approved")),
    ("Add another signoff?", "n"),
]
OPEN_QUESTIONS: list[Step] = [("Add an open question?", "n")]
REVIEW: list[Step] = [("Write now, or pick a section to change", ENTER)]

SECTIONS: list[list[Step]] = [
    PROBLEM,
    AI_FIT,
    SCOPE,
    BASELINE,
    FAILURE_MODES,
    DATA,
    METRICS,
    EVALUATION,
    FALLBACKS,
    UX_STATES,
    OVERSIGHT,
    MONITORING,
    ROLLOUT,
    PRIVACY,
    OPEN_QUESTIONS,
]
MINIMAL_SPEC: list[Step] = [step for section in [*SECTIONS, REVIEW] for step in section]
"""Every answer of a minimal complete spec, in the order the questionnaire asks them, then
the review screen's "write"."""


def keys(steps: list[Step]) -> list[str]:
    return [typed for _, typed in steps]


SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "support-reply-copilot.yaml"


def partial_sample(folder: Path, *, drop: tuple[str, ...], name: str = "partial.yaml") -> Path:
    """A complete sample answers file without the sections in `drop`, written to `folder`."""
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    # the HAX questions the sample predates, answered so only the dropped sections are asked
    data["problem"] |= {"input_modalities": ["text"], "trigger": "explicit", "uses_tools": False}
    for key in drop:
        del data[key]
    path = folder / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


QUICK: list[Step] = [
    ("What is the feature called?", line("Call follow-up drafter")),
    ("Who owns this spec", line("Dana Reyes")),
    ("what does the feature do?", block("Drafts the follow-up email after a sales call.")),
    ("What user need does this address?", block("Reps spend 20 min per call on follow-ups.")),
    ("What kind of output does the model produce?", line("generated")),
    ("What does the feature beat today?", line("manual")),
    ("Describe the current approach.", block("Reps write each email by hand.")),
    ("What is its measured performance?", line("20 min median per call")),
    ("what does that mean for precision and recall?", block("A wrong promise is worse.")),
    ("What goes wrong?", ESC_ENTER),  # the proposal for generated output
    ("Short id for this failure mode?", ENTER),
    ("How bad is it?", line("expensive")),
    ("What triggers it?", line("low-confidence")),
    ("What does the feature do instead?", line("route-to-human")),
    ("Short id for this fallback?", ENTER),
    ("Which UX state does the user see?", line("human-review")),
    ("Name of the metric?", line("Time to follow-up")),
    ("Its value today", line("20")),
    ("Comparator?", line("<=")),
    ("Target number?", line("5")),
    ("Unit?", line("min")),
    ("Name of the evaluation set?", line("Golden calls")),
    ("Which metric must pass on `Golden calls`?", ENTER),
    ("Comparator?", line("<=")),
    ("Pass threshold?", line("5")),
    ("Who owns monitoring", line("Sales ML on-call")),
    ("What triggers a rollback?", line("Complaints > 5 in 1 h")),
    ("Write now, or pick a section to change", ENTER),
]
"""`new --quick` from nothing: every prompt, the review's "write" included."""
