"""Backlinks: mentions collected page by page, counted, and rendered as "Disebut di" by article."""

from glossary.articles import Article
from glossary.backlinks import Backlinks
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


def test_counts_by_where_the_mention_stands():
    backlinks = edition()
    backlinks.add_page("artikel/halaman-2/", "Halaman 2", [mention("putin", 1), note("putin", 2), note("kim", 1)],
                       position=2, article=FIRST)
    backlinks.add_page("tentang/", "Tentang", [mention("putin", 1)], position=5)
    putin, kim = backlinks.counts_of("putin"), backlinks.counts_of("kim")
    assert (putin.text, putin.notes, putin.other, putin.articles) == (4, 1, 1, 2)
    assert (kim.text, kim.notes, kim.articles) == (1, 1, 1) and not kim.notes_only
    assert putin.register_text() == "4\xa0di teks artikel · 1\xa0di catatan editor · 1\xa0di halaman lain, di 2\xa0artikel"
    assert backlinks.counts_of("nobody").register_text() == "belum disebut"


def test_an_entity_named_only_in_notes_says_so():
    backlinks = Backlinks()
    backlinks.add_page("artikel/halaman-1/", "Halaman 1", [note("kemhan", 1), note("kemhan", 2)], position=1,
                       article=FIRST)
    counts = backlinks.counts_of("kemhan")
    assert counts.notes_only and counts.register_text() == "hanya di catatan editor: 2, di 1\xa0artikel"
    assert counts.sentence() == "Tidak disebut di teks artikel; 2 kali di catatan editor"


def note(entity_id: str, number: int) -> Mention:
    return Mention(entity_id, f"sebut-{entity_id}-{number}", "catatan ", entity_id, ".", False, in_note=True)
