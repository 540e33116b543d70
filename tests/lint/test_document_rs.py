"""markdown-it-pyrs builds exactly the document model markdown-it-py builds (the reference):
lint's output is the same with either backend, on the corpus, a generated benchmark sample and
random Markdown; a document the fast backend is unsure of goes to markdown-it-py."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.corpus import document as generated
from prd_forge.lint import document, document_rs

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "tests" / "corpus" / "docs"


def _sample(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(CORPUS.rglob("*.md")):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    rng = random.Random(11)
    for index in range(25):
        text = generated(rng, index, rng.randint(6800, 7800))
        (folder / f"bench_{index:02d}.md").write_text(text, encoding="utf-8")
    return folder


def _lint_json(folder: Path, parser: str | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PRD_FORGE_PARSER"}
    if parser:
        env["PRD_FORGE_PARSER"] = parser
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "prd_forge",
            "lint",
            "--format",
            "json",
            "--no-cache",
            "--summary",
            "--jobs",
            "1",
            str(folder),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_lint_output_is_the_same_with_either_parser(tmp_path: Path) -> None:
    folder = _sample(tmp_path)
    fast, reference = _lint_json(folder, None), _lint_json(folder, "python")
    assert fast == reference
    assert "PRD" in json.dumps(fast)  # findings were made and compared


def test_the_fast_backend_builds_most_documents() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.rglob("*.md"))]
    rng = random.Random(5)
    texts += [generated(rng, index, 7000) for index in range(20)]
    built = [document_rs.parse(text) for text in texts]
    assert sum(doc is not None for doc in built) >= 0.9 * len(texts)
    for text, doc in zip(texts, built, strict=True):
        if doc is not None:
            assert doc == document.parse_python(text)


def test_python_forced_or_unsure_means_markdown_it_py(monkeypatch: pytest.MonkeyPatch) -> None:
    assert document_rs.parse("a\tb\n") is None  # tabs: columns are markdown-it-py's to count
    assert document_rs.parse("```\nnever closed\n") is None
    monkeypatch.setattr(document, "_rust", lambda: False)
    calls: list[str] = []
    monkeypatch.setattr(document_rs, "parse", lambda text: calls.append(text))
    assert document.parse("# T\n").sections[0].title == "T"
    assert calls == []


_WORDS = st.sampled_from(
    [
        "fallback",
        "Owner:",
        "TBD",
        "**Risk:**",
        "`code`",
        "*em*",
        "a\\|b",
        "é",
        "🌱",
        "[x](u)",
        "<b>",
        "&amp;",
        "1.",
        "-",
        "#",
        "|",
        ">",
        "\\",
        "  ",
        "<!-- c -->",
        "[!WARNING]",
        "__m__",
    ]
)
_INLINE = st.lists(
    st.one_of(_WORDS, st.text("abc xyz.:", min_size=1, max_size=6)), min_size=1, max_size=6
).map(" ".join)
_INDENT = st.sampled_from(["", " ", "  ", "   ", "    ", "     "])


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.tuples(_INDENT, _INLINE), min_size=1, max_size=3))
    return "\n".join(indent + text for indent, text in lines)


@st.composite
def _list(draw: st.DrawFn, depth: int = 0) -> str:
    marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)", "10."]))
    items = []
    for _ in range(draw(st.integers(1, 3))):
        gap = draw(st.sampled_from([" ", "  ", "   ", "     "]))
        indent = draw(st.sampled_from(["", "  ", "   ", "      "]))
        item = marker + gap + draw(_paragraph()).replace("\n", "\n" + indent)
        if depth < 2 and draw(st.booleans()):
            item += "\n" + "\n".join("   " + line for line in draw(_list(depth + 1)).split("\n"))
        items.append(item)
    return draw(st.sampled_from(["\n", "\n\n"])).join(items)


@st.composite
def _table(draw: st.DrawFn) -> str:
    cols = draw(st.integers(1, 3))
    cell = st.one_of(_INLINE, st.just(""), st.just("a \\| b"))
    rows = [
        " | ".join(draw(cell) for _ in range(draw(st.integers(1, cols + 1))))
        for _ in range(draw(st.integers(0, 3)))
    ]
    head = "| " + " | ".join(draw(_INLINE).replace("|", "") or "h" for _ in range(cols)) + " |"
    sep = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", " - "])) for _ in range(cols))
    edge = draw(st.sampled_from(["|", ""]))
    return "\n".join([head, sep + "|", *(edge + row + edge for row in rows)])


@st.composite
def _quote(draw: st.DrawFn) -> str:
    body = draw(st.one_of(_paragraph(), _list(), _table()))
    prefix = draw(st.sampled_from([">", "> ", ">  ", " > "])) * draw(st.integers(1, 2))
    return "\n".join(
        (prefix if i == 0 or draw(st.booleans()) else "") + line
        for i, line in enumerate(body.split("\n"))
    )


_BLOCK = st.one_of(
    _paragraph(),
    _list(),
    _quote(),
    _table(),
    st.builds(
        lambda level, text, close: "#" * level + " " + text + close,
        st.integers(1, 7),
        _INLINE,
        st.sampled_from(["", " #", " ##", "#"]),
    ),
    st.builds(lambda text, line: text + "\n" + line, _paragraph(), st.sampled_from(["===", "---"])),
    st.builds(
        lambda fence, body, close: fence + "\n" + body + close,
        st.sampled_from(["```", "~~~~", "```py", "  ```"]),
        _paragraph(),
        st.sampled_from(["\n```", "\n~~~~", "", "\n````"]),
    ),
    st.builds(lambda body: "    " + body.replace("\n", "\n    "), _paragraph()),
    st.sampled_from(
        [
            "<div>\nx\n</div>",
            "<!-- note\nmore -->",
            "<h2>Risks</h2>",
            "***",
            "[ref]: #ref",
            "<details><summary>Fallback</summary>\nbody\n</details>",
        ]
    ),
    st.builds(
        lambda label, rest: f"**{label}:** {rest}",
        st.text("abcd ", min_size=2, max_size=9),
        _INLINE,
    ),
)


@st.composite
def _markdown(draw: st.DrawFn) -> str:
    front = draw(
        st.sampled_from(
            ["", "---\nai: true\nstatus: draft\n---\n", "---\ntitle: x\n...\n", "---\n---\n"]
        )
    )
    blocks = draw(st.lists(_BLOCK, max_size=6))
    gaps = [draw(st.sampled_from(["\n", "\n\n", "\n\n\n"])) for _ in blocks]
    body = "".join(block + gap for block, gap in zip(blocks, gaps, strict=True))
    return front + body + draw(st.sampled_from(["", "\n", "trailing"]))


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_markdown())
def test_the_same_model_from_random_markdown(text: str) -> None:
    fast = document_rs.parse(text)
    if fast is not None:
        assert fast == document.parse_python(text)
