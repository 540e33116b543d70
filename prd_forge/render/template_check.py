"""`template check`: render known-complete specs through a template, report what it drops.

The result is a list of plain records, one per (spec, concern) the template drops or leaves
hollow, so any output format (text today; json, sarif, github later) is a function of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from prd_forge import _resources
from prd_forge.render import api
from prd_forge.spec.completeness import blocking, find_gaps
from prd_forge.spec.load import LoadedSpec, load_spec
from prd_forge.terms import CoverageState


@dataclass(frozen=True, order=True)
class Dropped:
    """A required concern the template drops ("missing") or empties ("hollow") for one spec."""

    template: str
    spec: str
    concern: str
    state: CoverageState

    def __str__(self) -> str:
        where = f"{self.template}: does not render concern {self.concern}"
        return f"{where} ({self.state}) for {self.spec}"


def shipped_samples() -> list[Path]:
    """The answers files shipped in samples/ (the top level holds the complete ones)."""
    return sorted(_resources.data_dir("samples").glob("*.yaml"))


class IncompleteSpec(Exception):
    """A spec given to check a template with has gaps that block it."""


def complete(paths: Iterable[Path]) -> list[LoadedSpec]:
    """The specs at `paths`, each of which must be complete.

    A SpecError propagates for an unreadable one; IncompleteSpec names one that gaps block
    (a template cannot be judged on a spec that lacks the answers it should render).
    """
    loaded = []
    for path in paths:
        item = load_spec(path)
        gaps = blocking(item.spec, find_gaps(item.spec))
        if gaps:
            raise IncompleteSpec(
                f"{item.file}: {len(gaps)} gap(s) block this spec, so it cannot test a "
                f"template; run `prd-forge check {item.file}` and fill them in"
            )
        loaded.append(item)
    return loaded


def check_template(template: Path, specs: Iterable[LoadedSpec]) -> list[Dropped]:
    """Each required concern `template` drops or empties, for each of `specs`.

    A TemplateError (syntax, sandbox, missing file) propagates: the template cannot be used.
    """
    found: list[Dropped] = []
    for loaded in specs:
        try:
            api.render_markdown(loaded.spec, template=template)
        except api.TemplateDropsConcern as error:
            found.extend(
                Dropped(str(template), loaded.file, concern, state)
                for concern, state in error.concerns
            )
    return found
