"""Whether a YAML or JSON file is a prd-forge answers file, without validating it.

The pre-commit hook sees every YAML and JSON file under the PRD folders (CI workflows,
OpenAPI documents, ...); `check --answers-only` checks only answers files and skips the
rest. A file is an answers file when it names prd-forge's answers schema (the
yaml-language-server comment or a JSON `$schema`), or when its top-level keys include
`feature` or two of the answers file's sections. Keys are read from the text, so a malformed
answers file is still recognised and reported.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

SCHEMA_NAME: Final = "answers.schema.json"
SECTIONS: Final = frozenset(
    {
        "approvals",
        "baseline",
        "data_sources",
        "evaluation",
        "failure_modes",
        "fallbacks",
        "feature",
        "genai_risks",
        "human_oversight",
        "metrics",
        "monitoring",
        "open_questions",
        "privacy",
        "problem",
        "rollout",
        "scope",
        "ux_states",
    }
)
# a key at the start of a line (YAML's top level), or indented at most 4 (pretty JSON's)
_YAML_KEY: Final = re.compile(r"^(['\"]?)(?P<key>[A-Za-z_][\w-]*)\1[ \t]*:(?:[ \t]|$)", re.M)
_JSON_KEY: Final = re.compile(r"^[ \t]{0,4}\"(?P<key>[A-Za-z_][\w-]*)\"[ \t]*:", re.M)
_READ_LIMIT: Final = 1024 * 1024


def is_answers_file(path: Path) -> bool:
    """True for an answers file; unreadable files count as one, so check reports them."""
    try:
        with path.open("rb") as handle:
            text = handle.read(_READ_LIMIT).decode("utf-8", errors="replace")
    except OSError:
        return True
    if SCHEMA_NAME in text[:2048]:
        return True
    pattern = _JSON_KEY if path.suffix.lower() == ".json" else _YAML_KEY
    keys = {match["key"] for match in pattern.finditer(text)}
    found = keys & SECTIONS
    return "feature" in found or len(found) >= 2
