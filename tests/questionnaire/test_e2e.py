"""`prd-forge new` in a real pseudo-terminal (pexpect): what only a terminal shows.

PROMPT_TOOLKIT_NO_CPR=1 stops prompt_toolkit from waiting on a cursor-position reply that
pexpect never sends. Match on prompt text, not on the `?` mark (colour codes sit between).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest
import yaml

from prd_forge.spec.load import load_spec
from tests.questionnaire.script import (
    MINIMAL_SPEC,
    MONITORING,
    QUICK,
    REVIEW,
    ROLLOUT,
    SAMPLE,
    Step,
    partial_sample,
)

pytestmark = pytest.mark.e2e

Spawn = Callable[..., pexpect.spawn]
ENV = {"TERM": "xterm-256color", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Spawn]:
    children: list[pexpect.spawn] = []

    def start(*args: str) -> pexpect.spawn:
        env = {**os.environ, **ENV, "COLUMNS": "120", "LINES": "40"}
        child = pexpect.spawn(
            sys.executable,
            ["-m", "prd_forge", *args],
            cwd=tmp_path,
            env=env,
            encoding="utf-8",
            dimensions=(40, 120),
            timeout=30,
        )
        child.delaybeforesend = None
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def type_steps(child: pexpect.spawn, steps: list[Step]) -> None:
    for text, keys in steps:
        child.expect_exact(text)
        child.send(keys)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    status: int = child.exitstatus
    return status


def test_a_whole_minimal_spec_typed_from_nothing_lints_clean(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn("new")
    child.expect_exact("Section 1/15: Problem and user need")
    type_steps(child, MINIMAL_SPEC)
    child.expect_exact("Wrote PRD.yaml (answers) and PRD.md (the PRD).")
    assert finish(child) == 0
    spec = load_spec(tmp_path / "PRD.yaml").spec
    assert spec.feature.name == "Ticket triage"
    assert spec.failure_modes.modes[0].fallbacks == ["manual-routing"]
    assert not (tmp_path / ".PRD.draft.yaml").exists()
    lint = subprocess.run(
        [sys.executable, "-m", "prd_forge", "lint", "PRD.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (lint.returncode, lint.stdout.strip()) == (0, "No findings in 1 file.")


def test_ctrl_c_then_resume_without_retyping(spawn: Spawn, tmp_path: Path) -> None:
    # Pre-fill all but monitoring and rollout, so the run is short; the resume is the point.
    partial_sample(tmp_path, drop=("monitoring", "rollout"))
    child = spawn("new", "--answers", "partial.yaml")
    child.expect_exact("Section 12/15: Monitoring")
    type_steps(child, MONITORING[:5])
    child.expect_exact("Who owns monitoring")
    child.sendcontrol("c")
    child.expect_exact("Interrupted. Your answers are saved in .PRD.draft.yaml.")
    child.expect_exact("Continue with: prd-forge new -o PRD.md --resume")
    assert finish(child) == 130
    assert not (tmp_path / "PRD.md").exists()

    child = spawn("new", "--resume")
    child.expect_exact("Section 12/15: Monitoring")
    # The signal typed before Ctrl-C is kept: the next question is the one that was open.
    type_steps(child, [*MONITORING[5:], *ROLLOUT, *REVIEW])
    child.expect_exact("Wrote PRD.yaml (answers) and PRD.md (the PRD).")
    assert finish(child) == 0
    spec = load_spec(tmp_path / "PRD.yaml").spec
    assert [s.name for s in spec.monitoring.signals] == ["Re-route rate"]
    assert spec.monitoring.owner == "Support ML on-call"
    assert spec.feature.name == "Support reply copilot"
    assert not (tmp_path / ".PRD.draft.yaml").exists()


def test_refuses_to_overwrite_before_the_first_question(spawn: Spawn, tmp_path: Path) -> None:
    (tmp_path / "PRD.md").write_text("keep me\n")
    child = spawn("new")
    child.expect_exact("PRD.md: already exists; use --force to overwrite it")
    assert finish(child) == 1
    assert "What is the feature called?" not in (child.before or "")
    assert (tmp_path / "PRD.md").read_text() == "keep me\n"
    assert not (tmp_path / "PRD.yaml").exists()


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_tmux_screen_shows_section_heading_help_and_example(tmp_path: Path) -> None:
    server = ["tmux", "-L", f"prdforge{os.getpid()}"]
    command = f"env PROMPT_TOOLKIT_NO_CPR=1 {sys.executable} -m prd_forge new"
    session = ["new-session", "-d", "-s", "t", "-x", "120", "-y", "30", "-c", str(tmp_path)]
    subprocess.run([*server, *session, command], check=True)
    try:
        screen = ""
        deadline = time.monotonic() + 30
        while "What is the feature called?" not in screen and time.monotonic() < deadline:
            time.sleep(0.1)
            screen = subprocess.run(
                [*server, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True
            ).stdout
        lines = [line.rstrip() for line in screen.splitlines() if line.strip()]
        assert lines[:5] == [
            "Section 1/15: Problem and user need",
            "Without evidence of a real user need, AI gets built for its own sake.",
            "  Section 1/15 · question 1 of about 124 · required · Ctrl-B: back one question",
            "  A short name reviewers will recognise.  e.g. Support reply copilot",
            "? What is the feature called?",
        ]
    finally:
        subprocess.run([*server, "kill-server"], check=False)


FALLBACK: list[Step] = [
    ("What triggers it?", "timeout\r"),
    ("When exactly does it trigger?", "No draft within 3 s\r"),
    ("What does the feature do instead?", "hide-the-feature\r"),
    ("Describe the fallback.", "The draft panel stays empty.\x1b\r"),
]


def test_a_duplicate_id_is_refused_at_its_prompt(spawn: Spawn, tmp_path: Path) -> None:
    partial_sample(tmp_path, drop=("fallbacks",))
    child = spawn("new", "--answers", "partial.yaml")
    child.expect_exact("Section 9/15: Fallbacks")
    type_steps(child, [("Add a fallback?", "y"), *FALLBACK])
    type_steps(child, [("Short id for this fallback?", "\x15route-to-agent\r")])
    type_steps(child, [("Which UX state does the user see?", "error\r")])
    type_steps(child, [("Add another fallback?", "y"), *FALLBACK])
    child.expect_exact("Short id for this fallback?")
    child.send("\x15route-to-agent\r")
    child.expect_exact(
        "'route-to-agent' is already the id of another entry; give this one its own id"
    )
    child.sendcontrol("c")
    assert finish(child) == 130


def test_back_one_question_restores_the_previous_answer(spawn: Spawn, tmp_path: Path) -> None:
    child = spawn("new")
    type_steps(child, [("What is the feature called?", "Ticket triage\r")])
    child.expect_exact("Who owns this spec")
    child.sendcontrol("b")
    child.expect_exact("What is the feature called?")
    child.send("\r")  # the previous answer is the default
    type_steps(child, [("Who owns this spec", "Dana Reyes\r")])
    child.expect_exact("What is the status of this spec?")
    child.sendcontrol("c")
    assert finish(child) == 130
    draft = (tmp_path / ".PRD.draft.yaml").read_text()
    assert "name: Ticket triage\n" in draft and "owner: Dana Reyes\n" in draft


def test_the_review_shows_each_gap_and_its_fix(spawn: Spawn, tmp_path: Path) -> None:
    partial_sample(tmp_path, drop=("monitoring",))
    child = spawn("new", "--answers", "partial.yaml")
    type_steps(child, [("Add a signal?", "n"), ("Who owns monitoring", "\r")])
    type_steps(child, [("How often are the signals reviewed?", "Daily\r")])
    type_steps(child, [("What triggers retraining", "\r")])
    child.expect_exact("12. Monitoring")
    child.expect_exact(
        "gap: monitoring.owner: is missing (answer: Who owns monitoring and responds to alerts?)"
    )
    child.expect_exact("Write now, or pick a section to change")
    child.sendcontrol("c")
    assert finish(child) == 130


def test_quick_from_nothing_to_a_draft_prd_in_at_most_30_prompts(
    spawn: Spawn, tmp_path: Path
) -> None:
    child = spawn("new", "--quick")
    child.expect_exact("Section 1/15: Problem and user need")
    child.expect_exact("Section 1/15 · question 1 of about 27 · required")
    type_steps(child, QUICK)
    child.expect_exact("Wrote PRD.yaml (answers) and PRD.md (the PRD).")
    assert finish(child) == 0
    assert len(QUICK) <= 30
    spec = load_spec(tmp_path / "PRD.yaml").spec
    assert spec.feature.status == "draft"
    assert spec.failure_modes.modes[0].id == "plausible-but-incorrect"
    assert spec.failure_modes.modes[0].fallbacks == ["route-to-human"]
    assert spec.evaluation.offline_sets[0].thresholds[0].metric == "Time to follow-up"
    assert {q.blocks for q in spec.open_questions} >= {"data", "ux-states", "rollout"}
    check = subprocess.run(
        [sys.executable, "-m", "prd_forge", "check", "PRD.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0
    assert check.stdout.splitlines()[-1].startswith("PRD.yaml: ok (draft): 0 errors")


def test_an_interrupted_edit_of_one_section_resumes_in_that_section(
    spawn: Spawn, tmp_path: Path
) -> None:
    (tmp_path / "spec.yaml").write_text(SAMPLE.read_text())
    child = spawn("edit", "spec.yaml", "--section", "monitoring")
    child.expect_exact("Section 12/15: Monitoring")
    type_steps(child, [("Monitoring signals (", "\r")])  # Done: saved to the draft
    child.expect_exact("Who owns monitoring")
    child.sendcontrol("c")
    child.expect_exact("Continue with: prd-forge edit spec.yaml --section monitoring")
    assert finish(child) == 130

    child = spawn("edit", "spec.yaml")  # without --section, as a hurried PM would
    type_steps(child, [("An unfinished edit exists", "y")])
    child.expect_exact("Section 12/15: Monitoring")
    assert "Section 1/15" not in (child.before or "")
    child.expect_exact("Add a signal")  # the menu is up: Ctrl-C now reaches the prompt
    child.sendcontrol("c")
    assert finish(child) == 130


def test_sighup_in_a_terminal_keeps_the_typed_answer(spawn: Spawn, tmp_path: Path) -> None:
    partial_sample(tmp_path, drop=("monitoring", "rollout"))
    child = spawn("new", "--answers", "partial.yaml")
    child.expect_exact("Section 12/15: Monitoring")
    type_steps(child, MONITORING[:5])
    child.expect_exact("Who owns monitoring")
    child.send("Support M")
    child.expect_exact("Support M")
    child.kill(signal.SIGHUP)
    child.expect_exact("Stopped by SIGHUP. Your answers are saved in .PRD.draft.yaml.")
    child.expect_exact("Continue with: prd-forge new -o PRD.md --resume")
    assert finish(child) == 129
    draft = yaml.safe_load((tmp_path / ".PRD.draft.yaml").read_text(encoding="utf-8"))
    assert draft["typing"]["text"] == "Support M"
