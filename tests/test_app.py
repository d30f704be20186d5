"""The Streamlit app, run for real with AppTest against a real KB (the `demo_kb` fixture).

Each page file is run on its own (AppTest's documented way); the search → reader hand-off, which
needs st.navigation, runs from app.py.
"""
from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from kb import tables, views
from kb.api import KnowledgeBase
from kb.config import Settings
from tests.fixtures import processed_by_another_version

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "app_pages"
# From ../shared/eval/dev/queries.jsonl, and the sentence of seed 004 that answers it.
QUESTION = "郑州跨境电商交易额是多少"
ANSWER = "郑州市跨境电商交易额为1458.8亿元"
TIMEOUT = 180  # the first dense search loads the embedding model


def run_page(name: str) -> AppTest:
    at = settled(AppTest.from_file(str(PAGES / name), default_timeout=TIMEOUT).run())
    assert not at.exception, [e.value for e in at.exception]
    return at


def settled(at: AppTest) -> AppTest:
    """The run again, once, when the page script failed to compile with CPython 3.11.7's thread-unsafe
    ast.parse (gh-106905; kb/threads.py serialises it, this catches what the lock cannot: a parse made
    outside ast.parse). Any other exception stays for the test to see."""
    if any("AST constructor recursion depth mismatch" in str(e.value) for e in at.exception):
        at.run()
    return at


def html_texts(at: AppTest) -> list[str]:
    return [h.value for h in at.get("html")]


def visible(html: str) -> str:
    """What the reader sees of an HTML block: the text without our tags."""
    return re.sub(r"<[^>]+>", "", html)


@pytest.fixture
def media(monkeypatch) -> dict[str, bytes]:
    """{file name: bytes} of every download button of a run (AppTest drops its media store after)."""
    stored: dict[str, bytes] = {}

    class Recording(MemoryMediaFileStorage):
        def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
            if isinstance(path_or_data, bytes) and filename:
                stored[filename] = path_or_data
            return super().load_and_get_id(path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", Recording)
    return stored


# ------------------------------------------------------------------ 检索
def test_dev_question_returns_cited_highlighted_results(demo_kb):
    at = run_page("search.py")
    at.text_input(key="search_query").input(QUESTION).run()
    assert not at.exception, [e.value for e in at.exception]
    blocks = html_texts(at)
    answer = next(b for b in blocks if "1458.8" in b)
    assert '<mark style' in answer and "郑州</mark>" in answer
    quotes = [c.value for c in at.code]
    cited = next(q for q in quotes if ANSWER in q)
    arts = tables.articles(KnowledgeBase(demo_kb))
    reference = arts[arts.source == "004_13c680af1f380253.txt"].reference.iloc[0]
    assert f"{reference} 位置：" in cited and "004_13c680af1f380253.txt 字符" in cited
    assert "检索" in at.title[0].value


def test_document_filter_restricts_results(demo_kb):
    at = run_page("search.py")
    at.text_input(key="search_query").input("一带一路 区域经济").run()
    sources = sorted({o for o in at.selectbox(key="search_source").options if o.endswith(".txt")})
    assert len(sources) >= 2
    at.selectbox(key="search_source").select(sources[0]).run()
    quotes = [c.value for c in at.code]
    assert quotes and all(sources[0] in q for q in quotes)


def test_keyword_mode_and_no_results_message(demo_kb):
    at = run_page("search.py")
    at.radio(key="search_mode").set_value("关键词")
    at.text_input(key="search_query").input("跨境电商").run()
    assert not at.exception
    assert any("跨境电商</mark>" in b for b in html_texts(at))
    at.text_input(key="search_query").input("qwzxv").run()
    assert any("没有找到" in i.value for i in at.info)


def test_result_opens_in_the_reader_with_the_passage_framed(demo_kb):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    at.text_input(key="search_query").input(QUESTION).run()
    index = next(i for i, c in enumerate(at.code) if ANSWER in c.value)
    at.button(key=f"search_open_{index}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "文献" in at.title[0].value
    framed = [b for b in html_texts(at) if 'id="cited"' in b]
    assert framed and ANSWER in visible(framed[0])
    assert at.selectbox(key="docs_source").value == "004_13c680af1f380253.txt"


# ------------------------------------------------------------------ 指标
def configured_columns(element) -> set[str]:
    """The column names a st.dataframe's column_config refers to."""
    keys = {re.sub(r"^(?:col|name):", "", key) for key in json.loads(element.proto.columns or "{}")}
    return keys - {"_index"}   # hide_index configures the index column


def test_indicator_filter_narrows_the_table(demo_kb):
    at = run_page("indicators.py")
    full = at.dataframe[0].value
    assert {"subject", "indicator", "value", "unit", "readable", "evidence", "source"} <= set(full.columns)
    assert not full.isna().any().any()    # empty cells are "", never shown as None
    assert configured_columns(at.dataframe[0]) <= set(full.columns)
    assert full.evidence.fillna("").str.len().gt(0).all()  # every row carries its evidence sentence
    at.selectbox(key="ind_subject").select("郑州").run()
    narrowed = at.dataframe[0].value
    assert 0 < len(narrowed) < len(full)
    assert narrowed.subject.str.contains("郑州").all()
    assert any(ANSWER in e for e in narrowed.evidence)


def test_indicator_table_hides_low_confidence_rows_until_toggled(demo_kb):
    at = run_page("indicators.py")
    shown = len(at.dataframe[0].value)
    assert shown == len(tables.facts(KnowledgeBase(demo_kb)))
    at.toggle(key="ind_low").set_value(True).run()
    assert not at.exception and len(at.dataframe[0].value) == len(tables.facts(KnowledgeBase(demo_kb), include_low=True)) > shown


def test_indicator_chart_has_units_in_the_axis_title(demo_kb):
    at = run_page("indicators.py")
    charts = at.get("vega_lite_chart")
    assert charts
    spec = json.loads(charts[0].proto.spec)
    chosen = at.selectbox(key="ind_chart_indicator").value
    assert chosen == views.default_chart_indicator(tables.facts(KnowledgeBase(demo_kb))) != "比重"
    assert spec["encoding"]["y"]["title"].startswith(chosen)
    assert spec["encoding"]["x"]["title"] == "年份"
    at.radio(key="ind_chart_kind").set_value("柱状图").run()
    assert json.loads(at.get("vega_lite_chart")[0].proto.spec)["mark"]["type"] == "bar"


def test_downloads_are_real_csv_and_xlsx(demo_kb, media):
    at = run_page("indicators.py")
    shown = at.dataframe[0].value
    assert {"facts.csv", "facts.xlsx"} <= set(media)
    csv = pd.read_csv(io.BytesIO(media["facts.csv"]), encoding="utf-8-sig")
    assert len(csv) == len(shown) and csv.evidence.tolist() == shown.evidence.tolist()
    xlsx = pd.read_excel(io.BytesIO(media["facts.xlsx"]), sheet_name="facts")
    assert len(xlsx) == len(shown) and list(xlsx.columns) == list(csv.columns)


def test_indicator_catalogue_is_listed(demo_kb):
    at = run_page("indicators.py")
    catalogue = at.dataframe[1].value  # after the facts table (tabs render in order)
    assert "synonyms" in catalogue
    assert len(catalogue) > 0 and catalogue.facts.sum() > 0
    assert configured_columns(at.dataframe[1]) <= set(catalogue.columns)   # e.g. `unit`, not `units`
    systems = at.dataframe[2].value
    assert not systems.isna().any().any() and configured_columns(at.dataframe[2]) <= set(systems.columns)


# ------------------------------------------------------------------ 策略 and 文献
def test_strategies_page_counts_measures_by_category(demo_kb):
    at = run_page("strategies.py")
    assert at.get("vega_lite_chart")
    assert at.expander and all(e.label for e in at.expander)
    total = int(at.caption[0].value.split("/")[1].split()[0])
    source = next(o for o in at.selectbox(key="strat_source").options if o.startswith("000_"))
    at.selectbox(key="strat_source").select(source).run()
    assert 0 < int(at.caption[0].value.split("/")[0].strip()) < total


def test_documents_page_lists_articles_with_metadata(demo_kb):
    at = run_page("documents.py")
    table = at.dataframe[0].value
    assert {"title", "authors", "column", "keywords", "abstract"} <= set(table.columns)
    assert table.title.str.contains("节点城市的创新路径").any()
    assert at.expander  # the reader shows the first article section by section


# ------------------------------------------------------------------ 构建
def test_build_page_shows_what_the_kb_holds(demo_kb):
    at = run_page("build.py")
    metrics = {m.label: m.value for m in at.metric}
    counts = KnowledgeBase(demo_kb).counts()
    assert metrics["文件"] == str(counts["documents"]) and metrics["段落"] == str(counts["passages"])


def test_build_page_warns_when_documents_were_processed_by_another_version(kb_copy):
    assert not any("旧版本" in w.value for w in run_page("build.py").warning)
    processed_by_another_version(kb_copy.index_dir)   # what an older policy-kb stored
    warnings = [w.value for w in run_page("build.py").warning]
    assert any(w.startswith("5 个文献由旧版本处理") and "kb build" in w for w in warnings), warnings


@pytest.fixture
def kb_copy(demo_kb, tmp_path, monkeypatch) -> Settings:
    """A private copy of the demo KB (uploads change it), with the embedding cache."""
    index_dir = tmp_path / "index"
    shutil.copytree(demo_kb.index_dir, index_dir)
    monkeypatch.setenv("KB_INDEX_DIR", str(index_dir))
    return demo_kb.with_(index_dir=index_dir)


UPLOAD = ("一带一路节点城市观察.txt",
          "节点城市观察\n\n据统计，2024年，郑州市跨境电商交易额为1458.8亿元，居中部地区第一。\n"
          "乌鲁木齐市加快建设丝绸之路经济带核心区交通枢纽中心，向西开放的门户作用更加突出。\n".encode())


def test_upload_handler_adds_a_file_and_reports_a_bad_one(kb_copy):
    import sys
    sys.modules.pop("app_pages.build", None)
    from app_pages.build import add_files

    before = KnowledgeBase(kb_copy).counts()["documents"]
    report = add_files(kb_copy, [UPLOAD, ("virus.exe", b"MZ\x90\x00")])
    assert [Path(p).name for p in report.added] == [UPLOAD[0]]
    assert report.failed and report.failed[0][0] == "virus.exe" and "unsupported" in report.failed[0][1]
    kb = KnowledgeBase(kb_copy)
    assert kb.counts()["documents"] == before + 1
    hits = kb.search("乌鲁木齐 交通枢纽中心", k=3, source=UPLOAD[0])
    assert hits and "交通枢纽中心" in hits[0].text


def test_upload_through_the_widget(kb_copy):
    at = run_page("build.py")
    uploader = at.file_uploader(key="build_files")
    assert {".pdf", ".txt", ".md", ".docx", ".html"} <= set(uploader.allowed_type)
    settled(uploader.set_value((UPLOAD[0], UPLOAD[1], "text/plain")).run())
    at.button(key="build_add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(views.plain(UPLOAD[0]) in s.value for s in at.success)   # shown as typed, not as Markdown
    assert {m.label: m.value for m in at.metric}["文件"] == str(KnowledgeBase(kb_copy).counts()["documents"])


# ------------------------------------------------------------------ no KB yet
@pytest.mark.parametrize("name", ["search.py", "indicators.py", "strategies.py", "documents.py", "build.py"])
def test_every_page_says_how_to_build_when_there_is_no_kb(name, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_INDEX_DIR", str(tmp_path / "empty"))
    at = run_page(name)
    assert any("尚未构建" in w.value for w in at.warning)
    texts = " ".join([w.value for w in at.warning] + [m.value for m in at.markdown])
    assert "kb build" in texts
    if name == "build.py":
        assert at.button(key="build_demo").label == "构建示例语料"


