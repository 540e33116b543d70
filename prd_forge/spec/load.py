"""Reading answers files (YAML or JSON) into a Spec, with a line for every field path.

Every way a file can be unreadable or malformed becomes a `SpecError` holding one `LoadProblem` per
issue (file, line where known, field path, message, fix); no traceback reaches the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from prd_forge._io import MEGABYTE, ReadError, read_regular
from prd_forge.spec import messages, syntax
from prd_forge.spec.model import Spec
from prd_forge.spec.problems import LoadProblem, SpecError, UnreadableSpec
from prd_forge.spec.yaml12 import SafeDumper12

__all__ = [
    "SCHEMA_COMMENT",
    "SCHEMA_URL",
    "LoadProblem",
    "LoadedSpec",
    "SpecError",
    "UnreadableSpec",
    "dump_yaml",
    "format_location",
    "load_spec",
    "parse",
    "read_text",
    "validate",
]

SCHEMA_COMMENT = "# yaml-language-server: $schema={url}\n"
SCHEMA_URL = (
    "https://raw.githubusercontent.com/prd-forge/prd-forge/main/schemas/answers.schema.json"
)


_MARKDOWN = {".md", ".markdown"}

# A real answers file is tens of kilobytes; the cap keeps a huge one from taking minutes.
MAX_BYTES = MEGABYTE


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
    """The file's text; UnreadableSpec when it cannot be read, SpecError when it is not UTF-8."""
    name = str(path)
    if not path.exists() and not path.is_symlink():
        raise UnreadableSpec([LoadProblem(name, None, "", "no such file", "check the path")])
    if path.is_dir():
        fix = "name a .yaml or .json file"
        raise UnreadableSpec(
            [LoadProblem(name, None, "", "is a directory, not an answers file", fix)]
        )
    try:
        data = read_regular(path, MAX_BYTES, fix="an answers file is tens of KB: check the path")
    except ReadError as error:
        message, _, fix = error.reason.partition("; ")
        raise UnreadableSpec([LoadProblem(name, None, "", message, fix)]) from None
    try:
        # utf-8-sig: a byte-order mark (Windows editors add one) is not content.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        message = f"is not UTF-8 text (byte 0x{byte:02x})"
        raise SpecError([LoadProblem(name, line, "", message, "save the file as UTF-8")]) from None


def parse(text: str, name: str) -> tuple[Any, dict[str, int]]:
    """The data in `text` (JSON for a .json file, else YAML) and the line of each field path."""
    empty = SpecError(
        [
            LoadProblem(
                name, None, "", "is empty", "start from a sample in samples/ or run `prd-forge new`"
            )
        ]
    )
    if not text.strip():
        raise empty
    read = syntax.parse_json if name.endswith(".json") else syntax.parse_yaml
    data, lines = read(text, name)
    if data is None:
        raise empty  # only comments: nothing to validate
    return data, lines


def format_location(location: tuple[int | str, ...]) -> str:
    """pydantic's error location as a field path: `failure_modes.modes[2].fallbacks`."""
    out = ""
    for part in location:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _problems(error: ValidationError, name: str, lines: dict[str, int]) -> list[LoadProblem]:
    loaded = LoadedSpec(Spec.model_construct(), name, lines)
    problems = []
    for item in error.errors(include_url=False):
        location = messages.location_of(item)
        if not location and item["type"] != "invalid_key":
            problems.append(
                LoadProblem(
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
        problems.append(LoadProblem(name, loaded.line_of(path), path, message, fix))
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
    if path.suffix.lower() in _MARKDOWN:
        fix = "lint a PRD with `prd-forge lint`; check reads .yaml and .json answers files"
        raise SpecError([LoadProblem(name, None, "", "is Markdown, not an answers file", fix)])
    data, lines = parse(read_text(path), name)
    return validate(data, name, lines)


def dump_yaml(data: dict[str, Any]) -> str:
    """An answers file as prd-forge writes it: schema comment first, keys in model order."""
    body = yaml.dump(data, Dumper=SafeDumper12, sort_keys=False, allow_unicode=True, width=100)
    return SCHEMA_COMMENT.format(url=SCHEMA_URL) + body
