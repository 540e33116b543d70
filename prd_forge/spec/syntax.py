"""YAML and JSON text into data, plus the line of every field path; syntax errors as Problems.

PyYAML's node tree gives the lines; its messages are terse, so the commonest ones carry a fix
from `_YAML_FIXES`. Every failure becomes a `SpecError`, never a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

import yaml

from prd_forge.spec import aliases
from prd_forge.spec.problems import LoadProblem, SpecError
from prd_forge.spec.yaml12 import FastLoader12, SafeLoader12

# PyYAML's problem text -> what the author most likely has to do.
_YAML_FIXES: dict[str, str] = {
    "mapping values are not allowed here": "quote text that contains ': '",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "found unhashable key": "keys must be plain names",
    "but found another document": "keep one document: remove the second '---'",
    "found undefined alias": "define the &anchor before using *alias, or quote the '*'",
}


def parse_json(text: str, name: str) -> tuple[Any, dict[str, int]]:
    """JSON data; lines come from the YAML reading when it agrees (JSON is nearly YAML)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problem = LoadProblem(
            name,
            error.lineno,
            "",
            f"malformed JSON at column {error.colno}: {error.msg}",
            "fix the JSON syntax there",
        )
        raise SpecError([problem]) from None
    except RecursionError:
        raise SpecError([_too_deep(name)]) from None
    try:
        _, lines = parse_yaml(text, name)
    except SpecError:
        lines = {}
    return data, lines


# libyaml, where installed, reads a long spec ten times faster; the pure-Python reader gives
# the same data and is the one whose error messages we word and test.
# Both read YAML 1.2 booleans (spec/yaml12.py): `on:` stays a key, `no` stays a word.
_FAST: type[yaml.SafeLoader] = FastLoader12


# Aliases may repeat at most this many values in all: a real answers file needs a handful,
# and ten levels of nine aliases (a 442-byte "billion laughs") would otherwise expand to 10**9.
MAX_ALIAS_VALUES: Final = 10_000


def _compose(
    text: str, loader_class: type[yaml.SafeLoader], name: str
) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        aliases.check(node, name, MAX_ALIAS_VALUES)  # before anything expands them
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def parse_yaml(text: str, name: str) -> tuple[Any, dict[str, int]]:
    """YAML data and the line of each field path."""
    try:
        node, data = _compose(text, _FAST, name)
    except (yaml.YAMLError, ValueError, RecursionError):
        node, data = _compose_or_explain(text, name)
    if node is None:
        return None, {}
    duplicates = list(_duplicate_keys(node, ""))
    if duplicates:
        raise SpecError(
            [
                LoadProblem(
                    name, line, path, f"repeats the key from line {first}", "keep one of the two"
                )
                for path, line, first in duplicates
            ]
        )
    return data, dict(_node_lines(node, ""))


def _compose_or_explain(text: str, name: str) -> tuple[yaml.Node | None, Any]:
    try:
        return _compose(text, SafeLoader12, name)
    except yaml.reader.ReaderError as error:
        raise SpecError([_control_character(error, text, name)]) from None
    except yaml.MarkedYAMLError as error:
        raise SpecError([_yaml_problem(error, name)]) from None
    except yaml.YAMLError as error:
        raise SpecError([LoadProblem(name, None, "", f"malformed YAML: {error}")]) from None
    except ValueError as error:
        # PyYAML builds dates itself: 2026-13-45 reads as a date and then fails.
        raise SpecError([_bad_value(error, name)]) from None
    except RecursionError:
        raise SpecError([_too_deep(name)]) from None


def _yaml_problem(error: yaml.MarkedYAMLError, name: str) -> LoadProblem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    column = f" at column {mark.column + 1}" if mark else ""
    reason = error.problem or error.context or "syntax error"
    fix = next((fix for text, fix in _YAML_FIXES.items() if reason.startswith(text)), "")
    return LoadProblem(name, line, "", f"malformed YAML{column}: {reason}", fix)


def _control_character(error: yaml.reader.ReaderError, text: str, name: str) -> LoadProblem:
    line = text[: error.position].count("\n") + 1
    message = f"holds a control character (0x{error.character:02x}) that YAML does not allow"
    return LoadProblem(name, line, "", message, "delete it")


def _bad_value(error: ValueError, name: str) -> LoadProblem:
    return LoadProblem(
        name, None, "", f"holds a value YAML cannot read: {error}", "quote dates and times"
    )


def _too_deep(name: str) -> LoadProblem:
    return LoadProblem(name, None, "", "is nested too deeply to read", "flatten the structure")


def _child(path: str, key: yaml.Node) -> str:
    return f"{path}.{key.value}" if path else str(key.value)


def _node_lines(node: yaml.Node, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = _child(path, key)
            yield child, key.start_mark.line + 1
            yield from _node_lines(value, child)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{path}[{index}]"
            yield child, item.start_mark.line + 1
            yield from _node_lines(item, child)


def _duplicate_keys(node: yaml.Node, path: str) -> Iterator[tuple[str, int, int]]:
    """(path, line, first line) of each key a mapping repeats; YAML would keep the last."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            child = _child(path, key)
            line = key.start_mark.line + 1
            if child in seen:
                yield child, line, seen[child]
            seen.setdefault(child, line)
            yield from _duplicate_keys(value, child)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, f"{path}[{index}]")
