"""SARIF 2.1.0, as GitHub code scanning accepts it.

Every rule is listed with its metadata and help link; each result points at a file and a
line, and carries a partial fingerprint built from the rule, the file, the concern and the
message, so an edit that moves lines does not close and reopen alerts.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path, PurePath
from typing import Any

from prd_forge import __version__
from prd_forge.lint.engine import Finding
from prd_forge.lint.formats import Options
from prd_forge.lint.rules import REGISTRY, help_uri
from prd_forge.lint.run import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/prd-forge/prd-forge"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_INDEX = {rule.code: index for index, rule in enumerate(REGISTRY)}


def _uri(path: str) -> dict[str, str]:
    if path == "-":
        return {"uri": "stdin"}
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": pure.as_posix(), "uriBaseId": "%SRCROOT%"}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why},
            "helpUri": help_uri(rule),
            "help": {"text": f"{rule.why} ({rule.anchor})"},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {"tags": ["prd", rule.concern if rule.concern != "*" else "structure"]},
        }
        for rule in REGISTRY
    ]


def _result(f: Finding) -> dict[str, Any]:
    key = f"{f.code}:{f.path}:{f.concern}:{f.message}"
    return {
        "ruleId": f.code,
        "ruleIndex": _INDEX[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _uri(f.path),
                    "region": {"startLine": f.line, "startColumn": f.column},
                }
            }
        ],
        "partialFingerprints": {"prdForge/v1": hashlib.sha256(key.encode()).hexdigest()[:32]},
        "properties": {"concern": f.concern, "name": f.name},
    }


def render(result: RunResult, options: Options) -> str:
    notifications = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(problem.path)}}],
        }
        for problem in result.problems
    ]
    run = {
        "tool": {
            "driver": {
                "name": "prd-forge",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": _rules(),
            }
        },
        "automationDetails": {"id": "prd-forge/"},
        "invocations": [
            {
                "executionSuccessful": not result.problems,
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": [_result(f) for report in result.reports for f in report.findings],
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
