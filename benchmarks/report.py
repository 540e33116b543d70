"""The results table and the target checks of the benchmark (stdlib only, pure functions)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from benchmarks.timing import Timing

MB = 1024 * 1024

# input -> (the floor to divide by, prd-forge's own time on that input)
REFERENCES = {
    "small": ("import", "lint-small"),
    "corpus": ("floor", "lint-corpus"),
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


def _check(name: str, value: float | None, bound: float, ok: Callable[[float], bool]) -> Target:
    if value is None:
        return Target(name, "not measured", f"{bound:g}", "n/a")
    return Target(name, f"{value:.2f}", f"{bound:g}", "met" if ok(value) else "missed")


def targets(results: dict[str, Timing], rss: int, rss_error: str) -> list[Target]:
    """The targets: corpus vs floor and markdownlint-cli2, one file, growth, memory."""
    mlc = _ratio(results, "markdownlint-cli2-corpus", "lint-corpus")
    memory = None if rss_error or not rss else rss / MB
    return [
        _check("corpus lint / floor (<=)", _ratio(results, "lint-corpus", "floor"), 0.6,
               lambda v: v <= 0.6),
        _check("markdownlint-cli2 / corpus lint (>=)", mlc, 5, lambda v: v >= 5),
        _check("one file / import markdown_it (<=)", _ratio(results, "lint-small", "import"), 1.5,
               lambda v: v <= 1.5),
        _check("lint 2 MB / lint 1 MB (<=)", _ratio(results, "lint-big", "lint-half"), 2.3,
               lambda v: v <= 2.3),
        _check("peak RSS on the corpus, MB (<)", memory, 200, lambda v: v < 200),
    ]  # fmt: skip


def _times(timing: Timing | None, reference: Timing | None) -> str:
    if timing is None or reference is None or not timing.ok or not reference.ok:
        return ""
    return f"{timing.median / reference.median:.2f}x"


def table(results: dict[str, Timing]) -> list[str]:
    header = f"{'command':<44} {'median':>9}  {'spread':<26} {'÷ floor':>8} {'÷ prd-forge':>11}"
    lines = [header, "-" * len(header)]
    for key, timing in results.items():
        floor, lint = REFERENCES[input_of(key)]
        if not timing.ok:
            lines.append(f"{timing.name:<44} {'—':>9}  {timing.error}")
            continue
        ratios = f"{_times(timing, results.get(floor)):>8} {_times(timing, results.get(lint)):>11}"
        median = f"{timing.median:.3f} s"
        lines.append(f"{timing.name:<44} {median:>9}  {timing.spread():<26} {ratios}")
    return lines


def render(
    results: dict[str, Timing],
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
    lines.append("one file). ÷ prd-forge: median over prd-forge lint on the same input.")
    memory = rss_error or f"{rss / MB:.0f} MB"
    lines += ["", f"peak RSS of prd-forge lint on the corpus (all processes): {memory}", ""]
    lines.append(f"{'target':<40} {'value':>12} {'bound':>6}  status")
    lines += [f"{c.name:<40} {c.value:>12} {c.bound:>6}  {c.status}" for c in checks]
    lines += [f"note: {note}" for note in notes]
    return "\n".join(lines)
