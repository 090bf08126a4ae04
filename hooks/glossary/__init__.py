"""The glossary engine: entries, matcher, markup, backlinks, register. No MkDocs here."""
