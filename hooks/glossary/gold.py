"""A gold standard for an article: every mention its own text should have, and how the engine measures up.

The gold file (`tests/fixtures/gold/<article-folder>.yml`) is written by reading the article, not by
copying the output. It lists, page by page and in reading order, each mention of the article's own
text (not its editor's notes, headings or page markers, which are never annotated) as its surface
form (white space as one space) and its entity id:

    pages:
      halaman-1.md:
        - [Pyongyang, pyongyang]
        - [Moskow, moskow]

`measure` compares it with what the engine found, page by page, in order: precision (found mentions
that the gold has), recall (gold mentions that were found) and each difference. `mentions_in_html`
reads the found ones from a page's HTML: `a.glossary-mention` and `span.glossary-mention` with
`data-entity`, outside the editor's notes (`div.admonition.<note_class>`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .errors import EntryError
from .safe_yaml import load, read_text

Mention = tuple[str, str]  # (surface form, entity id)
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                   "track", "wbr"})


def load_gold(path: Path) -> dict[str, list[Mention]]:
    """The gold file's pages: page file name -> [(surface form, entity id)], in order."""
    shown = str(path)
    document = load(read_text(path, shown), shown)
    pages = document.data.get("pages") if isinstance(document.data, dict) else None
    if not isinstance(pages, dict) or not pages:
        raise EntryError(shown, 1, "a gold file has 'pages': page file name -> list of [surface form, entity id]")
    gold: dict[str, list[Mention]] = {}
    for page, items in pages.items():
        if not isinstance(items, list):
            raise EntryError(shown, document.lines("pages", page), f"page '{page}': a list of [surface form, entity id]")
        listed: list[Mention] = []
        for index, item in enumerate(items):
            if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) and x.strip() for x in item)):
                raise EntryError(shown, document.lines("pages", page, index),
                                 "each mention is [surface form, entity id]")
            listed.append((" ".join(item[0].split()), item[1].strip()))
        gold[str(page)] = listed
    return gold


class _Mentions(HTMLParser):
    """Mentions in a page's HTML, in order, each with whether it sits in an editor's note."""

    def __init__(self, note_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.note_class = note_class
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, is a note, is a mention)
        self.found: list[tuple[str, str, bool]] = []  # (surface, entity, in a note)
        self._text: list[str] | None = None
        self._entity = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        note = tag == "div" and "admonition" in classes and self.note_class in classes
        mention = (tag in ("a", "span") and "glossary-mention" in classes and bool(values.get("data-entity"))
                   and self._text is None)
        if mention:
            self._text, self._entity = [], values.get("data-entity") or ""
        self.stack.append((tag, note, mention))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(open_tag == tag for open_tag, _, _ in self.stack):
            return
        while self.stack:
            open_tag, _note, mention = self.stack.pop()
            if mention and self._text is not None:
                in_note = any(note for _, note, _ in self.stack)
                self.found.append((" ".join("".join(self._text).split()), self._entity, in_note))
                self._text = None
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def mentions_in_html(html: str, note_class: str = "catatan") -> list[Mention]:
    """The mentions of a page's own text (outside editor's notes), in document order."""
    parser = _Mentions(note_class)
    parser.feed(html)
    parser.close()
    return [(surface, entity) for surface, entity, in_note in parser.found if not in_note]


@dataclass
class Measure:
    expected: int = 0
    found: int = 0
    matched: int = 0
    #: "page: missing/unexpected …" lines, in page order.
    differences: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def report(self) -> str:
        lines = [f"precision {self.precision:.3f} ({self.matched}/{self.found} found mentions are in the gold file)",
                 f"recall    {self.recall:.3f} ({self.matched}/{self.expected} gold mentions were found)"]
        return "\n".join(lines + self.differences)


def measure(gold: dict[str, list[Mention]], found: dict[str, list[Mention]]) -> Measure:
    """Compare each page's found mentions with the gold file's, in order."""
    result = Measure()
    for page in sorted(set(gold) | set(found)):
        expected, got = gold.get(page, []), found.get(page, [])
        if page not in found:
            result.differences.append(f"{page}: not found among the pages measured")
        result.expected += len(expected)
        result.found += len(got)
        matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
        for op, e_start, e_end, g_start, g_end in matcher.get_opcodes():
            if op == "equal":
                result.matched += e_end - e_start
                continue
            for index in range(e_start, e_end):
                result.differences.append(f"{page}: missing #{index + 1} {_show(expected[index])}")
            for index in range(g_start, g_end):
                result.differences.append(f"{page}: unexpected #{index + 1} {_show(got[index])}")
    return result


def _show(mention: Mention) -> str:
    return f"'{mention[0]}' ({mention[1]})"


@dataclass
class ConvertedPage:
    src_path: str
    html: str
    #: The tree processor's report: mentions, problems, held-back candidates (`held_back`).
    report: object
    #: Lines of front matter above the Markdown (add to the report's lines for the file's line).
    line_offset: int


def convert_pages(docs_dir: Path, entries_dir: Path, src_paths: list[str], extensions: list,
                  extension_configs: dict | None = None, mode: str = "first") -> list[ConvertedPage]:
    """Each page (path under `docs_dir`) converted by the engine alone, as a site build converts it.

    No MkDocs: what only the hook adds across pages (backlinks, register) is not needed to measure a
    page's mentions, and a script can run this on one article in a second.
    """
    import markdown

    from .catalog import load_glossary
    from .extension import GlossaryExtension
    from .safe_yaml import load_front_matter
    from .sources import parse_source_ids

    glossary = load_glossary(entries_dir, docs_dir)
    if glossary.errors:
        raise ValueError("bad entries:\n" + "\n".join(str(error) for error in glossary.errors))
    extension = GlossaryExtension(glossary=glossary, mode=mode)
    converted = []
    for src_path in src_paths:
        text = read_text(docs_dir / src_path, src_path)
        document, body = load_front_matter(text, src_path)
        data = document.data if document is not None and isinstance(document.data, dict) else {}
        try:
            sources = parse_source_ids(data.get("sources"), document.lines.under("sources"), src_path,
                                       glossary.bibliography.sources) \
                if document is not None else ()
        except ValueError:
            sources = ()
        offset = text.count("\n") - body.count("\n")
        extension.start_page(src_path, sources, line_offset=offset)
        md = markdown.Markdown(extensions=[*extensions, extension], extension_configs=extension_configs or {})
        html = md.convert(body)
        converted.append(ConvertedPage(src_path, html, extension.finish_page(), offset))
    return converted
