"""What prd-forge knows about the concern "UX states"."""

from __future__ import annotations

from prd_forge._records import TYPE_CHECKING
from prd_forge.concerns.base import Concern, GapMessage, Level, Placeholder, TableSign

if TYPE_CHECKING:
    from typing import Final

# the words a screen shows, when quoted after the phrase: each state's copy is its own evidence
_COPY: Final = r"(?: [^\"\u201c`*\n]{0,60}(?:[\"\u201c`]|\*\*)\w+(?:\W{1,2}\w+){0,2})?"

CONCERN = Concern(
    id="ux-states",
    title="UX states",
    why=(
        "Loading, low-confidence, fallback, error and review states are the product users "
        "actually meet."
    ),
    anchor="PAIR Guidebook, Errors + Graceful Failure; HAX G1, G2, G8-G10",
    level=Level.REQUIRED,
    ai_only=True,
    fields=("ux_states",),
    partial="sections/ux-states.md.j2",
    gaps=(
        GapMessage(
            "undescribed",
            "names UX state '{state}', which is not described",
            "describe that state under ux_states, or pick one that is",
        ),
        GapMessage(
            "state-missing",
            "does not describe the '{state}' state",
            "add a UX state '{state}': its trigger, what the user sees and can do",
        ),
        GapMessage(
            "human-review-missing",
            "does not describe the 'human-review' state (a failure mode is unacceptable or a "
            "fallback routes to a human)",
            "add a UX state 'human-review': its trigger, what the user sees and can do",
        ),
    ),
    # the link to the designs still to add: "Figma: (link)"
    placeholders=(Placeholder(("(link", "(url"), r"\((?:link|url|links)\)"),),
    strong=(
        "ux states",
        "ux",
        "user experience",
        "ui states",
        "edge cases",
        "edge states",
        "empty states",
        "error states",
        "user interaction and design",
        "ux and design",
        "interaction design",
        "what the user sees",
        "what it look like",
    ),
    weak=(
        "states",
        "user flows",
        "key flows",
        "design",
        "screens",
        "see",
        "experience",
        "ui",
        "screen",
        "interface",
        "console",
        "in the app",
        "workflow",
    ),
    evidence=(
        r"progress bar",
        r"confidence (?:bars?|bands?|badges?|chips?|labels?|meters?)",
        r"(?:typing|loading|status) indicator",
        r"(?:panel|page|screen|card|list|view|tab|modal|dialog|chip|app) shows?" + _COPY,
        r"expandable",
        r"(?:button|link|icon)s? (?:to|for|that)",
        r"loading state",
        r"empty state",
        r"error state",
        r"spinner",
        r"skeleton",
        r"low[- ]confidence",
        r"loading",
        (
            r"(?:user|agent|customer|reviewer|clinician|caller|reader|patient|player|driver)s? "
            r"(?:sees?|will see|hears?|gets?)" + _COPY
        ),
        r"banner",
        r"toast",
        r"badge",
        r"greyed",
        r"retry",
        r"error message",
        r"tooltip",
        r"(?:is|are) (?:shown|displayed|hidden|greyed out|highlighted|collapsed)",
        r"appears? (?:as|in|on|under|above|below|next to|beside)",
        r"show(?:s|n)? (?:a|an|the) (?:\w+ )?(?:message|label|state|warning|notice|indicator)",
        # the words on the screen, quoted: shows "Updating…", the chip reads **Needs review**
        (
            r"(?:shows?|showing|shown|sees?|display(?:s|ed|ing)?|labell?ed|reads|hears?|tells?"
            r"|telling|acknowledg\w+|toast|chip|button|badge|notice|placeholder)"
            r"[^\"\u201c`*\n]{0,60}(?:[\"\u201c`]|\*\*)\w+(?:\W{1,2}\w+){0,2}"
        ),
    ),
    # a section about UX states says what users meet when the model is unsure or fails
    lacking="what users see when the model fails or is unsure",
    complete=(
        r"\b(?:errors?|fail\w*|unavailable|down|time(?:s|d)? ?out|offline|low[- ]confidence"
        r"|not sure|unsure|uncertain\w*|less certain|confidence|fallback|fall(?:s|ing)? back|retry"
        r"|couldn'?t|could not|can'?t|cannot|wrong|stale|degraded)\b",
    ),
    # what a reader counts: different states, not different words for one
    kinds=(
        r"\b(?:loading|spinner|skeleton|progress|typing indicator|processing|generating"
        r"|updating|in progress|pending|waiting)",
        r"\b(?:low[- ]confidence|not sure|unsure|uncertain\w*|less certain|confidence"
        r"|may be wrong|might be wrong|may contain errors)",
        r"\b(?:errors?|fail\w*|unavailable|down|time(?:s|d)? ?out|offline|couldn'?t|could not"
        r"|can'?t|cannot|stale|degraded|retry)\b",
        r"\b(?:fallback|fall(?:s|ing)? back|manual\w*|hidden|hides?|no suggestion"
        r"|nothing (?:is )?shown)\b",
        r"\b(?:review\w*|edit\w*|accept\w*|reject\w*|approv\w*|dismiss\w*|undo|override"
        r"|correct\w*)\b",
        r"\b(?:empty|no results?|nothing to show|not enough|no \w+ (?:found|available))\b",
    ),
    tables=(
        TableSign(
            (
                ("state",),
                ("behavio", "copy", "shows", "sees", "display", "message", "screen", "trigger"),
            )
        ),
        # what users meet at each confidence: "| Confidence of top intent | Behaviour |"
        TableSign((("behavio", "shows", "sees", "copy"), ("confidence",))),
    ),
)
