"""What prd-forge knows about the concern "Privacy and approvals"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level

CONCERN = Concern(
    id="privacy",
    title="Privacy and approvals",
    why="Personal data, retention and sign-offs are legal exposure, decided before launch.",
    anchor="NIST AI RMF MEASURE 2.10; Datasheets for Datasets; EU AI Act Annex IV",
    level=Level.RECOMMENDED,
    ai_only=False,
    fields=("privacy",),
    partial="sections/privacy.md.j2",
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
        r"privacy",
        r"gdpr",
        r"ccpa",
        r"hipaa",
        r"pii",
        r"personal data",
        r"retention",
        r"dpia",
        r"encrypt\w*",
        r"sign[- ]off",
        r"legal review",
    ),
)
