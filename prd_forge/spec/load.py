"""Reading answers files (YAML or JSON) into a Spec, with a line for every field path.

Every way a file can be unreadable or malformed becomes a `SpecError` holding one `Problem` per
issue (file, line where known, field path, message, fix); no traceback reaches the user.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from prd_forge.spec import messages
from prd_forge.spec.model import Spec

SCHEMA_COMMENT = "# yaml-language-server: $schema={url}\n"
SCHEMA_URL = (
    "https://raw.githubusercontent.com/prd-forge/prd-forge/main/schemas/answers.schema.json"
)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem with an answers file, as `check` prints it."""

    file: str
    line: int | None
    path: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = f" {self.path}:" if self.path else ""
        fix = f" ({self.fix})" if self.fix else ""
        return f"{place}:{where} {self.message}{fix}"


class SpecError(Exception):
    """The file could not be read as an answers file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class LoadedSpec:
    """A validated spec, where it came from, and the line of each field path."""

    spec: Spec
    file: str
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int | None:
        """The line of `path`, or of its nearest ancestor that the file spells out."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None


def read_text(path: Path) -> str:
    """The file's text, or a SpecError saying why it cannot be read."""
    name = str(path)
    if not path.exists():
        raise SpecError([Problem(name, None, "", "no such file", "check the path")])
    if path.is_dir():
        raise SpecError(
            [
                Problem(
                    name,
                    None,
                    "",
                    "is a directory, not an answers file",
                    "name a .yaml or .json file",
                )
            ]
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SpecError([Problem(name, None, "", f"cannot be read: {error.strerror}")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SpecError(
            [Problem(name, line, "", "is not UTF-8 text", "save the file as UTF-8")]
        ) from None


def parse(text: str, name: str) -> tuple[Any, dict[str, int]]:
    """The data in `text` (YAML, of which JSON is a subset) and the line of each field path."""
    if not text.strip():
        raise SpecError(
            [
                Problem(
                    name,
                    None,
                    "",
                    "is empty",
                    "start from a sample in samples/ or run `prd-forge new`",
                )
            ]
        )
    if name.endswith(".json"):
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            raise SpecError(
                [
                    Problem(
                        name,
                        error.lineno,
                        "",
                        f"malformed JSON at column {error.colno}: {error.msg}",
                    )
                ]
            ) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = f" at column {mark.column + 1}" if mark else ""
        reason = error.problem or error.context or "syntax error"
        raise SpecError([Problem(name, line, "", f"malformed YAML{column}: {reason}")]) from None
    except yaml.YAMLError as error:
        raise SpecError([Problem(name, None, "", f"malformed YAML: {error}")]) from None
    lines = dict(_node_lines(node, "")) if node is not None else {}
    return data, lines


def _node_lines(node: yaml.Node, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            yield child, key.start_mark.line + 1
            yield from _node_lines(value, child)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{path}[{index}]"
            yield child, item.start_mark.line + 1
            yield from _node_lines(item, child)


def format_location(location: tuple[int | str, ...]) -> str:
    """pydantic's error location as a field path: `failure_modes.modes[2].fallbacks`."""
    out = ""
    for part in location:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _problems(error: ValidationError, name: str, lines: dict[str, int]) -> list[Problem]:
    loaded = LoadedSpec(Spec.model_construct(), name, lines)
    problems = []
    for item in error.errors(include_url=False):
        location = tuple(item["loc"])
        if not location:
            problems.append(
                Problem(
                    name,
                    1,
                    "",
                    f"is {messages.shown(item['input'])}, not a mapping of sections",
                    "an answers file maps section names such as feature and problem to answers",
                )
            )
            continue
        path = format_location(location)
        message, fix = messages.reword(item)
        problems.append(Problem(name, loaded.line_of(path), path, message, fix))
    return sorted(problems, key=lambda problem: problem.line or 0)


def validate(data: Any, name: str, lines: dict[str, int] | None = None) -> LoadedSpec:
    """Validate parsed data as a Spec; a SpecError lists every type problem."""
    lines = lines or {}
    try:
        spec = Spec.model_validate(data)
    except ValidationError as error:
        raise SpecError(_problems(error, name, lines)) from None
    return LoadedSpec(spec, name, lines)


def load_spec(path: Path) -> LoadedSpec:
    """Read, parse and validate an answers file."""
    name = str(path)
    data, lines = parse(read_text(path), name)
    return validate(data, name, lines)


def dump_yaml(data: dict[str, Any]) -> str:
    """An answers file as prd-forge writes it: schema comment first, keys in model order."""
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    return SCHEMA_COMMENT.format(url=SCHEMA_URL) + body
