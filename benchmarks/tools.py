"""Installing what the benchmark runs, into benchmarks/.work/ (gitignored), by itself.

Stdlib only. A fresh machine has Python and pip; npm is optional (markdownlint-cli2 is skipped
with a note without it). Installs are stamped, so a second run reuses them.

- `venv/`: this checkout of prd-forge (editable, so perf changes are measured without reinstall).
- `peers/`: pymarkdownlnt and rumdl from PyPI.
- `node/`: markdownlint-cli2 from npm.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Pinned to the versions in shared research (linters.md section 4), so runs stay comparable.
PYPI_PEERS = ("pymarkdownlnt==0.9.41", "rumdl==0.3.0")
NPM_PEER = "markdownlint-cli2@0.22.1"


@dataclass
class Tools:
    """Where each program is; a missing peer is None, with the reason in `notes`."""

    python: Path
    prd_forge: list[str]
    pymarkdown: Path | None = None
    rumdl: Path | None = None
    markdownlint: Path | None = None
    notes: list[str] = field(default_factory=list)

    def peers(self) -> list[tuple[str, Path | None]]:
        return [
            ("pymarkdown", self.pymarkdown),
            ("rumdl", self.rumdl),
            ("markdownlint-cli2", self.markdownlint),
        ]


def _quiet(command: list[str], cwd: Path = ROOT) -> str:
    """Run an install step; '' on success, else the last line of its output."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode == 0:
        return ""
    lines = (done.stderr or done.stdout).strip().splitlines() or ["failed"]
    return lines[-1][:160]


def _stamped(folder: Path, key: str) -> bool:
    stamp = folder / ".bench-stamp"
    return stamp.exists() and stamp.read_text() == key


def _stamp(folder: Path, key: str) -> None:
    (folder / ".bench-stamp").write_text(key)


def _venv(folder: Path, packages: list[str], key: str) -> str:
    """A virtual environment at `folder` with `packages` installed; '' or an error."""
    if _stamped(folder, key):
        return ""
    if not (folder / "bin" / "python").exists():
        error = _quiet([sys.executable, "-m", "venv", str(folder)])
        if error:
            return f"venv: {error}"
    error = _quiet([str(folder / "bin" / "python"), "-m", "pip", "install", "-q", *packages])
    if error:
        return f"pip install {' '.join(packages)}: {error}"
    _stamp(folder, key)
    return ""


def prd_forge_command(python: Path) -> list[str]:
    """The console script beside `python` when there is one (what users run), else `-m`."""
    script = python.parent / "prd-forge"
    return [str(script)] if script.exists() else [str(python), "-m", "prd_forge"]


def install_prd_forge(work: Path) -> Path:
    """This checkout, editable, in work/venv; returns its interpreter. Exits on failure."""
    key = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    print("setting up prd-forge in benchmarks/.work/venv ...", flush=True)
    error = _venv(work / "venv", ["-e", str(ROOT)], key)
    if error:
        sys.exit(f"benchmark: cannot install prd-forge: {error}")
    return work / "venv" / "bin" / "python"


def install_peers(tools: Tools, work: Path) -> None:
    """pymarkdownlnt and rumdl in work/peers, markdownlint-cli2 in work/node; notes on failure."""
    print("setting up peers (pymarkdownlnt, rumdl, markdownlint-cli2) ...", flush=True)
    peers = work / "peers"
    error = _venv(peers, list(PYPI_PEERS), " ".join(PYPI_PEERS))
    if error:
        tools.notes.append(f"pymarkdown and rumdl skipped: {error}")
    else:
        tools.pymarkdown, tools.rumdl = peers / "bin" / "pymarkdown", peers / "bin" / "rumdl"
    npm = shutil.which("npm")
    if npm is None:
        tools.notes.append("markdownlint-cli2 skipped: npm is not installed")
        return
    node = work / "node"
    if not _stamped(node, NPM_PEER):
        node.mkdir(parents=True, exist_ok=True)
        error = _quiet([npm, "install", "--silent", "--prefix", str(node), NPM_PEER])
        if error:
            tools.notes.append(f"markdownlint-cli2 skipped: npm install: {error}")
            return
        _stamp(node, NPM_PEER)
    tools.markdownlint = node / "node_modules" / ".bin" / "markdownlint-cli2"


def compile_bytecode(python: Path) -> None:
    """Write prd-forge's .pyc files, as a wheel install does.

    An editable install under PYTHONDONTWRITEBYTECODE (set on some CI and dev machines) would
    otherwise compile every module from source on every run, and start-up would measure that.
    """
    _quiet([str(python), "-m", "compileall", "-q", str(ROOT / "prd_forge")])


def version_of(command: list[str]) -> str:
    """The first line a tool prints when asked its version (for the record)."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0][:60] if text else "?"
