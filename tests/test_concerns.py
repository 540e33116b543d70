"""Each concern owns its knowledge, and a concern added through the registry flows through
lint (its placeholder forms too), the render guard, `template check`, completeness (its gap
messages, in `check`) and `rules` without any other module being edited."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any, get_args, get_origin

import pytest
from click.testing import CliRunner

from prd_forge import concerns
from prd_forge.cli import cli
from prd_forge.concerns import Concern, GapMessage, Level, Placeholder, Raise, TableSign
from prd_forge.lint import docs, lint_text
from prd_forge.lint import text as words
from prd_forge.render import api, guard
from prd_forge.spec.completeness import Gap, find_gaps
from prd_forge.spec.model import Spec
from prd_forge.spec.stakes import raised
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
    placeholders=(Placeholder(("(provider",), r"\(provider(?: name)?\)"),),
    gaps=(
        GapMessage(
            "owner",
            "names no one who owns the switch to another provider",
            "name the person who runs the exit plan",
            field="feature.owner",
        ),
    ),
)
BODY = (
    "We keep a second provider configured and rehearse the switch every quarter; switching "
    "providers takes one config change and an evaluation run."
)


def _spec_with_every_gap() -> Spec:
    return Spec.model_validate(
        {"feature": {"name": "Bare"}, "open_questions": [{"question": "Which model?"}]}
    )


def _lacks(concern: Concern) -> list[str]:
    """What a registered concern lacks of what prd-forge needs from its module."""
    lacking = []
    if not (ROOT / "templates" / concern.partial).is_file():
        lacking.append("a template partial")
    if concern.id not in {gap.concern for gap in find_gaps(_spec_with_every_gap())}:
        lacking.append("a completeness check (code, or a gap message naming a field)")
    if not (concern.evidence and concern.strong):
        lacking.append("strong headings and evidence patterns")
    for alternative in concern.evidence:
        re.compile(alternative)
    if concern.complete and not concern.lacking:
        lacking.append("the part a section lacks when it misses its completion patterns")
    for form in concern.placeholders:
        re.compile(form.pattern)
        if not form.needles or any(n != n.lower() or not n for n in form.needles):
            lacking.append(f"lower-case needles for placeholder {form.pattern!r}")
    return lacking


@pytest.mark.parametrize("concern", concerns.current(), ids=concerns.ids())
def test_every_concern_has_a_partial_a_check_and_evidence(concern: Concern) -> None:
    assert _lacks(concern) == []


def test_a_concern_that_lacks_what_it_needs_is_caught() -> None:
    bare = VENDOR._replace(
        evidence=(), gaps=(), placeholders=(Placeholder((), "x"),), complete=("exit",)
    )
    with concerns.registered(bare):
        assert _lacks(bare) == [
            "a template partial",
            "a completeness check (code, or a gap message naming a field)",
            "strong headings and evidence patterns",
            "the part a section lacks when it misses its completion patterns",
            "lower-case needles for placeholder 'x'",
        ]
    with concerns.registered(VENDOR):
        assert _lacks(VENDOR) == ["a template partial"]


def test_a_registered_concern_flows_through_completeness_and_check(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    text = COMPLETE.read_text("utf-8")
    spec.write_text(re.sub(r"\n  owner: [^\n]*", "", text, count=1), "utf-8")
    message = "names no one who owns the switch to another provider"
    fix = "name the person who runs the exit plan"
    with concerns.registered(VENDOR):
        gaps = find_gaps(_spec_with_every_gap())
        checked = CliRunner().invoke(cli, ["check", "--format", "json", str(spec)])
    assert gaps[-1] == Gap("feature.owner", "vendor-exit", message, fix)
    assert "vendor-exit" not in {gap.concern for gap in find_gaps(_spec_with_every_gap())}
    findings = json.loads(checked.stdout)["files"][0]["findings"]
    assert [
        (f["level"], f["path"], f["message"], f["fix"])
        for f in findings
        if f["concern"] == "vendor-exit"
    ] == [("error", "feature.owner", message, fix)]
    assert checked.exit_code == 1


def test_a_registered_concerns_placeholder_is_read_by_lint() -> None:
    text = "# X\n\n## Exit plan\n\nWe switch to (provider name) within a week.\n"
    with concerns.registered(VENDOR):
        assert words.first_placeholder("Switch to (provider name).") == "(provider name)"
        report = lint_text(text)
    assert report.coverage["vendor-exit"] == "partial"
    assert [(f.code, f.line, f.message) for f in report.findings if f.code == "PRD005"] == [
        ("PRD005", 5, "placeholder '(provider name)' left in: replace it with the decision")
    ]
    assert words.first_placeholder("Switch to (provider name).") is None
    assert not [f for f in lint_text(text).findings if f.code == "PRD005"]


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
    assert explained.stdout.endswith(
        "Gaps check reports in an answers file:\n"
        "  feature.owner: names no one who owns the switch to another provider "
        "(name the person who runs the exit plan)\n"
    )


def test_rules_shows_what_check_and_the_questionnaire_say_for_a_concern() -> None:
    fallbacks = CliRunner().invoke(cli, ["rules", "fallbacks"]).stdout
    oversight = CliRunner().invoke(cli, ["rules", "human-oversight"]).stdout
    assert fallbacks.endswith(
        "Gaps check reports in an answers file:\n"
        "  fallbacks: lists no fallback (add what the feature does when the model is unsure, "
        "wrong or down)\n"
        "  says nothing about low confidence (add a fallback triggered by low-confidence: what "
        "happens below the threshold)\n"
        "  failure mode '<mode>' is <severity> but no fallback handles it (add a fallback and "
        "list its id here)\n"
        "  names fallback '<ref>', which is not defined (define a fallback with id '<ref>' under "
        "fallbacks)\n"
    )
    assert oversight.endswith(
        "When earlier answers raise its stakes: Required here: a failure mode is unacceptable "
        "or a fallback routes to a human, so say who reviews and how.\n"
    )


def test_a_concerns_stakes_are_raised_by_the_answers_that_raise_them() -> None:
    with_stakes = {concern.id for concern in concerns.current() if concern.stakes}
    raising = {concern.id for concern in concerns.current() if concern.raised_by}
    unacceptable = Spec.model_validate(
        {"failure_modes": {"modes": [{"id": "wrong-dose", "severity": "unacceptable"}]}}
    )
    to_human = Spec.model_validate({"fallbacks": [{"id": "ask", "behaviour": "route-to-human"}]})
    assert raised(unacceptable) == raised(to_human) == with_stakes == raising
    assert raising == {"human-oversight"}
    assert raised(_spec_with_every_gap()) == frozenset()


def _item_field(items: str, field: str) -> Any:
    """The annotation of `field` on an item of the spec list at the dotted path `items`."""
    model: Any = Spec
    for name in items.split("."):
        model = model.model_fields[name].annotation
        model = get_args(model)[0] if get_origin(model) is list else model
    return model.model_fields[field].annotation


@pytest.mark.parametrize("concern", concerns.current(), ids=concerns.ids())
def test_what_raises_a_concerns_stakes_names_a_real_answer(concern: Concern) -> None:
    for said in concern.raised_by:
        kinds = [k for k in get_args(_item_field(said.items, said.field)) if k is not type(None)]
        assert said.value in {member.value for member in kinds[0]}
        assert said.where in concerns.ids()
        re.compile(said.prose)


def test_a_registered_concerns_stakes_are_raised_and_shown() -> None:
    raises = Raise("failure_modes.modes", "severity", "unacceptable", "error-cost", "x")
    vendor = VENDOR._replace(stakes="Required here: say how you leave.", raised_by=(raises,))

    def spec(severity: str) -> Spec:
        modes = [{"id": "m", "severity": severity}]
        return Spec.model_validate({"failure_modes": {"modes": modes}})

    with concerns.registered(vendor):
        assert raised(spec("annoying")) == frozenset()
        assert raised(spec("unacceptable")) == {"vendor-exit", "human-oversight"}


@pytest.mark.parametrize("concern", concerns.current(), ids=lambda c: c.id)
def test_every_concern_says_what_rules_and_the_questionnaire_read(concern: Concern) -> None:
    assert all((concern.title, concern.why, concern.anchor, concern.fields, concern.strong))
    explained = docs.explain_concern(concern)
    assert f"{concern.id}: {concern.title}\n" in explained
    assert f"Why: {concern.why}\n" in explained
