"""检索: cited search over the passages, with filters; a result opens in the document reader."""
from __future__ import annotations

import html

import streamlit as st

from app_pages import common
from kb import views
from kb.errors import KBError
from kb.search import Filters

MODES = {"混合": "hybrid", "语义": "dense", "关键词": "keyword"}
KIND_LABELS = {"body": "正文", "abstract": "摘要", "keywords": "关键词", "references": "参考文献",
               "english": "英文摘要", "front": "前置信息", "notes": "注释"}
ALL = "（全部）"


@st.cache_data(show_spinner=False, max_entries=256)
def cached_search(index_dir: str, generation: str, query: str, k: int, mode: str, filters: Filters | None):
    # Keyed by generation: switching pages and back, or re-asking a question, does not search again.
    common.ready_searcher(index_dir, generation)   # waits for the warm-up instead of loading twice
    return common._open(index_dir, generation).search(query, k=k, mode=mode, filters=filters)


@st.cache_data(show_spinner=False)
def section_kinds(index_dir: str, generation: str) -> list[str]:
    kinds = common._open(index_dir, generation).section_kinds()
    return sorted(kinds, key=lambda k: list(KIND_LABELS).index(k) if k in KIND_LABELS else 99)


def filters_from_widgets(kb) -> Filters | None:
    """The sidebar filters as a kb.search.Filters (None when nothing is restricted)."""
    arts = common.articles(kb)
    with st.sidebar:
        st.subheader("筛选")
        source = st.selectbox("文献", [ALL, *common.options(arts.source)], key="search_source")
        in_source = arts if source == ALL else arts[arts.source == source]
        article = st.selectbox("文章", [ALL, *common.options(in_source.title)], key="search_article")
        years = sorted({int(y) for y in arts.year.dropna()})
        year_range = None
        if len(years) > 1:
            year_range = st.slider("年份", years[0], years[-1], (years[0], years[-1]), key="search_years")
        kinds = section_kinds(*common._key(kb))
        chosen = st.multiselect("章节类型", kinds, format_func=lambda k: KIND_LABELS.get(k, k),
                                key="search_kinds", placeholder="全部类型")
    whole_range = year_range is None or (year_range[0] == years[0] and year_range[1] == years[-1])
    filters = Filters(sources=None if source == ALL else [source],
                      articles=None if article == ALL else [article],
                      kinds=chosen or None,
                      year_from=None if whole_range else year_range[0],
                      year_to=None if whole_range else year_range[1])
    return None if filters.is_empty() else filters


def show_hit(hit, i: int) -> None:
    with st.container(border=True):
        title = hit.article or hit.source
        st.html(f'<div style="font-weight:600">{hit.rank}. 《{html.escape(title)}》</div>'
                f'<div style="color:#666;font-size:0.85rem">{html.escape(views.hit_citation(hit))}</div>')
        st.html(views.html_block(views.highlight_html(hit.text, hit.terms)))
        left, right = st.columns([4, 1])
        with left:
            st.code(views.quotable(hit), language=None, wrap_lines=True)
        with right:
            if st.button("在文献中打开", key=f"search_open_{i}"):
                st.session_state[common.READER_TARGET] = {
                    "source": hit.source, "start": hit.start, "end": hit.end, "terms": list(hit.terms)}
                st.switch_page(common.READER_PAGE)


st.title("检索")
kb = common.knowledge_base(warm=False)
if kb is not None:
    # The query box first: it is what the user needs on arrival; the sidebar filters follow.
    # No max_chars on the box: the browser would drop a longer paste without a word. It is cut here.
    query = st.text_input("问题或关键词", key="search_query", placeholder="例如：郑州跨境电商交易额是多少")
    limit = kb.settings.max_query_chars
    if len(query.strip()) > limit:
        st.info(f"问题共 {len(query.strip())} 字，超过 {limit} 字的上限，只用前 {limit} 字检索。")
        query = query.strip()[:limit]
    c1, c2 = st.columns([3, 1])
    with c1:
        mode_label = st.radio("检索方式", list(MODES), horizontal=True, key="search_mode",
                              help="混合 = 语义向量 + 关键词 (BM25) 融合排序")
    with c2:
        k = st.number_input("结果数", 1, 50, 10, key="search_k")
    common.warm_up(kb)   # after the query box is on screen: the user types while indexes load
    filters = filters_from_widgets(kb)
    if query.strip():
        try:
            hits = cached_search(*common._key(kb), query, int(k), MODES[mode_label], filters)
        except KBError as e:
            st.error(str(e))
            hits = []
        st.caption(f"共 {len(hits)} 条结果")
        if not hits:
            st.info("没有找到匹配的段落。可换一种说法，或放宽筛选条件。")
        for i, hit in enumerate(hits):
            show_hit(hit, i)
    else:
        counts = kb.counts()
        st.caption(f"知识库：{counts.get('documents', 0)} 个文件，{counts.get('articles', 0)} 篇文章，"
                   f"{counts.get('passages', 0)} 个段落。输入问题后按回车。")
