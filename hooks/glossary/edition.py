"""The edition across its pages: its state, the questions asked of it, and the host's one door.

A host (the MkDocs hook) talks to the engine through this object alone; it knows nothing of
MkDocs. Pages are known by their path under the docs folder (`src_path`), and by their URL from
the site root once the host says it.

| step                 | method                 | what                                                    |
|----------------------|------------------------|---------------------------------------------------------|
| files are known      | `open`                 | glossary, articles, timeline and corrections read       |
|                      | `generated_pages`      | register, timeline, quotes, corrections: Markdown shells |
|                      | `markdown_extension`   | the extension that annotates every page                 |
| a page is converted  | `start_page`           | the page announced, with its sources and labels         |
|                      | `finish_page`          | its mentions, quotes and citations recorded             |
| every page is read   | `fill`                 | cross-page content rendered into each page's HTML,      |
|                      |                        | before search reads it (`rendering`)                    |
|                      | `check`                | never-mentioned entries, unused sources, stale reviews, |
|                      |                        | each entry's share of established sources               |
| after search         | `place_apart`          | the switches and page glossary, kept out of the index   |
| the site is written  | `feed`                 | the corrections' Atom feed                              |

Every problem is a `Problem` with a path under the docs folder; the host shows the folder.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import rendering
from .articles import Article, Articles, load_articles
from .bibliography import Shares
from .backlinks import Backlinks
from .catalog import Glossary, load_glossary
from .corrections import Change, Target, atom_feed, parse_changes
from .entries import Entity
from .errors import INFO, WARNING, EntryError, Problem
from .extension import GlossaryExtension
from .markup import PageReport
from .quotes import PlacedQuote
from .references import Numbering, key_of
from .register import fill_counts, register_markdown
from .safe_yaml import host_front_matter_problem, load_front_matter, read_text
from .sources import REFERENCE, Source, parse_source_ids
from .timeline import Event, parse_events
from .types import TYPES_BY_ID
from .urls import relative_url

#: Front matter up to its closing fence, however broken, or the whole text when it never closes.
_BROKEN_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)|.*\Z)", re.DOTALL)
#: A page outside the glossary folder whose front matter reads like an entry's (`type:` one of ours).
_ENTRY_TYPE = re.compile(rf"^type:\s*(?:{'|'.join(TYPES_BY_ID)})\s*$", re.MULTILINE)

TIMELINE_PAGE = (
    "# Linimasa\n\nPeristiwa bertanggal yang disebut artikel, konteksnya, dan perkembangan "
    "sesudah artikel terbit, dalam satu urutan waktu.\n{: .no-gloss }\n\n" + rendering.TIMELINE + "\n"
)
QUOTES_PAGE = (
    "# Siapa berkata apa\n\nSemua kutipan langsung dalam artikel, dikelompokkan menurut "
    "pembicaranya, lalu menurut artikel.\n{: .no-gloss }\n\n" + rendering.QUOTES + "\n"
)
CORRECTIONS_PAGE = (
    "# Ralat dan pembaruan\n\nSetiap perbaikan kesalahan (ralat), klarifikasi, dan pembaruan entri atau "
    "catatan, yang terbaru lebih dulu. Ikuti juga lewat [umpan Atom](../feed.xml).\n{: .no-gloss }\n\n"
    + rendering.CORRECTIONS + "\n"
)


class SetupError(ValueError):
    """The glossary cannot start: a bad folder option. One clean message, no traceback."""


@dataclass(frozen=True)
class EditionOptions:
    glossary_dir: str = "glosarium"
    timeline_dir: str = "linimasa"
    quotes_page: str = "siapa-berkata-apa.md"
    corrections_file: str = "ralat/perubahan.yml"
    corrections_page: str = "ralat/index.md"
    review_after_days: int = 365
    #: 'first' or 'all' (see the extension's `mode`).
    annotate: str = "first"
    #: The class of the edition's editor's notes (admonitions).
    note_class: str = "catatan"


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
    entity_urls: Mapping[str, str]
    #: The corrections that apply to the page, newest first.
    changes: tuple[Change, ...] = ()


class Edition:
    def __init__(self, glossary: Glossary, docs_dir: Path, options: EditionOptions | None = None) -> None:
        self.glossary = glossary
        self.docs_dir = docs_dir
        self.options = options or EditionOptions()
        self.problems: list[Problem] = [error.problem for error in glossary.errors]
        self.problems += [Problem(w.path, w.line, w.message, WARNING) for w in glossary.warnings]
        self.articles = Articles([])
        self.events: list[Event] = []
        self.located_events: list[tuple[str, Event]] = []
        self.changes: list[Change] = []
        self.pages: dict[str, PageRecord] = {}
        self.urls: dict[str, str] = {}
        self.page_paths: set[str] = set()
        self.backlinks = Backlinks()
        self.generated: dict[str, str] = {}
        #: The sources each article page lists, by path.
        self.page_source_lists: dict[str, tuple[Source, ...]] = {}
        self.extension: GlossaryExtension | None = None
        self._placed_quotes: list[PlacedQuote] | None = None

    @classmethod
    def open(cls, docs_dir: Path, options: EditionOptions, page_paths: set[str]) -> Edition:
        """Load the glossary, the articles, the timeline and the corrections of a docs folder.

        Raise `SetupError` for a glossary folder outside the docs folder or missing.
        """
        folder = (docs_dir / options.glossary_dir).resolve()
        root = docs_dir.resolve()
        if folder != root and root not in folder.parents:
            raise SetupError(f"extra.glossary.dir: '{options.glossary_dir}' is outside the docs folder")
        if not folder.is_dir():
            raise SetupError(f"extra.glossary.dir: no folder '{options.glossary_dir}' in the docs folder")
        edition = cls(load_glossary(folder, docs_dir), docs_dir, options)
        edition.load(page_paths)
        return edition

    # Files are known -----------------------------------------------------------------------

    def load(self, page_paths: set[str]) -> None:
        """Read the articles, the timeline and the corrections log; bad input goes to `problems`."""
        self.page_paths = page_paths
        self._check_stray_entries()
        articles, errors = load_articles(self.docs_dir)
        self.articles = Articles(articles)
        self.problems += [error.problem for error in errors]
        folder = self.docs_dir / self.options.timeline_dir
        for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]) if folder.is_dir() else []:
            shown = path.relative_to(self.docs_dir).as_posix()
            try:
                events = parse_events(read_text(path, shown), shown,
                                      known_entity=lambda i: i in self.glossary.entities,
                                      known_page=lambda uri: uri in page_paths)
                self.events += events
                self.located_events += [(shown, event) for event in events]
            except EntryError as error:
                self.problems.append(error.problem)
        self.events.sort(key=lambda event: event.date)
        log = self.docs_dir / self.options.corrections_file
        if log.is_file():
            try:
                self.changes = parse_changes(read_text(log, self.options.corrections_file),
                                             self.options.corrections_file, self._known_target)
            except EntryError as error:
                self.problems.append(error.problem)

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
            self.problems.append(Problem(path, None, "a page in the glossary folder must be an entry saved as "
                                                     f"'.md' (rename it to {path.rsplit('.', 1)[0]}.md, or move "
                                                     f"it out of {folder})"))
        for path in sorted(self.page_paths):
            if path.startswith(folder):
                continue
            try:
                head = (self.docs_dir / path).read_bytes()[:2048].decode("utf-8", "replace")
            except OSError:
                continue
            if head.startswith("---") and _ENTRY_TYPE.search(head) and "\nsummary:" in head:
                self.problems.append(Problem(path, None, "looks like a glossary entry (type, summary) but is "
                                                         f"outside {folder}; move it there, or it is an ordinary page"))

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
            f"{self.options.timeline_dir}/index.md": TIMELINE_PAGE,
            self.options.quotes_page: QUOTES_PAGE,
            self.options.corrections_page: CORRECTIONS_PAGE,
        }
        for path in sorted(wanted.keys() & existing):
            self.problems.append(Problem(path, None, "this page is generated by the glossary; "
                                                     "remove the file (it would not be filled)"))
        if not enabled:
            wanted = {path: f"{text.splitlines()[0]}\n\nGlosarium dimatikan pada build ini.\n"
                      for path, text in wanted.items()}
        self.generated = {path: text for path, text in wanted.items() if path not in existing}
        return self.generated

    def markdown_extension(self, role_date: str | None = None) -> GlossaryExtension:
        """The extension every page is converted with; it sets apart what the host places itself."""
        self.extension = GlossaryExtension(
            glossary=self.glossary, mode=self.options.annotate, note_class=self.options.note_class, apart=True,
            role_date=role_date if role_date is not None else self.articles.first_date() or "")
        return self.extension

    # Pages are converted -------------------------------------------------------------------

    def front_matter_error(self, src_path: str, text: str) -> tuple[Problem, str] | None:
        """(problem, the body to publish instead) when MkDocs could not load the page's front matter.

        MkDocs would publish the whole file, front matter included; the page is published without it.
        """
        problem = host_front_matter_problem(text)
        if problem is None:
            return None
        line, message = problem
        return Problem(src_path, line, message), _BROKEN_FRONT_MATTER.sub("", text, count=1)

    def start_page(self, src_path: str, source: str, markdown: str) -> None:
        """Announce the page the extension converts next, with its own sources and correction labels."""
        if self.extension is None:
            return
        self.extension.start_page(src_path, self.page_sources(src_path, source),
                                  line_offset=source.count("\n") - markdown.count("\n"),
                                  labels=self.labels_for(src_path))

    def page_sources(self, src_path: str, text: str) -> tuple[Source, ...]:
        """The `sources` (ids) a page lists in its front matter (entries have theirs already)."""
        if self.glossary.entity_at(src_path) is not None or "sources:" not in text:
            return ()
        try:
            front, _body = load_front_matter(text, src_path)
            data = front.data if front is not None else None
            if not isinstance(data, dict):
                return ()
            sources = parse_source_ids(data.get("sources"), front.lines.under("sources"), src_path, self.sources)
            self.page_source_lists[src_path] = sources
            return sources
        except EntryError as error:
            self.problems.append(error.problem)
            return ()

    def labels_for(self, src_path: str) -> tuple[tuple[str, str, str], ...]:
        """The dated label of each change that applies to the page: (anchor, text, href)."""
        entity = self.glossary.entity_at(src_path)
        names = {src_path, entity.id} if entity is not None else {src_path}
        log_url = self.urls.get(self.options.corrections_page)
        if log_url is None:
            return ()
        href = relative_url(log_url, self.urls.get(src_path, ""))
        return tuple((target.anchor, change.spot_label, f"{href}#{change.id}")
                     for change in self.changes for target in change.targets if target.name in names)

    def finish_page(self, src_path: str, url: str, title: str, position: int) -> list[Problem]:
        """Record the page just converted; return its problems."""
        report = self.extension.finish_page() if self.extension is not None else PageReport()
        return self.add_page(src_path, url, title, position, report)

    def add_page(self, src_path: str, url: str, title: str, position: int, report: PageReport) -> list[Problem]:
        """Record a converted page.

        An entry is known by its own title, as plain text (the host may have escaped the page's title
        for its theme; what the glossary writes, it escapes itself).
        """
        entity = self.glossary.entity_at(src_path)
        # A host's page title is HTML (themes print it as it is): the glossary keeps it as text.
        title = entity.title if entity is not None else html.unescape(title)
        self.pages[src_path] = PageRecord(url, title, position, report)
        self._placed_quotes = None
        self.backlinks.add_page(url, title, report.mentions, is_entry=entity is not None, position=position,
                                article=self.articles.of(src_path))
        problems = list(report.problems)
        # Names held back by the longer-name rule: for an editor to decide (`not_in`, `is_in`), never an error.
        problems += [Problem(src_path, line + report.line_offset if line else None, text, INFO)
                     for line, text in report.held_back]
        for anchor, text in report.unplaced_labels:
            problems.append(Problem(self.options.corrections_file, self._change_line(src_path, anchor),
                                    f"no element '#{anchor}' on {src_path} for the label '{text}'"))
        return problems

    def _change_line(self, src_path: str, anchor: str) -> int | None:
        entity = self.glossary.entity_at(src_path)
        names = {src_path, entity.id} if entity is not None else {src_path}
        return next((change.line for change in self.changes for target in change.targets
                     if target.name in names and target.anchor == anchor), None)

    def page_data(self, src_path: str) -> PageData:
        record = self.pages.get(src_path)
        mentioned = dict.fromkeys(m.entity_id for m in record.report.mentions) if record else {}
        entity = self.glossary.entity_at(src_path)
        names = {src_path, entity.id} if entity is not None else {src_path}
        return PageData(
            entity=entity,
            mentions=tuple(self.glossary.entities[i] for i in mentioned),
            article=self.articles.of(src_path),
            entity_urls=self.urls,
            changes=tuple(c for c in self.changes if any(t.name in names for t in c.targets)),
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

    # What the renderer reads (rendering.EditionView) -------------------------------------------

    @property
    def entities(self) -> Mapping[str, Entity]:
        return self.glossary.entities

    @property
    def sources(self) -> Mapping[str, Source]:
        """The bibliography: every source of the edition, by id."""
        return self.glossary.bibliography.sources

    @property
    def corrections_page(self) -> str:
        return self.options.corrections_page

    def page_url(self, src_path: str) -> str:
        record = self.pages.get(src_path)
        return record.url if record is not None else self.urls.get(src_path, "")

    def page_title(self, src_path: str) -> str:
        record = self.pages.get(src_path)
        return record.title if record is not None else src_path

    def page_numbering(self, src_path: str) -> Numbering:
        """A copy of the page's numbering of its sources, for the renderer to continue."""
        record = self.pages.get(src_path)
        if record is None:
            return Numbering()
        numbering = record.report.numbering
        return Numbering(dict(numbering.numbers), list(numbering.listed),
                         {number: list(places) for number, places in numbering.markers.items()})

    def placed_quotes(self) -> Sequence[PlacedQuote]:
        """Every quote in reading order, with its article (computed once per set of pages)."""
        if self._placed_quotes is None:
            placed = []
            for src_path, record in sorted(self.pages.items(), key=lambda item: item[1].position):
                article = self.articles.of(src_path)
                placed += [PlacedQuote(quote, record.url, record.title, article.title if article else None)
                           for quote in record.report.quotes]
            self._placed_quotes = placed
        return self._placed_quotes

    # Every page is read ----------------------------------------------------------------------

    def fill(self, contents: Mapping[str, str], theme_loader: jinja2.BaseLoader | None = None
             ) -> dict[str, tuple[str, list[rendering.Section]]]:
        """Each page's HTML with the cross-page content filled in, and the sections added to it.

        `contents`: the converted HTML of every page, by path. Only pages that changed are returned.
        """
        env = rendering.environment(theme_loader)
        filled: dict[str, tuple[str, list[rendering.Section]]] = {}
        if self.extension is not None:
            for entity in self.entities.values():
                content = contents.get(entity.src_path)
                if content is not None and rendering.ENTITY_SECTIONS not in content:
                    self.problems.append(Problem(entity.src_path, None, "the glossary's sections (\"Disebut di\", "
                                                 "Sumber) have no place on this page: another extension removed "
                                                 "their slot", WARNING))
        rendering.fill_pages(self, env, contents, lambda path, html, sections: filled.__setitem__(
            path, (html, sections)))
        register = self.glossary.register_path
        if register in contents:
            html = filled.get(register, (contents[register], []))[0]
            counts = self.backlinks.all_counts()
            filled[register] = (fill_counts(html, {entity_id: counts[entity_id].register_text() if entity_id in counts
                                                   else "belum disebut" for entity_id in self.glossary.entities}), [])
        return filled

    def unrendered_mentions(self, src_path: str, output: str) -> Problem | None:
        """A warning when the written page shows none of the mentions its content held: its template
        left the content out (Material's home page), and "Disebut di" links to anchors it lacks."""
        record = self.pages.get(src_path)
        anchors = [m.anchor for m in record.report.mentions if m.anchor] if record else []
        if not anchors or any(f'id="{anchor}"' in output for anchor in anchors[:3]):
            return None
        return Problem(src_path, None, f"its template does not show the page's content: the {len(anchors)} "
                                       "mentions recorded there lead nowhere from \"Disebut di\"", WARNING)

    def place_apart(self, src_path: str, content: str) -> str:
        """The page's HTML with what the extension set apart from search: the switches before the title
        (before the page's first heading, or first), the page glossary last."""
        record = self.pages.get(src_path)
        if record is None or not (record.report.switches or record.report.page_glossary):
            return content
        title = content.find("<h1")
        at = title if title >= 0 else 0
        return content[:at] + record.report.switches + content[at:] + record.report.page_glossary

    def check(self, today: datetime.date) -> list[Problem]:
        """Warnings (entries never mentioned, unused sources, events' references and anchors) and
        notes (severity INFO: each entry's share of primary, wire or established sources; reviews due)."""
        problems: list[Problem] = []
        counts = self.backlinks.counts(entries=True)
        cited = {key for record in self.pages.values() for key in record.report.cited}
        for _path, event in self.located_events:
            cited |= set(event_references(event))
        listed = {source.id for sources in self.page_source_lists.values() for source in sources}
        for src_path, sources in self.page_source_lists.items():
            record = self.pages.get(src_path)
            page_cited = set(record.report.cited) if record else set()
            for source in sources:
                if source.id not in page_cited:
                    problems.append(Problem(src_path, None, f"source '{source.id}' is never cited", WARNING))
        for entity in self.glossary.entities.values():
            if not counts.get(entity.id):
                problems.append(Problem(entity.src_path, None, f"entity '{entity.id}' is never mentioned", WARNING))
            cited_there = self.entry_sources(entity, listed=False)
            for source in entity.sources:
                listed.add(source.id)
                if source.id not in cited_there:
                    problems.append(Problem(entity.src_path, entity.field_lines.get(f"sources/{source.id}"),
                                            f"source '{source.id}' is never cited on the entry's page", WARNING))
        bibliography = self.glossary.bibliography
        for source_id in bibliography.sources.keys() - cited - listed:
            problems.append(Problem(bibliography.sources_path, bibliography.source_lines.get(source_id),
                                    f"source '{source_id}' is never cited", WARNING))
        for path, event in self.located_events:
            problems += self._event_problems(path, event)
        if bibliography.sources:
            problems.append(Problem(bibliography.sources_path, None, "the bibliography: "
                                    + Shares.of(bibliography.sources.values()).sentence(), INFO))
        for entity in sorted(self.glossary.entities.values(), key=lambda e: e.id):
            behind = [self.sources[i] for i in self.entry_sources(entity) if i in self.sources]
            if behind:
                problems.append(Problem(entity.src_path, None, Shares.of(behind).sentence(), INFO))
        limit = datetime.timedelta(days=self.options.review_after_days)
        for entity in sorted(self.glossary.entities.values(), key=lambda e: e.id):
            if entity.reviewed is None:
                problems.append(Problem(entity.src_path, None, "never reviewed", INFO))
            elif today - datetime.date.fromisoformat(entity.reviewed) > limit:
                problems.append(Problem(entity.src_path, None, f"last reviewed {entity.reviewed}, "
                                        f"more than {self.options.review_after_days} days ago", INFO))
        return problems

    def entry_sources(self, entity: Entity, listed: bool = True) -> dict[str, None]:
        """The ids of the sources on an entry's page: cited in its text or by its events, then (`listed`)
        those its `sources` lists."""
        record = self.pages.get(entity.src_path)
        found = dict.fromkeys(record.report.cited if record is not None else ())
        for event in self.events:
            if entity.id in event.entities:
                found.update(dict.fromkeys(event_references(event)))
        if listed:
            found.update(dict.fromkeys(source.id for source in entity.sources))
        return found

    def _event_problems(self, path: str, event: Event) -> list[Problem]:
        problems = []
        references = event_references(event)
        if not references:
            problems.append(Problem(path, event.line, "the event cites no source "
                                    "(cite a source of the bibliography as [@id])", WARNING))
        for reference in references:
            if reference not in self.sources:
                problems.append(Problem(path, event.line, f"reference to an unknown source '[@{reference}]' "
                                        "(sources are defined in sumber/pustaka.yml)", WARNING))
        if event.page and event.anchor:
            record = self.pages.get(event.page)
            anchors = ({m.anchor for m in record.report.mentions} | {q.anchor for q in record.report.quotes}
                       if record else set())
            if event.anchor not in anchors:
                problems.append(Problem(path, event.line, f"no mention or quote '#{event.anchor}' on {event.page}",
                                        WARNING))
        return problems

    # The site is written -------------------------------------------------------------------

    def write_open_data(self, site_dir: Path, site_url: str, site_name: str, contents: Mapping[str, str]) -> list[str]:
        """data/: the entries, the article's mentions as Web Annotations, the articles as TEI."""
        from .open_data import write_open_data  # Only a build that writes the site needs it.
        pages = {src_path: (site_url + self.page_url(src_path), html) for src_path, html in contents.items()}
        entity_urls = {entity.id: site_url + self.page_url(entity.src_path) for entity in self.entities.values()}
        return write_open_data(site_dir, self.entities.values(), entity_urls, self.articles.first_date(),
                               self.articles.all, pages, site_url, edition=site_name)

    def feed(self, site_url: str, site_name: str) -> str:
        page_url = site_url + self.urls.get(self.options.corrections_page, "ralat/")

        def link(target: Target) -> tuple[str, str]:
            entity = self.glossary.entities.get(target.name)
            path = entity.src_path if entity is not None else target.name
            url = site_url + self.urls.get(path, "") + (f"#{target.anchor}" if target.anchor else "")
            return url, entity.title if entity is not None else self.page_title(path)

        return atom_feed(self.changes, title=f"Ralat dan pembaruan — {site_name}", site_url=site_url,
                         page_url=page_url, link=link)


def event_references(event: Event) -> list[str]:
    """The ids of the sources an event's text cites."""
    return [key_of(match) for match in REFERENCE.finditer(event.text)]
