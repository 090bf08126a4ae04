"""Corrections, clarifications and updates: the log editors keep, as a newsroom keeps one.

    - id: ralat-2026-11-26-malligyong        # stable: anchors and feed ids use it, never a line number
      tanggal: "2026-11-26"
      waktu: "14:30"                          # optional (WIB)
      jenis: ralat                            # ralat | klarifikasi | pembaruan
      judul: "Ralat: tanggal peluncuran Malligyong-1"   # says what changed, at most 100 characters
      sebelum: "… 23 Agustus 2023 …"          # the earlier wording (ralat, klarifikasi)
      sesudah: "… 24 Agustus 2023 …"          # the wording now, or what an update added
      teks: Peluncuran gagal kedua terjadi pada 24 Agustus 2023, bukan 23 Agustus.
      halaman: [artikel/halaman-2.md#catatan-malligyong, kazbek-taysaev]

`halaman` names pages (paths) and entries (ids), each optionally with `#anchor`: the spot the
change applies to, where the page shows a dated label linking to the log. An old entry is never
rewritten to fix it: a mistaken correction gets its own, later entry. The feed is written from the
log alone (its dates, never the clock), so builds stay reproducible.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape as xml_escape, quoteattr

from .dates import format_iso_date, parse_date
from .errors import EntryError, excerpt
from .plain_text import plain_field
from .safe_yaml import load
from .sources import ID

#: The kinds, as Reuters and AP keep them: label, and the label a corrected spot shows.
KINDS = {
    "ralat": ("Ralat", "Dikoreksi"),  # a factual error corrected
    "klarifikasi": ("Klarifikasi", "Diklarifikasi"),  # wording that misled, made clear
    "pembaruan": ("Pembaruan", "Diperbarui"),  # new information added
}
#: Kinds that must say what the text said before.
_NEEDS_BEFORE = {"ralat", "klarifikasi"}
_REQUIRED = ("id", "tanggal", "jenis", "judul", "teks", "sesudah", "halaman")
_KEYS = {*_REQUIRED, "waktu", "sebelum"}
MAX_TITLE = 100
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
#: `[@id]` citations in quoted wording: the log quotes text, the page it came from cites.
_CITATION = re.compile(r"\[@[a-z0-9/-]+\]")


@dataclass(frozen=True)
class Target:
    """Where a change applies: a page (path) or an entry (id), and the spot on it, if any."""

    name: str
    anchor: str = ""


@dataclass(frozen=True)
class Change:
    id: str
    date: str
    kind: str
    title: str
    text: str
    after: str
    targets: tuple[Target, ...]
    line: int
    before: str | None = None
    time: str | None = None

    @property
    def anchor(self) -> str:
        """The id of the change on the corrections page, and of its feed entry: the editor's id."""
        return self.id

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind][0]

    @property
    def spot_label(self) -> str:
        """"Dikoreksi 26 Nov 2026": what a corrected spot says."""
        return f"{KINDS[self.kind][1]} {format_iso_date(self.date, short=True)}"

    @property
    def timestamp(self) -> str:
        """RFC 3339, for the feed: the day and, where given, the time (WIB, UTC+7)."""
        return f"{self.date}T{self.time}:00+07:00" if self.time else f"{self.date}T00:00:00Z"

    @property
    def quoted_before(self) -> str | None:
        return _CITATION.sub("", self.before).strip() if self.before else None

    @property
    def quoted_after(self) -> str:
        return _CITATION.sub("", self.after).strip()


def parse_changes(text: str, path: str, known_target: Callable[[str], bool]) -> list[Change]:
    """The log, newest first; raise `EntryError` at the first problem."""
    document = load(text, path)
    data, lines = document.data, document.lines
    if data is None:  # An empty log, or one of comments only.
        return []
    if not isinstance(data, list):
        raise EntryError(path, 1, "the corrections log must be a list of changes")
    changes: list[Change] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(data):
        change = _parse_change(item, index, lines, path, known_target)
        if change.id in first_line:
            raise EntryError(path, lines(index, "id"), f"change id '{change.id}' is already used at line "
                                                        f"{first_line[change.id]}; ids must be unique")
        first_line[change.id] = change.line
        changes.append(change)
    return sorted(changes, key=lambda change: (change.date, change.time or "", change.line), reverse=True)


def _parse_change(item, index: int, lines, path: str, known_target: Callable[[str], bool]) -> Change:
    line = lines(index)
    if not isinstance(item, dict):
        raise EntryError(path, line, "a change must be a mapping (id, tanggal, jenis, judul, teks, sesudah, halaman)")
    for key in item:
        if key not in _KEYS:
            raise EntryError(path, lines(index, key), f"unknown field {excerpt(key, 60)} "
                                                      f"(known: {', '.join(sorted(_KEYS))})")
    for key in _REQUIRED:
        if item.get(key) in (None, "", []):
            raise EntryError(path, line, f"change without '{key}'")
    values: dict[str, str] = {}
    for key in sorted(_KEYS - {"halaman"}):
        if item.get(key) is not None:
            try:
                values[key] = plain_field(item[key], key)
            except ValueError as error:
                raise EntryError(path, lines(index, key), str(error)) from None
    if not ID.fullmatch(values["id"]):
        raise EntryError(path, lines(index, "id"), f"id {excerpt(values['id'], 60)} must be lower-case letters, "
                                                   "digits and '-'")
    try:
        _year, _month, day = parse_date(values["tanggal"], "YYYY-MM-DD")
        if not day:
            raise ValueError(f"date '{values['tanggal']}' is not YYYY-MM-DD")
    except ValueError as error:
        raise EntryError(path, lines(index, "tanggal"), str(error)) from None
    if "waktu" in values and not _TIME.fullmatch(values["waktu"]):
        raise EntryError(path, lines(index, "waktu"), f"'waktu' must be HH:MM, not {excerpt(values['waktu'], 40)}")
    kind = values["jenis"]
    if kind not in KINDS:
        raise EntryError(path, lines(index, "jenis"), f"'jenis' must be one of {', '.join(KINDS)}")
    if kind in _NEEDS_BEFORE and "sebelum" not in values:
        raise EntryError(path, line, f"a {kind} must quote the earlier wording in 'sebelum'")
    if len(values["judul"]) > MAX_TITLE:
        raise EntryError(path, lines(index, "judul"), f"'judul' of {len(values['judul'])} characters (at most "
                                                      f"{MAX_TITLE}): say what changed, not where")
    targets = item["halaman"]
    if not isinstance(targets, list) or not all(isinstance(t, str) and t.strip() for t in targets):
        # A string would be read character by character.
        raise EntryError(path, lines(index, "halaman"), "'halaman' must be a list of entity ids or pages")
    parsed = []
    for position, target in enumerate(targets):
        name, _, anchor = target.strip().partition("#")
        if not known_target(name):
            raise EntryError(path, lines(index, "halaman", position),
                             f"{excerpt(name, 80)} is neither an entity id nor a page")
        parsed.append(Target(name, anchor))
    return Change(id=values["id"], date=values["tanggal"], kind=kind, title=values["judul"], text=values["teks"],
                  after=values["sesudah"], targets=tuple(parsed), line=line, before=values.get("sebelum"),
                  time=values.get("waktu"))


def atom_feed(changes: list[Change], *, title: str, site_url: str, page_url: str,
              link: Callable[[Target], tuple[str, str]]) -> str:
    """An Atom 1.0 feed of the changes; `link(target)` gives (absolute URL, title) of a target.

    Entry ids are the page's URL with the change's own id: adding lines to the log changes none.
    """
    updated = max((change.timestamp for change in changes), default="2024-02-01T00:00:00Z")
    entries = []
    for change in changes:
        links = [link(target) for target in change.targets]
        related = "".join(f"<link rel=\"related\" href={quoteattr(url)} title={quoteattr(name)}/>"
                          for url, name in links)
        summary = change.text + (f" Sebelumnya: “{change.quoted_before}”" if change.quoted_before else "")
        entries.append(
            "<entry>"
            f"<id>{xml_escape(page_url)}#{change.anchor}</id>"
            f"<title>{xml_escape(change.title)}</title>"
            f"<updated>{change.timestamp}</updated>"
            f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(page_url + '#' + change.anchor)}/>{related}"
            f"<category term={quoteattr(change.kind)} label={quoteattr(change.kind_label)}/>"
            f"<summary type=\"text\">{xml_escape(summary)}</summary>"
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
