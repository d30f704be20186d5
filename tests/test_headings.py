"""The heading-marker grammar (kb/headings.py) on headings and lead paragraphs from real documents."""
from kb.headings import heading_style, is_heading_line, is_reference_entry, lead_kind, lead_title, list_marker


def test_numbering_systems_and_their_styles():
    # wildcorpus reports, plans and papers
    assert heading_style("一、2025年工作回顾") == ("cn",)
    assert heading_style("（三）着力完善以先进制造业为骨干的现代化产业体系") == ("paren_cn",)
    assert heading_style("2.1以城市连绵区为特征的城市群建设雏形期") == ("num", 1)
    assert heading_style("1.2.1一次创业阶段 (1988—2000 年)") == ("num", 2)
    assert heading_style("（1）做好重点群体就业") == ("paren_num",)
    assert heading_style("第十二章 强化人工智能发展要素供给") == ("chapter", "章")
    assert heading_style("第二篇 加快发展新质生产力 构建现代化产业体系") == ("chapter", "篇")
    assert heading_style("第三节 培育未来产业") == ("chapter", "节")
    assert heading_style("结语") == ("plain",)


def test_heading_lines_are_not_prose_numbers_or_reference_entries():
    assert is_heading_line("（二）坚持内需主导，加快构建新发展格局")
    assert is_heading_line("4.2优化创新网络加快协同创新发展主线")
    assert not is_heading_line("2019年全省生产总值增长5%")
    assert not is_heading_line("5.2左右")                    # a flattened indicator-table cell (plan15_hangzhou)
    assert not is_heading_line("1 顾朝林.城市群研究进展与展望[J].地理研究,2011,30(05):771-784.")
    assert is_reference_entry("1 顾朝林.城市群研究进展与展望[J].地理研究,2011,30(05):771-784.")


def test_list_markers_read_chinese_numerals_through_one_parser():
    assert list_marker("十二、加强政府自身建设") == (1, 12)
    assert list_marker("（十）着力加强政府自身建设") == (2, 10)
    assert list_marker("3. 关爱儿童方面") == (3, 3)
    assert list_marker("2019年以来") is None


def test_lead_paragraphs():
    assert lead_kind("一是联合港澳承办十五运会和残特奥会。") == "shi"
    assert lead_kind("第二，从分区域来看，西部大开发20年经济韧性综合水平排名前五依次为重庆、四川。") == "ordinal"
    assert lead_kind("——更加注重准确识变应变，实事求是因地制宜。深入研判和精准把握国际形势。") == "dash"
    assert lead_kind("持续做好“两篇大文章”。深入实施人才“企业认定、政府认账”，深化人才“校（院）企双聘”。") == "sentence"
    assert lead_kind("2025年，全省生产总值增长5%，高于全国平均水平，经济运行稳中有进。") is None
    assert lead_title("持续做好“两篇大文章”。深入实施人才“企业认定、政府认账”。") == "持续做好“两篇大文章”。"
