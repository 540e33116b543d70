"""GitLab Code Quality JSON: a list of issues, each with a unique fingerprint.

GitLab shows them in merge requests when a job publishes the file as
`artifacts: reports: codequality`. Paths are relative to the repository root (the git top
level, or `--base-path`); fingerprints are SARIF's (rule, concern, normalised line text,
occurrence index) plus the path, so an issue keeps its identity when its text moves.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Final

from prd_forge.lint.formats import Options
from prd_forge.lint.formats.sarif import fingerprints, repository_root, source_lines
from prd_forge.lint.run import RunResult

_SEVERITY: Final = {"error": "major", "warning": "minor", "info": "info"}


def _path(path: str, base: Path) -> str:
    absolute = Path(path).resolve()
    return absolute.relative_to(base).as_posix() if absolute.is_relative_to(base) else path


def render(result: RunResult, options: Options) -> str:
    base = Path(options.base_path).resolve() if options.base_path else repository_root(Path())
    issues: list[dict[str, Any]] = []
    for report in result.reports:
        path = _path(report.path, base)
        prints = fingerprints(report.findings, source_lines(report.path, result))
        for f, fingerprint in zip(report.findings, prints, strict=True):
            unique = hashlib.sha256(f"{path}\0{fingerprint}".encode()).hexdigest()[:32]
            issues.append(
                {
                    "description": f"{f.code} {f.message}",
                    "check_name": f"{f.code} {f.name}",
                    "fingerprint": unique,
                    "severity": _SEVERITY[f.severity],
                    "location": {"path": path, "lines": {"begin": f.line}},
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
