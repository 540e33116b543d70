"""Every export view, by name. Adding a view is adding a row."""

from __future__ import annotations

from prd_forge.export import annex_iv, eval_config, hf_card, model_card, nist_rmf
from prd_forge.export.view import View

VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View(
            name="eval-config",
            summary="a starting promptfoo configuration with the PRD's sets, slices and "
            "thresholds; `verify` reads its results back",
            template="eval-config.yaml.j2",
            context=eval_config.context,
            suffix=".yaml",
        ),
        View(
            name="model-card",
            summary="Model Card Toolkit JSON (schema v0.0.2)",
            template="model-card.json.j2",
            context=model_card.context,
            suffix=".json",
        ),
        View(
            name="hf-card",
            summary="a Hugging Face model card (README.md with YAML metadata)",
            template="hf-card.md.j2",
            context=hf_card.context,
            suffix=".md",
        ),
        View(
            name="annex-iv",
            summary="the EU AI Act Annex IV technical documentation outline, nine points",
            template="annex-iv.md.j2",
            context=annex_iv.context,
            suffix=".md",
        ),
        View(
            name="nist-rmf",
            summary="the NIST AI RMF subcategories (and AI 600-1 risks for generated output) "
            "with the answers that address each",
            template="nist-rmf.md.j2",
            context=nist_rmf.context,
            suffix=".md",
        ),
    )
}
