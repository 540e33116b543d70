"""What prd-forge knows about the concern "Baseline"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, GapMessage, Level, TableSign

CONCERN = Concern(
    id="baseline",
    title="Baseline",
    why="Success means nothing without the number the feature has to beat.",
    anchor="NIST AI RMF MAP 3 (compared with appropriate benchmarks), MANAGE 2.1",
    level=Level.REQUIRED,
    ai_only=True,
    fields=("baseline",),
    partial="sections/baseline.md.j2",
    gaps=(
        GapMessage("kind", "is missing: say what the feature beats today", ""),
        GapMessage(
            "no-number",
            "has no number",
            "give the measured value with its unit, e.g. '7.5 min median'",
        ),
    ),
    strong=(
        "baseline",
        "baselines",
        "status quo",
        "benchmark",
        "benchmarks",
        "non-ai alternative",
        "what we're beating",
        "what we are beating",
        "as-is",
        "prior art",
    ),
    weak=(
        "current state",
        "current process",
        "today",
        "how it works today",
        "existing solution",
        "existing process",
        "current performance",
        "where we are",
        "current",
        "existing",
    ),
    evidence=(
        (
            r"(?:spends?|takes?|took|waits?) (?:a |an )?(?:median|average|mean|about|"
            r"around|roughly|up to) "
        ),
        r"median",
        r"on average",
        r"baseline",
        r"status quo",
        r"today",
        r"currently",
        r"manual(?:ly)?",
        r"as-is",
        (
            r"current (?:process|workflow|approach|state|rate|median|tool|system|"
            r"model|rules?|heuristic)"
        ),
        r"existing (?:process|workflow|tool|system|rules?|heuristic|solution)",
        r"at present",
        r"(?:by hand|spreadsheet)",
    ),
    tables=(TableSign((("baseline", "today", "current", "as-is", "status quo"),)),),
    measured=True,
    current=True,
)
