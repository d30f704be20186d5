"""Score `kb compare 地区生产总值 --kind target` against benchmarks/compare_gold.jsonl: the 2026 GDP
growth targets of the wildcorpus work reports, annotated by reading the texts before any tuning.

    python benchmarks/compare_dev.py [--kb DIR] [--show]

Builds a text-only KB (real pipeline, no embeddings) of the gold's documents in a temporary folder,
unless --kb names a built one. Prints tuned-on and held-out figures separately; --show prints the
rows of the tuned-on documents only (held-out failures are never looked at while fixing).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))   # also when imported as benchmarks.compare_dev
from _shared import SHARED  # noqa: E402
sys.path.insert(0, str(SHARED / "eval"))

from kb.api import KnowledgeBase  # noqa: E402
from kb.compare import compare  # noqa: E402
from kb.config import Settings  # noqa: E402
from tests.fixtures import text_only_kb  # noqa: E402

GOLD = ROOT / "benchmarks" / "compare_gold.jsonl"
CORPUS = SHARED / "wildcorpus"


def comparable(text: str) -> str:
    from score import comparable as shared
    return shared(text or "")


def checks(gold: dict, row: dict | None) -> dict[str, bool]:
    """Each property the target asks for: value, range bounds, kind target, period 2026, evidence."""
    if row is None:
        return {"found": False}
    value_max = row.get("value_max")
    value_max = None if value_max is None or value_max != value_max else value_max
    return {"found": True,
            "value": abs(row["value"] - gold["value"]) < 1e-9 and row["unit"] == gold["unit"],
            "range": (value_max is None and gold["value_max"] is None)
                     or (value_max is not None and gold["value_max"] is not None
                         and abs(value_max - gold["value_max"]) < 1e-9),
            "kind": row["kind"] == gold["kind"],
            "period": str(row.get("year") or "") == gold["period"],
            "evidence": comparable(gold["key"]) in comparable(row["evidence"])
                        and comparable(row["evidence"]) in comparable(gold["evidence"]),
            "subject": row.get("subject") in gold["subject"],
            "qualifier": (row.get("qualifier") or None) == gold["qualifier"]}


def best_row(rows, gold: dict) -> dict | None:
    """The source's row stating the gold figure (by the gold key in its evidence), else its first."""
    mine = [r for r in rows if r["source"] == gold["source"]]
    keyed = [r for r in mine if comparable(gold["key"]) in comparable(r["evidence"])]
    return (keyed or mine or [None])[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kb", help="a built KB directory (default: build a text-only one)")
    ap.add_argument("--show", action="store_true", help="print the tuned-on documents' rows")
    a = ap.parse_args()
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(a.kb) if a.kb else text_only_kb([CORPUS / g["source"] for g in gold], Path(tmp) / "kb")
        kb = KnowledgeBase(Settings(index_dir=index_dir))
        result = compare(kb, "地区生产总值", kind="target")
        rows = result.rows.astype(object).where(result.rows.notna(), None).to_dict("records")
    for split in ("tuned", "heldout"):
        part = [g for g in gold if g["split"] == split]
        right = core = subj = 0
        for g in part:
            c = checks(g, best_row(rows, g))
            ok = all(c.get(k) for k in ("found", "value", "range", "kind", "period", "evidence"))
            right += ok
            subj += bool(c.get("subject"))
            if a.show and split == "tuned":
                print(f"{'OK ' if ok else 'BAD'} {g['source']}: {c}")
        name = "tuned-on" if split == "tuned" else "held-out"
        print(f"{name}: {right}/{len(part)} right (value, range bounds, kind target, period 2026, evidence); "
              f"subject right {subj}/{len(part)}")
    print(f"rows returned: {len(rows)}")


if __name__ == "__main__":
    main()
