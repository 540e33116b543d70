"""The floor: markdown-it-py parsing every file (CommonMark + tables), in one process.

This is what a Python linter that fully parses each file with markdown-it-py cannot go below;
`prd-forge lint` on the corpus is held to a fraction of it. Run by benchmarks/run.py with the
interpreter prd-forge is installed in:

    python benchmarks/floor.py FILE...
"""

from __future__ import annotations

import sys
from pathlib import Path

from markdown_it import MarkdownIt


def main(paths: list[str]) -> int:
    parser = MarkdownIt("commonmark").enable("table")
    tokens = 0
    for name in paths:
        tokens += len(parser.parse(Path(name).read_text(encoding="utf-8")))
    return 0 if tokens else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
