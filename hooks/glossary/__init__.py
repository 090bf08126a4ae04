"""The glossary engine: annotated mentions, cards, sources and the pages built from them.

A standard Python-Markdown extension, usable by name (`extensions=["glossary"]`); it knows
nothing of MkDocs. See `extension.py`.
"""

from .extension import GlossaryExtension, makeExtension

__all__ = ["GlossaryExtension", "makeExtension"]
