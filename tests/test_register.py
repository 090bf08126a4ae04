"""The register: grouped by type, sorted A–Z without locale, counts filled in at the end."""

import re

import markdown
from bs4 import BeautifulSoup

from glossary.register import fill_counts, register_markdown, sort_key
from helpers import entity

ENTITIES = [
    entity("zelensky", "Zelensky"),
    entity("ali", "Ālī Khamenei"),
    entity("abe", "abe Shinzo"),
    entity("rusia", "Rusia", kind="place"),
    entity("kcna", "KCNA", kind="institution"),
    entity("bad", 'Tuan <b>"X"</b> & Co', summary="<script>alert(1)</script>"),
]


def register_html() -> str:
    text = register_markdown(ENTITIES, href=lambda e: f"{e.type}/{e.id}/")
    return markdown.Markdown(extensions=["attr_list"]).convert(text)


def test_sort_key_ignores_case_and_accents():
    assert sorted(["Zelensky", "Ālī", "abe", "Été", "Emil"], key=sort_key) == ["abe", "Ālī", "Emil", "Été",
                                                                              "Zelensky"]
    assert sort_key("Ālī") == sort_key("ali") == "ali"


def test_entries_are_grouped_by_type_in_the_tables_order_and_sorted():
    soup = BeautifulSoup(register_html(), "html.parser")
    assert [(h["id"], h.get_text()) for h in soup.select("h2")] == [
        ("person", "Tokoh"), ("institution", "Lembaga"), ("place", "Tempat")]
    groups = [[li["data-entity"] for li in ul.select("li")] for ul in soup.select("ul.glossary-register")]
    assert groups == [["abe", "ali", "bad", "zelensky"], ["kcna"], ["rusia"]]
    assert soup.select_one('li[data-entity="kcna"] a')["href"] == "institution/kcna/"


def test_a_type_with_no_entry_has_no_section():
    soup = BeautifulSoup(markdown.Markdown(extensions=["attr_list"]).convert(
        register_markdown([entity("rusia", "Rusia", kind="place")], href=lambda e: "x/")), "html.parser")
    assert [h["id"] for h in soup.select("h2")] == ["place"]


def test_titles_and_summaries_are_text():
    soup = BeautifulSoup(register_html(), "html.parser")
    item = soup.select_one('li[data-entity="bad"]')
    assert item.a.get_text() == 'Tuan <b>"X"</b> & Co' and item.find("b") is None
    assert item.select_one(".glossary-summary").get_text() == "<script>alert(1)</script>"
    assert soup.find("script") is None


def test_counts_are_placeholders_until_every_page_is_read_then_filled():
    html = register_html()
    assert len(re.findall(r"data-glossary-count=", html)) == len(ENTITIES)
    texts = {e.id: "belum disebut" for e in ENTITIES} | {"abe": "3 di teks artikel, di 1 artikel", "rusia": "<b>"}
    filled = fill_counts(html, texts)
    assert "data-glossary-" not in filled
    soup = BeautifulSoup(filled, "html.parser")
    counts = {li["data-entity"]: li.select_one(".glossary-count").get_text() for li in soup.select("li")}
    assert counts["abe"] == "(3 di teks artikel, di 1 artikel)"
    assert counts["rusia"] == "(<b>)"  # Text, escaped.
    assert counts["kcna"] == "(belum disebut)"  # Never mentioned: said, not blank.


def test_a_placeholder_of_an_unknown_id_is_left_as_it_is():
    empty = '<span data-glossary-count="x"></span>'
    assert fill_counts(empty, {}) == empty
