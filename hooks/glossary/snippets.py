"""Mentions in context: the snippets that "Disebut di" shows, read from the text readers see.

The tree still holds Python-Markdown's placeholders when the glossary runs: stashed raw HTML
(`\x02wzxhzdk:N\x03`), footnote markers and the e-mail obfuscation's `\x02amp\x03`. A snippet
is built from the visible text, so none of them may reach it. Nor do the citation markers ("[1]",
`sup.glossary-ref`, and the `[@id]` placeholders before they are numbered): a snippet quotes the
reader's text, not the apparatus around it.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown.util import AMP_SUBSTITUTE

#: Elements that hold a paragraph of text, for the snippets around a mention.
BLOCK_TAGS = frozenset({"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "div", "summary"})
SNIPPET_CONTEXT = 60
#: Raw characters read around a mention for its snippet (more only in white-space-heavy text).
_WINDOW = 4 * SNIPPET_CONTEXT
_SPACES = re.compile(r"\s+")
#: Every Python-Markdown placeholder is wrapped in STX ... ETX.
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
#: Classes of the citation markers (`references.py`): numbered, and still pending.
_CITATION_CLASSES = frozenset({"glossary-ref", "glossary-ref-pending"})


def visible(text: str) -> str:
    """`text` as a reader sees it: placeholders dropped, the obfuscated e-mail's entities decoded."""
    if "\x02" not in text:
        return text
    if AMP_SUBSTITUTE in text:
        text = html.unescape(text.replace(AMP_SUBSTITUTE, "&"))
    return _PLACEHOLDER.sub("", text)


def blocks_with_mentions(root: etree.Element, placed: set[int]) -> list[etree.Element]:
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


def text_with_spans(block: etree.Element, placed: set[int]):
    """The text of `block` (nested blocks included) and where each placed mention sits in it."""
    parts: list[str] = []
    spans: list[tuple[etree.Element, int, int]] = []
    length = 0

    def visit(element: etree.Element) -> None:
        nonlocal length
        if element.text:
            text = visible(element.text)
            parts.append(text)
            length += len(text)
        for child in element:
            start = length
            if isinstance(child.tag, str) and not _is_citation(child):
                visit(child)
            if id(child) in placed:
                spans.append((child, start, length))
            if child.tail:
                tail = visible(child.tail)
                parts.append(tail)
                length += len(tail)

    visit(block)
    return "".join(parts), spans


def _is_citation(element: etree.Element) -> bool:
    return element.tag == "sup" and not _CITATION_CLASSES.isdisjoint((element.get("class") or "").split())


def before(text: str, start: int) -> str:
    """The snippet's text before a mention at `start`: its last words, white space collapsed.

    The clip depends only on the last SNIPPET_CONTEXT characters once white space is collapsed,
    so a window that still has more than that after collapsing gives the same as the whole text
    before the mention. Without the window, every mention in a long paragraph would collapse the
    paragraph again. The window is collapsed once and clipped as it is.
    """
    if start > _WINDOW:
        window = _collapse(text[start - _WINDOW:start])
        if len(window) > SNIPPET_CONTEXT:
            return _clip_left(window)
    return _clip_left(_collapse(text[:start]))


def after(text: str, end: int) -> str:
    """The snippet's text after a mention ending at `end` (see `before`)."""
    if len(text) - end > _WINDOW:
        window = _collapse(text[end:end + _WINDOW])
        if len(window) > SNIPPET_CONTEXT:
            return _clip_right(window)
    return _clip_right(_collapse(text[end:]))


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text)


def _clip_left(text: str) -> str:
    """The end of `text` (white space already collapsed), cut at a word where one is near."""
    if len(text) <= SNIPPET_CONTEXT:
        return text.lstrip()
    cut = text[-SNIPPET_CONTEXT:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < 20 else cut)


def _clip_right(text: str) -> str:
    """The start of `text` (white space already collapsed), cut at a word where one is near."""
    if len(text) <= SNIPPET_CONTEXT:
        return text.rstrip()
    cut = text[:SNIPPET_CONTEXT]
    space = cut.rfind(" ")
    return (cut[:space] if space > SNIPPET_CONTEXT - 20 else cut) + "…"
