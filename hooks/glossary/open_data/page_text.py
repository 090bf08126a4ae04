"""An article page's own text, and where each mention sits in it, read from the page's final HTML.

The open-data files point into this text: the W3C annotations' `TextPositionSelector` counts in it,
and the TEI file holds the same blocks. It is defined here once:

* **What is read.** The page content as MkDocs has it after the build (`page.content`), or the
  inside of the theme's `<article>`: both give the same text. Left out, with everything inside them:
  the glossary's own chrome (`.glossary-controls`, `aside.glossary-page`, `section.glossary-sources`,
  `sup.glossary-ref` citation markers), the editor's notes and any other admonition (`.admonition`,
  `details`), the theme's source line and pager (`.article-source`, `.article-pager`), heading
  permalinks (`a.headerlink`), anything `hidden`, and `script`, `style` and `template`.
* **Blocks.** Each block element (`p`, `h1`-`h6`, `li`, `blockquote`, ...) starts and ends a block.
  The page text is its blocks joined by one line feed (U+000A), in document order; an empty block is
  dropped.
* **White space.** Inside a block, each run of HTML white space (space, tab, CR, LF, FF) is one space
  (U+0020), and a block has none at its ends. A `<br>` counts as white space. The no-break space
  (U+00A0) is text, kept as the article has it.
* **Offsets** count Unicode code points (Python `str` indices), as the Web Annotation model asks;
  JavaScript, which counts UTF-16 units, sees the same numbers here because the text has no character
  outside the Basic Multilingual Plane (checked by the tests).
* **Mentions** are the elements with the class `glossary-mention` and a `data-entity` (linked first
  mentions and the plain `span` repeats alike), with their `id` anchor. Mentions inside a left-out
  part (an editor's note) are not in the text, so they are not returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Block", "Mention", "PageText", "page_text"]

#: Elements that start and end a block of text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul",
})
#: Elements with no end tag.
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                       "track", "wbr"})
#: Left out with their content, whatever their class.
SKIPPED_TAGS = frozenset({"script", "style", "template", "details"})
#: Left out with their content: the glossary's chrome, notes, the theme's source line and pager.
SKIPPED_CLASSES = frozenset({"glossary-controls", "glossary-page", "glossary-sources", "glossary-ref",
                             "admonition", "article-source", "article-pager", "headerlink"})
#: HTML's white space (not the no-break space, which is text).
HTML_SPACE = " \t\n\r\f"
MENTION_CLASS = "glossary-mention"


@dataclass(frozen=True)
class Mention:
    entity: str
    #: The mention's `id` (its anchor on the page), e.g. "sebut-rusia-2".
    anchor: str
    #: Offsets in the page text: `text[start:end]` is the mention as read.
    start: int
    end: int
    #: The block it is in (an index into `PageText.blocks`).
    block: int


@dataclass(frozen=True)
class Block:
    #: The block's element: "p", "h1", "li", ...
    tag: str
    #: Its classes (e.g. ("page-marker",), ("standfirst",)).
    classes: tuple[str, ...]
    text: str
    #: Where the block starts in the page text.
    offset: int


@dataclass(frozen=True)
class PageText:
    text: str
    blocks: tuple[Block, ...]
    mentions: tuple[Mention, ...]


@dataclass
class _Open:
    tag: str
    classes: tuple[str, ...]
    skipped: bool
    block: bool
    mention: tuple[str, str] | None = None
    #: For a mention: its start, known once its first character is written.
    start: int | None = None


@dataclass
class _Builder(HTMLParser):
    stack: list[_Open] = field(default_factory=list)
    out: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    block_start: int = 0
    #: The element whose block is open (the innermost block element around the text being written).
    block_tags: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    pending_space: bool = False
    pending_break: bool = False
    in_block_text: bool = False
    waiting: list[_Open] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    current_block: tuple[str, tuple[str, ...]] | None = None

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    # -- the parser's events ------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = dict(attrs)
        classes = tuple((attributes.get("class") or "").split())
        skipped = self._skipping() or tag in SKIPPED_TAGS or bool(SKIPPED_CLASSES & set(classes)) \
            or "hidden" in attributes
        if tag == "br":
            if not skipped:
                self._space()
            return
        block = tag in BLOCK_TAGS
        if block and not skipped:
            self._break()
            self.block_tags.append((tag, classes))
        if tag in VOID_TAGS:
            if block and not skipped:
                self._break()
                self.block_tags.pop()
            return
        mention = None
        if not skipped and MENTION_CLASS in classes and attributes.get("data-entity"):
            mention = (attributes["data-entity"], attributes.get("id") or "")
        opened = _Open(tag, classes, skipped, block, mention)
        self.stack.append(opened)
        if mention:
            self.waiting.append(opened)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and tag != "br":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        if not any(opened.tag == tag for opened in self.stack):
            return  # A stray end tag: nothing to close.
        while self.stack:
            opened = self.stack.pop()
            self._close(opened)
            if opened.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        for char in data:
            if char in HTML_SPACE:
                self._space()
            else:
                self._write(char)

    # -- writing --------------------------------------------------------------------------------
    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1].skipped

    def _space(self) -> None:
        if self.in_block_text:
            self.pending_space = True

    def _break(self) -> None:
        """End the open block (if it has text); the next character starts a new one."""
        if self.in_block_text:
            self._end_block()
        self.pending_space = False

    def _end_block(self) -> None:
        tag, classes = self.current_block or ("p", ())
        self.blocks.append(Block(tag, classes, "".join(self.out)[self.block_start:], self.block_start))
        self.in_block_text = False
        self.pending_break = True

    def _write(self, char: str) -> None:
        if not self.in_block_text:
            if self.pending_break:
                self.out.append("\n")
                self.length += 1
                self.pending_break = False
            self.block_start = self.length
            self.current_block = self.block_tags[-1] if self.block_tags else ("p", ())
            self.in_block_text = True
        elif self.pending_space:
            self.out.append(" ")
            self.length += 1
        self.pending_space = False
        for opened in self.waiting:
            opened.start = self.length
        self.waiting.clear()
        self.out.append(char)
        self.length += 1

    def _close(self, opened: _Open) -> None:
        if opened.mention and opened.start is not None:
            entity, anchor = opened.mention
            self.mentions.append(Mention(entity, anchor, opened.start, self.length, len(self.blocks)))
        if any(waiting is opened for waiting in self.waiting):
            # An empty mention: nothing to point at.
            self.waiting = [waiting for waiting in self.waiting if waiting is not opened]
        if opened.block and not opened.skipped:
            self._break()
            if self.block_tags:
                self.block_tags.pop()

    def finish(self) -> PageText:
        self.close()
        while self.stack:
            self._close(self.stack.pop())
        if self.in_block_text:
            self._end_block()
        return PageText("".join(self.out), tuple(self.blocks), tuple(self.mentions))


def page_text(content_html: str) -> PageText:
    """The article text of a page's content HTML, its blocks and its mentions (see the module's docstring)."""
    builder = _Builder()
    builder.feed(content_html)
    return builder.finish()
