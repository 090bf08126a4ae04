"""MkDocs hooks for the glossary: each event hands off to the engine's one door, `Edition`.

The engine (`glossary/`) knows nothing of MkDocs. This file only translates MkDocs' events,
options, logging and table of contents. Its state belongs to one build: `on_config` makes it and
keeps it on the build's config, which MkDocs hands to every event (and makes anew for each build
of `mkdocs serve`).

| event            | hands off to                                                          |
|------------------|-----------------------------------------------------------------------|
| on_config        | options validated once (a bad one is a clean PluginError)             |
| on_files         | the edition opened; its extension added; generated pages and CSS      |
| on_nav           | the reading order of the pages                                        |
| on_page_markdown | front matter MkDocs could not load is an error; the page is announced |
| on_page_content  | the page's mentions, quotes and citations recorded; its problems      |
| on_env           | cross-page content filled into every page, before search reads it     |
|                  | (as mkdocs-autorefs does); the edition's checks reported              |
| on_page_context  | the article's data for the templates; after search has read the page, |
|                  | the switches and page glossary it should not index                    |
| on_post_page     | a check only: a template that leaves the page's content out           |
| on_post_build    | the Atom feed of corrections, and the open data                       |
"""

from __future__ import annotations

import datetime
import logging
import os
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from glossary.edition import Edition, EditionOptions, SetupError
from glossary.errors import INFO, WARNING, Problem
from glossary.search_text import plain_mentions
from glossary.types import css_rules

log = logging.getLogger("mkdocs.hooks.glossary")
TYPES_CSS = "assets/glossary-types.css"
_ID = re.compile(r'\sid="([^"]+)"')


class GlossaryConfig(base.Config):
    """Options under `extra.glossary` in mkdocs.yml."""

    #: Switch the glossary off (e.g. to measure its cost); `GLOSSARY=false` does the same.
    enabled = opt.Type(bool, default=True)
    #: 'first': link the first mention of each entity per page; 'all': every mention.
    annotate = opt.Choice(("first", "all"), default="first")
    #: Folder under docs/ holding one Markdown file per entity.
    dir = opt.Type(str, default="glosarium")
    timeline_dir = opt.Type(str, default="linimasa")
    quotes_page = opt.Type(str, default="siapa-berkata-apa.md")
    corrections_file = opt.Type(str, default="ralat/perubahan.yml")
    #: The admonition class of the edition's editor's notes (they must cite a source).
    note_class = opt.Type(str, default="catatan")
    #: Entries last reviewed longer ago than this are listed (INFO) after the build.
    review_after_days = opt.Type(int, default=365)


@dataclass
class _Build:
    """One build's state."""

    options: GlossaryConfig
    #: The docs folder as messages show it ("docs", or the config's own docs_dir, relative).
    shown_docs: str
    edition: Edition | None = None
    #: Reading order of the pages (the navigation's).
    positions: dict[str, int] = field(default_factory=dict)
    #: Page content while MkDocs' own search reads it without mention markup.
    set_aside: dict[str, str] = field(default_factory=dict)
    #: The article pages' final content, for the open data.
    contents: dict[str, str] = field(default_factory=dict)


def _build(config: MkDocsConfig) -> _Build:
    return config._glossary_build  # noqa: SLF001 - set by on_config, for this build alone


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    raw = config.extra.get("glossary", {})
    if isinstance(raw, str):  # `!ENV` with no value gives a string
        raw = {"enabled": raw.lower() not in ("false", "0", "no", "off")}
    options = GlossaryConfig()
    options.load_dict(dict(raw) if isinstance(raw, dict) else {"enabled": raw})
    errors, warnings = options.validate()
    for key, warning in warnings:
        log.warning(f"mkdocs.yml: extra.glossary.{key}: {warning}")
    if errors:
        raise PluginError("mkdocs.yml: " + "; ".join(f"extra.glossary.{key}: {error}" for key, error in errors))
    config_dir = Path(config.config_file_path or ".").resolve().parent
    try:
        shown = Path(config.docs_dir).resolve().relative_to(config_dir).as_posix()
    except ValueError:
        shown = config.docs_dir
    config._glossary_build = _Build(options, shown)  # noqa: SLF001 - see _build
    return config


def _report(build: _Build, problems: list[Problem]) -> None:
    notes = []
    for problem in problems:
        text = problem.located(build.shown_docs)
        if problem.severity == INFO:
            notes.append(text)
        elif problem.severity == WARNING:
            log.warning(text)
        else:
            log.error(text)
    if notes:
        log.info("Glossary notes:\n  " + "\n  ".join(notes))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = _build(config)
    options = build.options
    try:
        edition = build.edition = Edition.open(Path(config.docs_dir), _edition_options(options),
                                               {file.src_uri for file in files.documentation_pages()})
    except SetupError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
    for path in edition.unreadable_entries():  # Reported with their line; MkDocs must not read them.
        files.remove(files.get_file_from_path(path))
    url_of = lambda uri: File(uri, None, None, config.use_directory_urls).url  # noqa: E731
    for uri, content in edition.generated_pages({f.src_uri for f in files}, url_of, options.enabled).items():
        files.append(File.generated(config, uri, content=content))
    # The feed is written after the build (on_post_build); known from here, links to it resolve.
    files.append(File.generated(config, "feed.xml", content=""))
    if options.enabled:
        files.append(File.generated(config, TYPES_CSS, content=css_rules()))
        config.extra_css.append(TYPES_CSS)
        config.markdown_extensions.append(edition.markdown_extension())
    edition.urls = {file.src_uri: file.url for file in files}
    return files


def _edition_options(options: GlossaryConfig) -> EditionOptions:
    return EditionOptions(glossary_dir=options.dir.strip("/"), timeline_dir=options.timeline_dir.strip("/"),
                          quotes_page=options.quotes_page, corrections_file=options.corrections_file,
                          review_after_days=options.review_after_days, annotate=options.annotate,
                          note_class=options.note_class)


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    _build(config).positions = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _build(config)
    edition = build.edition
    if edition is None:
        return markdown
    source = page.file.content_string
    if not page.meta:
        broken = edition.front_matter_error(page.file.src_uri, source)
        if broken is not None:  # MkDocs would publish it, front matter and all, as the page.
            _report(build, [broken[0]])
            markdown = broken[1]
    if edition.glossary.entity_at(page.file.src_uri) is not None:
        # An entry's title is untrusted text, and themes print page titles (nav, <title>) unescaped.
        page.title = escape(str(page.title))
        page.meta["title"] = page.title
    edition.start_page(page.file.src_uri, source, markdown)
    return markdown


# Before the plugins (priority 0): Material's blog counts a post's reading time from this HTML.
@event_priority(50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _build(config)
    if build.edition is None:
        return html
    position = build.positions.get(page.file.src_uri, len(build.positions))
    _report(build, build.edition.finish_page(page.file.src_uri, page.url, page.title or page.file.src_uri,
                                             position))
    page.meta["glossary"] = build.edition.page_data(page.file.src_uri)
    return html


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Cross-page content goes into each page's HTML here, before any template or search reads it."""
    build = _build(config)
    edition = build.edition
    if edition is None:
        return env
    pages = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
    contents = {src_path: page.content for src_path, page in pages.items() if page.content}
    for src_path, (content, sections) in edition.fill(contents, env.loader).items():
        page = pages[src_path]
        page.content = content
        _add_to_toc(page, sections)
        if page.present_anchor_ids is not None:  # MkDocs checks links to anchors after the build.
            page.present_anchor_ids |= set(_ID.findall(content))
    _report(build, edition.problems)
    if options_enabled(build):
        _report(build, edition.check(_today()))
    return env


def options_enabled(build: _Build) -> bool:
    return build.options.enabled and build.edition is not None and build.edition.extension is not None


def _add_to_toc(page: Page, sections: list) -> None:
    """The sections the glossary added, in the page's table of contents (under its title)."""
    if not sections:
        return
    items = page.toc.items
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    known = {item.id for item in parent}
    parent += [AnchorLink(section.title, section.id, 2) for section in sections if section.id not in known]


# Search reads `page.content` in on_page_context at priority 0: before it, MkDocs' own search gets
# mentions as plain text (`search_text`); after it, the page gets back what the index should not
# hold: the switches and the page glossary (set apart by the extension).
@event_priority(100)
def _before_search(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    build = _build(config)
    if build.edition is None:
        return context
    page.meta["article"] = build.edition.article_meta(page.file.src_uri)
    if options_enabled(build) and page.content and _mkdocs_own_search(config):
        build.set_aside[page.file.src_uri] = page.content
        page.content = plain_mentions(page.content)
    return context


@event_priority(-100)
def _after_search(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    build = _build(config)
    if build.edition is None:
        return context
    content = build.set_aside.pop(page.file.src_uri, page.content)
    if content is not None:
        page.content = build.edition.place_apart(page.file.src_uri, content)
        if build.edition.articles.of(page.file.src_uri) is not None:
            build.contents[page.file.src_uri] = page.content  # For the open data, after the build.
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


def _mkdocs_own_search(config: MkDocsConfig) -> bool:
    search = config.plugins.get("search")
    return search is not None and type(search).__module__.startswith("mkdocs.contrib.search")


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Only a check: the template may leave the page's content (and its mentions) out."""
    build = _build(config)
    if build.edition is not None:
        problem = build.edition.unrendered_mentions(page.file.src_uri, output)
        if problem is not None:
            _report(build, [problem])
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """The Atom feed of corrections, and the open data (data/): both from the edition as built."""
    build = _build(config)
    edition = build.edition
    if edition is None:
        return
    site_url = config.site_url or ""
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    Path(config.site_dir, "feed.xml").write_text(edition.feed(site_url, config.site_name), encoding="utf-8")
    if options_enabled(build):
        edition.write_open_data(Path(config.site_dir), site_url, config.site_name, build.contents)


def _today() -> datetime.date:
    """The review report's 'today': SOURCE_DATE_EPOCH when set, so a build says the same each time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()
