"""What prd-forge knows about the concern "Privacy and approvals"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level, Placeholder

CONCERN = Concern(
    id="privacy",
    title="Privacy and approvals",
    why="Personal data, retention and sign-offs are legal exposure, decided before launch.",
    anchor="NIST AI RMF MEASURE 2.10; Datasheets for Datasets; EU AI Act Annex IV",
    level=Level.RECOMMENDED,
    ai_only=False,
    fields=("privacy", "genai_risks"),
    partial="sections/privacy.md.j2",
    # a sign-off still to come, where its answer belongs: "Pending DPO review"
    placeholders=(Placeholder(("pending",), r"^[ \t*_]*pending\b"),),
    strong=(
        "privacy",
        "privacy and security",
        "security and privacy",
        "privacy considerations",
        "data privacy",
        "legal and compliance",
        "approvals",
        "sign-off",
        "sign-offs",
        "signoff",
        "reviewers",
        "responsible ai",
        "ethics",
        "ethical considerations",
        "trust and safety",
        "cross cutting concern",
        "consent",
        "retention",
    ),
    weak=(
        "compliance",
        "legal",
        "security",
        "policy",
    ),
    evidence=(
        r"audit log",
        r"(?:stored|kept|retained|deleted) (?:for |after )?\d+ (?:hours|days|weeks|months)",
        r"pen-?test\w*",
        r"dpa",
        r"reviewed by (?:legal|security)",
        r"privacy",
        r"gdpr",
        r"ccpa",
        r"hipaa",
        r"pii",
        r"personal data",
        r"(?:data |record |transcript |log |image )retention",
        r"retention (?:period|policy|policies|window|schedule|rules?)",
        r"retain(?:ed|s)?",
        (
            r"(?:stored|kept|retained|deleted|purged)[^.\n]{0,40}\b\d+ "
            r"(?:hours|days|weeks|months|years?)"
        ),
        r"personal (?:and \w+ )?(?:data|information)",
        r"consent\w*",
        r"privacy notice",
        r"dpo",
        r"data protection",
        r"anonymi[sz]\w*",
        r"pseudonymi[sz]\w*",
        r"de-?identif\w*",
        r"redact\w*",
        r"blur(?:s|red|ring)?",
        r"scrub\w*",
        r"(?:approved|signed off|reviewed) by (?:the )?(?:dpo|legal|security|privacy|compliance)",
        (
            r"(?:legal|security|privacy|compliance|dpo) (?:has |have )?"
            r"(?:approved|signed off|reviewed)"
        ),
        r"dpia",
        r"encrypt\w*",
        r"sign[- ]off",
        r"legal review",
    ),
    # what a reader counts: whose data, how it is handled, on what approval or basis
    kinds=(
        r"\b(?:pii|personal (?:and \w+ )?(?:data|information)|customer data|user ids?"
        r"|names?, (?:e-?mails?|phone|address))",
        r"\b(?:retention|retain\w*|delet\w*|purg\w*|(?:stored|kept|held)\b[^.\n]{0,50}\b(?:for"
        r"|until|after)|anonymi[sz]\w*|anonymous"
        r"|pseudonymi[sz]\w*|de-?identif\w*|redact\w*|scrub\w*|blur\w*|encrypt\w*|tokeni[sz]\w*"
        r"|no[- ]training|leaves? our network|visible (?:only )?to|access)\b",
        r"\b(?:consent\w*|approv\w*|signed off|sign-off|dpia|dpo|dpa|legal review|reviewed by"
        r"|gdpr|hipaa|ccpa|irb|agreement|contract)",
    ),
    kinds_in_one=2,
    # a privacy section must say how data is handled or who approved it, not only that it matters
    lacking="how personal data is kept, deleted or protected, or who signed off",
    complete=(
        r"retention|retain|delet|purg|kept|stored?|consent|anonymi[sz]|pseudonymi[sz]|de-?identif"
        r"|redact|scrub|blur|encrypt|hash|access|permission|no (?:new )?(?:personal|customer|user)"
        r" data|approv|sign(?:ed)?[- ]off|dpia|dpo|dpa|reviewed|audit log|expir|no new data"
        r"|third[- ]part|in-house|on-prem|\d+ (?:hours|days|weeks|months|years)|drop(?:s|ped)?"
        r"|no training|terms",
    ),
)
