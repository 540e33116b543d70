"""`check`, `render` and lint agree by construction, on specs generated from the model.

Every spec that passes `check` at its status renders to a PRD that lints clean at the matching
stage; every spec that fails renders (with `--draft`) to a PRD that lint fails. The four samples
prove it for four hand-written specs (test_lint_roundtrip.py); this proves it for generated
ones, minimal ones included (one item per list, every optional field left out).
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from prd_forge.lint import fails, lint_text
from prd_forge.render import api
from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.load import validate
from tests.render.spec_strategy import spec_data

# The lint stage a spec's status stands for (lint reads the same words from front matter).
STAGE = {"draft": "draft", "review": "review", "approved": "launch", "launched": "launch"}
AGREE = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run and machine
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _findings(report: Any) -> list[str]:
    return [f"{f.line}: {f.code} {f.severity} {f.message}" for f in report.findings]


@AGREE
@given(spec_data())
def test_check_render_and_lint_agree(data: dict[str, Any]) -> None:
    spec = validate(data, "generated.yaml").spec
    blockers = blocking(spec, find_gaps(spec))
    stage = STAGE[spec.feature.status.value]
    text = api.render_markdown(spec, draft=bool(blockers))
    report = lint_text(text, path="generated.md", stage=stage)
    if blockers:
        assert fails(report, "error"), (
            f"check fails ({blockers[0].path}: {blockers[0].message}) but lint passes at "
            f"stage {stage}:\n" + "\n".join(_findings(report))
        )
    else:
        assert not fails(report, "error"), (
            f"check passes but lint fails at stage {stage}:\n" + "\n".join(_findings(report))
        )
