"""`prd-forge lint PATH...`: find missing and hollow risk sections in any Markdown PRD.

Exit 0 clean, 1 findings at or above the fail level, 2 usage or input error (a bad config,
or a file that could not be read; the other files are still linted and reported).

The options come from one table (commands/lint_options.py) that the click-free entry point
(prd_forge/entry.py) parses too; the work is in commands/lint_main.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from prd_forge.commands import lint_main
from prd_forge.commands._common import InputError
from prd_forge.commands.lint_options import OPTIONS, Option

_TYPES: dict[str, Callable[[Option], click.ParamType[Any] | None]] = {
    "flag": lambda option: None,
    "text": lambda option: None,
    "many": lambda option: None,
    "choice": lambda option: click.Choice(option.choices),
    "count": lambda option: click.IntRange(min=1),
    "file": lambda option: click.Path(dir_okay=False),
    "folder": lambda option: click.Path(file_okay=False),
    "existing-folder": lambda option: click.Path(exists=True, file_okay=False),
}


def _click_option(option: Option) -> Callable[[click.Command], click.Command]:
    extra: dict[str, Any] = {"is_flag": True} if option.kind == "flag" else {}
    if option.default is not None:
        extra.update(default=option.default, show_default=True)
    return click.option(
        *option.names,
        option.dest,
        type=_TYPES[option.kind](option),
        multiple=option.kind == "many",
        help=option.help,
        **extra,
    )


def _with_options(command: click.Command) -> click.Command:
    for option in OPTIONS:  # added to a command, each goes after the last
        command = _click_option(option)(command)
    return command


@_with_options
@click.command("lint")
@click.argument("paths", nargs=-1, required=True)
def _lint(paths: tuple[str, ...], **settings: Any) -> None:
    """Lint Markdown PRDs (files, folders, globs, or - for stdin) for missing and hollow
    sections."""
    try:
        plan = lint_main.prepare(paths, settings)
    except lint_main.Usage as error:
        if error.option is not None:
            raise click.BadParameter(error.message, param_hint=error.option) from None
        raise click.UsageError(error.message) from None
    try:
        lint_main.execute(plan)
    except lint_main.LintInputError as error:
        raise InputError(str(error)) from None


lint: click.Command = _lint
