"""The edition's articles: each a folder of pages with an `artikel.yml` that says what it is.

    title: "Delegasi Korea Utara Bakal Kunjungi Rusia, Bikin Negara Barat Ketar-ketir"
    date: "2024-02-01"
    publisher: Liputan6.com
    via: CNA                       # optional: the outlet the article quotes
    source: source/liputan6-2024-02-01.txt
    pages: [halaman-1.md, halaman-2.md, halaman-3.md, halaman-4.md]

A page belongs to the article whose `pages` list names it. Everything a page shows about its
article (source line, "Halaman N dari M", pager, JSON-LD) comes from here, once.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from .dates import format_iso_date, parse_date, weekday_name
from .errors import EntryError, excerpt
from .plain_text import plain_field
from .safe_yaml import load, read_text

META_FILE = "artikel.yml"
_REQUIRED = ("title", "date", "publisher", "pages")
_KEYS = {*_REQUIRED, "via", "source"}


@dataclass(frozen=True)
class Article:
    #: The folder under the docs folder ("artikel", "artikel/kunjungan-putin").
    folder: str
    title: str
    date: str
    publisher: str
    via: str | None
    source: str | None
    #: Paths of the pages under the docs folder, in reading order.
    pages: tuple[str, ...]

    @property
    def date_text(self) -> str:
        """"Kamis, 1 Februari 2024"."""
        return f"{weekday_name(self.date)}, {format_iso_date(self.date)}"

    def number_of(self, src_path: str) -> int:
        return self.pages.index(src_path) + 1


def load_articles(docs_dir: Path) -> tuple[list[Article], list[EntryError]]:
    """Every `artikel.yml` under `docs_dir`, newest article first."""
    articles: list[Article] = []
    errors: list[EntryError] = []
    for meta in sorted(docs_dir.rglob(META_FILE)):
        path = meta.relative_to(docs_dir).as_posix()
        try:
            articles.append(parse_article(read_text(meta, f"docs/{path}"), f"docs/{path}",
                                          posixpath.dirname(path), docs_dir))
        except EntryError as error:
            errors.append(error)
    claimed: dict[str, Article] = {}
    for article in articles:
        for page in article.pages:
            if page in claimed:
                errors.append(EntryError(f"docs/{article.folder}/{META_FILE}", None,
                                         f"page '{page}' already belongs to '{claimed[page].title}'"))
            claimed.setdefault(page, article)
    return sorted(articles, key=lambda a: (a.date, a.folder), reverse=True), errors


def parse_article(text: str, path: str, folder: str, docs_dir: Path) -> Article:
    document = load(text, path)
    data, lines = document.data, document.lines
    if not isinstance(data, dict):
        raise EntryError(path, 1, "artikel.yml must be a mapping (title, date, publisher, pages)")
    for key in data:
        if key not in _KEYS:
            raise EntryError(path, lines(key), f"unknown field '{key}' (known: {', '.join(sorted(_KEYS))})")
    for key in _REQUIRED:
        if data.get(key) in (None, "", []):
            raise EntryError(path, lines(), f"missing required field '{key}'")

    def text_field(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return plain_field(value, key)
        except ValueError as error:
            raise EntryError(path, lines(key), str(error)) from None

    date = text_field("date") or ""
    try:
        year, month, day = parse_date(date, "YYYY-MM-DD")
        if not day:
            raise ValueError(f"date '{date}' is not YYYY-MM-DD")
    except ValueError as error:
        raise EntryError(path, lines("date"), str(error)) from None
    pages = data["pages"]
    if not isinstance(pages, list) or not all(isinstance(page, str) and page.strip() for page in pages):
        raise EntryError(path, lines("pages"), "'pages' must be a list of page files")
    resolved = []
    for index, page in enumerate(pages):
        uri = posixpath.normpath(posixpath.join(folder, page.strip()))
        if page.strip().startswith("/") or uri == ".." or uri.startswith("../") or not uri.endswith(".md"):
            raise EntryError(path, lines("pages", index), f"page {excerpt(page, 80)} must be a Markdown file "
                                                          "inside the docs folder, relative to artikel.yml")
        if not (docs_dir / uri).is_file():
            raise EntryError(path, lines("pages", index), f"no page '{uri}'")
        resolved.append(uri)
    return Article(folder, text_field("title") or "", date, text_field("publisher") or "",
                   text_field("via"), text_field("source"), tuple(resolved))


class Articles:
    """The articles of the edition, and which page belongs to which."""

    def __init__(self, articles: list[Article]) -> None:
        self.all = articles  # Newest first.
        self._of_page = {page: article for article in articles for page in article.pages}

    def of(self, src_path: str) -> Article | None:
        return self._of_page.get(src_path)

    def first_date(self) -> str | None:
        return min((article.date for article in self.all), default=None)
