"""Cited search over the passages: dense, keyword, or both fused (the default).

    searcher = Searcher(load_indexes("index"), passages)      # passages: list or {id: Passage}
    hits = searcher.search("西部地区外贸依存度变化", k=10, filters=Filters(kinds=["body"]))

Hybrid ranking takes the union of the BM25 and the dense candidates, scores every candidate by
both signals plus a verbatim-phrase bonus, times a prior that sinks reference lists and English
abstracts unless the query asks for them; a passage mostly shown by a better hit is dropped (neighbours
sharing one sentence both stay).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kb.config import Settings
from kb.embed import Embedder, make_embedder
from kb.errors import KBError
from kb.index import Indexes
from kb.tokenize import normalise, query_terms, tokens
from kb.types import Hit, Passage

MODES = ("hybrid", "dense", "keyword")
# Candidates taken from each list; reciprocal-rank fusion constant (Cormack et al. 2009) for
# fusion="rrf", kept to compare against.
CANDIDATES = 100
RRF_K = 60
# Hybrid score = 0.5·BM25/max + 0.5·min-max cosine + 0.3·phrase coverage. Equal weights: neither
# signal is trusted more (each alone misses a different kind of question); the phrase term is a
# tie-breaker-sized bonus. On the dev queries 0.4–0.6 for BM25 and 0.3 phrase all score alike;
# no per-query tuning (benchmarks/search_dev.py prints the figures).
WEIGHTS = (0.5, 0.5)
PHRASE_WEIGHT = 0.3
PHRASE_MAX_CHARS = 64
# Section kinds a question is rarely asking about: their score is scaled down unless asked for.
KIND_PRIOR = {"references": 0.3, "english": 0.5, "keywords": 0.6, "front": 0.7, "notes": 0.7}
# A hit is a duplicate of better-ranked hits when more than this share of its text is already shown.
DUPLICATE_SHARE = 0.5
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
    prior: np.ndarray     # KIND_PRIOR of the row's section kind


class Searcher:
    """Holds the indexes, the passages they index and the query embedder; `.search()` ranks."""

    def __init__(self, indexes: Indexes, passages: Sequence[Passage] | Mapping[int, Passage],
                 embedder: Embedder | None = None, settings: Settings | None = None,
                 fusion: str = "union", weights: tuple[float, float] = WEIGHTS,
                 phrase_weight: float = PHRASE_WEIGHT):
        self.settings = settings or Settings()
        self.fusion, self.weights, self.phrase_weight = fusion, weights, phrase_weight
        self.indexes = indexes
        self.passages = _aligned(indexes, passages)
        self._embedder = embedder
        self._normalised: dict[int, str] = {}
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
        if mode == "keyword":
            rows, scores = self.keyword_rows(query, n, allowed)
            return dict(zip(rows, scores))
        if mode == "dense":
            rows, scores = self.dense_rows(query, n, allowed)
            return dict(zip(rows, scores))
        if self.fusion == "rrf":
            lists = [self.keyword_rows(query, n, allowed), self.dense_rows(query, n, allowed)]
            return reciprocal_rank_fusion([rows for rows, _ in lists])
        return self.scored_union(query, n, allowed)

    def scored_union(self, query: str, n: int, allowed: np.ndarray | None) -> dict[int, float]:
        """Every candidate of either list scored by BOTH signals, then a weighted sum.

        Rank fusion gives a row found by one list only half the credit, so a passage that BM25
        ranks first but the small embedding model misses (a heading phrase, an abstract listing
        several measures) sinks; scoring each candidate with both signals avoids that.
        """
        query_tokens = tokens(query)
        bm25 = self.indexes.keyword.scores(query_tokens)
        vector = self.embedder.embed_queries([query])[0]
        k_rows, _ = self._top(bm25, n, allowed)
        _, d_rows = self.indexes.dense.search(vector, n, allowed)
        rows = np.array(sorted(set(k_rows) | {int(r) for r in d_rows}), dtype=np.int64)
        if not len(rows):
            return {}
        dense = self.indexes.dense.vectors(rows) @ vector
        keyword = bm25[rows] / (bm25[rows].max() or 1.0)
        lo, hi = float(dense.min()), float(dense.max())
        dense = (dense - lo) / ((hi - lo) or 1.0)
        wk, wd = self.weights
        fused = wk * keyword + wd * dense
        if self.phrase_weight:
            fused = fused + self.phrase_weight * phrase_scores(
                normalise(query), [self.normalised_text(r) for r in rows])
        return dict(zip(rows.tolist(), fused.tolist()))

    def normalised_text(self, row: int) -> str:
        """The passage text as tokens see it (cached: phrase scoring and highlighting reread it)."""
        text = self._normalised.get(row)
        if text is None:
            text = self._normalised[row] = normalise(self.passages[row].text)
        return text

    def _top(self, scores: np.ndarray, n: int, allowed: np.ndarray | None) -> tuple[list[int], list[float]]:
        """(rows, scores) of the n best positive scores among the allowed rows, best first."""
        if allowed is not None:
            masked = np.full_like(scores, -1.0)
            masked[allowed] = scores[allowed]
            scores = masked
        top = np.argpartition(-scores, min(n, len(scores) - 1))[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        top = [int(r) for r in top if scores[r] > 0]
        return top, [float(scores[r]) for r in top]

    def keyword_rows(self, query: str, n: int, allowed: np.ndarray | None) -> tuple[list[int], list[float]]:
        """(rows, BM25 scores) of the best keyword matches, best first."""
        return self._top(self.indexes.keyword.scores(tokens(query)), n, allowed)

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
        """The first k rows of `order` that are not duplicates of better-ranked kept rows."""
        return distinct_rows(order, self.passages, k)

    def _hit(self, rank: int, row: int, score: float, terms: list[str]) -> Hit:
        p = self.passages[row]
        return Hit(rank=rank, score=round(float(score), 6), source=p.source, article=p.article,
                   section=p.section, kind=p.kind, start=p.start, end=p.end, text=p.text, page=p.page,
                   terms=terms_in(p.text, terms), passage_id=p.id)


def distinct_rows(order: list[int], passages: Sequence[Passage], k: int) -> list[int]:
    """The first k rows of `order` whose passage mostly shows text no better-ranked kept row shows.

    Neighbouring passages share one short sentence by design (passages.py), so dropping every
    overlapping row would hide a neighbour whose other sentences hold the answer; only a row
    whose text is mostly already on screen is a duplicate.
    """
    kept: list[int] = []
    for row in order:
        p = passages[row]
        shown = covered_chars(p.start, p.end, [(passages[r].start, passages[r].end) for r in kept
                                               if passages[r].source == p.source])
        if shown > DUPLICATE_SHARE * (p.end - p.start):
            continue
        kept.append(row)
        if len(kept) == k:
            break
    return kept


def covered_chars(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """How many characters of [start, end) lie inside the union of `spans`."""
    covered, cursor = 0, start
    for a, b in sorted((max(a, start), min(b, end)) for a, b in spans):
        a = max(a, cursor)
        if b > a:
            covered += b - a
            cursor = b
    return covered


def phrase_scores(query: str, texts: list[str]) -> np.ndarray:
    """Per text, the share of the query covered by its longest run found verbatim there (0..1).

    Researchers often type a phrase they remember from the paper; a verbatim run of the query's
    characters is strong evidence that neither a bag of words nor a small embedding model weighs.
    """
    # a long query is a pasted paragraph, not a remembered phrase; cap the quadratic scan
    q = "".join(ch for ch in query if _WORD.match(ch))[:PHRASE_MAX_CHARS]
    if len(q) < 2:
        return np.zeros(len(texts))
    return np.array([_longest_run(q, text) / len(q) for text in texts])


def _longest_run(q: str, text: str) -> int:
    """Length of the longest substring of `q` occurring in `text` (0 if under 2 characters)."""
    best = 0
    for i in range(len(q)):
        j = i + best + 1
        while j <= len(q) and q[i:j] in text:
            best = j - i
            j += 1
    return best if best >= 2 else 0


def reciprocal_rank_fusion(lists: list[list[int]]) -> dict[int, float]:
    """{row: Σ 1/(RRF_K + rank)} over the ranked lists."""
    fused: dict[int, float] = {}
    for ranked in lists:
        for rank, row in enumerate(ranked, 1):
            fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank)
    return fused


def terms_in(text: str, terms: list[str]) -> list[str]:
    """The query terms as they are written in `text` (case-insensitive: gdp → GDP), for highlighting."""
    found = []
    for term in terms:
        m = re.search(re.escape(term), text, re.IGNORECASE)
        if m and m.group(0) not in found:
            found.append(m.group(0))
    return found


def is_english(query: str) -> bool:
    """True for a query written in Latin letters with no Chinese characters."""
    return bool(_LATIN.search(query)) and not _HAN.search(query)


def search(indexes: Indexes, passages_lookup: Sequence[Passage] | Mapping[int, Passage], query: str,
           k: int = 10, mode: str = "hybrid", filters: Filters | None = None,
           embedder: Embedder | None = None) -> list[Hit]:
    """One-off search; for many queries keep a `Searcher` (it builds its filter arrays once)."""
    return Searcher(indexes, passages_lookup, embedder).search(query, k=k, mode=mode, filters=filters)


def _aligned(indexes: Indexes, passages: Sequence[Passage] | Mapping[int, Passage]) -> list[Passage]:
    """The passages in index row order (row i holds manifest passage id i), matched by id."""
    if not isinstance(passages, Mapping):
        passages = list(passages)
        if any(p.id is None for p in passages):
            passages = dict(enumerate(passages))     # unsaved passages: ids are positions
        else:
            passages = {p.id: p for p in passages}
    missing = [i for i in indexes.ids if i not in passages]
    if missing:
        raise KBError(f"The index in {indexes.directory} refers to {len(missing)} passages that are not "
                      "in the knowledge base. Rebuild the KB: `kb build`.")
    return [passages[i] for i in indexes.ids]
