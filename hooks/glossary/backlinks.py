"""Where each entity is mentioned, collected page by page, and how often: in the articles' own text,
in editor's notes, elsewhere. Every count the edition shows comes from `MentionCounts`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .articles import Article
from .markup import Mention


@dataclass(frozen=True)
class MentionCounts:
    """An entity's mentions: in the articles' own text, in editor's notes on article pages, and on
    other pages of the edition (never on entries), and in how many articles."""

    text: int = 0
    notes: int = 0
    other: int = 0
    articles: int = 0

    @property
    def notes_only(self) -> bool:
        return not self.text and bool(self.notes)

    def _parts(self, text_label: str) -> list[str]:
        parts = [f"{self.text}\u00a0{text_label}"] if self.text else []
        parts += [f"{self.notes}\u00a0di catatan editor"] if self.notes else []
        parts += [f"{self.other}\u00a0di halaman lain"] if self.other else []
        return parts

    def short(self) -> str:
        """For one page: "3 di teks · 1 di catatan editor"."""
        return " · ".join(self._parts("di teks")) or "0\u00a0sebutan"

    def register_text(self) -> str:
        """For the register: "3 di teks artikel · 1 di catatan editor, di 1 artikel"."""
        parts = self._parts("di teks artikel")
        if self.notes_only:
            parts[0] = f"hanya di catatan editor: {self.notes}"
        where = f", di {self.articles}\u00a0artikel" if self.articles else ""
        return (" · ".join(parts) or "belum disebut") + where

    def sentence(self) -> str:
        """For the entry's header: "Disebut 3 kali di teks artikel dan 1 kali di catatan editor"."""
        if self.notes_only:
            return f"Tidak disebut di teks artikel; {self.notes} kali di catatan editor"
        parts = [f"{self.text} kali di teks artikel"] if self.text else []
        parts += [f"{self.notes} kali di catatan editor"] if self.notes else []
        parts += [f"{self.other} kali di halaman lain"] if self.other else []
        return "Disebut " + " dan ".join(parts) if parts else "Belum disebut di halaman edisi"


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
        self._all_counts: dict[str, MentionCounts] | None = None

    def add_page(self, page_url: str, page_title: str, mentions: Iterable[Mention],
                 is_entry: bool = False, position: int = 0, article: Article | None = None) -> None:
        """Record (or, on a rebuild, replace) what a page mentions; `position` orders the pages."""
        self._pages[page_url] = _Page(page_title, list(mentions), is_entry, position, article)
        self._pages_of = None
        self._all_counts = None

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

    def counts_of(self, entity_id: str) -> MentionCounts:
        """How often `entity_id` is mentioned, by where (the one rule for every count shown)."""
        return self.all_counts().get(entity_id, MentionCounts())

    def all_counts(self) -> dict[str, MentionCounts]:
        if self._all_counts is None:
            tallies: dict[str, list[int]] = {}
            articles: dict[str, set[str]] = {}
            for page in self._pages.values():
                if page.is_entry:
                    continue
                for mention in page.mentions:
                    tally = tallies.setdefault(mention.entity_id, [0, 0, 0])
                    tally[2 if page.article is None else 1 if mention.in_note else 0] += 1
                    if page.article is not None:
                        articles.setdefault(mention.entity_id, set()).add(page.article.folder)
            self._all_counts = {entity_id: MentionCounts(*tally, len(articles.get(entity_id, ())))
                                for entity_id, tally in tallies.items()}
        return self._all_counts

    def counts(self, *, entries: bool = False) -> dict[str, int]:
        """Mentions per entity on the edition's pages (with `entries`, on glossary entries too)."""
        totals: dict[str, int] = {}
        for page in self._pages.values():
            if page.is_entry and not entries:
                continue
            for mention in page.mentions:
                totals[mention.entity_id] = totals.get(mention.entity_id, 0) + 1
        return totals
