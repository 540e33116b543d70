"""From answers to files: review, validate, render through `render`, write atomically."""

from __future__ import annotations

from pathlib import Path

from prd_forge._io import write_all
from prd_forge.questionnaire import prompts
from prd_forge.questionnaire.flow import Interview
from prd_forge.questionnaire.review import ReviewChoice, fill, review, settle_gaps
from prd_forge.questionnaire.roundtrip import answers_text
from prd_forge.questionnaire.session import DraftStore, Files, clean
from prd_forge.render.api import RenderRefused, render_markdown
from prd_forge.spec.completeness import Gap, blocking, find_gaps
from prd_forge.spec.load import SpecError, load_spec, validate
from prd_forge.spec.model import Spec


def render_prd(spec: Spec, template: Path | None, *, draft: bool) -> str:
    """The one call into the renderer: the same refusal rules as `prd-forge render`."""
    return render_markdown(spec, template=template, draft=draft)


def to_spec(data: dict[str, object], name: str) -> Spec:
    """The answers as a Spec; a SpecError lists every answer that does not validate."""
    return validate(clean(data), name).spec


def write(spec: Spec, files: Files, *, template: Path | None, draft: bool, force: bool) -> None:
    """Render first (a refusal writes nothing), then the answers file, then the PRD."""
    text = render_prd(spec, template, draft=draft)
    # both or neither: a file that appeared meanwhile or a full disk leaves no half pair
    write_all([(files.answers, answers_text(spec, files.answers)), (files.prd, text)], force=force)


def complete(
    interview: Interview,
    files: Files,
    store: DraftStore,
    *,
    template: Path | None,
    force: bool,
) -> tuple[ReviewChoice, Files]:
    """Review, then write; a refused render shows its gaps and returns to the review.

    Returns the verdict and the files written: a draft saved over a clean PRD goes beside it.
    """
    while True:
        verdict = review(interview)
        try:
            spec = to_spec(interview.answers.data, str(files.answers))
        except SpecError as error:
            _show_problems(interview, error)
            continue
        target, overwrite = files, force
        if verdict is ReviewChoice.SAVE and is_clean(files.answers):
            target, overwrite = beside(files), True
        try:
            write(
                spec, target, template=template, draft=verdict is ReviewChoice.SAVE, force=overwrite
            )
        except RenderRefused as refused:
            settle_gaps(interview, list(refused.gaps))
            continue
        store.discard()
        return verdict, target


def is_clean(answers_file: Path) -> bool:
    """Whether an answers file exists and nothing blocks it: a draft must not replace it."""
    if not answers_file.is_file():
        return False
    try:
        spec = load_spec(answers_file).spec
    except SpecError:
        return False
    return not blocking(spec, find_gaps(spec))


def beside(files: Files) -> Files:
    """PRD.md -> PRD-draft.md and PRD-draft.yaml, next to the clean ones."""
    prd, answers = files.prd, files.answers
    return Files(
        prd.with_name(f"{prd.stem}-draft{prd.suffix}"),
        answers.with_name(f"{answers.stem}-draft{answers.suffix}"),
        files.draft,
    )


def _show_problems(interview: Interview, error: SpecError) -> None:
    prompts.echo("Some answers do not validate:")
    for problem in error.problems:
        prompts.echo(f"  {problem.path}: {problem.message}")
    gaps = [Gap(p.path, "problem", p.message, "") for p in error.problems if p.path]
    fill(interview, gaps)
