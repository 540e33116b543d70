"""`prd-forge lint`'s options, as data: one table that builds the click command and the
click-free parser of prd_forge/entry.py, so the two always accept the same options.

The parser here handles the common command lines only; for anything else (help, an unknown or
misspelt option, a missing or doubtful value, `--`, grouped short flags) it answers None and
the click command parses, so every message and exit code stays click's own.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint import cache
from prd_forge.lint.config import PRESETS, STAGES
from prd_forge.lint.formats import NAMES

if TYPE_CHECKING:
    from typing import Any, Final, Literal

    Kind = Literal["flag", "text", "many", "choice", "count", "file", "folder", "existing-folder"]


class Option(NamedTuple):
    """One option: its names (the long one first), where its value goes, and its type."""

    names: tuple[str, ...]
    dest: str
    kind: Kind
    help: str
    choices: tuple[str, ...] = ()
    default: str | None = None  # of a choice shown in --help


LEVELS: Final = ("error", "warning", "info")

OPTIONS: Final = (
    Option(
        ("--format",),
        "output_format",
        "choice",
        "Output format; auto is github under GitHub Actions, else text.",
        ("auto", *NAMES),
        "auto",
    ),
    Option(("--summary",), "summary", "flag", "Print the coverage table (concerns by files)."),
    Option(("--config",), "config_path", "file", "Config file."),
    Option(("--preset",), "preset", "choice", "default, or strict for launch.", PRESETS),
    Option(("--stage",), "stage", "choice", "How finished the PRD should be.", STAGES),
    Option(("--select",), "select", "many", "Only these rules/concerns (codes, names, ids)."),
    Option(("--ignore",), "ignore", "many", "Skip these rules/concerns (codes, names, ids)."),
    Option(("--fail-level",), "fail_level", "choice", "Lowest severity that fails.", LEVELS),
    Option(
        ("--ai",),
        "ai",
        "choice",
        "Whether the PRDs describe an AI feature (auto: read front matter, then the text).",
        ("auto", "yes", "no"),
        "auto",
    ),
    Option(
        ("--exclude",),
        "exclude",
        "many",
        "Gitignore-style pattern (relative to the current folder) of paths to skip in folders.",
    ),
    Option(
        ("--force-exclude",),
        "force_exclude",
        "flag",
        "Apply exclude patterns to files named outright too (as pre-commit names them).",
    ),
    Option(
        ("--stdin-filename",), "stdin_filename", "text", "Name (and config location) for `-` input."
    ),
    Option(("--jobs",), "jobs", "count", "Processes (default: all cores)."),
    Option(
        ("--no-cache",),
        "no_cache",
        "flag",
        f"Lint every file afresh, using no result cache (also: ${cache.NO_CACHE_VAR}=1).",
    ),
    Option(
        ("--cache-dir",),
        "cache_dir",
        "folder",
        f"Result cache folder (default: ${cache.ENV_VAR}, else {cache.DIR_NAME} at the root).",
    ),
    Option(
        ("--color",),
        "color",
        "choice",
        "Colour text output (auto: on a terminal or with FORCE_COLOR; never with NO_COLOR).",
        ("auto", "always", "never"),
        "auto",
    ),
    Option(("--output-file", "-o"), "output_file", "file", "Write the report here."),
    Option(("--quiet", "-q"), "quiet", "flag", "Text: findings only, no tally line."),
    Option(("--statistics",), "statistics", "flag", "Text: counts by rule instead of findings."),
    Option(
        ("--sarif-category",),
        "sarif_category",
        "text",
        "SARIF: automationDetails id (one per analysis).",
    ),
    Option(
        ("--fix",),
        "fix",
        "flag",
        "Add each missing required section (heading and questions) and mark hollow ones.",
    ),
    Option(("--diff",), "diff", "flag", "Show what --fix would add as a diff; write nothing."),
    Option(
        ("--base-path",),
        "base_path",
        "existing-folder",
        "SARIF/gitlab: paths relative to this folder (default: the git top level).",
    ),
)

_BY_NAME: Final = {name: option for option in OPTIONS for name in option.names}


def defaults() -> dict[str, Any]:
    """Every option's value when it is not given, as click passes it."""
    values: dict[str, Any] = {}
    for option in OPTIONS:
        empty: Any = False if option.kind == "flag" else () if option.kind == "many" else None
        values[option.dest] = option.default if option.default is not None else empty
    return values


def parse(args: Sequence[str]) -> tuple[tuple[str, ...], dict[str, Any]] | None:
    """The paths and options of `lint ARGS`, as click would give them, or None when the
    command line is anything but plain (then click parses it and words any error)."""
    paths: list[str] = []
    values = defaults()
    rest = list(args)
    while rest:
        token = rest.pop(0)
        if token == "-" or not token.startswith("-"):
            paths.append(token)
            continue
        name, equals, given = token.partition("=")
        option = _BY_NAME.get(name)
        if option is None or (equals and (option.kind == "flag" or not name.startswith("--"))):
            return None
        if option.kind == "flag":
            values[option.dest] = True
            continue
        if not equals:
            if not rest:
                return None
            given = rest.pop(0)
        value = _value(option, given)
        if value is None:
            return None
        values[option.dest] = (*values[option.dest], value) if option.kind == "many" else value
    return (tuple(paths), values) if paths else None


def _value(option: Option, given: str) -> str | int | None:
    """The value click would convert `given` to, or None for one click might refuse or
    read otherwise (a value that looks like an option is left to click too)."""
    if given.startswith("-") and given != "-":
        return None
    if option.kind in ("text", "many"):
        return given
    if option.kind == "choice":
        return given if given in option.choices else None
    if option.kind == "count":
        return int(given) if given.isascii() and given.isdigit() and int(given) >= 1 else None
    if not given:
        return None
    return given if _path_accepted(given, option.kind) else None


def _path_accepted(path: str, kind: Kind) -> bool:
    """What click.Path checks: existence when asked, file or folder, readable."""
    try:
        mode = os.stat(path).st_mode  # noqa: PTH116  # never empty: _value refuses that
    except OSError:
        return kind != "existing-folder"
    if kind == "file" and stat.S_ISDIR(mode):
        return False
    if kind != "file" and stat.S_ISREG(mode):
        return False
    return os.access(path, os.R_OK)
