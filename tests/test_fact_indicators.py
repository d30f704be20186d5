"""Indicators of facts in wild documents (kb/extract/fact_indicators.py): what a figure measures, with its scope."""
from tests.test_facts import _doc_facts


def test_a_count_is_named_with_the_predicate_after_the_counted_things():
    # gwr2026_beijing / gwr2026_heilongjiang: a count of the things the predicate holds for, not of all of them
    rows = _doc_facts("强化原创性引领性科技攻关，210项关键核心技术获得突破，北京连续9年稳居自然指数-科研城市全球榜首。",
                      "work_report", "北京市", 2026)
    assert rows[0].indicator == "获得突破的关键核心技术"
    rows = _doc_facts("产业项目建设年活动深入实施，1000个省级重点产业项目完成投资1865.7亿元、增长4%，243个重点项目建成投产。",
                      "work_report", "黑龙江省", 2026)
    assert [f.indicator for f in rows][0] == "省级重点产业项目"
    assert rows[-1].indicator == "建成投产的重点项目"
    # gwr_2005: a verb alone after the counted things, behind an adverb
    rows = _doc_facts("1410个县级和250个省、市（地）级疾病预防控制中心基本建成，290所紧急救援中心陆续开工。",
                      "work_report", "", 2005)
    assert rows[-1].indicator == "开工的紧急救援中心"
    # gwr2026_guangdong: 已建成 right after the figure describes the things after it, it is no predicate
    rows = _doc_facts("改造提升超5000个已建成自然村的生活污水治理设施，优化已建成自然村生活污水治理设施运维管护。",
                      "work_report", "广东省", 2026)
    assert "建成" not in (rows[0].indicator or "")
