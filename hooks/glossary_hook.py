"""MkDocs hooks for the glossary: thin glue around the `glossary` package.

Pipeline (one way): entity files -> validated entries -> one matcher ->
annotated pages -> mentions collected -> generated pages.

| event            | what it does here                                                  |
|------------------|--------------------------------------------------------------------|
| on_config        | validates `extra.glossary` once                                    |
| on_files         | loads and checks entries and events, builds the matcher, adds the  |
|                  | generated pages (register, timeline, quotes)                       |
| on_nav           | remembers the reading order of pages                               |
| on_page_markdown | tells the extension which page it is converting                    |
| on_page_content  | collects mentions and quotes; adds entry headers                   |
| on_env           | every page is converted: warns about entries never mentioned,      |
|                  | checks the events' anchors                                         |
| on_post_page     | fills in backlinks, quotes, events and counts, known only now, and |
|                  | the page glossary (after search has indexed the page)              |
"""

from __future__ import annotations

import logging
from dataclasses import replace
from html import escape
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from glossary.backlinks import Backlinks, render_backlinks
from glossary.cards import entity_header, page_glossary
from glossary.entries import Entity, EntryError, parse_entry
from glossary.markup import GlossaryExtension
from glossary.matcher import Matcher
from glossary.quotes import PlacedQuote, render_quote_list
from glossary.register import fill_counts, register_markdown
from glossary.timeline import Event, EventDate, parse_events, render_event_list, render_timeline

log = logging.getLogger("mkdocs.hooks.glossary")

BACKLINKS_PLACEHOLDER = "<!--glossary-backlinks-->"
TIMELINE_PLACEHOLDER = "<!--glossary-timeline-->"
QUOTES_PLACEHOLDER = "<!--glossary-quotes-->"
# The page glossary goes in after Material's search has indexed the page (on_page_context):
# hidden, it has no place in search results, and indexing it was a third of the glossary's cost.
PAGE_GLOSSARY_PLACEHOLDER = "<!--glossary-page-->"


class GlossaryConfig(base.Config):
    """Options under `extra.glossary` in mkdocs.yml."""

    #: Switch the whole glossary off (e.g. to measure its cost).
    enabled = opt.Type(bool, default=True)
    #: 'first': annotate the first mention of each entity per page; 'all': every mention.
    annotate = opt.Choice(("first", "all"), default="first")
    #: Folder under docs/ holding one Markdown file per entity.
    dir = opt.Type(str, default="glosarium")
    #: Folder under docs/ holding the timeline's YAML files; its index page is generated.
    timeline_dir = opt.Type(str, default="linimasa")
    #: The generated page listing every quote by speaker.
    quotes_page = opt.Type(str, default="siapa-berkata-apa.md")
    #: The article's date, which splits the timeline into before and after.
    article_date = opt.Type(str, default="2024-02-01")


class _State:
    options: GlossaryConfig
    entities: dict[str, Entity]
    extension: GlossaryExtension | None = None
    entity_files: dict[str, File]
    by_uri: dict[str, Entity]
    line_offset: int = 0
    register: File | None = None
    backlinks: Backlinks
    events: list[Event]
    quotes: dict[str, tuple[int, str, list]]  # page url -> (position, title, quotes)
    order: dict[str, int]  # page src_uri -> position in the navigation
    files: Files
    generated: dict[str, str]  # src_uri of a generated page -> its placeholder
    public: dict[str, dict[str, Any]]  # entity id -> the entity as plain data, for templates
    placed_quotes: list[PlacedQuote]  # every quote in reading order, known from on_env
    mentioned: dict[str, list[str]]  # page src_uri -> ids of the entities it mentions, in order


state = _State()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    options = GlossaryConfig()
    raw = config.extra.get("glossary", {})
    if isinstance(raw, str):  # `!ENV` with no value gives a string
        raw = {"enabled": raw.lower() not in ("false", "0", "no", "off")}
    options.load_dict(dict(raw))
    errors, warnings = options.validate()
    for key, warning in warnings:
        log.warning(f"mkdocs.yml: extra.glossary.{key}: {warning}")
    if errors:
        raise opt.ValidationError("; ".join(f"extra.glossary.{key}: {error}" for key, error in errors))
    state.options = options
    state.extension = None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not state.options.enabled:
        _add_stubs(files, config)
        return files
    folder = state.options.dir.strip("/")
    state.entities, state.entity_files = {}, {}
    state.backlinks = Backlinks()
    state.quotes, state.order, state.files, state.generated = {}, {}, files, {}
    state.public = {}
    state.mentioned = {}
    loaded: list[Entity] = []
    for file in files.documentation_pages():
        uri = file.src_uri
        if not uri.startswith(folder + "/") or uri == f"{folder}/index.md":
            continue
        try:
            entity, _body = parse_entry(file.content_string, f"docs/{uri}")
        except EntryError as error:
            log.error(str(error))
            continue
        entity = _with_src(entity, uri)
        if entity.id in state.entities:
            log.error(f"docs/{uri}: entity id '{entity.id}' is already used by "
                      f"docs/{state.entities[entity.id].src_path}; file names must be unique")
            continue
        state.entities[entity.id] = entity
        state.entity_files[entity.id] = file
        loaded.append(entity)

    matcher = _build_matcher(loaded)
    state.by_uri = {entity.src_path: entity for entity in state.entities.values()}
    state.extension = GlossaryExtension(state.entities, matcher, mode=state.options.annotate,
                                        glossary_dir=folder)
    config.markdown_extensions.append(state.extension)

    register_uri = f"{folder}/index.md"
    state.register = files.get_file_from_path(register_uri)
    if state.register is None:
        register_url = File(register_uri, None, None, config.use_directory_urls).url
        content = register_markdown(
            state.entities.values(),
            href=lambda e: get_relative_url(state.entity_files[e.id].url, register_url),
        )
        state.register = File.generated(config, register_uri, content=content)
        files.append(state.register)

    state.events = _load_events(files, state.options.timeline_dir.strip("/"))
    _generate(files, config, f"{state.options.timeline_dir.strip('/')}/index.md", TIMELINE_PLACEHOLDER,
              "# Linimasa\n\nPeristiwa bertanggal yang disebut artikel, konteksnya, dan perkembangan "
              "sesudah artikel terbit pada 1 Februari 2024.\n{: .no-gloss }\n\n")
    _generate(files, config, state.options.quotes_page, QUOTES_PLACEHOLDER,
              "# Siapa berkata apa\n\nSemua kutipan langsung dalam artikel, dikelompokkan menurut "
              "pembicaranya.\n{: .no-gloss }\n\n")
    return files


def _add_stubs(files: Files, config: MkDocsConfig) -> None:
    """With the glossary off, its generated pages still exist (so `nav` resolves), saying so."""
    options = state.options
    for uri, title in ((f"{options.dir.strip('/')}/index.md", "Glosarium"),
                       (f"{options.timeline_dir.strip('/')}/index.md", "Linimasa"),
                       (options.quotes_page, "Siapa berkata apa")):
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=f"# {title}\n\nGlosarium dimatikan pada build ini.\n"))


def _load_events(files: Files, folder: str) -> list[Event]:
    events: list[Event] = []
    for file in files:
        if not (file.src_uri.startswith(folder + "/") and file.src_uri.endswith((".yml", ".yaml"))):
            continue
        try:
            events += parse_events(
                file.content_string, f"docs/{file.src_uri}",
                known_entity=lambda entity_id: entity_id in state.entities,
                known_page=lambda uri: (found := files.get_file_from_path(uri)) is not None
                and found.is_documentation_page(),
            )
        except EntryError as error:
            log.error(str(error))
    return sorted(events, key=lambda event: event.date)


def _generate(files: Files, config: MkDocsConfig, uri: str, placeholder: str, intro: str) -> None:
    """Add a generated page whose body is filled in once every page has been read."""
    if files.get_file_from_path(uri) is None:
        files.append(File.generated(config, uri, content=intro + placeholder + "\n"))
        state.generated[uri] = placeholder


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    if state.extension is not None:
        state.order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
    return nav


def _with_src(entity: Entity, uri: str) -> Entity:
    """Entities are addressed by their path under docs/, as Markdown links are."""
    return replace(entity, src_path=uri)


def _build_matcher(entities: list[Entity]) -> Matcher:
    """Build the matcher; an entity whose name clashes is reported and left out."""
    while True:
        try:
            return Matcher.build(entities)
        except EntryError as error:
            log.error(f"docs/{error.path}:{error.line}: {error.message}" if error.line
                      else f"docs/{error.path}: {error.message}")
            dropped = next(e for e in entities if e.src_path == error.path)
            entities.remove(dropped)
            del state.entities[dropped.id]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ext = state.extension
    if ext is None:
        return markdown
    own = _entity_of(page)
    ext.start_page(page.file.src_uri, own_entity=own.id if own else None)
    # MkDocs hands us the page without its front matter: count the lines it took.
    state.line_offset = page.file.content_string.count("\n") - markdown.count("\n")
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    ext = state.extension
    if ext is None:
        return html
    report = ext.finish_page()
    for line, problem in report.problems:
        where = f"docs/{page.file.src_uri}" + (f":{line + state.line_offset}" if line else "")
        log.error(f"{where}: {problem}")
    position = state.order.get(page.file.src_uri, len(state.order))
    title = page.title or page.file.src_uri
    state.backlinks.add_page(page.url, title, report.mentions, is_entry=_entity_of(page) is not None,
                             position=position)
    if report.quotes:
        state.quotes[page.url] = (position, title, report.quotes)

    mentioned = list(dict.fromkeys(m.entity_id for m in report.mentions))
    state.mentioned[page.file.src_uri] = mentioned
    glossary = PAGE_GLOSSARY_PLACEHOLDER
    own = _entity_of(page)
    # For templates and other hooks (metadata): what this page is about and mentions.
    page.meta["glossary"] = {
        "entity": _public(own) if own else None,
        "mentions": [_public(state.entities[i]) for i in mentioned],
    }
    if own is not None:
        return entity_header(own) + html + BACKLINKS_PLACEHOLDER + glossary
    return html + glossary


def _public(entity: Entity) -> dict[str, Any]:
    """An entity as plain data (treat as read-only): one shared dict per entity, not one per page."""
    public = state.public.get(entity.id)
    if public is None:
        public = state.public[entity.id] = {
            "id": entity.id, "title": entity.title, "type": entity.type, "summary": entity.summary,
            "role": entity.role, "aliases": list(entity.aliases), "wikidata": entity.wikidata,
            "wikidata_url": entity.wikidata_url, "url": state.entity_files[entity.id].url,
        }
    return public


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if state.extension is None:
        return env
    counts = state.backlinks.counts(entries=True)
    for entity in state.entities.values():
        if not counts.get(entity.id):
            log.warning(f"docs/{entity.src_path}: entity '{entity.id}' is never mentioned")
    state.placed_quotes = _placed_quotes()  # Every page is read: put the quotes in reading order once.
    anchors = state.backlinks.anchors()
    for url, (_position, _title, quotes) in state.quotes.items():
        anchors.setdefault(url, set()).update(quote.anchor for quote in quotes)
    for event in state.events:
        if event.anchor and event.anchor not in anchors.get(_page_url(event.page), set()):
            log.warning(f"docs/{state.options.timeline_dir}: event of {event.date.iso} (line {event.line}): "
                        f"no mention or quote '#{event.anchor}' on {event.page}")
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if state.extension is None:
        return output
    own = _entity_of(page)
    if own is not None:
        output = output.replace(BACKLINKS_PLACEHOLDER, _entity_sections(own, page), 1)
    elif state.register is not None and page.file.src_uri == state.register.src_uri:
        output = fill_counts(output, state.backlinks.counts(), state.entities)
    glossary = page_glossary(
        (state.entities[i] for i in state.mentioned.get(page.file.src_uri, ())),
        href=lambda e: get_relative_url(state.entity_files[e.id].url, page.url),
    )
    output = output.replace(PAGE_GLOSSARY_PLACEHOLDER, glossary, 1)
    placeholder = state.generated.get(page.file.src_uri)
    if placeholder == TIMELINE_PLACEHOLDER:
        timeline = render_timeline(state.events, EventDate.parse(state.options.article_date),
                                   page_href=lambda uri: _href(_page_file(uri).url, page),
                                   entity_link=lambda entity_id: _entity_link(entity_id, page),
                                   page_title=_page_title)
        output = output.replace(TIMELINE_PLACEHOLDER, timeline, 1)
    elif placeholder == QUOTES_PLACEHOLDER:
        output = output.replace(QUOTES_PLACEHOLDER, _quotes_by_speaker(page), 1)
    return output


def _entity_sections(entity: Entity, page: Page) -> str:
    """"Disebut di", then the entity's quotes and events, on its own page."""
    html = render_backlinks(state.backlinks.for_entity(entity.id), href=lambda url: _href(url, page))
    quotes = [q for q in state.placed_quotes if q.quote.speaker == entity.id]
    if quotes:
        html += ('<section class="entity-quotes" aria-labelledby="kutipan"><h2 id="kutipan">Kutipan</h2>'
                 + render_quote_list(quotes, href=lambda url: _href(url, page)) + "</section>")
    events = [event for event in state.events if entity.id in event.entities]
    if events:
        html += ('<section class="entity-timeline" aria-labelledby="peristiwa"><h2 id="peristiwa">Peristiwa</h2>'
                 + render_event_list(events, page_href=lambda uri: _href(_page_file(uri).url, page),
                                     page_title=_page_title) + "</section>")
    return html


def _quotes_by_speaker(page: Page) -> str:
    speakers: dict[str, list[PlacedQuote]] = {}
    for quote in state.placed_quotes:
        speakers.setdefault(quote.quote.speaker, []).append(quote)
    parts = []
    for speaker, quotes in speakers.items():
        entity = state.entities[speaker]
        parts.append(f'<section class="speaker" aria-labelledby="pembicara-{escape(speaker)}">'
                     f'<h2 id="pembicara-{escape(speaker)}">{_entity_link(speaker, page)}</h2>'
                     + (f'<p class="speaker__role">{escape(entity.role)}</p>' if entity.role else "")
                     + render_quote_list(quotes, href=lambda url: _href(url, page)) + "</section>")
    return "".join(parts) or "<p>Belum ada kutipan yang ditandai.</p>"


def _placed_quotes() -> list[PlacedQuote]:
    """Every quote in reading order."""
    placed = []
    for url, (position, title, quotes) in sorted(state.quotes.items(), key=lambda item: item[1][0]):
        placed += [PlacedQuote(quote, url, title) for quote in quotes]
    return placed


def _page_file(uri: str) -> File:
    return state.files.get_file_from_path(uri)


def _page_url(uri: str) -> str:
    """The URL pages are known by (the home page's is '', its file's './')."""
    file = _page_file(uri)
    return file.page.url if file.page is not None else file.url


def _page_title(uri: str) -> str:
    file = _page_file(uri)
    return (file.page.title if file.page and file.page.title else uri)


def _href(url: str, page: Page) -> str:
    return get_relative_url(url, page.url)


def _entity_link(entity_id: str, page: Page) -> str:
    entity = state.entities[entity_id]
    return (f'<a href="{escape(_href(state.entity_files[entity_id].url, page))}" '
            f'class="entity-link entity-link--{escape(entity.type)}">{escape(entity.title)}</a>')


def _entity_of(page: Page) -> Entity | None:
    return state.by_uri.get(page.file.src_uri)
