"""The cross-page layer at the engine's level: an `Edition` on a temporary docs tree, pages recorded
with hand-made reports, and the content filled in as the host would (no MkDocs, fast tier)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from glossary import ids, rendering
from glossary.edition import Edition, EditionOptions, SetupError
from glossary.errors import INFO, WARNING
from glossary.markup import Mention, PageReport
from glossary.quotes import Quote
from glossary.references import Numbering
from helpers import source_yml, write_bibliography

ENTRY = "---\ntitle: {title}\ntype: {type}\nsummary: {summary}\nreviewed: '2026-11-26'\n{extra}---\n\nIsi.\n"
#: The bibliography (sumber/): the entry lists s1 and s2 by id.
SOURCES = "".join(source_yml(i, url=f"https://kcna.kp/{i}", publisher="kcna", title=f"Judul {i}", date=f"2024-01-0{day}")
                  for i, day in (("s1", 1), ("s2", 2)))
ARTICLE = ('title: "Artikel <Uji> & Co"\ndate: "2024-02-01"\npublisher: Liputan6.com\nvia: CNA\n'
           "pages: [halaman-1.md, halaman-2.md]\n")
EVENTS = """\
- tanggal: "2023-09-13"
  teks: Putin bertemu Kim.[@s1]
  entitas: [vladimir-putin]
- tanggal: "2024-06-19"
  teks: Putin ke Pyongyang.[@s2][@s1]
  entitas: [vladimir-putin]
- tanggal: "2024-01"
  teks: Disebut artikel.[@s2]
  entitas: [vladimir-putin]
  rujukan: artikel/halaman-1.md#sebut-vladimir-putin-1
"""
LOG = """\
- id: ralat-putin
  tanggal: "2026-11-26"
  waktu: "14:30"
  jenis: ralat
  judul: "Ralat: tanggal pertemuan"
  sebelum: Bertemu pada 12 September.[@s1]
  sesudah: Bertemu pada 13 September.[@s1]
  teks: Tanggalnya 13 September.
  halaman: [vladimir-putin#isi, artikel/halaman-1.md]
- id: pembaruan-kemhan
  tanggal: "2026-10-02"
  jenis: pembaruan
  judul: Pembaruan tentang kementerian
  sesudah: Kalimat baru.
  teks: Ditambahkan satu kalimat.
  halaman: [kemhan]
"""


def write(docs: Path, path: str, text: str) -> None:
    (docs / path).parent.mkdir(parents=True, exist_ok=True)
    (docs / path).write_text(text, encoding="utf-8")


@pytest.fixture
def edition(tmp_path) -> Edition:
    docs = tmp_path / "docs"
    write(docs, "glosarium/tokoh/vladimir-putin.md", ENTRY.format(
        title="Vladimir Putin", type="person", summary="Presiden Rusia.",
        extra="sources: [s1, s2]\n"))
    write(docs, "glosarium/lembaga/kemhan.md", ENTRY.format(title="Kemhan", type="institution",
                                                             summary="Kementerian.", extra=""))
    write_bibliography(docs, SOURCES)
    write(docs, "artikel/artikel.yml", ARTICLE)
    for page in ("artikel/halaman-1.md", "artikel/halaman-2.md", "index.md"):
        write(docs, page, "Teks.\n")
    write(docs, "linimasa/peristiwa.yml", EVENTS)
    write(docs, "ralat/perubahan.yml", LOG)
    pages = {"index.md", "artikel/halaman-1.md", "artikel/halaman-2.md", "glosarium/tokoh/vladimir-putin.md",
             "glosarium/lembaga/kemhan.md"}
    edition = Edition.open(docs, EditionOptions(), pages)
    edition.urls = {path: path.removesuffix(".md").removesuffix("index") + ("/" if not path.endswith("index.md")
                                                                          else "") for path in pages}
    edition.urls.update({"ralat/index.md": "ralat/", "linimasa/index.md": "linimasa/",
                         "siapa-berkata-apa.md": "siapa-berkata-apa/", "glosarium/index.md": "glosarium/"})
    edition.urls["index.md"] = ""
    return edition


def mention(entity_id: str, number: int, in_note: bool = False) -> Mention:
    return Mention(entity_id, ids.mention_anchor(entity_id, number), "sebelum [1] ", "Nama", " sesudah", number == 1,
                   in_note)


def add(edition: Edition, path: str, position: int, *mentions: Mention, quotes=(), numbering=None) -> None:
    report = PageReport(mentions=list(mentions), quotes=list(quotes))
    if numbering is not None:
        report.numbering = numbering
    assert edition.add_page(path, edition.urls[path], path.upper(), position, report) == []


def read(edition: Edition) -> None:
    """Three pages read: Putin in text and notes, the ministry in notes only."""
    add(edition, "artikel/halaman-1.md", 1, mention("vladimir-putin", 1), mention("vladimir-putin", 2, True),
        mention("kemhan", 1, True), quotes=[Quote("vladimir-putin", "kutipan-1", "Kami siap.")])
    add(edition, "artikel/halaman-2.md", 2, mention("vladimir-putin", 1))
    own = Numbering()
    entity = edition.entities["vladimir-putin"]
    own.cite("s1", entity.sources[0])
    own.list_uncited("s2", entity.sources[1])
    add(edition, "glosarium/tokoh/vladimir-putin.md", 3, numbering=own)
    add(edition, "glosarium/lembaga/kemhan.md", 4, mention("vladimir-putin", 1))


def fill(edition: Edition, path: str, content: str, loader=None):
    return edition.fill({path: content}, loader).get(path, (content, []))


def test_an_entrys_sections_say_where_it_stands_in_text_and_notes(edition):
    read(edition)
    html, sections = fill(edition, "glosarium/tokoh/vladimir-putin.md",
                          f"<h1>Vladimir Putin</h1><p>{rendering.MENTION_SUMMARY}</p>{rendering.ENTITY_SECTIONS}"
                          f"{rendering.ENTRY_SOURCES}")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".glossary-entry__mentions").get_text(" ", strip=True) == (
        "Disebut 2 kali di teks artikel dan 1 kali di catatan editor · Lihat di mana")
    assert [c.get_text() for c in soup.select(".glossary-count")] == [
        "(1\xa0di teks · 1\xa0di catatan editor)", "(1\xa0di teks)"]
    assert soup.select_one(".glossary-snippets__label").get_text() == "Dalam catatan editor:"
    assert soup.select_one("h3.glossary-article").get_text(" ", strip=True) == "Artikel <Uji> & Co 1 Februari 2024"
    assert "Artikel &lt;Uji&gt; &amp; Co" in html  # Data is text, escaped once.
    assert [s.id for s in sections] == ["disebut-di", "entri-terkait", "kutipan", "peristiwa", "ralat", "sumber"]
    assert [a["href"] for a in soup.select("section.glossary-related a")] == ["../../lembaga/kemhan/"]
    assert "data-glossary-slot" not in html


def test_events_on_an_entry_cite_its_own_numbered_sources_with_the_way_back(edition):
    read(edition)
    html, _ = fill(edition, "glosarium/tokoh/vladimir-putin.md", f"{rendering.ENTITY_SECTIONS}{rendering.ENTRY_SOURCES}")
    soup = BeautifulSoup(html, "html.parser")
    events = soup.select("ul.entity-events li")
    assert [e.select_one("time")["datetime"] for e in events] == ["2023-09-13", "2024-01", "2024-06-19"]
    # s1 was [1] in the body; the events continue the page's own numbering, grouped and in order.
    assert [sup.get_text() for sup in soup.select("ul.entity-events sup")] == ["[1]", "[2]", "[1, 2]"]
    items = soup.select("section.glossary-sources li")
    assert [item["id"] for item in items] == ["sumber-1", "sumber-2"]
    back = [a["href"] for a in items[0].select(".glossary-backrefs a")]
    assert back == ["#rujukan-1-1", "#rujukan-1-2", "#rujukan-1-3"]
    assert all(soup.find(id=target[1:]) for target in back[1:])  # The events' markers exist here.


def test_the_register_counts_text_and_notes_apart(edition):
    read(edition)
    from glossary.register import COUNT_PLACEHOLDER
    html, _ = fill(edition, "glosarium/index.md", COUNT_PLACEHOLDER.format(id="kemhan") + "|"
                   + COUNT_PLACEHOLDER.format(id="vladimir-putin"))
    assert html == ("hanya di catatan editor: 1, di 1\xa0artikel|"
                    "2\xa0di teks artikel · 1\xa0di catatan editor, di 1\xa0artikel")


def test_the_timeline_is_one_date_order_by_year_with_the_article_marked(edition):
    read(edition)
    html, sections = fill(edition, "linimasa/index.md", rendering.TIMELINE)
    soup = BeautifulSoup(html, "html.parser")
    assert [s.id for s in sections] == ["tahun-2023", "tahun-2024", "sumber"]
    rows = [(li.select_one("time")["datetime"], li.get("data-kategori", "terbit"))
            for li in soup.select("ol.timeline__list > li")]
    assert rows == [("2023-09-13", "konteks"), ("2024-01", "artikel"), ("2024-02-01", "terbit"),
                    ("2024-06-19", "sesudah")]
    assert soup.select_one("#artikel-terbit a")["href"] == "../artikel/halaman-1/"
    assert [label.get_text(" ", strip=True) for label in soup.select(".timeline-filter label")] == [
        "Disebut dalam artikel", "Konteks sebelum artikel", "Sesudah artikel"]
    assert [sup.get_text() for sup in soup.select("sup.glossary-ref")] == ["[1]", "[2]", "[1, 2]"]


def test_the_corrections_page_shows_what_was_wrong_by_month_and_the_stable_ids(edition):
    read(edition)
    html, sections = fill(edition, "ralat/index.md", rendering.CORRECTIONS)
    soup = BeautifulSoup(html, "html.parser")
    assert [s.title for s in sections] == ["November 2026", "Oktober 2026"]
    first = soup.select_one("li#ralat-putin")
    assert first.select_one(".change__before .change__label").get_text() == "Sebelumnya (keliru):"
    assert first.select_one(".change__before blockquote").get_text(strip=True) == "Bertemu pada 12 September."
    assert first.select_one("time")["datetime"] == "2026-11-26T14:30:00+07:00"
    assert [a["href"] for a in first.select(".change__targets a")] == [
        "../glosarium/tokoh/vladimir-putin/#isi", "../artikel/halaman-1/"]
    update = soup.select_one("li#pembaruan-kemhan")
    assert update.select_one(".change__before") is None
    assert update.select_one(".change__after .change__label").get_text() == "Ditambahkan:"


def test_correction_labels_go_to_the_pages_they_apply_to(edition):
    assert edition.labels_for("glosarium/tokoh/vladimir-putin.md") == (
        ("isi", "Dikoreksi 26 Nov 2026", "../../../ralat/#ralat-putin"),)
    assert edition.labels_for("artikel/halaman-1.md") == (("", "Dikoreksi 26 Nov 2026", "../../ralat/#ralat-putin"),)
    assert edition.labels_for("artikel/halaman-2.md") == ()
    report = PageReport(unplaced_labels=[("isi", "Dikoreksi 26 Nov 2026")])
    [problem] = edition.add_page("glosarium/tokoh/vladimir-putin.md", "x/", "x", 1, report)
    assert (problem.path, problem.line) == ("ralat/perubahan.yml", 1) and "#isi" in problem.message


def test_the_feed_uses_the_changes_own_ids_and_dates(edition):
    feed = edition.feed("https://x.org/", "Edisi")
    assert re.findall(r"<id>(.*?)</id>", feed) == [
        "https://x.org/ralat/", "https://x.org/ralat/#ralat-putin", "https://x.org/ralat/#pembaruan-kemhan"]
    assert "<updated>2026-11-26T14:30:00+07:00</updated>" in feed.split("<entry>")[0]
    assert "<title>Ralat: tanggal pertemuan</title>" in feed


def test_quotes_and_the_landing_page_list(edition):
    read(edition)
    quotes, sections = fill(edition, "siapa-berkata-apa.md", rendering.QUOTES)
    soup = BeautifulSoup(quotes, "html.parser")
    assert [s.id for s in sections] == ["pembicara-vladimir-putin"]
    assert soup.select_one(".quote-list a")["href"] == "../artikel/halaman-1/#kutipan-1"
    landing, _ = fill(edition, "index.md", rendering.ARTICLES)
    item = BeautifulSoup(landing, "html.parser").select_one("li.edition-article")
    assert " ".join(item.get_text(" ").split()).startswith("Artikel <Uji> & Co Liputan6.com, Kamis, 1 Februari 2024 , "
                                                           "mengutip CNA · 2 halaman")


def test_a_theme_overrides_a_template(edition):
    read(edition)
    loader = jinja2.DictLoader({"partials/glossary/quotes.html": "<p>Tema: {{ speakers | length }}</p>"})
    assert fill(edition, "siapa-berkata-apa.md", rendering.QUOTES, loader)[0] == "<p>Tema: 1</p>"


def test_the_switches_and_page_glossary_are_placed_after_search(edition):
    report = PageReport(switches='<div class="glossary-controls"></div>', page_glossary="<aside></aside>")
    edition.add_page("artikel/halaman-1.md", "artikel/halaman-1/", "H", 1, report)
    assert edition.place_apart("artikel/halaman-1.md", "<p>a</p><h1>T</h1><p>b</p>") == (
        '<p>a</p><div class="glossary-controls"></div><h1>T</h1><p>b</p><aside></aside>')
    assert edition.place_apart("artikel/halaman-2.md", "<p>x</p>") == "<p>x</p>"


def test_checks_name_file_and_line(edition):
    read(edition)
    problems = edition.check(datetime.date(2028, 1, 1))
    found = {(p.path, p.line, p.severity, p.message) for p in problems}
    assert ("glosarium/tokoh/vladimir-putin.md", None, INFO, "last reviewed 2026-11-26, more than 365 days ago") in found
    assert not any(p.severity == WARNING and "never mentioned" in p.message for p in problems)


def test_a_page_title_is_kept_as_text(edition):
    edition.add_page("artikel/halaman-2.md", "artikel/halaman-2/", "Judul &lt;img&gt; &amp; co", 2, PageReport())
    assert edition.page_title("artikel/halaman-2.md") == "Judul <img> & co"


@pytest.mark.parametrize("folder, says", [("../luar", "outside the docs folder"), ("glosarium-x", "no folder")])
def test_a_bad_glossary_folder_is_one_clean_error(tmp_path, folder, says):
    (tmp_path / "docs" / "glosarium").mkdir(parents=True)
    with pytest.raises(SetupError, match=says):
        Edition.open(tmp_path / "docs", EditionOptions(glossary_dir=folder), set())


def test_an_entity_file_without_front_matter_is_a_located_error(tmp_path):
    docs = tmp_path / "docs"
    write(docs, "glosarium/tokoh/kosong.md", "Isi saja.\n")
    edition = Edition.open(docs, EditionOptions(), {"glosarium/tokoh/kosong.md"})
    assert [(p.path, p.line) for p in edition.problems] == [("glosarium/tokoh/kosong.md", 1)]
    assert edition.unreadable_entries() == ["glosarium/tokoh/kosong.md"]


@pytest.mark.parametrize("log, line", [("# hanya komentar\n", None), ("", None)])
def test_a_log_of_only_comments_is_an_empty_log(tmp_path, log, line):
    docs = tmp_path / "docs"
    write(docs, "glosarium/tokoh/a.md", ENTRY.format(title="A", type="person", summary="S.", extra=""))
    write(docs, "ralat/perubahan.yml", log)
    edition = Edition.open(docs, EditionOptions(), set())
    assert edition.changes == [] and edition.problems == []
    assert "<entry>" not in edition.feed("https://x.org/", "E")


def test_halaman_as_a_string_is_refused_not_read_letter_by_letter(tmp_path):
    docs = tmp_path / "docs"
    write(docs, "glosarium/tokoh/a.md", ENTRY.format(title="A", type="person", summary="S.", extra=""))
    write(docs, "ralat/perubahan.yml", LOG[LOG.index("- id: pembaruan"):].replace("halaman: [kemhan]", "halaman: a"))
    edition = Edition.open(docs, EditionOptions(), set())
    assert [(p.path, p.line) for p in edition.problems] == [("ralat/perubahan.yml", 7)]
    assert "must be a list" in edition.problems[0].message


# --- The corrections log: stable identity, validations at file and line (issue 19) --------------

def parse_log(text: str):
    from glossary.corrections import parse_changes
    return parse_changes(text, "ralat/perubahan.yml", lambda name: name in {"kemhan", "vladimir-putin",
                                                                             "artikel/halaman-1.md"})


def test_editing_the_log_above_an_entry_changes_no_id_and_no_anchor(edition):
    before = {change.id: change.anchor for change in parse_log(LOG)}
    edited = "# Catatan baru di atas.\n\n" + LOG.replace("  waktu: \"14:30\"\n", "  waktu: \"14:30\"\n  # komentar\n")
    after = {change.id: change.anchor for change in parse_log(edited)}
    assert before == after == {"ralat-putin": "ralat-putin", "pembaruan-kemhan": "pembaruan-kemhan"}


@pytest.mark.parametrize("change, line, says", [
    (LOG.replace("- id: ralat-putin\n  tanggal", "- tanggal"), 1, "without 'id'"),
    (LOG.replace("id: pembaruan-kemhan", "id: ralat-putin"), 10, "already used at line 1"),
    (LOG.replace('judul: "Ralat: tanggal pertemuan"', "judul: " + "x" * 101), 5, "at most 100"),
    (LOG.replace("  sebelum: Bertemu pada 12 September.[@s1]\n", ""), 1, "'sebelum'"),
    (LOG.replace("jenis: ralat", "jenis: koreksi"), 4, "'jenis' must be one of"),
    (LOG.replace('waktu: "14:30"', 'waktu: "25:00"'), 3, "HH:MM"),
    (LOG.replace("id: ralat-putin", "id: Ralat Putin"), 1, "lower-case"),
])
def test_a_bad_change_is_an_error_at_its_line(change, line, says):
    from glossary.errors import EntryError
    with pytest.raises(EntryError) as raised:
        parse_log(change)
    assert raised.value.line == line and says in raised.value.message, raised.value


# --- Bounds: a page that names an entity thousands of times (issue 22, point 9) ------------------

def test_mentions_past_the_cap_are_counted_not_marked_up():
    from helpers import PUTIN, Converter, article_text
    converter = Converter(PUTIN)
    text = " ".join(["Putin datang."] * (ids.MAX_ANCHORED_PER_PAGE + 50))
    html, report = converter.convert(text)
    assert html.count('class="glossary-mention') == ids.MAX_ANCHORED_PER_PAGE
    assert len(report.mentions) == ids.MAX_ANCHORED_PER_PAGE + 50
    assert [m.anchor for m in report.mentions[-50:]] == [""] * 50
    assert article_text(html) == article_text(converter.convert(text, glossary=False)[0])


def test_disebut_di_shows_a_bounded_number_of_snippets_per_page(edition):
    many = [mention("vladimir-putin", n) for n in range(1, rendering.SNIPPETS_PER_PAGE + 8)]
    add(edition, "artikel/halaman-1.md", 1, *many)
    html, _ = fill(edition, "glosarium/tokoh/vladimir-putin.md", rendering.ENTITY_SECTIONS)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("ol.glossary-snippets li")) == rendering.SNIPPETS_PER_PAGE
    assert soup.select_one(".glossary-snippets__more").get_text() == "dan 7 sebutan lain di halaman ini"
    assert soup.select_one(".glossary-count").get_text() == f"({rendering.SNIPPETS_PER_PAGE + 7}\xa0di teks)"


# --- The glossary shared by a process's conversions (Zensical builds an extension per page) -------

def test_the_shared_glossary_is_loaded_once_and_again_when_an_entry_changes(tmp_path):
    import os
    from glossary.catalog import GlossaryCache
    docs = tmp_path / "docs"
    entry = docs / "glosarium/tokoh/a.md"
    write(docs, "glosarium/tokoh/a.md", ENTRY.format(title="Tuan A", type="person", summary="S.", extra=""))
    cache = GlossaryCache()
    first = cache.get(docs / "glosarium", docs)
    assert cache.get(docs / "glosarium", docs) is first  # Another page: the same glossary.
    entry.write_text(ENTRY.format(title="Tuan B", type="person", summary="S.", extra=""), encoding="utf-8")
    os.utime(entry, ns=(entry.stat().st_atime_ns, entry.stat().st_mtime_ns + 10**9))
    assert cache.get(docs / "glosarium", docs).entities["a"].title == "Tuan A"  # Not its page: kept.
    assert cache.get(docs / "glosarium", docs, page=entry).entities["a"].title == "Tuan B"  # Its page: read.
    write(docs, "glosarium/tokoh/c.md", ENTRY.format(title="Tuan C", type="person", summary="S.", extra=""))
    folder = docs / "glosarium/tokoh"
    os.utime(folder, ns=(folder.stat().st_atime_ns, folder.stat().st_mtime_ns + 10**9))
    assert set(cache.get(docs / "glosarium", docs).entities) == {"a", "c"}  # A new file: read again.


def test_a_slot_another_extension_removed_is_a_warning_not_silence(edition):
    edition.markdown_extension()
    read(edition)
    edition.fill({"glosarium/tokoh/vladimir-putin.md": "<p>Isi tanpa slot.</p>"})
    assert any(p.path == "glosarium/tokoh/vladimir-putin.md" and p.severity == WARNING and "slot" in p.message
               for p in edition.problems)


def test_a_template_that_leaves_the_content_out_is_a_warning(edition):
    read(edition)
    page = "artikel/halaman-1.md"
    assert edition.unrendered_mentions(page, '<a id="sebut-vladimir-putin-1">Nama</a>') is None
    warning = edition.unrendered_mentions(page, "<html><body>Beranda tanpa isi</body></html>")
    assert warning.severity == WARNING and "template" in warning.message
    assert edition.unrendered_mentions("index.md", "<html></html>") is None  # No mention: nothing to say.


def test_the_slots_survive_an_extension_that_strips_html_comments():
    """pymdownx.striphtml removes comments: slots written as comments vanished, and with them the
    entry's sections and sources (pymdown-extensions' own docs)."""
    import markdown
    from helpers import PUTIN, RUSIA
    from glossary.catalog import build_glossary
    from glossary.extension import GlossaryExtension
    ext = GlossaryExtension(glossary=build_glossary([PUTIN, RUSIA], "glosarium"), apart=True)
    ext.start_page(PUTIN.src_path)
    html = markdown.Markdown(extensions=["pymdownx.striphtml", ext]).convert("Presiden Rusia.")
    for slot in (rendering.MENTION_SUMMARY, rendering.ENTITY_SECTIONS, rendering.ENTRY_SOURCES):
        assert slot in html, slot
