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


def test_share_of_a_whole_names_the_narrowed_subject_and_its_hedge():
    # 002 (full-width digits as printed)
    text = "１９４９年新中国成立时，我国７０％的工业设施集中在沿海一带，而占全国面积１／３的广袤大西北地区工业产值不足全国的２％。"
    facts = _facts(text)
    assert [(f.value, f.subject, f.period) for f in facts] == [(70, "我国", "1949年"), (2, "西北", "1949年")]
    assert facts[1].indicator == "工业产值占全国的比重" and facts[1].qualifier == "不足"


def test_a_sentence_with_its_own_plan_period_does_not_inherit_the_previous_year():
    # 002: the sentence after the 1949 one states “一五”期间 itself
    text = ("１９４９年新中国成立时，我国７０％的工业设施集中在沿海一带。"
            "在这种战略思想指导下，“一五”期间全社会固定资产投资中的 ７５％被安排在中西部地区。")
    fact = _facts(text)[-1]
    assert (fact.value, fact.indicator, fact.period) == (75, "全社会固定资产投资", "“一五”(1953—1957年)")


def test_period_does_not_leak_past_a_full_stop():
    # 003: the 2035 of one sentence is not the period of the next sentence's figure
    text = ("到2035年基本实现社会主义现代化。此外，广东自贸试验区正在进行扩容探索，天津自贸试验区要全力打造自贸试验区"
            "升级版，完成“深改方案”128项制度创新任务。")
    fact = _facts(text)[-1]
    assert (fact.value, fact.subject, fact.indicator, fact.period) == (128, "天津", "制度创新任务", None)


def test_a_narrower_place_owns_the_figure_and_lists_leave_the_indicator():
    # 002
    text = ("２０１２年东部沿海收入最高的地区天津市人均ＧＤＰ是９５０９３元，而西部收入最低的地区贵州省人均ＧＤＰ只有"
            "１９６０８元，相差约５倍。２０１２年北京、上海和广州三个大都市的平均人均ＧＤＰ是９１２７３元。")
    rows = [(f.value, f.subject, f.indicator, f.period) for f in _facts(text) if f.unit == "元"]
    assert rows == [(95093, "天津", "人均GDP", "2012年"), (19608, "贵州", "人均GDP", "2012年"),
                    (91273, "北京", "平均人均GDP", "2012年")]


def test_parallel_from_to_keeps_each_place_and_the_start_year():
    # 002
    text = ("中部地区生产总值占全国比重由２０１２年的２１．３％提高到２０２１年的２２％、"
            "西部地区由１９．６％提高到２０２１年的２１．１％；")
    assert _rows(_facts(text)) == [(21.3, "%", "中部地区", "生产总值占全国比重", "2012年"),
                                   (22, "%", "中部地区", "生产总值占全国比重", "2021年"),
                                   (19.6, "%", "西部地区", "生产总值占全国比重", "2012年"),
                                   (21.1, "%", "西部地区", "生产总值占全国比重", "2021年")]


def test_topic_phrase_and_bracketed_places_give_indicator_and_subject():
    # 003
    text = ("从西部地区各省份实际经济总量占全国的比重来看，2000—2019年，西部地区各省份之间的经济不平衡比较突出，"
            "形成了两个明显不同的“俱乐部”：一是明显提升“俱乐部”，包括内蒙古（从1.6%增加到1.9%）、重庆（从1.8%增加到2.3%）。")
    facts = _facts(text)
    assert [(f.value, f.subject) for f in facts] == [(1.6, "内蒙古"), (1.9, "内蒙古"), (1.8, "重庆"), (2.3, "重庆")]
    assert {f.indicator for f in facts} == {"实际经济总量占全国的比重"}
    assert facts[2].change.endswith("(起点)")


def test_enumeration_counts_are_not_facts_but_counted_things_are():
    # 003, 004
    assert _facts("仔细梳理这些重点环节，我认为其中4个方面值得特别重视。") == []
    assert _facts("其次，西部地区12个省（区、市）之间能否优势互补。") == []
    text = ("赣州积极与国际先进经验接轨，特别是深入汲取深圳经济特区的规则与管理精髓，经由一系列系统性改革，"
            "成功实现了619项政务服务事项的“同事同标”；")
    assert [(f.value, f.subject, f.indicator) for f in _facts(text)] == [(619, "赣州", "政务服务事项")]


def test_line_broken_mid_sentence_keeps_subject_and_period():
    # 004: the cleaned text breaks this sentence after the comma
    text = "根据官方数据，2024年上半年，瑞丽市跨境农业产值达到13.97亿元，\n同比增长3.9%，其中农业产值增长4.0%。"
    assert _rows(_facts(text)) == [(13.97e8, "元", "瑞丽", "跨境农业产值", "2024年上半年"),
                                   (3.9, "%", "瑞丽", "跨境农业产值", "2024年上半年"),
                                   (4.0, "%", "瑞丽", "农业产值", "2024年上半年")]


def test_national_report_defaults_to_the_country_and_dates_from_its_title():
    # gwr_2024.txt
    title = "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理"
    facts = _facts("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，", title=title)
    assert [(f.value, f.subject, f.indicator, f.period) for f in facts] == [
        (5, "全国", "国内生产总值", "2024年"), (1200e4, "全国", "城镇新增就业", "2024年")]


# ------------------------------------------------------------------ held-out sentences (benchmarks/facts_extra.jsonl)
def test_bare_ratio_as_dated_start_and_end_point():
    # 002: a ratio without unit is a fact when it is the dated point of a change; 生产总值比 is a noun
    text = ("东部与中部人均地区生产总值比从２０１２年的１．６９下降至２０２１年的１．５３，"
            "东部与西部人均地区生产总值比从２０１２年的１．８７下降至２０２１年的１．６８。")
    assert [(v, u, i, p) for v, u, s, i, p in _rows(_facts(text))] == [
        (1.69, "", "人均地区生产总值比", "2012年"), (1.53, "", "人均地区生产总值比", "2021年"),
        (1.87, "", "人均地区生产总值比", "2012年"), (1.68, "", "人均地区生产总值比", "2021年")]


def test_list_of_counts_ending_in_percentage_points_shares_the_unit_and_names():
    # 003 (河南 article): 2.2个、7.2个、11个和3.5个百分点, one per listed indicator
    text = ("1—5月,全省规模以上工业增加值、固定资产投资、进出口总值、一般公共预算收入4项主要经济指标增速"
            "分别高于全国平均水平2.2个、7.2个、11个和3.5个百分点,整体好于全国。")
    rows = [(v, u, i) for v, u, s, i, p in _rows(_facts(text))]
    assert rows == [(2.2, "百分点", "规模以上工业增加值"), (7.2, "百分点", "固定资产投资"),
                    (11.0, "百分点", "进出口总值"), (3.5, "百分点", "一般公共预算收入")]


def test_respective_names_in_the_clause_before_and_multiple_base_is_not_carried():
    # 003: 是1978年的2.7倍 is a base; 高速铁路、高速公路 name the two 运营里程 figures; 千米 kept as written
    text = ("2019年,我国铁路运营里程已达13.9万千米,是1978年的2.7倍;"
            "高速铁路、高速公路从无到有,运营里程分别达到3.5万千米、14.96万千米,均居世界第1位;")
    rows = _rows(_facts(text))
    assert rows[0] == (139000.0, "千米", "我国", "铁路运营里程", "2019年")
    assert rows[2:] == [(35000.0, "千米", "我国", "高速铁路运营里程", "2019年"),
                        (149600.0, "千米", "我国", "高速公路运营里程", "2019年")]


def test_shares_after_fenbie_take_the_indicators_of_the_figures_before():
    # 003 (长三角 article)
    text = ("长三角地区包括上海、江苏、浙江、安徽在内的一市三省,地域面积为35.14万平方千米,"
            "2019年的常住人口为22714万人,地区生产总值为23.72万亿元,分别占全国的3.66%、16.22%、23.74%。")
    rows = _rows(_facts(text))
    assert [(v, i) for v, u, s, i, p in rows[3:]] == [
        (3.66, "地域面积占全国的比重"), (16.22, "常住人口占全国的比重"), (23.74, "地区生产总值占全国的比重")]
    assert {s for v, u, s, i, p in rows} == {"长三角地区"}


def test_share_before_its_noun_and_qizhong_does_not_name_china():
    assert _rows(_facts("１９４９年新中国成立时，我国７０％的工业设施集中在沿海一带。"))[0] == (
        70.0, "%", "我国", "工业设施", "1949年")
    rows = _rows(_facts("目前全国共有普通高等学校2688所(含独立学院257所),其中国家中心城市共有626所高校,占全国的23.3%;"))
    assert [(v, s, i) for v, u, s, i, p in rows] == [
        (2688.0, "全国", "普通高等学校"), (257.0, "全国", "独立学院"), (626.0, "国家中心城市", "高校"),
        (23.3, "国家中心城市", "高校占全国的比重")]
