"""`template check` on export views: a team's view template must still say what it cannot say.

A view check renders the view's template over complete specs (the shipped samples, or the
ones given) and, without given specs, the incomplete samples as `export --draft` would, with
the context the shipped view gets, and reports:

- a template that cannot be used (syntax, an undefined value, the sandbox): a TemplateError
  naming the file and line, as for a PRD template;
- each item the answers cannot supply (the architecture, the declaration of conformity, a
  draft's gaps...) that the output does not list with the role that must supply it: every view
  lists them in a section of its own, so nothing is left silently blank; a team's own view
  (export/team.py) has no `missing`, so it must name the concern (its title) of each gap that
  blocks the spec instead, which over the incomplete samples says what is missing;
- output that is not the view's format (a model card that is not JSON, an evaluation config
  that is not YAML), which the reader's tool would refuse.

The result is plain records, one per problem, naming every spec it happened for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from prd_forge import _resources
from prd_forge.export import team
from prd_forge.export.registry import VIEWS
from prd_forge.export.view import VIEWS_FOLDER, View
from prd_forge.render import api
from prd_forge.spec.load import LoadedSpec, load_spec

_SHOWN = 3  # unlisted items a finding quotes before "and N more"


@dataclass(frozen=True, order=True)
class ViewProblem:
    """One problem of a view template, and the specs it happened for."""

    template: str
    view: str
    message: str
    specs: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.template}: view {self.view} {self.message}, for {', '.join(self.specs)}"


def shipped_drafts() -> list[LoadedSpec]:
    """The incomplete samples, as `export --draft` takes them: their gaps must be listed too."""
    return [load_spec(path) for path in sorted(_resources.data_dir("samples").glob("*/*.yaml"))]


def view_named(template: Path) -> View | None:
    """The view whose shipped template has `template`'s file name, if any."""
    return next((view for view in VIEWS.values() if view.template == template.name), None)


def view_templates(folder: Path) -> list[tuple[View, Path]]:
    """Each template in a template folder's views/ with its view: the shipped one it replaces,
    or the team's own (team.TeamViewError for a shipped view's name under another file name)."""
    views = folder / VIEWS_FOLDER
    if not views.is_dir():
        return []
    own = {view.template: view for view in team.views(folder).values()}
    return [(view_named(path) or own[path.name], path) for path in sorted(views.glob("*.j2"))]


# A Markdown escape (`modes\[0\]` for `modes[0]`), undone before looking for an item.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _readable(text: str) -> str:
    """The output as its reader sees it: escapes undone, whitespace runs as single spaces."""
    return " ".join(_ESCAPE.sub(r"\1", text).split())


def _unlisted(view: View, loaded: LoadedSpec, output: str) -> list[str]:
    values = view.context(loaded.spec, loaded.file)
    text = output if view.suffix == ".json" else _readable(output)
    if not view.shipped:
        titles = dict.fromkeys(str(gap["title"]) for gap in values["blockers"])
        return [f"'{title}'" for title in titles if not _shown(title, text)]
    missing = values.get("missing", [])
    return [
        f"'{gap['item']}' ({gap['role']})"
        for gap in missing
        if not (_shown(str(gap["item"]), text) and _shown(str(gap["role"]), text))
    ]


def _shown(value: str, text: str) -> bool:
    """Whether `value` is in `text`, as written or escaped inside a JSON string."""
    value = " ".join(value.split())
    return value in text or json.dumps(value, ensure_ascii=False)[1:-1] in text


def _format_error(view: View, text: str) -> str | None:
    """Why `text` is not what the view's reader takes, or None."""
    if view.suffix == ".json":
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            return f"writes invalid JSON (line {error.lineno}: {error.msg})"
    elif view.suffix in (".yaml", ".yml"):
        import yaml

        try:
            yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}: " if mark is not None else ""
            return f"writes invalid YAML ({where}{getattr(error, 'problem', None) or error})"
    return None


def _problems(view: View, template: Path, loaded: LoadedSpec) -> Iterator[tuple[str, str]]:
    """(kind, message) for each problem of one render: the kind groups them across specs."""
    text = api.fill(template, view.context(loaded.spec, loaded.file))
    unlisted = _unlisted(view, loaded, text)
    if unlisted:
        yield "unlisted", _unlisted_message(view, unlisted)
    invalid = _format_error(view, text)
    if invalid:
        yield "format", invalid


def _unlisted_message(view: View, unlisted: list[str]) -> str:
    shown = ", ".join(unlisted[:_SHOWN])
    more = f" and {len(unlisted) - _SHOWN} more" if len(unlisted) > _SHOWN else ""
    if not view.shipped:
        return (
            f"does not name the concern of {len(unlisted)} blocking gap(s) ({shown}{more}); "
            "list each of `blockers` with its `title`"
        )
    return (
        f"does not list {len(unlisted)} item(s) the answers cannot supply with who must "
        f"supply them ({shown}{more}); list each of `missing` in a section of its own"
    )


def check_view(view: View, template: Path, specs: Sequence[LoadedSpec]) -> list[ViewProblem]:
    """Each problem of `template` as `view`, once, with the specs it happened for (the
    message is the first spec's).

    A TemplateError (syntax, sandbox, undefined value) propagates: the template cannot be used.
    """
    messages: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    for loaded in specs:
        for kind, message in _problems(view, template, loaded):
            messages.setdefault(kind, message)
            names.setdefault(kind, []).append(loaded.file)
    return sorted(
        ViewProblem(str(template), view.name, messages[kind], tuple(names[kind]))
        for kind in messages
    )


def passes_what(view: View, specs: Sequence[LoadedSpec]) -> str:
    """What a passing view was checked to list, for its report line ("" when nothing)."""
    if not view.shipped:
        blocked = any(view.context(item.spec, item.file)["blockers"] for item in specs)
        return ", naming the concern of each blocking gap," if blocked else ""
    if "missing" in view.context(specs[0].spec, specs[0].file):
        return ", listing what the answers cannot supply,"
    return ""
