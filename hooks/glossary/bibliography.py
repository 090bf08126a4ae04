"""The edition's one bibliography: each source defined once, each publisher as data.

Two files in the docs folder's `sumber/` (data, never pages: MkDocs' `exclude_docs` leaves out `*.yml`).

`sumber/penerbit.yml`, the publishers (outlets):

    - id: reuters                 # [a-z0-9-], unique
      nama: Reuters               # the canonical name readers see
      jenis: kantor-berita        # one of KINDS
      negara: GB                  # ISO 3166-1 alpha-2
      bahasa: en                  # BCP 47: the language the edition reads it in

`sumber/pustaka.yml`, the sources:

    - id: thestar-2024-02-01      # [a-z0-9-], unique: cited as [@thestar-2024-02-01] anywhere
      judul: "North Korean delegation to visit Moscow, Russian lawmaker says"
      penerbit: thestar           # a publisher's id: the outlet at the URL
      tanggal: "2024-02-01"       # YYYY-MM-DD, or YYYY-MM when the day is unknown
      url: https://thestar.com.my/news/world/2024/02/01/...
      bahasa: en                  # BCP 47: the title's language (pages mark it with `lang`)
      mengutip: reuters           # a reprint: the original outlet's publisher id

One URL, one id: a URL defined twice (the same page: scheme, host case and a final `/` aside), an id
defined twice, an unknown publisher and any bad field are errors at the file's line.

A reprint is said on the source, not the publisher: the same outlet prints its own stories and
others'. A source counts as the kind of what the reader gets (`Source.kind`): a reprint by an
outlet that reprints (a newspaper, an agency, an official site, a reference archive) counts as its
original; an aggregator's or a blog's copy stays an aggregator's or a blog's, since they rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .dates import parse_date
from .errors import EntryError, excerpt
from .plain_text import plain_field
from .safe_yaml import Lines, load, read_text
from .sources import ID, Source, url_problem

#: The folder under the docs folder, and its two files.
FOLDER = "sumber"
PUBLISHERS_FILE = "penerbit.yml"
SOURCES_FILE = "pustaka.yml"

#: Publisher kinds, with what readers and the report call them.
KINDS: dict[str, str] = {
    "resmi": "resmi atau primer",
    "kantor-berita": "kantor berita",
    "media": "surat kabar atau penyiar",
    "referensi": "referensi",
    "agregator": "agregator",
    "blog": "blog",
}
#: Primary, wire or established outlets: the share the build reports per entry.
ESTABLISHED = frozenset({"resmi", "kantor-berita", "media"})
#: Outlets whose copy of another's story is a rewrite: it keeps their own kind.
_REWRITERS = frozenset({"agregator", "blog"})

_PUBLISHER_KEYS = ("id", "nama", "jenis", "negara", "bahasa")
_SOURCE_REQUIRED = ("id", "judul", "penerbit", "tanggal", "url", "bahasa")
_SOURCE_KEYS = (*_SOURCE_REQUIRED, "mengutip")
_COUNTRY = re.compile(r"[A-Z]{2}")
#: A BCP 47 tag as the edition uses them: a language, then optional script, region or variant subtags.
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_DATE_FORMS = "YYYY-MM-DD or YYYY-MM"


@dataclass(frozen=True)
class Publisher:
    id: str
    name: str
    kind: str
    country: str
    language: str


@dataclass
class Bibliography:
    """The sources and publishers as loaded, with the errors found and each source's line."""

    #: Source id -> source, in file order.
    sources: dict[str, Source] = field(default_factory=dict)
    publishers: dict[str, Publisher] = field(default_factory=dict)
    #: Source id -> its line in `sources_path`; publisher id -> its line in `publishers_path`.
    source_lines: dict[str, int] = field(default_factory=dict)
    publisher_lines: dict[str, int] = field(default_factory=dict)
    errors: list[EntryError] = field(default_factory=list)
    sources_path: str = f"{FOLDER}/{SOURCES_FILE}"
    publishers_path: str = f"{FOLDER}/{PUBLISHERS_FILE}"

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)


def load_bibliography(docs_dir: Path, folder: str = FOLDER) -> Bibliography:
    """`<folder>/penerbit.yml` and `<folder>/pustaka.yml` under `docs_dir`; none there, none known.

    Paths in errors are relative to `docs_dir`. A bad item is reported and left out; a source with
    an unknown publisher, or at a URL defined before, is reported and kept, so that what cites it is
    not reported again.
    """
    bibliography = Bibliography(sources_path=f"{folder}/{SOURCES_FILE}",
                                publishers_path=f"{folder}/{PUBLISHERS_FILE}")
    publishers = _items(docs_dir, bibliography.publishers_path, bibliography)
    for item, lines in publishers:
        try:
            publisher = _publisher(item, lines, bibliography.publishers_path)
        except EntryError as error:
            bibliography.errors.append(error)
            continue
        if publisher.id in bibliography.publishers:
            bibliography.errors.append(EntryError(
                bibliography.publishers_path, lines("id"), f"publisher id '{publisher.id}' is defined twice "
                f"(first at line {bibliography.publisher_lines[publisher.id]})"))
            continue
        bibliography.publishers[publisher.id] = publisher
        bibliography.publisher_lines[publisher.id] = lines("id")
    urls: dict[str, tuple[str, int]] = {}
    for item, lines in _items(docs_dir, bibliography.sources_path, bibliography):
        try:
            source = _source(item, lines, bibliography)
        except EntryError as error:
            bibliography.errors.append(error)
            continue
        path = bibliography.sources_path
        if source.id in bibliography.sources:
            bibliography.errors.append(EntryError(path, lines("id"), f"source id '{source.id}' is defined twice "
                                                  f"(first at line {bibliography.source_lines[source.id]})"))
            continue
        page = same_page(source.url)
        if page in urls:
            other, line = urls[page]
            bibliography.errors.append(EntryError(path, lines("url"), f"source '{source.id}': its URL is defined "
                                                  f"already, as '{other}' at line {line} (one URL, one id: cite "
                                                  f"[@{other}])"))
        urls.setdefault(page, (source.id, lines("id")))
        bibliography.sources[source.id] = source
        bibliography.source_lines[source.id] = lines("id")
    return bibliography


def same_page(url: str) -> str:
    """A URL as the page it names: without its scheme, its host in lower case, no final '/'."""
    parts = urlsplit(url)
    rest = url[len(parts.scheme) + 3 + len(parts.netloc):] if "://" in url else url
    return (parts.netloc.lower() + rest).rstrip("/")


def _items(docs_dir: Path, path: str, bibliography: Bibliography) -> list[tuple[Any, Lines]]:
    file = docs_dir / path
    if not file.is_file():
        return []
    try:
        document = load(read_text(file, path), path)
    except EntryError as error:
        bibliography.errors.append(error)
        return []
    except OSError as error:
        bibliography.errors.append(EntryError(path, None, f"cannot read the file: {error.strerror}"))
        return []
    if document.data is None:
        return []
    if not isinstance(document.data, list):
        bibliography.errors.append(EntryError(path, document.lines(), "the file must be a list"))
        return []
    return [(item, document.lines.under(index)) for index, item in enumerate(document.data)]


def _fields(item: Any, lines: Lines, path: str, required: tuple[str, ...], known: tuple[str, ...],
            what: str) -> dict[str, str]:
    if not isinstance(item, dict):
        raise EntryError(path, lines(), f"each {what} must be a mapping of {', '.join(required)}")
    for key in item:
        if key not in known:
            raise EntryError(path, lines(key), f"unknown {what} field {excerpt(key)} (known: {', '.join(known)})")
    values: dict[str, str] = {}
    for key in known:
        raw = item.get(key)
        if raw is None or raw == "":
            if key in required:
                raise EntryError(path, lines(), f"{what} without '{key}'")
            continue
        try:
            values[key] = plain_field(raw, key)
        except ValueError as error:
            raise EntryError(path, lines(key), f"{what} {error}") from None
    if not ID.fullmatch(values["id"]):
        raise EntryError(path, lines("id"), f"{what} id {excerpt(values['id'])} must be lower-case letters, "
                                            "digits and '-'")
    if not _LANGUAGE.fullmatch(values["bahasa"]):
        raise EntryError(path, lines("bahasa"), f"'bahasa' {excerpt(values['bahasa'])} is no BCP 47 language tag "
                                                "(such as en, ru, id, ko)")
    return values


def _publisher(item: Any, lines: Lines, path: str) -> Publisher:
    values = _fields(item, lines, path, _PUBLISHER_KEYS, _PUBLISHER_KEYS, "publisher")
    if values["jenis"] not in KINDS:
        raise EntryError(path, lines("jenis"), f"'jenis' {excerpt(values['jenis'])} is not one of: {', '.join(KINDS)}")
    if not _COUNTRY.fullmatch(values["negara"]):
        raise EntryError(path, lines("negara"), f"'negara' {excerpt(values['negara'])} is no ISO 3166 country "
                                                "code (two capital letters, such as RU)")
    return Publisher(values["id"], values["nama"], values["jenis"], values["negara"], values["bahasa"])


def _source(item: Any, lines: Lines, bibliography: Bibliography) -> Source:
    path = bibliography.sources_path
    values = _fields(item, lines, path, _SOURCE_REQUIRED, _SOURCE_KEYS, "source")
    try:
        _year, month, _day = parse_date(values["tanggal"], _DATE_FORMS)
    except ValueError as error:
        raise EntryError(path, lines("tanggal"), f"source date: {error}") from None
    if not month:
        raise EntryError(path, lines("tanggal"), f"source date '{values['tanggal']}' is not {_DATE_FORMS}")
    problem = url_problem(item["url"])
    if problem:
        raise EntryError(path, lines("url"), f"source url {excerpt(item['url'])}: {problem}")
    publisher = _known_publisher(values["penerbit"], "penerbit", lines, bibliography)
    original = _known_publisher(values["mengutip"], "mengutip", lines, bibliography) if "mengutip" in values else None
    kind = publisher.kind if publisher is not None else ""
    if original is not None and kind not in _REWRITERS:
        kind = original.kind
    return Source(id=values["id"], title=values["judul"],
                  publisher=publisher.name if publisher is not None else values["penerbit"],
                  date=values["tanggal"], url=values["url"], lang=values["bahasa"], kind=kind,
                  quoting=original.name if original is not None else None,
                  publisher_id=values["penerbit"], quoting_id=values.get("mengutip"))


def _known_publisher(publisher_id: str, key: str, lines: Lines, bibliography: Bibliography) -> Publisher | None:
    publisher = bibliography.publishers.get(publisher_id)
    if publisher is None:  # Reported, and the source kept: what cites it is right.
        bibliography.errors.append(EntryError(bibliography.sources_path, lines(key), f"unknown publisher "
                                              f"{excerpt(publisher_id)} (publishers are defined in "
                                              f"{bibliography.publishers_path})"))
    return publisher


@dataclass(frozen=True)
class Shares:
    """How many sources of each kind."""

    counts: Mapping[str, int]

    @classmethod
    def of(cls, sources: Iterable[Source]) -> Shares:
        counts = dict.fromkeys(KINDS, 0)
        for source in sources:
            if source.kind in counts:
                counts[source.kind] += 1
        return cls(counts)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def established(self) -> int:
        return sum(self.counts[kind] for kind in ESTABLISHED)

    def sentence(self) -> str:
        """"12 sources: 10 (83%) primary, wire or established outlets (resmi 2, kantor-berita 5, …)"."""
        total = self.total
        share = f"{round(100 * self.established / total)}%" if total else "-"
        kinds = ", ".join(f"{kind} {count}" for kind, count in self.counts.items() if count)
        return (f"{total} source{'' if total == 1 else 's'}: {self.established} ({share}) primary, wire or "
                "established outlets"
                + (f" ({kinds})" if kinds else ""))
