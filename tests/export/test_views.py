"""The model-card, hf-card, annex-iv and nist-rmf views: goldens, schemas, and gaps with owners.

After an intended change to a view's template, regenerate the goldens with

    PRD_FORGE_REGEN=1 python -m pytest tests/export

and review the diff of tests/export/golden/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from prd_forge.cli import cli
from prd_forge.export import nist_rmf
from prd_forge.export.rmf_table import SUBCATEGORIES
from prd_forge.spec.load import load_spec
from tests.golden import matches_golden

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parent / "golden"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "model-card-toolkit-v0.0.2.schema.json"
INCOMPLETE = ROOT / "samples" / "incomplete" / "meeting-summary-no-fallbacks.yaml"
VIEWS = {"model-card": "model-card.json", "hf-card": "README.md", "annex-iv": "annex-iv.md"}
VIEWS["nist-rmf"] = "nist-rmf.md"
# The top-level metadata fields of huggingface/hub-docs modelcard.md (see schemas/README.md).
HF_DOCUMENTED_FIELDS = {
    "language",
    "license",
    "library_name",
    "tags",
    "datasets",
    "metrics",
    "model-index",
}


def export(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


def view_of(sample: Path, view: str) -> str:
    code, text, stderr = export(sample.relative_to(ROOT).as_posix(), "--view", view)
    assert (code, stderr) == (0, "")
    return text


@pytest.mark.parametrize("view", sorted(VIEWS))
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_view_matches_its_golden(sample: Path, view: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = view_of(sample, view)
    golden = GOLDEN / f"{sample.stem}.{VIEWS[view]}"
    matches_golden(golden, text)


@pytest.mark.parametrize("sample", [*SAMPLES, INCOMPLETE], ids=lambda path: path.stem)
def test_model_card_validates_against_the_published_schema(sample: Path) -> None:
    code, text, _ = export(str(sample), "--view", "model-card", "--draft")
    assert code == 0
    card = json.loads(text)
    jsonschema.validate(card, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert card["schema_version"] == "0.0.2"


def test_model_card_maps_failure_modes_thresholds_and_data() -> None:
    sample = ROOT / "samples" / "support-reply-copilot.yaml"
    spec = yaml.safe_load(sample.read_text(encoding="utf-8"))
    card = json.loads(view_of(sample, "model-card"))
    risks = card["considerations"]["ethical_considerations"]
    assert [risk["name"].split(":")[0] for risk in risks] == [
        mode["id"] for mode in spec["failure_modes"]["modes"]
    ]
    assert "Fallback block-unsafe-draft: The draft is discarded" in risks[1]["mitigation_strategy"]
    metrics = card["quantitative_analysis"]["performance_metrics"]
    policy = [m for m in metrics if m["type"] == "Policy accuracy on Golden tickets v3"]
    assert [m.get("slice") for m in policy] == [None, "Language", "Topic", "Customer tier"]
    assert {m["value"] for m in policy} == {"pass threshold ≥ 0.97 ratio"}
    tickets = card["model_parameters"]["data"][1]
    assert tickets["sensitive"]["sensitive_data"][0].startswith("Names, emails, phone")
    assert (
        "architecture (to be supplied by ML engineering lead)"
        in (card["model_details"]["documentation"])
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_hf_card_metadata_uses_only_documented_fields(sample: Path) -> None:
    text = view_of(sample, "hf-card")
    match = re.fullmatch(r"---\n(.*?)\n---\n(.*)", text, re.DOTALL)
    assert match is not None
    front, body = match.groups()
    metadata = yaml.safe_load(front)
    assert set(metadata) <= HF_DOCUMENTED_FIELDS
    assert all(isinstance(tag, str) for tag in metadata["tags"])
    for heading in ("## Uses", "### Out-of-Scope Use", "## Bias, Risks, and Limitations"):
        assert f"\n{heading}\n" in body
    assert "\n#### Factors\n" in body and "\n## Not supplied by the PRD\n" in body


def test_annex_iv_of_a_sample_lists_its_gaps_with_owners() -> None:
    text = view_of(ROOT / "samples" / "fraud-flagging-classifier.yaml", "annex-iv")
    headings = re.findall(r"^## (\d)\. ", text, re.MULTILINE)
    assert headings == [str(n) for n in range(1, 10)]
    gaps = text.split("\n## Not supplied by the PRD\n")[1]
    assert "| Point 2 (h) Cybersecurity measures | security lead |" in gaps
    assert "| Point 8 A copy of the declaration | the provider's authorised signatory |" in gaps
    assert "| Point 2 (c) System architecture and computational resources |" in gaps


def test_a_draft_view_lists_the_spec_gaps_with_the_spec_owner() -> None:
    code, text, _ = export(str(INCOMPLETE), "--view", "annex-iv", "--draft")
    assert code == 0
    owner = yaml.safe_load(INCOMPLETE.read_text(encoding="utf-8"))["feature"]["owner"]
    assert re.search(rf"\| fallbacks: .* \| the spec owner \({re.escape(owner)}\) \|", text)


def test_nist_rmf_lists_every_subcategory_and_generative_risks_only_when_generated() -> None:
    generated = view_of(ROOT / "samples" / "support-reply-copilot.yaml", "nist-rmf")
    for code, *_ in SUBCATEGORIES:
        assert f"\n| {code} | " in generated
    assert len(SUBCATEGORIES) == 72
    assert "## Generative AI risks (NIST AI 600-1)" in generated
    assert "| Information security | addressed: Red-team prompts v1 covers injection" in generated
    assert "| evaluation set Red-team prompts v1 |\n" in generated
    assert "AI 600-1:" not in generated  # the sample answers every risk
    unanswered = load_spec(ROOT / "samples" / "support-reply-copilot.yaml").spec
    unanswered = unanswered.model_copy(update={"genai_risks": unanswered.genai_risks[1:]})
    assert {
        "item": "AI 600-1: CBRN information or capabilities",
        "role": "trust and safety lead",
    } in (nist_rmf.context(unanswered, "x.yaml")["missing"])
    classifier = view_of(ROOT / "samples" / "fraud-flagging-classifier.yaml", "nist-rmf")
    assert "AI 600-1" not in classifier.split("## Not supplied")[0].split("\n", 3)[3]
    assert "| MEASURE 2.7 | Security and resilience are evaluated and documented | **not in" in (
        classifier
    )


def test_a_team_template_for_a_view(tmp_path: Path) -> None:
    (tmp_path / "views").mkdir()
    own = tmp_path / "views" / "annex-iv.md.j2"
    own.write_text("{{ spec.feature.name }}: {{ missing | length }} items to supply\n", "utf-8")
    sample = str(ROOT / "samples" / "support-reply-copilot.yaml")
    assert export(sample, "--view", "annex-iv", "--template", str(tmp_path)) == (
        0,
        "Support reply copilot: 11 items to supply\n",
        "",
    )
    code, _, stderr = export(sample, "--view", "hf-card", "--template", str(tmp_path))
    assert code == 2
    assert stderr.startswith(f"prd-forge: error: {tmp_path / 'views' / 'hf-card.md.j2'}: ")
