"""The glossary in a site it was not written for: Material's blog plugin, footnotes, abbreviations,
raw HTML, e-mail autolinks and admonitions (issue 12, points 7 and 8); mkdocstrings, autorefs,
arithmatex, captions, plain admonitions and MkDocs' own theme and search (issue 17, points 15-21).

Each site (`tests/fixtures/blog-site/`, `tests/fixtures/docstrings-site/`) is built twice, with the
glossary on and with `GLOSSARY=false`. The glossary may add links, cards and its own sections, but a
reader must see the same text, every link must lead somewhere, and nothing of Python-Markdown's inner
workings may show.

The checks are plain functions, so `bench/foreign_tree.py` runs them over Material's own docs.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_mkdocs

FIXTURE = ROOT / "tests" / "fixtures" / "blog-site"

#: What the glossary adds to a page; the rest of the article must read the same without it.
GLOSSARY_ADDITIONS = (".glossary-controls, aside.glossary-page, section.glossary-sources, .glossary-entry, "
                      ".glossary-backlinks, .glossary-related, .entity-quotes, .entity-timeline, "
                      ".entity-changes")

#: Python-Markdown's placeholders: stashed HTML, footnote markers, the e-mail obfuscation's entities.
CITATION = re.compile(r"\[@[\w/-]+\]")

PLACEHOLDER = re.compile(r"[\x02\x03]|wzxhzdk|klzzwxh|qq\d+zz|zz\d+qq|amp#\d")


def pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every HTML page of a built site, by its path under the site folder."""
    return {path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted(site.rglob("*.html"))}


def visible_text(soup: BeautifulSoup) -> str:
    """The article's text as a reader sees it, without what the glossary adds around it.

    The article is Material's `.md-content`, or the `role="main"` element of MkDocs' own themes
    (mkdocs, readthedocs), or `<main>`; a page with none of them has no text to compare.
    """
    content = soup.select_one(".md-content") or soup.select_one('[role="main"]') or soup.select_one("main")
    if content is None:
        return ""
    content = BeautifulSoup(str(content), "html.parser")  # A copy: the page itself is kept whole.
    for element in content.select(GLOSSARY_ADDITIONS):
        element.decompose()
    # A citation is the glossary's syntax: `[@id]` as written, without it; a numbered reference with it.
    for element in content.select("sup.glossary-ref"):
        element.replace_with("[@]")
    return CITATION.sub("[@]", " ".join(content.get_text().split()))


def broken_links(site: Path, soups: dict[str, BeautifulSoup]) -> list[str]:
    """`page: href` for each internal link whose file, or whose #anchor in that file, does not exist."""
    ids = {path: {element["id"] for element in soup.find_all(id=True)}
           | {element["name"] for element in soup.find_all("a", attrs={"name": True})}
           for path, soup in soups.items()}
    broken = []
    for path, soup in soups.items():
        for element in soup.find_all(href=True):
            href = element["href"]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = path if not parts.path else _resolve(path, unquote(parts.path))
            if target is None or not (site / target).is_file():
                broken.append(f"{path}: {href}")
            elif parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in ids.get(target, ()):
                broken.append(f"{path}: {href}")
    return broken


def _resolve(page: str, href: str) -> str | None:
    """The file an href leads to from `page` (e.g. 'a/index.html' + '../b/' -> 'b/index.html')."""
    parts = [] if href.startswith("/") else page.split("/")[:-1]
    for part in href.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    target = "/".join(parts)
    return f"{target}/index.html".lstrip("/") if href.endswith("/") or not Path(target).suffix else target


def duplicate_ids(soups: dict[str, BeautifulSoup]) -> list[str]:
    """`page: id` for each id given to more than one element of a page."""
    return [f"{path}: {id_}" for path, soup in soups.items()
            for id_, count in Counter(element["id"] for element in soup.find_all(id=True)).items() if count > 1]


def placeholders(soups: dict[str, BeautifulSoup]) -> list[str]:
    """`page: text` for each snippet or page text holding one of Python-Markdown's placeholders."""
    found = []
    for path, soup in soups.items():
        for text in [s.get_text() for s in soup.select(".glossary-snippets")] + [str(soup)]:
            match = PLACEHOLDER.search(text)
            if match:
                found.append(f"{path}: {text[max(match.start() - 40, 0):match.end() + 40]!r}")
    return found


# --- The blog site ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The blog site built with the glossary on and off (strict both times)."""
    project = tmp_path_factory.mktemp("blog-site")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    sites = {}
    for name, env in (("on", {}), ("off", {"GLOSSARY": "false"})):
        result = run_mkdocs(project, project / name, env)
        assert result.returncode == 0, result.stderr
        sites[name] = project / name
    return sites


@pytest.fixture(scope="module")
def on(builds) -> dict[str, BeautifulSoup]:
    return pages(builds["on"])


@pytest.fixture(scope="module")
def off(builds) -> dict[str, BeautifulSoup]:
    return pages(builds["off"])


#: The glossary's generated pages: with the glossary off they only say so.
GENERATED = ("glosarium/index.html", "linimasa/index.html", "siapa-berkata-apa/index.html", "ralat/index.html")

LISTINGS = re.compile(r"^blog/(index\.html|archive/|category/|page/)")


@pytest.mark.slow
def test_the_blog_posts_are_annotated_and_their_mentions_listed(on):
    posts = [path for path in on if re.match(r"blog/\d{4}/", path)]
    assert len(posts) == 3
    for path in posts:
        assert on[path].select("a.glossary-mention"), path
    snippets = on["glosarium/tokoh/vladimir-putin/index.html"].select(".glossary-snippets")
    assert len(snippets) >= 5  # Mentions from the posts, the footnote page and the home page.


@pytest.mark.slow
def test_every_page_reads_the_same_with_the_glossary_on_and_off(on, off):
    assert sorted(on) == sorted(off)
    differing = [path for path in on if path not in GENERATED and visible_text(on[path]) != visible_text(off[path])]
    assert not differing, [(path, visible_text(on[path]), visible_text(off[path])) for path in differing[:2]]


@pytest.mark.slow
def test_no_link_or_anchor_is_broken(builds, on, off):
    assert broken_links(builds["on"], on) == []
    assert broken_links(builds["off"], off) == []


@pytest.mark.slow
def test_no_page_has_duplicate_ids(on):
    assert duplicate_ids(on) == []


@pytest.mark.slow
def test_no_snippet_or_page_shows_a_placeholder(on):
    assert placeholders(on) == []


@pytest.mark.slow
def test_excerpts_on_the_blog_listings_are_left_unannotated(on):
    listings = [path for path in on if LISTINGS.match(path)]
    assert {"blog/index.html", "blog/archive/2024/index.html", "blog/category/politik/index.html"} <= set(listings)
    for path in listings:
        assert not on[path].select(".glossary-mention"), path
        assert not [a["href"] for a in on[path].find_all(href=True) if re.search(r"\.md($|#)", a["href"])], path
        assert "Vladimir Putin" in visible_text(on[path])  # The excerpts are there, as written.


# --- Engine regressions found on foreign trees -----------------------------------------------------

def test_the_page_glossary_is_appended_once_to_the_page_and_never_to_a_heading():
    """toc renders each heading's inner HTML through every postprocessor: the page glossary went
    into the first heading's id, and was then missing from the page."""
    import markdown
    from glossary.catalog import build_glossary
    from glossary.extension import GlossaryExtension
    from helpers import PUTIN

    ext = GlossaryExtension(glossary=build_glossary([PUTIN], "glosarium"))
    ext.start_page("artikel/a.md")
    html = markdown.Markdown(extensions=["toc", "footnotes", ext],
                             extension_configs={"toc": {"permalink": True}}).convert(
        "# Judul Putin\n\nVladimir Putin.[^1]\n\n## Bagian\n\n[^1]: Catatan.\n")
    soup = BeautifulSoup(html, "html.parser")
    assert [h.get("id") for h in soup.select("h1, h2:not(aside *)")] == ["judul-putin", "bagian"]
    assert len(soup.select("aside.glossary-page")) == 1


def test_a_parser_made_after_the_announcement_but_not_used_first_does_not_take_the_page():
    """Material's blog makes each post's excerpt parser in on_page_markdown, after the hook announced
    the post: the page belongs to the first conversion, the post's own, not to the excerpt's parser."""
    import markdown
    from glossary.catalog import build_glossary
    from glossary.extension import GlossaryExtension
    from helpers import PUTIN

    ext = GlossaryExtension(glossary=build_glossary([PUTIN], "glosarium"))
    ext.start_page("blog/posts/a.md")
    excerpt_parser = markdown.Markdown(extensions=[ext])
    page = markdown.Markdown(extensions=[ext]).convert("Vladimir Putin.")
    assert "glossary-mention" in page
    assert [m.entity_id for m in ext.finish_page().mentions] == ["vladimir-putin"]
    assert excerpt_parser.convert("Vladimir Putin.") == "<p>Vladimir Putin.</p>"


def test_a_title_from_the_first_heading_survives_the_switches():
    """MkDocs takes a page's title from its first element when that is an `<h1>`: the switches,
    put before it, made every page without a front-matter title take its file name's."""
    import markdown
    from glossary.catalog import build_glossary
    from glossary.extension import GlossaryExtension
    from mkdocs.structure.pages import _ExtractTitleTreeprocessor
    from helpers import PUTIN

    ext = GlossaryExtension(glossary=build_glossary([PUTIN], "glosarium"))
    ext.start_page("blog/posts/kunjungan.md")
    md = markdown.Markdown(extensions=["toc", ext])
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    html = md.convert("# Kunjungan ke Moskow\n\nVladimir Putin.\n")
    assert title.title == "Kunjungan ke Moskow"
    assert html.index('class="glossary-controls') < html.index("<h1")


@pytest.mark.parametrize("text", [
    "Paket [@mdi/svg] dan Putin.\n\n[@mdi/svg]: https://example.org/mdi",  # Material's changelog
    "Paket [@mdi/svg](https://example.org/mdi) dan Putin.",
    "Paket [@mdi/svg][mdi] dan Putin.\n\n[mdi]: https://example.org/mdi",
    "Paket [@mdi/svg][] dan Putin.\n\n[@mdi/svg]: https://example.org/mdi",
])
def test_a_link_whose_text_starts_with_at_is_a_link_not_a_citation(text):
    from helpers import ALL, Converter

    html, report = Converter(*ALL).convert(text)
    link = BeautifulSoup(html, "html.parser").select_one('a[href="https://example.org/mdi"]')
    assert link is not None and link.get_text() == "@mdi/svg", html
    assert not report.problems


def test_adjacent_citations_stay_citations():
    from helpers import ALL, Converter

    _, report = Converter(*ALL).convert("Datang.[@a][@b]")
    assert [problem.message for problem in report.problems] == [
        "reference to an unknown source '[@a]'", "reference to an unknown source '[@b]'"]


def test_an_uncited_note_is_reported_with_its_line_and_no_placeholder():
    """Material's docs: a note titled with inline code that pymdownx.inlinehilite stashes as raw HTML."""
    from helpers import ALL, Converter

    text = 'Putin.\n\n!!! catatan "The `site_url` setting must be set"\n\n    Note that you must set it.\n'
    _, report = Converter(*ALL, extensions=("admonition", "pymdownx.inlinehilite")).convert(text)
    [problem] = report.problems
    line, message = problem.line, problem.message
    assert line == 3 and "cites no source" in message
    assert not PLACEHOLDER.search(message), message


def test_only_the_editions_note_class_must_cite_a_source():
    """A plain `!!! note` is the author's, not an editor's note (issue 17, point 18)."""
    from helpers import ALL, Converter

    text = 'Putin.\n\n!!! note "Catatan biasa"\n\n    Tanpa sumber.\n\n!!! catatan "Catatan editor"\n\n    Juga.\n'
    _, report = Converter(*ALL, extensions=("admonition",)).convert(text)
    assert [problem.line for problem in report.problems] == [7]


# --- A docs tree with mkdocstrings, autorefs, arithmatex and captions (issue 17, points 15-21) --------

DOCSTRINGS_FIXTURE = ROOT / "tests" / "fixtures" / "docstrings-site"

#: What the glossary adds inside an element: mentions, cards' data, switches, occurrence anchors.
GLOSSARY_MARKUP = ('[class*="glossary"], [data-entity], [data-glossary], [id^="sebut-"], [id^="glosarium-"], '
                   '[aria-describedby^="glosarium-"]')

#: The glossary's own pages (entries and generated pages), left out of the on/off comparisons.
GLOSSARY_PAGES = re.compile(r"^(glosarium|linimasa|siapa-berkata-apa|ralat)(/|$)")


def _mkdocs(project: Path, site: Path, glossary: bool, *, strict: bool = True,
            config: str = "mkdocs.yml") -> "subprocess.CompletedProcess":
    """`mkdocs build` of `config` in `project`, strict or not, with the glossary on or off."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GLOSSARY": "true" if glossary else "false"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
                           "--config-file", config, "--site-dir", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def docstring_builds(tmp_path_factory) -> dict:
    """The docstrings tree, built with Material (strict) and with MkDocs' own theme, glossary on and off.

    A strict build with the glossary on that fails is kept (`strict_on`) and the tree is built again
    without --strict, so that every other check still runs and says what it finds.
    """
    project = tmp_path_factory.mktemp("docstrings-site")
    shutil.copytree(DOCSTRINGS_FIXTURE, project, dirs_exist_ok=True)
    shutil.copytree(ROOT / "hooks", project / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    builds: dict = {"project": project}
    builds["strict_on"] = _mkdocs(project, project / "on", glossary=True)
    if builds["strict_on"].returncode != 0:
        relaxed = _mkdocs(project, project / "on", glossary=True, strict=False)
        assert relaxed.returncode == 0, relaxed.stderr
    off = _mkdocs(project, project / "off", glossary=False)
    assert off.returncode == 0, off.stderr
    for name, glossary in (("mkdocs-on", True), ("mkdocs-off", False)):
        result = _mkdocs(project, project / name, glossary, strict=False, config="mkdocs-theme.yml")
        assert result.returncode == 0, result.stderr
    return builds


@pytest.fixture(scope="module")
def doc_on(docstring_builds) -> dict[str, BeautifulSoup]:
    return pages(docstring_builds["project"] / "on")


@pytest.fixture(scope="module")
def doc_off(docstring_builds) -> dict[str, BeautifulSoup]:
    return pages(docstring_builds["project"] / "off")


def _content(soup: BeautifulSoup):
    return soup.select_one(".md-content") or soup


def _where_they_differ(on: str | None, off: str | None) -> str:
    """The first place two texts differ, with a little context either side."""
    on, off = on or "", off or ""
    at = next((index for index, (a, b) in enumerate(zip(on, off)) if a != b), min(len(on), len(off)))
    return f"on: {on[max(at - 40, 0):at + 40]!r} / off: {off[max(at - 40, 0):at + 40]!r}"


def _problems(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]


@pytest.mark.slow
def test_the_docstrings_tree_builds_strict_with_the_glossary_on(docstring_builds):
    """Point 18: a plain `!!! note` with no source is no editor's note and must not fail the build."""
    result = docstring_builds["strict_on"]
    assert result.returncode == 0, _problems(result.stderr) or result.stderr[-3000:]


@pytest.mark.slow
def test_the_docstrings_tree_reads_the_same_with_the_glossary_on_and_off(doc_on, doc_off):
    assert sorted(doc_on) == sorted(doc_off)
    compared = [path for path in doc_on if not GLOSSARY_PAGES.match(path)]
    assert {"index.html", "api/index.html"} <= set(compared)
    differing = [(path, _where_they_differ(visible_text(doc_on[path]), visible_text(doc_off[path])))
                 for path in compared if visible_text(doc_on[path]) != visible_text(doc_off[path])]
    assert not differing, differing


@pytest.mark.slow
def test_no_link_inside_a_link_with_autorefs(doc_on):
    """Point 17: autorefs' `<autoref>` (a link once resolved) must not get a mention inside it."""
    nested = [(path, str(element)[:200]) for path, soup in doc_on.items()
              for element in soup.select("a a, autoref a, a autoref, autoref autoref")]
    assert not nested, nested
    autorefs = doc_on["index.html"].select("a.autorefs")
    assert [a.get_text() for a in autorefs] == ["Kremlin mengumumkannya", "jadwal Moskow"]


@pytest.mark.slow
def test_no_link_or_anchor_is_broken_in_the_docstrings_tree(docstring_builds, doc_on, doc_off):
    """Point 16: backlinks (`#sebut-…`) to mentions must lead to an anchor that exists."""
    project = docstring_builds["project"]
    assert broken_links(project / "off", doc_off) == []
    broken = broken_links(project / "on", doc_on)
    assert not broken, broken
    assert duplicate_ids(doc_on) == []
    assert placeholders(doc_on) == []


@pytest.mark.slow
def test_the_page_s_own_prose_keeps_its_mentions_beside_docstrings(doc_on):
    """Point 15: mkdocstrings converts docstrings with the page's Markdown instance during the page's
    block phase; that nested conversion must not take the page from the page's own prose."""
    api = doc_on["api/index.html"]
    prose = api.select_one("#prosa-awal")
    assert prose is not None and "Vladimir Putin" in prose.get_text()
    assert prose.select(".glossary-mention"), str(prose)
    assert doc_on["index.html"].select_one("#prosa").select(".glossary-mention")


@pytest.mark.slow
def test_docstrings_carry_no_glossary_markup(doc_on):
    """Point 15: no switches, cards' data or mentions inside mkdocstrings' output."""
    docs = doc_on["api/index.html"].select("div.doc")
    assert docs and "Vladimir Putin" in " ".join(doc.get_text() for doc in docs)
    found = [str(element)[:160] for doc in docs for element in doc.select(GLOSSARY_MARKUP)]
    assert not found, found


@pytest.mark.slow
def test_math_is_left_alone(doc_on, doc_off):
    """Point 19: `$\\text{Moskow}$` is TeX; a mention inside it breaks the formula."""
    on_math = [str(element) for element in _content(doc_on["index.html"]).select(".arithmatex")]
    off_math = [str(element) for element in _content(doc_off["index.html"]).select(".arithmatex")]
    assert len(off_math) == 2 and "\\text{Moskow}" in off_math[0]
    assert on_math == off_math


@pytest.mark.slow
def test_a_caption_that_is_only_a_name_keeps_its_text(doc_on, doc_off):
    """Point 20: "Figure 1. Moskow" must not become "Figure 1.Moskow"."""
    def captions(soup):
        return [" ".join(caption.get_text().split()) for caption in _content(soup).select("figcaption")]

    assert captions(doc_off["index.html"]) == ["Figure 1. Moskow", "Kim Jong Un"]
    assert [caption.get_text() for caption in _content(doc_on["index.html"]).select("figcaption")] == [
        caption.get_text() for caption in _content(doc_off["index.html"]).select("figcaption")]


def _search_index(site: Path) -> dict[str, str]:
    """The search index's text by location, for the pages that are not the glossary's own."""
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    # Runs of white space are one (a search tokenizer splits on them); a space added before
    # punctuation is a difference.
    return {doc["location"]: " ".join(doc["text"].split()) for doc in docs
            if not GLOSSARY_PAGES.match(doc["location"])}


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_the_search_index_reads_the_same_with_the_glossary_on_and_off(docstring_builds, theme):
    """Point 21: MkDocs' own search joined a mention's text with a space: "Moskow ;"."""
    project = docstring_builds["project"]
    on_site, off_site = (project / "mkdocs-on", project / "mkdocs-off") if theme == "mkdocs" else (
        project / "on", project / "off")
    on_index, off_index = _search_index(on_site), _search_index(off_site)
    assert "api/" in off_index and "Moskow" in off_index["api/"]
    differing = [(location, _where_they_differ(on_index.get(location), text))
                 for location, text in off_index.items() if on_index.get(location) != text]
    assert not differing, differing
    assert sorted(on_index) == sorted(off_index)
