"""Fact extraction and attribution on real sentences of the seed corpus (003, 004)."""
from kb.extract.facts import extract_facts
from kb.types import Article, CleanText, Span


def _facts(text, title="t", spans=(), year=None):
    clean = CleanText(text=text, spans=list(spans))
    return extract_facts(clean, [Article(index=0, title=title, start=0, end=len(text), year=year)], "003.txt")


def _rows(facts):
    return [(f.value, f.unit, f.subject, f.indicator, f.period) for f in facts]


def test_period_and_subject_carry_within_sentence():
    text = ("2000年重庆GDP占西部地区GDP的比重为 10.4%，增长率为 8.5%，同年全国GDP增长率为8.49%；"
            "2019年重庆GDP占西部地区GDP的比重为11.5%，增长率为 6.3%，同年全国 GDP 增长率为6.1%。")
    assert _rows(_facts(text)) == [
        (10.4, "%", "重庆", "GDP占西部地区GDP的比重", "2000年"),
        (8.5, "%", "重庆", "增长率", "2000年"),
        (8.49, "%", "全国", "GDP增长率", "2000年"),
        (11.5, "%", "重庆", "GDP占西部地区GDP的比重", "2019年"),
        (6.3, "%", "重庆", "增长率", "2019年"),
        (6.1, "%", "全国", "GDP增长率", "2019年"),
    ]


def test_from_to_gives_both_endpoints_with_their_years():
    text = "西部地区每万人医疗卫生机构床位数由 2000 年的 23.25 张增加到 2018 年的 64.89张，扩大了近3倍。"
    facts = _facts(text)
    assert _rows(facts)[:2] == [(23.25, "张", "西部地区", "每万人医疗卫生机构床位数", "2000年"),
                                (64.89, "张", "西部地区", "每万人医疗卫生机构床位数", "2018年")]
    assert facts[0].change.endswith("(起点)") and facts[1].change.endswith("(终点)")
    assert facts[0].evidence == text and text[facts[0].start:facts[0].end] == "23.25 张"


def test_whole_province_resolves_to_the_article_place_and_comparison_base_is_not_the_period():
    text = ("2020年上半年河南统筹推进疫情防控和经济社会发展工作。河南经济运行稳步复苏。河南消费回暖。\n"
            "2020年 1—5月，全省社会消费品零售总额 8181.55亿元，同比下降 13.6%，降幅比第一季度收窄 8.3个百分点。")
    rows = _rows(_facts(text))
    assert rows == [(818155000000.0, "元", "河南", "社会消费品零售总额", "2020年1—5月"),
                    (13.6, "%", "河南", "社会消费品零售总额", "2020年1—5月"),
                    (8.3, "百分点", "河南", "降幅", "2020年1—5月")]


def test_place_joined_by_de_owns_the_figure():
    text = "2018年，西南地区的民营企业数量为33895家，也远多于西北地区的13155家。"
    assert _rows(_facts(text)) == [(33895, "家", "西南地区", "民营企业数量", "2018年"),
                                   (13155, "家", "西北地区", "民营企业数量", "2018年")]


def test_subject_carries_to_the_next_clause_of_the_paragraph():
    # 004
    text = ("赣州跨境电商综试区创新“中欧班列+海外仓”模式，推动南康家具产业集群产值突破 2800 亿元，"
            "海外订单超 50 亿元。")
    facts = _facts(text)
    assert [(f.value, f.subject, f.indicator, f.qualifier) for f in facts] == [
        (2.8e11, "南康", "家具产业集群产值", "突破"), (5e9, "南康", "海外订单", "超")]


def test_respectively_assigns_places_in_order():
    text = "2014年，西北地区与西南地区的全社会固定资产投资额分别为 60886.92 亿元与58150.64亿元。"
    assert [(f.subject, f.value) for f in _facts(text)] == [("西北地区", 60886.92e8), ("西南地区", 58150.64e8)]


def test_no_rows_from_meta_lines_dates_years_or_tables():
    meta = "中图分类号：F061.5 文献标识码：A 文章编号：2095-5766（2020）05-0001-15 收稿日期：2020-07-15"
    assert _facts(meta) == []
    assert _facts("2020年5月17日，中共中央、国务院发布《关于新时代推进西部大开发形成新格局的指导意见》。") == []
    table = "重庆 2000 2019 10.4 11.5 8.5 6.3"
    assert _facts(table) == []
    marked = "西部地区共有自然保护区993个。"
    assert _facts(marked, spans=[Span("table", 0, len(marked))]) == []


def test_significance_levels_and_figure_references_are_not_facts():
    text = "经济韧性在1%的水平上显著促进了高质量发展，如图2所示。"
    assert _facts(text) == []


def test_relative_years_use_the_article_year():
    # gwr_2024.txt: 今年发展主要预期目标是：国内生产总值增长5%左右；
    facts = _facts("今年发展主要预期目标是：国内生产总值增长5%左右；", year=2024)
    assert _rows(facts) == [(5, "%", None, "国内生产总值", "2024年")]
    assert facts[0].qualifier == "左右" and facts[0].indicator_canonical == "GDP"
