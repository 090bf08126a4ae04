"""Corrections and updates: a log editors keep, the page "Ralat dan pembaruan", and an Atom feed.

    - tanggal: "2026-11-26"
      jenis: ralat               # ralat: an error corrected; pembaruan: an update
      teks: Peluncuran gagal kedua Malligyong-1 terjadi pada 24 Agustus 2023, bukan 23 Agustus.
      halaman: [artikel/halaman-2.md, kazbek-taysaev]   # pages (paths) and entries (ids) affected

The feed is written from the log alone (its dates, never the clock), so builds stay reproducible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from xml.sax.saxutils import escape as xml_escape, quoteattr

from .dates import format_iso_date, parse_date
from .errors import EntryError
from .plain_text import plain_field
from .safe_yaml import load

KINDS = {"ralat": "Ralat", "pembaruan": "Pembaruan"}
_KEYS = {"tanggal", "jenis", "teks", "halaman"}


@dataclass(frozen=True)
class Change:
    date: str
    kind: str
    text: str
    #: What it touched: entity ids and page paths under the docs folder.
    targets: tuple[str, ...]
    line: int

    @property
    def anchor(self) -> str:
        return f"perubahan-{self.date}-{self.line}"


def parse_changes(text: str, path: str, known_target: Callable[[str], bool]) -> list[Change]:
    """The log, newest first; raise `EntryError` at the first problem."""
    document = load(text, path)
    data, lines = document.data, document.lines
    if data is None:
        return []
    if not isinstance(data, list):
        raise EntryError(path, 1, "the corrections log must be a list of changes")
    changes = []
    for index, item in enumerate(data):
        line = lines(index)
        if not isinstance(item, dict):
            raise EntryError(path, line, "a change must be a mapping (tanggal, jenis, teks, halaman)")
        for key in item:
            if key not in _KEYS:
                raise EntryError(path, lines(index, key), f"unknown field '{key}' (known: {', '.join(sorted(_KEYS))})")
        for key in sorted(_KEYS):
            if item.get(key) in (None, "", []):
                raise EntryError(path, line, f"change without '{key}'")
        for key in ("tanggal", "jenis", "teks"):
            try:
                item[key] = plain_field(item[key], key)
            except ValueError as error:
                raise EntryError(path, lines(index, key), str(error)) from None
        try:
            year, month, day = parse_date(item["tanggal"], "YYYY-MM-DD")
            if not day:
                raise ValueError(f"date '{item['tanggal']}' is not YYYY-MM-DD")
        except ValueError as error:
            raise EntryError(path, lines(index, "tanggal"), str(error)) from None
        if item["jenis"] not in KINDS:
            raise EntryError(path, lines(index, "jenis"), f"'jenis' must be one of {', '.join(KINDS)}")
        targets = item["halaman"]
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise EntryError(path, lines(index, "halaman"), "'halaman' must be a list of entity ids or pages")
        for position, target in enumerate(targets):
            if not known_target(target):
                raise EntryError(path, lines(index, "halaman", position),
                                 f"'{target}' is neither an entity id nor a page")
        changes.append(Change(item["tanggal"], item["jenis"], " ".join(item["teks"].split()),
                              tuple(targets), line))
    return sorted(changes, key=lambda change: (change.date, change.line), reverse=True)


def render_changes(changes: Iterable[Change], link: Callable[[str], tuple[str, str]]) -> str:
    """The list of changes; `link(target)` gives (href, title) of a page or an entry."""
    items = []
    for change in changes:
        targets = ", ".join(f'<a href="{escape(href)}">{escape(title)}</a>'
                            for href, title in map(link, change.targets))
        items.append(
            f'<li class="change change--{change.kind}" id="{change.anchor}">'
            f'<p><strong class="change__kind">{KINDS[change.kind]}</strong> · '
            f'<time datetime="{change.date}">{format_iso_date(change.date)}</time></p>'
            f"<p>{escape(change.text)}</p><p class=\"change__targets\">Pada: {targets}</p></li>"
        )
    if not items:
        return "<p>Belum ada ralat atau pembaruan.</p>"
    return f'<ol class="change-list">{"".join(items)}</ol>'


def atom_feed(changes: list[Change], *, title: str, site_url: str, page_url: str,
              link: Callable[[str], tuple[str, str]]) -> str:
    """An Atom 1.0 feed of the changes; `link(target)` gives (absolute URL, title) of a target."""
    updated = f"{changes[0].date}T00:00:00Z" if changes else "2024-02-01T00:00:00Z"
    entries = []
    for change in changes:
        links = [link(target) for target in change.targets]
        related = "".join(f"<link rel=\"related\" href={quoteattr(url)} title={quoteattr(name)}/>"
                          for url, name in links[1:])
        names = ", ".join(name for _url, name in links)
        entries.append(
            "<entry>"
            f"<id>{xml_escape(page_url)}#{change.anchor}</id>"
            f"<title>{xml_escape(KINDS[change.kind])}: {xml_escape(names)}</title>"
            f"<updated>{change.date}T00:00:00Z</updated>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(links[0][0])}/>{related}"
            f"<category term={quoteattr(change.kind)} label={quoteattr(KINDS[change.kind])}/>"
            f"<summary type=\"text\">{xml_escape(change.text)}</summary>"
            "</entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">'
        f"<id>{xml_escape(page_url)}</id>"
        f"<title>{xml_escape(title)}</title>"
        f"<updated>{updated}</updated>"
        f"<link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(site_url + 'feed.xml')}/>"
        f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(page_url)}/>"
        f"<author><name>{xml_escape(title)}</name></author>"
        + "".join(entries) + "</feed>\n"
    )
