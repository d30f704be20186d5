"""Compare one indicator across documents: one row per (subject, period, source), with ranges,
qualifiers, kinds and citations; conflicting values flagged; pivot subject × period.

The indicator is matched through the catalogue (kb/data/indicators.tsv): `地区生产总值` finds facts
catalogued as GDP whatever the text called it (全省生产总值, GDP), and the growth-rate indicator
catalogued under the same name (GDP增长率). A name the catalogue does not know is matched literally.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import pandas as pd

from . import store
from .errors import KBError
from .extract.fact_kind import RANGE_HIGH, RANGE_LOW
from .extract.indicators import canonical_indicator, catalogue_names
from .tables import first_year

KINDS = ("outcome", "target", "plan")
COLUMNS = ["subject", "period", "source", "value", "value_max", "qualifier", "unit", "kind", "measure",
           "indicator", "indicator_canonical", "family", "conflict", "conflict_with", "subject_source", "evidence",
           "start", "end", "year", "raw", "article", "mentions"]
# derived rates filed under their base indicator's name (GDP -> GDP增长率)
_RATE_SUFFIXES = ("增长率", "增速")
# what qualifies a change verb (同比增长, 年均增长) without changing what grew
_CHANGE_MODIFIER = re.compile(r"^(?:同比|环比|比上年|较上年|年均|平均|累计)")


@dataclass
class Comparison:
    """The rows for one indicator query, the catalogue names it matched, and a message when empty."""
    query: str
    indicators: list[str]
    rows: pd.DataFrame
    message: str = ""
    nearest: list[str] = field(default_factory=list)


def matching_indicators(query: str) -> list[str]:
    """Catalogue names a query stands for: its own canonical name and the rates filed under it."""
    base = canonical_indicator(query)
    if base is None:
        return []
    rates = [name for name in catalogue_names() if name != base and name.startswith(base)
             and name[len(base):] in _RATE_SUFFIXES]
    return [base, *rates]


def nearest_indicators(query: str, known: list[str] | None = None, n: int = 5) -> list[str]:
    """Catalogue indicators whose names look most like `query` (by shared characters and order)."""
    names = catalogue_names()
    pool = {alias: canonical for canonical, aliases in names.items() for alias in aliases}
    for name in known or []:
        pool.setdefault(name, name)

    def likeness(alias: str) -> float:
        shared = len(set(alias) & set(query)) / max(len(set(query)), 1)
        return shared + difflib.SequenceMatcher(None, query, alias).ratio()

    ranked = sorted(pool, key=likeness, reverse=True)
    return list(dict.fromkeys(pool[a] for a in ranked if likeness(a) > 0))[:n]


def compare(kb, indicator: str, *, subject: str | None = None, period: str | None = None,
            kind: str | None = None) -> Comparison:
    """Facts of `indicator` (catalogue-matched), one row per (subject, period, source, kind, measure),
    filtered by subject (contains), period (contains, e.g. 2026) and kind; conflicts flagged."""
    if kind and kind not in KINDS:
        raise KBError(f"--kind {kind}: use one of {', '.join(KINDS)}")
    query = (indicator or "").strip()
    if not query:
        raise KBError("name an indicator to compare, e.g. kb compare 地区生产总值")
    facts = all_facts(kb)
    names = matching_indicators(query)
    rows = facts[_matches(facts, query, names)]
    rows = _without_range_tops(rows)
    if subject:
        rows = rows[rows.subject.fillna("").str.contains(subject, regex=False)]
    if period:
        rows = rows[rows.period.fillna("").str.contains(period, regex=False)]
    if kind:
        rows = rows[rows.kind == kind]
    rows = flag_conflicts(one_per_source(rows))
    rows = rows[[c for c in COLUMNS if c in rows] + [c for c in rows if c not in COLUMNS]]
    result = Comparison(query, names or [query], rows.reset_index(drop=True))
    if rows.empty:
        result.nearest = nearest_indicators(query, known=facts.indicator_canonical.dropna().unique().tolist())
        what = "、".join(names) if names else query
        filters = "".join(f"，{k} {v}" for k, v in (("subject", subject), ("period", period), ("kind", kind)) if v)
        result.message = (f"知识库中没有“{what}”的数据{filters}；目录中相近的指标：{'、'.join(result.nearest)}"
                          if result.nearest else f"知识库中没有“{what}”的数据{filters}")
    return result


def all_facts(kb) -> pd.DataFrame:
    """Every fact with `measure`, `year` and a subject (the article's jurisdiction when the sentence
    named none; `subject_source` then says `jurisdiction`)."""
    df = pd.DataFrame([dict(r) for r in store.facts_with_articles(kb.db)])
    if df.empty:
        return pd.DataFrame(columns=COLUMNS)
    df = df.drop(columns=["id", "document_id"])
    for column, default in (("kind", "outcome"), ("value_max", None), ("subject_source", None)):
        if column not in df:
            df[column] = default
    df["kind"] = df["kind"].fillna("outcome")
    missing = df.subject.isna() | (df.subject == "")
    jurisdiction = df.article_jurisdiction.fillna("")
    df.loc[missing & (jurisdiction != ""), "subject_source"] = "jurisdiction"
    df["subject"] = df.subject.where(~missing | (jurisdiction == ""), jurisdiction)
    df["indicator_canonical"] = [c if isinstance(c, str) else canonical_as_written(i, ch)
                                 for c, i, ch in zip(df.indicator_canonical, df.indicator, df.change)]
    df["measure"] = [measure(c, u) for c, u in zip(df.change, df.unit)]
    # `经济增长预期目标为5%` (GDP增长率, %) and `国内生产总值增长5%` (GDP, 增长 %) state the same thing
    bases = {rate: base for base in catalogue_names() for rate in matching_indicators(base)[1:]}
    as_rate = df.indicator_canonical.isin(list(bases)) & (df.measure == df.unit.fillna(""))
    df["family"] = df.indicator_canonical.map(lambda c: bases.get(c, c))
    df.loc[as_rate, "measure"] = [measure("增长", u) for u in df.unit[as_rate]]
    df["year"] = df.period.map(first_year).astype("Int64")
    return df


def canonical_as_written(indicator: str | None, change: str | None) -> str | None:
    """The catalogue name of an indicator read together with its change verb, as the text wrote it:
    `经济` + `增长` is 经济增长 (GDP growth). Only for facts whose indicator alone is not catalogued."""
    if not isinstance(indicator, str) or not isinstance(change, str):
        return None
    verb = _CHANGE_MODIFIER.sub("", change.split("；")[0])
    return canonical_indicator(indicator + verb) if verb else None


def measure(change: str | None, unit: str | None) -> str:
    """What a figure measures besides its indicator: `增长（%）` for a growth rate, `元` for a level."""
    verb = change.replace(RANGE_LOW, "").replace(RANGE_HIGH, "").strip("；;") if isinstance(change, str) else ""
    unit = unit if isinstance(unit, str) else ""
    return f"{verb}（{unit}）" if verb else unit


def _matches(df: pd.DataFrame, query: str, names: list[str]) -> pd.Series:
    """Rows of the catalogue names; for a rate (GDP增长率) also its base's growth figures (GDP 增长 %)."""
    if not names:
        return df.indicator.fillna("").str.contains(query, regex=False)
    rate_of = set(df.family[df.indicator_canonical.isin(names)]) - set(names)
    growth = df.family.isin(rate_of) & df.measure.str.startswith("增长")
    return df.indicator_canonical.isin(names) | growth


def _without_range_tops(df: pd.DataFrame) -> pd.DataFrame:
    """Drop the upper-bound row of a range whose lower-bound row carries it as value_max."""
    tops = df.change.fillna("").str.endswith(RANGE_HIGH)
    has_low = df.value_max.notna() & df.change.fillna("").str.endswith(RANGE_LOW)
    lows = set(zip(df.source[has_low], df.evidence_start[has_low], df.value_max[has_low]))
    covered = [t and (s, e, v) in lows for t, s, e, v in zip(tops, df.source, df.evidence_start, df.value)]
    return df[~pd.Series(covered, index=df.index, dtype=bool)]


def one_per_source(df: pd.DataFrame) -> pd.DataFrame:
    """The first statement of each (subject, period, source, kind, measure); `mentions` counts them."""
    if df.empty:
        return df.assign(mentions=pd.Series(dtype=int))
    keys = ["subject", "period", "source", "kind", "measure", "family"]
    df = df.copy()
    df["mentions"] = df.groupby([df[k].fillna("") for k in keys])["value"].transform("size")
    return df.drop_duplicates([k for k in keys], keep="first")


def flag_conflicts(df: pd.DataFrame) -> pd.DataFrame:
    """`conflict` on rows whose (subject, indicator, period, kind, measure) another source states with
    a different value; `conflict_with` cites those other statements."""
    df = df.copy()
    df["conflict"] = False
    df["conflict_with"] = ""
    keys = ["subject", "family", "period", "kind", "measure"]
    known = df.subject.notna() & df.period.notna()
    for _, group in df[known].groupby([df[k].fillna("") for k in keys]):
        if group.source.nunique() < 2:
            continue
        for i, row in group.iterrows():
            others = group[(group.source != row.source) & ~_same_value(group, row)]
            if len(others):
                df.at[i, "conflict"] = True
                df.at[i, "conflict_with"] = "；".join(_citation(o) for o in others.itertuples())
    return df


def _same_value(group: pd.DataFrame, row) -> pd.Series:
    top = group.value_max.fillna(group.value)
    return ((group.value - row.value).abs() < 1e-9) & ((top - (row.value_max if pd.notna(row.value_max)
                                                                 else row.value)).abs() < 1e-9)


def _citation(row) -> str:
    return f"{display_value(row.value, row.value_max, row.qualifier, row.unit)}（{row.source} 字符 {row.start}–{row.end}）"


def display_value(value, value_max=None, qualifier=None, unit=None) -> str:
    """4.5–5%, 5%左右, 5.5%以上: a value as the text states it, for tables and pivots."""
    def num(x):
        return f"{x:,.4f}".rstrip("0").rstrip(".")
    text = num(value) + (f"–{num(value_max)}" if value_max is not None and pd.notna(value_max) else "")
    qualifier = qualifier if isinstance(qualifier, str) else ""
    before, _, after = qualifier.partition("…") if "…" in qualifier else ("", "", qualifier)
    if qualifier in ("约", "近", "超过", "突破", "不足", "超", "逾", "达"):
        before, after = qualifier, ""
    return f"{before}{text}{unit or ''}{after}"


def pivot(rows: pd.DataFrame) -> pd.DataFrame:
    """Subject × period of the displayed values (several sources' values joined with ` / `); the
    measure and kind join the subject when the rows mix them (浙江 · 增长（%） · target)."""
    if rows.empty:
        return pd.DataFrame()
    shown = rows.assign(shown=[display_value(r.value, r.value_max, r.qualifier, r.unit) for r in rows.itertuples()],
                        subject=rows.subject.fillna("（未注明）"), period=rows.period.fillna("（未注明）"))
    for column in ("measure", "kind"):   # rows of different measures or kinds are not one series
        if shown[column].nunique() > 1:
            shown["subject"] = shown.subject + " · " + shown[column]
    table = shown.pivot_table(index="subject", columns="period", values="shown",
                              aggfunc=lambda v: " / ".join(dict.fromkeys(v)))
    return table.reset_index().rename_axis(columns=None)


def chart_frame(rows: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """(subject, period, value, value_max, source) of the rows in their most frequent measure, and that
    measure's unit: a chart mixing 亿元 levels with % growth rates would mean nothing."""
    if rows.empty:
        return pd.DataFrame(columns=["subject", "period", "value", "value_max", "source"]), ""
    main = rows.measure.mode().iloc[0]
    data = rows[rows.measure == main]
    unit = data.unit.fillna("").mode().iloc[0] if len(data) else ""
    data = data.assign(subject=data.subject.fillna("（未注明）"), period=data.period.fillna("（未注明）"),
                       value_max=data.value_max.fillna(data.value))
    return data[["subject", "period", "value", "value_max", "source", "kind"]].reset_index(drop=True), unit
