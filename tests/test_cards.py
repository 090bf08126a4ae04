"""What the extension adds about entities: the entry header, the switches and the page glossary."""

import xml.etree.ElementTree as etree

from bs4 import BeautifulSoup

from glossary import cards
from glossary.entries import Entity
from glossary.sources import Source
from glossary.types import ENTITY_TYPES
from helpers import entity

SOURCE = Source("s1", "Judul", "TASS", "2024-01-01", "https://tass.com/a")
HOSTILE = Entity(id="x", src_path="glosarium/tokoh/x.md", title='Tuan <b>X</b> & "Co"', type="person",
                 summary="<script>alert(1)</script>", role="<img src=x onerror=alert(1)>",
                 aliases=("<i>X</i>",), wikidata="Q1", reviewed="2026-11-26", sources=(SOURCE, SOURCE))


def html_of(element: etree.Element | str) -> BeautifulSoup:
    if not isinstance(element, str):
        element = etree.tostring(element, encoding="unicode", method="html")
    return BeautifulSoup(element, "html.parser")


def test_small_print_counts_sources_and_gives_the_short_review_date():
    assert cards.small_print(HOSTILE) == "2 sumber · ditinjau 26 Nov 2026"
    only_review = Entity(id="y", src_path="glosarium/tokoh/y.md", title="Y", type="person", summary="S.",
                         reviewed="2024-02-01")
    assert cards.small_print(only_review) == "ditinjau 1 Feb 2024"
    assert cards.small_print(entity("z", "Z")) == ""


def test_every_field_of_the_page_glossary_is_text():
    soup = html_of(cards.page_glossary([HOSTILE]))
    assert soup.find(["b", "script", "img", "i"]) is None
    card = soup.select_one(".glossary-card")
    assert card.select_one(".glossary-card__title").get_text() == 'Tuan <b>X</b> & "Co"'
    assert card.select_one(".glossary-card__role").get_text() == "<img src=x onerror=alert(1)>"
    assert card.select_one(".glossary-card__summary").get_text() == "<script>alert(1)</script>"
    assert card.select_one(".glossary-card__summary")["id"] == cards.summary_id(HOSTILE)
    assert card.select_one(".glossary-card__meta").get_text() == "2 sumber · ditinjau 26 Nov 2026"


def test_the_page_glossary_is_hidden_and_kept_from_search_and_lists_each_entity_once_in_order():
    entities = [entity("b", "B", kind="place"), entity("a", "A")]
    soup = html_of(cards.page_glossary(entities))
    aside = soup.select_one("aside.glossary-page")
    assert aside.has_attr("hidden") and aside.has_attr("data-search-exclude")
    assert [(c["data-entity"], c["data-entity-type"]) for c in aside.select(".glossary-card")] == [
        ("b", "place"), ("a", "person")]
    assert aside.select(".glossary-card__meta") == []  # Nothing to say: no empty line.


def test_switches_only_for_the_types_on_the_page_in_the_tables_order():
    soup = html_of(cards.switches([entity("r", "R", kind="place"), entity("p", "P"), entity("q", "Q")]))
    boxes = soup.select("input[type=checkbox]")
    assert [box["data-entity-type"] for box in boxes] == ["person", "place"]
    assert all(box.has_attr("checked") for box in boxes)
    assert [label.get_text() for label in soup.select(".glossary-controls__sample")] == ["Tokoh", "Tempat"]
    bar = soup.select_one(".glossary-controls")
    assert bar["role"] == "group" and soup.find(id=bar["aria-labelledby"]).get_text() == "Sorotan:"
    every = html_of(cards.switches([entity(t.id, t.id, kind=t.id) for t in ENTITY_TYPES]))
    assert len(every.select("input")) == len(ENTITY_TYPES)


def test_entry_header_gives_the_facts_as_text():
    soup = html_of(cards.entity_header(HOSTILE, role_date="2024-02-01"))
    facts = dict(zip([dt.get_text() for dt in soup.select("dt")], soup.select("dd")))
    assert list(facts) == ["Jenis", "Peran (1 Feb 2024)", "Juga disebut", "Wikidata", "Ditinjau"]
    undated = html_of(cards.entity_header(HOSTILE))
    assert undated.select("dt")[1].get_text() == "Peran saat artikel terbit"
    assert facts["Juga disebut"].get_text() == "<i>X</i>" and soup.find(["i", "img", "script"]) is None
    assert facts["Wikidata"].a["href"] == "https://www.wikidata.org/wiki/Q1"
    assert facts["Ditinjau"].time["datetime"] == "2026-11-26"
    assert facts["Ditinjau"].get_text() == "26 November 2026"
    plain = html_of(cards.entity_header(entity("z", "Z")))
    assert [dt.get_text() for dt in plain.select("dt")] == ["Jenis"]
