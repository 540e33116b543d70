"""A PRD as a standalone HTML page, for sharing outside a repository."""

from __future__ import annotations

import re
from html import escape

from markdown_it import MarkdownIt

# Raw HTML off: the Markdown is ours and user text in it is escaped, so a page never carries
# markup an answer smuggled in. Tables and strikethrough as on GitHub.
_PARSER = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

# The "rendered by prd-forge" note is for people editing the Markdown, not for readers.
_COMMENT_LINE = re.compile(r"^<!--.*-->\n", re.MULTILINE)

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1f2328; margin: 0; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #d0d7de; padding: .4em .7em; vertical-align: top; text-align: left; }
th { background: #f6f8fa; }
code, pre { background: #f6f8fa; border-radius: 4px; font-size: 90%; }
code { padding: .1em .3em; }
pre { padding: 1em; overflow-x: auto; }
blockquote { border-left: 4px solid #d4a72c; background: #fff8c5; padding: .2em 1em; }
""".strip()


def page(markdown: str, *, title: str) -> str:
    """`markdown` as a complete HTML document titled `title`."""
    body = _PARSER.render(_COMMENT_LINE.sub("", markdown))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
