"""`prd-forge edit`: re-ask a spec's questions with its answers as defaults, then re-render."""

from __future__ import annotations

from pathlib import Path

import click

from prd_forge import catalogue
from prd_forge._io import NotReplaceable, check_writable, refuse_inputs
from prd_forge.commands._common import InputError
from prd_forge.commands.new import (
    ask_and_write,
    check_template,
    is_interactive,
    keep_draft,
    reject_unknown_fields,
)
from prd_forge.questionnaire import sections
from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.session import DATA_SUFFIXES, DraftStore, Files, read_answers_file
from prd_forge.questionnaire.special import HANDLERS
from prd_forge.spec.load import SpecError

SECTIONS_KEY = "edit.sections"
"""Where the draft of an edit remembers its --section choices (with the suggested defaults)."""


def _start(spec_file: Path, store: DraftStore, section_ids: tuple[str, ...]) -> Answers:
    """The saved answers, or the unfinished edit's draft (whose sections then apply)."""
    try:
        if store.path.exists() and keep_draft(store, "An unfinished edit exists"):
            return store.attach(store.load())
        data = read_answers_file(spec_file)
        reject_unknown_fields(data, spec_file)
    except SpecError as error:
        raise InputError(str(error)) from None
    answers = Answers(data=data)
    answers.suggested[SECTIONS_KEY] = list(section_ids)
    return store.attach(answers)


def resume_hint(spec_file: Path, section_ids: tuple[str, ...]) -> str:
    return " ".join([f"prd-forge edit {spec_file}", *(f"--section {s}" for s in section_ids)])


@click.command()
@click.argument("spec_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--section",
    "section_ids",
    multiple=True,
    type=click.Choice(catalogue.IDS),
    help="Only this section (repeatable); default: every section.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The PRD to re-render; default: SPEC_FILE with .md.",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="A Jinja template file, or a folder holding prd.md.j2 (default: the shipped one).",
)
def edit(
    spec_file: Path, section_ids: tuple[str, ...], output: Path | None, template: Path | None
) -> None:
    """Change the answers in SPEC_FILE, then rewrite it and the PRD rendered from it.

    Each question shows its saved answer as the default: Enter keeps it. Changes are saved to
    a draft as you go (.<name>.draft.yaml), so Ctrl-C loses nothing.
    """
    if spec_file.suffix.lower() not in DATA_SUFFIXES:
        raise InputError(f"{spec_file}: edit takes an answers file (.yaml), not the PRD")
    if not spec_file.is_file():
        raise InputError(f"{spec_file}: no such answers file; create one with `prd-forge new`")
    check_template(template)
    if not is_interactive():
        raise InputError("stdin is not a terminal, so nobody can answer; run in a terminal")
    files = Files.for_spec(spec_file, output)
    try:
        refuse_inputs(files.prd, [spec_file, template])
        check_writable(files.prd, force=True)
    except NotReplaceable as error:
        raise InputError(str(error)) from None
    store = DraftStore(files.draft, resume_hint(spec_file, section_ids))
    answers = _start(spec_file, store, section_ids)
    # a resumed edit keeps the sections it was started with, whatever this run names
    section_ids = tuple(answers.suggested.get(SECTIONS_KEY) or section_ids)
    store.resume_hint = resume_hint(spec_file, section_ids)
    interview = Interview(answers, revisit=True, handlers=HANDLERS)
    chosen = sections.by_id(section_ids) if section_ids else sections.plan()
    ask_and_write(interview, files, store, template=template, force=True, chosen=chosen)
