"""Render a spec into a PRD that cannot omit how the feature fails.

`render_markdown` refuses an incomplete spec (`RenderRefused`), refuses a template whose output
drops or empties a required concern (`TemplateDropsConcern`), and turns every template problem
(syntax, sandbox, missing file) into a `TemplateError` naming the template and the line.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from prd_forge import _resources, concerns
from prd_forge._io import MEGABYTE
from prd_forge.render import approvals, bounded, context, guard
from prd_forge.render.environment import build_environment
from prd_forge.spec.completeness import Gap, blocking, find_gaps
from prd_forge.spec.model import Spec
from prd_forge.terms import CoverageState

DEFAULT_TEMPLATE_NAME = "prd.md.j2"


class RenderRefused(Exception):
    """The spec is incomplete at its status; `gaps` are the ones that block it."""

    def __init__(self, gaps: list[Gap]) -> None:
        super().__init__(f"the spec has {len(gaps)} blocking gap(s)")
        self.gaps = gaps


class TemplateDropsConcern(Exception):
    """The template's output lacks a required concern, or leaves it hollow."""

    def __init__(self, template: str, concerns: list[tuple[str, CoverageState]]) -> None:
        names = ", ".join(f"{concern} ({state})" for concern, state in concerns)
        super().__init__(f"template {template} does not render concern {names}")
        self.template = template
        self.concerns = concerns


class TemplateError(Exception):
    """The template cannot be used: missing, malformed, or refused by the sandbox."""


def default_template() -> Path:
    """The PRD template shipped with prd-forge."""
    return _resources.data_dir("templates") / DEFAULT_TEMPLATE_NAME


def template_file(path: Path) -> Path:
    """The template a path names: the file itself, or a folder's main template (prd.md.j2)."""
    return path / DEFAULT_TEMPLATE_NAME if path.is_dir() else path


def _template_line(error: BaseException, folder: Path) -> str:
    """`file:line` of the innermost template frame in the error's traceback."""
    place = ""
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename and Path(frame.filename).parent.is_relative_to(folder):
            place = f"{frame.filename}:{frame.lineno}"
    return place


def _load(template: Path) -> jinja2.Template:
    if template.exists() and not template.is_file():
        raise TemplateError(f"{template}: not a regular file; give the path of a .j2 file")
    if not template.is_file():
        raise TemplateError(f"{template}: no such template file; give the path of a .j2 file")
    folder = template.resolve().parent
    environment = build_environment(folder)
    try:
        return environment.get_template(template.name)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(
            f"{error.filename or template}:{error.lineno}: template syntax error: {error.message}"
        ) from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(_not_found(template, error.name)) from None
    except UnicodeDecodeError:
        raise TemplateError(f"{template}: is not UTF-8 text; save it as UTF-8") from None
    except OSError as error:
        raise TemplateError(f"{template}: cannot be read: {error.strerror}") from None


def _not_found(template: Path, name: object) -> str:
    return (
        f"{template}: includes '{name}', which is not a file inside "
        f"{template.resolve().parent}; templates may only include files from their own folder"
    )


def _fill(template: Path, values: dict[str, Any]) -> str:
    """The shipped templates render here; any other in a child bounded in time and memory."""
    if template.resolve().is_relative_to(_resources.data_dir("templates").resolve()):
        return _fill_here(template, values)
    try:
        return bounded.run(lambda: _fill_here(template, values))
    except bounded.Failed as failed:
        stopped = f"{template}: template rendering " if failed.stopped else ""
        raise TemplateError(f"{stopped}{failed}") from None


def _fill_here(template: Path, values: dict[str, Any]) -> str:
    compiled = _load(template)
    folder = template.resolve().parent
    try:
        return compiled.render(values)
    except (MemoryError, RecursionError, bounded.TooSlow) as error:
        place = _template_line(error, folder) or str(template)
        raise TemplateError(f"{place}: {_LIMITS[type(error)]}") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(_not_found(template, error.name)) from None
    except (SecurityError, jinja2.UndefinedError) as error:
        place = _template_line(error, folder) or str(template)
        refused = "refused by the sandbox: " if "unsafe" in str(error) else ""
        raise TemplateError(f"{place}: {refused}{error}") from None
    except (
        jinja2.TemplateError,
        ArithmeticError,
        LookupError,
        TypeError,
        ValueError,
        OSError,
    ) as error:
        # What a template's own expressions can raise: 1/0, a huge range, a bad index...
        place = _template_line(error, folder) or str(template)
        raise TemplateError(f"{place}: {error}") from None


_LIMITS: dict[type[BaseException], str] = {
    MemoryError: f"template needs more than {bounded.MEMORY_BYTES // MEGABYTE} MB of memory",
    RecursionError: "template recursion too deep (a macro that calls itself without end?)",
    bounded.TooSlow: f"template rendering took longer than {bounded.TIMEOUT_SECONDS:g} s "
    "and was stopped",
}


def fill(template: Path, values: dict[str, Any]) -> str:
    """`template` rendered with `values` in the sandbox; any failure is a TemplateError."""
    return _fill(template, values)


def canonical(text: str) -> str:
    """Stable Markdown: no trailing spaces, at most one blank line in a row, one final newline."""
    lines = [line.rstrip() for line in text.strip().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)) + "\n"


def _stale_approvals(spec: Spec) -> list[Gap]:
    from prd_forge.approvals import record  # it renders through this module

    return [
        Gap(
            f"approvals[{item.index}].digest",
            item.changed[0],
            f"the {item.role} approval by {item.name} is stale: "
            f"{', '.join(item.changed)} changed since it was signed",
            f"review the change, then run `prd-forge approve` for the {item.role} role again "
            "(or render with --draft)",
        )
        for item in record.stale(spec)
    ]


def render_markdown(spec: Spec, *, template: Path | None = None, draft: bool = False) -> str:
    """The PRD for `spec` as Markdown.

    Raises RenderRefused when gaps block the spec at its status (unless `draft`: the gaps are
    then shown as alerts and a Blockers list), TemplateDropsConcern when the output lacks or
    empties a required concern, TemplateError when the template cannot be used.
    """
    gaps = find_gaps(spec)
    blockers = blocking(spec, gaps)
    if blockers and not draft:
        raise RenderRefused(blockers)
    if spec.approvals and not draft:
        stale = _stale_approvals(spec)
        if stale:
            # check calls a stale approval an error: the PRD it signed is not this one
            raise RenderRefused(stale)
    path = template or default_template()
    values = context.build(spec, gaps, blockers)
    text = canonical(_fill(path, {**values, "approvals": []}))
    if spec.approvals:
        # What an approval signed is the text of its sections, so it is judged on a first
        # render; the approval record (a section of its own) is added by the second.
        views = approvals.views(spec.approvals, text)
        text = canonical(_fill(path, {**values, "approvals": views}))
    # A concern with gaps may render thin in a draft; every other one must be there in full.
    with_gaps = {gap.concern for gap in gaps}
    checked = [concern for concern in concerns.ids() if concern not in with_gaps]
    dropped = guard.uncovered(text, checked)
    if dropped:
        raise TemplateDropsConcern(str(path), dropped)
    return text
