"""The line map: every field path of an answers file, with the line that spells it out."""

from __future__ import annotations

from pathlib import Path

import pytest

from prd_forge.spec.load import format_location, load_spec

ROOT = Path(__file__).resolve().parents[2]
COPILOT = ROOT / "samples" / "support-reply-copilot.yaml"


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("feature", 2),
        ("feature.name", 3),
        ("failure_modes.modes[0].fallbacks", 64),
        ("failure_modes.modes[0].fallbacks[1]", 64),
        ("metrics", 115),
        ("metrics[0]", 116),
        ("metrics[0].name", 116),
        ("metrics[0].target.value", 119),
        ("fallbacks[1]", 180),
        ("fallbacks[1].id", 180),
        ("ux_states", 199),
        ("ux_states[2].state", 208),
    ],
)
def test_line_of_a_path_in_a_sample(path: str, line: int) -> None:
    loaded = load_spec(COPILOT)
    assert loaded.line_of(path) == line


def test_the_map_points_at_the_key_not_the_value() -> None:
    lines = COPILOT.read_text(encoding="utf-8").splitlines()
    loaded = load_spec(COPILOT)
    # `summary: >-` folds text over the next lines; the key's own line is the one reported.
    line = loaded.line_of("feature.summary")
    assert line is not None
    assert lines[line - 1].strip() == "summary: >-"


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("ux_states[2].no_such_field", 208),
        ("evaluation.offline_sets[0].thresholds[9]", 149),
        ("not_a_section.child", None),
        ("", None),
    ],
)
def test_a_path_the_file_does_not_spell_out_uses_its_nearest_ancestor(
    path: str, line: int | None
) -> None:
    assert load_spec(COPILOT).line_of(path) == line


def test_json_files_have_lines_too(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(
        '{\n  "feature": {\n    "name": "Copilot",\n    "target_users": [\n      "Agents"\n'
        "    ]\n  }\n}\n",
        encoding="utf-8",
    )
    loaded = load_spec(spec)
    assert loaded.lines == {
        "feature": 2,
        "feature.name": 3,
        "feature.target_users": 4,
        "feature.target_users[0]": 5,
    }


@pytest.mark.parametrize(
    ("location", "path"),
    [
        (("feature", "name"), "feature.name"),
        (("failure_modes", "modes", 2, "fallbacks"), "failure_modes.modes[2].fallbacks"),
        (("metrics", 0), "metrics[0]"),
        ((), ""),
    ],
)
def test_format_location(location: tuple[int | str, ...], path: str) -> None:
    assert format_location(location) == path
