"""Dev loop for fact extraction: extract facts from every corpus file, score them against the gold
dev set, and time the extraction.

    python benchmarks/facts_dev.py [--corpus corpus] [--out /tmp/facts_dev.jsonl] [--show 003]

Uses kb.clean / kb.structure when they import; otherwise the raw text as one article.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.extract.facts import extract_facts  # noqa: E402
from kb.types import Article, CleanText, RawDocument  # noqa: E402

GOLD = Path("/work/shared/eval/dev/facts.jsonl")
SCORER = Path("/work/shared/eval/score.py")


def clean_and_split(path: Path) -> tuple[CleanText, list[Article]]:
    text = path.read_text(encoding="utf-8")
    raw = RawDocument(source=path.name, path=str(path), text=text)
    try:
        from kb.clean import clean
        cleaned = clean(raw)
    except ImportError:
        cleaned = CleanText(text=text)
    try:
        from kb.structure import split_articles
        articles = split_articles(cleaned, path.name)
    except ImportError:
        articles = [Article(index=0, title=path.stem, start=0, end=len(cleaned.text))]
    return cleaned, articles


def row(fact) -> dict:
    return {k: v for k, v in dataclasses.asdict(fact).items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--out", default="/tmp/facts_dev.jsonl")
    ap.add_argument("--show", default="", help="print the facts of sources starting with this")
    a = ap.parse_args()
    files = sorted(p for p in Path(a.corpus).iterdir() if p.suffix == ".txt")
    prepared = [(p, *clean_and_split(p)) for p in files]
    t0 = time.perf_counter()
    facts = [f for p, c, arts in prepared for f in extract_facts(c, arts, p.name)]
    elapsed = time.perf_counter() - t0
    with open(a.out, "w", encoding="utf-8") as out:
        for f in facts:
            out.write(json.dumps(row(f), ensure_ascii=False) + "\n")
    if a.show:
        for f in facts:
            if f.source.startswith(a.show):
                print(f"{f.raw:>14} | {f.value:g} {f.unit} | {f.subject} | {f.indicator} | {f.period} | "
                      f"{f.change or ''} || {f.evidence[:60]}")
    print(f"{len(facts)} facts from {len(files)} files in {elapsed:.2f} s (extraction only)")
    if GOLD.exists():
        print_row_misses(a.out)
        subprocess.run([sys.executable, str(SCORER), "facts", "--gold", str(GOLD), "--pred", a.out])


def print_row_misses(pred_path: str) -> None:
    """Gold facts found by value but with a wrong subject, indicator or period (the scorer's rules)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    pred = score.read_jsonl(pred_path)
    for b in score.read_jsonl(GOLD):
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
                print(f"ROW MISS {fa['anchor']}: got {r['subject']} / {r['indicator']} / {r['period']}; "
                      f"want {fa['subject']} / {fa['indicator']} / {fa['period']}")


if __name__ == "__main__":
    main()
