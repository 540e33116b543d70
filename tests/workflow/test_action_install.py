"""action.yml's key and install steps, run for real: a virtual environment of its own from the
hash-checked lock, prd-forge built from the action's checkout offline, and only a `prd-forge`
command put on later steps' PATH (not that environment's python or pip). A cache hit skips
the locked install and still installs prd-forge itself."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from prd_forge import __version__
from tests.workflow.test_action_run import ROOT, run_step

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
LOCK = ROOT / "requirements" / "action.txt"
PYTHON = {
    "steps.python.outputs.python-path": sys.executable,
    "steps.python.outputs.python-version": "3.11.7",
}


def test_key_names_the_os_python_and_lock(tmp_path: Path) -> None:
    done = run_step("key", tmp_path, tmp_path / "runner", PYTHON)
    assert done.code == 0, done.stderr
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()[:16]
    assert done.outputs == {
        "key": f"prd-forge-venv-Linux-X64-py3.11.7-{digest}",
        "venv": str(tmp_path / "runner" / "prd-forge-venv"),
    }


def _install(runner: Path, cached: str) -> tuple[Path, Path]:
    venv = runner / "prd-forge-venv"
    steps = {
        **PYTHON,
        "steps.key.outputs.venv": str(venv),
        "steps.cache.outputs.cache-hit": cached,
    }
    done = run_step("install", runner.parent, runner, steps)
    assert done.code == 0, done.stdout + done.stderr
    (shim,) = done.path
    assert done.outputs == {"prd-forge": f"{shim}/prd-forge"}
    return venv, Path(shim)


def _freeze(venv: Path) -> dict[str, str]:
    """name -> version (or where from) of what the environment holds, besides the pip and
    setuptools that `python -m venv` itself seeds."""
    listed = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "freeze", "--all"],
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, str] = {}
    for line in listed.stdout.splitlines():
        name, _, version = line.replace(" @ ", "==").partition("==")
        found[canonicalize_name(name)] = version
    return {k: v for k, v in found.items() if k not in ("pip", "setuptools")}


def test_install_exposes_only_prd_forge_from_a_locked_environment(tmp_path: Path) -> None:
    runner = tmp_path / "runner"
    venv, shim = _install(runner, cached="")
    assert [p.name for p in shim.iterdir()] == ["prd-forge"]
    env = {"PATH": f"{shim}{os.pathsep}/usr/bin:/bin", "HOME": str(tmp_path)}
    version = subprocess.run(
        ["prd-forge", "--version"], env=env, capture_output=True, text=True, check=False
    )
    assert (version.returncode, version.stdout.strip().split()[-1]) == (0, __version__)
    which = subprocess.run(["bash", "-c", "command -v pip python3 python || true"], env=env,
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert str(venv) not in which.stdout
    locked: dict[str, str] = {
        canonicalize_name(name): version
        for name, _, version in (
            line.split(" ")[0].partition("==")
            for line in LOCK.read_text(encoding="utf-8").splitlines()
            if "==" in line and not line.startswith(("#", " "))
        )
    }
    assert _freeze(venv) == {**locked, "prd-forge": ROOT.as_uri()}

    # A cache hit keeps the restored environment (a package removed from it stays removed:
    # the lock is not installed again) and still installs prd-forge from the checkout.
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "uninstall", "-q", "-y",
                    "wcwidth"], check=True)  # fmt: skip
    _install(runner, cached="true")
    assert _freeze(venv) == {k: v for k, v in [*locked.items(), ("prd-forge", ROOT.as_uri())]
                             if k != "wcwidth"}  # fmt: skip
