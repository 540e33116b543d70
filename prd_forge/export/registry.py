"""Every export view, by name. Adding a view is adding a row."""

from __future__ import annotations

from prd_forge.export import eval_config
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
    )
}
