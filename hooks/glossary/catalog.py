"""The glossary as loaded: every valid entity, one matcher, the bibliography its entries cite, and
the errors found on the way.

This is the name-clash policy's home: an entity whose name another entity already claims is
reported and left out, so one bad file never takes the others down with it. Loading is done once
per build (MkDocs) or once per process for the same files (Zensical and plain scripts build a new
Markdown instance, and so a new extension, for every page).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .bibliography import FOLDER as BIBLIOGRAPHY_FOLDER
from .bibliography import PUBLISHERS_FILE, SOURCES_FILE, Bibliography, load_bibliography
from .entries import Entity, EntryError, load_entries
from .errors import excerpt
from .plain_text import mixed_scripts
from .matcher import Matcher


@dataclass
class Glossary:
    #: Entity id -> entity.
    entities: dict[str, Entity]
    matcher: Matcher
    #: The glossary folder, relative to the docs folder (posix, no slashes at the ends).
    folder: str
    #: Bad input: each error names its file and, where known, its line.
    errors: list[EntryError] = field(default_factory=list)
    #: Suspect input that still loads (a name mixing scripts): reported as warnings.
    warnings: list[EntryError] = field(default_factory=list)
    #: The edition's sources and publishers (`sumber/`), which entries, pages and events cite.
    bibliography: Bibliography = field(default_factory=Bibliography)

    def __post_init__(self) -> None:
        self.by_path: dict[str, Entity] = {entity.src_path: entity for entity in self.entities.values()}

    @property
    def register_path(self) -> str:
        """The register page: a link to it is an ordinary link, not a mention."""
        return f"{self.folder}/index.md"

    def entity_at(self, src_path: str) -> Entity | None:
        return self.by_path.get(src_path)


def build_glossary(entities: list[Entity], folder: str, errors: list[EntryError] | None = None,
                   bibliography: Bibliography | None = None) -> Glossary:
    """Index `entities` and compile their names; clashing or duplicate entities are reported and dropped."""
    errors = list(errors or [])
    kept: dict[str, Entity] = {}
    for entity in entities:
        other = kept.get(entity.id)
        if other is not None:
            errors.append(EntryError(entity.src_path, None, f"entity id '{entity.id}' is already used by "
                                     f"{other.src_path}; file names must be unique"))
            continue
        kept[entity.id] = entity
    while True:
        try:
            matcher = Matcher.build(kept.values())
            break
        except EntryError as error:
            errors.append(error)
            dropped = next(e for e in kept.values() if e.src_path == error.path)
            del kept[dropped.id]
    return Glossary(kept, matcher, folder.strip("/"), errors, look_alike_names(kept.values()),
                    bibliography if bibliography is not None else Bibliography())


def look_alike_names(entities) -> list[EntryError]:
    """Names with a word in two scripts ("Vladimir Рutin", a Cyrillic Р): a look-alike of a real name."""
    found = []
    for entity in entities:
        for name in entity.names:
            scripts = mixed_scripts(name)
            if scripts is not None:
                found.append(EntryError(entity.src_path, entity.name_lines.get(name),
                                        f"name {excerpt(name, 60)} mixes {scripts[0]} and {scripts[1]} letters "
                                        "in one word: a look-alike letter?"))
    return found


def load_glossary(entries_dir: Path, docs_dir: Path) -> Glossary:
    """Read and validate the bibliography (`docs_dir/sumber/`), then every entity file under
    `entries_dir` (paths are relative to `docs_dir`)."""
    bibliography = load_bibliography(docs_dir)
    entities, errors = load_entries(entries_dir, docs_dir, bibliography.sources)
    folder = entries_dir.resolve().relative_to(docs_dir.resolve()).as_posix()
    return build_glossary(entities, folder, [*bibliography.errors, *errors], bibliography)


@dataclass(frozen=True)
class _Loaded:
    glossary: Glossary
    #: Each folder under the glossary folder with its modification time (a file added, removed or
    #: renamed in it changes it; an entry edited in place does not: see `get`), and the
    #: bibliography's files with their stamps (a source added or changed).
    listing: tuple[tuple[str, tuple], ...]
    #: (modification time, size) of each entity file when it was read.
    stamps: dict[str, tuple[int, int]]


class GlossaryCache:
    """Glossaries loaded once and shared by every conversion of a process.

    For hosts that build a new extension for every page (Zensical, a plain script): loading and
    checking 1,000 entries per page would cost more than the page. A loaded glossary is kept until
    its folder lists other files, or until the page being converted is an entry that changed since
    it was read: an edited entry's own page is what a live preview renders again.
    """

    def __init__(self) -> None:
        self._loaded: dict[tuple[str, str], _Loaded] = {}
        #: Whether the last `get` read the files (its warnings are new), or reused what it had.
        self.read_anew = False

    def get(self, entries_dir: Path, docs_dir: Path, page: Path | None = None) -> Glossary:
        key = (str(entries_dir), str(docs_dir))  # As given: resolving them cost more than the check.
        hit = self._loaded.get(key)
        # The folders and files read last time, stat-ed again: a few calls, not a walk of the folder
        # (a new subfolder changes its parent's stamp).
        if hit is not None and all(_stamp(Path(path)) == stamp for path, stamp in hit.listing) \
                and (page is None or _stamp(page) == hit.stamps.get(str(page), _stamp(page))):
            self.read_anew = False
            return hit.glossary
        self.read_anew = True
        listing = (*_listing(entries_dir), *((str(path), _stamp(path)) for path in _bibliography_files(docs_dir)))
        stamps = {str(path): _stamp(path) for path in entries_dir.rglob("*.md")}
        glossary = load_glossary(entries_dir, docs_dir)
        self._loaded[key] = _Loaded(glossary, listing, stamps)
        return glossary


def _listing(folder: Path) -> tuple[tuple[str, tuple[int, int]], ...]:
    """Each folder's stamp: a few stats, where listing 1,000 entries on every page cost more."""
    return tuple((str(path), _stamp(Path(path))) for path, _dirs, _files in os.walk(folder))


def _bibliography_files(docs_dir: Path) -> tuple[Path, ...]:
    return tuple(docs_dir / BIBLIOGRAPHY_FOLDER / name for name in (PUBLISHERS_FILE, SOURCES_FILE))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


#: The one cache of the process (see `GlossaryCache`); the MkDocs hook loads its own per build.
SHARED = GlossaryCache()
