"""`prd-forge report`: goldens on the samples and tests/corpus, ordering, overdue questions,
stale approvals, unreadable files, the git trend, and the page in a real browser.

Regenerate the goldens after an intended change with

    PRD_FORGE_REGEN=1 python -m pytest tests/report

and review the diff of tests/report/golden/.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from tests import browser
from tests.golden import matches_golden

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
Record = Callable[[str, object], None]
FIXED = ("--today", "2026-12-10", "--revisions", "0")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def compare(name: str, text: str) -> None:
    matches_golden(HERE / "golden" / name, text)


@pytest.mark.parametrize("folder", ["samples", "tests/corpus/docs"])
def test_json_matches_its_golden(folder: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, stdout, stderr = run("report", folder, "--format", "json", *FIXED)
    assert (code, stderr) == (0, "")
    compare(f"{folder.replace('/', '-')}.json", stdout)
    data = json.loads(stdout)
    keys = [
        (-p["findings"]["error"], p["score"], -p["findings"]["warning"], p["path"])
        for p in data["prds"]
    ]
    assert keys == sorted(keys), "worst first"
    assert all(set(p["coverage"]) == set(data["concerns"]) for p in data["prds"])


def test_markdown_matches_its_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, stdout, _ = run("report", "samples", "--format", "markdown", *FIXED)
    assert code == 0
    compare("samples.md", stdout)


def test_overdue_questions_and_stale_approvals_are_counted(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_bytes((ROOT / "samples" / "support-reply-copilot.yaml").read_bytes())
    assert run("approve", str(spec), "--role", "ml", "--name", "Priya Raman")[0] == 0
    prd = tmp_path / "docs" / "copilot.md"
    assert run("render", str(spec), "-o", str(prd))[0] == 0
    prd.write_text(prd.read_text(encoding="utf-8").replace("0.97", "0.95"), encoding="utf-8")
    code, stdout, _ = run("report", str(tmp_path / "docs"), "--format", "json", *FIXED)
    assert code == 0
    [row] = json.loads(stdout)["prds"]
    assert row["stale_approvals"] == ["ml (Priya Raman): evaluation"]
    assert [q["due"] for q in row["overdue_questions"]] == ["2026-12-08"]
    _, stdout, _ = run(
        "report",
        str(tmp_path / "docs"),
        "--format",
        "json",
        "--today",
        "2026-12-01",
        "--revisions",
        "0",
    )
    assert json.loads(stdout)["prds"][0]["overdue_questions"] == []


def test_an_unreadable_file_is_listed_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# Fallbacks\n\nRoute to a person.\n", encoding="utf-8")
    # bytes that are neither UTF-8 nor Windows-1252: not text, so unreadable
    (tmp_path / "bad.md").write_bytes(b"# Scope\n\n\x81\x8d broken\n")
    code, stdout, stderr = run("report", str(tmp_path), "--format", "json", *FIXED)
    assert code == 2
    data = json.loads(stdout)
    assert [p["path"] for p in data["prds"]] == [str(tmp_path / "good.md")]
    [problem] = data["unreadable"]
    assert problem["path"] == str(tmp_path / "bad.md")
    assert stderr == f"prd-forge: error: {problem['path']}: {problem['message']}\n"


@pytest.mark.parametrize("form", ["html", "json", "markdown"])
def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path: Path, form: str) -> None:
    target = tmp_path / "report.out"
    missing = str(tmp_path / "nope")
    code, stdout, stderr = run("report", missing, "-o", str(target), "--format", form, *FIXED)
    assert (code, stdout) == (2, "")
    assert stderr == f"prd-forge: error: {missing}: no such file or folder; check the path\n"
    assert not target.exists()
    assert run("report", missing, "--format", form, *FIXED)[:2] == (2, "")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_in_git_the_trend_follows_the_last_revisions(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    prd = tmp_path / "prd.md"
    bodies = [
        "# Feature\n\n## Problem\n\nUsers wait.\n",
        "# Feature\n\n## Problem\n\nUsers wait 3 days for a reply.\n\n## Fallbacks\n\n"
        "When confidence is below 0.7 the ticket goes to a person.\n",
    ]
    for body in bodies:
        prd.write_text(body, encoding="utf-8")
        _git(tmp_path, "add", "prd.md")
        _git(tmp_path, "commit", "-q", "-m", "edit")
    code, stdout, _ = run("report", str(prd), "--format", "json", "--today", "2026-12-10")
    trend = json.loads(stdout)["prds"][0]["trend"]
    assert code == 0 and len(trend) == 2 and trend[0] < trend[1]
    code, stdout, _ = run("report", str(prd), "--format", "json", "--revisions", "1")
    assert len(json.loads(stdout)["prds"][0]["trend"]) == 1


_FACTS = """
const cells = [...document.querySelectorAll('td.state')];
const colours = new Set(cells.map(c => getComputedStyle(c).backgroundColor));
return {
  rows: document.querySelectorAll('tbody tr').length,
  cells: cells.length,
  colours: colours.size,
  external: [...document.querySelectorAll('[src],[href]')].length,
  first: document.querySelector('tbody th').textContent,
  width: document.querySelector('table').getBoundingClientRect().width,
};
"""


def test_the_page_in_a_real_browser(
    tmp_path: Path, record_property: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    page = tmp_path / "report.html"
    code, _, _ = run("report", "samples", "tests/corpus/docs", "-o", str(page), *FIXED)
    assert code == 0
    data = json.loads(run("report", "samples", "tests/corpus/docs", "--format", "json", *FIXED)[1])
    facts = browser.probe(page, _FACTS)
    assert facts["rows"] == len(data["prds"])
    assert facts["cells"] == len(data["prds"]) * len(data["concerns"])
    assert facts["colours"] == 5  # present, partial, hollow, missing, n/a (grey text)
    assert facts["external"] == 0  # nothing to fetch: readable offline
    assert facts["first"].startswith(data["prds"][0]["path"])
    browser.screenshot(
        page, tmp_path / "report.png", width=1400, height=900, record=record_property
    )
