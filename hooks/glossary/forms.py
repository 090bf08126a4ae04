"""What stands between a name and the matcher in the tree, taken out of the way without changing the text.

- **Character references.** Python-Markdown stashes `&nbsp;`, `&amp;`, `&#8212;` as placeholders
  (`\x02wzxhzdk:N\x03`) inside the text, so `Amerika&nbsp;Serikat` reached the matcher as two words
  cut by a placeholder. `decode_references` puts the character itself in the text instead: the
  serializer escapes `&`, `<` and `>` again, so what a reader sees is the same.
- **Abbreviations.** The abbr extension's tree processor runs before ours and wraps a defined
  abbreviation (`*[Rusia]: …`) in `<abbr>`, which the glossary never annotates. Where the `<abbr>`
  cuts a longer name ("Kementerian Luar Negeri <abbr>Rusia</abbr>"), `release_abbrs` unwraps it: the
  mention's card says more than the abbreviation's title. An `<abbr>` that is a whole name alone
  stays an abbreviation.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence

from .plain_text import control_character

_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_references(text: str, stash: Sequence[object]) -> str:
    """`text` with each stashed character reference replaced by its character(s).

    Only references that stand for characters XML can carry and a reader would see the same way:
    a control character, a surrogate or an unknown name stays stashed, as written.
    """
    if "\x02" not in text:
        return text

    def character(stashed: re.Match[str]) -> str:
        index = int(stashed.group(1))
        raw = str(stash[index]) if index < len(stash) else ""
        if not _CHAR_REF.fullmatch(raw):
            return stashed.group(0)
        decoded = html.unescape(raw)
        if (decoded == raw or not decoded or control_character(decoded) is not None
                or any(unicodedata.category(char) in ("Cc", "Cs") for char in decoded)):
            return stashed.group(0)
        return decoded

    return _STASHED.sub(character, text)


def release_abbrs(root: etree.Element, scan: Callable[[str], Sequence], may_annotate: Callable[[etree.Element], bool]) -> None:
    """Unwrap every `<abbr>` that a mention found by `scan` (matches with `start`, `end`) runs across."""
    stack = [root]
    while stack:
        element = stack.pop()
        if not may_annotate(element):
            continue
        if any(_is_abbr(child) for child in element):
            _release_in(element, scan)
        stack.extend(reversed(list(element)))


def _release_in(element: etree.Element, scan: Callable[[str], Sequence]) -> None:
    children = list(element)
    index = 0
    rebuilt: list[etree.Element] = []
    changed = False
    while index < len(children):
        if not _is_abbr(children[index]):
            rebuilt.append(children[index])
            index += 1
            continue
        run_end = index
        while run_end < len(children) and _is_abbr(children[run_end]):
            run_end += 1
        run = children[index:run_end]
        left = (rebuilt[-1].tail if rebuilt else element.text) or ""
        text, spans = left, []
        for abbr in run:
            spans.append((len(text), len(text) + len(abbr.text or "")))
            text += (abbr.text or "") + (abbr.tail or "")
        matches = scan(text)
        for abbr, (start, end) in zip(run, spans):
            crossed = any(m.start < end and m.end > start and (m.start, m.end) != (start, end) for m in matches)
            if not crossed:
                rebuilt.append(abbr)
                continue
            changed = True
            addition = str(abbr.text or "") + str(abbr.tail or "")
            if rebuilt:
                rebuilt[-1].tail = str(rebuilt[-1].tail or "") + addition
            else:
                element.text = str(element.text or "") + addition
        index = run_end
    if changed:
        element[:] = rebuilt


def _is_abbr(element: etree.Element) -> bool:
    """An abbreviation as the abbr extension makes it: text only."""
    return element.tag == "abbr" and not len(element)
