"""One matcher for all entity names, built once per build.

The names are compiled into a single regular expression shaped like a trie
(names that share a prefix share its branch), so scanning a page costs about
the same with 10 names or 10,000: at each position the engine follows one
branch instead of trying every name. `re` rejects most positions with a
first-character set, before entering the pattern at all.

Rules:
- longest match wins ("Kementerian Luar Negeri Rusia" over "Rusia");
- whole words only, Unicode-aware (`RIA` never matches inside `BULGARIA`, nor
  `Jose` inside a decomposed `José`);
- case-sensitive, unless an entity opts in to case-insensitive matching (then
  both sides are compared case-folded);
- any run of white space (line break, no-break space) between words matches;
- a name matches whether the text has it composed (NFC) or decomposed (NFD);
  the text itself is never changed.

`finditer` gives every name found; `scan` then applies the longer-name rule (`longer_names`): a
name that begins a longer proper name ("Rusia Bersatu") is held back, not a mention.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .entries import Entity, EntryError, normalize_name
from .longer_names import HeldBack, Phrases, apply

_SPACE = " "  # Trie key for "one or more white-space characters".
_END = ""  # Trie key marking that a name ends here.
# Combining marks: a word goes on through them (`re`'s \w does not include them).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD_END = f"(?![\\w{_MARKS}])"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity_id: str


class Matcher:
    """Finds entity names in text. Build it once with `Matcher.build`."""

    def __init__(self, exact: dict[str, str], folded: dict[str, str], folded_names: Iterable[str],
                 phrases: Phrases | None = None) -> None:
        self._exact = exact  # normalized name -> entity id
        self._folded = folded  # case-folded name -> entity id (case-insensitive entities)
        self._folded_names = {name: folded[name.casefold()] for name in folded_names}
        self._exact_re = _compile(exact, ignore_case=False)
        self._folded_re = _compile(self._folded_names, ignore_case=True)
        self._unusual: dict[str, str | None] = {}  # Matched text -> entity, for what case-folding misses.
        #: The editors' overrides of the longer-name rule (`not_in`, `is_in`).
        self.phrases = phrases if phrases is not None else Phrases(())

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> Matcher:
        """Compile the names of `entities`; raise `EntryError` for a name two entities claim."""
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        folded_names: list[str] = []
        entities = list(entities)
        owners: dict[str, tuple[Entity, str]] = {}  # case-folded name -> first entity to claim it, as written
        for entity in entities:
            for name in entity.names:
                key = normalize_name(name)
                if not key:
                    continue
                fold = key.casefold()
                other, other_name = owners.get(fold, (None, ""))
                if other is not None and other.id != entity.id:
                    clash = other.case_insensitive or entity.case_insensitive or key in exact
                    if clash:
                        raise EntryError(
                            entity.src_path,
                            entity.name_lines.get(name),
                            f"name '{key}' is already claimed by '{other.id}' "
                            f"({other.src_path}:{other.name_lines.get(other_name, 1)})",
                        )
                owners.setdefault(fold, (entity, name))
                if entity.case_insensitive:
                    folded[fold] = entity.id
                    folded_names.append(key)
                else:
                    exact[key] = entity.id
        return cls(exact, folded, folded_names, Phrases(entities))

    def scan(self, text: str) -> tuple[list[Match], list[HeldBack]]:
        """(mentions, held-back matches) in `text`: `finditer` with the longer-name rule applied."""
        matches = list(self.finditer(text))
        if not matches:
            return matches, []
        return apply(matches, text, self.phrases)

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
            entity = self._entity_for(best.group())
            if entity is not None:
                yield Match(start, best.end(), entity)
            pos = best.end()

    def _finditer_one(self, pattern: re.Pattern[str], text: str) -> Iterator[Match]:
        hit = pattern.search(text)
        while hit is not None:
            start = hit.start()
            if start > 0 and _is_word_char(text[start - 1]):
                hit = pattern.search(text, start + 1)  # Not the start of a word.
                continue
            entity = self._entity_for(hit.group())
            if entity is not None:
                yield Match(start, hit.end(), entity)
            hit = pattern.search(text, hit.end())

    def _entity_for(self, matched: str) -> str | None:
        key = normalize_name(matched)
        entity = self._exact.get(key)
        if entity is None:
            entity = self._folded.get(key.casefold())
        if entity is None:
            entity = self._unusual_case(matched)
        return entity

    def _unusual_case(self, matched: str) -> str | None:
        """The entity whose name `re` matched ignoring case where case-folding disagrees (e.g. 'İ' and 'i').

        Rare, so the names are tried one by one, and the answer is remembered.
        """
        if matched not in self._unusual:
            key = normalize_name(matched)
            self._unusual[matched] = next(
                (entity for name, entity in self._folded_names.items()
                 if re.fullmatch(re.escape(name), key, re.IGNORECASE)), None)
        return self._unusual[matched]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char)[0] == "M"


def _compile(names: Iterable[str], *, ignore_case: bool) -> re.Pattern[str] | None:
    """Compile `names` (NFC) into one trie-shaped pattern ending at a word end.

    Each accented character accepts its composed and its decomposed form, so a name matches text
    in NFC, in NFD, or mixed. The left word boundary is checked in Python (`Matcher.finditer`): a
    leading look-behind would stop `re` from skipping ahead by first character.
    """
    trie: dict = {}
    for name in names:
        node = trie
        for token in _tokens(name):
            if ignore_case:  # One branch for 'A' and 'a': `re` would take the first, not the longest.
                token = _fold(token)
            node = node.setdefault(token, {})
        node[_END] = {}
    if not trie:
        return None
    body, _depth = _trie_pattern(trie)
    flags = re.IGNORECASE if ignore_case else 0
    # `re` parses nested groups recursively, about three Python frames per level. The nesting is
    # at most about two levels per word of the longest name, and entries caps a name at 200
    # characters: at most a few hundred frames, within Python's default limit, which the engine
    # leaves alone (it belongs to the whole process).
    return re.compile(f"(?:{body}){_WORD_END}", flags)


def _fold(char: str) -> str:
    """One character standing for all its cases, where case-folding keeps it one character."""
    folded = char.casefold()
    return folded if len(folded) == 1 else char


def _tokens(name: str) -> Iterator[str]:
    for index, word in enumerate(name.split(" ")):
        if index:
            yield _SPACE
        yield from word


def _head(token: str) -> str:
    """The regex for one trie key: white space, or a character in its composed or decomposed form."""
    if token == _SPACE:
        return r"\s+"
    decomposed = unicodedata.normalize("NFD", token)
    if decomposed == token:
        return re.escape(token)
    return f"(?:{re.escape(token)}|{re.escape(decomposed)})"


def _trie_pattern(root: dict) -> tuple[str, int]:
    """(regex for the branches below `root`, its depth of nested groups); longer names are tried first.

    Built bottom-up with an explicit stack: a recursive walk overflowed on long names.
    """
    done: dict[int, tuple[str, int]] = {}  # id(node) -> (pattern, nesting depth)
    stack: list[tuple[dict, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for token, child in node.items() if token != _END)
            continue
        branches, depth = [], 0
        for token, child in sorted(node.items()):
            if token == _END:
                continue
            pattern, child_depth = done.pop(id(child))
            branches.append(_head(token) + pattern)
            depth = max(depth, child_depth)
        if not branches:
            done[id(node)] = ("", 0)
            continue
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        depth += len(branches) > 1
        if _END in node:  # A name may stop here: the rest is optional, tried greedily first.
            if len(branches) == 1 and len(body) > 1:
                body, depth = f"(?:{body})?", depth + 1
            else:
                body = f"{body}?"
        done[id(node)] = (body, depth)
    return done[id(root)]
