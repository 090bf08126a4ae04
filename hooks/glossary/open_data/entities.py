"""`data/entities.json`: every glossary entry as data, described by `entities.schema.json` (see `schema`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..types import TYPES_BY_ID
from ..entry_schema import load_schema

if TYPE_CHECKING:  # Not at run time: entries.py imports `schema` from this package.
    from ..entries import Entity
    from ..sources import Source

__all__ = ["LICENCE", "entities_document", "entity_record", "schema_document", "source_record", "wikidata_uri"]

#: The licence of everything the edition adds to the article: glossary, notes, annotations.
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def schema_document(schema_url: str) -> dict[str, Any]:
    """The schema as published at `schema_url`."""
    return {"$id": schema_url, **load_schema()}


def wikidata_uri(wikidata: str | None) -> str | None:
    """Wikidata's concept URI for an item (the entity, not its page)."""
    return f"http://www.wikidata.org/entity/{wikidata}" if wikidata else None


def source_record(source: Source) -> dict[str, Any]:
    """A source of the bibliography as published: its publisher named, with the kind it counts as."""
    return {"id": source.id, "title": source.title, "lang": source.lang, "publisher": source.publisher,
            "quoting": source.quoting, "kind": source.kind, "date": source.date, "url": source.url}


def entity_record(entity: Entity, url: str, role_date: str | None) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type,
        "type_label": TYPES_BY_ID[entity.type].label,
        "title": entity.title,
        "aliases": list(entity.aliases),
        "summary": entity.summary,
        "role": {"text": entity.role, "date": role_date} if entity.role and role_date else None,
        "wikidata": entity.wikidata,
        "wikidata_uri": wikidata_uri(entity.wikidata),
        "url": url,
        "reviewed": entity.reviewed,
        "sources": [source_record(source) for source in entity.sources],
    }


def entities_document(entities: Iterable[Entity], entity_urls: Mapping[str, str], role_date: str | None,
                      schema_url: str, edition: str | None = None) -> dict[str, Any]:
    """The content of `data/entities.json`: every entry, by id.

    `entity_urls` maps each entity id to its page's absolute URL; `role_date` is the date of the
    edition's first article (YYYY-MM-DD), the day the roles are stated for.
    """
    document: dict[str, Any] = {
        "$schema": schema_url,
        "licence": LICENCE,
        "role_date": role_date,
        "entities": [entity_record(entity, entity_urls[entity.id], role_date)
                     for entity in sorted(entities, key=lambda entity: entity.id)],
    }
    if edition:
        document["edition"] = edition
    return document
