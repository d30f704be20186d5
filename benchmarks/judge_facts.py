"""Judge whole-table precision of the facts table: draw a fixed-seed random sample of rows, show each
with its sentence and the sentence before it, merge a judge's marks, and score a judged sample.
Conventions: benchmarks/facts_judging.md.

    python benchmarks/judge_facts.py draw --corpus corpus --seed 1 --n 60 --out benchmarks/judged/x.jsonl
    python benchmarks/judge_facts.py show benchmarks/judged/x.jsonl          # the rows for a judge
    python benchmarks/judge_facts.py apply benchmarks/judged/x.jsonl marks.txt   # lines "N fields # note"
    python benchmarks/judge_facts.py score benchmarks/judged/x.jsonl [more.jsonl ...]
    python benchmarks/judge_facts.py recheck --corpus corpus benchmarks/judged/x.jsonl   # rows the code now changes

The text pipeline only (load → clean → structure → facts), no embeddings.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from facts_dev import corpus_documents, resolve  # noqa: E402

from kb.errors import KBError  # noqa: E402
from kb.extract.facts import extract_facts  # noqa: E402
from kb.sentences import sentence_spans  # noqa: E402

FIELDS = ("fact", "value", "subject", "indicator", "period")


def previous_sentence(text: str, start: int) -> str:
    spans = list(sentence_spans(text, max(0, start - 600), start))
    return text[spans[-1][0]:spans[-1][1]] if spans else ""


def table(corpus: Path, whole: bool = False) -> list[dict]:
    """Every row of the facts table of `corpus`, with its previous sentence and document: the facts
    of the text, or with `whole` every row a build stores (kinds annotated, table-cell facts too)."""
    rows = []
    for source, text, articles, facts in (built_documents(corpus) if whole else
                                          ((s, t, a, extract_facts(t, a, s)) for s, t, a in corpus_documents(corpus))):
        by_start = sorted(articles, key=lambda a: a.start)
        for fact in facts:
            article = next((a for a in by_start if a.start <= fact.start < a.end), None)
            row = dataclasses.asdict(fact)
            row["previous"] = previous_sentence(text.text, fact.evidence_start)
            row["document"] = dict(title=fact.article, genre=getattr(article, "genre", ""),
                                   jurisdiction=getattr(article, "jurisdiction", ""),
                                   year=getattr(article, "year", None))
            rows.append(row)
    return rows


def built_documents(corpus: Path):
    """(source, clean text, articles, fact rows) as a build stores them (kb.build.process)."""
    from kb.build import process
    from kb.config import Settings
    from kb.load import discover, load
    files, _ = discover([corpus])
    for path in files:
        try:
            raw = load(path)
        except KBError as e:
            print(f"skipped: {e}", file=sys.stderr)
            continue
        out = process(raw, Settings())
        yield raw.source, out["clean"], out["articles"], out["rows"]["facts"]


def draw(corpus: Path, seed: int, n: int, whole: bool = False, exclude: list[dict] = ()) -> list[dict]:
    """`n` rows drawn with `seed` from the facts table of `corpus`, in table order, none of the rows of
    `exclude` (earlier samples, matched by source and offsets)."""
    taken = {_row_key(r) for r in exclude}
    rows = [r for r in table(corpus, whole) if _row_key(r) not in taken]
    picked = sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))
    print(f"{len(picked)} of {len(rows)} rows drawn with seed {seed}"
          + (f" ({len(taken)} rows of earlier samples left out)" if taken else ""), file=sys.stderr)
    return [dict(n=k, table_rows=len(rows), seed=seed, **rows[i], wrong=None, note="")
            for k, i in enumerate(picked, 1)]


def show(rows: list[dict]) -> None:
    for r in rows:
        d = r["document"]
        low = " (LOW)" if r.get("indicator_confidence") == "low" else ""
        print(f"#{r['n']} [{r['source']} | {d['genre']} {d['jurisdiction']} {d['year']}] {d['title'][:30]}\n"
              f"   value {r['value']:g} {r['unit']}  raw {r['raw']!r}  subject {r['subject']} ({r['subject_source']})"
              f"  indicator {r['indicator']}{low}  change {r['change']}  period {r['period']}\n"
              + (f"   TABLE CELL: table {r['table']!r}, row {r.get('row')!r}, column {r.get('column')!r}\n"
                 if r.get("table") else "")
              + f"   prev: {r['previous'][-160:]}\n"
              f"   sent: {mark(r)}\n"
              + (f"   JUDGED wrong={r['wrong']} {r['note']}\n" if r.get("wrong") is not None else ""))


def mark(r: dict) -> str:
    """The sentence with the row's raw span bracketed."""
    ev, a = r["evidence"], r["start"] - r["evidence_start"]
    b = r["end"] - r["evidence_start"]
    return (ev[:a] + "【" + ev[a:b] + "】" + ev[b:]).replace("\n", " ")


_MARK = re.compile(r"^\s*#?(?P<n>\d+)\s+(?P<fields>[^#]*?)\s*(?:#\s*(?P<note>.*))?$")


def apply(rows: list[dict], marks: str) -> None:
    """Merge lines `N fields # note` (`ok` for none wrong) into the rows' `wrong` and `note`."""
    by_n = {r["n"]: r for r in rows}
    for line in marks.splitlines():
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        m = _MARK.match(line)
        if not m or int(m.group("n")) not in by_n:
            sys.exit(f"cannot read mark line {line!r}: write `N ok` or `N subject period # note`")
        fields = [f for f in m.group("fields").replace(",", " ").split() if f != "ok"]
        bad = [f for f in fields if f not in FIELDS]
        if bad:
            sys.exit(f"line {line!r}: unknown field(s) {bad}; fields are {', '.join(FIELDS)}")
        row = by_n[int(m.group("n"))]
        row["wrong"], row["note"] = fields, (m.group("note") or "").strip()


def score(rows: list[dict]) -> dict:
    """Rows right per field (a not-a-fact row is wrong in every field) and in all fields."""
    todo = [r["n"] for r in rows if r.get("wrong") is None]
    if todo:
        sys.exit(f"{len(todo)} rows not judged yet (first: #{todo[0]})")

    def right(r, field):
        return "fact" not in r["wrong"] and field not in r["wrong"]

    def counts(subset: list[dict], prefix: str = "") -> dict:
        out = {prefix + "rows": len(subset), prefix + "all_fields_right": sum(not r["wrong"] for r in subset)}
        out.update({prefix + f: sum(right(r, f) for r in subset) for f in ("value", "subject", "indicator", "period")})
        out[prefix + "not_a_fact"] = sum("fact" in r["wrong"] for r in subset)
        return out

    # high-confidence rows are what the CLI and the app show by default
    return {**counts(rows), **counts([r for r in rows if r.get("indicator_confidence", "high") == "high"], "high_")}


_COMPARED = ("subject", "indicator", "change", "period", "indicator_confidence", "value", "unit")


def recheck(judged: list[dict], now: list[dict]) -> None:
    """Print the judged rows that the current code gives differently (matched by source and offsets),
    with their old verdict, for a judge to judge again; rows no longer in the table are listed too."""
    by_key = {_row_key(r): r for r in now}
    by_content = {}
    for r in now:
        by_content.setdefault(_content_key(r), []).append(r)
    for r in judged:
        moved = by_content.get(_content_key(r), [])
        new = by_key.get(_row_key(r)) or (moved[0] if len(moved) == 1 else None)
        if new is None:
            print(f"#{r['n']} GONE (was wrong={r['wrong']} {r['note']}) {r['indicator']} | {mark(r)[:120]}")
            continue
        changed = {f: (r.get(f), new.get(f)) for f in _COMPARED if r.get(f) != new.get(f)}
        if changed:
            diff = "; ".join(f"{f}: {a} -> {b}" for f, (a, b) in changed.items())
            print(f"#{r['n']} (was wrong={r['wrong']} {r['note']}) {diff} | {mark(r)[:120]}")


def _row_key(r: dict) -> tuple:
    """A row's place in its document: the offsets of a text fact; a table cell's table, row and column
    too (cells of a table printed as text share the table's offsets), and the cell's text, as a merged
    header cell (`2002年 2007年 2012年`) or a repeated row label holds several figures."""
    return (r["source"], r["start"], r["end"], r.get("table"), r.get("row"), r.get("column"),
            r["raw"] if r.get("table") else None)


def _content_key(r: dict) -> tuple:
    """A row by what it says, for a row whose offsets moved because the text before it changed (a cleaning
    change earlier in the document): its raw figure, its sentence and its cell."""
    return (r["source"], r["raw"], r.get("evidence"), r.get("table"), r.get("row"), r.get("column"))


def read(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def write(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="draw a sample of the facts table")
    d.add_argument("--corpus", required=True)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--n", type=int, default=100)
    d.add_argument("--out", required=True)
    d.add_argument("--whole-table", action="store_true",
                   help="draw from every row a build stores (table-cell facts too), not only the text's facts")
    d.add_argument("--exclude", nargs="*", default=[],
                   help="earlier samples (.jsonl) whose rows are not drawn again")
    s = sub.add_parser("show", help="print a sample for judging")
    s.add_argument("file")
    m = sub.add_parser("apply", help="merge a marks file (lines `N fields # note`) into a sample")
    m.add_argument("file")
    m.add_argument("marks")
    r = sub.add_parser("recheck", help="judged rows that the current code gives differently")
    r.add_argument("--corpus", required=True)
    r.add_argument("files", nargs="+")
    c = sub.add_parser("score", help="per-field counts of judged samples")
    c.add_argument("files", nargs="+")
    a = ap.parse_args()
    if a.cmd == "draw":
        write(draw(resolve(a.corpus), a.seed, a.n, a.whole_table,
                   [r for f in a.exclude for r in read(resolve(f))]), resolve(a.out))
    elif a.cmd == "show":
        show(read(resolve(a.file)))
    elif a.cmd == "apply":
        rows = read(resolve(a.file))
        apply(rows, resolve(a.marks).read_text(encoding="utf-8"))
        write(rows, resolve(a.file))
    elif a.cmd == "recheck":
        now = table(resolve(a.corpus), whole=True)     # every row a build stores, table cells too
        for f in a.files:
            print(f"== {Path(f).name}")
            recheck(read(resolve(f)), now)
    else:
        for f in a.files:
            print(json.dumps(dict(file=Path(f).name, **score(read(resolve(f)))), ensure_ascii=False))


if __name__ == "__main__":
    main()
