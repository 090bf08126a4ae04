"""References to sources: `[@id]` in the text becomes a numbered link to the page's "Sumber" list.

`[@id]` cites a source of the edition's bibliography (`bibliography`), from any page. Each page
numbers its sources in the order of first citation (`Numbering`, the one numbering of the edition:
the extension's and the generated sections' citations share it); a page that lists sources (an
entry's `sources`) lists them all, the uncited ones last. Adjacent markers are one group, "[2, 5]"; each Sumber item links back to every place
that cites it (↑ a b), as Wikipedia's do.

The rules an edition keeps, checked here with the page's line:
- every bullet under "Perkembangan setelah artikel" carries a reference;
- every editor's note (an admonition of the edition's note class) carries a reference.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from markdown.util import AtomicString

from . import ids
from .snippets import visible
from .sources import REFERENCE, Source

#: The inline pattern of a citation, `[@id]` (the one syntax, from `sources`).
REFERENCE_PATTERN = REFERENCE.pattern
LATER_DEVELOPMENTS = "Perkembangan setelah artikel"
_PLACEHOLDER_CLASS = "glossary-ref-pending"
MARKER_CLASS = "glossary-ref"
_BACKREF_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def key_of(match) -> str:
    """The source id a `REFERENCE` match cites."""
    return match.group("source")


@dataclass
class Numbering:
    """A page's sources, numbered in the order of first citation, and where each is cited."""

    #: Source id -> number.
    numbers: dict[str, int] = field(default_factory=dict)
    #: (number, source, cited) in number order: the "Sumber" list.
    listed: list[tuple[int, Source, bool]] = field(default_factory=list)
    #: number -> the ids of the markers citing it, in order.
    markers: dict[int, list[str]] = field(default_factory=dict)

    def cite(self, key: str, source: Source) -> tuple[int, str]:
        """(number, marker id) of one more citation of `source`."""
        number = self.numbers.get(key)
        if number is None:
            number = self.numbers[key] = len(self.numbers) + 1
            self.listed.append((number, source, True))
        places = self.markers.setdefault(number, [])
        places.append(f"rujukan-{number}-{len(places) + 1}")
        return number, places[-1]

    def list_uncited(self, key: str, source: Source) -> None:
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            self.listed.append((self.numbers[key], source, False))


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


def marker(citations: list[tuple[int, str]], linked: bool = True) -> etree.Element:
    """One group of citations, "[2, 5]", each number linking to its "Sumber" item (ids for the way back)."""
    element = etree.Element("sup", {"class": MARKER_CLASS})
    element.text = "["
    previous: etree.Element | None = None
    for index, (number, marker_id) in enumerate(sorted(citations)):
        if linked:
            link = etree.SubElement(element, "a", {"href": f"#{ids.source_item(number)}", "id": marker_id})
            link.text = AtomicString(str(number))
            link.tail = ", " if index < len(citations) - 1 else None
            previous = link
        else:  # Inside an editor's link: a link inside a link is no link at all.
            element.text += str(number) + (", " if index < len(citations) - 1 else "")
    if previous is not None:
        previous.tail = "]"
    else:
        element.text += "]"
    return element


def resolve(root: etree.Element, listed: tuple[Source, ...], known: Mapping[str, Source],
            problem: Callable[[str, str], None], note_class: str = "catatan") -> Numbering:
    """Number every reference on the page, in document order; return the page's numbering.

    `listed`: the sources the page lists (an entry's), shown after those it cites; `known`: the
    bibliography. `problem(needle, message)` reports bad input at the line of `needle`. An editor's
    note is an admonition of `note_class`; other admonitions are the author's own and need no source.
    """
    numbering = Numbering()
    in_links = {id(sup) for link in root.iter("a") for sup in link.iter("sup")}
    for parent in [element for element in root.iter() if any(child.tag == "sup" for child in element)]:
        _resolve_children(parent, known, numbering, in_links, problem)
    for source in listed:  # A page lists all its sources, the uncited ones last.
        numbering.list_uncited(source.id, source)
    _check_required(root, problem, note_class)
    return numbering


def _resolve_children(parent, known: Mapping[str, Source], numbering: Numbering, in_links, problem) -> None:
    """Replace the placeholders among `parent`'s children; adjacent ones become one group."""
    children = list(parent)
    rebuilt: list[etree.Element] = []
    group: list[tuple[int, str]] = []
    group_linked = True
    for index, child in enumerate(children):
        if not (child.tag == "sup" and child.get("class") == _PLACEHOLDER_CLASS):
            rebuilt.append(child)
            continue
        key = child.get("data-source", "")
        source = known.get(key)
        if source is None:
            problem(f"[@{key}]", f"reference to an unknown source '[@{key}]'")
            child.attrib.clear()
            child.tag = "span"
            rebuilt.append(child)
            continue
        group.append(numbering.cite(key, source))
        group_linked = group_linked and id(child) not in in_links
        tail = child.tail or ""
        following = children[index + 1] if index + 1 < len(children) else None
        if not tail.strip() and following is not None and following.tag == "sup" \
                and following.get("class") == _PLACEHOLDER_CLASS:
            continue  # The next marker joins this group: "[@a][@b]" reads "[1, 2]".
        element = marker(group, linked=group_linked)
        element.tail = child.tail
        rebuilt.append(element)
        group, group_linked = [], True
    parent[:] = rebuilt


def _has_reference(element: etree.Element) -> bool:
    return any(sup.get("class") in (MARKER_CLASS, _PLACEHOLDER_CLASS) for sup in element.iter("sup"))


def _check_required(root: etree.Element, problem: Callable[[str, str], None], note_class: str) -> None:
    children = list(root)
    for index, child in enumerate(children):
        if child.tag == "h2" and "".join(child.itertext()).strip() == LATER_DEVELOPMENTS:
            for block in children[index + 1:]:
                if block.tag in ("h1", "h2"):
                    break
                for item in block.iter("li") if block.tag in ("ul", "ol") else ():
                    if not _has_reference(item):
                        problem(_first_words(item), f"a bullet under '{LATER_DEVELOPMENTS}' cites no "
                                                    f"source: '{_excerpt(item)}'")
    for element in root.iter("div"):
        classes = (element.get("class") or "").split()
        if "admonition" in classes and note_class in classes and not _has_reference(element):
            problem(_first_words(element), f"an editor's note cites no source: '{_excerpt(element)}'")


def _first_words(element: etree.Element) -> str:
    """The element's first words as written (before any markup), to find its line."""
    for text in element.itertext():
        words = " ".join(visible(text).split()[:4])  # Not a placeholder, e.g. inlinehilite's code.
        if len(words) >= 8:
            return words
    return ""


def _excerpt(element: etree.Element) -> str:
    text = " ".join(visible("".join(element.itertext())).split())
    return text[:60] + ("…" if len(text) > 60 else "")


def sources_section(numbering: Numbering) -> etree.Element | None:
    """"Sumber": outlet (and the outlet it quotes), title (linked, in its language), date, one item
    per source, numbered as cited, each with links back to where it is cited. The one renderer of a
    source list, for every page."""
    if not numbering.listed:
        return None
    section = etree.Element("section", {"class": "glossary-sources", "aria-labelledby": ids.SOURCES})
    heading = etree.SubElement(section, "h2", {"id": ids.SOURCES})
    heading.text = "Sumber"
    items = etree.SubElement(section, "ol")
    for number, source, _cited in numbering.listed:
        item = etree.SubElement(items, "li", {"id": ids.source_item(number), "value": str(number)})
        places = numbering.markers.get(number, [])
        if places:
            back = etree.SubElement(item, "span", {"class": "glossary-backrefs", "data-search-exclude": ""})
            if len(places) == 1:
                link = etree.SubElement(back, "a", {"href": f"#{places[0]}", "aria-label": "Kembali ke rujukan"})
                link.text = "↑"
            else:
                back.text = "↑ "
                for index, place in enumerate(places):
                    letter = _BACKREF_LETTERS[index] if index < len(_BACKREF_LETTERS) else str(index + 1)
                    link = etree.SubElement(back, "a", {"href": f"#{place}",
                                                        "aria-label": f"Kembali ke rujukan {letter}"})
                    link.text = letter
                    link.tail = " "
            back.tail = " "
        publisher = etree.SubElement(item, "span", {"class": "glossary-source__publisher"})
        publisher.text = source.publisher + (f" (mengutip {source.quoting})" if source.quoting else "")
        publisher.tail = ", “"
        link = etree.SubElement(item, "a", {"href": source.url, "rel": "external",
                                            **({"lang": source.lang} if source.lang else {})})
        link.text = source.title
        link.tail = f"”, {source.date_label}."
    return section
