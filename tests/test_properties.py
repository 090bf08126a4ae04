"""Invariants of annotation, over generated Markdown."""

import xml.etree.ElementTree as etree

import markdown
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from markdown.serializers import to_html_string

from glossary.extension import PageContext
from glossary.markup import GlossaryTreeprocessor
from helpers import article_text, ALL, Converter, entity

#: Matched in any case: "KURSK", "kursk", and "Kurſk" (a long s, which casefolds to "s").
KURSK = entity("kursk", "Kursk", kind="place", case_insensitive=True)
ENTITIES = (*ALL, KURSK)
NAMES = ["Putin", "Vladimir Putin", "Vladimir\u00a0Putin", "Vladimir\nPutin", "Kim Jong Un", "Kim Jong-un",
         "Rusia", "Kementerian Luar Negeri Rusia", "RIA", "RIA Novosti", "Kremlin", "Kursk", "KURSK", "kursk",
         "Kurſk"]
WORDS = ["dan", "kata", "Bulgaria", "RIAN", "Rusiawan", "Kim", "Jong", "Un", "Luar", "Negeri", "ria", "é",
         "1/2/2024", "\"", ",", ".", "-", "(", ")", "&", "<", "x", "Kursky", "ſ", "KURSKI"]
#: The text of the editor's explicit links to entries: the glossary does not make these links.
EXPLICIT = ["Presiden", "sini"]
INLINE = st.one_of(
    st.sampled_from(NAMES + WORDS),
    st.sampled_from(NAMES + WORDS).map(lambda w: f"*{w}*"),
    st.sampled_from(NAMES + WORDS).map(lambda w: f"**{w} kata**"),
    st.sampled_from(NAMES).map(lambda w: f"`{w}`"),
    st.sampled_from(NAMES).map(lambda w: f"[{w}](halaman.md)"),
    st.sampled_from(NAMES).map(lambda w: f"[{w}]{{.no-gloss}}"),
    st.sampled_from(["[Presiden](../glosarium/tokoh/vladimir-putin.md)", "[sini](../glosarium/tempat/rusia.md)"]),
)
LINE = st.lists(INLINE, min_size=1, max_size=12).map(" ".join)
BLOCK = st.one_of(
    LINE,
    LINE.map(lambda s: f"# {s}"),
    LINE.map(lambda s: f"> {s}"),
    LINE.map(lambda s: f"- {s}\n- {s}"),
    LINE.map(lambda s: f"    {s}"),
    LINE.map(lambda s: f"{s}\n{{: .no-gloss }}"),
    # An editor's note, and a quote.
    LINE.map(lambda s: f'!!! catatan "Catatan editor"\n\n    {s}'),
    st.tuples(LINE, st.sampled_from(["vladimir-putin", "kim-jong-un", "kursk"])).map(
        lambda quote: f'"{quote[0]}," kata dia.\n{{: data-speaker="{quote[1]}" }}'),
)
DOCUMENT = st.lists(BLOCK, min_size=1, max_size=6).map("\n\n".join)

EXTENSIONS = ("attr_list", "abbr", "admonition")
CONVERTER = Converter(*ENTITIES, extensions=EXTENSIONS)
# Examples per property: 300, or 40 in the fast tier (`-m "not slow"`); see conftest.py.


def visible_text(html: str) -> str:
    return article_text(html)


@given(DOCUMENT, st.sampled_from(["first", "all"]))
def test_visible_text_is_identical_before_and_after_annotation(text, mode):
    converter = Converter(*ENTITIES, mode=mode, extensions=EXTENSIONS)
    annotated, _ = converter.convert(text)
    plain, _ = converter.convert(text, glossary=False)
    assert visible_text(annotated) == visible_text(plain)


@given(DOCUMENT)
def test_annotating_twice_equals_annotating_once(text):
    once, _ = CONVERTER.convert(text)
    tree = etree.fromstring(f"<div>{once}</div>")
    md = markdown.Markdown()
    GlossaryTreeprocessor(md, CONVERTER.ext, PageContext("artikel/a.md")).run(tree)
    assert to_html_string(tree) == to_html_string(etree.fromstring(f"<div>{once}</div>"))


@given(DOCUMENT, st.sampled_from(["first", "all"]))
def test_annotations_never_nest(text, mode):
    html, report = Converter(*ENTITIES, mode=mode, extensions=EXTENSIONS).convert(text)
    soup = BeautifulSoup(html, "html.parser")
    for mention in soup.select(".glossary-mention"):
        assert mention.find_parent(["a", "code", "pre", "h1", "abbr"]) is None
        assert mention.select(".glossary-mention") == []
    anchors = [m["id"] for m in soup.select(".glossary-mention")]
    assert len(anchors) == len(set(anchors)) == len(report.mentions)


@given(DOCUMENT)
def test_first_mode_links_each_entity_at_most_once_per_page(text):
    html, report = CONVERTER.convert(text)
    made = [a["data-entity"] for a in BeautifulSoup(html, "html.parser").select("a.glossary-mention")
            if a.get_text() not in EXPLICIT]
    assert len(made) == len(set(made)), made
    assert set(made) <= {m.entity_id for m in report.mentions if m.annotated}


@given(DOCUMENT, st.sampled_from(["first", "all"]))
def test_mentions_are_reported_in_document_order(text, mode):
    html, report = Converter(*ENTITIES, mode=mode, extensions=EXTENSIONS).convert(text)
    in_page = [element["id"] for element in BeautifulSoup(html, "html.parser").select(".glossary-mention")]
    assert [m.anchor for m in report.mentions] == in_page
