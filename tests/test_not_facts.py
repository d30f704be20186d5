"""Numbers that state no fact of the world (kb/extract/not_facts.py and the prose filter of kb/extract/facts.py),
on real corpus text."""
from tests.test_facts import _doc_facts, _facts


def test_an_entry_of_a_reference_list_states_no_fact():
    # chinaxiv_201704_00222: the entry's number glued to its author (31国家发展和改革委员会 read as 31国)
    text = ("30 储殷,高远.中国“一带一路”战略定位的三个问题.国际经济评论,2015,(2): 90-99.\n"
            "31国家发展和改革委员会，外交部，商务部．《推动共建丝绸之路经济带和21世纪海上丝绸之路的愿景与行动》."
            "[2015-3-28]. http://news.sina.com.cn/c/2015-03-28/140031655780.shtml.")
    assert _doc_facts(text, "paper", year=2017) == []
    # prose that starts with a count is still read
    assert [f.raw for f in _doc_facts("31个省份的人均GDP均有提高。", "paper", year=2017)] == ["31个"]


def test_the_limit_that_defines_a_class_named_before_its_bracket_is_no_fact():
    # 003 (seed): 极度缺水城市（人均水资源量不足500立方米） defines the class; 1000立方米 is a threshold
    text = ("按照国际公认的人均水资源量1000立方米的缺水警戒线衡量标准，国家中心城市均为严重缺水城市，其中除广州、成都以外，"
            "其他国家中心城市均为极度缺水城市（人均水资源量不足500立方米）。")
    assert _doc_facts(text, "journal_issue", year=2020) == []


def test_kinds_a_text_sorts_things_into_are_no_fact():
    # chinaxiv_201809_00037: 4种产业范围 followed by the kinds it names
    text = ("从当前的发展我们已经看到，新的数字化和智能化技术普遍可以拓展出新的4种产业范围，"
            "简单说就是硬件、软件、内容和服务：硬件是新的基于物理科学的硬科技产品；")
    assert _doc_facts(text, "paper", year=2018) == []


def test_cell_lines_of_a_table_left_in_the_text_after_its_caption_are_no_prose():
    # 003 (seed): 表5 flattened into lines without full stops, then prose again
    text = ("表5 都市圈与城市群的关系 功能 范围 规模 核心支 撑条件 现实 价值 都市圈\n"
            "通过功能分散化、合理化布局，提升大城市的承载力与运行效率\n"
            "半径一般70千米范围内\n"
            "城市群\n"
            "面积可达到5—15万平方千米以若干都市圈为基础，形成城市群城际铁路、干线铁路和高速公路构成骨架\n"
            "近年来，中国城市群的数量增加到19个。")
    assert [f.raw for f in _doc_facts(text, "journal_issue", year=2020)] == ["19个"]


def test_class_bounds_thresholds_and_what_a_region_is_made_of_are_no_facts():
    # gwr2026_zhejiang: the income that delimits the villages whose share is given
    facts = _doc_facts("发展乡村特色产业，“土特产富”全产业链总产值达3420亿元，村集体经济经营性收入50万元以上的行政村占比达68%，"
                       "和美乡村覆盖率达73%。", "work_report", "浙江省", 2026)
    assert [f.raw for f in facts] == ["3420亿元", "68%", "73%"]
    # chinaxiv_201909_00150: a threshold named as a turning point; chinaxiv_202110_00025: what a region is made of
    assert _doc_facts("随着城镇化水平不断逼近并逐渐超过50%这一标志性转折点，原本粗放的城镇化过程中重量不重质的问题凸显。", "paper") == []
    assert _doc_facts("东京湾区包括东京都和周边7县。", "paper") == []
    assert _doc_facts("2006年，粤港合作联席会议提出“大珠三角”的概念，地域包括港澳与“珠三角”9市。", "paper") == []



def test_counts_naming_a_group_the_study_s_material_and_recommended_effects_are_not_facts():
    # round-5 tuning wild 10012 #10, #12, #11, #1; wild 10014 #43; demo 10013 #52; demo 10011 #100
    assert [f.raw for f in _facts("国务院于2009年批准实施《珠江三角洲地区改革发展规划纲要（2008-2020年）》，"
                                  "“珠三角”9市以及与港澳紧密合作的相关内容均被纳入规划范围。")] == []
    assert "9市" not in [f.raw for f in _facts("2018年粤港澳大湾区9市的创新能力基尼系数差异性远高于省内其他区域，且差距超过2倍。")]
    raws = [f.raw for f in _facts("广州和深圳第三产业占比分别为72.5%和62.1%而7个重要节点城市的第三产业占比均处于42%-55%区间，"
                                  "这从一个侧面反映出7个重要节点城市产业结构仍以制造业为主。")]
    assert "7个" not in raws and "72.5%" in raws
    assert _facts("根据两期《中国开发区审核公告目录》中发布的各开发区扶持的1～3个主导产业,分别对2006年和2017年西北五省区"
                  "各经济开发区的主导产业情况进行梳理。") == []
    rows = _facts("持续改善农村学校办学办园条件，为100所海拔1500米以上农村中小学幼儿园建设供暖设施。")
    assert [(f.raw, f.indicator) for f in rows] == [("100所", "海拔1500米以上农村中小学幼儿园")]
    assert [f.raw for f in _facts("表2中3个地区的Theil指数表明，2003—2018年，该地区省域间城镇化质量差异约下降了28%；")] == ["28%"]
    assert _facts("如利用区块链技术提升跨境贸易透明度与效率，借助人工智能算法优化货物分拣与运输路径，通关效率提升超30%。") == []
    # counts that are the fact stay: a total over the members counted, counts stated
    assert [f.raw for f in _facts("珠三角9市GDP合计8.9万亿元。")][0] == "9市"
    assert "21个" in [f.raw for f in _facts("全省21个地州市中有9个地州市GDP增速超过全省平均水平。")]
    assert [f.value for f in _facts("青藏高原平均海拔4000米以上，是世界屋脊。")] == [4000]
