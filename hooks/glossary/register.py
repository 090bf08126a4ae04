"""The register: every entity, grouped by type and sorted A–Z, as a Markdown page."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from html import escape

from .entries import Entity
from .types import ENTITY_TYPES

#: Where an entry's mention counts go; filled in once every page has been read (`MentionCounts`).
COUNT_PLACEHOLDER = '<span data-glossary-count="{id}"></span>'
_ANY_PLACEHOLDER = re.compile(r'<span data-glossary-count="[^"]*"></span>')


def sort_key(title: str) -> str:
    """A–Z ignoring case and accents, the same on every machine (no locale)."""
    plain = unicodedata.normalize("NFKD", title)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def register_markdown(entities: Iterable[Entity], href: Callable[[Entity], str],
                      title: str = "Glosarium") -> str:
    """The register page; `href(entity)` links from it to an entry.

    Entries are raw HTML, so front matter is never parsed as Markdown.
    """
    by_type: dict[str, list[Entity]] = {kind.id: [] for kind in ENTITY_TYPES}
    for entity in entities:
        by_type[entity.type].append(entity)
    parts = [
        f"# {title}\n",
        "Semua tokoh, lembaga, dan tempat yang disebut dalam edisi ini, diurutkan menurut abjad. "
        "Setiap entri memuat ringkasan, peran pada tanggal artikel, dan daftar tempat entri "
        "itu disebut dalam artikel.\n{: .no-gloss }\n",
    ]
    for kind, label in ((t.id, t.label) for t in ENTITY_TYPES):
        members = sorted(by_type[kind], key=lambda e: sort_key(e.title))
        if not members:
            continue
        parts.append(f"## {label} {{#{kind}}}\n")
        items = "".join(
            f'<li data-entity="{escape(e.id)}"><a href="{escape(href(e))}">{escape(e.title)}</a> '
            f'<span class="glossary-count" data-search-exclude>({COUNT_PLACEHOLDER.format(id=escape(e.id))})</span>'
            f'<br><span class="glossary-summary">{escape(e.summary)}</span></li>'
            for e in members
        )
        parts.append(f'<ul class="glossary-register">{items}</ul>\n')
    return "\n".join(parts)


def fill_counts(html: str, texts: dict[str, str]) -> str:
    """Replace each entity's placeholder by its counts as text (escaped). One pass over the page."""
    filled = {COUNT_PLACEHOLDER.format(id=escape(entity_id)): escape(text) for entity_id, text in texts.items()}
    return _ANY_PLACEHOLDER.sub(lambda match: filled.get(match.group(), match.group()), html)
