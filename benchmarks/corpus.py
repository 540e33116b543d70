"""A reproducible, seeded corpus of PRD-shaped Markdown files for the benchmark.

Stdlib only: it runs on a fresh machine before anything is installed. The same seed always gives
the same bytes (a test checks this), so numbers from two machines are about the same input.

Files look like real PRDs: YAML front matter, an H1, sections under the headings people use
(some numbered, some setext, some bold pseudo-headings), paragraphs with inline markup, bullet,
ordered and nested lists, GFM tables, fenced code and block quotes. About half describe an AI
feature (model, confidence, evaluation), the rest a plain feature.

    python3 -m benchmarks.corpus --out DIR [--files 500] [--big-bytes 2000000] [--seed 42]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

# fmt: off
WORDS = (
    "user", "account", "request", "reply", "draft", "ticket", "agent", "queue", "search",
    "result", "customer", "team", "report", "latency", "review", "policy", "workflow",
    "dashboard", "export", "import", "record", "invoice", "order", "payment", "summary",
    "signal", "message", "thread", "channel", "inbox", "owner", "admin", "setting", "release",
    "cohort", "region", "storage", "index", "cache", "session", "feedback", "rating", "label",
    "escalation", "handoff", "audit", "history",
)
VERBS = (
    "shows", "sends", "drafts", "flags", "routes", "ranks", "stores", "updates", "checks",
    "hides", "opens", "tracks",
)
AI_WORDS = (
    "model", "LLM", "classifier", "embedding", "prompt", "confidence", "threshold",
    "hallucination", "precision", "recall", "eval-set", "annotator", "ground-truth", "drift",
    "retraining", "retrieval",
)
# fmt: on

# (heading variants, body kind) — the sections a PRD may have, in the usual order.
SECTIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Problem", "Problem Statement", "Background", "Context"), "prose"),
    (("Goals", "Goals and Non-goals", "Objectives"), "list"),
    (("Why AI", "Why use a model", "Approach"), "ai-prose"),
    (("Scope", "Out of Scope", "Non-goals"), "list"),
    (("Baseline", "Current State", "Status quo"), "prose"),
    (("Success Metrics", "Metrics", "KPIs", "Measuring success"), "metrics-table"),
    (("Data Sources", "Data", "Training Data", "Inputs"), "list"),
    (("Evaluation Criteria", "Evaluation", "Offline evaluation", "Quality bar"), "eval-table"),
    (("Failure Modes", "Error Costs", "Risks", "Risks and Mitigations"), "risk-table"),
    (("Fallbacks", "Fallback behaviour", "Degraded mode", "When the model is wrong"), "nested"),
    (("UX States", "User Experience", "Design", "States"), "list"),
    (("Human Oversight", "Human review", "Escalation"), "prose"),
    (("Monitoring", "Observability", "Alerts"), "code"),
    (("Rollout", "Launch Plan", "Release plan"), "ordered"),
    (("Privacy", "Security and Privacy", "Compliance"), "quote"),
    (("Open Questions", "Questions", "TBD"), "ordered"),
)
AI_ONLY = {"Why AI", "Why use a model", "Approach", "Evaluation Criteria", "Evaluation"}


@dataclass
class Writer:
    """Builds one document from a seeded random source."""

    rng: random.Random
    ai: bool

    def words(self, low: int, high: int) -> str:
        pool = WORDS + AI_WORDS if self.ai else WORDS
        return " ".join(self.rng.choice(pool) for _ in range(self.rng.randint(low, high)))

    def sentence(self) -> str:
        text = f"The {self.rng.choice(WORDS)} {self.rng.choice(VERBS)} {self.words(6, 16)}"
        decoration = self.rng.random()
        if decoration < 0.2:
            text += f" with `{self.rng.choice(WORDS)}_{self.rng.randint(1, 99)}`"
        elif decoration < 0.35:
            text += (
                f" (see [{self.rng.choice(WORDS)}](https://example.com/{self.rng.randint(1, 999)}))"
            )
        elif decoration < 0.45:
            text += f" and **{self.words(1, 3)}**"
        return text + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def bullets(self, marker: str = "-") -> str:
        return "\n".join(f"{marker} {self.sentence()}" for _ in range(self.rng.randint(3, 7)))

    def ordered(self) -> str:
        return "\n".join(f"{i}. {self.sentence()}" for i in range(1, self.rng.randint(3, 7)))

    def nested(self) -> str:
        lines = []
        for _ in range(self.rng.randint(2, 4)):
            lines.append(f"- {self.sentence()}")
            lines.extend(f"  - {self.sentence()}" for _ in range(self.rng.randint(1, 3)))
            if self.rng.random() < 0.3:
                lines.append(f"    1. {self.sentence()}")
        return "\n".join(lines)

    def table(self, header: tuple[str, ...], cell: str) -> str:
        rows = [f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
        for _ in range(self.rng.randint(3, 7)):
            cells = [self.words(2, 5)]
            cells += [self.cell(cell) for _ in header[1:]]
            rows.append(f"| {' | '.join(cells)} |")
        return "\n".join(rows)

    def cell(self, pattern: str) -> str:
        return pattern.format(n=self.rng.randint(1, 99)) if pattern else self.words(2, 6)

    def code(self) -> str:
        keys = ", ".join(
            f'"{self.rng.choice(WORDS)}": {self.rng.randint(0, 500)}' for _ in range(4)
        )
        return f"```json\n{{{keys}}}\n```"

    def quote(self) -> str:
        return "\n".join(f"> {self.sentence()}" for _ in range(self.rng.randint(2, 4)))

    def body(self, kind: str) -> str:
        blocks = [self.paragraph()]
        kinds = {
            "prose": lambda: self.paragraph(),
            "ai-prose": lambda: self.paragraph(),
            "list": lambda: self.bullets(self.rng.choice("-*")),
            "ordered": self.ordered,
            "nested": self.nested,
            "metrics-table": lambda: self.table(("Metric", "Baseline", "Target"), "{n}%"),
            "eval-table": lambda: self.table(("Eval set", "Metric", "Threshold"), "≥ 0.{n}"),
            "risk-table": lambda: self.table(("Risk", "Likelihood", "Mitigation"), ""),
            "code": self.code,
            "quote": self.quote,
        }
        blocks.append(kinds[kind]())
        if self.rng.random() < 0.4:
            blocks.append(f"### {self.words(2, 4).capitalize()}\n\n{self.paragraph()}")
        return "\n\n".join(blocks)

    def heading(self, title: str, number: int) -> str:
        style = self.rng.random()
        if style < 0.1:
            return f"{title}\n{'-' * len(title)}"  # setext
        if style < 0.2:
            return f"**{title}:**"  # bold pseudo-heading
        if style < 0.35:
            return f"## {number}. {title}"
        return f"## {title}"

    def section(self, number: int, variants: tuple[str, ...], kind: str) -> str:
        title = self.rng.choice(variants)
        if title in AI_ONLY and not self.ai:
            title, kind = "Notes", "prose"
        return f"{self.heading(title, number)}\n\n{self.body(kind)}\n"

    def front_matter(self, index: int) -> str:
        owner = self.rng.choice(WORDS)
        return f"---\ntitle: Feature {index}\nowner: {owner}\nstatus: draft\nai: {self.ai}\n---\n"


def document(rng: random.Random, index: int, target_bytes: int) -> str:
    """One PRD of at least `target_bytes` (UTF-8), sections in order, some dropped."""
    writer = Writer(rng, ai=rng.random() < 0.5)
    name = " ".join(rng.choice(WORDS) for _ in range(3)).title()
    parts = [writer.front_matter(index), f"# {name}\n", writer.paragraph() + "\n"]
    size, number = 0, 0
    while size < target_bytes:
        for variants, kind in SECTIONS:
            if rng.random() < 0.85:
                number += 1
                parts.append(writer.section(number, variants, kind))
                size = len("\n".join(parts).encode())
                if size >= target_bytes:
                    break
    return "\n".join(parts)


def big_document(rng: random.Random, target_bytes: int) -> str:
    """One very long PRD: many numbered parts, each a full set of sections."""
    writer = Writer(rng, ai=True)
    parts = [writer.front_matter(0), "# Platform requirements\n"]
    size, part = 0, 0
    while size < target_bytes:
        part += 1
        for number, (variants, kind) in enumerate(SECTIONS, start=1):
            section = writer.section(number, variants, kind).replace("## ", "### ", 1)
            parts.append(f"## Part {part}.{number}\n\n{section}")
            size += len(parts[-1].encode()) + 1
    return "\n".join(parts)


def prefix_at_section(text: str, max_bytes: int) -> str:
    """The longest prefix under `max_bytes` that ends just before an H2: still well formed."""
    cut = text.encode()[:max_bytes].decode(errors="ignore")
    end = cut.rfind("\n## ")
    return cut[: end + 1] if end > 0 else cut


@dataclass(frozen=True)
class Corpus:
    files: list[Path]
    big: Path
    half: Path
    small: Path


def build(out: Path, files: int = 500, big_bytes: int = 2_000_000, seed: int = 42) -> Corpus:
    """Write the corpus under `out` (corpus/, big/, small/); return its paths."""
    rng = random.Random(seed)
    corpus_dir, big_dir, small_dir = out / "corpus", out / "big", out / "small"
    for folder in (corpus_dir, big_dir, small_dir):
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.md"):
            stale.unlink()
    paths = []
    for index in range(files):
        path = corpus_dir / f"prd_{index:03d}.md"
        path.write_text(document(rng, index, rng.randint(6800, 7800)), encoding="utf-8")
        paths.append(path)
    big_text = big_document(rng, big_bytes)
    big, half = big_dir / "prd_big.md", big_dir / "prd_half.md"
    big.write_text(big_text, encoding="utf-8")
    half.write_text(prefix_at_section(big_text, big_bytes // 2), encoding="utf-8")
    small = small_dir / "prd_small.md"
    small.write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    return Corpus(paths, big, half, small)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--big-bytes", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    built = build(args.out, args.files, args.big_bytes, args.seed)
    print(f"{len(built.files)} files in {args.out / 'corpus'}; {built.big}; {built.half}")


if __name__ == "__main__":
    main()
