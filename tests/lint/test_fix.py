"""`lint --fix` and `--diff`: scaffolds in the document's own style, never touching its text.

Goldens: tests/lint/fix/NAME.md is fixed into NAME.fixed.md. After an intended change, run

    PRD_FORGE_REGEN=1 python -m pytest tests/lint/test_fix.py

and review the diff of tests/lint/fix/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from prd_forge import catalogue
from prd_forge.cli import cli
from prd_forge.lint.config import DEFAULT
from prd_forge.lint.engine import analyse_text, lint_text
from prd_forge.lint.fix import Fix, fix

FIXTURES = Path(__file__).resolve().parent / "fix"
INPUTS = sorted(p for p in FIXTURES.glob("*.md") if not p.name.endswith(".fixed.md"))
REGEN = os.environ.get("PRD_FORGE_REGEN") == "1"
AI = DEFAULT.replace(ai=True)
ENV = {"NO_COLOR": "", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": "", "FORCE_COLOR": ""}
TITLES = {concern.id: concern.title for concern in catalogue.CONCERNS}


def fixed(text: str) -> Fix:
    return fix(text, lint_text(text, config=AI), analyse_text(text, config=AI), TITLES)


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("source", INPUTS, ids=[p.stem for p in INPUTS])
def test_the_scaffold_matches_its_golden_file(source: Path) -> None:
    golden = source.with_name(f"{source.stem}.fixed.md")
    result = fixed(read(source)).text
    if REGEN:
        golden.write_bytes(result.encode("utf-8"))
    assert result == read(golden), f"{golden} is out of date; see this file's docstring"


@pytest.mark.parametrize("source", INPUTS, ids=[p.stem for p in INPUTS])
def test_a_second_run_changes_nothing(source: Path) -> None:
    once = fixed(read(source))
    assert once.added or once.marked
    twice = fixed(once.text)
    assert (twice.text, twice.added, twice.marked) == (once.text, (), ())


@pytest.mark.parametrize("source", INPUTS, ids=[p.stem for p in INPUTS])
def test_every_missing_section_is_added_found_and_still_a_gap(source: Path) -> None:
    # A scaffold is a question, not an answer: lint finds each added section and calls it
    # hollow (an error, as the missing section was), never partial or present.
    result = fixed(read(source))
    report = lint_text(result.text, config=AI)
    states = report.coverage
    assert "missing" not in {states[c] for c in catalogue.IDS if catalogue.get(c).required}
    assert {states[c] for c in result.added} == {"hollow"}
    hollow = [f for f in report.findings if f.name == "hollow-section"]
    assert hollow and {f.severity for f in hollow} == {"error"}


def test_headings_follow_the_house_style() -> None:
    numbered = fixed(read(FIXTURES / "numbered.md")).text
    assert "\n## 1.1. Why AI\n" in numbered and "\n## 3.1. UX states\n" not in numbered
    setext = fixed(read(FIXTURES / "setext.md")).text
    assert "\nWhy AI\n------\n" in setext and "## " not in setext
    nested = fixed(read(FIXTURES / "nested.md")).text
    assert "\n### Fallbacks\n" in nested and "\n## Fallbacks" not in nested
    crlf = fixed(read(FIXTURES / "crlf.md")).text
    assert "\r\n## Baseline\r\n" in crlf and re.search(r"[^\r]\n", crlf) is None


def test_sections_come_in_catalogue_order_after_their_neighbour() -> None:
    text = fixed(read(FIXTURES / "setext.md")).text
    titles = re.findall(r"^(.+)\n-{3,}$", text, re.MULTILINE)
    assert titles[:3] == ["Problem", "Why AI", "Scope and limitations"]
    assert titles.index("Fallbacks") < titles.index("UX states") < titles.index("Monitoring")


def test_the_questions_come_from_the_spec_model() -> None:
    from prd_forge.spec.model import Problem

    text = fixed(read(FIXTURES / "setext.md")).text
    section = text.split("\nWhy AI\n", 1)[1].split("\n\n", 3)
    question = Problem.model_fields["ai_task"].description
    assert question is not None and section[2].startswith(f"- [ ] {question}")


_LINES = st.sampled_from(
    [
        "# Title",
        "## Fallbacks",
        "## 2. Evaluation",
        "Problem\n-------",
        "### Monitoring",
        "TBD",
        "N/A",
        "",
        "Offline accuracy must be at least 0.9 on 500 tickets.",
        "- an item",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "> [!WARNING]\n> a gap",
        "```\ncode\n```",
        "**Rollout:** 5% first.",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINES, max_size=14), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_fix_never_touches_existing_text(parts: list[str], newline: str, final: bool) -> None:
    text = "\n".join(parts).replace("\n", newline) + (newline if final else "")
    before = text.splitlines(keepends=True)
    after = iter(fixed(text).text.splitlines(keepends=True))
    # Every original line is still there, in order, byte for byte (the last may gain an end).
    for line in before:
        assert any(kept in (line, line + "\n", line + "\r\n") for kept in after), line


def _cli(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["lint", "--no-cache", "--ai", "yes", *args], input=stdin, env=ENV
    )
    return result.exit_code, result.stdout, result.stderr


def test_diff_shows_the_scaffold_and_writes_nothing(tmp_path: Path) -> None:
    prd = tmp_path / "PRD.md"
    prd.write_bytes((FIXTURES / "setext.md").read_bytes())
    code, out, _ = _cli(str(prd), "--diff")
    assert code == 1 and prd.read_bytes() == (FIXTURES / "setext.md").read_bytes()
    assert out.startswith(f"--- {prd}\n+++ {prd}\n@@ ")
    assert "+Why AI\n+------\n" in out


def test_fix_writes_then_reports_what_is_left(tmp_path: Path) -> None:
    prd = tmp_path / "PRD.md"
    prd.write_bytes((FIXTURES / "setext.md").read_bytes())
    code, out, err = _cli(str(prd), "--fix")
    assert read(prd) == read(FIXTURES / "setext.fixed.md")
    assert err.startswith(f"prd-forge: fixed {prd}: added 9 section(s) to answer (ai-fit, ")
    assert err.rstrip().endswith("marked 1 hollow (monitoring)")
    # The scaffolds' gap notes: more than 5, so one finding lists their lines.
    assert code == 1 and "PRD001" not in out and "gaps left open in this file: lines" in out
    assert _cli(str(prd), "--diff")[0] == 0
    assert _cli(str(prd), "--fix")[2] == ""


def test_diff_still_reports_a_file_it_cannot_read(tmp_path: Path) -> None:
    prd = tmp_path / "PRD.md"
    prd.write_bytes((FIXTURES / "setext.md").read_bytes())
    code, out, err = _cli(str(prd), str(tmp_path / "gone.md"), "--diff")
    assert code == 2 and out.startswith(f"--- {prd}\n")
    assert err.startswith(f"prd-forge: error: {tmp_path / 'gone.md'}: ")


def test_a_windows_1252_file_is_linted_but_not_fixed(tmp_path: Path) -> None:
    prd = tmp_path / "PRD.md"
    source = (FIXTURES / "setext.md").read_bytes().replace(b"\n\n", b"\n\nIt\x92s Word.\n\n", 1)
    prd.write_bytes(source)
    code, out, err = _cli(str(prd), "--fix")
    assert prd.read_bytes() == source
    assert code == 1 and "PRD001" in out
    assert f"prd-forge: warning: {prd}: not UTF-8, so not fixed; save it as UTF-8\n" in err
    assert "Traceback" not in err


def test_a_teams_own_sections_and_aliases_are_scaffolded_and_marked(tmp_path: Path) -> None:
    (tmp_path / ".prd-forge.toml").write_text(
        '[aliases]\nmonitoring = ["ops notes"]\n\n'
        '[[sections]]\nid = "accessibility"\ntitle = "Accessibility"\n',
        encoding="utf-8",
    )
    prd = tmp_path / "PRD.md"
    source = read(FIXTURES / "setext.md").replace("Monitoring\n----------", "Ops notes\n---------")
    prd.write_text(source, encoding="utf-8")
    code, _, err = _cli(str(prd), "--fix")
    assert code == 1 and err.rstrip().endswith("marked 1 hollow (monitoring)")
    text = read(prd)
    titles = re.findall(r"^(.+)\n-{3,}$", text, re.MULTILINE)
    assert "Monitoring" not in titles and titles[-1] == "Accessibility"
    assert text.split("Ops notes\n---------\n\nN/A\n\n", 1)[1].startswith("> [!WARNING]")


def test_fix_refuses_stdin_and_diff_takes_it() -> None:
    code, _, err = _cli("-", "--fix", stdin="## Fallbacks\n\nTBD\n")
    assert code == 2 and "--fix writes files; for stdin use --diff" in err
    code, out, _ = _cli("-", "--diff", stdin="## Fallbacks\n\nTBD\n")
    assert code == 1 and out.startswith("--- -\n+++ -\n")


def test_sections_added_after_the_last_numbered_one_continue_its_numbers() -> None:
    text = (FIXTURES / "numbered.md").read_text(encoding="utf-8")
    text = text.replace("## 2. Fallbacks\n\nTBD\n\n", "").replace("## 3. Eval", "## 2. Eval")
    # without it, the hidden-draft threshold is fallback evidence: fallbacks would be partial
    text = text.replace(", and the drafts are hidden below a confidence of 0.7", "")
    headings = re.findall(r"^## (.+)$", fixed(text).text, re.MULTILINE)
    assert headings[6:] == [
        "1.6. Success metrics",
        "2. Evaluation",
        "3. Fallbacks",
        "4. UX states",
        "5. Human oversight",
        "6. Monitoring",
        "7. Rollout and rollback",
    ]
