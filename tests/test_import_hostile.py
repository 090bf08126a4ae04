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
