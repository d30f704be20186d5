"""Indicator catalogue and indicator systems on real seed text (003)."""
from kb.extract.facts import extract_facts
from kb.extract.indicators import canonical_indicator, extract_indicator_systems, indicator_catalogue
from kb.types import Article, CleanText


def test_canonical_names_from_synonyms():
    assert canonical_indicator("地区生产总值") == "GDP"
    assert canonical_indicator("城市化水平") == "城镇化率"
    assert canonical_indicator("全省社会消费品零售总额") == "社会消费品零售总额"
    assert canonical_indicator("胡焕庸线") is None


def test_catalogue_groups_synonyms():
    text = "2019年，中国城镇化率已经达到60.6%。2000 年，西部地区城市化水平28.00%，低于东部地区 3.39个百分点。"
    clean = CleanText(text=text)
    facts = extract_facts(clean, [Article(0, "t", 0, len(text))], "003.txt")
    rows = {r["indicator"]: r for r in indicator_catalogue(facts)}
    assert rows["城镇化率"]["facts"] >= 2
    assert {"城镇化率", "城市化水平"} <= set(rows["城镇化率"]["synonyms"])


def test_indicator_system_dimensions_from_prose():
    text = ("从经济发展、科技支撑、生态环保和协调共享4个维度构建城镇化高质量发展指标体系，"
            "基于熵权TOPSIS法测度中国城镇化高质量发展水平。")
    clean = CleanText(text=text)
    systems = extract_indicator_systems(clean, [Article(0, "t", 0, len(text))], "003.txt")
    assert len(systems) == 1
    assert systems[0].name == "城镇化高质量发展指标体系"
    assert systems[0].dimensions == ["经济发展", "科技支撑", "生态环保", "协调共享"]


def test_indicators_listed_under_a_dimension():
    text = ("本文从经济创新发展、经济协调发展2个维度构建经济高质量发展评价指标体系。"
            "经济创新发展指标包括专利授权数、研发人员投入和技术市场成交额3个指标；")
    clean = CleanText(text=text)
    system = extract_indicator_systems(clean, [Article(0, "t", 0, len(text))], "003.txt")[0]
    assert system.indicators == [("经济创新发展", "专利授权数", None), ("经济创新发展", "研发人员投入", None),
                                 ("经济创新发展", "技术市场成交额", None)]
