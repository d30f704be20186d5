"""分析: text analytics over the whole KB — keywords of each document or section (TF-IDF against the
KB), topics with their typical cited passages, term trends by document year, co-occurring policy
terms and the policy-tool mix of each document; every table can be downloaded."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import common
from kb import analytics, views
from kb.errors import KBError

LEVEL_LABELS = {"document": "按文件", "section": "按章节"}


def download(df: pd.DataFrame, name: str) -> None:
    c1, c2, _ = st.columns([1, 1, 4])
    with c1:
        st.download_button("下载 CSV", views.csv_bytes(df), f"{name}.csv", "text/csv", key=f"ana_{name}_csv")
    with c2:
        st.download_button("下载 Excel", views.xlsx_bytes(df, name), f"{name}.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key=f"ana_{name}_xlsx")


def keywords_tab(kb) -> None:
    c1, c2 = st.columns([2, 1])
    with c1:
        level = st.radio("单位", list(LEVEL_LABELS), format_func=LEVEL_LABELS.get, horizontal=True,
                         key="ana_kw_level")
    with c2:
        top = st.number_input("每个单位的关键词数", 3, 30, 10, key="ana_kw_top")
    df = analytics.keywords(common.units(kb, level), top=int(top))
    keys = ["source"] if level == "document" else ["source", "section"]
    listed = df.groupby(keys, sort=False).keyword.apply("、".join).reset_index()
    st.dataframe(listed, hide_index=True, key="ana_kw_table",
                 column_config={"source": "文件", "section": "章节", "keyword": "关键词（TF-IDF，按权重）"})
    download(df, "keywords")


def topics_tab(kb) -> None:
    c1, c2 = st.columns(2)
    with c1:
        k = st.number_input("主题数（0 = 按留出文本的一致性自动选择）", 0, 20, 0, key="ana_topic_k")
    with c2:
        seed = st.number_input("随机种子", 0, 9999, 0, key="ana_topic_seed")
    try:
        result = common.topics(kb, "passage", k=int(k) or None, seed=int(seed))
    except KBError as e:
        st.info(str(e))
        return
    st.caption(f"{result.k} 个主题；各主题数在留出段落上的一致性（NPMI）："
               + "，".join(f"{r.k}: {r.heldout_npmi:.3f}" for r in result.tried.itertuples()))
    for t in result.topics.itertuples():
        with st.expander(views.plain(f"主题 {t.topic}：{t.terms}（占比 {t.share:.0%}）")):
            for p in result.passages[result.passages.topic == t.topic].itertuples():
                st.markdown(f"> {views.plain(p.text)}")
                st.caption(views.plain(kb.citation(p.source, p.start, p.end)))
    download(result.passages.merge(result.topics, on="topic"), "topics")


def trends_tab(kb) -> None:
    text = st.text_input("词语（用空格或逗号分隔）", "高质量发展 新质生产力", key="ana_trend_terms")
    terms = [t for t in text.replace("，", " ").replace(",", " ").split() if t]
    if not terms:
        return
    docs = analytics.kb_documents(kb)
    undated = [s for s, y, _ in docs if y is None]
    df = analytics.trends(docs, terms)
    if undated:
        st.caption(f"{len(undated)} 个文件没有可识别的年份，未计入。")
    if df.empty:
        st.info("知识库中没有带年份的文件，无法画出趋势。")
        return
    chart = alt.Chart(df).mark_line(point=True).encode(
        x=alt.X("year:O", title="年份"), y=alt.Y("per_10k:Q", title="每万字出现次数（次/万字）"),
        color=alt.Color("term:N", title="词语"),
        tooltip=[alt.Tooltip("term:N", title="词语"), alt.Tooltip("year:O", title="年份"),
                 alt.Tooltip("per_10k:Q", title="次/万字"), alt.Tooltip("count:Q", title="次数")])
    st.altair_chart(chart, width="stretch")
    download(df, "trends")


def cooccurrence_tab(kb) -> None:
    df = analytics.cooccurrence(common.units(kb, "section"), top=40)
    if df.empty:
        st.info("政策词典中的词语没有在同一章节中共同出现。")
        return
    chart = alt.Chart(df).mark_rect().encode(
        x=alt.X("term_a:N", title="词语"), y=alt.Y("term_b:N", title="词语"),
        color=alt.Color("units:Q", title="共现章节数（个）"),
        tooltip=["term_a", "term_b", alt.Tooltip("units:Q", title="共现章节数"), alt.Tooltip("npmi:Q", title="NPMI")])
    st.altair_chart(chart, width="stretch")
    st.dataframe(df, hide_index=True, key="ana_cooc_table")
    download(df, "cooccurrence")


def tool_mix_tab(kb) -> None:
    df = analytics.tool_mix(common.strategies(kb))
    if df.empty:
        st.info("知识库中还没有识别出策略或措施。")
        return
    chart = alt.Chart(df).mark_bar().encode(
        x=alt.X("share:Q", title="占该文件措施的比例（%）", axis=alt.Axis(format="%")),
        y=alt.Y("source:N", title="文件"), color=alt.Color("tool_type:N", title="政策工具类型"),
        tooltip=[alt.Tooltip("source:N", title="文件"), alt.Tooltip("tool_type:N", title="类型"),
                 alt.Tooltip("tool:N", title="工具"), alt.Tooltip("measures:Q", title="措施数（条）"),
                 alt.Tooltip("share:Q", title="比例", format=".1%")])
    st.altair_chart(chart, width="stretch")
    download(df, "tool_mix")


st.title("分析")
kb = common.knowledge_base(warm=False)   # reads SQLite only; the search page warms itself
if kb is not None:
    tabs = st.tabs(["关键词", "主题", "词语趋势", "词语共现", "政策工具结构"])
    with tabs[0]:
        keywords_tab(kb)
    with tabs[1]:
        topics_tab(kb)
    with tabs[2]:
        trends_tab(kb)
    with tabs[3]:
        cooccurrence_tab(kb)
    with tabs[4]:
        tool_mix_tab(kb)
