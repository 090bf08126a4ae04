"""Entity files: parse and validate glossary entries.

An entry is a Markdown file with YAML front matter (`title`, `type`, `summary`, optional `aliases`,
`role`, `wikidata`, `case_insensitive`, `reviewed`, `sources` (ids of the bibliography), and the overrides of the longer-name
rule, `not_in` and `is_in`: see `longer_names`). This module knows nothing of MkDocs:
it turns text into an `Entity`, or raises `EntryError` naming the file and line. Every field is
plain text; the checks here keep out what a reader could not see or a matcher could not handle.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from .dates import parse_date
from .errors import EntryError, excerpt
from .entry_schema import validate_front_matter
from .plain_text import describe, invisible_character, plain_field
from .safe_yaml import Lines, host_front_matter_problem, load_front_matter, read_text, split_front_matter
from .sources import ID, Source, parse_source_ids
from .types import ENTITY_TYPES, TYPES_BY_ID

__all__ = ["Entity", "EntryError", "TYPE_LABELS", "entity_id", "load_entries", "normalize_name",
           "parse_entry", "split_front_matter"]

#: The entity types an editor may use, with the label readers see (from the one table in `types`).
TYPE_LABELS: dict[str, str] = {entity_type.id: entity_type.label for entity_type in ENTITY_TYPES}

#: Longest name (title or alias) accepted; a name is a few words, and the matcher compiles each one.
MAX_NAME_LENGTH = 200

#: Longest summary and role accepted (the longest in the edition is about 230 characters).
_LENGTH_LIMITS = {"summary": 600, "role": 300}

_REQUIRED = ("title", "type", "summary")
_TEXT_FIELDS = ("title", "type", "summary", "role", "wikidata", "reviewed")
_KNOWN_KEYS = {*_REQUIRED, "aliases", "role", "wikidata", "case_insensitive", "reviewed", "sources", "not_in", "is_in"}
#: Phrase lists that override the longer-name rule for this entity's names (see `longer_names`).
_PHRASE_FIELDS = ("not_in", "is_in")
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class Entity:
    """One validated glossary entry. All text fields are plain text, never markup."""

    id: str
    src_path: str
    title: str
    type: str
    summary: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    wikidata: str | None = None
    case_insensitive: bool = False
    #: The day the entry was last checked against its sources: "YYYY-MM-DD".
    reviewed: str | None = None
    #: The sources behind the entry, from the bibliography, in the order its `sources` lists them.
    sources: tuple[Source, ...] = ()
    #: Phrases holding one of the names where it does not mean this entity ("bahasa Rusia").
    not_in: tuple[str, ...] = ()
    #: Phrases where a name means this entity though a capitalised word follows it ("Rusia Timur").
    is_in: tuple[str, ...] = ()
    #: Line of each name (title and aliases) in the file, for error messages.
    name_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    #: Line of each front-matter field, and of each listed source as "sources/<id>", for error messages.
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None

    def source(self, source_id: str) -> Source | None:
        return next((source for source in self.sources if source.id == source_id), None)


def entity_id(src_path: str) -> str:
    """The id of the entity in `src_path`: its file name without `.md`."""
    name = src_path.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-3] if name.endswith(".md") else name


def normalize_name(name: str) -> str:
    """A name as matched: NFC, every run of white space (no-break spaces too) as one space."""
    return unicodedata.normalize("NFC", " ".join(name.split()))


def load_entries(folder: Path, docs_dir: Path, bibliography: Mapping[str, Source] | None = None
                 ) -> tuple[list[Entity], list[EntryError]]:
    """Every entity file under `folder` (but its `index.md`, the register), with the errors found.

    A bad file is reported and left out, so one mistake does not hide the others. Paths, in
    entities and errors alike, are relative to `docs_dir` (posix), as Markdown links are.
    """
    entities: list[Entity] = []
    errors: list[EntryError] = []
    docs_root = docs_dir.resolve()
    register = folder.resolve() / "index.md"
    for path in sorted(folder.resolve().rglob("*.md")):
        src_path = path.relative_to(docs_root).as_posix()
        if path == register or any(part.startswith(".") for part in path.relative_to(docs_root).parts):
            continue  # Hidden files (an editor's backup, `.#name.md`) are not pages either.
        try:
            entities.append(parse_entry(read_text(path, src_path), src_path, bibliography))
        except EntryError as error:
            errors.append(error)
        except OSError as error:
            errors.append(EntryError(src_path, None, f"cannot read the file: {error.strerror}"))
    return entities, errors


def parse_entry(text: str, src_path: str, bibliography: Mapping[str, Source] | None = None) -> Entity:
    """Parse and validate an entity file; raise `EntryError` at the line of the first problem.

    `bibliography`: the edition's sources by id (`bibliography.Bibliography.sources`), which the
    entry's `sources` name; without it, an entry that lists sources names unknown ones.
    """
    src_path = src_path.replace("\\", "/")
    ident = entity_id(src_path)
    if not ID.fullmatch(ident):
        raise EntryError(src_path, None, f"file name {excerpt(ident + '.md')} is not a valid entity id: use "
                                         "lower-case letters, digits and '-' (no spaces), e.g. kim-jong-un.md")
    document, _body = load_front_matter(text, src_path)  # First: it refuses aliases and bounds the size.
    if document is None:
        problem = host_front_matter_problem(text)  # An opening fence never closed as MkDocs needs.
        raise EntryError(src_path, *(problem or (1, "no YAML front matter (the file must start with '---')")))
    if not isinstance(document.data, dict):
        raise EntryError(src_path, 1, "front matter must be a mapping of fields")
    entity = _validate(document.data, document.lines, ident, src_path, bibliography or {})
    problem = host_front_matter_problem(text)  # What MkDocs cannot load, it would publish as the page.
    if problem is not None:
        raise EntryError(src_path, *problem)
    return entity


def _validate(data: dict[str, Any], lines: Lines, ident: str, src_path: str,
              bibliography: Mapping[str, Source]) -> Entity:
    def fail(key: Any, message: str) -> EntryError:
        return EntryError(src_path, lines(key), message)

    for key in data:
        if key not in _KNOWN_KEYS:
            raise fail(key, f"unknown field {excerpt(key)} (known: {', '.join(sorted(_KNOWN_KEYS))})")
    for key in _REQUIRED:
        if data.get(key) in (None, ""):  # At the front matter's first line: there is no line to name.
            raise EntryError(src_path, 1, f"missing required field '{key}'")

    texts = {key: _text(data.get(key), key, lines(key), src_path) for key in _TEXT_FIELDS}
    for key, limit in _LENGTH_LIMITS.items():
        if texts[key] is not None and len(texts[key]) > limit:
            # Every card carries the summary and role: a long one is multiplied by every mention.
            raise fail(key, f"'{key}' of {len(texts[key])} characters (at most {limit}: a card is a sentence or two; "
                            "the entry's body has room for more)")

    kind = texts["type"]
    if kind not in TYPES_BY_ID:
        raise fail("type", f"unknown type {excerpt(kind)} (use one of: {', '.join(TYPES_BY_ID)})")

    wikidata = texts["wikidata"]
    if wikidata is not None and not _WIKIDATA_ID.fullmatch(wikidata):
        raise fail("wikidata", f"'wikidata' must be a Q-id like Q7747, not {excerpt(wikidata)}")

    case_insensitive = data.get("case_insensitive", False)
    if not isinstance(case_insensitive, bool):
        raise fail("case_insensitive", "'case_insensitive' must be true or false")

    reviewed = texts["reviewed"]
    if reviewed is not None:
        try:
            _year, _month, day = parse_date(reviewed, "YYYY-MM-DD")
        except ValueError as error:
            raise fail("reviewed", f"'reviewed': {error}") from None
        if not day:
            raise fail("reviewed", f"'reviewed' must be a day, YYYY-MM-DD, not '{reviewed}'")

    title = _name(data["title"], lines("title"), src_path)
    name_lines = {title: lines("title")}
    raw_aliases = data.get("aliases")
    if raw_aliases is not None and not isinstance(raw_aliases, list):
        raise fail("aliases", "'aliases' must be a list")
    aliases: list[str] = []
    for index, raw in enumerate(raw_aliases or []):
        alias = _name(raw, lines("aliases", index), src_path)
        if alias not in name_lines:  # A repeat, or the NFD twin of a name above: the same name.
            aliases.append(alias)
            name_lines[alias] = lines("aliases", index)

    phrases = {key: _phrases(data.get(key), key, lines, src_path, name_lines, case_insensitive)
               for key in _PHRASE_FIELDS}

    sources = parse_source_ids(data.get("sources"), lines.under("sources"), src_path, bibliography)
    field_lines = {key: lines(key) for key in data}
    field_lines.update({f"sources/{source.id}": lines("sources", index)
                        for index, source in enumerate(sources)})

    # The schema that describes an entry for editors' tools and the export (open_data) checks it too:
    # the checks above say more about the common mistakes; the schema has the last word on the shape.
    shape = validate_front_matter(data)
    if shape:
        path, message = shape[0]
        raise EntryError(src_path, lines(*path) if path else 1, f"front matter does not fit the entry schema: {message}")

    return Entity(
        id=ident,
        src_path=src_path,
        title=title,
        type=kind,
        summary=texts["summary"] or "",
        aliases=tuple(aliases),
        role=texts["role"],
        wikidata=wikidata,
        case_insensitive=case_insensitive,
        reviewed=reviewed,
        sources=sources,
        not_in=phrases["not_in"],
        is_in=phrases["is_in"],
        name_lines=name_lines,
        field_lines=field_lines,
    )


def _text(value: Any, key: str, line: int, src_path: str) -> str | None:
    """A plain-text field, its white space collapsed; None if absent."""
    if value is None:
        return None
    try:
        return plain_field(value, key)
    except ValueError as error:
        raise EntryError(src_path, line, str(error)) from None


def _phrases(raw: Any, key: str, lines: Lines, src_path: str, names: dict[str, int],
             case_insensitive: bool) -> tuple[str, ...]:
    """`not_in` or `is_in`: phrases, each holding one of the entity's names and more words."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise EntryError(src_path, lines(key), f"'{key}' must be a list of phrases")
    found: list[str] = []
    fold = str.casefold if case_insensitive else str
    for index, value in enumerate(raw):
        line = lines(key, index)
        phrase = _name(value, line, src_path)
        if phrase in names:
            raise EntryError(src_path, line, f"'{key}' phrase {excerpt(phrase, 60)} is one of the entity's names: "
                                             "a phrase gives the words around a name")
        words = fold(phrase).split(" ")
        if not any(_holds(words, fold(name).split(" ")) for name in names):
            raise EntryError(src_path, line, f"'{key}' phrase {excerpt(phrase, 60)} holds none of the entity's "
                                             f"names ({', '.join(names)}) as whole words")
        if phrase not in found:
            found.append(phrase)
    return tuple(found)


def _holds(words: list[str], name: list[str]) -> bool:
    """`name` (a list of words) occurs in `words`, whole words only."""
    return any(words[start:start + len(name)] == name for start in range(len(words) - len(name) + 1))


def _name(value: Any, line: int, src_path: str) -> str:
    """A title or alias as matched: text a reader can see, with at least one letter or digit."""
    if not isinstance(value, str) or not value.strip():
        raise EntryError(src_path, line, f"a name must be non-empty text, not {excerpt(value)}")
    if len(value) > MAX_NAME_LENGTH:
        raise EntryError(src_path, line, f"name of {len(value)} characters (at most {MAX_NAME_LENGTH}): "
                                         f"{excerpt(value, 60)}")
    bad = invisible_character(value)
    if bad is not None:
        raise EntryError(src_path, line, f"name {excerpt(value, 60)} holds an invisible character "
                                         f"({describe(bad)})")
    if "<" in value or ">" in value:
        # A name is printed as a page title, which some hosts (Zensical) print without escaping.
        raise EntryError(src_path, line, f"name {excerpt(value, 60)} holds '<' or '>'; a name is plain text")
    if not any(char.isalnum() for char in value):
        raise EntryError(src_path, line, f"name {excerpt(value, 60)} has no letter or digit")
    return normalize_name(value)
