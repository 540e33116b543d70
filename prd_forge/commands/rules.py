"""`prd-forge rules [CODE]`: list the lint rules, or explain one."""

from __future__ import annotations

import click

from prd_forge.commands._common import InputError


@click.command("rules")
@click.argument("code", required=False)
@click.option("--markdown", is_flag=True, help="Print the whole reference as docs/rules.md.")
def rules(code: str | None, markdown: bool) -> None:
    """List the lint rules, or explain the rule CODE (a code such as PRD101, or a name)."""
    from prd_forge.lint import docs
    from prd_forge.lint.rules import find

    if markdown:
        click.echo(docs.markdown(), nl=False)
        return
    if code is None:
        click.echo(docs.listing(), nl=False)
        return
    rule = find(code)
    if rule is None:
        raise InputError(f"no rule {code!r}; `prd-forge rules` lists every code and name")
    click.echo(docs.explain(rule), nl=False)
