"""The Python-Markdown extension that turns entity names into annotated mentions.

It knows nothing of MkDocs. The caller builds one `GlossaryExtension` per
build (the matcher inside it is compiled once), then for each page calls
`start_page()` before converting and `finish_page()` after, which returns
what the page mentions and any problems found.

| registry         | name           | priority | what                                              |
|------------------|----------------|----------|---------------------------------------------------|
| preprocessors    | glossary_src   | 1000     | keeps the page's source lines, for error lines    |
| inlinePatterns   | glossary_skip  | 175      | `[teks]{.no-gloss}`: a span never annotated       |
| treeprocessors   | glossary       | 6        | after attr_list (8), before toc/anchors (5);      |
|                  |                |          | also anchors quotes (`data-speaker`)             |
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from .entries import Entity
from .matcher import Matcher
from .quotes import Quote, collect_quotes

#: Class an editor puts on a block (attr_list) or span to keep it unannotated.
SKIP_CLASS = "no-gloss"
MENTION_CLASS = "glossary-mention"
#: Elements whose text is never annotated.
SKIP_TAGS = frozenset(
    {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math",
     "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "title"}
)
#: Asides (editor's notes, admonitions): walked after the main text, so that with `mode="first"`
#: an entity's link and card go to its first mention in the article itself, not in a note.
ASIDE_CLASSES = frozenset({"admonition"})
ASIDE_TAGS = frozenset({"aside", "details"})
#: Elements that hold a paragraph of text, for the snippets around a mention.
BLOCK_TAGS = frozenset({"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "div", "summary"})
SNIPPET_CONTEXT = 60
#: Raw characters read around a mention for its snippet (more only in white-space-heavy text).
_WINDOW = 4 * SNIPPET_CONTEXT
_SPACES = re.compile(r"\s+")
MODES = ("first", "all")


def mention_anchor(entity_id: str, number: int) -> str:
    """The stable id of the `number`-th mention (1-based) of an entity on a page."""
    return f"sebut-{entity_id}-{number}"


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


@dataclass
class PageReport:
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: (line or None, message) for bad input on the page.
    problems: list[tuple[int | None, str]] = field(default_factory=list)


class GlossaryExtension(Extension):
    """Annotate entity mentions. `mode` is 'first' (first mention per page) or 'all'."""

    def __init__(self, entities: dict[str, Entity], matcher: Matcher, mode: str = "first",
                 glossary_dir: str = "glosarium", **kwargs) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        super().__init__(**kwargs)
        self.entities = entities
        self.matcher = matcher
        self.mode = mode
        self.glossary_dir = glossary_dir.strip("/")
        self._by_path = {entity.src_path: entity for entity in entities.values()}
        self._hrefs: dict[tuple[str, str], str] = {}  # (entry, page folder) -> relative link
        self.start_page()

    def start_page(self, src_path: str = "index.md", own_entity: str | None = None) -> None:
        """Begin a page: mentions are linked relative to `src_path`; `own_entity` is never annotated."""
        self.src_path = src_path
        self.own_entity = own_entity
        self.report = PageReport()
        self.source_lines: list[str] = []

    def finish_page(self) -> PageReport:
        report, self.report = self.report, PageReport()
        return report

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_SourceLines(md, self), "glossary_src", 1000)
        md.inlinePatterns.register(_SkipSpan(r"\[([^\]\n]+)\]\{\s*\.no-gloss\s*\}", md), "glossary_skip", 175)
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "glossary", 6)

    # Helpers the tree processor uses.
    def entity_at(self, href: str) -> tuple[Entity | None, bool]:
        """(entity, points_into_glossary) for a link target written by an editor."""
        path = href.split("#", 1)[0].split("?", 1)[0]
        if not path or "://" in path or path.startswith(("/", "mailto:")):
            return None, False
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.src_path), path))
        inside = target == self.glossary_dir or target.startswith(self.glossary_dir + "/")
        if not target.endswith(".md"):
            return None, False
        return self._by_path.get(target), inside

    def href_for(self, entity: Entity) -> str:
        # Cached: pages share folders, and `relpath` is slow enough to show at 1,000 entries.
        key = (entity.src_path, posixpath.dirname(self.src_path) or ".")
        href = self._hrefs.get(key)
        if href is None:
            href = self._hrefs[key] = posixpath.relpath(*key)
        return href

    def line_of(self, needle: str) -> int | None:
        for number, line in enumerate(self.source_lines, start=1):
            if needle in line:
                return number
        return None


class _SourceLines(Preprocessor):
    def __init__(self, md: Markdown, ext: GlossaryExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.source_lines = list(lines)
        return lines


class _SkipSpan(InlineProcessor):
    """`[teks]{.no-gloss}` (a Pandoc bracketed span) becomes `<span class="no-gloss">`."""

    def handleMatch(self, m: re.Match[str], data: str):  # type: ignore[override]
        span = etree.Element("span", {"class": SKIP_CLASS})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, ext: GlossaryExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        self.counts: dict[str, int] = {}
        self.placed: list[etree.Element] = []
        self.asides: list[etree.Element] | None = []
        self._walk(root)
        asides, self.asides = self.asides, None  # From here on, asides are walked where they are.
        for aside in asides:
            self._walk(aside)
        self._collect(root)
        quotes, unknown = collect_quotes(root, known=lambda speaker: speaker in self.ext.entities)
        self.ext.report.quotes.extend(quotes)
        for speaker in unknown:
            self.ext.report.problems.append((self.ext.line_of(speaker), f"quote by unknown speaker '{speaker}'"))

    # Walking -----------------------------------------------------------------------------

    def _walk(self, element: etree.Element) -> None:
        children = list(element)  # Taken first: mentions inserted below are not walked again.
        if element.text and self._may_annotate(element):
            self._annotate_text(element)
        for child in children:
            if child.tag == "a":
                self._explicit_link(child)
            elif self._may_annotate(child):
                if self.asides is not None and _is_aside(child):
                    self.asides.append(child)
                else:
                    self._walk(child)
            if child.tail:
                self._annotate_tail(element, child)

    def _may_annotate(self, element: etree.Element) -> bool:
        if not isinstance(element.tag, str) or element.tag.lower() in SKIP_TAGS:
            return False
        classes = (element.get("class") or "").split()
        return SKIP_CLASS not in classes and MENTION_CLASS not in classes

    def _annotate_text(self, element: etree.Element) -> None:
        leading, mentions = self._split(element.text)
        if mentions:
            element.text = leading
            for index, node in enumerate(mentions):
                element.insert(index, node)

    def _annotate_tail(self, parent: etree.Element, child: etree.Element) -> None:
        leading, mentions = self._split(child.tail)
        if mentions:
            child.tail = leading
            position = list(parent).index(child) + 1
            for offset, node in enumerate(mentions):
                parent.insert(position + offset, node)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first mention, and one element per mention, each with its tail."""
        mentions: list[etree.Element] = []
        leading = text
        last = 0
        for match in self.ext.matcher.finditer(text):
            if match.entity_id == self.ext.own_entity:
                continue
            element = self._mention(self.ext.entities[match.entity_id], text[match.start:match.end])
            if mentions:
                mentions[-1].tail = text[last:match.start]
            else:
                leading = text[:match.start]
            mentions.append(element)
            last = match.end
        if mentions:
            mentions[-1].tail = text[last:] or None
        return leading, mentions

    def _mention(self, entity: Entity, text: str) -> etree.Element:
        number = self.counts.get(entity.id, 0) + 1
        self.counts[entity.id] = number
        anchor = mention_anchor(entity.id, number)
        if number == 1 or self.ext.mode == "all":
            element = etree.Element("a", {"href": self.ext.href_for(entity)})
            _decorate(element, entity, anchor)
        else:  # Counted and anchored for backlinks, but not highlighted again.
            element = etree.Element("span", {"class": f"{MENTION_CLASS} {MENTION_CLASS}--repeat",
                                             "id": anchor, "data-entity": entity.id})
        element.text = AtomicString(text)
        self.placed.append(element)
        return element

    def _explicit_link(self, link: etree.Element) -> None:
        """An editor's Markdown link to an entity file is an annotated mention."""
        href = link.get("href", "")
        entity, inside = self.ext.entity_at(href)
        if entity is None:
            if inside:
                self.ext.report.problems.append(
                    (self.ext.line_of(href), f"link to unknown glossary entry '{href}'"))
            return
        if MENTION_CLASS in (link.get("class") or "").split():
            return  # Already annotated (the tree was processed before).
        number = self.counts.get(entity.id, 0) + 1
        self.counts[entity.id] = number
        _decorate(link, entity, mention_anchor(entity.id, number))
        self.placed.append(link)

    # Collecting --------------------------------------------------------------------------

    def _collect(self, root: etree.Element) -> None:
        """Record every placed mention with its snippet, in document order."""
        if not self.placed:
            return
        placed = {id(element) for element in self.placed}
        blocks = _blocks_with_mentions(root, placed)
        for block in blocks:
            text, spans = _text_with_spans(block, placed)
            for element, start, end in spans:
                self.ext.report.mentions.append(Mention(
                    entity_id=element.get("data-entity", ""),
                    anchor=element.get("id", ""),
                    before=_clip_left(_text_before(text, start)),
                    text=" ".join(text[start:end].split()),
                    after=_clip_right(_text_after(text, end)),
                    annotated=element.tag == "a",
                ))


def _is_aside(element: etree.Element) -> bool:
    return element.tag in ASIDE_TAGS or not ASIDE_CLASSES.isdisjoint((element.get("class") or "").split())


def _decorate(element: etree.Element, entity: Entity, anchor: str) -> None:
    classes = (element.get("class") or "").split()
    classes += [MENTION_CLASS, f"{MENTION_CLASS}--{entity.type}"]
    element.set("class", " ".join(classes))
    element.set("id", element.get("id") or anchor)
    element.set("data-entity", entity.id)
    element.set("data-entity-type", entity.type)
    element.set("title", entity.summary)


def _blocks_with_mentions(root: etree.Element, placed: set[int]) -> list[etree.Element]:
    """The innermost block elements (or the root) holding mentions, in document order."""
    blocks: list[etree.Element] = []
    seen: set[int] = set()

    def visit(element: etree.Element, block: etree.Element) -> None:
        for child in element:
            if id(child) in placed:
                if id(block) not in seen:
                    seen.add(id(block))
                    blocks.append(block)
            elif isinstance(child.tag, str):
                visit(child, child if child.tag in BLOCK_TAGS else block)

    visit(root, root)
    return blocks


def _text_with_spans(block: etree.Element, placed: set[int]):
    """The text of `block` (nested blocks included) and where each placed mention sits in it."""
    parts: list[str] = []
    spans: list[tuple[etree.Element, int, int]] = []
    length = 0

    def visit(element: etree.Element) -> None:
        nonlocal length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            start = length
            if isinstance(child.tag, str):
                visit(child)
            if id(child) in placed:
                spans.append((child, start, length))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    visit(block)
    return "".join(parts), spans


def _text_before(text: str, start: int) -> str:
    """`text[:start]`, or only its end when that is enough for `_clip_left` to give the same.

    The clip depends only on the last SNIPPET_CONTEXT characters once white space is collapsed;
    a window that still has more than that after collapsing ends the same way as the whole.
    Without the window, every mention in a long paragraph would collapse the paragraph again.
    """
    if start <= _WINDOW:
        return text[:start]
    window = text[start - _WINDOW:start]
    return window if len(_collapse(window)) > SNIPPET_CONTEXT else text[:start]


def _text_after(text: str, end: int) -> str:
    """`text[end:]`, or only its start when that is enough for `_clip_right` (see `_text_before`)."""
    if len(text) - end <= _WINDOW:
        return text[end:]
    window = text[end:end + _WINDOW]
    return window if len(_collapse(window)) > SNIPPET_CONTEXT else text[end:]


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text)


def _clip_left(text: str) -> str:
    text = _collapse(text)
    if len(text) <= SNIPPET_CONTEXT:
        return text.lstrip()
    cut = text[-SNIPPET_CONTEXT:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < 20 else cut)


def _clip_right(text: str) -> str:
    text = _collapse(text)
    if len(text) <= SNIPPET_CONTEXT:
        return text.rstrip()
    cut = text[:SNIPPET_CONTEXT]
    space = cut.rfind(" ")
    return (cut[:space] if space > SNIPPET_CONTEXT - 20 else cut) + "…"
