"""The engine: one file's text in, a FileReport out.

It owns everything the rules share: which concerns apply (AI or not, presets, stage, a team's
extra sections and aliases), which rules run, each finding's final severity, per-path ignores
and inline suppression. Rules only look at the document and report what they observe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache

from prd_forge import concerns as registry
from prd_forge._records import TYPE_CHECKING, NamedTuple
from prd_forge.concerns import Concern
from prd_forge.lint import ai as ai_detect
from prd_forge.lint import budget, pathmatch, suppress
from prd_forge.lint.config import DEFAULT, Config
from prd_forge.lint.coverage import PARTIAL, PRESENT, Analysis, analyse
from prd_forge.lint.document import Document, parse
from prd_forge.lint.headings import AliasIndex, build_index
from prd_forge.lint.results import FileReport, Finding
from prd_forge.lint.rules import ANY_CONCERN, REGISTRY, Context, Observation, Rule, find
from prd_forge.terms import CoverageState, Severity, Stage

if TYPE_CHECKING:
    from typing import Final

OFF: Final = "off"
# In a draft, only a missing or hollow required concern, or an open blocker, fails; the rest is
# a reminder. A blocker is a gap `check` refuses even in a draft (it is not recorded as an open
# question), so lint must fail on it too.
_DRAFT_KEEP: Final = frozenset({"missing-section", "hollow-section", "open-blocker"})
_MILDER: Final = {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO}


class _Profile(NamedTuple):
    """What a config fixes for every file: concerns, titles, the alias index, rules."""

    concerns: tuple[str, ...]
    titles: Mapping[str, str]
    aliases: AliasIndex
    rules: tuple[tuple[Rule, frozenset[str] | None], ...]  # with the concerns it is limited to
    required: Mapping[tuple[bool, bool], frozenset[str]]  # by (ai, strict), see _required


def lint_text(
    text: str, *, path: str = "-", config: Config | None = None, stage: str | None = None
) -> FileReport:
    """Lint one document's text. `stage` (a Stage or its name) overrides the config's and
    the front matter's."""
    config = config or DEFAULT
    doc = parse(text)
    profile = _profile(config)
    ai = _is_ai(doc, config)
    chosen = Stage(stage) if stage else config.stage
    resolved = chosen or Stage.of_status(doc.front_matter.get("status", ""))
    strict = config.preset == "strict" or resolved is Stage.LAUNCH
    analysis = analyse(doc, profile.aliases, profile.concerns)
    required = profile.required[ai, strict]
    suppressions, no_reason, unknown = suppress.parse(doc, _known(profile))
    ctx = Context(
        doc,
        analysis,
        ai,
        required,
        profile.titles,
        suppressions,
        no_reason,
        unknown,
        stage=resolved,
    )
    thin: set[str] = set()
    found = _findings(ctx, profile, config, path, stage=resolved, strict=strict, thin=thin)
    starts = [section.line for section in doc.sections if not section.pseudo]
    findings = budget.apply(found, starts)
    return FileReport(path, ai, _coverage(analysis, profile.concerns, thin), tuple(findings))


def analyse_text(text: str, *, config: Config | None = None) -> Analysis:
    """Lint's reading of a document: every concern's coverage, and the sections that name
    each one. A pure function of the text, the concerns and the config's aliases and sections
    (the render guard and `template check` judge a template's output with it)."""
    profile = _profile(config or DEFAULT)
    return analyse(parse(text), profile.aliases, profile.concerns)


def concern_analysis(doc: Document, config: Config | None = None) -> Analysis:
    """Lint's concern analysis of a parsed document, as `lint_text` makes it (import reads it)."""
    profile = _profile(config or DEFAULT)
    return analyse(doc, profile.aliases, profile.concerns)


def _coverage(
    analysis: Analysis, concerns: Sequence[str], thin: set[str]
) -> dict[str, CoverageState]:
    """Each concern's state; a present concern whose substance rules found a key part
    missing (a metric without a target, a rollout without a rollback trigger) is partial."""
    states = {concern: analysis.coverage[concern].state for concern in concerns}
    for concern in thin:
        if states.get(concern) == PRESENT:
            states[concern] = PARTIAL
    return states


def _is_ai(doc: Document, config: Config) -> bool:
    declared = ai_detect.from_front_matter(doc.front_matter.get("ai"))
    if declared is not None:
        return declared
    if config.ai is not None:
        return config.ai
    return ai_detect.detect(doc.text)


def _required(config: Config, *, ai: bool, strict: bool) -> frozenset[str]:
    ids = {
        concern.id
        for concern in registry.applicable(ai=ai)
        if concern.required or (strict and concern.id != "open-questions")
    }
    ids.update(config.required)
    ids.update(section.id for section in config.sections)
    return frozenset(ids)


# The last profile made, with its config and registry: a run lints every file with one config
# object, and finding the profile in _profile_of's cache hashes the registry's nested tuples
# (every concern's fields) on each call.
_last: list[tuple[Config, tuple[Concern, ...], _Profile]] = []


def _profile(config: Config) -> _Profile:
    known = registry.current()
    if _last and _last[0][0] is config and _last[0][1] is known:
        return _last[0][2]
    profile = _profile_of(config, known)
    _last[:] = [(config, known, profile)]
    return profile


@cache
def _profile_of(config: Config, known: tuple[Concern, ...]) -> _Profile:
    extra = dict(config.aliases)
    titles = {concern.id: concern.title for concern in known}
    titles.update({section.id: section.title for section in config.sections})
    names = [
        (concern.id, (concern.title, *concern.strong, *extra.get(concern.id, ())))
        for concern in known
    ]
    names += [(s.id, (s.title, *s.aliases, *extra.get(s.id, ()))) for s in config.sections]
    rules = tuple((rule, limit) for rule in REGISTRY for limit in _selection(rule, config, titles))
    weak = [(concern.id, concern.weak) for concern in known]
    # the registry is `known` here: _profile_of is called with the current one
    required = {
        (ai, strict): _required(config, ai=ai, strict=strict)
        for ai in (False, True)
        for strict in (False, True)
    }
    return _Profile(tuple(titles), titles, build_index(names, weak), rules, required)


def _keys(rule: Rule, concern: str) -> tuple[str, ...]:
    return (rule.code, rule.name, concern, "ALL")


def _matches(selector: str, keys: tuple[str, ...]) -> bool:
    upper = selector.upper()
    if upper == "ALL" or selector in keys:
        return True
    return upper.startswith("PRD") and keys[0].startswith(upper)


def _selection(
    rule: Rule, config: Config, concerns: Mapping[str, str]
) -> tuple[frozenset[str] | None, ...]:
    """() if the rule does not run; (None,) if it runs for every concern; (ids,) if only for
    findings about those concerns (select names concerns, not this rule)."""
    if any(_matches(s, (rule.code, rule.name, "", "")) for s in config.ignore):
        return ()
    if not config.select:
        return (None,)
    by_concern = frozenset(s for s in config.select if s in concerns)
    by_rule = [s for s in config.select if s not in concerns]
    if any(_matches(s, (rule.code, rule.name, "", "")) for s in by_rule):
        return (None,)
    if by_concern and (rule.concern == ANY_CONCERN or rule.concern in by_concern):
        return (by_concern,)
    return ()


def _known(profile: _Profile) -> Callable[[str], str | None]:
    def known(target: str) -> str | None:
        if target in profile.titles:
            return target
        rule = find(target)
        return None if rule is None else rule.concern

    return known


def _severity(
    rule: Rule, keys: tuple[str, ...], config: Config, stage: Stage | None, strict: bool
) -> Severity | None:
    """The finding's final severity; None when the config turns it off."""
    severity = rule.severity
    if strict and severity is Severity.WARNING:
        severity = Severity.ERROR
    if stage is Stage.DRAFT and rule.name not in _DRAFT_KEEP:
        severity = _MILDER.get(severity, severity)
    for selector, value in reversed(config.severity):
        if _matches(selector, keys):
            return None if value == OFF else Severity(value)
    return severity


def _findings(
    ctx: Context,
    profile: _Profile,
    config: Config,
    path: str,
    *,
    stage: Stage | None,
    strict: bool,
    thin: set[str],
) -> list[budget.Item]:
    observations = _observations(ctx)
    # Coverage must not depend on which rules were selected or suppressed: every rule's
    # observations thin their concern, whatever the config keeps of them.
    thin.update(concern for _, seen, concern in observations if seen.thins)
    by_code: dict[str, list[tuple[Observation, str]]] = {}
    for rule, seen, concern in observations:
        by_code.setdefault(rule.code, []).append((seen, concern))
    found = _each_finding(by_code, ctx, profile, config, path, stage=stage, strict=strict)
    # Each finding once (two rules' identical findings, or one observation reported twice).
    return list({item.finding: item for item in found}.values())


def _observations(ctx: Context) -> list[tuple[Rule, Observation, str]]:
    """Every rule's observations with the concern each is about, before selection."""
    found = []
    for rule in REGISTRY:
        if rule.ai_only and not ctx.ai:
            continue
        for seen in rule.check(ctx):
            concern = seen.concern or (
                rule.concern if rule.concern != ANY_CONCERN else ctx.concern_at(seen.line)
            )
            found.append((rule, seen, concern))
    return found


def _each_finding(
    by_code: Mapping[str, Sequence[tuple[Observation, str]]],
    ctx: Context,
    profile: _Profile,
    config: Config,
    path: str,
    *,
    stage: Stage | None,
    strict: bool,
) -> Iterator[budget.Item]:
    ignored = (*_path_ignores(config, path), *config.ignore)
    suppressions = ctx.suppressions
    for rule, limit in profile.rules:
        for seen, concern in by_code.get(rule.code, ()):
            keys = _keys(rule, concern)
            if limit is not None and concern not in limit:
                continue
            # (tested for emptiness first: any() over a generator costs, even over nothing)
            if ignored and any(_matches(s, keys) for s in ignored):
                continue
            if suppressions and any(suppress.covers(s, keys[:3], seen.line) for s in suppressions):
                continue
            severity = _severity(rule, keys, config, stage, strict)
            if severity is not None:
                finding = Finding(
                    path,
                    seen.line,
                    seen.column,
                    rule.code,
                    rule.name,
                    concern,
                    severity,
                    seen.message,
                )
                yield budget.Item(finding, seen.many, seen.subject)


def _path_ignores(config: Config, path: str) -> tuple[str, ...]:
    if not config.per_path_ignores:
        return ()
    relative = _relative(path, config.root)
    return tuple(
        selector
        for pattern, selectors in config.per_path_ignores
        if pathmatch.matches(relative, (pattern,))
        for selector in selectors
    )


def _relative(path: str, root: str | None) -> str:
    # here: only a config with per-path ignores needs pathlib (with urllib.parse and ipaddress,
    # which it imports), about a fourteenth of linting one small file without
    import contextlib
    from pathlib import Path, PurePath

    pure = PurePath(path)
    if root is not None:
        with contextlib.suppress(ValueError):
            pure = Path(path).resolve().relative_to(Path(root).resolve())
    return pure.as_posix()
