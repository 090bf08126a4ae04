"""Sources: what an entry (or an article page) cites, as data, and the syntax that cites them.

In front matter, a list under `sources`:

    sources:
      - id: kcna-2023-08-24                 # short, [a-z0-9-]; unique in the file
        title: "DPRK's Reconnaissance Satellite Launch Fails"   # as published
        publisher: KCNA                     # the outlet
        date: 2023-08-24                    # YYYY-MM-DD, or YYYY-MM when the day is unknown
        url: https://kcnawatch.org/...      # http or https

In the text, `[@kcna-2023-08-24]` cites a source of the same file, and
`[@sergei-shoigu/tass-2024-05-12]` a source of another entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .dates import format_iso_date, parse_date
from .errors import EntryError, excerpt
from .plain_text import plain_field
from .safe_yaml import Lines

FIELDS = ("id", "title", "publisher", "date", "url")
#: An id: of an entry (its file name), a source, a change. The one id syntax of the edition.
_ID = r"[a-z0-9][a-z0-9-]*"
ID = re.compile(_ID)
#: A citation in the text: `[@source-id]` or `[@entity-id/source-id]`.
REFERENCE = re.compile(rf"\[@(?:(?P<entity>{_ID})/)?(?P<source>{_ID})\]")
_DATE_FORMS = "YYYY-MM-DD or YYYY-MM"


@dataclass(frozen=True)
class Source:
    """One published source. All fields are plain text; `date` is "YYYY-MM-DD" or "YYYY-MM"."""

    id: str
    title: str
    publisher: str
    date: str
    url: str

    @property
    def date_label(self) -> str:
        """"1 Februari 2024" or "Februari 2024"."""
        return format_iso_date(self.date)

    @property
    def date_label_short(self) -> str:
        """"1 Feb 2024" or "Feb 2024"."""
        return format_iso_date(self.date, short=True)


def parse_sources(value: Any, lines: Lines, src_path: str) -> tuple[Source, ...]:
    """Validate a `sources` list; `lines` are the lines of that list. Raise `EntryError` at the first problem."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EntryError(src_path, lines(), "'sources' must be a list of sources (id, title, publisher, date, url)")
    sources: list[Source] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(value):
        source = _source(item, lines.under(index), src_path)
        if source.id in first_line:
            raise EntryError(src_path, lines(index, "id"),
                             f"duplicate source id '{source.id}' (first at line {first_line[source.id]})")
        first_line[source.id] = lines(index, "id")
        sources.append(source)
    return tuple(sources)


def _source(item: Any, lines: Lines, src_path: str) -> Source:
    if not isinstance(item, dict):
        raise EntryError(src_path, lines(), "each source must be a mapping of id, title, publisher, date, url")
    for key in item:
        if key not in FIELDS:
            raise EntryError(src_path, lines(key), f"unknown source field {excerpt(key)} (known: {', '.join(FIELDS)})")
    values: dict[str, str] = {}
    for key in FIELDS:
        raw = item.get(key)
        if raw is None or raw == "":
            raise EntryError(src_path, lines(), f"source without '{key}'")
        try:
            values[key] = plain_field(raw, key)
        except ValueError as error:
            raise EntryError(src_path, lines(key), f"source {error}") from None
    if not ID.fullmatch(values["id"]):
        raise EntryError(src_path, lines("id"),
                         f"source id {excerpt(values['id'])} must be lower-case letters, digits and '-'")
    try:
        _year, month, _day = parse_date(values["date"], _DATE_FORMS)
    except ValueError as error:
        raise EntryError(src_path, lines("date"), f"source date: {error}") from None
    if not month:
        raise EntryError(src_path, lines("date"), f"source date '{values['date']}' is not {_DATE_FORMS}")
    problem = url_problem(item["url"])
    if problem:
        raise EntryError(src_path, lines("url"), f"source url {excerpt(item['url'])}: {problem}")
    return Source(**values)


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
