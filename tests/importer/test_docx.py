"""`prd-forge import` of Word documents: through mammoth, with the converted lines reported."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.spec.load import load_spec
from tests.importer.docx_files import bullet, heading, make_docx, paragraph, table


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def prd(tmp_path: Path) -> Path:
    return make_docx(
        tmp_path / "triage.docx",
        heading("Invoice triage assistant"),
        paragraph(" Mira Okonkwo (AP Tools PM)", label="Owner:"),
        heading("Launch plan", 2),
        bullet("10% of clerks for two weeks"),
        bullet("Everyone after that"),
        paragraph(" Feature flag triage_on, owned by AP tools on-call", label="Kill switch:"),
        heading("Success metrics", 2),
        table([["Metric", "Baseline", "Target"], ["Invoices routed correctly", "71%", "≥ 90%"]]),
    )


CONVERTED = """# Invoice triage assistant

**Owner:** Mira Okonkwo (AP Tools PM)

## Launch plan

- 10% of clerks for two weeks
- Everyone after that

**Kill switch:** Feature flag triage_on, owned by AP tools on-call

## Success metrics

| Metric | Baseline | Target |
|---|---|---|
| Invoices routed correctly | 71% | ≥ 90% |
"""


def test_headings_lists_and_tables_survive_conversion(prd: Path) -> None:
    assert run("import", str(prd), "--show-converted") == (0, CONVERTED, "")


def test_a_word_prd_imports_and_the_report_refers_to_the_converted_lines(
    prd: Path, tmp_path: Path
) -> None:
    out = tmp_path / "triage.yaml"
    code, stdout, report = run("import", str(prd), "-o", str(out), "--report")
    assert (code, stdout) == (0, "")
    spec = load_spec(out).spec
    assert (spec.feature.name, spec.feature.owner) == (
        "Invoice triage assistant",
        "Mira Okonkwo (AP Tools PM)",
    )
    assert [phase.name for phase in spec.rollout.phases] == [
        "10% of clerks for two weeks",
        "Everyone after that",
    ]
    assert spec.rollout.kill_switch == "Feature flag triage_on, owned by AP tools on-call"
    assert spec.metrics[0].target is not None and spec.metrics[0].target.value == 90
    lines = report.splitlines()
    assert "  line 3: feature.owner" in lines and "  line 10: rollout.kill_switch" in lines
    assert CONVERTED.splitlines()[9].startswith("**Kill switch:**")


def test_a_corrupt_docx_is_one_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    code, stdout, stderr = run("import", str(broken))
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"prd-forge: error: {broken}: is not a readable .docx (BadZipFile); "
        "open it in Word and save it again as .docx\n"
    )


def test_a_zip_that_is_no_word_document_is_one_line_and_exit_2(tmp_path: Path) -> None:
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "hi")
    code, _, stderr = run("import", str(other))
    assert code == 2
    assert stderr.startswith(f"prd-forge: error: {other}: is not a readable .docx (")
    assert stderr.count("\n") == 1


def test_a_password_protected_docx_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # Word saves an encrypted document as an OLE compound file around the encrypted package.
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert run("import", str(locked)) == (
        2,
        "",
        f"prd-forge: error: {locked}: is password-protected (or an old binary .doc); "
        "save an unprotected copy as .docx and import that\n",
    )


def test_without_mammoth_the_message_says_how_to_install_it(
    prd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "mammoth", None)  # import mammoth now raises ImportError
    assert run("import", str(prd)) == (
        2,
        "",
        f"prd-forge: error: {prd}: reading Word documents needs mammoth: "
        "pip install 'prd-forge[docx]'\n",
    )


def test_lint_reads_a_docx_as_its_converted_markdown(tmp_path: Path) -> None:
    doc = make_docx(
        tmp_path / "brief.docx",
        heading("Invoice triage assistant"),
        heading("Rollout", 2),
        bullet("10% of clerks for two weeks"),
    )
    code, stdout, _ = run("lint", str(doc), "--format", "json")
    assert code == 1
    assert run("import", str(doc), "--show-converted")[1].splitlines()[2] == "## Rollout"
    assert f'"path": "{doc}"' in stdout
    assert '"code": "PRD161"' in stdout and '"line": 3' in stdout


def test_lint_of_a_corrupt_docx_is_one_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    code, _, stderr = run("lint", str(broken))
    assert code == 2
    assert f"{broken}: is not a readable .docx (BadZipFile)" in stderr
