"""Entries, sources, dates and the safe YAML loader: each rule, one test (no MkDocs)."""

import time

import pytest

from glossary.dates import format_iso_date
from glossary.entries import Entity, EntryError, load_entries, parse_entry
from glossary.safe_yaml import MAX_SIZE, load, read_text
from glossary.sources import REFERENCE, Source

PATH = "glosarium/tokoh/kim-jong-un.md"
KCNA_2024 = Source("kcna-2024", "Judul", "KCNA", "2024-02-01", "https://kcnawatch.org/a", lang="en", kind="resmi")
#: The bibliography the entries here cite.
BIBLIOGRAPHY = {KCNA_2024.id: KCNA_2024}
SOURCE = "  - kcna-2024\n"


def entry(front: str, path: str = PATH) -> Entity:
    return parse_entry(f"---\ntitle: Kim Jong Un\ntype: person\nsummary: Pemimpin.\n{front}---\n\nIsi.\n", path,
                       BIBLIOGRAPHY)


def error_of(front: str, path: str = PATH) -> EntryError:
    with pytest.raises(EntryError) as error:
        entry(front, path)
    return error.value


# --- entries -------------------------------------------------------------------------------------

def test_a_full_entry():
    e = entry("aliases:\n  - Kim\nrole: Pemimpin Tertinggi\nwikidata: Q56226\ncase_insensitive: false\n"
              f"reviewed: 2026-11-26\nsources:\n{SOURCE}")
    assert (e.id, e.src_path, e.title, e.aliases, e.role, e.wikidata) == (
        "kim-jong-un", PATH, "Kim Jong Un", ("Kim",), "Pemimpin Tertinggi", "Q56226")
    assert e.reviewed == "2026-11-26"
    assert e.sources == (KCNA_2024,)
    assert e.name_lines == {"Kim Jong Un": 2, "Kim": 6}
    assert e.field_lines["sources/kcna-2024"] == 12 and e.field_lines["reviewed"] == 10


def test_parse_entry_returns_only_the_entity():
    assert isinstance(entry(""), Entity)


@pytest.mark.parametrize("alias", ["010", "0x1F", "1_000", "yes", "off", "2024-02-01", "1e3", ".inf"])
def test_no_yaml_1_1_coercion_aliases_stay_text(alias):
    assert entry(f"aliases:\n  - {alias}\n").aliases == (alias,)


@pytest.mark.parametrize("front, line, message", [
    ("title: Lagi\n", 5, "duplicate key 'title' (first at line 2)"),
    ("aliases:\n  - &a Kim\n  - *a\n", 6, "anchors"),
    ("aliases:\n  - '-'\n", 6, "has no letter or digit"),
    ("aliases:\n  - '—·—'\n", 6, "has no letter or digit"),
    ('aliases:\n  - "Kim\\u200bJong"\n', 6, "invisible character (U+200B ZERO WIDTH SPACE)"),
    ('aliases:\n  - "Kim\\u00adJong"\n', 6, "U+00AD SOFT HYPHEN"),
    ('aliases:\n  - "Kim\\x1b"\n', 6, "invisible character (U+001B"),
    ('role: "a\\0b"\n', 5, "'role' holds a control character (U+0000"),
    ('wikidata: "Q1\\x1b"\n', 5, "'wikidata' holds a control character"),
    ("aliases:\n  - " + "Kim " * 300 + "\n", 6, "name of 1199 characters (at most 200)"),
    ("aliases:\n  - [Kim]\n", 6, "a name must be non-empty text"),
    ("aliases: Kim\n", 5, "'aliases' must be a list"),
    ("role: 5\nrole: 6\n", 6, "duplicate key"),
    ("role: [a]\n", 5, "'role' must be text"),
    ("case_insensitive: yes\n", 5, "'case_insensitive' must be true or false"),
    ("reviewed: 2026-02-30\n", 5, "day is out of range"),
    ("reviewed: 2026-02\n", 5, "'reviewed' must be a day"),
    ("reviewed: 0000-01-01\n", 5, "no year 0000"),
    ("wikidata: !!int 5\n", 5, "YAML tags such as '!!int' are not allowed"),
    ("ulang_tahun: 1950\n", 5, "unknown field 'ulang_tahun'"),
    ("type: planet\n", 5, "duplicate key 'type'"),
])
def test_bad_front_matter_names_the_line(front, line, message):
    error = error_of(front)
    assert (error.path, error.line) == (PATH, line) and message in error.message, str(error)


def test_control_characters_in_the_summary_are_an_error():
    with pytest.raises(EntryError, match=r":4: 'summary' holds a control character \(U\+001B"):
        parse_entry('---\ntitle: X\ntype: person\nsummary: "Merah \\x1b[31m"\n---\n', "glosarium/x.md")


def test_a_raw_nul_byte_is_an_error_at_its_line():
    with pytest.raises(EntryError, match=r"^glosarium/x.md:4: control character U\+0000"):
        parse_entry("---\ntitle: X\ntype: person\nsummary: a\x00b\n---\n", "glosarium/x.md")


@pytest.mark.parametrize("name", ["Kim Jong.md", "Kim.md", "kim_jong.md", "-kim.md", "kim jong un.md", "kím.md"])
def test_a_file_name_must_be_a_clean_id(name):
    error = error_of("", f"glosarium/tokoh/{name}")
    assert "is not a valid entity id" in error.message and "no spaces" in error.message


def test_names_are_nfc_and_nfd_twins_in_one_entry_are_one_name():
    e = entry('aliases:\n  - "Jos\\u00e9"\n  - "Jose\\u0301"\n')
    assert e.aliases == ("Jos\u00e9",)


def test_white_space_in_names_collapses():
    assert entry("aliases:\n  - \"Kim\\u00a0 Jong\\n Un Kecil\"\n").aliases == ("Kim Jong Un Kecil",)


def test_an_alias_bomb_fails_within_a_second():
    bomb = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    started = time.perf_counter()
    error = error_of("a: &a [x, x, x, x, x, x, x, x, x]\n" + bomb)
    assert time.perf_counter() - started < 1 and error.line == 5 and "anchors" in error.message


def test_a_huge_front_matter_is_refused_and_the_message_is_short():
    error = error_of("aliases:\n" + "  - Kim\n" * (MAX_SIZE // 8 + 10))
    assert "longer than 256 KiB" in error.message


def test_error_messages_quote_at_most_a_short_excerpt():
    error = error_of("role: [" + "x" * 100_000 + "]\n")
    assert len(str(error)) < 400


def test_load_entries_collects_every_error_and_skips_the_register(tmp_path):
    docs = tmp_path / "docs"
    folder = docs / "glosarium"
    (folder / "tokoh").mkdir(parents=True)
    (folder / "index.md").write_text("# Register\n", encoding="utf-8")
    (folder / "tokoh" / "kim-jong-un.md").write_text("---\ntitle: Kim\ntype: person\nsummary: S.\n---\n",
                                                     encoding="utf-8")
    (folder / "tokoh" / "rusak.md").write_text("---\ntitle: R\ntype: planet\nsummary: S.\n---\n", encoding="utf-8")
    (folder / "tokoh" / "biner.md").write_bytes(b"---\ntitle: B\ntype: person\nsummary: \xe9t\xe9\n---\n")
    (folder / "tokoh" / "Nama Spasi.md").write_text("---\ntitle: N\ntype: person\nsummary: S.\n---\n",
                                                    encoding="utf-8")
    entities, errors = load_entries(folder, docs)
    assert [e.src_path for e in entities] == ["glosarium/tokoh/kim-jong-un.md"]
    assert sorted(str(error).split(": ")[0] for error in errors) == [
        "glosarium/tokoh/Nama Spasi.md", "glosarium/tokoh/biner.md:4", "glosarium/tokoh/rusak.md:3"]


def test_read_text_names_the_file_and_line_of_a_bad_byte(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"a\nb\nc \xc3\x28\n")
    with pytest.raises(EntryError, match=r"^docs/x.md:3: the file is not UTF-8 text \(byte 0xc3\)"):
        read_text(path, "docs/x.md")


# --- the safe YAML loader ------------------------------------------------------------------------

def test_only_true_false_and_null_are_special():
    doc = load("a: [true, false, null, ~, 'true', yes, 010, 0x1F, 2024-02-01, 1.5]\nb:\n", "x.yml")
    assert doc.data == {"a": [True, False, None, None, "true", "yes", "010", "0x1F", "2024-02-01", "1.5"], "b": None}


def test_lines_of_keys_and_items_count_from_the_first_line():
    doc = load("a: 1\nb:\n  - x\n  - y: 2\n", "x.yml", first_line=10)
    assert (doc.lines("a"), doc.lines("b", 1), doc.lines("b", 1, "y"), doc.lines("b", 1, "z")) == (10, 13, 13, 13)
    assert doc.lines.under("b")(0) == 12


@pytest.mark.parametrize("text, message", [
    ("a: 1\n---\nb: 2\n", "only one YAML document"),
    ("? [a]\n: b\n", "a key must be plain text"),
    ("a: " + "[" * 40 + "]" * 40 + "\n", "nested deeper than"),
    ("a: *x\n", "aliases"),
])
def test_the_loader_refuses(text, message):
    with pytest.raises(EntryError, match=message):
        load(text, "x.yml")


# --- sources and dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("front, line, message", [
    ("sources: kcna-2024\n", 5, "'sources' must be a list of source ids"),
    ("sources:\n  - kcna-2024\n  - kcna-2024\n", 7, "source 'kcna-2024' is listed twice (first at line 6)"),
    ("sources:\n  - tass-1\n", 6, "unknown source 'tass-1' (sources are defined in sumber/pustaka.yml)"),
    ("sources:\n  - KCNA 2024\n", 6, "must be lower-case letters"),
    ("sources:\n  - id: kcna-2024\n    title: Judul\n", 6, "a source is defined once, in the bibliography"),
], ids=["not a list", "twice", "unknown", "bad id", "old format"])
def test_an_entrys_sources_are_ids_of_the_bibliography(front, line, message):
    error = error_of(front)
    assert (error.path, error.line) == (PATH, line) and message in error.message, str(error)


def test_an_entry_lists_its_sources_resolved_in_its_order():
    assert entry("sources:\n  - kcna-2024\n").sources[0].date_label == "1 Februari 2024"


def test_reference_syntax():
    found = [m["source"] for m in REFERENCE.finditer("a [@kcna-2024] b [@tass-1][@kim-jong-un/tass-2] [@X]")]
    assert found == ["kcna-2024", "tass-1"]  # One syntax: an id of the bibliography.


@pytest.mark.parametrize("iso, long, short", [
    ("2024-02-01", "1 Februari 2024", "1 Feb 2024"), ("2026-11-26", "26 November 2026", "26 Nov 2026"),
    ("2024-08", "Agustus 2024", "Agu 2024"), ("2020", "2020", "2020"),
])
def test_indonesian_dates(iso, long, short):
    assert (format_iso_date(iso), format_iso_date(iso, short=True)) == (long, short)
