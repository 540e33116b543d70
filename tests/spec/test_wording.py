"""The promises of a field's help, held by `spec.wording` and reported by `check`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.spec.model import HumanOversight, Metric, Monitoring, Signoff, Status
from prd_forge.spec.wording import problem


@pytest.mark.parametrize(
    "value",
    ["4 h", "within 2 business days", "Rolling 28 days", "Weekly", "Each model release", "30 min"],
)
def test_durations_pass(value: str) -> None:
    assert problem(HumanOversight, "sla", value, Status.LAUNCHED) is None
    assert problem(Metric, "window", value, Status.LAUNCHED) is None


@pytest.mark.parametrize("value", ["soon", "ASAP", "quickly", "when possible"])
def test_words_that_are_not_durations_fail(value: str) -> None:
    assert problem(HumanOversight, "sla", value, Status.DRAFT) == (
        f"'{value}' is not a duration; give a time with its unit, e.g. 'within 4 h'"
    )


@pytest.mark.parametrize("value", ["the team", "The Team.", "TBD", "us", "we", "someone"])
def test_placeholder_owners_fail(value: str) -> None:
    message = problem(Monitoring, "owner", value, Status.DRAFT)
    assert message == (
        f"'{value}' names nobody; name a person or a role, e.g. 'Support ML on-call'"
    )


@pytest.mark.parametrize("value", ["Support ML on-call", "Dana Reyes", "the Risk team lead"])
def test_named_owners_pass(value: str) -> None:
    assert problem(Monitoring, "owner", value, Status.DRAFT) is None


def test_a_pending_approval_is_a_problem_from_review_on() -> None:
    assert problem(Signoff, "status", "pending", Status.DRAFT) is None
    for status in (Status.REVIEW, Status.APPROVED, Status.LAUNCHED):
        assert problem(Signoff, "status", "pending", status) == (
            f"'pending' is not an approval yet, and the spec is at status '{status.value}'; "
            "record the approval, or set the status back to draft"
        )
    assert problem(Signoff, "status", "approved with conditions", Status.LAUNCHED) is None


def test_fields_without_a_promise_take_any_words() -> None:
    assert problem(Monitoring, "cadence", "soon", Status.LAUNCHED) is None


def test_check_reports_each_broken_promise(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "feature: {name: Drafter, owner: Dana Reyes, status: launched}\n"
        "data_sources:\n  - {name: Calls, approved_by: pending}\n"
        "human_oversight: {sla: soon}\n"
        "monitoring: {owner: the team}\n"
    )
    result = CliRunner().invoke(cli, ["check", str(spec)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        f"{spec}:3: data_sources[0].approved_by: 'pending' is not an approval yet, and the spec "
        "is at status 'launched'; record the approval, or set the status back to draft "
        "(answer: Who approved its use for this feature?)"
    ) in lines
    assert (
        f"{spec}:4: human_oversight.sla: 'soon' is not a duration; give a time with its unit, "
        "e.g. 'within 4 h' (answer: Within what time (SLA)?)"
    ) in lines
    assert (
        f"{spec}:5: monitoring.owner: 'the team' names nobody; name a person or a role, "
        "e.g. 'Support ML on-call' (answer: Who owns monitoring and responds to alerts?)"
    ) in lines
