"""A name inside a longer name: the rule that holds back a match, and the editors' overrides.

"Partai Komunis Tiongkok" is not the Russian "Partai Komunis", and "Rusia Bersatu" (a party) is not
the country: a known name that begins a longer proper name is not a mention of the shorter one.

The rule: a match *directly* followed (white space only in between) by a capitalised word is held
back, unless that word is where a known name starts ("Presiden Rusia Vladimir Putin") or is a day
or month name, which Indonesian capitalises ("Kremlin Senin lalu", "Rusia Maret lalu"). Anything else
in between ("Rusia. Kemudian", "Rusia, Korea Utara", "Rusia-lah") keeps the match. The rule reads the
text node the match is in: a word in the next element (`Rusia *Bersatu*`) is not seen.

Editors override it per entity, both ways, with phrases in the entity's front matter:
- `not_in`: phrases where a name of the entity does not mean it ("bahasa Rusia", "Partai Komunis
  Uni Soviet"); a match inside such a phrase is no mention, whatever follows it;
- `is_in`: phrases where it does, though a capitalised word follows ("Rusia Timur Jauh").

Held-back candidates are reported (INFO, and `scripts/edition.py check`) so an editor can decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Day and month names (with the usual short forms): capitalised in Indonesian, never part of a name.
CALENDAR = frozenset("""
    Senin Selasa Rabu Kamis Jumat Jum'at Jum’at Sabtu Minggu Ahad
    Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
    Jan Feb Mar Apr Jun Jul Agu Agt Agu Agst Sep Sept Okt Nov Des
""".split())
#: White space, then a word starting with a capital (a word: letters, digits, marks, one apostrophe).
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w\u0300-\u036f]*(?:['’][^\W\d_]+)?)")


@dataclass(frozen=True)
class HeldBack:
    """A match that is not a mention: `start`-`end` is the name, `word_end` the end of the word after it."""

    start: int
    end: int
    entity_id: str
    word_end: int


def next_capitalised_word(text: str, end: int) -> re.Match[str] | None:
    """The capitalised word right after `end` (white space only in between), or None."""
    word = _NEXT_WORD.match(text, end)
    if word is None or not _is_capital(word.group(1)[0]):
        return None
    return word


def is_calendar_word(word: str) -> bool:
    return word in CALENDAR or word[:1] + word[1:].lower() in CALENDAR


def _is_capital(char: str) -> bool:
    return unicodedata.category(char) in ("Lu", "Lt")


class Phrases:
    """The `not_in` and `is_in` phrases of every entity, compiled once per glossary."""

    def __init__(self, entities: Iterable) -> None:
        self._not_in: dict[str, re.Pattern[str]] = {}
        self._is_in: dict[str, re.Pattern[str]] = {}
        for entity in entities:
            flags = re.IGNORECASE if entity.case_insensitive else 0
            if entity.not_in:
                self._not_in[entity.id] = _compile(entity.not_in, flags)
            if entity.is_in:
                self._is_in[entity.id] = _compile(entity.is_in, flags)

    def __bool__(self) -> bool:
        return bool(self._not_in or self._is_in)

    def excluded(self, text: str, start: int, end: int, entity_id: str) -> bool:
        """The match `start`-`end` lies in one of its entity's `not_in` phrases."""
        return _covered(self._not_in.get(entity_id), text, start, end)

    def confirmed(self, text: str, start: int, end: int, entity_id: str) -> bool:
        """The match and the word after it (up to `end`) lie in one of its entity's `is_in` phrases."""
        return _covered(self._is_in.get(entity_id), text, start, end)


def _compile(phrases: Sequence[str], flags: int) -> re.Pattern[str]:
    """Phrases as one pattern: whole words, any white space between words; longest tried first.

    The first letter matches in either case: a phrase may open a sentence ("Bahasa Rusia …").
    """
    parts = [_first_letter(phrase[0]) + r"\s+".join(re.escape(word) for word in phrase[1:].split(" "))
             for phrase in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"(?<![\w\u0300-\u036f])(?:" + "|".join(parts) + r")(?![\w\u0300-\u036f])", flags)


def _first_letter(char: str) -> str:
    cases = {char, char.lower(), char.upper()}
    if char == " " or len(cases) == 1 or any(len(case) != 1 for case in cases):
        return re.escape(char) if char != " " else r"\s+"
    return "[" + "".join(re.escape(case) for case in sorted(cases)) + "]"


#: How far around a match a phrase is looked for: phrases are names (at most 200 characters) and a few words.
_REACH = 400


def _covered(pattern: re.Pattern[str] | None, text: str, start: int, end: int) -> bool:
    if pattern is None:
        return False
    low = max(0, start - _REACH)
    position = low
    while True:
        hit = pattern.search(text, position, min(len(text), end + _REACH))
        if hit is None or hit.start() > start:
            return False
        if hit.end() >= end:
            return True
        position = hit.start() + 1


def apply(matches: Sequence, text: str, phrases: Phrases) -> tuple[list, list[HeldBack]]:
    """Split `matches` (each with `start`, `end`, `entity_id`, left to right) into mentions and held-back ones."""
    kept: list = []
    held: list[HeldBack] = []
    starts = {match.start for match in matches}
    for match in matches:
        if phrases and phrases.excluded(text, match.start, match.end, match.entity_id):
            continue
        word = next_capitalised_word(text, match.end)
        if (word is None or word.start(1) in starts or is_calendar_word(word.group(1))
                or (phrases and phrases.confirmed(text, match.start, word.end(1), match.entity_id))):
            kept.append(match)
        else:
            held.append(HeldBack(match.start, match.end, match.entity_id, word.end(1)))
    return kept, held
