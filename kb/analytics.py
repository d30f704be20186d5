"""Text analytics over the whole KB: keywords (TF-IDF against the KB), topics (NMF, the number of
topics chosen by coherence on held-out text), term trends across document years, co-occurrence of
policy terms, and the policy-tool mix of each document. Every result is a DataFrame with citations,
so the CLI, the app and exports share it.

Words are jieba's precise cut with the policy dictionary (kb/tokenize.py), so 新型城镇化 and
高质量发展 stay whole; one-character words, numbers and stopwords are left out.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import store
from .errors import KBError
from .tokenize import USERDICT, normalise, stopwords, tokenizer

LEVELS = ("document", "section", "passage")
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NUMBERISH = re.compile(r"^[\d.,%％]+[\u4e00-\u9fff]?$")
_YEAR = re.compile(r"(?:19|20)\d{2}")
# Verbs and adverbs of exhortation that every policy text uses in every paragraph (推进, 加强, 着力…):
# they carry no topic, so analysis leaves them out (search keeps them: a query may use them).
GENERIC_POLICY_WORDS = frozenset(
    "推进 推动 加强 加快 提升 提高 实施 完善 深化 坚持 持续 进一步 全面 积极 不断 努力 着力 大力 扎实 强化 促进 "
    "落实 开展 我们 推行 健全 优化 做好 抓好 统筹 切实 有效 更加 深入 稳步 坚决 始终 继续 加大 打造 培育 实现 "
    "建立 构建 增强 稳定 支持 引导 鼓励 提出 主要 重点 重大 一批 各类 相关 有关 进行 通过 以及 其中 方面".split())


@dataclass
class Unit:
    """A stretch of one document analysed as a whole: a document, a body section or a passage."""
    source: str
    section: str
    start: int
    end: int
    text: str
    year: int | None = None
    tokens: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ words
def words(text: str) -> list[str]:
    """Analysis words of `text`: jieba's precise cut with the policy dictionary, minus stopwords,
    generic policy verbs, one-character words and numbers."""
    stop = stopwords() | GENERIC_POLICY_WORDS
    return [w for w in tokenizer().cut(normalise(text))
            if len(w) > 1 and _CJK_OR_LATIN.search(w) and not _NUMBERISH.match(w) and w not in stop]


@lru_cache(maxsize=1)
def policy_terms() -> tuple[str, ...]:
    """The policy dictionary's terms (kb/data/userdict.txt), in file order."""
    if not USERDICT.exists():
        return ()
    return tuple(dict.fromkeys(line.split()[0] for line in USERDICT.read_text(encoding="utf-8").splitlines()
                               if line.strip() and not line.startswith("#")))


# ------------------------------------------------------------------ units of the KB
def units(kb, level: str = "document", sections: list[Unit] | None = None) -> list[Unit]:
    """The KB's text cut into units of `level` (body sections for `section`; passages as indexed),
    each with its document's year and its words. Documents are made of their body sections' words;
    pass `sections` (this KB's section units) to reuse them instead of tokenising again."""
    if level not in LEVELS:
        raise KBError(f"level {level!r}: use one of {', '.join(LEVELS)}")
    years = document_years(kb)
    if level == "passage":
        found = [Unit(p.source, p.section, p.start, p.end, p.text, years.get(p.source), words(p.text))
                 for p in store.load_passages(kb.db) if p.kind in ("body", "abstract")]
        return [u for u in found if u.tokens]
    texts = {r["source"]: r["text"] for r in store.document_texts(kb.db)}
    if sections is None:
        sections = [Unit(r["source"], r["path"], r["start"], r["end"], texts[r["source"]][r["start"]:r["end"]],
                         years.get(r["source"])) for r in store.section_rows(kb.db) if r["kind"] == "body"]
        for u in sections:
            u.tokens = words(u.text)
    if level == "section":
        return [u for u in sections if u.tokens]
    # a document is its body sections (tokenised once), or its whole text when it has none
    by_source: dict[str, list[str]] = {}
    for u in sections:
        by_source.setdefault(u.source, []).extend(u.tokens)
    found = [Unit(s, "", 0, len(t), t, years.get(s), by_source.get(s) or words(t)) for s, t in texts.items()]
    return [u for u in found if u.tokens]


def document_years(kb) -> dict[str, int]:
    """Each document's year: its first dated article's date, else the year the text states for it."""
    years: dict[str, int] = {}
    for r in store.article_rows(kb.db):
        year = year_of(r["date"], r["year"])
        if year and r["source"] not in years:
            years[r["source"]] = year
    return years


def year_of(date: str | None, year: int | None) -> int | None:
    m = _YEAR.match(date or "")
    return int(m.group(0)) if m else (int(year) if year else None)


# ------------------------------------------------------------------ keywords
def _identity(tokens):
    return tokens


def keywords(unit_list: list[Unit], top: int = 10) -> pd.DataFrame:
    """The `top` TF-IDF keywords of each unit, weighed against all the units (the KB)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    columns = ["source", "section", "rank", "keyword", "weight", "count", "start", "end"]
    if not unit_list:
        return pd.DataFrame(columns=columns)
    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vec.fit_transform([u.tokens for u in unit_list]).tocsr()
    vocab = vec.get_feature_names_out()
    rows = []
    for i, u in enumerate(unit_list):
        row = matrix.getrow(i)
        order = np.argsort(-row.data, kind="stable")[:top]
        counts = Counter(u.tokens)
        for rank, j in enumerate(order, 1):
            term = vocab[row.indices[j]]
            rows.append((u.source, u.section, rank, term, round(float(row.data[j]), 4), counts[term],
                         u.start, u.end))
    return pd.DataFrame(rows, columns=columns)


# ------------------------------------------------------------------ topics
_SELECTION_UNITS = 2500


@dataclass
class Topics:
    """Fitted topics: one row per topic (top terms, share, coherence), each topic's most typical
    passages with citations, and the coherence of every number of topics tried."""
    topics: pd.DataFrame
    passages: pd.DataFrame
    tried: pd.DataFrame
    k: int
    seed: int



def _fit_quietly(model, matrix, transform: bool = False):
    """Fit an NMF model without sklearn's ConvergenceWarning: topics are read from the top terms of
    each component, which settle long before NMF's loss tolerance, and 400 iterations bound the time."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit_transform(matrix) if transform else model.fit(matrix)

def topics(unit_list: list[Unit], k: int | None = None, k_range=range(4, 13, 2), seed: int = 0,
           top_terms: int = 10, typical: int = 3, held_out: float = 0.2) -> Topics:
    """NMF topics of the units' TF-IDF. Without `k`, each number in `k_range` is fitted on the units
    outside a held-out fifth and scored by the NPMI coherence of its topics' top terms in the held-out
    units (fitted on at most 2,500 of the others); the best is refitted on all units. Same units and
    seed, same topics."""
    from threadpoolctl import threadpool_limits

    # One BLAS thread: on a small shared machine more threads only wait for each other (measured:
    # the SVD that starts NMF took 3x its CPU time in wall time with the default threads).
    with threadpool_limits(1):
        return _topics(unit_list, k, k_range, seed, top_terms, typical, held_out)


def _topics(unit_list, k, k_range, seed, top_terms, typical, held_out) -> Topics:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(unit_list) < 4:
        raise KBError(f"topics need at least 4 passages of text; the KB has {len(unit_list)}")
    docs = [u.tokens for u in unit_list]
    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=2, max_df=0.5, max_features=8000)
    matrix = vec.fit_transform(docs)
    vocab = vec.get_feature_names_out()
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(unit_list))
    n_test = max(1, int(len(unit_list) * held_out))
    # choosing k needs a sample, not every unit: at most _SELECTION_UNITS fit each candidate
    test, train = order[:n_test], order[n_test:][:_SELECTION_UNITS]
    presence = (matrix[test] > 0).astype(np.float32).tocsc()
    candidates = [k] if k else [n for n in k_range if n < len(train)]
    tried = []
    for n in candidates:
        model = _fit_quietly(NMF(n_components=n, init="nndsvda", random_state=seed, max_iter=400), matrix[train])
        tops = [np.argsort(-c)[:top_terms] for c in model.components_]
        tried.append((n, round(float(np.mean([npmi(presence, t) for t in tops])), 4)))
    best = max(tried, key=lambda t: t[1])[0] if not k else k
    model = NMF(n_components=best, init="nndsvda", random_state=seed, max_iter=400)
    weights = _fit_quietly(model, matrix, transform=True)
    all_presence = (matrix > 0).astype(np.float32).tocsc()
    topic_rows, passage_rows = [], []
    share = weights.sum(axis=0) / max(weights.sum(), 1e-12)
    for t, comp in enumerate(model.components_):
        top = np.argsort(-comp)[:top_terms]
        topic_rows.append((t + 1, "、".join(vocab[top]), round(float(share[t]), 4),
                           round(npmi(all_presence, top), 4)))
        # typical: units the topic explains most of (share of the unit's weights), weighted by how
        # strongly they load on it, so a one-line unit that happens to be all one topic ranks lower
        norm = weights[:, t] / np.maximum(weights.sum(axis=1), 1e-12)
        for rank, i in enumerate(np.argsort(-(norm * weights[:, t]), kind="stable")[:typical], 1):
            u = unit_list[i]
            passage_rows.append((t + 1, rank, round(float(norm[i]), 4), u.source, u.section, u.start, u.end,
                                 " ".join(u.text.split())[:200]))
    return Topics(
        topics=pd.DataFrame(topic_rows, columns=["topic", "terms", "share", "coherence"]),
        passages=pd.DataFrame(passage_rows, columns=["topic", "rank", "weight", "source", "section", "start",
                                                     "end", "text"]),
        tried=pd.DataFrame(tried, columns=["k", "heldout_npmi"]), k=best, seed=seed)


def npmi(presence, term_ids) -> float:
    """Mean normalised PMI of the term pairs over units (a units × terms 0/1 matrix); a pair that
    never co-occurs counts -1."""
    n = presence.shape[0]
    cols = presence[:, list(term_ids)].toarray()
    counts = cols.sum(axis=0)
    both = cols.T @ cols
    scores = []
    for a in range(len(term_ids)):
        for b in range(a + 1, len(term_ids)):
            if both[a, b] == 0 or counts[a] == 0 or counts[b] == 0:
                scores.append(-1.0)
                continue
            p_ab = both[a, b] / n
            if p_ab >= 1:
                scores.append(1.0)
                continue
            scores.append(math.log(p_ab / (counts[a] / n * counts[b] / n)) / -math.log(p_ab))
    return float(np.mean(scores)) if scores else 0.0


# ------------------------------------------------------------------ trends
def trends(docs: list[tuple[str, int | None, str]], terms: list[str], per: int = 10_000) -> pd.DataFrame:
    """Occurrences of each term per `per` characters in each document year.

    `docs` are (source, year, text); documents without a year are left out. Characters and terms are
    counted in normalised text without whitespace, so a term broken across lines still counts.
    """
    terms = [t for t in dict.fromkeys(t.strip() for t in terms) if t]
    if not terms:
        raise KBError("name at least one term, e.g. kb trends 高质量发展")
    rows = []
    for source, year, text in docs:
        if year is None:
            continue
        flat = re.sub(r"\s+", "", normalise(text))
        for term in terms:
            count = flat.count(re.sub(r"\s+", "", normalise(term)))
            rows.append((year, source, term, count, len(flat)))
    df = pd.DataFrame(rows, columns=["year", "source", "term", "count", "chars"])
    if df.empty:
        return df.assign(per_10k=pd.Series(dtype=float))
    by_year = df.groupby(["year", "term"], as_index=False).agg(count=("count", "sum"), chars=("chars", "sum"),
                                                               sources=("source", lambda s: "；".join(s)))
    by_year["per_10k"] = (by_year["count"] / by_year["chars"] * per).round(3)
    return by_year.sort_values(["term", "year"]).reset_index(drop=True)


def kb_documents(kb) -> list[tuple[str, int | None, str]]:
    """(source, year, text) of every document of the KB."""
    years = document_years(kb)
    return [(r["source"], years.get(r["source"]), r["text"]) for r in store.document_texts(kb.db)]


def file_documents(paths: list[Path]) -> tuple[list[tuple[str, int | None, str]], list[str]]:
    """(source, year, cleaned text) of files outside the KB, through the same load, clean and structure
    stages, so the year is the one the text states; and the messages of files that could not be read
    (one bad file does not stop the rest)."""
    from .clean import clean
    from .load import discover, load
    from .structure import split_articles

    files, _ = discover([Path(p) for p in paths])
    docs, failed = [], []
    for path in files:
        try:
            raw = load(path)
        except KBError as e:
            failed.append(str(e))
            continue
        text = clean(raw)
        articles = split_articles(text, raw.source)
        year = next((y for a in articles if (y := year_of(getattr(a, "date", ""), a.year))), None)
        docs.append((raw.source, year, text.text))
    return docs, failed


# ------------------------------------------------------------------ co-occurrence
def cooccurrence(unit_list: list[Unit], terms: list[str] | None = None, top: int = 30) -> pd.DataFrame:
    """Pairs of policy terms (the policy dictionary by default) found in the same unit: how many units
    hold both, and their NPMI; the `top` pairs by count."""
    terms = list(terms or policy_terms())
    flat = [re.sub(r"\s+", "", normalise(u.text)) for u in unit_list]
    present = {t: {i for i, text in enumerate(flat) if t in text} for t in terms}
    present = {t: s for t, s in present.items() if s}
    n = max(len(unit_list), 1)
    rows = []
    names = sorted(present, key=lambda t: -len(present[t]))
    for a_i, a in enumerate(names):
        for b in names[a_i + 1:]:
            if a in b or b in a:   # 西部 inside 西部大开发 is not a co-occurrence
                continue
            both = len(present[a] & present[b])
            if both:
                p_ab, p_a, p_b = both / n, len(present[a]) / n, len(present[b]) / n
                score = 1.0 if p_ab >= 1 else math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)
                rows.append((a, b, both, len(present[a]), len(present[b]), round(score, 4)))
    df = pd.DataFrame(rows, columns=["term_a", "term_b", "units", "units_a", "units_b", "npmi"])
    return df.sort_values(["units", "npmi"], ascending=False).head(top).reset_index(drop=True)


# ------------------------------------------------------------------ policy-tool mix
def tool_mix(strategies: pd.DataFrame) -> pd.DataFrame:
    """Measures per document and policy-tool type (供给型/需求型/环境型…) and sub-type, with each
    type's share of the document's measures (from the classifier's `category`)."""
    columns = ["source", "tool_type", "tool", "measures", "share"]
    if strategies.empty:
        return pd.DataFrame(columns=columns)
    cat = strategies.category.fillna("").replace("", "未分类")
    df = strategies.assign(tool_type=cat.str.split("/").str[0], tool=cat.str.split("/").str[-1])
    mix = df.groupby(["source", "tool_type", "tool"], as_index=False).size().rename(columns={"size": "measures"})
    mix["share"] = (mix.measures / mix.groupby("source").measures.transform("sum")).round(4)
    return mix[columns].sort_values(["source", "measures"], ascending=[True, False]).reset_index(drop=True)
