"""Entity files: parse and validate one glossary entry.

An entry is a Markdown file with YAML front matter (`title`, `type`, `summary`,
optional `aliases`, `role`, `wikidata`, `case_insensitive`). This module knows
nothing of MkDocs: it turns text into an `Entity`, or raises `EntryError`
naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

#: The entity types an editor may use, with the label readers see.
TYPE_LABELS: dict[str, str] = {
    "person": "Tokoh",
    "institution": "Lembaga",
    "place": "Tempat",
}

_REQUIRED = ("title", "type", "summary")
_KNOWN_KEYS = {*_REQUIRED, "aliases", "role", "wikidata", "case_insensitive"}
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class EntryError(ValueError):
    """Bad input in a glossary file; `str()` reads `path:line: message`."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


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
    #: Line of each name (title and aliases) in the file, for error messages.
    name_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def wikidata_url(self) -> str | None:
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else None


def entity_id(src_path: str) -> str:
    """The id of the entity in `src_path`: its file name without `.md`."""
    name = src_path.replace("\\", "/").rsplit("/", 1)[-1]
    return name[:-3] if name.endswith(".md") else name


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (front matter YAML or None, body)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end():]


def parse_entry(text: str, src_path: str) -> tuple[Entity, str]:
    """Parse an entity file; return the entity and its Markdown body."""
    front, body = split_front_matter(text)
    if front is None:
        raise EntryError(src_path, 1, "no YAML front matter (the file must start with '---')")
    try:
        node, data = _load_front_matter(front)
    except yaml.YAMLError as error:
        # The context mark is where the broken construct starts (e.g. an unclosed '['); the
        # problem mark is where the parser gave up, often the end of the front matter.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for the '---' line, +1 for 1-based lines
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise EntryError(src_path, line, f"YAML error in front matter: {problem}") from None
    if not isinstance(data, dict):
        raise EntryError(src_path, 1, "front matter must be a mapping of fields")
    lines = _key_lines(node)
    return _validate(data, lines, src_path), body


def _load_front_matter(front: str) -> tuple[Any, Any]:
    """(YAML node tree, data) of the front matter, parsed once.

    libyaml's parser when PyYAML has it (several times faster, which counts at 1,000 entries);
    on any error the pure-Python parser runs again, so error messages are always the same.
    """
    if getattr(yaml, "__with_libyaml__", False):
        try:
            return _compose_and_construct(yaml.CSafeLoader(front))
        except yaml.YAMLError:
            pass
    return _compose_and_construct(yaml.SafeLoader(front))


def _compose_and_construct(loader: Any) -> tuple[Any, Any]:
    """What `yaml.compose` then `yaml.load` return, from one parse."""
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _key_lines(node: Any) -> dict[str, int]:
    """File line of each top-level key and of each alias."""
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        lines[str(key.value)] = key.start_mark.line + 2
        if key.value == "aliases" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                lines[f"alias:{item.value}"] = item.start_mark.line + 2
    return lines


def _validate(data: dict[str, Any], lines: dict[str, int], src_path: str) -> Entity:
    def fail(key: str, message: str) -> EntryError:
        return EntryError(src_path, lines.get(key, 1), message)

    for key in _REQUIRED:
        if data.get(key) in (None, ""):
            raise fail(key, f"missing required field '{key}'")
    for key in data:
        if key not in _KNOWN_KEYS:
            raise fail(str(key), f"unknown field '{key}' (known: {', '.join(sorted(_KNOWN_KEYS))})")

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise fail(key, f"'{key}' must be text")
        cleaned = " ".join(str(value).split())
        if not cleaned:
            raise fail(key, f"'{key}' is empty")
        return cleaned

    kind = text("type")
    if kind not in TYPE_LABELS:
        raise fail("type", f"unknown type '{kind}' (use one of: {', '.join(TYPE_LABELS)})")

    raw_aliases = data.get("aliases") or []
    if not isinstance(raw_aliases, list):
        raise fail("aliases", "'aliases' must be a list")
    aliases: list[str] = []
    for alias in raw_aliases:
        if not isinstance(alias, (str, int)) or isinstance(alias, bool) or not str(alias).split():
            raise fail("aliases", f"alias {alias!r} must be non-empty text")
        aliases.append(" ".join(str(alias).split()))

    wikidata = text("wikidata")
    if wikidata is not None and not _WIKIDATA_ID.fullmatch(wikidata):
        raise fail("wikidata", f"'wikidata' must be a Q-id like Q7747, not {wikidata!r}")

    case_insensitive = data.get("case_insensitive", False)
    if not isinstance(case_insensitive, bool):
        raise fail("case_insensitive", "'case_insensitive' must be true or false")

    title = text("title") or ""
    name_lines = {title: lines.get("title", 1)}
    for alias in aliases:
        name_lines.setdefault(alias, lines.get(f"alias:{alias}", lines.get("aliases", 1)))

    return Entity(
        id=entity_id(src_path),
        src_path=src_path.replace("\\", "/"),
        title=title,
        type=kind,
        summary=text("summary") or "",
        aliases=tuple(aliases),
        role=text("role"),
        wikidata=wikidata,
        case_insensitive=case_insensitive,
        name_lines=name_lines,
    )
