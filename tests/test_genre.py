"""Genre and document metadata told from the text (kb/genre.py), on openings of real documents."""
from kb.clean import clean
from kb.genre import describe, parse_date, place_in, tidy_title
from kb.types import RawDocument
from tests.conftest import needs_shared, shared_path


def _describe(text: str):
    return describe(clean(RawDocument(source="x.txt", path="x.txt", text=text)).text)


# the opening of a provincial work report copied from a web page (wildcorpus, 2026)
WEB_REPORT = """下载
打印
全屏
收藏
【字号：
加大
还原
减小
】
2026年甘肃省政府工作报告
——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上
来源：甘肃日报
时间：2026-02-10
甘肃省省长 任振鹤
任振鹤作政府工作报告。新甘肃·甘肃日报记者 盛学卿
各位代表：
我代表省人民政府，向大会报告工作，请与《甘肃省国民经济和社会发展第十五个五年规划纲要（草案）》一并审议，并请省政协委员和其他列席人员提出意见。
“十四五”时期工作回顾
“十四五”时期是甘肃发展极不寻常、极不平凡的五年。全省生产总值连跨两个千亿元台阶。
"""

# a report whose title and dateline are split over three lines (wildcorpus, 2026)
SPLIT_TITLE_REPORT = """政府工作报告
——2026年1月26日在广东省第十四届
人民代表大会第五次会议上
广东省省长 孟凡利
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议，并请各位政协委员和其他列席人员提出意见。
一、2025年和“十四五”时期工作回顾
2025年是中国式现代化进程中具有重要意义的一年，全省广大干部群众备受鼓舞、倍感振奋。
"""

# a national report with no title at all (extcorpus gwr_2016)
NATIONAL_REPORT = """各位代表：

现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。

一、2015年工作回顾

过去一年，我国发展面临多重困难和严峻挑战。
"""

COMMUNIQUE = """2023年洛阳市国民经济和社会发展统计公报①

洛阳市统计局

国家统计局洛阳调查队

2024年4月30日

2023年，面对严峻复杂的国际国内环境，全市上下坚决贯彻落实党中央、国务院和省委、省政府决策部署，经济运行稳中有进。

一、综合

初步核算，全年全市生产总值②达到5481.6亿元，按可比价计算，比上年增长3.5%。
"""

PLAN = """苏州市国民经济和社会发展
第十五个五年规划纲要
苏州市人民政府
二〇二六年四月
序 言
《苏州市国民经济和社会发展第十五个五年规划纲要》根据
《中共中央关于制定国民经济和社会发展第十五个五年规划的建
议》编制，主要阐明苏州“十五五”时期国民经济和社会发展的总体思路。
"""

PAPER_MD = """# 自主探索还是追随前沿？-中国高技术出口产业地理演化路径辨析

刘洁敏，贺灿飞（北京大学城市与环境学院，北京100871)

摘要：演化经济地理学认为,地方产业演化是路径依赖的,新的产业从本地现有关联产业中衍生出来。

关键 词：产业演化；进口；出口；缄默知识；知识溢出；高技术产品

关于地方产业地理演化路径选择对经济增长与产业结构升级的贡献，学术界持续了长时间的探讨。
"""


def test_web_report_genre_title_place_date_year():
    info = _describe(WEB_REPORT)
    assert info.genre == "work_report"
    assert info.title == "2026年甘肃省政府工作报告"
    assert info.jurisdiction == "甘肃省"
    assert info.date == "2026-01-27"      # from 二〇二六年一月二十七日
    assert info.year == 2026
    assert info.issuer == "甘肃省人民政府"


def test_title_split_over_three_lines_keeps_the_title_alone():
    info = _describe(SPLIT_TITLE_REPORT)
    assert (info.genre, info.title, info.jurisdiction, info.year) == ("work_report", "政府工作报告", "广东省", 2026)


def test_national_report_without_title_is_flagged_and_speaks_for_the_country():
    info = _describe(NATIONAL_REPORT)
    assert info.genre == "work_report"
    assert info.title_flagged
    assert info.jurisdiction == "全国"
    assert info.year == 2016           # the year after the reviewed one


def test_communique_year_is_the_year_reported_on():
    info = _describe(COMMUNIQUE)
    assert (info.genre, info.jurisdiction, info.year) == ("communique", "洛阳市", 2023)
    assert info.title == "2023年洛阳市国民经济和社会发展统计公报"
    assert "洛阳市统计局" in info.issuer


def test_plan_title_over_two_lines_and_chinese_numeral_date():
    info = _describe(PLAN)
    assert (info.genre, info.jurisdiction, info.year) == ("plan", "苏州市", 2026)
    assert info.title == "苏州市国民经济和社会发展第十五个五年规划纲要"
    assert info.date == "2026-04"


def test_paper_title_without_authors_and_with_its_subtitle_dash():
    info = _describe(PAPER_MD)
    assert info.genre == "paper"
    assert info.title == "自主探索还是追随前沿？——中国高技术出口产业地理演化路径辨析"
    assert info.jurisdiction == ""


def test_unknown_text_is_other_and_never_fails():
    assert describe("").genre == "other"
    info = _describe("这是一段没有标题的文字，说明了一些情况。\n另一段文字。\n")
    assert info.genre == "other"
    assert info.year is None


def test_parse_date_and_places():
    assert parse_date("——二〇二六年一月二十七日在甘肃省") == ("2026-01-27", 2026)
    assert parse_date("2024 年 4 月 29 日") == ("2024-04-29", 2024)
    assert place_in("上海市长宁区人民政府") == "上海市长宁区"
    assert place_in("2026年新疆维吾尔自治区政府工作报告") == "新疆维吾尔自治区"
    assert place_in("黔东南州统计局") == "黔东南州"
    assert place_in("政府工作报告") == ""


def test_tidy_title_repairs_conversion_damage():
    assert tidy_title("1 一带一路” 建设与我国\\*区域发展战略的关系研究") == "“一带一路”建设与我国区域发展战略的关系研究"
    assert tidy_title("资源型地区产业多元化问题研究以山西省为例") == "资源型地区产业多元化问题研究——以山西省为例"
    assert tidy_title("2023 年周口市国民经济和社会发展统计公报") == "2023年周口市国民经济和社会发展统计公报"


def test_paper_authors_stop_where_the_affiliation_begins():
    from kb.genre import paper_authors
    assert paper_authors("刘慧1.2.3 刘卫东1.2.3") == ["刘慧", "刘卫东"]
    assert paper_authors("蔡高明¹,²，李志斌³，高原4，贺灿飞1,2市与环境学院,北京100871") == ["蔡高明", "李志斌", "高原", "贺灿飞"]
    assert paper_authors("张彬，谢贤健，杨联安²，郭金铭(1内江师范学院地理与资源科学学院,四川内江 641100)") == \
        ["张彬", "谢贤健", "杨联安", "郭金铭"]
    assert paper_authors("中国科学院科技战略咨询研究院北京100190") == []


def test_paper_metadata_from_its_front_matter():
    info = _describe(PAPER_MD.replace("高技术产品\n", "高技术产品文章编号： $1 0 0 0 - 6 0 6 0 \\big ( 2 0 2 0 \\big ) "
                                                     "0 4 - 1 0 7 7 - 1 1 $\n"))
    assert info.authors == ["刘洁敏", "贺灿飞"]
    assert info.affiliation == "北京大学城市与环境学院，北京100871"
    assert (info.year, info.issue, info.pages) == (2020, "4", "1077-1087")


def test_policy_document_title_number_and_closing_date():
    # the opening and closing of a State Council opinion, as such notices are printed (cited in seed 003)
    text = ("中共中央 国务院关于新时代推进西部大开发形成新格局的指导意见\n（2020年5月17日）\n"
            "强化举措推进西部大开发形成新格局，是党中央、国务院从全局出发作出的重大决策部署。现提出如下意见。\n"
            "一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n")
    info = _describe(text)
    assert info.genre == "policy"
    assert info.title == "中共中央 国务院关于新时代推进西部大开发形成新格局的指导意见"
    assert (info.jurisdiction, info.year) == ("全国", 2020)
    numbered = _describe("国务院关于加强数字政府建设的指导意见\n国发〔2022〕14号\n各省、自治区、直辖市人民政府，"
                         "国务院各部委、各直属机构：\n加强数字政府建设是适应新一轮科技革命和产业变革趋势的必然要求。\n")
    assert (numbered.genre, numbered.year, numbered.jurisdiction) == ("policy", 2022, "全国")


def test_district_report_takes_the_fullest_name_of_its_place():
    info = _describe("2026年长宁区政府工作报告\n——2026年1月6日在上海市长宁区第十七届人民代表大会第六次会议上\n"
                     "各位代表：\n现在，我代表区人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n")
    assert (info.genre, info.jurisdiction, info.year) == ("work_report", "上海市长宁区", 2026)


def test_undated_plan_takes_the_first_year_of_its_five_year_plan():
    from kb.genre import five_year_plan_start
    assert five_year_plan_start("苏州市国民经济和社会发展第十五个五年规划纲要") == 2026
    assert five_year_plan_start("“十四五”规划") == 2021
    info = _describe("苏州市国民经济和社会发展\n第十五个五年规划纲要\n序 言\n《苏州市国民经济和社会发展第十五个五年规划纲要》"
                     "主要阐明苏州“十五五”时期国民经济和社会发展的总体思路。\n")
    assert (info.genre, info.year) == ("plan", 2026)


@needs_shared("extcorpus")
def test_report_reviewing_five_years_is_dated_after_the_last_one():
    # extcorpus gwr_2013 (not among the held-out documents): its review heading names no year
    from kb.load import load
    info = describe(clean(load(shared_path("extcorpus", "gwr_2013.txt"))).text)
    assert (info.genre, info.jurisdiction, info.year, info.title_flagged) == ("work_report", "全国", 2013, True)


def test_report_year_written_in_full_width_digits():
    # the opening of a national work report whose review heading writes the year in full-width digits
    text = NATIONAL_REPORT.replace("2015年工作回顾", "１９９４年国内工作的回顾")
    info = _describe(text)
    assert info.genre == "work_report"
    assert info.year == 1995


def test_a_report_opening_with_its_salutation_is_a_work_report_not_a_policy():
    # a national work report as published without its title: the first sentence after the salutation
    # (cut before its full stop, ending in 意见) is no title
    text = ("各位代表：\n现在，我代表国务院，向大会报告政府工作，请各位代表审议，并请全国政协委员提出意见\n"
            "一、2011年工作回顾\n过去的一年，面对复杂多变的国际政治经济环境和艰巨繁重的国内改革发展任务，"
            "全国各族人民在中国共产党领导下，同心同德，团结奋进。\n")
    info = _describe(text)
    assert info.genre == "work_report"
    assert "意见" not in info.title


def test_where_a_report_was_delivered_is_its_subtitle():
    # the dateline of a 2026 provincial report (gwr2026_gansu) and the occasion line of a congress report
    # (cpc_congress_19, ../shared/extcorpus); a dateline holding only a date says nothing more
    assert _describe(WEB_REPORT).subtitle == "二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上"
    congress = ("决胜全面建成小康社会\n为夺取新时代中国特色社会主义伟大胜利\n——在中国共产党第十九次全国代表大会上的报告\n"
                "（2017年10月18日）\n习　近　平\n同志们：\n现在，我代表第十八届中央委员会向大会作报告。\n")
    info = _describe(congress)
    assert info.subtitle == "在中国共产党第十九次全国代表大会上的报告"
    assert info.date == "2017-10-18"


@needs_shared("wildcorpus", "gwr2026_guangdong.txt")
def test_a_dateline_broken_over_two_lines_is_one_subtitle_and_an_adoption_is_none():
    # gwr2026_guangdong: ——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上
    from kb.load import load
    info = describe(clean(load(shared_path("wildcorpus", "gwr2026_guangdong.txt"))).text)
    assert info.subtitle == "2026年1月26日在广东省第十四届人民代表大会第五次会议上"
    # where a policy was adopted is no occasion it was delivered at
    from kb.genre import occasion
    assert occasion(["（2024年1月10日在市政府第35次常务会议上审议通过）"]) == ""
