"""kb.cite: GB/T 7714-2015 references built from the metadata the texts state, and passage locations.

Each Article below carries what its real source says: seed 003's 文章编号 2095-5766（2020）05-0016-07
(issue 5 of 2020, 7 pages from page 16), the ChinaXiv paper's author line and 1000-6060(2019)03-0625-11,
the Gansu report's closing date line, the Luoyang communiqué's issuer and date, the Suzhou plan's cover.
"""
from __future__ import annotations

from kb import cite
from kb.types import Article


def article(**kw) -> Article:
    base = dict(index=0, title="", start=0, end=100)
    base.update(kw)
    return Article(**base)


JIN_BEI = article(title="继往开来的西部大开发——中国经济发展的旷世之举", authors=["金碚"], genre="journal_issue",
                  journal="区域经济评论", year=2020, issue="5", pages="16-22")


def test_journal_article_without_volume_writes_year_and_issue():
    assert cite.reference(JIN_BEI) == ("金碚. 继往开来的西部大开发——中国经济发展的旷世之举[J]. "
                                       "区域经济评论, 2020(5): 16-22.")


def test_more_than_three_authors_are_cut_to_three_and_deng_with_volume_and_issue():
    paper = article(title="西北五省区经济开发区空间格局演变与主导产业变迁", genre="paper",
                    authors=["蔡高明", "李志斌", "高原", "贺灿飞"], journal="干旱区地理", year=2019,
                    volume="42", issue="3", pages="625—635")
    assert cite.reference(paper) == ("蔡高明, 李志斌, 高原, 等. 西北五省区经济开发区空间格局演变与主导产业变迁[J]. "
                                     "干旱区地理, 2019, 42(3): 625-635.")


def test_a_paper_whose_journal_is_not_stated_is_not_written_as_a_journal_article():
    paper = article(title="“一带一路”建设与我国区域发展战略的关系研究", genre="paper", authors=["刘慧", "刘卫东"],
                    year=2017)
    assert cite.document_type(paper) == "Z"
    assert cite.reference(paper) == "刘慧, 刘卫东. “一带一路”建设与我国区域发展战略的关系研究[Z]. 2017."


def test_work_report_and_communique_are_reports_by_their_issuer():
    report = article(title="政府工作报告", genre="work_report", issuer="甘肃省人民政府", date="2026-01-27",
                     jurisdiction="甘肃省")
    assert cite.reference(report) == "甘肃省人民政府. 政府工作报告[R]. [出版地不详]: 甘肃省人民政府, 2026."
    # where it was delivered is its other title information (题名: 其他题名信息)
    report.subtitle = "二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上"
    assert cite.reference(report) == ("甘肃省人民政府. 政府工作报告: 二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上[R]. "
                                      "[出版地不详]: 甘肃省人民政府, 2026.")
    communique = article(title="2023年洛阳市国民经济和社会发展统计公报", genre="communique",
                         issuer="洛阳市统计局、国家统计局洛阳调查队", date="2024-04-30", year=2024)
    assert cite.reference(communique) == ("洛阳市统计局, 国家统计局洛阳调查队. 2023年洛阳市国民经济和社会发展统计公报[R]. "
                                          "[出版地不详]: 洛阳市统计局, 2024.")


def test_plan_is_other_with_its_date():
    plan = article(title="苏州市国民经济和社会发展第十五个五年规划纲要", genre="plan", issuer="苏州市人民政府",
                   date="2026-04")
    assert cite.reference(plan) == "苏州市人民政府. 苏州市国民经济和社会发展第十五个五年规划纲要[Z]. 2026-04."


def test_nothing_known_but_the_title_and_no_title_no_reference():
    assert cite.reference(article(title="“一带一路”的内涵释析")) == "“一带一路”的内涵释析[Z]."
    assert cite.reference(article(title="  ")) == ""


def test_citation_is_reference_then_location_and_falls_back_to_the_title():
    where = "二、西部大开发的新格局，第3页，003_3f64eff42e724e01.txt 字符 1200–1400"
    ref = cite.reference(JIN_BEI)
    assert cite.citation(ref, "二、西部大开发的新格局", 3, "003_3f64eff42e724e01.txt", 1200, 1400,
                         title=JIN_BEI.title) == f"{ref} 位置：{where}"
    assert cite.citation("", "二、西部大开发的新格局", 3, "003_3f64eff42e724e01.txt", 1200, 1400,
                         title="继往开来的西部大开发") == f"《继往开来的西部大开发》，{where}"
    assert cite.citation("", None, None, "a.txt", 0, 5) == "a.txt 字符 0–5"
