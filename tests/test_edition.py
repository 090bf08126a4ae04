"""scripts/edition.py: import a scraped article into a scratch copy of the project, refuse bad input, suggest names.

The test article (tests/fixtures/artikel-uji.txt) is invented: it is only ever imported into copies in tmp_path.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, run_mkdocs
from helpers import assert_lines_in_page_order

SEED = ROOT / "source" / "liputan6-2024-02-01.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "artikel-uji.txt"
FIXTURE_TITLE = "Putin Tiba di Pyongyang, Rusia dan Korea Utara Teken Perjanjian Kemitraan"
SLUG = "putin-pyongyang"
COPIED = ("docs", "hooks", "overrides", "scripts", "source", "mkdocs.yml")

_spec = importlib.util.spec_from_file_location("edition", ROOT / "scripts" / "edition.py")
edition = importlib.util.module_from_spec(_spec)
sys.modules["edition"] = edition  # dataclasses look their module up there
_spec.loader.exec_module(edition)


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture
def project(tmp_path) -> Path:
    """A scratch copy of the edition: the commands run there, never in the real project."""
    return copy_project(tmp_path / "proyek")


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/edition.py", *args], cwd=project,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def import_fixture(project: Path, slug: str = SLUG) -> subprocess.CompletedProcess:
    result = run(project, "import", str(FIXTURE), "--slug", slug, "--date", "2024-06-20", "--via", "Reuters")
    assert result.returncode == 0, result.stderr
    return result


def snapshot(project: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by path."""
    return {path.relative_to(project).as_posix(): (None if path.is_dir() else path.read_bytes())
            for path in sorted(project.rglob("*")) if "__pycache__" not in path.parts}


def front_matter_and_body(page: Path) -> tuple[dict, str]:
    text = page.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def article_lines(page: Path) -> list[str]:
    """The article's own lines as written in the page: no front matter, editor's notes, quote attributes
    or blank lines (editors add notes and attributes after an import; the import never writes them)."""
    _, body = front_matter_and_body(page)
    lines, in_note = [], False
    for line in body.splitlines():
        if line.startswith("!!!"):
            in_note = True
            continue
        if in_note and (not line.strip() or line.startswith((" ", "\t"))):
            continue
        in_note = False
        if line.strip() and not re.fullmatch(r"\{:[^}]*data-speaker[^}]*\}", line.strip()):
            lines.append(line)
    return lines


# --- import ----------------------------------------------------------------------------------------

def test_importing_the_seed_reproduces_todays_four_pages(project, tmp_path):
    scraped = tmp_path / "seed.txt"
    shutil.copy2(SEED, scraped)
    sources = sorted(p.name for p in (project / "source").iterdir())
    result = run(project, "import", str(scraped), "--slug", "seed-ulang", "--date", "2024-02-01", "--via", "CNA")
    assert result.returncode == 0, result.stderr
    assert "left out the scraping artefact 'Sukses'" in result.stdout
    for n in (1, 2, 3, 4):
        today = project / "docs" / "artikel" / f"halaman-{n}.md"
        imported = project / "docs" / "artikel" / "seed-ulang" / f"halaman-{n}.md"
        assert article_lines(imported) == article_lines(today), n
        ours, theirs = front_matter_and_body(imported)[0], front_matter_and_body(today)[0]
        assert (ours["title"], ours["halaman"]) == (theirs["title"], theirs["halaman"])
        if n == 1:
            assert ours["description"] == theirs["description"]
    # The same bytes are already in source/: no second copy.
    assert sorted(p.name for p in (project / "source").iterdir()) == sources
    meta = yaml.safe_load((project / "docs/artikel/seed-ulang/artikel.yml").read_text(encoding="utf-8"))
    assert meta == {
        "title": "Delegasi Korea Utara Bakal Kunjungi Rusia, Bikin Negara Barat Ketar-ketir",
        "date": "2024-02-01", "publisher": "Liputan6.com", "via": "CNA",
        "source": "source/liputan6-2024-02-01.txt",
        "pages": ["halaman-1.md", "halaman-2.md", "halaman-3.md", "halaman-4.md"],
    }


def test_seed_pages_keep_the_no_break_spaces(project, tmp_path):
    scraped = tmp_path / "seed.txt"
    shutil.copy2(SEED, scraped)
    run(project, "import", str(scraped), "--slug", "seed-ulang", "--date", "2024-02-01")
    page = (project / "docs/artikel/seed-ulang/halaman-2.md").read_text(encoding="utf-8")
    assert "Presiden Rusia\u00a0Vladimir Putin\u00a0sebelumnya" in page


def test_test_article_pages_are_verbatim_and_in_order(project):
    import_fixture(project)
    folder = project / "docs" / "artikel" / SLUG
    assert sorted(p.name for p in folder.iterdir()) == ["artikel.yml", "halaman-1.md", "halaman-2.md",
                                                        "halaman-3.md"]
    source_lines = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert source_lines[0] == "Sukses"
    written = []
    for n in (1, 2, 3):
        front, body = front_matter_and_body(folder / f"halaman-{n}.md")
        assert front["halaman"] == n
        assert front["description"] == source_lines[2]
        lines = [line.removeprefix("# ") for line in body.splitlines()
                 if line.strip() and not line.startswith("{:")]
        if n > 1:
            assert lines[0] == f"{n} dari 3 halaman" and front["title"] == lines[1]
        else:
            assert front["title"] == FIXTURE_TITLE == lines[0]
        written += lines
    assert written == source_lines[1:]  # every line but the artefact, in order, byte for byte
    body1 = (folder / "halaman-1.md").read_text(encoding="utf-8")
    assert f"# {FIXTURE_TITLE}\n\n{source_lines[2]}\n{{: .standfirst }}\n" in body1
    assert "{: .page-marker }" in (folder / "halaman-2.md").read_text(encoding="utf-8")


def test_test_article_metadata_source_copy_and_nav(project):
    config_before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    import_fixture(project)
    meta = yaml.safe_load((project / "docs" / "artikel" / SLUG / "artikel.yml").read_text(encoding="utf-8"))
    assert meta == {"title": FIXTURE_TITLE, "date": "2024-06-20", "publisher": "Liputan6.com",
                    "via": "Reuters", "source": "source/liputan6-2024-06-20.txt",
                    "pages": ["halaman-1.md", "halaman-2.md", "halaman-3.md"]}
    assert (project / "source" / "liputan6-2024-06-20.txt").read_bytes() == FIXTURE.read_bytes()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    # Only lines were added: comments and !ENV tags are as they were.
    added = [line for line in config.splitlines() if line not in config_before.splitlines()]
    assert [line for line in config.splitlines() if line not in added] == config_before.splitlines()
    assert added[0].strip() == f'- "{FIXTURE_TITLE}":'
    assert [line.strip() for line in added[1:]] == [f"- artikel/{SLUG}/halaman-{n}.md" for n in (1, 2, 3)]
    nav = edition.load_config(config)["nav"]
    artikel = next(item["Artikel"] for item in nav if isinstance(item, dict) and "Artikel" in item)
    assert {FIXTURE_TITLE: [f"artikel/{SLUG}/halaman-{n}.md" for n in (1, 2, 3)]} in artikel


def test_a_file_already_in_source_is_not_copied(project):
    shutil.copy2(FIXTURE, project / "source" / "uji.txt")
    result = run(project, "import", "source/uji.txt", "--slug", SLUG, "--date", "2024-06-20")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "source").iterdir()) == ["liputan6-2024-02-01.txt", "uji.txt"]
    meta = yaml.safe_load((project / "docs" / "artikel" / SLUG / "artikel.yml").read_text(encoding="utf-8"))
    assert meta["source"] == "source/uji.txt" and "via" not in meta


def test_a_text_without_page_markers_is_one_page(project, tmp_path):
    scraped = tmp_path / "pendek.txt"
    scraped.write_text("Judul Singkat\n\nPengantar singkat.\n\nParagraf pertama.\n\nParagraf kedua.\n",
                       encoding="utf-8")
    result = run(project, "import", str(scraped), "--slug", "pendek", "--date", "2024-03-01",
                 "--publisher", "Kompas.com")
    assert result.returncode == 0, result.stderr
    folder = project / "docs" / "artikel" / "pendek"
    assert sorted(p.name for p in folder.iterdir()) == ["artikel.yml", "halaman-1.md"]
    assert article_lines(folder / "halaman-1.md") == [
        "# Judul Singkat", "Pengantar singkat.", "{: .standfirst }", "Paragraf pertama.", "Paragraf kedua."]
    assert (project / "source" / "kompas-2024-03-01.txt").read_bytes() == scraped.read_bytes()


# --- refusals: exit code 2, one line on stderr, no traceback, nothing written ------------------------

def assert_refused(project: Path, *args: str, says: str) -> None:
    before = snapshot(project)
    result = run(project, *args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert says in result.stderr, result.stderr
    assert snapshot(project) == before


def refuse_import(project: Path, file: Path | str, says: str, slug: str = SLUG, date: str = "2024-06-20") -> None:
    assert_refused(project, "import", str(file), f"--slug={slug}", f"--date={date}", says=says)


def test_refuses_a_slug_that_exists(project):
    import_fixture(project)
    refuse_import(project, FIXTURE, says=f"slug '{SLUG}' exists")


def test_refuses_a_slug_that_is_a_page_of_the_first_article(project):
    refuse_import(project, FIXTURE, slug="halaman-1", says="slug 'halaman-1' exists: docs/artikel/halaman-1.md")


@pytest.mark.parametrize("slug", ["Putin", "putin_pyongyang", "../putin", "putin/pyongyang", "-putin", "putin-",
                                  "kunjungan putin", ""])
def test_refuses_a_slug_with_other_characters(project, slug):
    refuse_import(project, FIXTURE, slug=slug, says="use lower-case letters, digits and single hyphens")


def test_refuses_a_missing_file(project, tmp_path):
    refuse_import(project, tmp_path / "tidak-ada.txt", says="tidak-ada.txt: no such file")


def test_refuses_an_unreadable_file(project, tmp_path):
    folder = tmp_path / "sebuah-folder.txt"  # A folder: unreadable as a file, also for root.
    folder.mkdir()
    refuse_import(project, folder, says="cannot read it")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_refuses_a_file_without_read_permission(project, tmp_path):
    scraped = tmp_path / "rahasia.txt"
    shutil.copy2(FIXTURE, scraped)
    scraped.chmod(0)
    refuse_import(project, scraped, says="cannot read it (Permission denied)")


def test_refuses_a_file_that_is_not_utf8(project, tmp_path):
    scraped = tmp_path / "latin1.txt"
    scraped.write_bytes("Judul\n\nPengantar tentang Moskva dan Kyiv — café\n".encode("cp1252"))
    refuse_import(project, scraped, says="not UTF-8 text")


@pytest.mark.parametrize("date", ["20-06-2024", "2024/06/20", "2024-6-20", "20 Juni 2024", "2024-06-20T10:00", ""])
def test_refuses_a_malformed_date(project, date):
    refuse_import(project, FIXTURE, date=date, says="write it as YYYY-MM-DD")


@pytest.mark.parametrize("date", ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10"])
def test_refuses_an_impossible_date(project, date):
    refuse_import(project, FIXTURE, date=date, says=f"date '{date}' does not exist")


@pytest.mark.parametrize("text", ["", "\n \n\u00a0\n", "Sukses\n\n", "2 dari 2 halaman\n\nJudul\n\nTeks.\n"])
def test_refuses_a_text_without_a_title(project, tmp_path, text):
    scraped = tmp_path / "kosong.txt"
    scraped.write_text(text, encoding="utf-8")
    refuse_import(project, scraped, says="no title")


def test_refuses_a_text_with_control_characters(project, tmp_path):
    scraped = tmp_path / "biner.txt"
    scraped.write_text("Judul\n\nPengantar.\n\nTeks\x00 rusak.\n", encoding="utf-8")
    refuse_import(project, scraped, says="line 5: a control character (U+0000)")


def test_refuses_a_title_without_text(project, tmp_path):
    scraped = tmp_path / "judul.txt"
    scraped.write_text("Sukses\n\nHanya Judul\n", encoding="utf-8")
    refuse_import(project, scraped, says="no text after the title (line 3)")


@pytest.mark.parametrize(("pages", "says"), [
    ("3 dari 3 halaman\n\nJudul\n\nTeks.", "line 7: page marker '3 dari 3 halaman' where page 2 should start"),
    ("2 dari 3 halaman\n\nJudul\n\nTeks.", "line 7: page marker '2 dari 3 halaman' but the text has 2 pages"),
    ("2 dari 2 halaman\n", "line 7: page marker '2 dari 2 halaman' is not followed by the page's heading"),
])
def test_refuses_page_markers_that_do_not_add_up(project, tmp_path, pages, says):
    scraped = tmp_path / "halaman.txt"
    scraped.write_text(f"Judul\n\nPengantar.\n\nTeks.\n\n{pages}\n", encoding="utf-8")
    refuse_import(project, scraped, says=says)


def test_refuses_when_the_nav_has_no_artikel_section(project):
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^(\s*- )Artikel:", r"\1Berita:", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    refuse_import(project, FIXTURE, says="no '- Artikel:' section in nav")


def test_refusals_write_nothing_even_when_the_last_check_fails(project, tmp_path):
    """The text is read and the source copy planned before the nav check: still nothing is written."""
    (project / "mkdocs.yml").write_text("site_name: x\nnav:\n  - Beranda: index.md\n", encoding="utf-8")
    refuse_import(project, FIXTURE, says="no '- Artikel:' section in nav")
    assert not (project / "source" / "liputan6-2024-06-20.txt").exists()


# --- the nav: newest first, edited as text ---------------------------------------------------------

NAV_BY_ARTICLE = """\
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
nav:
  - Beranda: index.md
  # The articles, newest first.
  - Artikel:
      - "Artikel Juni":
          - artikel/juni/halaman-1.md
      - "Delegasi Korea Utara":
          - artikel/halaman-1.md
          - artikel/halaman-2.md
  - Glosarium: glosarium/index.md
"""
DATES = {"artikel/juni/halaman-1.md": "2024-06-20", "artikel/halaman-1.md": "2024-02-01",
         "artikel/halaman-2.md": "2024-02-01"}


def nav_titles(config: str) -> list[str]:
    artikel = next(item["Artikel"] for item in edition.load_config(config)["nav"]
                   if isinstance(item, dict) and "Artikel" in item)
    return [next(iter(item)) if isinstance(item, dict) else item for item in artikel]


@pytest.mark.parametrize(("date", "order"), [
    ("2024-12-04", ["Baru", "Artikel Juni", "Delegasi Korea Utara"]),
    ("2024-03-28", ["Artikel Juni", "Baru", "Delegasi Korea Utara"]),
    ("2023-09-13", ["Artikel Juni", "Delegasi Korea Utara", "Baru"]),
    # Same day: the folder decides, descending, as the engine orders articles ("artikel/baru" > "artikel").
    ("2024-02-01", ["Artikel Juni", "Baru", "Delegasi Korea Utara"]),
])
def test_a_new_section_goes_in_newest_first(date, order):
    config = edition.add_to_nav(NAV_BY_ARTICLE, "Baru", ["artikel/baru/halaman-1.md"], date, DATES)
    assert nav_titles(config) == order
    assert "site_url: !ENV" in config and "# The articles, newest first." in config
    assert '          - artikel/baru/halaman-1.md\n' in config  # the nesting of the sections there


def test_a_section_goes_in_among_one_line_sections():
    config = NAV_BY_ARTICLE.replace('"Artikel Juni":\n          - artikel/juni/halaman-1.md',
                                    '"Artikel Juni": [artikel/juni/halaman-1.md]')
    config = edition.add_to_nav(config, "Baru", ["artikel/baru/halaman-1.md"], "2024-03-28", DATES)
    assert nav_titles(config) == ["Artikel Juni", "Baru", "Delegasi Korea Utara"]


def test_a_title_with_quotes_and_colons_stays_one_yaml_string():
    title = 'Putin: "Kami siap" #1'
    config = edition.add_to_nav(NAV_BY_ARTICLE, title, ["artikel/baru/halaman-1.md"], "2025-01-01", DATES)
    assert nav_titles(config)[0] == title


# --- Markdown: every line renders as exactly its text ------------------------------------------------

TRICKY_LINES = [
    "1. Pertama, kata dia.", "2024. Tahun yang sibuk.", "# bukan judul", "- bukan daftar", "+ plus", "---",
    "> bukan kutipan", "!!! note", "*miring* dan **tebal** dan _garis_", "[tautan](https://contoh.id)",
    "[Putin]{.no-gloss}", "<b>tebal</b> dan <!-- komentar -->", "AT&T dan &amp; dan &#169;", "a {: .kelas }",
    "`kode` dan \\ garis miring", "Korea Utara\u00a0adalah tetangga", "(1/2/2024) - tanda hubung",
]


@pytest.mark.parametrize("line", TRICKY_LINES)
def test_markdown_text_renders_as_the_line_itself(line):
    html = markdown.Markdown(extensions=["attr_list", "admonition", "md_in_html", "toc"]).convert(
        edition.markdown_text(line))
    assert BeautifulSoup(html, "html.parser").get_text().strip("\n") == line


def test_markdown_text_leaves_the_seed_alone():
    for line in SEED.read_text(encoding="utf-8").splitlines():
        assert edition.markdown_text(line) == line


# --- suggest -------------------------------------------------------------------------------------

def suggestions(result: subprocess.CompletedProcess) -> list[tuple[int, str, str]]:
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert all(len(row) == 3 and re.fullmatch(r"\S.*\.md:\d+", row[2]) for row in rows), result.stdout
    return [(int(count), name, where) for count, name, where in rows]


# "Presiden Vietnam To Lam" gives "Vietnam To Lam": an uncovered country joins the name after it.
NEW_NAMES = {"Yuri Ushakov", "Bandara Internasional Sunan", "Lapangan Kim Il Sung", "Reuters", "Hanoi",
             "Vietnam", "Vietnam To Lam", "Perjanjian Kemitraan Strategis Komprehensif"}
COVERED = {"Vladimir Putin", "Putin", "Kim Jong Un", "Pyongyang", "Rusia", "Korea Utara", "Kremlin",
           "Amerika Serikat", "Korea Selatan", "Liputan6.com", "Liputan6"}
COMMON = {"Sukses", "Halaman", "Rabu", "Kamis", "Juni", "Presiden", "Dilansir", "Dari", "Di", "Menurut",
          "Ajudan", "Kunjungan", "Perjanjian Saling Membantu", "Lawatan Berlanjut"}


def test_suggest_lists_the_test_articles_new_names(project):
    import_fixture(project)
    rows = suggestions(run(project, "suggest", f"docs/artikel/{SLUG}"))
    names = {name for _, name, _ in rows}
    assert NEW_NAMES <= names, rows
    assert not names & (COVERED | COMMON), rows
    assert [count for count, _, _ in rows] == sorted((count for count, _, _ in rows), reverse=True)
    where = {name: place for _, name, place in rows}
    assert where["Yuri Ushakov"] == f"docs/artikel/{SLUG}/halaman-1.md:16"
    assert dict((name, count) for count, name, _ in rows)["Vietnam"] == 2


def test_suggest_reads_every_article_by_default(project):
    import_fixture(project)
    names = {name for _, name, _ in suggestions(run(project, "suggest"))}
    assert NEW_NAMES <= names and not names & COVERED


def test_suggest_refuses_a_missing_path(project):
    assert_refused(project, "suggest", "docs/artikel/tidak-ada", says="docs/artikel/tidak-ada: no such file")


def test_candidates_at_a_sentence_start_must_show_up_mid_sentence():
    paragraphs = [(1, "Tanda itu terlihat. Kunjungan tersebut penting, kata Lukin."),
                  (3, "Lukin menambahkan bahwa kunjungan Ushakov berlanjut. Ushakov setuju."),
                  (5, "Gedung Putih diam. Menurut Dewan Keamanan, Dewan Keamanan rapat pada Senin.")]
    found = edition.find_candidates([("a.md", paragraphs)], lambda text: [])
    assert [(c.name, c.count, c.where) for c in found] == [
        ("Lukin", 2, "a.md:1"), ("Ushakov", 2, "a.md:3"), ("Dewan Keamanan", 2, "a.md:5"),
        ("Gedung Putih", 1, "a.md:5")]


# --- the scratch edition with the test article builds (needs the multi-article engine) -------------

def engine_has_articles() -> bool:
    return (ROOT / "docs" / "artikel" / "artikel.yml").exists()


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """(site before, site after importing the test article), both built strictly from one scratch copy."""
    if not engine_has_articles():
        pytest.skip("the multi-article engine (docs/artikel/artikel.yml) has not landed")
    root = tmp_path_factory.mktemp("edisi")
    project = copy_project(root / "proyek")
    before = run_mkdocs(project, root / "sebelum")
    assert before.returncode == 0, before.stderr
    import_fixture(project)
    after = run_mkdocs(project, root / "sesudah")
    assert after.returncode == 0, after.stderr
    return root / "sebelum", root / "sesudah"


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def article_text(html: BeautifulSoup) -> str:
    content = html.select_one("article.md-content__inner")
    for hidden in content.select("[hidden], .admonition"):
        hidden.decompose()
    return content.get_text()


def json_ld(html: BeautifulSoup) -> dict:
    return json.loads(html.select_one('script[type="application/ld+json"]').string)


@pytest.mark.slow
def test_first_article_is_untouched(builds):
    before, after = builds
    for n in (1, 2, 3, 4):
        url = f"artikel/halaman-{n}"
        old, new = page(before, url), page(after, url)
        assert article_text(new) == article_text(old)
        assert f"Halaman {n} dari 4" in new.select_one(".article-pager").get_text()
        assert json_ld(new)["datePublished"] == "2024-02-01"
        assert "Kamis, 1 Februari 2024" in new.select_one(".article-source").get_text()


@pytest.mark.slow
def test_new_pages_are_verbatim_with_their_own_count_date_and_json_ld(builds):
    _, after = builds
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()][1:]
    texts = [article_text(page(after, f"artikel/{SLUG}/halaman-{n}")) for n in (1, 2, 3)]
    assert_lines_in_page_order(lines, texts, pages=3)
    for n in (1, 2, 3):
        html = page(after, f"artikel/{SLUG}/halaman-{n}")
        assert f"Halaman {n} dari 3" in html.select_one(".article-pager").get_text()
        source = html.select_one(".article-source").get_text(" ", strip=True)
        assert "Kamis, 20 Juni 2024" in source and "Reuters" in source and "Liputan6.com" in source
        data = json_ld(html)
        assert data["@type"] == "NewsArticle" and data["datePublished"] == "2024-06-20"
        assert data["headline"] == FIXTURE_TITLE
        assert any("Putin" in mention["name"] for mention in data["mentions"])
        pager = {a["rel"][0]: a["href"] for a in html.select(".article-pager a[rel]")}
        assert set(pager) == {1: {"next"}, 3: {"prev"}}.get(n, {"prev", "next"})
        assert all(f"halaman-{n + (1 if rel == 'next' else -1)}/" in href for rel, href in pager.items())


@pytest.mark.slow
def test_entity_pages_group_backlinks_by_article(builds):
    _, after = builds
    section = page(after, "glosarium/tokoh/vladimir-putin").select_one("section.glossary-backlinks")
    # The articles' groups (with their date); pages outside any article come after them, as "Halaman lain".
    headings = [h for h in section.select("h3.glossary-article") if h.select_one("time")]
    assert len(headings) == 2
    assert FIXTURE_TITLE in headings[0].get_text() and "20 Juni 2024" in headings[0].get_text()
    assert "Delegasi Korea Utara" in headings[1].get_text()
    new_links = {a["href"].split("#")[0] for a in headings[0].find_next_sibling("ul").select("a")}
    assert new_links and all(f"artikel/{SLUG}/halaman-" in href for href in new_links)


@pytest.mark.slow
def test_landing_page_lists_the_articles_newest_first(builds):
    _before, after = builds
    landing = BeautifulSoup((after / "index.html").read_text(encoding="utf-8"), "html.parser")
    dates = [time["datetime"] for time in landing.select("li.edition-article > time")]
    assert dates == sorted(dates, reverse=True) and len(dates) == 2
    assert landing.select("li.edition-article ol a")[-1]["href"] == "artikel/halaman-4/"
