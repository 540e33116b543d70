"""Linting many files: config per file, bad inputs reported per file, both cores when it pays
(see parallel.py: a pool only from PARALLEL_MIN files on, the parent working too).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence

from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.lint import config as config_files
from prd_forge.lint.cache import Cache
from prd_forge.lint.cache_entry import Entry
from prd_forge.lint.config import Config, ConfigError
from prd_forge.lint.files import STDIN, Decoded, InputProblem, discover, read, skip_special
from prd_forge.lint.pathmatch import PathRules
from prd_forge.lint.results import FileReport, fails

Overrides = Callable[[Config], Config]


class RunResult(NamedTuple):
    """Reports and unreadable files; `failed` applies each file's own fail level.

    `warnings` do not change the exit code: files skipped in folders (a FIFO, a link to a
    device), a file read as Windows-1252, or nothing found to lint.
    """

    reports: tuple[FileReport, ...]
    problems: tuple[InputProblem, ...]
    fail_level: str = "error"
    failed: bool = False
    stdin: tuple[str, bytes] | None = None  # the name stdin was linted as, and its bytes
    warnings: tuple[InputProblem, ...] = ()


class _Warned(NamedTuple):
    """A report, and the warning its file's reading earned (read as Windows-1252)."""

    report: FileReport
    warning: InputProblem


# What linting one file gives: its report (with a warning), or the problem that stopped it.
Outcome = FileReport | _Warned | InputProblem


class _Job(NamedTuple):
    path: str
    config: Config
    stage: str | None


if TYPE_CHECKING:
    from typing import TypeVar

    _Item = TypeVar("_Item", _Job, tuple[_Job, Decoded])


def run(
    paths: Sequence[str],
    *,
    overrides: Overrides = lambda config: config,
    config_path: str | None = None,
    stage: str | None = None,
    stdin: bytes | None = None,
    stdin_name: str = STDIN,
    jobs: int | None = None,
    exclude: Sequence[str] = (),
    force_exclude: bool = False,
    cache: Cache | None = None,
) -> RunResult:
    """Lint every Markdown file under `paths`. ConfigError escapes: it is a usage error.

    The config's `exclude` is relative to its file's folder, `exclude` (--exclude) to the
    current one."""
    base = _base_config(config_path, paths)
    here = os.path.realpath(os.getcwd())
    rules = (
        PathRules(os.path.realpath(base.root) if base.root else here, base.exclude),
        PathRules(here, tuple(exclude)),
    )
    stats: dict[str, os.stat_result] = {}
    files, problems = discover(
        paths,
        exclude=rules,
        respect_gitignore=base.respect_gitignore,
        force_exclude=force_exclude or base.force_exclude,
        stats=stats,
    )
    files, warnings = skip_special(files, explicit=set(paths), stats=stats)
    if not files and not problems and not warnings:
        found = "no Markdown files found (after excludes and .gitignore); nothing was linted"
        warnings.append(InputProblem(", ".join(paths), found))
    resolver = _Resolver(config_path, overrides)
    plan = [_Job(path, resolver.config_for(path, stdin_name), stage) for path in files]
    outcomes = [_lint_one(job, stdin or b"", stdin_name) for job in plan if job.path == STDIN]
    files_plan = [job for job in plan if job.path != STDIN]
    outcomes.extend(
        _in_parallel(_lint_path, files_plan, jobs)
        if cache is None
        else _cached(files_plan, jobs, cache, stats)
    )
    reports = tuple(
        o.report if isinstance(o, _Warned) else o
        for o in outcomes
        if not isinstance(o, InputProblem)
    )
    problems.extend(o for o in outcomes if isinstance(o, InputProblem))
    warnings.extend(o.warning for o in outcomes if isinstance(o, _Warned))
    level = {job.path if job.path != STDIN else stdin_name: job.config.fail_level for job in plan}
    failed = any(fails(report, level.get(report.path, "error")) for report in reports)
    given = (stdin_name, stdin) if stdin is not None else None
    fail_level = overrides(base).fail_level
    return RunResult(
        reports, tuple(sorted(problems)), fail_level, failed, stdin=given, warnings=tuple(warnings)
    )


def _base_config(config_path: str | None, paths: Sequence[str]) -> Config:
    """The config that decides discovery (exclude, .gitignore): the explicit one, or the one
    found from the current folder."""
    if config_path is not None:
        return config_files.load(config_path)
    found = config_files.locate(os.getcwd())
    return config_files.load(found) if found is not None else config_files.DEFAULT


class _Resolver:
    """Config for each file: the explicit --config, else the nearest file, with CLI overrides."""

    def __init__(self, config_path: str | None, overrides: Overrides) -> None:
        self.explicit = config_files.load(config_path) if config_path else None
        self.overrides = overrides
        self.found: dict[str, str | None] = {}
        self.loaded: dict[str | None, Config] = {}
        self.by_folder: dict[str, Config] = {}

    def config_for(self, path: str, stdin_name: str) -> Config:
        if self.explicit is not None:
            return self.overrides(self.explicit)
        if path != STDIN:  # files of one folder share its config: resolve the folder once
            folder = os.path.dirname(path)
            if folder not in self.by_folder:
                self.by_folder[folder] = self._config(path, stdin_name)
            return self.by_folder[folder]
        return self._config(path, stdin_name)

    def _config(self, path: str, stdin_name: str) -> Config:
        where = stdin_name if path == STDIN and stdin_name != STDIN else path
        folder = os.path.dirname(where) if path != STDIN or stdin_name != STDIN else os.getcwd()
        source = config_files.locate(os.path.realpath(folder), self.found)
        if source not in self.loaded:
            loaded = config_files.load(source) if source is not None else config_files.DEFAULT
            self.loaded[source] = self.overrides(loaded)
        return self.loaded[source]


def _cached(
    plan: Sequence[_Job], jobs: int | None, cache: Cache, stats: dict[str, os.stat_result]
) -> list[Outcome]:
    """Answer files whose stat (taken once, by discover), else whose text, is unchanged from
    the cache; lint the rest."""
    outcomes, misses = _looked_up(plan, cache, stats)
    fresh = _in_parallel(_lint_text, [(miss[1], miss[2]) for miss in misses], jobs)
    for (at, job, _, settings, info, sha), outcome in zip(misses, fresh, strict=True):
        outcomes[at] = outcome
        if info is not None and not isinstance(outcome, InputProblem):
            made = (
                (outcome.report, outcome.warning.message)
                if isinstance(outcome, _Warned)
                else (outcome, None)
            )
            cache.store(job.path, settings, info, sha, made)
    cache.save()
    return [outcome for outcome in outcomes if outcome is not None]


_Miss = tuple[int, _Job, Decoded, str, os.stat_result | None, str]


def _looked_up(
    plan: Sequence[_Job], cache: Cache, stats: dict[str, os.stat_result]
) -> tuple[list[Outcome | None], list[_Miss]]:
    """Each file's outcome from the cache (None where it must be linted), and the misses:
    where each goes, its job, text, settings, stat and hash."""
    outcomes: list[Outcome | None] = []
    misses: list[_Miss] = []
    settings_of: dict[tuple[int, str | None], str] = {}
    for job in plan:
        settings = _settings(job, settings_of)
        info = _regular(job.path, stats)
        hit = _revive(cache, cache.fresh(job.path, settings, info) if info else None, job.path)
        if hit is None:
            decoded = read(job.path, None)
            if isinstance(decoded, InputProblem):
                outcomes.append(decoded)
                continue
            sha = cache.digest(decoded.text)
            entry = cache.matching(job.path, settings, info, sha) if info else None
            hit = _revive(cache, entry, job.path)
            if hit is None:
                misses.append((len(outcomes), job, decoded, settings, info, sha))
        outcomes.append(hit)
    return outcomes, misses


def _settings(job: _Job, known: dict[tuple[int, str | None], str]) -> str:
    """What besides the text decides a file's report (one repr per config, not per file)."""
    key = (id(job.config), job.stage)
    if key not in known:
        known[key] = repr((job.config, job.stage))
    return known[key]


def _regular(path: str, stats: dict[str, os.stat_result]) -> os.stat_result | None:
    """The file's stat if it is a regular file (only those are answered from the cache)."""
    info = stats.get(path)
    if info is None:
        try:
            info = os.stat(path)
        except OSError:
            return None
    return info if stat.S_ISREG(info.st_mode) else None


def _revive(cache: Cache, entry: Entry | None, path: str) -> Outcome | None:
    """The outcome a cache entry holds, or None when there is none (or it is damaged)."""
    report = cache.report(entry) if entry is not None else None
    if entry is None or report is None or report.path != path:
        return None
    return _warned(report, InputProblem(path, entry.warning) if entry.warning else None)


def _warned(report: FileReport, warning: InputProblem | None) -> Outcome:
    return report if warning is None else _Warned(report, warning)


def _in_parallel(
    work: Callable[[_Item], Outcome], items: Sequence[_Item], jobs: int | None
) -> list[Outcome]:
    """lint/parallel.py's in_parallel; a warm run with nothing to lint never imports it."""
    if not items:
        return []
    from prd_forge.lint.parallel import in_parallel

    return in_parallel(work, items, jobs, _warm)


def _warm() -> None:
    """Before workers fork: the evidence scanner's union pattern, which each would build."""
    from prd_forge.lint.coverage.known import known

    known().scanner.warm()


def _lint_text(item: tuple[_Job, Decoded]) -> Outcome:
    job, decoded = item
    return _analyse(job, decoded, job.path)


def _lint_path(job: _Job) -> Outcome:
    return _lint_one(job, None, job.path)


def _lint_one(job: _Job, data: bytes | None, name: str) -> Outcome:
    decoded = read(name, data)
    if isinstance(decoded, InputProblem):
        return decoded
    return _analyse(job, decoded, name)


def _analyse(job: _Job, decoded: Decoded, name: str) -> Outcome:
    from prd_forge.lint import engine  # here: a run answered from the cache never needs it

    try:
        report = engine.lint_text(decoded.text, path=name, config=job.config, stage=job.stage)
        return _warned(report, decoded.warning)
    except RecursionError:
        return InputProblem(name, "nested too deeply to parse; flatten the deepest lists")


__all__ = ["ConfigError", "RunResult", "run"]
