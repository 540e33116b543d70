"""What prd-forge knows about the concern "Success metrics"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level, TableSign

CONCERN = Concern(
    id="metrics",
    title="Success metrics",
    why="A metric with a baseline, a numeric target and a window is a testable definition of done.",
    anchor="PAIR Guidebook, Define success criteria; NIST AI RMF MAP 1.1",
    level=Level.REQUIRED,
    ai_only=False,
    fields=("metrics",),
    partial="sections/metrics.md.j2",
    strong=(
        "success",
        "success metrics",
        "metrics",
        "success criteria",
        "kpis",
        "kpi",
        "key results",
        "okrs",
        "measures of success",
        "how we'll know it works",
        "how we will know it works",
        "how will we know it's working",
        "how do we know we solved it",
        "goals and metrics",
        "success measures",
        "guardrail metrics",
        "counter-metrics",
        "north star",
        "north star metric",
        "done look like",
    ),
    weak=(
        "impact",
        "measure",
        "measuring",
        "outcome",
    ),
    evidence=(
        r"success metrics?",
        r"kpis?",
        r"north star",
        r"guardrail metrics?",
        r"counter-metrics?",
        r"metrics?",
        r"targets?",
        r"(?:increase|reduce|decrease|cut|improve|lift|raise|lower|grow)\w* (?:[^.\n]{0,60}?)\d",
        r"(?:conversion|retention|adoption|churn|engagement|csat|nps|resolution|deflection) rate",
        r"measured (?:by|as|with)",
        r"(?:goal|aim) is to",
    ),
    tables=(TableSign((("target", "goal"), ("metric", "kpi", "measure", "indicator"))),),
)
