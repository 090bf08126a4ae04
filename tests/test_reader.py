"""The reader's edition, second pass (issue 20): the theme's words in Indonesian, a build log
that says only what matters, the card's dated role said once, and the types' second cue.
The browser's view of the same is in test_browser.py."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, run_mkdocs


@pytest.mark.slow
def test_no_english_theme_words_in_the_header_and_footer(built_site):
    for page in ["index.html", "artikel/halaman-1/index.html", "glosarium/tokoh/vladimir-putin/index.html"]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert "Made with" not in html and "Material for MkDocs" not in html, page
        labels = set(re.findall(r'aria-label="([^"]*)"', html))
        assert not labels & {"Header", "Footer"}, (page, labels)
        assert 'class="md-header__inner md-grid" aria-label="Kepala halaman"' in html, page
        assert re.search(r'<div class="md-copyright">\s*Dibuat dengan', html), page
    # The footer's previous/next links (pages in the nav have them).
    assert 'aria-label="Kaki halaman"' in (built_site / "artikel/halaman-1/index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_build_does_not_list_the_entries_as_left_out_of_the_nav(tmp_path):
    result = run_mkdocs(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    left_out = result.stderr.split('not included in the "nav" configuration:', 1)[1:]
    listed = re.findall(r"^\s+- (\S+)$", left_out[0], re.M) if left_out else []
    assert not [path for path in listed if path.startswith("glosarium/")], listed


# ---- The card's role (cards.py) and the types' second cue (types.py) -----------------------

def test_a_role_that_the_summary_already_says_is_left_to_the_summary():
    from glossary.cards import role_repeats_summary

    assert role_repeats_summary("Presiden Rusia", "Presiden Rusia sejak 2012; sebelumnya perdana menteri.")
    assert role_repeats_summary(
        "Pemimpin Korea Utara; Sekretaris Jenderal Partai Buruh Korea dan Presiden Urusan Negara",
        "Pemimpin Korea Utara sejak Desember 2011, Sekretaris Jenderal Partai Buruh Korea dan Presiden Urusan Negara.")
    # Nearly the same: 10 of the role's 13 words are in the summary.
    assert role_repeats_summary(
        "Anggota Duma Negara periode kedelapan dari Partai Komunis Federasi Rusia; sekretaris Komite Sentral KPRF",
        "Politikus Partai Komunis Federasi Rusia dan sekretaris Komite Sentral partai itu, anggota Duma Negara "
        "sejak 2011 yang aktif dalam hubungan parlemen Rusia–Korea Utara.")
    # The role adds something: a second office, a rank.
    assert not role_repeats_summary(
        "Juru bicara Kementerian Luar Negeri Rusia (Direktur Departemen Informasi dan Pers)",
        "Diplomat Rusia yang sejak 2015 menjadi juru bicara Kementerian Luar Negeri Rusia.")
    assert not role_repeats_summary("Profesor madya hubungan internasional, Universitas Federal Timur Jauh",
                                    "Pakar hubungan internasional dari Universitas Federal Timur Jauh di Vladivostok.")
    assert not role_repeats_summary("Menteri Luar Negeri", "Negara di Asia Timur.")


def test_the_page_glossary_dates_a_role_it_shows_and_leaves_out_one_it_repeats():
    from bs4 import BeautifulSoup
    from glossary import cards
    from glossary.entries import Entity

    dated = Entity(id="a", src_path="glosarium/tokoh/a.md", title="A", type="person",
                   summary="Diplomat <b>senior</b>.", role="Menteri <i>Luar</i> Negeri")
    repeated = Entity(id="b", src_path="glosarium/tokoh/b.md", title="B", type="person",
                      summary="Presiden Rusia sejak 2012.", role="Presiden Rusia")
    soup = BeautifulSoup(cards.page_glossary([dated, repeated], role_date="2024-02-01"), "html.parser")
    role = soup.select_one('.glossary-card[data-entity="a"] .glossary-card__role')
    assert role.get_text() == "Menteri <i>Luar</i> Negeri · per 1 Feb 2024"
    assert role.select_one(".glossary-card__when").get_text() == " · per 1 Feb 2024"
    assert soup.select('.glossary-card[data-entity="b"] .glossary-card__role') == []
    assert soup.select_one('.glossary-card[data-entity="b"] .glossary-card__summary').get_text() == "Presiden Rusia sejak 2012."
    undated = BeautifulSoup(cards.page_glossary([dated]), "html.parser")
    assert undated.select_one(".glossary-card__role").get_text() == "Menteri <i>Luar</i> Negeri"


def test_each_type_has_its_own_underline_style_carried_with_its_colours():
    from glossary.types import ENTITY_TYPES

    styles = [entity_type.underline for entity_type in ENTITY_TYPES]
    assert len(set(styles)) == len(styles)
    assert set(styles) <= {"solid", "dashed", "dotted", "double", "wavy"}
    for entity_type in ENTITY_TYPES:
        assert f"--glossary-underline:{entity_type.underline}" in entity_type.style.split(";")


# ---- Search (issue 20, point 4): what Material's index reads ---------------------------------

def _search_docs(built_site) -> list[dict]:
    import json

    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _page_text(docs: list[dict], page: str) -> str:
    """Every section of one page in the index, titles and text."""
    return " ".join(f"{doc['title']} {doc['text']}" for doc in docs
                    if doc["location"] == page or doc["location"].startswith(page + "#"))


@pytest.mark.slow
def test_an_entitys_facts_reach_the_index_with_their_labels_apart(built_site):
    docs = _search_docs(built_site)
    entry = next(doc["text"] for doc in docs if doc["location"] == "glosarium/tokoh/vladimir-putin/")
    assert "Jenis Tokoh Peran (1 Feb 2024) Presiden Rusia Juga disebut Putin," in entry, entry[:400]
    assert "Wikidata Q7747 Ditinjau 26 November 2026" in entry, entry[:400]
    # No entry glues a label to its value or a value to the next label, whatever its type.
    entries = [doc for doc in docs if re.fullmatch(r"glosarium/(tokoh|lembaga|tempat)/[^/#]+/", doc["location"])]
    assert len(entries) >= 30
    for doc in entries:
        assert re.search(r"Jenis (Tokoh|Lembaga|Tempat) ", doc["text"]), doc["location"]
        assert not re.search(r"Jenis(Tokoh|Lembaga|Tempat)|(Tokoh|Lembaga|Tempat)(Peran|Juga|Wikidata|Ditinjau)"
                             r"|\d{4}(Juga|Wikidata|Ditinjau)|Ditinjau\d", doc["text"]), doc["location"]


@pytest.mark.slow
@pytest.mark.parametrize("page", ["linimasa/", "ralat/"])
def test_the_generated_pages_are_searchable(built_site, page):
    text = _page_text(_search_docs(built_site), page)
    assert "Malligyong" in text and "Kursk" in text, page


@pytest.mark.slow
def test_the_page_glossary_stays_out_of_the_index(built_site):
    docs = _search_docs(built_site)
    assert not [doc["location"] for doc in docs if "Glosarium halaman ini" in doc["title"] + doc["text"]]
    assert not [doc["location"] for doc in docs if doc["location"].endswith("#glosarium-halaman-ini")]
    # Nor its small print ("5 sumber · ditinjau 26 Nov 2026"), nor the highlighting switches.
    article = _page_text(docs, "artikel/halaman-1/")
    assert article and not re.search(r"\d+ sumber · ditinjau", article)
    assert "Sorotan:" not in article
