"""What every command shares: exit codes and user-facing errors (never a traceback)."""

from __future__ import annotations

import click

from prd_forge._exits import EXIT_FINDINGS as EXIT_FINDINGS
from prd_forge._exits import EXIT_INPUT as EXIT_INPUT
from prd_forge._exits import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from prd_forge._exits import EXIT_OK as EXIT_OK


class InputError(click.ClickException):
    """A user mistake in input (a file, a flag's value): printed as one line, exit 2."""

    exit_code = EXIT_INPUT

    def format_message(self) -> str:
        return self.message

    def show(self, file: object = None) -> None:
        click.echo(f"prd-forge: error: {self.format_message()}", err=True)


class Refused(click.ClickException):
    """The command ran but refuses to produce its output (incomplete spec, dropped concern)."""

    exit_code = EXIT_FINDINGS

    def show(self, file: object = None) -> None:
        click.echo(f"prd-forge: {self.format_message()}", err=True)
