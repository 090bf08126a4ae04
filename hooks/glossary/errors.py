"""Problems with the edition's input: one type, located in a file under the docs folder.

`Problem` is what every check reports (path, line, message, severity); `EntryError` is the
exception a parser raises to stop at the first problem in a file, and carries one.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Longest excerpt of an editor's value that an error message quotes.
EXCERPT_LIMIT = 200
#: Longest message a problem carries, whatever it quotes (a message once ran to 3.8 MB).
_MESSAGE_LIMIT = 1000

ERROR, WARNING, INFO = "error", "warning", "info"


def excerpt(value: object, limit: int = EXCERPT_LIMIT) -> str:
    """`repr(value)`, cut to `limit` characters so an error message stays readable."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """Bad or suspect input: `path` is relative to the docs folder (posix); `line` counts from 1."""

    path: str
    line: int | None
    message: str
    severity: str = ERROR

    def __post_init__(self) -> None:
        if len(self.message) > _MESSAGE_LIMIT:
            object.__setattr__(self, "message", self.message[: _MESSAGE_LIMIT - 1] + "…")

    def located(self, folder: str = "") -> str:
        """`folder/path:line: message`, as editors' tools read it; `folder` is the docs folder as shown."""
        path = f"{folder.rstrip('/')}/{self.path}" if folder else self.path
        return f"{path}:{self.line}: {self.message}" if self.line else f"{path}: {self.message}"

    def __str__(self) -> str:
        return self.located()


class EntryError(ValueError):
    """Raised at the first problem in a data file; `str()` reads `path:line: message`."""

    def __init__(self, path: str, line: int | None, message: str, severity: str = ERROR) -> None:
        self.problem = Problem(path, line, message, severity)
        super().__init__(str(self.problem))

    @property
    def path(self) -> str:
        return self.problem.path

    @property
    def line(self) -> int | None:
        return self.problem.line

    @property
    def message(self) -> str:
        return self.problem.message
