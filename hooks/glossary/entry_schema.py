"""The one schema of a glossary entry: `open_data/entities.schema.json` (JSON Schema 2020-12).

It describes the export `data/entities.json` and, under `$defs/frontMatter`, an entry file's front
matter. `validate_front_matter` checks front matter with that same schema, so the build, the export
and editors' YAML tools read one description of an entry. This module imports nothing from the
engine, so `entries` can import it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["ENTRY_SCHEMA_FILE", "SCHEMA_FILE", "load_schema", "validate_front_matter"]

SCHEMA_FILE = Path(__file__).parent / "open_data" / "entities.schema.json"
#: A pointer to `$defs/frontMatter` for editors' YAML tools (published as data/entry.schema.json).
ENTRY_SCHEMA_FILE = Path(__file__).parent / "open_data" / "entry.schema.json"
_SCHEMA_URI = "urn:glossary:entities.schema.json"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return SCHEMA_FILE.read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The schema as shipped (no `$id`: the published copy gets its address)."""
    return json.loads(_schema_text())


@lru_cache(maxsize=1)  # Built once per process; a validator holds no state of what it checked.
def _front_matter_validator():
    from jsonschema import Draft202012Validator

    schema = load_schema()
    # The schema's own `$defs` written out in place: resolving `$ref`s through a registry cost
    # a millisecond per entry, most of what checking 1,000 entries took.
    return Draft202012Validator(_inlined(schema["$defs"]["frontMatter"], schema["$defs"]))


def _inlined(node: Any, definitions: dict[str, Any]) -> Any:
    """`node` with every local `{"$ref": "#/$defs/name"}` replaced by the definition (none is recursive)."""
    if isinstance(node, dict):
        reference = node.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/$defs/"):
            rest = {key: value for key, value in node.items() if key != "$ref"}
            target = _inlined(definitions[reference[len("#/$defs/"):]], definitions)
            return {**target, **_inlined(rest, definitions)} if rest else target
        return {key: _inlined(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inlined(item, definitions) for item in node]
    return node


def validate_front_matter(data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """What is wrong with an entry's front matter, by the schema: `(path, message)` pairs, in file order.

    The path leads to the field (`("sources", 0, "url")`); an unknown field's path ends with its
    name, so that its line can be found. An empty list means the shape is right. Messages are
    jsonschema's (English), e.g. "'Q12x' does not match '^Q[1-9][0-9]*$'".
    """
    validator = _front_matter_validator()
    if validator.is_valid(data):  # The usual case, and cheaper than collecting no errors.
        return []
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for error in validator.iter_errors(data):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            for key in error.instance:
                if key not in allowed:
                    problems.append(((*path, key), f"unknown field {key!r} (known: {', '.join(sorted(allowed))})"))
            continue
        if error.validator in ("allOf", "oneOf", "anyOf") and error.context:
            error = min(error.context, key=lambda sub: len(sub.absolute_path))
        problems.append((path, error.message))
    return sorted(problems, key=lambda problem: _order(data, problem[0]))


def _order(data: Any, path: tuple[str | int, ...]) -> tuple[int, ...]:
    """Where a path is in the document: the keys' positions, so problems come in file order."""
    positions: list[int] = []
    node = data
    for step in path:
        if isinstance(node, dict):
            keys = list(node)
            positions.append(keys.index(step) if step in keys else len(keys))
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int):
            positions.append(step)
            node = node[step] if step < len(node) else None
        else:
            positions.append(0)
    return tuple(positions)
