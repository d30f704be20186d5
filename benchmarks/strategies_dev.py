"""Strategies on a corpus: extract from every file, score against a gold set, time; classifier figures.

    python benchmarks/strategies_dev.py                                   # seed corpus, seed dev gold
    python benchmarks/strategies_dev.py --corpus ../shared/wildcorpus \\
        --gold ../shared/wildcorpus/gold/strategies.jsonl                 # wildcorpus dev gold
    python benchmarks/strategies_dev.py --corpus ../shared/extcorpus \\
        --gold benchmarks/strategies_heldout.jsonl                        # held-out gold
    python benchmarks/strategies_dev.py ... --sample 40 --seed 7          # rows to judge precision on

Relative paths are read from the repository root, whose sibling `shared/` holds the corpora and the
scorer. Files go through the pipeline a build runs (load -> clean -> split_articles ->
extract_strategies -> classify), without embeddings; a file that fails to load is reported and skipped.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from _shared import SHARED  # noqa: E402
sys.path.insert(0, str(ROOT))

from kb.clean import clean  # noqa: E402
from kb.errors import KBError  # noqa: E402
from kb.extract.policy_tools import classify, held_out_scores  # noqa: E402
from kb.extract.strategies import extract_strategies  # noqa: E402
from kb.load import discover, load  # noqa: E402
import kb.structure as structure  # noqa: E402


def from_root(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else (ROOT / p).resolve()


def extract_file(path: Path):
    """(genre of the first article, strategy rows) of one file."""
    raw = load(path)
    cleaned = clean(raw)
    articles = structure.split_articles(cleaned, raw.source)
    genre = articles[0].genre if articles else "other"
    return genre, extract_strategies(cleaned, articles, raw.source)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="corpus", help="folder of documents (default: the seed corpus)")
    ap.add_argument("--gold", default=str(SHARED / "eval" / "dev" / "strategies.jsonl"))
    ap.add_argument("--out", default="/tmp/strategies_dev.jsonl")
    ap.add_argument("--show", default="", help="print rows of sources starting with this prefix")
    ap.add_argument("--sample", type=int, default=0, help="print N random rows (for judging precision)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--classifier", action="store_true", help="also print the classifier's held-out figures")
    a = ap.parse_args()
    files, _ = discover([from_root(a.corpus)])
    t0 = time.perf_counter()
    rows, genres = [], {}
    for f in files:
        try:
            genres[f.name], found = extract_file(f)
        except KBError as e:
            print(f"skipped: {e}")
            continue
        rows.extend(found)
    elapsed = time.perf_counter() - t0
    t1 = time.perf_counter()
    classify(rows)
    t_cls = time.perf_counter() - t1
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
    for r in rows:
        if a.show and r.source.startswith(a.show):
            print(f"{r.start:>7} [{r.category}] {r.section[-30:]} | {r.title[:40]} | {r.text[:50]}")
    if a.sample:
        picked = random.Random(a.seed).sample(rows, min(a.sample, len(rows)))
        for n, r in enumerate(picked, 1):
            body = " ".join(r.text.split())
            print(f"{n:>3} {r.source[:24]:<24} [{r.category}] {r.section[-24:]} | {r.title[:50]} | {body[:40]}")
    per_file = Counter(r.source for r in rows)
    for name in sorted(genres):
        print(f"  {name:<32} {genres[name]:<14} {per_file.get(name, 0):>4} rows")
    print(f"extracted {len(rows)} rows from {len(files)} files in {elapsed:.2f} s "
          f"(classified in {t_cls:.2f} s, including the lazy fit)")
    if a.classifier:
        print("policy-tool classifier, held-out:", json.dumps(held_out_scores(), ensure_ascii=False))
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "strategies",
                    "--gold", str(from_root(a.gold)), "--pred", a.out], check=False)


if __name__ == "__main__":
    main()
