"""How often does `prd-forge import` fill the concerns a careful reader says a PRD addresses?

Run from anywhere: `python tests/corpus/import_score.py [--verbose]`. It imports every document
in docs/ and compares, concern by concern (open questions aside; AI-only concerns only where the
reader says the feature uses a model), whether the import filled the concern's answers with the
reader's label: a present or partial concern should be imported, a hollow or missing one should
be left as an open question. It prints the agreement, both ways it can fail, and per concern.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Final

import yaml

from prd_forge import catalogue
from prd_forge.importer.build import build, concern_filled
from prd_forge.lint.document import parse
from prd_forge.lint.engine import concern_analysis

HERE: Final = Path(__file__).resolve().parent
ADDRESSED: Final = frozenset({"present", "partial"})


def pairs() -> list[tuple[str, str, str, bool]]:
    """(document, concern, reader's label, whether import filled it) for every scored pair."""
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))["docs"]
    found = []
    for name, entry in sorted(labels.items()):
        doc = parse((HERE / "docs" / name).read_text(encoding="utf-8"))
        spec = build(doc, concern_analysis(doc), name).spec
        for concern in catalogue.applicable(ai=entry["ai"]):
            if concern.id != "open-questions":
                label = entry["coverage"][concern.id]
                found.append((name, concern.id, label, concern_filled(spec, concern)))
    return found


def agreement(scored: list[tuple[str, str, str, bool]]) -> float:
    return sum((label in ADDRESSED) == got for _, _, label, got in scored) / len(scored)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    scored = pairs()
    missed = sum(1 for _, _, label, got in scored if label in ADDRESSED and not got)
    invented = sum(1 for _, _, label, got in scored if label not in ADDRESSED and got)
    print(f"pairs: {len(scored)}  agreement: {agreement(scored):.3f}")
    print(f"addressed but not imported: {missed}  imported though hollow or missing: {invented}")
    by_label = Counter((label, got) for _, _, label, got in scored)
    for label in ("present", "partial", "hollow", "missing"):
        print(f"  {label:8} imported {by_label[label, True]:4}  left {by_label[label, False]:4}")
    for concern in catalogue.IDS:
        mine = [pair for pair in scored if pair[1] == concern]
        if mine:
            print(f"  {concern:16} {agreement(mine):.2f}  (n={len(mine)})")
    if args.verbose:
        for name, concern, label, got in scored:
            if (label in ADDRESSED) != got:
                print(f"{name}: {concern}: reader {label}, import {'filled' if got else 'left'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
