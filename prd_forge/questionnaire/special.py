"""Fields asked in their own way: cross-references, cascades and the UX-state set.

- a failure mode picks its fallbacks from those defined so far, or defines one on the spot;
- the output kind proposes the failure modes typical for it (`cascade`);
- the UX states start from a checkbox with the required states preselected;
- an open question names the concern it blocks from the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prd_forge import catalogue
from prd_forge.questionnaire import cascade, hax, prompts, risks
from prd_forge.questionnaire.answers import Answers, Path, text
from prd_forge.questionnaire.fields import Question, question
from prd_forge.spec.model import (
    FailureMode,
    FailureModes,
    FailureSeverity,
    Fallback,
    Metric,
    Model,
    OpenQuestion,
    Spec,
    Threshold,
    UxState,
    UxStateName,
)
from prd_forge.spec.stakes import human_review_required, required_ux_states

if TYPE_CHECKING:
    from prd_forge.questionnaire.flow import Handler, Interview

NEW_FALLBACK = "+ a new fallback, defined now"


def propose_failure_modes(interview: Interview, item: Question, path: Path) -> None:
    """Offer the failure modes the HAX taxonomy makes typical, then ask modes as a loop."""
    answers = interview.answers
    offered = hax.all_proposals(answers.get(("problem",)) or {})
    if offered and not interview.revisit and not answers.get(path) and not answers.is_closed(path):
        interview.announce_list(item)
        interview.before_prompt()
        kept = prompts.ask_checkbox(
            "Failure modes typical of what you described (HAX Playbook): keep the ones that apply",
            [p.id for p in offered],
            checked=[p.id for p in offered],
            titles={p.id: f"{p.id}: {p.description}" for p in offered},
        )
        answers.set(path, [])
        for index, proposal in enumerate(p for p in offered if p.id in kept):
            suggest(answers, (*path, index), proposal)
            answers.set((*path, index), {})
    interview.ask_list(item, path)


WAY = "proposed_fallback"


def suggest(answers: Answers, mode: Path, proposal: cascade.Proposal) -> None:
    """A kept proposal's id, direction and description, and the fallback proposed with it."""
    prefix = text(mode)
    answers.suggested[f"{prefix}.id"] = proposal.id
    answers.suggested[f"{prefix}.errs"] = proposal.errs.value
    answers.suggested[f"{prefix}.description"] = proposal.description
    way = proposal.way
    answers.suggested[f"{prefix}.{WAY}"] = {
        "trigger": way.trigger.value,
        "behaviour": way.behaviour.value,
        "ux_state": way.ux_state.value,
    }


def _fallback_ids(interview: Interview) -> list[str]:
    entries = interview.answers.get(("fallbacks",)) or []
    return [str(entry["id"]) for entry in entries if isinstance(entry, dict) and entry.get("id")]


def pick_fallbacks(interview: Interview, item: Question, path: Path) -> None:
    """The fallbacks handling a failure mode: picked from those so far, or a new one."""
    answers = interview.answers
    if not interview.revisit and answers.has(path):
        return
    known = _fallback_ids(interview)
    if known or not interview.quick:
        interview.before_prompt(item, path)
    named, way = _mode_and_way(interview, path[:-1])
    if known:
        picked = _which(interview, path, named, known)
    elif interview.quick:
        prompts.echo(f"  The fallback that handles {named}:", dim=True)
        picked = [NEW_FALLBACK]
    else:
        message = f"No fallback is defined yet. Define one that handles {named} now?"
        yes = prompts.ask_yes_no(message, default=_needs(answers, path) or bool(way))
        picked = [NEW_FALLBACK] if yes else []
    chosen = [ref for ref in picked if ref != NEW_FALLBACK]
    if NEW_FALLBACK in picked:
        chosen.append(define_fallback(interview, way))
    answers.set(path, chosen)


def _needs(answers: Answers, path: Path) -> bool:
    severity = answers.get((*path[:-1], "severity"))
    return severity in (FailureSeverity.EXPENSIVE.value, FailureSeverity.UNACCEPTABLE.value)


def _mode_and_way(interview: Interview, mode_path: Path) -> tuple[str, dict[str, str] | None]:
    """How prompts name the failure mode ("`no-draft` (no output, annoying)"), and the
    fallback the cascade proposed with it, shown before the question."""
    mode = interview.answers.get(mode_path) or {}
    about = ", ".join(str(mode[k]).replace("-", " ") for k in ("errs", "severity") if mode.get(k))
    way = interview.answers.suggested.get(f"{text(mode_path)}.{WAY}")
    if way:
        prompts.echo(
            f"  Proposed with it: a fallback on {way['trigger']} that does {way['behaviour']},"
            f" UX state {way['ux_state']} (define it now to accept or change each)",
            dim=True,
        )
    return f"`{mode.get('id')}`" + (f" ({about})" if about else ""), way


def _which(interview: Interview, path: Path, named: str, known: list[str]) -> list[str]:
    severity = interview.answers.get((*path[:-1], "severity"))
    needs = _needs(interview.answers, path)

    def check(picked: list[str]) -> bool | str:
        return bool(picked) or not needs or f"a {severity} failure mode needs a fallback"

    return prompts.ask_checkbox(
        f"Which fallbacks handle {named}?",
        [*known, NEW_FALLBACK],
        checked=interview.answers.get(path) or [],
        validate=check,
    )


def define_fallback(interview: Interview, way: dict[str, str] | None = None) -> str:
    """Ask a whole fallback now (the proposed one as defaults); returns its id."""
    answers = interview.answers
    if not answers.has(("fallbacks",)):
        answers.set(("fallbacks",), [])
    index = len(answers.get(("fallbacks",)))
    for field, value in (way or {}).items():
        answers.suggested[text(("fallbacks", index, field))] = value
    if not interview.quick:
        prompts.echo("  New fallback (the Fallbacks section will show it again):", dim=True)
    skip = ("trigger_detail", "description") if interview.quick else ()
    interview.ask_model(Fallback, ("fallbacks", index), skip=skip)
    return str(answers.get(("fallbacks", index, "id")))


NEW_METRIC = "+ a new metric, defined now"


def pick_metric(interview: Interview, item: Question, path: Path) -> None:
    """A threshold's metric: one of the metrics defined, or a new one defined on the spot."""
    answers = interview.answers
    if interview.is_answered(item, path):
        return
    names = [str(m["name"]) for m in answers.get(("metrics",)) or [] if m.get("name")]
    eval_set = answers.get(path[:-3]) or {}
    interview.before_prompt(item, path)
    message = f"Which metric must pass on `{eval_set.get('name', 'this set')}`?"
    choices: list[tuple[str, Any]] = [(name, name) for name in names]
    choices.append((NEW_METRIC, NEW_METRIC))
    picked = prompts.ask_menu(message, choices, answers.get(path))
    if picked == NEW_METRIC:
        if not answers.has(("metrics",)):
            answers.set(("metrics",), [])
        index = len(answers.get(("metrics",)))
        prompts.echo("  New metric (the Success metrics section will show it again):", dim=True)
        interview.ask_model(Metric, ("metrics", index))
        picked = answers.get(("metrics", index, "name"))
    answers.set(path, picked)


def choose_ux_states(interview: Interview, item: Question, path: Path) -> None:
    """Which UX states users meet (required ones preselected), then each state's details."""
    answers = interview.answers
    entries = [e for e in answers.get(path) or [] if isinstance(e, dict)]
    if interview.revisit or not answers.is_closed(path):
        spec = answers.spec()
        required = [state.value for state in required_ux_states(spec)]
        named = [f.get("ux_state") for f in answers.get(("fallbacks",)) or []]
        current = [str(e.get("state")) for e in entries]
        checked = [*current, *required, *(str(n) for n in named if n)]
        interview.announce_list(item)
        interview.before_prompt()

        def check(picked: list[str]) -> bool | str:
            missing = [name for name in required if name not in picked]
            if not missing:
                return True
            why = " (stakes require human review)" if human_review_required(spec) else ""
            return f"required: {', '.join(missing)}{why}"

        picked = prompts.ask_checkbox(
            f"{item.message}: which will users meet?",
            [state.value for state in UxStateName],
            checked=checked,
            titles={name: f"{name} (required)" for name in required},
            validate=check,
        )
        by_state = {str(e.get("state")): e for e in entries}
        entries = [by_state.get(name, {"state": name}) for name in picked]
        answers.set(path, entries)
        answers.close(path)
    for index in range(len(entries)):
        state = entries[index].get("state")
        interview.announce(f"UX state '{state}'")
        interview.ask_model(UxState, (*path, index), skip=("state",))


def pick_blocked_concern(interview: Interview, item: Question, path: Path) -> None:
    """The concern an open question blocks, from the catalogue."""
    if interview.is_answered(item, path):
        return
    interview.before_prompt(item, path)
    choices: list[tuple[str, Any]] = [(f"{c.id}: {c.title}", c.id) for c in catalogue.CONCERNS]
    choices.append(("none", None))
    value = prompts.ask_menu(item.message, choices, interview.answers.get(path))
    interview.answers.set(path, value)


HANDLERS: dict[tuple[type[Model], str], Handler] = {
    (FailureModes, "modes"): propose_failure_modes,
    (FailureMode, "fallbacks"): pick_fallbacks,
    (Spec, "ux_states"): choose_ux_states,
    (Spec, "genai_risks"): risks.ask_risks,
    (OpenQuestion, "blocks"): pick_blocked_concern,
    (Threshold, "metric"): pick_metric,
}


def check_handlers() -> None:
    """Each handler names a real field (kept honest by a test)."""
    for model, name in HANDLERS:
        question(model, name)
