"""`prd-forge schema`: print the JSON Schema of the answers file."""

from __future__ import annotations

import click

from prd_forge.spec.schema import schema_text


@click.command()
def schema() -> None:
    """Print the JSON Schema of the answers file (what schemas/answers.schema.json holds).

    Editors that read the `# yaml-language-server: $schema=...` comment at the top of an
    answers file use it to complete and check fields as you type.
    """
    click.echo(schema_text(), nl=False)
