"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

Compiling its patterns is most of what linting one small file costs: `re` parses and compiles
each one in Python code (about 30 ms for the forty-odd patterns one PRD needs), although what
it makes, the regex engine's program, is a list of integers that `_sre` turns back into a
pattern at once. So the programs are kept by pattern and flags in one marshal file in the
user's cache folder (`$XDG_CACHE_HOME/prd-forge`, else `~/.cache/prd-forge`, as black keeps
its cache), named for the interpreter and the engine's MAGIC number as a .pyc is named for its
interpreter. Like a .pyc it changes no result, so `--no-cache` (which is about results) leaves
it on. It is read on first use and written back (a temporary file, then a rename) when a run
compiled a pattern it did not hold. Anything unexpected (no file, a damaged one, another
Python, a program `_sre` refuses, no home folder, a read-only one) falls back to `re.compile`
and costs only speed: a kept program is keyed by its pattern's own text, so it is never stale.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from importlib import import_module
from pathlib import Path

TYPE_CHECKING = False  # typing is for the type checker: importing it costs a warm run ~10%
if TYPE_CHECKING:
    from typing import Any, Final

    Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

try:  # CPython's regex engine and the parts of `re` that feed it (no stubs: typed Any)
    _sre = import_module("_sre")
    _compiler = import_module("re._compiler")
    _parser = import_module("re._parser")
    _MAGIC: str | None = f"{sys.implementation.cache_tag}.{_sre.MAGIC}"
except (ImportError, AttributeError):  # pragma: no cover - another Python's engine
    _MAGIC = None

_MOST: Final = 4096  # programs kept at most (a team's own patterns add some)
_table: dict[tuple[str, int], Any] | None = None  # read on first use
_new: dict[tuple[str, int], Any] = {}


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the kept program when there is one."""
    flags = int(flags)
    if _MAGIC is None:
        return re.compile(source, flags)
    table = _kept()
    program = table.get((source, flags))
    if program is not None:
        try:
            return _pattern(source, program)
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # a program this engine refuses: compile it again
    program = _program(source, flags)
    if not _new:
        atexit.register(_save)
    table[(source, flags)] = _new[(source, flags)] = program
    return _pattern(source, program)


def _program(source: str, flags: int) -> Program:
    """What `re._compiler.compile` hands `_sre.compile`."""
    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # its opcodes are int subclasses
    names = parsed.state.groupdict
    by_index: list[str | None] = [None] * parsed.state.groups
    for name, index in names.items():
        by_index[index] = name
    return (
        flags | parsed.state.flags,
        code,
        parsed.state.groups - 1,
        dict(names),
        tuple(by_index),
    )


def _pattern(source: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, names, by_index = program
    pattern: re.Pattern[str] = _sre.compile(source, flags, code, groups, names, by_index)
    return pattern


def path() -> Path | None:
    """Where the programs are kept (None: nowhere, no home folder)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path("~", ".cache").expanduser())
    if _MAGIC is None or not base.is_absolute():
        return None
    return base / "prd-forge" / f"patterns.{_MAGIC}.marshal"


def _kept() -> dict[tuple[str, int], Any]:
    global _table
    if _table is None:
        _table = _read()
    return _table


def _read() -> dict[tuple[str, int], Any]:
    where = path()
    if where is None:
        return {}
    try:
        table = marshal.loads(where.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _save() -> None:
    """Write the kept programs with this run's new ones; a failure only costs speed."""
    where = path()
    if where is None or not _new:
        return
    table = {**_read(), **_new}
    if len(table) > _MOST:
        table = dict(_new)
    temporary = where.with_name(f"{where.name}.{os.getpid()}.tmp")
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(table))
        temporary.replace(where)
    except (OSError, ValueError):  # ValueError: something marshal cannot write
        with contextlib.suppress(OSError):
            temporary.unlink()
    _new.clear()
