"""What prd-forge knows about the concern "Failure modes and error cost"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, GapMessage, Level, TableSign

CONCERN = Concern(
    id="error-cost",
    title="Failure modes and error cost",
    why="Which error is worse drives thresholds, UX and review; each failure needs a way out.",
    anchor=(
        "PAIR Guidebook (reward function; Errors + Graceful Failure); NIST AI RMF MAP 3.2, "
        "MAP 5.1; HAX Playbook failure taxonomy"
    ),
    level=Level.REQUIRED,
    ai_only=True,
    fields=("failure_modes",),
    partial="sections/error-cost.md.j2",
    gaps=(
        GapMessage(
            "none",
            "lists no failure mode",
            "add at least one failure mode: how the feature errs and what it costs",
            field="failure_modes.modes",
        ),
    ),
    strong=(
        "error cost",
        "cost of errors",
        "cost of error",
        "error costs",
        "errors",
        "error analysis",
        "failure modes",
        "failure mode",
        "failure modes and effects",
        "failure scenarios",
        "what can go wrong",
        "when the model is wrong",
        "risks and mitigations",
        "risk register",
        "risk assessment",
        "risks and failure modes",
        "precision vs recall",
        "precision/recall trade-off",
        "false positives and false negatives",
        "harms",
        "potential harms",
        "wrong",
        "go wrong",
        "harm",
        "mistake",
        "failure",
        "pre-mortem",
        "premortem",
        "rabbit holes",
        "what worries us",
        "things that worry us",
    ),
    weak=(
        "risks",
        "risk",
        "hurt",
        "drawback",
    ),
    evidence=(
        r"invent(?:s|ed|ing)?",
        r"bias(?:ed)?",
        r"mis-?(?:tag|label|classif|represent|lead|rout|read|match|s)\w*",
        (
            r"(?:model|it) (?:may|could|might) (?:\w+ ){0,3}(?:be wrong|invent|miss|"
            r"describe|pick|hallucinate|under|over)\w*"
        ),
        r"false (?:positive|negative)s?",
        r"cost of (?:an? )?(?:error|mistake)s?",
        r"which error is worse",
        r"precision over recall",
        r"recall over precision",
        r"worse than",
        r"hallucinat\w*",
        (
            r"(?:wrong|incorrect|inaccurate|mistaken) (?:\w+ )?(?:answer|prediction|"
            r"label|output|suggestion|score|flag|match|translation|summary|result)s?"
        ),
        r"harms?",
        r"severity",
        r"risks? (?:of|that|is|are)",
        r"(?:could|may|might|would) (?:cause|lead to|result in|mislead|embarrass|expose)",
        r"leak(?:s|ed|age)?",
        r"inappropriate",
        r"(?:is|are|be|not) (?:far |much )?worse",
        r"(?:loses?|lost|losing|costs?) (?:\w+ )?(?:money|revenue|sales|customers|trust|time)",
        r"unsafe",
    ),
    tables=(
        TableSign(
            (("failure", "risk", "error", "harm"), ("severity", "impact", "likelihood", "cost"))
        ),
    ),
    # failures listed without saying what each costs, or which is worse, are half the answer
    lacking="which error costs more, or what an error costs",
    complete=(
        r"worse|worst|cost|expensive|cheap|\$\d|\u20ac\d|\u00a3\d|sever|critical|serious"
        r"|high[- ]stakes|harm|impact|damag|danger|unsafe|tolerat|acceptable|precision|recall"
        r"|prioriti|matters? (?:more|most)|the (?:bigger|larger|main) risk|legal|liabil|breach"
        r"|exposure|embarrass|mislead|refund|lost|lose|trust",
        r"\b(?:high|medium|low)\W*$",
    ),
)
