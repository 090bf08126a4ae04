"""Open data (issue 21): entities.json with its schema, Web Annotations, TEI.

The fast tests run the exports on small inputs. The slow ones run them on the real edition, as the
build will (`write_open_data` over each article page's final content HTML, read here from the built
site's `<article>`), and check each file with an independent tool: jsonschema, pyld (offline, with
the local copy of the Web Annotation context), lxml with the shipped RELAX NG schema.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from helpers import assert_lines_in_page_order, entity

from glossary.articles import Article, load_articles
from glossary.catalog import load_glossary
from glossary.entries import parse_entry
from glossary.open_data import open_data_files, page_text, validate_front_matter, write_open_data
from glossary.open_data.annotations import CONTEXT
from glossary.entry_schema import SCHEMA_FILE, load_schema
from glossary.open_data.tei import RNG_FILE, TEI_NS
from glossary.safe_yaml import load_front_matter
from glossary.sources import Source
from glossary.types import ENTITY_TYPES

OPEN_DATA = ROOT / "hooks" / "glossary" / "open_data"
SITE_URL = "http://127.0.0.1:8000/"
SOURCE = ROOT / "source" / "liputan6-2024-02-01.txt"
TEI = {"tei": TEI_NS}


def context_loader(url, options=None):
    """pyld's document loader: the Web Annotation context from the local copy, nothing from the network."""
    if url.rstrip("/").replace("https://", "http://") != CONTEXT:
        raise AssertionError(f"a JSON-LD processor asked for {url}")
    document = json.loads((OPEN_DATA / "anno.jsonld").read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


# -- the page text ------------------------------------------------------------------------------

PAGE = """
<p class="article-source">Sumber: <strong>Liputan6.com</strong></p>
<p class="page-marker">2 dari 4 halaman</p>
<div class="glossary-controls"><span>Sorotan:</span> <label><input type="checkbox"> Tokoh</label></div><h1 id="x">Judul
  Halaman</h1>
<p>Bagi <a class="glossary-mention" data-entity="korea-utara" id="sebut-korea-utara-1" href="#">Korea
Utara</a>,   hubungan&nbsp;dengan <span class="glossary-mention glossary-mention--repeat" data-entity="rusia"
id="sebut-rusia-1">Rusia</span>.<br>Baris &amp; baru.</p>
<div class="admonition catatan"><p class="admonition-title">Catatan editor</p>
<p>Di catatan: <span class="glossary-mention" data-entity="rusia" id="sebut-rusia-2">Rusia</span>.<sup class="glossary-ref"><a href="#sumber-1">[1]</a></sup></p></div>
<ul><li><p>Butir <span class="glossary-mention" data-entity="rusia" id="sebut-rusia-3">Rusia</span></p></li></ul>
<section class="glossary-sources"><h2>Sumber</h2><ol><li>Sputnik</li></ol></section>
<aside class="glossary-page" hidden><h2>Glosarium halaman ini</h2></aside>
<nav class="article-pager"><span>Halaman 2 dari 4</span></nav>
"""


def test_page_text_is_the_articles_own_text_one_line_a_block():
    text = page_text(PAGE)
    assert text.text == ("2 dari 4 halaman\nJudul Halaman\n"
                         "Bagi Korea Utara, hubungan\u00a0dengan Rusia. Baris & baru.\nButir Rusia")
    assert [(block.tag, block.classes) for block in text.blocks] == [
        ("p", ("page-marker",)), ("h1", ()), ("p", ()), ("p", ())]
    for block in text.blocks:
        assert text.text[block.offset:block.offset + len(block.text)] == block.text


def test_page_text_mentions_point_at_their_words_and_leave_the_notes_out():
    text = page_text(PAGE)
    found = [(m.entity, m.anchor, text.text[m.start:m.end], m.block) for m in text.mentions]
    assert found == [("korea-utara", "sebut-korea-utara-1", "Korea Utara", 2),
                     ("rusia", "sebut-rusia-1", "Rusia", 2),
                     ("rusia", "sebut-rusia-3", "Rusia", 3)]  # sebut-rusia-2 is in the editor's note.


# -- the schema ---------------------------------------------------------------------------------

def test_the_schema_is_a_valid_2020_12_schema_and_knows_the_types():
    from jsonschema import Draft202012Validator

    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$defs"]["entityType"]["enum"] == [kind.id for kind in ENTITY_TYPES]
    assert schema["$defs"]["entity"]["properties"]["type_label"]["enum"] == [kind.label for kind in ENTITY_TYPES]


def test_the_schema_knows_exactly_the_fields_the_build_knows():
    from glossary import entries

    assert set(load_schema()["$defs"]["frontMatter"]["properties"]) == entries._KNOWN_KEYS
    assert set(load_schema()["$defs"]["frontMatter"]["required"]) == set(entries._REQUIRED)


def test_every_real_entry_front_matter_passes_the_schema():
    files = sorted(path for path in (ROOT / "docs" / "glosarium").rglob("*.md") if path.name != "index.md")
    assert len(files) > 20
    for path in files:
        document, _body = load_front_matter(path.read_text(encoding="utf-8"), str(path))
        assert validate_front_matter(document.data) == [], path


def test_the_entry_schema_for_editors_is_the_same_schema():
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    folder = OPEN_DATA.as_uri() + "/"
    registry = Registry().with_resources(
        (folder + name, Resource.from_contents(json.loads((OPEN_DATA / name).read_text(encoding="utf-8"))))
        for name in ("entities.schema.json", "entry.schema.json"))
    validator = Draft202012Validator({"$ref": folder + "entry.schema.json"}, registry=registry)
    bad = {"title": "X", "type": "robot", "summary": "S.", "warna": 1}
    assert len(list(validator.iter_errors(bad))) == 2 == len(validate_front_matter(bad))
    assert list(validator.iter_errors({"title": "X", "type": "place", "summary": "S."})) == []


def test_the_schema_names_each_bad_field_by_its_path_in_file_order():
    problems = validate_front_matter({
        "title": "<b>Putin</b>", "type": "robot", "summary": "Ringkasan.", "wikidata": "Q0", "warna": "merah",
        "sources": ["tass-1", {"id": "a", "title": "T"}, "Tass 2"],
    })
    paths = [path for path, _message in problems]
    assert paths == [("title",), ("type",), ("wikidata",), ("warna",), ("sources", 1), ("sources", 2)]
    assert "unknown field 'warna'" in problems[3][1]
    assert validate_front_matter({"title": "X"}) == [((), "'type' is a required property"),
                                                     ((), "'summary' is a required property")]
    # YAML's own dates are not text: the build refuses them too.
    import datetime
    assert validate_front_matter({"title": "X", "type": "place", "summary": "S.",
                                  "reviewed": datetime.date(2024, 1, 1)})[0][0] == ("reviewed",)


# -- the exports on small input -----------------------------------------------------------------

def small_input():
    putin = parse_entry("---\ntitle: Vladimir Putin\ntype: person\naliases: [Putin]\nsummary: Presiden.\n"
                        "role: Presiden Rusia\nwikidata: Q7747\nreviewed: \"2026-11-26\"\nsources: [tass-2024]\n"
                        "---\nIsi.\n", "glosarium/tokoh/vladimir-putin.md",
                        {"tass-2024": Source("tass-2024", "T", "Bangkok Post", "2024-06", "https://tass.com/x", lang="en",
                                             kind="kantor-berita", quoting="TASS")})
    moskow = entity("moskow", "Moskow", kind="place")
    article = Article("artikel", "Judul Artikel", "2024-02-01", "Liputan6.com", "CNA",
                      "source/liputan6-2024-02-01.txt", ("artikel/halaman-1.md", "artikel/halaman-2.md"))
    pages = {
        "artikel/halaman-1.md": (SITE_URL + "artikel/halaman-1/",
                                 '<h1>Judul Artikel</h1><p><a class="glossary-mention" data-entity="vladimir-putin" '
                                 'id="sebut-vladimir-putin-1">Putin</a> di <a class="glossary-mention" '
                                 'data-entity="moskow" id="sebut-moskow-1">Moskow</a>.</p>'),
        "artikel/halaman-2.md": (SITE_URL + "artikel/halaman-2/",
                                 '<p class="page-marker">2 dari 2 halaman</p><h1>Dua</h1><p>"Kata &lt;kami&gt;," '
                                 'ujar <span class="glossary-mention" data-entity="vladimir-putin" '
                                 'id="sebut-vladimir-putin-2">Putin</span>.</p>'),
    }
    urls = {e.id: f"{SITE_URL}{e.src_path[:-3]}/" for e in (putin, moskow)}
    return [moskow, putin], urls, [article], pages


def test_the_exports_are_the_same_bytes_whatever_the_input_order():
    entities, urls, articles, pages = small_input()
    first = open_data_files(entities, urls, "2024-02-01", articles, pages, SITE_URL, edition="Edisi")
    second = open_data_files(entities[::-1], dict(reversed(list(urls.items()))), "2024-02-01", articles,
                             dict(reversed(list(pages.items()))), SITE_URL, edition="Edisi")
    assert first == second
    assert list(first) == ["data/entities.json", "data/entities.schema.json", "data/entry.schema.json",
                           "data/annotations.jsonld",
                           "data/tei/liputan6-2024-02-01.xml", "data/tei/tei-subset.rng"]


def test_small_exports_are_valid_and_say_what_the_pages_say(tmp_path):
    entities, urls, articles, pages = small_input()
    written = write_open_data(tmp_path, entities, urls, "2024-02-01", articles, pages, SITE_URL, edition="Edisi")
    files = check_files(tmp_path, written)
    putin = next(record for record in files["entities"]["entities"] if record["id"] == "vladimir-putin")
    assert putin["role"] == {"text": "Presiden Rusia", "date": "2024-02-01"}
    assert putin["wikidata_uri"] == "http://www.wikidata.org/entity/Q7747"
    assert putin["sources"] == [{"id": "tass-2024", "title": "T", "lang": "en", "publisher": "Bangkok Post",
                                 "quoting": "TASS", "kind": "kantor-berita", "date": "2024-06",
                                 "url": "https://tass.com/x"}]
    items = files["annotations"]["first"]["items"]
    assert [item["target"]["selector"][0]["value"] for item in items] == [
        "sebut-vladimir-putin-1", "sebut-moskow-1", "sebut-vladimir-putin-2"]
    assert items[0]["body"][1] == "http://www.wikidata.org/entity/Q7747"
    assert len(items[1]["body"]) == 1  # Moskow has no Wikidata id here.
    tei = files["tei"]["liputan6-2024-02-01.xml"]
    said = tei.find(".//tei:div[@n='2']/tei:p", TEI)
    assert "".join(said.itertext()) == '"Kata <kami>," ujar Putin.'
    assert said.find("tei:persName", TEI).get("ref") == "#glosarium-vladimir-putin"


# -- checks shared by the small and the real exports ---------------------------------------------

def check_files(site: Path, written: list[str]) -> dict:
    """Validate each written file with its own tool; return them parsed."""
    from jsonschema import Draft202012Validator
    from lxml import etree
    from pyld import jsonld

    data = site / "data"
    assert sorted(str(path.relative_to(site)) for path in data.rglob("*") if path.is_file()) == written
    for name in written:
        text = (site / name).read_text(encoding="utf-8")
        assert text.endswith("\n") and "\r" not in text

    schema = json.loads((data / "entities.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == SITE_URL + "data/entities.schema.json"
    assert {key: value for key, value in schema.items() if key != "$id"} == load_schema()
    entities = json.loads((data / "entities.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(entities)
    assert entities["$schema"] == schema["$id"]

    annotations = json.loads((data / "annotations.jsonld").read_text(encoding="utf-8"))
    expanded = jsonld.expand(annotations, {"documentLoader": context_loader})
    assert expanded[0]["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    items = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]["http://www.w3.org/ns/activitystreams#items"]
    assert len(items[0]["@list"]) == annotations["total"] == len(annotations["first"]["items"])
    first = items[0]["@list"][0]
    assert first["@type"] == ["http://www.w3.org/ns/oa#Annotation"]
    assert first["http://www.w3.org/ns/oa#motivatedBy"] == [{"@id": "http://www.w3.org/ns/oa#identifying"}]
    selectors = {selector["@type"][0].rsplit("#", 1)[1]
                 for selector in first["http://www.w3.org/ns/oa#hasTarget"][0]["http://www.w3.org/ns/oa#hasSelector"]}
    assert selectors == {"FragmentSelector", "TextQuoteSelector", "TextPositionSelector"}
    for item in annotations["first"]["items"]:
        assert item["id"].startswith(annotations["id"] + "#")
    assert len({item["id"] for item in annotations["first"]["items"]}) == annotations["total"]

    rng = etree.RelaxNG(etree.parse(str(data / "tei" / RNG_FILE.name)))
    tei = {}
    for path in sorted((data / "tei").glob("*.xml")):
        document = etree.parse(str(path))  # Well-formed, or this raises.
        assert document.getroot().tag == f"{{{TEI_NS}}}TEI"
        assert rng.validate(document), rng.error_log
        ids = set(document.xpath("//@xml:id"))
        for ref in document.xpath("//tei:text//@ref", namespaces=TEI):
            assert ref.startswith("#") and ref[1:] in ids
        tei[path.name] = document
    return {"entities": entities, "annotations": annotations, "tei": tei}


# -- the real edition ---------------------------------------------------------------------------

def built_inputs(site: Path):
    """What the hook will hand over, read from the built site: each article page's content HTML."""
    docs = ROOT / "docs"
    glossary = load_glossary(docs / "glosarium", docs)
    articles, errors = load_articles(docs)
    assert not glossary.errors and not errors
    urls = {e.id: f"{SITE_URL}{e.src_path[:-3]}/" for e in glossary.entities.values()}
    pages = {}
    for article in articles:
        for src_path in article.pages:
            html = (site / src_path[:-3] / "index.html").read_text(encoding="utf-8")
            start = html.index('<article class="md-content__inner')
            pages[src_path] = (f"{SITE_URL}{src_path[:-3]}/", html[start:html.index("</article>", start)])
    first_date = min(article.date for article in articles)
    return glossary, urls, first_date, articles, pages


@pytest.fixture(scope="module")
def real_export(built_site, tmp_path_factory):
    glossary, urls, first_date, articles, pages = built_inputs(built_site)
    out = tmp_path_factory.mktemp("open-data")
    written = write_open_data(out, glossary.entities.values(), urls, first_date, articles, pages, SITE_URL,
                              edition="Edisi Beranotasi: Korea Utara dan Rusia")
    return out, written, glossary, articles, pages


def test_real_exports_validate(real_export):
    out, written, glossary, _articles, _pages = real_export
    files = check_files(out, written)
    assert [record["id"] for record in files["entities"]["entities"]] == sorted(glossary.entities)
    for record in files["entities"]["entities"]:
        assert record["url"].startswith(SITE_URL + "glosarium/")
        assert (record["role"] is None) == (glossary.entities[record["id"]].role is None)


def article_mentions(html: str) -> list[tuple[str, str, str]]:
    """(entity, anchor, words) of each mention in the article's own text, read with BeautifulSoup."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for part in soup.select(".admonition, [hidden], .glossary-controls, .glossary-sources, .glossary-ref"):
        part.decompose()
    return [(m["data-entity"], m["id"], " ".join(m.get_text().split())) for m in soup.select(".glossary-mention")]


def test_every_mention_in_the_article_text_is_an_annotation_found_at_its_position(real_export):
    out, _written, _glossary, articles, pages = real_export
    annotations = json.loads((out / "data" / "annotations.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    by_page: dict[str, list[dict]] = {}
    for item in annotations:
        by_page.setdefault(item["target"]["source"], []).append(item)
    expected_total = 0
    for src_path in articles[0].pages:
        url, html = pages[src_path]
        text = page_text(html).text
        expected = article_mentions(html)
        expected_total += len(expected)
        items = by_page.get(url, [])
        found = []
        for item in items:
            fragment, quote, position = item["target"]["selector"]
            start, end = position["start"], position["end"]
            assert text[start:end] == quote["exact"]
            assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
            assert len(quote["prefix"]) == min(32, start) and len(quote["suffix"]) == min(32, len(text) - end)
            entity_id = item["body"][0]["id"].rstrip("/").rsplit("/", 1)[1]
            found.append((entity_id, fragment["value"], quote["exact"]))
        assert found == expected, src_path
        assert all(ord(char) <= 0xFFFF for char in text)  # UTF-16 offsets would be the same.
    assert expected_total == len(annotations) > 50
    page_2 = [a["body"][0]["id"] for a in by_page[pages["artikel/halaman-2.md"][0]]]
    assert not any("/kcna/" in body for body in page_2)  # On page 2 KCNA is named only in an editor's note.


def test_the_tei_text_is_the_article_text(real_export):
    out, _written, glossary, articles, pages = real_export
    from lxml import etree

    document = etree.parse(str(out / "data" / "tei" / "liputan6-2024-02-01.xml"))
    divs = document.xpath("//tei:body/tei:div", namespaces=TEI)
    assert [div.get("n") for div in divs] == ["1", "2", "3", "4"]
    assert [div.xpath("tei:pb/@n", namespaces=TEI) for div in divs] == [["1"], ["2"], ["3"], ["4"]]
    div_texts = []
    for div, src_path in zip(divs, articles[0].pages):
        blocks = ["".join(block.itertext()) for block in div.xpath("tei:fw | tei:head | tei:p", namespaces=TEI)]
        assert "\n".join(blocks) == page_text(pages[src_path][1]).text
        div_texts.append("\n".join(blocks))
    lines = [line for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()][1:]
    assert_lines_in_page_order(lines, div_texts, pages=4)
    assert "Sukses" not in "".join(div_texts)
    # Names point into the header's lists, by type, with Wikidata where the entry has it.
    for tag, listing in (("persName", "listPerson"), ("orgName", "listOrg"), ("placeName", "listPlace")):
        for ref in document.xpath(f"//tei:body//tei:{tag}/@ref", namespaces=TEI):
            target = document.xpath(f"//tei:{listing}/*[@xml:id='{ref[1:]}']", namespaces=TEI)
            assert len(target) == 1, ref
            entity = glossary.entities[ref[1:].removeprefix("glosarium-")]
            assert target[0].xpath("tei:idno[@type='wikidata']/text()", namespaces=TEI) == \
                ([entity.wikidata] if entity.wikidata else [])
    source = document.find(".//tei:sourceDesc/tei:bibl", TEI)
    assert source.find("tei:publisher", TEI).text == "Liputan6.com"
    assert source.find("tei:date", TEI).get("when") == "2024-02-01"
    assert source.find("tei:relatedItem[@type='via']//tei:publisher", TEI).text == "CNA"
    assert "tidak diketahui" in source.find("tei:note[@type='url']", TEI).text


def test_real_exports_are_reproducible(real_export, tmp_path):
    out, written, glossary, articles, pages = real_export
    urls = {e.id: f"{SITE_URL}{e.src_path[:-3]}/" for e in glossary.entities.values()}
    write_open_data(tmp_path, reversed(list(glossary.entities.values())), urls, "2024-02-01", articles,
                    dict(reversed(list(pages.items()))), SITE_URL, edition="Edisi Beranotasi: Korea Utara dan Rusia")
    for name in written:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_the_downloads_page_is_linked_from_the_footer(built_site):
    page = built_site / "data" / "index.html"
    assert page.is_file()
    html = page.read_text(encoding="utf-8")
    for name in ("entities.json", "entities.schema.json", "annotations.jsonld", "tei/liputan6-2024-02-01.xml"):
        assert f'href="{name}"' in html, name
    assert "CC BY 4.0" in html and "Liputan6.com" in html
    for other in ("index.html", "artikel/halaman-2/index.html", "glosarium/tokoh/vladimir-putin/index.html"):
        footer = (built_site / other).read_text(encoding="utf-8").split('<footer class="md-footer">', 1)[1]
        assert re.search(r'<a href="[./]*data/"[^>]*>Data terbuka</a>', footer), other


def test_the_build_writes_the_open_data(built_site, real_export):
    out, written, _glossary, _articles, _pages = real_export
    for name in written:
        assert (built_site / name).read_bytes() == (out / name).read_bytes(), name
