"""`prd-forge import`: render-then-import round trips, a deleted section, bad input, the report."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.render.api import render_markdown
from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.load import load_spec
from prd_forge.spec.model import Spec, Status

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
COPILOT = ROOT / "samples" / "support-reply-copilot.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def as_draft(spec: Spec) -> Spec:
    """The spec as import writes it: every imported answers file is a draft."""
    return spec.model_copy(
        update={"feature": spec.feature.model_copy(update={"status": Status.DRAFT})}
    )


def imported(tmp_path: Path, markdown: str) -> tuple[Spec, str]:
    prd, answers = tmp_path / "PRD.md", tmp_path / "answers.yaml"
    prd.write_text(markdown, encoding="utf-8")
    code, stdout, stderr = run("import", str(prd), "-o", str(answers))
    assert (code, stdout, stderr) == (0, "", "")
    return load_spec(answers).spec, str(prd)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_render_then_import_gives_back_the_sample(sample: Path, tmp_path: Path) -> None:
    spec = load_spec(sample).spec
    got, _ = imported(tmp_path, render_markdown(spec))
    assert got == as_draft(spec)


SECTIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "fallbacks": ("Fallbacks", {"fallbacks": []}),
    "monitoring": ("Monitoring", {"monitoring": None}),
    "rollout": ("Rollout and rollback", {"rollout": None}),
    "privacy": ("Privacy and approvals", {"privacy": None, "genai_risks": []}),
    "human-oversight": ("Human oversight", {"human_oversight": None}),
}


@pytest.mark.parametrize("concern", sorted(SECTIONS))
def test_a_deleted_section_becomes_one_open_question(concern: str, tmp_path: Path) -> None:
    spec = load_spec(COPILOT).spec
    title, emptied = SECTIONS[concern]
    text = render_markdown(spec)
    start = text.index(f"\n## {title}\n")
    end = text.index("\n## ", start + 1)
    got, prd = imported(tmp_path, text[:start] + text[end:])
    *kept, added = got.open_questions
    assert kept == list(spec.open_questions)
    assert added.blocks == concern
    assert re.fullmatch(
        rf".* \({re.escape(prd)}, line \d+\): (not found|.*nothing could be mapped)\. .*",
        added.question,
    )
    blank = Spec.model_validate({key: {} for key, value in emptied.items() if value is None})
    update = {
        key: getattr(blank, key) if value is None else value for key, value in emptied.items()
    }
    assert got.model_copy(update={"open_questions": kept}) == as_draft(spec).model_copy(
        update=update
    )


def test_report_names_lines_and_what_is_left(tmp_path: Path) -> None:
    text = render_markdown(load_spec(COPILOT).spec)
    start = text.index("\n## Monitoring\n")
    end = text.index("\n## ", start + 1)
    prd = tmp_path / "PRD.md"
    prd.write_text(text[:start] + text[end:], encoding="utf-8")
    code, stdout, report = run("import", str(prd), "--report")
    assert code == 0
    assert yaml.safe_load(stdout)["feature"]["status"] == "draft"
    lines = report.splitlines()
    assert re.fullmatch(rf"{re.escape(str(prd))}: mapped \d+ answer\(s\):", lines[0])
    assert "  line 2: feature.name" in lines
    need = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("**User need"))
    assert f"  line {need}: problem.user_need" in lines
    assert lines[-2:] == [
        "left as open questions (1):",
        "  line 2: monitoring (Monitoring): not found",
    ]


def test_a_hand_written_prd_imports_its_tables_by_header(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "importer" / "fixtures" / "hand-written.md").read_text("utf-8")
    got, prd = imported(tmp_path, text)
    assert got.feature.name == "Invoice triage assistant"
    assert [m.name for m in got.metrics] == ["Invoices routed correctly", "Time to route"]
    assert got.metrics[0].baseline == 71 and got.metrics[0].target is not None
    assert got.metrics[0].target.model_dump() == {"comparator": ">=", "value": 90.0, "unit": "%"}
    assert got.metrics[1].target is None  # "faster" is no number: nothing is invented
    assert [f.id for f in got.failure_modes.modes] == [
        "wrong-cost-centre",
        "duplicate-invoice-missed",
    ]
    assert got.failure_modes.modes[0].severity is None  # "High" is not one of the severities
    assert got.rollout.kill_switch == "Feature flag invoice_triage_on, owned by AP tools on-call"
    assert got.baseline.measured_value == "Invoices routed correctly: 71%; Time to route: 4 min"
    assert [f.description for f in got.fallbacks] == [
        "Clerk confirms every suggestion below 0.8 confidence",
        "Duplicate check runs before routing",
    ]
    assert got.open_questions[0].question == "What does the clerk see while the suggestion loads?"
    # lint reads "a classifier trained on last year's routing decisions" as data evidence and
    # the on-call owner as monitoring evidence (partial), so the import fills both from them
    left = ["scope", "evaluation", "ux-states", "human-oversight", "privacy"]
    assert [q.blocks for q in got.open_questions[1:6]] == left
    # each concern filled only in part is an open question too, saying what is still to answer
    thin = {q.blocks: q.question for q in got.open_questions[6:]}
    assert thin["baseline"] == (
        f"Baseline ({prd}, line 17): imported; still to answer: baseline.kind. "
        "Answer it with prd-forge edit."
    )
    assert thin["monitoring"].startswith(
        f"Monitoring ({prd}, line 34): partial (mentioned only in passing); still to answer: "
        "monitoring.owner, monitoring.cadence, "
    )
    assert blocking(got, find_gaps(got)) == []


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


NOT_PRDS = {
    "README.md": b"# tinylib\n\nA tiny library.\n\n## Installation\n\n    pip install tinylib\n\n"
    b"## Usage\n\nCall `tinylib.run()`.\n",
    "CHANGELOG.md": b"# Changelog\n\n## [1.2.0] - 2026-01-04\n\n### Added\n\n- A flag.\n\n"
    b"### Fixed\n\n- A crash.\n",
}


@pytest.mark.parametrize("name", sorted(NOT_PRDS))
def test_a_document_that_is_no_prd_writes_nothing(name: str, tmp_path: Path) -> None:
    path = write(tmp_path, name, NOT_PRDS[name])
    out = tmp_path / "answers.yaml"
    assert run("import", str(path), "-o", str(out)) == (
        1,
        "",
        f"prd-forge: {path}: no section of an AI feature spec was recognised; nothing imported "
        "(is it a PRD? `prd-forge lint` shows what it finds)\n",
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("empty.md", b"\n\n", "empty file: nothing to lint"),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (contains NUL bytes)"),
        (
            "huge.md",
            b"# Big\n" + b"x" * (10 * 1024 * 1024),
            "is 10.0 MB, over the 10 MB limit",
        ),
    ],
)
def test_unreadable_input_is_one_line_and_exit_1(
    name: str, data: bytes, why: str, tmp_path: Path
) -> None:
    path = write(tmp_path, name, data)
    code, stdout, stderr = run("import", str(path))
    assert (code, stdout) == (1, "")
    assert stderr.startswith(f"prd-forge: {path}: {why}") and stderr.endswith(
        "; nothing imported\n"
    )
    assert stderr.count("\n") == 1


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    assert run("import", str(tmp_path / "nope.md")) == (
        2,
        "",
        f"prd-forge: error: {tmp_path / 'nope.md'}: no such file; "
        "give the path of a Markdown PRD\n",
    )


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = write(tmp_path, "answers.yaml", b"keep: me\n")
    prd = ROOT / "samples" / "support-reply-copilot.md"
    code, _, stderr = run("import", str(prd), "-o", str(out))
    assert (code, stderr) == (
        2,
        f"prd-forge: error: {out}: already exists; use --force to overwrite it\n",
    )
    assert out.read_bytes() == b"keep: me\n"
    assert run("import", str(prd), "-o", str(out), "--force")[0] == 0


def test_a_windows_1252_prd_is_imported_with_one_warning(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "importer" / "fixtures" / "hand-written.md").read_bytes()
    path = write(tmp_path, "word.md", text.replace(b"\n\n", b"\n\nIt\x92s from Word.\n\n", 1))
    line = text.split(b"\n\n")[0].count(b"\n") + 3
    code, _, stderr = run("import", str(path), "-o", str(tmp_path / "answers.yaml"))
    assert code == 0
    assert stderr.startswith(
        f"prd-forge: warning: {path}: not UTF-8 (byte 0x92 on line {line}): read as "
        "Windows-1252; save it as UTF-8\n"
    )
