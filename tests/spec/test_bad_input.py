"""Bad input to `prd-forge check`: one clear line per problem, exit 2, never a traceback."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from prd_forge.spec.load import MAX_BYTES

Invoke = Callable[..., Result]

# (case id, file name, file bytes, the problem lines `check` prints for it; {f} is the path)
CASES: list[tuple[str, str, bytes, list[str]]] = [
    (
        "yaml-unquoted-colon",
        "spec.yaml",
        b"feature:\n  name: Copilot\n  summary: Drafts: replies\n",
        [
            "{f}:3: malformed YAML at column 18: mapping values are not allowed here "
            "(quote text that contains ': ')"
        ],
    ),
    (
        "yaml-unclosed-flow",
        "spec.yaml",
        b"feature:\n  target_users: [agents, leads\nproblem: {}\n",
        [
            "{f}:3: malformed YAML at column 8: expected ',' or ']', but got ':'",
        ],
    ),
    (
        "yaml-tab-indent",
        "spec.yaml",
        b"feature:\n\tname: Copilot\n",
        [
            "{f}:2: malformed YAML at column 1: found character '\\t' that cannot start any "
            "token (indent with spaces, not tabs)"
        ],
    ),
    (
        "yaml-two-documents",
        "spec.yaml",
        b"feature: {}\n---\nproblem: {}\n",
        [
            "{f}:2: malformed YAML at column 1: but found another document "
            "(keep one document: remove the second '---')"
        ],
    ),
    (
        "yaml-duplicate-key",
        "spec.yaml",
        b"feature:\n  name: A\n  owner: Dana\n  name: B\n",
        ["{f}:4: feature.name: repeats the key from line 2 (keep one of the two)"],
    ),
    (
        "yaml-impossible-date",
        "spec.yaml",
        b"open_questions:\n  - question: When?\n    due: 2026-13-45\n",
        ["{f}: holds a value YAML cannot read: month must be in 1..12 (quote dates and times)"],
    ),
    (
        "json-trailing-comma",
        "spec.json",
        b'{\n  "feature": {"name": "Copilot",}\n}\n',
        [
            "{f}:2: malformed JSON at column 33: Expecting property name enclosed in double "
            "quotes (fix the JSON syntax there)"
        ],
    ),
    (
        "json-unknown-field",
        "spec.json",
        b'{\n  "feature": {\n    "nmae": "Copilot"\n  }\n}\n',
        ["{f}:3: feature.nmae: unknown field (did you mean 'name'?)"],
    ),
    (
        "unknown-fields",
        "spec.yaml",
        b"feature:\n  summry: Drafts replies\nfallback:\n  - id: x\n",
        [
            "{f}:2: feature.summry: unknown field (did you mean 'summary'?)",
            "{f}:3: fallback: unknown field (did you mean 'fallbacks'?)",
        ],
    ),
    (
        "wrong-types",
        "spec.yaml",
        (
            b"feature:\n  status: reveiw\n"
            b"problem:\n  rules_considered: maybe\n"
            b"failure_modes:\n  modes: none yet\n"
            b"metrics:\n  - name: Handle time\n    baseline: 7.5 min\n"
            b"evaluation:\n  confidence_threshold: 1.5\n"
            b"fallbacks:\n  - id: Route To Agent\n"
        ),
        [
            "{f}:2: feature.status: 'reveiw' is not one of the choices (did you mean 'review'?)",
            "{f}:4: problem.rules_considered: 'maybe' is not true or false (write true or false)",
            "{f}:6: failure_modes.modes: should be a list, not text "
            "(write one item per line, each starting with '- ')",
            "{f}:9: metrics[0].baseline: '7.5 min' is not a number "
            "(write a plain number without its unit, e.g. 0.97 or 1200)",
            "{f}:11: evaluation.confidence_threshold: is 1.5, but should be less than or "
            "equal to 1",
            "{f}:13: fallbacks[0].id: 'Route To Agent' is not a valid id "
            "(use lowercase letters, digits and hyphens, e.g. route-to-agent)",
        ],
    ),
    (
        "not-a-finite-number",
        "spec.yaml",
        b"metrics:\n  - name: Recall\n    baseline: .nan\n"
        b"    target: {comparator: '>=', value: .inf}\n",
        [
            "{f}:3: metrics[0].baseline: nan is not a number "
            "(write a plain number without its unit, e.g. 0.97 or 1200)",
            "{f}:4: metrics[0].target.value: inf is not a number "
            "(write a plain number without its unit, e.g. 0.97 or 1200)",
        ],
    ),
    (
        "markdown-prd",
        "PRD.md",
        b"# Support copilot\n\n## Fallbacks\n",
        [
            "{f}: is Markdown, not an answers file "
            "(lint a PRD with `prd-forge lint`; check reads .yaml and .json answers files)"
        ],
    ),
    (
        "missing-id",
        "spec.yaml",
        b"fallbacks:\n  - trigger: timeout\n",
        ["{f}:2: fallbacks[0].id: is required (answer: Short id for this fallback?)"],
    ),
    (
        "alert-without-number",
        "spec.yaml",
        b"monitoring:\n  signals:\n    - name: Discard rate\n      alert_threshold: high\n",
        [
            "{f}:4: monitoring.signals[0].alert_threshold: an alert threshold needs a number "
            "(e.g. '> 35% over 24 h')"
        ],
    ),
    (
        "empty",
        "spec.yaml",
        b"",
        ["{f}: is empty (start from a sample in samples/ or run `prd-forge new`)"],
    ),
    (
        "blank-lines",
        "spec.yaml",
        b"\n  \n\n",
        ["{f}: is empty (start from a sample in samples/ or run `prd-forge new`)"],
    ),
    (
        "only-comments",
        "spec.yaml",
        b"# yaml-language-server: $schema=x\n# to do\n",
        ["{f}: is empty (start from a sample in samples/ or run `prd-forge new`)"],
    ),
    (
        "empty-json",
        "spec.json",
        b"  \n",
        ["{f}: is empty (start from a sample in samples/ or run `prd-forge new`)"],
    ),
    (
        "not-utf8",
        "spec.yaml",
        b"feature:\n  name: Caf\xe9\n",
        ["{f}:2: is not UTF-8 text (byte 0xe9) (save the file as UTF-8)"],
    ),
    (
        "top-level-list",
        "spec.yaml",
        b"- feature: {}\n- problem: {}\n",
        [
            "{f}:1: is a list, not a mapping of sections "
            "(an answers file maps section names such as feature and problem to answers)"
        ],
    ),
    (
        "top-level-text",
        "spec.yaml",
        b"just some notes\n",
        [
            "{f}:1: is 'just some notes', not a mapping of sections "
            "(an answers file maps section names such as feature and problem to answers)"
        ],
    ),
    (
        "yaml-alias-bomb",
        "spec.yaml",
        (
            "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
        ).encode(),
        [
            "{f}: its aliases repeat more than 10,000 values "
            "(write the values out, or use fewer *aliases)"
        ],
    ),
    (
        "yaml-recursive-alias",
        "spec.yaml",
        b"feature:\n  name: A\na: &a [*a]\n",
        [
            "{f}:3: holds an alias inside its own anchor (a value that contains itself) "
            "(write the value out instead of the *alias)"
        ],
    ),
    (
        "yaml-recursive-mapping-alias",
        "spec.yaml",
        b"feature: &f\n  name: A\n  owner: *f\n",
        [
            "{f}:1: holds an alias inside its own anchor (a value that contains itself) "
            "(write the value out instead of the *alias)"
        ],
    ),
    (
        "key-not-a-name",
        "spec.yaml",
        b"feature:\n  7: seven\n",
        [
            "{f}:1: feature: has the key 7, which is not a field name "
            "(valid: name, owner, status, summary, target_users)"
        ],
    ),
]


@pytest.mark.parametrize(
    ("name", "data", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_file(
    prd_forge: Invoke, tmp_path: Path, name: str, data: bytes, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = prd_forge("check", str(path))
    count = f"{len(expected)} error" + ("" if len(expected) == 1 else "s")
    assert result.stdout.splitlines() == [
        *(line.format(f=path) for line in expected),
        f"{path}: invalid: {count}, 0 warnings",
    ]
    assert (result.exit_code, result.stderr) == (2, "")


def test_directory(prd_forge: Invoke, tmp_path: Path) -> None:
    result = prd_forge("check", str(tmp_path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"prd-forge: error: {tmp_path}: is a directory, not an answers file "
        "(name a .yaml or .json file)\n"
    )


def test_missing_file(prd_forge: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    result = prd_forge("check", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"prd-forge: error: {path}: no such file (check the path)\n"


def test_utf8_byte_order_mark_is_not_content(prd_forge: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_bytes(b'\xef\xbb\xbf{"feature": {"name": "Copilot"}}')
    result = prd_forge("check", str(path))
    assert result.exit_code == 1
    assert "malformed" not in result.stdout


def test_no_file_argument_is_a_usage_error(prd_forge: Invoke) -> None:
    result = prd_forge("check")
    assert result.exit_code == 2
    assert "Missing argument 'SPEC...'" in result.stderr


def test_a_few_aliases_are_fine(prd_forge: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("feature: &f\n  name: A\nx: *f\n", encoding="utf-8")
    result = prd_forge("check", str(path))
    # the alias expands once; the only problem is the unknown key it is stored under
    assert result.stdout.splitlines()[0].startswith(f"{path}:3: x: unknown field (valid fields: ")
    assert result.stdout.splitlines()[1] == f"{path}: invalid: 1 error, 0 warnings"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: os.mkfifo(p), "is a named pipe (FIFO), not a regular file (give a file)"),
        (lambda p: p.symlink_to("/dev/zero"), "is a device, not a regular file (give a file)"),
        (lambda p: p.symlink_to(p), "is a symbolic link loop (fix or remove the link)"),
        (
            lambda p: p.write_bytes(b"feature: {}\n" + b"#" * MAX_BYTES),
            "is 1.0 MB, over the 1 MB limit (an answers file is tens of KB: check the path)",
        ),
    ],
    ids=["fifo", "device-link", "link-loop", "too-big"],
)
def test_not_a_readable_answers_file(
    prd_forge: Invoke, tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    path = tmp_path / "spec.yaml"
    make(path)
    start = time.monotonic()
    result = prd_forge("check", str(path))
    assert time.monotonic() - start < 10
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"prd-forge: error: {path}: {message}\n"
