"""What the edition shows across pages, rendered from autoescaped Jinja templates.

Once every page is read, the host fills these into the pages, before its search reads them:

| where                         | what                                                        | template                |
|-------------------------------|-------------------------------------------------------------|-------------------------|
| each entry's page             | "Disebut di" (article text and notes apart), the entries    | entity-sections.html    |
|                               | that name it, its quotes, events and corrections            |                         |
| each entry's header           | how often it is mentioned, and a jump to where              | (a line of text)        |
| each entry's "Sumber"         | its sources and those its events cite, numbered together    | references.sources_section |
| `linimasa/index.md`           | one date order, a section per year, the article marked      | timeline.html           |
| `siapa-berkata-apa.md`        | every quote, by speaker                                     | quotes.html             |
| `ralat/index.md`              | the corrections log, a section per month                    | changes.html            |
| the landing page              | the articles, newest first                                  | articles.html           |
| the register                  | each entry's mention counts                                 | (a line of text)        |

Templates live in `templates/partials/glossary/`; a theme overrides any of them from its own
`partials/glossary/` (MkDocs: `overrides/`), as Material's tags plugin lets it override its
listings. The renderer reads the edition through `EditionView`, which it cannot change.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import jinja2
from markupsafe import Markup, escape

from . import ids, references
from .articles import Articles
from .backlinks import Backlinks, MentionCounts, PageMentions
from .cards import to_html
from .corrections import Change
from .dates import MONTHS, format_iso_date
from .entries import Entity
from .quotes import PlacedQuote
from .sources import REFERENCE, Source
from .timeline import SECTION_TITLES, Event, EventDate
from .urls import relative_url

TEMPLATES = Path(__file__).parent / "templates"
#: The comments the generated pages' Markdown leaves where their content goes.
TIMELINE = ids.slot("timeline")
QUOTES = ids.slot("quotes")
CORRECTIONS = ids.slot("corrections")
ARTICLES = ids.slot("articles")
ENTITY_SECTIONS = ids.slot(ids.ENTRY_SECTIONS_SLOT)
MENTION_SUMMARY = ids.slot(ids.MENTION_SUMMARY)
ENTRY_SOURCES = ids.slot(ids.ENTRY_SOURCES)
_PLACEHOLDERS = re.compile("|".join(re.escape(p) for p in (
    TIMELINE, QUOTES, CORRECTIONS, ARTICLES, ENTITY_SECTIONS, MENTION_SUMMARY, ENTRY_SOURCES)))
#: Snippets "Disebut di" shows for one page (of its text, and of its notes): a page that names an
#: entity thousands of times would otherwise make the entry's page, and its search entry, as long.
SNIPPETS_PER_PAGE = 30
#: "Sebelumnya" as each kind of change calls the earlier wording.
_BEFORE_LABELS = {"ralat": "Sebelumnya (keliru):", "klarifikasi": "Sebelumnya (kurang jelas):"}


class PageInfo(Protocol):
    url: str
    title: str
    position: int


class EditionView(Protocol):
    """What the renderer reads of the edition; it changes none of it."""

    @property
    def entities(self) -> Mapping[str, Entity]: ...
    @property
    def sources(self) -> Mapping[str, Source]: ...
    @property
    def articles(self) -> Articles: ...
    @property
    def events(self) -> Sequence[Event]: ...
    @property
    def changes(self) -> Sequence[Change]: ...
    @property
    def backlinks(self) -> Backlinks: ...
    @property
    def corrections_page(self) -> str: ...

    def page_url(self, src_path: str) -> str: ...
    def page_title(self, src_path: str) -> str: ...
    def page_numbering(self, src_path: str) -> references.Numbering: ...
    def placed_quotes(self) -> Sequence[PlacedQuote]: ...


@dataclass(frozen=True)
class Section:
    """A section the renderer added to a page: for the page's table of contents."""

    id: str
    title: str


def environment(theme_loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    """Autoescaped templates: the theme's first (its overrides), then the engine's own."""
    own = jinja2.FileSystemLoader(str(TEMPLATES))
    loader = jinja2.ChoiceLoader([theme_loader, own]) if theme_loader is not None else own
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


class Renderer:
    """Fills one page's placeholders, its links relative to the page."""

    def __init__(self, view: EditionView, env: jinja2.Environment, src_path: str) -> None:
        self.view = view
        self.env = env
        self.src_path = src_path
        self.url = view.page_url(src_path)
        self.sections: list[Section] = []
        entity = next((e for e in view.entities.values() if e.src_path == src_path), None)
        self.entity = entity
        #: The page's own numbering, continued by what the generated sections cite.
        self.numbering = view.page_numbering(src_path)

    def fill(self, content: str) -> str:
        """`content` with each placeholder filled once; what else is there is left as it is."""
        done: set[str] = set()

        def replacement(match: re.Match[str]) -> str:
            placeholder = match.group()
            if placeholder in done:
                return ""
            done.add(placeholder)
            return self._render(placeholder)

        # The entry's sections first: the events they list extend the numbering its sources show.
        if ENTITY_SECTIONS in content:
            content = content.replace(ENTITY_SECTIONS, self._render(ENTITY_SECTIONS), 1)
        return _PLACEHOLDERS.sub(replacement, content)

    def _render(self, placeholder: str) -> str:
        if placeholder == ENTITY_SECTIONS:
            return self.entity_sections() if self.entity is not None else ""
        if placeholder == MENTION_SUMMARY:
            return self.mention_summary() if self.entity is not None else ""
        if placeholder == ENTRY_SOURCES:
            self.sections.append(Section(ids.SOURCES, "Sumber"))
            section = references.sources_section(self.numbering)
            return to_html(section) if section is not None else ""
        if placeholder == TIMELINE:
            return self.timeline()
        if placeholder == QUOTES:
            return self.quotes()
        if placeholder == CORRECTIONS:
            return self.changes_page()
        return self.articles()

    # Links ----------------------------------------------------------------------------------

    def href(self, src_path: str, anchor: str = "") -> str:
        url = relative_url(self.view.page_url(src_path), self.url)
        return f"{url}#{anchor}" if anchor else url

    def entity_href(self, entity_id: str) -> str:
        return self.href(self.view.entities[entity_id].src_path)

    def title_of(self, src_path: str) -> str:
        """A page's title; with more than one article, an article page's title names its article."""
        title = self.view.page_title(src_path)
        article = self.view.articles.of(src_path)
        if article is not None and len(self.view.articles.all) > 1 and title != article.title:
            return f"{article.title}: {title}"
        return title

    def target(self, name: str, anchor: str = "") -> dict:
        entity = self.view.entities.get(name)
        if entity is not None:
            return {"href": self.href(entity.src_path, anchor), "title": entity.title}
        return {"href": self.href(name, anchor), "title": self.title_of(name)}

    # Text with citations --------------------------------------------------------------------

    def cited(self, text: str) -> Markup:
        """Escaped `text`, its `[@id]` references as this page's numbered markers."""
        parts, last = [], 0
        group: list[tuple[int, str]] = []
        for match in REFERENCE.finditer(text):
            if match.start() > last or not group:  # Text between: the group before it is done.
                if group:
                    parts.append(Markup(to_html(references.marker(group))))
                    group = []
                parts.append(escape(text[last:match.start()]))
            source_id = references.key_of(match)
            source = self.view.sources.get(source_id)
            if source is not None:  # An unknown one is reported by the edition's checks.
                group.append(self.numbering.cite(source_id, source))
            last = match.end()
        if group:
            parts.append(Markup(to_html(references.marker(group))))
        parts.append(escape(text[last:]))
        return Markup("").join(parts)

    # The entry's page -----------------------------------------------------------------------

    def mention_summary(self) -> str:
        counts = self.view.backlinks.counts_of(self.entity.id)
        return (f'<p class="glossary-entry__mentions">{escape(counts.sentence())} · '
                '<a href="#disebut-di">Lihat di mana</a></p>')

    def entity_sections(self) -> str:
        entity = self.entity
        pages = self.view.backlinks.for_entity(entity.id)
        edition_pages = [page for page in pages if not page.is_entry]
        groups: dict[str, dict] = {}
        for page in edition_pages:
            article = page.article
            key = article.folder if article else ""
            group = groups.setdefault(key, {
                "title": article.title if article else "", "date": article.date if article else "",
                "date_text": format_iso_date(article.date) if article else "", "pages": []})
            group["pages"].append(self._page_mentions(page))
        counts = self.view.backlinks.counts_of(entity.id)
        quotes = [q for q in self.view.placed_quotes() if q.quote.speaker == entity.id]
        events = [event for event in self.view.events if entity.id in event.entities]
        changes = [change for change in self.view.changes
                   if any(t.name in (entity.id, entity.src_path) for t in change.targets)]
        related = [{"href": relative_url(page.page_url, self.url), "title": page.page_title}
                   for page in pages if page.is_entry]
        self.sections += [Section("disebut-di", "Disebut di")]
        self.sections += [Section("entri-terkait", "Disebut juga di entri")] if related else []
        self.sections += [Section("kutipan", "Kutipan")] if quotes else []
        self.sections += [Section("peristiwa", "Peristiwa")] if events else []
        self.sections += [Section("ralat", "Ralat dan pembaruan")] if changes else []
        return self.env.get_template("partials/glossary/entity-sections.html").render(
            groups=list(groups.values()), notes_only=counts.notes_only, related=related,
            quote_groups=self._quote_groups(quotes), quotes=quotes,
            events=[self._event(event) for event in events],
            changes=[self._change(change) for change in changes], with_ids=False)

    def _page_mentions(self, page: PageMentions) -> dict:
        """One page's mentions in context: at most `SNIPPETS_PER_PAGE` of each kind, then how many more."""
        text = [m for m in page.mentions if not m.in_note]
        notes = [m for m in page.mentions if m.in_note]
        return {"href": relative_url(page.page_url, self.url), "title": page.page_title,
                "count_text": MentionCounts(text=len(text), notes=len(notes)).short(),
                "text": text[:SNIPPETS_PER_PAGE], "notes": notes[:SNIPPETS_PER_PAGE],
                "more": max(len(text) - SNIPPETS_PER_PAGE, 0) + max(len(notes) - SNIPPETS_PER_PAGE, 0)}

    def _event(self, event: Event) -> dict:
        page = {"href": self.href(event.page, event.anchor or ""), "title": self.title_of(event.page)} \
            if event.page else None
        return {"iso": event.date.iso, "label": event.date.label, "text": self.cited(event.text), "page": page}

    def _quote_groups(self, quotes: Sequence[PlacedQuote]) -> list[dict]:
        groups: dict[str | None, list[dict]] = {}
        for quote in quotes:
            groups.setdefault(quote.article_title, []).append({
                "text": quote.quote.text, "page_title": quote.page_title,
                "href": f"{relative_url(quote.page_url, self.url)}#{quote.quote.anchor}"})
        if len(self.view.articles.all) <= 1:
            return [{"title": "", "quotes": [q for members in groups.values() for q in members]}] if groups else []
        return [{"title": title or "", "quotes": members} for title, members in groups.items()]

    def _change(self, change: Change) -> dict:
        return {"id": change.id, "kind": change.kind, "kind_label": change.kind_label,
                "datetime": change.timestamp, "date_text": format_iso_date(change.date)
                + (f", {change.time} WIB" if change.time else ""),
                "title": change.title, "text": change.text, "before": change.quoted_before,
                "before_label": _BEFORE_LABELS.get(change.kind, "Sebelumnya:"), "after": change.quoted_after,
                "after_label": "Kini:" if change.before else "Ditambahkan:",
                "href": self.href(self.view.corrections_page, change.id),
                "targets": [self.target(t.name, t.anchor) for t in change.targets]}

    # Generated pages ------------------------------------------------------------------------

    def timeline(self) -> str:
        first = self.view.articles.first_date()
        split = EventDate.parse(first) if first else EventDate(9999)  # No article yet: all is context.
        items: list[tuple[tuple, dict]] = []
        for order, event in enumerate(self.view.events):
            key = event.section(split)
            items.append(((event.date.sort_key, 1, order), {
                "publication": False, "iso": event.date.iso, "label": event.date.label,
                "category": {"id": key, "label": SECTION_TITLES[key]}, "text": self.cited(event.text),
                "entities": [{"href": self.entity_href(e), "type": self.view.entities[e].type,
                              "title": self.view.entities[e].title} for e in event.entities],
                "page": {"href": self.href(event.page, event.anchor or ""), "title": self.title_of(event.page)}
                if event.page else None}))
        if first:
            article = min(self.view.articles.all, key=lambda a: a.date)
            items.append(((split.sort_key, 0, 0), {
                "publication": True, "iso": split.iso, "label": split.label, "title": article.title,
                "href": self.href(article.pages[0])}))
        years: dict[int, list[dict]] = {}
        for (sort_key, _rank, _order), item in sorted(items, key=lambda pair: pair[0]):
            years.setdefault(sort_key[0], []).append(item)
        self.sections += [Section(f"tahun-{year}", str(year)) for year in years]
        html = self.env.get_template("partials/glossary/timeline.html").render(
            categories=[{"id": key, "label": label} for key, label in SECTION_TITLES.items()],
            years=[{"year": year, "events": members} for year, members in years.items()])
        section = references.sources_section(self.numbering)
        if section is not None:
            self.sections.append(Section(ids.SOURCES, "Sumber"))
        return html + (to_html(section) if section is not None else "")

    def quotes(self) -> str:
        speakers: dict[str, list[PlacedQuote]] = {}
        for quote in self.view.placed_quotes():
            speakers.setdefault(quote.quote.speaker, []).append(quote)
        rows = []
        for speaker, quotes in speakers.items():
            entity = self.view.entities[speaker]
            self.sections.append(Section(f"pembicara-{speaker}", entity.title))
            rows.append({"id": speaker, "href": self.entity_href(speaker), "type": entity.type,
                         "title": entity.title, "role": entity.role, "quote_groups": self._quote_groups(quotes)})
        return self.env.get_template("partials/glossary/quotes.html").render(speakers=rows)

    def changes_page(self) -> str:
        months: dict[str, list[dict]] = {}
        for change in self.view.changes:
            months.setdefault(change.date[:7], []).append(self._change(change))
        rows = [{"id": month, "label": f"{MONTHS[int(month[5:7]) - 1]} {month[:4]}", "changes": members}
                for month, members in months.items()]
        self.sections += [Section(f"bulan-{row['id']}", row["label"]) for row in rows]
        return self.env.get_template("partials/glossary/changes.html").render(months=rows)

    def articles(self) -> str:
        rows = []
        for article in self.view.articles.all:
            rows.append({"href": self.href(article.pages[0]), "title": article.title,
                         "publisher": article.publisher, "date": article.date, "date_text": article.date_text,
                         "via": article.via,
                         "pages": [{"href": self.href(page), "title": self.view.page_title(page)}
                                   for page in article.pages]})
        return self.env.get_template("partials/glossary/articles.html").render(articles=rows)


def fill_pages(view: EditionView, env: jinja2.Environment, pages: Mapping[str, str],
               on_page: Callable[[str, str, list[Section]], None]) -> None:
    """Fill every page that has a placeholder; `on_page(src_path, content, sections)` takes each result."""
    for src_path, content in pages.items():
        if ids.SLOT_ATTRIBUTE not in content:
            continue
        renderer = Renderer(view, env, src_path)
        on_page(src_path, renderer.fill(content), renderer.sections)
