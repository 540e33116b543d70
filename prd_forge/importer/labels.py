"""Labels to answer fields, per concern: the words prd-forge's template writes, and synonyms.

A label is a label line in any of the ways people write one ("**Owner:** Dana", "__Owner__:
Dana", "*Owner:* Dana", "Owner: Dana", as a paragraph, a line of one or a list item), the first
cell of a two-column table ("| Owner | Dana |", its header row too), a key of the YAML front
matter, a heading inside the concern's section, or a paragraph ending in a colon before a list.
Words are matched as the label's start, longest first, after lower-casing and dropping
punctuation; a line whose label names no field is not a label line, so nothing is guessed.
"""

from __future__ import annotations

import re
from typing import Final

# A label the template writes as a summary of answers given in full elsewhere: skipped.
IGNORED: Final = "-"

# concern -> ((label words, field path), ...)
LABELS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "feature": (
        ("owner", "feature.owner"),
        ("product owner", "feature.owner"),
        ("product manager", "feature.owner"),
        ("target users", "feature.target_users"),
        ("audience", "feature.target_users"),
        ("for whom", "feature.target_users"),
        ("worst error", IGNORED),
        ("launch gate", IGNORED),
        ("status", IGNORED),
        ("users", "feature.target_users"),
        ("summary", "feature.summary"),
    ),
    "problem": (
        ("user need", "problem.user_need"),
        ("problem", "problem.user_need"),
        ("evidence", "problem.evidence"),
        ("who uses it", "feature.target_users"),
        ("users", "feature.target_users"),
        ("audience", "feature.target_users"),
        ("target users", "feature.target_users"),
    ),
    "ai-fit": (
        ("task the model takes on", "problem.ai_task"),
        ("kind of output", "problem.output_kind"),
        ("rules or heuristic considered", "problem.rules_considered"),
        ("why a model", "problem.why_ai"),
        ("why ai", "problem.why_ai"),
        ("why not rules", "problem.why_not_rules"),
        ("alternatives considered", "problem.why_not_rules"),
    ),
    "scope": (
        ("not goals", "scope.non_goals"),
        ("non goals", "scope.non_goals"),
        ("nongoals", "scope.non_goals"),
        ("no gos", "scope.non_goals"),
        ("not doing", "scope.non_goals"),
        ("out of scope uses", "scope.out_of_scope_uses"),
        ("out of scope", "scope.out_of_scope_uses"),
        ("known limitations", "scope.known_limitations"),
        ("limitations", "scope.known_limitations"),
    ),
    "baseline": (
        ("what it beats today", "baseline.kind"),
        ("current approach", "baseline.description"),
        ("measured today", "baseline.measured_value"),
        ("why there is no baseline", "baseline.no_baseline_reason"),
    ),
    "error-cost": (("which error is worse", "failure_modes.worse_error"),),
    "evaluation": (
        ("human review sampling", "evaluation.human_review_sampling"),
        ("launch criteria", "evaluation.launch_criteria"),
    ),
    "human-oversight": (
        ("where a person reviews", "human_oversight.review_points"),
        ("review points", "human_oversight.review_points"),
        ("reviewer", "human_oversight.reviewer"),
        ("review sla", "human_oversight.sla"),
        ("sla", "human_oversight.sla"),
        ("override", "human_oversight.override_path"),
        ("appeal", "human_oversight.appeal_path"),
        ("feedback", "human_oversight.feedback_capture"),
    ),
    "monitoring": (
        ("owner", "monitoring.owner"),
        ("review cadence", "monitoring.cadence"),
        ("cadence", "monitoring.cadence"),
        ("retraining", "monitoring.retraining_trigger"),
    ),
    "rollout": (
        ("rollback trigger", "rollout.rollback_trigger"),
        ("rollback", "rollout.rollback_trigger"),
        ("kill switch owner", "rollout.kill_switch_owner"),
        ("kill switch", "rollout.kill_switch"),
    ),
    "privacy": (
        ("personal data", "privacy.pii_handling"),
        ("pii handling", "privacy.pii_handling"),
        ("retention", "privacy.retention"),
    ),
}


def words(label: str) -> str:
    """A label's comparable words: "Kill-switch owner:" -> "kill switch owner"."""
    return " ".join(re.findall(r"[a-z0-9]+", label.casefold()))


def field_for(concern: str, label: str) -> str | None:
    """The field a label names within `concern`, or None."""
    said = words(label)
    for wanted, path in sorted(LABELS.get(concern, ()), key=lambda pair: -len(pair[0])):
        if said == wanted or said.startswith(wanted + " "):
            return path
    return None


# "**Owner:** rest", "**Owner**: rest", "__Owner__ rest" (bold needs no colon: it is a label)
_BOLD: Final = re.compile(
    r"^(?:\*\*|__)(?P<label>[^*_\n]{1,80}?):?(?:\*\*|__)[ \t]*:?[ \t]*(?P<rest>.*)$", re.DOTALL
)
# "*Owner:* rest", "_Owner_: rest" (italic needs a colon: "*really* matters" is no label)
_ITALIC: Final = re.compile(
    r"^[*_](?P<label>[^*_\n]{1,60}?)(?::[*_]|[*_][ \t]*:)[ \t]*(?P<rest>.*)$", re.DOTALL
)
# "Owner: rest", "Kill-switch owner (on call): rest": a few words, a colon, then the value
_PLAIN: Final = re.compile(
    r"^(?P<label>[^\W\d_][^:*_`\[\]\n]{0,50}?)[ \t]*:[ \t]+(?P<rest>\S.*)$", re.DOTALL
)
_LABEL_WORDS: Final = 6


def split(line: str) -> tuple[str, str] | None:
    """A label line's label and value: "*Owner:* Dana Kim" -> ("Owner", "Dana Kim"), or None."""
    for form in (_BOLD, _ITALIC, _PLAIN):
        found = form.match(line.strip())
        if found and len(words(found["label"]).split()) <= _LABEL_WORDS:
            return found["label"].strip(), found["rest"].strip()
    return None


def line_field(concern: str, line: str) -> tuple[str, str] | None:
    """The field a label line fills within `concern`, and its value; None when the line is
    no label line of that concern (the field is IGNORED for a label the template summarises)."""
    found = split(line)
    if found is None:
        return None
    path = field_for(concern, found[0])
    return None if path is None else (path, found[1])


_SEPARATOR: Final = re.compile(r"[ \t]+[·|\u2014\u2013][ \t]+")  # a middle dot, bar, em or en dash


def segments(concern: str, line: str) -> list[str]:
    """A line of labels side by side ("**ID:** X · **Owner:** Dana · **Status:** draft") as the
    labels of `concern` in it; any other line whole. What precedes the first label is dropped
    with the labels the concern does not know: it is the line's metadata, not an answer."""
    parts = _SEPARATOR.split(line)
    if len(parts) < 2 or not all(split(part) for part in parts[1:]):
        return [line]
    known = [part for part in parts if line_field(concern, part)]
    return known or [line]


def front_matter(text: str, keys: dict[str, str]) -> list[tuple[str, str, int]]:
    """(field, value, line) for each front-matter key that labels a feature field.

    `keys` is the document's parsed front matter (lower-cased keys); the line is found in `text`.
    """
    lines = text.splitlines()[:200]
    found = []
    for key, value in keys.items():
        path = field_for("feature", key)
        if path is None or path == IGNORED or value[:1] in ("", "[", "{", "|", ">"):
            continue
        line = next(
            (n for n, raw in enumerate(lines, 1) if raw.casefold().startswith(f"{key}:")), 1
        )
        found.append((path, value, line))
    return found
