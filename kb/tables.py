"""The KB's rows as pandas DataFrames: one API for the CLI, the app, the tests and the Excel export."""
from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import re
from pathlib import Path

import pandas as pd

from . import cite, store
from .api import KnowledgeBase
from .errors import KBError, os_error_message
from .types import Article, Fact, Table

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _frame(kb: KnowledgeBase, table: str, source: str | None = None) -> pd.DataFrame:
    """One row table of the KB (each row with its document's `source`) as a DataFrame."""
    columns, rows = store.table_rows(kb.db, table, source)
    return pd.DataFrame(rows, columns=columns)


def _json_lists(df: pd.DataFrame, columns) -> pd.DataFrame:
    for c in columns:
        if c in df:
            df[c] = df[c].map(lambda v: json.loads(v) if isinstance(v, str) and v[:1] in "[{" else v)
    return df


def _contains(series: pd.Series, needle: str) -> pd.Series:
    return series.fillna("").astype(str).str.contains(needle, regex=False)


def first_year(period) -> int | None:
    """The first year a period string names ('2012—2019年' -> 2012), or None."""
    m = _YEAR.search(period or "") if isinstance(period, str) else None
    return int(m.group(1)) if m else None


# ------------------------------------------------------------------ articles
def articles(kb: KnowledgeBase) -> pd.DataFrame:
    """Every article with its metadata, its body sections' paths and its GB/T 7714-2015 reference."""
    columns = ["source", *(f.name for f in dataclasses.fields(Article)), "reference"]
    df = pd.DataFrame([{"source": source, **dataclasses.asdict(a), "reference": cite.reference(a)}
                       for source, a in store.articles(kb.db)], columns=columns)
    sections = _frame(kb, "sections")
    body = sections[sections.kind == "body"].groupby(["source", "article_index"])["path"].apply(list)
    df["sections"] = [body.get((s, i), []) for s, i in zip(df.source, df["index"])]
    df["year"] = df.year.astype("Int64")
    return df.drop(columns=["index"])


def sections(kb: KnowledgeBase, source: str) -> pd.DataFrame:
    """The sections of one document in text order: article_index, path, kind, level, start, end."""
    return _frame(kb, "sections", source)[["article_index", "path", "kind", "level", "start", "end"]]


# ------------------------------------------------------------------ facts
def facts(kb: KnowledgeBase, *, subject: str | None = None, indicator: str | None = None,
          source: str | None = None, year_from: int | None = None, year_to: int | None = None,
          text: str | None = None, include_low: bool = False) -> pd.DataFrame:
    """Numeric facts, filtered; `year` is the first year of the period (for charts and ranges).
    Rows whose indicator the extractor could not make specific (indicator_confidence "low") are
    left out unless `include_low`."""
    df = _frame(kb, "facts")
    df["year"] = df.period.map(first_year).astype("Int64")
    if not include_low and "indicator_confidence" in df.columns:
        df = df[df.indicator_confidence.fillna("high") != "low"]
    if subject:
        df = df[_contains(df.subject, subject)]
    if indicator:
        df = df[_contains(df.indicator_canonical, indicator) | _contains(df.indicator, indicator)]
    if source:
        df = df[df.source == source]
    if year_from is not None:
        df = df[df.year >= year_from]
    if year_to is not None:
        df = df[df.year <= year_to]
    if text:
        df = df[_contains(df.evidence, text)]
    return df.reset_index(drop=True)


def indicators(kb: KnowledgeBase) -> pd.DataFrame:
    """The indicator catalogue: canonical name, synonyms seen, unit, number of facts, sources."""
    from .extract.indicators import indicator_catalogue

    names = [f.name for f in dataclasses.fields(Fact)]
    df = facts(kb)
    rows = [Fact(**{n: (None if pd.isna(r[n]) else r[n]) if not isinstance(r[n], list) else r[n]
                    for n in names}) for r in df.to_dict("records")]
    columns = ["indicator", "catalogued", "synonyms", "unit", "facts", "sources"]
    return pd.DataFrame(indicator_catalogue(rows), columns=columns)


def indicator_systems(kb: KnowledgeBase) -> pd.DataFrame:
    """The indicator systems the papers define, each once (see distinct_systems)."""
    if not store.has_table(kb.db, "indicator_systems"):
        return pd.DataFrame()
    return distinct_systems(_json_lists(_frame(kb, "indicator_systems"), ["dimensions", "indicators"]))


def distinct_systems(df: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator system of an article: a paper names the same system several ways
    (…综合水平指标体系, …测度指标体系, …水平指标体系), so rows with the same dimensions (or, without
    dimensions, the same indicators) are one system. The row listing the most indicators is kept;
    the other names go to `other_names`."""
    if df.empty:
        return df.assign(other_names=[])
    def content(row) -> tuple:
        return tuple(row["dimensions"]) or tuple(i[1] for i in row["indicators"])
    keys = [(r["source"], r["article"], content(r)) for r in df.to_dict("records")]
    groups: dict[tuple, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    kept, others = [], []
    for members in groups.values():
        best = max(members, key=lambda i: (len(df.iloc[i]["indicators"]), -i))
        kept.append(best)
        names = dict.fromkeys(df.iloc[i]["name"] for i in members if df.iloc[i]["name"] != df.iloc[best]["name"])
        others.append(list(names))
    return df.iloc[kept].assign(other_names=others).reset_index(drop=True)


# ------------------------------------------------------------------ strategies
def strategies(kb: KnowledgeBase, *, category: str | None = None, source: str | None = None,
               article: str | None = None, text: str | None = None) -> pd.DataFrame:
    df = _frame(kb, "strategies")
    if category:
        df = df[_contains(df.category, category)]
    if source:
        df = df[df.source == source]
    if article:
        df = df[_contains(df.article, article)]
    if text:
        df = df[_contains(df.title, text) | _contains(df.text, text)]
    return df.reset_index(drop=True)


# ------------------------------------------------------------------ tables read from the documents
def document_tables(kb: KnowledgeBase, source: str | None = None) -> pd.DataFrame:
    """One row per table: source, index, caption, unit, page, size, article and offsets."""
    columns = ["source", "index", "caption", "unit", "page", "header_rows", "rows", "columns", "notes",
               "article", "format", "start", "end"]
    return pd.DataFrame([{"source": t.source, "index": t.index, "caption": t.caption, "unit": t.unit,
                          "page": t.page, "header_rows": len(t.header), "rows": len(t.rows),
                          "columns": len((t.header or t.rows or [[]])[0]), "notes": "；".join(t.notes),
                          "article": t.article, "format": t.format, "start": t.start, "end": t.end}
                         for t in kb.tables(source)], columns=columns).astype({"page": "Int64"})


def table_grid(table: Table) -> pd.DataFrame:
    """One table as printed: the header rows joined into column names (a spanned label once), body
    rows below."""
    width = len((table.header or table.rows or [[]])[0])
    names = []
    for c in range(width):
        name = " ".join(dict.fromkeys(h[c] for h in table.header if h[c])) or f"列{c + 1}"
        while name in names:   # pandas wants distinct column names; a repeated label gets a mark
            name += "′"
        names.append(name)
    return pd.DataFrame(table.rows, columns=names)


def table_cells(kb: KnowledgeBase) -> pd.DataFrame:
    """Every table's rows stacked for one Excel sheet: source, table index, caption, unit, page, the
    row's part (header | body) and its cells c1, c2 …"""
    records = []
    for t in kb.tables():
        for part, rows in (("header", t.header), ("body", t.rows)):
            for row in rows:
                records.append({"source": t.source, "table": t.index, "caption": t.caption, "unit": t.unit,
                                "page": t.page, "part": part, **{f"c{i + 1}": v for i, v in enumerate(row)}})
    return pd.DataFrame(records, columns=None if records else ["source", "table", "caption", "unit", "page",
                                                               "part"])


def find_table(kb: KnowledgeBase, source: str, index: int) -> Table:
    """Table number `index` (0-based, as `kb tables` lists it) of document `source`."""
    for t in kb.tables(source):
        if t.index == index:
            return t
    known = ", ".join(str(t.index) for t in kb.tables(source)) or "none"
    raise KBError(f"{source}: no table {index} (its tables: {known}); `kb tables --source {source}` lists them")


# ------------------------------------------------------------------ export
TABLES = {"facts": facts, "indicators": indicators, "indicator_systems": indicator_systems,
          "strategies": strategies, "articles": articles,
          "tables": table_cells}


def to_excel_cells(df: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts as readable strings (Excel cells hold scalars)."""
    df = df.copy()
    for c in df.columns:
        if df[c].map(lambda v: isinstance(v, (list, dict))).any():
            df[c] = df[c].map(lambda v: "；".join(map(str, v)) if isinstance(v, list)
                              else json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v)
    return df


def export_xlsx(kb: KnowledgeBase, path: Path | str) -> list[str]:
    """Write one sheet per table (with source citations) to an .xlsx file; returns the sheet names."""
    return write_xlsx(path, {name: table(kb) for name, table in TABLES.items()})


def write_xlsx(path: Path | str, sheets: dict[str, pd.DataFrame]) -> list[str]:
    """Write DataFrames as sheets of an .xlsx file (atomically); returns the sheet names."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise KBError(f"{path}: the Excel export needs a file name ending in .xlsx")
    if not path.parent.is_dir():
        raise KBError(f"{path}: folder {path.parent} does not exist; create it or choose another path")
    tmp = path.with_name(path.name + ".part")
    buffer = io.BytesIO()   # built in memory, so a failed write is one plain OSError with nothing half-open
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, df in sheets.items():
            to_excel_cells(df).to_excel(writer, sheet_name=name[:31], index=False)
    try:
        tmp.write_bytes(buffer.getvalue())
        tmp.replace(path)
    except OSError as e:   # a read-only folder, a full disk, a directory of that name
        raise KBError(os_error_message(e, path)) from None
    finally:
        with contextlib.suppress(OSError):   # nothing there, or a folder of that name that is not ours
            tmp.unlink()
    return list(sheets)
