"""The KB's rows as pandas DataFrames: one API for the CLI, the app, the tests and the Excel export."""
from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pandas as pd

from .api import KnowledgeBase
from .errors import KBError
from .types import Fact

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def _frame(kb: KnowledgeBase, sql: str, params=()) -> pd.DataFrame:
    return pd.read_sql_query(sql, kb.db, params=params)


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
    df = _frame(kb, 'SELECT d.source, a."index", a.title, a.authors, a."column", a.abstract, a.keywords, '
                    'a.english_title, a.year, a.start, a."end", a.title_flagged '
                    'FROM articles a JOIN documents d ON d.id = a.document_id ORDER BY d.source, a."index"')
    df = _json_lists(df, ["authors", "keywords"])
    sections = _frame(kb, 'SELECT d.source, s.article_index, s.path, s.kind FROM sections s '
                          'JOIN documents d ON d.id = s.document_id ORDER BY s.start')
    body = sections[sections.kind == "body"].groupby(["source", "article_index"])["path"].apply(list)
    df["sections"] = [body.get((s, i), []) for s, i in zip(df.source, df["index"])]
    df["title_flagged"] = df.title_flagged.astype(bool)
    df["year"] = df.year.astype("Int64")
    return df.drop(columns=["index"])


# ------------------------------------------------------------------ facts
def facts(kb: KnowledgeBase, *, subject: str | None = None, indicator: str | None = None,
          source: str | None = None, year_from: int | None = None, year_to: int | None = None,
          text: str | None = None) -> pd.DataFrame:
    """Numeric facts, filtered; `year` is the first year of the period (for charts and ranges)."""
    df = _frame(kb, "SELECT * FROM facts ORDER BY document_id, start").drop(columns=["id", "document_id"])
    df["year"] = df.period.map(first_year).astype("Int64")
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
    if "indicator_systems" not in kb.counts():
        return pd.DataFrame()
    df = _frame(kb, "SELECT * FROM indicator_systems ORDER BY document_id, start")
    return _json_lists(df.drop(columns=["id", "document_id"]), ["dimensions", "indicators"])


# ------------------------------------------------------------------ strategies
def strategies(kb: KnowledgeBase, *, category: str | None = None, source: str | None = None,
               article: str | None = None, text: str | None = None) -> pd.DataFrame:
    df = _frame(kb, "SELECT * FROM strategies ORDER BY document_id, start").drop(columns=["id", "document_id"])
    if category:
        df = df[_contains(df.category, category)]
    if source:
        df = df[df.source == source]
    if article:
        df = df[_contains(df.article, article)]
    if text:
        df = df[_contains(df.title, text) | _contains(df.text, text)]
    return df.reset_index(drop=True)


# ------------------------------------------------------------------ export
TABLES = {"facts": facts, "indicators": indicators, "indicator_systems": indicator_systems,
          "strategies": strategies, "articles": articles}


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
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name, df in sheets.items():
            to_excel_cells(df).to_excel(writer, sheet_name=name[:31], index=False)
    tmp.replace(path)
    return list(sheets)
