"""The one Jinja environment prd-forge renders with: sandboxed, strict, Markdown-escaping.

Templates may come from a team's repository, so they run in Jinja's immutable sandbox: no
attribute starting with `_`, no mutation, no globals beyond a few pure helpers, and no file
outside the template's own folder. Every `{{ value }}` is escaped as Markdown text unless a
helper marked it as Markdown already (see `escape.Markdown`), the way autoescape works for HTML.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Namespace
from markupsafe import Markup

from prd_forge.render import escape, phrases
from prd_forge.render.escape import Markdown

# How an unanswered field shows in a draft: bold, so it reads as a gap, never as content.
MISSING = Markdown("**missing**")

_COMPARATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


class FolderLoader(jinja2.FileSystemLoader):
    """A file loader that refuses any template resolving outside its folder (symlinks too)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        candidate = self.folder.joinpath(*split_template_path(template))
        if candidate.exists() and not candidate.is_file():  # a FIFO would block the read
            raise jinja2.TemplateNotFound(template)
        source, filename, uptodate = super().get_source(environment, template)
        if not Path(filename).resolve().is_relative_to(self.folder):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def finalize(value: Any) -> str:
    """How a `{{ value }}` reaches the page: Markdown as is, anything else as escaped text."""
    if isinstance(value, Markdown | Markup):
        return str(value)
    if value is None:
        return MISSING
    if isinstance(value, bool | int | float):
        return escape.number(value)
    if isinstance(value, list | tuple):
        return escape.inline(", ".join(finalize_plain(item) for item in value))
    return escape.inline(str(value))


def finalize_plain(value: Any) -> str:
    """A value as plain (unescaped) text, for joining before escaping."""
    if isinstance(value, bool | int | float):
        return escape.number(value)
    return "missing" if value is None else str(value)


def words(value: Any) -> str:
    """An enum value as words: `false-positive` -> `false positive`, `create` -> `creates new
    content` (see render.phrases)."""
    return MISSING if value is None else phrases.words(str(value))


def measure(value: Any, unit_of: dict[str, Any] | None) -> str:
    """A number with the unit of the target it is compared with: `3.2` -> `3.2 hours`."""
    if value is None:
        return MISSING
    unit = (unit_of or {}).get("unit") or ""
    spacer = "" if not unit or unit.startswith("%") else " "
    return f"{escape.number(value)}{spacer}{unit}"


def target(value: dict[str, Any] | None) -> str:
    """A metric target or threshold as `≥ 0.97` or `≤ 5.5 min`."""
    if not value:
        return MISSING
    comparator = _COMPARATORS.get(str(value.get("comparator")), str(value.get("comparator")))
    unit = value.get("unit") or ""
    spacer = "" if not unit or unit.startswith("%") else " "
    return f"{comparator} {escape.number(value['value'])}{spacer}{unit}"


def checklist(items: list[Any]) -> Markdown:
    """A GitHub task list, one unchecked box per item."""
    return Markdown("\n".join(f"- [ ] {finalize(item)}" for item in items))


def bullets(items: list[Any]) -> Markdown:
    """A bullet list, one item per entry."""
    return Markdown("\n".join(f"- {finalize(item)}" for item in items))


def codes(items: list[Any] | None) -> Markdown:
    """Identifiers as inline code, comma-separated; **missing** when there are none."""
    if not items:
        return MISSING
    return Markdown(", ".join(escape.code(str(item)) for item in items))


FILTERS: dict[str, Callable[..., Any]] = {
    "block": lambda value: MISSING if value is None else escape.block(str(value)),
    "bullets": bullets,
    "checklist": checklist,
    "codes": codes,
    "code": lambda value: escape.code(str(value)),
    "measure": measure,
    "number": escape.number,
    "target": target,
    "words": words,
    "yesno": lambda value: MISSING if value is None else ("yes" if value else "no"),
}

# Jinja's default globals include lipsum, cycler, joiner and dict: not needed, so not exposed.
# `dict` was: `dict.update(value, ...)` is a call on the class, which the immutable sandbox
# does not see as mutating `value`, so a template could change the spec it renders.
GLOBALS: Mapping[str, Any] = MappingProxyType({"range": safe_range, "namespace": Namespace})


@functools.lru_cache(maxsize=16)
def build_environment(folder: Path) -> jinja2.Environment:
    """The environment for the templates in `folder`: the only place one is built.

    Cached per folder, so each template compiles once per process; Jinja's auto_reload still
    notices a template file that changed on disk.
    """
    environment = ImmutableSandboxedEnvironment(
        loader=FolderLoader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )
    environment.filters.update(FILTERS)
    environment.globals.clear()
    environment.globals.update(GLOBALS)
    return environment
