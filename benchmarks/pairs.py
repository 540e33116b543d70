"""The targets' ratios, timed pair by pair: a target's two commands in turn, several times.

Timed minutes apart, two commands meet the machine at different speeds. On the 2-core machine of
benchmarks/README.md the floor's median moved from 1.90 s to 2.26 s between runs of one day, more
than the changes being measured, and the same commit read 0.61x and 0.73x the floor. So after
the table's timings each target's two commands run again in alternation (bottom, top, bottom,
top, ...), and the target is the median of the pairs' ratios, as benchmarks/compare.py compares
two installs: a drift slows both sides of a pair alike. Stdlib only.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from benchmarks.timing import Timing, plan_runs, run_once

# (top, bottom): the commands whose ratio a target bounds, by their keys in benchmarks/run.py.
PAIRS: Final = (
    ("lint-corpus", "floor"),
    ("lint-warm", "floor"),
    ("lint-warm", "rumdl-warm"),
    ("lint-changed", "lint-warm"),
    ("markdownlint-cli2-corpus", "lint-corpus"),
    ("lint-corpus", "rumdl-corpus"),
    ("lint-small", "import"),
    ("lint-big", "lint-half"),
)


@dataclass
class Paired:
    """`top` ÷ `bottom`, run by run: the wall and the CPU ratio of each pair; or why none."""

    top: str
    bottom: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    error: str = ""

    @property
    def wall_ratio(self) -> float | None:
        return statistics.median(self.wall) if self.wall and not self.error else None

    @property
    def cpu_ratio(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu and not self.error else None


def key(top: str, bottom: str) -> str:
    return f"{top} / {bottom}"


def measure(
    commands: Mapping[str, Sequence[str]],
    results: Mapping[str, Timing],
    work: Path,
    *,
    rounds: Mapping[str, int],
    budget: float,
    timeout: float,
) -> dict[str, Paired]:
    """Each pair of PAIRS whose two commands both ran (in `results`): as many pairs as fit
    `budget` seconds, at most the rounds of the top command (`rounds`), at least one."""
    out: dict[str, Paired] = {}
    for top, bottom in PAIRS:
        a, b = results.get(top), results.get(bottom)
        if a is None or b is None or not a.ok or not b.ok:
            continue
        count = max(1, plan_runs(a.median + b.median, rounds[top], budget))
        print(f"  {key(top, bottom)}, {count} pairs ...", end=" ", flush=True)
        paired = in_turn(top, bottom, commands[top], commands[bottom], work, count, timeout)
        ratio = paired.wall_ratio
        print(f"{ratio:.2f}x" if ratio is not None else paired.error, flush=True)
        out[key(top, bottom)] = paired
    return out


def in_turn(
    top: str,
    bottom: str,
    top_command: Sequence[str],
    bottom_command: Sequence[str],
    work: Path,
    count: int,
    timeout: float,
) -> Paired:
    """`count` pairs, the bottom command then the top one (each was warmed up by the table's
    timings): top ÷ bottom for each pair, wall and CPU."""
    paired = Paired(top, bottom)
    for _ in range(count):
        seconds: list[float] = []
        cpu: list[float] = []
        for command in (bottom_command, top_command):
            elapsed, error = run_once(list(command), work, timeout, cpu)
            if error:
                paired.error = error
                return paired
            seconds.append(elapsed)
        if seconds[0] > 0:
            paired.wall.append(seconds[1] / seconds[0])
        if cpu[0] > 0:
            paired.cpu.append(cpu[1] / cpu[0])
    return paired
