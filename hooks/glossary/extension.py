"""The glossary as a standard Python-Markdown extension, usable by name from any pipeline.

    markdown.Markdown(extensions=["glossary"],
                      extension_configs={"glossary": {"entries": "docs/glosarium"}})

Which document is being converted decides everything (links are relative to it, an entity is never
annotated on its own page), so the extension finds out before it touches the text:

| who runs it                                   | the page is                                        |
|-----------------------------------------------|----------------------------------------------------|
| the MkDocs hook (`GlossaryExtension(glossary=…)`) | the page the hook announced with `start_page`,  |
|                                               | taken by the next conversion; any other            |
|                                               | conversion (a blog's excerpts, a macro) is left    |
|                                               | alone, as mkdocs-autorefs does                     |
| Zensical                                      | its rendering context's `page.path`                |
| a plain script                                | the `page` option (default `index.md`)             |
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension

from .catalog import SHARED, Glossary
from .markup import (MODES, ConversionStart, GlossaryTreeprocessor, PageContext, PageGlossary, PageReport,
                     ReferencePattern, SkipSpan, TreeDone)
from .safe_yaml import Lines
from .sources import Source, parse_source_ids

log = logging.getLogger("glossary")


class GlossaryExtension(Extension):
    """Annotate entity mentions, cite sources, and emit the data the reader's cards use."""

    def __init__(self, glossary: Glossary | None = None, **kwargs: Any) -> None:
        self.config = {
            "entries": ["", "Folder of entity files, one Markdown file per entity (required by name)"],
            "docs_dir": ["", "Folder that page and entity paths are relative to (default: the parent of 'entries')"],
            "page": ["index.md", "Path, under docs_dir, of the document a plain script converts"],
            "mode": ["first", "'first': link the first mention of each entity per page; 'all': every one"],
            "switches": [True, "Render the highlighting switches above the page's first heading"],
            "role_date": ["", "The date entries' roles refer to (YYYY-MM-DD): the first article's"],
            "note_class": ["catatan", "Admonition class of the edition's editor's notes, which must cite a source"],
            "apart": [False, "Leave the switches, the page glossary and an entry's sources to the host (the MkDocs "
                             "hook places them after its search has read the page) and the type colours to its CSS"],
        }
        super().__init__(**kwargs)
        mode = self.getConfig("mode")
        if mode not in MODES:
            raise ValueError(f"glossary: option 'mode' must be one of {', '.join(MODES)}, not {mode!r}")
        #: Set when the MkDocs hook owns this extension: only the pages it announces are annotated.
        self.announced_only = glossary is not None
        self._folders: tuple[Path, Path] | None = None
        if glossary is None:
            glossary = self._load()
        self.glossary = glossary
        self._pending: PageContext | None = None
        self._converting: PageContext | None = None

    def _load(self) -> Glossary:
        entries = self.getConfig("entries")
        if not entries:
            raise ValueError("glossary: option 'entries' (the folder of entity files) is required")
        entries_dir = Path(entries)
        if not entries_dir.is_dir():
            raise ValueError(f"glossary: option 'entries': no folder {entries!r}")
        docs_dir = Path(self.getConfig("docs_dir") or entries_dir.parent)
        self._folders = (entries_dir, docs_dir)
        glossary = SHARED.get(entries_dir, docs_dir)
        for warning in glossary.warnings if SHARED.read_anew else ():  # Once, not once per page.
            log.warning(str(warning))
        if glossary.errors:
            # Bad input fails the build: a host with no hook of ours (Zensical) would otherwise publish
            # the bad entry's file as a page, its untrusted title printed raw by the theme.
            raise ValueError("glossary: bad entries:\n" + "\n".join(str(error) for error in glossary.errors))
        return glossary

    # The MkDocs hook's side -------------------------------------------------------------------

    def start_page(self, src_path: str, sources: tuple[Source, ...] = (), line_offset: int = 0,
                   labels: tuple[tuple[str, str, str], ...] = ()) -> None:
        """Announce the page converted next (MkDocs: in on_page_markdown); the next conversion takes it.

        `labels`: the dated labels of the corrections that apply to the page, (anchor, text, href).
        """
        self._pending = PageContext(src_path, self.glossary.entity_at(src_path), sources, labels)
        self._pending.report.line_offset = line_offset

    def finish_page(self) -> PageReport:
        """The report of the page converted since `start_page` (MkDocs: in on_page_content)."""
        context, self._converting = self._converting, None
        return context.report if context is not None else PageReport()

    # Python-Markdown's side -------------------------------------------------------------------

    def extendMarkdown(self, md: Markdown) -> None:
        """Register, for this Markdown instance:

        | registry        | name            | priority | what                                          |
        |-----------------|-----------------|----------|-----------------------------------------------|
        | preprocessors   | glossary_start  | 1000     | binds the page; keeps its lines as written    |
        | inlinePatterns  | glossary_skip   | 175      | `[text]{.no-gloss}` -> an unannotated span     |
        | inlinePatterns  | glossary_ref    | 85       | `[@id]` -> a reference to a source (after      |
        |                 |                 |          | links and raw HTML)                            |
        | treeprocessors  | glossary        | 6        | after attr_list (8), before toc (5) and before |
        |                 |                 |          | MkDocs' link rewriting (0)                     |
        | treeprocessors  | glossary_tree_done | -1000 | last: the tree phase is over (see TreeDone)    |
        | postprocessors  | glossary_page   | 1        | appends the page glossary, after the others    |
        """
        md.registerExtension(self)
        if "attr_list" not in md.treeprocessors:
            # `.no-gloss`, `data-speaker` and `{#id}` are attributes: without attr_list they would
            # silently show as text. Enable it, as Material's tags plugin does for what it needs.
            AttrListExtension().extendMarkdown(md)
        md.inlinePatterns.register(SkipSpan(md), "glossary_skip", 175)
        # After links (160-125) and raw HTML (90): `[@mdi/svg](url)`, `[@x][ref]` and `[@x]` with a
        # definition stay links, and `<span title="[@id]">` stays the editor's attribute.
        md.inlinePatterns.register(ReferencePattern(md), "glossary_ref", 85)
        # The announced page is bound when a conversion starts (`context_for`), not here: plugins
        # make Markdown instances between the announcement and the page's own (Material's blog
        # makes each post's excerpt parser in on_page_markdown, after the hook).
        tree = GlossaryTreeprocessor(md, self, None)
        md.preprocessors.register(ConversionStart(md, tree), "glossary_start", 1000)
        md.treeprocessors.register(tree, "glossary", 6)
        md.treeprocessors.register(TreeDone(md, tree), "glossary_tree_done", -1000)
        md.postprocessors.register(PageGlossary(md, tree), "glossary_page", 1)

    def context_for(self, md: Markdown, announced: PageContext | None) -> PageContext | None:
        """The page being converted, or None when the text must be left alone."""
        if announced is None and self._pending is not None:  # The first conversion since start_page.
            announced, self._pending = self._pending, None
        if announced is not None:
            self._converting = announced
            return announced
        if self.announced_only:
            return None
        page = _rendering_page(md)
        if page is not None:  # Zensical
            src_path = str(getattr(page, "path", "")).replace("\\", "/")
            meta = getattr(page, "meta", None) or {}
            if src_path.startswith(self.glossary.folder + "/") and self._folders is not None:
                # An entry's own page: a live preview renders it again when it is edited.
                entries_dir, docs_dir = self._folders
                self.glossary = SHARED.get(entries_dir, docs_dir, page=docs_dir / src_path)
            return PageContext(src_path, self.glossary.entity_at(src_path), self._meta_sources(meta, src_path))
        src_path = self.getConfig("page")
        return PageContext(src_path, self.glossary.entity_at(src_path))

    def _meta_sources(self, meta: dict, src_path: str) -> tuple[Source, ...]:
        try:
            return parse_source_ids(meta.get("sources") or [], Lines({}), src_path, self.glossary.bibliography.sources)
        except ValueError as error:  # Already reported, with its line, by a full MkDocs build.
            log.warning(str(error))
            return ()


def _rendering_page(md: Markdown) -> Any:
    """Zensical's page, from the preprocessor it registers to carry the rendering context."""
    for processor in md.preprocessors:
        page = getattr(processor, "page", None)
        if page is not None and type(processor).__name__ == "ContextPreprocessor":
            return page
    return None


def makeExtension(**kwargs: Any) -> GlossaryExtension:  # noqa: N802 (Python-Markdown's name)
    return GlossaryExtension(**kwargs)
