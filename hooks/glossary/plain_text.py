"""Checks that editors' plain-text fields hold only characters a reader can see.

Control characters (NUL, ESC, ...) were copied into the HTML; zero-width characters inside a name
make two names look the same while matching differently.
"""

from __future__ import annotations

import unicodedata

_ALLOWED_CONTROLS = "\t\n\r"  # White space, which every field collapses to one space.


def control_character(text: str) -> str | None:
    """The first control character in `text` (other than tab and line breaks), or None."""
    if text.isprintable():  # Fast path: no control or format characters at all.
        return None
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS:
            return char
    return None


def invisible_character(text: str) -> str | None:
    """The first control or format character (zero-width space, joiner, soft hyphen, bidi mark), or None."""
    if text.isprintable():
        return None
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cf") and char not in _ALLOWED_CONTROLS:
            return char
    return None


def describe(char: str) -> str:
    """"U+200B ZERO WIDTH SPACE"."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"
