"""Dated events: parsed from YAML data files, validated, rendered as a timeline.

Each event in the file is a mapping:

    - tanggal: "2023-07-26"       # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
      teks: Shoigu mengunjungi Pyongyang.
      entitas: [sergei-shoigu, pyongyang]
      rujukan: artikel/halaman-4.md#sebut-sergei-shoigu-1   # optional: where the article mentions it
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .dates import format_date, parse_date
from .errors import EntryError, excerpt
from .plain_text import plain_field
from .safe_yaml import Lines, decode, load

_KEYS = ("tanggal", "teks", "entitas", "rujukan")

#: Sections of the timeline, in the order shown.
IN_ARTICLE, BACKGROUND, AFTER = "artikel", "konteks", "sesudah"
SECTION_TITLES = {
    IN_ARTICLE: "Disebut dalam artikel",
    BACKGROUND: "Konteks sebelum artikel",
    AFTER: "Sesudah artikel",
}


@dataclass(frozen=True, order=True)
class EventDate:
    """A day, a month or a year."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> EventDate:
        """Raise `ValueError` for anything but a real year (from 0001), month or day."""
        return cls(*parse_date(text))

    @property
    def iso(self) -> str:
        return "-".join([f"{self.year:04d}", *([f"{self.month:02d}"] if self.month else []),
                         *([f"{self.day:02d}"] if self.day else [])])

    @property
    def label(self) -> str:
        """Indonesian: "26 Juli 2023", "September 2023", "2020"."""
        return format_date(self.year, self.month, self.day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day)

    def after(self, other: EventDate) -> bool:
        """True if even the earliest day this date may mean comes after `other`'s."""
        return (self.year, self.month or 1, self.day or 1) > (other.year, other.month or 1, other.day or 1)


@dataclass(frozen=True)
class Event:
    date: EventDate
    text: str
    entities: tuple[str, ...]
    #: Page source path (e.g. "artikel/halaman-4.md") and anchor ("" if none), or None.
    page: str | None
    anchor: str
    line: int

    def section(self, article_date: EventDate) -> str:
        if self.page:
            return IN_ARTICLE
        return AFTER if self.date.after(article_date) else BACKGROUND


def parse_events(source: str | bytes, path: str, known_entity: Callable[[str], bool],
                 known_page: Callable[[str], bool]) -> list[Event]:
    """Parse and validate a timeline file (its text, or its bytes, which must be UTF-8).

    Raise `EntryError` naming `path` (the file) and the line of the first problem.
    """
    text = decode(source, path) if isinstance(source, bytes) else source
    document = load(text, path)
    root = document.data
    if root is None:
        return []
    if not isinstance(root, list):
        raise EntryError(path, document.lines(), "the file must be a list of events")
    events = [_event(item, document.lines.under(index), path, known_entity, known_page)
              for index, item in enumerate(root)]
    return sorted(events, key=lambda e: (e.date, e.line))


def _event(item: Any, lines: Lines, path: str, known_entity: Callable[[str], bool],
           known_page: Callable[[str], bool]) -> Event:
    line = lines()
    if not isinstance(item, dict):
        raise EntryError(path, line, "an event must be a mapping (tanggal, teks, entitas, rujukan)")
    for key in item:
        if key not in _KEYS:
            raise EntryError(path, lines(key), f"unknown field {excerpt(key)} (known: {', '.join(_KEYS)})")
    for key in ("tanggal", "teks", "entitas"):
        if key not in item:
            raise EntryError(path, line, f"event without '{key}'")

    def text(key: str) -> str:
        try:
            return plain_field(item[key], key)
        except ValueError as error:
            raise EntryError(path, lines(key), str(error)) from None

    try:
        date = EventDate.parse(text("tanggal"))
    except ValueError as error:
        raise EntryError(path, lines("tanggal"), str(error)) from None
    listed = item["entitas"]
    if not isinstance(listed, list) or not listed:
        raise EntryError(path, lines("entitas"), "'entitas' must be a non-empty list of entity ids")
    entities = []
    for index, entity in enumerate(listed):
        if not isinstance(entity, str):
            kind = "a nested list" if isinstance(entity, list) else excerpt(entity, 60)
            raise EntryError(path, lines("entitas", index),
                             f"'entitas' must list entity ids, as in [rusia, kim-jong-un]; found {kind}")
        if not known_entity(entity):
            raise EntryError(path, lines("entitas", index), f"unknown entity {excerpt(entity, 60)}")
        entities.append(entity)
    page, anchor = None, ""
    if "rujukan" in item:
        reference = text("rujukan")
        page, _, anchor = reference.partition("#")
        if not known_page(page):
            raise EntryError(path, lines("rujukan"), f"'rujukan' names no page: {excerpt(page, 80)}")
    return Event(date, text("teks"), tuple(entities), page, anchor, line)
