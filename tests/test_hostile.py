"""Hostile input (issue 12): every case ends in a clean, located error or a safe result.

Never a traceback, a hang, live markup, or changed article text. Most cases run the engine alone
(entries, matcher, timeline, and the extension through Python-Markdown's public API); the cases
marked `slow` build a small real site with MkDocs.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import markdown
import pytest

from conftest import NEWS_ARTICLE as ARTICLE
from glossary.bibliography import load_bibliography
from glossary.catalog import build_glossary
from glossary.entries import EntryError, load_entries, parse_entry
from glossary.extension import makeExtension
from glossary.matcher import Matcher
from glossary.timeline import parse_events
from helpers import source_yml, write_bibliography

FRONT = "---\ntitle: {title}\ntype: person\nsummary: Ringkasan.\n{extra}---\n\nIsi.\n"
BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")))
SOURCE = ("sources:\n  - id: s1\n    title: {title}\n    publisher: {publisher}\n    date: 2024-02-01\n"
          "    url: {url}\n")


def front(title: str = "Vladimir Putin", extra: str = "") -> str:
    return FRONT.format(title=title, extra=extra)


def source(title: str = "Judul", publisher: str = "KCNA", url: str = "https://kcna.kp/a") -> str:
    return SOURCE.format(title=title, publisher=publisher, url=url)


def parse(text: str | bytes, path: str = "glosarium/tokoh/vladimir-putin.md"):
    """Parse an entity file as the loader does (bytes are read as a file is)."""
    from glossary.safe_yaml import decode
    return parse_entry(decode(text, path) if isinstance(text, bytes) else text, path)


# --- 1. Entity files: a clean error at file:line, within a second ---------------------------------

P = "glosarium/tokoh/vladimir-putin.md"
BAD_ENTRIES = {
    # resource exhaustion: anchors and aliases are refused at once
    "alias bomb in aliases": (front(extra=BOMB.replace("a: &a", "aliases: &a", 1)), P, 5, "anchors"),
    "alias bomb in title": ("---\ntitle: *i\ntype: person\nsummary: S.\n" + BOMB + "---\n", P, 2, "aliases"),
    "merge key bomb": (front(extra=BOMB + "<<: *i\n"), P, 5, "anchors"),
    "anchor on a scalar": (front(extra="role: &r Presiden\n"), P, 5, "anchors ('&r')"),
    "alias of an anchor": ("---\ntitle: &t Putin\ntype: person\nsummary: *t\n---\n", P, 2, "anchors"),
    "huge front matter": (front(extra="aliases:\n" + "  - Putin\n" * 40_000), P, 2, "longer than 256 KiB"),
    "deep nesting": (front(extra="role: " + "[" * 1000 + "]" * 1000 + "\n"), P, 5, "nest"),
    "python tag": (front(extra="role: !!python/object/apply:os.system [ls]\n"), P, 5, "tags"),
    # tracebacks that named no file
    "latin-1 byte in summary": (front().replace("Ringkasan", "Ringkas\xe9n").encode("latin-1"), P, 4, "not UTF-8"),
    "broken UTF-8 in title": (front().encode().replace(b"Vladimir", b"Vlad\xc3\x28mir"), P, 2, "not UTF-8"),
    "1,000-character title": (front(title="Putin " * 167), P, 2, "at most 200"),
    "1,000-character alias": (front(extra="aliases:\n  - " + "x" * 1000 + "\n"), P, 6, "at most 200"),
    # bad input accepted silently
    "duplicate title": (front(extra="title: Putin Lagi\n"), P, 5, "duplicate key 'title' (first at line 2)"),
    "duplicate aliases": (front(extra="aliases: [Putin]\naliases: [Vova]\n"), P, 6, "duplicate key 'aliases'"),
    "duplicate key in a source": (front(extra=source() + "    url: https://x.org\n"), P, 11, "duplicate key 'url'"),
    "punctuation-only alias '-'": (front(extra="aliases:\n  - '-'\n"), P, 6, "no letter or digit"),
    "punctuation-only alias '...'": (front(extra="aliases:\n  - '...'\n"), P, 6, "no letter or digit"),
    "punctuation-only title": (front(title="'«»'"), P, 2, "no letter or digit"),
    "zero-width space in title": (front(title='"Vladimir\\u200bPutin"'), P, 2, "U+200B ZERO WIDTH SPACE"),
    "zero-width joiner in alias": (front(extra='aliases:\n  - "Pu\\u200dtin"\n'), P, 6, "U+200D"),
    "word joiner in alias": (front(extra='aliases:\n  - "Pu\\u2060tin"\n'), P, 6, "U+2060"),
    "byte-order mark in alias": (front(extra='aliases:\n  - "\\ufeffPutin"\n'), P, 6, "U+FEFF"),
    "bidi override in alias": (front(extra='aliases:\n  - "\\u202enituP"\n'), P, 6, "U+202E"),
    "NUL escape in summary": (front().replace("summary: Ringkasan.", 'summary: "a\\0b"'), P, 4, "U+0000"),
    "raw NUL byte in summary": (front().replace("Ringkasan.", "a\x00b"), P, 4, "U+0000"),
    "ESC in role": (front(extra='role: "\\e[31mmerah"\n'), P, 5, "control character (U+001B"),
    "DEL in summary": (front().replace("summary: Ringkasan.", 'summary: "a\\x7fb"'), P, 4, "U+007F"),
    "file name with spaces": (front(), "glosarium/tokoh/vladimir putin.md", None, "no spaces"),
    "upper-case file name": (front(), "glosarium/tokoh/Putin.md", None, "not a valid entity id"),
    "year 0000 in reviewed": (front(extra="reviewed: 0000-01-01\n"), P, 5, "no year 0000"),
}


@pytest.mark.parametrize("text, path, line, message", BAD_ENTRIES.values(), ids=BAD_ENTRIES.keys())
def test_hostile_entry_gives_a_clean_located_error_within_a_second(text, path, line, message):
    started = time.perf_counter()
    with pytest.raises(EntryError) as caught:
        parse(text, path)
    assert time.perf_counter() - started < 1
    error = caught.value
    assert (error.path, error.line) == (path, line) and message in error.message, str(error)
    assert str(error).startswith(f"{path}:{line}: " if line else f"{path}: ")
    assert len(str(error)) < 500 and "\x00" not in str(error)


B = "sumber/pustaka.yml"
#: The bibliography's sources (sumber/pustaka.yml): each hostile field a clean error at its line.
BAD_SOURCES = {
    "C1 control in a source title": (source_yml("s1", title="a\\x9bb"), 2, "control character"),
    "javascript: URL in a source": (source_yml("s1", url='"javascript:alert(1)"'), 5, "http"),
    "data: URL in a source": (source_yml("s1", url='"data:text/html,<script>alert(1)</script>"'), 5, "http"),
    "year 0000 in a source": (source_yml("s1", date="0000-01"), 4, "no year 0000"),
    "alias bomb in the bibliography": (BOMB, 1, "anchors"),
    "markup as a publisher id": (source_yml("s1", publisher="'<svg onload=alert(1)>'"), 3, "unknown publisher"),
}


@pytest.mark.parametrize("text, line, message", BAD_SOURCES.values(), ids=BAD_SOURCES.keys())
def test_hostile_source_gives_a_clean_located_error(tmp_path, text, line, message):
    write_bibliography(tmp_path, text)
    errors = load_bibliography(tmp_path).errors
    assert errors and (errors[0].path, errors[0].line) == (B, line) and message in errors[0].message, errors
    assert len(str(errors[0])) < 500 and "\x00" not in str(errors[0])


# --- 2. YAML 1.1 coercion: names stay the text the editor wrote ------------------------------------

@pytest.mark.parametrize("alias, not_in_text", [
    ("010", "8"), ("0x1F", "31"), ("1_000", "1000"), ("0o17", "15"), ("1e3", "1000.0"), ("2024-02-01", "2024"),
])
def test_numbers_dates_and_words_in_aliases_stay_text(alias, not_in_text):
    entity = parse(front(extra=f"aliases:\n  - {alias}\n  - yes\n"))
    assert entity.aliases == (alias, "yes")
    matches = [m.entity_id for m in Matcher.build([entity]).finditer(f"{not_in_text} dan {alias} dan True")]
    assert matches == ["vladimir-putin"]


# --- 3. Unicode forms ------------------------------------------------------------------------------

def test_a_decomposed_title_matches_composed_text_and_the_text_is_unchanged(tmp_path):
    docs = entries(tmp_path, {"tokoh/jose.md": front(title='"Jose\\u0301 Rizal"')})
    page, _ = convert(docs, "Jos\u00e9 Rizal datang. Jose\u0301 Rizal pulang.")
    assert page.count('data-entity="jose"') >= 2
    assert visible_text(page) == "Jos\u00e9 Rizal datang. Jose\u0301 Rizal pulang."


def test_composed_and_decomposed_twins_in_two_files_clash(tmp_path):
    docs = entries(tmp_path, {"tokoh/a.md": front(title='"Jos\\u00e9"'), "tokoh/b.md": front(title='"Jose\\u0301"')})
    entities, errors = load_entries(docs / "glosarium", docs)
    glossary = build_glossary(entities, "glosarium", errors)
    assert [str(e) for e in glossary.errors] == ["glosarium/tokoh/b.md:2: name 'José' is already claimed by 'a' "
                                                 "(glosarium/tokoh/a.md:2)"]


def test_the_long_s_in_text_never_raises_for_a_case_insensitive_name():
    entity = parse(front(title="Sankt", extra="case_insensitive: true\n"))
    assert [m.entity_id for m in Matcher.build([entity]).finditer("\u017fankt SANKT")] == ["vladimir-putin"] * 2


# --- 4. Timeline data -----------------------------------------------------------------------------

TIMELINE = "docs/linimasa/peristiwa.yml"
BAD_EVENTS = {
    "year 0000": ('- tanggal: "0000"\n  teks: x\n  entitas: [rusia]\n', 1, "no year 0000"),
    "nested list": ('- tanggal: "2023"\n  teks: x\n  entitas: [[rusia]]\n', 3, "found a nested list"),
    "alias bomb in entitas": ("- tanggal: '2023'\n  teks: x\n  entitas: *i\n" + BOMB, 3, "aliases"),
    "unknown field": ('- tanggal: "2023"\n  teks: x\n  entitas: [rusia]\n  sumber: y\n', 4, "unknown field 'sumber'"),
    "duplicate key": ('- tanggal: "2023"\n  tanggal: "2024"\n  teks: x\n  entitas: [rusia]\n', 2, "duplicate key"),
    "not UTF-8": ('- tanggal: "2023"\n  teks: Rusia\xe9\n  entitas: [rusia]\n'.encode("latin-1"), 2, "not UTF-8"),
    "control character": ('- tanggal: "2023"\n  teks: "\\x1b[2J"\n  entitas: [rusia]\n', 2, "U+001B"),
}


@pytest.mark.parametrize("text, line, message", BAD_EVENTS.values(), ids=BAD_EVENTS.keys())
def test_hostile_timeline_names_the_file_and_line(text, line, message):
    started = time.perf_counter()
    with pytest.raises(EntryError) as caught:
        parse_events(text, TIMELINE, known_entity=lambda e: e == "rusia", known_page=lambda p: True)
    assert time.perf_counter() - started < 1
    assert str(caught.value).startswith(f"{TIMELINE}:{line}: ") and message in caught.value.message


# --- Engine through Python-Markdown's public API --------------------------------------------------

def entries(tmp_path: Path, files: dict[str, str]) -> Path:
    """A docs folder with these entity files under glosarium/; returns the docs folder."""
    docs = tmp_path / "docs"
    for name, text in files.items():
        path = docs / "glosarium" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def convert(docs: Path | None, text: str, extensions=("attr_list", "abbr", "footnotes")):
    """(HTML, page report) of `text` as page artikel/a.md; with `docs` None, without the glossary."""
    if docs is None:
        return markdown.Markdown(extensions=list(extensions)).convert(text), None
    ext = makeExtension(entries=str(docs / "glosarium"), docs_dir=str(docs), page="artikel/a.md", switches=False)
    ext.start_page("artikel/a.md")
    page = markdown.Markdown(extensions=[*extensions, ext]).convert(text)
    return page, ext.finish_page()


def visible_text(page: str) -> str:
    """The text of the page's paragraphs as a reader sees it (the glossary's own asides left out)."""
    page = re.sub(r"<aside\b.*?</aside>|<div class=\"glossary-controls.*?</div>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", page)).strip()


XSS = "<img src=x onerror=alert(1)>"
LIVE = re.compile(r"<(img|script|b|i|svg|iframe)\b|</title>|javascript:", re.I)


def entity_text(title: str = "Vladimir Putin", aliases: str = "[Putin]", summary: str = "Ringkasan.",
                extra: str = "", body: str = "Isi.") -> str:
    return (f"---\ntitle: {title}\ntype: person\naliases: {aliases}\nsummary: {summary}\n{extra}---\n\n"
            f"{body}\n")


@pytest.mark.parametrize("fields, line", [
    ({"title": f"'{XSS}Putin'"}, 2),
    ({"title": "'</title><script>alert(1)</script>'"}, 2),
    ({"aliases": f"['{XSS}', Putin]"}, 4),
    ({"aliases": "['<b>Putin</b>', Putin]"}, 4),
], ids=["title", "title closing <title>", "alias", "alias in bold"])
def test_markup_in_a_name_is_refused_at_its_line(fields, line):
    """Names become page titles, which some hosts print unescaped (Zensical runs no hook to escape them)."""
    with pytest.raises(EntryError) as raised:
        parse(entity_text(**fields))
    assert raised.value.line == line and "'<' or '>'" in raised.value.message, raised.value


@pytest.mark.parametrize("fields", [
    {"title": "'Tuan & Nyonya \"Putin\"'", "aliases": "[Putin]"},
    {"summary": f"'{XSS} <b>tebal</b>'"},
    {"extra": "role: '<script>alert(2)</script>'\n"},
    {"extra": "sources: [s1]\n", "body": "Isi [@s1]."},
], ids=["title with & and quotes", "summary", "role", "sources"])
def test_markup_in_any_glossary_field_is_escaped_in_the_page(tmp_path, fields):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": entity_text(**fields)})
    # Every source field hostile: its title, its publisher's name, its URL, its language.
    write_bibliography(docs, source_yml("s1", title=XSS.replace('"', "'"), url='"https://x.org/?q=<script>"',
                                        publisher="x", lang="en"),
                       f"- id: x\n  nama: '<svg onload=alert(1)>'\n  jenis: blog\n  negara: RU\n  bahasa: en\n")
    page, _ = convert(docs, "Putin dan Vladimir Putin datang. <u>Putin</u>[@s1]")
    assert "glossary-sources" in page
    assert "glossary-mention" in page
    assert not LIVE.search(page), page


# --- 6. Raw inline HTML: never annotated inside --------------------------------------------------

@pytest.mark.parametrize("raw", [
    '<a href="https://example.org/">Vladimir Putin</a>',
    "<code>Vladimir Putin</code>",
    '<script>var nama = "Vladimir Putin";</script>',
    "<kbd>Vladimir Putin</kbd>",
    '<abbr title="x">Vladimir Putin</abbr>',
    '<span title="Vladimir Putin">x</span>',
])
def test_no_annotation_inside_raw_inline_html(tmp_path, raw):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front()})
    page, _ = convert(docs, f"Berita: {raw} dan Vladimir Putin.")
    assert raw in page, page
    assert page.count('data-entity="vladimir-putin"') == 1 + page.count('class="glossary-card"')


def test_no_link_inside_a_summary_element(tmp_path):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front()})
    page, _ = convert(docs, "<details markdown>\n<summary>Vladimir Putin</summary>\n\nVladimir Putin.\n</details>",
                      extensions=("attr_list", "md_in_html"))
    summary = re.search(r"<summary>.*?</summary>", page, re.S).group()
    assert "<a " not in summary, summary


def test_a_link_to_the_entitys_own_page_is_not_a_mention(tmp_path):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front(), "tempat/moskow.md": front("Moskow")})
    ext = makeExtension(entries=str(docs / "glosarium"), docs_dir=str(docs), switches=False)
    ext.start_page("glosarium/tokoh/vladimir-putin.md")
    markdown.Markdown(extensions=[ext]).convert("[Vladimir Putin](vladimir-putin.md) dan Vladimir Putin di Moskow.")
    assert [m.entity_id for m in ext.finish_page().mentions] == ["moskow"]  # Other entities are still found.


# --- 7. Other pipelines: left alone, reset per document -------------------------------------------

def test_a_conversion_the_hook_did_not_announce_is_left_alone(tmp_path):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front()})
    entities, errors = load_entries(docs / "glosarium", docs)
    from glossary.extension import GlossaryExtension
    ext = GlossaryExtension(glossary=build_glossary(entities, "glosarium", errors))
    ext.start_page("artikel/a.md")
    markdown.Markdown(extensions=[ext]).convert("Vladimir Putin.")  # The announced page.
    excerpt = markdown.Markdown(extensions=[ext]).convert("Vladimir Putin di blog.")  # A blog's excerpt.
    assert excerpt == markdown.Markdown().convert("Vladimir Putin di blog.")


def test_one_markdown_instance_converts_documents_independently(tmp_path):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front()})
    md = markdown.Markdown(extensions=["glossary"], extension_configs={"glossary": {
        "entries": str(docs / "glosarium"), "page": "artikel/a.md", "switches": False}})
    first = md.convert("Vladimir Putin.")
    md.reset()
    assert md.convert("Vladimir Putin.") == first
    assert first.count('id="sebut-vladimir-putin-1"') == 1


# --- 8. Snippets hold only what readers see -------------------------------------------------------

PLACEHOLDER = re.compile(r"[\x02\x03]|wzxhzdk|qq\d+zz|amp#\d|klzzwxh")


@pytest.mark.parametrize("text", [
    "Vladimir Putin <span>menurut</span> <em>kabar</em> <b>resmi</b>.",
    "Vladimir Putin[^1] berkata.\n\n[^1]: Catatan.",
    "Kabar dari <putin@kremlin.ru> dan Vladimir Putin &amp; <i>x</i>.",
    "*[BUMN]: Badan Usaha Milik Negara\n\nBUMN dan Vladimir Putin <!-- komentar --> datang.",
])
def test_snippets_hold_no_placeholders(tmp_path, text):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front()})
    _, report = convert(docs, text)
    assert report.mentions
    for mention in report.mentions:
        snippet = mention.before + mention.text + mention.after
        assert not PLACEHOLDER.search(snippet), repr(snippet)


# --- 9. Heavy pages --------------------------------------------------------------------------------

@pytest.mark.slow
def test_forty_thousand_mentions_complete_with_the_text_unchanged(tmp_path):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front(extra="aliases: [Putin]\n")})
    text = " ".join(["Putin *x*"] * 40000)
    with_glossary, report = convert(docs, text)
    without, _ = convert(None, text)
    assert visible_text(with_glossary) == visible_text(without)
    assert len(report.mentions) == 40000


def test_a_page_with_many_mentions_keeps_its_text(tmp_path):
    docs = entries(tmp_path, {"tokoh/vladimir-putin.md": front(extra="aliases: [Putin]\n")})
    text = " ".join(["Putin *x* <b>y</b>"] * 500)
    assert visible_text(convert(docs, text)[0]) == visible_text(convert(None, text)[0])


# --- Whole sites (MkDocs) -------------------------------------------------------------------------



def assert_clean_failure(result, location: str, message: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert location in result.stderr and message in result.stderr, result.stderr[-3000:]


@pytest.mark.slow
def test_site_with_markup_in_a_title_fails_naming_the_line(site):
    site.entity("tokoh/jahat.md", f"'{XSS}</title><script>alert(2)</script>'",
                extra="aliases:\n  - Tuan Jahat\n")
    site.write("index.md", ARTICLE + "\nTuan Jahat datang.\n")
    assert_clean_failure(site.build(theme="material"), "glosarium/tokoh/jahat.md:2", "'<' or '>'")
    for page in site.root.joinpath("site").rglob("*.html"):  # Nothing of it was published, even so.
        text = page.read_text(encoding="utf-8")
        assert "<img src=x" not in text and "<script>alert(2)" not in text, page


@pytest.mark.slow
def test_site_with_an_alias_bomb_fails_fast_naming_the_file(site):
    site.write("glosarium/tokoh/bom.md", front(title="Bom", extra=BOMB.replace("i: &i", "aliases: &i")))
    started = time.perf_counter()
    result = site.build()
    assert time.perf_counter() - started < 60
    assert_clean_failure(result, "glosarium/tokoh/bom.md:5", "anchors")


@pytest.mark.slow
def test_site_with_a_non_utf8_entity_fails_naming_the_file(site):
    (site.root / "docs/glosarium/tokoh/biner.md").write_bytes(front(title="Biner").encode() + b"\xff\xfe\n")
    assert_clean_failure(site.build(), "glosarium/tokoh/biner.md:8", "not UTF-8")


@pytest.mark.slow
def test_site_with_a_file_name_with_spaces_fails_naming_it(site):
    site.write("glosarium/tokoh/Tuan Jahat.md", front(title="Tuan Jahat"))
    assert_clean_failure(site.build(), "glosarium/tokoh/Tuan Jahat.md", "no spaces")


@pytest.mark.slow
def test_site_with_year_0000_in_the_timeline_names_the_file(site):
    site.write("linimasa/peristiwa.yml", '- tanggal: "0000"\n  teks: x\n  entitas: [moskow]\n')
    assert_clean_failure(site.build(), "linimasa/peristiwa.yml:1", "no year 0000")


@pytest.mark.slow
def test_site_with_an_entity_file_outside_the_glossary_says_so(site):
    site.write("tokoh/tersesat.md", front(title="Tokoh Tersesat"))
    result = site.build()
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "tokoh/tersesat.md" in result.stderr, result.stderr[-3000:]


@pytest.mark.slow
def test_an_entry_title_is_escaped_once_where_other_pages_list_it(site):
    """The hook escapes an entry's title for the theme; pages the glossary writes use the plain title."""
    site.entity("tokoh/jahat.md", "'A & B \"x\"'", extra="aliases:\n  - Tuan Jahat\n",
                body="Tuan Jahat bertemu Putin.")
    site.write("index.md", ARTICLE + "\nTuan Jahat datang.\n")
    assert site.build(theme="material").returncode == 0
    putin = site.html("glosarium/tokoh/vladimir-putin/index.html")
    related = re.search(r'<section class="glossary-related".*?</section>', putin, re.S).group()
    link = re.search(r'<a href="../jahat/">(.*?)</a>', related).group(1)
    assert html.unescape(link) == 'A & B "x"' and "&amp;amp;" not in link, related  # Escaped once.
