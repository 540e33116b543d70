"""Benchmark `prd-forge lint` against the markdown-it-py floor and the peer Markdown linters.

One command from a fresh clone (Python and pip are enough; npm adds markdownlint-cli2):

    python3 -m benchmarks.run            # full run, about 5-10 minutes on 2 cores
    python3 -m benchmarks.run --quick    # tiny corpus, one round: a smoke test

Everything it makes goes to benchmarks/.work/ (gitignored): the seeded corpus, a venv with this
checkout of prd-forge, a venv with pymarkdownlnt and rumdl, markdownlint-cli2 under node/, and
results.json. See benchmarks/README.md for what is measured and the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks import corpus, growth, pairs, report, tools
from benchmarks.timing import Timing, measure, peak_rss

HERE = Path(__file__).resolve().parent
MDIT_VERSION = "import markdown_it; print(markdown_it.__version__)"


@dataclass(frozen=True)
class Case:
    """One command to time. `key` names it for the targets; `group` is the input it reads."""

    key: str
    group: str
    label: str
    command: list[str]


def cases(kit: tools.Tools, built: corpus.Corpus, work: Path) -> list[Case]:
    """Every command of the run, in order, as data."""
    py, lint = str(kit.python), [*kit.prd_forge, "lint", "--no-cache"]
    files = [str(p.relative_to(work)) for p in built.files]
    warm = [str(p.relative_to(work)) for p in warm_copy(built.files, work)]
    cached = [*kit.prd_forge, "lint", "--cache-dir", CACHE]
    # a copy and a cache of its own, so that the two can run in turn (benchmarks/pairs.py)
    edited = [str(p.relative_to(work)) for p in warm_copy(built.files, work, CHANGED)]
    # appends a blank line to the first file before each run: one cache miss per run
    touch = ["sh", "-c", 'printf "\\n" >> "$1"; shift; exec "$@"', "sh", edited[0]]
    changed = [*touch, *kit.prd_forge, "lint", "--cache-dir", CHANGED_CACHE, *edited]
    rumdl_warm = [[str(kit.rumdl), "check"]] if kit.rumdl is not None else []
    small, half, big = (str(p.relative_to(work)) for p in (built.small, built.half, built.big))
    floor = [py, str(HERE / "floor.py")]
    pym = [str(kit.pymarkdown), "--enable-extensions", "front-matter,markdown-tables", "scan"]
    rumdl = [str(kit.rumdl), "check", "--no-cache"]
    mlc = [str(kit.markdownlint)]
    peers = [("pymarkdown", kit.pymarkdown, pym), ("rumdl", kit.rumdl, rumdl)]
    peers.append(("markdownlint-cli2", kit.markdownlint, mlc))
    found = [(name, command) for name, program, command in peers if program is not None]
    n = len(files)
    hs, bs = size(built.half), size(built.big)
    out = [
        Case("python", "start-up", "python -c pass", [py, "-c", "pass"]),
        Case(
            "import", "start-up", 'python -c "import markdown_it"', [py, "-c", "import markdown_it"]
        ),
        Case("version", "start-up", "prd-forge --version", [*kit.prd_forge, "--version"]),
        Case("lint-small", "start-up", "prd-forge lint (one 8 KB file)", [*lint, small]),
        *(Case(f"{k}-small", "start-up", f"{k} (one 8 KB file)", [*c, small]) for k, c in found),
        Case("floor", "corpus", f"floor: markdown-it-py parse, {n} files", [*floor, *files]),
        Case("lint-corpus", "corpus", f"prd-forge lint, {n} files", [*lint, *files]),
        *(Case(f"{k}-corpus", "corpus", f"{k}, {n} files", [*c, *files]) for k, c in found),
        Case("lint-warm", "warm", f"prd-forge lint, {n} files, warm cache", [*cached, *warm]),
        Case("lint-changed", "warm", f"prd-forge lint, {n} files, 1 changed", changed),
        *(
            Case("rumdl-warm", "warm", f"rumdl, {n} files, its cache", [*c, *warm])
            for c in rumdl_warm
        ),
        Case("floor-half", "big", f"floor: markdown-it-py, {hs} prefix", [*floor, half]),
        Case("floor-big", "big", f"floor: markdown-it-py, {bs} file", [*floor, big]),
        Case("lint-half", "big", f"prd-forge lint, {hs} prefix", [*lint, half]),
        Case("lint-big", "big", f"prd-forge lint, {bs} file", [*lint, big]),
    ]
    for name, command in found:
        out.append(Case(f"{name}-half", "big", f"{name}, {hs} prefix", [*command, half]))
        out.append(Case(f"{name}-big", "big", f"{name}, {bs} file", [*command, big]))
    return out


CACHE = "lint-cache"  # prd-forge's cache folder for the warm case, inside the work folder
CHANGED = "changed"  # the copy the "one changed" case edits, and its cache folder
CHANGED_CACHE = "lint-cache-changed"


# How long before the warm runs the copies were last written, as files in a checkout were. A
# file written within 2 s of a run (prd-forge's cache.STAT_MARGIN_NS) is read and hashed on every
# run: copies made the moment before timing measured that path, which a user meets only for the
# files they saved in the last two seconds, not a warm cache with nothing changed.
WRITTEN_BEFORE_S = 3600


def warm_copy(files: list[Path], work: Path, name: str = "warm") -> list[Path]:
    """A fresh copy of the corpus for the cached runs, in `work/name`, last written
    WRITTEN_BEFORE_S ago, with no cache left from an earlier run (prd-forge's or rumdl's)."""
    target = work / name
    for stale in (target, work / CACHE, work / CHANGED_CACHE, work / ".rumdl_cache"):
        shutil.rmtree(stale, ignore_errors=True)
    target.mkdir()
    copies = [target / path.name for path in files]
    written = time.time() - WRITTEN_BEFORE_S
    for path, copy in zip(files, copies, strict=True):
        shutil.copyfile(path, copy)
        os.utime(copy, (written, written))
    return copies


def size(path: Path) -> str:
    """A file's size for a label: '2.0 MB', '200 KB'."""
    n = path.stat().st_size
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def rounds(case: Case, args: argparse.Namespace) -> int:
    count: int = args.startup_rounds if case.group == "start-up" else args.rounds
    return count


def run_cases(todo: list[Case], work: Path, args: argparse.Namespace) -> dict[str, Timing]:
    """Time each case; a tool that timed out on the 1 MB prefix is not tried on 2 MB."""
    results: dict[str, Timing] = {}
    for case in todo:
        half = results.get(case.key.replace("-big", "-half"))
        if case.key.endswith("-big") and half is not None and "timed out" in half.error:
            results[case.key] = Timing(case.label, [], "skipped: timed out on the prefix")
            continue
        print(f"  {case.label} ...", end=" ", flush=True)
        timing = measure(
            case.label, case.command, work, rounds=rounds(case, args), budget=args.budget,
            timeout=args.timeout, use_hyperfine=not args.no_hyperfine,
        )  # fmt: skip
        print(f"{timing.median:.3f} s" if timing.ok else timing.error, flush=True)
        results[case.key] = timing
    return results


def versions(kit: tools.Tools) -> list[str]:
    """What each tool says it is, for the record."""
    found = [("", [*kit.prd_forge, "--version"])]
    found.append(("markdown-it-py", [str(kit.python), "-c", MDIT_VERSION]))
    ask = {"pymarkdown": "version", "rumdl": "--version", "markdownlint-cli2": "--version"}
    found += [("", [str(path), ask[name]]) for name, path in kit.peers() if path is not None]
    return [f"{name} {tools.version_of(command)}".strip() for name, command in found]


def machine(python: Path) -> dict[str, str]:
    """What the numbers were measured on."""
    model = "?"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    version = subprocess.run([str(python), "--version"], capture_output=True, text=True).stdout
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load average": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        "nproc": str(os.cpu_count()),
        "cpu": model,
        "python": version.strip(),
        "os": platform.platform(),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 files, 200 KB big file, 1 round")
    parser.add_argument("--no-peers", action="store_true", help="time prd-forge and the floor only")
    parser.add_argument("--rounds", type=int, default=5, help="runs per command")
    parser.add_argument("--startup-rounds", type=int, default=20, help="runs per start-up command")
    parser.add_argument("--budget", type=float, default=40.0, help="seconds of runs per command")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is cut")
    parser.add_argument("--files", type=int, default=500, help="files in the corpus")
    parser.add_argument("--big-bytes", type=int, default=2_000_000, help="size of the big file")
    parser.add_argument("--work", type=Path, default=HERE / ".work", help="scratch folder")
    parser.add_argument("--python", type=Path, help="use this interpreter (prd-forge installed)")
    parser.add_argument("--no-hyperfine", action="store_true", help="always use our own loop")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.quick:
        args.files, args.big_bytes, args.budget = 20, 200_000, 10.0
        args.rounds = args.startup_rounds = 1
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    python = args.python.absolute() if args.python else tools.install_prd_forge(work)
    kit = tools.Tools(python, tools.prd_forge_command(python))
    tools.compile_bytecode(python)
    if args.no_peers:
        kit.notes.append("peers skipped (--no-peers)")
    else:
        tools.install_peers(kit, work)
    kit.notes.append("versions: " + ", ".join(versions(kit)))
    print(f"building the corpus ({args.files} files, {args.big_bytes:,} B big file) ...")
    built = corpus.build(work, args.files, args.big_bytes)
    todo = cases(kit, built, work)
    results = run_cases(todo, work, args)
    print("the targets' commands in turn ...", flush=True)
    paired = pairs.measure(
        {case.key: case.command for case in todo}, results, work,
        rounds={case.key: rounds(case, args) for case in todo},
        budget=args.budget, timeout=args.timeout,
    )  # fmt: skip
    files = [str(p.relative_to(work)) for p in built.files]
    # cold, as the corpus is timed: a run answered from the result cache only reads it
    rss, rss_error = peak_rss([*kit.prd_forge, "lint", "--no-cache", *files], work, args.timeout)
    print("growth on tests/perf's shapes ...", flush=True)
    grown = growth.measure(python, quick=args.quick, timeout=args.timeout)
    worst = grown.worst
    info = machine(python)
    checks = report.targets(results, paired, rss, rss_error, worst[1] if worst else None)
    print(report.render(results, paired, info, kit.notes, checks, rss, rss_error))
    print("\n".join(["", *growth.lines(grown)]))
    record = {"machine": info, "argv": sys.argv, "rss_bytes": rss, "notes": kit.notes}
    record["results"] = {key: asdict(timing) for key, timing in results.items()}
    record["pairs"] = {key: asdict(pair) for key, pair in paired.items()}
    record["targets"] = [asdict(check) for check in checks]
    record["growth"] = asdict(grown)
    (work / "results.json").write_text(json.dumps(record, indent=2) + "\n")
    missed = [c for c in checks if c.status != "met" and not c.name.startswith(report.STRETCH)]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
