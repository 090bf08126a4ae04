"""The tree processor that turns entity names into annotated mentions.

It walks the element tree once, in document order, with asides (editor's notes) after the main
text, so that in `first` mode an entity's link and card go to its first mention in the article
itself. Around the annotations it adds what a page of the edition needs: the entity's header on
its own page, the highlighting switches, the sources cited, and the page glossary the cards read.
It knows nothing of MkDocs: the extension (`extension.py`) tells it which page it converts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from . import cards, forms, ids, references, snippets
from .entries import Entity
from .errors import Problem
from .quotes import Quote, collect_quotes
from .sources import Source

if TYPE_CHECKING:
    from .catalog import Glossary


class Host(Protocol):
    """What the tree processor needs of the extension that registered it (no import: no cycle)."""

    glossary: Glossary

    def context_for(self, md: Markdown, announced: PageContext | None) -> PageContext | None: ...

    def getConfig(self, key: str) -> Any: ...  # noqa: N802 (Python-Markdown's name)

#: Class an editor puts on a block (attr_list) or span to keep it unannotated.
SKIP_CLASS = "no-gloss"
MENTION_CLASS = "glossary-mention"
#: What the glossary itself adds (header, switches, sources, page glossary): never annotated again.
_OWN_CLASSES = frozenset({SKIP_CLASS, MENTION_CLASS, "glossary-entry", "glossary-controls", "glossary-sources",
                          "glossary-page",
                          # Other extensions' markup whose text is not prose: pymdownx.arithmatex's math.
                          "arithmatex"})
#: Elements whose text is never annotated (also when an editor writes them as raw inline HTML).
SKIP_TAGS = frozenset(
    {"a", "autoref", "abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math",
     "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "title", "summary", "select", "option"}
)
#: Asides (editor's notes, admonitions): walked after the main text.
ASIDE_CLASSES = frozenset({"admonition"})
ASIDE_TAGS = frozenset({"aside", "details"})
MODES = ("first", "all")
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
_RAW_TAG = re.compile(r"\s*<\s*(/?)\s*([A-Za-z][\w:-]*)[^>]*?(/?)\s*>\s*\Z", re.DOTALL)


@dataclass(frozen=True, slots=True)  # Slots: one is kept per mention in the edition.
class Mention:
    entity_id: str
    anchor: str
    #: The mention in context: text before, the mention, text after.
    before: str
    text: str
    after: str
    #: True where the mention is a link with a card, False for a repeated, anchored-only one.
    annotated: bool
    #: True inside an editor's note (an admonition of the note class), not the page's own text.
    in_note: bool = False


@dataclass
class PageReport:
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: The page's sources as numbered and cited, by source id.
    numbering: references.Numbering = field(default_factory=references.Numbering)
    #: Bad input on the page, at its file line.
    problems: list[Problem] = field(default_factory=list)
    #: Set apart for the host to place (`GlossaryExtension(apart=True)`): the switches, the page
    #: glossary, and on an entry's page the "Sumber" list, which the generated sections extend.
    switches: str = ""
    page_glossary: str = ""
    #: Correction labels not placed because no element has their anchor: (anchor, label text).
    unplaced_labels: list[tuple[str, str]] = field(default_factory=list)
    #: Lines of front matter above the Markdown the extension saw (added to reported lines).
    line_offset: int = 0
    #: (line in the page's Markdown or None, text) for each name held back by the longer-name rule
    #: (`longer_names`): "Partai Komunis Tiongkok" is no mention of "Partai Komunis". For an editor to
    #: decide (the entity's `not_in` and `is_in`); never a problem.
    held_back: list[tuple[int | None, str]] = field(default_factory=list)

    @property
    def cited(self) -> list[str]:
        """The sources cited on the page, as numbering keys."""
        return [key for key, number in self.numbering.numbers.items() if number in self.numbering.markers]


@dataclass
class PageContext:
    """The document being converted, as the tree processor needs it."""

    #: Path under the docs folder, e.g. "artikel/halaman-1.md".
    src_path: str
    #: The entity whose own page this is (never annotated there), if any.
    own_entity: Entity | None = None
    #: The sources a page lists in its front matter (`sources`: ids), shown even if not cited.
    sources: tuple[Source, ...] = ()
    #: Dated labels of the corrections that apply here: (anchor or "" for the page, text, href).
    labels: tuple[tuple[str, str, str], ...] = ()
    report: PageReport = field(default_factory=PageReport)


class SkipSpan(InlineProcessor):
    """`[teks]{.no-gloss}` (a Pandoc bracketed span) becomes `<span class="no-gloss">`."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(r"\[([^\]\n]+)\]\{\s*\.no-gloss\s*\}", md)

    def handleMatch(self, m: re.Match[str], data: str):  # type: ignore[override]
        span = etree.Element("span", {"class": SKIP_CLASS})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class ReferencePattern(InlineProcessor):
    """`[@id]`: a reference to a source of the bibliography, numbered by the tree processor."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(references.REFERENCE_PATTERN, md)

    def handleMatch(self, m: re.Match[str], data: str):  # type: ignore[override]
        return references.placeholder(references.key_of(m)), m.start(0), m.end(0)


class ConversionStart(Preprocessor):
    """The first step of every conversion: which page it is, and its Markdown lines as written.

    The page is bound here, at the start, not when the tree processor runs: a conversion nested in
    the page's block phase (mkdocstrings converts each docstring, with the page's own Markdown
    instance or one made from the same extensions) starts after the page's and ends before it. A
    stack keeps each conversion's page: a nested one finds no announced page and is left alone.
    """

    def __init__(self, md: Markdown, tree: GlossaryTreeprocessor) -> None:
        super().__init__(md)
        self.tree = tree

    def run(self, lines: list[str]) -> list[str]:
        self.tree.conversions.append((self.tree.ext.context_for(self.md, self.tree.announced), list(lines)))
        return lines


class PageGlossary(Postprocessor):
    """Appends the page glossary that the tree processor rendered for this conversion.

    After serialization, so no tree walk (toc, the host's link rewriting) goes through it; last
    (lowest priority), so no other postprocessor reads its text as a placeholder.
    """

    def __init__(self, md: Markdown, tree: GlossaryTreeprocessor) -> None:
        super().__init__(md)
        self.tree = tree

    def run(self, text: str) -> str:
        if not self.tree.tree_done:  # A heading's inner HTML, which toc renders during the tree phase.
            return text
        aside, self.tree.page_glossary = self.tree.page_glossary, ""
        if aside and self.tree.apart:  # The host places it (after its search has read the page).
            self.tree.page.report.page_glossary = aside
            return text
        return f"{text}\n{aside}" if aside else text


class TreeDone(Treeprocessor):
    """Runs after every other tree processor: from here on, postprocessors see the whole document.

    Before that, toc and MkDocs run each heading's inner HTML through all postprocessors
    (`render_inner_html`, `get_heading_text`): `PageGlossary` must not append to a heading.
    The switches go before the title only now: MkDocs takes a page's title from its first
    element when that is an `<h1>` (`_ExtractTitleTreeprocessor`), and Material's blog from that.
    """

    def __init__(self, md: Markdown, tree: GlossaryTreeprocessor) -> None:
        super().__init__(md)
        self.tree = tree

    def run(self, root: etree.Element) -> None:
        self.tree.tree_done = True
        if self.tree.switches is not None:
            if self.tree.apart:  # The host places them (after its search has read the page).
                self.tree.page.report.switches = cards.to_html(self.tree.switches)
            else:
                _insert_before_title(root, self.tree.switches)
            self.tree.switches = None
        if self.tree.page is not None:
            _keep_caption_space(root)
            self.tree.check_ids(root)
            self.tree.place_labels(root)  # After toc: headings have their ids now.


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: Host, announced: PageContext | None) -> None:
        super().__init__(md)
        self.ext = ext
        self.announced = announced
        self.source_lines: list[str] = []
        #: (page or None, Markdown lines) of each conversion begun and not yet at its tree phase.
        self.conversions: list[tuple[PageContext | None, list[str]]] = []
        self.page: PageContext | None = None
        self.apart = False
        #: Per document: the next line to search from for each needle (`_line_of`).
        self._seen_lines: dict[str, int] = {}
        #: "Glosarium halaman ini" as HTML, for `PageGlossary` to append to this conversion's output.
        self.page_glossary = ""
        #: Set by `TreeDone` once every tree processor has run.
        self.tree_done = False
        #: The highlighting switches, for `TreeDone` to put before the title.
        self.switches: etree.Element | None = None

    def run(self, root: etree.Element) -> None:
        self.page_glossary, self.tree_done, self.switches = "", False, None
        self._seen_lines = {}
        if self.conversions:
            page, self.source_lines = self.conversions.pop()
        else:  # A host that skipped the preprocessors (it runs the tree processors itself).
            page, self.source_lines = self.ext.context_for(self.md, self.announced), []
        self.page = page
        if page is None:
            references.drop_placeholders(root)  # Not a page we know: leave the text as written.
            return
        self.glossary = self.ext.glossary
        #: Set apart for the host: switches, page glossary, an entry's "Sumber" list (see PageReport).
        self.apart = bool(self.ext.getConfig("apart"))
        self.mode = self.ext.getConfig("mode")
        self.counts: dict[str, int] = {}
        self.placed: list[etree.Element] = []
        self.asides: list[etree.Element] | None = []
        self.in_note = False
        self.note_class = self.ext.getConfig("note_class")
        self.in_notes: set[int] = set()  # The placed mentions inside an editor's note.
        self.unanchored: list[Mention] = []  # Mentions past ids.MAX_ANCHORED_PER_PAGE of an entity.
        self.raw_open: list[str] = []  # Skip tags an editor opened in raw inline HTML.
        report = page.report

        listed = page.own_entity.sources if page.own_entity is not None else page.sources
        report.numbering = references.resolve(root, listed, self.glossary.bibliography.sources,
                                              problem=self._problem, note_class=self.note_class)
        if "abbr" in self.md.treeprocessors:  # An <abbr> never cuts a longer name (forms.py).
            forms.release_abbrs(root, lambda text: self.glossary.matcher.scan(text)[0], self._may_annotate)
        self._walk(root)
        asides, self.asides = self.asides, None  # From here on, asides are walked where they are.
        for aside in asides:
            self.in_note = self.note_class in (aside.get("class") or "").split()
            self._walk(aside)
        self.in_note = False
        self._collect(root)
        report.mentions.extend(self.unanchored)
        taken = {element.get("id") for element in root.iter() if element.get("id")}
        quotes, unknown = collect_quotes(root, known=lambda speaker: speaker in self.glossary.entities,
                                         taken=taken)
        report.quotes.extend(quotes)
        for speaker in unknown:
            self._problem(f'"{speaker}"', f"quote by unknown speaker '{speaker}'")

        mentioned = [self.glossary.entities[i] for i in dict.fromkeys(m.entity_id for m in report.mentions)]
        if page.own_entity is not None:
            header = cards.entity_header(page.own_entity, self.ext.getConfig("role_date"))
            if self.apart:  # How often and where it is mentioned: known once every page is read.
                header.append(self._placeholder(ids.MENTION_SUMMARY))
            _insert_after_title(root, header)
        if any(m.annotated for m in report.mentions) and self.ext.getConfig("switches"):
            self.switches = cards.switches(mentioned)  # Placed by TreeDone, after MkDocs reads the title.
        if self.apart and page.own_entity is not None:
            # The generated sections cite sources too, and continue this numbering: the host renders
            # the list once they are known (references.sources_section), here.
            root.append(self._placeholder(ids.ENTRY_SECTIONS_SLOT))  # "Disebut di" … after the body.
            root.append(self._placeholder(ids.ENTRY_SOURCES))
        else:
            sources_list = references.sources_section(report.numbering)
            if sources_list is not None:
                root.append(sources_list)
        if mentioned:
            self.page_glossary = cards.page_glossary(mentioned, self.ext.getConfig("role_date"))

    # Walking -----------------------------------------------------------------------------

    def _walk(self, element: etree.Element) -> None:
        children = list(element)  # Taken first: mentions inserted below are not walked again.
        rebuilt: list[etree.Element] = []
        if element.text and self._may_annotate(element):
            element.text, rebuilt = self._split(element.text)
        changed = bool(rebuilt)
        for child in children:
            rebuilt.append(child)
            if child.tag == "a":
                self._explicit_link(child)
            elif self._may_annotate(child):
                if self.asides is not None and _is_aside(child):
                    self.asides.append(child)
                else:
                    self._walk(child)
            if child.tail and self._may_annotate(element):
                child.tail, nodes = self._split(child.tail)
                if nodes:
                    rebuilt.extend(nodes)
                    changed = True
        if changed:  # One slice assignment per element: linear in the number of mentions.
            element[:] = rebuilt

    def _may_annotate(self, element: etree.Element) -> bool:
        if not isinstance(element.tag, str) or element.tag.lower() in SKIP_TAGS:
            return False
        return _OWN_CLASSES.isdisjoint((element.get("class") or "").split())

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first mention, and one element per mention, each with its tail.

        Raw inline HTML is stashed as placeholders in the text; a name between an editor's raw
        `<a>` (or `<code>`, `<script>` …) and its closing tag is left alone.
        """
        if "\x02" not in text:  # The usual case: no raw HTML here.
            return (text, []) if self.raw_open else self._split_plain(text)
        # `&nbsp;` and the like, stashed: their characters instead, so names match across them.
        text = forms.decode_references(text, self.md.htmlStash.rawHtmlBlocks)
        if "\x02" not in text:
            return (text, []) if self.raw_open else self._split_plain(text)
        pieces: list[str | etree.Element] = []
        position = 0
        for stashed in _STASHED.finditer(text):
            self._scan(text[position:stashed.start()], pieces)
            pieces.append(stashed.group(0))
            self._track_raw(int(stashed.group(1)))
            position = stashed.end()
        self._scan(text[position:], pieces)
        leading = ""
        mentions: list[etree.Element] = []
        for piece in pieces:
            if isinstance(piece, str):
                if mentions:
                    mentions[-1].tail = (mentions[-1].tail or "") + piece
                else:
                    leading += piece
            else:
                mentions.append(piece)
        return (leading, mentions) if mentions else (text, [])

    def _scan(self, segment: str, pieces: list[str | etree.Element]) -> None:
        """Append `segment` to `pieces`, its mentions as elements (none inside a raw skip tag)."""
        if self.raw_open or not segment:
            pieces.append(segment)
            return
        leading, mentions = self._split_plain(segment)
        pieces.append(leading)
        for mention in mentions:
            tail, mention.tail = mention.tail, None
            pieces += [mention, tail or ""]

    def _split_plain(self, text: str) -> tuple[str, list[etree.Element]]:
        """Mentions in `text`: (the text before the first, the mention elements with their tails)."""
        mentions: list[etree.Element] = []
        leading = text
        last = 0
        own = self.page.own_entity.id if self.page.own_entity else None
        found, held = self.glossary.matcher.scan(text)
        for candidate in held:
            if candidate.entity_id != own:
                self._hold_back(text, candidate)
        for match in found:
            if match.entity_id == own:
                continue
            if self.mode == "first" and self.counts.get(match.entity_id, 0) >= ids.MAX_ANCHORED_PER_PAGE:
                # Counted, not marked up: a page that names an entity thousands of times would
                # otherwise carry (and its search index parse) thousands of elements for nothing.
                self.counts[match.entity_id] += 1
                self.unanchored.append(Mention(match.entity_id, "", "", " ".join(text[match.start:match.end].split()),
                                               "", False, self.in_note))
                continue
            element = self._mention(self.glossary.entities[match.entity_id], text[match.start:match.end])
            if mentions:
                mentions[-1].tail = text[last:match.start]
            else:
                leading = text[:match.start]
            mentions.append(element)
            last = match.end
        if mentions:
            mentions[-1].tail = text[last:] or None
        return leading, mentions

    def _hold_back(self, text: str, candidate) -> None:
        """Report a name held back by the longer-name rule, at its line."""
        phrase = " ".join(text[candidate.start:candidate.word_end].split())
        name = " ".join(text[candidate.start:candidate.end].split())
        line = self._line_of(phrase) or self._line_of(text[candidate.start:candidate.end].splitlines()[0])
        self.page.report.held_back.append(
            (line, f"'{phrase}': '{name}' not taken as {candidate.entity_id} (a capitalised word follows; "
                   f"the entity's not_in or is_in decides)"))

    def _track_raw(self, index: int) -> None:
        """Follow the editor's raw inline tags: which skip tags are open at this point."""
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = blocks[index] if index < len(blocks) else ""
        match = _RAW_TAG.match(str(raw))
        if not match:
            return
        closing, tag, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if tag not in SKIP_TAGS or self_closing:
            return
        if not closing:
            self.raw_open.append(tag)
        elif tag in self.raw_open:
            del self.raw_open[len(self.raw_open) - 1 - self.raw_open[::-1].index(tag):]

    def _mention(self, entity: Entity, text: str) -> etree.Element:
        number = self.counts.get(entity.id, 0) + 1
        self.counts[entity.id] = number
        anchor = ids.mention_anchor(entity.id, number)
        if number == 1 or self.mode == "all":
            element = etree.Element("a", {**cards.mention_attributes(entity, not self.apart),
                                          "href": self._href(entity), "id": anchor})
        else:  # Counted and anchored for backlinks, but not highlighted again.
            element = etree.Element("span", {"class": f"{MENTION_CLASS} {MENTION_CLASS}--repeat",
                                             "id": anchor, "data-entity": entity.id})
        element.text = AtomicString(text)
        self.placed.append(element)
        if self.in_note:
            self.in_notes.add(id(element))
        return element

    def _explicit_link(self, link: etree.Element) -> None:
        """An editor's Markdown link to an entity file is an annotated mention."""
        href = link.get("href", "")
        entity, inside = self._entity_at(href)
        if entity is None:
            if inside:
                self._problem(href, f"link to unknown glossary entry '{href}'")
            return
        if MENTION_CLASS in (link.get("class") or "").split():
            return  # Already annotated (the tree was processed before).
        if self.page.own_entity is not None and entity.id == self.page.own_entity.id:
            return  # A link to the page itself is no mention of it.
        number = self.counts.get(entity.id, 0) + 1
        self.counts[entity.id] = number
        _decorate(link, entity, ids.mention_anchor(entity.id, number), inline_style=not self.apart)
        self.placed.append(link)
        if self.in_note:
            self.in_notes.add(id(link))

    def _entity_at(self, href: str) -> tuple[Entity | None, bool]:
        """(entity, points_into_glossary) for a link target written by an editor."""
        path = href.split("#", 1)[0].split("?", 1)[0]
        if not path or "://" in path or path.startswith(("/", "mailto:")) or not path.endswith(".md"):
            return None, False
        target = _normpath(_join(_dirname(self.page.src_path), path))
        folder = self.glossary.folder
        if target == self.glossary.register_path:
            return None, False  # The register is an ordinary page.
        return self.glossary.entity_at(target), target.startswith(folder + "/")

    def _href(self, entity: Entity) -> str:
        return _relpath(entity.src_path, _dirname(self.page.src_path))

    def _line_of(self, needle: str, peek: bool = False) -> int | None:
        """The line of the next occurrence of `needle` not reported yet (repeats: later lines)."""
        seen = self._seen_lines
        start = seen.get(needle, 0)
        for number, line in enumerate(self.source_lines[start:], start=start + 1):
            if needle in line:
                if not peek:
                    seen[needle] = number
                return number
        return None

    def check_ids(self, root: etree.Element) -> None:
        """An id the page uses for its own elements that the glossary uses too is a problem at its line.

        Run after every tree processor (toc has given headings their ids). The glossary's own
        elements carry the ids it numbers; an entry's page also gets the sections filled in later.
        """
        found: dict[str, list[etree.Element]] = {}
        for element in root.iter():
            element_id = element.get("id")
            if element_id:
                found.setdefault(element_id, []).append(element)
        reserved = set(ids.ENTRY_SECTIONS) if self.page.own_entity is not None else set()
        for element_id, elements in found.items():
            if element_id in reserved or (len(elements) > 1 and (ids.is_numbered(element_id)
                                                                 or element_id == ids.SOURCES)):
                heading = " ".join("".join(elements[0].itertext()).split())  # toc's id: from the text
                self._problem(f"#{element_id}" if self._line_of(f"#{element_id}", peek=True) else heading,
                              f"id '{element_id}' is one the glossary gives its own element on this page; "
                              "choose another id or heading")

    def _placeholder(self, name: str) -> etree.Element:
        """An empty slot in the output (`ids.slot`), for the host to fill: stashed raw HTML, which no
        tree walker (toc) reads; a paragraph holding only a stashed block element is replaced whole."""
        paragraph = etree.Element("p")
        paragraph.text = self.md.htmlStash.store(ids.slot(name))
        return paragraph

    def place_labels(self, root: etree.Element) -> None:
        """The dated label of each correction that applies here, at its spot (or under the title)."""
        if not self.page.labels:
            return
        by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
        parents = {id(child): parent for parent in root.iter() for child in parent}
        spots: dict[str, dict[str, str]] = {}  # One label per kind and day at a spot: the first change's.
        for anchor, text, href in self.page.labels:
            spots.setdefault(anchor, {}).setdefault(text, href)
        for anchor, links in spots.items():
            label = etree.Element("span", {"class": "glossary-change-label", "data-search-exclude": ""})
            for index, (text, href) in enumerate(links.items()):
                link = etree.SubElement(label, "a", {"href": href})
                link.text = text
                link.tail = " · " if index < len(links) - 1 else None
            if not anchor:
                _insert_after_title(root, _wrapped(label))
            elif anchor in by_id:
                spot = by_id[anchor]
                if spot.tag in ("p", "li", "dd", "figcaption"):  # At the end of the text it corrects.
                    if len(spot):
                        label.tail, spot[-1].tail = spot[-1].tail, (spot[-1].tail or "") + " "
                    else:
                        spot.text = (spot.text or "") + " "
                    spot.append(label)
                elif spot.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):  # Under a section's heading.
                    parent = parents.get(id(spot))
                    if parent is not None:
                        parent.insert(list(parent).index(spot) + 1, _wrapped(label))
                else:
                    spot.insert(0, _wrapped(label))
            else:
                self.page.report.unplaced_labels += [(anchor, text) for text in links]

    def _problem(self, needle: str, message: str) -> None:
        """Bad input on the page, at the line of `needle` in its Markdown (front matter counted)."""
        line = self._line_of(needle) if needle else None
        offset = self.page.report.line_offset
        self.page.report.problems.append(Problem(self.page.src_path, line + offset if line else None, message))

    # Collecting --------------------------------------------------------------------------

    def _collect(self, root: etree.Element) -> None:
        """Record every placed mention with its snippet, in document order."""
        if not self.placed:
            return
        placed = {id(element) for element in self.placed}
        for block in snippets.blocks_with_mentions(root, placed):
            text, spans = snippets.text_with_spans(block, placed)
            for element, start, end in spans:
                self.page.report.mentions.append(Mention(
                    entity_id=element.get("data-entity", ""),
                    anchor=element.get("id", ""),
                    before=snippets.before(text, start),
                    text=" ".join(text[start:end].split()),
                    after=snippets.after(text, end),
                    annotated=element.tag == "a",
                    in_note=id(element) in self.in_notes,
                ))


def _is_aside(element: etree.Element) -> bool:
    return element.tag in ASIDE_TAGS or not ASIDE_CLASSES.isdisjoint((element.get("class") or "").split())


def _decorate(element: etree.Element, entity: Entity, anchor: str, inline_style: bool = True) -> None:
    """An editor's link to an entry becomes a mention: their classes and id kept."""
    classes = (element.get("class") or "").split()
    for name, value in cards.mention_attributes(entity, inline_style).items():
        element.set(name, value)
    element.set("class", " ".join([*classes, MENTION_CLASS]))
    element.set("id", element.get("id") or anchor)


def _keep_caption_space(root: etree.Element) -> None:
    """pymdownx's caption puts "Figure 1." before a caption's text with a space only when the text is
    not empty (it runs after the glossary): a caption that opens with a mention lost its space."""
    for paragraph in root.iter("p"):
        if len(paragraph) > 1 and paragraph[0].get("class") == "caption-prefix" and not paragraph[0].tail \
                and MENTION_CLASS in (paragraph[1].get("class") or "").split():
            paragraph[0].tail = " "


def _wrapped(label: etree.Element) -> etree.Element:
    paragraph = etree.Element("p", {"class": "glossary-change-labels"})
    paragraph.append(label)
    return paragraph


def _insert_before_title(root: etree.Element, element: etree.Element) -> None:
    for index, child in enumerate(root):
        if child.tag == "h1":
            root.insert(index, element)
            return
    root.insert(0, element)


def _insert_after_title(root: etree.Element, element: etree.Element) -> None:
    index = 1 if len(root) and root[0].tag == "h1" else 0
    root.insert(index, element)


# Paths under the docs folder are posix paths; these are posixpath's, spelled out for speed.
def _dirname(path: str) -> str:
    return path.rpartition("/")[0]


def _join(folder: str, path: str) -> str:
    return f"{folder}/{path}" if folder else path


def _normpath(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)


@lru_cache(maxsize=65536)  # Pages of a folder link to the same entries: computed once per folder.
def _relpath(target: str, folder: str) -> str:
    """`target` relative to the folder `folder` (both under the docs folder)."""
    target_parts, folder_parts = target.split("/"), [p for p in folder.split("/") if p]
    common = 0
    while (common < len(folder_parts) and common < len(target_parts) - 1
           and folder_parts[common] == target_parts[common]):
        common += 1
    return "/".join([".."] * (len(folder_parts) - common) + target_parts[common:])
