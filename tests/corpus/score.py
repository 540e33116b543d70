"""How often does `prd-forge lint` agree with a careful reader on the PRD corpus?

Run from anywhere: `python tests/corpus/score.py [--verbose]`. It lints every document in
docs/ with `prd_forge.lint.engine.lint_text` and compares the result with labels.yaml:

- AI detection: lint's `ai` against the reader's;
- exact agreement: the four-way state (present, partial, hollow, missing) over the concerns that
  apply to the document (AI-only concerns only where the reader says the feature uses a model);
- covered agreement: the same pairs collapsed to covered (present) or not (anything else);
- a confusion matrix, Cohen's kappa, agreement per concern and per kind of document, and with
  --verbose every disagreement with the reader's note.

The labels are loaded and checked without importing the linter, so the test of the labels file
runs even where lint is broken.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import yaml

from prd_forge import catalogue

HERE: Final = Path(__file__).resolve().parent
DOCS: Final = HERE / "docs"
LABELS: Final = HERE / "labels.yaml"
STATES: Final = ("present", "partial", "hollow", "missing")
KINDS: Final = ("thorough", "partial", "hollow", "plain")
_FIELDS: Final = frozenset({"ai", "kind", "style", "coverage", "notes"})
_BLIND_MARK: Final = "# Blind batch"  # the comment in labels.yaml before the last batch


class LabelError(Exception):
    """labels.yaml is malformed; the message names the place and what to fix."""


@dataclass(frozen=True)
class DocLabel:
    """A careful reader's judgement of one document."""

    name: str
    ai: bool
    kind: str
    style: str
    coverage: Mapping[str, str]
    notes: str

    def applicable(self) -> tuple[str, ...]:
        """The concern ids that apply to this document, by the reader's AI judgement."""
        return tuple(c.id for c in catalogue.applicable(ai=self.ai))


@dataclass(frozen=True)
class Verdict:
    """What lint said about one document: the part the scorer compares."""

    ai: bool
    coverage: Mapping[str, str]


@dataclass(frozen=True)
class Pair:
    """One applicable concern of one document: the reader's state and lint's."""

    doc: str
    concern: str
    reader: str
    lint: str


@dataclass(frozen=True)
class Scores:
    """Agreement between lint and the reader over a corpus."""

    labels: Mapping[str, DocLabel]
    verdicts: Mapping[str, Verdict]
    pairs: tuple[Pair, ...]

    @property
    def ai_agreed(self) -> int:
        return sum(self.verdicts[n].ai == label.ai for n, label in self.labels.items())

    @property
    def ai_accuracy(self) -> float:
        return self.ai_agreed / len(self.labels)

    @property
    def exact(self) -> float:
        return _share(self.pairs, _exact)

    @property
    def covered(self) -> float:
        return _share(self.pairs, _covered)

    def confusion(self) -> Counter[tuple[str, str]]:
        """(reader state, lint state) -> count."""
        return Counter((p.reader, p.lint) for p in self.pairs)

    def kappa(self) -> float:
        """Cohen's kappa for the four-way states: agreement beyond what chance would give."""
        total = len(self.pairs)
        reader = Counter(p.reader for p in self.pairs)
        lint = Counter(p.lint for p in self.pairs)
        chance = sum(reader[s] * lint[s] for s in STATES) / total**2
        return 1.0 if chance == 1 else (self.exact - chance) / (1 - chance)


def _exact(pair: Pair) -> bool:
    return pair.reader == pair.lint


def _covered(pair: Pair) -> bool:
    return (pair.reader == "present") == (pair.lint == "present")


def _share(pairs: Iterable[Pair], agree: Callable[[Pair], bool]) -> float:
    pairs = tuple(pairs)
    return sum(map(agree, pairs)) / len(pairs) if pairs else 1.0


def load_labels(path: Path = LABELS) -> dict[str, DocLabel]:
    """The labels file, checked: every entry well formed, every concern id labelled."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LabelError(f"{path}: cannot read labels: {exc}") from None
    return parse_labels(raw, source=str(path))


def blind_batch(path: Path = LABELS) -> frozenset[str]:
    """The documents labelled after the blind-batch comment: written and labelled by someone
    who had read neither lint nor the labels, and scored once before tuning."""
    names: set[str] = set()
    started = False
    for line in path.read_text(encoding="utf-8").splitlines():
        started = started or line.strip().startswith(_BLIND_MARK)
        if started and line.startswith("  ") and not line.startswith("   "):
            name = line.strip()
            if name.endswith(".md:"):
                names.add(name[:-1])
    return frozenset(names)


def parse_labels(raw: object, *, source: str = "labels") -> dict[str, DocLabel]:
    """Labels from the loaded YAML; LabelError names the document and field at fault."""
    if not isinstance(raw, dict) or not isinstance(raw.get("docs"), dict) or not raw["docs"]:
        raise LabelError(f"{source}: expected a mapping with a non-empty 'docs' mapping")
    return {str(name): _parse_doc(str(name), entry, source) for name, entry in raw["docs"].items()}


def _parse_doc(name: str, entry: object, source: str) -> DocLabel:
    where = f"{source}: docs.{name}"
    if not isinstance(entry, dict):
        raise LabelError(f"{where}: expected a mapping with {', '.join(sorted(_FIELDS))}")
    if set(entry) != _FIELDS:
        raise LabelError(f"{where}: fields must be exactly {', '.join(sorted(_FIELDS))}")
    if not isinstance(entry["ai"], bool):
        raise LabelError(f"{where}.ai: expected true or false")
    if entry["kind"] not in KINDS:
        raise LabelError(f"{where}.kind: expected one of {', '.join(KINDS)}")
    for field in ("style", "notes"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise LabelError(f"{where}.{field}: expected a non-empty string")
    coverage = entry["coverage"]
    if not isinstance(coverage, dict) or set(coverage) != set(catalogue.IDS):
        raise LabelError(f"{where}.coverage: label exactly the concerns {', '.join(catalogue.IDS)}")
    for concern, state in coverage.items():
        if state not in STATES:
            raise LabelError(f"{where}.coverage.{concern}: expected one of {', '.join(STATES)}")
    return DocLabel(name, entry["ai"], entry["kind"], entry["style"], coverage, entry["notes"])


def compare(labels: Mapping[str, DocLabel], verdicts: Mapping[str, Verdict]) -> Scores:
    """Pair the reader's and lint's states over the concerns that apply to each document."""
    pairs = tuple(
        Pair(name, concern, label.coverage[concern], verdicts[name].coverage[concern])
        for name, label in sorted(labels.items())
        for concern in label.applicable()
    )
    return Scores(labels, verdicts, pairs)


def lint_corpus(labels: Mapping[str, DocLabel], docs: Path = DOCS) -> dict[str, Verdict]:
    """Lint every labelled document with the default configuration."""
    from prd_forge.lint.engine import lint_text  # the labels check must not need the linter

    verdicts = {}
    for name in labels:
        report = lint_text((docs / name).read_text(encoding="utf-8"), path=name)
        verdicts[name] = Verdict(report.ai, report.coverage)
    return verdicts


def report(scores: Scores, *, verbose: bool = False) -> str:
    """The agreement figures as plain text."""
    return "\n".join([*_summary(scores), *_matrix(scores), *_breakdowns(scores)]) + (
        "\n" + "\n".join([*_concern_matrices(scores), *_disagreements(scores)]) if verbose else ""
    )


def _ratio(agreed: int, total: int) -> str:
    return f"{agreed}/{total} = {agreed / total:.1%}" if total else "n/a"


def _summary(scores: Scores) -> list[str]:
    kinds = Counter(label.kind for label in scores.labels.values())
    pairs = scores.pairs
    return [
        f"corpus: {len(scores.labels)} documents "
        f"({', '.join(f'{kinds[k]} {k}' for k in KINDS)}), {len(pairs)} applicable labels",
        f"AI detection:      {_ratio(scores.ai_agreed, len(scores.labels))}",
        f"exact agreement:   {_ratio(sum(map(_exact, pairs)), len(pairs))}"
        f"   (Cohen's kappa {scores.kappa():.2f})",
        f"covered agreement: {_ratio(sum(map(_covered, pairs)), len(pairs))}"
        "   (present vs partial/hollow/missing)",
        *_misses(pairs),
        "",
    ]


def _misses(pairs: tuple[Pair, ...]) -> list[str]:
    """The two ways covered agreement fails, which cost a reviewer differently."""
    gaps = [p for p in pairs if p.reader != "present"]
    covered = [p for p in pairs if p.reader == "present"]
    passed = sum(p.lint == "present" for p in gaps)
    flagged = sum(p.lint != "present" for p in covered)
    return [
        f"  gaps lint calls covered:   {_ratio(passed, len(gaps))}   (a reviewer is misled)",
        f"  covered lint calls a gap:  {_ratio(flagged, len(covered))}   (a false alarm)",
    ]


def _matrix(scores: Scores) -> list[str]:
    confusion = scores.confusion()
    header = " " * 10 + "".join(f"{state:>9}" for state in STATES)
    rows = [
        f"{reader:<10}" + "".join(f"{confusion[reader, lint]:>9}" for lint in STATES)
        for reader in STATES
    ]
    return ["confusion (rows: careful reader, columns: lint)", header, *rows, ""]


def _breakdowns(scores: Scores) -> list[str]:
    lines = [f"{'per concern':<18}{'exact':>19}{'covered':>19}"]
    groups: list[tuple[str, Callable[[Pair], bool]]] = [
        *((c, lambda p, c=c: p.concern == c) for c in catalogue.IDS),
        ("", lambda p: False),
        *((f"kind {k}", lambda p, k=k: scores.labels[p.doc].kind == k) for k in KINDS),
    ]
    for title, member in groups:
        group = [p for p in scores.pairs if member(p)]
        if not title:
            lines.append("")
        elif group:
            exact, covered = sum(map(_exact, group)), sum(map(_covered, group))
            lines.append(
                f"{title:<18}{_ratio(exact, len(group)):>19}{_ratio(covered, len(group)):>19}"
            )
    return lines


def _concern_matrices(scores: Scores) -> list[str]:
    """Per concern, the reader's state by lint's: where each concern's errors lie."""
    lines = ["", "per concern (reader -> lint: count, for each disagreement)"]
    for concern in catalogue.IDS:
        wrong = Counter(
            (p.reader, p.lint) for p in scores.pairs if p.concern == concern and not _exact(p)
        )
        cells = ", ".join(f"{r}->{li} {n}" for (r, li), n in sorted(wrong.items()))
        lines.append(f"  {concern:<16} {cells or 'none'}")
    return lines


def _disagreements(scores: Scores) -> list[str]:
    lines = ["", "disagreements (reader -> lint)"]
    for name, label in sorted(scores.labels.items()):
        verdict = scores.verdicts[name]
        wrong = [p for p in scores.pairs if p.doc == name and not _exact(p)]
        if not wrong and verdict.ai == label.ai:
            continue
        lines.append(f"{name} [{label.kind}, {label.style}]")
        if verdict.ai != label.ai:
            lines.append(f"  ai: {label.ai} -> {verdict.ai}")
        lines.extend(f"  {p.concern}: {p.reader} -> {p.lint}" for p in wrong)
        lines.append(f"  note: {label.notes}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    parser.add_argument("--labels", type=Path, default=LABELS, help="labels file (YAML)")
    parser.add_argument("--docs", type=Path, default=DOCS, help="directory of the documents")
    parser.add_argument(
        "--blind", action="store_true", help="only the blind batch (the last 40 documents)"
    )
    args = parser.parse_args(argv)
    try:
        labels = load_labels(args.labels)
        missing = sorted(n for n in labels if not (args.docs / n).is_file())
        if missing:
            absent = ", ".join(missing)
            raise LabelError(f"{args.labels}: labelled but not in {args.docs}: {absent}")
    except LabelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.blind:
        batch = blind_batch(args.labels)
        labels = {name: label for name, label in labels.items() if name in batch}
    text = report(compare(labels, lint_corpus(labels, args.docs)), verbose=args.verbose)
    try:
        print(text, flush=True)
    except BrokenPipeError:  # `score.py | head`: the reader left, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
