"""The HTML page in a real headless browser: the diagram is drawn, nothing needs the network.

Each test attaches a screenshot: its path is printed and recorded as the `screenshot` property
of the test (see the JUnit XML, or the pytest tmp folder).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from prd_forge.render import api, context, html
from prd_forge.spec.load import load_spec
from tests import browser

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))

Record = Callable[[str, object], None]

# What the page looks like once laid out, read in the browser itself.
_FACTS = """
const box = (e) => { const r = e.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom]; };
const svgs = [...document.querySelectorAll('figure.diagram svg')];
return {
  svgs: svgs.length,
  states: svgs.map((s) => [...s.querySelectorAll('g.node')].map((g) => g.dataset.state)),
  boxes: svgs.length ? [...svgs[0].querySelectorAll('g.node')].map(box) : [],
  frame: svgs.length ? box(svgs[0]) : null,
  edges: svgs.length ? svgs[0].querySelectorAll('path.edge').length : 0,
  code: document.querySelectorAll('code.language-mermaid').length,
  toc: [...document.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href')),
  targets: [...document.querySelectorAll('nav.toc a')].filter(
    (a) => document.getElementById(a.getAttribute('href').slice(1))).length,
  emptyHeads: [...document.querySelectorAll('thead')].filter(
    (t) => !t.textContent.trim()).length,
  callouts: [...document.querySelectorAll('blockquote.callout')].map((b) =>
    [b.className, getComputedStyle(b).borderLeftColor]),
  literalAlerts: document.body.innerText.includes('[!WARNING]'),
  background: getComputedStyle(document.body).backgroundColor,
  external: document.querySelectorAll('[src],link[href]').length,
};
"""


def _write(tmp_path: Path, sample: Path, *, draft: bool = False) -> tuple[Path, Any]:
    loaded = load_spec(sample)
    markdown = api.render_markdown(loaded.spec, draft=draft)
    page = tmp_path / f"{sample.stem}.html"
    page.write_text(html.page(markdown, title=loaded.spec.feature.name or ""), encoding="utf-8")
    return page, loaded.spec


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_the_state_diagram_is_an_svg_with_one_node_per_state(
    tmp_path: Path, sample: Path, record_property: Record
) -> None:
    page, spec = _write(tmp_path, sample)
    facts = browser.probe(page, _FACTS)
    assert facts["svgs"] == 1 and facts["code"] == 0
    assert facts["states"] == [[state.state.value for state in spec.ux_states]]
    arrows = {(arrow.source, arrow.target) for arrow in context.transitions(spec)}
    assert facts["edges"] == len(arrows)
    boxes = facts["boxes"]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if _overlap(a, b)]
    frame = facts["frame"]
    assert all(frame[0] <= b[0] and b[2] <= frame[2] and b[3] <= frame[3] for b in boxes)
    text = page.read_text(encoding="utf-8")
    figure = re.search(r'<figure class="diagram">.*?</figure>', text, re.DOTALL)
    assert figure is not None
    alone = tmp_path / f"{sample.stem}.diagram.html"
    alone.write_text(f"{text[: text.index('<main>')]}<main>{figure.group()}</main>", "utf-8")
    browser.screenshot(alone, tmp_path / f"{sample.stem}.png", height=700, record=record_property)


def test_the_page_has_contents_callouts_and_no_empty_header_rows(
    tmp_path: Path, record_property: Record
) -> None:
    draft = ROOT / "samples" / "incomplete" / "invoice-extraction-draft.yaml"
    page, _ = _write(tmp_path, draft, draft=True)
    facts = browser.probe(page, _FACTS)
    assert len(facts["toc"]) >= 15 and facts["targets"] == len(facts["toc"])
    assert facts["emptyHeads"] == 0
    assert facts["callouts"] and not facts["literalAlerts"]
    assert {name for name, _ in facts["callouts"]} == {"callout warning"}
    # The warning accent, not the grey of a plain quote.
    assert {colour for _, colour in facts["callouts"]} == {"rgb(154, 103, 0)"}
    assert facts["external"] == 0 and "<script" not in page.read_text(encoding="utf-8")
    browser.screenshot(page, tmp_path / "draft.png", height=2400, record=record_property)


def test_the_page_has_a_dark_scheme(tmp_path: Path, record_property: Record) -> None:
    page, _ = _write(tmp_path, ROOT / "samples" / "support-reply-copilot.yaml")
    assert browser.probe(page, _FACTS)["background"] == "rgb(255, 255, 255)"
    assert browser.probe(page, _FACTS, dark=True)["background"] == "rgb(13, 17, 23)"
    browser.screenshot(page, tmp_path / "dark.png", dark=True, record=record_property)
