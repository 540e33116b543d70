"""The state diagram drawn as SVG: what is read from the Mermaid block, and what is not."""

from __future__ import annotations

from prd_forge.render import diagram, html

BLOCK = """stateDiagram-v2
    state "loading" as loading
    state "low-confidence" as low_confidence
    [*] --> loading
    loading --> low_confidence : low-confidence (a)
    loading --> low_confidence : timeout (b)
    low_confidence --> loading : retry
"""


def test_the_subset_prd_forge_writes_is_read_back() -> None:
    drawn = diagram.parse(BLOCK)
    assert drawn == diagram.Diagram(
        states=(("loading", "loading"), ("low_confidence", "low-confidence")),
        arrows=(
            ("[*]", "loading", ""),
            ("loading", "low_confidence", "low-confidence (a)"),
            ("loading", "low_confidence", "timeout (b)"),
            ("low_confidence", "loading", "retry"),
        ),
    )


def test_parallel_arrows_are_one_path_with_a_line_per_label() -> None:
    drawn = diagram.parse(BLOCK)
    assert drawn is not None
    picture = diagram.svg(drawn)
    assert picture.count('<g class="node"') == 2
    assert picture.count('<path class="edge"') == 2  # start and the merged forward arrow
    assert picture.count('<path class="edge back"') == 1
    assert ">low-confidence (a)</tspan><tspan" in picture and ">timeout (b)</tspan>" in picture


def test_other_diagrams_stay_code() -> None:
    assert diagram.parse("flowchart LR\n  a --> b\n") is None
    assert diagram.parse("stateDiagram-v2\n  state fork_state <<fork>>\n") is None
    page = html.body("```mermaid\nflowchart LR\n  a --> b\n```\n")
    assert page == '<pre><code class="language-mermaid">flowchart LR\n  a --&gt; b\n</code></pre>\n'


def test_names_are_escaped() -> None:
    drawn = diagram.parse('stateDiagram-v2\n    state "<b>&" as x\n    [*] --> x : <i>\n')
    assert drawn is not None
    picture = diagram.svg(drawn)
    assert "&lt;b&gt;&amp;" in picture and "&lt;i&gt;" in picture and "<b>" not in picture
