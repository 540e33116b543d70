"""Word documents as Markdown, through mammoth (the optional extra `prd-forge[docx]`).

mammoth reads a .docx's structure (heading styles, lists, tables, bold) and writes clean HTML;
its own Markdown writer drops tables, so the HTML is turned into Markdown here, keeping what
lint's document model reads: headings, paragraphs with bold labels, nested lists and tables.
Lines in findings and in `import --report` refer to this Markdown (`--show-converted` prints it).
"""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Final
from xml.parsers.expat import ExpatError

MAX_BYTES: Final = 10 * 1024 * 1024
# A password-protected .docx is an OLE compound file wrapping the encrypted package, not a zip.
_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
INSTALL: Final = "pip install 'prd-forge[docx]'"


class DocxError(Exception):
    """A .docx that cannot be read: one line naming the file and what to do."""


def read_docx(path: Path) -> str:
    """The Markdown of the Word document at `path`; DocxError when it cannot be read."""
    try:
        import mammoth
    except ImportError:
        raise DocxError(f"{path}: reading Word documents needs mammoth: {INSTALL}") from None
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DocxError(f"{path}: over the 10 MB limit; split it or save a smaller copy")
        data = path.read_bytes()
    except OSError as error:
        raise DocxError(f"{path}: cannot be read: {error.strerror}") from None
    if data.startswith(_OLE):
        raise DocxError(
            f"{path}: is password-protected (or an old binary .doc); "
            "save an unprotected copy as .docx and import that"
        )
    try:
        result = mammoth.convert_to_html(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, ExpatError, EOFError, OSError) as error:
        raise DocxError(
            f"{path}: is not a readable .docx ({type(error).__name__}); "
            "open it in Word and save it again as .docx"
        ) from None
    return html_to_markdown(result.value)


class _Markdown(HTMLParser):
    """mammoth's HTML (a small, regular subset) as Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.text: list[str] = []
        self.lists: list[str] = []  # "ul" / "ol" per nesting level
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("strong", "b"):
            self._say("**")
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append(tag)
        elif tag == "li":
            self._flush()
        elif tag == "table":
            self._flush()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br":
            self._say(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("strong", "b"):
            self._say("**")
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6") and self.cell is None:
            self._flush(tag)
        elif tag == "li":
            self._flush("li")
        elif tag in ("ul", "ol") and self.lists:
            self._flush("li")
            self.lists.pop()
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self.cell).split()).replace("|", "\\|"))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self.blocks.append(_table(self.rows))
            self.rows = None

    def handle_data(self, data: str) -> None:
        self._say(data)

    def _say(self, text: str) -> None:
        (self.cell if self.cell is not None else self.text).append(text)

    def _flush(self, tag: str = "p") -> None:
        text = " ".join("".join(self.text).split()).replace("****", "")
        self.text = []
        if not text:
            return
        if tag.startswith("h") and tag[1:].isdigit():
            self.blocks.append("#" * int(tag[1:]) + " " + text.replace("**", ""))
        elif tag == "li" and self.lists:
            marker = "1." if self.lists[-1] == "ol" else "-"
            indent = "   " * (len(self.lists) - 1)
            self.blocks.append(f"{indent}{marker} {text}")
        else:
            self.blocks.append(text)


def _table(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(padded[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in padded[1:]]
    return "\n".join(lines)


def html_to_markdown(html: str) -> str:
    """Markdown for mammoth's HTML: blocks separated by blank lines, list items kept together."""
    parser = _Markdown()
    parser.feed(html)
    parser.close()
    parser._flush()
    out: list[str] = []
    for block in parser.blocks:
        item = block.lstrip().startswith(("- ", "1. "))
        if out and not (item and out[-1].lstrip().startswith(("- ", "1. "))):
            out.append("")
        out.append(block)
    return "\n".join(out) + "\n"
