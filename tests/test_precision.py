"""Precision (issue 18, points 2-6): names inside longer names, the forms a name takes, snippets without
citation markers, and the gold standard of the first article."""

from __future__ import annotations

import dataclasses
import re
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from glossary import gold, snippets
from glossary.entries import EntryError, parse_entry
from glossary.longer_names import is_calendar_word
from helpers import Converter, article_text, entity, matcher_for

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"

RUSIA = dataclasses.replace(entity("rusia", "Rusia", "Federasi Rusia", kind="place"),
                            not_in=("bahasa Rusia",), is_in=("Rusia Timur Jauh",))
KPRF = dataclasses.replace(entity("partai-komunis-federasi-rusia", "Partai Komunis Federasi Rusia", "Partai Komunis",
                                  "KPRF", kind="institution"),
                           not_in=("Partai Komunis Uni Soviet",))
BERSATU = entity("partai-rusia-bersatu", "Partai Rusia Bersatu", "Rusia Bersatu", kind="institution")
PUTIN = entity("vladimir-putin", "Vladimir Putin", "Putin")
KREMLIN = entity("kremlin", "Kremlin", kind="institution")
AS = entity("amerika-serikat", "Amerika Serikat", "AS", kind="place")
KORUT = entity("korea-utara", "Korea Utara", kind="place")
SOVIET = entity("uni-soviet", "Uni Soviet", kind="place")
KEMLU = entity("kemlu-rusia", "Kementerian Luar Negeri Rusia", kind="institution")
TRAP_ENTITIES = (RUSIA, KPRF, BERSATU, PUTIN, KREMLIN, AS, KORUT, SOVIET, KEMLU)

#: Each trap: Markdown, and the mentions it must give, in order: (surface form, entity id).
TRAPS = [
    # A known name that begins a longer proper name.
    ("Delegasi Partai Komunis Tiongkok tiba.", []),
    ("Ia anggota Partai Komunis Kuba dan Partai Komunis Vietnam.", []),
    ("Undangan partai Rusia Bersatu datang.", [("Rusia Bersatu", "partai-rusia-bersatu")]),
    ("Undangan partai Rusia\nBersatu datang.", [("Rusia Bersatu", "partai-rusia-bersatu")]),
    ("Kota Rusia Raya lama.", []),
    ("Tim Rusia Biru menang.", []),
    # A capitalised word that is a known name, a day or a month keeps the mention.
    ("Presiden Rusia Vladimir Putin berbicara.", [("Rusia", "rusia"), ("Vladimir Putin", "vladimir-putin")]),
    ("Kata Kremlin Senin lalu.", [("Kremlin", "kremlin")]),
    ("Kata Kremlin Jumat pagi, lalu Kremlin Jum'at sore.", [("Kremlin", "kremlin"), ("Kremlin", "kremlin")]),
    ("Delegasi ke Rusia pada Maret.", [("Rusia", "rusia")]),
    ("Delegasi ke Rusia Maret lalu dan Korea Utara Desember nanti.", [("Rusia", "rusia"),
                                                                     ("Korea Utara", "korea-utara")]),
    ("Hubungan Rusia Korea Utara.", [("Rusia", "rusia"), ("Korea Utara", "korea-utara")]),
    ("Juru bicara Kementerian Luar Negeri Rusia Putin.", [("Kementerian Luar Negeri Rusia", "kemlu-rusia"),
                                                          ("Putin", "vladimir-putin")]),
    # Only a directly following word counts: punctuation, a digit or lower case in between keeps it.
    ("Ia ke Rusia. Kemudian ke Korea Utara.", [("Rusia", "rusia"), ("Korea Utara", "korea-utara")]),
    ("Rusia, Korea Utara, dan AS (Amerika Serikat) bertemu.", [("Rusia", "rusia"), ("Korea Utara", "korea-utara"),
                                                               ("AS", "amerika-serikat"),
                                                               ("Amerika Serikat", "amerika-serikat")]),
    ("Ia menyebut \"Rusia\" Kemudian.", [("Rusia", "rusia")]),
    ("Pemilu Rusia 2024 selesai.", [("Rusia", "rusia")]),
    ("Ia di Rusia: Moskow.", [("Rusia", "rusia")]),
    # The editors' overrides.
    ("Ditulis dalam bahasa Rusia: Казбек.", []),
    ("Bahasa Rusia sulit.", []),
    ("Partai Komunis Uni Soviet bubar.", [("Uni Soviet", "uni-soviet")]),
    ("Wilayah Rusia Timur Jauh luas.", [("Rusia", "rusia")]),
    ("Wilayah Rusia Timur luas.", []),
    # Hyphenated prefixes and particles.
    ("Kelompok pro-Rusia dan anti-Amerika Serikat di se-Korea Utara.", [
        ("Rusia", "rusia"), ("Amerika Serikat", "amerika-serikat"), ("Korea Utara", "korea-utara")]),
    ("Rusia-lah yang menolak AS-nya.", [("Rusia", "rusia"), ("AS", "amerika-serikat")]),
    ("Hubungan Rusia-Korea Utara.", [("Rusia", "rusia"), ("Korea Utara", "korea-utara")]),
    # Character references and a Unicode no-break space.
    ("Sikap Amerika&nbsp;Serikat dan Korea&#160;Utara.", [("Amerika Serikat", "amerika-serikat"),
                                                         ("Korea Utara", "korea-utara")]),
    ("Sikap AS &amp; Rusia.", [("AS", "amerika-serikat"), ("Rusia", "rusia")]),
    ("Sikap Amerika\u00a0Serikat &lt;tegas&gt;.", [("Amerika Serikat", "amerika-serikat")]),
    ("Kementerian&#32;Luar Negeri&#x20;Rusia menolak.", [("Kementerian Luar Negeri Rusia", "kemlu-rusia")]),
]


def mentions(html: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(html, "html.parser")
    return [(" ".join(m.get_text().split()), m["data-entity"]) for m in soup.select(".glossary-mention")]


CONVERTER = Converter(*TRAP_ENTITIES, mode="all")


# Plain ids: the ones pytest escapes (newline, no-break space, Cyrillic) cannot be named on the command line,
# which mutmut does to run a single test (docs-dev/mutation.md).
@pytest.mark.parametrize("text, expected", TRAPS, ids=[re.sub(r"[^A-Za-z0-9 .,&#;-]", "_", t) for t, _ in TRAPS])
def test_traps_give_no_wrong_link_and_no_missed_mention(text, expected):
    html, report = CONVERTER.convert(text)
    assert mentions(html) == expected
    assert [(m.text, m.entity_id) for m in report.mentions] == expected
    plain, _ = CONVERTER.convert(text, glossary=False)
    assert article_text(html) == article_text(plain)  # What a reader sees is never changed.


def test_without_the_party_entry_rusia_bersatu_is_held_back_and_reported_at_its_line():
    converter = Converter(RUSIA, KPRF, PUTIN)
    html, report = converter.convert("Baris satu.\n\nUndangan partai Rusia Bersatu datang,\n"
                                     "dan Partai Komunis Tiongkok juga; Presiden Rusia Vladimir Putin.")
    assert mentions(html) == [("Rusia", "rusia"), ("Vladimir Putin", "vladimir-putin")]
    assert [(line, text.split(":")[0]) for line, text in report.held_back] == [
        (3, "'Rusia Bersatu'"), (4, "'Partai Komunis Tiongkok'")]
    assert "rusia" in report.held_back[0][1] and "partai-komunis-federasi-rusia" in report.held_back[1][1]


def test_not_on_the_entitys_own_page():
    _html, report = Converter(RUSIA).convert("Partai Rusia Raya.", src_path="glosarium/tempat/rusia.md")
    assert report.held_back == []


def test_calendar_words():
    for word in ("Senin", "Minggu", "Jumat", "Maret", "Desember", "MARET", "Agustus", "Okt"):
        assert is_calendar_word(word)
    for word in ("Bersatu", "Tiongkok", "Raya", "Moskow"):
        assert not is_calendar_word(word)


def test_matcher_scan_keeps_finditer_raw():
    matcher = matcher_for(RUSIA, KPRF)
    text = "Partai Komunis Tiongkok dan Rusia"
    assert [text[m.start:m.end] for m in matcher.finditer(text)] == ["Partai Komunis", "Rusia"]
    kept, held = matcher.scan(text)
    assert [text[m.start:m.end] for m in kept] == ["Rusia"]
    assert [(text[h.start:h.end], text[h.start:h.word_end]) for h in held] == [
        ("Partai Komunis", "Partai Komunis Tiongkok")]


# Abbreviations -------------------------------------------------------------------------------------------

def test_an_abbreviation_never_stops_a_longer_name():
    text = ("Kementerian Luar Negeri Rusia menolak. Rusia diam.\n\n"
            "*[Rusia]: Federasi Rusia\n*[Luar]: bukan dalam")
    converter = Converter(*TRAP_ENTITIES, mode="all", extensions=("attr_list", "abbr"))
    html, _ = converter.convert(text)
    assert mentions(html) == [("Kementerian Luar Negeri Rusia", "kemlu-rusia")]
    soup = BeautifulSoup(html, "html.parser")
    assert [a.get_text() for a in soup.select("abbr")] == ["Rusia"]  # The one alone stays an abbreviation.
    plain, _ = converter.convert(text, glossary=False)
    assert article_text(html) == article_text(plain)


def test_abbreviations_of_two_words_of_one_name():
    text = "Sikap Amerika Serikat tegas.\n\n*[Amerika]: benua\n*[Serikat]: union"
    converter = Converter(AS, extensions=("attr_list", "abbr"))
    html, _ = converter.convert(text)
    assert mentions(html) == [("Amerika Serikat", "amerika-serikat")]
    assert BeautifulSoup(html, "html.parser").select("abbr") == []


# Snippets ----------------------------------------------------------------------------------------------

def test_snippets_leave_out_citation_markers():
    block = etree.Element("p")
    block.text = "Duma Negara"
    ref = etree.SubElement(block, "sup", {"class": "glossary-ref"})
    link = etree.SubElement(ref, "a", {"href": "#sumber-1"})
    link.text = "[1]"
    ref.tail = " beranggotakan 450 deputi. Pada 2024 "
    mention = etree.SubElement(block, "a", {"class": "glossary-mention"})
    mention.text = "Rusia"
    pending = etree.SubElement(block, "sup", {"class": "glossary-ref-pending"})
    pending.text = "[@x]"
    pending.tail = " lagi."
    text, spans = snippets.text_with_spans(block, {id(mention)})
    assert text == "Duma Negara beranggotakan 450 deputi. Pada 2024 Rusia lagi."
    (_, start, end), = spans
    assert text[start:end] == "Rusia"


# Validation of the overrides ---------------------------------------------------------------------------

ENTRY = """---
title: Rusia
type: place
summary: Negara.
{extra}
---
"""


@pytest.mark.parametrize("extra, line, message", [
    ("not_in: bahasa Rusia", 5, "must be a list"),
    ("not_in:\n  - bahasa Inggris", 6, "holds none of the entity's names"),
    ("is_in:\n  - Rusia Timur\n  - Rusiawan Raya", 7, "holds none of the entity's names"),
    ("not_in:\n  - Rusia", 6, "is one of the entity's names"),
    ("not_in:\n  - [bahasa, Rusia]", 6, "must be non-empty text"),
    ("not_in:\n  - \"bahasa\\u200bRusia\"", 6, "invisible character"),
    ("is_in:\n  - \"<b>Rusia</b> Raya\"", 6, "holds '<' or '>'"),
])
def test_override_fields_are_validated_at_their_line(extra, line, message):
    with pytest.raises(EntryError) as error:
        parse_entry(ENTRY.format(extra=extra), "glosarium/tempat/rusia.md")
    assert error.value.line == line and message in str(error.value), str(error.value)


def test_override_fields_are_read():
    entry = parse_entry(ENTRY.format(extra="not_in:\n  - bahasa   Rusia\nis_in: [Rusia Timur Jauh, Federasi Rusia Baru]"
                                     "\naliases: [Federasi Rusia]"), "glosarium/tempat/rusia.md")
    assert entry.not_in == ("bahasa Rusia",) and entry.is_in == ("Rusia Timur Jauh", "Federasi Rusia Baru")


# Property: an unknown capitalised word after a name ---------------------------------------------------

PROPERTY_ENTITIES = (RUSIA, KPRF, PUTIN, KREMLIN, AS, KORUT, SOVIET, KEMLU)
TOKENS = ["Rusia", "Partai Komunis", "Putin", "Vladimir Putin", "Kremlin", "AS", "Amerika Serikat", "Korea Utara",
          "Uni Soviet", "Kementerian Luar Negeri Rusia", "dan", "pada", "Senin", "Maret", "Vladimir", "Korea",
          ".", ",", "Kemudian", "bahasa", "2024", "Amerika&nbsp;Serikat", "Timur"]
UNKNOWN = ["Zed", "Tiongkok", "Raya", "Örs", "Bersatu", "NATO"]
PROPERTY = Converter(*PROPERTY_ENTITIES, mode="all")
PROPERTY_MATCHER = matcher_for(*PROPERTY_ENTITIES)


@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=10), st.sampled_from(UNKNOWN), st.data())
def test_an_unknown_capitalised_word_after_a_name_at_most_removes_that_mention(tokens, word, data):
    text = " ".join(tokens)
    view = text.replace("&nbsp;", "\u00a0")  # What the matcher sees; the same length after each name.
    ends = [m.end for m in PROPERTY_MATCHER.finditer(view) if m.end == len(view) or view[m.end] == " "]
    if not ends:
        return
    end = data.draw(st.sampled_from(ends))
    cut = len(view[:end].replace("\u00a0", "&nbsp;"))  # The same place in the Markdown.
    changed = f"{text[:cut]} {word}{text[cut:]}"
    before, _ = PROPERTY.convert(text)
    after, _ = PROPERTY.convert(changed)
    plain, _ = PROPERTY.convert(changed, glossary=False)
    assert article_text(after) == article_text(plain)
    found_before, found_after = mentions(before), mentions(after)
    assert found_after == found_before or (
        len(found_after) == len(found_before) - 1
        and any(found_before[:i] + found_before[i + 1:] == found_after for i in range(len(found_before))))


# Gold standard -----------------------------------------------------------------------------------------

ARTICLE_PAGES = [f"artikel/halaman-{n}.md" for n in range(1, 5)]


def test_gold_measure_reports_differences():
    expected = {"halaman-1.md": [("Rusia", "rusia"), ("Kremlin", "kremlin"), ("AS", "amerika-serikat")]}
    found = {"halaman-1.md": [("Rusia", "rusia"), ("AS", "amerika-serikat"), ("Bersatu", "x")]}
    result = gold.measure(expected, found)
    assert (result.matched, result.found, result.expected) == (2, 3, 3)
    assert result.precision == pytest.approx(2 / 3) and result.recall == pytest.approx(2 / 3)
    assert result.differences == ["halaman-1.md: missing #2 'Kremlin' (kremlin)",
                                  "halaman-1.md: unexpected #3 'Bersatu' (x)"]


def test_mentions_in_html_leave_out_editors_notes():
    html = ('<p><a class="glossary-mention" data-entity="rusia">Rusia</a> <span class="glossary-mention '
            'glossary-mention--repeat" data-entity="rusia">Ru<b>sia</b></span></p><div class="admonition catatan">'
            '<p><span class="glossary-mention" data-entity="kremlin">Kremlin</span></p></div>'
            '<div class="admonition note"><p><a class="glossary-mention" data-entity="as">AS</a><br></p></div>')
    assert gold.mentions_in_html(html) == [("Rusia", "rusia"), ("Rusia", "rusia"), ("AS", "as")]


def test_gold_file_is_met_by_the_engine():
    """The fast tier's version: the four pages converted by the engine alone, as the build does."""
    converted = gold.convert_pages(ROOT / "docs", ROOT / "docs" / "glosarium", ARTICLE_PAGES,
                                   ["attr_list", "admonition", "md_in_html", "toc"])
    found = {Path(page.src_path).name: gold.mentions_in_html(page.html) for page in converted}
    result = gold.measure(gold.load_gold(GOLD / "artikel.yml"), found)
    assert (result.precision, result.recall) == (1.0, 1.0), result.report()
    assert [page.report.held_back for page in converted] == [[], [], [], []]


def test_gold_file_is_met_by_the_built_site(built_site):
    found = {}
    for src_path in ARTICLE_PAGES:
        page = Path(src_path)
        html = (built_site / page.parent / page.stem / "index.html").read_text(encoding="utf-8")
        found[page.name] = gold.mentions_in_html(html)
    result = gold.measure(gold.load_gold(GOLD / "artikel.yml"), found)
    assert (result.precision, result.recall) == (1.0, 1.0), result.report()


def test_the_edition_links_no_party_or_language_to_the_country(built_site):
    for path in built_site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for mention in soup.select('.glossary-mention[data-entity="rusia"]'):
            after = str(mention.next_sibling or "")
            before = str(mention.previous_sibling or "")
            assert not re.match(r"\s+Bersatu", after), path
            assert not re.search(r"bahasa\s+$", before, re.IGNORECASE), path


# The commands: scripts/edition.py check and gold ------------------------------------------------------

def _edition():
    import importlib.util

    spec = importlib.util.spec_from_file_location("edition_for_precision", ROOT / "scripts" / "edition.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # Its dataclasses look their module up there.
    spec.loader.exec_module(module)
    return module


def test_check_and_gold_commands(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nmarkdown_extensions:\n  - attr_list\n  - admonition\n"
                                         "  - toc:\n      permalink: false\n", encoding="utf-8")
    glossary = tmp_path / "docs" / "glosarium"
    (glossary / "tempat").mkdir(parents=True)
    (glossary / "lembaga").mkdir()
    (glossary / "tempat" / "rusia.md").write_text("---\ntitle: Rusia\ntype: place\nsummary: Negara.\n---\n",
                                                  encoding="utf-8")
    (glossary / "lembaga" / "kprf.md").write_text("---\ntitle: Partai Komunis\ntype: institution\nsummary: P.\n---\n",
                                                  encoding="utf-8")
    article = tmp_path / "docs" / "artikel" / "uji"
    article.mkdir(parents=True)
    (article / "halaman-1.md").write_text("---\ntitle: Uji\n---\n\n# Uji\n\nPartai Komunis Tiongkok dan Rusia.\n\n"
                                          "!!! catatan \"Catatan\"\n\n    Rusia Raya.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    edition = _edition()
    assert edition.main(["check", "docs/artikel/uji"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "docs/artikel/uji/halaman-1.md:7: 'Partai Komunis Tiongkok': 'Partai Komunis' not taken as kprf "
        "(a capitalised word follows; the entity's not_in or is_in decides)",
        "docs/artikel/uji/halaman-1.md:11: 'Rusia Raya': 'Rusia' not taken as rusia "
        "(a capitalised word follows; the entity's not_in or is_in decides)"]
    assert edition.main(["gold", "docs/artikel/uji"]) == 2  # No gold file yet.
    assert "no gold file tests/fixtures/gold/uji.yml" in capsys.readouterr().err
    (tmp_path / "tests" / "fixtures" / "gold").mkdir(parents=True)
    (tmp_path / "tests" / "fixtures" / "gold" / "uji.yml").write_text(
        "pages:\n  halaman-1.md:\n    - [Partai Komunis, kprf]\n    - [Rusia, rusia]\n", encoding="utf-8")
    assert edition.main(["gold", "docs/artikel/uji"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "precision 1.000 (1/1 found mentions are in the gold file)",
        "recall    0.500 (1/2 gold mentions were found)",
        "halaman-1.md: missing #1 'Partai Komunis' (kprf)"]


def test_gold_command_on_the_edition(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert _edition().main(["gold", "docs/artikel"]) == 0
    assert capsys.readouterr().out.startswith("precision 1.000 (92/92")
