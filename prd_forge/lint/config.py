"""Lint settings: the Config value the engine reads, and finding it on disk.

Config lives in `[tool.prd-forge]` of pyproject.toml or at the top level of .prd-forge.toml,
found by walking up from the linted file. Files are validated by a pydantic model
(config_file.py) that is imported only when a config file is actually found, so a plain
`prd-forge lint x.md` never pays for pydantic.
"""

from __future__ import annotations

import os

from prd_forge._io import MEGABYTE, ReadError, read_regular
from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.terms import STAGES as STAGES
from prd_forge.terms import Severity, Stage

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, Final

PRESETS: Final = ("default", "strict")
FILE_NAME: Final = ".prd-forge.toml"
PYPROJECT: Final = "pyproject.toml"
TABLE: Final = "prd-forge"


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the key."""


class CustomSection(NamedTuple):
    """A section a team's own policy requires, beyond the catalogue."""

    id: str
    title: str
    aliases: tuple[str, ...] = ()


class Config(NamedTuple):
    """Resolved lint settings (immutable; built from defaults, a file, then CLI flags).

    select/ignore/per-path ignores and severity keys are selectors: a rule code ("PRD101"), a
    code prefix ("PRD1"), a rule name ("metric-without-target"), a concern id ("fallbacks")
    or "ALL".
    """

    preset: str = "default"
    stage: Stage | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    required: tuple[str, ...] = ()
    sections: tuple[CustomSection, ...] = ()
    ai: bool | None = None
    fail_level: Severity = Severity.ERROR
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False  # exclude also files named outright (pre-commit's way)
    respect_gitignore: bool = True
    # role -> the concerns its approval signs (added to the defaults); the roles a launch needs
    approval_roles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    launch_roles: tuple[str, ...] | None = None
    root: str | None = None  # the folder per-path-ignores and exclude are relative to
    source: str | None = None  # the file this came from

    def replace(self, **changes: Any) -> Config:
        return self._replace(**changes)


DEFAULT: Final = Config()


def find(start: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest config file at or above the folder `start`."""
    if cache is not None and start in cache:
        return cache[start]
    found = locate(os.fspath(start))
    result = None if found is None else type(start)(found)
    if cache is not None:
        cache[start] = result
    return result


def locate(start: str, cache: dict[str, str | None] | None = None) -> str | None:
    """`find` for a folder named by a string (lint's runs do without pathlib)."""
    cache = {} if cache is None else cache
    seen: list[str] = []
    folder = start
    found: str | None = None
    while True:
        if folder in cache:
            found = cache[folder]
            break
        seen.append(folder)
        found = _here(folder)
        parent = os.path.dirname(folder)
        if found is not None or parent == folder:
            break
        folder = parent
    for path in seen:
        cache[path] = found
    return found


def _here(folder: str) -> str | None:
    candidate = os.path.join(folder, FILE_NAME)
    if os.path.isfile(candidate):
        return candidate
    pyproject = os.path.join(folder, PYPROJECT)
    if os.path.isfile(pyproject):
        try:
            with open(pyproject, encoding="utf-8", errors="replace") as handle:
                text = handle.read()
        except OSError:
            return None
        if f"[tool.{TABLE}" in text or f'[tool."{TABLE}"' in text:
            return pyproject
    return None


def load(where: str | Path) -> Config:
    """Read and validate the config file at `where`."""
    import tomllib
    from pathlib import Path  # here: reading a config file imports pydantic anyway

    path = Path(where)

    try:
        data = tomllib.loads(read_regular(path, MEGABYTE).decode("utf-8"))
    except ReadError as error:
        raise ConfigError(f"{path}: cannot read config: {error.reason}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool` is {type(tool).__name__}, not a table; make it [tool]")
    if path.name == PYPROJECT:
        table = tool.get(TABLE, {})
        where = f"[tool.{TABLE}]"
    else:
        table = tool.get(TABLE, data) if "tool" in data else data
        where = FILE_NAME
    from prd_forge.lint.config_file import validate

    return validate(table, source=str(path), where=where, root=str(path.parent))
