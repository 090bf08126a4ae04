"""`data/tei/<article>.xml`: each article as TEI P5, its text verbatim, its mentions tagged.

* `teiHeader`: the edition's title and licence (`publicationStmt`), the original article in
  `sourceDesc` (title, publisher, date, the outlet it quotes as a `relatedItem`; its URL is not known
  to the edition, and the header says so), and in `profileDesc` the entities the text names:
  `listPerson` and `listOrg` (in `particDesc`) and `listPlace` (in `settingDesc`), each entry with its
  names, its page in the edition (`idno type="URI"`) and its Wikidata id (`idno type="wikidata"`).
* `text`: one `div type="page"` per page of the article, opened by `<pb n="N"/>`. The page marker
  "2 dari 4 halaman" is `<fw type="pageNum">`, headings are `head`, every other block is `p`
  (the standfirst with `rend="standfirst"`). A mention is `persName`, `orgName` or `placeName` with
  `@ref` to its entry in the header and `@corresp` to the mention's anchor on the page.
* The text is the page text of `page_text` (the article's own text: no editor's notes, no glossary
  chrome), block for block, so the TEI text and the annotations' text are one text.

`tei-subset.rng` beside this file is the RELAX NG schema of exactly this subset of TEI.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .entities import LICENCE
from .page_text import Block, PageText

if TYPE_CHECKING:  # Not imported at run time: entries.py imports this package's `schema`.
    from ..articles import Article
    from ..entries import Entity

__all__ = ["RNG_FILE", "TEI_NS", "tei_document", "tei_name"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
RNG_FILE = Path(__file__).with_name("tei-subset.rng")
#: An entity type's TEI name element, list, list's parent in `profileDesc`, and item element.
NAME_ELEMENTS = {"person": "persName", "institution": "orgName", "place": "placeName"}
_LISTS = (("particDesc", "listPerson", "person", "person"),
          ("particDesc", "listOrg", "org", "institution"),
          ("settingDesc", "listPlace", "place", "place"))
#: Elements that hold only elements: indented. Text-bearing elements keep their text exactly.
_STRUCTURAL = {"TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability", "sourceDesc",
               "bibl", "relatedItem", "encodingDesc", "profileDesc", "langUsage", "particDesc", "settingDesc",
               "listPerson", "listOrg", "listPlace", "person", "org", "place", "text", "body", "div"}


def tei_name(article: Article) -> str:
    """The TEI file's name: the article's source file's (`liputan6-2024-02-01.xml`), else its folder's."""
    if article.source:
        stem = article.source.replace("\\", "/").rsplit("/", 1)[-1]
        return (stem.rsplit(".", 1)[0] if "." in stem else stem) + ".xml"
    return article.folder.replace("/", "-") + ".xml"


def xml_id(entity_id: str) -> str:
    """An entity's `xml:id` (an XML name may not start with a digit, an entity id may)."""
    return f"glosarium-{entity_id}"


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    attrib = {(f"{{{XML_NS}}}{key[4:]}" if key.startswith("xml_") else key): value
              for key, value in attributes.items() if value is not None}
    # Plain tag names, with the TEI namespace declared as the default on the root (ElementTree
    # would otherwise write prefixes).
    element = ET.Element(tag, attrib) if parent is None else ET.SubElement(parent, tag, attrib)
    element.text = text
    return element


def tei_document(article: Article, texts: list[tuple[str, str, PageText]], entities: Mapping[str, Entity],
                 entity_urls: Mapping[str, str], *, edition: str, site_url: str, tei_url: str,
                 schema_href: str = "tei-subset.rng") -> str:
    """The TEI file of `article` (`texts`: its pages in order, as `(src_path, url, page text)`)."""
    mentioned = sorted({mention.entity for _path, _url, text in texts for mention in text.mentions})
    for entity_id in mentioned:
        if entity_id not in entities or entity_id not in entity_urls:
            raise ValueError(f"'{article.title}' mentions '{entity_id}', which is no entry")

    root = _el(None, "TEI", xmlns=TEI_NS, xml_lang="id")
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", article.title, type="main")
    _el(title_stmt, "title", edition or "Edisi beranotasi", type="sub")

    publication = _el(file_desc, "publicationStmt")
    _el(publication, "publisher", edition or site_url)
    _el(publication, "idno", tei_url, type="URI")
    availability = _el(publication, "availability")
    _el(availability, "licence", "Glosarium, anotasi, dan penandaan TEI: CC BY 4.0.", target=LICENCE)
    _el(availability, "p", f"Teks artikel adalah hak cipta {article.publisher}; dimuat utuh untuk dianotasi, "
                           "bukan di bawah lisensi CC BY 4.0.")

    source_desc = _el(file_desc, "sourceDesc")
    bibl = _el(source_desc, "bibl")
    _el(bibl, "title", article.title, level="a")
    _el(bibl, "publisher", article.publisher)
    _el(bibl, "date", article.date_text, when=article.date)
    if article.via:
        related = _el(bibl, "relatedItem", type="via")
        via = _el(related, "bibl")
        _el(via, "publisher", article.via)
    _el(bibl, "note", "Alamat (URL) artikel asli tidak diketahui edisi ini.", type="url")

    encoding = _el(header, "encodingDesc")
    _el(encoding, "p", "Teks artikel disalin kata demi kata, per halaman aslinya (pb). Catatan editor, "
                       "rujukan, dan glosarium halaman tidak termasuk. Spasi: setiap deretan spasi HTML "
                       "menjadi satu spasi; spasi tak-putus (U+00A0) dipertahankan.")

    profile = _el(header, "profileDesc")
    languages = _el(profile, "langUsage")
    _el(languages, "language", "Bahasa Indonesia", ident="id")
    parents: dict[str, ET.Element] = {}
    for parent_tag, list_tag, item_tag, entity_type in _LISTS:
        members = [entities[entity_id] for entity_id in mentioned if entities[entity_id].type == entity_type]
        if not members:
            continue
        if parent_tag not in parents:
            parents[parent_tag] = _el(profile, parent_tag)
        listing = _el(parents[parent_tag], list_tag)
        for entity in members:
            item = _el(listing, item_tag, xml_id=xml_id(entity.id))
            name_tag = NAME_ELEMENTS[entity.type]
            _el(item, name_tag, entity.title, type="main")
            for alias in entity.aliases:
                _el(item, name_tag, alias, type="alias")
            _el(item, "idno", entity_urls[entity.id], type="URI")
            if entity.wikidata:
                _el(item, "idno", entity.wikidata, type="wikidata")

    text_element = _el(root, "text")
    body = _el(text_element, "body")
    for number, (_src_path, url, text) in enumerate(texts, start=1):
        div = _el(body, "div", type="page", n=str(number))
        _el(div, "pb", n=str(number))
        for index, block in enumerate(text.blocks):
            _block(div, block, [m for m in text.mentions if m.block == index], entities, url)

    _indent(root)
    xml = ET.tostring(root, encoding="unicode")
    model = (f'<?xml-model href="{schema_href}" type="application/xml" '
             'schematypens="http://relaxng.org/ns/structure/1.0"?>\n')
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + model + xml + "\n"


def _block(div: ET.Element, block: Block, mentions: list[Any], entities: Mapping[str, Entity], url: str) -> None:
    if block.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        element = _el(div, "head")
    elif "page-marker" in block.classes:
        element = _el(div, "fw", type="pageNum")
    else:
        element = _el(div, "p", rend="standfirst" if "standfirst" in block.classes else None)
    position = 0  # In the block's text.
    last: ET.Element | None = None
    for mention in mentions:
        start, end = mention.start - block.offset, mention.end - block.offset
        _append_text(element, last, block.text[position:start])
        entity = entities[mention.entity]
        last = _el(element, NAME_ELEMENTS[entity.type], block.text[start:end], ref=f"#{xml_id(entity.id)}",
                   corresp=f"{url}#{mention.anchor}" if mention.anchor else None)
        position = end
    _append_text(element, last, block.text[position:])


def _append_text(element: ET.Element, last: ET.Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent the elements that hold only elements; never touch the text of a block or a name."""
    if element.tag not in _STRUCTURAL or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level
