"""The generated-output risk profile in the questionnaire: each NIST AI 600-1 risk in turn.

Asked in the privacy section, and only when the profile applies (generated output, or a
feature that takes actions): for each risk, its one-line description, then whether it is
addressed or does not apply, then how or why. A risk left unanswered stays a gap `check`
reports; `new --quick` records the whole profile as one open question instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prd_forge.concerns import genai_risks
from prd_forge.questionnaire.answers import Answers, Path
from prd_forge.questionnaire.fields import Question
from prd_forge.spec import genai
from prd_forge.spec.model import GenaiRisk

if TYPE_CHECKING:
    from prd_forge.questionnaire.flow import Interview

PATH: Path = ("genai_risks",)


def ask_risks(interview: Interview, item: Question, path: Path) -> None:
    """Every AI 600-1 risk, in the list's order, keeping the answers already given."""
    answers = interview.answers
    if not genai.applies(answers.spec()):
        return
    entries = [e for e in answers.get(path) or [] if isinstance(e, dict)]
    by_risk = {str(e.get("risk")): e for e in entries}
    answers.set(path, [by_risk.get(risk.id, {"risk": risk.id}) for risk in genai_risks.RISKS])
    interview.announce_list(item)
    for index, risk in enumerate(genai_risks.RISKS):
        count = f"{index + 1}/{len(genai_risks.RISKS)}"
        interview.announce(f"AI 600-1 risk {count}, {risk.title}: {risk.about}")
        interview.ask_model(GenaiRisk, (*path, index), skip=("risk",))
    kept = [e for e in answers.get(path) if e.get("status")]
    answers.set(path, kept)


def prompts(answers: Answers, done: bool) -> int:
    """How many prompts the profile takes (a status and a how or reason per risk), or has
    taken; none when it does not apply."""
    spec = answers.spec()
    if done:
        return sum(1 + int(bool(e.how or e.reason)) for e in spec.genai_risks if e.status)
    return 2 * len(genai_risks.RISKS) if genai.applies(spec) else 0


def deferred(interview: Interview) -> dict[str, str] | None:
    """For `new --quick`: one open question standing for the risks still unanswered."""
    left = genai.unanswered(interview.answers.spec())
    if not left:
        return None
    return {
        "question": f"{genai_risks.TITLE}: {len(left)} risk(s) to answer with `prd-forge edit`",
        "blocks": "genai_risks",
    }
