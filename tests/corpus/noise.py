"""Findings per PRD over the corpus: how much lint says, and how often one rule repeats itself.

    python tests/corpus/noise.py

prints the median and maximum number of findings per document and the most times one rule
fires in one document (the noise budget: at most 5, see prd_forge/lint/budget.py).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from prd_forge.lint.engine import lint_text

DOCS = Path(__file__).resolve().parent / "docs"


@dataclass(frozen=True)
class Noise:
    per_file: dict[str, int]  # findings per document
    worst: tuple[int, str, str]  # (times, rule code, document): one rule's most in one file

    @property
    def median(self) -> float:
        return statistics.median(self.per_file.values())

    @property
    def maximum(self) -> tuple[int, str]:
        return max((count, name) for name, count in self.per_file.items())


def measure(docs: Path = DOCS) -> Noise:
    per_file: dict[str, int] = {}
    worst = (0, "", "")
    for path in sorted(docs.glob("*.md")):
        report = lint_text(path.read_text(encoding="utf-8"), path=path.name)
        per_file[path.name] = len(report.findings)
        for code, times in Counter(f.code for f in report.findings).items():
            worst = max(worst, (times, code, path.name))
    return Noise(per_file, worst)


def main() -> None:
    noise = measure()
    count, name = noise.maximum
    times, code, where = noise.worst
    print(f"documents: {len(noise.per_file)}; findings: {sum(noise.per_file.values())}")
    print(f"findings per document: median {noise.median:g}, maximum {count} ({name})")
    print(f"most findings of one rule in one document: {times} ({code} in {where})")


if __name__ == "__main__":
    main()
