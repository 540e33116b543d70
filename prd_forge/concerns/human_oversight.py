"""What prd-forge knows about the concern "Human oversight"."""

from __future__ import annotations

from prd_forge._records import TYPE_CHECKING
from prd_forge.concerns.base import Concern, Level, Raise

if TYPE_CHECKING:
    from typing import Final

# the people who review, approve or correct what a model does
_ROLE: Final = (
    r"(?:staff|analysts?|agents?|adjusters?|clinicians?|moderators?|reviewers?|pharmacists?"
    r"|doctors?|physicians?|nurses?|gps?|lawyers?|attorneys?|paralegals?|counsel|editors?"
    r"|underwriters?|cataloguers?|catalogers?|curators?|librarians?|teachers?|instructors?"
    r"|coders?|planners?|dispatchers?|supervisors?|managers?|recruiters?|officers?"
    r"|specialists?|experts?|radiologists?|technicians?|inspectors?|approvers?|clerks?"
    r"|accountants?|auditors?|ecologists?|volunteers?|hosts?|admins?|sellers?|reps?"
    r"|humans?|a person|people|someone|operators?|ops|the gm|gms)"
)
# a fallback that hands the case to a person, as a PRD says it
_TO_HUMAN: Final = (
    r"\b(?:route[sd]?|routing|hand(?:s|ed)?[- ]?(?:off|over)|escalat\w*|send[s]?|queue[sd]?)\b"
    r"[^.|\n]{0,40}?\b(?:humans?|person|people|agents?|reviewers?|specialists?|analysts?"
    r"|moderators?|staff)\b|\bhuman[- ](?:review|in[- ]the[- ]loop)\b"
)
# what a person does to a model's output
_ACTS: Final = (
    r"(?:reviews?|reviewed|edits?|edited|approves?|approved|confirms?|confirmed|corrects?"
    r"|corrected|rejects?|rejected|overrides?|overridden|accepts?|accepted|declines?"
    r"|dismiss(?:es)?|releases?|released|signs?|signed|changes?|changed|removes?|removed"
    r"|hides?|regenerates?|sends?|posts?|posted|publish(?:es)?|published|discards?)"
)
# what a person can do to it
_CONTROLS: Final = (
    r"(?:edit|approve|reject|override|snooze|dismiss|confirm|correct|accept|undo|regenerate"
    r"|review|hide|flag|pin|exclude|veto|recategori[sz]e|reclassify|relabel|reassign|appeal"
    r"|contest|dispute|decline|discard|rewrite|revert|report|re-?route|reassign|split|move"
    r"|opt out|turn (?:\w+ ){0,2}off)"
)

CONCERN = Concern(
    id="human-oversight",
    title="Human oversight",
    why="Someone must be able to review, override and appeal; feedback has to go somewhere.",
    anchor="NIST AI RMF MAP 3.5, MANAGE 4.1; HAX G9, G15; EU AI Act Annex IV",
    level=Level.REQUIRED,
    ai_only=True,
    fields=("human_oversight",),
    partial="sections/human-oversight.md.j2",
    stakes=(
        "Required here: a failure mode is unacceptable or a fallback routes to a human, so say"
        " who reviews and how."
    ),
    raised_by=(
        Raise("failure_modes.modes", "severity", "unacceptable", "error-cost", r"\bunacceptable\b"),
        Raise("fallbacks", "behaviour", "route-to-human", "fallbacks", _TO_HUMAN),
    ),
    strong=(
        "human oversight",
        "human in the loop",
        "human-in-the-loop",
        "humans in the loop",
        "hitl",
        "human review",
        "human control",
        "human checks",
        "human judgement",
        "human judgment",
        "manual review",
        "oversight",
        "override",
        "overrides",
        "appeals",
        "appeal process",
        "feedback loop",
        "feedback and control",
        "appeal",
        "oversee",
        "who decides",
        "review and approval",
        "approval flow",
        "approval workflow",
        "corrections",
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
        "controls",
        "review",
        "reviewer",
        "accountability",
    ),
    evidence=(
        r"(?:reviews?|checks?|confirms?) (?:every|each|all)",
        r"stays? (?:in |as )?(?:a )?draft",
        (
            r"until (?:a|an|the) (?:\w+ ){1,2}(?:clicks|approves|confirms|signs|sends|reviews"
            r"|accepts|releases|publishes|posts)"
        ),
        r"only one who can",
        r"never (?:published|sent|filed|posted|applied|accepted|acted on) automatically",
        r"(?:can|must|may|will) (?:\w+,? (?:and |or )?){0,3}" + _CONTROLS + r"s?",
        r"review (?:window|first|queue)",
        (
            r"without (?:the |a |an )?(?:\w+(?:'s)? ){0,2}(?:signature|approval|acceptance"
            r"|sign-off|review|confirmation|consent)"
        ),
        # acting on what the model proposed: "approve the proposed schedule"
        (
            _ACTS + r" (?:the |a |an |each |every |any )?(?:proposed|suggested|drafted|generated"
            r"|predicted|recommended|ai-generated|model's|pre-?filled|machine-translated"
            r"|auto-\w+) \w+"
        ),
        r"(?:taps?|clicks?|presses?|selects?) (?:accept|approve|confirm|reject|undo)",
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
        _ROLE + r" (?:\w+ ){0,2}(?:checks?|reviews?|approves?|confirms?|signs? off|verif(?:y|ies)"
        r"|decides?|owns? the|edits?|accepts?|rejects?|overrides?|corrects?|moves?)",
        # two acts of a person on one output: "confirm or change", "reviews, edits, and posts"
        _ACTS + r"(?:,? (?:and|or|and/or) |, | ?/ )" + _ACTS,
        r"(?:review|hold|triage|manual|human|exception|approval|moderation|escalation) queues?",
        (
            r"(?:needs?|requires?|required|pending|awaiting|after (?:my|their|a|an|the)) "
            r"(?:\w+ ){0,2}(?:approval|confirmation|sign-?off|review)"
        ),
        r"(?:without|for) (?:\w+ ){0,2}confirmation",
        r"(?:reviewed|checked|approved|confirmed|verified|decided|overridden|corrected) "
        r"(?:\w+ ){0,3}by",
        r"needs? (?:a |the )?(?:person|human)",
        r"without (?:a |any )?(?:human|person)",
        r"human (?:decision|judge?ment|check|approval|control|sign-?off)s?",
        r"(?:always|only) (?:a |an )?(?:suggestion|recommendation|draft|proposal)s?",
        r"(?:is|are) (?:only )?suggestions",
        r"keeps? (?:full |final )?control",
        r"final (?:say|decision|call|word)",
        r"owns? the (?:\w+ )?(?:decision|call|route|outcome)",
        r"four[- ]eyes",
        r"(?:keeps?|stays?) (?:\w+ )?in control",
        r"(?:goes|go|passes|pass) through (?:a|an|the) " + _ROLE,
        (
            r"(?:message|handed|hands|handoff|escalated|sent|routed|goes) to "
            r"(?:the )?(?:staff|a person|a human)"
        ),
        r"thumbs[- ]?(?:up|down)",
    ),
)
