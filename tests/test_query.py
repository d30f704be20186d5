"""kb.query: a question analysed once — synonyms, places, periods, asked-for kinds, odd input."""
import pytest

from kb.query import Gazetteer, analyse, passage_tense, place_names, term_groups
from kb.tokenize import normalise, tokens


def spellings(q):
    return {t for group in q.expansions for t in group}


def test_gdp_question_also_searches_the_official_terms():
    # the communiqué says 国内生产总值; the catalogue (kb/data/indicators.tsv) knows the synonym
    q = analyse("2024年全国GDP总量及增速")
    assert {"国内生产总值", "地区生产总值"} <= spellings(q)
    assert q.years == (2024, 2024)
    assert "国内生产总值" in q.dense_text


def test_longest_catalogue_term_wins():
    q = analyse("人均地区生产总值是多少")
    assert "人均gdp" in spellings(q) and "国内生产总值" not in spellings(q)


def test_curated_synonyms_and_region_aliases():
    assert "r&d经费" in spellings(analyse("长三角研发投入占全国比重"))
    assert "长江三角洲" in spellings(analyse("长三角研发投入占全国比重"))
    assert "城镇化率" in spellings(analyse("新疆城镇化水平"))
    assert "成渝地区双城经济圈" in spellings(analyse("成渝的产业协作"))


def test_words_a_question_asks_with_are_not_search_words():
    # 方面, 安排, 打算 say how the researcher asks, not what about; the content words stay
    q = analyse("浙江十五五期间教育方面怎么安排")
    assert "教育" in q.tokens and "浙江" in q.tokens
    assert not {"方面", "安排", "期间"} & set(q.tokens)
    assert "方面" in q.dense_text          # the embedding still reads the whole question
    assert "打算" not in analyse("苏州基层治理打算怎么加强").tokens


def test_planning_period_is_years():
    assert analyse("十四五期间上市公司增加了多少").years == (2021, 2025)
    assert analyse("“十五五”时期的目标").years == (2026, 2030)
    assert analyse("2024年末常住人口").years == (2024, 2024)
    assert analyse("常住人口").years is None
    # the earlier five-year plans, as national reports of 2006–2016 name them
    assert analyse("十二五期间GDP平均每年增长多少").years == (2011, 2015)
    assert analyse("“十一五”时期节能减排成效").years == (2006, 2010)


def test_planning_periods_stay_whole_words():
    # jieba alone cuts 十五五 and 十三五 into 十五/五 and 十三/五 (but keeps 十四五): a question
    # about the plan then matches every 十五 and 五 of the text
    for text, period in [("浙江十五五期间教育方面怎么安排", "十五五"), ("“十三五”时期主要目标", "十三五")]:
        assert period in analyse(text).tokens
        assert period in tokens(text)


def test_every_group_has_two_spellings_or_a_period():
    assert all(len(g.terms) > 1 or g.years for g in term_groups())


@pytest.mark.parametrize("jurisdiction, short", [
    ("上海市长宁区", {"长宁", "长宁区", "上海", "上海市"}),
    ("新疆维吾尔自治区", {"新疆"}),
    ("黔东南苗族侗族自治州", {"黔东南"}),
    ("黔东南州", {"黔东南"}),
    ("广东省", {"广东"}),
    ("全国", {"我国", "中国"}),
])
def test_place_names_include_the_short_forms(jurisdiction, short):
    assert short <= set(place_names(jurisdiction))


def test_a_question_naming_a_place_names_its_jurisdiction():
    places = Gazetteer(["上海市长宁区", "全国", "洛阳市", ""])
    assert places.places_in(normalise("长宁保障性租赁住房筹措了多少套")) == ["上海市长宁区"]
    assert places.places_in(normalise("洛阳旅游接待人数和旅游收入")) == ["洛阳市"]
    assert places.places_in(normalise("保障性租赁住房")) == []
    q = analyse("长宁保障性租赁住房筹措了多少套", places)
    assert q.places == ["上海市长宁区"]


def test_a_one_character_short_name_is_not_used():
    # 津市 (a city) would make every 天津 question about it
    assert "津" not in place_names("津市市")


@pytest.mark.parametrize("question, kind", [
    ("新质生产力是什么意思", "glossary"),
    ("公报的注释说明了什么口径", "notes"),
    ("规划纲要的目录", "toc"),
    ("这篇论文引用了哪些参考文献", "references"),
    # a communiqué gives the year before's finally verified figures in its notes (经最终核实，2022年…)
    ("洛阳2022年生产总值最终核实数是多少", "notes"),
])
def test_question_asks_for_a_section_kind(question, kind):
    assert kind in analyse(question).asks_for


def test_plain_question_asks_for_no_special_kind():
    assert analyse("广东高铁运营总里程").asks_for == set()


def test_asking_when_is_not_asking_for_a_definition():
    assert "glossary" not in analyse("西部开发办是什么时候开始运作的").asks_for
    assert "glossary" in analyse("“四上”企业是什么").asks_for


def test_english_and_mixed_questions():
    english = analyse("Belt and Road connectivity")
    assert english.english and "english" in english.asks_for and english.tokens
    mixed = analyse("西部人均GDP二十年增长")
    assert not mixed.english and "人均gdp" in mixed.tokens


@pytest.mark.parametrize("text", ["", "   ", "？！。，……", "!!!", None])
def test_empty_or_punctuation_has_no_words(text):
    q = analyse(text)
    assert not q.has_words and q.tokens == []


def test_long_question_is_truncated():
    q = analyse("西部地区森林覆盖率" + "，西部大开发" * 330, max_chars=200)
    assert len(q.text) == 200 and q.has_words


def test_general_policy_wording_finds_the_official_terms():
    # a researcher's words for what the documents say otherwise (wildcorpus papers and work reports)
    assert ("溢出",) in analyse("大湾区城市群如何借助知识外溢带动增长").expansions
    assert any("自贸试验区" in g for g in analyse("新疆自由贸易试验区改革任务落实比例").expansions)
    assert any("人均预期寿命" in g for g in analyse("北京市民平均寿命提高到多少岁").expansions)
    assert any("经营主体" in g for g in analyse("新疆市场主体数量有多少户").expansions)


@pytest.mark.parametrize("question, tense", [
    ("北京百千工程示范村建了多少", 1), ("河南累计建成多少高标准农田", 1), ("合肥去年新增托位多少", 1),
    ("河南十五五时期研发投入增长目标", -1), ("广东计划筹建什么海洋类高校", -1),
    ("为了解决就业问题有哪些政策", 0), ("苏州人均体育场地面积", 0)])
def test_question_looks_back_or_ahead(question, tense):
    assert analyse(question).tense == tense


def test_section_looks_back_or_ahead_by_its_top_heading_else_its_genre():
    # top headings of the wildcorpus work reports
    assert passage_tense("一、2025年工作回顾 > 五是城乡区域发展更趋协调。", "work_report") == 1
    assert passage_tense("一、“十四五”时期和2025年工作回顾 > 乡村振兴扎实有效。", "work_report") == 1
    assert passage_tense("三、2026年重点工作 > （七）推进农业农村现代化，促进城乡融合发展", "work_report") == -1
    assert passage_tense("二、“十四五”时期发展成就和“十五五”时期主要目标任务", "work_report") == 0
    assert passage_tense("第十三篇 全面绿色转型 建设人与自然和谐共生的美丽苏州", "plan") == -1
    assert passage_tense("三、工业和建筑业", "communique") == 1
    assert passage_tense("2.2 变量设置", "paper") == 0
    # kb.genre's top-heading words: 工作安排 looks ahead; a part framing the year (总体要求) neither way
    assert passage_tense("三、2026年工作安排 > （九）推动海洋经济高质量发展", "work_report") == -1
    assert passage_tense("二、2022年经济社会发展总体要求和政策取向", "work_report") == 0
    # a paper's headings name its topics, not a time it looks at
    assert passage_tense("1 文献回顾与研究进展", "paper") == passage_tense("5 结论与对策建议", "paper") == 0
    assert passage_tense("1 文献回顾与研究进展", "other") == 1 and passage_tense("5 结论与对策建议", "other") == -1
