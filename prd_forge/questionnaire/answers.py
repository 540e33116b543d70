"""The answers given so far: a nested dict in answers-file shape, saved after every change.

Paths are tuples of keys and list indexes, `("failure_modes", "modes", 0, "id")`; as text they
are written the way `spec.load.format_location` writes them (`failure_modes.modes[0].id`).
A list the PM finished ("add another?" answered no) is recorded in `closed`, so a resumed run
knows which loops are done and which to continue.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from prd_forge.spec.load import format_location
from prd_forge.spec.model import Spec

Path = tuple[str | int, ...]


def text(path: Path) -> str:
    return format_location(path)


@dataclass
class Answers:
    """The answers, plus the loops the PM closed; `on_change` runs after every change."""

    data: dict[str, Any] = field(default_factory=dict)
    closed: set[str] = field(default_factory=set)
    suggested: dict[str, Any] = field(default_factory=dict)
    on_change: Callable[[Answers], None] = lambda answers: None

    def has(self, path: Path) -> bool:
        return _lookup(self.data, path)[0]

    def get(self, path: Path, default: Any = None) -> Any:
        found, value = _lookup(self.data, path)
        return value if found else default

    def set(self, path: Path, value: Any) -> None:
        parent = self._container(path[:-1])
        last = path[-1]
        if isinstance(parent, list):
            assert isinstance(last, int)
            if last == len(parent):
                parent.append(value)
            else:
                parent[last] = value
        else:
            parent[str(last)] = value
        self.on_change(self)

    def remove(self, path: Path) -> None:
        parent = self.get(path[:-1])
        last = path[-1]
        if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            del parent[last]
        elif isinstance(parent, dict):
            parent.pop(str(last), None)
        self.on_change(self)

    def is_closed(self, path: Path) -> bool:
        return text(path) in self.closed

    def close(self, path: Path) -> None:
        self.closed.add(text(path))
        self.on_change(self)

    def _container(self, path: Path) -> Any:
        node: Any = self.data
        for index, key in enumerate(path):
            following = path[index + 1] if index + 1 < len(path) else None
            empty: Any = [] if isinstance(following, int) else {}
            if isinstance(node, list):
                assert isinstance(key, int)
                if key == len(node):
                    node.append(empty)
                node = node[key]
            else:
                if not isinstance(node.get(str(key)), dict | list):
                    node[str(key)] = empty
                node = node[str(key)]
        return node

    def spec(self) -> Spec:
        """The answers as a Spec, leaving out any part that does not validate yet."""
        return lenient_spec(self.data)


def _lookup(data: Any, path: Path) -> tuple[bool, Any]:
    node = data
    for key in path:
        in_list = isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)
        if not (in_list or (isinstance(node, dict) and key in node)):
            return False, None
        node = node[key]
    return True, node


def lenient_spec(data: dict[str, Any], attempts: int = 50) -> Spec:
    """A Spec from half-given answers: whatever fails validation is dropped, then retried.

    Used mid-questionnaire (which UX states are required so far?) and by the review screen
    (which gaps remain?), where an item may still lack its id.
    """
    data = copy.deepcopy(data)
    for _ in range(attempts):
        try:
            return Spec.model_validate(data)
        except ValidationError as error:
            for item in error.errors():
                _drop(data, tuple(item["loc"]))
    return Spec()


def _drop(data: Any, location: Path) -> None:
    """Remove the deepest element of `location` that exists (the item, when a field is missing)."""
    for cut in range(len(location), 0, -1):
        found, _ = _lookup(data, location[:cut])
        if found:
            _, parent = _lookup(data, location[: cut - 1])
            last = location[cut - 1]
            if isinstance(parent, list) and isinstance(last, int):
                del parent[last]
            elif isinstance(parent, dict):
                parent.pop(last, None)
            return
