"""The UX state diagram drawn as inline SVG, so a shared HTML page needs no script or CDN.

The drawing reads the Mermaid `stateDiagram-v2` block the template wrote (the subset prd-forge
emits: `state "name" as id` and `a --> b : label`), so the picture shows exactly the diagram
the Markdown holds. The layout is layered and deterministic: the start point, then one column
per distance from it, nodes in declaration order; arrows that go back (a retry) run around the
right and bottom edges so they cross no node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Final

START: Final = "[*]"
_STATE = re.compile(r'^\s*state\s+"([^"\n]*)"\s+as\s+([A-Za-z0-9_]+)\s*$')
_ARROW = re.compile(r"^\s*(\[\*\]|[A-Za-z0-9_]+)\s*-->\s*([A-Za-z0-9_]+)\s*(?::\s*(.*?))?\s*$")

_CHAR: Final = 7.4  # px per character at the diagram's 13px font, a little generous
_NODE_H: Final = 32
_LINE: Final = 15  # height of one label line
_PAD: Final = 24
_LANE: Final = 18  # apart, the lanes that arrows going back run in


@dataclass(frozen=True)
class Diagram:
    """States as (id, visible name) in declaration order, and arrows as (source, target, label)."""

    states: tuple[tuple[str, str], ...]
    arrows: tuple[tuple[str, str, str], ...]


def parse(source: str) -> Diagram | None:
    """The diagram a Mermaid block describes, or None when it is not the subset drawn here."""
    lines = [line for line in source.strip().splitlines() if line.strip()]
    if not lines or lines[0].strip() != "stateDiagram-v2":
        return None
    states: dict[str, str] = {}
    arrows: list[tuple[str, str, str]] = []
    for line in lines[1:]:
        state, arrow = _STATE.match(line), _ARROW.match(line)
        if state:
            states[state.group(2)] = state.group(1)
        elif arrow:
            arrows.append((arrow.group(1), arrow.group(2), arrow.group(3) or ""))
        else:
            return None
    for source_id, target, _ in arrows:
        for node in (source_id, target):
            if node != START:
                states.setdefault(node, node)
    return Diagram(tuple(states.items()), tuple(arrows))


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


def _layers(diagram: Diagram) -> dict[str, int]:
    """Each node's column: its distance from the start; unreachable nodes after the rest."""
    layer = {START: 0}
    frontier = [START]
    while frontier:
        following = []
        for node in frontier:
            for source, target, _ in diagram.arrows:
                if source == node and target not in layer:
                    layer[target] = layer[node] + 1
                    following.append(target)
        frontier = following
    last = max(layer.values()) + 1
    for node, _ in diagram.states:
        layer.setdefault(node, last)
    return layer


def _labels(diagram: Diagram) -> dict[tuple[str, str], list[str]]:
    """Labels of the arrows, parallel arrows merged into one with a line per label."""
    merged: dict[tuple[str, str], list[str]] = {}
    for source, target, label in diagram.arrows:
        lines = merged.setdefault((source, target), [])
        if label and label not in lines:
            lines.append(label)
    return merged


def _width(text: str) -> float:
    return round(len(text) * _CHAR + 2 * _PAD / 1.5)


def _columns(diagram: Diagram) -> dict[int, list[str]]:
    layer = _layers(diagram)
    columns: dict[int, list[str]] = {}
    for node in [START, *dict(diagram.states)]:
        columns.setdefault(layer[node], []).append(node)
    return columns


def _place(diagram: Diagram) -> tuple[dict[str, _Box], set[tuple[str, str]]]:
    """Boxes for every node, and the arrows that go back (drawn around the outside)."""
    layer = _layers(diagram)
    names = dict(diagram.states)
    labels = _labels(diagram)
    back = {(s, t) for (s, t) in labels if layer[t] <= layer[s]}
    ahead = {key: lines for key, lines in labels.items() if key not in back}
    boxes: dict[str, _Box] = {}
    x = float(_PAD)
    for index, members in sorted(_columns(diagram).items()):
        widest = max(
            (len(line) for (_, t), lines in ahead.items() if t in members for line in lines),
            default=0,
        )
        x += (widest * _CHAR + 48) if index else 0
        y = float(_PAD)
        for node in members:
            # room for the labels of the arrows into it, above and below it
            lines = sum(len(lines) for (_, t), lines in ahead.items() if t == node)
            y += lines * _LINE
            size = (14.0, 14.0) if node == START else (_width(names[node]), float(_NODE_H))
            boxes[node] = _Box(x, y, *size)
            y += size[1] + 18 + lines * _LINE
        x += max(boxes[node].width for node in members)
    return _centred(boxes, _columns(diagram)), back


def _centred(boxes: dict[str, _Box], columns: dict[int, list[str]]) -> dict[str, _Box]:
    """Each column moved down so that its middle is the tallest column's middle."""
    middles = {
        index: (boxes[nodes[0]].y + boxes[nodes[-1]].y + boxes[nodes[-1]].height) / 2
        for index, nodes in columns.items()
    }
    lowest = max(middles.values())
    placed: dict[str, _Box] = {}
    for index, nodes in columns.items():
        for node in nodes:
            box = boxes[node]
            placed[node] = _Box(box.x, box.y + lowest - middles[index], box.width, box.height)
    return placed


def _text(x: float, y: float, lines: list[str], *, anchor: str, down: bool) -> str:
    """Label lines, the first on baseline `y` (`down`), or the last on it."""
    top = y if down else y - (len(lines) - 1) * _LINE
    spans = "".join(
        f'<tspan x="{x:.0f}" y="{top + i * _LINE:.0f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text class="edge-label" text-anchor="{anchor}">{spans}</text>'


def _forward(a: _Box, b: _Box, lines: list[str], marker: str) -> list[str]:
    path = f"M{a.x + a.width:.0f},{a.middle:.0f} L{b.x - 2:.0f},{b.middle:.0f}"
    parts = [f'<path class="edge" d="{path}" marker-end="url(#{marker})"/>']
    if lines:
        # The label sits beside the arrow's head, on the side its line does not pass.
        down = a.middle < b.middle
        y = b.middle + 16 if down else b.middle - 7
        parts.append(_text(b.x - 8, y, lines, anchor="end", down=down))
    return parts


def _backward(
    a: _Box, b: _Box, lines: list[str], lane: tuple[float, float], marker: str
) -> list[str]:
    right, bottom = lane
    path = (
        f"M{a.x + a.width:.0f},{a.middle:.0f} H{right:.0f} V{bottom:.0f} "
        f"H{b.x + b.width / 2:.0f} V{b.y + b.height + 2:.0f}"
    )
    parts = [f'<path class="edge back" d="{path}" marker-end="url(#{marker})"/>']
    if lines:
        parts.append(_text(b.x + b.width / 2 + 8, bottom - 5, lines, anchor="start", down=False))
    return parts


def _node(box: _Box, name: str) -> str:
    return (
        f'<g class="node" data-state="{escape(name)}">'
        f'<rect x="{box.x:.0f}" y="{box.y:.0f}" width="{box.width:.0f}" '
        f'height="{box.height:.0f}" rx="8"/>'
        f'<text x="{box.x + box.width / 2:.0f}" y="{box.middle + 4.5:.0f}" '
        f'text-anchor="middle">{escape(name)}</text></g>'
    )


def svg(diagram: Diagram, *, marker: str = "prd-arrow") -> str:
    """The diagram as one `<svg>` element: a `g.node` per state, a `path.edge` per arrow."""
    boxes, back = _place(diagram)
    labels = _labels(diagram)
    outer = max(box.x + box.width for box in boxes.values())
    bottom = max(box.y + box.height + 8 for box in boxes.values())
    for (_, target), lines in labels.items():  # a label below the lowest box
        bottom = max(bottom, boxes[target].y + boxes[target].height + len(lines) * _LINE)
    parts: list[str] = []
    lanes = 0
    for (source, target), lines in labels.items():
        if (source, target) in back:
            lanes += 1
            lane = (outer + 10 * lanes, bottom + _LANE * lanes)
            parts += _backward(boxes[source], boxes[target], lines, lane, marker)
        else:
            parts += _forward(boxes[source], boxes[target], lines, marker)
    parts += [_node(boxes[node], name) for node, name in diagram.states]
    start = boxes[START]
    parts.append(f'<circle class="start" cx="{start.x + 7:.0f}" cy="{start.middle:.0f}" r="7"/>')
    width, height = outer + 10 * lanes + _PAD, bottom + _LANE * lanes + _PAD
    return (
        f'<svg class="state-diagram" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">'
        f"<title>UX states and the transitions between them</title>"
        f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>'
        f"</defs>{''.join(parts)}</svg>"
    )
