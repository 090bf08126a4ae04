"""Direct quotes: a paragraph marked `{: data-speaker="<entity id>" }` is a quote by that entity.

The mark is an attribute (attr_list), so the published words stay exactly as written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

from .snippets import visible

SPEAKER_ATTRIBUTE = "data-speaker"
#: Text between straight or curly double quotes.
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”')


@dataclass(frozen=True)
class Quote:
    speaker: str
    anchor: str
    #: The quoted words only (the paragraph minus "kata X"); the whole paragraph if nothing is quoted.
    text: str


def quote_anchor(number: int) -> str:
    return f"kutipan-{number}"


def collect_quotes(root: etree.Element, known: Callable[[str], bool],
                   taken: set[str] | None = None) -> tuple[list[Quote], list[str]]:
    """Give each marked block an anchor; return its quotes and the unknown speaker ids.

    An anchor never repeats an id already on the page (`taken`).
    """
    taken = set(taken or ())
    number = 0
    quotes: list[Quote] = []
    unknown: list[str] = []
    for element in root.iter():
        speaker = element.get(SPEAKER_ATTRIBUTE)
        if speaker is None:
            continue
        if not known(speaker):
            unknown.append(speaker)
            continue
        anchor = element.get("id")
        if not anchor:
            number += 1
            while quote_anchor(number) in taken:
                number += 1
            anchor = quote_anchor(number)
            taken.add(anchor)
        element.set("id", anchor)
        classes = (element.get("class") or "").split()
        element.set("class", " ".join(classes if "quote" in classes else [*classes, "quote"]))  # Once, however often run.
        quotes.append(Quote(speaker, anchor, quoted_words(visible("".join(element.itertext())))))
    return quotes, unknown


def quoted_words(paragraph: str) -> str:
    parts = [a or b for a, b in _QUOTED.findall(paragraph)]
    words = " … ".join(part.strip() for part in parts) if parts else paragraph
    return " ".join(words.split())


@dataclass(frozen=True)
class PlacedQuote:
    """A quote with where it is: the page's URL and title."""

    quote: Quote
    page_url: str
    page_title: str
    #: The title of the article the quote is in, if any.
    article_title: str | None = None
