"""指标: the numeric facts (each with its evidence sentence), a chart of one indicator over the
years, the indicator catalogue and the indicator systems the papers define; CSV/Excel download."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import common
from kb import views

ALL = "（全部）"
FACT_COLUMNS = {"subject": "主体/地区", "indicator_canonical": "指标（规范）", "indicator": "指标（原文）",
                "value": "数值", "unit": "单位", "readable": "读数", "raw": "原文数值", "period": "时间", "change": "变化",
                "evidence": "证据句", "source": "文件", "article": "文章", "start": "起", "end": "止"}


def fact_filters(all_facts: pd.DataFrame) -> dict:
    """The filter widgets' values as keyword arguments of kb.tables.facts."""
    c1, c2, c3 = st.columns(3)
    with c1:
        subject = st.selectbox("主体/地区", [ALL, *common.options(all_facts.subject)], key="ind_subject")
    with c2:
        names = common.options(all_facts.indicator_canonical.fillna(all_facts.indicator))
        indicator = st.selectbox("指标", [ALL, *names], key="ind_indicator")
    with c3:
        source = st.selectbox("文件", [ALL, *common.options(all_facts.source)], key="ind_source")
    c4, c5, c6 = st.columns([2, 1, 1])
    with c4:
        text = st.text_input("在证据句中搜索", key="ind_text", placeholder="例如：跨境电商")
    with c6:
        include_low = st.toggle("显示指标不明确的行", key="ind_low",
                                help="抽取时无法确定具体指标（低置信度）的行，默认隐藏。")
    years = sorted({int(y) for y in all_facts.year.dropna()})
    year_from = year_to = None
    with c5:
        if len(years) > 1:
            lo, hi = st.slider("年份", years[0], years[-1], (years[0], years[-1]), key="ind_years")
            if (lo, hi) != (years[0], years[-1]):
                year_from, year_to = lo, hi
    return {"subject": None if subject == ALL else subject,
            "indicator": None if indicator == ALL else indicator,
            "source": None if source == ALL else source,
            "year_from": year_from, "year_to": year_to, "text": text.strip() or None,
            "include_low": include_low}


def facts_table(df: pd.DataFrame) -> None:
    df = df.assign(readable=[views.readable_amount(v, u) for v, u in zip(df.value, df.unit)])
    shown = df[[c for c in FACT_COLUMNS if c in df.columns]]
    st.dataframe(views.display_frame(shown), hide_index=True, key="ind_table",
                 column_config={c: st.column_config.Column(label, width="large" if c == "evidence" else None)
                                for c, label in FACT_COLUMNS.items()})
    d1, d2, _ = st.columns([1, 1, 4])
    with d1:
        st.download_button("下载 CSV", views.csv_bytes(shown), "facts.csv", "text/csv", key="ind_csv")
    with d2:
        st.download_button("下载 Excel", views.xlsx_bytes(shown, "facts"), "facts.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="ind_xlsx")


def chartable_indicators(df: pd.DataFrame) -> list[str]:
    """Indicators with facts in at least one year, most facts first."""
    dated = df[df.year.notna()]
    names = dated.indicator_canonical.fillna(dated.indicator).dropna()
    return names.value_counts().index.tolist()


def indicator_chart(df: pd.DataFrame, preferred: str | None) -> None:
    st.subheader("指标走势")
    names = chartable_indicators(df)
    if not names:
        st.info("当前筛选下没有带年份的数据，无法绘图。")
        return
    c1, c2 = st.columns([3, 1])
    with c1:
        if preferred not in names:
            preferred = views.default_chart_indicator(df)
        index = names.index(preferred) if preferred in names else 0
        name = st.selectbox("绘图指标", names, index=index, key="ind_chart_indicator")
    with c2:
        kind = st.radio("图形", ["折线图", "柱状图"], horizontal=True, key="ind_chart_kind")
    data, unit = views.chart_frame(df, name)
    x = alt.X("year:O", title="年份")
    y = alt.Y("value:Q", title=views.axis_title(name, unit))
    color = alt.Color("subject:N", title="主体/地区")
    tooltip = [alt.Tooltip("subject:N", title="主体"), alt.Tooltip("year:O", title="年份"),
               alt.Tooltip("value:Q", title=views.axis_title("数值", unit), format=",.2f")]
    base = alt.Chart(data)
    chart = (base.mark_line(point=True) if kind == "折线图" else base.mark_bar()).encode(
        x=x, y=y, color=color, tooltip=tooltip, **({} if kind == "折线图" else {"xOffset": "subject:N"}))
    st.altair_chart(chart, width="stretch")


def catalogue(kb) -> None:
    cat = common.indicators(kb)
    st.dataframe(views.display_frame(cat), hide_index=True, key="ind_catalogue",
                 column_config={"indicator": "指标", "catalogued": "已收录", "synonyms": "原文名称", "unit": "单位",
                                "facts": "数据条数", "sources": "文件"})
    systems = common.indicator_systems(kb)
    st.subheader("指标体系")
    if systems.empty:
        st.info("文献中没有识别出指标体系。")
    else:
        st.dataframe(views.display_frame(views.systems_table(systems)), hide_index=True, key="ind_systems",
                     column_config={"source": "文件", "article": "文章", "name": "名称", "dimensions": "维度",
                                    "indicators": "指标", "evidence": "证据句", "other_names": "其他名称"})


st.title("指标")
kb = common.knowledge_base()
if kb is not None:
    all_facts = common.facts(kb, include_low=True)
    if all_facts.empty:
        st.info("知识库中还没有数值型事实。")
    else:
        tab_facts, tab_catalogue = st.tabs(["数据表", "指标目录与体系"])
        with tab_facts:
            filters = fact_filters(all_facts)
            df = common.facts(kb, **filters)
            st.caption(f"{len(df)} / {len(all_facts)} 条数据；点击列标题排序，每行附证据句与出处。")
            facts_table(df)
            indicator_chart(df, filters["indicator"])
        with tab_catalogue:
            catalogue(kb)
