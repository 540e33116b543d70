"""The verdict as text, JSON, a Markdown PR comment or JUnit XML: pure functions of it."""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from prd_forge.render.escape import inline
from prd_forge.verify.checks import HEADINGS, KINDS, LAUNCH
from prd_forge.verify.evaluate import MET, MISSED, NOT_MEASURED, Outcome, Verdict, measured
from prd_forge.verify.results import Measurement

_MARK = {MET: "✅ met", MISSED: "❌ missed", NOT_MEASURED: "⚠️ not measured"}


def _value(outcome: Outcome) -> str:
    if outcome.result is None:
        return "-"
    if outcome.state == NOT_MEASURED:
        return f"- (needs a change over a window; {outcome.result.value:g} is a level)"
    return f"{measured(outcome.check, outcome.result):g}"


def _name(outcome: Outcome) -> str:
    where = f" [{outcome.slice}]" if outcome.slice else ""
    return f"{outcome.check.label}{where}"


def summary(verdict: Verdict) -> str:
    """`no-go: 2 missed, 1 launch criterion not measured; 12 met, 3 not measured`."""
    launch = sum(1 for o in verdict.outcomes if o.state == NOT_MEASURED and o.check.kind == LAUNCH)
    counts = (
        f"{verdict.count(MET)} met, {verdict.count(MISSED)} missed, "
        f"{verdict.count(NOT_MEASURED)} not measured ({launch} of them launch criteria), "
        f"{len(verdict.unmatched)} result(s) unmatched"
    )
    return f"{'go' if verdict.go else 'no-go'}: {counts}"


def _unmatched_line(result: Measurement) -> str:
    parts = [result.metric, result.set or "no set", result.slice_text or "overall"]
    return f"{result.where}: {' / '.join(parts)} = {result.value:g}"


def text(verdict: Verdict) -> str:
    lines = [f"verify {verdict.spec} with {verdict.results}"]
    for kind in KINDS:
        mine = [o for o in verdict.outcomes if o.check.kind == kind]
        if mine:
            lines.append(f"{HEADINGS[kind]}:")
            lines += [
                f"  {o.state:<13} {_name(o)}: {o.check.rule}; measured {_value(o)}" for o in mine
            ]
    if verdict.unmatched:
        lines.append("results that match no metric, set or slice of the spec:")
        lines += [f"  {_unmatched_line(result)}" for result in verdict.unmatched]
    lines.append(summary(verdict))
    return "\n".join(lines) + "\n"


def _record(outcome: Outcome) -> dict[str, object]:
    check = outcome.check
    return {
        "kind": check.kind,
        "check": check.label,
        "metric": check.metric,
        "set": check.set,
        "slice": outcome.slice,
        "rule": check.rule,
        "measured": None
        if outcome.result is None or outcome.state == NOT_MEASURED
        else measured(check, outcome.result),
        "from": None if outcome.result is None else outcome.result.where,
        "state": outcome.state,
    }


def as_json(verdict: Verdict) -> str:
    data = {
        "spec": verdict.spec,
        "results": verdict.results,
        "verdict": "go" if verdict.go else "no-go",
        "counts": {state: verdict.count(state) for state in (MET, MISSED, NOT_MEASURED)},
        "checks": [_record(outcome) for outcome in verdict.outcomes],
        "unmatched": [
            {
                "from": r.where,
                "metric": r.metric,
                "set": r.set,
                "slice": r.slice_text,
                "value": r.value,
            }
            for r in verdict.unmatched
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _pretty(rule: str) -> str:
    return rule.replace(">=", "≥").replace("<=", "≤")


def _table(outcomes: list[Outcome]) -> list[str]:
    lines = ["| state | check | slice | promise | measured |", "|---|---|---|---|---|"]
    for o in outcomes:
        cells = [_MARK[o.state], f"{o.check.kind}: {o.check.label}", o.slice or "overall"]
        cells += [_pretty(o.check.rule), _value(o)]
        lines.append("| " + " | ".join(inline(cell) for cell in cells) + " |")
    return lines


def markdown(verdict: Verdict) -> str:
    """A pull-request comment: what blocks or is unmeasured first, what is met folded away."""
    head = "✅ go" if verdict.go else "❌ no-go"
    open_items = [o for o in verdict.outcomes if o.state != MET]
    met = [o for o in verdict.outcomes if o.state == MET]
    lines = [
        f"### prd-forge verify: {head}",
        "",
        f"`{verdict.spec}` with `{verdict.results}`: {summary(verdict).split(': ', 1)[1]}.",
    ]
    open_items.sort(key=lambda o: not o.blocks)
    if open_items:
        lines += ["", *_table(open_items)]
    if met:
        lines += ["", f"<details><summary>{len(met)} met</summary>", "", *_table(met)]
        lines += ["", "</details>"]
    if verdict.unmatched:
        lines += ["", "**Results that match no metric, set or slice of the spec**", ""]
        lines += [f"- {inline(_unmatched_line(result))}" for result in verdict.unmatched]
    return "\n".join(lines) + "\n"


def _case(outcome: Outcome) -> str:
    name = quoteattr(f"{_name(outcome)} {outcome.check.rule}")
    opening = f"    <testcase classname={quoteattr(outcome.check.kind)} name={name}"
    message = quoteattr(f"{outcome.state}; measured {_value(outcome)}")
    if outcome.blocks:
        return f"{opening}>\n      <failure message={message}/>\n    </testcase>"
    if outcome.state == NOT_MEASURED:
        return f"{opening}>\n      <skipped message={message}/>\n    </testcase>"
    return f"{opening}/>"


def junit(verdict: Verdict) -> str:
    failures = sum(1 for o in verdict.outcomes if o.blocks)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="prd-forge verify" tests="{len(verdict.outcomes)}" '
        f'failures="{failures}">',
        f'  <testsuite name={quoteattr(verdict.spec)} tests="{len(verdict.outcomes)}" '
        f'failures="{failures}">',
        *(_case(outcome) for outcome in verdict.outcomes),
    ]
    if verdict.unmatched:
        listed = "\n".join(_unmatched_line(result) for result in verdict.unmatched)
        lines.append(f"    <system-out>unmatched results:\n{escape(listed)}</system-out>")
    lines += ["  </testsuite>", "</testsuites>"]
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[Verdict], str]] = {
    "text": text,
    "json": as_json,
    "markdown": markdown,
    "junit": junit,
}
