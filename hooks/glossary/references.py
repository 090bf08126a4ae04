"""References to sources: `[@id]` in the text becomes a numbered link to the page's "Sumber" list.

`[@id]` cites a source of the page itself (an entry's `sources`, or an article page's front
matter); `[@entity-id/id]` cites a source of another entry. Numbers follow the order of first
citation; an entry's page lists all its sources, the uncited ones last.

The rules an edition keeps, checked here with the page's line:
- every bullet under "Perkembangan setelah artikel" carries a reference;
- every editor's note (an admonition of the edition's note class) carries a reference.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping

from markdown.util import AtomicString

from . import ids
from .entries import Entity
from .snippets import visible
from .sources import Source

#: `[@id]` or `[@entity-id/id]`; the id alone is group 1.
REFERENCE_PATTERN = r"\[@([a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?)\]"
LATER_DEVELOPMENTS = "Perkembangan setelah artikel"
_PLACEHOLDER_CLASS = "glossary-ref-pending"


def placeholder(key: str) -> etree.Element:
    """What the inline pattern leaves in the tree, resolved once the whole page is known."""
    element = etree.Element("sup", {"class": _PLACEHOLDER_CLASS, "data-source": key})
    element.text = AtomicString(f"[@{key}]")
    return element


def drop_placeholders(root: etree.Element) -> None:
    """Outside a known page, a reference stays the text the editor wrote."""
    for element in root.iter("sup"):
        if element.get("class") == _PLACEHOLDER_CLASS:
            element.attrib.clear()
            element.tag = "span"


def resolve(root: etree.Element, own_sources: tuple[Source, ...], own_entity: Entity | None,
            entities: Mapping[str, Entity], report, line_of: Callable[[str], int | None],
            note_class: str = "catatan") -> list[tuple[int, Source, bool]]:
    """Number every reference on the page; return the "Sumber" list as (number, source, cited).

    Problems (unknown sources, missing references) go to `report.problems`. An editor's note is an
    admonition of `note_class`; other admonitions are the author's own and need no source.
    """
    own = {source.id: source for source in (own_entity.sources if own_entity else own_sources)}
    numbers: dict[tuple[str, str], int] = {}
    listed: list[tuple[int, Source, bool]] = []
    in_links = {id(sup) for link in root.iter("a") for sup in link.iter("sup")}
    for element in list(root.iter("sup")):
        if element.get("class") != _PLACEHOLDER_CLASS:
            continue
        key = element.get("data-source", "")
        owner, _, source_id = key.rpartition("/")
        source = _lookup(owner, source_id, own, entities)
        if source is None:
            report.problems.append((line_of(f"[@{key}]"), f"reference to an unknown source '[@{key}]'"))
            element.attrib.clear()
            element.tag = "span"
            continue
        identity = (owner or (own_entity.id if own_entity else ""), source_id)
        report.cited.append("/".join(identity))
        number = numbers.get(identity)
        if number is None:
            number = numbers[identity] = len(numbers) + 1
            listed.append((number, source, True))
        element.attrib.clear()
        element.set("class", "glossary-ref")
        if id(element) in in_links:  # `[see [@id]](url)`: a link inside a link is no link at all.
            element.text = AtomicString(f"[{number}]")
            continue
        element.text = None
        link = etree.SubElement(element, "a", {"href": f"#{ids.source_item(number)}"})
        link.text = AtomicString(f"[{number}]")
    if own_entity is not None:  # An entry's page lists all its sources, the uncited ones last.
        for source in own_entity.sources:
            if (own_entity.id, source.id) not in numbers:
                numbers[(own_entity.id, source.id)] = len(numbers) + 1
                listed.append((len(numbers), source, False))
    report.source_numbers.update({"/".join(identity): number for identity, number in numbers.items()})
    _check_required(root, report, line_of, note_class)
    return listed


def _lookup(owner: str, source_id: str, own: dict[str, Source],
            entities: Mapping[str, Entity]) -> Source | None:
    if not owner:
        return own.get(source_id)
    entity = entities.get(owner)
    if entity is None:
        return None
    return next((source for source in entity.sources if source.id == source_id), None)


def _has_reference(element: etree.Element) -> bool:
    return any(sup.get("class") in ("glossary-ref", _PLACEHOLDER_CLASS) for sup in element.iter("sup"))


def _check_required(root: etree.Element, report, line_of: Callable[[str], int | None], note_class: str) -> None:
    children = list(root)
    for index, child in enumerate(children):
        if child.tag == "h2" and "".join(child.itertext()).strip() == LATER_DEVELOPMENTS:
            for block in children[index + 1:]:
                if block.tag in ("h1", "h2"):
                    break
                for item in block.iter("li") if block.tag in ("ul", "ol") else ():
                    if not _has_reference(item):
                        report.problems.append((_line(item, line_of), f"a bullet under '{LATER_DEVELOPMENTS}' cites no "
                                                      f"source: '{_excerpt(item)}'"))
    for element in root.iter("div"):
        classes = (element.get("class") or "").split()
        if "admonition" in classes and note_class in classes and not _has_reference(element):
            report.problems.append((_line(element, line_of), f"an editor's note cites no source: '{_excerpt(element)}'"))


def _line(element: etree.Element, line_of: Callable[[str], int | None]) -> int | None:
    """The source line of the element's first words (its text as written, before any markup)."""
    for text in element.itertext():
        words = " ".join(visible(text).split()[:4])  # Not a placeholder, e.g. inlinehilite's code.
        if len(words) >= 8:
            return line_of(words)
    return None


def _excerpt(element: etree.Element) -> str:
    text = " ".join(visible("".join(element.itertext())).split())
    return text[:60] + ("…" if len(text) > 60 else "")


def sources_section(listed: list[tuple[int, Source, bool]]) -> etree.Element | None:
    """"Sumber": outlet, title (linked), date, one item per source, numbered as cited."""
    if not listed:
        return None
    section = etree.Element("section", {"class": "glossary-sources", "aria-labelledby": "sumber"})
    heading = etree.SubElement(section, "h2", {"id": ids.SOURCES})
    heading.text = "Sumber"
    items = etree.SubElement(section, "ol")
    for number, source, _cited in listed:
        item = etree.SubElement(items, "li", {"id": ids.source_item(number), "value": str(number)})
        item.text = f"{source.publisher}, “"
        link = etree.SubElement(item, "a", {"href": source.url, "rel": "external"})
        link.text = source.title
        link.tail = f"”, {source.date_label}."
    return section
