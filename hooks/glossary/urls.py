"""Links between pages, as MkDocs makes them: site URLs relative to the page they appear on."""

from __future__ import annotations

import posixpath


def relative_url(url: str, from_url: str) -> str:
    """`url` (from the site root) as seen from the page at `from_url` (MkDocs' rule).

    `posixpath.relpath` gives the same, but it makes both paths absolute first; with one call
    per "Disebut di" link it showed in the profile of a 400 x 1,000 build.
    """
    if ".." in url or ".." in from_url or url.startswith("/") or from_url.startswith("/"):
        # Not a site URL as MkDocs makes them: let posixpath resolve it.
        head, tail = posixpath.split(from_url)
        relative = posixpath.relpath(url or ".", (head if "." in tail else from_url) or ".")
    else:
        head, _, tail = from_url.rpartition("/")
        base = head if "." in tail else from_url
        target = [part for part in url.split("/") if part not in ("", ".")]
        start = [part for part in base.split("/") if part not in ("", ".")]
        common = 0
        while common < len(target) and common < len(start) and target[common] == start[common]:
            common += 1
        relative = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    return relative + "/" if url.endswith("/") and not relative.endswith("/") else relative
