"""Sources: what an entry or a page cites, as data, and the syntax that cites them.

Every source is defined once, in the edition's bibliography (`bibliography`: `sumber/pustaka.yml`,
its publishers in `sumber/penerbit.yml`). In the text, `[@kcna-2023-08-24]` cites one, on any page,
in an entry, an editor's note or a timeline event. An entry's front matter lists the sources behind
it by id; its page lists them all, the uncited ones last:

    sources: [kcna-2023-08-24, tass-2024-05-12]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .dates import format_iso_date
from .errors import EntryError, excerpt
from .safe_yaml import Lines

#: An id: of an entry (its file name), a source, a change. The one id syntax of the edition.
_ID = r"[a-z0-9][a-z0-9-]*"
ID = re.compile(_ID)
#: A citation in the text: `[@source-id]`, a source of the bibliography.
REFERENCE = re.compile(rf"\[@(?P<source>{_ID})\]")


@dataclass(frozen=True)
class Source:
    """One published source of the bibliography, resolved: every field plain text.

    `date` is "YYYY-MM-DD" or "YYYY-MM"; `publisher` is the outlet's canonical name and `quoting`
    the original outlet's, for a reprint; `lang` is the title's language (BCP 47); `kind` is what
    the source counts as (`bibliography.KINDS`).
    """

    id: str
    title: str
    publisher: str
    date: str
    url: str
    lang: str = ""
    kind: str = ""
    quoting: str | None = None
    publisher_id: str = ""
    quoting_id: str | None = None

    @property
    def date_label(self) -> str:
        """"1 Februari 2024" or "Februari 2024"."""
        return format_iso_date(self.date)

    @property
    def date_label_short(self) -> str:
        """"1 Feb 2024" or "Feb 2024"."""
        return format_iso_date(self.date, short=True)


def parse_source_ids(value: Any, lines: Lines, src_path: str, known: Mapping[str, Source]) -> tuple[Source, ...]:
    """A `sources` list of bibliography ids, resolved; `lines` are the lines of that list.

    Raise `EntryError` at the first problem: not a list of ids, an id listed twice, an id the
    bibliography does not define.
    """
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EntryError(src_path, lines(), "'sources' must be a list of source ids, as in [tass-2024-05-12]")
    sources: list[Source] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(value):
        line = lines(index)
        if isinstance(item, dict):
            raise EntryError(src_path, line, "a source is defined once, in the bibliography (sumber/pustaka.yml); "
                                             "'sources' lists its id")
        if not isinstance(item, str) or not ID.fullmatch(item):
            raise EntryError(src_path, line, f"source id {excerpt(item)} must be lower-case letters, digits and '-'")
        if item in first_line:
            raise EntryError(src_path, line, f"source '{item}' is listed twice (first at line {first_line[item]})")
        source = known.get(item)
        if source is None:
            raise EntryError(src_path, line, f"unknown source '{item}' (sources are defined in sumber/pustaka.yml)")
        first_line[item] = line
        sources.append(source)
    return tuple(sources)


def url_problem(url: str) -> str | None:
    """Why `url` is not a usable http(s) link, or None."""
    if any(char.isspace() for char in url):
        return "a URL has no spaces"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # Raises ValueError for a port that is not a number.
    except ValueError as error:
        return f"not a URL ({error})"
    if parts.scheme not in ("http", "https"):
        return "must start with http:// or https://"
    if not host:
        return "has no host"
    return None
