"""The real edition, built once: verbatim text, no third-party hosts, register, backlinks."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bs4 import BeautifulSoup

from conftest import ROOT
from helpers import assert_lines_in_page_order
from glossary.safe_yaml import split_front_matter

SOURCE = ROOT / "source" / "liputan6-2024-02-01.txt"
ARTICLE_PAGES = [f"artikel/halaman-{n}/index.html" for n in (1, 2, 3, 4)]


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def article_text(site: Path, page: str) -> str:
    content = soup(site, page).select_one("article.md-content__inner")
    for hidden in content.select("[hidden], .admonition"):
        hidden.decompose()  # The article's own text: no page glossary, no editor's notes.
    return content.get_text()


def test_source_copy_is_the_seed_when_the_seed_is_there():
    seed = ROOT.parent / "shared" / "seed" / "000_c89314aab33c0149.txt"
    if not seed.exists():
        pytest.skip("the shared seed is not beside this clone")
    assert SOURCE.read_bytes() == seed.read_bytes()


def test_every_source_line_appears_verbatim(built_site):
    lines = [line for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0] == "Sukses"  # The scraping artefact, left out of the edition.
    text = "\n".join(article_text(built_site, page) for page in ARTICLE_PAGES)
    missing = [line for line in lines[1:] if line not in text]
    assert missing == []
    assert "Sukses" not in text


def test_article_lines_keep_their_order_and_pages(built_site):
    lines = [line for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()][1:]
    assert_lines_in_page_order(lines, [article_text(built_site, p) for p in ARTICLE_PAGES], pages=4)


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_article_pages_name_the_source_and_their_position(built_site, page):
    number = int(page.split("-")[1][0])
    html = soup(built_site, page)
    source = html.select_one(".article-source").get_text(" ", strip=True)
    assert "Liputan6.com" in source and "Kamis, 1 Februari 2024" in source and "CNA" in source
    assert f"Halaman {number} dari 4" in html.select_one(".article-pager").get_text()
    rels = {a["rel"][0] for a in html.select(".article-pager a[rel]")}
    assert rels == {1: {"next"}, 4: {"prev"}}.get(number, {"prev", "next"})


def test_landing_page_links_the_four_pages_and_the_glossary(built_site):
    hrefs = {a["href"] for a in soup(built_site, "index.html").select("article a")}
    assert {"artikel/halaman-1/", "artikel/halaman-2/", "artikel/halaman-3/", "artikel/halaman-4/",
            "glosarium/"} <= hrefs


EXTERNAL_OK = {"www.wikidata.org"}  # Plain links a reader may follow, never loaded by the page.


def test_no_page_loads_anything_from_another_host(built_site):
    for page in built_site.rglob("*.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in html.find_all(tag):
                url = element.get(attr)
                if tag == "link" and set(element.get("rel") or []) & {"canonical", "alternate"}:
                    continue
                assert not url or not urlparse(url).netloc, f"{page}: <{tag} {attr}={url}>"
        for style in html.find_all("style"):
            assert "@import" not in style.get_text() and "fonts.googleapis" not in style.get_text()
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


def test_theme_is_indonesian_without_search_stemming(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in html
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["en"]' in index.replace(" ", "")  # MkDocs' default: no extra lunr language.


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_each_person_and_institution_is_annotated_on_first_mention(built_site, page):
    html = soup(built_site, page)
    links = html.select("article a.glossary-mention")
    ids = [a["data-entity"] for a in links]
    assert len(ids) == len(set(ids)), "first mode: one link per entity per page"
    repeats = {s["data-entity"] for s in html.select("article span.glossary-mention--repeat")}
    assert repeats <= set(ids)
    for link in links:
        assert link["id"].startswith(f"sebut-{link['data-entity']}-")
        assert link["href"].startswith("../../glosarium/")


def test_expected_first_mentions_on_page_one(built_site):
    html = soup(built_site, ARTICLE_PAGES[0])
    first = {a["data-entity"]: a.get_text() for a in html.select("article a.glossary-mention")}
    assert first["duma-negara"] == "majelis rendah parlemen Rusia"
    assert first["ria-novosti"] == "RIA"
    assert first["kazbek-taysaev"] == "Kazbek Taysaev"
    assert first["vladimir-putin"] == "Vladimir Putin"
    assert first["kim-jong-un"] == "Kim Jong Un"
    assert html.select_one("h1").find("a") is None


def test_register_groups_sorts_and_counts(built_site):
    html = soup(built_site, "glosarium/index.html")
    headings = [h.get_text(strip=True) for h in html.select("article h2")]
    assert headings == ["Tokoh", "Lembaga", "Tempat"]
    for group in html.select("ul.glossary-register"):
        titles = [li.a.get_text() for li in group.select("li")]
        assert titles == sorted(titles, key=str.casefold)
    putin = html.select_one('li[data-entity="vladimir-putin"]')
    # Every "Putin" in the article pages' text and editor's notes (not their front matter's sources);
    # entries' own pages do not count.
    expected = sum(split_front_matter(p.read_text(encoding="utf-8"))[1].count("Putin")
                   for p in (ROOT / "docs" / "artikel").glob("*.md"))
    counts = re.search(r"\((\d+)\xa0di teks artikel(?: · (\d+)\xa0di catatan editor)?, di 1\xa0artikel\)",
                       putin.get_text())
    assert int(counts.group(1)) + int(counts.group(2) or 0) == expected  # Text and notes, said apart.
    assert "data-glossary-count" not in str(html)


def test_register_is_in_the_navigation(built_site):
    nav = soup(built_site, "index.html").select_one("nav.md-nav--primary")
    assert any(a.get("href") == "glosarium/" for a in nav.select("a"))


def test_entity_page_shows_facts_and_backlinks(built_site):
    html = soup(built_site, "glosarium/tokoh/dmitry-peskov/index.html")
    assert html.select_one("h1").get_text(strip=True) == "Dmitry Peskov"
    facts = html.select_one(".glossary-facts").get_text(" ", strip=True)
    assert "Tokoh" in facts and "Peskov" in facts
    section = html.select_one("section.glossary-backlinks")
    pages = section.select(":scope > ul > li")
    assert [li.a.get_text() for li in pages][:2] == ["Pembangunan Satelit", "Pengembangan Rudal Balistik"]
    first = pages[0].select("ol.glossary-snippets a")
    assert first[0]["href"] == "../../../artikel/halaman-2/#sebut-dmitry-peskov-1"
    assert first[0].mark.get_text() == "Dmitry Peskov"
    assert "(2\xa0di teks)" in pages[0].get_text()


def test_backlink_anchors_exist(built_site):
    for entity_page in (built_site / "glosarium").rglob("index.html"):
        html = soup(built_site, str(entity_page.relative_to(built_site)))
        for a in html.select("section.glossary-backlinks ol a"):
            target = (entity_page.parent / a["href"].split("#")[0] / "index.html").resolve()
            anchor = a["href"].split("#")[1]
            assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor), a["href"]


def test_wikidata_link_on_entity_page(built_site):
    html = soup(built_site, "glosarium/tokoh/vladimir-putin/index.html")
    link = html.select_one('.glossary-facts a[href^="https://www.wikidata.org/wiki/"]')
    assert link["href"].endswith("/Q7747")


def test_search_finds_an_entity_by_alias(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entry = next(d for d in index["docs"] if d["location"] == "glosarium/tokoh/kim-jong-un/")
    assert "Kim Jong-un" in entry["text"]


def test_page_glossary_lists_every_entity_on_the_page(built_site):
    html = soup(built_site, ARTICLE_PAGES[1])
    listed = [card["data-entity"] for card in html.select("aside.glossary-page .glossary-card")]
    linked = list(dict.fromkeys(a["data-entity"] for a in html.select("article .glossary-mention")))
    assert listed == linked
    assert html.select_one("aside.glossary-page").has_attr("hidden")


def test_the_edition_builds_strictly_with_the_glossary_off(glossary_off_site):
    page = (glossary_off_site / "artikel" / "halaman-2" / "index.html").read_text(encoding="utf-8")
    assert "glossary-mention" not in page and "Dmitry Peskov" in page
    assert "Glosarium dimatikan" in (glossary_off_site / "glosarium" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_the_card_is_on_the_first_mention_in_the_article_text_not_in_a_note(built_site, page):
    html = soup(built_site, page)
    for link in html.select("article a.glossary-mention"):
        entity = link["data-entity"]
        in_text = [m for m in html.select(f'article .glossary-mention[data-entity="{entity}"]')
                   if m.find_parent(class_="admonition") is None]
        if in_text:
            assert in_text[0] is link, f"{page}: {entity} is linked in a note, not at {in_text[0]}"


def test_register_search_text_has_no_empty_counts(built_site):
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    register = [d["text"] for d in index["docs"] if d["location"].startswith("glosarium/#")]
    assert register and not any("sebutan" in text for text in register)
    assert any("Vladimir Putin" in text for text in register)


def test_landing_page_lists_the_articles_with_their_pages(built_site):
    articles = soup(built_site, "index.html").select("ul.edition-articles > li.edition-article")
    assert len(articles) == len(list((ROOT / "docs").rglob("artikel.yml"))) == 1
    (article,) = articles
    assert "Kamis, 1 Februari 2024" in article.get_text() and "Liputan6.com" in article.get_text()
    assert [a["href"] for a in article.select("ol a")] == [f"artikel/halaman-{n}/" for n in range(1, 5)]


def test_data_files_stay_out_of_the_site(built_site):
    """The timeline, the corrections log and artikel.yml are read by the glossary, never published."""
    data = [p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*.y*ml")]
    assert len(data) >= 3
    assert not [p for p in data if (built_site / p).exists()]
    assert not list(built_site.rglob("*.yml")) and not list(built_site.rglob("*.yaml"))


def test_an_entry_page_reads_header_body_mentions_then_sources(built_site):
    page = soup(built_site, "glosarium/tokoh/vladimir-putin/index.html").select_one("article")
    order = [element.get("id") or element["class"][0] for element in
             page.select(".glossary-entry, #disebut-di, #kutipan, #peristiwa, #ralat, #sumber")]
    expected = ["glossary-entry", "disebut-di", "kutipan", "peristiwa", "ralat", "sumber"]
    assert {"glossary-entry", "disebut-di", "sumber"} <= set(order)
    assert order == [part for part in expected if part in order]
    # The role's date is the first article's, from its artikel.yml.
    assert "Peran (1 Feb 2024)" in page.select_one(".glossary-facts").get_text()
