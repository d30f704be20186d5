"""A fixed-seed random sample of the table-derived facts of the wildcorpus, to judge by hand (a script,
not a test): each row with the table, the row and column it came from, and the fact made of it.

    python benchmarks/table_facts_sample.py --seed 7 --n 60
    python benchmarks/table_facts_sample.py --seed 11 --n 60 --exclude-seed 7    # a held-out sample

Judgments and figures: benchmarks/judged/table_facts_precision.md. A row is right when subject,
indicator, value with unit, and period are what the table says of that cell.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from facts_dev import shared_dir  # noqa: E402
from kb.build import process  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.load import discover, load  # noqa: E402


def _key(f) -> tuple:
    return f.source, f.row, f.column, f.raw


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--exclude-seed", type=int, help="leave out the cells of that seed's sample")
    args = ap.parse_args()
    facts = []
    for path in discover([shared_dir() / "wildcorpus"])[0]:
        facts += [f for f in process(load(path), Settings())["rows"]["facts"] if f.table]
    facts.sort(key=lambda f: (f.source, f.start, f.row, f.column, f.raw))
    pool = facts
    if args.exclude_seed is not None:
        seen = {_key(f) for f in random.Random(args.exclude_seed).sample(facts, min(args.n, len(facts)))}
        pool = [f for f in facts if _key(f) not in seen]
    print(f"{len(facts)} table facts; sampling {args.n} of {len(pool)} (seed {args.seed})")
    for i, f in enumerate(random.Random(args.seed).sample(pool, min(args.n, len(pool)))):
        print(f"{i:2d} {f.source} | {f.table} | row {f.row} | column {f.column} | raw {f.raw}")
        print(f"   -> subject={f.subject} | indicator={f.indicator} | {f.value:g} {f.unit} | period={f.period}")


if __name__ == "__main__":
    main()
