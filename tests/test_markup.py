"""The Markdown extension: where mentions are annotated, how they are marked up, what is collected."""

from bs4 import BeautifulSoup

from helpers import article_text, ALL, KREMLIN, PUTIN, RUSIA, Converter


def annotated(html: str) -> list[str]:
    return [a.get_text() for a in BeautifulSoup(html, "html.parser").select("a.glossary-mention")]


def test_mention_is_a_link_with_id_type_and_anchor():
    html, report = Converter(*ALL).convert("Presiden Vladimir Putin berbicara.")
    (link,) = BeautifulSoup(html, "html.parser").select("a.glossary-mention")
    assert link["href"] == "../glosarium/tokoh/vladimir-putin.md"
    assert link["data-entity"] == "vladimir-putin"
    assert link["data-entity-type"] == "person"
    assert link["style"] == "--glossary-colour:#8a3ffc;--glossary-colour-dark:#c6a0ff;--glossary-underline:solid"
    assert "title" not in link.attrs  # The summary comes once, through aria-describedby.
    assert link["aria-describedby"] == "glosarium-ringkasan-vladimir-putin"
    assert link["id"] == "sebut-vladimir-putin-1"
    assert [(m.entity_id, m.anchor, m.annotated) for m in report.mentions] == [
        ("vladimir-putin", "sebut-vladimir-putin-1", True)]


def test_first_mode_links_only_the_first_mention_but_anchors_all():
    html, report = Converter(*ALL).convert("Putin dan Rusia.\n\nLalu Putin lagi, dan Putin.")
    assert annotated(html) == ["Putin", "Rusia"]
    repeats = BeautifulSoup(html, "html.parser").select("span.glossary-mention--repeat")
    assert [s["id"] for s in repeats] == ["sebut-vladimir-putin-2", "sebut-vladimir-putin-3"]
    assert [m.anchor for m in report.mentions if m.entity_id == "vladimir-putin"] == [
        "sebut-vladimir-putin-1", "sebut-vladimir-putin-2", "sebut-vladimir-putin-3"]


def test_all_mode_links_every_mention():
    html, _ = Converter(*ALL, mode="all").convert("Putin dan Rusia.\n\nLalu Putin lagi.")
    assert annotated(html) == ["Putin", "Rusia", "Putin"]


def test_counting_restarts_on_each_page():
    converter = Converter(*ALL)
    converter.convert("Putin.")
    html, _ = converter.convert("Putin.")
    assert annotated(html) == ["Putin"]


def test_never_inside_code_pre_links_headings_or_abbreviations():
    text = (
        "# Putin di judul\n\n"
        "## Rusia di subjudul\n\n"
        "`Putin` dalam kode dan [Putin](https://example.org) dalam tautan.\n\n"
        "    Putin di blok kode\n\n"
        "*[RIA]: Rossiya Segodnya\n\n"
        "RIA di singkatan.\n\n"
        "Kremlin di teks biasa.\n"
    )
    html, report = Converter(*ALL).convert(text)
    # Only the one in plain text: the others are in places a mention never goes.
    assert annotated(html) == ["Kremlin"]
    assert [m.entity_id for m in report.mentions] == ["kremlin"]


def test_never_inside_html_attributes():
    html, _ = Converter(*ALL).convert("![Putin dan Rusia](foto.png \"Putin\")\n\n[teks](x.md \"Rusia\") "
                                      "lalu Kremlin.")
    assert annotated(html) == ["Kremlin"]
    assert 'alt="Putin dan Rusia"' in html and 'title="Putin"' in html and 'title="Rusia"' in html


def test_never_inside_an_earlier_annotation():
    converter = Converter(*ALL)
    html, _ = converter.convert("Kementerian Luar Negeri Rusia")
    assert annotated(html) == ["Kementerian Luar Negeri Rusia"]


def test_never_on_the_entitys_own_page():
    html, report = Converter(*ALL).convert("Putin adalah presiden Rusia.", src_path="glosarium/tokoh/vladimir-putin.md",
                                           own="vladimir-putin")
    assert annotated(html) == ["Rusia"]
    assert [m.entity_id for m in report.mentions] == ["rusia"]


def test_inline_exclusion_with_a_bracketed_span():
    html, _ = Converter(*ALL).convert("[Putin]{.no-gloss} dan Putin.")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("span.no-gloss").get_text() == "Putin"
    assert annotated(html) == ["Putin"]
    assert article_text(html) == "Putin dan Putin."


def test_block_exclusion_with_attr_list():
    html, _ = Converter(*ALL).convert("Putin di sini tidak.\n{: .no-gloss }\n\nPutin di sini ya.")
    assert annotated(html) == ["Putin"]
    assert BeautifulSoup(html, "html.parser").select("p")[1].a is not None


def test_explicit_link_to_an_entity_file_is_an_annotated_mention():
    html, report = Converter(*ALL).convert("[Presiden Rusia](../glosarium/tokoh/vladimir-putin.md) dan Putin.")
    links = BeautifulSoup(html, "html.parser").select("a.glossary-mention")
    assert [(a.get_text(), a["id"]) for a in links] == [("Presiden Rusia", "sebut-vladimir-putin-1")]
    assert [m.text for m in report.mentions] == ["Presiden Rusia", "Putin"]


def test_explicit_link_to_an_unknown_entity_is_a_problem_with_its_line():
    _, report = Converter(*ALL).convert("Baris satu.\n\nLihat [dia](../glosarium/tokoh/tidak-ada.md).")
    assert [(p.path, p.line, p.message) for p in report.problems] == [
        ("artikel/a.md", 3, "link to unknown glossary entry '../glosarium/tokoh/tidak-ada.md'")]


def test_ordinary_links_are_left_alone():
    html, report = Converter(*ALL).convert("[halaman dua](halaman-2.md) dan [Putin](https://kremlin.ru) di "
                                           "[glosarium](../glosarium/index.md). Kremlin.")
    soup = BeautifulSoup(html, "html.parser")
    ordinary = [a for a in soup.select("a") if a.get_text() != "Kremlin"]
    assert [(a["href"], a.attrs.keys() - {"href"}) for a in ordinary] == [
        ("halaman-2.md", set()), ("https://kremlin.ru", set()), ("../glosarium/index.md", set())]
    assert annotated(html) == ["Kremlin"] and report.problems == []


def test_snippet_gives_the_mention_in_context():
    text = "Presiden Rusia Vladimir Putin tahun lalu menerima *undangan* untuk mengunjungi Korea Utara."
    _, report = Converter(*ALL).convert(text)
    putin = next(m for m in report.mentions if m.entity_id == "vladimir-putin")
    assert (putin.before, putin.text, putin.after) == (
        "Presiden Rusia ", "Vladimir Putin", " tahun lalu menerima undangan untuk mengunjungi Korea Utara.")


def test_snippet_is_clipped_at_a_word_on_long_paragraphs():
    text = ("kata " * 40) + "Putin" + (" ujar" * 40)
    _, report = Converter(*ALL).convert(text)
    (m,) = report.mentions
    assert m.before.startswith("…kata") and len(m.before) <= 62
    assert m.after.endswith("ujar…") and len(m.after) <= 62


def test_mentions_in_lists_tables_and_quotes_are_found():
    text = "- Putin\n\n> Rusia\n\n**Kremlin** kata"
    html, _ = Converter(*ALL).convert(text)
    assert annotated(html) == ["Putin", "Rusia", "Kremlin"]


def test_markup_in_summary_is_escaped():
    from helpers import article_text, entity

    bad = entity("x", "Tuan X", summary='<script>alert(1)</script> & "kutip"')
    html, _ = Converter(bad).convert("Tuan X datang.")
    assert "<script>" not in html
    summary = BeautifulSoup(html, "html.parser").select_one("#glosarium-ringkasan-x")
    assert summary.get_text() == '<script>alert(1)</script> & "kutip"'


def test_visible_text_is_unchanged():
    text = "Presiden Rusia Vladimir\u00a0Putin dan\nKim Jong Un, di Kremlin. Putin!"
    converter = Converter(*ALL)
    with_glossary, _ = converter.convert(text)
    without, _ = converter.convert(text, glossary=False)
    get = article_text
    assert get(with_glossary) == get(without)
    assert len(annotated(with_glossary)) == 4


def test_first_link_goes_to_the_article_text_not_to_an_earlier_note():
    text = ('Pengantar.\n\n!!! catatan "Catatan editor"\n\n    Putin disebut di catatan.\n\n'
            "Vladimir Putin di teks artikel.\n\n<aside>Putin di aside</aside>\n\nPutin lagi.")
    html, report = Converter(*ALL, extensions=("attr_list", "admonition", "md_in_html")).convert(text)
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("a.glossary-mention")
    assert link.get_text() == "Vladimir Putin" and link.find_parent(class_="admonition") is None
    assert link["id"] == "sebut-vladimir-putin-1"
    note = soup.select_one(".admonition .glossary-mention")
    assert note.name == "span" and note["id"] == "sebut-vladimir-putin-3"
    # Backlinks stay in reading order.
    assert [m.anchor for m in report.mentions] == [
        "sebut-vladimir-putin-3", "sebut-vladimir-putin-1", "sebut-vladimir-putin-2"]


def test_an_entity_only_in_a_note_is_linked_there():
    text = '!!! catatan "Catatan editor"\n\n    Kremlin disebut hanya di catatan.\n'
    html, _ = Converter(*ALL, extensions=("admonition",)).convert(text)
    assert annotated(html) == ["Kremlin"]
