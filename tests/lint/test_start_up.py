"""What linting one file loads: only what that file needs (pre-commit pays it on every commit)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from prd_forge.approvals import table
from prd_forge.lint.engine import lint_text
from prd_forge.lint.rules import approvals

FIXTURES = Path(__file__).parent / "fixtures"
APPROVED = (
    "# Feature\n\n## Evaluation\n\nPolicy accuracy must reach 0.95 before launch.\n\n"
    "## Approval record\n\n| Role | Name | Date | Digest |\n|---|---|---|---|\n"
    "| ml | P. Raman | 2026-11-30 | `evaluation:273e42b8eb8eec21` |\n"
)


def _modules_after_lint(path: Path) -> set[str]:
    show = "import sys\nfrom prd_forge.lint.engine import lint_text\n"
    show += "lint_text(open(sys.argv[1], encoding='utf-8').read())\nprint(*sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", show, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_a_prd_without_an_approvals_table_does_not_load_the_approvals_code() -> None:
    assert "prd_forge.approvals" not in _modules_after_lint(FIXTURES / "crud.md")


def test_a_prd_with_one_does(tmp_path: Path) -> None:
    approved = tmp_path / "approved.md"
    approved.write_text(APPROVED, encoding="utf-8")
    assert "prd_forge.approvals.table" in _modules_after_lint(approved)
    stale = [f for f in lint_text(APPROVED).findings if f.name == "stale-approval"]
    assert [(f.line, f.concern) for f in stale] == [(11, "evaluation")]


def test_the_rule_looks_for_the_table_under_the_title_the_table_reader_reads() -> None:
    assert table.TITLE.casefold() == approvals._TITLE
