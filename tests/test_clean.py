"""Repairs of kb.clean, each checked on real text from the seed corpus and the extcorpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.clean import analysis_text, clean, strip_footnote_markers
from kb.load import load
from kb.types import RawDocument
from tests.conftest import needs_shared, shared_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
EXTCORPUS = shared_path("extcorpus")
WILD = shared_path("wildcorpus")


def _seed(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def issue():
    """003: a whole journal issue (two-column PDF text, running heads, tables, English blocks)."""
    return clean(load(_seed("003")))


@pytest.fixture(scope="module")
def paper002():
    """002: full-width digits with footnote markers glued to numbers, page-foot notes."""
    return clean(load(_seed("002")))


def _span_kinds_at(ct, needle: str) -> set[str]:
    i = ct.text.index(needle)
    return {s.kind for s in ct.spans if s.start <= i < s.end}


def _line_of(ct, needle: str) -> str:
    i = ct.text.index(needle)
    start = ct.text.rfind("\n", 0, i) + 1
    end = ct.text.find("\n", i)
    return ct.text[start:end if end >= 0 else None]


# ---------------------------------------------------------------- footnote markers
def test_strip_footnote_markers_records_offsets():
    text, marks = strip_footnote_markers("比从２０１２年的１．８７下降至２０２１年的１．６８③。到２０２０年的１１８．５９④。")
    assert "１．６８。" in text and "１１８．５９。" in text
    assert [m for _, m in marks] == ["③", "④"]
    assert text[marks[0][0] - 4:marks[0][0]] == "１．６８"


def test_marker_glued_to_number_is_removed_not_read_as_digit(paper002):
    # raw: "２０２１年的１．６８③。" and "２０２０年的１１８．５９④。"
    text = paper002.text
    assert "２０２１年的１．６８。中国社科院" in text
    assert "１１８．５９。表明进入新" in text
    assert "１．６８③" not in text
    i = text.index("２０２１年的１．６８。") + len("２０２１年的１．６８")
    assert (i, "③") in paper002.footnotes
    assert "2021年的1.68。" in analysis_text(text)


def test_notes_section_keeps_its_markers(issue):
    # 注释 / ①新华社北京2020年5月17日电。②中共中央、国务院发…
    assert "①新华社北京2020年5月17日电。②中共中央、国务院发布的" in issue.text


def test_page_foot_notes_are_marked_meta(paper002):
    assert "meta" in _span_kinds_at(paper002, "刘秉镰，朱俊丰，周玉龙")


# ---------------------------------------------------------------- analysis view
def test_analysis_text_is_same_length_and_half_width():
    s = "由１９．６％提高到２０２１年的２１．１％，ＧＤＰ增长"
    a = analysis_text(s)
    assert len(a) == len(s)
    assert a == "由19.6%提高到2021年的21.1%,GDP增长"
    assert analysis_text("①⑴") == "①⑴"   # multi-char NFKC results are left alone


# ---------------------------------------------------------------- line joining and headings
def test_broken_lines_join_without_spaces_in_chinese(issue):
    assert "自1999年中央实施西部大开发战略以来，西部地区保持了持续发展的势头，总体面貌发生了显著变化。" in issue.text


def test_paragraph_breaks_survive(issue):
    # "…4个方面值得 / 特别重视。" ends a paragraph; "第一，对标先进地区…" starts the next
    assert "我认为其中4个方面值得特别重视。\n第一，对标先进地区，进一步优化发展软环境。" in issue.text


def test_running_heads_and_page_numbers_removed_across_page_break(issue):
    # raw: "坚持“生态优 / 5 / 区域经济评论 2020年第5期 / 先，绿色发展”"
    assert "坚持“生态优先，绿色发展”是新时代" in issue.text
    assert "区域经济评论 2020年第5期" not in issue.text
    assert "区域经济评论 2020.05" not in issue.text
    assert "REGIONAL ECONOMIC REVIEW" not in issue.text


def test_headings_stay_on_their_own_line(issue):
    assert _line_of(issue, "一、如何大保护") == "一、如何大保护"
    # heading printed on two lines: "二、形成西部地区梯次推进的 / 区域发展接力态势"
    assert _line_of(issue, "二、形成西部地区梯次推进的") == "二、形成西部地区梯次推进的区域发展接力态势"


def test_heading_broken_after_closing_quote_is_joined():
    ct = clean(load(_seed("001")))
    assert "\n四、新时代区域协调发展战略下“一带一路”沿线互联互通的实践路径\n" in ct.text


def test_numbered_heading_that_fills_its_line_is_not_glued_to_its_paragraph(issue):
    # raw: "1.以新发展理念为指导，推动经济高质量发展" (as wide as the column) / "加快推进西部地区新型城镇化进程，促进城乡"
    # Its siblings "2.以共建“一带一路”为引领，扩大西部高水平 / 开放" … are plain headings, so it is one too.
    assert "\n1.以新发展理念为指导，推动经济高质量发展\n加快推进西部地区新型城镇化进程，促进城乡融合发展。" in issue.text
    assert "\n1.突出疫情防控常态化，聚焦“六稳”“六保”\n随着新冠肺炎疫情形势趋缓" in issue.text
    assert "\n3.深化服务贸易体制创新，缓解贸易结构失衡\n第一，要持续提升中国服务贸易的对外开放程度" in issue.text


def test_heading_broken_over_two_or_three_lines_is_joined(issue):
    # raw: "5.统筹做好城市生态和历史文化传承保护，厚" / "植国家中心城市生态底色和文化底蕴" / "推动国家中心城市…"
    assert ("\n5.统筹做好城市生态和历史文化传承保护，厚植国家中心城市生态底色和文化底蕴\n"
            "推动国家中心城市高质量发展，要坚持生态优先") in issue.text
    # raw: "2.以国家中心城市为核心的都市圈、城市群骨" / "架正在形成过程中，城市功能尚未实现在都市圈、" / "城市群大空间尺度优化"
    assert ("\n2.以国家中心城市为核心的都市圈、城市群骨架正在形成过程中，城市功能尚未实现在都市圈、城市群大空间尺度优化\n"
            "从国际大都市发展规律看") in issue.text
    # a heading's short second line, and the paragraph after it
    assert "\n2.构建分散化、组团式的国家中心城市都市圈结构，并以此推动城市群建设\n都市圈是以一个经济势能强大的中心城市为核心" \
        in issue.text


def test_heading_after_a_short_caption_line_stays_a_heading(issue):
    # raw: "图2 开放、要素流动与经济增长的关系" / (running head) / "2.自贸试验区对高水平区域经济发展的助推" / "作用"
    assert "\n图2 开放、要素流动与经济增长的关系\n2.自贸试验区对高水平区域经济发展的助推作用\n" in issue.text


def test_numbered_paragraphs_of_a_book_review_stay_paragraphs(issue):
    # raw: "1.“以史为鉴，可知兴替”。该书…" / … / "2.谢里教授运用科思现代产权理论，将内生交易成" / "本融入到克鲁格曼…":
    # the list's first item is a paragraph, so the full-width numbered lines after it are too
    assert "\n2.谢里教授运用科思现代产权理论，将内生交易成本融入到克鲁格曼（Krugman）的“中心—外围”模型" in issue.text
    assert "\n3.在全国和地区层面，《制度安排、产业集聚与地区收入差距》一书通过实证研究" in issue.text


def test_numbered_headings_of_000_on_own_lines():
    ct = clean(load(_seed("000")))
    assert "\n2.1“一带一路”能够缩小区域经济发展差异\n" in ct.text
    assert "\n引言\n" in ct.text


def test_title_and_author_printed_inside_a_paragraph_are_moved_out(issue):
    # raw: "…还有低附加值的产业，是不是可 / 推进西部大开发形成新格局的三大关键问题 / 肖 金 成 / 以转移到西部地区？"
    assert "是不是可以转移到西部地区？" in issue.text
    assert _line_of(issue, "推进西部大开发形成新格局的三大关键问题") == "推进西部大开发形成新格局的三大关键问题"


def test_text_printed_twice_is_kept_once(issue):
    assert issue.text.count("以数字技术为核心的新基建，适应了新一轮科技革命") == 1


# ---------------------------------------------------------------- marked spans
def test_spaced_author_line_is_an_author_span(issue):
    assert _line_of(issue, "孙 慧 原 伟 鹏") == "孙 慧 原 伟 鹏"
    assert "author" in _span_kinds_at(issue, "孙 慧 原 伟 鹏")


def test_english_block_marked_and_joined_with_spaces(issue):
    assert "english" in _span_kinds_at(issue, "Sun Hui Yuan Weipeng")
    assert "english" in _span_kinds_at(issue, "Abstract: Based on the development of the western region")
    assert "High-Quality Economic Development in Western China" in issue.text
    # "urban and rural high-" / "quality integration" keeps its hyphen; no space is inserted
    assert "urban and rural high-quality integration" in issue.text


def test_metadata_lines_marked(issue):
    assert "meta" in _span_kinds_at(issue, "中图分类号：F061.5 文献标识码：A 文章编号：2095-5766（2020）05-0001-15")
    assert "meta" in _span_kinds_at(issue, "作者简介：孙慧，女，新疆大学经济与管理学院教授")
    # a fund note whose "基金项目" label the extraction lost
    assert "meta" in _span_kinds_at(issue, "人文社会科学重点研究基地重大招标项目")


def test_tables_marked_but_not_prose_with_numbers(issue):
    assert "table" in _span_kinds_at(issue, "表1 各地区GDP增速变化")
    cells = issue.text.index("表1 各地区GDP增速变化")
    assert issue.overlaps(cells, cells + 1)
    assert "table" in _span_kinds_at(issue, "0.000")
    # prose sentences full of figures stay prose
    assert not _span_kinds_at(issue, "人均GDP从4848.16元增加到53741.53元")
    assert not _span_kinds_at(issue, "表1显示了2000—2019年各地区的GDP增速")


# ---------------------------------------------------------------- other layouts
@needs_shared("extcorpus")
def test_extcorpus_paragraphs_are_not_merged():
    ct = clean(load(EXTCORPUS / "gwr_2019.txt"))
    lines = ct.text.split("\n")
    assert lines[0] == "各位代表："
    assert lines[1].startswith("现在，我代表国务院，向大会报告政府工作")
    assert "一、2018年工作回顾" in lines
    assert len(lines) > 80
    assert max(len(x) for x in lines) < 3000
    # "（PM" / "2.5" / "）浓度" is one run of text
    assert "细颗粒物（PM2.5）浓度" in ct.text


@needs_shared("extcorpus")
def test_work_report_heading_after_an_unfinished_line_stays_a_heading():
    # gwr_2000: "…各行各业和各单位都要坚持高标准、严要求，…" / "五、加快科技、教育发展，加强精神文明建设"
    ct = clean(load(EXTCORPUS / "gwr_2000.txt"))
    assert "五、加快科技、教育发展，加强精神文明建设" in ct.text.split("\n")


def test_markdown_decoration_removed():
    ct = clean(load(_seed("004")))
    assert ct.text.startswith("区域战略叠加视域下高质量共建“一带一路”")
    assert "内容摘要：在区域战略多重叠加的背景下" in ct.text
    assert "**" not in ct.text and "\n#" not in ct.text


def test_pages_recorded_for_paged_input():
    # a sentence running over a page break, with page numbers at the foot of each page
    raw = RawDocument(source="p.pdf", path="p.pdf", paged=True,
                      text="区域协调发展是进入新时代我国经济建设面\n临的重大时代课题，需要系统解题方案\n2\f"
                           "和持续推进的政策安排。\n党中央创造性地提出了方案。\n3")
    ct = clean(raw)
    assert ct.text == ("区域协调发展是进入新时代我国经济建设面临的重大时代课题，需要系统解题方案和持续推进的政策安排。\n"
                       "党中央创造性地提出了方案。")
    assert ct.page_at(0) == 1
    assert ct.page_at(ct.text.index("和持续推进")) == 2
    assert ct.page_at(ct.text.index("党中央")) == 2


def test_clean_of_the_whole_issue_keeps_its_text(issue):
    # Running heads, page numbers and padding go; the papers' text stays (measured 99.5 % of the Han
    # characters). Its speed is a figure of benchmarks/build_bench.py, not a test.
    raw = load(_seed("003")).text
    han = re.compile(r"[\u4e00-\u9fff]")
    assert len(han.findall(issue.text)) >= 0.98 * len(han.findall(raw))


# ---------------------------------------------------------------- text from the wild (wildcorpus)
def _clean_text(text: str, paged: bool = False):
    return clean(RawDocument(source="x.txt", path="x.txt", text=text, paged=paged))


def test_web_page_controls_source_lines_captions_and_related_tail_removed_or_marked():
    # the head and tail of a provincial report copied from a news site (gwr2026_beijing)
    ct = _clean_text("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年北京市政府工作报告\n"
                     "——2026年1月25日在北京市第十六届人民代表大会第四次会议上\n来源：北京日报\n时间：2026-02-02\n"
                     "北京市市长 殷勇\n殷勇同志作政府工作报告。本报记者 戴冰摄\n各位代表：\n"
                     "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。\n"
                     "各位代表！蓝图已经绘就，实干创造未来。\n相关报道：\n")
    lines = ct.text.split("\n")
    assert lines[0] == "2026年北京市政府工作报告"          # controls dropped, title on its own line
    assert "相关报道" not in ct.text and "全屏" not in ct.text
    assert "各位代表：" in lines                              # the salutation is not glued to the caption
    assert _span_kinds_at(ct, "来源：北京日报") == {"meta"}
    assert _span_kinds_at(ct, "本报记者 戴冰摄") == {"meta"}
    assert _span_kinds_at(ct, "——2026年1月25日") == {"meta"}
    assert not _span_kinds_at(ct, "现在，我代表")


def test_dashed_page_footers_dropped_before_tables_are_looked_for():
    # the first page of a communiqué PDF (communique_2023_qiandongnan): footer, issuer, date
    ct = _clean_text("— 1 —\n黔东南州统计局\n2024年5月7日\n2023年，在省委省政府和州委州政府的坚强领导下，全\n"
                     "州上下深入贯彻党的二十大精神。\n一、综 合\n根据市（州）生产总值统一核算结果，全年全州生产总\n"
                     "值1329.65亿元，比上年增长4.0%。\f— 2 —\n年末全州常住人口375.73万人。", paged=True)
    assert "— 1 —" not in ct.text and "— 2 —" not in ct.text
    assert ct.text.split("\n")[:2] == ["黔东南州统计局", "2024年5月7日"]
    assert not ct.spans_of("table")
    assert "全年全州生产总值1329.65亿元" in ct.text


def test_inline_tex_of_converted_papers_reads_as_text():
    ct = _clean_text("西北地区城镇化率由 $4 3 . 1 4 \\%$ 提高到 $5 4 . 9 0 \\%$ ，"
                     "显著性 $^ { * * * } p < 0 . 0 1$ ，见图 $\\textcircled{1}$ 。\n")
    assert ct.text.startswith("西北地区城镇化率由43.14%提高到54.90%，显著性***p<0.01，见图。")
    assert [m for _, m in ct.footnotes] == ["①"]


def test_markdown_images_dropped_html_tables_and_display_math_marked():
    md = ("# 基于PCA-TOPSIS的重庆市县域经济密度综合测度及时空演变\n\n"
          "![](images/5b625b7f205b7813db.jpg)\n\n"
          "张彬，谢贤健（内江师范学院地理与资源科学学院,四川内江 641100）\n\n"
          "$$\nE _ { i } = \\frac { s e p _ { i } ^ { - } } { s e p _ { i } ^ { + } + s e p _ { i } ^ { - } }\n$$\n\n"
          "<html><body><table><tr><td>地区</td><td>1997年</td></tr><tr><td>渝中区</td><td>0.860 0</td></tr>"
          "</table></body></html>\n\n正文第一段。\n")
    ct = _clean_text(md)
    assert "![](" not in ct.text
    lines = ct.text.split("\n")
    assert lines[0] == "基于PCA-TOPSIS的重庆市县域经济密度综合测度及时空演变"   # the # title stands alone
    assert lines[1].startswith("张彬")
    assert _span_kinds_at(ct, "E_i=") == {"formula"}
    assert _span_kinds_at(ct, "<td>渝中区</td>") == {"table"}
    assert not _span_kinds_at(ct, "正文第一段")


def test_one_paragraph_per_line_text_keeps_short_lines_apart_but_joins_broken_phrases():
    # extcorpus: a title block of short lines (gwr_2024); a lost subscript splitting a sentence (gwr_2014)
    lines = clean(load(EXTCORPUS / "gwr_2024.txt")).text.split("\n")
    assert lines[:2] == ["政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上"]
    assert "以细颗粒物（PM2.5）和可吸入颗粒物（PM）治理为突破口" in clean(load(EXTCORPUS / "gwr_2014.txt")).text


def test_cjk_radicals_read_as_the_ideographs_they_stand_for():
    # PDF fonts map 木/齐/飞 to the Kangxi radical ⽊ (U+2F4A) and the supplement's ⻬ (U+2EEC), ⻜ (U+2EDC)
    ct = _clean_text("⽊材加⼯业和⻬鲁⻜机公司，⻓江⻘年。\n")
    assert ct.text == "木材加工业和齐鲁飞机公司，长江青年。"


@needs_shared("wildcorpus")
def test_running_head_repeated_down_the_document_is_dropped_everywhere():
    # communique_2023_luoyang: the running head is the title with its words reordered, repeated a
    # page apart, the first copy inside the text
    ct = clean(load(WILD / "communique_2023_luoyang.txt"))
    assert "洛阳市2023年国民经济和社会发展统计公报" not in ct.text
    assert ct.text.startswith("2023年洛阳市国民经济和社会发展统计公报")
    assert "人均生产总值77434元，增长3.4%。\n年末常住人口707.9万人" in ct.text


def test_table_cells_repeated_close_together_are_kept(issue):
    assert "宁夏、新疆山西、河南、湖南、广西、海南、" in issue.text


def test_pdf_layout_spaces_removed_from_prose_but_kept_between_table_cells():
    # communique_2023_zhoukou / _qiandongnan (PDF text layers)
    ct = clean(load(WILD / "pdf" / "communique_2023_zhoukou.pdf"))
    assert "年末全市常住人口866.60万人。" in ct.text
    assert "全年全市地区生产总值同比增长4.8%。" in ct.text
    assert "全市常住人口 866.60" in ct.text                  # a row of table cells keeps its spaces
    ct = clean(load(WILD / "pdf" / "communique_2023_qiandongnan.pdf"))
    assert "第二产业增加值比重为22.1%、第三产业增加值比重为57.0%" in ct.text   # letter-spaced line closed up
    assert "范 恒 山" in clean(load(_seed("003"))).text      # a spaced-out author line is no letter-spaced prose


def test_a_page_turned_inside_a_word_does_not_end_the_paragraph():
    # communique_2023_qiandongnan: the next page's first line reads as indented
    text = clean(load(WILD / "pdf" / "communique_2023_qiandongnan.pdf")).text
    assert "实际利用外资金额60万美元" in text
    assert "村卫生室2803个，采供血机构4个" in text


def test_pdf_table_rows_printed_on_one_line_are_table_spans():
    ct = clean(load(WILD / "pdf" / "communique_2023_qiandongnan.pdf"))
    assert _span_kinds_at(ct, "全州总户籍人口") == {"table"}
    assert _span_kinds_at(ct, "#夏粮") == {"table"}
    assert not _span_kinds_at(ct, "全年全州农林牧渔业增加值290.41亿元")
    # prose with figures between its words is no row (003: "床位数由 2000 年的 23.25 张增加到 2018 年的 64.89")
    assert not _span_kinds_at(clean(load(_seed("003"))), "张增加到")


def test_a_tex_tie_between_digits_is_a_thousands_space():
    # chinaxiv_202006_00002: $2 ~ 9 7 0 \times 1 0 ^ { 4 }$ 人 is 2 970×10^4 people, not a range 2~970
    from kb.clean import latex_to_text
    assert latex_to_text(r"2 ~ 9 7 0 \times 1 0 ^ { 4 }") == "2970×10^4"
    assert latex_to_text(r"5 \sim 7") == "5~7"
