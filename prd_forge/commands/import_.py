"""`prd-forge import`: a Markdown PRD into an answers file at status draft (see importer/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from prd_forge._io import OutputExistsError, check_writable, write_atomic
from prd_forge.commands._common import InputError, Refused
from prd_forge.importer.build import Imported, build
from prd_forge.importer.report import report
from prd_forge.lint.document import parse
from prd_forge.lint.engine import concern_analysis
from prd_forge.lint.files import InputProblem, read
from prd_forge.spec.load import dump_yaml


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        cleaned = {key: _clean(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, [], {})}
    if isinstance(value, list):
        return [_clean(item) for item in value if item not in (None, {})]
    return value


def answers_text(imported: Imported, source: str) -> str:
    """The answers file: a comment naming the source, then the answers in model order."""
    data = _clean(imported.spec.model_dump(mode="json"))
    note = (
        f"# Imported by prd-forge from {source}: a draft. Open questions name what it could not\n"
        "# fill; complete it with `prd-forge edit` or `prd-forge new --answers`.\n"
    )
    return dump_yaml(data).replace("\n", "\n" + note, 1)


def markdown_of(path: Path) -> str:
    """The PRD's Markdown: the file itself, or a Word document converted (see importer/docx.py)."""
    if path.suffix.casefold() == ".docx":
        from prd_forge.importer.docx import DocxError, read_docx

        try:
            return read_docx(path)
        except DocxError as error:
            raise InputError(str(error)) from None
    decoded = read(str(path))
    if isinstance(decoded, InputProblem):
        raise Refused(f"{path}: {decoded.message}; nothing imported")
    if decoded.warning is not None:
        click.echo(f"prd-forge: warning: {path}: {decoded.warning.message}", err=True)
    return decoded.text


def _import(path: Path, text: str) -> Imported:
    doc = parse(text)
    return build(doc, concern_analysis(doc), str(path))


@click.command("import")
@click.argument("prd", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the answers file here (default: standard output).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option(
    "--report",
    "show_report",
    is_flag=True,
    help="Print what was mapped from which line, and what is left.",
)
@click.option(
    "--show-converted",
    is_flag=True,
    help="Print the Markdown a .docx was converted to (the lines --report refers to), and stop.",
)
def import_command(
    prd: Path, output: Path | None, force: bool, show_report: bool, show_converted: bool
) -> None:
    """Turn PRD (Markdown, or a .docx with prd-forge[docx]) into an answers file at status draft.

    Each concern it cannot fill becomes an open question naming the line. Exit 0 when an
    answers file is written, 1 when nothing in PRD was recognised (nothing is written), 2 on
    bad usage or a Word document that cannot be read.
    """
    if not prd.is_file():
        raise InputError(f"{prd}: no such file; give the path of a Markdown PRD")
    try:
        if output is not None:
            check_writable(output, force=force)
        text = markdown_of(prd)
        if show_converted:
            click.echo(text, nl=False)
            return
        imported = _import(prd, text)
        if show_report:
            click.echo(report(imported, str(prd)), err=True, nl=False)
        if not imported.recognised:
            raise Refused(
                f"{prd}: no section of an AI feature spec was recognised; nothing imported "
                "(is it a PRD? `prd-forge lint` shows what it finds)"
            )
        text = answers_text(imported, str(prd))
        if output is None:
            click.echo(text, nl=False)
        else:
            write_atomic(output, text, force=force)
    except OutputExistsError as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(f"{output}: cannot be written: {error.strerror}") from None
