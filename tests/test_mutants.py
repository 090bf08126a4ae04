"""Tests written to kill surviving mutants of the engine (issue 22, point 7; docs-dev/mutation.md).

Each test pins behaviour a mutmut mutant changed without any fast test noticing. Fast tier, no MkDocs.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest

from glossary import errors, plain_text, rendering, search_text, types, urls
from glossary.quotes import Quote, collect_quotes, quoted_words


# --- search_text: mentions as their plain text --------------------------------------------------

def test_plain_mentions_unwraps_links_and_spans_of_the_mention_class_only():
    html = ('<p><a class="glossary-mention glossary-mention--first" href="x/">Moskow</a>, '
            '<span class="x glossary-mention">Kremlin</span>. <a class="other" href="y/">Lain</a>\n'
            '<span class="glossary-mention">dua\nbaris</span></p>')
    assert search_text.plain_mentions(html) == (
        '<p>Moskow, Kremlin. <a class="other" href="y/">Lain</a>\ndua\nbaris</p>')


def test_plain_mentions_leaves_a_page_without_mentions_as_it_is():
    html = '<p><a class="glossary-mentions" href="x/">X</a> <em>y</em></p>'
    assert search_text.plain_mentions(html) == html
    assert search_text.plain_mentions("") == ""


# --- types: the stylesheet of the type table ------------------------------------------------------

def test_css_rules_give_one_rule_a_line_per_type_with_its_colours_and_underline():
    rules = types.css_rules().splitlines()
    assert len(rules) == len(types.ENTITY_TYPES)
    for rule, entity_type in zip(rules, types.ENTITY_TYPES):
        assert rule == (f'[data-entity-type="{entity_type.id}"]{{--glossary-colour:{entity_type.colour};'
                        f'--glossary-colour-dark:{entity_type.colour_dark};'
                        f'--glossary-underline:{entity_type.underline}}}')
    assert types.css_rules().endswith("}\n")


# --- urls: MkDocs' relative URLs ------------------------------------------------------------------

@pytest.mark.parametrize("url, from_url, expected", [
    ("glosarium/tokoh/putin/", "artikel/halaman-1/", "../../glosarium/tokoh/putin/"),
    ("glosarium/tokoh/putin/", "glosarium/tokoh/kim/", "../putin/"),
    ("glosarium/tokoh/putin/", "glosarium/tokoh/putin/", "./"),
    ("artikel/halaman-1/", "", "artikel/halaman-1/"),
    ("", "artikel/halaman-1/", "../.."),
    ("assets/x.css", "artikel/index.html", "../assets/x.css"),
    ("assets/x.css", "artikel/halaman-1/", "../../assets/x.css"),
    ("a/./b/", "a/", "b/"),
    ("a//b/", "a/c/", "../b/"),
    ("index.html", "index.html", "index.html"),
    # Not as MkDocs makes them: posixpath's rule.
    ("../luar/", "artikel/halaman-1/", "../../../luar/"),
    ("/abs/x/", "/abs/y/index.html", "../x/"),
    ("a/b/", "../c/", None),
])
def test_relative_url_follows_mkdocs(url, from_url, expected):
    import posixpath
    if expected is None:  # Whatever posixpath says, with the final slash kept.
        head, tail = posixpath.split(from_url)
        expected = posixpath.relpath(url, (head if "." in tail else from_url) or ".") + "/"
    assert urls.relative_url(url, from_url) == expected


def test_relative_url_agrees_with_posixpath_on_site_urls():
    import posixpath
    pages = ["", "index.html", "a/", "a/b/", "a/b/c.html", "a/c/", "d/e/f/", "a/b/c/"]
    for url in pages:
        for page in pages:
            head, tail = posixpath.split(page)
            base = (head if "." in tail else page) or "."
            expected = posixpath.relpath(url or ".", base)
            if url.endswith("/") and not expected.endswith("/"):
                expected += "/"
            assert urls.relative_url(url, page) == expected, (url, page)


# --- errors: excerpts and located problems --------------------------------------------------------

def test_excerpt_cuts_at_the_limit_with_an_ellipsis():
    assert errors.excerpt("abc") == "'abc'"
    assert errors.excerpt("x" * 8, 10) == "'xxxxxxxx'"  # exactly 10 characters: kept
    assert errors.excerpt("x" * 9, 10) == "'xxxxxxxx…"  # 11: cut to 10
    assert len(errors.excerpt("y" * 1000)) == errors.EXCERPT_LIMIT


def test_a_long_message_is_cut_to_the_limit_and_a_short_one_kept():
    assert errors.Problem("a.md", 1, "m" * 1000).message == "m" * 1000
    cut = errors.Problem("a.md", 1, "m" * 1001).message
    assert len(cut) == 1000 and cut.endswith("m…")


def test_located_names_folder_path_and_line():
    problem = errors.Problem("glosarium/a.md", 3, "salah")
    assert problem.located() == "glosarium/a.md:3: salah"
    assert problem.located("docs") == "docs/glosarium/a.md:3: salah"
    assert problem.located("docs/") == "docs/glosarium/a.md:3: salah"
    assert errors.Problem("a.md", None, "salah").located("docs") == "docs/a.md: salah"
    assert str(errors.Problem("a.md", 0, "salah")) == "a.md: salah"
    error = errors.EntryError("a.md", 2, "buruk", errors.WARNING)
    assert (str(error), error.path, error.line, error.message, error.problem.severity) == (
        "a.md:2: buruk", "a.md", 2, "buruk", "warning")


# --- plain_text: the one check of plain-text fields -------------------------------------------------

def test_describe_names_the_character_or_says_what_it_is():
    assert plain_text.describe("\u200b") == "U+200B ZERO WIDTH SPACE"
    assert plain_text.describe("\x1b") == "U+001B control character"
    assert plain_text.describe("\ufdd0") == "U+FDD0 non-character"
    assert plain_text.describe("\ufdef") == "U+FDEF non-character"
    assert plain_text.describe("\U0001ffff") == "U+1FFFF non-character"
    assert plain_text.describe("\u0378") == "U+0378 control character"  # Unassigned, not a non-character.


def test_plain_field_says_what_is_wrong():
    with pytest.raises(ValueError, match=r"^'role' must be text, not \['a'\]$"):
        plain_text.plain_field(["a"], "role")
    with pytest.raises(ValueError, match=r"^'role' holds a control character \(U\+001B control character\)$"):
        plain_text.plain_field("a\x1bb", "role")
    with pytest.raises(ValueError, match=r"^'role' holds a character that is not allowed \(U\+202E "):
        plain_text.plain_field("a\u202eb", "role")
    with pytest.raises(ValueError, match=r"^'role' is empty$"):
        plain_text.plain_field(" \t\n ", "role")
    assert plain_text.plain_field("  a\t b\n c ", "role") == "a b c"


def test_mixed_scripts_names_the_two_scripts_of_one_word():
    assert plain_text.mixed_scripts("Vladimir \u0420utin") == ("Cyrillic", "Latin")
    assert plain_text.mixed_scripts("Vladimir Putin") is None
    assert plain_text.mixed_scripts("Putin \u041f\u0443\u0442\u0438\u043d") is None  # Two words, one script each.
    assert plain_text.mixed_scripts("P-1") is None


# --- quotes ---------------------------------------------------------------------------------------

def test_collect_quotes_numbers_anchors_past_taken_ids_and_keeps_its_own():
    root = etree.fromstring(
        '<div><p data-speaker="putin">"Satu" kata Putin, "dua".</p>'
        '<p data-speaker="kim" id="sendiri" class="a quote">Tanpa kutip.</p>'
        '<p data-speaker="siapa">X</p>'
        '<p data-speaker="putin" class="b">“Tiga”</p>'
        '<p>bukan</p></div>')
    quotes, unknown = collect_quotes(root, lambda id_: id_ in {"putin", "kim"}, {"kutipan-1", "kutipan-3"})
    assert quotes == [Quote("putin", "kutipan-2", "Satu … dua"), Quote("kim", "sendiri", "Tanpa kutip."),
                      Quote("putin", "kutipan-4", "Tiga")]
    assert unknown == ["siapa"]
    paragraphs = root.findall("p")
    assert [p.get("class") for p in paragraphs] == ["quote", "a quote", None, "b quote", None]
    assert [p.get("id") for p in paragraphs] == ["kutipan-2", "sendiri", None, "kutipan-4", None]
    assert quoted_words('kata dia,  "  satu   dua "') == "satu dua"


# --- entry_schema: local references inlined --------------------------------------------------------

def test_inlined_replaces_local_references_and_keeps_the_rest():
    from glossary.entry_schema import _inlined
    definitions = {"a": {"type": "string", "x": [{"$ref": "#/$defs/b"}]}, "b": {"const": 1}}
    node = {"p": [{"$ref": "#/$defs/a", "description": "d"}, {"$ref": "#/$defs/b"}],
            "q": {"$ref": "other.json"}, "r": 3, "s": {"$ref": "#/$defs/b", "const": 2}, "t": {"$ref": 5}}
    assert _inlined(node, definitions) == {
        "p": [{"type": "string", "x": [{"const": 1}], "description": "d"}, {"const": 1}],
        "q": {"$ref": "other.json"}, "r": 3, "s": {"const": 2}, "t": {"$ref": 5}}


# --- longer_names: held-back matches and the editors' phrases --------------------------------------

def _phrases(**fields):
    from types import SimpleNamespace
    from glossary.longer_names import Phrases
    entity = SimpleNamespace(id="rusia", case_insensitive=False, not_in=(), is_in=())
    return Phrases([SimpleNamespace(**{**vars(entity), **fields})])


def _rusia(text):
    from types import SimpleNamespace
    return [SimpleNamespace(start=i, end=i + 5, entity_id="rusia") for i in range(len(text)) if text.startswith("Rusia", i)]


def test_first_letter_matches_either_case_when_there_is_one():
    from glossary.longer_names import _first_letter
    assert _first_letter("b") == "[Bb]"
    assert _first_letter(" ") == r"\s+"
    assert _first_letter("1") == "1"
    assert _first_letter("(") == r"\("
    assert _first_letter("ß") == "ß"  # Its upper case is two letters.


def test_phrases_are_whole_words_with_any_white_space_and_either_first_case():
    from glossary.longer_names import _compile
    pattern = _compile(["bahasa Rusia", "Partai Komunis Uni Soviet"], 0)
    assert pattern.pattern.startswith(r"(?<![\w\u0300-\u036f])(?:")
    for text in ["Bahasa Rusia", "bahasa\n Rusia", "partai Komunis  Uni Soviet"]:
        assert pattern.fullmatch(text), text
    for text in ["xbahasa Rusia", "bahasa Rusiax", "bahasa rusia", "ahasa Rusia"]:
        assert not pattern.search(text), text


def test_a_not_in_phrase_at_the_very_start_of_the_text_excludes_the_match():
    from glossary.longer_names import apply
    phrases = _phrases(not_in=("bahasa Rusia",))
    text = "Bahasa Rusia sulit, kata Rusia."
    kept, held = apply(_rusia(text), text, phrases)
    assert [m.start for m in kept] == [25] and held == []
    assert phrases.excluded(text, 7, 12, "rusia") and not phrases.excluded(text, 25, 30, "rusia")
    assert not phrases.excluded(text, 7, 12, "korea")


def test_an_is_in_phrase_keeps_a_match_followed_by_a_capital():
    from glossary.longer_names import HeldBack, apply
    text = "Rusia Timur Jauh dan Rusia Barat."
    kept, held = apply(_rusia(text), text, _phrases(is_in=("Rusia Timur",)))
    assert [m.start for m in kept] == [0]
    assert held == [HeldBack(21, 26, "rusia", 32)]
    kept, held = apply(_rusia(text), text, _phrases())
    assert kept == [] and len(held) == 2


# --- edition and corrections: the cross-page layer ---------------------------------------------------

from test_cross_page import edition, parse_log  # noqa: E402,F401 (the fixture: an Edition on a small tree)


def test_the_feed_is_well_formed_atom_with_a_link_to_each_change(edition):
    feed = edition.feed("https://x.org/", "Edisi")
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    atom = "{http://www.w3.org/2005/Atom}"
    root = etree.fromstring(feed.encode("utf-8"))
    entries = root.findall(f"{atom}entry")
    assert len(entries) == 2
    assert [e.find(f"{atom}link[@rel='alternate']").get("href") for e in entries] == [
        "https://x.org/ralat/#ralat-putin", "https://x.org/ralat/#pembaruan-kemhan"]


def test_a_change_that_is_no_mapping_or_has_no_day_says_so():
    from glossary.errors import EntryError
    with pytest.raises(EntryError, match="a change must be a mapping"):
        parse_log("- teks\n")
    with pytest.raises(EntryError, match="YYYY-MM-DD"):
        parse_log('- id: x\n  tanggal: kemarin\n  jenis: ralat\n  judul: J\n  teks: T\n  sesudah: S\n'
                  "  halaman: [kemhan]\n")


def test_article_meta_links_the_pages_either_side(edition):
    first = edition.article_meta("artikel/halaman-1.md")
    second = edition.article_meta("artikel/halaman-2.md")
    assert (first["number"], first["pages"], first["previous_url"], first["next_url"]) == (
        1, 2, None, "artikel/halaman-2/")
    assert (second["previous_url"], second["next_url"]) == ("artikel/halaman-1/", None)
    assert edition.article_meta("index.md") is None


def test_the_feed_has_no_stray_text_between_its_elements(edition):
    root = etree.fromstring(edition.feed("https://x.org/", "Edisi").encode("utf-8"))
    assert all(not (element.text or "").strip() or len(element) == 0 for element in root.iter())
    assert all(not (element.tail or "").strip() for element in root.iter())


# --- small rules, each pinned -------------------------------------------------------------------

def test_dates_name_their_forms_and_default_to_no_day():
    from glossary.dates import format_date, parse_date, weekday_name
    assert format_date(2024, 2) == "Februari 2024"
    with pytest.raises(ValueError) as raised:
        parse_date("x" * 50)
    assert str(raised.value) == f"date {'x' * 40!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    with pytest.raises(ValueError, match=r"is not YYYY-MM-DD$"):
        weekday_name("kemarin")


def test_a_folder_is_stripped_of_its_final_slashes_only():
    assert errors.Problem("a.md", 1, "m").located("docsX//") == "docsX/a.md:1: m"


def test_a_long_non_text_value_is_quoted_in_sixty_characters():
    with pytest.raises(ValueError) as raised:
        plain_text.plain_field(["x" * 100], "role")
    assert str(raised.value) == f"'role' must be text, not {errors.excerpt(['x' * 100], 60)}"


def test_event_dates_compare_by_day():
    from glossary.timeline import EventDate
    assert EventDate(2024, 2, 5).after(EventDate(2024, 2, 3))
    assert not EventDate(2024, 2, 3).after(EventDate(2024, 2, 5))
    assert not EventDate(2024, 2).after(EventDate(2024, 2, 1))


def test_bad_events_say_what_and_where():
    from glossary.errors import EntryError
    from glossary.timeline import parse_events
    known = lambda _id: _id == "kim"  # noqa: E731
    with pytest.raises(EntryError) as raised:
        parse_events("- teks\n", "linimasa/peristiwa.yml", known, known)
    assert raised.value.message == "an event must be a mapping (tanggal, teks, entitas, rujukan)"
    with pytest.raises(EntryError) as raised:
        parse_events('- teks: x\n  entitas: [kim]\n  tanggal: "2024-13"\n', "p.yml", known, known)
    assert raised.value.line == 3
    with pytest.raises(EntryError) as raised:
        parse_events('- tanggal: "2024"\n  teks: x\n  entitas: [' + "y" * 100 + "]\n", "p.yml", known, known)
    assert raised.value.message == f"unknown entity {errors.excerpt('y' * 100, 60)}"


def test_a_url_that_is_not_http_says_so():
    from glossary.sources import url_problem
    assert url_problem("ftp://x.org/a") == "must start with http:// or https://"


def test_the_register_page_has_its_title_and_intro():
    from glossary.register import register_markdown
    text = register_markdown([], href=lambda e: "")
    assert text.startswith("# Glosarium\n\nSemua tokoh, lembaga, dan tempat yang disebut dalam edisi ini")


def test_a_quote_with_markup_inside_reads_as_its_words():
    root = etree.fromstring('<div><p data-speaker="putin">"Satu <em>dua</em> tiga"</p></div>')
    quotes, _ = collect_quotes(root, lambda id_: True)
    assert quotes[0].text == "Satu dua tiga"


def test_an_unknown_field_lists_the_known_ones():
    from glossary.entry_schema import validate_front_matter
    problems = validate_front_matter({"title": "X", "type": "person", "summary": "Y.", "warna": 1})
    assert len(problems) == 1
    path, message = problems[0]
    assert path == ("warna",)
    assert message.startswith("unknown field 'warna' (known: ") and ", summary, " in message
    assert "XX" not in message


def test_shares_of_no_source_are_a_dash_not_a_division_by_zero():
    from glossary.bibliography import Shares
    assert "-" in Shares.of([]).sentence()


def test_yaml_is_measured_in_bytes_too():
    from glossary.errors import EntryError
    from glossary.safe_yaml import MAX_SIZE, load
    text = "a: " + "\u00e9" * (MAX_SIZE // 2)  # Fewer characters than the limit, more bytes.
    assert len(text) <= MAX_SIZE
    with pytest.raises(EntryError, match="KiB"):
        load(text, "x.yml")


def test_read_text_names_the_file_by_default(tmp_path):
    from glossary.errors import EntryError
    from glossary.safe_yaml import read_text
    file = tmp_path / "buruk.yml"
    file.write_bytes(b"a: \xff\n")
    with pytest.raises(EntryError) as raised:
        read_text(file)
    assert raised.value.path == str(file)


def test_the_corrections_section_of_an_entry_has_its_heading(edition):
    from test_cross_page import fill, read
    read(edition)
    html, _ = fill(edition, "glosarium/tokoh/vladimir-putin.md", rendering.ENTITY_SECTIONS)
    assert "Ralat dan pembaruan" in html


def test_no_mention_counts_say_not_yet_mentioned():
    from glossary.backlinks import MentionCounts
    assert MentionCounts().sentence() == "Belum disebut di halaman edisi"


def test_the_glossarys_warnings_reach_the_edition_with_their_line_and_severity(tmp_path):
    from glossary.edition import Edition, EditionOptions
    from test_hostile_second import docs_tree, entry
    docs = docs_tree(tmp_path, {"glosarium/tokoh/palsu.md": entry(title="Vladimir \u0420utin")})
    edition = Edition.open(docs, EditionOptions(), {"glosarium/tokoh/palsu.md"})
    warnings = [p for p in edition.problems if "mixes Cyrillic and Latin" in p.message]
    assert [(p.path, p.line, p.severity) for p in warnings] == [("glosarium/tokoh/palsu.md", 2, "warning")]


def test_two_entries_with_one_file_name_are_an_error_naming_both(tmp_path):
    from glossary.catalog import load_glossary
    from test_hostile_second import docs_tree, entry
    docs = docs_tree(tmp_path, {"glosarium/tokoh/putin.md": entry(),
                                "glosarium/tempat/putin.md": entry(title="Putin Lain")})
    glossary = load_glossary(docs / "glosarium", docs)
    messages = [str(e) for e in glossary.errors]
    assert any("entity id 'putin' is already used by glosarium/" in m and "file names must be unique" in m
               for m in messages), messages
    assert len(glossary.entities) == 1
