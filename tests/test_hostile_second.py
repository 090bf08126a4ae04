"""The second hostile pass (issue 17): each class of defect, at the engine's level (fast tier).

Whole-site and browser checks of the same classes are in test_hostile.py, test_foreign.py and
test_browser.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from glossary.articles import load_articles
from glossary.bibliography import load_bibliography
from glossary.catalog import load_glossary
from glossary.corrections import parse_changes
from glossary.dates import parse_date
from glossary.edition import Edition, EditionOptions
from glossary.entries import EntryError, parse_entry
from glossary.plain_text import control_character, mixed_scripts
from glossary.safe_yaml import host_front_matter_problem
from glossary.sources import Source
from helpers import source_yml, write_bibliography

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
    assert error.located("docs").startswith("docs/artikel/a.md:4: MkDocs cannot load"), error
    assert body == "\nTeks artikel.\n"
    unclosed = edition.front_matter_error("artikel/a.md", "---\ntitle: x\nsummary: <img>\n---")
    assert unclosed[0].line == 1 and unclosed[1] == ""
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
    assert any(p.path == name and ".md" in p.message for p in edition.problems), edition.problems
    assert edition.unreadable_entries() == [name]  # The host drops it: its raw title is never printed.


def test_an_entry_outside_the_glossary_folder_is_reported(tmp_path):
    docs = docs_tree(tmp_path, {"tokoh/putin.md": entry()})
    edition = Edition.open(docs, EditionOptions(), {"tokoh/putin.md"})
    assert any(p.located("docs").startswith("docs/tokoh/putin.md: looks like a glossary entry")
               for p in edition.problems)


# --- 6 and 14. Characters XML cannot carry; bidi controls; look-alike names ----------------------

@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\x1b", "\u202e", "\u2066",
                                  "\u200f", "\u061c"])
def test_characters_xml_forbids_and_bidi_controls_are_refused_in_every_field(char):
    assert control_character(f"a{char}b") == char
    for extra, line in ((f"role: 'Presiden{char}'\n", 5),):
        error = refused(entry(extra))
        assert error.line == line and f"U+{ord(char):04X}" in error.message and char not in error.message, error
    with tempfile.TemporaryDirectory() as folder:  # A source's title, in the bibliography.
        write_bibliography(Path(folder), source_yml("s", title=f"Judul{char}"))
        error = load_bibliography(Path(folder)).errors[0]
        assert error.line == 2 and f"U+{ord(char):04X}" in error.message and char not in error.message, error
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


# --- 11. Citations and ids in trusted Markdown ---------------------------------------------------

S1 = Source("s1", "Judul", "KCNA", "2024-02-01", "https://kcna.kp/a", lang="en", kind="resmi")


def with_source(entity_id: str = "vladimir-putin", title: str = "Vladimir Putin"):
    from glossary.entries import parse_entry as parse
    return parse(entry("sources: [s1]\n", title=title), f"glosarium/tokoh/{entity_id}.md", {"s1": S1})


def converter(*extensions: str):
    from helpers import KREMLIN, RUSIA, Converter
    return Converter(with_source(), RUSIA, KREMLIN, extensions=("attr_list", *extensions), sources=(S1,))


def test_a_citation_inside_a_link_is_numbered_but_no_link_inside_the_link():
    from bs4 import BeautifulSoup
    html, report = converter().convert("[lihat [@s1]](https://x.org) di Rusia.")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("a a") == [] and soup.select_one("a[href='https://x.org'] sup").get_text() == "[1]"
    assert report.cited == ["s1"] and soup.select_one("#sumber-1")


def test_a_citation_in_a_raw_attribute_stays_the_editors_text():
    html, _ = converter().convert('<span title="[@s1]">Rusia</span> dan Kremlin.')
    assert '<span title="[@s1]">' in html and "\x02" not in html and "pending" not in html


def test_an_at_link_stays_a_link():
    html, report = converter().convert("[@mdi/svg](https://x.org) dan [@mdi/svg][r].\n\n[r]: https://y.org\n")
    assert html.count("<a ") == 2 and not report.cited and not report.problems


@pytest.mark.parametrize("text, line, element_id", [
    ("Rusia.[@s1]\n\nParagraf lain.\n{: #sumber-1 }\n", 4, "sumber-1"),
    ("Rusia dan Rusia.\n\n[Teks](#x){: #sebut-rusia-2 }\n", 3, "sebut-rusia-2"),
])
def test_an_id_the_glossary_numbers_on_the_page_is_a_problem_at_its_line(text, line, element_id):
    _, report = converter().convert(text)
    assert [(p.line, element_id in p.message) for p in report.problems] == [(line, True)]


def test_an_entry_heading_that_takes_a_generated_sections_id_is_a_problem():
    _, report = converter("toc").convert("Isi tentang Rusia.\n\n## Disebut di\n\nTeks.\n",
                                         src_path="glosarium/tokoh/vladimir-putin.md")
    assert [(p.line, "'disebut-di'" in p.message) for p in report.problems] == [(3, True)]
    _, report = converter("toc").convert("Isi.\n\n## Disebut di\n")  # Any other page may use it.
    assert report.problems == []


# --- 15-20. The engine in other docs trees -------------------------------------------------------

def test_a_conversion_nested_in_the_pages_own_is_left_alone_and_the_page_still_annotated():
    """mkdocstrings converts docstrings during the page's block phase, with the same extensions."""
    import markdown
    from markdown.blockprocessors import BlockProcessor

    from helpers import RUSIA
    from glossary.catalog import build_glossary
    from glossary.extension import GlossaryExtension

    ext = GlossaryExtension(glossary=build_glossary([RUSIA], "glosarium"))
    nested: list[str] = []

    class Docstrings(BlockProcessor):  # `::: x` converts a docstring, as mkdocstrings' AutoDocProcessor does.
        def test(self, parent, block):
            return block.startswith(":::")

        def run(self, parent, blocks):
            blocks.pop(0)
            # mkdocstrings makes its own instance from the page's registered extensions (the same objects).
            nested.append(markdown.Markdown(extensions=[ext]).convert("Docstring tentang Rusia."))

    md = markdown.Markdown(extensions=[ext])
    md.parser.blockprocessors.register(Docstrings(md.parser), "docstrings", 200)
    ext.start_page("api.md")
    html = md.convert("Prosa tentang Rusia.\n\n::: modul\n\nLagi Rusia.")
    assert nested == ["<p>Docstring tentang Rusia.</p>"]
    assert [m.text for m in ext.finish_page().mentions] == ["Rusia", "Rusia"]
    assert html.count("glossary-mention") >= 2


@pytest.mark.parametrize("text, extensions, kept", [
    ("$\\text{Rusia}$ dan Rusia", ("pymdownx.arithmatex",), "\\text{Rusia}"),
    ("[Rusia][modul.Rusia] dan Rusia", (), "modul.Rusia"),
])
def test_math_and_autorefs_are_left_alone(text, extensions, kept):
    import markdown
    from markdown.inlinepatterns import InlineProcessor
    import xml.etree.ElementTree as etree

    class Autoref(InlineProcessor):  # What mkdocs-autorefs puts in the tree for `[x][id]`.
        def handleMatch(self, m, data):
            element = etree.Element("autoref", {"identifier": m.group(2)})
            element.text = m.group(1)
            return element, m.start(0), m.end(0)

    from helpers import RUSIA, Converter
    converter = Converter(RUSIA, extensions=extensions)
    original = markdown.Markdown.__init__

    def with_autoref(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.inlinePatterns.register(Autoref(r"\[([^\]]+)\]\[([\w.]+)\]", self), "autoref", 175)

    markdown.Markdown.__init__ = with_autoref
    try:
        html, report = converter.convert(text)
    finally:
        markdown.Markdown.__init__ = original
    assert kept in html and len(report.mentions) == 1, html


def test_a_caption_that_is_only_a_name_keeps_its_space():
    from helpers import RUSIA, Converter, article_text
    text = "![peta](peta.png)\n\n/// figure-caption\nRusia\n///\n"
    converter = Converter(RUSIA, extensions=("pymdownx.blocks.caption",))
    on, _ = converter.convert(text)
    off, _ = converter.convert(text, glossary=False)
    assert "Figure 1. Rusia" in article_text(on) and article_text(on) == article_text(off)
