"""A real browser for tests: Debian's chromium, headless, driven from its command line.

`require()` gives the browser or skips the test with the reason (and the command that
installs it); `.ci/run` installs chromium when it is absent, so CI never skips. Every call
gets a fresh profile folder, so runs share no state and need no network.

    page = tmp_path / "page.html"
    facts = browser.probe(page, "return document.querySelectorAll('svg').length;")
    shot = browser.screenshot(page, tmp_path / "page.png", record=record_property)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pytest

NAMES: Final = ("chromium", "chromium-browser", "google-chrome")
FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT: Final = 90
_RESULT_ID: Final = "prd-forge-probe-result"


def find() -> str | None:
    """The path of an installed chromium, or None."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require() -> str:
    """The browser's path; skips the calling test, saying why, when there is none."""
    found = find()
    if found is None:
        pytest.skip(
            "no headless browser: chromium is not installed here and could not be "
            "(install it with `apt-get install -y chromium`; .ci/run does)"
        )
    return found


def run(page: Path, *extra: str, dark: bool = False) -> str:
    """Load `page` (a local file) with `extra` flags in a fresh profile; chromium's stdout.

    (A `#fragment` in the address leaves headless screenshots blank: show a part of a page
    by writing a page that holds only that part.)"""
    binary = require()
    scheme = ("--force-dark-mode", "--blink-settings=preferredColorScheme=0") if dark else ()
    with tempfile.TemporaryDirectory(prefix="prd-forge-chromium-") as profile:
        done = subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *scheme, *extra, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout


def probe(page: Path, script: str, *, dark: bool = False) -> Any:
    """Run `script` (a function body that returns JSON-able data) in a copy of `page` after it
    has loaded and laid out; its return value. The page itself is left as it was."""
    copy = page.with_name(f"{page.stem}.probe{page.suffix}")
    runner = (
        f"<script>(function(){{const r=(function(){{{script}}})();"
        f"const out=document.createElement('pre');out.id='{_RESULT_ID}';"
        f"out.textContent=JSON.stringify(r);document.body.appendChild(out);}})();</script>"
    )
    text = page.read_text(encoding="utf-8")
    copy.write_text(text.replace("</body>", runner + "</body>", 1), encoding="utf-8")
    dom = run(copy, "--dump-dom", "--virtual-time-budget=2000", dark=dark)
    start = dom.index(f'<pre id="{_RESULT_ID}">') + len(f'<pre id="{_RESULT_ID}">')
    raw = dom[start : dom.index("</pre>", start)]
    return json.loads(raw.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def screenshot(
    page: Path,
    out: Path,
    *,
    width: int = 1200,
    height: int = 1600,
    dark: bool = False,
    record: Callable[[str, object], None] | None = None,
) -> Path:
    """A PNG of `page` at `out`; its path is printed and, given pytest's `record_property`,
    recorded in the test's report (the JUnit XML holds it)."""
    run(page, f"--screenshot={out}", f"--window-size={width},{height}", dark=dark)
    assert out.is_file() and out.stat().st_size > 1000, f"no screenshot written at {out}"
    print(f"screenshot: {out}")
    if record is not None:
        record("screenshot", str(out))
    return out
