"""Two installs of prd-forge side by side: is a change slower than what came before it?

    python3 -m benchmarks.compare --before OLD/venv/bin/python [--after NEW/venv/bin/python]

`--after` defaults to benchmarks/.work/venv (this checkout, installed as `benchmarks.run`
installs it). Build the old one from a commit with `git worktree add --detach ../old COMMIT`,
then `python3 -m venv ../old/.venv && ../old/.venv/bin/pip install -e ../old`.

Each case runs `lint --no-cache` on the benchmark corpus's inputs, before and after in turn
(before, after, before, after, ...) after one warm-up run of each, so that a machine whose speed
drifts during the comparison slows both alike; the ratio after ÷ before is taken pair by pair,
and its median reported, with each side's median wall and CPU seconds. Stdlib only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from benchmarks import corpus, tools
from benchmarks.run import size
from benchmarks.timing import run_once

TIMEOUT = 300.0


def cases(built: corpus.Corpus, work: Path) -> list[tuple[str, list[str]]]:
    files = [str(path.relative_to(work)) for path in built.files]
    return [
        ("one 8 KB file", ["lint", "--no-cache", str(built.small.relative_to(work))]),
        (f"{len(files)} files", ["lint", "--no-cache", *files]),
        (f"{len(files)} files, --jobs 1", ["lint", "--no-cache", "--jobs", "1", *files]),
        (f"{size(built.big)} file", ["lint", "--no-cache", str(built.big.relative_to(work))]),
    ]


def pairs(before: list[str], after: list[str], work: Path, count: int) -> list[list[float]]:
    """Run both `count` times in turn, after a warm-up of each (the page cache, the kept
    patterns): the wall and the CPU seconds of each run, before's then after's."""
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for command in (before, after):
        _, error = run_once(command, work, TIMEOUT)
        if error:
            sys.exit(f"benchmark: {' '.join(command[:2])}: {error}")
    for _ in range(count):
        for side, command in enumerate((before, after)):
            elapsed, error = run_once(command, work, TIMEOUT, cpus[side])
            if error:
                sys.exit(f"benchmark: {' '.join(command[:2])}: {error}")
            walls[side].append(elapsed)
    return [walls[0], cpus[0], walls[1], cpus[1]]


def ratio(after: list[float], before: list[float]) -> float:
    """The median of after ÷ before, pair by pair."""
    return statistics.median(a / b for a, b in zip(after, before, strict=True) if b > 0)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="interpreter of the old one")
    parser.add_argument("--after", type=Path, help="interpreter of the new one")
    parser.add_argument("--pairs", type=int, default=10, help="runs of each, in turn")
    parser.add_argument("--files", type=int, default=500, help="files in the corpus")
    parser.add_argument("--big-bytes", type=int, default=2_000_000, help="size of the big file")
    parser.add_argument("--work", type=Path, default=Path(__file__).parent / ".work")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    after = args.after.absolute() if args.after else tools.install_prd_forge(work)
    tools.compile_bytecode(after)
    before_command = tools.prd_forge_command(args.before.absolute())
    after_command = tools.prd_forge_command(after)
    built = corpus.build(work, args.files, args.big_bytes)
    print(f"before: {tools.version_of([*before_command, '--version'])} ({args.before})")
    print(f"after:  {tools.version_of([*after_command, '--version'])} ({after})")
    print(f"{'case':<26} {'before wall':>11} {'after wall':>11} {'ratio':>6}"
          f" {'before CPU':>11} {'after CPU':>10} {'ratio':>6}")  # fmt: skip
    for name, command in cases(built, work):
        walls_b, cpus_b, walls_a, cpus_a = pairs(
            [*before_command, *command], [*after_command, *command], work, args.pairs
        )
        print(
            f"{name:<26} {statistics.median(walls_b):>9.3f} s {statistics.median(walls_a):>9.3f} s"
            f" {ratio(walls_a, walls_b):>5.2f}x {statistics.median(cpus_b):>9.3f} s"
            f" {statistics.median(cpus_a):>8.3f} s {ratio(cpus_a, cpus_b):>5.2f}x",
            flush=True,
        )
    print(f"\nmedians of {args.pairs} runs each; ratio: the median of after ÷ before, pair by pair")
    return 0


if __name__ == "__main__":
    sys.exit(main())
