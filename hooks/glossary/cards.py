"""HTML about entities: the header of an entity's page and the page glossary.

Every field is escaped: front matter is plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape

from .entries import Entity


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


def page_glossary(entities: Iterable[Entity], href: Callable[[Entity], str]) -> str:
    """"Glosarium halaman ini": every entity a page mentions, with its summary.

    Hidden on screen (the cards show the same), printed at the end of the page;
    the card script reads each card's content from here.
    """
    items = []
    for entity in entities:
        role = f'<span class="glossary-card__role">{escape(entity.role)}</span>' if entity.role else ""
        items.append(
            f'<div class="glossary-card" data-entity="{escape(entity.id)}" '
            f'data-entity-type="{escape(entity.type)}">'
            f'<dt><a class="glossary-card__title" href="{escape(href(entity))}">{escape(entity.title)}</a> '
            f'<span class="glossary-card__type">{escape(entity.type_label)}</span></dt>'
            f"<dd>{role}"
            f'<span class="glossary-card__summary">{escape(entity.summary)}</span></dd></div>'
        )
    if not items:
        return ""
    return ('<aside class="glossary-page" hidden aria-labelledby="glosarium-halaman-ini">'
            '<h2 id="glosarium-halaman-ini">Glosarium halaman ini</h2>'
            f'<dl>{"".join(items)}</dl></aside>')
