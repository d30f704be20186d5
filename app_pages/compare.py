"""对比: one indicator across documents — one row per subject, period and source with ranges,
qualifiers, kind and evidence; conflicting values flagged; subject × period pivot; a chart with
units; CSV/Excel download."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import common
from kb import compare as cmp
from kb import views

ALL = "（全部）"
KIND_LABELS = {"target": "目标（预期目标）", "plan": "规划（多年目标）", "outcome": "实际（已发生）"}
COLUMNS = {"subject": "主体/地区", "period": "时间", "shown": "数值", "kind": "类型", "measure": "口径",
           "conflict": "冲突", "conflict_with": "冲突来源", "evidence": "证据句", "source": "文件",
           "start": "起", "end": "止", "value": "数值（下限）", "value_max": "上限", "qualifier": "限定",
           "unit": "单位", "subject_source": "主体来源"}


def controls(kb) -> dict:
    catalogue = common.indicators(kb)
    names = catalogue[catalogue.catalogued.astype(bool)].indicator.tolist()   # most facts first
    c1, c2, c3, c4 = st.columns([2, 1, 1, 1])
    with c1:
        indicator = st.text_input("指标", key="cmp_indicator", placeholder="例如：地区生产总值",
                                  help="按指标目录匹配：地区生产总值 也会找到 全省生产总值、GDP。")
        if names:
            st.caption("目录中的指标：" + views.plain("、".join(names[:12])))
    with c2:
        kind = st.selectbox("类型", [ALL, *KIND_LABELS], key="cmp_kind",
                            format_func=lambda k: KIND_LABELS.get(k, k))
    with c3:
        subject = st.text_input("主体/地区", key="cmp_subject", placeholder="例如：浙江")
    with c4:
        period = st.text_input("时间", key="cmp_period", placeholder="例如：2026")
    return {"indicator": indicator.strip(), "kind": None if kind == ALL else kind,
            "subject": subject.strip() or None, "period": period.strip() or None}


def rows_table(rows: pd.DataFrame) -> pd.DataFrame:
    shown = rows.assign(shown=[cmp.display_value(r.value, r.value_max, r.qualifier, r.unit)
                               for r in rows.itertuples()])
    shown = shown[[c for c in COLUMNS if c in shown.columns]]
    st.dataframe(shown, hide_index=True, key="cmp_table",
                 column_config={c: st.column_config.Column(label, width="large" if c == "evidence" else None)
                                for c, label in COLUMNS.items()})
    return shown


def chart(rows: pd.DataFrame, indicator: str) -> None:
    data, unit = cmp.chart_frame(rows)
    if data.empty:
        return
    measure = rows.measure.mode().iloc[0]
    title = views.axis_title(f"{indicator} {measure.split('（')[0]}".strip(), unit)
    base = alt.Chart(data).encode(
        x=alt.X("subject:N", title="主体/地区", sort="-y"),
        color=alt.Color("period:N", title="时间"), xOffset="period:N",
        tooltip=[alt.Tooltip("subject:N", title="主体"), alt.Tooltip("period:N", title="时间"),
                 alt.Tooltip("value:Q", title=views.axis_title("下限/数值", unit)),
                 alt.Tooltip("value_max:Q", title=views.axis_title("上限", unit)),
                 alt.Tooltip("source:N", title="文件")])
    bars = base.mark_bar().encode(y=alt.Y("value:Q", title=title))
    ranges = base.mark_rule(strokeWidth=3).encode(y="value:Q", y2="value_max:Q")
    st.altair_chart(bars + ranges, width="stretch")
    st.caption(f"柱高为数值（区间为下限），竖线延伸到区间上限；单位：{unit or '无'}。其他口径的数据见上表。")


def downloads(shown: pd.DataFrame, pivot: pd.DataFrame) -> None:
    d1, d2, d3, _ = st.columns([1, 1, 1, 3])
    with d1:
        st.download_button("下载 CSV", views.csv_bytes(shown), "compare.csv", "text/csv", key="cmp_csv")
    with d2:
        st.download_button("下载 Excel", views.xlsx_bytes(shown, "compare"), "compare.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="cmp_xlsx")
    with d3:
        st.download_button("下载透视表 CSV", views.csv_bytes(pivot), "compare_pivot.csv", "text/csv",
                           key="cmp_pivot_csv")


st.title("对比")
kb = common.knowledge_base(warm=False)   # reads SQLite only; the search page warms itself
if kb is not None:
    chosen = controls(kb)
    if not chosen["indicator"]:
        st.info("输入一个指标，比较各文件、各地区、各时期的数值；例如 地区生产总值，类型选“目标”。")
    else:
        result = common.comparison(kb, chosen["indicator"], subject=chosen["subject"],
                                   period=chosen["period"], kind=chosen["kind"])
        if result.rows.empty:
            st.warning(result.message)
        else:
            rows = result.rows
            n_conflicts = int(rows.conflict.sum())
            st.caption(f"{len(rows)} 行，来自 {rows.source.nunique()} 个文件；匹配的目录指标："
                       f"{views.plain('、'.join(result.indicators))}"
                       + (f"；{n_conflicts} 行与其他文件的数值冲突" if n_conflicts else ""))
            if (rows.subject_source == "jurisdiction").any():
                st.caption("主体来源为 jurisdiction 的行：句中未写明主体，取自文件所属的行政区。")
            tab_rows, tab_pivot = st.tabs(["逐条", "主体 × 时间"])
            with tab_rows:
                shown = rows_table(rows)
            pivot = cmp.pivot(rows)
            with tab_pivot:
                st.dataframe(pivot, hide_index=True, key="cmp_pivot")
            chart(rows, chosen["indicator"])
            downloads(shown, pivot)
