"""Issue 11: every claim sourced, every entry reviewed; bad sources and missing references fail a strict build.

The built-site checks read the real edition; the failures are each built as a small site.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from glossary.bibliography import load_bibliography
from glossary.dates import format_iso_date
from glossary.entries import parse_entry
from glossary.references import LATER_DEVELOPMENTS
from helpers import source_yml, write_bibliography

pytestmark = pytest.mark.slow

ENTITY_FILES = sorted((ROOT / "docs" / "glosarium").glob("*/*.md"))
BIBLIOGRAPHY = load_bibliography(ROOT / "docs").sources
ARTICLE_PAGES = [f"artikel/halaman-{n}/index.html" for n in (1, 2, 3, 4)]


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def entity_pages(site: Path) -> dict[str, str]:
    """Entity id -> its page, for every entity file."""
    return {path.stem: f"glosarium/{path.parent.name}/{path.stem}/index.html" for path in ENTITY_FILES}


def outside_sources(html: BeautifulSoup, block) -> list[str]:
    """The http(s) URLs that `block`'s references lead to, through the page's "Sumber" list."""
    urls = []
    for link in block.select('sup.glossary-ref a[href^="#sumber-"]'):
        item = html.find("li", id=link["href"][1:])
        assert item is not None, f"no {link['href']} on the page"
        assert item.find_parent("section", class_="glossary-sources") is not None
        urls += [a["href"] for a in item.select("a[href]") if a["href"].startswith(("http://", "https://"))]
    return urls


def later_developments(html: BeautifulSoup):
    heading = next((h for h in html.select("h2") if h.get_text(strip=True) == LATER_DEVELOPMENTS), None)
    if heading is None:
        return []
    bullets = []
    for block in heading.find_next_siblings():
        if block.name in ("h1", "h2"):
            break
        bullets += block.select("li") if block.name in ("ul", "ol") else []
    return bullets


# --- The built edition ---------------------------------------------------------------------------

def test_every_later_development_cites_an_outside_source(built_site):
    checked = 0
    for entity_id, page in entity_pages(built_site).items():
        html = soup(built_site, page)
        for bullet in later_developments(html):
            assert outside_sources(html, bullet), f"{page}: {bullet.get_text()[:80]}"
            checked += 1
    assert checked >= 20  # The edition has dozens: the check did run.


def test_every_editors_note_cites_an_outside_source(built_site):
    notes = 0
    for page in ARTICLE_PAGES:
        html = soup(built_site, page)
        for note in html.select("article div.admonition"):
            assert outside_sources(html, note), f"{page}: {note.get_text()[:80]}"
            notes += 1
    assert notes >= 10


def test_every_timeline_event_cites_an_outside_source(built_site):
    html = soup(built_site, "linimasa/index.html")
    events = html.select("li.timeline__event")
    assert len(events) >= 20
    for event in events:
        assert outside_sources(html, event), event.get_text()[:80]


def test_every_entity_page_has_sources_and_a_review_date(built_site):
    for entity_id, page in entity_pages(built_site).items():
        html = soup(built_site, page)
        entity = parse_entry((ROOT / "docs" / f"{page[:-len('/index.html')]}.md").read_text(encoding="utf-8"),
                             page[:-len("/index.html")] + ".md", BIBLIOGRAPHY)
        listed = html.select("section.glossary-sources li[id^=sumber-]")
        assert entity.sources, page
        assert all(item.select_one('a[href^="http"]') for item in listed), page
        # All its own sources, and those of other entries it cites.
        assert {s.url for s in entity.sources} <= {item.select_one('a[href^="http"]')["href"] for item in listed}, page
        reviewed = html.select_one(".glossary-entry time[datetime]")
        assert reviewed is not None and reviewed["datetime"] == entity.reviewed, page
        assert reviewed.get_text() == format_iso_date(entity.reviewed)


def test_the_cards_give_the_number_of_sources_and_the_review_date(built_site):
    entities = {path.stem: parse_entry(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT / "docs")),
                                       BIBLIOGRAPHY)
                for path in ENTITY_FILES}
    cards = 0
    for page in ARTICLE_PAGES:
        for card in soup(built_site, page).select("aside.glossary-page .glossary-card"):
            entity = entities[card["data-entity"]]
            expected = f"{len(entity.sources)} sumber · ditinjau {format_iso_date(entity.reviewed, short=True)}"
            assert card.select_one(".glossary-card__meta").get_text() == expected, card["data-entity"]
            cards += 1
    assert cards >= 20


# --- Strict build failures, each naming the file and line -----------------------------------------

SOURCE = "sources:\n  - s1\n"
#: The bibliography (docs/sumber/pustaka.yml) of the small sites: s1 of TASS (lines 1-6); s2 and s3 to add.
PUSTAKA = source_yml("s1", url="https://tass.com/x")
S2, S3 = source_yml("s2", url="https://tass.com/y"), source_yml("s3", url="https://tass.com/z")
#: A site that builds: one entity with a source it cites, one article page.
ENTRY = "---\ntitle: Vladimir Putin\ntype: person\nsummary: Presiden.\nreviewed: \"2026-11-26\"\n{sources}---\n\n{body}\n"
BODY = "Presiden Rusia.[@s1]\n\n## Perkembangan setelah artikel\n\n- **2024** — Ia terpilih lagi.[@s1]"


@pytest.fixture
def site(small_site):
    small_site.write("index.md", "# Berita\n\nVladimir Putin berbicara.\n")
    return small_site


def write_entry(site, sources: str = SOURCE, body: str = BODY, pustaka: str = PUSTAKA) -> None:
    site.write("glosarium/tokoh/vladimir-putin.md", ENTRY.format(sources=sources, body=body))
    write_bibliography(site.root / "docs", pustaka)


def failure(site) -> str:
    result = site.build()
    assert result.returncode != 0, result.stderr
    return result.stderr


def test_the_small_site_with_a_cited_source_builds(site):
    write_entry(site)
    result = site.build()
    assert result.returncode == 0, result.stderr
    html = BeautifulSoup(site.html("glosarium/tokoh/vladimir-putin/index.html"), "html.parser")
    assert outside_sources(html, later_developments(html)[0]) == ["https://tass.com/x"]


def test_a_later_development_without_a_reference_fails(site):
    write_entry(site, body=BODY + "\n- **2025** — Kabar tanpa sumber apa pun.")
    # Front matter: lines 1-8; body: line 10 "Presiden", 12 the heading, 14 and 15 the bullets.
    assert ("docs/glosarium/tokoh/vladimir-putin.md:15: a bullet under 'Perkembangan setelah artikel' "
            "cites no source") in failure(site)


def test_an_editors_note_without_a_reference_fails(site):
    write_entry(site)
    site.write("index.md", '# Berita\n\nVladimir Putin berbicara.\n\n!!! catatan "Catatan editor"\n\n'
                           "    Catatan tanpa sumber apa pun.\n")
    stderr = failure_with_admonitions(site)
    assert "docs/index.md:5: an editor's note cites no source" in stderr  # Where the note starts.


def failure_with_admonitions(site) -> str:
    config = (ROOT / "tests" / "small-site.yml").read_text(encoding="utf-8")
    config = config.replace("  - abbr\n", "  - abbr\n  - admonition\n").replace("ANNOTATE", "first")
    (site.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    from conftest import run_mkdocs
    result = run_mkdocs(site.root, site.root / "site")
    assert result.returncode != 0, result.stderr
    return result.stderr


def test_a_timeline_event_without_a_reference_fails(site):
    write_entry(site)
    site.write("linimasa/peristiwa.yml", '- tanggal: "2024"\n  teks: "Dikutip."\n  entitas: [vladimir-putin]\n'
                                         '  rujukan: index.md\n\n'
                                         '- tanggal: "2025"\n  teks: "Tanpa sumber."\n  entitas: [vladimir-putin]\n')
    stderr = failure(site)
    assert "docs/linimasa/peristiwa.yml:1: the event cites no source" in stderr
    assert "docs/linimasa/peristiwa.yml:6: the event cites no source" in stderr


def test_a_reference_to_an_unknown_source_fails(site):
    write_entry(site, body="Presiden Rusia.[@s1]\n\nIa juga berkata.[@nope]")
    assert ("docs/glosarium/tokoh/vladimir-putin.md:12: reference to an unknown source '[@nope]'"
            in failure(site))


@pytest.mark.parametrize("sources, line, message", [
    ("sources:\n  - s1\n  - nope\n", 8, "unknown source 'nope' (sources are defined in sumber/pustaka.yml)"),
    ("sources:\n  - s1\n  - s1\n", 8, "source 's1' is listed twice (first at line 7)"),
    ('sources:\n  - id: s1\n    title: "Judul"\n', 7, "a source is defined once, in the bibliography"),
], ids=["unknown id", "listed twice", "old format"])
def test_a_bad_source_list_fails_naming_its_line(site, sources, line, message):
    write_entry(site, sources=sources)
    stderr = failure(site)
    assert f"docs/glosarium/tokoh/vladimir-putin.md:{line}: " in stderr and message in stderr, stderr


@pytest.mark.parametrize("pustaka, line, message", [
    (PUSTAKA + source_yml("s4", url="https://tass.com/x"), 11,
     "source 's4': its URL is defined already, as 's1' at line 1 (one URL, one id: cite [@s1])"),
    (PUSTAKA.replace("penerbit: tass", "penerbit: voz", 1), 3,
     "unknown publisher 'voz' (publishers are defined in sumber/penerbit.yml)"),
    (PUSTAKA + S2 + source_yml("s2", url="https://tass.com/w"), 13, "source id 's2' is defined twice (first at line 7)"),
    (PUSTAKA.replace("https://tass.com/x", "javascript:alert(1)"), 5, "must start with http:// or https://"),
    (PUSTAKA.replace('"2024-01-01"', '"2024-13-01"', 1), 4, "source date"),
], ids=["same URL twice", "unknown publisher", "same id twice", "javascript url", "bad month"])
def test_a_bad_bibliography_fails_a_strict_build_naming_its_line(site, pustaka, line, message):
    write_entry(site, pustaka=pustaka)
    stderr = failure(site)
    assert f"docs/sumber/pustaka.yml:{line}: " in stderr and message in stderr, stderr


def test_a_source_of_the_bibliography_cited_nowhere_is_a_warning_at_its_line(site):
    write_entry(site, pustaka=PUSTAKA + S2 + S3)  # s2 and s3 are neither cited nor listed.
    stderr = failure(site)
    assert "WARNING" in stderr and "docs/sumber/pustaka.yml:7: source 's2' is never cited" in stderr
    assert "docs/sumber/pustaka.yml:13: source 's3' is never cited" in stderr


def test_a_source_item_names_its_publisher_the_original_and_the_titles_language(site):
    write_entry(site, body=BODY.replace("[@s1]\n", "[@s1][@s2]\n", 1),
                pustaka=(PUSTAKA + S2 + S3).replace("https://tass.com/y\n  bahasa: en\n",
                                        "https://tass.com/y\n  bahasa: ru\n  mengutip: reuters\n").replace(
                    "  penerbit: tass\n  tanggal: \"2024-01-01\"\n  url: https://tass.com/y",
                    "  penerbit: thestar\n  tanggal: \"2024-01-01\"\n  url: https://tass.com/y"))
    site.write("index.md", "# Berita\n\nVladimir Putin berbicara.[@s3]\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    html = BeautifulSoup(site.html("glosarium/tokoh/vladimir-putin/index.html"), "html.parser")
    items = html.select("section.glossary-sources li")
    assert [item.select_one(".glossary-source__publisher").get_text() for item in items] == [
        "TASS", "The Star (mengutip Reuters)"]
    assert [item.select_one('a[href^="http"]')["lang"] for item in items] == ["en", "ru"]
    assert "docs/sumber/pustaka.yml: the bibliography: 3 sources: 3 (100%)" in result.stderr  # INFO
    assert "docs/glosarium/tokoh/vladimir-putin.md: 2 sources: 2 (100%) primary, wire or established outlets " \
           "(kantor-berita 2)" in result.stderr


def test_an_unused_source_is_a_warning_that_fails_a_strict_build(site):
    write_entry(site, sources=SOURCE + "  - s2\n", pustaka=PUSTAKA + S2)
    stderr = failure(site)
    assert "WARNING" in stderr and ("docs/glosarium/tokoh/vladimir-putin.md:8: source 's2' is never cited on the "
                                    "entry's page") in stderr
