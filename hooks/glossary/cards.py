"""HTML about entities: the header of an entity's page and the page glossary.

Every field is escaped: front matter is plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from .entries import Entity
from .types import TYPES_BY_ID


def entity_header(entity: Entity) -> str:
    """Type, role, summary, other names and Wikidata link, shown above the entry's body."""
    rows = [("Jenis", escape(entity.type_label))]
    if entity.role:
        rows.append(("Peran (1 Feb 2024)", escape(entity.role)))
    if entity.aliases:
        rows.append(("Juga disebut", ", ".join(escape(alias) for alias in entity.aliases)))
    if entity.wikidata_url:
        rows.append(("Wikidata", f'<a href="{escape(entity.wikidata_url)}" rel="external">'
                                 f"{escape(entity.wikidata or '')}</a>"))
    facts = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return (f'<div class="glossary-entry glossary-entry--{escape(entity.type)}" '
            f'data-entity="{escape(entity.id)}">'
            f'<p class="glossary-summary">{escape(entity.summary)}</p>'
            f'<dl class="glossary-facts">{facts}</dl></div>')


def summary_id(entity: Entity) -> str:
    """The id of the entity's summary in the page glossary: each mention's `aria-describedby`."""
    return f"glosarium-ringkasan-{entity.id}"


def page_glossary(entities: Iterable[Entity], href: Callable[[Entity], str],
                  meta: Callable[[Entity], str] | None = None) -> str:
    """"Glosarium halaman ini": every entity a page mentions, with its summary.

    Hidden on screen (the cards show the same), printed at the end of the page;
    the card script reads each card's content from here, and screen readers hear the summary
    as the description of each mention. `meta` gives the card's small print, as plain text
    (for example "3 sumber · ditinjau 26 Nov 2026"). Kept out of the search index: the
    entries have their own pages.
    """
    items = []
    for entity in entities:
        role = f'<span class="glossary-card__role">{escape(entity.role)}</span>' if entity.role else ""
        small_print = meta(entity) if meta else ""
        small_print = f'<span class="glossary-card__meta">{escape(small_print)}</span>' if small_print else ""
        items.append(
            f'<div class="glossary-card" data-entity="{escape(entity.id)}" '
            f'data-entity-type="{escape(entity.type)}" style="{escape(TYPES_BY_ID[entity.type].style)}">'
            f'<dt><a class="glossary-card__title" href="{escape(href(entity))}">{escape(entity.title)}</a> '
            f'<span class="glossary-card__type">{escape(entity.type_label)}</span></dt>'
            f"<dd>{role}"
            f'<span class="glossary-card__summary" id="{escape(summary_id(entity))}">{escape(entity.summary)}</span>'
            f"{small_print}</dd></div>"
        )
    if not items:
        return ""
    return ('<aside class="glossary-page" hidden aria-labelledby="glosarium-halaman-ini" data-search-exclude>'
            '<h2 id="glosarium-halaman-ini">Glosarium halaman ini</h2>'
            f'<dl>{"".join(items)}</dl></aside>')
