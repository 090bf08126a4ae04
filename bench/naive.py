"""Reference for the benchmark: the naive glossary, one `re.sub` per name over each page.

An MkDocs hook, used instead of ours in the benchmark's "naive" build. It is naive in its
algorithm, not in its implementation: each name's pattern is compiled once per build (a
per-page `re.sub(pattern_string, ...)` would also thrash `re`'s 512-entry cache), and a
replaced name becomes a placeholder so that a shorter name ("Karasu") is not found again
inside a longer one already linked ("Kementerian Luar Negeri Karasu"). What it does not do,
and ours does: skip code, headings and links, find names across line breaks, collect
mentions. Its cost is (number of names) x (page length), on every page.
"""

from __future__ import annotations

import html
import re

import yaml
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

_names: list[tuple[re.Pattern[str], str, str, str]] = []  # (pattern, name, entry URL, summary)


def on_files(files: Files, config) -> Files:
    _names.clear()
    for file in files.documentation_pages():
        if not file.src_uri.startswith("glosarium/"):
            continue
        front = yaml.safe_load(file.content_string.split("---", 2)[1])
        for name in [front["title"], *front.get("aliases", [])]:
            _names.append((re.compile(rf"\b{re.escape(name)}\b"), name, file.url, front["summary"]))
    _names.sort(key=lambda item: -len(item[1]))  # Longest first: "Parlemen X" before "X".
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    links: list[str] = []
    for pattern, name, url, summary in _names:

        def placeholder(_match: re.Match[str], name: str = name, url: str = url, summary: str = summary) -> str:
            links.append(f'<a class="glossary-mention" href="{get_relative_url(url, page.url)}" '
                         f'title="{html.escape(summary)}">{name}</a>')
            return f"\x02{len(links) - 1}\x03"

        markdown = pattern.sub(placeholder, markdown, count=1)  # First mention only, like ours.
    return re.sub("\x02([0-9]+)\x03", lambda m: links[int(m.group(1))], markdown)
