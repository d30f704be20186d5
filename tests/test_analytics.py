"""kb.analytics on real text: the 2026 work reports of ../shared/wildcorpus in a text-only KB (real
pipeline and SQLite, no embeddings) and the national work reports of ../shared/extcorpus."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from kb import analytics, tables
from kb.api import KnowledgeBase
from kb.cli import cli
from kb.config import Settings
from tests.conftest import shared_path
from tests.fixtures import text_only_kb

SHARED = shared_path()
REPORTS = sorted((SHARED / "wildcorpus").glob("gwr2026_*.txt"))
NATIONAL = SHARED / "extcorpus"


@pytest.fixture(scope="module")
def reports_kb(tmp_path_factory) -> KnowledgeBase:
    if not REPORTS:
        pytest.skip("no 2026 work reports in ../shared/wildcorpus")
    index_dir = text_only_kb(REPORTS, tmp_path_factory.mktemp("reports") / "kb")
    return KnowledgeBase(Settings(index_dir=index_dir))


@pytest.fixture(scope="module")
def sections(reports_kb) -> list[analytics.Unit]:
    return analytics.units(reports_kb, "section")


def test_words_keep_policy_terms_whole_and_drop_numbers():
    found = analytics.words("推动高质量发展，地区生产总值增长5.6%，建设新型城镇化。")
    assert "高质量发展" in found and "新型城镇化" in found
    assert not any(w[0].isdigit() for w in found) and "，" not in found


def test_keywords_of_each_report_name_its_own_province(reports_kb):
    df = analytics.keywords(analytics.units(reports_kb, "document"), top=10)
    top = df.groupby("source").keyword.apply(set)
    assert "河南" in top["gwr2026_henan.txt"] and "浙江" in top["gwr2026_zhejiang.txt"]
    assert "河南" not in top["gwr2026_zhejiang.txt"]
    assert (df.groupby("source")["rank"].max() == 10).all()


def test_topics_are_reproducible_with_a_fixed_seed(sections):
    first = analytics.topics(sections, seed=3)
    again = analytics.topics(sections, seed=3)
    pd.testing.assert_frame_equal(first.topics, again.topics)
    pd.testing.assert_frame_equal(first.passages, again.passages)
    assert first.k == first.tried.sort_values("heldout_npmi").k.iloc[-1]   # the most coherent number
    assert len(first.topics) == first.k and first.topics.share.sum() == pytest.approx(1, abs=0.01)


def test_each_topic_cites_passages_that_use_its_terms(reports_kb, sections):
    result = analytics.topics(sections, k=6, seed=0)
    for t in result.topics.itertuples():
        terms = t.terms.split("、")[:10]
        for p in result.passages[result.passages.topic == t.topic].itertuples():
            text = reports_kb.passage_text(p.source, p.start, p.end)
            assert any(term in analytics.words(text) for term in terms), (t.terms, text[:80])


def test_trends_per_10000_characters_rise_in_the_national_reports():
    docs = [(p.name, year, p.read_text(encoding="utf-8"))
            for year, p in ((1995, NATIONAL / "gwr_1995.txt"), (2025, NATIONAL / "gwr_2025.txt"))]
    df = analytics.trends(docs, ["高质量发展"]).set_index("year")
    assert df.loc[1995, "count"] == 0 and df.loc[2025, "count"] == 9   # counted by grep -o
    assert df.loc[2025, "per_10k"] == pytest.approx(df.loc[2025, "count"] / df.loc[2025, "chars"] * 10_000, abs=1e-3)


def test_undated_documents_are_left_out_of_trends():
    assert analytics.trends([("a.txt", None, "高质量发展")], ["高质量发展"]).empty


def test_cooccurring_policy_terms(sections):
    df = analytics.cooccurrence(sections, top=50)
    pairs = {frozenset((a, b)) for a, b in zip(df.term_a, df.term_b)}
    assert frozenset(("高质量发展", "营商环境")) in pairs
    assert (df.units <= df[["units_a", "units_b"]].min(axis=1)).all()


def test_policy_tool_mix_shares_sum_to_one_per_document(reports_kb):
    mix = analytics.tool_mix(tables.strategies(reports_kb))
    assert set(mix.source) <= {p.name for p in REPORTS} and len(set(mix.source)) >= 5
    assert mix.groupby("source").share.sum().round(3).eq(1).all()
    assert set(mix.tool_type) <= {"供给型", "需求型", "环境型", "未分类"}


def test_cli_keywords_topics_trends(reports_kb, tmp_path):
    index = ["--index-dir", str(reports_kb.settings.index_dir)]
    runner = CliRunner()
    out = runner.invoke(cli, [*index, "keywords", "--top", "3", "--format", "csv"])
    assert out.exit_code == 0 and out.output.startswith("source,section,rank,keyword")
    out = runner.invoke(cli, [*index, "topics", "--k", "4", "--by", "section", "--xlsx", str(tmp_path / "t.xlsx")])
    assert out.exit_code == 0 and out.output.startswith("4 topics (seed 0)")
    assert set(pd.read_excel(tmp_path / "t.xlsx", sheet_name=None)) == {"topics", "passages", "tried"}
    out = runner.invoke(cli, [*index, "trends", "高质量发展", "--files", str(tmp_path / "missing")])
    assert out.exit_code == 2 and "does not exist" in out.output


def test_analysis_page_runs_every_tab(reports_kb, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KB_INDEX_DIR", str(reports_kb.settings.index_dir))
    page = Path(__file__).resolve().parent.parent / "app_pages" / "analysis.py"
    at = AppTest.from_file(str(page), default_timeout=300).run()
    assert not at.exception, [e.value for e in at.exception]
    keywords = at.dataframe[0].value
    assert set(keywords.source) == {p.name for p in REPORTS}
    assert any("个主题" in c.value for c in at.caption)
    assert len(at.get("vega_lite_chart")) == 3   # trends, co-occurrence, policy-tool mix
