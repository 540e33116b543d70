"""What prd-forge knows about the concern "Evaluation"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, GapMessage, Level, TableSign

CONCERN = Concern(
    id="evaluation",
    title="Evaluation",
    why=(
        "Launch on evidence: named data, metrics, slices and pass thresholds, before and "
        "after launch."
    ),
    anchor="NIST AI RMF MEASURE 2.1, 2.3, 2.11, MANAGE 1.1; model cards (Evaluation, Factors)",
    level=Level.REQUIRED,
    ai_only=True,
    fields=("evaluation",),
    partial="sections/evaluation.md.j2",
    gaps=(
        GapMessage(
            "none",
            "lists no offline evaluation set",
            "add a named evaluation set with its size and a numeric pass threshold",
            field="evaluation.offline_sets",
        ),
        GapMessage(
            "overlaps-training",
            "overlaps the training data, so its scores are optimistic",
            "build a held-out set, kept apart from training and retrieval data",
        ),
    ),
    strong=(
        "evaluation",
        "evaluation plan",
        "evaluation criteria",
        "eval",
        "evals",
        "eval plan",
        "offline evaluation",
        "online evaluation",
        "model evaluation",
        "quality bar",
        "quality criteria",
        "launch criteria",
        "launch gates",
        "go/no-go",
        "go no go",
        "go/no-go criteria",
        "benchmarking",
        "golden set",
        "red teaming",
        "how we'll evaluate",
        "how will we evaluate it",
        "backtest",
        "backtesting",
        "how good is it",
        "good enough",
    ),
    weak=(
        "testing",
        "test plan",
        "acceptance criteria",
        "validation",
        "test",
        "quality",
        "quality check",
        "quality gate",
        "gate",
    ),
    evidence=(
        r"backtest\w*",
        r"spot-?check\w*",
        r"reference (?:answers|recaps|summaries|labels|set)",
        (
            r"(?:on|against|with) ~?\d+ (?:real |internal |labell?ed |annotated )?"
            r"(?:questions|examples|"
            r"transcripts|episodes|samples|cases|calls|documents|tickets|images)"
        ),
        r"eval(?:uation)? set",
        r"test set",
        r"golden set",
        r"offline eval\w*",
        r"held[- ]out",
        r"pass threshold",
        r"launch bar",
        r"precision",
        r"recall",
        r"accuracy",
        r"f1",
        r"auc",
        r"benchmark\w*",
        r"a/b test\w*",
        r"human (?:rating|raters|evaluation|graders?)",
        r"red[- ]team\w*",
        r"evaluat\w+",
        r"ground truth",
        r"(?:labell?ed|annotated) (?:sample|examples|set)",
        r"(?:must|should) (?:score|reach|achieve|exceed|beat)",
    ),
    tables=(
        TableSign(
            (("threshold", "pass", "launch bar", "gate", "minimum"),),
            unless=("alert", "page", "signal", "monitor", "rollback"),
        ),
    ),
)
