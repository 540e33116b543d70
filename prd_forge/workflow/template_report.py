"""`template check` results as lint reports, so every lint format can show them.

A template that drops a required concern gets the finding a PRD missing that section would get
(PRD001 missing-section, PRD002 hollow-section), anchored on the template line that names the
concern when there is one (line 1 otherwise), so a template change in a pull request gets the
same annotations, SARIF alerts and JSON as a PRD does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from prd_forge import catalogue
from prd_forge.lint.results import FileReport, Finding
from prd_forge.lint.rules import find
from prd_forge.lint.run import RunResult
from prd_forge.render.template_check import Dropped
from prd_forge.terms import CoverageState, Severity

# The lint rule whose finding a dropped concern becomes, by the state the template leaves it in.
RULE_FOR_STATE = {CoverageState.MISSING.value: "PRD001", CoverageState.HOLLOW.value: "PRD002"}


def anchor_line(text: str, concern: str) -> int:
    """The first template line naming the concern (its title or id); 1 when none does."""
    names = (
        (catalogue.get(concern).title.lower(), concern)
        if concern in catalogue.BY_ID
        else (concern,)
    )
    for number, line in enumerate(text.splitlines(), start=1):
        lowered = line.lower()
        if any(name in lowered for name in names):
            return number
    return 1


def _finding(
    path: str, text: str, concern: str, state: str, specs: Sequence[str], total: int
) -> Finding:
    rule = find(RULE_FOR_STATE.get(state, "PRD002"))
    assert rule is not None, "the presence rules are registered"
    title = catalogue.get(concern).title if concern in catalogue.BY_ID else concern
    which = ", ".join(specs)
    message = (
        f"the template renders '{title}' {state} for {len(specs)} of {total} complete "
        f"spec(s) ({which}): a PRD from it would omit how the feature handles this"
    )
    return Finding(
        path, anchor_line(text, concern), 1, rule.code, rule.name, concern, Severity.ERROR, message
    )


def to_run_result(template: Path, dropped: Iterable[Dropped], *, specs: int) -> RunResult:
    """One report for the template: a finding per (concern, state) it drops, worst first."""
    path = str(template)
    try:
        text = template.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    by_concern: dict[tuple[str, CoverageState], list[str]] = defaultdict(list)
    for item in dropped:
        by_concern[(item.concern, item.state)].append(item.spec)
    findings = sorted(
        _finding(path, text, concern, state, sorted(names), specs)
        for (concern, state), names in by_concern.items()
    )
    coverage = dict.fromkeys(catalogue.IDS, CoverageState.PRESENT)
    for concern, state in by_concern:
        if state.rank < coverage.get(concern, CoverageState.PRESENT).rank:
            coverage[concern] = state
    return RunResult((FileReport(path, True, coverage, tuple(findings)),), ())
