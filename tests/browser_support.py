"""Serve a built site locally and drive Debian's Chromium with Playwright.

Used by tests/test_browser.py and scripts/screenshots.py.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: axe-core as shipped by the axe-playwright-python package (a pinned test dependency).
AXE_SCRIPT = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")


def chromium_missing_reason() -> str | None:
    """Why browser tests should skip, or None. Under CI they must run, so never skip there."""
    if os.environ.get("CI") == "true" or Path(CHROMIUM).exists():
        return None
    return f"{CHROMIUM} is not installed (apt-get install chromium)"


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files, quietly. The sitemap is rewritten to this server's address, as if the
    site were deployed here: Material's instant navigation only intercepts links that the
    sitemap lists, so without this the tests would never exercise it."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def do_GET(self):
        if self.path.split("?", 1)[0] != "/sitemap.xml":
            return super().do_GET()
        xml = (Path(self.directory) / "sitemap.xml").read_text(encoding="utf-8")
        home = re.search(r"<loc>(.*?)</loc>", xml).group(1)  # the first entry is site_url
        host, port = self.server.server_address[:2]
        body = xml.replace(home, f"http://{host}:{port}/").encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 at a free port; yields the base URL (ending in '/')."""
    handler = functools.partial(_SiteHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
