"""Rewriting an answers file the PM wrote by hand without losing their comments or key order.

`edit` changes a few answers; the file it rewrites must still read like the PM's file. PyYAML
drops comments, so the file is loaded with ruamel.yaml's round-trip loader, which keeps them
with the nodes, the new answers are merged into that tree (changed values replaced, new keys
appended, dropped keys removed), and the tree is written back. Writing a YAML emitter that
keeps comments ourselves would be a second, worse ruamel.yaml.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from prd_forge.questionnaire.session import answers_file_text, clean
from prd_forge.spec.load import SpecError, read_text
from prd_forge.spec.model import Spec


def updated_text(original: str, data: dict[str, Any]) -> str:
    """`original` (YAML) with its values replaced by `data`'s, comments and order kept."""
    from ruamel.yaml import YAML  # imported here: only `edit` needs it, and startup stays fast

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the PM wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    tree = yaml.load(original)
    if not isinstance(tree, dict):
        tree = {}
    merged = _merge(tree, data)
    out = io.StringIO()
    yaml.dump(merged, out)
    return out.getvalue()


def _merge(old: Any, new: Any) -> Any:
    """`new`, reusing `old`'s nodes (and so their comments) wherever the shapes match."""
    if old == new and type(old) is not dict and not isinstance(old, list):
        return old  # unchanged scalars keep their quoting and block style
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else value
        return old
    if isinstance(old, list) and isinstance(new, list):
        kept = [_merge(old[i], value) if i < len(old) else value for i, value in enumerate(new)]
        old[:] = kept
        return old
    return new


def answers_text(spec: Spec, path: Path) -> str:
    """The answers file for `spec`: the file at `path` updated in place when there is one."""
    fresh = answers_file_text(spec)
    if not path.is_file():
        return fresh
    try:
        original = read_text(path)
    except SpecError:
        return fresh
    return updated_text(original, clean(spec.model_dump(mode="json", exclude_defaults=False)))
