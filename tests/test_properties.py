"""Invariants of annotation, over generated Markdown."""

import xml.etree.ElementTree as etree

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.serializers import to_html_string

from glossary.extension import PageContext
from glossary.markup import GlossaryTreeprocessor
from helpers import article_text, ALL, Converter

NAMES = ["Putin", "Vladimir Putin", "Vladimir\u00a0Putin", "Vladimir\nPutin", "Kim Jong Un", "Kim Jong-un",
         "Rusia", "Kementerian Luar Negeri Rusia", "RIA", "RIA Novosti", "Kremlin"]
WORDS = ["dan", "kata", "Bulgaria", "RIAN", "Rusiawan", "Kim", "Jong", "Un", "Luar", "Negeri", "ria", "é",
         "1/2/2024", "\"", ",", ".", "-", "(", ")", "&", "<", "x"]
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
)
DOCUMENT = st.lists(BLOCK, min_size=1, max_size=6).map("\n\n".join)

CONVERTER = Converter(*ALL)
settings.register_profile("glossary", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("glossary")


def visible_text(html: str) -> str:
    return article_text(html)


@given(DOCUMENT, st.sampled_from(["first", "all"]))
def test_visible_text_is_identical_before_and_after_annotation(text, mode):
    converter = Converter(*ALL, mode=mode)
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
    html, report = Converter(*ALL, mode=mode).convert(text)
    soup = BeautifulSoup(html, "html.parser")
    for mention in soup.select(".glossary-mention"):
        assert mention.find_parent(["a", "code", "pre", "h1", "abbr"]) is None
        assert mention.select(".glossary-mention") == []
    anchors = [m["id"] for m in soup.select(".glossary-mention")]
    assert len(anchors) == len(set(anchors)) == len(report.mentions)
