"""`new --quick`: the core questions, and everything else recorded as open questions.

About 25 prompts: the feature, its problem and output kind, the worse error, the baseline, one
metric with its target, one failure mode with its fallback and UX state, one offline evaluation
set with its threshold, the owner of monitoring and the rollback trigger. Each concern that still
has gaps afterwards gets one open question naming it, so the draft passes `check` at status
draft, renders, and `prd-forge edit` completes it later.
"""

from __future__ import annotations

from prd_forge import catalogue
from prd_forge.questionnaire import cascade, prompts, risks
from prd_forge.questionnaire.answers import Path
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.sections import QuestionnaireSection, plan
from prd_forge.questionnaire.special import suggest
from prd_forge.questionnaire.tape import TAPE, walk_with_back
from prd_forge.spec.completeness import blocking, find_gaps

MODE: Path = ("failure_modes", "modes", 0)
THRESHOLD: Path = ("evaluation", "offline_sets", 0, "thresholds", 0)

QUESTIONS: tuple[Path, ...] = (
    ("feature", "name"),
    ("feature", "owner"),
    ("feature", "summary"),
    ("problem", "user_need"),
    ("problem", "output_kind"),
    ("baseline", "kind"),
    ("baseline", "description"),
    ("baseline", "measured_value"),
    ("baseline", "no_baseline_reason"),
    ("failure_modes", "worse_error"),
    (*MODE, "description"),
    (*MODE, "id"),
    (*MODE, "severity"),
    (*MODE, "fallbacks"),
    ("metrics", 0, "name"),
    ("metrics", 0, "baseline"),
    ("metrics", 0, "target"),
    ("evaluation", "offline_sets", 0, "name"),
    (*THRESHOLD, "metric"),
    (*THRESHOLD, "comparator"),
    (*THRESHOLD, "value"),
    ("monitoring", "owner"),
    ("rollout", "rollback_trigger"),
)
"""The core questions, in asking order."""

EXTRA_PROMPTS = 2 + 3
"""A target asks three prompts (comparator, number, unit), a new fallback four."""


def section_of(path: Path) -> QuestionnaireSection:
    return next(s for s in plan() if path[:2] in s.paths or path[:1] in s.paths)


def run(interview: Interview) -> None:
    """The core questions, then one open question per concern left with gaps."""
    interview.quick = True
    start = sum(interview.answers.has(path) for path in QUESTIONS)

    def position() -> str:
        number = start + TAPE.position + 1
        about = max(len(QUESTIONS) - 1 + EXTRA_PROMPTS, number)
        return f"Section {interview.section}/{len(plan())} · question {number} of about {about}"

    interview.position = position
    try:
        walk_with_back(interview.answers, lambda: _walk(interview), prompts.echo)
    finally:
        interview.position = None
    defer_the_rest(interview)


def _walk(interview: Interview) -> None:
    for path in QUESTIONS:
        section = section_of(path)
        if section.number != interview.section:
            interview.section = section.number
            interview.announce(section.heading(len(plan())))
        if path == (*MODE, "description"):
            _propose_mode(interview)
        interview.ask_path(path)


def _propose_mode(interview: Interview) -> None:
    """The first failure mode typical of the output kind, as the proposed one."""
    offered = cascade.proposals(interview.answers.get(("problem", "output_kind")))
    if offered:
        suggest(interview.answers, MODE, offered[0])


def defer_the_rest(interview: Interview) -> None:
    """One open question per concern that still has blocking gaps, naming that concern, and
    one for the AI 600-1 risks when they apply (their gaps warn in a draft, never block it)."""
    answers = interview.answers
    spec = answers.spec()
    open_concerns: dict[str, int] = {}
    for gap in blocking(spec, find_gaps(spec)):
        open_concerns[gap.concern] = open_concerns.get(gap.concern, 0) + 1
    found = [
        {
            "question": f"{catalogue.get(concern_id).title}: {count} answer(s) to give with "
            "`prd-forge edit`",
            "blocks": concern_id,
        }
        for concern_id, count in open_concerns.items()
    ]
    profile = risks.deferred(interview)
    found += [profile] if profile else []
    if not found:
        return
    owner = answers.get(("feature", "owner"))
    entries = list(answers.get(("open_questions",)) or [])
    entries += [
        {"question": e["question"], **({"owner": owner} if owner else {}), "blocks": e["blocks"]}
        for e in found
    ]
    answers.set(("open_questions",), entries)
    answers.close(("open_questions",))
    prompts.echo(
        f"Recorded {len(found)} open question(s), one per concern still to answer: "
        + ", ".join(e["blocks"] for e in found)
    )
