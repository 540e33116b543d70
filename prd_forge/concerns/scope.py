"""What prd-forge knows about the concern "Scope and limitations"."""

from __future__ import annotations

from prd_forge.concerns.base import Concern, Level

CONCERN = Concern(
    id="scope",
    title="Scope and limitations",
    why="Unbounded claims cannot be evaluated; out-of-scope uses are where harm happens.",
    anchor="NIST AI RMF MAP 3.3, MEASURE 2.5; model cards (Out-of-Scope Use); HAX G1",
    level=Level.REQUIRED,
    ai_only=False,
    fields=(
        "scope.non_goals",
        "scope.out_of_scope_uses",
        "scope.known_limitations",
    ),
    partial="sections/scope.md.j2",
    strong=(
        "scope",
        "in scope",
        "out of scope",
        "non-goals",
        "non goals",
        "nongoals",
        "not doing",
        "what we're not doing",
        "what we are not building",
        "limitations",
        "known limitations",
        "intended use",
        "intended uses",
        "out-of-scope use",
        "out-of-scope uses",
        "misuse",
        "boundaries",
        "assumptions and limitations",
        "capability bounds",
        "not in this phase",
        "not in this epic",
        "not in this release",
        "not in this version",
        "what we are building",
        "limit",
        "not included",
        "no-gos",
        "no gos",
        "in / out",
        "what's in and out",
        "what's in, what's out",
        "what it doesn't do",
        "what doesn't it do",
    ),
    weak=(
        "assumption",
        "constraint",
    ),
    evidence=(
        (
            r"(?:does not|doesn't|cannot|can't|will not|won't|"
            r"never) (?:\w+ ){0,2}(?:issue|change|give|rewrite|replace|support|"
            r"handle|cover|decide|act|diagnose|store|train)s?"
        ),
        r"read-only",
        r"limited to",
        r"only (?:on|for|in|to) (?:\w+ )?(?:final|internal|english|existing|new|the)",
        "out of scope",
        "non-goals?",
        "not in scope",
        "we will not",
        "won't (?:support|build)",
        r"(?:is|are) excluded",
        r"exclusions?",
        r"not (?:part of|included|covered|supported) (?:in|by|for) ",
        r"(?:in a |for a )?(?:later|future) (?:phase|version|release|iteration)",
        r"(?:english|internal|new \w+|outpatient|inpatient|adults?|us|eu|desktop|web|mobile) only",
    ),
)
