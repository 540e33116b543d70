"""Each concern owns its knowledge, and a concern added through the registry flows through
lint, the render guard and `template check` without any other module being edited."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from prd_forge import concerns
from prd_forge.cli import cli
from prd_forge.concerns import Concern, Level, TableSign
from prd_forge.lint import docs, lint_text
from prd_forge.render import api, guard
from prd_forge.spec.completeness import find_gaps
from prd_forge.spec.model import Spec
from tests.render.helpers import COMPLETE

ROOT = Path(__file__).resolve().parents[1]

VENDOR = Concern(
    id="vendor-exit",
    title="Vendor exit plan",
    why="A feature built on one model provider stops when that provider does.",
    anchor="Internal architecture review checklist",
    level=Level.REQUIRED,
    ai_only=False,
    fields=("feature",),
    partial="sections/vendor-exit.md.j2",
    strong=("vendor exit", "exit plan", "provider lock-in"),
    weak=("vendor",),
    evidence=(r"second provider", r"switch(?:es|ing)? providers?"),
    tables=(TableSign((("provider",), ("exit", "switch"))),),
)
BODY = (
    "We keep a second provider configured and rehearse the switch every quarter; switching "
    "providers takes one config change and an evaluation run."
)


def _spec_with_every_gap() -> Spec:
    return Spec.model_validate(
        {"feature": {"name": "Bare"}, "open_questions": [{"question": "Which model?"}]}
    )


@pytest.mark.parametrize("concern", concerns.current(), ids=concerns.ids())
def test_every_concern_has_a_partial_a_check_and_evidence(concern: Concern) -> None:
    assert (ROOT / "templates" / concern.partial).is_file(), concern.partial
    assert concern.id in {gap.concern for gap in find_gaps(_spec_with_every_gap())}
    assert concern.evidence and concern.strong, concern.id
    for alternative in concern.evidence:
        re.compile(alternative)


def test_strong_names_never_collide_across_concerns() -> None:
    owner: dict[str, str] = {}
    for concern in concerns.current():
        for name in concern.strong:
            key = name.casefold().strip()
            assert owner.setdefault(key, concern.id) == concern.id, (name, owner[key])


def test_a_registered_concern_is_reported_missing_by_lint() -> None:
    text = "# Checkout\n\n## Problem\n\nShoppers abandon carts because the form is long.\n"
    with concerns.registered(VENDOR):
        report = lint_text(text)
    assert report.coverage["vendor-exit"] == "missing"
    assert ("PRD001", "vendor-exit") in {(f.code, f.concern) for f in report.findings}
    assert "vendor-exit" not in lint_text(text).coverage


def test_a_registered_concern_is_found_by_heading_evidence_and_table() -> None:
    with concerns.registered(VENDOR):
        strong = lint_text(f"# X\n\n## Exit plan\n\n{BODY}\n").coverage
        weak = lint_text("# X\n\n## Vendor\n\nAcme hosts the model for us in three regions now.\n")
        table = lint_text("# X\n\n| Provider | Switch plan |\n|---|---|\n| Acme | Beta Corp |\n")
    assert strong["vendor-exit"] == "present"
    assert weak.coverage["vendor-exit"] == "partial"
    assert table.coverage["vendor-exit"] == "present"


def test_a_registered_concern_flows_through_the_guard_and_template_check(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "house"
    shutil.copytree(api.default_template().parent, folder)
    main = folder / api.DEFAULT_TEMPLATE_NAME
    rendered = api.render_markdown(_complete())
    with concerns.registered(VENDOR):
        assert guard.uncovered(rendered) == [("vendor-exit", "missing")]
        assert guard.uncovered(f"{rendered}\n## Exit plan\n\n{BODY}\n") == []
        dropped = _template_check(main)
        (folder / VENDOR.partial).write_text(f"## Vendor exit plan\n\n{BODY}\n", "utf-8")
        main.write_text(main.read_text("utf-8") + '\n{% include "sections/vendor-exit.md.j2" %}\n')
        kept = _template_check(main)
    assert dropped == (1, f"{main}: does not render concern vendor-exit (missing) for {COMPLETE}\n")
    assert kept == (0, f"{main}: renders every required concern for 1 spec(s)\n")


def _complete() -> Spec:
    from prd_forge.spec.load import load_spec

    return load_spec(COMPLETE).spec


def _template_check(main: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["template", "check", str(main), "--spec", str(COMPLETE)])
    return result.exit_code, result.stdout


def test_registering_an_existing_id_is_refused() -> None:
    with (
        pytest.raises(ValueError, match="fallbacks"),
        concerns.registered(concerns.get("fallbacks")),
    ):
        pass


def test_a_registered_concern_shows_in_rules_and_the_reference() -> None:
    with concerns.registered(VENDOR):
        explained = CliRunner().invoke(cli, ["rules", "vendor-exit"])
        reference = docs.markdown()
    assert explained.exit_code == 0
    assert explained.stdout.splitlines()[:5] == [
        "vendor-exit: Vendor exit plan",
        "level: required | applies to: every PRD",
        "",
        f"Why: {VENDOR.why}",
        f"Anchor: {VENDOR.anchor}",
    ]
    row = (
        f"| vendor-exit | Vendor exit plan | required | every PRD | {VENDOR.why} "
        f"({VENDOR.anchor}) |"
    )
    assert row in reference
    assert row not in docs.markdown()


@pytest.mark.parametrize("concern", concerns.current(), ids=lambda c: c.id)
def test_every_concern_says_what_rules_and_the_questionnaire_read(concern: Concern) -> None:
    assert all((concern.title, concern.why, concern.anchor, concern.fields, concern.strong))
    explained = docs.explain_concern(concern)
    assert f"{concern.id}: {concern.title}\n" in explained
    assert f"Why: {concern.why}\n" in explained
