"""Dev loop for table facts: read the tables of the wildcorpus papers and PDFs through the build's
text pipeline (kb.build.process, no embeddings) and score the facts of their cells against
benchmarks/table_facts_gold.jsonl.

    python benchmarks/tables_dev.py                 # recall, tuned-on and held-out separately
    python benchmarks/tables_dev.py --misses        # list the tuned-on cells that were missed

A gold cell is found when a fact of the same source has its value (relative tolerance 1e-6), a subject
equal to one of the gold subjects, an indicator that contains one of the gold indicator names (the
caption topic may add words), and the gold period's year (`2020`, `2020年`, `2020年末` are one).
A cell of a table whose rows are the things measured (谷物, 煤炭资源业) may instead name as subject the
place of the table (`item_subject`), its indicator then holding the row's name as well (粮食产量); this
alternative was added to the gold of those tables, by that rule, when the reader began to read item
rows so (2026-11-30, after the first figures; see the README).
Held-out misses are never listed: those tables were chosen before any output was seen and must not
steer the fixes.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from facts_dev import shared_dir  # noqa: E402
from kb.build import process  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.load import discover, load  # noqa: E402


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _year(period: str | None) -> str | None:
    """The year a period names: `2020`, `2020年` and `2023年末` are compared by their year."""
    m = re.search(r"\d{4}", period or "")
    return m.group(0) if m else None


def _names(fact, subjects: list[str], indicators: list[str], item: list[str] | None = None) -> bool:
    """The fact's subject is one of `subjects` and its indicator holds one of `indicators` (and, for a
    row that is an item measured, one of the item's names too)."""
    indicator = _norm(fact.indicator)
    return _norm(fact.subject) in {_norm(s) for s in subjects} \
        and any(_norm(i) in indicator for i in indicators) and (item is None or any(_norm(i) in indicator for i in item))


def found(gold: dict, facts) -> bool:
    for f in facts:
        if f.source != gold["source"] or abs(f.value - gold["value"]) > 1e-6 * max(1.0, abs(gold["value"])):
            continue
        if not (_names(f, gold["subject"], gold["indicator"]) or gold.get("item_subject") and _names(
                f, gold["item_subject"], gold["indicator"], item=gold["subject"])):
            continue
        if _year(f.period) == _year(gold["period"]):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT / "benchmarks" / "table_facts_gold.jsonl"))
    ap.add_argument("--misses", action="store_true", help="list the missed tuned-on cells")
    args = ap.parse_args()
    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    sources = {g["source"] for g in gold}
    t0 = time.perf_counter()
    facts, ntables = [], 0
    for path in discover([shared_dir() / "wildcorpus"])[0]:
        if path.name in sources:
            rows = process(load(path), Settings())["rows"]     # the build's own path: what it stores
            ntables += len(rows["tables"])
            facts += [f for f in rows["facts"] if f.table]
    seconds = time.perf_counter() - t0
    for name, held in (("tuned-on", False), ("held-out", True)):
        part = [g for g in gold if g["heldout"] == held]
        hits = [g for g in part if found(g, facts)]
        print(f"{name:9s} recall (value, subject, indicator, period right): "
              f"{len(hits)}/{len(part)} = {len(hits) / max(1, len(part)):.3f}")
        for source in sorted({g["source"] for g in part}):
            mine = [g for g in part if g["source"] == source]
            print(f"    {source:32s} {sum(g in hits for g in mine)}/{len(mine)}")
        if args.misses and not held:
            for g in part:
                if g not in hits:
                    print(f"  missed: {g['source']} {g['table'][:20]} | {g['subject'][0]} | {g['indicator'][0]} | "
                          f"{g['period']} | {g['value']}")
    print(f"{ntables} tables, {len(facts)} table facts in {len(sources)} documents; {seconds:.1f} s (text pipeline "
          f"of those documents)")


if __name__ == "__main__":
    main()
