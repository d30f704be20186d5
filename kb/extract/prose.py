"""Which parts of a document hold prose that facts and indicator systems are read from.

Shared by kb/extract/facts.py and kb/extract/indicators.py (so neither imports the other).
"""
from __future__ import annotations

from kb.types import Article

# section kinds without facts of the document's own: reference lists, English abstracts, notes and
# glossaries (名词解释), tables of contents, front matter and keyword lines
SKIP_SECTION_KINDS = {"references", "english", "notes", "front", "keywords", "toc", "glossary"}
SKIP_SPAN_KINDS = ("table", "meta", "english", "author")


def prose_sections(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, heading path) of the article's parts that hold prose; the whole article when it
    has no sections."""
    if not article.sections:
        return [(article.start, article.end, "")]
    return [(s.start, s.end, s.path) for s in article.sections if s.kind not in SKIP_SECTION_KINDS]
