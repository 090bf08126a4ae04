"""The engine as a standard Python-Markdown extension: by name, outside MkDocs, and under Zensical."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from glossary.catalog import build_glossary
from glossary.extension import GlossaryExtension
from helpers import PUTIN, RUSIA

ENTRIES = str(ROOT / "docs" / "glosarium")


def by_name(page: str = "artikel/halaman-1.md", **config) -> markdown.Markdown:
    return markdown.Markdown(extensions=["glossary"],
                             extension_configs={"glossary": {"entries": ENTRIES, "page": page, **config}})


def test_usable_by_name_from_a_plain_script():
    html = by_name().convert("Presiden Vladimir Putin di Moskow.")
    soup = BeautifulSoup(html, "html.parser")
    links = soup.select("a.glossary-mention")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Vladimir Putin", "../glosarium/tokoh/vladimir-putin.md"), ("Moskow", "../glosarium/tempat/moskow.md")]
    cards = soup.select("aside.glossary-page .glossary-card")
    assert [card["data-entity"] for card in cards] == ["vladimir-putin", "moskow"]
    assert soup.select_one("#glosarium-ringkasan-vladimir-putin").get_text()


def test_a_bad_entry_fails_the_conversion_naming_its_file_and_line(tmp_path):
    """A host that runs no hook of ours (Zensical) must not publish a bad entry's file as a page."""
    folder = tmp_path / "docs" / "glosarium" / "tokoh"
    folder.mkdir(parents=True)
    (folder / "jahat.md").write_text('---\ntitle: "Jahat <img src=x>"\ntype: person\nsummary: S.\n---\n',
                                     encoding="utf-8")
    with pytest.raises(ValueError, match=r"glosarium/tokoh/jahat\.md:2: name .* holds '<' or '>'"):
        markdown.Markdown(extensions=["glossary"], extension_configs={"glossary": {"entries": str(folder.parent)}})


def test_a_bad_option_is_a_clear_error():
    with pytest.raises(ValueError, match="'mode' must be one of first, all, not 'sometimes'"):
        by_name(mode="sometimes")
    with pytest.raises(ValueError, match="'entries'"):
        markdown.Markdown(extensions=["glossary"])


def test_attr_list_is_enabled_when_missing():
    html = by_name().convert("Putin di sini tidak.\n{: .no-gloss }\n\nPutin di sini ya.")
    assert "{: .no-gloss }" not in html
    assert len(BeautifulSoup(html, "html.parser").select("a.glossary-mention")) == 1


def test_hook_owned_extension_leaves_unannounced_conversions_alone():
    """A blog's excerpts or a macro convert with the site's extensions, outside any page."""
    ext = GlossaryExtension(glossary=build_glossary([PUTIN, RUSIA], "glosarium"))
    ext.start_page("artikel/a.md")
    page = markdown.Markdown(extensions=[ext]).convert("Putin di Rusia.")
    ext.finish_page()
    other = markdown.Markdown(extensions=[ext]).convert("Putin di Rusia.[@x]")
    assert "glossary-mention" in page
    assert other == "<p>Putin di Rusia.<span>[@x]</span></p>"


def test_each_announced_page_is_converted_once_with_its_own_links():
    ext = GlossaryExtension(glossary=build_glossary([PUTIN], "glosarium"))
    hrefs = []
    for path in ("artikel/a.md", "index.md"):
        ext.start_page(path)
        html = markdown.Markdown(extensions=[ext]).convert("Putin.")
        hrefs.append(BeautifulSoup(html, "html.parser").select_one("a")["href"])
        assert [m.entity_id for m in ext.finish_page().mentions] == ["vladimir-putin"]
    assert hrefs == ["../glosarium/tokoh/vladimir-putin.md", "glosarium/tokoh/vladimir-putin.md"]


def test_a_link_to_the_register_is_an_ordinary_link():
    html = by_name(page="index.md").convert("[Glosarium](glosarium/index.md) dan Putin.")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('a[href="glosarium/index.md"]').attrs == {"href": "glosarium/index.md"}
    assert [a["data-entity"] for a in soup.select("a.glossary-mention")] == ["vladimir-putin"]


@pytest.mark.slow
def test_zensical_builds_the_article_pages_with_annotations_and_cards(tmp_path):
    zensical = shutil.which("zensical", path=os.path.dirname(sys.executable))
    assert zensical, "zensical is pinned in requirements-test.txt"
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", "site*", "node_modules",
                                                                  "__pycache__", ".pytest_cache", ".hypothesis"))
    result = subprocess.run([zensical, "build", "-f", "zensical.yml"], cwd=project, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(project / "hooks")})
    assert result.returncode == 0, result.stdout + result.stderr
    for number in range(1, 5):
        page = project / "site-zensical" / "artikel" / f"halaman-{number}" / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        mentions = soup.select("a.glossary-mention")
        cards = {card["data-entity"] for card in soup.select("aside.glossary-page .glossary-card")}
        assert len(mentions) >= 5
        assert {m["data-entity"] for m in mentions} <= cards
        for mention in mentions:
            assert soup.find(id=mention["aria-describedby"]) is not None
            assert mention["href"].startswith("../../glosarium/") and not mention["href"].endswith(".md")
        assert soup.select_one(".glossary-controls") is not None
