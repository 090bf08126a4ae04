"""Where each entity is mentioned: collected page by page, rendered as "Disebut di"."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from .articles import Article
from .dates import format_iso_date
from .markup import Mention


@dataclass(frozen=True)
class PageMentions:
    """The mentions of one entity on one page."""

    page_url: str
    page_title: str
    mentions: tuple[Mention, ...]
    #: True for a glossary entry's page; those are listed apart and not counted.
    is_entry: bool = False
    #: The article the page belongs to, if any.
    article: Article | None = None


@dataclass
class _Page:
    """What one page mentions, as recorded by `Backlinks.add_page`."""

    title: str
    mentions: list[Mention]
    is_entry: bool
    #: Reading order of the page (the navigation's).
    position: int
    article: Article | None


class Backlinks:
    """Mentions of every entity, in the order pages were added (the navigation order)."""

    def __init__(self) -> None:
        self._pages: dict[str, _Page] = {}
        #: Entity id -> URLs of the pages mentioning it, in order; built on the first `for_entity`
        #: after a change: one pass over every mention instead of one per entity page.
        self._pages_of: dict[str, list[str]] | None = None

    def add_page(self, page_url: str, page_title: str, mentions: Iterable[Mention],
                 is_entry: bool = False, position: int = 0, article: Article | None = None) -> None:
        """Record (or, on a rebuild, replace) what a page mentions; `position` orders the pages."""
        self._pages[page_url] = _Page(page_title, list(mentions), is_entry, position, article)
        self._pages_of = None

    def for_entity(self, entity_id: str) -> list[PageMentions]:
        """The pages mentioning `entity_id`, in `position` order (ties: the order pages were added)."""
        if self._pages_of is None:
            self._pages_of = {}
            for url, page in sorted(self._pages.items(), key=lambda item: item[1].position):
                for mentioned in dict.fromkeys(m.entity_id for m in page.mentions):
                    self._pages_of.setdefault(mentioned, []).append(url)
        found = []
        for url in self._pages_of.get(entity_id, ()):
            page = self._pages[url]
            own = tuple(m for m in page.mentions if m.entity_id == entity_id)
            found.append(PageMentions(url, page.title, own, page.is_entry, page.article))
        return found

    def anchors(self) -> dict[str, set[str]]:
        """Page URL -> the anchors of every mention on it."""
        return {url: {m.anchor for m in page.mentions} for url, page in self._pages.items()}

    def article_counts(self) -> dict[str, int]:
        """In how many articles each entity is mentioned."""
        seen: dict[str, set[str]] = {}
        for page in self._pages.values():
            if page.article is None or page.is_entry:
                continue
            for mention in page.mentions:
                seen.setdefault(mention.entity_id, set()).add(page.article.folder)
        return {entity_id: len(folders) for entity_id, folders in seen.items()}

    def counts(self, *, entries: bool = False) -> dict[str, int]:
        """Mentions per entity on the edition's pages (with `entries`, on glossary entries too)."""
        totals: dict[str, int] = {}
        for page in self._pages.values():
            if page.is_entry and not entries:
                continue
            for mention in page.mentions:
                totals[mention.entity_id] = totals.get(mention.entity_id, 0) + 1
        return totals


def render_backlinks(pages: list[PageMentions], href: Callable[[str], str]) -> str:
    """HTML for "Disebut di", grouped by article (each mention in context), and the entries that
    mention the entity. `href(page_url)` gives a link from the current page.
    """
    edition = [page for page in pages if not page.is_entry]
    entries = [page for page in pages if page.is_entry]
    groups: dict[str, tuple[Article | None, list[PageMentions]]] = {}
    for page in edition:
        key = page.article.folder if page.article else ""
        groups.setdefault(key, (page.article, []))[1].append(page)
    parts = []
    for article, members in groups.values():
        if article is not None:
            parts.append(f'<h3 class="glossary-article">{escape(article.title)} '
                         f'<time class="glossary-article__date" datetime="{escape(article.date)}">'
                         f"{escape(format_iso_date(article.date))}</time></h3>")
        elif len(groups) > 1:
            parts.append('<h3 class="glossary-article">Halaman lain</h3>')
        parts.append(f'<ul>{"".join(_page_item(page, href) for page in members)}</ul>')
    body = "".join(parts) if parts else "<p>Tidak disebut di halaman artikel.</p>"
    html = ('<section class="glossary-backlinks" aria-labelledby="disebut-di">'
            f'<h2 id="disebut-di">Disebut di</h2>{body}</section>')
    if entries:
        links = ", ".join(f'<a href="{escape(href(page.page_url))}">{escape(page.page_title)}</a>'
                          for page in entries)
        html += ('<section class="glossary-related" aria-labelledby="entri-terkait">'
                 f'<h2 id="entri-terkait">Disebut juga di entri</h2><p>{links}</p></section>')
    return html


def _page_item(page: PageMentions, href: Callable[[str], str]) -> str:
    link = escape(href(page.page_url))  # Once per page, not once per snippet.
    snippets = "".join(
        f'<li><a href="{link}#{escape(m.anchor)}">'
        f"{escape(m.before)}<mark>{escape(m.text)}</mark>{escape(m.after)}</a></li>"
        for m in page.mentions
    )
    return (f'<li><a href="{link}">{escape(page.page_title)}</a> '
            f'<span class="glossary-count">({len(page.mentions)}&nbsp;sebutan)</span>'
            f'<ol class="glossary-snippets">{snippets}</ol></li>')
