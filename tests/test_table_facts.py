"""Tables read from converted papers (HTML tables in PDF-to-Markdown output, Markdown pipe tables) and
the facts of their cells. The snippets are copied from the wildcorpus ChinaXiv papers."""
from __future__ import annotations

import pytest

from click.testing import CliRunner

from kb import store
from kb.api import KnowledgeBase
from kb.cli import cli
from kb.config import Settings
from kb.extract.tables import extract_table_facts, find_tables, html_grid, numbers_in, table_facts
from kb.types import CleanText
from tests.conftest import needs_shared, shared_path
from tests.fixtures import text_only_kb

# chinaxiv_202110_00025.md, 表1 (regions in columns, indicators with units in rows, year in the caption)
BAYS = (
    "表1全球四大湾区基本情况对比（2020年）\n"
    "<html><body><table><tr><td>指标</td><td>粤港澳大湾区</td><td>旧金山湾区</td><td>纽约湾区</td><td>东京湾区</td></tr>"
    "<tr><td>土地面积 (平方公里）</td><td>56,098</td><td>17,887</td><td>21,479</td><td>36,898</td></tr>"
    "<tr><td>人口（万）</td><td>8,617</td><td>774</td><td>1,922</td><td>4,434</td></tr>"
    "<tr><td>生产总值 (亿美元)</td><td>16,792</td><td>9,950</td><td>18,611</td><td>19,916</td></tr>"
    "<tr><td>第三产业占GDP比重（%）</td><td>66</td><td>75</td><td>82</td><td>76</td></tr></table></body></html>\n"
    "注：旧金山湾区包括环绕旧金山湾的9郡。数据来源：香港贸易发展局。\n"
    "3 发挥城市群的作用")

# chinaxiv_201906_00062.md, 表1 (provinces spanning two year columns)
PROVINCES = (
    '<table><tr><td rowspan="2">省份</td><td colspan="2">宁夏回族自治区</td><td colspan="2">青海省</td></tr>'
    "<tr><td>2006</td><td>2017</td><td>2006</td><td>2017</td></tr>"
    "<tr><td>L(d)峰值</td><td>1</td><td>28</td><td>1</td><td>46</td></tr>"
    "<tr><td>峰值距离／km</td><td>二</td><td>6</td><td>1</td><td>32</td></tr></table>")

# chinaxiv_202006_00002.md, 表2 (rank columns; `0. 229 4` split by layout; the converter merged `排名 2006年`)
COUNTIES = (
    "表21997—2013年重庆市县域经济密度综合测度值及排名\n"
    '<html><body><table><tr><td colspan="8">of Chongqing City in 1997 -2013</td></tr>'
    "<tr><td>地区</td><td>1997年</td><td>排名</td><td>2001年</td><td>排名 2006年</td><td>排名</td><td>2013年</td><td>排名</td></tr>"
    "<tr><td>渝中区</td><td>0.860 0</td><td>1</td><td>0.808 1</td><td>1 0.820 7</td><td>1</td><td>0.832 7</td><td>1</td></tr>"
    "<tr><td>沙坪坝区</td><td>0.170 9</td><td>6</td><td>0.178 9</td><td>6 0.242 3</td><td>6</td><td>0. 229 4</td><td></td></tr>"
    "</table></body></html>")

# chinaxiv_201909_00143.md, Tab.3 (the converter merged three year columns into one cell, header and body)
MERGED = (
    "Tab.3Total investment ratio of all industries in\n"
    '<html><body><table><tr><td colspan="2">Shanxi Province /%</td><td></td></tr>'
    "<tr><td>部门</td><td>2002年 2007年 2012年</td><td>2015年</td></tr>"
    "<tr><td>煤炭资源业</td><td>18.6 25.7 31.3</td><td>22.6</td></tr>"
    "<tr><td>非煤炭资源业</td><td>10 20.4</td><td>12.7 10</td></tr></table></body></html>")

# chinaxiv_202011_00079.md, 表1 (regression estimates)
ESTIMATES = (
    "表1全样本回归结果一览表\n<table><tr><td></td><td>(1) 2005</td><td>(2) 2005</td></tr>"
    "<tr><td>densityic,.000</td><td>2.866***</td><td>4.096***</td></tr>"
    "<tr><td></td><td>(0.959)</td><td>(0.789)</td></tr>"
    "<tr><td>imp_speci.c,</td><td>152.6</td><td>159.4</td></tr>"
    "<tr><td></td><td>(33.87)</td><td>(33.96)</td></tr></table>")


def _facts(text: str):
    return extract_table_facts(CleanText(text=text), [], "paper.md")


def test_html_grid_repeats_spanned_cells():
    grid = html_grid(PROVINCES)
    assert grid[0] == ["省份", "宁夏回族自治区", "宁夏回族自治区", "青海省", "青海省"]
    assert grid[1] == ["省份", "2006", "2017", "2006", "2017"]
    assert grid[3] == ["峰值距离／km", "二", "6", "1", "32"]


def test_numbers_split_by_layout_are_one_number_and_merged_cells_stay_apart():
    assert [n.value for n in numbers_in("0. 229 4")] == [0.2294]
    assert [n.value for n in numbers_in("16 000")] == [16000]
    assert [n.value for n in numbers_in("56,098")] == [56098]
    assert [n.value for n in numbers_in("18.6 25.7 31.3")] == [18.6, 25.7, 31.3]
    assert [n.value for n in numbers_in("1 0.820 7")] == [1, 0.8207]
    assert numbers_in("人均GDP／元①") == [] and numbers_in("(0.959)") == [] and numbers_in("二") == []
    assert [n.value for n in numbers_in("45 000②")] == [45000]     # a footnote marker is not a digit


def test_transposed_table_gives_region_subjects_units_and_the_caption_year():
    tables, facts = _facts(BAYS)
    (table,) = tables
    assert table.caption == "表1全球四大湾区基本情况对比（2020年）"
    assert table.notes == ["注：旧金山湾区包括环绕旧金山湾的9郡。数据来源：香港贸易发展局。"]
    assert table.header == [["指标", "粤港澳大湾区", "旧金山湾区", "纽约湾区", "东京湾区"]]
    got = {(f.subject, f.indicator, f.period): (f.value, f.unit) for f in facts}
    assert got[("粤港澳大湾区", "土地面积", "2020年")] == (56098, "平方公里")
    assert got[("旧金山湾区", "人口", "2020年")] == (7_740_000, "")
    assert got[("东京湾区", "生产总值", "2020年")] == (1.9916e12, "美元")
    assert got[("纽约湾区", "第三产业占GDP比重", "2020年")] == (82, "%")
    f = next(f for f in facts if f.raw == "56,098")
    assert f.table == table.caption and f.row == "土地面积 (平方公里）" and f.column == "粤港澳大湾区"
    assert BAYS[f.start:f.end] == "56,098"     # the cell's own offsets when the table has no spans
    assert len(facts) == 16


def test_column_spans_give_subject_and_year_and_damaged_cells_no_fact():
    _, facts = _facts(PROVINCES)
    got = {(f.subject, f.indicator, f.period): (f.value, f.unit) for f in facts}
    assert got[("宁夏回族自治区", "L(d)峰值", "2017年")] == (28, "")
    assert got[("青海省", "峰值距离", "2017年")] == (32, "km")
    assert ("宁夏回族自治区", "峰值距离", "2006年") not in got     # `二` is OCR damage, not a number
    assert len(facts) == 7


def test_rank_columns_are_not_facts_and_the_caption_names_the_indicator():
    _, facts = _facts(COUNTIES)
    assert all(f.value < 1 for f in facts), [f.raw for f in facts if f.value >= 1]
    got = {(f.subject, f.period): f.value for f in facts}
    assert got[("沙坪坝区", "2013年")] == 0.2294
    assert got[("渝中区", "2006年")] == 0.8207          # `1 0.820 7` re-split: rank 1, value 0.8207
    assert ("沙坪坝区", "2006年") in got
    # the caption's `及排名` announces the rank columns; the values are the 测度值
    assert {f.indicator for f in facts} == {"重庆市县域经济密度综合测度值"}


def test_merged_year_cells_are_paired_only_when_the_counts_agree():
    tables, facts = _facts(MERGED)
    assert tables[0].unit == "%"
    got = {(f.row, f.period): f.value for f in facts}
    assert got[("煤炭资源业", "2002年")] == 18.6 and got[("煤炭资源业", "2012年")] == 31.3
    assert got[("煤炭资源业", "2015年")] == 22.6
    assert got[("非煤炭资源业", "2007年")] == 20.4 and got[("非煤炭资源业", "2015年")] == 10
    assert all(f.unit == "%" for f in facts) and len(facts) == 8


def test_model_estimates_are_not_facts():
    tables, facts = _facts(ESTIMATES)
    assert len(tables) == 1 and facts == []


def test_a_sentence_starting_with_a_table_name_is_not_its_caption():
    text = ("表2加入了城市整体技术水平指标(citytech），重点考察该指标对全国基准模型中城市出口产业地理演化的影响。\n"
            + ESTIMATES.split("\n", 1)[1])
    (table,) = find_tables(CleanText(text=text), [], "paper.md")
    assert table.caption == ""


def test_markdown_pipe_table():
    text = ("表3 2023年主要指标\n单位：亿元\n| 地区 | 2022年 | 2023年 |\n| --- | ---: | ---: |\n"
            "| 洛阳市 | 5675.2 | 5482.7 |\n| 周口市 | 3883.7 | 3800.0 |\n正文继续。")
    (table,), facts = _facts(text)
    assert table.format == "markdown" and table.unit == "亿元"
    assert table.rows[0] == ["洛阳市", "5675.2", "5482.7"]
    got = {(f.subject, f.period): (f.value, f.unit) for f in facts}
    assert got[("洛阳市", "2022年")] == (5675.2e8, "元")
    assert got[("周口市", "2023年")] == (3800.0e8, "元")
    assert all(f.indicator == "主要指标" for f in facts)


def test_a_table_of_words_has_one_header_row_and_no_facts():
    html = ("<table><tr><td>第二产业</td><td>中类行业</td></tr><tr><td>煤炭资源行业</td>"
            "<td>煤炭开采和洗选业、石油加工</td></tr><tr><td>消费品工业</td><td>食品制造及烟草加工业</td></tr></table>")
    (table,), facts = _facts(html)
    assert table.header == [["第二产业", "中类行业"]] and len(table.rows) == 2 and facts == []


@needs_shared("wildcorpus", "chinaxiv_202110_00025.md")
def test_tables_are_stored_listed_and_their_facts_are_in_the_kb(tmp_path):
    paper = shared_path("wildcorpus", "chinaxiv_202110_00025.md")
    index_dir = text_only_kb([paper], tmp_path / "kb")
    kb = KnowledgeBase(Settings(index_dir=index_dir))
    (table,) = kb.tables()
    assert table.caption.startswith("表1全球四大湾区") and table.id is not None and len(table.rows) == 8
    cells = [dict(r) for r in store.facts_with_articles(kb.db) if r["table"]]
    assert len(cells) == 32 and {c["subject"] for c in cells} == {"粤港澳大湾区", "旧金山湾区", "纽约湾区", "东京湾区"}
    runner = CliRunner()
    listing = runner.invoke(cli, ["--index-dir", str(index_dir), "tables"])
    assert listing.exit_code == 0 and "全球四大湾区" in listing.output
    shown = runner.invoke(cli, ["--index-dir", str(index_dir), "tables", "--source", paper.name, "--show", "0",
                                "--format", "csv"])
    assert shown.exit_code == 0 and shown.output.splitlines()[1].startswith("土地面积 (平方公里）,\"56,098\"")
    missing = runner.invoke(cli, ["--index-dir", str(index_dir), "tables", "--source", paper.name, "--show", "5"])
    assert missing.exit_code == 1 and "no table 5" in missing.output and "Traceback" not in missing.output


def run_page_over_the_bay_area_paper(page: str, tmp_path, monkeypatch):
    """The app page `page` run over a text-only KB of the paper with the four-bay-areas table."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT
    index_dir = text_only_kb([shared_path("wildcorpus", "chinaxiv_202110_00025.md")], tmp_path / "kb")
    monkeypatch.setenv("KB_INDEX_DIR", str(index_dir))
    at = AppTest.from_file(str(ROOT / "app_pages" / page), default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@needs_shared("wildcorpus", "chinaxiv_202110_00025.md")
def test_tables_page_shows_the_table_its_notes_and_its_cell_facts(tmp_path, monkeypatch):
    at = run_page_over_the_bay_area_paper("tables.py", tmp_path, monkeypatch)
    assert at.subheader[0].value == "表1全球四大湾区基本情况对比（2020年）"
    grid, facts = (d.value for d in at.dataframe)
    assert list(grid.columns) == ["指标", "粤港澳大湾区", "旧金山湾区", "纽约湾区", "东京湾区"] and len(grid) == 8
    assert len(facts) == 32 and "粤港澳大湾区" in set(facts.subject)
    assert any("香港贸易发展局" in c.value for c in at.caption)


# communique_2023_zhoukou.pdf as the PDF loader reads it: a caption, a letter-spaced header, rows of
# `label number number`, a page number between rows; the cleaning joins these lines into one
ZHOUKOU_RAW = (
    "万人，出生率 8.47‰；死亡人口 7.90 万人，死亡率 9.04‰；自然增长率-0.57‰。\n"
    "表 1 2023 年末周口市常住人口数及其构成\n指 标 年末数（万人） 比重（%）\n全市常住人口 866.60\n"
    "其中：城镇 392.66 45.31\n乡村 473.94 54.69\n\f- 2 -\n其中：0-15 岁（含不满 16 周岁） 212.60 24.53\n"
    "60 周岁及以上 190.90 22.03\n全年全市实现新增城镇就业 7.52 万人，失业人员实现再就业 1.71 万人，就\n")
# communique_2023_qiandongnan.pdf: a `单位` column
QIANDONGNAN_RAW = (
    "表4 2023年主要畜产品产量和牲畜发展情况\n指标名称 单位 产量 比上年增长(%)\n猪牛羊禽肉产量 万吨 19.23 4.7\n"
    "#猪肉 万吨 13.49 7.4\n生猪出栏 万头 153.12 7.4\n全年全州猪牛羊禽肉产量19.23万吨。\n")


def _text_table(raw: str):
    from kb.clean import clean
    from kb.types import RawDocument
    doc = RawDocument(source="communique.pdf", path="communique.pdf", text=raw, paged=True)
    text = clean(doc)
    return extract_table_facts(text, [], doc.source, raw), text


def test_a_table_printed_as_text_lines_is_read_across_the_page_break():
    (table,), facts = _text_table(ZHOUKOU_RAW)[0]
    assert table.format == "text" and table.caption == "表 1 2023 年末周口市常住人口数及其构成"
    assert table.header == [["指标", "年末数（万人）", "比重（%）"]]
    assert [r[0] for r in table.rows] == ["全市常住人口", "城镇", "乡村", "0-15 岁（含不满 16 周岁）", "60 周岁及以上"]
    # the rows are the things measured: the figures are those of the place the caption names
    got = {(f.subject, f.indicator): (f.value, f.unit) for f in facts}
    # … and of the measure the row above names (城镇 of 全市常住人口)
    assert got[("周口", "城镇（全市常住人口）")] == (3_926_600, "人")
    assert got[("周口", "城镇（全市常住人口）比重")] == (45.31, "%")
    assert got[("周口", "60 周岁及以上（全市常住人口）比重")] == (22.03, "%")
    assert all(f.period == "2023年末" for f in facts)


def test_a_unit_column_gives_each_row_its_unit():
    (table,), facts = _text_table(QIANDONGNAN_RAW)[0]
    got = {f.indicator: (f.value, f.unit) for f in facts}
    # the growth column beside the 产量 column is the growth of 产量
    assert got["猪牛羊禽肉产量"] == (192_300, "吨") and got["猪肉产量比上年增长"] == (7.4, "%")
    assert got["生猪出栏产量"] == (1_531_200, "头")
    assert len(facts) == 6


def test_rows_that_name_no_measure_take_the_caption_s_or_the_column_s():
    # communique_2023_zhoukou.pdf 表4/表2/表3 (held-out 9502 rows 89-91: 公有制比上年增长, 秋粮比上年增长)
    raw = ("全市战略性新兴产业增加值同比增长 3.9%。\n表 4 2023 年周口市规模以上工业增加值增速\n指标 比上年增长（%）\n"
           "轻工业 0.2\n重工业 11.2\n在总计中： 公有制 3.2\n非公有制 5.3\n"
           "表 3 2023 年周口市主要农产品产量及增速\n产品名称 产量（万吨） 比上年增长（%）\n粮食 902.61 -3.2\n"
           "夏粮 508.58 -8.6\n秋粮 394.03 4.8\n"
           "表 2 2023 年周口市居民消费价格指数\n类 别 指 数（以上年为 100）\n居民消费价格指数 100.0\n城市 99.9\n"
           "农村 100.1\n一、食品烟酒 99.2\n鲜 菜 91.9\n二、农 业\n全年全市农林牧渔业总产值实现 1185.63 亿元。\n")
    (_, facts), _ = _text_table(raw)
    got = {(f.subject, f.indicator): f.value for f in facts}
    assert got[("周口", "公有制（规模以上工业增加值）比上年增长")] == 3.2
    assert got[("周口", "秋粮产量比上年增长")] == 4.8 and got[("周口", "秋粮产量")] == 3_940_300
    # 城市/农村 are parts of the place, and every row is a part of the 居民消费价格指数 the first row names
    assert got[("周口", "城市（居民消费价格指数）")] == 99.9 and got[("周口", "鲜菜（居民消费价格指数）")] == 91.9


def test_text_table_offsets_cover_the_caption_and_rows_in_the_cleaned_text():
    (table,), _ = _text_table(ZHOUKOU_RAW)[0]
    text = _text_table(ZHOUKOU_RAW)[1].text
    assert text[table.start:].startswith("表 1") and text[:table.end].rstrip().endswith("22.03")


def test_a_word_table_is_read_once_with_its_caption_and_unit_line(tmp_path):
    import docx

    from kb.clean import clean
    from kb.load import load
    document = docx.Document()
    for p in ("表1 2023年主要指标", "单位：亿元"):
        document.add_paragraph(p)
    cells = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["地区", "2022年", "2023年"], ["洛阳市", "5675.2", "5482.7"], ["周口市", "3883.7", "3800.0"]]):
        for c, value in enumerate(row):
            cells.cell(r, c).text = value
    document.add_paragraph("正文继续。")
    document.save(str(tmp_path / "report.docx"))
    raw = load(tmp_path / "report.docx")
    text = clean(raw)
    (table,), facts = extract_table_facts(text, [], raw.source, raw.text)
    assert (table.format, table.caption, table.unit) == ("tabs", "表1 2023年主要指标", "亿元")
    assert text.text[table.start:table.end].startswith("地区") and text.text[:table.end].endswith("3800.0")
    got = {(f.subject, f.period): (f.value, f.unit) for f in facts}
    assert got == {("洛阳市", "2022年"): (5675.2e8, "元"), ("洛阳市", "2023年"): (5482.7e8, "元"),
                   ("周口市", "2022年"): (3883.7e8, "元"), ("周口市", "2023年"): (3800.0e8, "元")}


def test_a_kb_built_before_tables_were_stored_still_opens(tmp_path):
    import sqlite3
    index_dir = text_only_kb([], tmp_path / "kb")
    db = index_dir / "gen-text-only" / "kb.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE tables")
    kb = KnowledgeBase(Settings(index_dir=index_dir))
    assert kb.tables() == [] and kb.counts()["tables"] == 0
    result = CliRunner().invoke(cli, ["--index-dir", str(index_dir), "tables"])
    assert result.exit_code == 0 and "(no rows)" in result.output


# the page warms the search indexes in a thread; a text-only KB has none, which is not what is tested here
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
@needs_shared("wildcorpus", "chinaxiv_202110_00025.md")
def test_reader_shows_a_sections_table_as_a_grid(tmp_path, monkeypatch):
    at = run_page_over_the_bay_area_paper("documents.py", tmp_path, monkeypatch)
    grids = [d.value for d in at.dataframe if "粤港澳大湾区" in list(d.value.columns)]
    assert len(grids) == 1 and len(grids[0]) == 8
    assert any("表1全球四大湾区基本情况对比" in m.value for m in at.markdown)


def test_an_html_files_table_is_read_like_the_html_tables_of_converted_papers(tmp_path):
    """The same table (表1 of chinaxiv_202110_00025.md, with a group header over two columns) in an
    .html page and in Markdown gives one grid and one set of facts."""
    from kb.clean import clean
    from kb.load import load
    rows = [("土地面积 (平方公里）", "56,098", "17,887", "21,479"), ("人口（万）", "8,617", "774", "1,922")]
    body = "".join(f"<tr><td>{a}<br></td><td>{b}</td><td>{c}</td><td>{d}</td></tr>\n" for a, b, c, d in rows)
    page = ("<html><head><meta charset='utf-8'><style>td {color: red}</style></head><body><h1>湾区经济</h1>"
            "<p>四大湾区的基本情况见表1。</p>\n<table border='1'><caption>表1 全球四大湾区基本情况对比（2020年）</caption>\n"
            "<thead><tr><th rowspan='2'>指标</th><th colspan='2'>东部</th><th>西部</th></tr>\n"
            "<tr><th>粤港澳大湾区</th><th>旧金山湾区</th><th>纽约湾区</th></tr></thead>\n<tbody>" + body +
            "</tbody></table><p>注：数据来源：香港贸易发展局。</p></body></html>")
    (tmp_path / "bays.html").write_text(page, encoding="utf-8")
    raw = load(tmp_path / "bays.html")
    markdown = ("表1 全球四大湾区基本情况对比（2020年）\n<table><tr><td rowspan=\"2\">指标</td><td colspan=\"2\">东部</td>"
                "<td>西部</td></tr><tr><td>粤港澳大湾区</td><td>旧金山湾区</td><td>纽约湾区</td></tr>"
                + "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in rows)
                + "</table>\n注：数据来源：香港贸易发展局。")
    text = clean(raw)
    (from_html,), html_facts = extract_table_facts(text, [], raw.source, raw.text)
    (from_md,), md_facts = _facts(markdown)
    assert from_html.format == from_md.format == "html"
    assert (from_html.caption, from_html.header, from_html.rows) == (from_md.caption, from_md.header, from_md.rows)
    assert from_html.notes == ["注：数据来源：香港贸易发展局。"]

    def key(facts):
        return sorted((f.subject, f.indicator, f.value, f.unit, f.period) for f in facts)
    assert key(html_facts) == key(md_facts) and len(html_facts) == 6
    assert [ln.startswith("<table>") for ln in text.text.split("\n") if "<t" in ln] == [True]   # one line


def test_a_word_tables_merged_header_cell_heads_every_column_it_spans(tmp_path):
    import docx

    from kb.clean import clean
    from kb.load import load
    document = docx.Document()
    document.add_paragraph("表2 主要农产品产量")
    grid = document.add_table(rows=4, cols=3)
    grid.cell(0, 1).merge(grid.cell(0, 2)).text = "产量（万吨）"
    for r, row in enumerate([["产品名称", None, None], ["", "2022年", "2023年"], ["粮食", "932.6", "902.61"],
                             ["油料", "52.8", "56.43"]]):
        for c, value in enumerate(row):
            if value is not None and r < 4 and not (r == 0 and c > 0):
                grid.cell(r, c).text = value
    document.add_paragraph("正文继续。")
    document.save(str(tmp_path / "report.docx"))
    raw = load(tmp_path / "report.docx")
    (table,), facts = extract_table_facts(clean(raw), [], raw.source, raw.text)
    assert table.header[0] == ["产品名称", "产量（万吨）", "产量（万吨）"]
    got = {(f.indicator, f.period): (f.value, f.unit) for f in facts}
    assert got[("粮食产量", "2023年")] == (9_026_100, "吨") and got[("油料产量", "2022年")] == (528_000, "吨")


# plan15_hangzhou.txt: the indicator table, one cell per line (rows 1-3, 7-8, 14-15, 21 and 28-29 of it)
CELL_PER_LINE = """在此基础上再奋斗五年，基本建成世界一流的社会主义现代化国际大都市。
“十五五”时期经济社会发展主要指标
类别
序号
指标名称
2025年
预计
2030年
目标
年均/
累计
属性
经济发展
（7项）
1
地区生产总值（GDP）增长（%）
5.2左右
—
5以上
预期性

2
全员劳动生产率（万元/人）
29.6
35
—
预期性

3
货物和服务贸易进出口总额占全省份额（%）
21.5
（2024年）
22
—
预期性
创新驱动
（4项）
4
研究与试验发展（R&D）经费支出与地区生产总值之比（%）
4左右
4.5
—
预期性

5
每千人口拥有医护人员数
执业医师数（人）
4.9
5.0
—
预期性
注册护士数（人）
5.92
6.02
—
预期性
6
城乡居民收入倍差
1.62
1.58
左右
—
预期性
安全保障
（2项）
7
粮食综合生产能力（亿斤）
32
32
—
约束性
8
能源综合生产能力（万吨标煤）
340
400
—
约束性
备注：[ ]内数据为累计数。
第二篇 坚持“人工智能+”引领，加快建设人工智能创新发展第一城"""


def test_a_table_printed_one_cell_per_line_is_read_row_by_numbered_row():
    from kb.clean import clean
    from kb.structure import split_articles
    from kb.types import RawDocument
    raw = RawDocument(source="plan.txt", path="plan.txt", text=CELL_PER_LINE)
    text = clean(raw)
    articles = split_articles(text, raw.source)
    for a in articles:
        a.jurisdiction = "杭州市"
    (table,), facts = extract_table_facts(text, articles, raw.source, raw.text)
    assert table.format == "lines" and table.caption == "“十五五”时期经济社会发展主要指标"
    assert table.header == [["类别", "指标名称", "2025年", "2030年", "年均/累计", "属性"],
                            ["类别", "指标名称", "预计", "目标", "年均/累计", "属性"]]
    # the row with sub-rows and the row whose `1.58 / 左右` was split are left out, never shifted
    assert [r[1] for r in table.rows] == ["地区生产总值（GDP）增长（%）", "全员劳动生产率（万元/人）",
                                          "货物和服务贸易进出口总额占全省份额（%）",
                                          "研究与试验发展（R&D）经费支出与地区生产总值之比（%）",
                                          "粮食综合生产能力（亿斤）", "能源综合生产能力（万吨标煤）"]
    assert [r[0] for r in table.rows] == ["经济发展（7项）"] * 3 + ["创新驱动（4项）"] + ["安全保障（2项）"] * 2
    got = {(f.indicator, f.period): (f.value, f.unit, f.kind) for f in facts}
    assert got == {("全员劳动生产率", "2025年"): (296_000, "元/人", "outcome"),
                   ("全员劳动生产率", "2030年"): (350_000, "元/人", "target"),
                   # 21.5 is the figure of 2024 (its note says so), not of 2025: no fact
                   ("货物和服务贸易进出口总额占全省份额", "2030年"): (22, "%", "target"),
                   ("研究与试验发展（R&D）经费支出与地区生产总值之比", "2030年"): (4.5, "%", "target"),
                   ("粮食综合生产能力", "2025年"): (3.2e9, "斤", "outcome"),
                   ("粮食综合生产能力", "2030年"): (3.2e9, "斤", "target"),
                   ("能源综合生产能力", "2025年"): (3.4e6, "吨标煤", "outcome"),
                   ("能源综合生产能力", "2030年"): (4e6, "吨标煤", "target")}
    assert {(f.subject, f.subject_source) for f in facts} == {("杭州市", "document")}
    assert not any(f.value in (1, 2, 3, 4, 5, 6, 7, 8) for f in facts)     # row numbers are not facts


def test_numbered_lines_without_a_row_number_column_are_not_a_table():
    from kb.clean import clean
    from kb.types import RawDocument
    text = CELL_PER_LINE.replace("序号\n", "")
    raw = RawDocument(source="plan.txt", path="plan.txt", text=text)
    assert extract_table_facts(clean(raw), [], raw.source, raw.text)[0] == []


def test_a_table_with_a_value_column_has_the_documents_place_as_subject_and_its_rows_as_indicators():
    from kb.clean import clean
    from kb.structure import split_articles
    from kb.types import RawDocument
    lines = ("全年全市货物运输总量2.92亿吨。\n表 6 2023 年周口市交通运输主要指标及增速\n指标 单位 绝对数 增长%\n"
             "货物运输总量 亿吨 2.92 6.6\n#铁路 亿吨 0.80 -6.6\n货物运输周转量 亿吨公里 962.97 -15.4\n正文继续。")
    raw = RawDocument(source="communique.pdf", path="communique.pdf", text=lines, paged=True)
    text = clean(raw)
    articles = split_articles(text, raw.source)
    for a in articles:
        a.jurisdiction = "周口市"
    _, facts = extract_table_facts(text, articles, raw.source, raw.text)
    got = {(f.subject, f.indicator): (f.value, f.unit) for f in facts}
    assert got[("周口市", "货物运输周转量")] == (96_297_000_000, "吨公里")
    assert got[("周口市", "货物运输周转量增长")] == (-15.4, "%")
    # a part (#铁路) is a part of the measure its parent row names
    assert got[("周口市", "铁路（货物运输总量）")] == (80_000_000, "吨")
    # qiandongnan 表14: the value column carries the unit
    lines = ("表14 2023年城乡常住居民人均可支配收入构成及其增长\n指标 绝对数（元） 比上年增长（%）\n"
             "城镇常住居民人均可支配收入 39582 4.0\n工资性收入 21482 3.5\n正文继续。")
    raw = RawDocument(source="communique.pdf", path="communique.pdf", text=lines, paged=True)
    _, facts = extract_table_facts(clean(raw), [], raw.source, raw.text)
    got = {f.indicator: (f.value, f.unit) for f in facts}
    assert got["工资性收入"] == (21482, "元") and got["工资性收入比上年增长"] == (3.5, "%")
    # the whole table: the same parts under the urban and the rural total name the total they are part of
    lines = ("表14 2023年城乡常住居民人均可支配收入构成及其增长速度\n指标 绝对数（元） 比上年增长（%）\n"
             "城镇常住居民人均可支配收入 40867 3.9\n工资性收入 21482 5.7\n财产净收入 2370 -30.5\n"
             "农村常住居民人均可支配收入 14239 7.7\n工资性收入 6741 21.4\n财产净收入 350 22.9\n正文继续。")
    raw = RawDocument(source="communique.pdf", path="communique.pdf", text=lines, paged=True)
    _, facts = extract_table_facts(clean(raw), [], raw.source, raw.text)
    got = {f.indicator: f.value for f in facts}
    assert got["财产净收入（城镇常住居民人均可支配收入）"] == 2370 and got["财产净收入（农村常住居民人均可支配收入）"] == 350
    assert got["工资性收入（农村常住居民人均可支配收入）比上年增长"] == 21.4 and got["城镇常住居民人均可支配收入"] == 40867
    assert "财产净收入" not in got


def test_statistics_name_their_variable_ranks_glued_to_values_and_blank_headers_give_no_fact():
    # chinaxiv_202006_00002.md 表3 (statistics by year) and 表2 (a rank glued to a value: 0.0743|14, 16|0.1041)
    stats = ("表31997—2013年经济密度综合测度值的一般性统计\n<table><tr><td>年份</td><td>均值</td><td>标准差</td></tr>"
             "<tr><td>1997</td><td>0.0933</td><td>0.139 7</td></tr><tr><td>2013</td><td>0.1602</td><td>0.132 5</td></tr></table>")
    _, facts = _facts(stats)
    assert {(f.indicator, f.period) for f in facts} >= {("经济密度综合测度值的一般性统计标准差", "2013年"),
                                                       ("经济密度综合测度值的一般性统计均值", "1997年")}
    glued = ("表21997—2013年重庆市县域经济密度综合测度值及排名\n<table><tr><td>地区</td><td>1997年</td><td>排名</td>"
             "<td>2001年</td><td>排名 2006年</td><td>排名</td></tr>"
             "<tr><td>璧山县</td><td>0.074314</td><td></td><td>0.067 2</td><td>160.104 1</td><td>10</td></tr>"
             "<tr><td>万州区</td><td>0.056021</td><td></td><td>0.0568</td><td>20 0.0760</td><td>18</td></tr>"
             "<tr><td>渝中区</td><td>0.860 0</td><td>1</td><td>0.808 1</td><td>1 0.820 7</td><td>1</td></tr>"
             "<tr><td>北碚区</td><td>0.125 5</td><td>3</td><td>0.141 3</td><td>3 0.165 0</td><td>3</td></tr>"
             "<tr><td>渝北区</td><td>0.115 7</td><td>5</td><td>0.122 6</td><td>5 0.151 8</td><td>5</td></tr>"
             # the 2001 value, then the 2001 rank glued before the 2006 value with no space: 29 + 0.0471
             "<tr><td>开县</td><td>0.034 1</td><td>27</td><td></td><td>0.0308 290.0471</td><td>28</td></tr></table>")
    _, facts = _facts(glued)
    got = {(f.subject, f.period): f.value for f in facts}
    assert ("璧山县", "1997年") not in got and ("璧山县", "2006年") not in got and ("万州区", "1997年") not in got
    assert ("开县", "2006年") not in got and got[("北碚区", "2006年")] == 0.165
    assert got[("璧山县", "2001年")] == 0.0672 and got[("万州区", "2006年")] == 0.076 and got[("北碚区", "1997年")] == 0.1255
    # chinaxiv_201909_00150.md 表2: grades across (one header cell blank), thresholds down: the study's
    # grading standard, its method, so no facts (judged not-a-fact in the held-out sample 9502)
    grades = ("表2城镇化质量各级指标的分级标准与阈值\n<table><tr><td>城镇化质量类型</td><td>低质量</td><td>较低质量</td>"
              "<td>中等质量</td><td></td><td>较高质量</td></tr><tr><td>人均GDP／元①</td><td>0</td><td>8000</td>"
              "<td>16 000</td><td>24 000</td><td>32000</td></tr></table>")
    tables, facts = _facts(grades)
    assert len(tables) == 1 and facts == []
    # its 表1: the evaluation system's weights are its method too
    weights = ("表1西北地区城镇化质量的评价指标及权重\n<table><tr><td>一级指标</td><td>二级指标</td><td>指标权重</td></tr>"
               "<tr><td>区域一体</td><td>城乡劳动生产率差距</td><td>0.292 4</td></tr>"
               "<tr><td>人口城镇化</td><td>城镇化率／%</td><td>0.151 2</td></tr></table>")
    tables, facts = _facts(weights)
    assert len(tables) == 1 and facts == []


def test_an_english_caption_gives_way_to_the_chinese_caption_of_the_same_number_below_the_table():
    text = MERGED + "\n通过上表各行业的总投入比可以看出煤炭资源业的总投入占比最大。\n表3山西省各行业总投入比／% 表4山西省各行业中间投入率／%"
    (table,), facts = _facts(text)
    assert table.caption == "表3山西省各行业总投入比／%"
    assert {f.indicator for f in facts} == {"煤炭资源业（山西省各行业总投入比）", "非煤炭资源业（山西省各行业总投入比）"}
    assert {f.subject for f in facts} == {"山西"}


def test_a_table_of_year_columns_printed_one_cell_per_line_is_read_while_every_row_keeps_its_shape():
    from kb.clean import clean
    from kb.types import RawDocument
    text = ("全市经济运行稳中有进。\n表2 主要经济指标\n单位：亿元\n指标\n2022年\n2023年\n地区生产总值\n5675.2\n5482.7\n"
            "一般公共预算收入\n392.1\n—\n固定资产投资\n2400.3\n2510.6\n5\n这一段不是表格的行。\n正文继续。")
    raw = RawDocument(source="report.txt", path="report.txt", text=text)
    (table,), facts = extract_table_facts(clean(raw), [], raw.source, raw.text)
    assert table.header == [["指标", "2022年", "2023年"]] and table.unit == "亿元"
    assert table.rows == [["地区生产总值", "5675.2", "5482.7"], ["一般公共预算收入", "392.1", ""],
                          ["固定资产投资", "2400.3", "2510.6"]]
    # the corner `指标` over year columns: the rows are indicators of the document's own place
    got = {(f.subject, f.indicator, f.period): f.value for f in facts}
    assert got == {(None, "地区生产总值", "2022年"): 5675.2e8, (None, "地区生产总值", "2023年"): 5482.7e8,
                   (None, "一般公共预算收入", "2022年"): 392.1e8, (None, "固定资产投资", "2022年"): 2400.3e8,
                   (None, "固定资产投资", "2023年"): 2510.6e8}


def test_a_unit_written_after_the_caption_scales_the_cells():
    # demo corpus (003): `表1 2000—2018年中国服务贸易规模 单位：亿美元`, the unit on the caption's line
    from kb.extract.tables import _unit_of_caption, caption_topic
    caption = "表1 2000—2018年中国服务贸易规模 单位：亿美元"
    assert _unit_of_caption(caption) == "亿美元"
    assert caption_topic(caption) == "中国服务贸易规模"


def test_rows_that_are_items_measured_give_the_figures_to_the_place_of_the_table():
    # demo corpus (003): a score table of one country's indicators, years across; the rows are the
    # indicators, not subjects
    text = ("表2 2009—2018年中国城乡高质量融合水平及一级指标得分情况\n<table><tr><td>年份</td><td>2009</td><td>2010</td></tr>"
            "<tr><td>城乡高质量融合水平</td><td>1.5783</td><td>1.6373</td></tr>"
            "<tr><td>交通信息网络</td><td>0.4736</td><td>0.5183</td></tr></table>")
    _, facts = _facts(text)
    got = {(f.subject, f.indicator, f.period): f.value for f in facts}
    assert got[("中国", "交通信息网络得分", "2010年")] == 0.5183
    assert got[("中国", "城乡高质量融合水平得分", "2009年")] == 1.5783
    # rows that are places keep them as subjects
    regions = ("表1 各地区生产总值\n<table><tr><td>地区</td><td>2019</td><td>2020</td></tr>"
               "<tr><td>西部地区</td><td>20.5</td><td>21.3</td></tr><tr><td>东部地区</td><td>51.1</td><td>52.5</td></tr></table>")
    _, facts = _facts(regions)
    assert {f.subject for f in facts} == {"西部地区", "东部地区"}


def test_a_papers_own_table_takes_the_place_its_title_names():
    # chinaxiv_202006_00002.md, 表3 (years down, statistics across; the title names 重庆市县域)
    text = ("表31997—2013年经济密度综合测度值的一般性统计\n"
            "<html><body><table><tr><td>年份</td><td>最小值</td><td>最大值</td><td>均值</td></tr>"
            "<tr><td>1997</td><td>0.0151</td><td>0.860 0</td><td>0.0933</td></tr></table></body></html>")
    from kb.types import Article
    article = Article(index=0, title="基于PCA-TOPSIS的重庆市县域经济密度综合测度及时空演变", start=0, end=len(text),
                      genre="paper")
    _, facts = extract_table_facts(CleanText(text=text), [article], "paper.md")
    assert facts and {f.subject for f in facts} == {"重庆"}


@needs_shared("wildcorpus", "pdf/communique_2023_qiandongnan.pdf")
def test_a_caption_on_the_central_city_gives_the_part_of_the_place_as_subject():
    # communique_2023_qiandongnan: 表11 2023年中心城市居民消费价格比上年涨跌情况 is the central city's CPI
    from kb.build import process
    from kb.load import load
    out = process(load(shared_path("wildcorpus", "pdf/communique_2023_qiandongnan.pdf")), Settings())
    rows = [f for f in out["rows"]["facts"] if (f.table or "").endswith("中心城市居民消费价格比上年涨跌情况")]
    assert rows and {f.subject for f in rows} == {"黔东南州中心城市"}
