"""The second hostile pass's script cases (issue 17, points 1, 3 and 5), as a reader's browser meets them.

One small site with the edition's configuration, templates and assets holds every case. A strict
build must refuse it, naming each file and line; the pages a non-strict build would still publish
must run no script in Chromium: no dialog, no live markup, and never the raw front matter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import edition_project
from browser_support import chromium_missing_reason, serve

ROOT = Path(__file__).resolve().parent.parent
XSS = "<img src=x onerror=alert(1)>"

ARTICLE = "Vladimir Putin bertemu pejabat di Moskow.\n"
CASES = {
    # 1. Front matter MkDocs cannot load: an impossible date, `=`, a closing fence with no line break.
    "glosarium/tokoh/tanggal.md": (f"---\ntitle: Tuan Tanggal\ntype: person\nsummary: {XSS}\n"
                                   "aliases: [2024-02-30]\n---\n\nIsi.\n", 5),
    "glosarium/tokoh/sama-dengan.md": (f"---\ntitle: Tuan Sama\ntype: person\nsummary: {XSS}\nrole: =\n---\n\nIsi.\n",
                                       5),
    "glosarium/tokoh/tanpa-akhir.md": (f"---\ntitle: Tuan Akhir\ntype: person\nsummary: {XSS}\n---", 1),
    "halaman-rusak.md": (f"---\ntitle: Halaman\nsummary: {XSS}\nrole: =\n---\n\nTeks halaman.\n", 4),
    # 5. An entry saved with another Markdown extension.
    "glosarium/tokoh/lain.markdown": (f"---\ntitle: Tuan Lain\ntype: person\nsummary: {XSS}\n---\n\nIsi.\n", None),
}


def build_site(root: Path) -> Path:
    edition_project(root)
    for path in ("glosarium/tokoh/vladimir-putin.md", "glosarium/tempat/moskow.md"):
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / "docs" / path).read_text(encoding="utf-8")
        (root / "docs" / path).write_text(text.split("\n---\n", 1)[0] + "\n---\n\nIsi.\n", encoding="utf-8")
    for path, (text, _line) in CASES.items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(text, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Beranda\n\nEdisi uji.\n", encoding="utf-8")
    # 3. artikel.yml's publisher is data, and an article without `via` says nothing of it.
    article = root / "docs" / "artikel"
    article.mkdir()
    (article / "halaman-1.md").write_text("# Judul\n\n" + ARTICLE, encoding="utf-8")
    (article / "artikel.yml").write_text(f'title: Judul\ndate: "2024-02-01"\npublisher: "Kantor {XSS}"\n'
                                         "pages: [halaman-1.md]\n", encoding="utf-8")
    return root


def mkdocs(root: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *options, "--site-dir", str(root / "site")],
                          cwd=root, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.slow
def test_a_strict_build_refuses_each_case_at_its_file_and_line(tmp_path):
    result = mkdocs(build_site(tmp_path), "--strict")
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    for path, (_text, line) in CASES.items():
        where = f"docs/{path}:{line}:" if line else f"docs/{path}:"
        assert where in result.stderr, (where, result.stderr[-3000:])


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(chromium_missing_reason() is not None, reason=chromium_missing_reason() or "")
def test_what_a_lenient_build_publishes_runs_no_script(tmp_path, browser):
    root = build_site(tmp_path)
    result = mkdocs(root, "--no-strict")
    assert result.returncode == 0, result.stderr[-3000:]
    site = root / "site"
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    for page in pages:
        text = (site / page).read_text(encoding="utf-8")
        assert "<img src=x" not in text and "summary: " not in text and "mengutip None" not in text, page
    assert "artikel/halaman-1/index.html" in pages and "halaman-rusak/index.html" in pages
    assert not any(name in page for page in pages for name in ("tanggal", "sama-dengan", "tanpa-akhir", "lain"))
    with serve(site) as url:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            for path in pages:
                page.goto(url + path)
            page.wait_for_timeout(300)
            source_line = (page.goto(url + "artikel/halaman-1/"), page.locator(".article-source").inner_text())[1]
        finally:
            context.close()
    assert dialogs == []
    assert XSS in source_line and "mengutip" not in source_line, source_line
