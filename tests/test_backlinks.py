"""Backlinks: mentions collected page by page, counted, and rendered as "Disebut di" by article."""

from bs4 import BeautifulSoup

from glossary.articles import Article
from glossary.backlinks import Backlinks, render_backlinks
from glossary.markup import Mention

FIRST = Article("artikel", "Artikel Pertama", "2024-02-01", "Liputan6.com", None, None,
                ("artikel/halaman-1.md", "artikel/halaman-2.md"))
SECOND = Article("artikel/kedua", "Artikel <Kedua>", "2024-06-19", "Liputan6.com", None, None,
                 ("artikel/kedua/halaman-1.md",))


def mention(entity_id: str, number: int, text: str = "Putin") -> Mention:
    return Mention(entity_id, f"sebut-{entity_id}-{number}", "kata ", text, " lagi", number == 1)


def edition() -> Backlinks:
    """Putin on three article pages of two articles and on an entry; Kim on one page."""
    backlinks = Backlinks()
    # Added out of reading order: `position` decides.
    backlinks.add_page("artikel/kedua/halaman-1/", "Kedua 1", [mention("putin", 1)], position=3, article=SECOND)
    backlinks.add_page("artikel/halaman-1/", "Halaman 1", [mention("putin", 1), mention("kim", 1, "Kim"),
                                                           mention("putin", 2)], position=1, article=FIRST)
    backlinks.add_page("artikel/halaman-2/", "Halaman 2", [mention("putin", 1)], position=2, article=FIRST)
    backlinks.add_page("glosarium/tokoh/kim/", "Kim", [mention("putin", 1)], is_entry=True, position=9)
    backlinks.add_page("index.html", "Beranda", [], position=0)
    return backlinks


def test_pages_of_an_entity_in_reading_order_with_only_its_own_mentions():
    pages = edition().for_entity("putin")
    assert [page.page_url for page in pages] == [
        "artikel/halaman-1/", "artikel/halaman-2/", "artikel/kedua/halaman-1/", "glosarium/tokoh/kim/"]
    assert [m.anchor for m in pages[0].mentions] == ["sebut-putin-1", "sebut-putin-2"]
    assert [page.is_entry for page in pages] == [False, False, False, True]
    assert [page.article for page in pages] == [FIRST, FIRST, SECOND, None]
    assert edition().for_entity("nobody") == []


def test_counts_leave_out_entries_unless_asked():
    backlinks = edition()
    assert backlinks.counts() == {"putin": 4, "kim": 1}
    assert backlinks.counts(entries=True) == {"putin": 5, "kim": 1}


def test_article_counts_count_articles_not_pages_nor_entries():
    assert edition().article_counts() == {"putin": 2, "kim": 1}


def test_a_page_added_again_replaces_what_it_had():
    backlinks = edition()
    assert backlinks.for_entity("kim")  # The index is built once here ...
    backlinks.add_page("artikel/halaman-1/", "Halaman 1", [mention("putin", 1)], position=1, article=FIRST)
    assert backlinks.for_entity("kim") == []  # ... and built again after the change.
    assert backlinks.counts() == {"putin": 3}
    assert backlinks.anchors()["artikel/halaman-1/"] == {"sebut-putin-1"}


def test_rendered_backlinks_are_grouped_by_article_with_counts_and_entries_apart():
    html = render_backlinks(edition().for_entity("putin"), href=lambda url: f"../../{url}")
    soup = BeautifulSoup(html, "html.parser")
    section = soup.select_one("section.glossary-backlinks")
    headings = [h.get_text(" ", strip=True) for h in section.select("h3.glossary-article")]
    assert headings == ["Artikel Pertama 1 Februari 2024", "Artikel <Kedua> 19 Juni 2024"]
    assert "Artikel &lt;Kedua&gt;" in html  # Titles are text.
    groups = section.select("ul")
    assert [len(group.find_all("li", recursive=False)) for group in groups] == [2, 1]
    assert [c.get_text() for c in section.select(".glossary-count")] == [
        "(2\xa0sebutan)", "(1\xa0sebutan)", "(1\xa0sebutan)"]
    snippets = section.select("ol.glossary-snippets a")
    assert snippets[1]["href"] == "../../artikel/halaman-1/#sebut-putin-2"
    assert snippets[0].mark.get_text() == "Putin" and snippets[0].get_text() == "kata Putin lagi"
    related = soup.select_one("section.glossary-related a")
    assert related["href"] == "../../glosarium/tokoh/kim/" and related.get_text() == "Kim"


def test_pages_outside_any_article_are_grouped_as_other_pages():
    backlinks = Backlinks()
    backlinks.add_page("artikel/halaman-1/", "Halaman 1", [mention("putin", 1)], position=1, article=FIRST)
    backlinks.add_page("tentang/", "Tentang", [mention("putin", 1)], position=2)
    soup = BeautifulSoup(render_backlinks(backlinks.for_entity("putin"), href=str), "html.parser")
    assert [h.get_text(" ", strip=True) for h in soup.select("h3")] == ["Artikel Pertama 1 Februari 2024",
                                                                         "Halaman lain"]


def test_an_entity_mentioned_nowhere_says_so():
    soup = BeautifulSoup(render_backlinks([], href=str), "html.parser")
    assert soup.select_one("section.glossary-backlinks p").get_text() == "Tidak disebut di halaman artikel."
    assert soup.select_one("section.glossary-related") is None
