"""The deliberately incomplete samples: refused as they are, rendered as visible drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.load import load_spec

ROOT = Path(__file__).resolve().parents[2]
INCOMPLETE = sorted((ROOT / "samples" / "incomplete").glob("*.yaml"))


def test_there_are_incomplete_samples() -> None:
    assert len(INCOMPLETE) >= 2


@pytest.mark.parametrize("sample", INCOMPLETE, ids=[path.stem for path in INCOMPLETE])
def test_render_refuses_and_writes_nothing(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "PRD.md"
    result = CliRunner().invoke(cli, ["render", str(sample), "-o", str(out)])
    blockers = blocking(load_spec(sample).spec, find_gaps(load_spec(sample).spec))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"prd-forge: refused to render {sample}: {len(blockers)} gap(s)")
    assert [line.split(": ", 2)[1] for line in lines[1:-1]] == [gap.path for gap in blockers]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("sample", INCOMPLETE, ids=[path.stem for path in INCOMPLETE])
def test_draft_lists_every_blocker_and_warns_in_each_section(sample: Path) -> None:
    result = CliRunner().invoke(cli, ["render", str(sample), "--draft"])
    spec = load_spec(sample).spec
    gaps = find_gaps(spec)
    assert result.exit_code == 0
    blockers_section = result.stdout.split("## Blockers\n", 1)[1].split("\n## ", 1)[0]
    assert blockers_section.count("\n- **") == len(blocking(spec, gaps))
    assert result.stdout.count("> [!WARNING]") == len(gaps)
