"""What a concern is: the shape every module in this package fills in.

Plain data, standard library only: the lint path imports it.
"""

from __future__ import annotations

from enum import StrEnum

from prd_forge._records import NamedTuple


class Level(StrEnum):
    """How strongly a spec must address a concern."""

    REQUIRED = "required"
    RECOMMENDED = "recommended"


class TableSign(NamedTuple):
    """A table is about the concern when each group of words matches some header cell (and
    no header cell holds a word of `unless`); the first group's column holds the answers.
    A column named only by a `weak` word of the first group ("Mitigation", which a table of
    project risks has too) counts when one of its cells shows the concern's evidence."""

    groups: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()


class Placeholder(NamedTuple):
    """A template slot left unfilled, which lint reads as a placeholder wherever it stands.

    Attributes:
        needles: lower-case literals, one of which every match contains: the cheap test that
            spares most blocks the regular expression.
        pattern: the regular expression, matched against lower-cased text in which
            underscores read as spaces; linear (bounded repeats, no nested quantifiers).
    """

    needles: tuple[str, ...]
    pattern: str


class GapMessage(NamedTuple):
    """What `check` says about one kind of gap in a spec's answers for the concern.

    Attributes:
        key: the name completeness asks for it by ("none", "no-guardrail", ...).
        message: what is missing or wrong; `{name}` fields are filled in by the check.
        fix: what to do, with the same fields.
        field: a spec field path the concern needs answered (a list with one entry at
            least): completeness reports the gap when it is empty, for any concern, with no
            code of its own. Empty when a check in `spec/completeness.py` decides.
    """

    key: str
    message: str
    fix: str
    field: str = ""


class Raise(NamedTuple):
    """An answer that raises a concern's stakes, in a spec and as lint reads it in a PRD.

    Attributes:
        items: the spec list it is read from, as a dotted path ("failure_modes.modes").
        field: the field of an item that gives the answer ("severity").
        value: the answer that raises the stakes ("unacceptable").
        where: the concern whose section states the same answer in a PRD ("error-cost").
        prose: a regular expression (case-insensitive) that finds the answer in that
            section's text.
    """

    items: str
    field: str
    value: str
    where: str
    prose: str


class Concern(NamedTuple):
    """Everything prd-forge knows about one thing an AI-feature spec must address.

    Attributes:
        id: stable, kebab-case, public (JSON output, config, suppression comments).
        title: the section title prd-forge renders and reports.
        why: one line on what goes wrong when a spec leaves it out.
        anchor: the public guidance the `why` comes from.
        level: required or recommended.
        ai_only: True when the concern applies only to features built on a model.
        fields: the spec-model field paths that answer it.
        partial: the default template's partial that renders it.
        strong: heading names that can mean nothing else ("Fallbacks", "Kill switch"): such
            a heading covers the concern by itself, judged by its body.
        weak: everyday heading words that may mean it ("phase", "review", "data"): such a
            heading counts only when its body shows the concern's evidence.
        evidence: regular-expression alternatives (whole words, case-insensitive) for the
            sentences that show the concern is really there, wherever they stand.
        tables: the header signs of a table about the concern.
        placeholders: template slots known to be left unfilled for it; lint reads them as
            placeholders, never as content, wherever they stand.
        gaps: what `check` says about each kind of gap in a spec's answers for it.
        stakes: when earlier answers can make the concern required, the line the
            questionnaire shows under its section heading once they do ("" if never).
        raised_by: the answers that do so: any one raises the stakes (the questionnaire
            asks every field, the human-review UX state becomes required).
        measured: a sentence of evidence that also gives a figure settles the concern.
        current: the concern is the state today: a figure in a sentence that sets a target
            ("at least 70%") does not settle it.
        settles: one sentence of evidence settles the concern, figure or not: its evidence
            is the reasoning itself ("keyword rules miss paraphrases; a model can learn them").
        referenced: other sections name its entries by id (a failure table's Fallback
            column): while any such id is defined nowhere, passing mentions elsewhere do not
            cover it.
        complete: regular-expression alternatives of which a section about the concern must
            show one to be present rather than partial (open questions need an owner or a
            date); empty when substance rules judge completeness instead.
        lacking: what a section shows when it meets `complete`, as lint names the part a
            section lacks when it does not ("an owner or a date").
        kinds: regular expressions, one per kind of thing the concern is made of (for UX
            states: loading, low confidence, error, fallback, review, empty). Prose outside a
            section of its own covers the concern in full only when the sentences that show
            its evidence name two different kinds: one state mentioned three ways is thin.
        kinds_in_one: how many of its kinds one paragraph of evidence must name to answer the
            concern where it stands, wherever that is (privacy: whose data, how it is kept,
            on whose approval; two of them said together settle it); 0 when no paragraph
            alone does.
    """

    id: str
    title: str
    why: str
    anchor: str
    level: Level
    ai_only: bool
    fields: tuple[str, ...]
    partial: str
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    evidence: tuple[str, ...]
    tables: tuple[TableSign, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    gaps: tuple[GapMessage, ...] = ()
    stakes: str = ""
    raised_by: tuple[Raise, ...] = ()
    measured: bool = False
    settles: bool = False
    current: bool = False
    complete: tuple[str, ...] = ()
    lacking: str = ""
    referenced: bool = False
    kinds: tuple[str, ...] = ()
    kinds_in_one: int = 0

    @property
    def required(self) -> bool:
        return self.level is Level.REQUIRED

    def gap(self, key: str) -> GapMessage:
        """The gap message named `key`; KeyError names the concern's keys."""
        for message in self.gaps:
            if message.key == key:
                return message
        known = ", ".join(message.key for message in self.gaps) or "none"
        raise KeyError(f"concern {self.id} has no gap message {key!r}; it has: {known}")

    @property
    def aliases(self) -> tuple[str, ...]:
        """The strong heading names (the name config files and older code use)."""
        return self.strong
