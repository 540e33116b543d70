"""Timing commands: hyperfine when it is installed, else a plain loop; and peak memory.

Stdlib only. Every measurement runs the command as a fresh process without a shell, so start-up
is always included, as it is for a user. Linters exit 1 when they find something: exit codes 0 and
1 both count as a run; anything else marks the measurement as failed.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

OK_EXIT_CODES = (0, 1)


@dataclass
class Timing:
    """The wall times of one command, in seconds; or why there are none."""

    name: str
    times: list[float] = field(default_factory=list)
    error: str = ""
    cpu: list[float] = field(default_factory=list)  # user + system of all its processes

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def ok(self) -> bool:
        return bool(self.times) and not self.error

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def spread(self) -> str:
        if not self.times:
            return ""
        if len(self.times) == 1:
            return "1 run"
        return f"{min(self.times):.3f}-{max(self.times):.3f} s, n={len(self.times)}"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(
    command: list[str], cwd: Path, timeout: float, cpu: list[float] | None = None
) -> tuple[float, str]:
    """One run: (seconds, error or ''); appends its CPU seconds to `cpu` when given."""
    before = _children_cpu()
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return timeout, f"> {timeout:.0f} s (timed out)"
    except OSError as error:
        return 0.0, f"cannot run: {error}"
    elapsed = time.perf_counter() - start
    if cpu is not None:
        cpu.append(_children_cpu() - before)
    if done.returncode not in OK_EXIT_CODES:
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        return elapsed, f"exit {done.returncode}: {last[0][:120]}"
    return elapsed, ""


def plan_runs(first: float, rounds: int, budget: float) -> int:
    """How many more timed runs fit the per-command time budget (at most `rounds`).

    0 means the warm-up run was so long (over half the budget) that it is the measurement:
    warming caches matters little next to a run of many seconds.
    """
    if first <= 0:
        return rounds
    if first > budget / 2:
        return 0
    return max(1, min(rounds, int(budget / first)))


def _warm_up(
    name: str, command: list[str], cwd: Path, rounds: int, budget: float, timeout: float
) -> tuple[int, Timing | None]:
    """One warm-up run: how many timed runs fit the budget, or the Timing when none will run."""
    first, error = run_once(command, cwd, timeout)
    if error:
        return 0, Timing(name, [first] if "timed out" in error else [], error)
    runs = plan_runs(first, rounds, budget)
    return runs, Timing(name, [first]) if runs == 0 else None


def time_loop(
    name: str, command: list[str], cwd: Path, rounds: int, budget: float, timeout: float
) -> Timing:
    """Our own loop: one warm-up run, then up to `rounds` timed runs within `budget` seconds."""
    runs, skipped = _warm_up(name, command, cwd, rounds, budget, timeout)
    if skipped is not None:
        return skipped
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        elapsed, error = run_once(command, cwd, timeout, cpu)
        if error:
            return Timing(name, times, error, cpu)
        times.append(elapsed)
    return Timing(name, times, cpu=cpu)


def time_hyperfine(
    name: str, command: list[str], cwd: Path, rounds: int, budget: float, timeout: float
) -> Timing:
    """The same measurement through hyperfine (-N: no shell; -i: exit 1 is a finding)."""
    runs, skipped = _warm_up(name, command, cwd, rounds, budget, timeout)
    if skipped is not None:
        return skipped
    with tempfile.TemporaryDirectory() as scratch:
        export = Path(scratch) / "out.json"
        hyperfine = [
            "hyperfine", "-N", "-i", "--style", "none", "--warmup", "1" if runs > 1 else "0",
            "--runs", str(max(runs, 2)), "--export-json", str(export),
            " ".join(_quote(part) for part in command),
        ]  # fmt: skip
        done = subprocess.run(hyperfine, cwd=cwd, capture_output=True, timeout=timeout * 12)
        if done.returncode != 0 or not export.exists():
            return time_loop(name, command, cwd, rounds, budget, timeout)
        result = json.loads(export.read_text())["results"][0]
        codes = set(result.get("exit_codes") or [0])
    if not codes <= set(OK_EXIT_CODES):
        return Timing(name, [], f"exit codes {sorted(codes)}")
    cpu = float(result.get("user", 0.0)) + float(result.get("system", 0.0))
    return Timing(name, [float(t) for t in result["times"]], cpu=[cpu] if cpu else [])


def _quote(part: str) -> str:
    """hyperfine -N splits its command on whitespace, with shell-like quoting."""
    return f"'{part}'" if not part or any(c in part for c in " \t'\"") else part


def measure(
    name: str,
    command: list[str],
    cwd: Path,
    *,
    rounds: int,
    budget: float,
    timeout: float,
    use_hyperfine: bool,
) -> Timing:
    """Time `command`; hyperfine if asked and installed, else our own loop."""
    if use_hyperfine and shutil.which("hyperfine"):
        return time_hyperfine(name, command, cwd, rounds, budget, timeout)
    return time_loop(name, command, cwd, rounds, budget, timeout)


# Runs a command and prints the largest ru_maxrss (KiB) among the processes it waited for.
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def _tree_rss(root: int) -> int:
    """Resident bytes of the descendants of `root` (not root itself) now; 0 without /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
        rss[int(entry.name)] = int(statm[1]) * page
    total, stack = 0, list(children.get(root, []))
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def peak_rss(command: list[str], cwd: Path, timeout: float) -> tuple[int, str]:
    """Peak resident memory in bytes of `command` and its worker processes: (bytes, error).

    Samples the process tree every few milliseconds (so workers add up), and never reports
    less than the kernel's ru_maxrss of the largest single process.
    """
    wrapper = [sys.executable, "-c", _WRAPPER, *command]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(wrapper, cwd=cwd, stdout=out, stderr=errors)
        peak, deadline = 0, time.monotonic() + timeout
        while process.poll() is None and time.monotonic() < deadline:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.005)
        if process.poll() is None:
            process.kill()
            process.wait()
            return peak, f"> {timeout:.0f} s (timed out)"
        out.seek(0)
        errors.seek(0)
        largest_kib = out.read().decode().strip()
        stderr = errors.read().decode(errors="replace")
    if process.returncode not in OK_EXIT_CODES:
        last = stderr.strip().splitlines()[-1:] or [""]
        return peak, f"exit {process.returncode}: {last[0][:120]}"
    if largest_kib.isdigit():
        peak = max(peak, int(largest_kib) * 1024)
    return peak, ""
