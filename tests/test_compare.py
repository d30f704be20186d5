"""kb.compare and kb.extract.fact_kind on real text: the 2026 work reports of ../shared/wildcorpus
(text pipeline, real SQLite, no embeddings) and small documents made of a work report's sentences."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from benchmarks.compare_dev import GOLD, best_row, checks
from kb.api import KnowledgeBase
from kb.cli import cli
from kb.compare import compare, matching_indicators, nearest_indicators, pivot
from kb.config import Settings
from kb.extract.fact_kind import annotate
from kb.extract.facts import extract_facts
from kb.structure import split_articles
from kb.types import CleanText
from tests.conftest import shared_path
from tests.fixtures import text_only_kb

WILD = shared_path("wildcorpus")
REPORTS = sorted(WILD.glob("gwr2026_*.txt"))


@pytest.fixture(scope="module")
def reports_kb(tmp_path_factory) -> Path:
    if not REPORTS:
        pytest.skip(f"{WILD} holds no gwr2026_*.txt")
    return text_only_kb(REPORTS, tmp_path_factory.mktemp("reports") / "kb")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def conflict_kb(tmp_path) -> Path:
    """Three documents stating Henan's 2025 GDP growth (the report's own sentence, and one source
    with another figure)."""
    docs = [write(tmp_path, "report_a.txt", "河南省2025年经济运行情况\n\n2025年，河南省地区生产总值增长5.6%，规上工业增加值增长8.4%。\n"),
            write(tmp_path, "report_b.txt", "河南经济观察\n\n2025年，河南省地区生产总值增长5.4%，规上工业增加值增长8.4%。\n"),
            write(tmp_path, "report_c.txt", "中部地区简报\n\n2025年，河南省地区生产总值增长5.6%。\n")]
    return text_only_kb(docs, tmp_path / "kb")


def open_kb(index_dir: Path) -> KnowledgeBase:
    return KnowledgeBase(Settings(index_dir=index_dir))


# ------------------------------------------------------------------ the gold targets
def test_cli_compare_gives_the_2026_gdp_targets_of_the_work_reports(reports_kb):
    result = CliRunner().invoke(cli, ["--index-dir", str(reports_kb), "compare", "地区生产总值",
                                      "--kind", "target", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = [g["source"] for g in gold
             if all(checks(g, best_row(rows, g)).get(k) for k in ("found", "value", "range", "kind", "period",
                                                                  "evidence"))]
    assert len(right) >= 6, right
    assert {r["kind"] for r in rows} == {"target"}


def test_a_range_is_one_row_with_both_bounds(reports_kb):
    rows = compare(open_kb(reports_kb), "GDP", kind="target", period="2026").rows
    guangdong = rows[(rows.source == "gwr2026_guangdong.txt") & (rows.measure == "增长（%）")]
    assert guangdong[["value", "value_max"]].values.tolist() == [[4.5, 5.0]]
    assert "4.5%—5%" in guangdong.evidence.iloc[0]


def test_synonyms_of_the_catalogue_find_the_same_facts(reports_kb):
    kb = open_kb(reports_kb)
    assert "GDP增长率" in matching_indicators("地区生产总值")
    by_name = compare(kb, "地区生产总值", kind="target").rows
    # 全省生产总值 (the Zhejiang report's wording) is found under 地区生产总值 and under GDP
    assert (by_name.indicator == "生产总值").any()
    assert len(compare(kb, "GDP", kind="target").rows) == len(by_name)


def test_an_unknown_indicator_gives_an_empty_table_naming_the_nearest(reports_kb):
    result = compare(open_kb(reports_kb), "城镇化指数")
    assert result.rows.empty
    assert "城镇化率" in result.nearest and "城镇化率" in result.message
    cli_result = CliRunner().invoke(cli, ["--index-dir", str(reports_kb), "compare", "人口密度"])
    assert cli_result.exit_code == 0
    assert "(no rows)" in cli_result.output and "相近的指标" in cli_result.output


def test_nearest_indicators_rank_by_likeness():
    assert nearest_indicators("城镇化")[0] in ("城镇化率", "户籍人口城镇化率")


# ------------------------------------------------------------------ conflicts, pivot, export
def test_a_conflict_between_sources_is_flagged_with_both_citations(conflict_kb):
    rows = compare(open_kb(conflict_kb), "地区生产总值").rows.set_index("source")
    assert rows.conflict.to_dict() == {"report_a.txt": True, "report_b.txt": True, "report_c.txt": True}
    assert "5.4%（report_b.txt 字符" in rows.conflict_with["report_a.txt"]
    assert "report_a.txt" in rows.conflict_with["report_b.txt"] and "report_c.txt" in rows.conflict_with["report_b.txt"]
    assert "report_a" not in rows.conflict_with["report_c.txt"]   # same value: no conflict between a and c


def test_agreeing_sources_are_not_a_conflict(conflict_kb):
    rows = compare(open_kb(conflict_kb), "规上工业增加值").rows
    assert len(rows) == 2 and not rows.conflict.any()


def test_pivot_is_subject_by_period(conflict_kb):
    table = pivot(compare(open_kb(conflict_kb), "地区生产总值").rows)
    assert table.columns.tolist() == ["subject", "2025年"]
    assert table.iloc[0].tolist() == ["河南", "5.6% / 5.4%"]


def test_csv_and_excel_exports(conflict_kb, tmp_path):
    out = tmp_path / "compare.xlsx"
    result = CliRunner().invoke(cli, ["--index-dir", str(conflict_kb), "compare", "地区生产总值", "--format", "csv",
                                      "--xlsx", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("subject,period,source,value")
    sheets = pd.read_excel(out, sheet_name=None)
    assert set(sheets) == {"compare", "pivot"} and len(sheets["compare"]) == 3


def test_bad_kind_is_one_line_error(conflict_kb):
    result = CliRunner().invoke(cli, ["--index-dir", str(conflict_kb), "compare", "GDP", "--kind", "forecast"])
    assert result.exit_code == 2 and "Traceback" not in result.output


# ------------------------------------------------------------------ kinds
def kinds_of(text: str) -> list[tuple[str, float, float | None, str | None]]:
    clean = CleanText(text=text)
    articles = split_articles(clean, "snippet.txt")
    facts = annotate(extract_facts(clean, articles, "snippet.txt"), clean, articles)
    return [(f.kind, f.value, f.value_max, f.period) for f in facts]


def test_kinds_outcome_target_plan_from_real_sentences():
    # sentences of the 2026 Guangdong, Guizhou and Zhejiang reports
    text = ("2026年广东省政府工作报告\n"
            "一、2025年工作回顾\n"
            "过去一年，全省地区生产总值增长3.9%。\n"
            "二、“十五五”时期主要目标\n"
            "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右，高质量发展取得显著成效。\n"
            "到2030年，全社会研发投入强度达到3.5%以上。\n"
            "三、2026年工作安排\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果；"
            "地方一般公共预算收入增长3%左右。规模以上工业增加值增长7.5%左右；固定资产投资增长3%左右。\n"
            "深化改革，营商环境持续优化。\n")
    kinds = kinds_of(text)
    assert kinds[0][:2] == ("outcome", 3.9)
    assert kinds[1][:2] == ("plan", 5.0)
    assert kinds[2][:2] == ("plan", 3.5)
    # the range: lower row carries the upper bound; both rows are targets of the report's year
    assert kinds[3] == ("target", 4.5, 5.0, "2026年") and kinds[4][0] == "target"
    # later sentences of the target paragraph are targets too
    assert [k[0] for k in kinds[5:]] == ["target", "target", "target"]


def test_an_indicator_read_with_its_change_verb():
    from kb.compare import canonical_as_written
    assert canonical_as_written("经济", "增长") == "GDP增长率"         # 经济增长5%左右
    assert canonical_as_written("经济", "年均增长") == "GDP增长率"
    assert canonical_as_written("经济", None) is None


def test_a_growth_rate_query_finds_growth_figures_of_the_base_indicator(reports_kb):
    rows = compare(open_kb(reports_kb), "GDP增长率", kind="target", period="2026").rows
    assert {"gwr2026_beijing.txt", "gwr2026_henan.txt"} <= set(rows.source)
    assert set(rows.measure) == {"增长（%）"}


# ------------------------------------------------------------------ the 对比 page
def test_compare_page_shows_rows_pivot_chart_and_downloads(reports_kb, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KB_INDEX_DIR", str(reports_kb))
    page = Path(__file__).resolve().parent.parent / "app_pages" / "compare.py"
    at = AppTest.from_file(str(page), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="cmp_indicator").input("地区生产总值").run()
    at.selectbox(key="cmp_kind").select("target").run()
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe[0].value
    assert {"广东", "浙江"} <= set(table.subject) and "4.5–5%" in set(table.shown)
    assert at.dataframe[1].value.columns.tolist()[:2] == ["subject", "2026年"]
    assert any("GDP" in c.value for c in at.caption)
    at.text_input(key="cmp_indicator").input("城镇化指数").run()
    assert "城镇化率" in at.warning[0].value


def test_a_change_ending_in_a_year_and_a_hypothetical_are_outcomes():
    # sentences of two ChinaXiv papers in ../shared/wildcorpus
    text = ("中国西北地区城镇化质量的时空变化分析\n"
            "人均GDP增长最快，隶属度由2000 年的0.1242增加到2014年的0.5922，由低质量过渡到中等质量；\n"
            "当某一行业被设定为开发区的目标行业后，该行业在地区工业总量中的份额会提高20%~30%。\n")
    assert {k for k, *_ in kinds_of(text)} == {"outcome"}
