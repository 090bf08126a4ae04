"""The one bibliography (issue 19, point 5): sources and publishers as data, each rule one test (no MkDocs).

The strict-build failures at file and line are in test_sources.py; the real edition's data is read
here too: one URL one id, every publisher known, every title's language given.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from glossary.bibliography import KINDS, Shares, load_bibliography, same_page
from glossary.edition import Edition, EditionOptions
from helpers import PUBLISHERS_YML, source_yml, write_bibliography

PATH = "sumber/pustaka.yml"


def loaded(tmp_path: Path, sources: str, publishers: str = PUBLISHERS_YML):
    write_bibliography(tmp_path, sources, publishers)
    return load_bibliography(tmp_path)


def only_error(tmp_path: Path, sources: str, publishers: str = PUBLISHERS_YML):
    bibliography = loaded(tmp_path, sources, publishers)
    assert len(bibliography.errors) == 1, [str(e) for e in bibliography.errors]
    return bibliography.errors[0]


def test_a_source_is_resolved_with_its_publisher_kind_and_language(tmp_path):
    bibliography = loaded(tmp_path, source_yml("tass-1", lang="ru", title="Заголовок"))
    source = bibliography.sources["tass-1"]
    assert (source.publisher, source.kind, source.lang, source.quoting) == ("TASS", "kantor-berita", "ru", None)
    assert bibliography.source_lines == {"tass-1": 1} and not bibliography.errors


def test_a_reprint_names_its_original_and_counts_as_it(tmp_path):
    bibliography = loaded(tmp_path, source_yml("star-1", publisher="thestar", quoting="reuters")
                          + source_yml("blog-1", publisher="blog", quoting="reuters"))
    star, blog = bibliography.sources["star-1"], bibliography.sources["blog-1"]
    assert (star.publisher, star.quoting, star.kind) == ("The Star", "Reuters", "kantor-berita")
    assert (blog.quoting, blog.kind) == ("Reuters", "blog")  # A blog's copy is a blog's, whatever it quotes.


def test_the_same_url_twice_is_an_error_at_the_second(tmp_path):
    error = only_error(tmp_path, source_yml("a", url="https://tass.com/x") + source_yml("b", url="https://tass.com/x"))
    assert (error.path, error.line) == (PATH, 11)
    assert "source 'b': its URL is defined already, as 'a' at line 1 (one URL, one id: cite [@a])" in error.message


@pytest.mark.parametrize("other", ["http://tass.com/x", "https://TASS.com/x/", "https://tass.com/x"])
def test_the_same_page_under_another_scheme_case_or_final_slash_is_the_same_url(tmp_path, other):
    assert same_page("https://tass.com/x") == same_page(other)
    error = only_error(tmp_path, source_yml("a", url="https://tass.com/x") + source_yml("b", url=other))
    assert error.line == 11 and "defined already" in error.message


def test_an_id_twice_is_an_error_at_the_second(tmp_path):
    error = only_error(tmp_path, source_yml("a") + source_yml("a", url="https://tass.com/y"))
    assert (error.path, error.line) == (PATH, 7) and "source id 'a' is defined twice (first at line 1)" in error.message


def test_an_unknown_publisher_is_an_error_at_its_line_and_the_source_is_kept(tmp_path):
    bibliography = loaded(tmp_path, source_yml("a") + source_yml("b", publisher="voz"))
    assert [(e.path, e.line) for e in bibliography.errors] == [(PATH, 9)]
    assert "unknown publisher 'voz' (publishers are defined in sumber/penerbit.yml)" in bibliography.errors[0].message
    assert "b" in bibliography.sources  # What cites it is not reported again.


def test_an_unknown_original_is_an_error_at_its_line(tmp_path):
    error = only_error(tmp_path, source_yml("a", quoting="afp"))
    assert (error.line, error.message.startswith("unknown publisher 'afp'")) == (7, True)


@pytest.mark.parametrize("replace, line, message", [
    (("  url: https://tass.com/a\n", ""), 1, "source without 'url'"),
    (("  judul: \"Judul berita\"\n", ""), 1, "source without 'judul'"),
    (("  bahasa: en\n", ""), 1, "source without 'bahasa'"),
    (("2024-01-01", "2024-02-30"), 4, "day is out of range"),
    (("2024-01-01", "2024"), 4, "is not YYYY-MM-DD or YYYY-MM"),
    (("2024-01-01", "1 Feb 2024"), 4, "is not YYYY-MM-DD or YYYY-MM"),
    (("https://tass.com/a", "javascript:alert(1)"), 5, "must start with http:// or https://"),
    (("https://tass.com/a", "https:///path"), 5, "has no host"),
    (("https://tass.com/a", "https://x.org/a b"), 5, "no spaces"),
    (("id: a", "id: A 1"), 1, "must be lower-case letters"),
    (("Judul berita", "Ju\\x00dul"), 2, "control character"),
    (("bahasa: en", "bahasa: English"), 6, "is no BCP 47 language tag"),
    (("  bahasa: en\n", "  bahasa: en\n  penulis: X\n"), 7, "unknown source field 'penulis'"),
], ids=["no url", "no title", "no language", "bad day", "year", "words", "javascript", "no host", "space",
        "bad id", "control", "language", "unknown field"])
def test_a_bad_source_names_its_line(tmp_path, replace, line, message):
    error = only_error(tmp_path, source_yml("a").replace(*replace))
    assert (error.path, error.line) == (PATH, line) and message in error.message, str(error)


@pytest.mark.parametrize("replace, line, message", [
    (("jenis: resmi", "jenis: koran"), 3, "'jenis' 'koran' is not one of: resmi, kantor-berita"),
    (("negara: KP", "negara: Korea"), 4, "is no ISO 3166 country code"),
    (("  bahasa: en\n", "", 1), 1, "publisher without 'bahasa'"),
    (("id: tass", "id: kcna"), 6, "publisher id 'kcna' is defined twice (first at line 1)"),
])
def test_a_bad_publisher_names_its_line(tmp_path, replace, line, message):
    bibliography = loaded(tmp_path, "", PUBLISHERS_YML.replace(*replace))
    error = bibliography.errors[0]
    assert (error.path, error.line) == ("sumber/penerbit.yml", line) and message in error.message, str(error)


def test_no_bibliography_folder_is_an_empty_bibliography(tmp_path):
    bibliography = load_bibliography(tmp_path)
    assert not bibliography.sources and not bibliography.errors


def test_shares_count_primary_wire_and_established_outlets(tmp_path):
    bibliography = loaded(tmp_path, source_yml("a") + source_yml("b", publisher="kcna")
                          + source_yml("c", publisher="blog") + source_yml("d", publisher="thestar", quoting="reuters"))
    shares = Shares.of(bibliography.sources.values())
    assert (shares.total, shares.established) == (4, 3)
    assert shares.sentence() == ("4 sources: 3 (75%) primary, wire or established outlets "
                                 "(resmi 1, kantor-berita 2, blog 1)")


# --- The edition's engine on a small docs tree (as test_cross_page does) ---------------------------

def small_edition(tmp_path: Path, sources: str, entry_sources: str, body: str, events: str = "") -> Edition:
    docs = tmp_path / "docs"
    write_bibliography(docs, sources)
    (docs / "glosarium" / "tokoh").mkdir(parents=True)
    (docs / "glosarium" / "tokoh" / "vladimir-putin.md").write_text(
        f"---\ntitle: Vladimir Putin\ntype: person\nsummary: Presiden.\nsources:\n{entry_sources}---\n\n{body}\n",
        encoding="utf-8")
    if events:
        (docs / "linimasa").mkdir()
        (docs / "linimasa" / "peristiwa.yml").write_text(events, encoding="utf-8")
    return Edition.open(docs, EditionOptions(), {"glosarium/tokoh/vladimir-putin.md", "index.md"})


def test_the_edition_reports_an_unused_source_and_each_entrys_share(tmp_path):
    import datetime

    edition = small_edition(tmp_path, source_yml("a") + source_yml("b", publisher="blog") + source_yml("c"),
                            "  - a\n  - b\n", "Isi.")
    problems = edition.check(datetime.date(2026, 12, 2))
    found = {(p.path, p.line, p.severity, p.message) for p in problems}
    assert ("sumber/pustaka.yml", 13, "warning", "source 'c' is never cited") in found
    assert ("glosarium/tokoh/vladimir-putin.md", None, "info",
            "2 sources: 1 (50%) primary, wire or established outlets (kantor-berita 1, blog 1)") in found
    assert ("glosarium/tokoh/vladimir-putin.md", 6, "warning", "source 'a' is never cited on the entry's page") in found


def test_an_event_citing_an_unknown_id_is_reported(tmp_path):
    import datetime

    edition = small_edition(tmp_path, source_yml("a"), "  - a\n", "Isi.",
                            events='- tanggal: "2024"\n  teks: "Terjadi.[@a][@zzz]"\n  entitas: [vladimir-putin]\n')
    messages = [p.message for p in edition.check(datetime.date(2026, 12, 2))]
    assert any("reference to an unknown source '[@zzz]'" in m for m in messages)
    assert not any("'a' is never cited" in m for m in messages)  # Its event cites it, on its page.


def test_a_bad_bibliography_is_a_problem_of_the_edition(tmp_path):
    edition = small_edition(tmp_path, source_yml("a") + source_yml("b", url="https://tass.com/a"), "  - a\n", "Isi.")
    assert [p.located("docs") for p in edition.problems] == [
        "docs/sumber/pustaka.yml:11: source 'b': its URL is defined already, as 'a' at line 1 (one URL, one id: "
        "cite [@a])"]


# --- The real edition -------------------------------------------------------------------------------

def test_the_editions_bibliography_loads_with_no_error_one_url_one_id():
    bibliography = load_bibliography(ROOT / "docs")
    assert not bibliography.errors, [str(e) for e in bibliography.errors]
    assert len(bibliography.sources) >= 100
    assert len({same_page(s.url) for s in bibliography.sources.values()}) == len(bibliography.sources)
    assert all(s.kind in KINDS and s.lang for s in bibliography.sources.values())
    assert {s.publisher_id for s in bibliography.sources.values()} <= set(bibliography.publishers)


def test_no_page_or_event_cites_the_old_entry_qualified_form():
    import re

    old = re.compile(r"\[@[a-z0-9-]+/[a-z0-9-]+\]")
    files = [*(ROOT / "docs").rglob("*.md"), ROOT / "docs" / "linimasa" / "peristiwa.yml"]
    assert not [str(f) for f in files if old.search(f.read_text(encoding="utf-8"))]
