"""Small builders for engine tests: entities and a Markdown converter with the extension."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown

from glossary.bibliography import Bibliography
from glossary.entries import Entity
from glossary.catalog import build_glossary
from glossary.extension import GlossaryExtension
from glossary.markup import PageReport
from glossary.matcher import Matcher
from glossary.sources import Source
from glossary.types import TYPES_BY_ID

ROOT = Path(__file__).resolve().parent.parent


def entity(entity_id: str, title: str, *aliases: str, kind: str = "person",
           case_insensitive: bool = False, summary: str = "Ringkasan.") -> Entity:
    folder = TYPES_BY_ID[kind].label.lower()  # The edition's folders: tokoh, lembaga, tempat.
    return Entity(id=entity_id, src_path=f"glosarium/{folder}/{entity_id}.md", title=title, type=kind,
                  summary=summary, aliases=tuple(aliases), case_insensitive=case_insensitive)


def matcher_for(*entities: Entity) -> Matcher:
    return Matcher.build(entities)


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    """(matched text, entity id) for each match."""
    return [(text[m.start:m.end], m.entity_id) for m in matcher.finditer(text)]


def bibliography_of(*sources: Source) -> Bibliography:
    """A bibliography of `sources`, as if loaded from `sumber/`."""
    return Bibliography(sources={source.id: source for source in sources},
                        source_lines={source.id: index * 7 + 1 for index, source in enumerate(sources)})


#: Publishers for small bibliographies (`sumber/penerbit.yml`).
PUBLISHERS_YML = "".join(
    f"- id: {pid}\n  nama: {name}\n  jenis: {kind}\n  negara: {country}\n  bahasa: en\n"
    for pid, name, kind, country in (("kcna", "KCNA", "resmi", "KP"), ("tass", "TASS", "kantor-berita", "RU"),
                                     ("reuters", "Reuters", "kantor-berita", "GB"),
                                     ("thestar", "The Star", "media", "MY"), ("blog", "Blog", "blog", "RU")))


def source_yml(source_id: str, url: str = "", publisher: str = "tass", title: str = "Judul berita",
               date: str = "2024-01-01", lang: str = "en", quoting: str | None = None) -> str:
    """One item of `sumber/pustaka.yml` (six or seven lines)."""
    return (f"- id: {source_id}\n  judul: \"{title}\"\n  penerbit: {publisher}\n  tanggal: \"{date}\"\n"
            f"  url: {url or 'https://tass.com/' + source_id}\n  bahasa: {lang}\n"
            + (f"  mengutip: {quoting}\n" if quoting else ""))


def write_bibliography(docs: Path, sources: str, publishers: str = PUBLISHERS_YML) -> None:
    """`docs/sumber/pustaka.yml` and `penerbit.yml`."""
    (docs / "sumber").mkdir(parents=True, exist_ok=True)
    (docs / "sumber" / "pustaka.yml").write_text(sources, encoding="utf-8")
    (docs / "sumber" / "penerbit.yml").write_text(publishers, encoding="utf-8")


class Converter:
    """Markdown -> HTML with the glossary, page by page, as a site build would."""

    def __init__(self, *entities: Entity, mode: str = "first", extensions=("attr_list", "abbr"),
                 sources: tuple[Source, ...] = ()) -> None:
        glossary = build_glossary(list(entities), "glosarium", bibliography=bibliography_of(*sources))
        self.ext = GlossaryExtension(glossary=glossary, mode=mode)
        # The baseline: the same syntax (e.g. `[x]{.no-gloss}`), but no entity to find.
        self.empty = GlossaryExtension(glossary=build_glossary([], "glosarium"), mode=mode)
        self.extensions = list(extensions)

    def convert(self, text: str, src_path: str = "artikel/a.md", own: str | None = None,
                glossary: bool = True) -> tuple[str, PageReport]:
        ext = self.ext if glossary else self.empty
        ext.start_page(src_path)
        html = markdown.Markdown(extensions=[*self.extensions, ext]).convert(text)
        return html, ext.finish_page()


PUTIN = entity("vladimir-putin", "Vladimir Putin", "Putin")
KIM = entity("kim-jong-un", "Kim Jong Un", "Kim Jong-un")
RUSIA = entity("rusia", "Rusia", kind="place")
KEMLU = entity("kemlu-rusia", "Kementerian Luar Negeri Rusia", kind="institution")
RIA = entity("ria-novosti", "RIA Novosti", "RIA", kind="institution")
KREMLIN = entity("kremlin", "Kremlin", kind="institution")
ALL = (PUTIN, KIM, RUSIA, KEMLU, RIA, KREMLIN)


#: What the glossary adds around the text: the switches, the page glossary, the sources list.
GLOSSARY_CHROME = ".glossary-controls, aside.glossary-page, section.glossary-sources"


def article_text(html: str) -> str:
    """The text of a converted page without what the glossary adds around it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(GLOSSARY_CHROME):
        element.decompose()
    return soup.get_text().rstrip("\n")  # The chrome removed leaves its block separator.


def assert_lines_in_page_order(lines: list[str], page_texts: list[str], pages: int) -> None:
    """Each source line appears in the built pages, on its own page and in order.

    A line "N dari M halaman" (the source's page break) moves on to the next page's text.
    """
    page, position = 0, 0
    for line in lines:
        if re.fullmatch(rf"\d+ dari {pages} halaman", line):
            page, position = page + 1, 0
        found = page_texts[page].find(line, position)
        assert found >= 0, (page + 1, line)
        position = found + len(line)


def edition_project(root: Path) -> None:
    """A test project with the edition's configuration (without its nav), hooks, templates and assets."""
    shutil.copytree(ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", root / "overrides")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.split("\nnav:", 1)[0] + "\n", encoding="utf-8")
