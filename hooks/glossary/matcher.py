"""One matcher for all entity names, built once per build.

The names are compiled into a single regular expression shaped like a trie
(names that share a prefix share its branch), so scanning a page costs about
the same with 10 names or 10,000: at each position the engine follows one
branch instead of trying every name. `re` rejects most positions with a
first-character set, before entering the pattern at all.

Rules:
- longest match wins ("Kementerian Luar Negeri Rusia" over "Rusia");
- whole words only, Unicode-aware (`RIA` never matches inside `BULGARIA`);
- case-sensitive, unless an entity opts in to case-insensitive matching;
- any run of white space (line break, no-break space) between words matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .entries import Entity, EntryError

_SPACE = " "  # Trie key for "one or more white-space characters".
_END = ""  # Trie key marking that a name ends here.


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity_id: str


def normalize_name(name: str) -> str:
    """Collapse every run of white space (including no-break spaces) to one space."""
    return " ".join(name.split())


class Matcher:
    """Finds entity names in text. Build it once with `Matcher.build`."""

    def __init__(self, exact: dict[str, str], folded: dict[str, str]) -> None:
        self._exact = exact  # normalized name -> entity id
        self._folded = folded  # lower-cased name -> entity id (case-insensitive entities)
        self._exact_re = _compile(exact, ignore_case=False)
        self._folded_re = _compile(folded, ignore_case=True)

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> Matcher:
        """Compile the names of `entities`; raise `EntryError` for a name two entities claim."""
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        owners: dict[str, Entity] = {}  # lower-cased name -> first entity to claim it
        for entity in entities:
            for name in entity.names:
                key = normalize_name(name)
                other = owners.get(key.lower())
                if other is not None and other.id != entity.id:
                    clash = (
                        other.case_insensitive or entity.case_insensitive or key in exact
                    )
                    if clash:
                        raise EntryError(
                            entity.src_path,
                            entity.name_lines.get(name),
                            f"name '{key}' is already claimed by '{other.id}' "
                            f"({other.src_path}:{other.name_lines.get(key, 1)})",
                        )
                owners.setdefault(key.lower(), entity)
                if entity.case_insensitive:
                    folded[key.lower()] = entity.id
                else:
                    exact[key] = entity.id
        return cls(exact, folded)

    def __bool__(self) -> bool:
        return bool(self._exact or self._folded)

    def finditer(self, text: str) -> Iterator[Match]:
        """Yield non-overlapping matches, left to right, each the longest name at its start."""
        patterns = [p for p in (self._exact_re, self._folded_re) if p is not None]
        if len(patterns) == 1:  # The usual case; the same steps as below, without the bookkeeping.
            yield from self._finditer_one(patterns[0], text)
            return
        hits: list[re.Match[str] | None] = [p.search(text) for p in patterns]
        pos = 0
        while True:
            for index, hit in enumerate(hits):  # Re-search only where a hit fell behind.
                if hit is not None and hit.start() < pos:
                    hits[index] = patterns[index].search(text, pos)
            live = [hit for hit in hits if hit is not None]
            if not live:
                return
            start = min(hit.start() for hit in live)
            if start > 0 and _is_word_char(text[start - 1]):
                pos = start + 1  # Not the start of a word: look again one character on.
                continue
            best = max((hit for hit in live if hit.start() == start), key=lambda hit: hit.end())
            yield Match(start, best.end(), self._entity_for(best.group()))
            pos = best.end()

    def _finditer_one(self, pattern: re.Pattern[str], text: str) -> Iterator[Match]:
        hit = pattern.search(text)
        while hit is not None:
            start = hit.start()
            if start > 0 and _is_word_char(text[start - 1]):
                hit = pattern.search(text, start + 1)  # Not the start of a word.
                continue
            yield Match(start, hit.end(), self._entity_for(hit.group()))
            hit = pattern.search(text, hit.end())

    def _entity_for(self, matched: str) -> str:
        key = normalize_name(matched)
        entity = self._exact.get(key)
        return entity if entity is not None else self._folded[key.lower()]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _compile(names: dict[str, str], *, ignore_case: bool) -> re.Pattern[str] | None:
    """Compile `names` into one trie-shaped pattern that ends at a word boundary.

    The left word boundary is checked in Python (`Matcher._next`): a leading
    look-behind would stop `re` from skipping ahead by first character.
    """
    if not names:
        return None
    trie: dict = {}
    for name in names:
        node = trie
        for token in _tokens(name):
            node = node.setdefault(token, {})
        node[_END] = {}
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(f"(?:{_trie_pattern(trie)})(?!\\w)", flags)


def _tokens(name: str) -> Iterator[str]:
    for index, word in enumerate(name.split(" ")):
        if index:
            yield _SPACE
        yield from word


def _trie_pattern(node: dict) -> str:
    """Regex for the branches below `node`; longer names are tried first."""
    branches = []
    for token, child in sorted(node.items()):
        if token == _END:
            continue
        head = r"\s+" if token == _SPACE else re.escape(token)
        branches.append(head + _trie_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # A name may stop here: the rest is optional, tried greedily first.
        return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?"
    return body
