"""What the extension adds to a page about its entities, built as elements.

- the entity header at the top of an entry's own page;
- the highlighting switches ("Sorotan"), one per entity type on the page, rendered with the page
  so that nothing shifts when the script starts;
- the page glossary, "Glosarium halaman ini": hidden on screen, printed at the end of the page;
  the card script reads each card from it, and screen readers hear each mention's summary from it.

The header and the switches are elements: the serializer escapes every field (front matter is plain
text, never markup), and links go through the host's link rewriting like any other link. The page
glossary, a few elements per entity on every page, is a string with every field escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from html import escape

from markdown.serializers import to_html_string

from .entries import Entity
from .dates import format_iso_date
from .types import ENTITY_TYPES, TYPES_BY_ID


def _element(tag: str, text: str | None = None, **attributes: str) -> etree.Element:
    element = etree.Element(tag, {key.rstrip("_").replace("_", "-"): value for key, value in attributes.items()})
    element.text = text
    return element


def _child(parent: etree.Element, tag: str, text: str | None = None, **attributes: str) -> etree.Element:
    element = _element(tag, text, **attributes)
    parent.append(element)
    return element


@lru_cache(maxsize=4096)  # Every mention carries the same attributes of its entity.
def mention_attributes(entity: Entity, inline_style: bool = True) -> Mapping[str, str]:
    """The attributes that make a link an annotated mention of `entity` (its href and id aside).

    Read-only: the cache hands the same mapping to every mention. No `title`: screen readers hear
    the summary through `aria-describedby`, and the link itself leads readers without a script to
    the entry. `inline_style` False: the host serves the type colours as CSS (`types.css_rules`).
    """
    attributes = {"class": "glossary-mention", "data-entity": entity.id, "data-entity-type": entity.type,
                  "aria-describedby": summary_id(entity)}
    if inline_style:
        attributes["style"] = TYPES_BY_ID[entity.type].style
    return MappingProxyType(attributes)


def to_html(element: etree.Element) -> str:
    """An element as HTML, serialized as Python-Markdown serializes a page (every field escaped)."""
    return to_html_string(element)


def summary_id(entity: Entity) -> str:
    """The id of the entity's summary in the page glossary: each mention's `aria-describedby`."""
    return f"glosarium-ringkasan-{entity.id}"


def small_print(entity: Entity) -> str:
    """The card's last line, e.g. "3 sumber · ditinjau 26 Nov 2026"."""
    parts = [f"{len(entity.sources)} sumber"] if entity.sources else []
    if entity.reviewed:
        parts.append(f"ditinjau {format_iso_date(entity.reviewed, short=True)}")
    return " · ".join(parts)


def entity_header(entity: Entity, role_date: str = "") -> etree.Element:
    """Summary, type, role, other names, Wikidata link and review date, above the entry's body."""
    header = _element("div", class_="glossary-entry", data_entity=entity.id, data_entity_type=entity.type,
                      style=TYPES_BY_ID[entity.type].style)
    _child(header, "p", entity.summary, class_="glossary-summary")
    facts = _child(header, "dl", class_="glossary-facts")
    rows: list[tuple[str, str | etree.Element]] = [("Jenis", entity.type_label)]
    if entity.role:
        # The role as of the (first) article's date, which the host gives; there is no other copy of it.
        when = f"Peran ({format_iso_date(role_date, short=True)})" if role_date else "Peran saat artikel terbit"
        rows.append((when, entity.role))
    if entity.aliases:
        rows.append(("Juga disebut", ", ".join(entity.aliases)))
    if entity.wikidata_url:
        rows.append(("Wikidata", _element("a", entity.wikidata, href=entity.wikidata_url, rel="external")))
    if entity.reviewed:
        rows.append(("Ditinjau", _element("time", format_iso_date(entity.reviewed), datetime=entity.reviewed)))
    for label, value in rows:
        # A space after each term and each value: the grid does not show it, but text extraction
        # (Material's search index, a reader's copy) reads "Jenis Tokoh Peran …", not "JenisTokohPeran".
        term = _child(facts, "dt", label)
        term.tail = " "
        cell = _child(facts, "dd", value if isinstance(value, str) else None)
        if not isinstance(value, str):
            cell.append(value)
        cell.tail = " "
    return header


def switches(mentioned: Iterable[Entity]) -> etree.Element:
    """"Sorotan": a switch per entity type on the page. Inert until the card script binds them."""
    present = {entity.type for entity in mentioned}
    bar = _element("div", class_="glossary-controls", role="group",
                   aria_labelledby="glossary-controls-label", data_search_exclude="")
    label = _child(bar, "span", "Sorotan:", class_="glossary-controls__label", id="glossary-controls-label")
    label.tail = " "
    for entity_type in ENTITY_TYPES:
        if entity_type.id not in present:
            continue
        option = _child(bar, "label", class_="glossary-controls__option", style=entity_type.style)
        box = _child(option, "input", type="checkbox", checked="checked", data_entity_type=entity_type.id)
        box.tail = " "
        _child(option, "span", entity_type.label, class_="glossary-controls__sample")
        option.tail = " "
    return bar


def page_glossary(entities: Iterable[Entity], role_date: str = "") -> str:
    """"Glosarium halaman ini": every entity a page mentions, with its summary, as HTML.

    A string, not elements: appended after serialization (`markup.PageGlossary`), it costs no tree
    walk (toc, link rewriting) on every page. So it holds no link: the card script takes the
    entry's address from the mention, which links to it. Kept out of the search index: the
    entries have their own pages. Every field is escaped: front matter is plain text.
    `role_date` (YYYY-MM-DD, the extension's option) dates each role: "… · per 1 Feb 2024".
    """
    cards = "".join(_page_glossary_card(entity, role_date) for entity in entities)
    return ('<aside aria-labelledby="glosarium-halaman-ini" class="glossary-page" data-search-exclude="" '
            'hidden="hidden"><h2 id="glosarium-halaman-ini">Glosarium halaman ini</h2>'
            f"<dl>{cards}</dl></aside>")


#: Words too common to say whether a role and a summary say the same thing.
_FUNCTION_WORDS = frozenset("dan dari di ke yang untuk pada dengan atau sejak serta the of".split())


def _content_words(text: str) -> list[str]:
    words = re.findall(r"\w+", text.casefold())
    return [word for word in words if word not in _FUNCTION_WORDS and not word.isdigit()]


def role_repeats_summary(role: str, summary: str) -> bool:
    """Whether the summary already says the role: more than 3 in 4 of the role's words (function
    words and numbers aside, case folded) are in the summary. Then a card shows the summary only.

    "Presiden Rusia" / "Presiden Rusia sejak 2012; …" repeats; "Juru bicara Kementerian Luar
    Negeri Rusia (Direktur Departemen Informasi dan Pers)" / "… juru bicara Kementerian Luar
    Negeri Rusia." does not: the role adds a second office. Nor does "Profesor madya hubungan
    internasional, Universitas Federal Timur Jauh" / "Pakar hubungan internasional dari
    Universitas Federal Timur Jauh …": the role adds a quarter (the rank).
    """
    role_words = _content_words(role)
    if not role_words:
        return True
    in_summary = set(_content_words(summary))
    return sum(word in in_summary for word in role_words) * 4 > len(role_words) * 3


@lru_cache(maxsize=4096)  # A card is the same on every page: escaped once per entity, not once per page.
def _page_glossary_card(entity: Entity, role_date: str = "") -> str:
    role = ""
    if entity.role and not role_repeats_summary(entity.role, entity.summary):
        # The date in its own span, so that a card (or print) can set it apart from the role.
        when = (f'<span class="glossary-card__when"> · per {escape(format_iso_date(role_date, short=True))}</span>'
                if role_date else "")
        role = f'<span class="glossary-card__role">{escape(entity.role)}{when}</span>'
    meta = small_print(entity)
    meta = f'<span class="glossary-card__meta">{escape(meta)}</span>' if meta else ""
    return (f'<div class="glossary-card" data-entity="{escape(entity.id)}" '
            f'data-entity-type="{escape(entity.type)}" style="{escape(TYPES_BY_ID[entity.type].style)}">'
            f'<dt><span class="glossary-card__title">{escape(entity.title)}</span> '
            f'<span class="glossary-card__type">{escape(entity.type_label)}</span></dt>'
            f'<dd>{role}<span class="glossary-card__summary" id="{escape(summary_id(entity))}">'
            f"{escape(entity.summary)}</span>{meta}</dd></div>")
