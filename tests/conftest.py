"""Shared fixtures: the engine on sys.path, the real site built once, small sites built on demand.

Every test that uses a site-building fixture is marked `slow` here; `pytest -m "not slow"` is the
fast tier, the engine alone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))


def run_mkdocs(project: Path, site: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=environment, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real edition, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def glossary_off_site(tmp_path_factory) -> Path:
    """The real edition with the glossary switched off (`GLOSSARY=false`), built once per session."""
    site = tmp_path_factory.mktemp("site-glossary-off")
    result = run_mkdocs(ROOT, site, env={"GLOSSARY": "false"})
    assert result.returncode == 0, result.stderr
    return site


#: Fixtures that build a site: a test using one is in the slow tier, marked or not.
SITE_FIXTURES = {"built_site", "glossary_off_site", "small_site", "published_site"}


settings.register_profile("thorough", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pytest_configure(config) -> None:
    """Property tests try 300 examples each, 40 in the fast tier (`-m "not slow"`), which is for editing."""
    quick = "not slow" in (config.getoption("markexpr") or "")
    settings.load_profile("quick" if quick else "thorough")


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@dataclass
class SmallSite:
    root: Path

    def write(self, path: str, text: str) -> None:
        target = self.root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")

    def entity(self, path: str, title: str, kind: str = "person", summary: str = "Ringkasan.",
               extra: str = "", body: str = "Isi entri.") -> None:
        self.write(f"glosarium/{path}",
                   f"---\ntitle: {title}\ntype: {kind}\nsummary: {summary}\n{extra}---\n\n{body}\n")

    def build(self, annotate: str = "first", env: dict[str, str] | None = None,
              theme: str = "mkdocs") -> subprocess.CompletedProcess:
        config = (ROOT / "tests" / "small-site.yml").read_text(encoding="utf-8")
        config = config.replace("ANNOTATE", annotate).replace("name: mkdocs", f"name: {theme}")
        (self.root / "mkdocs.yml").write_text(config, encoding="utf-8")
        return run_mkdocs(self.root, self.root / "site", env)

    def html(self, page: str) -> str:
        return (self.root / "site" / page).read_text(encoding="utf-8")


@pytest.fixture
def small_site(tmp_path) -> SmallSite:
    """An empty project with the real hooks, for building small sites."""
    shutil.copytree(ROOT / "hooks", tmp_path / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "docs").mkdir()
    return SmallSite(tmp_path)


NEWS_ARTICLE = "# Berita\n\nVladimir Putin bertemu Kim Jong Un di Moskow.\n"


@pytest.fixture
def site(small_site) -> SmallSite:
    """A small site with one article page and three entities, for tests that add one bad thing."""
    small_site.write("index.md", NEWS_ARTICLE)
    small_site.entity("tokoh/vladimir-putin.md", "Vladimir Putin", extra="aliases:\n  - Putin\n")
    small_site.entity("tokoh/kim-jong-un.md", "Kim Jong Un")
    small_site.entity("tempat/moskow.md", "Moskow", kind="place")
    return small_site


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session (Playwright's sync API allows one driver per process at a time)."""
    from playwright.sync_api import sync_playwright

    from browser_support import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
