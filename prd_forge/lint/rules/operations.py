"""Rules about running the feature: monitoring, rollout, data, oversight."""

from __future__ import annotations

from collections.abc import Iterator

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint import text as words
from prd_forge.lint._re import Caseless
from prd_forge.lint.rules.base import Context, Observation, Rule
from prd_forge.terms import Severity

if TYPE_CHECKING:
    from typing import Final

_OWNER: Final = Caseless(
    r"\b(?:owners?|owned by|owns|on-?call|pager\w*|dri|responsible|accountable|team)\b|@\w"
)
_ALERT: Final = Caseless(
    r"\b(?:alert\w*|pag(?:e|ed|es|ing)|notif\w*|alarm\w*|thresholds?|triggers?|escalat\w*)\b"
    r"|[<>\u2264\u2265]"
)
_ROLLBACK: Final = Caseless(
    r"\b(?:roll(?:ed|ing)? ?back|rollbacks?|revert\w*|kill[- ]?switch\w*|kill(?=:)"
    r"|turn(?:s|ed|ing)?\s(?:[\w`'-]+\s){0,3}off|(?:switch|flip)(?:s|ed|ped|ping)?\s"
    r"(?:[\w`'-]+\s){0,3}(?:off|back)|flips?\sit|flag\soff|disabl\w*|pause\w*|halt\w*"
    r"|stop the (?:rollout|ramp)|on/off (?:setting|switch|toggle|flag))\b"
)
_PROVENANCE: Final = Caseless(
    r"\b(?:provenance|sourced|comes? from|pulled from|origin\w*|collected|owners?|owned"
    r"|licen[cs]\w*|consent\w*"
    r"|vendors?|third[- ]party|first[- ]party|internal|logs?|exported|scraped|purchased"
    r"|public(?:ly)? available|from (?:our|the) \w+)\b"
)
_PII: Final = Caseless(
    r"\b(?:pii|personal(?:ly)? (?:data|information|identifiable)|sensitive|gdpr|ccpa|hipaa|phi"
    r"|anonymi[sz]\w*|pseudonymi[sz]\w*|de-?identif\w*|redact\w*|no (?:user|customer) data"
    r"|masked|masking)\b"
)
_OVERRIDE: Final = Caseless(
    r"\b(?:overrid\w*|appeal\w*|undo|dismiss\w*|reject\w*|edit\w*|correct\w*|escalat\w*"
    r"|revers\w*|opt[- ]?out|discard\w*|decline\w*|veto)\b"
)

# What shows that a section named for monitoring, oversight or rollout is about that concern
# for this feature, and not, say, a teacher-facing "Progress monitoring" screen, a sign-off
# checklist for the document, or development phases. The substance rules judge a section only
# when its body shows this; a heading word alone is not enough.
_EVIDENCE: Final = {
    "monitoring": Caseless(
        r"\b(?:on-?call|pager\w*|pag(?:e|ed|es|ing)|drift\w*|regress\w*|degrad\w*|incidents?"
        r"|outages?|uptime|latency|p9\d|slos?|slas?|(?:error|failure|override|acceptance"
        r"|rejection|fallback|thumbs[- ]down|complaint|edit|escalation)[- ]rates?|post-launch"
        r"|after (?:launch|release)|in production|owners?|owns|owned by|on[- ]call|teams?"
        r"|logs?|logged|logging|(?:alert|alarm|page|notify|flag)\w* (?:if|when|above|below|at)"
        r"|(?:drops?|falls?|rises?|exceeds?)\b[^.\n]{0,30}\d"
        r"|we(?:'ll| will)? (?:watch|track|monitor|review|keep an eye|build|have|add|log))\b"
    ),
    "human-oversight": Caseless(
        r"\b(?:outputs?|predictions?|suggest\w*|drafts?|decisions?|results?|answers?|scores?"
        r"|recommend\w*|classif\w*|labels?|flag(?:s|ged)?|estimates?|summar\w*|replies"
        r"|responses?|reports?|generated|ai|model\w*|automat\w*)\b"
    ),
    "rollout": Caseless(
        r"\d ?%|\b(?:percent|cohorts?|canary|shadow|ramp\w*|flags?|flagged|beta|alpha|pilot\w*"
        r"|dogfood\w*|general availability|ga|waitlist|early access|internal (?:users|teams?)"
        r"|all (?:users|customers|agents|accounts|tenants|teams)|roll(?:ed|ing)? ?(?:out|back)"
        r"|rollbacks?|kill[- ]?switch\w*|expos\w*|regions?|markets?|launch\w*|releas\w*"
        r"|ship(?:s|ped|ping)?|every(?:one| account| user| customer| tenant)|a/b"
        r"|all \d[\d,]* \w+)\b"
    ),
}


def _judged(ctx: Context, concern: str) -> bool:
    """Whether the concern is covered by a body that shows it (see _EVIDENCE)."""
    if not ctx.covered(concern):
        return False
    found = ctx.coverage[concern]
    if found.via != "heading":
        return True
    body = "\n".join(block.text for block in ctx.blocks_for(concern))
    return _EVIDENCE[concern].search(body) is not None


def _monitoring_owner(ctx: Context) -> Iterator[Observation]:
    if not _judged(ctx, "monitoring"):
        return
    for block in ctx.blocks_for("monitoring"):
        if _OWNER.search(block.text) and not words.first_placeholder(block.text):
            return
    yield Observation(ctx.anchor("monitoring"), "monitoring names no owner (a person or a team)")


def _alert_threshold(ctx: Context) -> Iterator[Observation]:
    if not _judged(ctx, "monitoring"):
        return
    for block in ctx.blocks_for("monitoring"):
        if _ALERT.search(block.text) and words.has_number(block.text):
            return
    yield Observation(ctx.anchor("monitoring"), "monitoring has no alert with a numeric threshold")


def _rollback_trigger(ctx: Context) -> Iterator[Observation]:
    if not _judged(ctx, "rollout"):
        return
    blocks = ctx.blocks_for("rollout")
    rollback = [block for block in blocks if _ROLLBACK.search(block.text)]
    if not rollback:
        yield Observation(
            ctx.anchor("rollout"), "rollout has no rollback or kill switch", thins=True
        )
    elif not any(
        _ROLLBACK.search(sentence) and words.has_number(sentence)
        for block in rollback
        for sentence in words.sentences(block.text)
    ):
        # a rollback the team can pull covers the concern; the missing number is a finding
        message = "rollback has no measurable trigger (say at what number)"
        yield Observation(rollback[0].line, message)


def _provenance(ctx: Context) -> Iterator[Observation]:
    if ctx.covered("data") and not _PROVENANCE.search(ctx.text_of("data")):
        yield Observation(
            ctx.anchor("data"), "data sources give no provenance (where from, who owns)"
        )


def _pii(ctx: Context) -> Iterator[Observation]:
    if not ctx.covered("data"):
        return
    if not _PII.search(ctx.text_of("data")) and not _PII.search(ctx.text_of("privacy")):
        yield Observation(
            ctx.anchor("data"), "data sources do not say whether they hold personal data (PII)"
        )


def _override(ctx: Context) -> Iterator[Observation]:
    if _judged(ctx, "human-oversight") and not _OVERRIDE.search(ctx.text_of("human-oversight")):
        yield Observation(
            ctx.anchor("human-oversight"),
            "human oversight gives no way to override, correct or appeal the output",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD151",
        name="monitoring-without-owner",
        concern="monitoring",
        severity=Severity.ERROR,
        summary="Monitoring names no owner.",
        why="A dashboard nobody owns is a dashboard nobody watches; drift goes unnoticed.",
        anchor="NIST AI RMF MANAGE 2.4; domain research O1",
        good="## Monitoring\n\nOwner: Support Tools on-call. Alert when acceptance drops below "
        "30% for a day.\n",
        bad="## Monitoring\n\nAlert when acceptance drops below 30% for a day.\n",
        check=_monitoring_owner,
        ai_only=True,
    ),
    Rule(
        code="PRD152",
        name="monitoring-without-alert-threshold",
        concern="monitoring",
        severity=Severity.ERROR,
        summary="Monitoring has no alert with a numeric threshold.",
        why="Signals without thresholds are charts; a threshold turns drift into an action.",
        anchor="NIST AI RMF MEASURE 2.4, 3.1; domain research O2",
        good="## Monitoring\n\nOwner: Support Tools on-call. Page when the override rate "
        "exceeds 25% over a day.\n",
        bad="## Monitoring\n\nOwner: Support Tools on-call. We watch the acceptance dashboard "
        "weekly.\n",
        check=_alert_threshold,
        ai_only=True,
    ),
    Rule(
        code="PRD161",
        name="rollout-without-rollback-trigger",
        concern="rollout",
        severity=Severity.WARNING,
        summary="The rollout has no rollback, or a rollback with no measurable trigger.",
        why="A rollback decided in the moment comes late; a numeric trigger and a kill switch "
        "limit the blast radius.",
        anchor="NIST AI RMF MANAGE 2.4 (supersede, disengage, deactivate); domain research O3",
        good="## Rollout\n\n10% of agents for 2 weeks, then all. Roll back with the flag if "
        "acceptance drops below 30%.\n",
        bad="## Rollout\n\n10% of agents for 2 weeks, then all agents in the next release.\n",
        check=_rollback_trigger,
    ),
    Rule(
        code="PRD171",
        name="data-without-provenance",
        concern="data",
        severity=Severity.WARNING,
        summary="A data source gives no provenance (where it comes from, who owns it).",
        why="Data determines behaviour; unknown provenance is unknown legal and quality risk.",
        anchor="Datasheets for Datasets; NIST AI RMF MAP 4.1; domain research D1",
        good="## Data sources\n\nResolved tickets from our Zendesk export, owned by Support Ops; "
        "no PII after redaction.\n",
        bad="## Data sources\n\nTickets and help-center articles, with no PII after redaction.\n",
        check=_provenance,
        ai_only=True,
    ),
    Rule(
        code="PRD172",
        name="data-without-pii-statement",
        concern="data",
        severity=Severity.WARNING,
        summary="The data sources do not say whether they hold personal data.",
        why="Personal data decides consent, retention and legal review before launch.",
        anchor="Datasheets for Datasets; NIST AI RMF MEASURE 2.10; domain research D1",
        good="## Data sources\n\nResolved tickets from our Zendesk export; names and emails are "
        "redacted before use (PII).\n",
        bad="## Data sources\n\nResolved tickets from our Zendesk export, owned by Support Ops.\n",
        check=_pii,
        ai_only=True,
    ),
    Rule(
        code="PRD181",
        name="oversight-without-override",
        concern="human-oversight",
        severity=Severity.WARNING,
        summary="Human oversight gives no way to override, correct or appeal the output.",
        why="Oversight means a person can change the outcome, not only watch it.",
        anchor="NIST AI RMF MANAGE 4.1 (appeal and override); HAX G9; domain research H1",
        good="## Human oversight\n\nAgents edit or discard every draft; nothing is sent without "
        "them.\n",
        bad="## Human oversight\n\nA weekly sample of 50 drafts is read by the QA team.\n",
        check=_override,
        ai_only=True,
    ),
)
