"""The glossary engine alone: Markdown conversion of the article pages with and without it.

Run by bench/run.py in its own process (so its peak memory is its own). The glossary is loaded
as the hook loads it (`load_glossary`: every entry parsed, the matcher compiled); then every
article page is converted twice, once
with our GlossaryExtension and once without, alternating which goes first, with a new
`Markdown` per page as MkDocs makes. Prints one line of JSON:
{"with": s, "without": s, "setup": s, "bytes": n, "pages": n}.

Usage: python bench/engine.py EDITION_DIR
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import markdown
from mkdocs.utils.meta import get_data

#: The Markdown extensions of the benchmark's mkdocs.yml (and the project's).
EXTENSIONS = ["attr_list", "admonition", "md_in_html", "toc"]


def main() -> None:
    edition = Path(sys.argv[1])
    sys.path.insert(0, str(edition / "hooks"))
    from glossary.catalog import load_glossary
    from glossary.extension import GlossaryExtension

    docs = edition / "docs"
    started = time.perf_counter()
    glossary = load_glossary(docs / "glosarium", docs)
    assert not glossary.errors, glossary.errors
    extension = GlossaryExtension(glossary=glossary, mode="first")
    setup = time.perf_counter() - started

    pages = []
    for path in sorted((docs / "artikel").glob("*.md")):
        source = path.read_text(encoding="utf-8")
        pages.append((path.relative_to(docs).as_posix(), get_data(source)[0], len(source.encode())))

    spent = {"with": 0.0, "without": 0.0}

    def convert(uri: str, text: str, glossary: bool) -> None:
        started = time.perf_counter()
        if glossary:
            extension.start_page(uri)
            markdown.Markdown(extensions=[*EXTENSIONS, extension]).convert(text)
            report = extension.finish_page()
            assert report.mentions, f"{uri}: no mention found"
        else:
            markdown.Markdown(extensions=EXTENSIONS).convert(text)
        spent["with" if glossary else "without"] += time.perf_counter() - started

    for glossary in (False, True):  # Warm-up, not timed: the first conversion imports extensions.
        convert(*pages[0][:2], glossary)
    spent["with"] = spent["without"] = 0.0
    for index, (uri, text, _size) in enumerate(pages):
        for glossary in ((True, False) if index % 2 else (False, True)):
            convert(uri, text, glossary)

    print(json.dumps({**spent, "setup": setup, "bytes": sum(size for *_, size in pages),
                      "pages": len(pages)}))


if __name__ == "__main__":
    main()
