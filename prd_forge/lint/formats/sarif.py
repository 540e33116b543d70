"""SARIF 2.1.0, as GitHub code scanning accepts it.

Code scanning's rules (docs.github.com, "SARIF support for code scanning" and "results exceed
limit"), and how this module keeps them:

- artifact URIs are relative to the repository root (`uriBaseId` `%SRCROOT%`, declared in
  `originalUriBaseIds`); the root is the git top level of the current folder, or `--base-path`;
- each result carries a partial fingerprint of the rule, the concern, the normalised text of
  the line and the occurrence index of that triple in the file, so moving text does not close
  and reopen alerts, and distinct findings never share one;
- `automationDetails` is written only when `--sarif-category` is given, so the upload action's
  own `category` input applies otherwise;
- at most 5,000 results per run (code scanning keeps no more), errors first; a run-level
  notification says how many were left out;
- every rule has `help.text` and `help.markdown` (its section of docs/rules.md).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from prd_forge import __version__
from prd_forge.lint.docs import rule_markdown
from prd_forge.lint.formats import Options, RuleInfo
from prd_forge.lint.results import Finding
from prd_forge.lint.rules import REGISTRY, help_uri
from prd_forge.lint.run import RunResult

SCHEMA: Final = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI: Final = "https://github.com/prd-forge/prd-forge"
MAX_RESULTS: Final = 5000
FINGERPRINT: Final = "prdForgeFinding/v1"
SRCROOT: Final = "%SRCROOT%"
_LEVEL: Final = {"error": "error", "warning": "warning", "info": "note"}
_RANK: Final = {"error": 0, "warning": 1, "info": 2}


def repository_root(start: Path) -> Path:
    """The git top level above `start` (the folder holding .git), else `start` itself."""
    start = start.resolve()
    return next((f for f in (start, *start.parents) if (f / ".git").exists()), start)


def _uri(path: str, base: Path) -> dict[str, str]:
    absolute = Path(path).resolve()
    if absolute.is_relative_to(base):
        return {"uri": quote(absolute.relative_to(base).as_posix()), "uriBaseId": SRCROOT}
    return {"uri": absolute.as_uri()}


def lint_rules() -> tuple[RuleInfo, ...]:
    """Lint's rules, as SARIF describes them."""
    return tuple(
        RuleInfo(
            rule.code,
            rule.name,
            rule.summary,
            rule.why,
            rule.anchor,
            rule.severity,
            ("prd", rule.concern if rule.concern != "*" else "structure"),
            help_uri(rule),
            rule_markdown(rule),
        )
        for rule in REGISTRY
    )


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "helpUri": rule.help_uri,
        "help": {"text": f"{rule.why} ({rule.anchor})", "markdown": rule.help_markdown},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": list(rule.tags)},
    }


def source_lines(path: str, result: RunResult) -> list[str]:
    """The file's lines, for fingerprints (stdin's from the run; unreadable: none)."""
    if result.stdin is not None and path == result.stdin[0]:
        data = result.stdin[1]
    else:
        try:
            data = Path(path).read_bytes()
        except OSError:
            return []
    return data.decode("utf-8", errors="replace").splitlines()


def fingerprints(findings: Iterable[Finding], lines: list[str]) -> list[str]:
    """One fingerprint per finding of one file: rule, concern, normalised line text, and the
    occurrence index of that triple, so only a logically identical result matches."""
    seen: Counter[tuple[str, str, str]] = Counter()
    found = []
    for f in findings:
        text = " ".join(lines[f.line - 1].split()).casefold() if f.line <= len(lines) else ""
        key = (f.code, f.concern, text)
        found.append(f"{f.code}\0{f.concern}\0{text}\0{seen[key]}")
        seen[key] += 1
    return [hashlib.sha256(key.encode()).hexdigest()[:32] for key in found]


def _result(f: Finding, fingerprint: str, base: Path, index: int) -> dict[str, Any]:
    return {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _uri(f.path, base),
                    "region": {"startLine": f.line, "startColumn": f.column},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {"concern": f.concern, "name": f.name},
    }


def _results(
    result: RunResult, base: Path, index: dict[str, int]
) -> list[tuple[Finding, dict[str, Any]]]:
    pairs: list[tuple[Finding, dict[str, Any]]] = []
    for report in result.reports:
        prints = fingerprints(report.findings, source_lines(report.path, result))
        pairs.extend(
            (f, _result(f, p, base, index[f.code]))
            for f, p in zip(report.findings, prints, strict=True)
        )
    return sorted(pairs, key=lambda pair: (_RANK[pair[0].severity], pair[0]))


def _notifications(result: RunResult, base: Path, left_out: int) -> list[dict[str, Any]]:
    notes: list[dict[str, Any]] = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": [{"physicalLocation": {"artifactLocation": _uri(problem.path, base)}}],
        }
        for problem in result.problems
    ]
    if left_out:
        text = (
            f"{left_out} result{'s' if left_out != 1 else ''} left out: code scanning keeps "
            f"{MAX_RESULTS:,} per run, so the first {MAX_RESULTS:,} (errors first) are "
            "included; run with --format text for all of them"
        )
        notes.append({"level": "warning", "message": {"text": text}})
    return notes


def render(result: RunResult, options: Options) -> str:
    base = Path(options.base_path).resolve() if options.base_path else repository_root(Path())
    rules = options.rules or lint_rules()
    results = _results(result, base, {rule.code: number for number, rule in enumerate(rules)})
    left_out = max(0, len(results) - MAX_RESULTS)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "prd-forge",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": base.as_uri().rstrip("/") + "/"}},
        "invocations": [
            {
                "executionSuccessful": not result.problems,
                "toolExecutionNotifications": _notifications(result, base, left_out),
            }
        ],
        "results": [sarif for _, sarif in results[:MAX_RESULTS]],
    }
    if options.sarif_category:
        run["automationDetails"] = {"id": options.sarif_category.rstrip("/") + "/"}
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
