"""Articles and sections found by kb.structure in real seed documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.clean import clean
from kb.load import load
from kb.structure import split_articles
from tests.conftest import needs_shared, shared_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
EXTCORPUS = shared_path("extcorpus")


def _split(path: Path):
    ct = clean(load(path))
    return ct, split_articles(ct, path.name)


def _seed(prefix: str) -> Path:
    return next(CORPUS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def issue():
    return _split(_seed("003"))


def _by_title(articles, title):
    return next(a for a in articles if a.title == title)


def test_issue_splits_into_its_articles(issue):
    _, articles = issue
    assert len(articles) >= 20
    flagged = [a for a in articles if a.title_flagged]
    assert len(flagged) <= 3


def test_article_front_matter(issue):
    ct, articles = issue
    a = _by_title(articles, "西部地区经济韧性与经济高质量发展的关系研究")
    assert a.authors == ["孙慧", "原伟鹏"]
    assert a.column == "西部大开发20年专题"
    assert a.abstract.startswith("基于西部大开发2000—2019年的西部地区面板数据")
    assert a.keywords == ["西部大开发20年", "经济韧性", "高质量发展", "数字经济"]
    assert a.english_title.startswith("A Study on the Relationship Between Economic Resilience")
    assert a.english_abstract.startswith("Based on the development of the western region")
    assert a.year == 2020
    assert ct.text[a.start:].startswith("【西部大开发20年专题】\n西部地区经济韧性与经济高质量发展的关系研究")


def test_three_authors_segmented_by_bios(issue):
    _, articles = issue
    a = _by_title(articles, "中国城镇化高质量发展的综合测度与演化特征")
    assert a.authors == ["赵玉", "谢啟阳", "丁宝根"]


def test_authors_segmented_by_english_names_when_no_bio(issue):
    _, articles = issue
    a = next(a for a in articles if a.title.startswith("世界级先进制造业集群竞争力提升机制及启示"))
    assert a.authors == ["张佩", "赵作权"]     # "Zhang pei Zhao Zuoquan"
    assert "*" not in a.title


def test_forum_essays_are_separate_articles(issue):
    ct, articles = issue
    essays = [a for a in articles if a.column == "笔谈"]
    assert len(essays) == 7
    a = _by_title(articles, "推进西部大开发形成新格局的三大关键问题")
    assert a.authors == ["肖金成"]
    # its title was printed at the foot of its first page; the essay starts after the previous bio
    assert ct.text[a.start:].startswith("中共中央、国务院于2020年5月发布的")
    prev = articles[a.index - 1]
    assert ct.text[prev.start:prev.end].rstrip().endswith("浙江大学区域研究中心首席专家（杭州 310058）。")


def test_lost_title_reconstructed_and_flagged(issue):
    _, articles = issue
    a = next(a for a in articles if a.english_title == "Measurement of High Quality Urban Rural Integration in China")
    assert a.title_flagged
    assert a.abstract.startswith("城乡高质量融合发展是新时代推进农村现代化的根本要求")


def test_article_without_banner_starts_at_its_title(issue):
    ct, articles = issue
    a = _by_title(articles, "中国城镇化高质量发展的综合测度与演化特征")
    assert ct.text[a.start:].startswith("中国城镇化高质量发展的综合测度与演化特征")
    prev = articles[a.index - 1]
    assert prev.title == "以可持续城市理念推动国家中心城市高质量发展"
    assert "数据来源于央视财经《经济信息联播》" in ct.text[prev.start:prev.end]


def test_heading_paths_and_section_kinds(issue):
    _, articles = issue
    a = _by_title(articles, "西部地区经济韧性与经济高质量发展的关系研究")
    paths = [s.path for s in a.sections]
    assert "三、实证结果分析 > 2.经济韧性与经济高质量发展的因果关系分析" in paths
    assert "三、实证结果分析 > 2.经济韧性与经济高质量发展的因果关系分析 > 第一，单位根检验。" in paths
    kinds = [s.kind for s in a.sections]
    assert kinds[:3] == ["front", "abstract", "keywords"]
    assert kinds[-1] == "english"


def test_sections_cover_articles_without_overlap(issue):
    ct, articles = issue
    for a in articles:
        assert a.sections
        assert a.sections[0].start == a.start and a.sections[-1].end == a.end
        for s, t in zip(a.sections, a.sections[1:]):
            assert s.end <= t.start
            assert ct.text[s.end:t.start].strip() == ""
    for a, b in zip(articles, articles[1:]):
        assert a.end <= b.start


def test_notes_section(issue):
    ct, articles = issue
    a = _by_title(articles, "继往开来的西部大开发——中国经济发展的旷世之举")
    notes = [s for s in a.sections if s.kind == "notes"]
    assert notes and ct.text[notes[0].start:].startswith("注释\n①新华社北京")


def test_single_paper_000_with_numbered_headings():
    _, articles = _split(_seed("000"))
    assert len(articles) == 1
    a = articles[0]
    assert a.keywords == ["“一带一路”", "区域经济", "创新发展"]
    assert a.abstract.startswith("“一带一路”倡议的提出")
    paths = [s.path for s in a.sections]
    assert "2 “一带一路”对于区域经济发展的意义 > 2.1“一带一路”能够缩小区域经济发展差异" in paths
    assert "引言" in paths


def test_markdown_paper_004():
    _, articles = _split(_seed("004"))
    assert len(articles) == 1
    a = articles[0]
    assert a.authors == ["王珺琪"]
    assert a.title.startswith("区域战略叠加视域下高质量共建“一带一路”")
    assert a.keywords[-1] == "协同实践"
    assert any(s.kind == "references" for s in a.sections)


def test_paper_002_title_over_two_lines():
    _, articles = _split(_seed("002"))
    assert len(articles) == 1
    assert articles[0].title == "党的十八大以来我国区域协调发展的实践进路、理论逻辑与趋势前瞻"
    assert "一 党的十八大之前我国区域发展战略的演变历程 > （一）“区域均衡发展”阶段" in [
        s.path for s in articles[0].sections]


@needs_shared("extcorpus")
def test_government_work_report_is_one_article():
    _, articles = _split(EXTCORPUS / "gwr_2019.txt")
    assert len(articles) == 1
    paths = [s.path for s in articles[0].sections]
    assert "三、2019年政府工作任务 > （二）激发市场主体活力，着力优化营商环境。" in paths


def test_headings_broken_or_glued_in_print_give_whole_section_paths(issue):
    ct, articles = issue
    paths = {s.path for a in articles for s in a.sections}
    assert ("四、用可持续城市理念推动国家中心城市高质量发展的建议 > "
            "5.统筹做好城市生态和历史文化传承保护，厚植国家中心城市生态底色和文化底蕴") in paths
    assert ("二、中国国家中心城市面临的主要挑战 > 2.以国家中心城市为核心的都市圈、城市群骨架正在形成过程中，"
            "城市功能尚未实现在都市圈、城市群大空间尺度优化") in paths
    assert "五、加快形成西部大开发新格局的思考 > 1.以新发展理念为指导，推动经济高质量发展" in paths
    assert "三、实现全年目标任务的对策建议 > 1.突出疫情防控常态化，聚焦“六稳”“六保”" in paths
    # numbered paragraphs of a book review are no headings
    assert not any(s.title.startswith(("2.谢里教授", "3.在全国和地区层面")) for a in articles for s in a.sections)


# ---------------------------------------------------------------- documents from the wild
WILD = shared_path("wildcorpus")


def _kinds(articles) -> dict[str, list]:
    out: dict[str, list] = {}
    for s in articles[0].sections:
        out.setdefault(s.kind, []).append(s)
    return out


@needs_shared("wildcorpus")
def test_every_document_of_the_wild_corpus_is_one_article_with_its_genre():
    expected = {"gwr2026_henan.txt": "work_report", "plan15_hangzhou.txt": "plan",
                "communique_2023_luoyang.txt": "communique", "chinaxiv_201906_00062.md": "paper",
                "pdf/communique_2023_zhoukou.pdf": "communique"}
    for name, genre in expected.items():
        articles = _split(WILD / name)[1]
        assert len(articles) == 1, name
        assert articles[0].genre == genre, name


@needs_shared("wildcorpus")
def test_a_single_paper_is_never_split_and_a_journal_issue_still_is(issue):
    articles = issue[1]
    assert len(articles) >= 22 and {a.genre for a in articles} == {"journal_issue"}
    assert len(_split(WILD / "chinaxiv_201909_00143.md")[1]) == 1


@needs_shared("wildcorpus")
def test_glossary_after_a_work_report_is_its_own_section():
    art = _split(WILD / "gwr2026_guangdong.txt")[1][0]
    glossary = _kinds([art])["glossary"]
    assert len(glossary) == 1 and glossary[0].title == "名词解释"
    assert glossary[0].end == art.end                        # runs to the end, numbered items included


@needs_shared("wildcorpus")
def test_plan_boxes_and_table_of_contents_are_marked():
    articles = _split(WILD / "plan15_suzhou.txt")[1]
    kinds = _kinds(articles)
    assert len(kinds["toc"]) == 1
    boxes = kinds["box"]
    assert len(boxes) >= 15
    assert boxes[0].path == "第二篇 加快发展新质生产力 构建现代化产业体系 > 第四章 扩大制造业规模优势 > 第三节 培育未来产业 > 专栏1 培育壮大新兴产业和未来产业" \
        or boxes[0].path.endswith("第三节 培育未来产业 > 专栏1 培育壮大新兴产业和未来产业")
    # the body resumes at the next chapter heading after a box
    after = next(s for s in articles[0].sections if s.start > boxes[0].start and s.kind == "body")
    assert after.title.startswith("第五章")


@needs_shared("wildcorpus")
def test_communique_notes_are_a_notes_section():
    art = _split(WILD / "communique_2023_luoyang.txt")[1][0]
    notes = _kinds([art])["notes"]
    assert notes and notes[-1].end == art.end


def test_work_report_tasks_nest_lead_sentences_under_numbered_headings():
    art = _split(WILD / "gwr2026_zhejiang.txt")[1][0]
    paths = [s.path for s in art.sections]
    assert "三、2026年重点工作 > （二）着力提升创新体系整体效能 > 持续做好“两篇大文章”。" in paths
    # a numbered paragraph (heading and body in one paragraph) heads its part too
    assert any(p.startswith("二、“十五五”时期的主要目标任务 > （一）聚焦加快建设创新浙江") for p in paths)
    # dash-led paragraphs sit below their heading, and the next numbered heading is not nested in them
    assert "二、“十五五”时期的主要目标任务 > ——更加注重秉持长期主义，推动可持续发展。" in paths
    assert not any("——" in p and "（一）" in p for p in paths)
    assert not any(p.endswith("各位代表！") for p in paths)   # a salutation is no lead


def test_shi_leads_on_their_own_lines_head_parts():
    art = _split(WILD / "gwr2026_guangdong.txt")[1][0]
    assert "一、2025年和“十四五”时期工作回顾 > 一是联合港澳承办十五运会和残特奥会。" in [s.path for s in art.sections]


def test_paper_levels_follow_the_numbering_even_when_1_1_comes_first():
    art = _split(WILD / "chinaxiv_201906_00062.md")[1][0]
    by_title = {s.title: s for s in art.sections if s.kind == "body" and s.title}
    assert by_title["2 经济开发区空间集聚特征"].level < by_title["2.2集聚强度及规模分析"].level
    assert by_title["2.2集聚强度及规模分析"].path == "2 经济开发区空间集聚特征 > 2.2集聚强度及规模分析"


def test_markdown_headings_glued_to_numbers_and_unlabelled_references():
    art = _split(WILD / "chinaxiv_202110_00025.md")[1][0]
    titles = [s.title for s in art.sections if s.kind == "body"]
    assert "1 引言" in titles and "5 结语" in titles
    assert any(s.kind == "references" for s in art.sections)
    assert not any("顾朝林" in s.title for s in art.sections)


def test_plan_chapters_nest_sections_and_a_cut_heading_is_joined():
    art = _split(WILD / "plan15_hangzhou.txt")[1][0]
    first = next(s for s in art.sections if s.title.startswith("第一节 人工智能开源生态枢纽"))
    assert first.path == ("第二篇 坚持“人工智能+”引领，加快建设人工智能创新发展第一城 > 第六章 聚力打造三大枢纽 > "
                          "第一节 人工智能开源生态枢纽")
    assert first.level == 3


def test_a_note_paragraph_inside_the_text_is_a_part_of_one_paragraph():
    from kb.types import RawDocument
    text = ("2023年洛阳市国民经济和社会发展统计公报\n洛阳市统计局\n2024年4月30日\n"
            "一、综合\n初步核算，全年全市生产总值达到5481.6亿元，按可比价计算，比上年增长3.5%。\n"
            "注：生产总值绝对数按现价计算，增长速度按不变价格计算。\n"
            "年末常住人口707.9万人，其中全市城镇常住人口477.3万人，常住人口城镇化率为67.42%。\n"
            "二、农业\n全年粮食总产量262.5万吨，比上年增长2.1%。\n")
    ct = clean(RawDocument(source="x.txt", path="x.txt", text=text))
    art = split_articles(ct, "x.txt")[0]
    kind_at = {ct.text[s.start:s.end][:6]: s.kind for s in art.sections}
    assert kind_at["注：生产总值"] == "notes"
    assert kind_at["年末常住人口"] == "body"


def test_journal_issue_articles_name_their_journal_from_the_running_head(issue):
    # the journal's name stands only in the running heads (`区域经济评论 2020年第5期`), which the
    # cleaning drops from the text; the references of its articles still name it, with the pages of
    # the articles that print an article number
    from kb import cite
    arts = issue[1]
    assert {a.journal for a in arts} == {"区域经济评论"}
    assert {a.issue for a in arts} == {"5"}
    cited = next(a for a in arts if a.pages == "85-93")
    assert cite.reference(cited).endswith("[J]. 区域经济评论, 2020(5): 85-93.")


@needs_shared("wildcorpus")
def test_a_plan_has_no_personal_authors_even_with_a_spaced_heading():
    # `序 言` under a plan's title looks like a two-character name; a plan speaks for its city
    path = shared_path("wildcorpus") / "plan15_suzhou.txt"
    _, arts = _split(path)
    assert arts[0].genre == "plan" and arts[0].authors == []
