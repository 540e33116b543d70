"""`prd-forge init`: wire prd-forge into a repository (config, pre-commit, GitHub workflow)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import click

from prd_forge._io import MEGABYTE, OutputExistsError, ReadError, read_regular, write_atomic
from prd_forge.commands._common import InputError
from prd_forge.workflow import detect
from prd_forge.workflow.scaffold import (
    CONFIG_FILE,
    DEFAULT_PRDS,
    PRDS_README,
    PRE_COMMIT_FILE,
    WORKFLOW_FILE,
    Scaffold,
    github_action,
    normalise_prds,
)


@dataclass(frozen=True)
class Write:
    """A file `init` will create (or replace, with --force)."""

    path: Path
    text: str


@dataclass(frozen=True)
class Note:
    """Something `init` leaves to the user, with the text to paste where it applies."""

    message: str
    snippet: str = ""


Step = Write | Note


@click.command()
@click.argument(
    "directory",
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--prds",
    help=f"The folder, relative to DIRECTORY, that holds the PRDs to lint [default: the first "
    f"of {', '.join(detect.PRD_FOLDERS)} holding Markdown, else {DEFAULT_PRDS}, created].",
)
@click.option(
    "--source",
    metavar="URL",
    help="The GitHub repository prd-forge (its action and hooks) comes from "
    "[default: the installed prd-forge's Source URL].",
)
@click.option("--ref", help="The tag or commit of --source to use [default: vVERSION].")
@click.option("--branch", help="The branch pushes are linted on [default: from git, else main].")
@click.option("--force", is_flag=True, help="Replace .prd-forge.toml and the workflow if present.")
def init(
    directory: Path,
    prds: str | None,
    source: str | None,
    ref: str | None,
    branch: str | None,
    force: bool,
) -> None:
    """Add prd-forge to the repository in DIRECTORY (default: the current one).

    Writes .prd-forge.toml, .pre-commit-config.yaml (or prints the entry to add when the file
    exists) and .github/workflows/prd-forge.yml, and creates the PRD folder with a README when
    it does not exist. Nothing is written when any of the files exists, unless --force is
    given; an existing pre-commit config is never replaced.
    """
    scaffold = _scaffold(directory, prds, source, ref, branch)
    steps = plan(directory, scaffold)
    writes = [step for step in steps if isinstance(step, Write)]
    existing = [str(step.path) for step in writes if step.path.exists()]
    if existing and not force:
        verb = "exists" if len(existing) == 1 else "exist"
        raise InputError(
            f"{', '.join(existing)}: already {verb}; nothing was written (--force replaces)"
        )
    for step in steps:
        if isinstance(step, Write):
            _write(step, force=force)
            click.echo(f"wrote {step.path}")
        else:
            click.echo(step.message)
            if step.snippet:
                click.echo(step.snippet, nl=False)
    click.echo(f"next: run `pre-commit install`, keep your PRDs in {scaffold.prds}/, commit")


def _scaffold(
    directory: Path, prds: str | None, source: str | None, ref: str | None, branch: str | None
) -> Scaffold:
    """The answers init writes in: given, else detected."""
    default_source, default_ref = detect.source()
    try:
        folder = normalise_prds(prds or detect.existing_prds(directory) or DEFAULT_PRDS)
    except ValueError as error:
        raise InputError(f"--prds {error}") from None
    scaffold = Scaffold(
        prds=folder,
        repository=(source or default_source).rstrip("/"),
        ref=ref or default_ref,
        branch=branch or detect.default_branch(directory),
    )
    try:
        github_action(scaffold.repository)
    except ValueError as error:
        raise InputError(f"--source {error}") from None
    return scaffold


def plan(directory: Path, scaffold: Scaffold) -> list[Step]:
    """Every file `init` writes and every note it prints, before anything is written."""
    steps: list[Step] = [
        _config_step(directory, scaffold),
        _pre_commit_step(directory, scaffold),
        Write(directory / WORKFLOW_FILE, scaffold.workflow()),
    ]
    if not (directory / scaffold.prds).exists():
        steps.append(Write(directory / scaffold.prds / PRDS_README, scaffold.prds_readme()))
    return steps


def _config_step(directory: Path, scaffold: Scaffold) -> Step:
    pyproject = directory / "pyproject.toml"
    tool = _read_toml(pyproject).get("tool") if pyproject.is_file() else None
    if isinstance(tool, dict) and "prd-forge" in tool:
        readme = f"{scaffold.prds}/{PRDS_README}"
        return Note(
            f"kept {pyproject}: it already has a [tool.prd-forge] table; if {readme} is not "
            "a PRD, add this to it:",
            f'[tool.prd-forge.per-path-ignores]\n"{readme}" = ["ALL"]\n',
        )
    return Write(directory / CONFIG_FILE, scaffold.config())


def _pre_commit_step(directory: Path, scaffold: Scaffold) -> Step:
    path = directory / PRE_COMMIT_FILE
    if not path.exists():
        return Write(path, scaffold.pre_commit_config())
    if "prd-forge-lint" in _read_text(path):
        return Note(f"kept {path}: it already runs prd-forge")
    return Note(f"kept {path}: add this entry under `repos:`", scaffold.pre_commit_entry())


def _read_text(path: Path) -> str:
    try:
        return read_regular(path, MEGABYTE).decode("utf-8")
    except ReadError as error:
        raise InputError(str(error)) from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: cannot read it ({error})") from None


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(_read_text(path))
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML ({error}); fix it and run init again") from None


def _write(step: Write, *, force: bool) -> None:
    try:
        write_atomic(step.path, step.text, force=force)
    except OutputExistsError as error:  # created by someone else since the check above
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{step.path}: cannot write it ({error.strerror})") from None
