"""政策文献知识库 — the Streamlit app: `streamlit run app.py`.

Routing only; each page in app_pages/ lays out widgets over the core API (kb.api, kb.tables).
"""
from kb.threads import configure, serialise_ast_parse

configure("query")   # before numpy, FAISS and the model load: see kb/threads.py
serialise_ast_parse()   # Streamlit parses page scripts in session threads: see kb/threads.py

import streamlit as st  # noqa: E402

st.set_page_config(page_title="政策文献知识库", page_icon=":material/library_books:", layout="wide")

pages = [
    st.Page("app_pages/search.py", title="检索", icon=":material/search:", default=True),
    st.Page("app_pages/indicators.py", title="指标", icon=":material/monitoring:"),
    st.Page("app_pages/strategies.py", title="策略", icon=":material/explore:"),
    st.Page("app_pages/compare.py", title="对比", icon=":material/compare_arrows:"),
    st.Page("app_pages/analysis.py", title="分析", icon=":material/insights:"),
    st.Page("app_pages/documents.py", title="文献", icon=":material/description:"),
    st.Page("app_pages/tables.py", title="表格", icon=":material/table:"),
    st.Page("app_pages/build.py", title="构建", icon=":material/build:"),
]
st.navigation(pages).run()
