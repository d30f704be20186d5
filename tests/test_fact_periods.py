"""Periods of fact rows (kb/extract/fact_periods.py through extract_facts), on real corpus sentences."""
from kb.extract.numbers import find_quantities
from tests.test_facts import _doc_facts, _facts, _sectioned_facts


def test_now_is_the_paper_year_when_a_sentence_without_figures_came_between():
    # 003 (seed, a 2020 issue): 截至2018年… then a sentence without figures, then 目前: the paper's year
    text = ("截至2018年，中国服务业进出口区域分布中，东部地区占比84.8%。内陆地区主要以劳动密集型服务贸易为主。"
            "从国际市场分布来看，区域结构失衡问题愈发明显。目前，中国服务贸易合作排名前十的国家占服务贸易总收支的75%。")
    assert [(f.raw, f.period) for f in _doc_facts(text, "journal_issue", year=2020)] == [
        ("84.8%", "2018年"), ("75%", "2020年")]
    # the account goes on in the sentence right after a dated one: 目前 keeps its date
    text = ("截至2019年6月底，上海自贸区共计新设企业逾5.5万户。"
            "新设企业中，外资企业占比从挂牌初期的5%上升到目前的20%左右。")
    assert _doc_facts(text, "journal_issue", year=2020)[-1].period == "2019年6月底"


def test_what_a_named_innovation_achieves_is_not_dated_by_the_account_before():
    # 004 (seed, a paper without a year): 2024年上半年 belongs to the 跨境农业产值, not to the mechanism's effect
    text = ("根据官方数据，2024年上半年，瑞丽市跨境农业产值达到13.97亿元，同比增长3.9%，其中农业产值增长4.0%。"
            "此外，瑞丽市首创的“种植备案、跨境直通、全程溯源”机制，结合区块链技术确保原料可追溯，"
            "有效将采购周期从15天缩短至72小时，物流成本降低25%，显著增强了产业链的韧性和可持续性。")
    facts = _doc_facts(text, "paper")
    assert [f.period for f in facts[:3]] == ["2024年上半年"] * 3
    assert [(f.raw, f.period) for f in facts[3:]] == [("15天", None), ("72小时", None), ("25%", None)]


def test_a_gap_to_another_place_is_the_year_of_its_clause_not_the_range_before():
    # 003 (seed): 增速高于全国 is 2019's, though the from-to before it spans 2010—2019
    text = ("以河南省为例，2010—2019年河南外贸进出口总值由1783151万美元跃升至8247439万美元，2019年河南的"
            "对外贸易进出口总额稳居中部六省第一位，增速高于全国0.2个百分点。")
    facts = _doc_facts(text, "journal_issue", year=2020)
    assert [(f.raw, f.period) for f in facts] == [
        ("1783151万美元", "2010年"), ("8247439万美元", "2019年"), ("0.2个百分点", "2019年")]


def test_levels_held_and_places_added_over_a_five_year_review_span_it():
    # gwr2026_xinjiang / gwr2026_gansu / gwr2026_henan: 保持在, 稳定在 over 这五年; 增补 what was done;
    # 连续9年 the years it held
    text = ("五年来，我们主要做了以下工作。\n"
            "切实兜牢民生底线，持续推进全民参保计划，基本养老保险和基本医疗保险参保率保持在95%以上。"
            "民生支出占一般公共预算支出比例稳定在80%左右。"
            "“增学位”工程增补市州城区义务教育学位13.1万个。"
            "积极应对气候变化影响，粮食总产量连续9年稳定在1300亿斤以上。"
            "常住人口城镇化率达到58.08%。")
    facts = _doc_facts(text, "work_report", "甘肃省", 2026)
    assert [(f.raw, f.period) for f in facts] == [
        ("95%以上", "2021—2025年"), ("80%左右", "2021—2025年"), ("13.1万个", "2021—2025年"),
        ("1300亿斤以上", "2017—2025年"), ("58.08%", "2025年")]


def test_a_count_of_household_visits_keeps_its_unit():
    # gwr2026_zhejiang: 1万户次 is 户次, not 户
    found = find_quantities("为未成年人家庭提供一对一公益家庭教育指导服务1万户次，开设“幸福家长”亲子关系成长课堂1万期。")
    assert [(q.value, q.unit) for q in found if q.value == 10000][0] == (10000, "户次")


def test_a_change_after_a_level_of_an_earlier_year_spans_from_it():
    # 003 (seed): 扩大了5.39倍 spans 2000—2019, the years of the gap's two levels
    text = ("西部地区的农村居民人均可支配收入一直低于中部地区，且差距不断扩大，2000年，中部地区高出西部地区437.75元，"
            "到2019年该差额扩大到2360.21元，扩大了5.39倍。")
    assert [(f.raw, f.period) for f in _doc_facts(text, "journal_issue", year=2020)] == [
        ("437.75元", "2000年"), ("2360.21元", "2019年"), ("5.39倍", "2000—2019年")]


def test_since_a_programme_began_spans_from_the_year_the_article_gives_it():
    # 003 (seed, a 2020 issue): the article's title 西部大开发20年 dates 自西部大开发战略实施以来 and 开发初期
    title = "西部大开发20年：西北地区与西南地区的对比"
    text = title + "\n自西部大开发战略实施以来，西部地区已累计退耕还林达1.37亿亩，治理严重退化草原1.9亿亩。"
    assert [(f.raw, f.period) for f in _doc_facts(text, "journal_issue", year=2020)] == [
        ("1.37亿亩", "2000—2020年"), ("1.9亿亩", "2000—2020年")]
    text = ("西部大开发20年的成效是推进新时代西部大开发形成新格局的重要基础。\n西部大开发战略实施以来，无论是从统计数据来看，"
            "还是从民众的实际感受来看，西部大开发确实带来了非常大的变化。西部地区经济总量占全国的份额也从开发初期的17%"
            "提升到目前的20%以上。")
    assert [(f.raw, f.period) for f in _doc_facts(text, "journal_issue", year=2020)] == [("17%", "2000年"), ("20%以上", "2020年")]
    # an article that gives the programme no age or first year leaves it undated
    text = "自西部大开发战略实施以来，西部地区已累计退耕还林达1.37亿亩。"
    assert _doc_facts(text, "journal_issue", year=2020)[0].period is None


def test_a_year_stated_sentences_before_does_not_date_an_aside_after_figureless_ones():
    # 003 (seed, a 2020 issue): 从2012年到2019年 dated one total; six sentences without figures later the
    # bracketed shares of 中小型企业 are undated
    text = ("为搭建这一工业互联网平台，德国研发支持计划从2012年到2019年共向工业4.0科技解决方案投入45亿欧元，"
            "但并不是所有的成果都转化为成功的产品、服务和商业模式。这就要求中小型企业务必通过科学恰当的方式参与研究领域的最新发展。"
            "经过大量的实践探索与尝试，工业互联网平台应运而生。德国正在步入第四次工业革命。"
            "为此，德国企业界，特别是中小型企业（中小型企业占据德国99%的商业市场，提供60%的就业，创造德国经济总量的55%"
            "不得不投资数字化并搭建工业互联网平台。")
    facts = _doc_facts(text, "journal_issue", year=2020)
    assert [(f.raw, f.period) for f in facts][1:] == [("99%", None), ("60%", None), ("55%", None)]


def test_the_paragraph_right_after_a_table_takes_the_period_its_caption_names():
    # 003 (seed, a 2020 issue): the DEA results after 表2 2012—2018年… are the study span's
    text = ("表2 2012—2018年中国金融扶贫DEA评价效率 地区 东部 地区 中部 地区\n"
            "0.8071 0.8356 0.8522 0.8178 0.7821 0.8545 0.8996 0.7656\n"
            "综合技术效率大于0.9的省份有9个，占全国的29.03%，其余70.97%的省份综合技术效率均低于0.9。")
    facts = _doc_facts(text, "journal_issue", year=2020)
    assert [(f.raw, f.period) for f in facts] == [("9个", "2012—2018年"), ("29.03%", "2012—2018年"), ("70.97%", "2012—2018年")]
    # a paragraph that is not the first after the table keeps its own account
    text = ("表2 2012—2018年中国金融扶贫DEA评价效率 地区 东部 地区 中部 地区\n"
            "0.8071 0.8356 0.8522 0.8178 0.7821 0.8545 0.8996 0.7656\n"
            "综合技术效率大于0.9的省份有9个。\n"
            "目前全国共有普通高等学校2688所。")
    assert _doc_facts(text, "paper")[-1].period is None


def test_a_level_held_over_the_years_a_sentence_counts_back_spans_them():
    # chinaxiv_201909_00143 (a paper of unknown year): 过去的13a up to the 2015 the sentence states
    text = ("表4展示了重要行业的中间投入率，各个行业的中间投入在过去的13a中均保持较为稳定的增长，这些行业中间投入率最高的是建筑业，"
            "其次是非煤炭资源行业，维持在65%以上，而2015年的中间投入率达到80.5%，原因在于非煤炭资源行业增加值的突然下降，"
            "使得中间投入率放大，但是总体而言，非煤资源行业的中间投入的增速是稳定的，随后是装备制造业，中间投入率介于69%~79%,"
            "煤炭资源行业的中间投入率维持在50%~65%之间。")
    facts = {f.raw: f.period for f in _doc_facts(text, "paper")}
    assert (facts["65%以上"], facts["80.5%"], facts["50%"], facts["65%"]) == ("2002—2015年", "2015年", "2002—2015年", "2002—2015年")


def test_runs_of_years_and_what_was_done_over_a_five_year_review():
    # gwr2026_xinjiang / gwr2026_henan: 连续4年 in the 这五年 review; 开挖疏浚, 外出务工, 复制推广 done over it
    text = ("五年来，我们主要做了以下工作。\n"
            "巩固棉花优势地位，棉花产量连续4年占全国九成以上、就地转化率达45%。"
            "耕地面积净增212万亩，开挖疏浚沟渠11.76万公里。"
            "就业优先战略有效实施，农村劳动力外出务工1610万人次。"
            "自贸试验区9项制度创新成果全国复制推广。")
    facts = {f.raw: f.period for f in _doc_facts(text, "work_report", "新疆维吾尔自治区", 2026)}
    assert (facts["九成以上"], facts["45%"]) == ("2022—2025年", "2025年")
    assert {facts[k] for k in ("11.76万公里", "1610万人次", "9项")} == {"2021—2025年"}


def test_discoveries_deliveries_and_a_yearly_list_span_the_five_year_review():
    # gwr2026_gansu / gwr2026_guizhou (tuning rows, heldout seed 10104): 新探明, 交付 done over the span;
    # 每年 opening the list holds for its later clauses too; a level after 达 without 每年 stays the last year
    text = ("五年来，我们主要做了以下工作。\n"
            "新一轮找矿行动取得重大突破，新探明泾川特大型铀矿、平凉7亿吨级冶镁白云岩等大中型矿产地35处。"
            "保交房7.4万套住房全部交付。"
            "扎实推进“六六就业稳岗计划”，每年城镇新增就业60万人以上、省外务工劳动力稳定在600万人左右，"
            "高校毕业生初次毕业去向落实率达80%以上，退役士兵安置率100%。"
            "常住人口城镇化率达到58.08%，城乡居民收入比缩小。")
    facts = {f.raw: f.period for f in _doc_facts(text, "work_report", "甘肃省", 2026)}
    assert {facts[k] for k in ("35处", "7.4万套", "80%以上", "100%")} == {"2021—2025年"}
    assert facts["58.08%"] == "2025年"


def test_a_span_of_years_from_one_to_another_is_the_period_not_a_start_point():
    # 003 (seed, tuning row heldout 10103 #81): 从2012年到2019年共向…投入45亿欧元
    text = ("为搭建这一工业互联网平台，德国研发支持计划从2012年到2019年共向工业4.0科技解决方案投入45亿欧元，"
            "但并不是所有的成果都转化为成功的产品、服务和商业模式。")
    fact = _doc_facts(text, "journal_issue", year=2020)[0]
    assert (fact.period, fact.change, fact.indicator) == ("2012—2019年", None, "研发支持计划向工业4.0科技解决方案投入")
    # a from-to of values keeps its start point
    text = "常住人口城镇化率从2020年的53.2%提升到2025年的57.7%。"
    assert [f.change for f in _doc_facts(text, "work_report", "贵州省", 2026)][0].endswith("(起点)")


def test_a_clause_going_on_with_the_verb_a_total_summed_is_summed_too():
    # 003 (seed, tuning row heldout 10101 #65): 实现进出口总额 goes on from 累计实现; 有进出口企业 is a stock
    text = ("截至2019年8月底，河南自贸区郑州片区新增注册企业达到50099家。"
            "自贸试验区成立两年多来，郑州片区新签约重大项目128个，签约总金额2508.5亿元。"
            "郑州片区累计实现合同利用外资9.8亿美元、实际利用外资9.5亿美元，片区有进出口企业2004家，"
            "实现进出口总额490.1亿元，累计实现税收803.1亿元。")
    facts = {f.raw: f.period for f in _doc_facts(text, "journal_issue", year=2020)}
    assert (facts["490.1亿元"], facts["803.1亿元"], facts["2004家"]) == ("2017—2019年", "2017—2019年", "2019年")


def test_from_a_year_until_now_spans_to_the_paper_year():
    # 003 (seed, a 2020 issue)
    text = ("从2013年，中国（上海）自由贸易试验区成立至今，自贸试验区已累计复制推广了223项制度创新成果。")
    assert _doc_facts(text, "journal_issue", year=2020)[0].period == "2013—2020年"


def test_the_whole_year_after_a_part_of_it_is_that_year():
    # 004 (seed): 全年开行突破900列 after 2024年上半年 is 2024's
    text = ("据连云港市交通运输成绩单显示，中哈（连云港）物流基地和上合组织（连云港）国际物流园在2024年上半年合计完成集装箱量"
            "58.5万标箱，连云港中欧（亚）班列全年开行突破900列，运量规模保持全省第一。")
    assert [(f.raw, f.period) for f in _doc_facts(text, "paper")] == [("58.5万标箱", "2024年上半年"), ("900列", "2024年")]


def test_a_past_year_account_under_a_heading_of_the_year_and_the_plan_period_keeps_the_year():
    # round-5 tuning wild 10012 #26 (gwr2026_city_hefei): 过去一年，… then 五是生态治理持续加强。…累计6个月 is 2025
    facts = _sectioned_facts([
        ("一、2025年和“十四五”工作回顾", "过去一年，全市上下坚持稳中求进，地区生产总值增长6.1%。"),
        ("一、2025年和“十四五”工作回顾", "五是生态治理持续加强。深入推进巢湖综合治理，全湖水质累计6个月达到Ⅲ类。"),
        ("一、2025年和“十四五”工作回顾", "五年来，我们奋力推动高质量发展，累计新增就业80万人。"),
    ], "work_report", "合肥市", 2026)
    assert [(f.raw, f.period) for f in facts] == [("6.1%", "2025年"), ("6个月", "2025年"), ("80万人", "2021—2025年")]


def test_parts_of_the_span_a_study_states_are_dated_as_parts():
    # chinaxiv_201909_00150 (wildcorpus, 2019): the section's span (2000一2014年, an OCR'd dash), then 在2012年前,
    # then the first and last two years of the span and the years between them
    text = ("西北地区2000一2014年各地州市城市生态环境质量绝大部分属于较高或中等质量类型，少数属于较低或高质量类型（图6)。"
            "较低质量的地州市在2012 年前多保持在5～7个，主要分布在5 个省会城市和嘉峪关、石嘴山等重工业城市，之后有增多趋势。"
            "高质量的除最前和最后各两年仅有1~2个地州市外,其余多为5~7个,也呈零星分布；")
    found = {f.period for f in _doc_facts(text, "paper", year=2019)}
    assert "2000—2012年" in found and "2000—2001年、2013—2014年" in found and "2002—2012年" in found
    assert "2012年" not in found
    # a deadline ahead of the document's year keeps its year (2030年前实现碳达峰 in a 2021 plan)
    # and its 前 goes with the year, not into the indicator (2027年底前, 2030年以前 the same)
    for deadline, period in (("2030年前", "2030年"), ("2027年底前", "2027年底"), ("2030年以前", "2030年")):
        rows = _doc_facts(f"规划期为2021—2035年。力争{deadline}新增风电装机1000万千瓦。", "plan", year=2021)
        assert [(f.indicator, f.period) for f in rows] == [("新增风电装机", period)]
    # but 前 opening a part of the year (前七个月, 前半年, 前三季度) or 前列/前沿 is no deadline
    from kb.extract.periods import BEFORE_YEAR
    assert [bool(BEFORE_YEAR.match(t, 5)) for t in ("2030年前新增", "2030年以前", "2023年前七个月", "2023年前半年",
                                                   "2023年前三季度", "2023年前列")] == [True, True, False, False, False, False]
    from kb.extract.periods import find_periods
    assert [p.text for p in find_periods("西北地区2000一2014年各地州市")] == ["2000—2014年"]


def test_a_review_of_a_governments_five_years_spans_them_when_the_figures_say_five_years():
    # round-5 tuning ext 20404 #11–#18 (gwr_2008, a government's term, not a plan period): 五年累计, 五年新增
    # and the ；-list a 五年新增 opens span 2003—2007; a figure without such a word is the past year's
    path = "一、 过去五年工作回顾 > （三）全面加强社会建设，切实保障和改善民生"
    facts = _sectioned_facts([
        (path, "全国财政用于医疗卫生支出五年累计6294亿元，比前五年增长1.27倍。"),
        (path, "五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和；新增公路19.2万公里，其中高速公路2.8万公里；"
               "新增铁路营运里程6100公里；建成万吨级以上泊位568个；新增电信用户4.94亿户。"),
        (path, "国家财政收入达到5.13万亿元。"),
    ], "work_report", "全国", 2008)
    periods = {f.raw: f.period for f in facts}
    assert periods["6294亿元"] == periods["1.27倍"] == "2003—2007年"
    assert periods["3.5亿千瓦"] == periods["6100公里"] == periods["4.94亿户"] == "2003—2007年"
    assert periods["5.13万亿元"] == "2007年"
    # the same figures under a heading of one past year are that year's
    facts = _sectioned_facts([("一、过去一年工作回顾", "全国财政用于医疗卫生支出五年累计6294亿元。")], "work_report", "全国", 2008)
    assert [f.period for f in facts] == ["2007年"]


def test_a_list_carries_a_five_year_span_said_by_its_first_item_but_not_a_total():
    # review of round 5, a 2026 provincial report's wording: 累计 is said of its own item; the items after it
    # are the past year's
    facts = _sectioned_facts([("一、2025年和“十四五”时期工作回顾",
                               "全省累计发放消费券5亿元，带动消费50亿元；新开工亿元以上项目1200个；城镇新增就业65万人。")],
                             "work_report", "河南省", 2026)
    assert [(f.raw, f.period) for f in facts] == [
        ("5亿元", "2021—2025年"), ("50亿元", "2025年"), ("1200个", "2025年"), ("65万人", "2025年")]
