"""文献: the articles with their metadata, and a reader of the cleaned text by section.

Arriving from a search result (session state common.READER_TARGET), the reader opens that
document and article and frames the cited passage with the text around it.
"""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from app_pages import common
from kb import tables, views
from kb.genre import GENRE_LABELS


@st.cache_data(show_spinner=False)
def sections(index_dir: str, generation: str, source: str) -> pd.DataFrame:
    return tables.sections(common._open(index_dir, generation), source)


def article_at(arts: pd.DataFrame, offset: int) -> int | None:
    """Row position in `arts` (one document's articles) of the article holding `offset`."""
    inside = [i for i, (s, e) in enumerate(zip(arts.start, arts.end)) if s <= offset <= e]
    return inside[-1] if inside else None


def apply_target(arts_all: pd.DataFrame) -> dict | None:
    """Point the reader's select boxes at the passage a search result asked for (once per request)."""
    target = st.session_state.get(common.READER_TARGET)
    if not target:
        return None
    if st.session_state.get("docs_applied") != target:
        st.session_state["docs_applied"] = dict(target)
        st.session_state["docs_source"] = target["source"]
        pos = article_at(arts_all[arts_all.source == target["source"]].reset_index(drop=True), target["start"])
        st.session_state["docs_article"] = pos if pos is not None else 0
    return target


def article_list(arts: pd.DataFrame) -> None:
    st.subheader("文章列表")
    table = arts[["source", "title", "genre", "jurisdiction", "authors", "column", "year", "keywords", "abstract",
                  "reference"]].copy()
    table["genre"] = table.genre.map(lambda g: GENRE_LABELS.get(g, g))
    table["authors"] = table.authors.map(lambda v: "、".join(v) if isinstance(v, list) else (v or ""))
    table["keywords"] = table.keywords.map(lambda v: "；".join(v) if isinstance(v, list) else (v or ""))
    table["year"] = [str(int(y)) if pd.notna(y) else "" for y in table.year]   # 2020, not 2,020
    st.dataframe(views.display_frame(table), hide_index=True, key="docs_table",
                 column_config={"source": "文件", "title": "标题", "genre": "类型", "jurisdiction": "地区",
                                "authors": "作者", "column": "栏目",
                                "year": "年份", "keywords": "关键词", "abstract": "摘要",
                                "reference": "参考文献（GB/T 7714）"})


def reader(kb, arts_all: pd.DataFrame, target: dict | None) -> None:
    st.subheader("阅读")
    sources = common.options(arts_all.source) or [r["source"] for r in kb.documents()]
    if st.session_state.get("docs_source") not in sources:
        st.session_state["docs_source"] = sources[0]
    source = st.selectbox("文件", sources, key="docs_source")
    arts = arts_all[arts_all.source == source].reset_index(drop=True)
    text = kb.clean_text(source).text
    if arts.empty:
        st.html(views.html_block(html.escape(text)))
        return
    # After the 文件 box changes, the browser can send None (or the last document's position) for the
    # 文章 box, whose options just changed: any value that is not a position of this document means 0.
    chosen = st.session_state.get("docs_article")
    if not isinstance(chosen, int) or not 0 <= chosen < len(arts):
        st.session_state["docs_article"] = 0
    pos = st.selectbox("文章", list(range(len(arts))), key="docs_article",
                       format_func=lambda i: f"{i + 1}. {arts.title[i] or '（无标题）'}") or 0
    art = arts.iloc[pos]
    meta = [f"作者：{'、'.join(art.authors)}" if isinstance(art.authors, list) and art.authors else "",
            f"栏目：{art.column}" if art.column else "",
            f"年份：{int(art.year)}" if pd.notna(art.year) else "",
            f"关键词：{'；'.join(art.keywords)}" if isinstance(art.keywords, list) and art.keywords else ""]
    st.caption(views.plain("　".join(m for m in meta if m)))
    if art.title_flagged:
        st.caption("⚠️ 标题由较弱的线索重建，可能不准确。")

    cited = target if target and target["source"] == source and art.start <= target["start"] <= art.end else None
    if cited:
        st.markdown("**引用段落及上下文**")
        window = views.context_window(text, cited["start"], cited["end"])
        st.html(views.window_html(window, cited.get("terms", [])))
        st.code(kb.citation(source, cited["start"], cited["end"]), language=None, wrap_lines=True)

    secs = sections(*common._key(kb), source)
    secs = secs[(secs.start >= art.start) & (secs.end <= art.end)]
    if secs.empty:
        secs = pd.DataFrame([{"path": art.title, "kind": "body", "start": art.start, "end": art.end}])
    doc_tables = kb.tables(source)
    for sec in secs.itertuples():
        holds = cited is not None and sec.start <= cited["start"] < sec.end
        with st.expander(views.plain(sec.path or sec.kind), expanded=holds):
            if holds:
                st.html(views.cited_text_html(text[sec.start:sec.end], cited["start"] - sec.start,
                                              cited["end"] - sec.start, cited.get("terms", [])))
            else:
                st.html(views.html_block(html.escape(text[sec.start:sec.end])))
            for table in (t for t in doc_tables if sec.start <= t.start < sec.end):
                section_table(table)


def section_table(table) -> None:
    """A table read from this section, as printed (its markup above is the text as extracted)."""
    unit = f"（单位：{table.unit}）" if table.unit else ""
    st.markdown(f"**{views.plain(table.caption or '表格')}**{views.plain(unit)}")
    st.dataframe(tables.table_grid(table), hide_index=True, key=f"docs_grid_{table.source}_{table.index}")
    for note in table.notes:
        st.caption(views.plain(note))


st.title("文献")
kb = common.knowledge_base()
if kb is not None:
    arts_all = common.articles(kb)
    target = apply_target(arts_all)
    tab_read, tab_list = st.tabs(["阅读", "文章列表"])
    with tab_read:
        reader(kb, arts_all, target)
    with tab_list:
        article_list(arts_all)
