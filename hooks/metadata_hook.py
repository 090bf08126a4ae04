"""MkDocs hook: metadata for sharing and search engines.

In `on_page_context` (every page's Markdown is converted by then, and the glossary
hook has put each page's mentions in `page.meta["glossary"]`) it gives the
templates two things, rendered by overrides/partials/metadata.html:

- `sharing`: Open Graph and Twitter card fields (title, description, type, url);
- `structured_data`: JSON-LD, as text safe inside a <script> element —
  a NewsArticle for each article page (with the people, institutions and places
  it mentions), a Person, Organization or Place for each glossary entry.

It also gives entries their summary as meta description. Dates come from each
article's `artikel.yml`, never from the clock, so builds are reproducible.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from glossary.articles import Article
from glossary.edition import PageData
from glossary.corrections import Change
from glossary.entries import Entity
from glossary.types import TYPES_BY_ID



def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    data: PageData | None = page.meta.get("glossary")
    entity = data.entity if data else None
    if entity and not page.meta.get("description"):
        page.meta["description"] = entity.summary
    if page.meta.get("description"):
        # Material prints the description into an attribute without escaping it:
        # escape it once here; Markup keeps `| e` in our template from escaping it twice.
        page.meta["description"] = escape(page.meta["description"])

    article = data.article if data else None
    is_article = article is not None
    title = str(page.title or config.site_name) if not page.is_homepage else config.site_name
    context["sharing"] = {
        "type": "article" if is_article else "website",
        "title": title,
        "description": page.meta.get("description") or config.site_description or "",
        "url": page.canonical_url,
    }

    if is_article:
        thing = news_article(page, config, article, data)
    elif entity:
        thing = entity_thing(entity, page.canonical_url, data.changes, config)
    else:
        thing = None
    context["structured_data"] = script_json(thing) if thing else None
    return context


def news_article(page: Page, config: MkDocsConfig, article: Article, data: PageData) -> dict[str, Any]:
    """One page of an article; every page carries its article's own headline and date."""
    headline = article.title
    publisher = {"@type": "Organization", "name": article.publisher}
    thing: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
    }
    title = html.unescape(str(page.title))  # A page title is HTML to the theme; JSON-LD holds text.
    if title != headline:
        thing["alternativeHeadline"] = title
    thing.update({
        "description": str(page.meta.get("description") or ""),
        "url": page.canonical_url,
        "datePublished": article.date,
        "inLanguage": "id",
        "pagination": f"{article.number_of(page.file.src_uri)} dari {len(article.pages)}",
        "publisher": publisher,
        # The original; its address is not known to us, so none is given.
        "isBasedOn": {
            "@type": "NewsArticle",
            "headline": headline,
            "publisher": publisher,
            "datePublished": article.date,
            "inLanguage": "id",
        },
        "mentions": [mentioned(entity, urljoin(config.site_url or "", data.entity_urls.get(entity.src_path, "")))
                     for entity in data.mentions],
    })
    thing.update(corrections(data.changes, config))
    return thing


def corrections(changes: tuple[Change, ...], config: MkDocsConfig) -> dict[str, Any]:
    """schema.org's `correction` (one CorrectionComment per change) and `dateModified`, if any."""
    if not changes:
        return {}
    log_url = urljoin(config.site_url or "", "ralat/")
    return {
        "dateModified": max(change.timestamp for change in changes),
        "correction": [{"@type": "CorrectionComment", "name": change.title, "text": change.text,
                        "datePublished": change.timestamp, "url": f"{log_url}#{change.id}"} for change in changes],
    }


def mentioned(entity: Entity, url: str) -> dict[str, Any]:
    thing: dict[str, Any] = {"@type": TYPES_BY_ID[entity.type].schema_type, "name": entity.title, "url": url}
    if entity.wikidata_url:
        thing["sameAs"] = entity.wikidata_url
    return thing


def entity_thing(entity: Entity, url: str | None, changes: tuple[Change, ...] = (),
                 config: MkDocsConfig | None = None) -> dict[str, Any]:
    """A glossary entry's page: the person, organization or place itself; its page's corrections."""
    thing: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": TYPES_BY_ID[entity.type].schema_type,
        "name": entity.title,
        "description": entity.summary,
        "url": url,
    }
    if entity.aliases:
        thing["alternateName"] = list(entity.aliases)
    if entity.type == "person" and entity.role:
        thing["jobTitle"] = entity.role
    if entity.wikidata_url:
        thing["sameAs"] = entity.wikidata_url
    if changes and config is not None:  # `correction` belongs to a creative work: the entry's page.
        thing["mainEntityOfPage"] = {"@type": "WebPage", "url": url, **corrections(changes, config)}
    return thing


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a <script> element: `<`, `>` and `&` as \\u escapes, so no `</script>` or `<!--`."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, indent=None)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
