"""What prd-forge knows about the concern "Human oversight"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level

CONCERN = Concern(
    id="human-oversight",
    title="Human oversight",
    why="Someone must be able to review, override and appeal; feedback has to go somewhere.",
    anchor="NIST AI RMF MAP 3.5, MANAGE 4.1; HAX G9, G15; EU AI Act Annex IV",
    level=Level.REQUIRED,
    ai_only=True,
    fields=("human_oversight",),
    partial="sections/human-oversight.md.j2",
    strong=(
        "human oversight",
        "human in the loop",
        "human-in-the-loop",
        "hitl",
        "human review",
        "oversight",
        "override",
        "overrides",
        "appeals",
        "appeal process",
        "feedback loop",
        "feedback and control",
        "appeal",
        "oversee",
    ),
    weak=(
        "review process",
        "feedback",
        "user feedback",
        "user control",
        "escalation",
        "moderation",
        "human",
        "in charge",
        "control",
        "review",
        "reviewer",
    ),
    evidence=(
        r"(?:reviews?|checks?|confirms?) every",
        r"stays? (?:in |as )?(?:a )?draft",
        r"until the \w+ (?:clicks|approves|confirms|signs)",
        r"only one who can",
        r"never (?:published|sent|filed|posted|applied) automatically",
        (
            r"(?:can|must|may|will) (?:\w+ )?(?:edit|approve|reject|override|snooze|"
            r"dismiss|confirm|correct|accept|undo|regenerate)s?"
        ),
        r"review window",
        r"without (?:the |a |an )?\w+(?:'s)? (?:signature|approval|sign-off|review|confirmation)",
        r"signs? (?:it|off|the \w+)",
        r"reviewers? (?:from|must|approve)",
        r"human review",
        r"human[- ]in[- ]the[- ]loop",
        r"reviewers? (?:can|will|approve|check|confirm)",
        r"override\w*",
        r"appeals?",
        r"escalat\w*",
        (
            r"(?:confirms?|approves?|accepts?|edits?|corrects?|rejects?|checks?|"
            r"reviews?|verif(?:y|ies)) (?:or \w+ )?(?:every |each |the |"
            r"an? )?(?:ai[- ]generated |model'?s? |suggested |"
            r"draft(?:ed)? )?(?:draft|suggestion|output|result|prediction|label|"
            r"summary|reply|answer|recommendation|score|flag|decision)s?"
        ),
        (
            r"before (?:it is |it's |they are |being |anything is )?(?:sent|saved|"
            r"released|published|posted|applied|filed|submitted|shown)"
        ),
        r"sign[- ]off",
        r"in the loop",
        r"manual review",
        r"second (?:look|reviewer|opinion)",
        (
            r"(?:staff|analysts?|agents?|clinicians?|moderators?|reviewers?|"
            r"pharmacists?|doctors?|lawyers?|editors?|a person|"
            r"a human) (?:\w+ )?(?:checks?|reviews?|approves?|confirms?|signs? off|"
            r"verif(?:y|ies))"
        ),
    ),
)
