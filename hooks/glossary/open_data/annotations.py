"""`data/annotations.jsonld`: every mention in the articles' own text as a W3C Web Annotation.

One `AnnotationCollection` with one embedded `AnnotationPage`, in reading order (oldest article
first, its pages in order, each page's mentions in text order). Each mention is an `Annotation`:

* `motivation` `identifying`: the annotation says who or what the quoted words name;
* `body`: the entry's page in the edition (Indonesian HTML) and, where the entry has one, the
  Wikidata item (its concept URI, `http://www.wikidata.org/entity/Q…`);
* `target`: the article page, with three selectors for the same words, any of which finds them:
  a `FragmentSelector` (the mention's `id` on the page), a `TextQuoteSelector` (`exact`, and up to
  32 characters of `prefix` and `suffix`) and a `TextPositionSelector` (`start`, `end`) counted in
  the page's article text as `page_text` defines it.

Mentions in editor's notes are not annotated: they are not the article's text, and the page text
the positions count in leaves the notes out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .entities import LICENCE, wikidata_uri
from .page_text import PageText, page_text

if TYPE_CHECKING:  # Not imported at run time: entries.py imports this package's `schema`.
    from ..articles import Article
    from ..entries import Entity

__all__ = ["CONTEXT", "QUOTE_CONTEXT", "annotations_document", "article_page_texts"]

#: The Web Annotation JSON-LD context; a copy for offline processing is `anno.jsonld` beside this file.
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: How many characters of text before and after the quote the `TextQuoteSelector` carries.
QUOTE_CONTEXT = 32
#: Fragment identifiers of HTML pages, as the model names them.
FRAGMENT_SPEC = "http://tools.ietf.org/rfc/rfc3986"


def reading_order(articles: Iterable[Article]) -> list[Article]:
    """Oldest article first (then by folder): the order the exports list articles in."""
    return sorted(articles, key=lambda article: (article.date, article.folder))


def article_page_texts(articles: Iterable[Article], pages: Mapping[str, tuple[str, str]]
                       ) -> list[tuple[Article, list[tuple[str, str, PageText]]]]:
    """Each article (oldest first) with its pages in order: `(src_path, url, page text)`."""
    result = []
    for article in reading_order(articles):
        texts = []
        for src_path in article.pages:
            if src_path not in pages:
                raise ValueError(f"{src_path}: no content for this page of '{article.title}'")
            url, content = pages[src_path]
            texts.append((src_path, url, page_text(content)))
        result.append((article, texts))
    return result


def annotations_document(collection_url: str, entities: Mapping[str, Entity], entity_urls: Mapping[str, str],
                         article_texts: list[tuple[Article, list[tuple[str, str, PageText]]]],
                         edition: str | None = None) -> dict[str, Any]:
    """The content of `data/annotations.jsonld`, published at `collection_url`."""
    items: list[dict[str, Any]] = []
    for _article, texts in article_texts:
        for src_path, url, text in texts:
            for mention in text.mentions:
                entity = entities.get(mention.entity)
                if entity is None or mention.entity not in entity_urls:
                    raise ValueError(f"{src_path}: a mention of '{mention.entity}', which is no entry")
                items.append(_annotation(collection_url, src_path, url, text, mention, entity,
                                         entity_urls[mention.entity]))
    label = "Anotasi entitas" + (f": {edition}" if edition else "")
    return {
        "@context": CONTEXT,
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": label,
        "rights": LICENCE,
        "total": len(items),
        "first": {
            "id": f"{collection_url}#halaman-1",
            "type": "AnnotationPage",
            "partOf": collection_url,
            "startIndex": 0,
            "items": items,
        },
    }


def _annotation(collection_url: str, src_path: str, url: str, text: PageText, mention, entity: Entity,
                entity_url: str) -> dict[str, Any]:
    page = src_path[:-3] if src_path.endswith(".md") else src_path
    body: list[Any] = [{"id": entity_url, "type": "Text", "format": "text/html", "language": "id"}]
    if entity.wikidata:
        body.append(wikidata_uri(entity.wikidata))
    selectors: list[dict[str, Any]] = []
    if mention.anchor:
        selectors.append({"type": "FragmentSelector", "conformsTo": FRAGMENT_SPEC, "value": mention.anchor})
    selectors.append({
        "type": "TextQuoteSelector",
        "exact": text.text[mention.start:mention.end],
        "prefix": text.text[max(0, mention.start - QUOTE_CONTEXT):mention.start],
        "suffix": text.text[mention.end:mention.end + QUOTE_CONTEXT],
    })
    selectors.append({"type": "TextPositionSelector", "start": mention.start, "end": mention.end})
    return {
        "id": f"{collection_url}#{page}/{mention.anchor or mention.start}",
        "type": "Annotation",
        "motivation": "identifying",
        "body": body,
        "target": {"type": "SpecificResource", "source": url, "selector": selectors},
    }
