"""This wave's promises, read on the built edition (issues 18, 19, 20 and 22)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def register_counts(site: Path, entity_id: str) -> str:
    item = soup(site, "glosarium/index.html").select_one(f'li[data-entity="{entity_id}"] .glossary-count')
    return " ".join(item.get_text().split())


# --- Issue 18: where a mention stands -------------------------------------------------------------

def test_the_defence_ministry_reads_as_named_only_in_notes(built_site):
    assert register_counts(built_site, "kementerian-pertahanan-rusia").startswith("(hanya di catatan editor: ")
    entry = soup(built_site, "glosarium/lembaga/kementerian-pertahanan-rusia/index.html")
    assert entry.select_one(".glossary-entry__mentions").get_text().startswith("Tidak disebut di teks artikel;")
    assert entry.select_one(".glossary-backlinks__notes-only") is not None
    assert entry.select(".glossary-snippets--notes li") and not entry.select("ol.glossary-snippets:not(.glossary-snippets--notes) li")


def test_the_kremlin_reads_as_three_in_the_article_plus_its_notes(built_site):
    assert re.match(r"\(3 di teks artikel · [1-9]\d* di catatan editor, di 1 artikel\)", register_counts(built_site, "kremlin"))
    entry = soup(built_site, "glosarium/lembaga/kremlin/index.html")
    assert re.match(r"Disebut 3 kali di teks artikel dan [1-9]\d* kali di catatan editor",
                    entry.select_one(".glossary-entry__mentions").get_text())


# --- Issue 19: corrections where they apply, what was wrong, structured data ---------------------

def test_a_corrected_note_carries_its_dated_label_linking_to_its_log_entry(built_site):
    page = soup(built_site, "artikel/halaman-2/index.html")
    note = page.find(id="catatan-malligyong")
    label = next(a for a in note.select(".glossary-change-label a") if "malligyong" in a["href"])
    assert label.get_text().startswith("Dikoreksi ") and label["href"].startswith("../../ralat/#")
    log = soup(built_site, "ralat/index.html")
    item = log.find(id=label["href"].split("#")[1])
    assert item is not None and "Malligyong" in item.get_text()
    spot = [a["href"] for a in item.select(".change__targets a")]
    assert "../artikel/halaman-2/#catatan-malligyong" in spot  # The log links to the spot.


def test_the_log_shows_the_earlier_wording_marked_as_such(built_site):
    log = soup(built_site, "ralat/index.html")
    corrections = log.select("li.change--ralat")
    assert corrections and all(item.select_one(".change__before blockquote") for item in corrections)
    assert {item.select_one(".change__before .change__label").get_text() for item in corrections} == {
        "Sebelumnya (keliru):"}
    assert all(len(item.select_one(".change__title").get_text().strip()) <= 100 for item in log.select("li.change"))


def test_a_corrected_page_says_so_in_its_json_ld(built_site):
    page = soup(built_site, "artikel/halaman-2/index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle" and data["dateModified"] >= "2026-11-26"
    assert all(c["@type"] == "CorrectionComment" and c["text"] and c["datePublished"] for c in data["correction"])
    entry = soup(built_site, "glosarium/tokoh/kazbek-taysaev/index.html")
    about = json.loads(entry.find("script", type="application/ld+json").string)
    assert about["mainEntityOfPage"]["correction"][0]["@type"] == "CorrectionComment"


# --- Issue 20: an entry's table of contents; languages ------------------------------------------

@pytest.mark.parametrize("entry", ["tokoh/vladimir-putin", "tokoh/dmitry-peskov", "lembaga/kremlin"])
def test_an_entrys_contents_list_every_section(built_site, entry):
    page = soup(built_site, f"glosarium/{entry}/index.html")
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")]
    sections = [f"#{h2['id']}" for h2 in page.select("article.md-content__inner h2[id]")
                if not h2.find_parent("aside")]  # The page glossary is printed, not read on screen.
    assert {"#disebut-di", "#sumber"} <= set(sections)
    assert sections == toc, (sections, toc)


def test_text_that_is_not_indonesian_carries_its_language(built_site):
    taysaev = soup(built_site, "glosarium/tokoh/kazbek-taysaev/index.html")
    assert taysaev.find(lang="ru").get_text() == "Казбек Куцукович Тайсаев"
    titles = [a for a in taysaev.select("section.glossary-sources a[href^=http]")]
    assert titles and all(a.get("lang") for a in titles)


# --- Issue 22: per-document state resets --------------------------------------------------------

def test_a_reset_instance_reports_the_next_documents_problem_at_its_line():
    from helpers import PUTIN
    from glossary.catalog import build_glossary
    from glossary.extension import GlossaryExtension
    ext = GlossaryExtension(glossary=build_glossary([PUTIN], "glosarium"))
    md = markdown.Markdown(extensions=[ext])
    lines = []
    for _ in range(2):
        ext.start_page("a.md")
        md.convert("Satu.\n\nLihat [x](glosarium/tokoh/tidak-ada.md).")
        lines.append([p.line for p in ext.finish_page().problems])
        md.reset()
    assert lines == [[3], [3]]
