"""What prd-forge knows about the concern "Data sources"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, GapMessage, Level, TableSign

CONCERN = Concern(
    id="data",
    title="Data sources",
    why="Data determines behaviour and carries privacy and legal exposure.",
    anchor=(
        "PAIR Guidebook, Data Collection + Evaluation; Datasheets for Datasets; Data Cards; "
        "NIST AI RMF MAP 2.3, MAP 4.1"
    ),
    level=Level.REQUIRED,
    ai_only=True,
    fields=("data_sources",),
    partial="sections/data.md.j2",
    gaps=(
        GapMessage(
            "none",
            "lists no data source",
            "add each data source the feature trains on, retrieves from or is evaluated on",
            field="data_sources",
        ),
        GapMessage("pii-unhandled", "is missing although the source holds PII", ""),
    ),
    strong=(
        "data sources",
        "data source",
        "datasets",
        "dataset",
        "training data",
        "data requirements",
        "data needs",
        "data pipeline",
        "data provenance",
        "data and labelling",
        "data and labeling",
        "labelling",
        "labeling",
        "datasheet",
        "data card",
    ),
    weak=(
        "data",
        "inputs",
        "input data",
        "input",
        "source",
        "pipeline",
        "label",
    ),
    evidence=(
        (
            r"\d+k? (?:\w+ )?(?:jobs|records|rows|examples|tickets|transactions|"
            r"listings|documents|images|calls|emails) (?:since|from|over|in the (?:last|past))"
        ),
        r"transcripts?",
        r"embeddings?",
        r"(?:work-order|purchase|order|transaction|sales|claims|call) history",
        r"training data",
        r"data ?sets?",
        r"provenance",
        r"labell?ed",
        r"labell?ing",
        r"labels?",
        r"pii",
        r"personal data",
        r"consent",
        r"licen[cs]e[ds]?",
        r"retention",
        r"retained",
        r"data (?:sources?|owner|pipeline|comes? from)",
        r"(?:trained|fine-tuned|trains?) on",
        (
            r"(?:historical|past|logged|archived|anonymi[sz]ed) (?:\w+ )?(?:data|"
            r"records|tickets|transactions|examples|logs|images|claims|documents)"
        ),
        r"(?:reads?|ingests?|pulls?|uses?) (?:the )?(?:\w+ )?(?:data|records|logs|feed|api)",
        r"source of truth",
        r"data warehouse",
        r"snowflake|bigquery|s3",
        r"(?:sent|passed|given|fed) to the (?:model|llm|provider|vendor|classifier)",
        r"(?:no|not used for) training",
        r"inputs? (?:are|is|include|includes)",
        r"(?:message|event|call|chat|search|query|click|access) logs",
        # where the records come from and in what form: "the nightly Clarity extract"
        r"(?:nightly|daily|weekly|monthly) (?:\w+ )?(?:extract|export|feed|snapshot|dump)s?",
        r"de-?identified",
    ),
    tables=(
        TableSign((("source", "dataset", "data set"), ("pii", "owner", "licen", "provenance"))),
    ),
    # sources named with nothing on whose data it is or what may be done with it are half
    lacking="who owns the data, on what terms, or whether it holds personal data",
    complete=(
        r"pii|personal|consent|licen[cs]|retention|retain|anonymi[sz]|pseudonymi[sz]|de-?identif"
        r"|owner|owned|owns|provenance|rights|copyright|terms|gdpr|hipaa|ccpa|privacy|sensitive"
        r"|redact|scrub|hash|permission|access|agreement|dpa|contract|no (?:customer|user) data",
    ),
)
