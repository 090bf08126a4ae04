"""The second hostile pass (issue 17): each class of defect, at the engine's level (fast tier).

Whole-site and browser checks of the same classes are in test_hostile.py, test_foreign.py and
test_browser.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.articles import load_articles
from glossary.catalog import load_glossary
from glossary.corrections import parse_changes
from glossary.dates import parse_date
from glossary.edition import Edition, EditionOptions
from glossary.entries import EntryError, parse_entry
from glossary.plain_text import control_character, mixed_scripts
from glossary.safe_yaml import host_front_matter_problem

PATH = "glosarium/tokoh/vladimir-putin.md"


def entry(extra: str = "", title: str = "Vladimir Putin", summary: str = "Ringkasan.") -> str:
    return f"---\ntitle: {title}\ntype: person\nsummary: {summary}\n{extra}---\n\nIsi.\n"


def refused(text: str) -> EntryError:
    with pytest.raises(EntryError) as raised:
        parse_entry(text, PATH)
    return raised.value


# --- 1. Front matter that MkDocs cannot load -----------------------------------------------------

@pytest.mark.parametrize("text, line", [
    (entry("aliases: [2024-02-30]\n"), 5),  # PyYAML builds a date, and there is no 30 February.
    (entry("role: =\n"), 5),  # PyYAML's `=` is the "value" tag, which its safe loader cannot build.
    ("---\ntitle: Vladimir Putin\ntype: person\nsummary: Ringkasan.\n---", 1),  # No line break after it.
])
def test_front_matter_mkdocs_cannot_load_is_refused_at_its_line(text, line):
    error = refused(text)
    assert error.line == line, error
    assert host_front_matter_problem(text) is not None


def test_front_matter_mkdocs_loads_is_no_problem():
    assert host_front_matter_problem(entry("aliases: [Putin, '2024-02-30']\n")) is None
    assert host_front_matter_problem("Tanpa front matter.\n") is None


def test_a_page_whose_front_matter_mkdocs_cannot_load_is_an_error_and_never_published(tmp_path):
    edition = Edition.open(docs_tree(tmp_path, {}), EditionOptions(), {"artikel/a.md"})
    text = "---\ntitle: Judul\nsummary: <img src=x onerror=alert(1)>\nrole: =\n---\n\nTeks artikel.\n"
    error, body = edition.front_matter_error("artikel/a.md", text)
    assert error.startswith("docs/artikel/a.md:4: MkDocs cannot load"), error
    assert body == "\nTeks artikel.\n"
    unclosed = edition.front_matter_error("artikel/a.md", "---\ntitle: x\nsummary: <img>\n---")
    assert unclosed[0].startswith("docs/artikel/a.md:1:") and unclosed[1] == ""
    assert edition.front_matter_error("artikel/a.md", "---\ntitle: x\n---\n\nTeks.\n") is None


# --- 5. An entry saved as .markdown or .mdown ----------------------------------------------------

def docs_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    (docs / "glosarium").mkdir(parents=True)
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


@pytest.mark.parametrize("name", ["glosarium/tokoh/putin.markdown", "glosarium/tokoh/putin.mdown"])
def test_an_entry_not_saved_as_md_is_an_error_and_not_built(tmp_path, name):
    docs = docs_tree(tmp_path, {name: entry(title="<b>Putin</b>")})
    edition = Edition.open(docs, EditionOptions(), {name})
    assert any(error.startswith(f"docs/{name}: ") and ".md" in error for error in edition.errors), edition.errors
    assert edition.unreadable_entries() == [name]  # The host drops it: its raw title is never printed.


def test_an_entry_outside_the_glossary_folder_is_reported(tmp_path):
    docs = docs_tree(tmp_path, {"tokoh/putin.md": entry()})
    edition = Edition.open(docs, EditionOptions(), {"tokoh/putin.md"})
    assert any(error.startswith("docs/tokoh/putin.md: looks like a glossary entry") for error in edition.errors)


# --- 6 and 14. Characters XML cannot carry; bidi controls; look-alike names ----------------------

@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\x1b", "\u202e", "\u2066",
                                  "\u200f", "\u061c"])
def test_characters_xml_forbids_and_bidi_controls_are_refused_in_every_field(char):
    assert control_character(f"a{char}b") == char
    for extra, line in ((f"role: 'Presiden{char}'\n", 5),
                        (f"sources:\n  - id: s\n    title: 'Judul{char}'\n    publisher: KCNA\n"
                         "    date: '2024-02-01'\n    url: https://kcna.kp/a\n", 7)):
        error = refused(entry(extra))
        assert error.line == line and f"U+{ord(char):04X}" in error.message and char not in error.message, error
    error = refused(entry(summary=f"'Ringkasan {char}.'"))
    assert error.line == 4 and char not in str(error)


def test_ordinary_text_passes():
    assert control_character("Kim Jong Un, 김정은, Путин, ‘kutipan’ — 1 Feb\u00a02024\t\n") is None


def test_a_name_mixing_scripts_in_one_word_is_a_warning_at_its_line(tmp_path):
    docs = docs_tree(tmp_path, {"glosarium/tokoh/vladimir-putin.md": entry(),
                                "glosarium/tokoh/palsu.md": entry(title="Vladimir Рutin")})
    glossary = load_glossary(docs / "glosarium", docs)
    assert [str(w) for w in glossary.warnings] == [
        "glosarium/tokoh/palsu.md:2: name 'Vladimir Рutin' mixes Cyrillic and Latin letters in one word: "
        "a look-alike letter?"]
    assert mixed_scripts("Казбек Тайсаев") is None and mixed_scripts("Hwasong-18") is None


# --- 7. Dates in other digits --------------------------------------------------------------------

@pytest.mark.parametrize("date", ["٢٠٢٤-٠٢-٠١", "２０２４-０２-０１", "2024-٠٢-01"])
def test_dates_in_other_digits_are_refused(date):
    with pytest.raises(ValueError):
        parse_date(date)
    error = refused(entry(f"reviewed: '{date}'\n"))
    assert error.line == 5
    with pytest.raises(EntryError):
        parse_changes(f'- tanggal: "{date}"\n  jenis: ralat\n  teks: x\n  halaman: [a]\n', "ralat.yml",
                      lambda target: True)


# --- 12. Article pages outside the docs folder ---------------------------------------------------

@pytest.mark.parametrize("page", ["../../mkdocs.yml", "/etc/hostname", "../../luar.md", "halaman-1.txt"])
def test_article_pages_must_be_markdown_inside_the_docs_folder(tmp_path, page):
    docs = docs_tree(tmp_path, {"artikel/halaman-1.md": "Teks.\n", "luar.md": "x"})
    (tmp_path / "luar.md").write_text("x", encoding="utf-8")
    (docs / "artikel/artikel.yml").write_text(
        f'title: Judul\ndate: "2024-02-01"\npublisher: Liputan6.com\npages:\n  - halaman-1.md\n  - "{page}"\n',
        encoding="utf-8")
    articles, errors = load_articles(docs)
    assert not articles and len(errors) == 1 and errors[0].line == 6, errors


# --- 13. What a card adds to a page is bounded ---------------------------------------------------

def test_a_long_summary_or_role_is_refused():
    assert "at most 600" in refused(entry(summary="x" * 601)).message
    assert "at most 300" in refused(entry("role: " + "x" * 301 + "\n")).message
    assert parse_entry(entry(summary="x" * 600), PATH).summary == "x" * 600
