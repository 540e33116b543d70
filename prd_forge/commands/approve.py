"""`prd-forge approve`: record an approval bound to the sections a role signs."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from prd_forge._io import write_atomic
from prd_forge.approvals import record, settings
from prd_forge.commands._common import InputError, Refused
from prd_forge.commands.render import load
from prd_forge.lint.config import ConfigError
from prd_forge.spec import completeness
from prd_forge.spec.load import LoadedSpec, SpecError, load_spec, read_text


def _day(value: str | None) -> str:
    if value is None:
        return datetime.date.today().isoformat()
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"--date {value!r} is not a date; write it as YYYY-MM-DD") from None


def _refuse_gaps(loaded: LoadedSpec) -> None:
    """Refused (exit 1) listing the gaps while the spec has gaps that block it."""
    gaps = completeness.blocking(loaded.spec, completeness.find_gaps(loaded.spec))
    if not gaps:
        return
    lines = [f"refused to approve {loaded.file}: {len(gaps)} gap(s) block it"]
    for gap in gaps:
        line = loaded.line_of(gap.path)
        place = f"{loaded.file}:{line}" if line else loaded.file
        lines.append(f"  {place}: {gap.path}: {gap.message} ({gap.fix})")
    lines.append("fill them in, or approve with --force to sign the spec as it is")
    raise Refused("\n".join(lines))


@click.command()
@click.argument("spec", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--role", required=True, help="The role approving: product, engineering, ml...")
@click.option("--name", required=True, help="The person approving.")
@click.option("--date", "day", default=None, help="The day of the approval (default: today).")
@click.option("--force", is_flag=True, help="Record it even while gaps block the spec.")
def approve(spec: Path, role: str, name: str, day: str | None, force: bool) -> None:
    """Record NAME's approval as ROLE in the answers file SPEC, bound to the sections ROLE
    signs: an approval turns stale (check and lint say so) when one of them changes.

    The rest of the file is kept as it was. Exit 0 when recorded; 1, recording nothing, while
    completeness gaps block the spec (unless --force); 2 on a bad spec, role or config.
    """
    try:
        team = settings.for_file(spec)
    except ConfigError as error:
        raise InputError(str(error)) from None
    signs = settings.role_sections(team)
    if role not in signs:
        known = ", ".join(sorted(signs))
        raise InputError(f"unknown role {role!r}; known roles: {known} (add one in the config)")
    if not name.strip():
        raise InputError("--name is empty; name the person approving")
    loaded = load(spec)
    if not force:
        _refuse_gaps(loaded)
    new = record.approval(loaded.spec, role, name.strip(), _day(day), signs[role])
    try:
        text = record.updated_text(read_text(spec), spec.suffix.casefold() == ".json", new)
        write_atomic(spec, text, force=True)
        load_spec(spec)
    except SpecError as error:
        raise InputError("\n".join(str(problem) for problem in error.problems)) from None
    except OSError as error:
        raise InputError(f"{spec}: cannot be written: {error.strerror}") from None
    click.echo(f"{spec}: recorded the {role} approval by {name.strip()}: {new['digest']}")
