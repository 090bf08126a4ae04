"""The one check of editors' plain-text fields: only characters a reader can see, and XML can carry.

Control characters (NUL, ESC, ...) were copied into the HTML; U+FFFE made the Atom feed ill-formed;
bidi controls can make a summary read differently from what it holds; zero-width characters inside
a name make two names look the same while matching differently. Every field of every data file goes
through `plain_field`; names also through `invisible_character`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from .errors import excerpt

_ALLOWED_CONTROLS = "\t\n\r"  # White space, which every field collapses to one space.
#: Bidi embedding, override and isolate controls, and the marks: they reorder what a reader sees.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _refused(char: str) -> bool:
    """Not allowed in any field: controls, surrogates, non-characters (XML 1.0 forbids most), bidi controls."""
    code = ord(char)
    if char in _BIDI_CONTROLS:
        return True
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:  # Unicode's non-characters.
        return True
    category = unicodedata.category(char)
    return (category == "Cc" and char not in _ALLOWED_CONTROLS) or category == "Cs"


def control_character(text: str) -> str | None:
    """The first character no field may hold (see `_refused`), or None."""
    if text.isprintable():  # Fast path: no control, format, surrogate or unassigned character.
        return None
    return next((char for char in text if _refused(char)), None)


def invisible_character(text: str) -> str | None:
    """The first refused or format character (zero-width space, joiner, soft hyphen, bidi mark), or None."""
    if text.isprintable():
        return None
    return next((char for char in text if _refused(char) or unicodedata.category(char) == "Cf"), None)


def describe(char: str) -> str:
    """"U+200B ZERO WIDTH SPACE": never the character itself, which may be an escape sequence."""
    code = ord(char)
    fallback = "non-character" if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE else "control character"
    return f"U+{code:04X} {unicodedata.name(char, fallback)}"


def plain_field(value: Any, key: str) -> str:
    """A plain-text field with its white space collapsed; `ValueError` saying what is wrong with it."""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be text, not {excerpt(value, 60)}")
    bad = control_character(value)
    if bad is not None:
        what = "a control character" if unicodedata.category(bad) == "Cc" else "a character that is not allowed"
        raise ValueError(f"'{key}' holds {what} ({describe(bad)})")
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ValueError(f"'{key}' is empty")
    return cleaned


def mixed_scripts(name: str) -> tuple[str, str] | None:
    """Two scripts mixed within one word of `name` ("Vladimir Рutin": Latin and Cyrillic), or None.

    A word in two scripts is almost always a look-alike letter typed by mistake (or on purpose).
    """
    for word in name.split():
        scripts: set[str] = set()
        for char in word:
            if char.isalpha():
                scripts.add(unicodedata.name(char, "UNKNOWN").split(" ", 1)[0])
            if len(scripts) > 1:
                first, second = sorted(scripts)[:2]
                return first.title(), second.title()
    return None
