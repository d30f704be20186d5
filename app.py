"""政策文献知识库 — the Streamlit app: `streamlit run app.py`.

Routing only; each page in app_pages/ lays out widgets over the core API (kb.api, kb.tables).
"""
import streamlit as st

st.set_page_config(page_title="政策文献知识库", page_icon="📚", layout="wide")

pages = [
    st.Page("app_pages/search.py", title="检索", icon="🔎", default=True),
    st.Page("app_pages/indicators.py", title="指标", icon="📈"),
    st.Page("app_pages/strategies.py", title="策略", icon="🧭"),
    st.Page("app_pages/documents.py", title="文献", icon="📄"),
    st.Page("app_pages/build.py", title="构建", icon="🛠️"),
]
st.navigation(pages).run()
