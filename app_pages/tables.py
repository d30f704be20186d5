"""表格: the tables read from the documents — one at a time as printed (caption, unit, header, rows,
notes, citation), with the facts its numeric cells gave."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages import common
from kb import tables, views


def table_label(row) -> str:
    page = f"　第{row.page}页" if pd.notna(row.page) else ""
    return f"{row.index + 1}. {row.caption or '（无表题）'}{page}"


def cell_facts(kb, table):
    """The facts read from this table's cells (the table's caption and offsets)."""
    df = tables.facts(kb, source=table.source)
    inside = (df.evidence_start == table.start) & (df.evidence_end == table.end) & df.table.notna()
    return df[inside][["subject", "indicator", "value", "unit", "period", "raw", "row", "column"]]


st.title("表格")
kb = common.knowledge_base(warm=False)   # this page reads SQLite only; search pages warm the indexes
if kb is not None:
    listing = tables.document_tables(kb)
    if listing.empty:
        st.info("知识库的文献中还没有读出表格（HTML 表格或 Markdown 表格）。")
    else:
        st.caption(f"{len(listing)} 张表格，来自 {listing.source.nunique()} 篇文献")
        source = st.selectbox("文件", common.options(listing.source), key="tables_source")
        in_source = listing[listing.source == source]
        choice = st.selectbox("表格", list(in_source.itertuples()), format_func=table_label, key="tables_table")
        table = tables.find_table(kb, source, int(choice.index))
        st.subheader(table.caption or "（无表题）")
        if table.unit:
            st.caption(f"单位：{table.unit}")
        grid = tables.table_grid(table)
        st.dataframe(grid, hide_index=True, width="stretch")
        for note in table.notes:
            st.caption(note)
        st.caption(views.plain(kb.citation(table.source, table.start, table.end)))
        st.download_button("下载 CSV", views.csv_bytes(grid), f"{source}-table{table.index + 1}.csv", "text/csv",
                           key="tables_csv")
        facts = cell_facts(kb, table)
        st.markdown(f"**单元格事实**（{len(facts)} 条）")
        if not facts.empty:
            st.dataframe(facts, hide_index=True, width="stretch")
