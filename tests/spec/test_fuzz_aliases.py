"""Property: alias-heavy YAML never hangs, crashes or blows up memory in `check`.

Documents are built from anchors that alias earlier anchors (the shape of an alias bomb),
sometimes themselves (a recursive alias), placed under real spec fields. Whatever the shape,
`check` answers 0, 1 or 2 with no traceback, quickly, and a bomb or a loop is exit 2.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prd_forge.cli import cli
from prd_forge.spec.syntax import MAX_ALIAS_VALUES

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIELDS = ["feature", "problem", "scope", "metrics", "fallbacks", "x-notes"]


@st.composite
def alias_documents(draw: st.DrawFn) -> tuple[str, int, bool]:
    """(YAML text, how many values its aliases expand to, whether an alias refers to itself)."""
    levels = draw(st.integers(1, 12))
    sizes: list[int] = []
    lines: list[str] = []
    recursive = False
    for level in range(levels):
        width = draw(st.integers(1, 10))
        if level == 0:
            items, size = ["leaf"] * width, width
        else:
            picks = [draw(st.integers(0, level - 1)) for _ in range(width)]
            items, size = [f"*a{pick}" for pick in picks], sum(sizes[pick] + 1 for pick in picks)
        if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
            items.append(f"*a{level}")  # the anchor being defined: a loop
            recursive = True
        field = draw(st.sampled_from(FIELDS))
        style = draw(st.sampled_from(["flow", "block", "mapping"]))
        lines.append(_line(field, level, items, style))
        sizes.append(size)
    return "".join(lines), sum(sizes), recursive


def _line(field: str, level: int, items: list[str], style: str) -> str:
    if style == "flow":
        return f"{field}{level}: &a{level} [{', '.join(items)}]\n"
    if style == "block":
        return f"{field}{level}: &a{level}\n" + "".join(f"  - {item}\n" for item in items)
    return f"{field}{level}: &a{level}\n" + "".join(
        f"  k{index}: {item}\n" for index, item in enumerate(items)
    )


@FUZZ
@given(alias_documents(), st.sampled_from([".yaml", ".yml"]))
def test_alias_heavy_yaml(document: tuple[str, int, bool], suffix: str) -> None:
    text, expanded, recursive = document
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"spec{suffix}"
        path.write_text(text, encoding="utf-8")
        start = time.monotonic()
        result = CliRunner().invoke(cli, ["check", str(path)])
        elapsed = time.monotonic() - start
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert elapsed < 10, f"check took {elapsed:.1f} s"
    assert result.stderr == ""
    assert result.exit_code == 2  # no document here is a valid spec: unknown fields at least
    # Both can hold: whichever the walk meets first is the one reported.
    expected = ["holds an alias inside its own anchor"] if recursive else []
    if expanded > 2 * MAX_ALIAS_VALUES:
        expected.append(f"its aliases repeat more than {MAX_ALIAS_VALUES:,} values")
    if expected:
        assert any(message in result.stdout for message in expected), result.stdout
