"""Rules about references between sections: ids named but defined nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from prd_forge.lint.references import references
from prd_forge.lint.rules.base import Context, Observation, Rule
from prd_forge.terms import Severity


def _dangling(ctx: Context) -> Iterator[Observation]:
    for reference in references(ctx.doc):
        if not reference.defined:
            yield Observation(
                reference.line,
                f"`{reference.id}` is named here but defined nowhere in the document; "
                "define it (for example in the Fallbacks section) or fix the name",
            )


_FAILURES = (
    "## Failure modes\n\n| Failure | Severity | Fallback |\n|---|---|---|\n"
    "| Wrong refund date | high | `show-order-record` |\n"
)

RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD124",
        name="dangling-reference",
        concern="fallbacks",
        severity=Severity.ERROR,
        summary="A table names a fallback or UX state by an id that nothing defines.",
        why="A failure mode whose fallback exists only as a name has no way out; the usual "
        "cause is a deleted or renamed Fallbacks section.",
        anchor="PAIR Errors + Graceful Failure; HAX G9, G10",
        good=_FAILURES + "\n## Fallbacks\n\n| Fallback | What the feature does |\n|---|---|\n"
        "| `show-order-record` | Link to the order record instead of stating a date |\n",
        bad=_FAILURES,
        check=_dangling,
        ai_only=False,
    ),
)
