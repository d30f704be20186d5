"""Benchmark: build time and throughput of the text pipeline on the demo corpus (no embeddings).

Prints per-stage seconds (load, clean, structure, passages, facts, strategies, indicator systems)
with each stage's slowest file (cleaning the whole issue 003 took 0.27 s on a quiet machine) and chars/s, then times a full `kb build` into a temporary directory twice: the first build (with
embeddings, through the cache) and a second build of the unchanged corpus (target: no work, < 10 s).

    python benchmarks/build_bench.py [--skip-full]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from kb.build import build
from kb.clean import clean
from kb.config import Settings
from kb.extract.facts import extract_facts
from kb.extract.indicators import extract_indicator_systems
from kb.extract.strategies import extract_strategies
from kb.load import discover, load
from kb.passages import make_passages
from kb.structure import split_articles

ROOT = Path(__file__).resolve().parent.parent


def time_pipeline(corpus: Path, settings: Settings) -> None:
    files, _ = discover([corpus])
    seconds = defaultdict(float)
    slowest: dict[str, tuple[float, str]] = {}   # stage -> (seconds, file) of its slowest file
    chars = 0

    def timed(stage, fn, *args):
        t = time.perf_counter()
        out = fn(*args)
        took = time.perf_counter() - t
        seconds[stage] += took
        slowest[stage] = max(slowest.get(stage, (0.0, "")), (took, path.name))
        return out

    for path in files:
        raw = timed("load", load, path)
        chars += len(raw.text)
        text = timed("clean", clean, raw)
        articles = timed("structure", split_articles, text, raw.source)
        timed("passages", make_passages, text, articles, raw.source, settings)
        timed("facts", extract_facts, text, articles, raw.source)
        timed("strategies", extract_strategies, text, articles, raw.source)
        timed("indicator systems", extract_indicator_systems, text, articles, raw.source)
    total = sum(seconds.values())
    print(f"demo corpus: {len(files)} files, {chars:,} characters")
    for stage, s in seconds.items():
        print(f"  {stage:<18} {s:6.2f} s   (slowest file {slowest[stage][1]}: {slowest[stage][0]:.2f} s)")
    print(f"pipeline without embeddings: {total:.2f} s, {chars / total:,.0f} chars/s (target < 10 s)")


def time_full_builds(corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(index_dir=Path(tmp) / "index")
        first = build([corpus], settings, progress=True)
        print(f"first full build (with embeddings): {first.seconds:.1f} s, "
              f"{first.embedded} passages embedded, {first.counts}")
        second = build([corpus], settings, progress=False)
        print(f"second build, unchanged corpus: {second.seconds:.2f} s, {second.embedded} passages embedded, "
              f"{len(second.unchanged)} files unchanged (target: no embedding work, < 10 s)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--skip-full", action="store_true", help="only the pipeline timing, no full builds")
    args = ap.parse_args()
    time_pipeline(args.corpus, Settings.from_env())
    if not args.skip_full:
        time_full_builds(args.corpus)


if __name__ == "__main__":
    main()
