"""Pictures of the reader's view for the README.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Builds the site into a temporary folder, serves it on 127.0.0.1 and photographs it with
Debian's Chromium: an article page with a card open, in the light and the dark scheme, and the
same page on a phone with a card opened by a tap, and the timeline round the article's
publication. OUT_DIR defaults to screenshots/.
tests/test_browser.py runs `take_screenshots` too (into a temporary folder).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import launch_chromium, serve  # noqa: E402

PAGE = "artikel/halaman-1/"
#: The mention whose card the pictures show.
MENTION = 'a.glossary-mention[data-entity="kazbek-taysaev"]'
POPUP = "#glossary-popup"
DESKTOP = {"width": 1280, "height": 960}
PHONE = {"width": 360, "height": 740}
TIMELINE = "linimasa/"
PUBLICATION = "#artikel-terbit"


def _bring_into_view(page, selector: str, top: int) -> None:
    """Scroll so that the element sits `top` pixels below the top of the viewport."""
    page.locator(selector).evaluate(
        "(el, top) => window.scrollBy(0, el.getBoundingClientRect().top - top)", top)


def take_screenshots(browser, base_url: str, out_dir: Path) -> list[Path]:
    """Write the PNGs into `out_dir`; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
        page = context.new_page()
        page.goto(base_url + PAGE)  # the top of the page: controls, title and a card
        page.hover(MENTION)
        page.locator(POPUP).wait_for(state="visible")
        path = out_dir / f"artikel-kartu-{'terang' if scheme == 'light' else 'gelap'}.png"
        page.screenshot(path=str(path))
        written.append(path)
        context.close()

    context = browser.new_context(viewport=PHONE, device_scale_factor=2, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + PAGE)
    _bring_into_view(page, MENTION, 260)
    page.tap(MENTION)
    page.locator(POPUP).wait_for(state="visible")
    path = out_dir / "artikel-ponsel.png"
    page.screenshot(path=str(path))
    written.append(path)
    context.close()

    # The timeline: one date order, category labels, the publication marked in its place.
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base_url + TIMELINE)
    _bring_into_view(page, PUBLICATION, 420)
    page.wait_for_timeout(500)  # the header's title has finished turning into the page's
    path = out_dir / "linimasa.png"
    page.screenshot(path=str(path))
    written.append(path)
    context.close()
    return written


def main() -> int:
    from playwright.sync_api import sync_playwright

    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
    with tempfile.TemporaryDirectory() as site:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
                               cwd=ROOT, capture_output=True, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if build.returncode != 0:
            print(build.stderr, file=sys.stderr)
            return 1
        with serve(Path(site)) as base_url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                for path in take_screenshots(browser, base_url, out_dir):
                    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
