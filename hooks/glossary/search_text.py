"""The page as a search index that splits at every tag should read it: mentions as their plain text.

MkDocs' own search (the mkdocs and readthedocs themes) joins the text of every HTML node with a
space, so a mention followed by punctuation is indexed as "Moskow ," where the page without the
glossary says "Moskow,". Material's search joins inline text as written and needs none of this.
"""

from __future__ import annotations

import re

#: A mention as the extension writes it: a link or a repeat's span with the mention class, its text.
_MENTION = re.compile(
    r'<(a|span)\b[^>]*\bclass="(?:[^"]* )?glossary-mention(?: [^"]*)?"[^>]*>(.*?)</\1>', re.DOTALL)


def plain_mentions(html: str) -> str:
    """`html` with every mention's element replaced by its content."""
    return _MENTION.sub(lambda match: match.group(2), html) if "glossary-mention" in html else html
