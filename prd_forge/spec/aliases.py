"""YAML anchors and aliases, bounded: no alias bomb, no alias that contains itself.

PyYAML composes `&anchor` / `*alias` into one shared node, so composing is cheap; whatever walks
the data afterwards (our line map, the duplicate-key check, validation) sees every repeat. This
check runs on the composed nodes, before anything expands them, in time linear in the file.
"""

from __future__ import annotations

import yaml

from prd_forge.spec.problems import LoadProblem, SpecError


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check(root: yaml.Node, name: str, limit: int) -> None:
    """A SpecError when an alias contains itself or aliases repeat more than `limit` values."""
    sizes: dict[int, int] = {}  # id(node) -> values it expands to, itself included
    distinct = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] - distinct > limit:
                raise SpecError([_bomb(name, limit)])
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise SpecError([_recursive(name, node)])
        open_nodes.add(key)
        distinct += 1
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)))


def _recursive(name: str, node: yaml.Node) -> LoadProblem:
    line = node.start_mark.line + 1 if node.start_mark else None
    return LoadProblem(
        name,
        line,
        "",
        "holds an alias inside its own anchor (a value that contains itself)",
        "write the value out instead of the *alias",
    )


def _bomb(name: str, limit: int) -> LoadProblem:
    return LoadProblem(
        name,
        None,
        "",
        f"its aliases repeat more than {limit:,} values",
        "write the values out, or use fewer *aliases",
    )
