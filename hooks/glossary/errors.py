"""The one error type of the engine's input checks: bad input, located in a file."""

from __future__ import annotations

#: Longest excerpt of an editor's value that an error message quotes.
EXCERPT_LIMIT = 200
#: Longest message an error carries, whatever it quotes (a message once ran to 3.8 MB).
_MESSAGE_LIMIT = 1000


def excerpt(value: object, limit: int = EXCERPT_LIMIT) -> str:
    """`repr(value)`, cut to `limit` characters so an error message stays readable."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class EntryError(ValueError):
    """Bad input in a glossary or data file; `str()` reads `path:line: message`."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        if len(message) > _MESSAGE_LIMIT:
            message = message[: _MESSAGE_LIMIT - 1] + "…"
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
