"""What prd-forge knows about the concern "Monitoring"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, GapMessage, Level, TableSign

CONCERN = Concern(
    id="monitoring",
    title="Monitoring",
    why="Models drift after launch; someone must own the signals and their alert thresholds.",
    anchor="NIST AI RMF MEASURE 2.4, 3.1, MANAGE 4.1; EU AI Act Annex IV (post-market monitoring)",
    level=Level.REQUIRED,
    ai_only=True,
    fields=("monitoring",),
    partial="sections/monitoring.md.j2",
    gaps=(
        GapMessage(
            "no-alert",
            "has no signal with an alert threshold",
            "add a signal (drift, correction rate, confidence...) with the value that alerts",
        ),
    ),
    strong=(
        "monitoring",
        "monitoring plan",
        "observability",
        "post-launch monitoring",
        "post launch monitoring",
        "production monitoring",
        "drift",
        "drift detection",
        "model monitoring",
        "ongoing evaluation",
        "on call",
        "oncall",
        "keep an eye",
    ),
    weak=(
        "alerting",
        "alerts",
        "maintenance",
        "operations",
        "telemetry",
        "dashboards",
        "operating it",
        "operate",
        "observe",
        "watching",
        "after launch",
    ),
    evidence=(
        r"(?:weekly|daily|shift|monthly) report",
        r"flag rate",
        r"monitor(?:ing|ed|s)?",
        r"alert(?:s|ing|ed)? (?:when|if|fires?)",
        r"drift",
        r"on-?call",
        r"pager\w*",
        r"slos?",
        r"p9[59]",
        r"(?:tracked|track) (?:in production|weekly|daily|per)",
        r"(?:weekly|daily|monthly) (?:review|report|audit) of",
        r"in production",
    ),
    tables=(TableSign((("alert", "page", "on-call", "oncall", "signal", "monitor"),)),),
    # watching without a number that calls for action is half a plan
    lacking="a threshold or alert that calls for action",
    complete=(
        r"(?:alert|pag(?:e|ed|es)|notif|flag|trigger|threshold|above|below|exceed|drop|fall|rise"
        r"|over|under|more than|less than|>|<|\u2265|\u2264)[^.\n]{0,40}\d",
        r"\d[^.\n]{0,30}(?:triggers?|alerts?|pages?)",
    ),
)
