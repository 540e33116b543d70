"""Coverage diff semantics, on hand-made lint reports (the CLI tests run the real linter)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from prd_forge.catalogue import IDS
from prd_forge.terms import Severity
from prd_forge.workflow.diff import ChangedFinding, CoverageChange, FileChange, compare


@dataclass(frozen=True)
class Report:
    coverage: Mapping[str, str]
    findings: tuple[ChangedFinding, ...] = ()
    ai: bool = True


@dataclass(frozen=True)
class Covered:
    """Coverage of every concern: present unless named."""

    states: dict[str, str] = field(default_factory=dict)

    def __call__(self) -> dict[str, str]:
        return {concern: self.states.get(concern, "present") for concern in IDS}


def finding(line: int, code: str = "PRD101", message: str = "no numeric target") -> ChangedFinding:
    return ChangedFinding(
        line, 1, code, "metric-without-target", "metrics", Severity.ERROR, message
    )


def test_identical_reports_have_no_change() -> None:
    report = Report(Covered()(), (finding(3),))
    diff = compare(report, report, path="a.md")
    assert (diff.status, diff.coverage, diff.added, diff.resolved) == (
        FileChange.MODIFIED,
        (),
        (),
        (),
    )
    assert not diff.changed
    assert not diff.regressed


def test_a_concern_that_drops_in_state_is_lost_and_regresses() -> None:
    base = Report(Covered({"metrics": "partial"})())
    head = Report(Covered({"fallbacks": "hollow", "metrics": "present"})())
    diff = compare(base, head, path="a.md")
    assert diff.lost == (CoverageChange("fallbacks", "present", "hollow"),)
    assert diff.gained == (CoverageChange("metrics", "partial", "present"),)
    assert diff.regressed


def test_every_drop_in_the_state_order_is_a_loss() -> None:
    order = ("missing", "hollow", "partial", "present")
    for worse, better in itertools.pairwise(order):
        assert CoverageChange("x", better, worse).lost
        assert not CoverageChange("x", worse, better).lost


def test_only_gains_do_not_regress() -> None:
    base = Report(Covered({"evaluation": "missing"})())
    diff = compare(base, Report(Covered()()), path="a.md")
    assert diff.gained == (CoverageChange("evaluation", "missing", "present"),)
    assert not diff.regressed


def test_moved_finding_is_not_a_change() -> None:
    base = Report(Covered()(), (finding(10),))
    head = Report(Covered()(), (finding(42),))
    diff = compare(base, head, path="a.md")
    assert (diff.added, diff.resolved) == ((), ())


def test_findings_are_matched_by_code_concern_and_message() -> None:
    base = Report(Covered()(), (finding(10), finding(12, message="old wording")))
    head = Report(Covered()(), (finding(10), finding(12, message="new wording")))
    diff = compare(base, head, path="a.md")
    assert diff.added == (finding(12, message="new wording"),)
    assert diff.resolved == (finding(12, message="old wording"),)


def test_repeated_findings_are_counted() -> None:
    base = Report(Covered()(), (finding(10),))
    head = Report(Covered()(), (finding(10), finding(30)))
    diff = compare(base, head, path="a.md")
    assert diff.added == (finding(30),)
    assert diff.resolved == ()


def test_new_file_gains_what_it_covers_and_adds_its_findings() -> None:
    head = Report(Covered({"rollout": "missing"})(), (finding(5),))
    diff = compare(None, head, path="new.md")
    assert diff.status is FileChange.ADDED
    assert [change.concern for change in diff.gained] == [c for c in IDS if c != "rollout"]
    assert diff.added == (finding(5),)
    assert not diff.regressed


def test_deleted_file_is_listed_but_never_a_regression() -> None:
    diff = compare(Report(Covered()()), None, path="old.md")
    assert diff.status is FileChange.DELETED
    assert (diff.coverage, diff.regressed) == ((), False)


def test_rename_compares_with_the_old_path() -> None:
    base = Report(Covered()())
    head = Report(Covered({"scope": "partial"})())
    diff = compare(base, head, path="b.md", base_path="a.md", renamed=True)
    assert (diff.status, diff.base_path, diff.regressed) == (FileChange.RENAMED, "a.md", True)


def test_two_files_compare_as_a_modification() -> None:
    diff = compare(Report(Covered()()), Report(Covered()()), path="b.md", base_path="a.md")
    assert (diff.status, diff.base_path) == (FileChange.MODIFIED, "a.md")


def test_team_concerns_outside_the_catalogue_are_compared_after_it() -> None:
    base = Report({**Covered()(), "security-review": "present"})
    head = Report({**Covered({"problem": "partial"})(), "security-review": "missing"})
    diff = compare(base, head, path="a.md")
    assert [change.concern for change in diff.lost] == ["problem", "security-review"]


def test_a_change_of_ai_detection_is_a_change() -> None:
    diff = compare(Report(Covered()(), ai=False), Report(Covered()()), path="a.md")
    assert diff.changed
    assert (diff.ai_before, diff.ai_after) == (False, True)
