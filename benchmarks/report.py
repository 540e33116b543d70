"""The results table and the target checks of the benchmark (stdlib only, pure functions)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.pairs import Paired
from benchmarks.pairs import key as pair_key
from benchmarks.timing import Timing

MB = 1024 * 1024

# input -> (the floor to divide by, prd-forge's own time on that input)
REFERENCES = {
    "small": ("import", "lint-small"),
    "corpus": ("floor", "lint-corpus"),
    "warm": ("floor", "lint-corpus"),
    "changed": ("floor", "lint-corpus"),
    "half": ("floor-half", "lint-half"),
    "big": ("floor-big", "lint-big"),
}
START_UP = {"python", "import", "version"}


def input_of(key: str) -> str:
    if key in START_UP:
        return "small"
    if key == "floor":
        return "corpus"
    return key.rsplit("-", 1)[-1]


@dataclass(frozen=True)
class Target:
    """One target of issue 7, checked on this run's numbers."""

    name: str
    value: str
    bound: str
    status: str  # met | missed | n/a


def _ratio(results: dict[str, Timing], top: str, bottom: str) -> float | None:
    a, b = results.get(top), results.get(bottom)
    if a is None or b is None or not a.ok or not b.ok or b.median <= 0:
        return None
    return a.median / b.median


class _Ratios:
    """A target's ratio: the median of its pairs' ratios (benchmarks/pairs.py) where they were
    timed in turn, else the ratio of the two commands' medians in the table."""

    def __init__(self, results: dict[str, Timing], paired: dict[str, Paired]) -> None:
        self.results = results
        self.paired = paired

    def wall(self, top: str, bottom: str) -> float | None:
        pair = self.paired.get(pair_key(top, bottom))
        if pair is not None:
            return pair.wall_ratio
        return _ratio(self.results, top, bottom)

    def cpu(self, top: str, bottom: str) -> float | None:
        pair = self.paired.get(pair_key(top, bottom))
        if pair is not None:
            return pair.cpu_ratio
        return _cpu_ratio(self.results, top, bottom)


def _check(name: str, value: float | None, bound: float, ok: Callable[[float], bool]) -> Target:
    if value is None:
        return Target(name, "not measured", f"{bound:g}", "n/a")
    return Target(name, f"{value:.2f}", f"{bound:g}", "met" if ok(value) else "missed")


def _cpu_ratio(results: dict[str, Timing], top: str, bottom: str) -> float | None:
    a, b = results.get(top), results.get(bottom)
    if a is None or b is None or a.cpu_median is None or not b.cpu_median:
        return None
    return a.cpu_median / b.cpu_median


# Issue 16's targets; a stretch target is reported but never fails --strict.
STRETCH = "(stretch) "


GROWTH_BOUND = 2.5  # issue 16: doubling any of tests/perf's shapes at most 2.5x the time


def targets(
    results: dict[str, Timing],
    paired: dict[str, Paired],
    rss: int,
    rss_error: str,
    growth: float | None = None,
) -> list[Target]:
    """Cold and warm corpus vs the floor and the peers, one file, growth, memory; `growth` is
    the worst t(2n) / t(n) over tests/perf's shapes (benchmarks/growth.py)."""
    r = _Ratios(results, paired)
    memory = None if rss_error or not rss else rss / MB
    return [
        _check("corpus lint / floor, wall (<=)", r.wall("lint-corpus", "floor"), 0.5,
               lambda v: v <= 0.5),
        _check("corpus lint / floor, CPU (<=)", r.cpu("lint-corpus", "floor"), 1.0,
               lambda v: v <= 1.0),
        _check("warm cache / floor (<=)", r.wall("lint-warm", "floor"), 0.1,
               lambda v: v <= 0.1),
        _check("warm cache / rumdl's cache (<=)", r.wall("lint-warm", "rumdl-warm"), 1.0,
               lambda v: v <= 1.0),
        _check("one changed / warm cache (<=)", r.wall("lint-changed", "lint-warm"), 1.1,
               lambda v: v <= 1.1),
        _check("markdownlint-cli2 / corpus lint (>=)",
               r.wall("markdownlint-cli2-corpus", "lint-corpus"), 10, lambda v: v >= 10),
        _check(STRETCH + "corpus lint / rumdl cold (<=)", r.wall("lint-corpus", "rumdl-corpus"),
               2, lambda v: v <= 2),
        _check("one file / import markdown_it (<=)", r.wall("lint-small", "import"), 1.3,
               lambda v: v <= 1.3),
        _check("lint 2 MB / lint 1 MB (<=)", r.wall("lint-big", "lint-half"), 2.2,
               lambda v: v <= 2.2),
        _check("tests/perf shapes, worst 2n / n (<=)", growth, GROWTH_BOUND,
               lambda v: v <= GROWTH_BOUND),
        _check("peak RSS on the corpus, MB (<)", memory, 100, lambda v: v < 100),
    ]  # fmt: skip


def _times(timing: Timing | None, reference: Timing | None) -> str:
    if timing is None or reference is None or not timing.ok or not reference.ok:
        return ""
    return f"{timing.median / reference.median:.2f}x"


def table(results: dict[str, Timing]) -> list[str]:
    header = (
        f"{'command':<44} {'median':>9}  {'spread':<26} {'÷ floor':>8} {'÷ prd-forge':>11}"
        f" {'CPU':>8}"
    )
    lines = [header, "-" * len(header)]
    for key, timing in results.items():
        floor, lint = REFERENCES[input_of(key)]
        if not timing.ok:
            lines.append(f"{timing.name:<44} {'—':>9}  {timing.error}")
            continue
        ratios = f"{_times(timing, results.get(floor)):>8} {_times(timing, results.get(lint)):>11}"
        median = f"{timing.median:.3f} s"
        cpu = f"{timing.cpu_median:.3f} s" if timing.cpu_median is not None else ""
        lines.append(f"{timing.name:<44} {median:>9}  {timing.spread():<26} {ratios} {cpu:>8}")
    return lines


def pair_lines(paired: dict[str, Paired]) -> list[str]:
    """The targets' pairs: each ratio's median over the pairs, wall and CPU, and their count."""
    lines = [f"{'timed in turn: top / bottom':<44} {'wall':>7} {'CPU':>7} {'pairs':>6}"]
    for name, pair in paired.items():
        if pair.error:
            lines.append(f"{name:<44} {pair.error}")
            continue
        wall, cpu = (
            f"{r:.2f}x" if r is not None else "" for r in (pair.wall_ratio, pair.cpu_ratio)
        )
        lines.append(f"{name:<44} {wall:>7} {cpu:>7} {len(pair.wall):>6}")
    return lines


def render(
    results: dict[str, Timing],
    paired: dict[str, Paired],
    machine: dict[str, str],
    notes: list[str],
    checks: list[Target],
    rss: int,
    rss_error: str,
) -> str:
    """The whole report: machine, table, memory, targets, notes."""
    lines = ["", "machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()), ""]
    lines += table(results)
    lines.append("")
    lines.append("÷ floor: median over markdown-it-py on the same input ('import markdown_it' for")
    lines.append(
        "one file). ÷ prd-forge: median over prd-forge lint on the same input. CPU: median"
    )
    lines.append("user + system seconds of the command and all its processes.")
    if paired:
        lines += ["", *pair_lines(paired)]
        lines.append("The targets below are these medians of the pairs' ratios (each pair: the")
        lines.append("bottom command, then the top one); a target without a pair uses the table.")
    memory = rss_error or f"{rss / MB:.0f} MB"
    lines += ["", f"peak RSS of prd-forge lint on the corpus (all processes): {memory}", ""]
    lines.append(f"{'target':<40} {'value':>12} {'bound':>6}  status")
    lines += [f"{c.name:<40} {c.value:>12} {c.bound:>6}  {c.status}" for c in checks]
    lines += [f"note: {note}" for note in notes]
    return "\n".join(lines)
