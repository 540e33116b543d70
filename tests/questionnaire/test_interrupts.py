"""Nothing typed is lost: Ctrl-C, SIGTERM and SIGHUP keep the answer being typed; a full disk
or a PRD that appears mid-session is one line, with every answer in the draft and no half pair
of files written."""

from __future__ import annotations

import errno
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from prd_forge import _io
from prd_forge.cli import cli
from prd_forge.questionnaire import finish, prompts, session
from prd_forge.spec.load import load_spec
from tests.questionnaire.keys import CTRL_C, ENTER, run_with_keys
from tests.questionnaire.script import MONITORING, REVIEW, ROLLOUT, keys, partial_sample

OWNER = "Who owns monitoring"


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("prd_forge.commands.new.is_interactive", lambda: True)


def invoke(args: list[str], *typed: str) -> Result:
    return run_with_keys(lambda: CliRunner().invoke(cli, args), *typed)


def invoke_then_signal(
    args: list[str], signum: int, monkeypatch: pytest.MonkeyPatch, *typed: str
) -> Result:
    """Type `typed`; a second after the owner question opens, send `signum` to this process."""
    real = prompts._keeping_text

    def keeping(message: str, prompt: Any) -> Any:
        if message.startswith(OWNER):
            threading.Timer(1.0, os.kill, (os.getpid(), signum)).start()
        return real(message, prompt)

    monkeypatch.setattr(prompts, "_keeping_text", keeping)
    with create_pipe_input() as pipe:
        for chunk in typed:
            pipe.send_text(chunk)
        with create_app_session(input=pipe, output=DummyOutput()):
            return CliRunner().invoke(cli, args)


def _start(tmp_path: Path) -> tuple[Path, list[str]]:
    partial = partial_sample(tmp_path, drop=("monitoring", "rollout"))
    return tmp_path / "PRD.md", ["new", "-o", str(tmp_path / "PRD.md"), "--answers", str(partial)]


def _typing(draft: Path) -> dict[str, str]:
    saved: dict[str, Any] = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert saved["answers"]["monitoring"]["signals"][0]["name"] == "Re-route rate"
    typing: dict[str, str] = saved["typing"]
    return typing


def test_ctrl_c_keeps_the_answer_being_typed_and_offers_it_on_resume(
    interactive: None, tmp_path: Path
) -> None:
    prd, args = _start(tmp_path)
    result = invoke(args, *keys(MONITORING[:5]), "Support ML", CTRL_C)
    draft = tmp_path / ".PRD.draft.yaml"
    assert result.exit_code == 130
    assert result.output.endswith(
        f"Interrupted. Your answers are saved in {draft}.\n"
        "The answer you were typing is kept for that question.\n"
        f"Continue with: prd-forge new -o {prd} --resume\n"
    )
    typing = _typing(draft)
    assert typing["text"] == "Support ML"
    assert typing["question"].startswith(OWNER)

    # Resume: the typed text is the owner question's default, so Enter keeps it.
    rest = ["y", ENTER, *keys(MONITORING[6:] + ROLLOUT + REVIEW)]
    result = invoke(["new", "-o", str(prd)], *rest)
    assert result.exit_code == 0, result.output
    assert load_spec(tmp_path / "PRD.yaml").spec.monitoring.owner == "Support ML"


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_save_the_typing_and_exit_like_a_shell(
    interactive: None, tmp_path: Path, signum: int, code: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    prd, args = _start(tmp_path)
    result = invoke_then_signal(args, signum, monkeypatch, *keys(MONITORING[:5]), "On-call te")
    draft = tmp_path / ".PRD.draft.yaml"
    assert result.exit_code == code, result.output
    name = signal.Signals(signum).name
    assert result.output.endswith(
        f"Stopped by {name}. Your answers are saved in {draft}.\n"
        "The answer you were typing is kept for that question.\n"
        f"Continue with: prd-forge new -o {prd} --resume\n"
    )
    assert _typing(draft)["text"] == "On-call te"
    assert signal.getsignal(signum) is not None  # handlers are put back
    assert not prd.exists() and not (tmp_path / "PRD.yaml").exists()


def _fail_after(count: int, real: Callable[..., None]) -> Callable[..., None]:
    calls = [0]

    def write(path: Path, text: str, *, force: bool = False) -> None:
        calls[0] += 1
        if calls[0] > count:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, text, force=force)

    return write


def test_disk_full_during_a_draft_save_is_one_line(
    interactive: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prd, args = _start(tmp_path)
    monkeypatch.setattr(session, "write_atomic", _fail_after(3, _io.write_atomic))
    result = invoke(args, *keys(MONITORING + ROLLOUT + REVIEW))
    draft = tmp_path / ".PRD.draft.yaml"
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"prd-forge: error: {draft}: cannot save your answers (No space left on device); it "
        f"keeps those before; free some space, then continue with: "
        f"prd-forge new -o {prd} --resume"
    )
    assert "Traceback" not in result.output
    saved = yaml.safe_load(draft.read_text(encoding="utf-8"))  # the last save that worked
    assert saved["answers"]["feature"]["name"] == "Support reply copilot"
    assert "monitoring" in saved["answers"]
    assert not prd.exists()


def test_disk_full_at_the_end_writes_neither_file(
    interactive: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prd, args = _start(tmp_path)
    real = _io._write_temp

    def full_for_the_prd(target: Path, data: bytes, info: os.stat_result | None) -> Path:
        if target.name == "PRD.md":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(target, data, info)

    monkeypatch.setattr(_io, "_write_temp", full_for_the_prd)
    result = invoke(args, *keys(MONITORING + ROLLOUT + REVIEW))
    draft = tmp_path / ".PRD.draft.yaml"
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        f"prd-forge: error: {tmp_path / 'PRD.yaml'} and {prd}: cannot be written (No space "
        f"left on device), so neither was; your answers are kept in {draft}: then continue "
        f"with: prd-forge new -o {prd} --resume"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [".PRD.draft.yaml", "partial.yaml"]
    saved = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert saved["answers"]["rollout"]["phases"][0]["name"] == "Canary"


def test_a_prd_that_appears_mid_session_is_not_replaced(
    interactive: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prd, args = _start(tmp_path)
    real = finish.render_prd

    def someone_else_writes(*args: Any, **kwargs: Any) -> str:
        prd.write_text("theirs\n", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(finish, "render_prd", someone_else_writes)
    result = invoke(args, *keys(MONITORING + ROLLOUT + REVIEW))
    draft = tmp_path / ".PRD.draft.yaml"
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"prd-forge: {prd}: appeared while you were answering, so nothing was written; your "
        f"answers are kept in {draft}: move {prd} away, then continue with: "
        f"prd-forge new -o {prd} --resume"
    )
    assert prd.read_text(encoding="utf-8") == "theirs\n"
    assert not (tmp_path / "PRD.yaml").exists()
    assert draft.exists()
