"""The portfolio as one self-contained HTML page: no script, no network, readable in print."""

from __future__ import annotations

from html import escape

from prd_forge import catalogue
from prd_forge.report.rows import Portfolio, Row
from prd_forge.report.text import SYMBOLS

STYLE = """
:root { color-scheme: light; font: 14px/1.4 system-ui, sans-serif; color: #1b1f24; }
body { margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
.meta, .legend { color: #57606a; margin: .2rem 0 .8rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: .25rem .4rem; text-align: center; }
th.prd { text-align: left; font-weight: 600; min-width: 16rem; max-width: 28rem;
  overflow-wrap: anywhere; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
thead th.concern { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 500;
  white-space: nowrap; }
td.num.bad { color: #a40e26; font-weight: 700; }
.state { width: 1.6rem; }
.present { background: #1a7f37; color: #fff; }
.partial { background: #d4a72c; color: #1b1f24; }
.hollow { background: #fb8f44; color: #1b1f24; }
.missing { background: #cf222e; color: #fff; }
.na { color: #57606a; }
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .3rem; }
ul.notes { text-align: left; margin: 0; padding-left: 1rem; font-size: .85rem; }
svg.trend polyline { fill: none; stroke: #0969da; stroke-width: 1.5; }
@page { size: landscape; margin: 1cm; }
@media print {
  :root { font-size: 9px; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  thead th { position: static; }
  tr { break-inside: avoid; }
}
"""


def _trend(values: tuple[float, ...]) -> str:
    if len(values) < 2:
        return f"{values[0]:.0%}" if values else "-"
    step = 60 / (len(values) - 1)
    points = " ".join(f"{i * step:.1f},{18 - value * 16:.1f}" for i, value in enumerate(values))
    label = " → ".join(f"{value:.0%}" for value in values)
    return (
        f'<svg class="trend" width="62" height="20" role="img" aria-label="{label}">'
        f'<title>{label}</title><polyline points="{points}"/></svg>'
    )


def _notes(items: list[str]) -> str:
    if not items:
        return "0"
    listed = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'{len(items)}<ul class="notes">{listed}</ul>'


def _row(row: Row, concerns: tuple[str, ...]) -> str:
    errors = row.counts["error"]
    cells = [
        f'<th class="prd" scope="row">{escape(row.path)}{" (AI)" if row.ai else ""}</th>',
        f'<td class="num">{row.score:.0%}</td>',
        f'<td class="num{" bad" if errors else ""}">{errors}</td>',
        f'<td class="num">{row.counts["warning"]}</td>',
        f'<td class="num">{row.counts["info"]}</td>',
        f"<td>{_notes([f'{q} (due {due})' for q, due in row.overdue])}</td>",
        f"<td>{_notes(list(row.stale))}</td>",
        f"<td>{_trend(row.trend)}</td>",
    ]
    for concern in concerns:
        state = row.coverage.get(concern, "missing")
        css, symbol = state.replace("/", ""), SYMBOLS.get(state, "?")
        cells.append(f'<td class="state {css}" title="{concern}: {state}">{symbol}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def page(portfolio: Portfolio) -> str:
    concerns = portfolio.concerns
    heads = [
        "PRD",
        "coverage",
        "errors",
        "warnings",
        "info",
        "overdue questions",
        "stale approvals",
        "trend",
    ]
    head = "".join(f'<th scope="col">{h}</th>' for h in heads) + "".join(
        f'<th scope="col" class="concern" title="{escape(catalogue.get(c).title)}">{c}</th>'
        for c in concerns
    )
    rows = "\n".join(_row(row, concerns) for row in portfolio.rows)
    unreadable = "".join(
        f"<li>{escape(p.path)}: {escape(p.message)}</li>" for p in portfolio.unreadable
    )
    legend = "".join(f'<span class="{s.replace("/", "")}">{SYMBOLS[s]} {s}</span>' for s in SYMBOLS)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PRD portfolio</title>
<style>{STYLE}</style>
</head>
<body>
<h1>PRD portfolio</h1>
<p class="meta">{len(portfolio.rows)} PRDs on {portfolio.today}, worst first (most errors, then \
least coverage). Coverage counts a partial concern as half.</p>
<p class="legend">{legend}</p>
<table>
<thead><tr>{head}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
{f'<h2>Not read</h2><ul class="unreadable">{unreadable}</ul>' if unreadable else ""}
</body>
</html>
"""
