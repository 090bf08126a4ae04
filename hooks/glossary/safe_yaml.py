"""The one YAML loader for front matter and data files: plain data, bounded, with lines.

Editors' YAML is data, never a program, so this loader accepts less than YAML does:

- no anchors or aliases (`&a`, `*a`): a 363-byte alias bomb once ran a build out of memory;
- no duplicate keys (YAML says the last one silently wins);
- no YAML 1.1 guessing: `010`, `0x1F`, `1_000`, `yes` and `2024-02-01` stay text. Only
  `true`/`false` are booleans and `null`, `~` or nothing is null (YAML 1.2's core words);
- no tags, except `!!str`;
- at most `MAX_SIZE` characters per document and `MAX_DEPTH` levels of nesting.

It returns the data with the file line of every key and list item, so that each later check can
say `path:line: message`. libyaml's parser does the reading when PyYAML has it (a benchmark
loads 1,000 entries); this module builds the data from its events in one loop, with no recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import EXCERPT_LIMIT, EntryError, excerpt

try:
    from yaml._yaml import CParser as _Parser  # libyaml: several times faster than pure Python.
    from yaml import CSafeLoader as _HostLoader  # What MkDocs loads front matter with.
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Parser
    from yaml import SafeLoader as _HostLoader

MAX_SIZE = 256 * 1024
MAX_DEPTH = 32

_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_STR_TAG = "tag:yaml.org,2002:str"
#: Front matter exactly as MkDocs finds it (`mkdocs.utils.meta.YAML_RE`): a closing fence with no line
#: break after it is no front matter to MkDocs, which then publishes the whole file as the page.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*\r?\n", re.DOTALL)
_OPENING_FENCE = re.compile(r"\A---[ \t]*\r?\n")

#: Where a value sits in a document: keys and list indexes from the root, e.g. ("sources", 0, "url").
Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Lines:
    """File lines of the keys and list items of a document (or of one part of it)."""

    table: dict[Path_, int]
    prefix: Path_ = ()

    def __call__(self, *path: Any) -> int:
        """The line of `path` (a key or an index), or of the nearest enclosing key or item."""
        full = self.prefix + path
        while full not in self.table and full:
            full = full[:-1]
        return self.table.get(full, 1)

    def under(self, *path: Any) -> Lines:
        """The lines of the value at `path`, addressed from there."""
        return Lines(self.table, self.prefix + path)


@dataclass(frozen=True)
class Document:
    data: Any
    lines: Lines


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a file's bytes (a leading byte-order mark is dropped), or an error at the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start:error.start + 1].hex()
        raise EntryError(path, line, f"the file is not UTF-8 text (byte 0x{bad}); save it as UTF-8") from None


def read_text(file: Path, path: str | None = None) -> str:
    """Read a UTF-8 text file; errors name `path` (default: `file` itself)."""
    return decode(file.read_bytes(), path if path is not None else str(file))


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter YAML, or None if the text has none; the body after it)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end():]


def host_front_matter_problem(text: str) -> tuple[int, str] | None:
    """(line, message) when a page opens front matter that MkDocs cannot load, or None.

    MkDocs loads front matter with PyYAML's full safe loader and, when that fails, silently
    publishes the whole file, front matter included, as the page (`mkdocs.utils.meta.get_data`).
    What it cannot load must be an error: an impossible date (`2024-02-30`), `=`, a closing `---`
    with no line break after it.
    """
    if not _OPENING_FENCE.match(text):
        return None
    match = _FRONT_MATTER.match(text)
    if not match:
        return 1, "front matter is not closed: end it with a line '---' followed by a line break"
    front = match.group(1) or ""
    if len(front) > MAX_SIZE:
        return 2, f"YAML longer than {MAX_SIZE // 1024} KiB; data files must be small"
    try:
        data = yaml.load(front, Loader=_HostLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark or error.problem_mark
        return (mark.line + 2 if mark else 2), f"MkDocs cannot load this front matter: {_problem(error)}"
    except Exception as error:  # noqa: BLE001 - a constructor's ValueError (an impossible date)
        return _unconstructable_line(front), f"MkDocs cannot load this front matter: {excerpt(str(error), 120)}"
    if not isinstance(data, dict):
        return 2, "front matter must be a mapping of fields (MkDocs would publish it as text)"
    return None


def _unconstructable_line(front: str) -> int:
    """The file line of the first value PyYAML's safe loader cannot build (2: the front matter's first)."""
    loader = yaml.SafeLoader(front)
    try:
        nodes = [loader.get_single_node()]
        while nodes:
            node = nodes.pop(0)
            if isinstance(node, yaml.ScalarNode):
                try:
                    loader.construct_object(node, deep=True)
                except Exception:  # noqa: BLE001
                    return node.start_mark.line + 2
            elif isinstance(node, yaml.SequenceNode):
                nodes.extend(node.value)
            elif isinstance(node, yaml.MappingNode):
                nodes.extend(item for pair in node.value for item in pair)
    except Exception:  # noqa: BLE001 - then the front matter's first line is the best we can say
        pass
    finally:
        loader.dispose()
    return 2


def _problem(error: yaml.MarkedYAMLError) -> str:
    return excerpt(error.problem or str(error).splitlines()[0], EXCERPT_LIMIT)


def load_front_matter(text: str, path: str) -> tuple[Document | None, str]:
    """(front matter, or None if there is none; the body). Lines count from the file's first `---`."""
    front, body = split_front_matter(text)
    if front is None:
        return None, body
    return load(front, path, first_line=2), body


def load(text: str, path: str, first_line: int = 1) -> Document:
    """Load one YAML document of plain data; raise `EntryError` at the line of the first problem.

    `first_line` is the file line where `text` starts (2 for front matter, after its `---`).
    """
    if len(text) > MAX_SIZE or len(text.encode("utf-8", "surrogatepass")) > MAX_SIZE:
        raise EntryError(path, first_line, f"YAML longer than {MAX_SIZE // 1024} KiB; data files must be small")
    table: dict[Path_, int] = {}
    parser = _Parser(text)
    try:
        return Document(_build(parser, path, first_line, table), Lines(table))
    except yaml.YAMLError as error:
        raise _located(error, text, path, first_line) from None
    finally:
        parser.dispose()


def _build(parser: Any, path: str, first_line: int, table: dict[Path_, int]) -> Any:
    """The data of the single document in `parser`'s events, built with an explicit stack."""
    # Each open collection on the stack: [container, its path, pending key (mappings) or None].
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is yaml.StreamEndEvent:
            return root
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise EntryError(path, event.start_mark.line + first_line, "only one YAML document is allowed")
            continue
        if kind in (yaml.StreamStartEvent, yaml.DocumentEndEvent):
            continue
        line = event.start_mark.line + first_line
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            done = stack.pop()
            value = done[0]
            if not stack:
                root = value
            continue
        if kind is yaml.AliasEvent:
            raise EntryError(path, line, f"YAML aliases ('*{event.anchor}') are not allowed; write the value out")
        if event.anchor is not None:
            raise EntryError(path, line, f"YAML anchors ('&{event.anchor}') are not allowed; write the value out")

        parent = stack[-1] if stack else None
        is_key = parent is not None and type(parent[0]) is dict and parent[2] is None
        if kind is yaml.ScalarEvent:
            if event.tag is not None and event.tag != _STR_TAG and event.tag != "!":
                raise EntryError(path, line, f"YAML tags such as {_tag(event.tag)} are not allowed")
            text = event.value
            if is_key or not event.implicit[0]:  # Keys, quoted scalars and `!!str` are text.
                value = text
            elif text in _NULL:
                value = None
            elif text in _TRUE:
                value = True
            elif text in _FALSE:
                value = False
            else:
                value = text
        else:  # The start of a mapping or a sequence.
            if event.tag is not None:
                raise EntryError(path, line, f"YAML tags such as {_tag(event.tag)} are not allowed")
            if is_key:
                raise EntryError(path, line, "a key must be plain text, not a list or a mapping")
            if len(stack) >= MAX_DEPTH:
                raise EntryError(path, line, f"data nested deeper than {MAX_DEPTH} levels")
            value = {} if kind is yaml.MappingStartEvent else []

        if parent is None:
            item_path: Path_ = ()
            root = value
        elif is_key:
            if value in parent[0]:
                raise EntryError(path, line, f"duplicate key {excerpt(value)} (first at line "
                                             f"{table[(*parent[1], value)]})")
            parent[2] = value
            table[(*parent[1], value)] = line
            continue
        elif type(parent[0]) is dict:
            key = parent[2]
            parent[0][key] = value
            parent[2] = None
            item_path = (*parent[1], key)
        else:
            item_path = (*parent[1], len(parent[0]))
            parent[0].append(value)
            table[item_path] = line
        if parent is None:
            table[item_path] = line
        if kind is not yaml.ScalarEvent:
            stack.append([value, item_path, None])


def _tag(tag: str) -> str:
    """A tag as the editor wrote it: '!!int', not 'tag:yaml.org,2002:int'."""
    return excerpt(tag.replace("tag:yaml.org,2002:", "!!", 1))


def _located(error: yaml.YAMLError, text: str, path: str, first_line: int) -> EntryError:
    """A YAML syntax error as `EntryError`, at the line where the broken construct starts."""
    if isinstance(error, yaml.reader.ReaderError) or hasattr(error, "position"):
        position = getattr(error, "position", 0)
        character = getattr(error, "character", None)
        what = f"U+{character:04X}" if isinstance(character, int) else excerpt(character)
        return EntryError(path, text.count("\n", 0, position) + first_line,
                          f"control character {what} is not allowed")
    # The context mark is where the broken construct starts (e.g. an unclosed '['); the
    # problem mark is where the parser gave up, often the end of the document.
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark else first_line
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return EntryError(path, line, f"YAML error: {problem[:EXCERPT_LIMIT]}")
