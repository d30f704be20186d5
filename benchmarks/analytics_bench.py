"""Time the text analytics over about 1M characters: the national work reports (../shared/extcorpus),
the wildcorpus texts and the seed papers in a text-only KB (real pipeline, no embeddings).

    python benchmarks/analytics_bench.py [--chars 1000000]

Prints the KB's size and the time of each step: tokenising documents, sections and passages,
keywords (documents and sections), topics over passages (the number chosen by held-out coherence,
5 fits + 1), term trends, co-occurrence and the policy-tool mix. Target: the whole under 60 s on the
2-core machine.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb import analytics, tables  # noqa: E402
from kb.api import KnowledgeBase  # noqa: E402
from kb.config import Settings  # noqa: E402
from tests.fixtures import text_only_kb  # noqa: E402

from _shared import SHARED  # noqa: E402


def corpus_files(limit: int) -> list[Path]:
    """Texts of the external and wild corpora, in name order, until `limit` characters."""
    files, total = [], 0
    for path in sorted((SHARED / "extcorpus").glob("*.txt")) + sorted((SHARED / "wildcorpus").glob("*.txt")) \
            + sorted((SHARED / "wildcorpus").glob("*.md")) + sorted((ROOT / "corpus").glob("*.txt")):
        if path.name.lower() == "readme.md" or total >= limit:
            continue
        files.append(path)
        total += len(path.read_text(encoding="utf-8"))
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=1_000_000)
    a = ap.parse_args()
    files = corpus_files(a.chars)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        index_dir = text_only_kb(files, Path(tmp) / "kb")
        kb = KnowledgeBase(Settings(index_dir=index_dir))
        chars = sum(len(t) for _, _, t in analytics.kb_documents(kb))
        print(f"KB: {len(files)} documents, {chars:,} characters (text pipeline {time.perf_counter() - t0:.1f} s, "
              f"not counted below)")
        steps: list[tuple[str, float, float, str]] = []

        def timed(name, fn):
            start, cpu = time.perf_counter(), time.process_time()
            out = fn()
            steps.append((name, time.perf_counter() - start, time.process_time() - cpu, describe(out)))
            return out

        secs = timed("words: sections", lambda: analytics.units(kb, "section"))
        docs = timed("words: documents", lambda: analytics.units(kb, "document", sections=secs))
        passages = timed("words: passages", lambda: analytics.units(kb, "passage"))
        timed("keywords: documents", lambda: analytics.keywords(docs))
        timed("keywords: sections", lambda: analytics.keywords(secs))
        timed("topics: passages", lambda: analytics.topics(passages, seed=0))
        timed("trends: 3 terms", lambda: analytics.trends(analytics.kb_documents(kb), ["高质量发展", "新质生产力", "改革开放"]))
        timed("co-occurrence: sections", lambda: analytics.cooccurrence(secs))
        timed("policy-tool mix", lambda: analytics.tool_mix(tables.strategies(kb)))
    for name, seconds, cpu, what in steps:
        print(f"  {name:<26} {seconds:6.1f} s wall {cpu:6.1f} s CPU  {what}")
    total, cpu = sum(s[1] for s in steps), sum(s[2] for s in steps)
    print(f"analytics over {chars:,} characters: {total:.1f} s wall, {cpu:.1f} s CPU (target <= 60 s)")


def describe(out) -> str:
    if isinstance(out, list):
        return f"{len(out)} units"
    if isinstance(out, analytics.Topics):
        return f"{out.k} topics; tried " + ", ".join(f"{r.k}:{r.heldout_npmi:.3f}" for r in out.tried.itertuples())
    return f"{len(out)} rows"


if __name__ == "__main__":
    main()
