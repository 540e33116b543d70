"""Deleting the Fallbacks section of a rendered PRD is a regression: the failure table's
Fallback column names ids that are then defined nowhere."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.lint import lint_text

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "support-reply-copilot.md"

BARE = """# Reply drafts

## Failure modes

| Failure | Severity | Fallback |
|---|---|---|
| Wrong policy stated | high | `hold-low-confidence` |
| Rude draft | unacceptable | `block-unsafe-draft` |
"""


def _without_fallbacks(text: str) -> str:
    start = text.index("## Fallbacks\n")
    end = text.index("\n## ", start + 1)
    return text[:start] + text[end + 1 :]


def test_diff_reports_a_deleted_fallbacks_section_as_a_regression(tmp_path: Path) -> None:
    head = tmp_path / "PRD.md"
    head.write_text(_without_fallbacks(SAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["diff", str(SAMPLE), str(head)])
    assert result.exit_code == 1
    assert "  lost      fallbacks  present -> missing\n" in result.stdout
    assert "error PRD124 dangling-reference: `hold-low-confidence` is named here" in result.stdout
    assert result.stdout.endswith("coverage regressed\n")


def test_a_fallback_column_of_undefined_ids_covers_nothing() -> None:
    report = lint_text(BARE)
    assert report.coverage["fallbacks"] == "missing"
    dangling = [(f.line, f.message.split()[0]) for f in report.findings if f.code == "PRD124"]
    assert dangling == [(7, "`hold-low-confidence`"), (8, "`block-unsafe-draft`")]
    defined = BARE + "\n## Fallbacks\n\n- `hold-low-confidence`: no draft is shown below 0.7.\n"
    assert "PRD124" in {f.code for f in lint_text(defined).findings}  # one still dangles
