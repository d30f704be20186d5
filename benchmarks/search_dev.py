"""Dev-set retrieval score: corpus → passages → indexes (temp dir) → hits JSONL → score.py.

    python benchmarks/search_dev.py [--mode hybrid|dense|keyword] [--passage-chars N] [--max-chars N]

Uses kb.clean.clean + kb.structure.split_articles when they import; otherwise a stand-in (the raw
text as clean text, one untitled article), so retrieval can be measured before structure exists.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.config import Settings  # noqa: E402
from kb.embed import make_embedder  # noqa: E402
from kb.index import build_indexes, load_indexes  # noqa: E402
from kb.passages import make_passages  # noqa: E402
from kb.search import Searcher  # noqa: E402
from kb.types import CleanText, RawDocument  # noqa: E402

EVAL = Path("/work/shared/eval")


def corpus_passages(corpus: Path, settings: Settings, standin: bool = False) -> tuple[list, str]:
    """All passages of the corpus and which pipeline made them ("clean+structure" or "stand-in")."""
    pipeline = None if standin else _pipeline()
    passages = []
    for path in sorted(corpus.glob("*.txt")):
        if pipeline:
            raw = pipeline[2](path)
            clean = pipeline[0](raw)
            articles = pipeline[1](clean, raw.source)
        else:
            raw = RawDocument(source=path.name, path=str(path), text=path.read_text(encoding="utf-8"))
            clean, articles = CleanText(text=raw.text), []
        passages.extend(make_passages(clean, articles, raw.source, settings))
    for i, p in enumerate(passages):
        p.id = i
    return passages, "clean+structure" if pipeline else "stand-in"


def _pipeline():
    try:
        from kb.clean import clean
        from kb.load import load
        from kb.structure import split_articles
        return clean, split_articles, load
    except Exception:  # not written yet, or broken mid-edit: measure with the stand-in
        return None


def write_hits(searcher: Searcher, queries: list[dict], out: Path, mode: str) -> None:
    with open(out, "w", encoding="utf-8") as f:
        for q in queries:
            hits = searcher.search(q["query"], k=10, mode=mode)
            f.write(json.dumps({"query": q["query"], "hits": [dataclasses.asdict(h) for h in hits]},
                               ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", default="hybrid")
    ap.add_argument("--passage-chars", type=int)
    ap.add_argument("--max-chars", type=int)
    ap.add_argument("--standin", action="store_true", help="ignore kb.clean/kb.structure")
    ap.add_argument("--gold", default=str(EVAL / "dev" / "queries.jsonl"))
    ap.add_argument("--show", action="store_true", help="print the top hit of each query")
    a = ap.parse_args()
    settings = Settings().with_(**{k: v for k, v in (("passage_chars", a.passage_chars),
                                                     ("passage_max_chars", a.max_chars)) if v})
    t0 = time.time()
    passages, pipeline = corpus_passages(ROOT / "corpus", settings, a.standin)
    embedder = make_embedder(settings)
    queries = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        build_indexes(passages, embedder, Path(tmp) / "search", ROOT / "index" / "embed_cache.sqlite",
                      settings, progress=False)
        searcher = Searcher(load_indexes(Path(tmp) / "search"), passages, embedder, settings)
        out = Path(tmp) / "hits.jsonl"
        write_hits(searcher, queries, out, a.mode)
        if a.show:
            for q in queries:
                hit = (searcher.search(q["query"], k=1, mode=a.mode) or [None])[0]
                print(q["query"], "→", hit and hit.text[:80].replace("\n", ""))
        print(f"{pipeline}: {len(passages)} passages (target {settings.passage_chars}, "
              f"max {settings.passage_max_chars}), mode {a.mode}, {time.time() - t0:.1f}s")
        subprocess.run([sys.executable, str(EVAL / "score.py"), "search", "--gold", a.gold,
                        "--pred", str(out)], check=True)


if __name__ == "__main__":
    main()
