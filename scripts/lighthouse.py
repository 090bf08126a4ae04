"""Lighthouse scores for the built edition: an article page, an entity page and the register.

    python scripts/lighthouse.py                   # build, serve on 127.0.0.1, print the scores
    python scripts/lighthouse.py --check           # also exit 1 when a score is below its goal
    python scripts/lighthouse.py --device mobile   # one device only (default: mobile and desktop)

Needs Node (Lighthouse is pinned in package.json; `npm ci` runs when it is missing) and
Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default). Each page is measured as
Lighthouse's mobile device (its default: a phone on a simulated slow 4G network) and with its
desktop preset. Goals: 100 in every category on desktop; on mobile 100 except performance,
98 or more. The local server compresses text as GitHub Pages does. Reports (JSON) go to --out.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "artikel": "artikel/halaman-1/",
    "entri": "glosarium/tokoh/vladimir-putin/",
    "register": "glosarium/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DEVICES = ("mobile", "desktop")
GOALS = {
    "mobile": {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100},
    "desktop": {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100},
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def build(site: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    env.setdefault("SOURCE_DATE_EPOCH", subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip() or "0")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, env=env, check=True)


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Serves text gzipped, as GitHub Pages does; Python's plain server would not, and the
    performance score would then measure a server the readers never meet."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.COMPRESSED
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' value.
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def serve(site: Path) -> ThreadingHTTPServer:
    """A static server on a free loopback port, in a daemon thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesLikeHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(url: str, report: Path, device: str = "mobile") -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    preset = ["--preset=desktop"] if device == "desktop" else []
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--chrome-flags={CHROME_FLAGS}", *preset], env=env, check=True, timeout=300)
    return json.loads(report.read_text(encoding="utf-8"))


def scores(result: dict) -> dict[str, int]:
    return {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}


def failing_audits(result: dict, category: str) -> list[str]:
    """Audits that cost the category points: what to look at when a score is below its goal."""
    audits = result["audits"]
    lines = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lines.append(f"{audit['id']}: {audit['title']}{value}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 when a score is below its goal")
    parser.add_argument("--out", type=Path, help="where the JSON reports go (default: a new temporary folder)")
    parser.add_argument("--device", choices=[*DEVICES, "both"], default="both", help="default: both")
    args = parser.parse_args()
    args.out = args.out or Path(tempfile.mkdtemp(prefix="lighthouse-"))

    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        server = serve(site)  # Listening first: the port is part of the site's address.
        site_url = f"http://127.0.0.1:{server.server_address[1]}/"
        build(site, site_url)
        devices = DEVICES if args.device == "both" else (args.device,)
        try:
            results = {(name, device): lighthouse(site_url + path, args.out / f"{name}-{device}.json", device)
                       for device in devices for name, path in PAGES.items()}
        finally:
            server.shutdown()

    print(f"| page | device | {' | '.join(CATEGORIES)} |")
    print(f"|---|---|{'---|' * len(CATEGORIES)}")
    below = []
    for (name, device), result in results.items():
        page_scores = scores(result)
        print(f"| {name} (`{PAGES[name]}`) | {device} | {' | '.join(str(page_scores[c]) for c in CATEGORIES)} |")
        below += [(name, device, c, result) for c in CATEGORIES if page_scores[c] < GOALS[device][c]]
    for name, device, category, result in below:
        print(f"\n{name}, {device}: {category} below {GOALS[device][category]}:")
        for line in failing_audits(result, category):
            print(f"  - {line}")
    print(f"\nReports: {args.out}")
    return 1 if args.check and below else 0


if __name__ == "__main__":
    sys.exit(main())
