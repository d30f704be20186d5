"""PDF reading speed (a script, not a test): pages per second of `kb.load.load` on the wildcorpus
PDFs (pypdf text with positions, layout decisions), against pypdf's plain `extract_text()` alone.

    python benchmarks/pdf_bench.py [--repeat 3]

The machine may be shared: the load average is printed with the figures.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from facts_dev import shared_dir  # noqa: E402
from kb.load import load  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from pypdf import PdfReader
    pdfs = sorted((shared_dir() / "wildcorpus" / "pdf").glob("*.pdf"))
    pages = sum(len(PdfReader(p).pages) for p in pdfs)
    for name, read in (("kb.load (layout)", lambda p: load(p)),
                       ("pypdf extract_text", lambda p: [pg.extract_text() for pg in PdfReader(p).pages])):
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for p in pdfs:
                read(p)
            best = min(best, time.perf_counter() - t0)
        print(f"{name:20s} {pages} pages in {best:.2f} s = {pages / best:.1f} pages/s (best of {args.repeat})")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
