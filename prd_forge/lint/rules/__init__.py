"""The rule registry: every rule, in code order, found by code or by name."""

from __future__ import annotations

from types import MappingProxyType

from prd_forge._records import TYPE_CHECKING
from prd_forge.lint.rules import (
    approvals,
    failure,
    generative,
    operations,
    quality,
    references,
    structure,
    wording,
)
from prd_forge.lint.rules.base import (
    ANY_CONCERN,
    Context,
    Observation,
    Rule,
    Suppression,
)

if TYPE_CHECKING:
    from typing import Final

REGISTRY: Final[tuple[Rule, ...]] = tuple(
    sorted(
        (
            *structure.RULES,
            *quality.RULES,
            *failure.RULES,
            *references.RULES,
            *operations.RULES,
            *wording.RULES,
            *approvals.RULES,
            *generative.RULES,
        ),
        key=lambda rule: rule.code,
    )
)
BY_CODE: Final = MappingProxyType({rule.code: rule for rule in REGISTRY})
BY_NAME: Final = MappingProxyType({rule.name: rule for rule in REGISTRY})


DOCS_URL: Final = "https://github.com/prd-forge/prd-forge/blob/main/docs/rules.md"


def help_uri(rule: Rule) -> str:
    """The rule's section in docs/rules.md (GitHub's anchor for "PRD001 missing-section")."""
    return f"{DOCS_URL}#{rule.code.lower()}-{rule.name}"


def find(key: str) -> Rule | None:
    """The rule with this code (any case) or name."""
    return BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())


__all__ = [
    "ANY_CONCERN",
    "BY_CODE",
    "BY_NAME",
    "REGISTRY",
    "Context",
    "Observation",
    "Rule",
    "Suppression",
    "find",
    "help_uri",
]
