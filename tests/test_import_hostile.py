"""scripts/edition.py against hostile input (issue 17, points 2, 8, 9 and 10).

Scraped text and the editor's options are untrusted: escaped wherever they land (front matter, nav), kept
exactly (a closing `#`, U+2028, leading no-break spaces), refused up front when the build would refuse them or
when they are too long or too many, and never printed raw to the terminal. `suggest` stays linear on long lines.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import run_mkdocs
from test_edition import project  # noqa: F401 (the fixture: a scratch copy of the edition)
from test_edition import SEED, FIXTURE, assert_refused, edition, front_matter_and_body, refuse_import, run

SLUG = "uji-hostile"
DATE = "2024-06-20"


def scraped(tmp_path: Path, *lines: str, name: str = "hostile.txt") -> Path:
    """A scraped article, one line a paragraph, blank lines between them, as the seed has."""
    path = tmp_path / name
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def imported(project: Path, file: Path, *options: str) -> Path:
    result = run(project, "import", str(file), "--slug", SLUG, "--date", DATE, *options)
    assert result.returncode == 0, result.stderr
    return project / "docs" / "artikel" / SLUG


def build(project: Path, site: Path) -> Path:
    result = run_mkdocs(project, site)
    assert result.returncode == 0, result.stderr
    return site


def html_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def nav_sections(config_text: str) -> dict[str, list[str]]:
    artikel = next(item["Artikel"] for item in edition.load_config(config_text)["nav"]
                   if isinstance(item, dict) and "Artikel" in item)
    return {key: value for item in artikel if isinstance(item, dict) for key, value in item.items()}


# --- 2: the scraped title and headings are escaped in front matter and nav --------------------------

TITLE = 'Judul <img src=x onerror=alert(1)> & "C#"'
HEADING = "Bagian </title><img src=x onerror=alert(2)>"
STANDFIRST = '"><img src=x onerror=alert(3)> Pengantar.'
PARAGRAPH = "Paragraf <img src=x onerror=alert(4)> biasa."


@pytest.mark.slow
def test_a_scraped_title_with_markup_runs_nowhere_and_shows_as_text(project, tmp_path):
    file = scraped(tmp_path, TITLE, STANDFIRST, PARAGRAPH, "2 dari 2 halaman", HEADING, "Teks kedua.")
    folder = imported(project, file, "--via", "Reuters")
    meta = yaml.safe_load((folder / "artikel.yml").read_text(encoding="utf-8"))
    assert meta["title"] == TITLE  # plain: the engine's templates escape it
    assert front_matter_and_body(folder / "halaman-1.md")[0]["title"] == (
        'Judul &lt;img src=x onerror=alert(1)&gt; &amp; "C#"')
    assert front_matter_and_body(folder / "halaman-2.md")[0]["title"] == (
        "Bagian &lt;/title&gt;&lt;img src=x onerror=alert(2)&gt;")
    sections = nav_sections((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert 'Judul &lt;img src=x onerror=alert(1)&gt; &amp; "C#"' in sections
    assert TITLE not in sections

    site = build(project, tmp_path / "site")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        live = [img for img in html.find_all("img") if img.get("src") == "x" or img.has_attr("onerror")]
        assert not live, (path, live)
        assert not [tag for tag in html.find_all(True) if any(a.startswith("on") for a in tag.attrs)], path
    for n, heading in ((1, TITLE), (2, HEADING)):
        html = html_of(site, f"artikel/{SLUG}/halaman-{n}")
        assert html.select_one("article.md-content__inner h1").get_text() == heading
        assert html.title.get_text().startswith(heading + " - ")
        nav_texts = [a.get_text(" ", strip=True) for a in html.select("nav.md-nav a, nav.md-nav label")]
        assert any(heading in text for text in nav_texts), nav_texts
        assert any(TITLE in text for text in nav_texts), nav_texts  # the section, named after the article
    first = html_of(site, f"artikel/{SLUG}/halaman-1")
    assert first.select_one("p.standfirst").get_text() == STANDFIRST
    assert PARAGRAPH in first.select_one("article.md-content__inner").get_text()


# --- 9: the text is kept exactly ----------------------------------------------------------------------

KEPT = [
    "Bahasa C#",                                   # a heading's closing '#'
    "\u00a0Pengantar yang diawali spasi tak-putus.\u00a0",
    "Satu\u2028dua\u2029tiga: pemisah baris dan paragraf Unicode di dalam satu baris.",
    "\u3000Paragraf yang diawali spasi ideografis.",
    "\u00a0\u00a0Dua spasi tak-putus, lalu C#",
    "\u2028Diawali pemisah baris.",
    "2 dari 2 halaman",
    "\u00a0Bagian Dua: F## \u3000",                # a heading with white space at both ends, and two '#'s
    "Teks kedua\u2029",
]


def rendered_lines(html: BeautifulSoup) -> list[str]:
    """The text of each block of the article as a reader sees it: page marker, heading, paragraphs."""
    content = html.select_one("article.md-content__inner")
    for hidden in content.select("[hidden]"):
        hidden.decompose()
    return [child.get_text() for child in content.find_all(["h1", "p"], recursive=False)
            if "article-source" not in (child.get("class") or [])]


def test_line_separators_inside_a_line_do_not_split_it():
    article = edition.read_scraped("Judul\n\nPengantar\u2028lanjutan.\r\n\r\nSatu\u2029dua.\rTiga.\n")
    assert (article.title, article.standfirst) == ("Judul", "Pengantar\u2028lanjutan.")
    assert article.pages[0].paragraphs == ["Satu\u2029dua.", "Tiga."]


@pytest.mark.slow
def test_imported_pages_render_exactly_the_scraped_lines(project, tmp_path):
    folder = imported(project, scraped(tmp_path, *KEPT))
    assert front_matter_and_body(folder / "halaman-1.md")[0]["title"] == KEPT[0]
    assert front_matter_and_body(folder / "halaman-2.md")[0]["title"] == KEPT[7]
    site = build(project, tmp_path / "site")
    pages = [rendered_lines(html_of(site, f"artikel/{SLUG}/halaman-{n}")) for n in (1, 2)]
    assert pages == [KEPT[:6], KEPT[6:]]


# --- 10: refused up front, in one safe line, writing nothing ---------------------------------------

def refuse(project: Path, *options: str, file: Path = FIXTURE, says: str) -> None:
    assert_refused(project, "import", str(file), f"--slug={SLUG}", f"--date={DATE}", *options, says=says)


def test_refuses_a_slug_too_long_for_a_file_name(project):
    refuse_import(project, FIXTURE, slug="a" * 300, says="300 characters, at most 60")
    refuse_import(project, FIXTURE, slug="-".join(["kunjungan"] * 7), says="69 characters, at most 60")


@pytest.mark.parametrize("option", ["--publisher", "--via"])
def test_refuses_a_publisher_or_agency_too_long(project, option):
    refuse(project, f"{option}={'Penerbit' * 40}", says=f"{option} 'PenerbitPenerbitPene...': 320 characters")


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x7f", "\x85", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe",
                                  "\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"])
@pytest.mark.parametrize("option", ["--publisher", "--via"])
def test_refuses_what_the_build_refuses_in_publisher_and_via(project, option, char):
    refuse(project, f"{option}=CNA{char}Asia", says=f"holds a character that is not allowed (U+{ord(char):04X}")


@pytest.mark.parametrize("char", ["\u202e", "\ufffe"])
def test_refuses_a_title_the_build_would_refuse(project, tmp_path, char):
    file = scraped(tmp_path, f"Judul{char}", "Pengantar.", "Teks.")
    refuse(project, file=file, says=f"(U+{ord(char):04X}")


ESCAPE = "\x1b[31m"


@pytest.mark.parametrize("args", [
    ("import", FIXTURE.as_posix(), f"--slug=a{ESCAPE}", f"--date={DATE}"),
    ("import", FIXTURE.as_posix(), f"--slug={SLUG}", f"--date={ESCAPE}"),
    ("import", f"/tidak/ada/{ESCAPE}.txt", f"--slug={SLUG}", f"--date={DATE}"),
    ("import", FIXTURE.as_posix(), f"--slug={SLUG}", f"--date={DATE}", f"--via=CNA{ESCAPE}"),
    ("import", FIXTURE.as_posix(), f"--slug={SLUG}", f"--date={DATE}", f"--publisher=\u202e{ESCAPE}\n"),
    ("import", FIXTURE.as_posix(), f"--slug={SLUG}", f"--date={DATE}", ESCAPE),  # argparse's own refusal
    ("suggest", f"docs/{ESCAPE}"),
])
def test_refusals_print_no_terminal_escape_sequence(project, args):
    assert_refused(project, *args, says="\\x1b[31m")
    result = run(project, *args)
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr


def test_a_page_marker_in_a_refusal_is_shown_safely(project, tmp_path):
    file = scraped(tmp_path, "Judul", "Pengantar.", "Teks.", "3 dari 3\u2028halaman", "Bagian.")
    refuse(project, file=file, says="page marker '3 dari 3\\u2028halaman' where page 2 should start")


def test_refuses_more_pages_than_an_article_has(project, tmp_path):
    def pages(count: int) -> list[str]:
        lines = ["Judul", "Pengantar.", "Teks."]
        for n in range(2, count + 1):
            lines += [f"{n} dari {count} halaman", f"Bagian {n}", "Teks."]
        return lines
    refuse(project, file=scraped(tmp_path, *pages(10_000)), says="page 51, but an article has at most 50 pages")
    refuse(project, file=scraped(tmp_path, *pages(51)), says="at most 50 pages")
    folder = imported(project, scraped(tmp_path, *pages(50)))
    assert len(list(folder.glob("halaman-*.md"))) == 50


# --- 8: suggest is linear on long lines ------------------------------------------------------------

NAMES = re.compile(r"Vladimir Putin|Putin|Kim Jong Un|Rusia|Korea Utara|Moskow|Pyongyang|Kremlin")


def covered(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in NAMES.finditer(text)]


# find_candidates on the seed, three lines a paragraph, before it was made linear.
SEED_CANDIDATES = [
    ("Ukraina", 3, "seed.txt:9"), ("Choe Son Hui", 3, "seed.txt:39"), ("Barat", 2, "seed.txt:3"),
    ("Amerika Serikat", 2, "seed.txt:9"), ("Peskov", 2, "seed.txt:27"), ("AS", 2, "seed.txt:33"),
    ("Korea Selatan", 2, "seed.txt:33"), ("Sukses Delegasi", 1, "seed.txt:1"), ("Bakal Kunjungi", 1, "seed.txt:2"),
    ("Bikin Negara Barat Ketar-ketir Kedekatan", 1, "seed.txt:2"), ("RIA", 1, "seed.txt:7"),
    ("Partai Komunis", 1, "seed.txt:7"), ("CNA", 1, "seed.txt:8"), ("Kazbek Taysaev", 1, "seed.txt:8"),
    ("Iran", 1, "seed.txt:9"), ("Pembangunan Satelit", 1, "seed.txt:20"), ("Uni Soviet", 1, "seed.txt:21"),
    ("Dmitry Peskov", 1, "seed.txt:25"), ("Pengembangan Rudal Balistik KCNA", 1, "seed.txt:32"),
    ("Jepang", 1, "seed.txt:33"), ("Lavrov", 1, "seed.txt:39"), ("Artyom Lukin", 1, "seed.txt:39"),
    ("Universitas Federal Timur Jauh", 1, "seed.txt:39"), ("Kunjungan", 1, "seed.txt:45"),
    ("Mencakup Perundingan", 1, "seed.txt:45"), ("Sergei Shoigu", 1, "seed.txt:49"), ("COVID-19", 1, "seed.txt:50"),
    ("Lukin", 1, "seed.txt:51"), ("Maria Zakharova", 1, "seed.txt:56"), ("Orang-orang Barat", 1, "seed.txt:57"),
    ("Zakharova", 1, "seed.txt:57"), ("Rossiya-1", 1, "seed.txt:57"),
]


def test_suggest_finds_on_the_seed_what_it_found_before():
    lines = [(n, line.strip()) for n, line in enumerate(SEED.read_text(encoding="utf-8").split("\n"), 1)
             if line.strip()]
    paragraphs = [(lines[i][0], "\n".join(text for _, text in lines[i:i + 3])) for i in range(0, len(lines), 3)]
    found = edition.find_candidates([("seed.txt", paragraphs)], covered)
    assert [(c.name, c.count, c.where) for c in found] == SEED_CANDIDATES


PROSE = "Rusia dan Putin, kata Lukin. "  # dense in names the glossary covers (200,000 characters took 20 s)
LONG = 200_000


@pytest.mark.parametrize("unit", [PROSE, "Nama (Baru). ", "[", "[@", "[a](", "[a]{", "Abc-"])
def test_suggest_takes_seconds_on_a_200000_character_line(tmp_path, unit):
    line = (unit * (LONG // len(unit) + 1))[:LONG]
    page = tmp_path / "panjang.md"
    page.write_text(f"---\ntitle: Panjang\n---\n\n{line}\n", encoding="utf-8")
    start = time.process_time()
    paragraphs = list(edition.article_paragraphs(page))
    found = edition.find_candidates([("panjang.md", paragraphs)], covered)
    took = time.process_time() - start
    assert took < 10, f"{took:.1f} s"  # it took minutes when it was quadratic
    if unit == PROSE:
        assert [(c.name, c.count, c.where) for c in found] == [("Lukin", line.count("Lukin"), "panjang.md:5")]
