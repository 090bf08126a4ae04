"""What the extension adds to a page about its entities, built as elements.

- the entity header at the top of an entry's own page;
- the highlighting switches ("Sorotan"), one per entity type on the page, rendered with the page
  so that nothing shifts when the script starts;
- the page glossary, "Glosarium halaman ini": hidden on screen, printed at the end of the page;
  the card script reads each card from it, and screen readers hear each mention's summary from it.

Elements, not strings: the serializer escapes every field (front matter is plain text, never
markup), and the links go through the host's link rewriting like any other link.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable

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


def summary_id(entity: Entity) -> str:
    """The id of the entity's summary in the page glossary: each mention's `aria-describedby`."""
    return f"glosarium-ringkasan-{entity.id}"


def small_print(entity: Entity) -> str:
    """The card's last line, e.g. "3 sumber · ditinjau 26 Nov 2026"."""
    parts = [f"{len(entity.sources)} sumber"] if entity.sources else []
    if entity.reviewed:
        parts.append(f"ditinjau {format_iso_date(entity.reviewed, short=True)}")
    return " · ".join(parts)


def entity_header(entity: Entity) -> etree.Element:
    """Summary, type, role, other names, Wikidata link and review date, above the entry's body."""
    header = _element("div", class_="glossary-entry", data_entity=entity.id, data_entity_type=entity.type,
                      style=TYPES_BY_ID[entity.type].style)
    _child(header, "p", entity.summary, class_="glossary-summary")
    facts = _child(header, "dl", class_="glossary-facts")
    rows: list[tuple[str, str | etree.Element]] = [("Jenis", entity.type_label)]
    if entity.role:
        rows.append(("Peran (1 Feb 2024)", entity.role))
    if entity.aliases:
        rows.append(("Juga disebut", ", ".join(entity.aliases)))
    if entity.wikidata_url:
        rows.append(("Wikidata", _element("a", entity.wikidata, href=entity.wikidata_url, rel="external")))
    if entity.reviewed:
        rows.append(("Ditinjau", _element("time", format_iso_date(entity.reviewed), datetime=entity.reviewed)))
    for label, value in rows:
        _child(facts, "dt", label)
        cell = _child(facts, "dd", value if isinstance(value, str) else None)
        if not isinstance(value, str):
            cell.append(value)
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


def page_glossary(entities: Iterable[Entity], href: Callable[[Entity], str]) -> etree.Element:
    """"Glosarium halaman ini": every entity a page mentions, with its summary.

    Kept out of the search index: the entries have their own pages.
    """
    aside = _element("aside", class_="glossary-page", hidden="hidden", aria_labelledby="glosarium-halaman-ini",
                     data_search_exclude="")
    _child(aside, "h2", "Glosarium halaman ini", id="glosarium-halaman-ini")
    items = _child(aside, "dl")
    for entity in entities:
        card = _child(items, "div", class_="glossary-card", data_entity=entity.id, data_entity_type=entity.type,
                      style=TYPES_BY_ID[entity.type].style)
        term = _child(card, "dt")
        _child(term, "a", entity.title, class_="glossary-card__title", href=href(entity)).tail = " "
        _child(term, "span", entity.type_label, class_="glossary-card__type")
        detail = _child(card, "dd")
        if entity.role:
            _child(detail, "span", entity.role, class_="glossary-card__role")
        _child(detail, "span", entity.summary, class_="glossary-card__summary", id=summary_id(entity))
        meta = small_print(entity)
        if meta:
            _child(detail, "span", meta, class_="glossary-card__meta")
    return aside
