"""The `prd-forge` console script: lint without importing click when it can.

`prd-forge lint ...` with a plain command line (the options of commands/lint_options.py, every
value one click would accept as it is) runs lint directly: click and the command table cost
about a third of linting one small file. Everything else (other commands, --help, --version,
an unknown option, a usage error) goes to the click CLI, so its messages and exit codes stay
exactly click's; the fast path's own output is byte-identical to the click command's (tested).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from prd_forge import _exits
from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Final


# allocations (net) between young collections in a fast lint, not 700
YOUNG_COLLECTION: Final = 20_000


def main(argv: Sequence[str] | None = None) -> Any:
    """Console-script entry point (the click CLI's `main` for anything but a plain lint)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["lint"] and _exits.plain_streams():
        _fast_lint(args[1:])  # exits, unless the command line needs click
    from prd_forge.cli import main as click_main

    return click_main(args)


def _fast_lint(args: list[str]) -> None:
    # The cyclic garbage collector runs less often: importing lint and reading documents or
    # cached reports allocate objects nearly all of which live to the end, and a young
    # collection every 700 allocations walked them for nothing (about 3% of linting one file,
    # 4% of a warm run over the 500-file corpus); 20,000 is where fewer collections stopped
    # paying.
    gc.set_threshold(YOUNG_COLLECTION)
    from prd_forge.commands import lint_main, lint_options

    # What was imported lives as long as the process: the collector need not walk it again
    # each time it runs (a warm run's thousands of cached findings set it off often enough to
    # cost a tenth of the run).
    gc.freeze()
    parsed = lint_options.parse(args)
    if parsed is None:
        return
    paths, settings = parsed
    if settings["fix"] or settings["diff"]:
        return  # they write files and print diffs through click
    try:
        plan = lint_main.prepare(paths, settings)
    except lint_main.Usage:
        return  # nothing read or written yet: click words it
    try:
        lint_main.execute(plan)
    except lint_main.LintInputError as error:
        _fail(str(error))
    except OSError as error:
        if not _exits.is_output_failure(error):
            raise
        _exits.drop_stdout()
        _fail(_exits.output_failure(error))
    finally:
        _exits.flush_stdout()


def _fail(message: str) -> None:
    _exits.echo(f"prd-forge: error: {message}", err=True)
    sys.exit(_exits.EXIT_INPUT)
