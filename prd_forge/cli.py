"""The `prd-forge` command line: thin, and lazy.

Each subcommand lives in its own module and is imported only when it runs, so `prd-forge lint`
never pays for questionary, jinja2 or pydantic (see DESIGN.md, "The lint path must start fast").
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from prd_forge import __version__
from prd_forge._exits import drop_stdout, flush_stdout, is_output_failure, output_failure
from prd_forge.commands._common import InputError


class OutputFailed(InputError):
    """Standard output could not be written: one line naming why, exit 2."""

    def __init__(self, error: OSError) -> None:
        super().__init__(output_failure(error))


# name -> "module:attribute" of a click.Command. Adding a command is adding a row.
COMMANDS: dict[str, str] = {
    "approve": "prd_forge.commands.approve:approve",
    "check": "prd_forge.commands.check:check",
    "diff": "prd_forge.commands.diff:diff",
    "edit": "prd_forge.commands.edit:edit",
    "export": "prd_forge.commands.export:export",
    "import": "prd_forge.commands.import_:import_command",
    "init": "prd_forge.commands.init:init",
    "lint": "prd_forge.commands.lint:lint",
    "new": "prd_forge.commands.new:new",
    "render": "prd_forge.commands.render:render",
    "report": "prd_forge.commands.report:report",
    "rules": "prd_forge.commands.rules:rules",
    "schema": "prd_forge.commands.schema:schema",
    "template": "prd_forge.commands.template:template",
    "verify": "prd_forge.commands.verify:verify",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        """A failing standard output (a closed pipe, a full disk) is one line and exit 2."""
        try:
            return super().invoke(ctx)
        except OSError as error:
            if is_output_failure(error):
                drop_stdout()
                raise OutputFailed(error) from None
            raise


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="prd-forge")
def cli() -> None:
    """Write and lint specs for AI features that never silently omit how the feature fails."""


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point.

    Exit codes: 0 ok, 1 findings or refused, 2 usage or input error (a standard output that
    cannot be written included), 130 interrupted; new/edit exit 143 on SIGTERM, 129 on SIGHUP.
    """
    try:
        return cli.main(args=argv, prog_name="prd-forge")
    except KeyboardInterrupt:  # pragma: no cover - the questionnaire handles its own
        click.echo("\ninterrupted", err=True)
        sys.exit(130)
    finally:
        flush_stdout()
