"""The one core API over a built knowledge base; the CLI, the app and the tests all call it."""
from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path

from . import cite, store
from .build import current_generation
from .config import Settings
from .errors import KBError
from .types import Article, CleanText, Passage, Table


class KnowledgeBase:
    """A read-only view of the live generation of a KB directory."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        gen = current_generation(Path(self.settings.index_dir))
        if gen is None:
            raise KBError(f"no knowledge base in {self.settings.index_dir}/; "
                          f"build one first with `kb build` (or point --index-dir / KB_INDEX_DIR at it)")
        self.generation = gen
        self.db: sqlite3.Connection = store.connect(gen / "kb.sqlite", readonly=True)

    # ---------------------------------------------------------------- status
    def model(self) -> str:
        return store.get_meta(self.db, "model") or ""

    def counts(self) -> dict[str, int]:
        return store.counts(self.db)

    def documents(self) -> list[sqlite3.Row]:
        return store.documents(self.db)

    def outdated_documents(self) -> list[str]:
        """Documents processed by another version of the text pipeline than this code's (its rules,
        data files, passage settings and how vectors are mixed): `kb build` re-processes them, taking
        the embeddings it can from the cache. Until then search and the tables show the old results."""
        from .build import pipeline_version
        current = pipeline_version(self.settings)
        return [r["source"] for r in self.documents() if r["pipeline"] != current]

    # ---------------------------------------------------------------- text
    def clean_text(self, source: str) -> CleanText:
        text = store.load_clean_text(self.db, source)
        if text is None:
            known = ", ".join(r["source"] for r in self.documents())
            raise KBError(f"no document named {source!r} in the KB; known: {known}")
        return text

    def passage_text(self, source: str, start: int, end: int) -> str:
        text = self.clean_text(source).text
        if not (0 <= start <= end <= len(text)):
            raise KBError(f"{source}: offsets {start}-{end} outside the document (0-{len(text)})")
        return text[start:end]

    def citation(self, source: str, start: int, end: int) -> str:
        """A span's GB/T 7714-2015 reference (when its article is known) and its location:
        section, page, file and character offsets."""
        article = self.article_at(source, start, end)
        section = store.section_at(self.db, source, start, end)
        return cite.citation(cite.reference(article) if article else "", section.path if section else None,
                             self.clean_text(source).page_at(start), source, start, end,
                             title=article.title if article else "")

    def reference(self, source: str, start: int, end: int) -> str:
        """The GB/T 7714-2015 reference of the article holding a span ("" when none holds it)."""
        article = self.article_at(source, start, end)
        return cite.reference(article) if article else ""

    def article_at(self, source: str, start: int, end: int) -> Article | None:
        """The article (metadata, no sections) that holds a span of a document."""
        return store.article_at(self.db, source, start, end)

    def passages(self) -> list[Passage]:
        return store.load_passages(self.db)

    def tables(self, source: str | None = None) -> list[Table]:
        """The tables read from the documents (all, or one document's), in document order."""
        return store.tables(self.db, source)

    def section_kinds(self) -> list[str]:
        """Section kinds that have passages (the search filter's choices)."""
        return store.passage_kinds(self.db)

    # ---------------------------------------------------------------- search
    @cached_property
    def searcher(self):
        """Indexes loaded once per KnowledgeBase (the app caches the whole object); passage texts
        stay in the database and are read per query."""
        from .index import load_indexes
        from .search import Searcher
        from .vector_store import make_vector_store
        indexes = load_indexes(self.generation / "search", store=make_vector_store(self.settings))
        subtitles = {(source, a.index): a.subtitle for source, a in store.articles(self.db) if a.subtitle}
        return Searcher(indexes, store.PassageTable(self.db, indexes.ids), settings=self.settings,
                        subtitles=subtitles)

    def search(self, query: str, k: int = 10, mode: str = "hybrid", filters=None, *,
               source: str | None = None, article: str | None = None, kind: str | None = None,
               year: int | None = None):
        """Cited hits for `query`, each with its article's reference. Pass a `kb.search.Filters`, or
        the one-value shortcuts (one document, article, section kind or year) that the CLI offers."""
        from .search import Filters
        if filters is None:
            filters = Filters(sources=[source] if source else None, articles=[article] if article else None,
                              kinds=[kind] if kind else None, year_from=year, year_to=year)
        hits = self.searcher.search(query, k=k, mode=mode, filters=filters)
        for hit in hits:
            hit.reference = self.reference(hit.source, hit.start, hit.end)
        return hits
