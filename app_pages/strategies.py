"""策略: proposed measures by article and policy-tool category, counted in a chart, each with its
text and source."""
from __future__ import annotations

import html

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import common
from kb import views

ALL = "（全部）"
UNLABELLED = "（未分类）"


def strategy_filters(all_rows: pd.DataFrame) -> dict:
    """The filter widgets' values as keyword arguments of kb.tables.strategies."""
    c1, c2, c3 = st.columns(3)
    with c1:
        source = st.selectbox("文件", [ALL, *common.options(all_rows.source)], key="strat_source")
    in_source = all_rows if source == ALL else all_rows[all_rows.source == source]
    with c2:
        article = st.selectbox("文章", [ALL, *common.options(in_source.article)], key="strat_article")
    with c3:
        category = st.selectbox("政策工具类别", [ALL, *common.options(all_rows.category)], key="strat_category")
    text = st.text_input("在措施中搜索", key="strat_text", placeholder="例如：基础设施")
    return {"source": None if source == ALL else source, "article": None if article == ALL else article,
            "category": None if category == ALL else category, "text": text.strip() or None}


def counts_chart(df: pd.DataFrame) -> None:
    data = df.assign(category=df.category.fillna("").replace("", UNLABELLED),
                     article=df.article.fillna("").replace("", "（无标题）"))
    data = data.groupby(["category", "article"], as_index=False).size().rename(columns={"size": "count"})
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("count:Q", title="措施数（条）"),
        y=alt.Y("category:N", title="政策工具类别", sort="-x"),
        color=alt.Color("article:N", title="文章", legend=alt.Legend(orient="bottom", columns=1, labelLimit=400)),
        tooltip=[alt.Tooltip("category:N", title="类别"), alt.Tooltip("article:N", title="文章"),
                 alt.Tooltip("count:Q", title="条数")])
    st.altair_chart(chart, width="stretch")


def measure_list(kb, df: pd.DataFrame, limit: int = 100) -> None:
    for row in df.head(limit).itertuples():
        label = views.plain(f"{row.title or row.text[:40]}　·　{row.category or UNLABELLED}")
        with st.expander(label):
            st.html(views.html_block(html.escape(row.text)))
            st.caption(views.plain(kb.citation(row.source, row.start, row.end)))
    if len(df) > limit:
        st.caption(f"只显示前 {limit} 条；缩小筛选范围或下载完整表格。")


st.title("策略")
kb = common.knowledge_base()
if kb is not None:
    all_rows = common.strategies(kb)
    if all_rows.empty:
        st.info("知识库中还没有识别出策略或措施。")
    else:
        filters = strategy_filters(all_rows)
        df = common.strategies(kb, **filters)
        st.caption(f"{len(df)} / {len(all_rows)} 条措施")
        if not df.empty:
            counts_chart(df)
            st.download_button("下载 CSV", views.csv_bytes(df), "strategies.csv", "text/csv", key="strat_csv")
            measure_list(kb, df)
