"""Dated events: parsed from YAML data files, validated, rendered as a timeline.

Each event in the file is a mapping:

    - tanggal: "2023-07-26"       # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
      teks: Shoigu mengunjungi Pyongyang.
      entitas: [sergei-shoigu, pyongyang]
      rujukan: artikel/halaman-4.md#sebut-sergei-shoigu-1   # optional: where the article mentions it
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

import yaml

from .entries import EntryError

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_KEYS = {"tanggal", "teks", "entitas", "rujukan"}

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
        match = _DATE.fullmatch(text)
        if not match:
            raise ValueError(f"date '{text}' is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        if match.group(2) and not 1 <= month <= 12:
            raise ValueError(f"date '{text}' has no month {month}")
        if match.group(3):
            datetime.date(year, month, day)  # Raises ValueError for 2024-02-30.
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        return "-".join([f"{self.year:04d}", *([f"{self.month:02d}"] if self.month else []),
                         *([f"{self.day:02d}"] if self.day else [])])

    @property
    def label(self) -> str:
        """Indonesian: "26 Juli 2023", "September 2023", "2020"."""
        parts = [str(self.day)] if self.day else []
        parts += [MONTHS[self.month - 1]] if self.month else []
        return " ".join([*parts, str(self.year)])

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


def parse_events(text: str, path: str, known_entity: Callable[[str], bool],
                 known_page: Callable[[str], bool]) -> list[Event]:
    """Parse and validate a timeline file; raise `EntryError` naming the line of the first problem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        raise EntryError(path, mark.line + 1 if mark else None, f"YAML error: {getattr(error, 'problem', error)}")
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise EntryError(path, root.start_mark.line + 1, "the file must be a list of events")
    events = []
    for node in root.value:
        events.append(_event(node, path, known_entity, known_page))
    return sorted(events, key=lambda e: (e.date, e.line))


def _event(node: Any, path: str, known_entity, known_page) -> Event:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise EntryError(path, line, "an event must be a mapping (tanggal, teks, entitas, rujukan)")
    fields = {key.value: value for key, value in node.value}
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    for key in fields:
        if key not in _KEYS:
            raise EntryError(path, lines[key], f"unknown field '{key}' (known: {', '.join(sorted(_KEYS))})")
    for key in ("tanggal", "teks", "entitas"):
        if key not in fields:
            raise EntryError(path, line, f"event without '{key}'")

    def scalar(key: str) -> str:
        value = fields[key]
        if not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
            raise EntryError(path, lines[key], f"'{key}' must be text")
        return " ".join(str(value.value).split())

    try:
        date = EventDate.parse(scalar("tanggal"))
    except ValueError as error:
        raise EntryError(path, lines["tanggal"], str(error)) from None
    entities_node = fields["entitas"]
    if not isinstance(entities_node, yaml.SequenceNode) or not entities_node.value:
        raise EntryError(path, lines["entitas"], "'entitas' must be a non-empty list of entity ids")
    entities = []
    for item in entities_node.value:
        if not known_entity(str(item.value)):
            raise EntryError(path, item.start_mark.line + 1, f"unknown entity '{item.value}'")
        entities.append(str(item.value))
    page, anchor = None, ""
    if "rujukan" in fields:
        reference = scalar("rujukan")
        page, _, anchor = reference.partition("#")
        if not known_page(page):
            raise EntryError(path, lines["rujukan"], f"'rujukan' names no page: '{page}'")
    return Event(date, scalar("teks"), tuple(entities), page, anchor, line)


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
