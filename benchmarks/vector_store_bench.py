"""FAISS vs Milvus Lite on a built KB: the same passages and vectors, both scored on a gold query set.

    python benchmarks/vector_store_bench.py --kb /path/to/kb --gold ../shared/eval/dev/queries.jsonl

The KB's own FAISS vectors are copied into a Milvus Lite file in a temporary directory (no
re-embedding), then each query set is searched through both stores with the same Searcher and scored
with the shared score.py. Prints both scores, dense-search p50 per query for each store (query
embedding excluded, it is the same for both) and the bytes each store takes per passage on disk.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kb.api import KnowledgeBase  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.index import DENSE_FILE, Indexes  # noqa: E402
from kb.search import Searcher  # noqa: E402
from kb.vector_store import MilvusStore  # noqa: E402
from search_dev import ranked  # noqa: E402

from _shared import SHARED  # noqa: E402

SCORE = SHARED / "eval" / "score.py"


def write_hits(searcher: Searcher, queries: list[dict], out: Path, mode: str) -> None:
    """The run file score.py reads: one line per query with its ranked hits (search_dev's format)."""
    with open(out, "w", encoding="utf-8") as f:
        for q in queries:
            hits = ranked(searcher, None, q["query"], mode)
            f.write(json.dumps({"query": q["query"], "hits": hits}, ensure_ascii=False) + "\n")


def dense_p50_ms(searcher: Searcher, vectors: np.ndarray) -> float:
    times = []
    for v in vectors:
        t = time.perf_counter()
        searcher.indexes.dense.search(v, 100)
        times.append(time.perf_counter() - t)
    return 1000 * float(np.median(times))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb", required=True, help="a KB directory built with vector_store=faiss")
    ap.add_argument("--gold", action="append", required=True, help="queries.jsonl (repeatable)")
    ap.add_argument("--mode", default="hybrid")
    a = ap.parse_args()
    faiss_kb = KnowledgeBase(Settings(index_dir=Path(a.kb)))
    faiss_searcher = faiss_kb.searcher
    indexes = faiss_searcher.indexes
    n = len(indexes.ids)
    with tempfile.TemporaryDirectory() as tmp:
        store = MilvusStore("vectors.db", Path(tmp))
        vectors = indexes.dense.vectors(np.arange(n))
        t = time.perf_counter()
        dense, fields = store.write(faiss_searcher.passages, vectors, Path(tmp), faiss_kb.settings)
        print(f"{n} passages copied into Milvus Lite in {time.perf_counter() - t:.1f} s")
        milvus = Searcher(Indexes({**indexes.manifest, **fields}, dense, indexes.keyword, Path(tmp)),
                          faiss_searcher.passages, faiss_searcher.embedder, faiss_kb.settings)
        faiss_bytes = (indexes.directory / DENSE_FILE).stat().st_size
        milvus_bytes = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
        print(f"disk per passage: FAISS {faiss_bytes / n:.0f} B, Milvus Lite {milvus_bytes / n:.0f} B "
              f"({len(vectors[0])}-d float32 = {4 * len(vectors[0])} B)")
        for gold in a.gold:
            queries = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
            qv = faiss_searcher.embedder.embed_queries([q["query"] for q in queries])
            for name, searcher in (("faiss", faiss_searcher), ("milvus-lite", milvus)):
                out = Path(tmp) / f"{name}.jsonl"
                write_hits(searcher, queries, out, a.mode)
                print(f"--- {gold} ({len(queries)} queries), {name}, mode {a.mode}, "
                      f"dense search p50 {dense_p50_ms(searcher, qv):.2f} ms")
                subprocess.run([sys.executable, str(SCORE), "search", "--gold", gold, "--pred", str(out)],
                               check=True)


if __name__ == "__main__":
    main()
