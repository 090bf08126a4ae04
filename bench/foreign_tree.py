"""The glossary on a docs tree nobody here wrote: Material for MkDocs' own documentation.

Not a CI test (it needs a checkout of squidfunk/mkdocs-material, ~100 pages, a minute or two).
The tree is copied, this project's hook is added, and entities are generated from the names the
docs use most. It is then built with the glossary on and with GLOSSARY=false (non-strict; plugins
that need the network or extra binaries are dropped), and the two builds are compared with the
checks of tests/test_foreign.py: visible text, internal links and anchors, duplicate ids,
placeholders in snippets and pages, annotations on the blog's listing pages.

Get the tree (no network needed beyond the mirror):

    git --git-dir=<mirror> archive HEAD docs mkdocs.yml material/overrides src/templates/partials/languages \
      | tar -x -C /tmp/mm
    .venv/bin/python bench/foreign_tree.py /tmp/mm --work /tmp/mm-run --entities 120

Prints the figures as Markdown; exits 1 when the glossary changed text or added broken links,
duplicate ids or placeholders.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from test_foreign import (GENERATED, LISTINGS, broken_links, duplicate_ids, pages,  # noqa: E402
                          placeholders, visible_text)

#: Plugins that fetch from the network or need binaries this machine may lack.
UNWANTED_PLUGINS = ("social", "privacy", "optimize", "git-revision-date-localized", "git-committers",
                    "git-authors", "offline", "rss", "redirects")

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


def prepare(tree: Path, work: Path, entity_count: int) -> tuple[Path, int]:
    """A copy of the tree with the glossary hook and generated entities; returns (project, entities)."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(tree, work)
    shutil.copytree(ROOT / "hooks", work / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (work / "mkdocs.yml").write_text(_config(work / "mkdocs.yml"), encoding="utf-8")
    names = frequent_names(work / "docs", entity_count)
    kinds = ("person", "institution", "place")
    for index, name in enumerate(names):
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        folder = work / "docs" / "glosarium" / {"person": "tokoh", "institution": "lembaga", "place": "tempat"}[
            kinds[index % 3]]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.md").write_text(
            f"---\ntitle: \"{name}\"\ntype: {kinds[index % 3]}\nsummary: \"{name}, as Material's docs name it.\"\n"
            f"reviewed: \"2026-01-01\"\nsources:\n  - id: docs\n    title: \"Material for MkDocs\"\n"
            f"    publisher: squidfunk\n    date: \"2026-01-01\"\n    url: https://squidfunk.github.io/mkdocs-material/\n"
            f"---\n\nNamed in the documentation of Material for MkDocs.[@docs]\n", encoding="utf-8")
    return work, len(names)


def _config(path: Path) -> str:
    """mkdocs.yml, edited as text (it holds !!python tags): unwanted plugins out, the glossary in."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    skipping = False
    minify = importlib.util.find_spec("mkdocs_minify_plugin") is not None
    for line in lines:
        plugin = re.match(r"  - ([\w-]+)(:|$)", line)
        if plugin and (plugin.group(1) in UNWANTED_PLUGINS or (plugin.group(1) == "minify" and not minify)):
            skipping = True
            continue
        if skipping and line.startswith("    "):
            continue
        skipping = False
        out.append(line)
        if line == "hooks:":
            out.append("  - hooks/glossary_hook.py")
        if line == "extra:":
            out += ["  glossary:", "    enabled: !ENV [GLOSSARY, true]"]
    return "\n".join(out) + "\n"


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
    return names[:count]


def build(project: Path, site: Path, glossary: bool) -> tuple[float, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GLOSSARY": "true" if glossary else "false"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=project,
                            env=env, capture_output=True, text=True, timeout=1200)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed (glossary {'on' if glossary else 'off'}):\n{result.stderr[-5000:]}")
    return elapsed, result.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tree", type=Path, help="folder holding mkdocs.yml and docs/ of the foreign tree")
    parser.add_argument("--work", type=Path, default=Path("/tmp/foreign-tree"))
    parser.add_argument("--entities", type=int, default=120)
    args = parser.parse_args()

    project, entity_count = prepare(args.tree, args.work, args.entities)
    on_time, on_log = build(project, project / "site-on", glossary=True)
    off_time, _ = build(project, project / "site-off", glossary=False)
    on, off = pages(project / "site-on"), pages(project / "site-off")
    glossary_pages = {path for path in on if path.startswith("glosarium/")} | set(GENERATED)
    compared = [path for path in on if path in off and path not in glossary_pages]
    differing = [path for path in compared if visible_text(on[path]) != visible_text(off[path])]
    broken = sorted(set(broken_links(project / "site-on", on)) - set(broken_links(project / "site-off", off)))
    duplicates = sorted(set(duplicate_ids(on)) - set(duplicate_ids(off)))
    leaks = sorted(set(placeholders(on)) - set(placeholders(off)))
    listings = [path for path in on if LISTINGS.match(path)]
    annotated_listings = [path for path in listings if on[path].select(".glossary-mention")]
    mentions = sum(len(soup.select(".glossary-mention")) for soup in on.values())
    pages_with_mentions = sum(1 for soup in on.values() if soup.select(".glossary-mention"))
    snippets = sum(len(soup.select(".glossary-snippets")) for soup in on.values())
    warnings = sum(1 for line in on_log.splitlines() if line.startswith("WARNING"))

    print(f"| figure | value |\n|---|---|")
    for label, value in [
        ("pages (HTML files, glossary on)", len(on)), ("pages compared (not the glossary's own)", len(compared)),
        ("entities generated", entity_count), ("mention elements (.glossary-mention)", mentions),
        ("pages with mentions", pages_with_mentions), ("backlink snippets", snippets),
        ("blog listing pages", len(listings)), ("listing pages with annotations", len(annotated_listings)),
        ("pages whose text differs", len(differing)), ("broken links added", len(broken)),
        ("duplicate ids added", len(duplicates)), ("placeholders added", len(leaks)),
        ("warnings (glossary on)", warnings),
        ("build time on / off (s)", f"{on_time:.1f} / {off_time:.1f}")]:
        print(f"| {label} | {value} |")
    for title, items in (("differing", differing), ("broken", broken), ("duplicate ids", duplicates),
                         ("placeholders", leaks), ("annotated listings", annotated_listings)):
        for item in items[:15]:
            print(f"- {title}: {item}")
    return 1 if differing or broken or duplicates or leaks or annotated_listings else 0


if __name__ == "__main__":
    sys.exit(main())
