"""The pages the edition generates, and what is filled into pages once every page is read.

| page                          | made from                                                   |
|-------------------------------|-------------------------------------------------------------|
| `glosarium/index.md`          | every entry, A–Z by type, with mention and article counts   |
| `linimasa/index.md`           | the timeline's events, with their sources                   |
| `siapa-berkata-apa.md`        | every quote, by speaker, then by article                    |
| `ralat/index.md`              | the corrections log, newest first                           |
| each entry's page (appended)  | "Disebut di" by article, its quotes, events and changes     |

The Markdown shells are written when the files are known; their bodies are HTML filled in at the
end, where the comment placeholders are. Every field is escaped: data files are plain text.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from .backlinks import render_backlinks
from .corrections import render_changes
from .dates import format_iso_date
from .quotes import PlacedQuote, render_quote_list
from .register import fill_counts
from .sources import REFERENCE, Source
from .timeline import EventDate, render_event_list, render_timeline

if TYPE_CHECKING:
    from .edition import Edition

ENTITY_SECTIONS = "<!--glossary-entity-sections-->"
TIMELINE = "<!--glossary-timeline-->"
QUOTES = "<!--glossary-quotes-->"
CORRECTIONS = "<!--glossary-corrections-->"
#: Where a hand-written page (the landing page) wants the list of articles, newest first.
ARTICLES = "<!--glossary-articles-->"
PAGE_GLOSSARY = "<!--glossary-page-glossary-->"
SWITCHES = "<!--glossary-switches-->"
#: Blocks the extension adds that search must not index: (tag, class, placeholder while search reads).
_KEPT_FROM_SEARCH = (("aside", "glossary-page", PAGE_GLOSSARY), ("div", "glossary-controls", SWITCHES))
#: Every placeholder `fill` fills, found in one pass.
_PLACEHOLDERS = re.compile("|".join(re.escape(placeholder) for placeholder in (
    PAGE_GLOSSARY, SWITCHES, ENTITY_SECTIONS, TIMELINE, QUOTES, CORRECTIONS, ARTICLES)))

TIMELINE_PAGE = (
    "# Linimasa\n\nPeristiwa bertanggal yang disebut artikel, konteksnya, dan perkembangan "
    "sesudah artikel terbit.\n{: .no-gloss }\n\n" + TIMELINE + "\n"
)
QUOTES_PAGE = (
    "# Siapa berkata apa\n\nSemua kutipan langsung dalam artikel, dikelompokkan menurut "
    "pembicaranya, lalu menurut artikel.\n{: .no-gloss }\n\n" + QUOTES + "\n"
)
CORRECTIONS_PAGE = (
    "# Ralat dan pembaruan\n\nSetiap perbaikan kesalahan (ralat) dan setiap pembaruan entri atau "
    "catatan, yang terbaru lebih dulu. Ikuti juga lewat [umpan Atom](../feed.xml).\n{: .no-gloss }\n\n"
    + CORRECTIONS + "\n"
)


def stub(markdown: str) -> str:
    """A generated page with the glossary off: its title, and a line saying so."""
    return f"{markdown.splitlines()[0]}\n\nGlosarium dimatikan pada build ini.\n"


def after_content(edition: Edition, src_path: str, html: str) -> str:
    """The page's HTML before search reads it: its page glossary and switches set aside, an entry's
    sections marked.

    Both are kept out of the search index, but Material's search parses every tag of a page before
    it drops the excluded ones: about 8 tags per entity on every page, most of what the glossary
    added to a 400 x 1,000 build's search time. They wait in `edition.set_aside` and `fill` puts
    them back where they were. An entry's sections go after its body, before its sources.
    """
    for tag, class_name, placeholder in _KEPT_FROM_SEARCH:
        start, end = _last_element(html, tag, class_name)
        if start >= 0:
            edition.set_aside[src_path, placeholder] = html[start:end]
            html = html[:start] + placeholder + html[end:]
    if edition.glossary.entity_at(src_path) is None:
        return html
    index = _last_element(html, "section", "glossary-sources")[0]
    if index < 0:
        index = html.find(PAGE_GLOSSARY)
    return html[:index] + ENTITY_SECTIONS + html[index:] if index >= 0 else html + ENTITY_SECTIONS


def _last_element(html: str, tag: str, class_name: str) -> tuple[int, int]:
    """(start, end) of the last `<tag class="class_name">…</tag>` in `html`, or (-1, -1).

    For the sections the extension appends after the text, which hold no element of their own
    tag. Found by the class: the serializer writes attributes in its own order.
    """
    mark = html.rfind(f' class="{class_name}"')
    start = html.rfind(f"<{tag} ", 0, mark) if mark >= 0 else -1
    end = html.find(f"</{tag}>", mark) if start >= 0 else -1
    return (start, end + len(tag) + 3) if end >= 0 else (-1, -1)


def fill(edition: Edition, src_path: str, url: str, html: str) -> str:
    """Fill the placeholders of one written page, each once (its first occurrence).

    One pass over the page: a written page is mostly the theme's navigation (about 150 KB at 1,400
    pages), and a search and a copy of it per placeholder cost more than filling them.
    """
    filler = _Filler(edition, url)
    filled: set[str] = set()

    def replacement(match: re.Match[str]) -> str:
        placeholder = match.group()
        if placeholder in filled:
            return placeholder
        filled.add(placeholder)
        if placeholder in (PAGE_GLOSSARY, SWITCHES):
            return edition.set_aside.pop((src_path, placeholder), "")
        if placeholder == ENTITY_SECTIONS:
            entity = edition.glossary.entity_at(src_path)
            return filler.entity_sections(entity.id, src_path) if entity is not None else placeholder
        if placeholder == TIMELINE:
            return filler.timeline()
        if placeholder == QUOTES:
            return filler.quotes()
        if placeholder == CORRECTIONS:
            return render_changes(edition.changes, filler.target_link)
        return filler.articles()  # ARTICLES

    html = _PLACEHOLDERS.sub(replacement, html)
    if src_path == edition.glossary.register_path:
        html = fill_counts(html, edition.backlinks.counts(), edition.backlinks.article_counts(),
                           edition.glossary.entities)
    return html


class _Filler:
    """Links and lists as seen from the page being written (`url`)."""

    def __init__(self, edition: Edition, url: str) -> None:
        from .edition import relative_url
        self.edition = edition
        self.url = url
        self.relative = lambda target: relative_url(target, url)

    def page_href(self, src_path: str) -> str:
        return self.relative(self.edition.urls.get(src_path, ""))

    def page_title(self, src_path: str) -> str:
        record = self.edition.pages.get(src_path)
        title = record.title if record else src_path
        article = self.edition.articles.of(src_path)
        if article is not None and len(self.edition.articles.all) > 1 and title != article.title:
            return f"{article.title}: {title}"
        return title

    def _own_title(self, src_path: str) -> str:
        record = self.edition.pages.get(src_path)
        return record.title if record else src_path

    def entity_link(self, entity_id: str) -> str:
        entity = self.edition.glossary.entities[entity_id]
        return (f'<a href="{escape(self.page_href(entity.src_path))}" class="entity-link" '
                f'data-entity-type="{escape(entity.type)}">{escape(entity.title)}</a>')

    def target_link(self, target: str) -> tuple[str, str]:
        entity = self.edition.glossary.entities.get(target)
        if entity is not None:
            return self.page_href(entity.src_path), entity.title
        return self.page_href(target), self.page_title(target)

    def source_ref(self, key: str, numbers: dict[str, int], listed: list[Source]) -> str:
        """A reference in generated text: numbered on this page, listed under "Sumber"."""
        owner, _, source_id = key.partition("/")
        entity = self.edition.glossary.entities.get(owner)
        source = next((s for s in entity.sources if s.id == source_id), None) if entity else None
        if source is None:
            return ""
        number = numbers.get(key)
        if number is None:
            number = numbers[key] = len(numbers) + 1
            listed.append(source)
        return f'<sup class="glossary-ref"><a href="#sumber-{number}">[{number}]</a></sup>'

    def with_references(self, text: str, numbers: dict[str, int], listed: list[Source]) -> str:
        """Escaped `text` with its `[@entity/id]` references as numbered links."""
        parts, last = [], 0
        for match in REFERENCE.finditer(text):
            parts.append(escape(text[last:match.start()]))
            key = f"{match.group('entity') or ''}/{match.group('source')}"
            parts.append(self.source_ref(key, numbers, listed))
            last = match.end()
        parts.append(escape(text[last:]))
        return "".join(parts)

    def articles(self) -> str:
        """The edition's articles, newest first: title, outlet and date, then the pages."""
        items = []
        for article in self.edition.articles.all:
            pages = "".join(f'<li><a href="{escape(self.page_href(page))}">Halaman {number}: '
                            f"{escape(self._own_title(page))}</a></li>"
                            for number, page in enumerate(article.pages, start=1))
            items.append(f'<li class="edition-article"><a href="{escape(self.page_href(article.pages[0]))}">'
                         f"<strong>{escape(article.title)}</strong></a><br>"
                         f'{escape(article.publisher)}, <time datetime="{escape(article.date)}">'
                         f"{escape(article.date_text)}</time>"
                         + (f", mengutip {escape(article.via)}" if article.via else "")
                         + f' · {len(article.pages)}&nbsp;halaman<ol class="edition-article__pages">{pages}</ol></li>')
        return f'<ul class="edition-articles">{"".join(items)}</ul>' if items else "<p>Belum ada artikel.</p>"

    def timeline(self) -> str:
        numbers: dict[str, int] = {}
        listed: list[Source] = []
        first = self.edition.articles.first_date()
        split = EventDate.parse(first) if first else EventDate(9999)  # No article yet: all is context.
        html = render_timeline(self.edition.events, split, page_href=self.page_href,
                               entity_link=self.entity_link, page_title=self.page_title,
                               text=lambda event_text: self.with_references(event_text, numbers, listed))
        return html + sources_list(listed)

    def quotes(self) -> str:
        speakers: dict[str, list[PlacedQuote]] = {}
        for quote in self.edition.placed_quotes():
            speakers.setdefault(quote.quote.speaker, []).append(quote)
        parts = []
        for speaker, quotes in speakers.items():
            entity = self.edition.glossary.entities[speaker]
            role = f'<p class="speaker__role">{escape(entity.role)}</p>' if entity.role else ""
            parts.append(f'<section class="speaker" aria-labelledby="pembicara-{escape(speaker)}">'
                         f'<h2 id="pembicara-{escape(speaker)}">{self.entity_link(speaker)}</h2>{role}'
                         + self.quotes_by_article(quotes) + "</section>")
        return "".join(parts) or "<p>Belum ada kutipan yang ditandai.</p>"

    def quotes_by_article(self, quotes: list[PlacedQuote]) -> str:
        groups: dict[str | None, list[PlacedQuote]] = {}
        for quote in quotes:
            groups.setdefault(quote.article_title, []).append(quote)
        if len(self.edition.articles.all) <= 1:
            return render_quote_list(quotes, href=self.relative)
        return "".join((f'<h3 class="quote-article">{escape(title)}</h3>' if title else "")
                       + render_quote_list(members, href=self.relative) for title, members in groups.items())

    def entity_sections(self, entity_id: str, src_path: str) -> str:
        """"Disebut di", then the entity's quotes, events and changes, on its own page."""
        edition = self.edition
        html = render_backlinks(edition.backlinks.for_entity(entity_id), href=self.relative)
        quotes = [q for q in edition.placed_quotes() if q.quote.speaker == entity_id]
        if quotes:
            html += ('<section class="entity-quotes" aria-labelledby="kutipan"><h2 id="kutipan">Kutipan</h2>'
                     + self.quotes_by_article(quotes) + "</section>")
        events = [event for event in edition.events if entity_id in event.entities]
        if events:
            record = edition.pages.get(src_path)
            html += ('<section class="entity-timeline" aria-labelledby="peristiwa"><h2 id="peristiwa">Peristiwa</h2>'
                     + render_event_list(events, page_href=self.page_href, page_title=self.page_title,
                                         text=lambda event_text: self.entry_references(event_text, entity_id,
                                                                                       record))
                     + "</section>")
        changes = [change for change in edition.changes
                   if entity_id in change.targets or src_path in change.targets]
        if changes:
            html += ('<section class="entity-changes" aria-labelledby="ralat"><h2 id="ralat">Ralat dan pembaruan</h2>'
                     + render_changes(changes, self.target_link) + "</section>")
        return html

    def entry_references(self, text: str, entity_id: str, record) -> str:
        """An event on an entry's page: its references point at the "Sumber" list that has them."""
        parts, last = [], 0
        for match in REFERENCE.finditer(text):
            parts.append(escape(text[last:match.start()]))
            owner, source_id = match.group("entity") or "", match.group("source")
            owner_entity = self.edition.glossary.entities.get(owner)
            owner_record = self.edition.pages.get(owner_entity.src_path) if owner_entity else None
            number = owner_record.report.source_numbers.get(f"{owner}/{source_id}") if owner_record else None
            if number is not None:
                page = "" if owner == entity_id else self.page_href(owner_entity.src_path)
                parts.append(f'<sup class="glossary-ref"><a href="{escape(page)}#sumber-{number}">'
                             f"[{escape(owner_entity.title)} {number}]</a></sup>"
                             if page else f'<sup class="glossary-ref"><a href="#sumber-{number}">[{number}]</a></sup>')
            last = match.end()
        parts.append(escape(text[last:]))
        return "".join(parts)


def sources_list(listed: list[Source]) -> str:
    """"Sumber" for a generated page, numbered as cited."""
    if not listed:
        return ""
    items = "".join(
        f'<li id="sumber-{number}">{escape(source.publisher)}, “<a href="{escape(source.url)}" rel="external">'
        f"{escape(source.title)}</a>”, {escape(format_iso_date(source.date))}.</li>"
        for number, source in enumerate(listed, start=1)
    )
    return ('<section class="glossary-sources" aria-labelledby="sumber"><h2 id="sumber">Sumber</h2>'
            f"<ol>{items}</ol></section>")
