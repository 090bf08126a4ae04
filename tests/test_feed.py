"""Issue 11: the corrections log, its page, each entry's changes, and the Atom feed (read with feedparser)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

pytestmark = pytest.mark.slow

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url
LOG = yaml.safe_load((ROOT / "docs" / "ralat" / "perubahan.yml").read_text(encoding="utf-8"))
ENTITY_PAGES = {path.stem: f"glosarium/{path.parent.name}/{path.stem}/index.html"
                for path in (ROOT / "docs" / "glosarium").glob("*/*.md")}


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def built_page(site: Path, url: str) -> Path:
    """The file a site URL is served from (directory URLs: its index.html)."""
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path[len(urlsplit(SITE_URL).path):]
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") or target.is_dir() else target


@pytest.fixture(scope="module")
def feed(built_site):
    return feedparser.parse((built_site / "feed.xml").read_bytes())


def test_the_feed_is_well_formed_atom_1_0(feed):
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title.startswith("Ralat dan pembaruan")
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == SITE_URL + "feed.xml"


def test_every_entry_has_a_title_a_date_a_summary_and_a_link_to_a_built_page(feed, built_site):
    assert len(feed.entries) == len(LOG)
    for entry in feed.entries:
        assert entry.title and entry.summary and entry.updated_parsed, entry
        assert entry.id and entry.link
        assert built_page(built_site, entry.link).is_file(), entry.link
        for link in entry.links:
            assert built_page(built_site, link.href).is_file(), link.href


def test_feed_entries_are_newest_first(feed):
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.updated_parsed == dates[0]
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_every_page_links_the_feed_from_its_head(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 40
    feed_file = (built_site / "feed.xml").resolve()
    for page in pages:
        html = soup(built_site, str(page.relative_to(built_site)))
        links = html.head.select('link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, page
        page_url = urljoin(SITE_URL, page.relative_to(built_site).as_posix())
        assert built_page(built_site, urljoin(page_url, links[0]["href"])).resolve() == feed_file, page


def test_the_corrections_page_lists_every_change_newest_first(built_site):
    html = soup(built_site, "ralat/index.html")
    items = html.select("ol.change-list > li.change")
    assert len(items) == len(LOG)
    dates = [item.time["datetime"] for item in items]
    assert dates == sorted(dates, reverse=True)
    kinds = {item.select_one(".change__kind").get_text() for item in items}
    assert kinds <= {"Ralat", "Klarifikasi", "Pembaruan"} and "Ralat" in kinds
    assert html.select_one('a[href$="feed.xml"]') is not None


def test_each_entity_in_the_log_shows_its_changes_on_its_page(built_site):
    named = {target.split("#")[0] for change in LOG for target in change["halaman"]
             if target.split("#")[0] in ENTITY_PAGES}
    assert named
    for entity_id in named:
        html = soup(built_site, ENTITY_PAGES[entity_id])
        section = html.select_one("section.entity-changes")
        assert section is not None, entity_id
        shown = [" ".join(p.get_text().split()) for p in section.select("li.change > p.change__text")]
        expected = [" ".join(change["teks"].split()) for change in LOG
                    if entity_id in {target.split("#")[0] for target in change["halaman"]}]
        assert sorted(shown) == sorted(expected), entity_id
    never = sorted(set(ENTITY_PAGES) - named)
    for entity_id in never:
        assert soup(built_site, ENTITY_PAGES[entity_id]).select_one("section.entity-changes") is None


def corrections(*words: str) -> list[dict]:
    """The `ralat` entries of the log whose text holds every one of `words`."""
    return [change for change in LOG if change["jenis"] == "ralat" and all(w in change["teks"] for w in words)]


def test_the_fact_check_fixes_are_made_and_logged(built_site):
    # Malligyong-1: the second failed launch was on 24 August 2023 (local date).
    assert corrections("Malligyong", "24 Agustus")
    note = " ".join(soup(built_site, "artikel/halaman-2/index.html").select_one("article").get_text().split())
    assert "24 Agustus 2023" in note and "23 Agustus" not in note
    # Kazbek Taysaev: in the Duma since 2011, the sixth to eighth convocations.
    assert corrections("Taysaev", "2011")
    taysaev = soup(built_site, ENTITY_PAGES["kazbek-taysaev"]).get_text()
    assert "2011" in taysaev and "kedelapan" in taysaev
    # RIA Novosti: "delegasi Korea Utara"; the decree of 9 December 2013, reorganised in 2014.
    assert corrections("RIA Novosti", "2013")
    ria_page = soup(built_site, ENTITY_PAGES["ria-novosti"])
    ria_page.select_one("section.entity-changes").decompose()  # The log quotes the old wording.
    ria = " ".join(ria_page.select_one("article").get_text().split())
    assert "9 Desember 2013" in ria and "2014" in ria and "delegasi Korea Utara" in ria
    assert "delegasi parlemen Korea Utara" not in ria
    # The CPRF's Wikidata id.
    assert corrections("Q192187")
    cprf = soup(built_site, ENTITY_PAGES["partai-komunis-federasi-rusia"])
    assert cprf.select_one('a[href="https://www.wikidata.org/wiki/Q192187"]') is not None
    # The Vostochny summit events are dated 13 September 2023.
    assert corrections("Vostochny", "13 September 2023")
    timeline = soup(built_site, "linimasa/index.html")
    vostochny = [event for event in timeline.select("li.timeline__event") if "Vostochny" in event.get_text()]
    assert len(vostochny) >= 2
    assert {event.time["datetime"] for event in vostochny} == {"2023-09-13"}
