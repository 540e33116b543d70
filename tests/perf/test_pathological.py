"""Lint must stay linear on hostile input: no regex or loop that goes quadratic.

Each case builds a document from a size n. The size is doubled until one lint takes long enough
to time reliably, then the time for 2n must be under 3x the time for n (linear gives 2x,
quadratic 4x) and under a generous absolute bound. pymarkdown's quadratic slowdown came from
work repeated per line over the whole document; these inputs are where that shows.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from prd_forge.lint.engine import lint_text

MIN_SECONDS = 0.06  # below this, timer and scheduler noise swamp the ratio
MAX_N = 128_000  # an input still under MIN_SECONDS here is linear enough
MAX_SECONDS = 5.0  # generous: the largest input of any case, on a slow CI core
MAX_RATIO = 3.0
REPEATS = 3
# Timings of a tenth of a second here swing by a third from one moment to the next: a linear
# shape read 2.7-3.4x once in a while when both cores were busy (quadratic work reads 4x).
ATTEMPTS = 3


def _long_line(n: int) -> str:
    return "# Fallbacks\n\n" + "the model falls back to a rule " * n + "\n"


def _long_list(n: int) -> str:
    return "# Evaluation\n\n" + "".join(f"- case {i} passes at 0.{i % 10}\n" for i in range(n))


def _many_headings(n: int) -> str:
    return "".join(f"## {i}. Fallbacks {i}\n\nTBD\n\n" for i in range(n))


def _nested_lists(n: int) -> str:
    # depth 40 per block (past markdown-it's nesting limit), n blocks
    block = "".join("  " * depth + "- item\n" for depth in range(40))
    return "# Scope\n\n" + (block + "\n") * (n // 40 + 1)


def _deep_list_markers(n: int) -> str:
    return "# Scope\n\n" + "- " * n + "item\n"


def _deep_blockquote(n: int) -> str:
    return "# Privacy\n\n" + ">" * n + " quoted\n"


def _quote_lines(n: int) -> str:
    return "# Privacy\n\n" + "> > > quoted line\n" * n


def _table_rows(n: int) -> str:
    head = "# Risks\n\n| Risk | Likelihood | Mitigation |\n|---|---|---|\n"
    return head + "".join(f"| risk {i} | high | fallback {i} |\n" for i in range(n))


def _wide_table(n: int) -> str:
    return "# Metrics\n\n|" + " metric |" * n + "\n|" + "---|" * n + "\n|" + " 90% |" * n + "\n"


def _unclosed_fence(n: int) -> str:
    return "# Monitoring\n\n```json\n" + '{"alert": "fallback"}\n' * n


def _pseudo_headings(n: int) -> str:
    return "".join(f"**Fallbacks {i}:** TBD\n\n" for i in range(n))


def _html_comments(n: int) -> str:
    return "# Rollout\n\n" + "<!-- prd-forge-disable fallbacks -->\n" * n


def _emphasis_runs(n: int) -> str:
    return "# Problem\n\n" + "*a **b " * n + "\n"


def _repeated_alias(n: int) -> str:
    # one heading repeating an alias word: heading matching was quadratic in its words
    return "# Spec\n\n## " + "Fallbacks " * n + "\n\nWe fall back to the form.\n"


def _repeated_conjunction(n: int) -> str:
    return "# Spec\n\n## " + "risks and mitigations " * n + "\n\nTBD\n"


def _only_headings(n: int) -> str:
    words = ("Phase", "Review", "Data", "Alerts", "Testing", "Impact", "Launch", "Current")
    return "".join(f"{'#' * (1 + i % 6)} {words[i % len(words)]} {i}\n" for i in range(n))


def _only_tables(n: int) -> str:
    head = "| Failure | Severity | Fallback |\n|---|---|---|\n"
    return "".join(head + f"| f{i} | high | FB-{i} |\n\n" for i in range(n))


def _evidence_line(n: int) -> str:
    # evidence patterns over one line of megabytes under a weak heading
    return "# Spec\n\n## Review\n\n" + "the agent confirms or corrects every " * n + "\n"


CASES: dict[str, Callable[[int], str]] = {
    "heading repeating an alias word": _repeated_alias,
    "heading repeating a conjunction alias": _repeated_conjunction,
    "only headings": _only_headings,
    "only tables": _only_tables,
    "evidence patterns over a long line": _evidence_line,
    "very long line": _long_line,
    "very long list": _long_list,
    "thousands of headings": _many_headings,
    "deeply nested lists": _nested_lists,
    "deep list markers on one line": _deep_list_markers,
    "deep blockquote": _deep_blockquote,
    "many nested quote lines": _quote_lines,
    "many table rows": _table_rows,
    "very wide table": _wide_table,
    "unclosed fence": _unclosed_fence,
    "many bold pseudo-headings": _pseudo_headings,
    "many suppression comments": _html_comments,
    "unbalanced emphasis": _emphasis_runs,
}


def _seconds(lint: Callable[[str], object], text: str) -> float:
    """Best of a few runs."""
    return min(_once(lint, text) for _ in range(REPEATS))


def _in_turn(lint: Callable[[str], object], small: str, large: str) -> tuple[float, float]:
    """The best of a few runs of each text, timed in turn (small, large, small, ...): timed
    one after the other, a shared machine's speed can drift between the two by a third."""
    times = [(_once(lint, small), _once(lint, large)) for _ in range(REPEATS)]
    return min(t for t, _ in times), min(t for _, t in times)


def _once(lint: Callable[[str], object], text: str) -> float:
    """One run, with the collector paused (its pauses are noise here)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        lint(text)
        return time.perf_counter() - start
    finally:
        gc.enable()


def _growth(
    lint: Callable[[str], object], build: Callable[[int], str], start: int = 250
) -> tuple[int, float, float]:
    """(n, t(n), t(2n)), with n doubled from `start` until t(n) is long enough to time."""
    n = start
    small = _seconds(lint, build(n))
    while small < MIN_SECONDS and n < MAX_N:
        n *= 2
        small = _seconds(lint, build(n))
    return n, *_in_turn(lint, build(n), build(2 * n))


def _ratio(lint: Callable[[str], object], build: Callable[[int], str]) -> tuple[float, str]:
    """t(2n)/t(n); measured again from 2n while over the bound, up to ATTEMPTS in all, since
    a shared CI machine can stall any one run, while quadratic work is over it every time."""
    n, small, large = _growth(lint, build)
    assert large < MAX_SECONDS, f"{large:.2f} s for n={2 * n}"
    again = 2 * n
    for _ in range(ATTEMPTS - 1):
        if large / max(small, MIN_SECONDS) < MAX_RATIO:
            break
        n, small, large = _growth(lint, build, start=again)
    ratio = large / max(small, MIN_SECONDS)
    return ratio, f"t(2n)/t(n) = {large:.3f} s / {small:.3f} s at n={n}"


def _lint(text: str) -> object:
    return lint_text(text, path="hostile.md")


@pytest.mark.parametrize("name", list(CASES))
def test_lint_time_grows_linearly(name: str) -> None:
    ratio, detail = _ratio(_lint, CASES[name])
    assert ratio < MAX_RATIO, f"{name}: {detail}"


def test_the_check_catches_quadratic_work() -> None:
    """The harness itself: work that compares every line with every other line must fail it."""

    def quadratic(text: str) -> object:
        lines = text.splitlines()
        return sum(1 for a in lines for b in lines if a is b)

    tries = [_growth(quadratic, _long_list) for _ in range(2)]  # one stalled run can hide it
    assert any(large / small > MAX_RATIO for _, small, large in tries), tries


def test_the_check_measures_again_while_over_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stalled timing is measured again from 2n; a ratio over the bound every time fails."""
    timings = iter([(1000, 0.1, 0.5), (2000, 0.5, 1.6), (2000, 0.5, 1.0)])
    starts: list[int] = []

    def stalled_twice(lint: object, build: object, start: int = 250) -> tuple[int, float, float]:
        starts.append(start)
        return next(timings)

    monkeypatch.setitem(globals(), "_growth", stalled_twice)
    assert _ratio(_lint, _many_headings) == (2.0, "t(2n)/t(n) = 1.000 s / 0.500 s at n=2000")
    assert starts == [250, 2000, 2000]

    def quadratic(lint: object, build: object, start: int = 250) -> tuple[int, float, float]:
        starts.append(start)
        return start, 0.5, 2.0

    starts.clear()
    monkeypatch.setitem(globals(), "_growth", quadratic)
    assert _ratio(_lint, _many_headings)[0] == 4.0
    assert len(starts) == ATTEMPTS


def test_the_check_times_n_and_2n_in_turn() -> None:
    """t(n) and t(2n) alternate, so a machine slowing down between them cannot fake a ratio."""
    seen: list[str] = []
    _in_turn(seen.append, "n", "2n")
    assert seen == ["n", "2n"] * REPEATS
