"""Dev loop for fact extraction: run the text pipeline (load → clean → structure → facts, no
embeddings) over one or more corpora, score each against its gold set, and time the extraction.

    python benchmarks/facts_dev.py                       # seed corpus + wildcorpus, both gold sets
    python benchmarks/facts_dev.py --corpus ../shared/wildcorpus --gold ../shared/wildcorpus/gold/facts.jsonl
    python benchmarks/facts_dev.py --show gwr2026_henan  # print the facts of matching sources

Relative paths are taken from the repository root; `../shared` is the folder beside the checkout
(the main checkout's, when run from a worktree that has none).
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _shared import SHARED  # noqa: E402
from kb.errors import KBError  # noqa: E402
from kb.extract.facts import extract_facts  # noqa: E402
from kb.types import Article, CleanText, Fact  # noqa: E402


def shared_dir() -> Path:
    """The shared ground-truth folder ($KB_SHARED, else ../shared beside this checkout)."""
    if (SHARED / "eval" / "score.py").exists():
        return SHARED
    sys.exit(f"cannot find {SHARED}/eval/score.py: set KB_SHARED or pass --gold and --scorer")


def resolve(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else (ROOT / p).resolve()


def corpus_documents(corpus: Path) -> list[tuple[str, CleanText, list[Article]]]:
    """(source, clean text, articles) for every supported file under `corpus`, through the project's
    own load → clean → structure; a file that fails to load is reported and skipped."""
    from kb.clean import clean
    from kb.load import discover, load
    from kb.structure import split_articles
    files, _ = discover([corpus])
    docs = []
    for path in files:
        try:
            raw = load(path)
        except KBError as e:
            print(f"skipped: {e}")
            continue
        text = clean(raw)
        docs.append((raw.source, text, split_articles(text, raw.source)))
    return docs


def corpus_facts(corpus: Path) -> tuple[list[Fact], int, float]:
    """(facts, number of documents, seconds of extraction) of every document under `corpus`."""
    docs = corpus_documents(corpus)
    t0 = time.perf_counter()
    facts = [f for source, text, articles in docs for f in extract_facts(text, articles, source)]
    return facts, len(docs), time.perf_counter() - t0


def write_jsonl(facts: list[Fact], out: Path) -> None:
    with open(out, "w", encoding="utf-8") as f:
        for fact in facts:
            f.write(json.dumps(dataclasses.asdict(fact), ensure_ascii=False) + "\n")


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def print_row_misses(score, gold_path: Path, pred_path: Path) -> None:
    """Gold facts found by value but with a wrong subject, indicator or period (the scorer's rules)."""
    pred = score.read_jsonl(pred_path)
    for b in score.read_jsonl(gold_path):
        for fa in b.get("facts", []):
            gv, gu = score.base_quantity(fa["value"], fa["unit"])
            anchor = score.comparable(fa["anchor"])
            cands = [r for r in pred if r["source"] == b["source"] and anchor in score.comparable(r["evidence"])
                     and score.same_value(score.base_quantity(r["value"], r["unit"])[0], gv)]
            ok = [r for r in cands if (fa["period"] is None or fa["period"] in score.comparable(r.get("period")))
                  and score.loose_match(fa["subject"], r.get("subject"))
                  and score.loose_match(fa["indicator"], r.get("indicator"))]
            if cands and not ok:
                r = cands[0]
                print(f"ROW MISS {b['source'][:20]} {fa['anchor']}: got {r['subject']} / {r['indicator']} / "
                      f"{r['period']}; want {fa['subject']} / {fa['indicator']} / {fa['period']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="corpus folder (repeat with --gold); "
                    "default: corpus/ with ../shared/eval/dev/facts.jsonl and ../shared/wildcorpus with its gold")
    ap.add_argument("--gold", action="append", help="gold facts.jsonl for the --corpus at the same position")
    ap.add_argument("--scorer", help="score.py (default ../shared/eval/score.py)")
    ap.add_argument("--out", default="/tmp/facts_dev", help="prefix of the JSONL written per corpus")
    ap.add_argument("--show", default="", help="print the facts of sources starting with this")
    ap.add_argument("--misses", action="store_true", help="print gold facts found with a wrong field")
    a = ap.parse_args()
    if a.corpus:
        corpora = [resolve(c) for c in a.corpus]
        golds = [resolve(g) for g in (a.gold or [])] + [None] * (len(corpora) - len(a.gold or []))
    else:
        shared = shared_dir()
        corpora = [ROOT / "corpus", shared / "wildcorpus"]
        golds = [shared / "eval" / "dev" / "facts.jsonl", shared / "wildcorpus" / "gold" / "facts.jsonl"]
    scorer = resolve(a.scorer) if a.scorer else shared_dir() / "eval" / "score.py"
    for corpus, gold in zip(corpora, golds):
        facts, n_files, elapsed = corpus_facts(corpus)
        out = Path(f"{a.out}_{corpus.name}.jsonl")
        write_jsonl(facts, out)
        if a.show:
            for f in facts:
                if f.source.startswith(a.show):
                    print(f"{f.raw:>14} | {f.value:g} {f.unit} | {f.subject} ({f.subject_source}) | {f.indicator}"
                          f"{'' if f.indicator_confidence == 'high' else ' (low)'} | {f.period} | "
                          f"{f.change or ''} || {f.evidence[:60]}")
        print(f"== {corpus.name}: {len(facts)} facts from {n_files} files in {elapsed:.2f} s (extraction only); "
              f"{out}")
        if gold and gold.exists():
            if a.misses:
                print_row_misses(_scorer(scorer), gold, out)
            subprocess.run([sys.executable, str(scorer), "facts", "--gold", str(gold), "--pred", str(out)])


if __name__ == "__main__":
    main()
