"""A PRD as a standalone HTML page, for sharing outside a repository.

The page works offline and carries no script: the state diagram is drawn as inline SVG,
GitHub's alerts (`> [!WARNING]`) become styled callouts, a table of contents links every
section, and the style sheet has a dark scheme and a print layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from prd_forge.render import diagram
from prd_forge.render.html_style import STYLE

# Raw HTML off: the Markdown is ours and user text in it is escaped, so a page never carries
# markup an answer smuggled in. Tables and strikethrough as on GitHub.
_PARSER = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

# The "rendered by prd-forge" note is for people editing the Markdown, not for readers.
_COMMENT_LINE = re.compile(r"^<!--.*-->\n", re.MULTILINE)
_ALERT = re.compile(r"<blockquote>\n<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*")
# A `| | |` header row: GitHub draws it as an empty bar; a key-value table needs none.
_EMPTY_HEAD = re.compile(r"<table>\n<thead>\n<tr>\n(?:<th></th>\n)+</tr>\n</thead>\n")


def _fence(
    renderer: RendererHTML, tokens: Sequence[Token], index: int, options: OptionsDict, env: EnvType
) -> str:
    """A Mermaid state diagram drawn as SVG; any other fence as code."""
    token = tokens[index]
    drawn = diagram.parse(token.content) if token.info.strip() == "mermaid" else None
    if drawn is None:
        return renderer.fence(tokens, index, options, env)
    count = env.setdefault("diagrams", 0) + 1
    env["diagrams"] = count
    return f'<figure class="diagram">{diagram.svg(drawn, marker=f"arrow-{count}")}</figure>\n'


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def _anchor_headings(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """Give every heading an id; the `##` ones, as (id, text), make the table of contents."""
    taken: set[str] = set()
    contents: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = tokens[index + 1].content
        slug = _slug(text, taken)
        token.attrSet("id", slug)
        if token.tag == "h2":
            contents.append((slug, text))
    return contents


def _contents(entries: Sequence[tuple[str, str]]) -> str:
    if len(entries) < 2:
        return ""
    items = "".join(f'<li><a href="#{slug}">{escape(text)}</a></li>\n' for slug, text in entries)
    return (
        f'<nav class="toc" aria-label="Contents">\n<h2>Contents</h2>\n<ol>\n{items}</ol>\n</nav>\n'
    )


def _callout(match: re.Match[str]) -> str:
    kind = match.group(1).lower()
    return f'<blockquote class="callout {kind}">\n<p class="callout-title">{kind.title()}</p>\n<p>'


def body(markdown: str) -> str:
    """The page's main content: headings with ids, a table of contents before the first section."""
    env: dict[str, Any] = {}
    tokens = _PARSER.parse(_COMMENT_LINE.sub("", markdown), env)
    contents = _contents(_anchor_headings(tokens))
    rendered = _PARSER.renderer.render(tokens, _PARSER.options, env)
    rendered = _EMPTY_HEAD.sub('<table class="fields">\n', _ALERT.sub(_callout, rendered))
    # The contents go after the title and its summary, before the first section.
    first = rendered.find("<h2")
    if first < 0:
        return rendered + contents
    return rendered[:first] + contents + rendered[first:]


_PARSER.add_render_rule("fence", _fence)


def page(markdown: str, *, title: str) -> str:
    """`markdown` as a complete HTML document titled `title`."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n"
        f"<body>\n<main>\n{body(markdown)}</main>\n</body>\n</html>\n"
    )
