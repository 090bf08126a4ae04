"""MkDocs hooks for the glossary: thin glue around the `glossary` package.

Pipeline (one way): entity files -> validated entries -> one matcher ->
annotated pages -> mentions collected -> generated pages.

| event            | what it does here                                                  |
|------------------|--------------------------------------------------------------------|
| on_config        | validates `extra.glossary` once                                    |
| on_files         | loads and checks every entry, builds the matcher, adds the register|
| on_page_markdown | tells the extension which page it is converting                    |
| on_page_content  | collects the page's mentions; adds entry headers, page glossary    |
| on_env           | every page is converted: warns about entries never mentioned       |
| on_post_page     | fills in backlinks and counts, known only now                      |
"""

from __future__ import annotations

import logging
from dataclasses import replace
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
from glossary.register import fill_counts, register_markdown

log = logging.getLogger("mkdocs.hooks.glossary")

BACKLINKS_PLACEHOLDER = "<!--glossary-backlinks-->"


class GlossaryConfig(base.Config):
    """Options under `extra.glossary` in mkdocs.yml."""

    #: Switch the whole glossary off (e.g. to measure its cost).
    enabled = opt.Type(bool, default=True)
    #: 'first': annotate the first mention of each entity per page; 'all': every mention.
    annotate = opt.Choice(("first", "all"), default="first")
    #: Folder under docs/ holding one Markdown file per entity.
    dir = opt.Type(str, default="glosarium")


class _State:
    options: GlossaryConfig
    entities: dict[str, Entity]
    extension: GlossaryExtension | None = None
    entity_files: dict[str, File]
    by_uri: dict[str, Entity]
    line_offset: int = 0
    register: File | None = None
    backlinks: Backlinks


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
        return files
    folder = state.options.dir.strip("/")
    state.entities, state.entity_files = {}, {}
    state.backlinks = Backlinks()
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
    return files


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
    state.backlinks.add_page(page.url, page.title or page.file.src_uri, report.mentions,
                             is_entry=_entity_of(page) is not None)

    mentioned = list(dict.fromkeys(m.entity_id for m in report.mentions))
    glossary = page_glossary(
        (state.entities[i] for i in mentioned),
        href=lambda e: get_relative_url(state.entity_files[e.id].url, page.url),
    )
    own = _entity_of(page)
    # For templates and other hooks (metadata): what this page is about and mentions.
    page.meta["glossary"] = {
        "entity": _public(own, page) if own else None,
        "mentions": [_public(state.entities[i], page) for i in mentioned],
    }
    if own is not None:
        return entity_header(own) + html + BACKLINKS_PLACEHOLDER + glossary
    return html + glossary


def _public(entity: Entity, page: Page) -> dict[str, Any]:
    return {
        "id": entity.id, "title": entity.title, "type": entity.type, "summary": entity.summary,
        "role": entity.role, "aliases": list(entity.aliases), "wikidata": entity.wikidata,
        "wikidata_url": entity.wikidata_url, "url": state.entity_files[entity.id].url,
    }


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    if state.extension is None:
        return env
    counts = state.backlinks.counts(entries=True)
    for entity in state.entities.values():
        if not counts.get(entity.id):
            log.warning(f"docs/{entity.src_path}: entity '{entity.id}' is never mentioned")
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if state.extension is None:
        return output
    own = _entity_of(page)
    if own is not None:
        section = render_backlinks(state.backlinks.for_entity(own.id),
                                   href=lambda url: get_relative_url(url, page.url))
        output = output.replace(BACKLINKS_PLACEHOLDER, section, 1)
    elif state.register is not None and page.file.src_uri == state.register.src_uri:
        output = fill_counts(output, state.backlinks.counts(), state.entities)
    return output


def _entity_of(page: Page) -> Entity | None:
    return state.by_uri.get(page.file.src_uri)
