"""`lint --fix` and `lint --diff`: scaffold what each linted PRD lacks, or show it as a diff."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import click

from prd_forge import catalogue
from prd_forge._io import write_atomic
from prd_forge.commands._common import InputError
from prd_forge.lint import config as config_files
from prd_forge.lint.config import Config
from prd_forge.lint.engine import analyse_text
from prd_forge.lint.files import STDIN
from prd_forge.lint.fix import Fix, fix
from prd_forge.lint.results import FileReport
from prd_forge.lint.run import RunResult

_BOM = "\ufeff"


def _titles(config: Config) -> dict[str, str]:
    """Every concern's heading title, a team's own sections' from its config."""
    titles = {concern.id: concern.title for concern in catalogue.CONCERNS}
    titles.update({section.id: section.title for section in config.sections})
    return titles


def _config(path: str, explicit: str | None) -> Config:
    """The config lint used for `path` (its aliases place the team's own headings)."""
    if explicit is not None:
        return config_files.load(Path(explicit))
    start = Path(path).resolve().parent if path != STDIN else Path.cwd()
    found = config_files.find(start)
    return config_files.load(found) if found is not None else config_files.DEFAULT


def _fixed(report: FileReport, original: str, config: Config) -> Fix:
    text = original.removeprefix(_BOM)
    result = fix(text, report, analyse_text(text, config=config), _titles(config))
    prefix = _BOM if original.startswith(_BOM) else ""
    return Fix(prefix + result.text, result.added, result.marked)


def _read(path: str, stdin: bytes | None) -> str | None:
    """The file's UTF-8 text; None (with a warning) for one lint read as Windows-1252, which
    --fix leaves alone rather than change its encoding along with its sections."""
    data = stdin if path == STDIN and stdin is not None else Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        click.echo(
            f"prd-forge: warning: {path}: not UTF-8, so not fixed; save it as UTF-8", err=True
        )
        return None


def _todo(report: FileReport) -> bool:
    return any(f.name in ("missing-section", "hollow-section") for f in report.findings)


def diff(result: RunResult, stdin: bytes | None, config_path: str | None) -> bool:
    """Print a unified diff of what `--fix` would add to each file; whether there is any."""
    changed = False
    for report in result.reports:
        if not _todo(report):
            continue
        original = _read(report.path, stdin)
        if original is None:
            continue
        after = _fixed(report, original, _config(report.path, config_path)).text
        lines = difflib.unified_diff(
            original.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=report.path,
            tofile=report.path,
        )
        text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
        if text:
            changed = True
            click.echo(text, nl=False)
    return changed


def apply(result: RunResult, config_path: str | None, rerun: Callable[[], RunResult]) -> RunResult:
    """Write each file's scaffold (atomically), say what was added, and lint again."""
    wrote = False
    for report in result.reports:
        if not _todo(report):
            continue
        original = _read(report.path, None)
        if original is None:
            continue
        fixed = _fixed(report, original, _config(report.path, config_path))
        if fixed.text == original:
            continue
        try:
            write_atomic(Path(report.path), fixed.text, force=True)
        except OSError as error:
            raise InputError(f"{report.path}: cannot be written: {error.strerror}") from None
        wrote = True
        click.echo(f"prd-forge: fixed {report.path}: {_said(fixed)}", err=True)
    return rerun() if wrote else result


def _said(fixed: Fix) -> str:
    parts = []
    if fixed.added:
        parts.append(f"added {len(fixed.added)} section(s) to answer ({', '.join(fixed.added)})")
    if fixed.marked:
        parts.append(f"marked {len(fixed.marked)} hollow ({', '.join(fixed.marked)})")
    return "; ".join(parts)
