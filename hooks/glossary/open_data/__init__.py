"""Open data: the edition's glossary and annotations as files others can reuse (issue 21).

    data/entities.json           every entry (JSON), described by
    data/entities.schema.json    JSON Schema 2020-12; its $defs/frontMatter is an entry's front matter
    data/entry.schema.json       a pointer to that $defs/frontMatter, for editors' YAML tools
    data/annotations.jsonld      every mention in the articles' own text, W3C Web Annotation (JSON-LD)
    data/tei/<article>.xml       each article as TEI P5, verbatim, mentions tagged
    data/tei/tei-subset.rng      the RELAX NG schema of that TEI

Everything is made from what the pages are made from: the validated entries, the articles'
metadata and each article page's final HTML. The functions are pure (no MkDocs, no clock): the
same input gives the same bytes. `write_open_data` is the one call a build makes, after the pages
are written. See docs-dev/open-data.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .annotations import annotations_document, article_page_texts
from .entities import entities_document, schema_document
from ..entry_schema import ENTRY_SCHEMA_FILE, validate_front_matter
from .page_text import PageText, page_text
from .tei import RNG_FILE, tei_document, tei_name

if TYPE_CHECKING:  # Not imported at run time: entries.py imports this package's `schema`.
    from ..articles import Article
    from ..entries import Entity

__all__ = ["DATA_DIR", "PageText", "open_data_files", "page_text", "validate_front_matter", "write_open_data"]

#: The folder of the files in the built site.
DATA_DIR = "data"


def _json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def open_data_files(entities: Iterable[Entity], entity_urls: Mapping[str, str], role_date: str | None,
                    articles: Iterable[Article], pages: Mapping[str, tuple[str, str]], site_url: str,
                    *, edition: str = "") -> dict[str, str]:
    """Every open-data file as `{path under the site folder: text}`, in a stable order.

    - `entities`: the validated entries; `entity_urls`: entity id -> its page's absolute URL.
    - `role_date`: the date of the edition's first article (YYYY-MM-DD), the day roles are stated for.
    - `articles`: the articles' metadata; `pages`: for every page of every article, its source
      path (`artikel/halaman-1.md`) -> `(absolute URL, final content HTML)`, as `page.content` holds
      it after the build (or the inside of the theme's `<article>`).
    - `site_url`: the site's address (`config.site_url`), for the files' own addresses.
    - `edition`: the edition's name (`config.site_name`).
    """
    base = site_url if site_url.endswith("/") or not site_url else site_url + "/"
    entity_list = list(entities)
    by_id = {entity.id: entity for entity in entity_list}
    schema_url = f"{base}{DATA_DIR}/entities.schema.json"
    texts = article_page_texts(articles, pages)

    files: dict[str, str] = {
        f"{DATA_DIR}/entities.json": _json(entities_document(entity_list, entity_urls, role_date, schema_url,
                                                             edition or None)),
        f"{DATA_DIR}/entities.schema.json": _json(schema_document(schema_url)),
        f"{DATA_DIR}/entry.schema.json": ENTRY_SCHEMA_FILE.read_text(encoding="utf-8"),
        f"{DATA_DIR}/annotations.jsonld": _json(annotations_document(f"{base}{DATA_DIR}/annotations.jsonld", by_id,
                                                                     entity_urls, texts, edition or None)),
    }
    for article, page_texts in texts:
        name = f"{DATA_DIR}/tei/{tei_name(article)}"
        if name in files:
            raise ValueError(f"two articles would both be {name}; give one a different source file name")
        files[name] = tei_document(article, page_texts, by_id, entity_urls, edition=edition, site_url=base,
                                   tei_url=base + name)
    files[f"{DATA_DIR}/tei/{RNG_FILE.name}"] = RNG_FILE.read_text(encoding="utf-8")
    return files


def write_open_data(site_dir: Path, entities: Iterable[Entity], entity_urls: Mapping[str, str],
                    role_date: str | None, articles: Iterable[Article], pages: Mapping[str, tuple[str, str]],
                    site_url: str, *, edition: str = "") -> list[str]:
    """Write the open-data files into `site_dir` (see `open_data_files`); return their paths, sorted."""
    files = open_data_files(entities, entity_urls, role_date, articles, pages, site_url, edition=edition)
    for path, text in files.items():
        target = Path(site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
    return sorted(files)
