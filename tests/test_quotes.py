"""Quotes: marked by an attribute, anchored, collected; the site's quote pages and timeline."""

import re

from bs4 import BeautifulSoup

from conftest import ROOT
from glossary.quotes import quoted_words
from helpers import ALL, Converter, source_yml, write_bibliography


def test_quote_is_marked_by_an_attribute_and_keeps_its_words():
    text = '"Kami menantikan perundingan," ujar Putin.\n{: data-speaker="vladimir-putin" }'
    html, report = Converter(*ALL).convert(text)
    paragraph = BeautifulSoup(html, "html.parser").p
    assert paragraph.get_text() == '"Kami menantikan perundingan," ujar Putin.'
    assert paragraph["id"] == "kutipan-1" and paragraph["data-speaker"] == "vladimir-putin"
    assert [(q.speaker, q.anchor, q.text) for q in report.quotes] == [
        ("vladimir-putin", "kutipan-1", "Kami menantikan perundingan,")]


def test_quote_with_unknown_speaker_is_a_problem_with_its_line():
    _, report = Converter(*ALL).convert('Baris.\n\n"Halo."\n{: data-speaker="siapa" }')
    assert [(p.line, p.message) for p in report.problems] == [(4, "quote by unknown speaker 'siapa'")]
    assert report.quotes == []


def test_quoted_words_join_the_quoted_parts():
    assert quoted_words('"A b," kata X. "C d."') == "A b, … C d."
    assert quoted_words("Tanpa tanda kutip.") == "Tanpa tanda kutip."


def test_unknown_speaker_fails_the_build(small_site):
    small_site.write("index.md", "# Berita\n\nPutin berkata.\n\n\"Halo.\"\n{: data-speaker=\"putinn\" }\n")
    small_site.entity("tokoh/putin.md", "Putin")
    result = small_site.build()
    assert result.returncode != 0
    assert "docs/index.md:6: quote by unknown speaker 'putinn'" in result.stderr


def test_bad_timeline_fails_the_build_naming_file_and_line(small_site):
    small_site.write("index.md", "# Berita\n\nPutin berkata.\n")
    small_site.entity("tokoh/putin.md", "Putin")
    small_site.write("linimasa/peristiwa.yml", '- tanggal: "2024"\n  teks: x\n  entitas: [putin]\n\n'
                                               '- tanggal: "2024-02-31"\n  teks: y\n  entitas: [putin]\n')
    result = small_site.build()
    assert result.returncode != 0
    assert "docs/linimasa/peristiwa.yml:5: " in result.stderr and "day is out of range for month" in result.stderr


def article_quotes() -> list[tuple[int, str]]:
    """(page, first words) of every paragraph in the article that opens with a double quote."""
    found = []
    for page in (1, 2, 3, 4):
        text = (ROOT / "docs" / "artikel" / f"halaman-{page}.md").read_text(encoding="utf-8")
        found += [(page, p[:30]) for p in text.split("\n\n") if p.startswith('"')]
    return found


def test_every_direct_quote_in_the_article_has_a_speaker(built_site):
    assert len(article_quotes()) == 8
    for page, start in article_quotes():
        html = BeautifulSoup((built_site / f"artikel/halaman-{page}/index.html").read_text(encoding="utf-8"),
                             "html.parser")
        paragraph = next(p for p in html.select("article p") if p.get_text().startswith(start))
        assert paragraph.get("data-speaker") and paragraph["id"].startswith("kutipan-"), start


def test_quotes_page_groups_by_speaker_and_links_back(built_site):
    html = BeautifulSoup((built_site / "siapa-berkata-apa/index.html").read_text(encoding="utf-8"), "html.parser")
    speakers = [h.get_text(strip=True) for h in html.select("section.speaker h2")]
    assert speakers == ["Dmitry Peskov", "Artyom Lukin", "Maria Zakharova"]
    links = [a["href"] for a in html.select(".quote-list a")]
    assert len(links) == 8
    for href in links:
        page, anchor = href.split("#")
        target = (built_site / "siapa-berkata-apa" / page / "index.html").resolve()
        assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor), href


def test_speaker_page_lists_their_quotes_in_order(built_site):
    html = BeautifulSoup((built_site / "glosarium/tokoh/maria-zakharova/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    quotes = [q.get_text() for q in html.select("section.entity-quotes blockquote")]
    assert [q[:20] for q in quotes] == ["“Orang-orang Barat t", "“Kami memiliki hak u"]
    assert [a["href"] for a in html.select("section.entity-quotes a")] == [
        "../../../artikel/halaman-4/#kutipan-3", "../../../artikel/halaman-4/#kutipan-4"]


def test_timeline_is_one_date_order_with_the_article_marked_and_categories_labelled(built_site):
    html = BeautifulSoup((built_site / "linimasa/index.html").read_text(encoding="utf-8"), "html.parser")
    years = [s.h2.get_text() for s in html.select("section.timeline")]
    assert years == sorted(years) and len(years) >= 3  # A section per year, in order.
    rows = html.select("ol.timeline__list > li")
    dates = [row.time["datetime"] for row in rows]
    assert dates == sorted(dates, key=lambda d: tuple(int(part) for part in d.split("-")))
    marked = [index for index, row in enumerate(rows) if row.get("id") == "artikel-terbit"]
    assert len(marked) == 1 and dates[marked[0]] == "2024-02-01"
    in_article = [row.time["datetime"] for row in rows if row.get("data-kategori") == "artikel"]
    for expected in ("2023-07-26", "2023-09-13", "2024-02-13", "2024-03"):
        assert expected in in_article, expected
    after = [row.time["datetime"] for row in rows if row.get("data-kategori") == "sesudah"]
    assert after and all(d > "2024-02-01" for d in after)
    # Choe Son Hui's arrival (14 January) and her visit's talks (from 15 January) are in one list now,
    # in date order (they were in two sections: "in the article" and "context").
    choe = [row for row in rows if "Choe" in row.get_text() and row.time["datetime"].startswith("2024-01")]
    assert len(choe) >= 2 and len({id(row.parent) for row in choe}) == 1
    assert [row.time["datetime"] for row in choe] == sorted(row.time["datetime"] for row in choe)
    for a in html.select(".timeline__source a"):
        assert re.fullmatch(r"\.\./artikel/halaman-\d/(#[\w-]+)?", a["href"]), a["href"]


def test_entity_page_lists_its_events(built_site):
    html = BeautifulSoup((built_site / "glosarium/tokoh/sergei-shoigu/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    dates = [t["datetime"] for t in html.select("section.entity-timeline time")]
    assert "2023-07-26" in dates


SOURCE = "sources: [s1]\n"  # In the bibliography (docs/sumber/pustaka.yml).
EVENT = '- tanggal: "2024"\n  teks: "x.[@s1]"\n  entitas: [putin]\n  rujukan: index.md#'


def test_event_anchor_must_be_a_mention_or_quote_on_that_page(small_site):
    small_site.write("index.md", "# Berita\n\nPutin berkata.\n")
    small_site.entity("tokoh/putin.md", "Putin", extra=SOURCE, body="Isi.[@s1]")
    write_bibliography(small_site.root / "docs", source_yml("s1", url="https://tass.com/x"))
    small_site.write("linimasa/peristiwa.yml", EVENT + "sebut-putin-1\n")
    result = small_site.build()
    assert result.returncode == 0, result.stderr
    small_site.write("linimasa/peristiwa.yml", EVENT + "sebut-putin-2\n")
    result = small_site.build()
    assert result.returncode != 0
    assert "no mention or quote '#sebut-putin-2' on index.md" in result.stderr
