"""Cited search over the passages: dense, keyword, or both fused (the default).

    searcher = Searcher(load_indexes("index"), passages)      # passages: list or {id: Passage}
    hits = searcher.search("西部地区外贸依存度变化", k=10, filters=Filters(kinds=["body"]))

Hybrid ranking is reciprocal-rank fusion of the two result lists (robust to their incomparable
score scales), times a prior that sinks reference lists and English abstracts unless the query
asks for them; overlapping passages (neighbours sharing a sentence) collapse to the better one.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from kb.config import Settings
from kb.embed import Embedder, make_embedder
from kb.errors import KBError
from kb.index import Indexes
from kb.tokenize import normalise, query_terms, tokens
from kb.types import Hit, Passage

MODES = ("hybrid", "dense", "keyword")
# Reciprocal-rank fusion constant (Cormack et al. 2009 use 60); candidates taken from each list.
RRF_K = 60
CANDIDATES = 100
# Section kinds a question is rarely asking about: their score is scaled down unless asked for.
KIND_PRIOR = {"references": 0.3, "english": 0.5, "keywords": 0.6, "front": 0.7, "notes": 0.7}
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Filters:
    """Restrict results; None means no restriction. Years are inclusive."""
    sources: list[str] | None = None
    articles: list[str] | None = None
    kinds: list[str] | None = None
    year_from: int | None = None
    year_to: int | None = None

    def is_empty(self) -> bool:
        return not (self.sources or self.articles or self.kinds
                    or self.year_from is not None or self.year_to is not None)


@dataclass
class _Rows:
    """Per-row passage attributes as arrays, for fast filter masks."""
    source: np.ndarray
    article: np.ndarray
    kind: np.ndarray
    year: np.ndarray      # -1 when unknown
    prior: np.ndarray = field(default=None)


class Searcher:
    """Holds the indexes, the passages they index and the query embedder; `.search()` ranks."""

    def __init__(self, indexes: Indexes, passages: Sequence[Passage] | Mapping[int, Passage],
                 embedder: Embedder | None = None, settings: Settings | None = None,
                 fusion: str = "rrf", weights: tuple[float, float] = (0.5, 0.5)):
        self.settings = settings or Settings()
        self.fusion, self.weights = fusion, weights
        self.indexes = indexes
        self.passages = _aligned(indexes, passages)
        self._embedder = embedder
        if embedder is not None:
            indexes.check_embedder(embedder)
        self._rows = _Rows(
            source=np.array([p.source for p in self.passages], dtype=object),
            article=np.array([p.article for p in self.passages], dtype=object),
            kind=np.array([p.kind for p in self.passages], dtype=object),
            year=np.array([p.year if p.year is not None else -1 for p in self.passages]),
            prior=np.array([KIND_PRIOR.get(p.kind, 1.0) for p in self.passages], dtype=np.float64),
        )

    @property
    def embedder(self) -> Embedder:
        """The query embedder, created on first dense search with the index's own model."""
        if self._embedder is None:
            self._embedder = make_embedder(self.settings, model=self.indexes.model)
            self.indexes.check_embedder(self._embedder)
        return self._embedder

    def search(self, query: str, k: int = 10, mode: str = "hybrid",
               filters: Filters | None = None) -> list[Hit]:
        """The k best passages for `query`, best first, each with its citation and highlight terms."""
        if mode not in MODES:
            raise KBError(f"Unknown search mode {mode!r}: use one of {', '.join(MODES)}.")
        query = (query or "").strip()[: self.settings.max_query_chars]
        if k <= 0 or not _WORD.search(query):
            return []
        allowed = self.allowed_rows(filters)
        if allowed is not None and not len(allowed):
            return []
        scores = self.ranked_rows(query, mode, allowed)
        prior = self._prior(query, filters)
        order = sorted(scores, key=lambda r: -scores[r] * prior[r])
        rows = self.without_overlaps(order, k)
        terms = query_terms(query)
        return [self._hit(rank, row, scores[row] * prior[row], terms) for rank, row in enumerate(rows, 1)]

    def ranked_rows(self, query: str, mode: str, allowed: np.ndarray | None) -> dict[int, float]:
        """{row: fused score} of the candidate rows for `mode`."""
        n = min(CANDIDATES, len(self.passages))
        lists = []
        if mode in ("hybrid", "keyword"):
            lists.append(self.keyword_rows(query, n, allowed))
        if mode in ("hybrid", "dense"):
            lists.append(self.dense_rows(query, n, allowed))
        if self.fusion == "relative":
            return relative_score_fusion(lists, self.weights[:len(lists)] if len(lists) > 1 else (1.0,))
        return reciprocal_rank_fusion([rows for rows, _ in lists])

    def keyword_rows(self, query: str, n: int, allowed: np.ndarray | None) -> tuple[list[int], list[float]]:
        """(rows, BM25 scores) of the best keyword matches, best first."""
        scores = self.indexes.keyword.scores(tokens(query))
        if allowed is not None:
            masked = np.full_like(scores, -1.0)
            masked[allowed] = scores[allowed]
            scores = masked
        top = np.argpartition(-scores, min(n, len(scores) - 1))[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        top = [int(r) for r in top if scores[r] > 0]
        return top, [float(scores[r]) for r in top]

    def dense_rows(self, query: str, n: int, allowed: np.ndarray | None) -> tuple[list[int], list[float]]:
        """(rows, cosine similarities) of the nearest passages, best first."""
        vector = self.embedder.embed_queries([query])
        scores, rows = self.indexes.dense.search(vector, n, allowed)
        return [int(r) for r in rows], [float(x) for x in scores]

    def allowed_rows(self, filters: Filters | None) -> np.ndarray | None:
        """Row numbers passing `filters`, or None when nothing is filtered."""
        if filters is None or filters.is_empty():
            return None
        r = self._rows
        mask = np.ones(len(self.passages), dtype=bool)
        if filters.sources:
            mask &= np.isin(r.source, list(filters.sources))
        if filters.articles:
            mask &= np.isin(r.article, list(filters.articles))
        if filters.kinds:
            mask &= np.isin(r.kind, list(filters.kinds))
        if filters.year_from is not None:
            mask &= r.year >= filters.year_from
        if filters.year_to is not None:
            mask &= (r.year <= filters.year_to) & (r.year >= 0)
        return np.flatnonzero(mask)

    def _prior(self, query: str, filters: Filters | None) -> np.ndarray:
        """Kind prior per row; lifted for kinds the filters ask for, and for English on a Latin query."""
        prior = self._rows.prior
        lifted = set(filters.kinds or []) if filters else set()
        if is_english(query):
            lifted.add("english")
        if not lifted:
            return prior
        prior = prior.copy()
        prior[np.isin(self._rows.kind, list(lifted))] = 1.0
        return prior

    def without_overlaps(self, order: list[int], k: int) -> list[int]:
        """The first k rows of `order` whose text does not overlap a better-ranked kept row."""
        kept: list[int] = []
        for row in order:
            p = self.passages[row]
            if any(q.source == p.source and q.start < p.end and p.start < q.end
                   for q in (self.passages[r] for r in kept)):
                continue
            kept.append(row)
            if len(kept) == k:
                break
        return kept

    def _hit(self, rank: int, row: int, score: float, terms: list[str]) -> Hit:
        p = self.passages[row]
        text = normalise(p.text)
        return Hit(rank=rank, score=round(float(score), 6), source=p.source, article=p.article,
                   section=p.section, kind=p.kind, start=p.start, end=p.end, text=p.text, page=p.page,
                   terms=[t for t in terms if t in text], passage_id=p.id)


def relative_score_fusion(lists: list[tuple[list[int], list[float]]], weights) -> dict[int, float]:
    """{row: Σ weight · min-max-normalised score}: keeps how far ahead a strong match is."""
    fused: dict[int, float] = {}
    for (rows, scores), weight in zip(lists, weights):
        if not rows:
            continue
        lo, hi = min(scores), max(scores)
        span = hi - lo or 1.0
        for row, score in zip(rows, scores):
            fused[row] = fused.get(row, 0.0) + weight * (score - lo) / span
    return fused


def reciprocal_rank_fusion(lists: list[list[int]]) -> dict[int, float]:
    """{row: Σ 1/(RRF_K + rank)} over the ranked lists."""
    fused: dict[int, float] = {}
    for ranked in lists:
        for rank, row in enumerate(ranked, 1):
            fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank)
    return fused


def is_english(query: str) -> bool:
    """True for a query written in Latin letters with no Chinese characters."""
    return bool(_LATIN.search(query)) and not _HAN.search(query)


def search(indexes: Indexes, passages_lookup: Sequence[Passage] | Mapping[int, Passage], query: str,
           k: int = 10, mode: str = "hybrid", filters: Filters | None = None,
           embedder: Embedder | None = None) -> list[Hit]:
    """One-off search; for many queries keep a `Searcher` (it builds its filter arrays once)."""
    return Searcher(indexes, passages_lookup, embedder).search(query, k=k, mode=mode, filters=filters)


def _aligned(indexes: Indexes, passages: Sequence[Passage] | Mapping[int, Passage]) -> list[Passage]:
    """The passages in index row order (row i is manifest passage id i)."""
    ids = indexes.ids
    if isinstance(passages, Mapping):
        missing = [i for i in ids if i not in passages]
        if missing:
            raise KBError(f"The index in {indexes.directory} refers to {len(missing)} passages missing "
                          "from the store. Rebuild the KB: `kb build`.")
        return [passages[i] for i in ids]
    passages = list(passages)
    if len(passages) != len(ids):
        raise KBError(f"The index in {indexes.directory} holds {len(ids)} passages but "
                      f"{len(passages)} were given. Rebuild the KB: `kb build`.")
    return passages
