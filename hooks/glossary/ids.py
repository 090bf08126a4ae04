"""The ids the glossary writes into pages, in one place: a page must not use them for anything else.

An editor's `{: #sumber-1 }` or an entry's own `## Disebut di` heading would otherwise give two
elements one id, and the reader's link would go to whichever comes first.
"""

from __future__ import annotations

import re

#: The "Sumber" list and its items.
SOURCES = "sumber"
#: The sections on an entry's page that the glossary fills in once every page is read.
ENTRY_SECTIONS = ("disebut-di", "entri-terkait", "kutipan", "peristiwa", "ralat")
#: Slots the host fills once every page is read: in `apart` mode the extension leaves them in an
#: entry's header (how often it is mentioned), after its body (its sections) and where its "Sumber"
#: list goes; the generated pages and the landing page hold their own. Empty elements, not HTML
#: comments: extensions strip comments (pymdownx.striphtml), and a slot lost silently is content lost.
MENTION_SUMMARY = "mention-summary"
ENTRY_SECTIONS_SLOT = "entity-sections"
ENTRY_SOURCES = "entry-sources"
SLOT_ATTRIBUTE = "data-glossary-slot"


def slot(name: str) -> str:
    """The HTML of an empty slot named `name`, exactly as the host looks for it."""
    return f'<div {SLOT_ATTRIBUTE}="{name}"></div>'


#: Mentions of one entity on one page that get an element and an anchor (in 'first' mode); the rest
#: are counted. Far more than an article names anyone; a page that names someone thousands of times
#: stays the size of its text.
MAX_ANCHORED_PER_PAGE = 100
#: Ids the glossary numbers on any page: mentions, sources, quotes.
_NUMBERED = re.compile(r"(?:sebut-.+-|sumber-|kutipan-)[0-9]+")


def mention_anchor(entity_id: str, number: int) -> str:
    """The stable id of the `number`-th mention (1-based) of an entity on a page."""
    return f"sebut-{entity_id}-{number}"


def source_item(number: int) -> str:
    return f"{SOURCES}-{number}"


def is_numbered(element_id: str) -> bool:
    """An id of the form the glossary numbers (`sebut-…-N`, `sumber-N`, `kutipan-N`)."""
    return _NUMBERED.fullmatch(element_id) is not None
