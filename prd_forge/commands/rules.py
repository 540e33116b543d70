"""`prd-forge rules [CODE]`: list the lint rules, or explain one."""

from __future__ import annotations

import click

from prd_forge.commands._common import InputError


@click.command("rules")
@click.argument("code", required=False)
@click.option("--markdown", is_flag=True, help="Print the whole reference as docs/rules.md.")
def rules(code: str | None, markdown: bool) -> None:
    """List the lint rules, or explain the rule CODE (a code such as PRD101, or a name) or
    the concern CODE (an id such as fallbacks)."""
    from prd_forge.lint import docs
    from prd_forge.lint.rules import find

    if markdown:
        click.echo(docs.markdown(), nl=False)
        return
    if code is None:
        click.echo(docs.listing(), nl=False)
        return
    rule = find(code)
    if rule is not None:
        click.echo(docs.explain(rule), nl=False)
        return
    from prd_forge import concerns

    concern = concerns.by_id().get(code)
    if concern is None:
        raise InputError(
            f"no rule {code!r} and no concern of that id; `prd-forge rules` lists every code "
            "and name, docs/rules.md every concern"
        )
    click.echo(docs.explain_concern(concern), nl=False)
