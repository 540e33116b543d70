"""Property: whatever bytes an answers file holds, `check` answers with 0, 1 or 2, no traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prd_forge.cli import cli
from prd_forge.spec.model import SECTION_MODELS, Spec

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "samples" / "support-reply-copilot.yaml").read_text(encoding="utf-8")
FIELD_NAMES = sorted(
    {
        *Spec.model_fields,
        *(name for model in SECTION_MODELS.values() for name in model.model_fields),
    }
)
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["review", "draft", "low-confidence", "route-to-human", ">=", "unacceptable"]),
)
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=5),
    ),
    max_leaves=30,
)


def check_exit(data: bytes, suffix: str) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"spec{suffix}"
        path.write_bytes(data)
        result = CliRunner().invoke(cli, ["check", str(path)])
    # CliRunner catches everything: an exception other than SystemExit is a traceback.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in {0, 1, 2}, result.output
    assert result.stderr == ""
    return result.exit_code


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".yaml", ".json", ".txt"]))
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    check_exit(data, suffix)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"%@`, \n\tab1")), max_size=120))
def test_yaml_punctuation_soup(text: str) -> None:
    check_exit(text.encode("utf-8"), ".yaml")


@FUZZ
@given(st.dictionaries(st.sampled_from(sorted(Spec.model_fields)), values, max_size=8))
def test_spec_shaped_data(data: dict[str, Any]) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    check_exit(yaml.dump(data, Dumper=dumper).encode("utf-8"), ".yaml")


@FUZZ
@given(st.integers(0, len(SAMPLE) - 1), st.integers(0, 40), st.text(max_size=6))
def test_mutated_sample(start: int, length: int, insert: str) -> None:
    text = SAMPLE[:start] + insert + SAMPLE[start + length :]
    check_exit(text.encode("utf-8"), ".yaml")
