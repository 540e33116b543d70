"""`prd-forge new`: the guided questionnaire, from nothing to an answers file and a PRD."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from prd_forge._io import NotReplaceable, OutputExistsError, check_writable, refuse_inputs
from prd_forge.commands._common import InputError, Refused
from prd_forge.questionnaire import prompts, quick, sections
from prd_forge.questionnaire.answers import Answers
from prd_forge.questionnaire.finish import complete, to_spec, write
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.interrupt import TYPED, exit_code, signals_as_interrupts, what
from prd_forge.questionnaire.review import ReviewChoice
from prd_forge.questionnaire.sections import QuestionnaireSection
from prd_forge.questionnaire.session import (
    DATA_SUFFIXES,
    DraftNotSaved,
    DraftStore,
    Files,
    read_answers_file,
)
from prd_forge.questionnaire.special import HANDLERS
from prd_forge.render.api import (
    RenderRefused,
    TemplateDropsConcern,
    TemplateError,
    template_file,
)
from prd_forge.spec.load import SpecError, validate


def is_interactive() -> bool:
    """Whether a person can answer (tests replace this: CliRunner's stdin is not a TTY)."""
    return sys.stdin.isatty()


def preflight(
    files: Files,
    *,
    force: bool,
    template: Path | None,
    asking: bool,
    answers: Path | None = None,
) -> None:
    """Everything that would stop the run, checked before the first question."""
    if files.prd.suffix.lower() in DATA_SUFFIXES:
        raise InputError(f"{files.prd}: -o names the PRD, a Markdown file such as PRD.md")
    try:
        refuse_inputs(files.prd, [answers, template])
    except NotReplaceable as error:
        raise InputError(str(error)) from None
    for path in (files.prd, files.answers):
        try:
            check_writable(path, force=force)
        except NotReplaceable as error:
            raise InputError(str(error)) from None
        except OutputExistsError as error:
            hint = "use --force to overwrite it, -o for another name, or `prd-forge edit`"
            raise Refused(f"{path}: already exists; {hint}") from error
    check_template(template)
    if asking and not is_interactive():
        raise InputError(
            "stdin is not a terminal, so nobody can answer the questions; "
            "run in a terminal, or give --answers FILE to write from an answers file"
        )


def check_template(template: Path | None) -> None:
    """A missing template stops the run before the first question, not after the last."""
    if template is not None and not template_file(template).is_file():
        raise InputError(
            f"{template}: no such template; give a .j2 file or a folder holding prd.md.j2"
        )


def template_refused(error: TemplateDropsConcern, store: DraftStore) -> Refused:
    names = ", ".join(f"{concern} ({state})" for concern, state in error.concerns)
    return Refused(
        f"template {error.template} does not render concern {names}; nothing was written "
        f"(your answers are kept in {store.path})"
    )


def interrupted(store: DraftStore, answers: Answers, error: BaseException) -> None:
    """Ctrl-C, SIGTERM, SIGHUP: nothing is lost, the answer being typed included; say how to
    continue."""
    prompts.echo()
    typing = TYPED.pending is not None
    if typing:
        with contextlib.suppress(OSError):  # a full disk: the earlier draft still stands
            store.save(answers)
    if store.path.exists():
        click.echo(f"{what(error)}. Your answers are saved in {store.path}.", err=True)
        if typing:
            click.echo("The answer you were typing is kept for that question.", err=True)
        click.echo(f"Continue with: {store.resume_hint}", err=True)
    else:
        click.echo(f"{what(error)} before any answer; nothing saved.", err=True)
    sys.exit(exit_code(error))


def load_start(files: Files, store: DraftStore, answers_file: Path | None, resume: bool) -> Answers:
    """The answers to start from: the draft (when resuming), over the --answers file."""
    try:
        data = read_answers_file(answers_file) if answers_file else {}
        reject_unknown_fields(data, answers_file)
        start = Answers(data=data, closed=_closed_lists(data))
        if resume or (store.path.exists() and is_interactive() and _offer_resume(store)):
            if not store.path.exists():
                raise InputError(f"{store.path}: no draft to resume; run `prd-forge new`")
            start = store.load()
    except SpecError as error:
        raise InputError(str(error)) from None
    return store.attach(start)


def reject_unknown_fields(data: dict[str, object], path: Path | None) -> None:
    """Misspelt keys stop the run at once; wrong values are asked again instead."""
    try:
        validate(data, str(path))
    except SpecError as error:
        unknown = [p for p in error.problems if p.message == "unknown field"]
        if unknown:
            raise SpecError(unknown) from None


def _offer_resume(store: DraftStore) -> bool:
    return keep_draft(store, "A draft exists")


def keep_draft(store: DraftStore, what: str) -> bool:
    """Continue the draft? Declining discards it only once the PM confirms; else it goes on."""
    if prompts.ask_yes_no(f"{what} ({store.path}). Continue where you stopped?", True):
        return True
    question = f"Discard it? The answers in {store.path} will be lost."
    if prompts.ask_yes_no(question, default=False):
        return False
    prompts.echo("  Kept: continuing the draft.")
    return True


def _closed_lists(data: object, prefix: str = "") -> set[str]:
    """Every list in a pre-filled file counts as finished: only missing answers are asked."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found |= _closed_lists(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        found.add(prefix)
        for index, item in enumerate(data):
            found |= _closed_lists(item, f"{prefix}[{index}]")
    return found


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("PRD.md"),
    show_default=True,
    help="The PRD to write; the answers go beside it as <name>.yaml.",
)
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Pre-fill from an answers file; only what is missing or invalid is asked.",
)
@click.option(
    "--quick",
    is_flag=True,
    help="Ask only the core questions (about 25); the rest become open questions for `edit`.",
)
@click.option("--resume", is_flag=True, help="Continue the draft left by an interrupted run.")
@click.option("--force", is_flag=True, help="Overwrite the PRD and answers file if they exist.")
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    help="A Jinja template file, or a folder holding prd.md.j2 (default: the shipped one).",
)
def new(
    output: Path,
    answers_file: Path | None,
    quick: bool,
    resume: bool,
    force: bool,
    template: Path | None,
) -> None:
    """Answer a guided questionnaire; get an answers file and a PRD.

    Every answer is saved at once to a draft (.<name>.draft.yaml beside the PRD), so Ctrl-C
    loses nothing: run the same command again, or add --resume, to continue.
    """
    files = Files.for_prd(output)
    preflight(
        files, force=force, template=template, asking=answers_file is None, answers=answers_file
    )
    resume_hint = f"prd-forge new -o {output}{' --quick' if quick else ''} --resume"
    store = DraftStore(files.draft, resume_hint)
    if not is_interactive():
        assert answers_file is not None
        _write_without_questions(answers_file, files, template=template, force=force)
        return
    answers = load_start(files, store, answers_file, resume)
    interview = Interview(answers, handlers=HANDLERS, quick=quick)
    ask_and_write(interview, files, store, template=template, force=force)


def ask_and_write(
    interview: Interview,
    files: Files,
    store: DraftStore,
    *,
    template: Path | None,
    force: bool,
    chosen: Iterable[QuestionnaireSection] | None = None,
) -> None:
    """Ask the chosen sections (all by default), review, write; the draft survives any exit."""
    try:
        with signals_as_interrupts():
            if interview.quick:
                quick.run(interview)
            else:
                sections.run(interview, chosen)
            interview.revisit = False
            verdict, written = complete(interview, files, store, template=template, force=force)
    except (KeyboardInterrupt, EOFError) as error:
        interrupted(store, interview.answers, error)
    except (OutputExistsError, OSError) as error:
        raise not_written(error, files, store) from None
    except TemplateDropsConcern as error:
        raise template_refused(error, store) from None
    except TemplateError as error:
        raise InputError(f"{error} (your answers are kept in {store.path})") from None
    report(written, verdict, files)


def not_written(error: OSError | OutputExistsError, files: Files, store: DraftStore) -> Exception:
    """A full disk, or a PRD that appeared while answering: one line, every answer kept."""
    kept = f"your answers are kept in {store.path}"
    hint = f"then continue with: {store.resume_hint}"
    if isinstance(error, NotReplaceable):
        return InputError(f"{error}; {kept}")
    if isinstance(error, OutputExistsError):
        return Refused(
            f"{error.path}: appeared while you were answering, so nothing was written; {kept}: "
            f"move {error.path} away, {hint}"
        )
    if isinstance(error, DraftNotSaved):
        return InputError(f"{error}; free some space, {hint}")
    reason = error.strerror or str(error)
    return InputError(
        f"{files.answers} and {files.prd}: cannot be written ({reason}), so neither was; "
        f"{kept}: {hint}"
    )


def report(files: Files, verdict: ReviewChoice, asked: Files) -> None:
    kind = "a draft PRD: its gaps are marked" if verdict is ReviewChoice.SAVE else "the PRD"
    click.echo(f"Wrote {files.answers} (answers) and {files.prd} ({kind}).")
    if files != asked:
        click.echo(f"{asked.answers} and {asked.prd} are complete and were left unchanged.")
    click.echo(f"Change answers later with: prd-forge edit {files.answers}")


def _write_without_questions(
    answers_file: Path, files: Files, *, template: Path | None, force: bool
) -> None:
    """No terminal: the answers file must be complete; write or refuse, never ask."""
    try:
        spec = to_spec(read_answers_file(answers_file), str(answers_file))
        write(spec, files, template=template, draft=False, force=force)
    except SpecError as error:
        raise InputError(str(error)) from None
    except RenderRefused as refused:
        lines = [f"  {gap.path}: {gap.message} ({gap.fix})" for gap in refused.gaps]
        raise Refused(
            f"{answers_file}: {len(refused.gaps)} gap(s) block the PRD, and stdin is not a "
            "terminal to ask for them:\n" + "\n".join(lines)
        ) from None
    except TemplateDropsConcern as error:
        raise Refused(str(error)) from None
    except TemplateError as error:
        raise InputError(str(error)) from None
    except NotReplaceable as error:
        raise InputError(str(error)) from None
    except OutputExistsError as error:
        raise Refused(f"{error}; nothing was written") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(
            f"{files.answers} and {files.prd}: cannot be written ({reason}), so neither was"
        ) from None
    click.echo(f"Wrote {files.answers} (answers) and {files.prd} (the PRD).")
