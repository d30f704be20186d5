"""Strategies on the dev set: extract from every corpus file, score, time; policy-tool classifier figures.

    python benchmarks/strategies_dev.py [--out strategies.jsonl] [--extcorpus]

Uses kb.clean.clean and kb.structure.split_articles when they import; otherwise a private stand-in
(joined PDF lines, headings found by number markers) so the extractor can be developed meanwhile.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.extract.strategies import extract_strategies  # noqa: E402
from kb.types import Article, CleanText, Section  # noqa: E402

EVAL = Path("/work/shared/eval")


def real_pipeline():
    """(clean, split_articles) from the project, or None while they are not usable yet."""
    try:
        from kb.clean import clean
        from kb.structure import split_articles
        return clean, split_articles
    except Exception as e:  # the colleague's modules may be half-written
        print(f"[stand-in] kb.clean/kb.structure not usable: {e!r}")
        return None


# ---------------------------------------------------------------- stand-in
_HEADING = re.compile(r"^\s*(#+\s*)?([一二三四五六七八九十]+[、　 ]|（[一二三四五六七八九十]+）|\(\s*[一二三四五六七八九十]+\)|"
                      r"\d+(\.\d+)*\s*[、.．]?\s*(?=[\u4e00-\u9fff“]))")


def standin_clean(raw: str) -> CleanText:
    """Join lines broken mid-sentence (blank lines between fragments) so paragraphs are whole."""
    lines = [ln.rstrip() for ln in raw.split("\n")]
    out: list[str] = []
    for ln in lines:
        s = ln.strip()
        if not s:
            continue
        if out and not out[-1].endswith(("。", "！", "？", "：")) and not _HEADING.match(s) \
                and not _HEADING.match(out[-1]) and len(out[-1]) >= 18:
            out[-1] += s
        elif out and _HEADING.match(out[-1]) and len(out[-1]) >= 15 and len(s) < 20 \
                and "。" not in s and not _HEADING.match(s):
            out[-1] += s  # a heading broken at the column width
        else:
            out.append(s)
    return CleanText(text="\n".join(out))


def standin_articles(clean: CleanText) -> list[Article]:
    text = clean.text
    heads = []
    pos = 0
    for line in text.split("\n"):
        m = _HEADING.match(line)
        if m and len(line) <= 40 and "。" not in line:
            level = 1 if re.match(r"\s*(#+\s*)?([一二三四五六七八九十]+[、　 ]|\d+\s)", line) else 2
            heads.append((pos, level, line.strip()))
        pos += len(line) + 1
    sections, stack = [], []
    for i, (start, level, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        stack = [t for t in stack if t[0] < level] + [(level, title)]
        sections.append(Section(title=title, path=" > ".join(t for _, t in stack), kind="body",
                                level=level, start=start, end=end))
    return [Article(index=0, title="", start=0, end=len(text), sections=sections)]


# ---------------------------------------------------------------- run
def extract_file(path: Path, pipeline):
    raw = path.read_text(encoding="utf-8")
    if pipeline:
        clean_fn, split = pipeline
        from kb.types import RawDocument
        clean = clean_fn(RawDocument(source=path.name, path=str(path), text=raw))
        articles = split(clean, path.name)
    else:
        clean = standin_clean(raw)
        articles = standin_articles(clean)
    return extract_strategies(clean, articles, path.name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/strategies_dev.jsonl")
    ap.add_argument("--extcorpus", action="store_true", help="also print counts for extcorpus files")
    ap.add_argument("--show", default="", help="print rows of sources starting with this prefix")
    a = ap.parse_args()
    pipeline = real_pipeline()
    files = sorted((ROOT / "corpus").glob("*.txt"))
    t0 = time.perf_counter()
    rows = []
    for f in files:
        rows.extend(extract_file(f, pipeline))
    elapsed = time.perf_counter() - t0
    t1 = time.perf_counter()
    from kb.extract.policy_tools import classify
    classify(rows)
    t_cls = time.perf_counter() - t1
    with open(a.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
    for r in rows:
        if a.show and r.source.startswith(a.show):
            print(f"{r.start:>7} [{r.category}] {r.section[-30:]} | {r.title[:40]} | {r.text[:50]}")
    print(f"extracted {len(rows)} rows from {len(files)} files in {elapsed:.2f} s "
          f"(classified in {t_cls:.2f} s, including the lazy fit)")
    if a.extcorpus:
        for f in sorted(Path("/work/shared/extcorpus").glob("*.txt")):
            print(f"  {f.name}: {len(extract_file(f, pipeline))} rows")
    from kb.extract.policy_tools import held_out_scores
    print("policy-tool classifier, held-out:", json.dumps(held_out_scores(), ensure_ascii=False))
    subprocess.run([sys.executable, str(EVAL / "score.py"), "strategies",
                    "--gold", str(EVAL / "dev" / "strategies.jsonl"), "--pred", a.out], check=False)


if __name__ == "__main__":
    main()
