"""The lint and rules commands: exact output and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
ENV = {"NO_COLOR": "", "GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": ""}


def _lint(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args], input=stdin, env={**ENV, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def test_clean_file_exits_0() -> None:
    assert _lint("ai-complete.md") == (0, "No findings in 1 file.\n", "")


def test_findings_exit_1_with_gcc_style_lines() -> None:
    code, out, err = _lint("crud.md")
    assert code == 1
    assert (
        out.splitlines()[2]
        == "crud.md:16:1: PRD101 metric has no numeric target: 'Filters load fast.'"
    )
    assert out.splitlines()[-1] == "5 findings (1 error, 2 warning, 2 info) in 1 file."
    assert err == ""


def test_fail_level_info_fails_on_info_only() -> None:
    assert _lint("crud.md", "--select", "PRD004")[0] == 0
    assert _lint("crud.md", "--select", "PRD004", "--fail-level", "info")[0] == 1


def test_missing_path_is_exit_2_and_others_still_linted() -> None:
    code, out, err = _lint("nope.md", "ai-complete.md")
    assert code == 2
    assert out == "No findings in 1 file. 1 file could not be linted.\n"
    assert err == "prd-forge: error: nope.md: no such file or folder; check the path\n"


@pytest.mark.parametrize("extra", [(), ("--summary",), ("--statistics",)])
def test_only_missing_paths_print_only_the_errors(extra: tuple[str, ...]) -> None:
    code, out, err = _lint("nope.md", "gone/", *extra)
    assert (code, out) == (2, "")
    assert err == (
        "prd-forge: error: gone/: no such file or folder; check the path\n"
        "prd-forge: error: nope.md: no such file or folder; check the path\n"
    )


def test_stdin() -> None:
    text = (FIXTURES / "crud.md").read_text()
    code, out, _ = _lint("-", "--stdin-filename", "crud.md", stdin=text)
    assert code == 1
    assert out.startswith("crud.md:1:1: PRD004")


def test_unknown_selector_is_a_usage_error() -> None:
    code, _, err = _lint("crud.md", "--select", "fallback-section")
    assert code == 2
    assert "unknown rule or concern 'fallback-section'" in err


def test_color_only_when_asked_and_never_with_no_color() -> None:
    _, plain, _ = _lint("crud.md")
    _, colored, _ = _lint("crud.md", "--color", "always")
    _, forced_off, _ = _lint("crud.md", "--color", "always", env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert "\x1b[31mPRD101\x1b[0m" in colored
    assert forced_off == plain


def test_auto_format_is_github_under_actions(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    code, out, _ = _lint("crud.md", env=env)
    assert code == 1
    assert out.startswith("::error file=crud.md,line=16,col=1,title=PRD101 metric-without-target::")
    assert "| `crud.md` |" in summary.read_text()


def test_preset_strict_turns_warnings_into_errors() -> None:
    code, out, _ = _lint("crud.md", "--preset", "strict", "--select", "PRD161")
    assert code == 1
    assert out.splitlines()[-1] == "1 finding (1 error) in 1 file."


def test_rules_list_and_explain() -> None:
    runner = CliRunner()
    listing = runner.invoke(cli, ["rules"]).stdout
    assert listing.splitlines()[0].startswith("PRD001  missing-section")
    explained = runner.invoke(cli, ["rules", "metric-without-target"])
    assert explained.exit_code == 0
    assert explained.stdout.startswith("PRD101 metric-without-target\nconcern: metrics")
    unknown = runner.invoke(cli, ["rules", "PRD999"])
    assert unknown.exit_code == 2
    assert "no rule 'PRD999'" in unknown.stderr


@pytest.mark.parametrize(
    ("selector", "message"),
    [
        # a zero too many (PRD999 ties with every PRDx9x code, and the last one added won)
        ("PRD0001", "unknown rule or concern 'PRD0001'; did you mean 'PRD001'?"),
        ("PRD9", "unknown rule or concern 'PRD9'; "),
        (
            "vague-quality-wrd",
            "unknown rule or concern 'vague-quality-wrd'; did you mean 'vague-quality-word'?",
        ),
        ("fallback", "unknown rule or concern 'fallback'; did you mean 'fallbacks'?"),
    ],
)
def test_unknown_codes_are_errors_with_the_nearest_name(selector: str, message: str) -> None:
    code, out, err = _lint("crud.md", "--select", selector)
    assert (code, out) == (2, "")
    assert f"Invalid value for --select: {message}" in err


def test_code_prefixes_that_match_rules_are_accepted() -> None:
    code, out, _ = _lint("crud.md", "--select", "PRD1")
    assert code == 1
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["PRD101", "PRD103", "PRD161"]
    assert out.splitlines()[-1] == "3 findings (1 error, 2 warning) in 1 file."


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    code, out, err = _lint("crud.md", "--output-file", str(target))
    assert (code, out, err) == (1, "", "")
    _, expected, _ = _lint("crud.md")
    assert target.read_text(encoding="utf-8") == expected


def test_output_file_in_a_missing_folder_is_exit_2(tmp_path: Path) -> None:
    code, _, err = _lint("crud.md", "-o", str(tmp_path / "nope" / "r.txt"))
    assert code == 2
    assert (
        err == f"prd-forge: error: {tmp_path / 'nope' / 'r.txt'}: cannot write the report "
        "(No such file or directory)\n"
    )


def test_quiet_prints_findings_only() -> None:
    _, full, _ = _lint("crud.md")
    code, quiet, _ = _lint("crud.md", "--quiet")
    assert code == 1
    assert quiet == "".join(f"{line}\n" for line in full.splitlines()[:-1])
    assert _lint("ai-complete.md", "-q") == (0, "", "")


def test_statistics_counts_by_rule() -> None:
    code, out, _ = _lint("crud.md", "hollow.md", "--statistics")
    assert code == 1
    lines = out.splitlines()
    assert lines[:3] == [
        "3  PRD002  hollow-section  error",
        "3  PRD004  missing-recommended-section  info",
        "1  PRD001  missing-section  error",
    ]
    assert lines[-2] == "1  PRD211  genai-risks-unaddressed  warning"
    assert lines[-1] == "12 findings (5 error, 4 warning, 3 info) in 2 files."
    assert sum(int(line.split()[0]) for line in lines[:-1]) == 12


def test_statistics_and_quiet_go_with_text_only() -> None:
    code, _, err = _lint("crud.md", "--statistics", "--format", "json")
    assert code == 2
    assert "--statistics goes with --format text" in err


def test_force_color_colours_piped_output_unless_no_color() -> None:
    _, forced, _ = _lint("crud.md", env={"FORCE_COLOR": "1"})
    _, both, _ = _lint("crud.md", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    _, never, _ = _lint("crud.md", "--color", "never", env={"FORCE_COLOR": "1"})
    assert "\x1b[31mPRD101\x1b[0m" in forced
    assert "\x1b[" not in both + never
