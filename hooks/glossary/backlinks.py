"""Where each entity is mentioned: collected page by page, rendered as "Disebut di"."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from .markup import Mention


@dataclass(frozen=True)
class PageMentions:
    """The mentions of one entity on one page."""

    page_url: str
    page_title: str
    mentions: tuple[Mention, ...]


class Backlinks:
    """Mentions of every entity, in the order pages were added (the navigation order)."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[str, list[Mention]]] = {}

    def add_page(self, page_url: str, page_title: str, mentions: Iterable[Mention]) -> None:
        """Record (or, on a rebuild, replace) what a page mentions."""
        self._pages[page_url] = (page_title, list(mentions))

    def for_entity(self, entity_id: str) -> list[PageMentions]:
        found = []
        for url, (title, mentions) in self._pages.items():
            own = tuple(m for m in mentions if m.entity_id == entity_id)
            if own:
                found.append(PageMentions(url, title, own))
        return found

    def count(self, entity_id: str) -> int:
        return sum(len(page.mentions) for page in self.for_entity(entity_id))

    def counts(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for _title, mentions in self._pages.values():
            for mention in mentions:
                totals[mention.entity_id] = totals.get(mention.entity_id, 0) + 1
        return totals


def render_backlinks(pages: list[PageMentions], href: Callable[[str], str]) -> str:
    """HTML for the "Disebut di" section; `href(page_url)` gives a link from the current page."""
    if not pages:
        return ('<section class="glossary-backlinks" aria-labelledby="disebut-di">'
                '<h2 id="disebut-di">Disebut di</h2><p>Belum disebut di halaman mana pun.</p></section>')
    items = []
    for page in pages:
        count = len(page.mentions)
        snippets = "".join(
            f'<li><a href="{escape(href(page.page_url))}#{escape(m.anchor)}">'
            f"{escape(m.before)}<mark>{escape(m.text)}</mark>{escape(m.after)}</a></li>"
            for m in page.mentions
        )
        items.append(
            f'<li><a href="{escape(href(page.page_url))}">{escape(page.page_title)}</a> '
            f'<span class="glossary-count">({count}&nbsp;sebutan)</span>'
            f'<ol class="glossary-snippets">{snippets}</ol></li>'
        )
    return ('<section class="glossary-backlinks" aria-labelledby="disebut-di">'
            f'<h2 id="disebut-di">Disebut di</h2><ul>{"".join(items)}</ul></section>')
