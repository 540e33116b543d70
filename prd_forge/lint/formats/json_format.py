"""The JSON report: the public contract (see docs/rules.md, "JSON output")."""

from __future__ import annotations

import json

from prd_forge.lint.formats import Options
from prd_forge.lint.formats.tally import summary
from prd_forge.lint.run import RunResult

FINDING_KEYS = ("code", "name", "concern", "severity", "line", "column", "message")


def render(result: RunResult, options: Options) -> str:
    document = {
        "files": [
            {
                "path": report.path,
                "ai": report.ai,
                "coverage": report.coverage,
                "findings": [
                    {key: getattr(f, key) for key in FINDING_KEYS} for f in report.findings
                ],
            }
            for report in result.reports
        ],
        "errors": [{"path": p.path, "message": p.message} for p in result.problems],
        "summary": summary(result),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
