"""Dated events: parsed from YAML data files, validated, rendered as a timeline.

Each event in the file is a mapping:

    - tanggal: "2023-07-26"       # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
      teks: Shoigu mengunjungi Pyongyang.
      entitas: [sergei-shoigu, pyongyang]
      rujukan: artikel/halaman-4.md#sebut-sergei-shoigu-1   # optional: where the article mentions it
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
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


def render_timeline(events: Iterable[Event], article_date: EventDate, page_href: Callable[[str], str],
                    entity_link: Callable[[str], str], page_title: Callable[[str], str],
                    text: Callable[[str], str] = escape) -> str:
    """The timeline, one section per kind of event; links are made by the callables given."""
    by_section: dict[str, list[Event]] = {key: [] for key in SECTION_TITLES}
    for event in events:
        by_section[event.section(article_date)].append(event)
    html = []
    for key, title in SECTION_TITLES.items():
        if not by_section[key]:
            continue
        items = "".join(_event_html(e, page_href, entity_link, page_title, text) for e in by_section[key])
        html.append(f'<section class="timeline timeline--{key}" aria-labelledby="linimasa-{key}">'
                    f'<h2 id="linimasa-{key}">{title}</h2><ol class="timeline__list">{items}</ol></section>')
    return "".join(html)


def _event_html(event: Event, page_href, entity_link, page_title, text) -> str:
    who = ", ".join(entity_link(entity) for entity in event.entities)
    where = ""
    if event.page:
        target = page_href(event.page) + (f"#{event.anchor}" if event.anchor else "")
        where = (f'<p class="timeline__source">Dalam artikel: '
                 f'<a href="{escape(target)}">{escape(page_title(event.page))}</a></p>')
    return (f'<li class="timeline__event"><time class="timeline__date" datetime="{event.date.iso}">'
            f"{event.date.label}</time>"
            f'<div class="timeline__body"><p>{text(event.text)}</p>'
            f'<p class="timeline__who">{who}</p>{where}</div></li>')


def render_event_list(events: Iterable[Event], page_href: Callable[[str], str],
                      page_title: Callable[[str], str], text: Callable[[str], str] = escape) -> str:
    """A short list of events for an entity's page."""
    items = []
    for event in events:
        where = ""
        if event.page:
            target = page_href(event.page) + (f"#{event.anchor}" if event.anchor else "")
            where = f' (<a href="{escape(target)}">{escape(page_title(event.page))}</a>)'
        items.append(f'<li><time datetime="{event.date.iso}">{event.date.label}</time> — '
                     f"{text(event.text)}{where}</li>")
    return f'<ul class="entity-events">{"".join(items)}</ul>'
