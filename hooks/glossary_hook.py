"""MkDocs hooks for the glossary: each event hands off to the engine in a few lines.

The engine (`glossary/`) knows nothing of MkDocs: the Markdown extension annotates each page,
and `Edition` collects across pages and makes the generated pages and the feed. This file only
translates MkDocs' events, options and logging.

| event            | hands off to                                                          |
|------------------|-----------------------------------------------------------------------|
| on_config        | options validated once (a bad one is a clean PluginError)             |
| on_files         | glossary and edition loaded; the extension added; generated pages     |
| on_page_markdown | the extension is told which page comes next (and its sources)         |
| on_page_content  | the page's mentions, quotes and citations recorded; its problems      |
| on_page_context  | the article's data for the templates                                  |
| on_env           | every page is read: unmentioned entries, unused sources, reviews due  |
| on_post_page     | what is known only now: backlinks, counts, timeline, quotes, changes  |
| on_post_build    | the Atom feed of corrections                                          |
"""

from __future__ import annotations

import datetime
import logging
import os
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

from glossary.edition import Edition, EditionOptions
from glossary.extension import GlossaryExtension
from glossary.generated import after_content
from glossary.markup import PageReport
from glossary.search_text import plain_mentions

log = logging.getLogger("mkdocs.hooks.glossary")


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
    #: Entries last reviewed longer ago than this are listed (INFO) after the build.
    review_after_days = opt.Type(int, default=365)


class _Build:
    options: GlossaryConfig
    edition: Edition | None = None
    extension: GlossaryExtension | None = None
    #: Reading order of the pages (the navigation's).
    positions: dict[str, int] = {}
    #: Page content while MkDocs' own search reads it without mention markup.
    set_aside_content: dict[str, str] = {}


build = _Build()


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
    build.options, build.edition, build.extension = options, None, None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    options = build.options
    edition = build.edition = Edition.open(Path(config.docs_dir), _edition_options(options),
                                           {file.src_uri for file in files.documentation_pages()})
    for path in edition.unreadable_entries():  # Reported with their line; MkDocs must not read them.
        files.remove(files.get_file_from_path(path))
    url_of = lambda uri: File(uri, None, None, config.use_directory_urls).url  # noqa: E731
    for uri, content in edition.generated_pages({f.src_uri for f in files}, url_of, options.enabled).items():
        files.append(File.generated(config, uri, content=content))
    # The feed is written after the build (on_post_build); known from here, links to it resolve.
    files.append(File.generated(config, "feed.xml", content=""))
    edition.urls = {file.src_uri: file.url for file in files}
    if options.enabled:
        build.extension = GlossaryExtension(glossary=edition.glossary, mode=options.annotate,
                                            role_date=edition.articles.first_date() or "")
        config.markdown_extensions.append(build.extension)
    return files


def _edition_options(options: GlossaryConfig) -> EditionOptions:
    return EditionOptions(glossary_dir=options.dir.strip("/"), timeline_dir=options.timeline_dir.strip("/"),
                          quotes_page=options.quotes_page, corrections_file=options.corrections_file,
                          review_after_days=options.review_after_days)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if build.edition is not None and not page.meta:
        broken = build.edition.front_matter_error(page.file.src_uri, page.file.content_string)
        if broken is not None:
            log.error(broken[0])
            markdown = broken[1]
    if build.edition is not None and build.edition.glossary.entity_at(page.file.src_uri) is not None:
        # An entry's title is untrusted text, and themes print page titles (nav, <title>) unescaped.
        page.title = escape(str(page.title))
        page.meta["title"] = page.title
    if build.extension is not None and build.edition is not None:
        source = page.file.content_string
        build.extension.start_page(page.file.src_uri, build.edition.page_sources(page.file.src_uri, source),
                                   line_offset=source.count("\n") - markdown.count("\n"))
    return markdown


# Before the plugins (priority 0): Material's blog counts a post's reading time from this HTML, and
# must not count the switches and page glossary that `after_content` sets aside.
@event_priority(50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    edition = build.edition
    if edition is None:
        return html
    report = build.extension.finish_page() if build.extension is not None else PageReport()
    position = build.positions.get(page.file.src_uri, len(build.positions))
    for problem in edition.add_page(page.file.src_uri, page.url, page.title or page.file.src_uri, position, report):
        log.error(problem)
    page.meta["glossary"] = edition.page_data(page.file.src_uri)
    return after_content(edition, page.file.src_uri, html)


def on_nav(nav: Any, config: MkDocsConfig, files: Files) -> Any:
    build.positions = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
    return nav


# Before the search plugin (priority 0) reads `page.content`, and after it (see `search_text`).
@event_priority(100)
def _page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    if build.edition is not None:
        page.meta["article"] = build.edition.article_meta(page.file.src_uri)
    if build.extension is not None and page.content and _mkdocs_own_search(config):
        build.set_aside_content[page.file.src_uri] = page.content
        page.content = plain_mentions(page.content)
    return context


@event_priority(-100)
def _restore_content(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    content = build.set_aside_content.pop(page.file.src_uri, None)
    if content is not None:
        page.content = content
    return context


on_page_context = CombinedEvent(_page_context, _restore_content)


def _mkdocs_own_search(config: MkDocsConfig) -> bool:
    search = config.plugins.get("search")
    return search is not None and type(search).__module__.startswith("mkdocs.contrib.search")


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    edition = build.edition
    if edition is None:
        return env
    for error in edition.errors:
        log.error(error)
    for warning in edition.warnings:
        log.warning(warning)
    if build.extension is not None:
        warnings, notes = edition.check(_today())
        for warning in warnings:
            log.warning(warning)
        if notes:
            log.info("Entries to review again:\n  " + "\n  ".join(notes))
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if build.edition is None:
        return output
    return build.edition.fill(page.file.src_uri, output)


def on_post_build(config: MkDocsConfig) -> None:
    if build.edition is not None:
        site_url = config.site_url or ""
        feed = build.edition.feed(site_url if site_url.endswith("/") else site_url + "/", config.site_name)
        Path(config.site_dir, "feed.xml").write_text(feed, encoding="utf-8")


def _today() -> datetime.date:
    """The review report's 'today': SOURCE_DATE_EPOCH when set, so a build says the same each time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()
