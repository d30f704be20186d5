"""Sizing figures for README's "Scaling out": build passages/s per core, memory per passage per store,
dense query p50 on FAISS vs Milvus Lite.

    python benchmarks/sizing_bench.py [--vectors 100000] [--cache /work/kbs/demo/embed_cache.sqlite]

1. Build: corpus/ into two temporary KBs with a warm embedding cache copied in (so this times the text
   pipeline, the writes and cache look-ups, not the model): a local build (one process) and
   `--ray local` with 2 CPUs (ray.init excluded). Passages/s and per core.
2. Stores: N synthetic unit 384-d float32 vectors into FAISS exact (IndexFlatIP, the KB's index below
   exact_index_limit) and into a Milvus Lite collection with the project's schema (kb.vector_store:
   vector, digest and filter metadata, FLAT index). Disk and the growth of resident memory (Milvus Lite
   runs inside this process; measured first, then FAISS), then dense top-100 p50 over 50 random queries.
Per-million figures are these measurements scaled linearly.
"""
from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.build import build  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.vector_store import VECTOR_FIELD, MilvusStore, client_for  # noqa: E402

DIM = 384
QUERIES = 50


def rss_mb(pid: int | str = "self") -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_pids() -> list[int]:
    me = os.getpid()
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == me:
                    pids.append(int(entry.name))
            except (OSError, IndexError):
                pass
    return pids


def timed_build(cache: Path, ray_cpus: int | None) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        index_dir.mkdir()
        shutil.copy(cache, index_dir / "embed_cache.sqlite")
        settings = Settings.from_env(index_dir=index_dir, corpus_dir=ROOT / "corpus")
        if ray_cpus:
            import ray
            settings = settings.with_(ray_address="local")
            ray.init(num_cpus=ray_cpus, include_dashboard=False, log_to_driver=False)
        try:
            t = time.perf_counter()
            report = build([ROOT / "corpus"], settings, progress=False, log=lambda *_: None)
            seconds = time.perf_counter() - t
        finally:
            if ray_cpus:
                ray.shutdown()
        return seconds, report.counts["passages"]


def p50_ms(search, queries: np.ndarray) -> float:
    times = []
    for q in queries:
        t = time.perf_counter()
        search(q)
        times.append(time.perf_counter() - t)
    return 1000 * float(np.median(times))


def per_million(value: float, n: int) -> float:
    return value * 1_000_000 / n


def faiss_figures(vectors: np.ndarray, queries: np.ndarray, tmp: Path) -> None:
    import faiss
    before = rss_mb()
    index = faiss.IndexFlatIP(DIM)
    index.add(vectors)
    rss = rss_mb() - before
    faiss.write_index(index, str(tmp / "dense.faiss"))
    disk = (tmp / "dense.faiss").stat().st_size / 2**20
    p50 = p50_ms(lambda q: index.search(q[None, :], 100), queries)
    n = len(vectors)
    print(f"FAISS flat: disk {disk:.0f} MB, RSS +{rss:.0f} MB for {n} vectors -> per 10^6 passages "
          f"disk {per_million(disk, n) / 1024:.2f} GB, RSS {per_million(rss, n) / 1024:.2f} GB; "
          f"top-100 p50 {p50:.2f} ms")


def milvus_figures(vectors: np.ndarray, queries: np.ndarray, tmp: Path) -> None:
    store = MilvusStore("vectors.db", tmp)
    client = client_for(store.name, store.uri)
    server = child_pids() or ["self"]   # milvus-lite runs in this process, or a child server in older versions
    idle = sum(rss_mb(p) for p in server)
    store._ensure_collection(client, DIM)
    t = time.perf_counter()
    for start in range(0, len(vectors), 2000):
        client.insert(store.collection, data=[
            {"id": i, VECTOR_FIELD: vectors[i].tolist(), "digest": f"{i:064x}",
             "source": f"policy_{i % 5000:05d}.txt", "article": f"第{i % 40}篇 关于推进区域协调发展的实施意见",
             "kind": "body", "genre": "policy", "year": 2000 + i % 26}
            for i in range(start, min(start + 2000, len(vectors)))])
    client.flush(store.collection)
    client.load_collection(store.collection)
    seconds = time.perf_counter() - t
    p50 = p50_ms(lambda q: client.search(store.collection, data=[q.tolist()], limit=100,
                                         anns_field=VECTOR_FIELD, search_params={"metric_type": "IP"}), queries)
    gc.collect()
    rss = sum(rss_mb(p) for p in server) - idle
    disk = sum(p.stat().st_size for p in tmp.rglob("*") if p.is_file() and p.name != "dense.faiss") / 2**20
    n = len(vectors)
    print(f"Milvus Lite: inserted and loaded in {seconds:.0f} s; disk {disk:.0f} MB, RSS +{rss:.0f} MB "
          f"(process at {idle:.0f} MB before) for {n} vectors -> per 10^6 passages "
          f"disk {per_million(disk, n) / 1024:.2f} GB, RSS {per_million(rss, n) / 1024:.2f} GB; "
          f"top-100 p50 {p50:.2f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vectors", type=int, default=100_000)
    ap.add_argument("--cache", type=Path, default=Path("/work/kbs/demo/embed_cache.sqlite"),
                    help="a warm embedding cache of corpus/")
    ap.add_argument("--skip-build", action="store_true")
    a = ap.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    if not a.skip_build:
        for name, cpus, cores in (("local", None, 1), ("ray local", 2, 2)):
            seconds, passages = timed_build(a.cache, cpus)
            print(f"build {name}: {passages} passages in {seconds:.1f} s = {passages / seconds:.0f} passages/s, "
                  f"{passages / seconds / cores:.0f} per core ({cores} core(s), embeddings from the cache)")
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((a.vectors, DIM), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = vectors[rng.choice(a.vectors, QUERIES, replace=False)] + 0.01
    with tempfile.TemporaryDirectory() as tmp:
        milvus_figures(vectors, queries, Path(tmp))
        faiss_figures(vectors, queries, Path(tmp))


if __name__ == "__main__":
    main()
