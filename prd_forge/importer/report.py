"""What `import --report` prints: each answer and its line, what was dropped, what is left."""

from __future__ import annotations

from prd_forge import catalogue
from prd_forge.importer.build import Imported


def report(imported: Imported, source: str) -> str:
    """Lines of the import report for `source`."""
    lines = [f"{source}: mapped {len(imported.mapped)} answer(s):"]
    lines += [f"  line {line}: {path}" for path, line in imported.mapped]
    for path, line, why in imported.dropped:
        lines.append(f"  line {line}: {path} not kept: {why}")
    if imported.left:
        lines.append(f"left as open questions ({len(imported.left)}):")
        for concern, line, why in imported.left:
            lines.append(f"  line {line}: {concern} ({catalogue.get(concern).title}): {why}")
    else:
        lines.append("left as open questions: none")
    return "\n".join(lines) + "\n"
