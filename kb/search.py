"""Cited search over the passages: dense, keyword, or both fused (the default).

    searcher = Searcher(load_indexes("index"), passages)      # passages: list or {id: Passage}
    hits = searcher.search("西部地区外贸依存度变化", k=10, filters=Filters(kinds=["body"]))

A question is analysed once (kb/query.py: tokens, synonyms, named places, period, asked-for kinds).
Hybrid ranking takes the union of the BM25 and the dense candidates and scores every candidate by
both signals, a verbatim-phrase bonus, and how much of the question its document (title,
jurisdiction, genre) and its heading path answer; that is scaled by priors: section kinds a question
rarely asks for (notes, glossaries, contents, references) sink unless asked for, and passages of a
jurisdiction the question names rise. Overlapping hits of one document are merged into one.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from kb.config import Settings
from kb.embed import Embedder, make_embedder
from kb.errors import KBError
from kb.headings import reference_marks
from kb.index import Indexes
from kb.query import Gazetteer, Query, Shortenings, analyse, passage_tense, place_names
from kb.store import PassageTable
from kb.tokenize import normalise, tokens
from kb.types import Hit, Passage

MODES = ("hybrid", "dense", "keyword")
# Candidates taken from each list.
CANDIDATES = 100
# How the BM25 and the cosine scores of the candidates are put on one 0..1 scale before the weighted
# sum: (keyword, dense), each "max" (score / best), "minmax", "z" (standard score, clipped) or "rank"
# (reciprocal rank as in RRF, RRF_K + 1 over RRF_K + rank).
FUSION = ("max", "minmax")
RRF_K = 60


@dataclass(frozen=True)
class Weights:
    """Hybrid score = keyword·BM25/max (a question word that a passage's opening section heading
    holds earns heading_line of its BM25 there) + dense·min-max cosine + phrase·verbatim coverage
    + document·(share of the question its title/jurisdiction/genre holds) + heading·(same for its
    heading path) + topic·article evidence + window·(share of the question's words found within
    WINDOW_CHARS of each other), times the priors. Chosen with
    `benchmarks/search_dev.py --tune` on the tuning parts of the question sets only: keyword,
    dense were flat around 0.5/0.5; topic lifted wild-gold tuning s@1 0.42 → 0.67 up
    to 1.5; the heading field (0.1–0.4) and the period prior (0.2) lowered the tuning figures, so
    they are off; document and place change nothing on the tuning parts once topic is on, and stay
    at moderate values for documents whose passages never name their place. heading_line 0.6–0.75
    with phrase 0.4–0.6 is a plateau that lifted pooled tuning s@1 0.826 → 0.870 (seed dev tuning
    0.91 → 1.00, seed extra 0.87 → 0.91; wild gold unchanged); either one alone gains less.
    window 0.4–0.6 with WINDOW_CHARS 15–30 is a plateau that lifted pooled tuning s@1 0.828 → 0.875
    (seed extra 0.91 → 1.00, wild more 0.72 → 0.78; 0.8 and above loses seed dev tuning questions);
    keyword/dense stay flat around 0.5/0.5 (re-checked with it).
    Re-gridded with 37 tuning-only questions over extcorpus's national work reports (pooled tuning
    parts of six sets, 107 questions): keyword/dense 0.5/0.5 with keyword/max and min-max cosine
    (FUSION) stays best — dense-led (keyword 0–0.25, dense 1), RRF, z-scores and max/max all lose
    pooled MRR; phrase, window, WINDOW_CHARS, heading_line, synonym, document are at their optimum;
    the period prior loses (0.2: s@1 0.748 → 0.694). The dated prior (0.35–1.0 a plateau), topic
    0.75 (0.75–1.0 a plateau; 0.5 loses a seed extra question) and BARE_PRIOR 0.4–0.7 lifted pooled
    tuning s@1 / MRR 0.748 / 0.824 → 0.793 / 0.864, no set losing (seed more 0.90 → 1.00, ext
    0.46 → 0.57).
    tense (a passage whose section looks the other way in time than the question) 0.35–0.5 a plateau
    on the pooled tuning parts with the 40 wild tune2 questions (151 questions, s@1 / MRR 0.788 /
    0.855 → 0.815 / 0.869: wild tune2 0.65 → 0.70, ext 0.70 → 0.76, no set losing)."""
    keyword: float = 0.5
    dense: float = 0.5
    phrase: float = 0.5
    document: float = 0.3
    heading: float = 0.0
    topic: float = 0.75       # how much the question's words run through the passage's article
    synonym: float = 0.5      # a synonym group's best spelling, relative to a question word's BM25
    place: float = 0.5        # prior: a passage of a jurisdiction the question names gains this share
    period: float = 0.0       # prior: a passage naming a year of the question's period gains this share
    heading_line: float = 0.7  # share of BM25 a question word earns from the passage's opening section heading
    window: float = 0.5       # idf share of the question's words found together in one short stretch
    tense: float = 0.35       # prior: a passage looking the other way in time than the question
                              # (a plan section for 建了多少, a review for 计划) loses this share
    dated: float = 0.5        # prior: a passage of a document dated in the question's period or the
                              # year after (an annual report or communiqué reviews the year before) gains this share


WEIGHTS = Weights()
PHRASE_MAX_CHARS = 64
# Width of the stretch in which window_scores looks for the question's words together (a clause).
WINDOW_CHARS = 25
WINDOW_MAX_WORDS = 16
# Share of its BM25 a year the question names (2014年) keeps when the KB has documents dated then or
# the year after: the dated prior already prefers those, and inside them the year mostly sits in
# generic headings (三、2014年重点工作) that outrank the answer. 0–0.25 a plateau on the pooled tuning
# parts (ext tune s@1 0.57 → 0.68, pooled s@1 / MRR 0.793 / 0.864 → 0.829 / 0.885, no set losing;
# 0.5 gains half of it).
YEAR_WORD = 0.25
# Share of its BM25 a place the question names (广东, 合肥) keeps as a word when the KB has documents
# of that jurisdiction: the place prior and the article topic already prefer those, and inside them
# the name sits in slogans and headings (海上新广东) more than in answers. 0–0.6 a plateau on the
# pooled tuning parts (151 questions, s@1 / MRR 0.821 / 0.877 → 0.828 / 0.885 at 0.3: wild more
# 0.83 → 0.89, no set losing). 1.0: off.
PLACE_WORD = 0.3
# Share of an article's passages holding a word at which its topic evidence is half-saturated.
TOPIC_SATURATION = 0.05
# Section kinds a question is rarely asking about: their score is scaled down unless asked for.
KIND_PRIOR = {"references": 0.3, "toc": 0.3, "notes": 0.3, "english": 0.5, "glossary": 0.5,
              "keywords": 0.6, "front": 0.7}
# A passage that is one short line and no sentence (a heading left alone, a keyword line) rarely
# answers a question.
BARE_PRIOR = 0.7
BARE_CHARS = 40
# A passage holding this many reference marks ([J], [M] …) is a reference list the structure did
# not label (it runs on under the last body heading): ranked as references are (wild tune2 tuning
# MRR +0.01, no set losing). 0: off.
CITED_MARKS = 2
_SENTENCE_END = ("。", "；", "！", "？", ".", ";", "!", "?")
# A kind the question asks for (名词解释, 注释, 目录 ...) is preferred to body text.
ASKED_KIND_PRIOR = 1.5
# Genres as a question may name them (a document field, like the title).
GENRE_WORDS = {"work_report": "政府工作报告", "plan": "规划纲要", "communique": "统计公报",
               "paper": "论文研究", "journal_issue": "期刊论文", "policy": "政策文件"}
# A hit is a duplicate of better-ranked hits when more than this share of its text is already shown.
DUPLICATE_SHARE = 0.5
# Overlapping hits are shown as one while their union stays under this many passage lengths.
MERGE_PASSAGES = 2
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
# A question word the KB spells otherwise (固废 ← 固体废物, 严厉打击 → 严打: kb.query.Shortenings) is read
# as the KB's spelling too. Pooled tuning s@1 0.854 → 0.861 (ext tune +1, no set losing); RARER 1
# also re-read 两大 of 两大一高 as 两个大局; no held-out question of benchmarks/search_dev.py had such a
# word (2026-12-01).
ABBREVIATIONS = True
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


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


class _Codes:
    """One text attribute of every row as small integer codes into its distinct values (a million
    rows of a few thousand sources take 4 MB, not a million string objects). Filled row by row
    with `add`, then `done`."""

    def __init__(self):
        self.index: dict[str, int] = {}
        self._added = array("i")

    def add(self, value: str) -> None:
        self._added.append(self.index.setdefault(value, len(self.index)))

    def done(self) -> "_Codes":
        self.codes = np.array(self._added, dtype=np.int32)
        self.values = list(self.index)
        del self._added
        return self

    def mask(self, wanted, rows: np.ndarray | None = None) -> np.ndarray:
        """Per row (all, or `rows`), whether its value is one of `wanted`."""
        codes = self.codes if rows is None else self.codes[rows]
        return np.isin(codes, [self.index[v] for v in wanted if v in self.index])


@dataclass
class _Rows:
    """Per-row passage attributes as arrays, for fast filter masks and priors."""
    source: _Codes
    article: _Codes
    kind: _Codes
    year: np.ndarray          # -1 when unknown
    jurisdiction: _Codes
    document: np.ndarray      # index into Searcher._document_words
    heading: np.ndarray       # index into Searcher._heading_words
    opening: np.ndarray       # index into Searcher._opening_words (-1: the passage does not open with its heading)
    article_of: np.ndarray    # the row's article (source, article index), numbered from 0
    bare: np.ndarray          # 1 when the passage is one short line (see BARE_CHARS)
    cited: np.ndarray         # how many reference marks the passage holds (see CITED_MARKS)
    tense: np.ndarray         # 1: its section reviews what was done, -1: plans ahead, 0: neither


# Texts (normalised, or whole passages fetched from the database) kept between queries; a bounded
# cache, so a long-running app over a large KB does not end up holding every passage.
TEXT_CACHE = 20_000


class Searcher:
    """Holds the indexes, the passages they index and the query embedder; `.search()` ranks.

    `passages`: a list (or {id: Passage}) in memory, or a `kb.store.PassageTable` serving them from
    the KB database; the Searcher itself keeps only per-row codes, not texts."""

    def __init__(self, indexes: Indexes, passages: Sequence[Passage] | Mapping[int, Passage] | PassageTable,
                 embedder: Embedder | None = None, settings: Settings | None = None,
                 weights: Weights = WEIGHTS, subtitles: Mapping[tuple[str, int], str] | None = None):
        """`subtitles`: {(source, article index): Article.subtitle} (where a report was delivered: a
        question naming 全国代表大会上的报告 names the document delivered there)."""
        self.settings = settings or Settings()
        self.weights = weights
        subtitles = subtitles or {}
        self.indexes = indexes
        self.passages = _aligned(indexes, passages)
        self._embedder = embedder
        self._normalised: dict[int, str] = {}
        self._shortenings: Shortenings | None = None
        self._fetched: dict[int, Passage] = {}
        if embedder is not None:
            indexes.check_embedder(embedder)
        documents: dict[str, int] = {}
        document_of: dict[tuple, int] = {}
        headings: dict[str, int] = {}
        openings: dict[str, int] = {"": -1}
        articles: dict[tuple[str, int], int] = {}
        coded = {name: _Codes() for name in ("source", "article", "kind", "jurisdiction")}
        ints = {name: array("i") for name in ("year", "document", "heading", "opening", "article_of", "bare",
                                                   "cited", "tense")}
        for p in self.passages:     # one pass: a PassageTable streams them from the database
            coded["source"].add(p.source)
            coded["article"].add(p.article)
            coded["kind"].add(p.kind)
            coded["jurisdiction"].add(p.jurisdiction or "")
            ints["year"].append(p.year if p.year is not None else -1)
            subtitle = subtitles.get((p.source, p.article_index), "")
            key = (p.article, p.jurisdiction, p.genre, subtitle)
            if key not in document_of:       # place names are worked out once per document, not per row
                document_of[key] = documents.setdefault(_document_field(p, subtitle), len(documents))
            ints["document"].append(document_of[key])
            ints["heading"].append(headings.setdefault(p.section or "", len(headings)))
            ints["opening"].append(openings.setdefault(opening_heading(p), len(openings) - 1))
            ints["article_of"].append(articles.setdefault((p.source, p.article_index), len(articles)))
            ints["bare"].append(is_bare(p.text))
            ints["cited"].append(reference_marks(p.text))
            ints["tense"].append(passage_tense(p.section, p.genre))
        self.gazetteer = Gazetteer(coded["jurisdiction"].index)
        self._document_words = [frozenset(tokens(text)) for text in documents]
        self._heading_words = [frozenset(tokens(text)) for text in headings]
        self._opening_words = [frozenset(tokens(line)) for line in openings if line]
        self._rows = _Rows(**{name: codes.done() for name, codes in coded.items()},
                           **{name: np.array(values, dtype=np.int32) for name, values in ints.items()})
        self._kind_prior = np.array([KIND_PRIOR.get(k, 1.0) for k in self._rows.kind.values], dtype=np.float64)
        self._years = set(np.unique(self._rows.year).tolist()) - {-1}
        self._article_sizes = np.bincount(self._rows.article_of, minlength=len(articles)).astype(np.float64)

    @property
    def embedder(self) -> Embedder:
        """The query embedder, created on first dense search with the index's own model."""
        if self._embedder is None:
            self._embedder = make_embedder(self.settings, model=self.indexes.model)
            self.indexes.check_embedder(self._embedder)
        return self._embedder

    def analyse(self, query: str) -> Query:
        """The question analysed against this KB: its jurisdictions, and the KB's own spelling of
        a word the question shortens or spells out (kb.query.Shortenings)."""
        q = analyse(query, self.gazetteer, self.settings.max_query_chars)
        if ABBREVIATIONS:
            q.expansions.extend(self.shortenings.groups(q))
        return q

    @property
    def shortenings(self) -> Shortenings:
        """How this KB shortens or spells out words (read from its vocabulary on first use)."""
        if self._shortenings is None:
            keyword = self.indexes.keyword
            self._shortenings = Shortenings(keyword.words(), keyword.document_frequency)
        return self._shortenings

    def search(self, query: str, k: int = 10, mode: str = "hybrid",
               filters: Filters | None = None) -> list[Hit]:
        """The k best passages for `query`, best first, each with its citation and highlight terms;
        overlapping passages of one document come back as one hit."""
        if mode not in MODES:
            raise KBError(f"Unknown search mode {mode!r}: use one of {', '.join(MODES)}.")
        q = self.analyse(query)
        if k <= 0 or not q.has_words:
            return []
        allowed = self.allowed_rows(filters)
        if allowed is not None and not len(allowed):
            return []
        scores = self.ranked_rows(q, mode, allowed)
        if not scores:
            return []
        rows = np.fromiter(scores, dtype=np.int64)
        final = np.fromiter(scores.values(), dtype=np.float64) * self.priors(q, filters, rows)
        order = rows[np.argsort(-final, kind="stable")].tolist()
        by_row = dict(zip(rows.tolist(), final.tolist()))
        terms = q.terms
        shown = self.passages_at(order)
        return [self._hit(rank, [shown[r] for r in group], by_row[group[0]], terms)
                for rank, group in enumerate(merged_rows(order, shown, k,
                                                         MERGE_PASSAGES * self.settings.passage_max_chars), 1)]

    def ranked_rows(self, q: Query, mode: str, allowed: np.ndarray | None) -> dict[int, float]:
        """{row: score before priors} of the candidate rows for `mode`."""
        n = min(CANDIDATES, len(self.passages))
        if mode == "keyword":
            rows, scores = self._top(self.keyword_scores(q), n, allowed)
            return dict(zip(rows, scores))
        if mode == "dense":
            scores, rows = self.indexes.dense.search(self.query_vector(q), n, allowed)
            return dict(zip(rows.tolist(), scores.tolist()))
        return self.scored_union(q, n, allowed)

    def query_vector(self, q: Query) -> np.ndarray:
        return self.embedder.embed_queries([q.dense_text])[0]

    def keyword_scores(self, q: Query) -> np.ndarray:
        """BM25 of every row for the question, plus, per synonym group it uses, the best BM25 of the
        group's other spellings (a passage saying 国内生产总值 answers a question saying GDP)."""
        keyword = self.indexes.keyword
        years = [t for t in q.tokens if _YEAR.fullmatch(t)] if self.has_dated(q) and YEAR_WORD != 1.0 else []
        places = self.place_words(q) if PLACE_WORD != 1.0 else []
        scores = keyword.scores([t for t in q.tokens if t not in years and t not in places]).astype(np.float64)
        if years:
            scores += YEAR_WORD * keyword.scores(years)
        if places:
            scores += PLACE_WORD * keyword.scores(places)
        for spellings in q.expansions:
            best = np.max([keyword.scores(tokens(s)) for s in spellings], axis=0)
            scores += self.weights.synonym * best
        return scores

    def place_words(self, q: Query) -> list[str]:
        """The question's words that name a KB jurisdiction it names (广东 of 广东省)."""
        names = {n for j in q.places for n in place_names(j)}
        return [t for t in q.tokens if t in names]

    def has_dated(self, q: Query) -> bool:
        """Whether the KB holds documents dated in the question's period or the year after (what the
        dated prior prefers)."""
        return bool(q.years and self.weights.dated) and any(q.years[0] <= y <= q.years[1] + 1 for y in self._years)

    def scored_union(self, q: Query, n: int, allowed: np.ndarray | None) -> dict[int, float]:
        """Every candidate of either list scored by ALL signals, then a weighted sum.

        Rank fusion gives a row found by one list only half the credit, so a passage that BM25
        ranks first but the small embedding model misses (a heading phrase, an abstract listing
        several measures) sinks; scoring each candidate with both signals avoids that.
        """
        rows, signals = self.candidate_signals(q, n, allowed)
        fused = np.zeros(len(rows))
        for name, values in signals.items():
            fused += getattr(self.weights, name) * values
        return dict(zip(rows.tolist(), fused.tolist()))

    def candidate_signals(self, q: Query, n: int, allowed: np.ndarray | None
                          ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """(rows, {Weights field: per-row signal on a 0..1 scale}) of the union of the BM25 and the
        dense candidates; phrase, topic and window are left out when their weight is 0, document and heading
        when both weights are."""
        w = self.weights
        bm25 = self.keyword_scores(q)
        vector = self.query_vector(q)
        k_rows, _ = self._top(bm25, n, allowed)
        _, d_rows = self.indexes.dense.search(vector, n, allowed)
        candidates = set(k_rows) | {int(r) for r in d_rows}
        place_rows = self.place_rows(q, allowed)
        if place_rows is not None:   # the named place's own best passages, even if others outrank them
            candidates |= set(self._top(bm25, n, place_rows)[0])
        rows = np.array(sorted(candidates), dtype=np.int64)
        if not len(rows):
            return rows, {}
        keyword = bm25[rows]
        if w.heading_line != 1.0:
            keyword = keyword - (1.0 - w.heading_line) * self.heading_line_scores(q, rows)
        signals = {"keyword": unit_scaled(keyword, FUSION[0]),
                   "dense": unit_scaled(self.indexes.dense.vectors(rows) @ vector, FUSION[1])}
        if w.phrase:
            signals["phrase"] = phrase_scores(q.normalised, self.normalised_texts(rows.tolist()))
        if w.document or w.heading:
            idf = self._idf(q.tokens)
            signals["document"] = field_shares(idf, self._document_words, self._rows.document[rows])
            signals["heading"] = field_shares(idf, self._heading_words, self._rows.heading[rows])
        if w.topic:
            signals["topic"] = self.article_topic(q)[self._rows.article_of[rows]]
        if w.window:
            # a pasted paragraph is not a question whose words should sit together: its first words do
            signals["window"] = window_scores(self._idf(q.tokens[:WINDOW_MAX_WORDS]),
                                              self.normalised_texts(rows.tolist()), WINDOW_CHARS)
        return rows, signals

    def heading_line_scores(self, q: Query, rows: np.ndarray) -> np.ndarray:
        """Per row, the BM25 of the question words that the passage's opening section heading holds
        (the word's whole BM25 in the passage, body occurrences included: a cheap weak field). The
        section's first passage repeats the heading every passage of the section sits under, so
        those words are evidence of the section more than of that passage."""
        out = np.zeros(len(rows))
        opening = self._rows.opening[rows].tolist()
        for word in dict.fromkeys(q.tokens):
            hit = np.array([o >= 0 and word in self._opening_words[o] for o in opening], dtype=bool)
            if hit.any():
                out[hit] += self.indexes.keyword.scores([word])[rows[hit]]
        return out

    def article_topic(self, q: Query) -> np.ndarray:
        """Per article, how much the question's words run through it (0..1): for each word, the
        share of the article's passages containing it (saturating), weighted by the word's rarity
        among articles. A question naming a place or a subject prefers the passages of the article
        that is about it, even where a passage says only 全市 or 本文."""
        words = list(dict.fromkeys(q.tokens))
        n = len(self._article_sizes)
        if not words or n < 2:
            return np.zeros(n)
        total, score = 0.0, np.zeros(n)
        for rows in self.indexes.keyword.rows_with(words):
            counts = np.bincount(self._rows.article_of[rows], minlength=n)
            df = int((counts > 0).sum())
            idf = float(np.log(1.0 + (n - df + 0.5) / (df + 0.5)))
            share = counts / self._article_sizes
            score += idf * share / (share + TOPIC_SATURATION)
            total += idf
        return score / total if total else score

    def normalised_texts(self, rows: list[int]) -> list[str]:
        """The passage texts as tokens see them (cached: phrase and window scoring reread them)."""
        missing = [r for r in rows if r not in self._normalised]
        found = self.passages_at(missing) if missing else {}
        texts = [self._normalised[r] if r in self._normalised else normalise(found[r].text) for r in rows]
        _remember(self._normalised, dict(zip(rows, texts)))
        return texts

    def passages_at(self, rows: list[int]) -> Mapping[int, Passage]:
        """{row: Passage} of `rows`, read from the database in one query when it serves them."""
        if not isinstance(self.passages, PassageTable):
            return {r: self.passages[r] for r in rows}
        missing = [r for r in rows if r not in self._fetched]
        found = self.passages.fetch(missing) if missing else {}
        out = {r: self._fetched.get(r) or found[r] for r in rows}
        _remember(self._fetched, out)
        return out

    def _idf(self, words: list[str]) -> dict[str, float]:
        """BM25's idf of each distinct question word over the passages."""
        distinct = list(dict.fromkeys(words))
        df = self.indexes.keyword.document_frequency(distinct)
        n = self.indexes.keyword.size
        return dict(zip(distinct, np.log(1.0 + (n - df + 0.5) / (df + 0.5)).tolist()))

    def place_rows(self, q: Query, allowed: np.ndarray | None) -> np.ndarray | None:
        """Rows of the jurisdictions the question names (within `allowed`), or None."""
        if not q.places:
            return None
        mask = self._rows.jurisdiction.mask(q.places)
        if allowed is not None:
            keep = np.zeros_like(mask)
            keep[allowed] = True
            mask &= keep
        return np.flatnonzero(mask) if mask.any() else None

    def _top(self, scores: np.ndarray, n: int, allowed: np.ndarray | None) -> tuple[list[int], list[float]]:
        """(rows, scores) of the n best positive scores among the allowed rows, best first."""
        rows = np.flatnonzero(scores > 0) if allowed is None else allowed[scores[allowed] > 0]
        if len(rows) > n:   # the n best; of rows tied at the n-th score, the first ones (deterministic)
            kth = np.partition(scores[rows], len(rows) - n)[len(rows) - n]
            above, tied = rows[scores[rows] > kth], rows[scores[rows] == kth]
            rows = np.concatenate([above, tied[:n - len(above)]])
        rows = rows[np.lexsort((rows, -scores[rows]))]
        return rows.tolist(), scores[rows].astype(np.float64).tolist()

    def allowed_rows(self, filters: Filters | None) -> np.ndarray | None:
        """Row numbers passing `filters`, or None when nothing is filtered."""
        if filters is None or filters.is_empty():
            return None
        r = self._rows
        mask = np.ones(len(self.passages), dtype=bool)
        if filters.sources:
            mask &= r.source.mask(filters.sources)
        if filters.articles:
            mask &= r.article.mask(filters.articles)
        if filters.kinds:
            mask &= r.kind.mask(filters.kinds)
        if filters.year_from is not None:
            mask &= r.year >= filters.year_from
        if filters.year_to is not None:
            mask &= (r.year <= filters.year_to) & (r.year >= 0)
        return np.flatnonzero(mask)

    def priors(self, q: Query, filters: Filters | None, rows: np.ndarray) -> np.ndarray:
        """Per row: the kind prior (lifted for kinds the question or the filters ask for), raised for
        a jurisdiction the question names and for a passage naming a year of its period."""
        kind = self._rows.kind
        prior = self._kind_prior[kind.codes[rows]]
        if BARE_PRIOR != 1.0:
            prior = prior * np.where(self._rows.bare[rows] > 0, BARE_PRIOR, 1.0)
        if CITED_MARKS and "references" not in q.asks_for:
            cited = self._rows.cited[rows] >= CITED_MARKS
            prior = np.where(cited, np.minimum(prior, KIND_PRIOR["references"]), prior)
        if q.tense and self.weights.tense:
            prior = prior * np.where(self._rows.tense[rows] == -q.tense, 1.0 - self.weights.tense, 1.0)
        lifted = set(filters.kinds or [] if filters else [])
        if lifted:
            prior[kind.mask(lifted, rows)] = 1.0
        if q.asks_for:
            prior[kind.mask(q.asks_for, rows)] = ASKED_KIND_PRIOR
        if q.places and self.weights.place:
            prior *= 1.0 + self.weights.place * self._rows.jurisdiction.mask(q.places, rows)
        if q.years and self.weights.dated:
            first, last = q.years
            year = self._rows.year[rows]
            prior *= 1.0 + self.weights.dated * ((year >= first) & (year <= last + 1))
        if q.years and self.weights.period:
            first, last = q.years
            texts = self.passages_at(rows.tolist())
            in_period = [any(first - 1 <= int(y) <= last for y in _YEAR.findall(texts[r].text))
                         for r in rows.tolist()]
            prior *= 1.0 + self.weights.period * np.array(in_period, dtype=np.float64)
        return prior

    def _hit(self, rank: int, group: list[Passage], score: float, terms: list[str]) -> Hit:
        """The hit of a group of overlapping passages (the best first): their union, cited by the best."""
        p = group[0]
        start, end, text = merged_span(group)
        return Hit(rank=rank, score=round(float(score), 6), source=p.source, article=p.article,
                   section=p.section, kind=p.kind, start=start, end=end, text=text, page=p.page,
                   terms=terms_in(text, terms), passage_id=p.id)


def _remember(cache: dict, items: dict) -> None:
    """Add `items` to a cache of at most ~TEXT_CACHE entries (emptied when full: queries of a session
    share few rows, so recency bookkeeping would cost more than it saves)."""
    if len(cache) + len(items) > TEXT_CACHE:
        cache.clear()
    cache.update(items)


def _document_field(p: Passage, subtitle: str = "") -> str:
    """What a question may say about a passage's document: its title, jurisdiction (with the short
    names), genre, and where it was delivered (在中国共产党第十九次全国代表大会上的报告)."""
    places = " ".join(place_names(p.jurisdiction)) if p.jurisdiction else ""
    return " ".join(x for x in (p.article, places, GENRE_WORDS.get(p.genre, ""), subtitle) if x)


def opening_heading(p: Passage) -> str:
    """The section's own heading when the passage opens with it (a heading line, or a run-in heading
    such as `二是科技创新加快引领新质生产力发展。` followed by its text), else ""."""
    leaf = (p.section or "").rsplit(" > ", 1)[-1].strip()
    return leaf if leaf and p.text.lstrip().startswith(leaf) else ""


def field_shares(idf: dict[str, float], fields: list[frozenset], ids: np.ndarray) -> np.ndarray:
    """Per row: the idf-weighted share of the question's words found in the row's field."""
    total = sum(idf.values())
    if not total:
        return np.zeros(len(ids))
    share = {}
    for i in set(ids.tolist()):
        words = fields[i]
        share[i] = sum(v for w, v in idf.items() if w in words) / total
    return np.array([share[i] for i in ids.tolist()])


def merged_rows(order: list[int], passages: Sequence[Passage] | Mapping[int, Passage], k: int, max_chars: int) -> list[list[int]]:
    """The first k hits of `order` as groups of rows: a row overlapping a kept hit of its document
    joins it while their union stays under `max_chars`; otherwise a row whose text is mostly shown
    already is dropped, and any other row is a hit of its own."""
    groups: list[list[int]] = []
    spans: list[tuple[str, int, int]] = []      # per group: source, start, end of the union
    for row in order:
        p = passages[row]
        joined = False
        for g, (source, start, end) in enumerate(spans):
            if source == p.source and p.start < end and start < p.end \
                    and max(end, p.end) - min(start, p.start) <= max_chars:
                groups[g].append(row)
                spans[g] = (source, min(start, p.start), max(end, p.end))
                joined = True
                break
        if joined:
            continue
        shown = covered_chars(p.start, p.end, [(a, b) for s, a, b in spans if s == p.source])
        if shown > DUPLICATE_SHARE * (p.end - p.start):
            continue
        if len(groups) == k:
            break
        groups.append([row])
        spans.append((p.source, p.start, p.end))
    return groups


def distinct_rows(order: list[int], passages: Sequence[Passage], k: int) -> list[int]:
    """The first k rows of `order` whose passage mostly shows text no better-ranked kept row shows."""
    return [g[0] for g in merged_rows(order, passages, k, max_chars=0)]


def merged_span(passages: list[Passage]) -> tuple[int, int, str]:
    """(start, end, text) of the union of overlapping passages of one document (slices of one text)."""
    ordered = sorted(passages, key=lambda p: p.start)
    start, end, text = ordered[0].start, ordered[0].end, ordered[0].text
    for p in ordered[1:]:
        if p.end > end:
            text += p.text[end - p.start:]
            end = p.end
    return start, end, text


def covered_chars(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """How many characters of [start, end) lie inside the union of `spans`."""
    covered, cursor = 0, start
    for a, b in sorted((max(a, start), min(b, end)) for a, b in spans):
        a = max(a, cursor)
        if b > a:
            covered += b - a
            cursor = b
    return covered


def is_bare(text: str) -> bool:
    """Whether a passage is one short line that is not a sentence (a heading standing alone, a
    keyword line): a short sentence can be the answer."""
    text = text.strip()
    return len(text) < BARE_CHARS and "\n" not in text and not text.endswith(_SENTENCE_END)


def unit_scaled(scores: np.ndarray, how: str) -> np.ndarray:
    """`scores` of the candidates on a 0..1 scale by the method `how` (see FUSION)."""
    if how == "max":
        return scores / (scores.max() or 1.0)
    if how == "minmax":
        lo, hi = float(scores.min()), float(scores.max())
        return (scores - lo) / ((hi - lo) or 1.0)
    if how == "z":
        z = (scores - scores.mean()) / (scores.std() or 1.0)
        return np.clip((z + 3.0) / 6.0, 0.0, 1.0)
    if how == "rank":
        ranks = np.empty(len(scores))
        ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
        return (RRF_K + 1) / (RRF_K + ranks)
    raise ValueError(f"unknown score scaling {how!r}")


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


def window_scores(idf: dict[str, float], texts: list[str], width: int = WINDOW_CHARS) -> np.ndarray:
    """Per text, the largest idf-weighted share of the question's words that occur together within
    `width` characters (0..1).

    BM25 counts words anywhere in a passage; an answer usually holds the question's words close
    together (老旧小区改造完工1225个 for 改造了多少个老旧小区), while a same-document competitor
    scatters them over its sentences.
    """
    total = sum(idf.values())
    out = np.zeros(len(texts))
    if not total:
        return out
    for i, text in enumerate(texts):
        hits = sorted((pos, word) for word in idf for pos in _positions(text, word))
        best, counts, weight, lo = 0.0, {}, 0.0, 0
        for pos, word in hits:
            counts[word] = counts.get(word, 0) + 1
            if counts[word] == 1:
                weight += idf[word]
            while hits[lo][0] < pos - width:
                gone = hits[lo][1]
                counts[gone] -= 1
                if not counts[gone]:
                    weight -= idf[gone]
                lo += 1
            best = max(best, weight)
        out[i] = best / total
    return out


def _positions(text: str, word: str) -> list[int]:
    """Start offsets of `word` in `text`."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _longest_run(q: str, text: str) -> int:
    """Length of the longest substring of `q` occurring in `text` (0 if under 2 characters)."""
    best = 0
    for i in range(len(q)):
        j = i + best + 1
        while j <= len(q) and q[i:j] in text:
            best = j - i
            j += 1
    return best if best >= 2 else 0


def terms_in(text: str, terms: list[str]) -> list[str]:
    """The query terms as they are written in `text` (case-insensitive: gdp → GDP), for highlighting."""
    found = []
    for term in terms:
        m = re.search(re.escape(term), text, re.IGNORECASE)
        if m and m.group(0) not in found:
            found.append(m.group(0))
    return found


def search(indexes: Indexes, passages_lookup: Sequence[Passage] | Mapping[int, Passage], query: str,
           k: int = 10, mode: str = "hybrid", filters: Filters | None = None,
           embedder: Embedder | None = None) -> list[Hit]:
    """One-off search; for many queries keep a `Searcher` (it builds its filter arrays once)."""
    return Searcher(indexes, passages_lookup, embedder).search(query, k=k, mode=mode, filters=filters)


def _aligned(indexes: Indexes, passages: Sequence[Passage] | Mapping[int, Passage] | PassageTable
             ) -> list[Passage] | PassageTable:
    """The passages in index row order (row i holds manifest passage id i), matched by id. A
    PassageTable is checked as it is read (`PassageTable.__iter__`)."""
    if isinstance(passages, PassageTable):
        if not np.array_equal(passages.ids, np.asarray(indexes.ids, dtype=np.int64)):
            raise KBError(f"The passages given are not the rows of the index in {indexes.directory}. "
                          "Rebuild the KB: `kb build`.")
        return passages
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
