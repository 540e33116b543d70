"""Exit codes, and writing to the standard streams as click does, without importing click.

The lint entry point (prd_forge/entry.py) prints through `echo` so its output is
byte-identical to the click command's; cli.py uses the same handling of a failing standard
output.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import sys

from prd_forge._records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Final, TextIO

EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1  # findings at or above the fail level, incomplete spec, refused render
EXIT_INPUT: Final = 2  # usage or input error
EXIT_INTERRUPTED: Final = 130

# Errors of a write to standard output that the user can fix and should hear about.
OUTPUT_ERRNOS: Final = frozenset(
    {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EIO, errno.EFBIG, errno.EROFS}
)
_ANSI: Final = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")  # what click.echo strips


def output_failure(error: OSError) -> str:
    """The one line for a standard output that cannot be written."""
    return f"cannot write to standard output: {error.strerror or error}"


def is_output_failure(error: OSError) -> bool:
    return error.filename is None and error.errno in OUTPUT_ERRNOS


def echo(message: str, *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """click.echo for text: strips colour codes unless `color` (None: unless a terminal),
    writes and flushes."""
    stream = sys.stderr if err else sys.stdout
    out = message + "\n" if nl else message
    if not out:
        stream.flush()
        return
    if (not _isatty(stream)) if color is None else not color:
        out = _ANSI.sub("", out)
    stream.write(out)
    stream.flush()


def plain_streams() -> bool:
    """Whether click would write to the standard streams as they are (it wraps one whose
    encoding is ASCII, a misconfigured locale, in UTF-8)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if encoding is None or getattr(stream, "errors", None) is None:
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except Exception:
        return False


def drop_stdout() -> None:
    """Whatever is still buffered can never be written: point standard output at nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test runner's buffer)
        pass


def flush_stdout() -> None:
    """Flush now, so a failure is our one line, not Python's "Exception ignored" at exit."""
    try:
        sys.stdout.flush()
    except OSError as error:
        drop_stdout()
        echo(f"prd-forge: error: {output_failure(error)}", err=True)
        sys.exit(EXIT_INPUT)
