"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

Compiling its patterns is most of what linting one small file costs: `re` parses and compiles
each one in Python code (about 30 ms for the forty-odd patterns one PRD needs), although what
it makes, the regex engine's program, is a list of integers that `_sre` turns back into a
pattern at once. So each program is kept in a marshal file of its own (its integers as the
bytes of a C array, which marshal reads at once, not int by int) in the user's cache folder
(`$XDG_CACHE_HOME/prd-forge`, else `~/.cache/prd-forge`, as black keeps its cache), in a
folder named for the interpreter and the engine's MAGIC number as a .pyc is named for its
interpreter, and a file named for a checksum of the pattern and its flags. One file per
program: a run reads only the programs it uses (the corpus's union pattern alone is 400 KB),
and programs of patterns since edited cost disk, not time. A run writes what it compiled when
it ends (a temporary file, then a rename). Like a .pyc it changes no result, so `--no-cache`
(which is about results) leaves it on. Anything unexpected (no file, a damaged one, another
pattern with the same checksum, a program `_sre` refuses, no home folder, a read-only one)
falls back to `re.compile` and costs only speed: a file holds its pattern's own text and
flags, and serves only that pattern, so it is never stale.

`kept` keeps other values the same way: the evidence scanner's reading of every concern's
alternatives (about 40 ms to compute), the heading alias index and the AI 600-1 risks' needles
(a few ms each), each under a key made of what it is computed from and a checksum of the code
that computes it (`code_checksum`).

Paths are strings, joined by os.path: pathlib (with urllib.parse and ipaddress, which it
imports) cost linting one small file about 7% of its instructions.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable

from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, Final

# the code as the bytes of an array of C ints (_sre's code words): marshal reads bytes at once,
# a list of ints one by one (the corpus's union pattern, 96,000 of them, in twice the time)
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

try:  # CPython's regex engine and the parts of `re` that feed it (no stubs: typed Any; and
    # __import__, as importlib would import itself and warnings for them)
    _sre = __import__("_sre")
    _compiler = __import__("re._compiler", fromlist=("_code",))
    _parser = __import__("re._parser", fromlist=("parse",))
    # kept only where the engine's code words are C unsigned ints, as the programs store them
    _MAGIC: str | None = (
        f"{sys.implementation.cache_tag}.{_sre.MAGIC}"
        if array("I").itemsize == _sre.CODESIZE
        else None
    )
except (ImportError, AttributeError):  # pragma: no cover - another Python's engine
    _MAGIC = None

_MOST: Final = 2000  # files kept; past that the older half is removed
_new: dict[tuple[str, int], Any] = {}  # compiled by this run, written when it ends
_values: dict[str, tuple[str, Any]] = {}  # file name -> (key, value) computed by this run


def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the kept program when there is one."""
    flags = int(flags)
    if _MAGIC is None:
        return re.compile(source, flags)
    found = compile_kept(source, flags)  # None too for a program this engine refuses
    if found is not None:
        return found
    program = _program(source, flags)
    if not (_new or _values):
        atexit.register(_save)
    _new[(source, flags)] = program
    return _pattern(source, program)


def _program(source: str, flags: int) -> Program:
    """What `re._compiler.compile` hands `_sre.compile`."""
    parsed = _parser.parse(source, flags)
    code = array("I", _compiler._code(parsed, flags)).tobytes()
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
    words = array("I", code).tolist()
    pattern: re.Pattern[str] = _sre.compile(source, flags, words, groups, names, by_index)
    return pattern


def kept(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, or what an earlier run computed for the same `key`: kept as a program is,
    for a value that costs more to compute than to read (marshal-able: tuples, lists, strings,
    numbers, frozensets). The file is named for `name` and a checksum of `key`, and holds the
    key itself, so it serves only that key: `key` must name everything the value depends on."""
    if folder() is None:
        return compute()
    found = stored(name, key)
    if found is not None:
        return found
    value = compute()
    if not (_new or _values):
        atexit.register(_save)
    _values[_value_name(name, key)] = (key, value)
    return value


def stored(name: str, key: str) -> Any:
    """What an earlier run (or this one) kept for `key` under `name`, or None: `kept` without
    computing anything."""
    where = folder()
    if where is None:
        return None
    file = _value_name(name, key)
    found = _values.get(file) or _load(where, file)
    if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
        return found[1]
    return None


def _value_name(name: str, key: str) -> str:
    """The file a value is kept in: named for `name` and a checksum of `key`."""
    return f"{name}-{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}.marshal"


def compile_kept(source: str, flags: int = 0) -> re.Pattern[str] | None:
    """The pattern from its kept program; None, compiling nothing, when there is none (or this
    engine refuses it)."""
    program = _read(source, int(flags)) if _MAGIC is not None else None
    if program is None:
        return None
    try:
        return _pattern(source, program)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None


def code_checksum(*files: str) -> str:
    """A checksum of these source files' text, for a `kept` key that must change when the code
    that computes the value does ("" when one cannot be read: keep nothing then)."""
    try:
        texts = [_read_bytes(file) for file in files]
    except OSError:
        return ""
    return format(zlib.crc32(b"\0".join(texts)), "08x")


def _read_bytes(file: str) -> bytes:
    with open(file, "rb") as handle:
        return handle.read()


def folder() -> str | None:
    """Where the programs are kept (None: nowhere, no home folder)."""
    environ = os.environ
    names = (environ.get("XDG_CACHE_HOME"), environ.get("HOME"))
    if names not in _folders:  # asked for each pattern: worked out once per environment
        _folders.clear()
        _folders[names] = _find_folder(names[0])
    return _folders[names]


_folders: dict[tuple[str | None, str | None], str | None] = {}


def _find_folder(xdg_cache_home: str | None) -> str | None:
    base = xdg_cache_home or os.path.expanduser(os.path.join("~", ".cache"))
    if _MAGIC is None or not os.path.isabs(base):  # "~" stays when there is no home folder
        return None
    return os.path.join(base, "prd-forge", f"patterns.{_MAGIC}")


def _file(where: str, source: str, flags: int) -> str:
    return os.path.join(where, _name(source, flags))


def _name(source: str, flags: int) -> str:
    # .program: these hold the code as bytes (files of the earlier .marshal kind, a list, stay
    # unread until pruned)
    return f"{zlib.crc32(source.encode('utf-8', 'surrogatepass')):08x}-{flags}.program"


def _load(where: str, name: str) -> Any:
    """What file `name` of `where` holds; None when there is no such file or it is damaged."""
    try:
        return marshal.loads(_read_bytes(os.path.join(where, name)))
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _read(source: str, flags: int) -> Any:
    """The kept program of this pattern, or None."""
    where = folder()
    if where is None:
        return None
    kept = _load(where, _name(source, flags))
    if not (isinstance(kept, tuple) and len(kept) == 3 and kept[:2] == (source, flags)):
        return None  # damaged, or another pattern with the same checksum
    return kept[2]


def _save() -> None:
    """Write the programs and values this run computed; a failure only costs speed."""
    where = folder()
    if where is None or not (_new or _values):
        return
    files: list[tuple[str, tuple[Any, ...]]] = [
        (os.path.join(where, name), kept) for name, kept in _values.items()
    ]
    for (source, flags), program in _new.items():
        files.append((_file(where, source, flags), (source, flags, program)))
    try:
        os.makedirs(where, exist_ok=True)
        for target, stored in files:
            temporary = f"{target}.{os.getpid()}.tmp"
            with open(temporary, "wb") as handle:
                handle.write(marshal.dumps(stored))
            os.replace(temporary, target)
        _prune(where)
    except (OSError, ValueError):  # ValueError: something marshal cannot write
        pass
    _new.clear()
    _values.clear()


def _prune(where: str) -> None:
    """Past _MOST files (patterns edited again and again), remove the older half."""
    kept = [os.path.join(where, name) for name in os.listdir(where)]
    if len(kept) <= _MOST:
        return
    kept.sort(key=os.path.getmtime)
    import contextlib  # here: pruning is rare

    for stale in kept[: len(kept) // 2]:
        with contextlib.suppress(OSError):
            os.remove(stale)
