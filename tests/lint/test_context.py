"""What a rule may read: Context.once computes a shared scan once per document."""

from __future__ import annotations

from prd_forge.lint.document import parse
from prd_forge.lint.engine import concern_analysis
from prd_forge.lint.rules.base import Context
from prd_forge.lint.rules.failure import _threshold_blocks


def test_once_computes_once_and_answers_each_rule_alike() -> None:
    doc = parse("## Fallbacks\n\nBelow a confidence of 0.7 the agent answers by hand.\n")
    ctx = Context(doc, concern_analysis(doc), True, frozenset(), {})
    calls: list[Context] = []

    def scan(given: Context) -> list[int]:
        calls.append(given)
        return [len(given.doc.sections)]

    assert ctx.once(scan) is ctx.once(scan)
    assert calls == [ctx]
    with_value, not_applicable = ctx.once(_threshold_blocks)
    assert [block.line for block in with_value] == [3] and not not_applicable


def test_a_concerns_text_is_made_once_and_read_alike() -> None:
    doc = parse("## Error cost\n\n### Wrong output\n\nA wrong refund costs more than none.\n")
    ctx = Context(doc, concern_analysis(doc), True, frozenset(), {})
    text = ctx.text_of("error-cost")
    assert text == "Error cost\nWrong output\nA wrong refund costs more than none."
    assert ctx.text_of("error-cost") is text
    assert ctx.text_of("monitoring") == ""
