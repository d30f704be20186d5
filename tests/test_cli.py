"""The CLI against the real demo KB: the JSONL contract of ../shared/eval, tables, export, errors."""
import json
import shutil

import openpyxl
import pytest
from click.testing import CliRunner

from kb import tables
from kb.api import KnowledgeBase
from kb.cli import cli
from tests.fixtures import processed_by_another_version

SOURCE_003 = "003_3f64eff42e724e01.txt"


def run(settings, *args):
    result = CliRunner().invoke(cli, ["--index-dir", str(settings.index_dir), *args])
    return result


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_articles_of_003_have_titles_authors_abstracts_keywords(demo_kb):
    result = run(demo_kb, "articles", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [r for r in jsonl(result.output) if r["source"] == SOURCE_003]
    assert len(rows) >= 20
    fields = {"source", "title", "authors", "column", "abstract", "keywords", "sections", "start", "end",
              "title_flagged"}
    assert fields <= set(rows[0])
    by_title = {r["title"]: r for r in rows}
    paper = by_title["西部地区经济韧性与经济高质量发展的关系研究"]
    assert paper["authors"] == ["孙慧", "原伟鹏"] and paper["column"] == "西部大开发20年专题"
    assert paper["keywords"][:2] == ["西部大开发20年", "经济韧性"]
    assert paper["abstract"].startswith("基于西部大开发2000—2019年的西部地区面板数据")
    with_abstract = [r for r in rows if r["abstract"]]
    assert len(with_abstract) >= 14


def test_search_queries_file_writes_the_eval_contract(demo_kb, tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"query": "郑州跨境电商交易额是多少"}\n西部森林覆盖率\n', encoding="utf-8")
    result = run(demo_kb, "search", "--queries-file", str(queries), "--k", "3", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = jsonl(result.output)
    assert [l["query"] for l in lines] == ["郑州跨境电商交易额是多少", "西部森林覆盖率"]
    hit = lines[0]["hits"][0]
    assert {"rank", "score", "source", "article", "section", "text", "start", "end"} <= set(hit)
    assert hit["rank"] == 1 and len(lines[0]["hits"]) == 3
    shown = run(demo_kb, "show", f'{hit["source"]}:{hit["start"]}-{hit["end"]}')
    assert shown.output.startswith(hit["text"]) and f'{hit["start"]}–{hit["end"]}' in shown.output


def test_search_text_output_names_the_citation(demo_kb):
    result = run(demo_kb, "search", "西部森林覆盖率", "--k", "2")
    assert result.exit_code == 0 and "《" in result.output and "[1]" in result.output


def test_facts_jsonl_has_the_contract_fields_and_no_inflated_footnote_values(demo_kb):
    rows = jsonl(run(demo_kb, "facts", "--format", "jsonl").output)
    assert len(rows) > 300
    assert {"source", "article", "subject", "indicator", "value", "unit", "period", "change", "raw",
            "evidence", "start", "end"} <= set(rows[0])
    values = {r["value"] for r in rows}
    assert 1.683 not in values and 118.594 not in values
    zz = [r for r in rows if "1458.8亿元" in r["raw"]]
    assert zz and zz[0]["value"] == pytest.approx(145880000000) and zz[0]["unit"] == "元"


def test_facts_filter_narrows(demo_kb):
    all_rows = jsonl(run(demo_kb, "facts", "--format", "jsonl").output)
    west = jsonl(run(demo_kb, "facts", "--subject", "西部", "--format", "jsonl").output)
    assert 0 < len(west) < len(all_rows) and all("西部" in r["subject"] for r in west)


def test_low_confidence_rows_are_hidden_unless_all(demo_kb):
    shown = jsonl(run(demo_kb, "facts", "--format", "jsonl").output)
    everything = jsonl(run(demo_kb, "facts", "--all", "--format", "jsonl").output)
    assert {r["indicator_confidence"] for r in shown} == {"high"}
    assert len(shown) < len(everything) and {r["indicator_confidence"] for r in everything} == {"high", "low"}
    assert len(tables.facts(KnowledgeBase(demo_kb), include_low=True)) == len(everything)


def test_strategies_have_titles_and_categories(demo_kb):
    rows = jsonl(run(demo_kb, "strategies", "--format", "jsonl").output)
    assert rows and all(r["title"] and r["category"] for r in rows)
    assert any("完善交通信息网络" in r["title"] for r in rows)


def test_csv_output_is_parseable(demo_kb):
    import csv
    import io
    out = run(demo_kb, "indicators", "--format", "csv").output
    table = list(csv.DictReader(io.StringIO(out)))
    assert table and "indicator" in table[0]


def test_export_writes_an_excel_file_with_the_sheets(demo_kb, tmp_path):
    path = tmp_path / "out.xlsx"
    result = run(demo_kb, "export", "--xlsx", str(path))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path, read_only=True)
    assert {"facts", "indicators", "indicator_systems", "strategies", "articles"} <= set(book.sheetnames)
    header = [c.value for c in next(book["facts"].iter_rows(max_row=1))]
    assert {"source", "evidence", "start", "end"} <= set(header)


def test_missing_kb_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(cli, ["--index-dir", str(tmp_path / "none"), "search", "西部"])
    assert result.exit_code == 1 and "kb build" in result.output and "Traceback" not in result.output


def test_unknown_document_and_bad_span_are_clear(demo_kb):
    assert "no document named" in run(demo_kb, "show", "nope.txt").output
    assert "START-END" in run(demo_kb, "show", f"{SOURCE_003}:abc").output


def test_odd_queries_do_not_fail(demo_kb):
    for query in ["。。。！？", "Belt and Road regional economy", "一带一路 GDP 2019", "西部" * 1000]:
        result = run(demo_kb, "search", query, "--k", "3", "--format", "jsonl")
        assert result.exit_code == 0, (query[:20], result.output)


# ------------------------------------------------------------------ output a reader can use
def test_jsonl_values_carry_no_float_noise(demo_kb):
    rows = jsonl(run(demo_kb, "facts", "--format", "jsonl").output)
    noisy = [r["value"] for r in rows if isinstance(r["value"], float) and len(repr(r["value"]).replace(".", "")
                                                                                 .rstrip("0").lstrip("-")) > 13]
    assert not noisy, noisy[:5]


def test_facts_table_shows_large_amounts_in_chinese_magnitudes_and_no_nan(demo_kb):
    out = run(demo_kb, "facts", "--subject", "郑州").output
    line = next(l for l in out.splitlines() if "1458.8亿元" in l)
    assert "145,880,000,000" in line and "1,458.8亿元" in line
    assert "NaN" not in out and "None" not in out and "<NA>" not in out


def test_weak_titles_are_flagged_in_tables_and_search_output(demo_kb):
    arts = jsonl(run(demo_kb, "articles", "--format", "jsonl").output)
    weak = [a for a in arts if a["title_flagged"]]
    assert weak, "the demo corpus has reconstructed titles (seed 000 lost its title line)"
    table = run(demo_kb, "articles").output
    assert table.count("[标题存疑]") == len(weak)
    source = weak[0]["source"]
    out = run(demo_kb, "search", "一带一路 区域经济", "--source", source, "--k", "1").output
    assert "[标题存疑]" in out.splitlines()[0]


def test_show_and_search_give_the_articles_gbt7714_reference(demo_kb):
    hits = jsonl(run(demo_kb, "search", "郑州跨境电商交易额是多少", "--k", "1", "--format", "jsonl").output)
    hit = hits[0]["hits"][0]
    arts = {(a["source"], a["title"]): a for a in jsonl(run(demo_kb, "articles", "--format", "jsonl").output)}
    reference = arts[(hit["source"], hit["article"])]["reference"]
    assert reference and reference == hit["reference"] and "[" in reference
    shown = run(demo_kb, "show", f'{hit["source"]}:{hit["start"]}-{hit["end"]}').output
    assert f"— {reference} 位置：" in shown
    text = run(demo_kb, "search", "郑州跨境电商交易额是多少", "--k", "1").output
    assert reference in text


def test_indicator_systems_are_listed_once_in_short_rows(demo_kb):
    rows = jsonl(run(demo_kb, "indicators", "--systems", "--format", "jsonl").output)
    assert rows
    content = [(r["source"], r["article"], tuple(r["dimensions"]) or tuple(i[1] for i in r["indicators"]))
               for r in rows]
    assert len(content) == len(set(content))
    table = run(demo_kb, "indicators", "--systems").output
    assert max(len(line) for line in table.splitlines()) < 150


def test_status_says_whether_the_documents_were_processed_by_this_version(demo_kb, tmp_path):
    settings = demo_kb.with_(index_dir=tmp_path / "index")
    shutil.copytree(demo_kb.index_dir, settings.index_dir)
    result = run(settings, "status")
    assert result.exit_code == 0 and "every document processed by this version" in result.output
    assert "outdated" not in result.output
    # another version of the pipeline (changed rules, data or vector mixing) leaves every document outdated
    processed_by_another_version(settings.index_dir)
    result = run(settings, "status")
    assert result.exit_code == 0
    assert "outdated: 5 of 5 documents" in result.output and "`kb build` re-processes them" in result.output
