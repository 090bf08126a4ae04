"""The glossary on a docs tree nobody here wrote (Material's, pymdown-extensions', MkDocs' own docs).

Not a CI test (it needs a checkout of a foreign docs tree, ~100 pages, a minute or two).
The tree is copied and entities are generated, under the tree's own `docs_dir`, from the names the
docs use most. A second config file, `mkdocs.glossary.yml`, inherits the tree's (`INHERIT:`) and adds
this project's hook to the tree's own hooks, so a tree with or without `hooks:` is wired the same way.
The copy is then built with the glossary on and with GLOSSARY=false (non-strict; plugins that need the
network or extra binaries, or are not installed, are dropped), and the two builds are compared with the
checks of tests/test_foreign.py: visible text, internal links and anchors, duplicate ids, placeholders
in snippets and pages, annotations on the blog's listing pages, and the ERROR lines of each build's log.

Get the tree (no network needed beyond the mirror):

    git --git-dir=<mirror> archive HEAD docs mkdocs.yml material/overrides src/templates/partials/languages \
      | tar -x -C /tmp/mm
    .venv/bin/python bench/foreign_tree.py /tmp/mm --work /tmp/mm-run --entities 120

Prints the figures as Markdown; exits 1 when the glossary changed text, added broken links, duplicate
ids, placeholders or ERROR lines, or when it annotated nothing at all (0 mentions: nothing was tested).
The two builds' logs stay in the work folder (build-on.log, build-off.log).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from test_foreign import (GENERATED, LISTINGS, broken_links, duplicate_ids, pages,  # noqa: E402
                          placeholders, visible_text)

#: Plugins that fetch from the network or need binaries this machine may lack.
UNWANTED_PLUGINS = ("social", "privacy", "optimize", "git-revision-date-localized", "git-committers",
                    "git-authors", "offline", "rss", "redirects")

#: The config file written next to the tree's own; it inherits it.
GLOSSARY_CONFIG = "mkdocs.glossary.yml"

#: Where this project's hook is copied in the work folder (not `hooks/`: the tree may have its own).
HOOK_DIR = "_glossary_hooks"

#: The glossary's entity folder under the docs_dir (the hook's `extra.glossary.dir` default).
ENTITY_DIR = "glosarium"

#: Capitalised words that are sentence openers or headings' words, not names.
NOT_NAMES = set("""The This That These Those There Then Than When Where Which While What Why How If In
On Of Or Our For From For By But And As At An A All Also Any Be Both Each Every First For Here It Its
Just Let Make More Most Note Now Once One Only Other Otherwise Please See Set Since Some Such So To
Use Using We When With Without You Your Yes No Not Default Example Examples Add Adding After Before
Create Enable Enabled Finally However If Instead Next Same Second Third Tip Warning Info Danger Open
Click Read Learn Run Go Check Feature Features Version Previously Alternatively Additionally Moreover
Thus Therefore Additionally Recently Today Keep May Can Will Would Should Could Must Might Do Does
Did Is Are Was Were Has Have Had Sponsors Sponsor Setup Settings Option Options Configuration Usage
Changelog Changed Removed Added Fixed Improved Updated New Type Types Support Supported Custom""".split())


# --- The tree's config ------------------------------------------------------------------------------

def find_config(tree: Path) -> Path:
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        if (tree / name).is_file():
            return tree / name
    raise SystemExit(f"{tree}: no mkdocs.yml or mkdocs.yaml")


def read_config(path: Path) -> dict[str, Any]:
    """The config as MkDocs reads it (`INHERIT:` merged, `!ENV` resolved), with MkDocs' own YAML loader.

    Python tags (`!!python/name:...`) and other tags MkDocs resolves later are read as None: only the
    plain keys (`hooks`, `docs_dir`, `plugins`' names) are needed here, and their modules may not import.
    """
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    class Loader(get_yaml_loader(config=MkDocsConfig(config_file_path=str(path)))):  # type: ignore[misc]
        pass

    # PyYAML's own python/ constructors come first in the lookup, and would import: replace them.
    for prefix in ("name:", "module:", "object:", "object/apply:", "object/new:", ""):
        Loader.add_multi_constructor(f"tag:yaml.org,2002:python/{prefix}", lambda loader, suffix, node: None)
    with path.open("rb") as file:
        return yaml_load(file, Loader) or {}


def docs_dir(config_path: Path) -> Path:
    """The tree's docs folder: its config's `docs_dir` (default `docs`), relative to the config file."""
    return (config_path.parent / str(read_config(config_path).get("docs_dir") or "docs")).resolve()


def glossary_config(config_path: Path, hook: str) -> str:
    """A config that inherits the tree's and adds the glossary's hook after the tree's own hooks.

    `INHERIT:` merges mappings but replaces lists, so the tree's `hooks:` list (read with MkDocs' loader)
    is written again in full, with the hook appended. Builds are non-strict: the comparison counts
    warnings and errors itself.
    """
    import yaml

    hooks = [str(item) for item in read_config(config_path).get("hooks") or []]
    config = {"INHERIT": config_path.name, "strict": False, "hooks": [*hooks, hook]}
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    return text + "extra:\n  glossary:\n    enabled: !ENV [GLOSSARY, true]\n"


def installed_plugins() -> set[str]:
    return {entry.name for entry in entry_points(group="mkdocs.plugins")}


def without_plugins(text: str, unwanted: set[str] | None = None, installed: set[str] | None = None) -> tuple[str, list[str]]:
    """mkdocs.yml, edited as text (it may hold !!python tags): the top-level `plugins:` list without the
    unwanted plugins and those not installed here. Returns (text, names dropped)."""
    unwanted = set(UNWANTED_PLUGINS) if unwanted is None else unwanted
    installed = installed_plugins() if installed is None else installed
    out: list[str] = []
    dropped: list[str] = []
    in_plugins = False
    skip_deeper_than: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if skip_deeper_than is not None:
            if not line.strip() or indent > skip_deeper_than:
                continue
            skip_deeper_than = None
        if re.match(r"plugins:\s*(#.*)?$", line):
            in_plugins = True
        elif line.strip() and indent == 0 and not line.startswith("-"):
            in_plugins = False
        elif in_plugins:
            item = re.match(r"(\s*)- ['\"]?([\w./-]+)['\"]?\s*(:|$)", line)
            name = item.group(2) if item else ""
            # A theme's plugin may be named without its namespace (`blog` for `material/blog`).
            known = name in installed or any(entry.endswith("/" + name) for entry in installed)
            if item and (name in unwanted or name.split("/")[-1] in unwanted or not known):
                dropped.append(name)
                skip_deeper_than = len(item.group(1))
                continue
        out.append(line)
    return "\n".join(out) + "\n", dropped


# --- The copy -----------------------------------------------------------------------------------------

@dataclass
class Project:
    root: Path
    config: Path  #: the glossary config (inherits the tree's)
    docs: Path
    entities: int
    dropped_plugins: list[str] = field(default_factory=list)
    #: The path of the config's `site_url` ('/mkdocs-material/'), '/' without one.
    site_path: str = "/"


def prepare(tree: Path, work: Path, entity_count: int, *, installed: set[str] | None = None) -> Project:
    """A copy of the tree with the glossary hook wired in and generated entities under its docs_dir."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(tree, work, ignore=shutil.ignore_patterns(".git"))
    shutil.copytree(ROOT / "hooks", work / HOOK_DIR, ignore=shutil.ignore_patterns("__pycache__"))
    base = find_config(work)
    text, dropped = without_plugins(base.read_text(encoding="utf-8"), installed=installed)
    base.write_text(text, encoding="utf-8")
    config = work / GLOSSARY_CONFIG
    config.write_text(glossary_config(base, f"{HOOK_DIR}/glossary_hook.py"), encoding="utf-8")
    docs = docs_dir(base)
    site_name = str(read_config(base).get("site_name") or tree.name)
    names = frequent_names(docs, entity_count)
    kinds = ("person", "institution", "place")
    folders = {"person": "tokoh", "institution": "lembaga", "place": "tempat"}
    quoted = site_name.replace("\\", "\\\\").replace('"', '\\"')
    (docs / "sumber").mkdir(exist_ok=True)  # The one bibliography every entry cites.
    (docs / "sumber" / "penerbit.yml").write_text(
        f"- id: docs\n  nama: \"{quoted}\"\n  jenis: resmi\n  negara: US\n  bahasa: en\n", encoding="utf-8")
    (docs / "sumber" / "pustaka.yml").write_text(
        f"- id: docs\n  judul: \"{quoted}\"\n  penerbit: docs\n  tanggal: \"2026-01-01\"\n"
        "  url: https://example.org/docs/\n  bahasa: en\n", encoding="utf-8")
    for index, name in enumerate(names):
        folder = docs / ENTITY_DIR / folders[kinds[index % 3]]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug(name)}.md").write_text(
            f"---\ntitle: \"{name}\"\ntype: {kinds[index % 3]}\nsummary: \"{name}, as the docs of {quoted} name it.\"\n"
            f"reviewed: \"2026-01-01\"\nsources: [docs]\n"
            f"---\n\nNamed in the documentation of {quoted}.[@docs]\n", encoding="utf-8")
    return Project(work, config, docs, len(names), dropped, site_path(read_config(base).get("site_url")))


def site_path(site_url: object) -> str:
    """The path a `site_url` serves the site under: 'https://x.github.io/docs' -> '/docs/'; None -> '/'."""
    path = urlsplit(str(site_url or "")).path.strip("/")
    return f"/{path}/" if path else "/"


def under_site_root(soups: dict[str, Any], path: str) -> dict[str, Any]:
    """The pages with each root-absolute href under the site's own path made relative to the site folder.

    MkDocs writes the 404 page's links root-absolute from `site_url` ('/mkdocs-material/assets/...'), and
    the built site has no 'mkdocs-material/' folder: without this, every such link counts as broken, and
    one the glossary adds (its stylesheet) as a broken link added. The hrefs are changed in place: only
    the link check reads them.
    """
    if path == "/":
        return soups
    for soup in soups.values():
        for element in soup.find_all(href=True):
            href = element["href"]
            if href.startswith(path) or href == path.rstrip("/"):
                element["href"] = "/" + href[len(path):]
    return soups


def frequent_names(docs: Path, count: int) -> list[str]:
    """The capitalised words and two-word names the prose uses most (code blocks left out)."""
    words: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for path in docs.rglob("*.md"):
        text = re.sub(r"^(```|~~~).*?^\1", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
        text = re.sub(r"`[^`\n]*`|\]\([^)]*\)|<[^>]+>|^---.*?^---", " ", text, flags=re.S | re.M)
        for line in text.splitlines():
            if line.lstrip().startswith(("#", "    ", "|", "[", "!!!", "???", "*[")):
                continue
            for match in re.finditer(r"(?<![.!?:]\s)(?<!^)\b([A-Z][a-zA-Z]{2,}(?: [A-Z][a-zA-Z]{2,})?)\b", line):
                words[match.group(1)] += 1
            for word in re.findall(r"\b[a-z][a-z]{2,}\b", line):
                lower[word] += 1
    names = [name for name, _ in words.most_common()
             if not set(name.split()) & NOT_NAMES and lower[name.lower()] < words[name] // 2]
    # One name per file name: 'Unicode' and 'UNICODE' would be two entries with one id (an ERROR line
    # in both builds, and one of them not loaded); the more frequent spelling is kept.
    slugs = {slug(name): name for name in reversed(names)}
    return [name for name in names if slugs[slug(name)] == name][:count]


def slug(name: str) -> str:
    """An entry's file name (its id) for a generated name."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# --- Builds and verdict ---------------------------------------------------------------------------------

def build(project: Project, site: Path, glossary: bool) -> tuple[float, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GLOSSARY": "true" if glossary else "false"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--config-file", str(project.config),
                             "--site-dir", str(site)], cwd=project.root, env=env, capture_output=True,
                            text=True, timeout=1200)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed (glossary {'on' if glossary else 'off'}):\n{result.stderr[-5000:]}")
    return elapsed, result.stderr


def search_differences(on_site: Path, off_site: Path, glossary_pages: set[str]) -> list[str]:
    """`location: on text / off text` (where they part) for each search index entry of a page that is not
    the glossary's own whose text differs on and off (MkDocs' and Material's `search/search_index.json`)."""
    import json

    def index(site: Path) -> dict[str, str]:
        path = site / "search" / "search_index.json"
        if not path.is_file():
            return {}
        docs = json.loads(path.read_text(encoding="utf-8")).get("docs", [])
        # Runs of white space are one: a search tokenizer splits on them, and a mention's text may join
        # a name written over two lines. A space added before punctuation ("Moskow ;") still counts.
        return {doc["location"]: " ".join(doc.get("text", "").split()) for doc in docs
                if _page_of(doc["location"]) not in glossary_pages}

    on, off = index(on_site), index(off_site)
    found = []
    for location in sorted(set(on) | set(off)):
        a, b = on.get(location, ""), off.get(location, "")
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            found.append(f"{location or '/'}: on {a[max(at - 30, 0):at + 30]!r} / off {b[max(at - 30, 0):at + 30]!r}")
    return found


def _page_of(location: str) -> str:
    """The HTML file of a search index location ('a/b/#x' -> 'a/b/index.html', '' -> 'index.html')."""
    page = location.split("#")[0]
    return page + "index.html" if not page or page.endswith("/") else page


def log_lines(log: str, level: str) -> list[str]:
    """The messages a build logged at `level` ('WARNING', 'ERROR'), each with its continuation lines."""
    messages: list[str] = []
    current: list[str] | None = None
    for line in log.splitlines():
        head = re.match(r"(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s*-\s*", line)
        if head:
            if current is not None:
                messages.append("\n".join(current))
            current = [line[head.end():].rstrip()] if head.group(1) == level else None
        elif current is not None and line.startswith((" ", "\t")):
            current.append(line.rstrip())
    if current is not None:
        messages.append("\n".join(current))
    return messages


def added(on: list[str], off: list[str]) -> list[str]:
    """The messages of `on` that `off` does not have (counted: a message logged twice more is added)."""
    return list((Counter(on) - Counter(off)).elements())


@dataclass
class Comparison:
    """What the glossary changed in a tree; `failures()` says whether that is a pass."""
    entities: int = 0
    mentions: int = 0
    #: Pages compared, and how many of them had article text to compare (visible_text not empty).
    compared: int = 0
    with_text: int = 0
    differing: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    annotated_listings: list[str] = field(default_factory=list)
    errors_added: list[str] = field(default_factory=list)
    #: Search index entries (`location`) whose text differs on and off.
    search: list[str] = field(default_factory=list)

    def failures(self) -> list[str]:
        reasons = []
        if not self.entities:
            reasons.append("0 entities generated: the tree's prose gave no names, so nothing was tested")
        if not self.mentions:
            reasons.append("0 mentions: the glossary annotated nothing, so the comparison tested nothing "
                           "(is the hook wired in, and are the entities under the tree's docs_dir?)")
        if not self.compared or not self.with_text:
            reasons.append(f"{self.with_text} of {self.compared} compared pages had article text: the text "
                           "comparison tested nothing (a theme whose article element visible_text does not know?)")
        for label, items in (("pages whose text differs", self.differing), ("broken links added", self.broken),
                             ("duplicate ids added", self.duplicates), ("placeholders added", self.leaks),
                             ("blog listing pages annotated", self.annotated_listings),
                             ("ERROR lines added (glossary on, not off)", self.errors_added),
                             ("search index entries whose text differs", self.search)):
            if items:
                reasons.append(f"{len(items)} {label}")
        return reasons


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tree", type=Path, help="folder holding mkdocs.yml (or mkdocs.yaml) and its docs_dir")
    parser.add_argument("--work", type=Path, default=Path("/tmp/foreign-tree"))
    parser.add_argument("--entities", type=int, default=120)
    args = parser.parse_args()

    project = prepare(args.tree, args.work, args.entities)
    on_time, on_log = build(project, project.root / "site-on", glossary=True)
    off_time, off_log = build(project, project.root / "site-off", glossary=False)
    # Kept for reading past the figures' first 15 items: the work folder's build-on.log and build-off.log.
    (project.root / "build-on.log").write_text(on_log, encoding="utf-8")
    (project.root / "build-off.log").write_text(off_log, encoding="utf-8")
    on, off = pages(project.root / "site-on"), pages(project.root / "site-off")
    glossary_pages = {path for path in on if path.startswith(f"{ENTITY_DIR}/")} | set(GENERATED)
    compared = [path for path in on if path in off and path not in glossary_pages]
    listings = [path for path in on if LISTINGS.match(path)]
    result = Comparison(
        entities=project.entities,
        mentions=sum(len(soup.select(".glossary-mention")) for soup in on.values()),
        compared=len(compared), with_text=sum(1 for path in compared if visible_text(off[path])),
        differing=[path for path in compared if visible_text(on[path]) != visible_text(off[path])],
        search=search_differences(project.root / "site-on", project.root / "site-off", glossary_pages),
        broken=sorted(set(broken_links(project.root / "site-on", under_site_root(on, project.site_path)))
                      - set(broken_links(project.root / "site-off", under_site_root(off, project.site_path)))),
        duplicates=sorted(set(duplicate_ids(on)) - set(duplicate_ids(off))),
        leaks=sorted(set(placeholders(on)) - set(placeholders(off))),
        annotated_listings=[path for path in listings if on[path].select(".glossary-mention")],
        errors_added=added(log_lines(on_log, "ERROR"), log_lines(off_log, "ERROR")))
    pages_with_mentions = sum(1 for soup in on.values() if soup.select(".glossary-mention"))
    snippets = sum(len(soup.select(".glossary-snippets")) for soup in on.values())
    warnings_on, warnings_off = log_lines(on_log, "WARNING"), log_lines(off_log, "WARNING")
    errors_on, errors_off = log_lines(on_log, "ERROR"), log_lines(off_log, "ERROR")
    warnings_added = added(warnings_on, warnings_off)

    print("| figure | value |\n|---|---|")
    for label, value in [
        ("pages (HTML files, glossary on)", len(on)), ("pages compared (not the glossary's own)", len(compared)),
        ("docs_dir", project.docs.relative_to(project.root.resolve()) if project.docs.is_relative_to(
            project.root.resolve()) else project.docs),
        ("plugins dropped", ", ".join(project.dropped_plugins) or "none"),
        ("entities generated", result.entities), ("mention elements (.glossary-mention)", result.mentions),
        ("pages with mentions", pages_with_mentions), ("backlink snippets", snippets),
        ("blog listing pages", len(listings)), ("listing pages with annotations", len(result.annotated_listings)),
        ("compared pages with article text", f"{result.with_text} / {result.compared}"),
        ("pages whose text differs", len(result.differing)),
        ("search index entries whose text differs", len(result.search)), ("broken links added", len(result.broken)),
        ("duplicate ids added", len(result.duplicates)), ("placeholders added", len(result.leaks)),
        ("errors on / off (ERROR lines)", f"{len(errors_on)} / {len(errors_off)}"),
        ("errors added", len(result.errors_added)),
        ("warnings on / off (WARNING lines)", f"{len(warnings_on)} / {len(warnings_off)}"),
        ("warnings added", len(warnings_added)),
        ("build time on / off (s)", f"{on_time:.1f} / {off_time:.1f}")]:
        print(f"| {label} | {value} |")
    for title, items in (("differing", result.differing), ("search index", result.search), ("broken", result.broken),
                         ("duplicate ids", result.duplicates), ("placeholders", result.leaks),
                         ("annotated listings", result.annotated_listings), ("error added", result.errors_added),
                         ("warning added", warnings_added)):
        for item in items[:15]:
            print(f"- {title}: {item.splitlines()[0][:300]}")
    failures = result.failures()
    print("\nverdict: " + ("FAIL: " + "; ".join(failures) if failures else "pass"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
