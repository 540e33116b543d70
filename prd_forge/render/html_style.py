"""The HTML page's style sheet: GitHub-like, a dark scheme, and a print layout."""

from __future__ import annotations

from typing import Final

STYLE: Final = """
:root {
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --subtle: #f6f8fa; --line: #d0d7de;
  --link: #0969da; --node: #ddf4ff; --node-line: #54aeff;
  --note: #0969da; --tip: #1a7f37; --important: #8250df; --warning: #9a6700; --caution: #d1242f;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --subtle: #151b23; --line: #3d444d;
    --link: #4493f8; --node: #0c2d6b; --node-line: #1f6feb;
    --note: #4493f8; --tip: #3fb950; --important: #ab7df8; --warning: #d29922; --caution: #f85149;
  }
}
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
a { color: var(--link); }
h1, h2 { border-bottom: 1px solid var(--line); padding-bottom: .3em; }
table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .4em .7em; vertical-align: top; text-align: left; }
th { background: var(--subtle); }
table.fields td:first-child { font-weight: 600; background: var(--subtle); }
code, pre { background: var(--subtle); border-radius: 4px; font-size: 90%; }
code { padding: .1em .3em; }
pre { padding: 1em; overflow-x: auto; }
blockquote { margin: 1em 0; padding: .2em 1em; border-left: 4px solid var(--line); }
blockquote.callout { --accent: var(--note); border-left-color: var(--accent); }
.callout-title { font-weight: 600; color: var(--accent); margin-bottom: 0; }
.callout.tip { --accent: var(--tip); }
.callout.important { --accent: var(--important); }
.callout.warning { --accent: var(--warning); }
.callout.caution { --accent: var(--caution); }
.callout-title::before { content: "\\26A0\\FE0E  "; }
.callout.note .callout-title::before,
.callout.tip .callout-title::before { content: "\\2139\\FE0E  "; }
nav.toc { background: var(--subtle); border: 1px solid var(--line); border-radius: 6px;
  padding: 0 1.2em .6em; margin: 1.5em 0; }
nav.toc h2 { font-size: 1rem; border: 0; margin: .8em 0 .3em; }
nav.toc ol { margin: 0; padding-left: 1.4em; columns: 2 16rem; }
figure.diagram { margin: 1em 0; overflow-x: auto; }
svg.state-diagram { font: 13px system-ui, sans-serif; max-width: none; }
svg.state-diagram .node rect { fill: var(--node); stroke: var(--node-line); stroke-width: 1.5; }
svg.state-diagram .node text { fill: var(--fg); }
svg.state-diagram .edge { fill: none; stroke: var(--muted); stroke-width: 1.3; }
svg.state-diagram .edge.back { stroke-dasharray: 5 4; }
svg.state-diagram .edge-label { fill: var(--muted); font-size: 12px;
  paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
svg.state-diagram marker path, svg.state-diagram .start { fill: var(--muted); }
@media print {
  :root { --fg: #000; --muted: #333; --bg: #fff; --subtle: #f3f3f3; --line: #999; --link: #000;
    --node: #fff; --node-line: #000; }
  body { font-size: 11pt; }
  main { max-width: none; margin: 0; }
  nav.toc { break-after: page; }
  h1, h2, h3 { break-after: avoid; }
  table, figure, blockquote, tr { break-inside: avoid; }
  table { display: table; }
  figure.diagram { overflow: visible; }
  svg.state-diagram { max-width: 100%; height: auto; }
}
""".strip()
