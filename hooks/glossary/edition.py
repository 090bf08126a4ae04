"""The edition across its pages: what was collected, and the pages and feed made from it.

The MkDocs hook hands every event to this one object, which knows nothing of MkDocs: pages are
known by their path under the docs folder (`src_path`) and their URL from the site root.

| step                 | method               | what                                                      |
|----------------------|----------------------|-----------------------------------------------------------|
| files are known      | `load`               | articles, timeline and corrections read and checked       |
|                      | `generated_pages`    | register, timeline, quotes, corrections: Markdown shells  |
| a page is converted  | `page_sources`       | the sources an article page lists, for its `[@id]`        |
|                      | `add_page`           | its mentions, quotes and citations                        |
| every page is read   | `check`              | never-mentioned entries, unused sources, stale reviews    |
| a page is written    | `fill`               | backlinks, counts, events, quotes: known only now         |
"""

from __future__ import annotations

import datetime
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import generated
from .articles import Article, Articles, load_articles
from .backlinks import Backlinks
from .catalog import Glossary, load_glossary
from .corrections import Change, atom_feed, parse_changes
from .entries import Entity
from .errors import EntryError
from .markup import PageReport
from .quotes import PlacedQuote
from .register import register_markdown
from .safe_yaml import Lines, host_front_matter_problem, load_front_matter, read_text
from .sources import REFERENCE, Source, parse_sources
from .timeline import Event, parse_events


#: Front matter up to its closing fence, however broken, or the whole text when it never closes.
_BROKEN_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)|.*\Z)", re.DOTALL)
_ENTRY_TYPE = re.compile(r"^type:\s*(?:person|institution|place)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class EditionOptions:
    glossary_dir: str = "glosarium"
    timeline_dir: str = "linimasa"
    quotes_page: str = "siapa-berkata-apa.md"
    corrections_file: str = "ralat/perubahan.yml"
    corrections_page: str = "ralat/index.md"
    review_after_days: int = 365


@dataclass
class PageRecord:
    url: str
    title: str
    position: int
    report: PageReport = field(default_factory=PageReport)


@dataclass(frozen=True)
class PageData:
    """What templates and the metadata hook read about a page (`page.meta["glossary"]`)."""

    entity: Entity | None
    mentions: tuple[Entity, ...]
    article: Article | None
    entity_urls: dict[str, str]


def relative_url(url: str, from_url: str) -> str:
    """`url` (from the site root) as seen from the page at `from_url` (MkDocs' rule).

    `posixpath.relpath` gives the same, but it makes both paths absolute first; with one call
    per "Disebut di" link it showed in the profile of a 400 x 1,000 build.
    """
    if ".." in url or ".." in from_url or url.startswith("/") or from_url.startswith("/"):
        # Not a site URL as MkDocs makes them: let posixpath resolve it.
        head, tail = posixpath.split(from_url)
        relative = posixpath.relpath(url or ".", (head if "." in tail else from_url) or ".")
    else:
        head, _, tail = from_url.rpartition("/")
        base = head if "." in tail else from_url
        target = [part for part in url.split("/") if part not in ("", ".")]
        start = [part for part in base.split("/") if part not in ("", ".")]
        common = 0
        while common < len(target) and common < len(start) and target[common] == start[common]:
            common += 1
        relative = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    return relative + "/" if url.endswith("/") and not relative.endswith("/") else relative


class Edition:
    def __init__(self, glossary: Glossary, docs_dir: Path, options: EditionOptions | None = None) -> None:
        self.glossary = glossary
        self.docs_dir = docs_dir
        self.options = options or EditionOptions()
        self.errors: list[str] = [f"docs/{error}" for error in glossary.errors]
        self.warnings: list[str] = [f"docs/{warning}" for warning in glossary.warnings]
        self.articles = Articles([])
        self.events: list[Event] = []
        self.changes: list[Change] = []
        self.pages: dict[str, PageRecord] = {}
        self.urls: dict[str, str] = {}
        self.backlinks = Backlinks()
        self.generated: dict[str, str] = {}
        #: (file shown in messages, event), for the checks that name the event's file and line.
        self.located_events: list[tuple[str, Event]] = []
        #: The sources each article page lists, by path.
        self.page_source_lists: dict[str, tuple[Source, ...]] = {}
        #: (page, placeholder) -> HTML set aside while search reads the page (see `generated`).
        self.set_aside: dict[tuple[str, str], str] = {}
        #: `placed_quotes`, built once after the last page is added (each entry page reads it).
        self._placed_quotes: list[PlacedQuote] | None = None

    @classmethod
    def open(cls, docs_dir: Path, options: EditionOptions, page_paths: set[str]) -> Edition:
        """Load the glossary, the articles, the timeline and the corrections of a docs folder."""
        edition = cls(load_glossary(docs_dir / options.glossary_dir, docs_dir), docs_dir, options)
        edition.load(page_paths)
        return edition

    # Files are known -----------------------------------------------------------------------

    def load(self, page_paths: set[str]) -> None:
        """Read the articles, the timeline and the corrections log; bad input goes to `errors`."""
        self.page_paths = page_paths
        self._check_stray_entries()
        articles, errors = load_articles(self.docs_dir)
        self.articles = Articles(articles)
        self.errors += [str(error) for error in errors]
        folder = self.docs_dir / self.options.timeline_dir
        for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []:
            shown = f"docs/{path.relative_to(self.docs_dir).as_posix()}"
            try:
                events = parse_events(read_text(path, shown), shown,
                                      known_entity=lambda i: i in self.glossary.entities,
                                      known_page=lambda uri: uri in page_paths)
                self.events += events
                self.located_events += [(shown, event) for event in events]
            except EntryError as error:
                self.errors.append(str(error))
        self.events.sort(key=lambda event: event.date)
        log = self.docs_dir / self.options.corrections_file
        if log.is_file():
            shown = f"docs/{self.options.corrections_file}"
            try:
                self.changes = parse_changes(read_text(log, shown), shown, self._known_target)
            except EntryError as error:
                self.errors.append(str(error))

    def unreadable_entries(self) -> list[str]:
        """Entity files that failed to load (reported already): the host must not build them as pages."""
        failed = {error.path for error in self.glossary.errors} | set(self._misnamed_entries())
        return sorted(path for path in failed if path in self.page_paths and path not in self.glossary.by_path)

    def _misnamed_entries(self) -> list[str]:
        """Pages in the glossary folder that are not `.md` files (`.markdown`, `.mdown`): no entry is read from them."""
        folder = self.glossary.folder + "/"
        return [path for path in sorted(self.page_paths) if path.startswith(folder) and not path.endswith(".md")]

    def _check_stray_entries(self) -> None:
        """A page outside the glossary folder whose front matter reads like an entry is a misplaced entry."""
        folder = self.glossary.folder + "/"
        for path in self._misnamed_entries():
            self.errors.append(f"docs/{path}: a page in the glossary folder must be an entry saved as '.md' "
                               f"(rename it to {path.rsplit('.', 1)[0]}.md, or move it out of docs/{folder})")
        for path in sorted(self.page_paths):
            if path.startswith(folder):
                continue
            try:
                head = (self.docs_dir / path).read_bytes()[:2048].decode("utf-8", "replace")
            except OSError:
                continue
            if head.startswith("---") and _ENTRY_TYPE.search(head) and "\nsummary:" in head:
                self.errors.append(f"docs/{path}: looks like a glossary entry (type, summary) but is outside "
                                   f"docs/{folder}; move it there, or it is an ordinary page")

    def _known_target(self, target: str) -> bool:
        return target in self.glossary.entities or target in self.page_paths

    def generated_pages(self, existing: set[str], url_of: Callable[[str], str],
                        enabled: bool = True) -> dict[str, str]:
        """The generated pages' Markdown, by path, for those an editor has not written.

        `url_of(src_path)` is the URL a page gets (the host decides: directory URLs or not). With the
        glossary off they are stubs that say so, so the navigation still resolves.
        """
        register = self.glossary.register_path
        wanted = {
            register: register_markdown(self.glossary.entities.values(),
                                        href=lambda e: relative_url(url_of(e.src_path), url_of(register))),
            f"{self.options.timeline_dir}/index.md": generated.TIMELINE_PAGE,
            self.options.quotes_page: generated.QUOTES_PAGE,
            self.options.corrections_page: generated.CORRECTIONS_PAGE,
        }
        for path in sorted(wanted.keys() & existing):
            self.errors.append(f"docs/{path}: this page is generated by the glossary; "
                               f"remove the file (it would not be filled)")
        if not enabled:
            wanted = {path: generated.stub(text) for path, text in wanted.items()}
        self.generated = {path: text for path, text in wanted.items() if path not in existing}
        return self.generated

    # Pages are converted -------------------------------------------------------------------

    def page_sources(self, src_path: str, text: str) -> tuple[Source, ...]:
        """The `sources` an article page lists in its front matter (entries have theirs already)."""
        if self.glossary.entity_at(src_path) is not None or "sources:" not in text:
            return ()
        shown = f"docs/{src_path}"
        try:
            front, _body = load_front_matter(text, shown)
            data = front.data if front is not None else None
            if not isinstance(data, dict):
                return ()
            sources = parse_sources(data.get("sources"), front.lines.under("sources"), shown)
            self.page_source_lists[src_path] = sources
            return sources
        except EntryError as error:
            self.errors.append(str(error))
            return ()

    def front_matter_error(self, src_path: str, text: str) -> tuple[str, str] | None:
        """(located error, the body to publish instead) when MkDocs could not load the page's front matter.

        MkDocs would publish the whole file, front matter included; the page is published without it.
        """
        problem = host_front_matter_problem(text)
        if problem is None:
            return None
        line, message = problem
        return f"docs/{src_path}:{line}: {message}", _BROKEN_FRONT_MATTER.sub("", text, count=1)

    def add_page(self, src_path: str, url: str, title: str, position: int, report: PageReport) -> list[str]:
        """Record a converted page; return its problems, located.

        An entry is known by its own title, as plain text (the host may have escaped the page's title
        for its theme; what the glossary writes, it escapes itself).
        """
        entity = self.glossary.entity_at(src_path)
        title = entity.title if entity is not None else title
        self.pages[src_path] = PageRecord(url, title, position, report)
        self._placed_quotes = None
        is_entry = entity is not None
        article = self.articles.of(src_path)
        self.backlinks.add_page(url, title, report.mentions, is_entry=is_entry, position=position,
                                article=article)
        return report.located(f"docs/{src_path}")

    def page_data(self, src_path: str) -> PageData:
        record = self.pages.get(src_path)
        mentioned = dict.fromkeys(m.entity_id for m in record.report.mentions) if record else {}
        return PageData(
            entity=self.glossary.entity_at(src_path),
            mentions=tuple(self.glossary.entities[i] for i in mentioned),
            article=self.articles.of(src_path),
            entity_urls=self.urls,
        )

    def article_meta(self, src_path: str) -> dict | None:
        """For the templates: the article a page belongs to, and where the page is in it."""
        article = self.articles.of(src_path)
        if article is None:
            return None
        number = article.number_of(src_path)
        neighbour = lambda n: self.urls.get(article.pages[n - 1]) if 1 <= n <= len(article.pages) else None  # noqa: E731
        return {
            "title": article.title, "date": article.date, "date_text": article.date_text,
            "publisher": article.publisher, "via": article.via, "pages": len(article.pages),
            "number": number, "previous_url": neighbour(number - 1), "next_url": neighbour(number + 1),
        }

    # Every page is read ----------------------------------------------------------------------

    def check(self, today: datetime.date) -> tuple[list[str], list[str]]:
        """(warnings, notes): entries never mentioned, unused sources, anchors; reviews due."""
        warnings: list[str] = []
        counts = self.backlinks.counts(entries=True)
        cited = {key for record in self.pages.values() for key in record.report.cited}
        for _path, event in self.located_events:
            cited |= set(event_references(event))
        for src_path, sources in self.page_source_lists.items():
            for source in sources:
                if f"/{source.id}" not in self.pages.get(src_path, PageRecord("", "", 0)).report.cited:
                    warnings.append(f"docs/{src_path}: source '{source.id}' is never cited")
        for entity in self.glossary.entities.values():
            if not counts.get(entity.id):
                warnings.append(f"docs/{entity.src_path}: entity '{entity.id}' is never mentioned")
            for source in entity.sources:
                if f"{entity.id}/{source.id}" not in cited:
                    line = entity.field_lines.get(f"sources/{source.id}")
                    where = f"docs/{entity.src_path}:{line}" if line else f"docs/{entity.src_path}"
                    warnings.append(f"{where}: source '{source.id}' is never cited")
        for path, event in self.located_events:
            references = event_references(event)
            if not references:
                warnings.append(f"{path}:{event.line}: the event cites no source "
                                "(cite one of an entry's sources as [@entity-id/source-id])")
            for reference in references:
                owner, _, source_id = reference.partition("/")
                entity = self.glossary.entities.get(owner)
                if entity is None or not any(source.id == source_id for source in entity.sources):
                    warnings.append(f"{path}:{event.line}: reference to an unknown source '[@{reference}]' "
                                    "(events cite an entry's source: [@entity-id/source-id])")
            if event.page and event.anchor:
                record = self.pages.get(event.page)
                anchors = {m.anchor for m in record.report.mentions} | {q.anchor for q in record.report.quotes} \
                    if record else set()
                if event.anchor not in anchors:
                    warnings.append(f"{path}:{event.line}: no mention or quote '#{event.anchor}' "
                                    f"on {event.page}")
        notes = []
        limit = datetime.timedelta(days=self.options.review_after_days)
        for entity in sorted(self.glossary.entities.values(), key=lambda e: e.id):
            if entity.reviewed is None:
                notes.append(f"docs/{entity.src_path}: never reviewed")
            elif today - datetime.date.fromisoformat(entity.reviewed) > limit:
                notes.append(f"docs/{entity.src_path}: last reviewed {entity.reviewed}, "
                             f"more than {self.options.review_after_days} days ago")
        return warnings, notes

    def placed_quotes(self) -> list[PlacedQuote]:
        """Every quote in reading order, with its article.

        Kept until a page is added: every entry page asks, and sorting every page once per entry
        was O(entries x pages), 2 s of a 400 x 1,000 build.
        """
        if self._placed_quotes is None:
            placed = []
            for src_path, record in sorted(self.pages.items(), key=lambda item: item[1].position):
                if not record.report.quotes:
                    continue
                article = self.articles.of(src_path)
                placed += [PlacedQuote(quote, record.url, record.title, article.title if article else None)
                           for quote in record.report.quotes]
            self._placed_quotes = placed
        return self._placed_quotes

    # A page is written ----------------------------------------------------------------------

    def fill(self, src_path: str, html: str) -> str:
        """Put in what is known only once every page is read."""
        record = self.pages.get(src_path)
        url = record.url if record else self.urls.get(src_path, "")
        return generated.fill(self, src_path, url, html)

    def feed(self, site_url: str, site_name: str) -> str:
        page_url = site_url + self.urls.get(self.options.corrections_page, "ralat/")

        def link(target: str) -> tuple[str, str]:
            path = self.glossary.entities[target].src_path if target in self.glossary.entities else target
            record = self.pages.get(path)
            return site_url + self.urls.get(path, ""), record.title if record else path

        return atom_feed(self.changes, title=f"Ralat dan pembaruan — {site_name}", site_url=site_url,
                         page_url=page_url, link=link)


def event_references(event: Event) -> list[str]:
    """The sources an event's text cites, as "entity-id/source-id" ("/id" if unqualified)."""
    return [f"{m.group('entity') or ''}/{m.group('source')}" for m in REFERENCE.finditer(event.text)]
