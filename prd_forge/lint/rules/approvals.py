"""Rules about approvals bound to content: an approval whose signed sections changed since."""

from __future__ import annotations

from collections.abc import Iterator

from prd_forge.lint.rules.base import ANY_CONCERN, Context, Observation, Rule
from prd_forge.terms import Severity

_RECORD = (
    "## Approval record\n\n| Role | Name | Date | Digest |\n|---|---|---|---|\n"
    "| ml | P. Raman | 2026-11-30 | `evaluation:273e42b8eb8eec21` |\n"
)


# approvals.table.TITLE: the approvals table stands under this heading, or nowhere.
_TITLE = "approval record"


def _stale(ctx: Context) -> Iterator[Observation]:
    if not any(section.title.strip().casefold() == _TITLE for section in ctx.doc.sections):
        return  # most PRDs: no need to load the approvals code (a file linted alone pays it)
    # Imported here: prd_forge.approvals reads documents with lint's parser, so importing it
    # while lint's rules load would be circular.
    from prd_forge.approvals import table
    from prd_forge.approvals.digest import DigestError

    for signed, found in table.stale(ctx.doc):
        who = f"the {signed.role} approval by {signed.name} ({signed.date})"
        if isinstance(found, DigestError):
            yield Observation(signed.line, f"{who}: {found}", concern="privacy")
            continue
        yield Observation(
            signed.line,
            f"{who} is stale: {', '.join(found)} changed since it was signed; review the "
            "change and record the approval again (prd-forge approve)",
            concern=found[0],
        )


RULES: tuple[Rule, ...] = (
    Rule(
        code="PRD201",
        name="stale-approval",
        concern=ANY_CONCERN,
        severity=Severity.ERROR,
        summary="An approval's signed sections changed after it was given.",
        why="An approval is of what the sections said; once they change, it approves nothing.",
        anchor="NIST AI RMF GOVERN 1.4 (documented, reviewed decisions); EU AI Act Art. 17",
        good="## Evaluation\n\nPolicy accuracy must reach 0.97 on 1,200 golden tickets before "
        f"launch.\n\n{_RECORD}",
        bad="## Evaluation\n\nPolicy accuracy must reach 0.95 on 1,200 golden tickets before "
        f"launch.\n\n{_RECORD}",
        check=_stale,
    ),
)
