"""Grow the edition: import a scraped article, then list the names the glossary does not cover yet.

    .venv/bin/python scripts/edition.py import FILE --slug SLUG --date YYYY-MM-DD [--publisher NAME] [--via NAME]
    .venv/bin/python scripts/edition.py suggest [PATHS...]
    .venv/bin/python scripts/edition.py check ARTICLE_FOLDER
    .venv/bin/python scripts/edition.py gold ARTICLE_FOLDER

Run it from the project folder (the one with mkdocs.yml). It needs only the site's own dependencies.

import
    Reads a scraped article in the seed's format (source/liputan6-2024-02-01.txt): an optional scraping
    artefact line ("Sukses"), the title, the standfirst, the paragraphs, and "N dari M halaman" page
    markers, each followed by its page's heading. One non-empty line is one paragraph. It writes
    docs/artikel/<slug>/artikel.yml and docs/artikel/<slug>/halaman-N.md, copies FILE into source/ unless
    the same bytes are already there (as source/<publisher>-<date>.txt, e.g. liputan6-2024-06-19.txt, or
    source/<publisher>-<date>-<slug>.txt when that name is taken), and adds the pages to the nav of
    mkdocs.yml as a section of "Artikel", newest first by date. Everything is checked and built in
    memory first; a refusal (exit code 2, one line on stderr) writes nothing.

suggest
    Lists capitalised word sequences in the article pages (default: every page under docs/artikel/) that
    no glossary entry's title or alias covers: `count<TAB>name<TAB>file:line`, most frequent first.

check
    Lists the names held back on the article's pages (ARTICLE_FOLDER, e.g. docs/artikel or
    docs/artikel/<slug>) by the longer-name rule: a name directly followed by a capitalised word that
    starts no known name and is no day or month ("Partai Komunis Tiongkok"). One per line,
    `file:line: text`. An editor decides each with the entity's `not_in` or `is_in`.

gold
    Measures the engine on an article that has a gold file (tests/fixtures/gold/<folder name>.yml: every
    mention of the article's own text, page by page, in order): prints precision, recall and each
    difference. Exit code 0 at 1.0 and 1.0, 1 otherwise.

check and gold convert the article's pages with the engine and the Markdown extensions of mkdocs.yml,
without building the site.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import html
import os
import posixpath
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

#: Exit code of a refusal (as argparse uses for bad arguments).
REFUSED = 2
ARTICLES_DIR = "artikel"  # under docs_dir


class Refusal(Exception):
    """A reason not to go on, shown to the editor as one line (through `shown`)."""


#: Characters a terminal or a reader must not get raw: controls (ESC starts a terminal escape sequence),
#: format characters (bidi controls reorder the line), line and paragraph separators, surrogates, private
#: use and unassigned code points. Spaces (Zs) are shown as they are.
_UNSHOWN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def shown(text: str) -> str:
    """`text` safe to print on one line: each character of `_UNSHOWN` as a Python escape (ESC as \\x1b)."""
    if text.isprintable():  # Fast path: printable excludes every category above (and spaces but U+0020).
        return text
    out = []
    for char in text:
        if unicodedata.category(char) not in _UNSHOWN:
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out)


#: Bidi embedding, override and isolate controls, and the marks (as hooks/glossary/plain_text.py).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def refused_character(text: str) -> str | None:
    """The first character the build refuses in a field of artikel.yml, or None.

    The same rule as hooks/glossary/plain_text.py: controls but tab and line ends, surrogates, Unicode's
    non-characters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, ...) and the bidi controls.
    """
    if text.isprintable():
        return None
    for char in text:
        code = ord(char)
        if char in _BIDI_CONTROLS:
            return char
        if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
            return char
        category = unicodedata.category(char)
        if (category == "Cc" and char not in "\t\n\r") or category == "Cs":
            return char
    return None


def describe(char: str) -> str:
    """"U+202E RIGHT-TO-LEFT OVERRIDE": never the character itself."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


# --- Reading a scraped article ---------------------------------------------------------------------

#: Lines a scraper leaves before the title. Only the file's first line is checked.
SCRAPING_ARTEFACTS = frozenset({"Sukses"})
PAGE_MARKER = re.compile(r"(\d+)\s+dari\s+(\d+)\s+halaman", re.IGNORECASE)
#: C0 and C1 controls but tab and line ends, and Unicode's non-characters (XML cannot carry U+FFFE).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
                      + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
                      + "]")
#: Line ends: only these. str.splitlines() also splits on U+2028 and U+2029, which are text in a line.
_LINE_END = re.compile(r"\r\n|\r|\n")
#: The most pages an article may have (the seed has 4): more is not a news article but a mistake.
MAX_PAGES = 50


@dataclass
class ArticlePage:
    number: int
    heading: str
    marker: str | None = None  # the source's "N dari M halaman" line (pages 2 and on)
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class ScrapedArticle:
    title: str
    standfirst: str
    pages: list[ArticlePage]
    artefact: str | None = None  # the scraping artefact that was left out


def read_scraped(text: str) -> ScrapedArticle:
    """Split a scraped article into title, standfirst and pages; `Refusal` if it is not in the format."""
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        what = "a control character" if unicodedata.category(control.group()) == "Cc" else "a non-character"
        raise Refusal(f"line {line}: {what} (U+{ord(control.group()):04X}); is this a text file?")
    lines = [(number, line.strip(" \t")) for number, line in enumerate(_LINE_END.split(text), 1)]
    # str.strip() also counts a lone no-break space as blank; inside lines, no-break spaces are kept.
    lines = [(number, line) for number, line in lines if line.strip()]
    artefact = None
    if lines and lines[0][1] in SCRAPING_ARTEFACTS:
        artefact = lines.pop(0)[1]
    if not lines:
        raise Refusal("no title: the file has no text" + (f" besides '{artefact}'" if artefact else ""))
    title_line, title = lines[0]
    if PAGE_MARKER.fullmatch(title):
        raise Refusal(f"no title: line {title_line} is a page marker ('{title}')")
    if len(lines) == 1:
        raise Refusal(f"no text after the title (line {title_line})")
    standfirst_line, standfirst = lines[1]
    if PAGE_MARKER.fullmatch(standfirst):
        raise Refusal(f"line {standfirst_line}: a page marker where the standfirst should be")

    pages = [ArticlePage(1, title)]
    markers: list[tuple[int, str, int]] = []  # (line, text, the M of "N dari M")
    rest = iter(lines[2:])
    for number, line in rest:
        marker = PAGE_MARKER.fullmatch(line)
        if not marker:
            pages[-1].paragraphs.append(line)
            continue
        expected = len(pages) + 1
        if expected > MAX_PAGES:
            raise Refusal(f"line {number}: page {expected}, but an article has at most {MAX_PAGES} pages")
        if int(marker.group(1)) != expected:
            raise Refusal(f"line {number}: page marker '{line}' where page {expected} should start")
        heading = next(rest, None)
        if heading is None or PAGE_MARKER.fullmatch(heading[1]):
            raise Refusal(f"line {number}: page marker '{line}' is not followed by the page's heading")
        pages.append(ArticlePage(expected, heading[1], marker=line))
        markers.append((number, line, int(marker.group(2))))
    for page in pages:  # titles: in artikel.yml, front matter and nav, where the build checks them
        bad = refused_character(page.heading)
        if bad is not None:
            what = "the title" if page.number == 1 else f"the heading of page {page.number}"
            raise Refusal(f"{what} holds a character that is not allowed ({describe(bad)})")
    for number, line, total in markers:
        if total != len(pages):
            raise Refusal(f"line {number}: page marker '{line}' but the text has {len(pages)} pages")
    return ScrapedArticle(title, standfirst, pages, artefact)


# --- Writing Markdown and YAML ---------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = re.compile(r"(#|>|[-+](?=\s|$)|-+$|!!!)")
_ORDERED_ITEM = re.compile(r"(\d+)\.(?=\s|$)")


def markdown_text(line: str) -> str:
    """`line` as Markdown that renders as exactly this text: markup characters are escaped.

    Scraped news has almost none (the seed has none, so its lines stay byte for byte), but a line such as
    "1. Pertama" or "*catatan*" must not become a list or emphasis.
    """
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    line = _ENTITY.sub("&amp;", line)
    line = _HTML_START.sub("&lt;", line)
    if _BLOCK_START.match(line):
        line = "\\" + line
    line = _ORDERED_ITEM.sub(r"\1\\.", line, count=1) if _ORDERED_ITEM.match(line) else line
    # Markdown drops the white space a paragraph starts with, Unicode's too (no-break, ideographic): a
    # character reference is the same character, and is kept.
    return _LEADING_SPACE.sub(_reference, line)


def heading_text(line: str) -> str:
    """`line` as the Markdown of an ATX heading's text (after "# ") that renders as exactly this text.

    A heading also loses the white space it ends with, and the `#`s that close it ("Bahasa C#"): those are
    written as character references and as `\\#`.
    """
    line = _TRAILING_SPACE.sub(_reference, markdown_text(line))
    body = line.removesuffix("#")
    escaped = (len(body) - len(body.rstrip("\\"))) % 2 == 1  # "\\#": markdown_text escaped a leading "#"
    return body + "\\#" if line.endswith("#") and not escaped else line


_LEADING_SPACE = re.compile(r"^\s+")
_TRAILING_SPACE = re.compile(r"\s+$")


def _reference(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in match.group())


def html_text(text: str) -> str:
    """Scraped text as HTML: the theme prints page titles and nav names as they are (Material does)."""
    return html.escape(text, quote=False)


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar on one line, as the pages' front matter writes titles."""
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n")


def page_markdown(article: ScrapedArticle, page: ArticlePage) -> str:
    """The page file: front matter, then the text as in docs/artikel/halaman-N.md."""
    front = [
        f"title: {yaml_string(html_text(page.heading))}",
        f"description: {yaml_string(article.standfirst)}",
        f"halaman: {page.number}",
    ]
    blocks = []
    if page.marker:
        blocks.append(f"{markdown_text(page.marker)}\n{{: .page-marker }}")
    blocks.append(f"# {heading_text(page.heading)}")
    if page.number == 1:
        blocks.append(f"{markdown_text(article.standfirst)}\n{{: .standfirst }}")
    blocks.extend(markdown_text(paragraph) for paragraph in page.paragraphs)
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n\n".join(blocks) + "\n"


def article_meta(article: ScrapedArticle, date: str, publisher: str, via: str | None,
                 source: str, pages: list[str]) -> str:
    """The article's artikel.yml (the format hooks/glossary/articles.py reads)."""
    lines = [
        "# The article of this folder: what its pages show as their source line, \"Halaman N dari M\",",
        "# pager and JSON-LD. Written by scripts/edition.py import; see README, \"Add an article\".",
        f"title: {yaml_string(article.title)}",
        f"date: {yaml_string(date)}",
        f"publisher: {yaml_string(publisher)}",
    ]
    if via:
        lines.append(f"via: {yaml_string(via)}")
    lines.append(f"source: {yaml_string(source)}")
    lines.append("pages:")
    lines.extend(f"  - {page}" for page in pages)
    return "\n".join(lines) + "\n"


# --- mkdocs.yml: read it, and add a section to the nav as text --------------------------------------

class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that reads `!ENV` and other tags as None: enough to look at mkdocs.yml's plain keys."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:", lambda loader, suffix, node: None)


def load_config(text: str, name: str = "mkdocs.yml") -> dict:
    try:
        data = yaml.load(text, Loader=_TolerantLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        raise Refusal(f"{name}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise Refusal(f"{name}: not a mapping of settings")
    return data


_NAV_KEY = re.compile(r"nav\s*:\s*(#.*)?")
_ARTIKEL_ITEM = re.compile(r"( *)-\s+([\"']?)Artikel\2\s*:(.*)")
_PAGE_PATH = re.compile(r"[\w./-]+\.md")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def add_to_nav(config_text: str, title: str, page_paths: list[str], date: str,
               article_date: dict[str, str]) -> str:
    """Return mkdocs.yml with a section `- "title": [pages]` added under nav's "Artikel".

    The section's name is `title` as HTML (`&`, `<` and `>` escaped): the theme prints nav names as they are.
    The config is edited as text: a YAML round trip would drop its comments and `!ENV` tags.
    Sections stay newest first, in the engine's order (date, then folder, both descending): the new one
    goes before the first item of an article that sorts after it (`article_date` maps a page path to its
    article's date); items of unknown date are passed over.
    """
    lines = config_text.splitlines(keepends=True)
    nav = next((i for i, line in enumerate(lines) if _NAV_KEY.fullmatch(line.rstrip())), None)
    if nav is None:
        raise Refusal("mkdocs.yml: no top-level 'nav'")
    start = None
    for i in range(nav + 1, len(lines)):
        if _is_content(lines[i]) and _indent(lines[i]) == 0 and not lines[i].startswith("-"):
            break  # the next top-level key
        found = _ARTIKEL_ITEM.fullmatch(lines[i].rstrip())
        if found:
            if found.group(3).split("#")[0].strip():
                raise Refusal(f"mkdocs.yml:{i + 1}: nav's 'Artikel' must be a block list, one item a line")
            start, own = i, _indent(lines[i])
            break
    if start is None:
        raise Refusal("mkdocs.yml: no '- Artikel:' section in nav")
    end = start + 1  # one past the last content line of the block
    for i in range(start + 1, len(lines)):
        if _is_content(lines[i]):
            if _indent(lines[i]) <= own:
                break
            end = i + 1
    children = [i for i in range(start + 1, end)
                if _is_content(lines[i]) and lines[i].lstrip().startswith("-")]
    if not children:
        raise Refusal(f"mkdocs.yml:{start + 1}: nav's 'Artikel' has no items")
    child = min(_indent(lines[i]) for i in children)
    items = [i for i in children if _indent(lines[i]) == child]
    nested = sorted({_indent(lines[i]) for i in children if _indent(lines[i]) > child})
    step = nested[0] - child if nested else 4
    newline = "\r\n" if lines[start].endswith("\r\n") else "\n"

    section = [" " * child + f"- {yaml_string(html_text(title))}:" + newline]
    section += [" " * (child + step) + f"- {path}" + newline for path in page_paths]
    new = (date, posixpath.dirname(page_paths[0]))
    where = end
    for n, item in enumerate(items):
        stop = items[n + 1] if n + 1 < len(items) else end
        dated = [(article_date[p], posixpath.dirname(p))
                 for p in _PAGE_PATH.findall("".join(lines[item:stop])) if p in article_date]
        if dated and dated[0] < new:
            where = item
            break
    if where == end and not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    return "".join(lines[:where] + section + lines[where:])


# --- import ----------------------------------------------------------------------------------------

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DEFAULT_PUBLISHER = "Liputan6.com"  # the publisher of the format this reads
#: Longest slug and publisher or agency name: both go into file names (source/<publisher>-<date>-<slug>.txt),
#: which most file systems cap at 255 bytes.
MAX_SLUG = 60
MAX_NAME = 100


@dataclass
class Project:
    root: Path
    config_text: str
    docs: Path

    @classmethod
    def here(cls, root: Path) -> Project:
        path = root / "mkdocs.yml"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            raise Refusal(f"no mkdocs.yml in {root}: run this from the project folder") from None
        docs_dir = load_config(text).get("docs_dir") or "docs"
        return cls(root, text, root / str(docs_dir))

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def _publisher_stem(publisher: str) -> str:
    """'Liputan6.com' -> 'liputan6', 'CNN Indonesia' -> 'cnn-indonesia'."""
    stem = publisher.split(".")[0].lower()
    return "-".join(re.findall(r"[a-z0-9]+", stem)) or "artikel"


def _source_for(project: Project, data: bytes, file: Path, publisher: str, date: str,
                slug: str) -> tuple[str, bool]:
    """(path of the project's copy, whether it must be written)."""
    folder = project.root / "source"
    if file.resolve().parent == folder.resolve():
        return project.rel(folder / file.name), False
    existing = sorted(folder.glob("*")) if folder.is_dir() else []
    for path in existing:
        if path.is_file() and path.read_bytes() == data:
            return project.rel(path), False
    stem = _publisher_stem(publisher)
    for name in (f"{stem}-{date}.txt", f"{stem}-{date}-{slug}.txt"):
        if not (folder / name).exists():
            return project.rel(folder / name), True
    raise Refusal(f"source/{stem}-{date}-{slug}.txt exists and holds another text")


def _article_dates(project: Project) -> dict[str, str]:
    """Nav path of every page of every article that has an artikel.yml -> that article's date."""
    dates: dict[str, str] = {}
    for meta in sorted((project.docs / ARTICLES_DIR).rglob("artikel.yml")):
        try:
            data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            continue  # an article the nav edit cannot date: it is passed over
        if not isinstance(data, dict) or not data.get("date"):
            continue
        folder = meta.parent.relative_to(project.docs).as_posix()
        for page in data.get("pages") or []:
            dates[f"{folder}/{page}"] = str(data["date"])
    return dates


def _nav_pages(nav: object) -> Iterator[str]:
    """Every page path in a nav (lists, sections and titled pages, at any depth)."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)


def import_article(project: Project, file: Path, slug: str, date: str, publisher: str,
                   via: str | None) -> list[str]:
    """Check everything, then write the article; returns the lines of the report."""
    if not SLUG.fullmatch(slug):
        raise Refusal(f"slug '{slug}': use lower-case letters, digits and single hyphens (a-z, 0-9, -)")
    if len(slug) > MAX_SLUG:
        raise Refusal(f"slug '{slug[:20]}...': {len(slug)} characters, at most {MAX_SLUG}")
    if not DATE.fullmatch(date):
        raise Refusal(f"date '{date}': write it as YYYY-MM-DD")
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise Refusal(f"date '{date}' does not exist") from None
    if not publisher.strip():
        raise Refusal("--publisher is empty")
    for option, value in (("--publisher", publisher), ("--via", via)):
        if value is None:
            continue
        if len(value) > MAX_NAME:
            raise Refusal(f"{option} '{value[:20]}...': {len(value)} characters, at most {MAX_NAME}")
        bad = refused_character(value)
        if bad is not None:
            raise Refusal(f"{option} '{value}' holds a character that is not allowed ({describe(bad)})")
    folder = project.docs / ARTICLES_DIR / slug
    for taken in (folder, folder.with_suffix(".md")):
        if taken.exists():
            raise Refusal(f"slug '{slug}' exists: {project.rel(taken)}")
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise Refusal(f"{file}: no such file") from None
    except OSError as error:
        raise Refusal(f"{file}: cannot read it ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refusal(f"{file}: not UTF-8 text (byte {error.start})") from None
    article = read_scraped(text.removeprefix("\ufeff"))

    source, copy_source = _source_for(project, data, file, publisher, date, slug)
    names = [f"halaman-{page.number}.md" for page in article.pages]
    section = folder.relative_to(project.docs).as_posix()
    nav_paths = [f"{section}/{name}" for name in names]
    config = add_to_nav(project.config_text, article.title, nav_paths, date, _article_dates(project))
    if not set(nav_paths) <= set(_nav_pages(load_config(config).get("nav"))):  # the edit must read back
        raise Refusal("mkdocs.yml: could not add the pages to the nav")

    files = {folder / name: page_markdown(article, page) for name, page in zip(names, article.pages)}
    files[folder / "artikel.yml"] = article_meta(article, date, publisher, via, source, names)
    _write(project, files, source if copy_source else None, data, config)

    report = [f"imported '{article.title}' ({len(article.pages)} pages) into {project.rel(folder)}/"]
    if article.artefact:
        report.append(f"left out the scraping artefact '{article.artefact}' (line 1)")
    report.append(f"source: {source}" + (" (copied)" if copy_source else " (already there)"))
    report.append("nav: added under 'Artikel' in mkdocs.yml")
    report.append(f"next: .venv/bin/python scripts/edition.py suggest {project.rel(folder)}")
    return report


def _write(project: Project, files: dict[Path, str], source: str | None, data: bytes, config: str) -> None:
    """Write the new files, then mkdocs.yml; on a failure, remove what this run created."""
    created: list[Path] = []
    try:
        if source:
            (project.root / source).parent.mkdir(exist_ok=True)
            with open(project.root / source, "xb") as out:
                created.append(project.root / source)
                out.write(data)
        folder = next(iter(files)).parent
        folder.mkdir(parents=True)
        created.append(folder)
        for path, text in files.items():
            with open(path, "x", encoding="utf-8", newline="\n") as out:
                created.append(path)
                out.write(text)
        staged = project.root / "mkdocs.yml.new"  # replaced in one step: never a half-written config
        created.append(staged)
        staged.write_text(config, encoding="utf-8", newline="")
        os.replace(staged, project.root / "mkdocs.yml")
    except OSError as error:
        for path in reversed(created):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink(missing_ok=True)
        raise Refusal(f"could not write {error.filename or 'a file'}: {error.strerror or error}") from None


# --- suggest ---------------------------------------------------------------------------------------

# Capitalised words that are not names. Kept small: each list is one reason.
#: Function words that start sentences (pronouns, conjunctions, prepositions, sentence adverbs).
FUNCTION_WORDS = frozenset("""
    Ada Adapun Agar Akan Aku Anda Apa Apabila Atas Atau Bagaimana Bagi Bahkan Bahwa Banyak Beberapa
    Begitu Belum Berbagai Bersama Bila Dalam Dan Dari Demikian Dengan Di Dia Hal Hanya Hingga Ia Ini
    Itu Jadi Jika Juga Kalau Kami Kamu Karena Ke Kemudian Kepada Ketika Kini Kita Lalu Maka Masih
    Meski Meskipun Menurut Mereka Namun Oleh Pada Para Saat Sama Sang Saya Sebagai Sebelum Sebelumnya
    Sebuah Sedangkan Sejak Sekarang Selain Selama Semua Sementara Seorang Seperti Setelah Setiap
    Sudah Supaya Tapi Telah Terhadap Tetapi Tidak Untuk Walaupun Yaitu Yakni Yang
""".split())
#: Dates are not entities.
MONTHS = frozenset("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
                   "Desember".split())
DAYS = frozenset("Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split())
#: Titles and words that news capitalises before or around names, and the page furniture.
COMMON_WORDS = frozenset("""
    Halaman Catatan Editor Baca Juga Dilansir Presiden Wakil Menteri Menlu Menhan Perdana Juru Bicara
    Ketua Sekretaris Jenderal Direktur Kepala Gubernur Duta Besar Pemimpin Tuan Nyonya Bapak Ibu Dr Prof
    TV
""".split())
STOP_WORDS = FUNCTION_WORDS | MONTHS | DAYS | COMMON_WORDS
#: Offices come before names ("Menteri Luar Negeri Rusia Sergey Lavrov") but are not names themselves.
OFFICES = re.compile(r"\b(?:(?:Wakil\s+)?(?:Menteri|Kementerian)\s+(?:Luar\s+Negeri|Dalam\s+Negeri|Pertahanan)"
                     r"|Perdana\s+Menteri|Wakil\s+Presiden|Juru\s+[Bb]icara|Duta\s+Besar"
                     r"|Sekretaris\s+Jenderal)\b")

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_SENTENCE_END = tuple(".!?:;-–—…")
_OPENERS = "\"'“‘(["
_MARKUP_LINE = re.compile(r"\s*(\{:.*\}|!!!.*|\?\?\?.*|#.*|<.*)")  # attributes, note headers, headings, HTML
_CITATION_START = re.compile(r"\[[@^]")  # an editor's source marker, [@entry/source]
_ESCAPE = re.compile(r"\\(.)")


class _NextOf:
    """Where `char` next occurs in `text` at or after a position, for positions that never go back.

    `str.find` from each of many starts rescans the same stretch each time: quadratic on a long line with
    many openers and no closer ("[[[[…"). Here every answer that still holds is reused.
    """

    def __init__(self, text: str, char: str) -> None:
        self.text, self.char = text, char
        self.start: int | None = None  # the position of the last search, and what it found (-1: none)
        self.found = -1

    def __call__(self, start: int) -> int:
        if self.start is None or self.start > start or 0 <= self.found < start:
            self.start, self.found = start, self.text.find(self.char, start)
        return self.found


def _without_citations(line: str) -> str:
    """`line` without `[@…]` and `[^…]` markers: re.sub(r"\\[[@^][^\\]]*\\]", "", line), in linear time."""
    parts, done = [], 0
    while (start := _CITATION_START.search(line, done)) is not None:
        end = line.find("]", start.end())
        if end < 0:
            break  # no closer after this marker: none after any later one either
        parts.append(line[done:start.start()])
        done = end + 1
    return "".join(parts) + line[done:]


def _without_links(line: str) -> str:
    """`line` with `[text](url)` and `[text]{attributes}` as their text:
    re.sub(r"\\[([^\\]]*)\\](?:\\([^)]*\\)|\\{[^}]*\\})", r"\\1", line), in linear time."""
    closing = _NextOf(line, "]")
    closers = {"(": _NextOf(line, ")"), "{": _NextOf(line, "}")}
    parts, done, look = [], 0, 0
    while (start := line.find("[", look)) >= 0:
        close = closing(start + 1)
        if close < 0:
            break
        after = line[close + 1:close + 2]
        end = closers[after](close + 2) if after in closers else -1
        if end < 0:
            look = start + 1
            continue
        parts += [line[done:start], line[start + 1:close]]
        done = look = end + 1
    return "".join(parts) + line[done:]


@dataclass
class Candidate:
    name: str
    count: int
    where: str  # file:line of the first occurrence


def article_paragraphs(path: Path) -> Iterator[tuple[int, str]]:
    """(first line, plain text) of each paragraph of prose in a page, lines joined by line breaks.

    Left out: front matter, headings (news headings are in Title Case, where every word is capitalised),
    page markers, attribute lines, note headers and HTML. Notes' own text is kept.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    first = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        first = closing + 1 if closing is not None else 0
    block: list[str] = []
    start = 0
    for number in range(first, len(lines) + 1):
        line = lines[number] if number < len(lines) else ""
        prose = line.strip() and not _MARKUP_LINE.fullmatch(line) and not PAGE_MARKER.fullmatch(line.strip())
        if prose:
            if not block:
                start = number + 1
            block.append(_ESCAPE.sub(r"\1", _without_links(_without_citations(line.strip()))))
        elif block:
            yield start, "\n".join(block)
            block = []


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the word at `start` starts a sentence: only white space and openers between it and the text's
    start or a sentence end. Walks back from `start` (slicing `text[:start]` for each word was quadratic)."""
    i = start
    while i and text[i - 1].isspace():
        i -= 1
    while i and text[i - 1] in _OPENERS:
        i -= 1
    while i and text[i - 1].isspace():
        i -= 1
    return not i or text[i - 1] in _SENTENCE_END


def find_candidates(pages: Iterable[tuple[str, list[tuple[int, str]]]], covered) -> list[Candidate]:
    """Capitalised word runs not covered by the glossary, most frequent first.

    `pages` is (file name, [(first line, paragraph)]); `covered(text)` returns the glossary's spans in a text.
    A run is broken by anything but white space, by a stop word, an office and a glossary name. Its first word,
    when it starts a sentence, is dropped if it is an ordinary word (found in lower case elsewhere); a
    one-word run at a sentence start counts only if the word is also capitalised mid-sentence somewhere.
    """
    pages = [(name, list(lines)) for name, lines in pages]
    lower_words = {w.group().lower() for _, paragraphs in pages for _, text in paragraphs
                   for w in _WORD.finditer(text) if w.group()[0].islower()}
    found: list[tuple[str, str, bool]] = []  # (name, where, only at a sentence start)
    for name, paragraphs in pages:
        for number, text in paragraphs:
            spans = covered(text) + [m.span() for m in OFFICES.finditer(text)]
            line_ends = [m.start() for m in re.finditer("\n", text)]
            for run in _runs(text, spans):
                initial = _sentence_initial(text, run[0].start())
                words = [w.group() for w in run]
                if initial and (words[0].lower() in lower_words):
                    words, initial = words[1:], False
                if not words or len("".join(words)) < 2:
                    continue
                line = number + bisect.bisect_left(line_ends, run[0].start())
                found.append((" ".join(words), f"{name}:{line}", initial and len(words) == 1))
    mid_sentence = {n for n, _, alone_initial in found if not alone_initial}
    counts: dict[str, Candidate] = {}
    for n, where, alone_initial in found:
        if alone_initial and n not in mid_sentence:
            continue
        if n in counts:
            counts[n].count += 1
        else:
            counts[n] = Candidate(n, 1, where)
    order = {n: i for i, n in enumerate(counts)}
    return sorted(counts.values(), key=lambda c: (-c.count, order[c.name]))


def _runs(text: str, spans: list[tuple[int, int]]) -> Iterator[list[re.Match[str]]]:
    """Runs of name-like words; a word is not name-like where it overlaps one of `spans`.

    Words come in order, so the spans that start before a word's end are a growing prefix of the spans
    sorted by start: the word overlaps one of them exactly when the largest end among them is past its start.
    """
    spans = sorted(spans)
    next_span, reach = 0, -1  # reach: the largest end of the spans that start before the word's end
    run: list[re.Match[str]] = []
    for word in _WORD.finditer(text):
        value = word.group()
        while next_span < len(spans) and spans[next_span][0] < word.end():
            reach = max(reach, spans[next_span][1])
            next_span += 1
        name_like = value[0].isupper() and value not in STOP_WORDS and not reach > word.start()
        joined = run and not text[run[-1].end():word.start()].strip()
        if name_like and (joined or not run):
            run.append(word)
            continue
        if run:
            yield run
        run = [word] if name_like else []
    if run:
        yield run


def load_glossary(project: Project) -> list:
    """The glossary's entities, loaded by the engine (hooks/glossary)."""
    sys.path.insert(0, str(project.root / "hooks"))
    config = load_config(project.config_text)
    extra = config.get("extra") or {}
    options = extra.get("glossary") if isinstance(extra.get("glossary"), dict) else {}
    folder = project.docs / str(options.get("dir") or "glosarium")
    from glossary.bibliography import load_bibliography
    from glossary.entries import load_entries

    bibliography = load_bibliography(project.docs)  # The sources that entries list by id.
    entities, errors = load_entries(folder, project.docs, bibliography.sources)
    for error in errors:
        print(f"warning: {error}", file=sys.stderr)
    return list(entities)


def suggest(project: Project, paths: list[str]) -> list[Candidate]:
    entities = load_glossary(project)
    from glossary.matcher import Matcher  # hooks/ is on the path now

    try:
        matcher = Matcher.build(entities)
    except ValueError as error:
        raise Refusal(f"glossary: {error}") from None
    targets = [project.root / p for p in paths] if paths else [project.docs / ARTICLES_DIR]
    files: list[Path] = []
    for target in targets:
        if target.is_dir():
            files.extend(sorted(target.rglob("*.md")))
        elif target.is_file():
            files.append(target)
        else:
            raise Refusal(f"{project.rel(target)}: no such file or folder")
    try:
        pages = [(project.rel(path), list(article_paragraphs(path))) for path in files]
    except (OSError, UnicodeDecodeError) as error:
        raise Refusal(f"cannot read a page: {error}") from None

    def covered(text: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in matcher.finditer(text)] if matcher else []

    return find_candidates(pages, covered)


# --- check and gold: the engine on one article's pages ---------------------------------------------

GOLD_DIR = Path("tests") / "fixtures" / "gold"


def _article_pages(project: Project, folder: str) -> tuple[Path, list[str]]:
    """(the article folder, its pages as paths under docs/, in page order)."""
    target = (project.root / folder).resolve()
    docs = project.docs.resolve()
    if not target.is_dir():
        raise Refusal(f"{folder}: no such folder")
    try:
        target.relative_to(docs)
    except ValueError:
        raise Refusal(f"{folder}: not a folder under {project.rel(project.docs)}/") from None

    def number(path: Path) -> tuple[int, str]:
        digits = re.findall(r"\d+", path.stem)
        return (int(digits[-1]) if digits else 0, path.name)

    pages = sorted((path for path in target.glob("*.md") if path.name != "index.md"), key=number)
    if not pages:
        raise Refusal(f"{folder}: no pages (*.md) in it")
    return target, [path.relative_to(docs).as_posix() for path in pages]


def _converted(project: Project, pages: list[str]) -> list:
    """Each page converted by the engine with the site's Markdown extensions (hooks/glossary/gold.py)."""
    sys.path.insert(0, str(project.root / "hooks"))
    from glossary import gold

    config = load_config(project.config_text)
    extensions: list = []
    configs: dict = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                extensions.append(name)
                if isinstance(options, dict):
                    configs[name] = options
        elif isinstance(item, str):
            extensions.append(item)
    extra = config.get("extra") or {}
    options = extra.get("glossary") if isinstance(extra.get("glossary"), dict) else {}
    entries = project.docs / str(options.get("dir") or "glosarium")
    mode = options.get("annotate") if options.get("annotate") in ("first", "all") else "first"
    try:
        return gold.convert_pages(project.docs, entries, pages, extensions, configs, mode)
    except (ValueError, OSError) as error:
        raise Refusal(str(error).splitlines()[0] if str(error) else type(error).__name__) from None


def check(project: Project, folder: str) -> list[str]:
    """The held-back candidates of an article's pages, as `file:line: text`."""
    _target, pages = _article_pages(project, folder)
    docs = project.rel(project.docs)
    lines = []
    for page in _converted(project, pages):
        for line, text in page.report.held_back:
            where = f"{docs}/{page.src_path}" + (f":{line + page.line_offset}" if line else "")
            lines.append(f"{where}: {text}")
    return lines


def gold_measure(project: Project, folder: str):
    """Precision, recall and differences of the engine against the article's gold file."""
    target, pages = _article_pages(project, folder)
    gold_file = project.root / GOLD_DIR / f"{target.name}.yml"
    if not gold_file.is_file():
        raise Refusal(f"no gold file {project.rel(gold_file)} for {folder}")
    converted = _converted(project, pages)
    from glossary import gold  # hooks/ is on the path once the pages are converted

    try:
        expected = gold.load_gold(gold_file)
    except ValueError as error:
        raise Refusal(str(error)) from None
    found = {Path(page.src_path).name: gold.mentions_in_html(page.html) for page in converted}
    return gold.measure(expected, found)


# --- command line ----------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    """argparse's refusals as the script's own: one line, exit code 2, through `shown` (argparse quotes some
    arguments raw: "unrecognized arguments: ...")."""

    def error(self, message: str):
        self.exit(REFUSED, f"{self.prog}: {shown(message)} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="scripts/edition.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("import", help="import a scraped article as a new article of the edition")
    one.add_argument("file", type=Path, metavar="FILE")
    one.add_argument("--slug", required=True, help="folder name under docs/artikel/ (a-z, 0-9, -)")
    one.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    one.add_argument("--publisher", default=DEFAULT_PUBLISHER, help=f"default: {DEFAULT_PUBLISHER}")
    one.add_argument("--via", help="the agency the article cites, e.g. CNA")
    two = commands.add_parser("suggest", help="list names in the article pages that no entry covers")
    two.add_argument("paths", nargs="*", metavar="PATHS", help="pages or folders (default: docs/artikel/)")
    three = commands.add_parser("check", help="list the names held back by the longer-name rule on an article")
    three.add_argument("folder", metavar="ARTICLE_FOLDER", help="e.g. docs/artikel or docs/artikel/<slug>")
    four = commands.add_parser("gold", help="precision and recall of the mentions against the article's gold file")
    four.add_argument("folder", metavar="ARTICLE_FOLDER", help="e.g. docs/artikel or docs/artikel/<slug>")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        project = Project.here(Path.cwd())
        if args.command == "import":
            report = import_article(project, args.file, args.slug, args.date, args.publisher, args.via)
            print("\n".join(shown(line) for line in report))
        elif args.command == "check":
            for line in check(project, args.folder):
                print(shown(line))
        elif args.command == "gold":
            result = gold_measure(project, args.folder)
            print("\n".join(shown(line) for line in result.report().splitlines()))
            return 0 if (result.precision, result.recall) == (1.0, 1.0) else 1
        else:
            for candidate in suggest(project, args.paths):
                print(f"{candidate.count}\t{shown(candidate.name)}\t{shown(candidate.where)}")
    except Refusal as refusal:
        # Every value a refusal quotes (file, slug, date, a line of the text) is the editor's: shown escaped.
        print(f"edition.py {args.command}: {shown(str(refusal))}", file=sys.stderr)
        return REFUSED
    return 0


if __name__ == "__main__":
    sys.exit(main())
