"""MkDocs hook: metadata for sharing and search engines.

In `on_page_context` (every page's Markdown is converted by then, and the glossary
hook has put each page's mentions in `page.meta["glossary"]`) it gives the
templates two things, rendered by overrides/partials/metadata.html:

- `sharing`: Open Graph and Twitter card fields (title, description, type, url);
- `structured_data`: JSON-LD, as text safe inside a <script> element —
  a NewsArticle for each article page (with the people, institutions and places
  it mentions), a Person, Organization or Place for each glossary entry.

It also gives entries their summary as meta description. Dates come from
mkdocs.yml (`extra.article.date`), never from the clock, so builds are reproducible.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

#: Glossary entity types as schema.org types.
SCHEMA_TYPES = {"person": "Person", "institution": "Organization", "place": "Place"}


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig,
                    nav: Navigation) -> dict[str, Any]:
    glossary = page.meta.get("glossary") or {}
    entity = glossary.get("entity")
    if entity and not page.meta.get("description"):
        page.meta["description"] = entity["summary"]
    if page.meta.get("description"):
        # Material prints the description into an attribute without escaping it:
        # escape it once here; Markup keeps `| e` in our template from escaping it twice.
        page.meta["description"] = escape(page.meta["description"])

    is_article = "halaman" in page.meta
    title = str(page.title or config.site_name) if not page.is_homepage else config.site_name
    context["sharing"] = {
        "type": "article" if is_article else "website",
        "title": title,
        "description": page.meta.get("description") or config.site_description or "",
        "url": page.canonical_url,
    }

    data = None
    if is_article:
        data = news_article(page, config, nav, glossary.get("mentions", []))
    elif entity:
        data = entity_thing(entity, page.canonical_url)
    context["structured_data"] = script_json(data) if data else None
    return context


def news_article(page: Page, config: MkDocsConfig, nav: Navigation,
                 mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """One page of the edition; every page carries the article's own headline."""
    article = config.extra["article"]
    headline = article_headline(nav) or str(page.title)
    publisher = {"@type": "Organization", "name": article["publisher"]}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
    }
    if str(page.title) != headline:
        data["alternativeHeadline"] = str(page.title)
    data.update({
        "description": str(page.meta.get("description") or ""),
        "url": page.canonical_url,
        "datePublished": article["date"],
        "inLanguage": "id",
        "pagination": f"{page.meta['halaman']} dari {article['pages']}",
        "publisher": publisher,
        # The original on Liputan6.com; its address is not known to us, so none is given.
        "isBasedOn": {
            "@type": "NewsArticle",
            "headline": headline,
            "publisher": publisher,
            "datePublished": article["date"],
            "inLanguage": "id",
        },
        "mentions": [mentioned(m, config.site_url) for m in mentions],
    })
    return data


def article_headline(nav: Navigation) -> str | None:
    """The title of the article's first page: the headline of the whole article."""
    for page in nav.pages:
        if str(page.meta.get("halaman", "")) == "1" and page.title:
            return str(page.title)
    return None


def mentioned(entity: dict[str, Any], site_url: str | None) -> dict[str, Any]:
    thing: dict[str, Any] = {
        "@type": SCHEMA_TYPES[entity["type"]],
        "name": entity["title"],
        "url": urljoin(site_url or "", entity["url"]),
    }
    if entity.get("wikidata_url"):
        thing["sameAs"] = entity["wikidata_url"]
    return thing


def entity_thing(entity: dict[str, Any], url: str | None) -> dict[str, Any]:
    """A glossary entry's page: the person, organization or place itself."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[entity["type"]],
        "name": entity["title"],
        "description": entity["summary"],
        "url": url,
    }
    if entity.get("aliases"):
        data["alternateName"] = list(entity["aliases"])
    if entity["type"] == "person" and entity.get("role"):
        data["jobTitle"] = entity["role"]
    if entity.get("wikidata_url"):
        data["sameAs"] = entity["wikidata_url"]
    return data


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a <script> element: `<`, `>` and `&` as \\u escapes, so no `</script>` or `<!--`."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, indent=None)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
