"""The coverage diff as text (terminal, CI log), json (a contract) or Markdown (a PR comment)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from prd_forge.catalogue import BY_ID
from prd_forge.workflow.diff import ChangedFinding, CoverageChange, Diff, FileChange, FileDiff

# Bots look for this line to update their earlier comment instead of adding a new one.
COMMENT_MARKER = "<!-- prd-forge diff -->"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def counts_line(diff: Diff) -> str:
    """One line: how many PRDs, concerns lost and gained, findings added and resolved."""
    return (
        f"{_plural(len(diff.files), 'PRD')} compared: "
        f"{_plural(diff.count('lost'), 'concern')} lost, {diff.count('gained')} gained; "
        f"{_plural(diff.count('added'), 'finding')} added, {diff.count('resolved')} resolved"
    )


def _heading(file: FileDiff) -> str:
    if file.status is FileChange.RENAMED:
        return f"{file.path} (renamed from {file.base_path})"
    if file.status is FileChange.MODIFIED:
        compared = f" (compared with {file.base_path})" if file.base_path != file.path else ""
        return file.path + compared
    return f"{file.path} ({file.status})"


def _yes_no(ai: bool | None) -> str:
    return {True: "yes", False: "no", None: "-"}[ai]


# --- text --------------------------------------------------------------------------------------


def _text_lines(file: FileDiff) -> Iterator[str]:
    yield _heading(file)
    if file.status is FileChange.DELETED:
        return
    if file.ai_before is not None and file.ai_before != file.ai_after:
        yield f"  ai feature  {_yes_no(file.ai_before)} -> {_yes_no(file.ai_after)}"
    width = max((len(change.concern) for change in file.coverage), default=0)
    for label, changes in (("lost", file.lost), ("gained", file.gained)):
        for change in changes:
            yield f"  {label:<9} {change.concern:<{width}}  {change.before} -> {change.after}"
    for label, findings in (("added", file.added), ("resolved", file.resolved)):
        for finding in findings:
            yield (
                f"  {label:<9} {finding.line}:{finding.column}: {finding.severity} {finding.code} "
                f"{finding.name}: {finding.message}"
            )
    if not file.changed:
        yield "  no change to coverage or findings"


def to_text(diff: Diff) -> str:
    if not diff.files:
        return "no PRD changed\n"
    lines = [line for file in diff.files for line in _text_lines(file)]
    verdict = "coverage regressed" if diff.regressed else "coverage did not regress"
    return "\n".join([*lines, "", f"{counts_line(diff)}; {verdict}"]) + "\n"


# --- json --------------------------------------------------------------------------------------


def _change_record(change: CoverageChange) -> dict[str, str]:
    return {"concern": change.concern, "before": change.before, "after": change.after}


def _finding_record(finding: ChangedFinding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "concern": finding.concern,
        "severity": finding.severity,
        "line": finding.line,
        "column": finding.column,
        "message": finding.message,
    }


def _file_record(file: FileDiff) -> dict[str, Any]:
    return {
        "path": file.path,
        "base_path": file.base_path,
        "status": str(file.status),
        "regressed": file.regressed,
        "ai": {"before": file.ai_before, "after": file.ai_after},
        "coverage": {
            "lost": [_change_record(change) for change in file.lost],
            "gained": [_change_record(change) for change in file.gained],
        },
        "findings": {
            "added": [_finding_record(finding) for finding in file.added],
            "resolved": [_finding_record(finding) for finding in file.resolved],
        },
    }


def to_json(diff: Diff) -> str:
    summary = {what: diff.count(what) for what in ("lost", "gained", "added", "resolved")}
    document = {
        "files": [_file_record(file) for file in diff.files],
        "summary": {"files": len(diff.files), **summary, "regressed": diff.regressed},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --- markdown ----------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _concern_title(concern: str) -> str:
    known = BY_ID.get(concern)
    return f"{known.title} (`{concern}`)" if known else f"`{concern}`"


def _coverage_table(file: FileDiff) -> Iterator[str]:
    yield "| | concern | before | after |"
    yield "|---|---|---|---|"
    for change in (*file.lost, *file.gained):
        mark = ":x:" if change.lost else ":white_check_mark:"
        yield f"| {mark} | {_concern_title(change.concern)} | {change.before} | {change.after} |"


def _findings_table(
    title: str, findings: tuple[ChangedFinding, ...], *, open_: bool
) -> Iterator[str]:
    yield f"<details{' open' if open_ else ''}><summary>{title} ({len(findings)})</summary>"
    yield ""
    yield "| line | severity | rule | message |"
    yield "|---|---|---|---|"
    for f in findings:
        rule = f"`{f.code}` {f.name}"
        yield f"| {f.line} | {f.severity} | {_cell(rule)} | {_cell(f.message)} |"
    yield ""
    yield "</details>"


def _markdown_file(file: FileDiff) -> Iterator[str]:
    compared = f" (compared with `{file.base_path}`)" if file.base_path != file.path else ""
    notes = {
        FileChange.RENAMED: f" (renamed from `{file.base_path}`)",
        FileChange.ADDED: " (added)",
        FileChange.MODIFIED: compared,
    }
    yield f"#### `{file.path}`{notes.get(file.status, '')}"
    yield ""
    if file.ai_before is not None and file.ai_before != file.ai_after:
        yield f"AI feature: {_yes_no(file.ai_before)} -> {_yes_no(file.ai_after)}"
        yield ""
    if file.coverage:
        yield from _coverage_table(file)
        yield ""
    for title, findings in (("Findings added", file.added), ("Findings resolved", file.resolved)):
        if findings:
            yield from _findings_table(title, findings, open_=findings is file.added)
            yield ""


def to_markdown(diff: Diff) -> str:
    lines = [COMMENT_MARKER, "### prd-forge: risk coverage", ""]
    if not diff.files:
        return "\n".join([*lines, "No PRD changed.", ""])
    verdict = ":x: **Coverage regressed**" if diff.regressed else ":white_check_mark: No regression"
    lines += [f"{verdict}: {counts_line(diff)}.", ""]
    deleted = [f"`{f.path}`" for f in diff.files if f.status is FileChange.DELETED]
    shown = [f for f in diff.files if f.changed and f.status is not FileChange.DELETED]
    quiet = [f"`{f.path}`" for f in diff.files if not f.changed]
    for file in shown:
        lines += _markdown_file(file)
    for label, paths in (("No change to coverage or findings", quiet), ("Deleted", deleted)):
        if paths:
            lines += [f"{label}: {', '.join(paths)}.", ""]
    return "\n".join(lines)


FORMATTERS: dict[str, Callable[[Diff], str]] = {
    "text": to_text,
    "json": to_json,
    "markdown": to_markdown,
}
