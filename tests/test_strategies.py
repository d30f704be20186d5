"""Strategies: measures from proposal sections and enumerations, on real text of the seeds."""
from pathlib import Path

import pytest

from kb.clean import clean
from kb.extract.strategies import describes, extract_strategies, lead_clause, proposes, section_scope
from kb.structure import split_articles
from kb.types import Article, CleanText, RawDocument, Section, Strategy
from tests.conftest import needs_shared, shared_path

ROOT = Path(__file__).resolve().parents[1]
GWR_2024 = shared_path("extcorpus", "gwr_2024.txt")


def run_real(path: Path):
    raw = path.read_text(encoding="utf-8")
    cleaned = clean(RawDocument(source=path.name, path=str(path), text=raw))
    articles = split_articles(cleaned, path.name)
    return cleaned, articles, extract_strategies(cleaned, articles, path.name)


@pytest.fixture(scope="module")
def issue_003():
    return run_real(next((ROOT / "corpus").glob("003_*.txt")))


@pytest.fixture(scope="module")
def paper_004():
    return run_real(next((ROOT / "corpus").glob("004_*.txt")))


def one_section_doc(text: str, path: str, kind: str = "body") -> tuple[CleanText, list[Article]]:
    title = path.split(" > ")[-1]
    section = Section(title=title, path=path, kind=kind, level=path.count(" > ") + 1, start=0, end=len(text))
    return CleanText(text=text), [Article(index=0, title="t", start=0, end=len(text), sections=[section])]


# 001, section "四、…沿线互联互通的实践路径 > ( 一) 深化东中西部区域合作，推进区域间政策沟通"
ENUMERATION_001 = (
    "基于此，东中西部应该采取以下举措加强政策沟通，以深化东中西部战略合作，一是东中西部应确立绿色发展、"
    "共同发展、安全发展、开放发展、集约发展的共同发展理念，在这一基础上进行政策协调、政策沟通，建立基于各方"
    "利益的政策沟通协调机制，推动三方共同发展; 二是从中央层面成立区域协调发展领导小组，加强顶层设计，确保"
    "政策沟通更加务实有效的推进，并从中央层面定期召开东中西部省份的区域协调发展会议，建立严格的考核机制，作为"
    "官员晋升的重要指标; 三是东中西部应设立专门机构负责各方政策沟通，为政策沟通提供现实平台。")


def test_enumeration_is_split_into_one_row_per_item():
    path = "四、新时代区域协调发展战略下“一带一路”沿线互联互通的实践路径 > （一）深化东中西部区域合作"
    text, articles = one_section_doc(ENUMERATION_001, path)
    rows = extract_strategies(text, articles, "001.txt")
    assert [r.title for r in rows] == [
        "东中西部应确立绿色发展、共同发展、安全发展、开放发展、集约发展的共同发展理念",
        "从中央层面成立区域协调发展领导小组",
        "东中西部应设立专门机构负责各方政策沟通",
    ]
    # each item ends where the next begins; offsets open the item in the text
    assert rows[1].text.startswith("从中央层面成立") and rows[1].text.endswith("重要指标")
    assert ENUMERATION_001[rows[2].start:rows[2].end].startswith("三是东中西部应设立")
    assert all(r.source == "001.txt" and r.section == path for r in rows)


def test_enumeration_outside_proposal_sections_needs_a_proposal_cue():
    # 002: "…这就需要我们从以下几个方面进行系统思考：一是加强…。二是以数字经济…。" (cue: 需要, 从以下)
    cued = ("在新的发展背景下，区域协调发展要把构建高质量的区域经济布局放在更为核心位置，这就需要我们从以下几个"
            "方面进行系统思考：一是加强区域经济发展战略系统谋划。进一步理顺区域发展重大战略。"
            "二是以数字经济推动区域协调发展。数字经济可以超越空间距离。")
    text, articles = one_section_doc(cued, "四 我国区域协调发展的未来趋势")
    titles = [r.title for r in extract_strategies(text, articles, "002.txt")]
    assert titles == ["加强区域经济发展战略系统谋划", "以数字经济推动区域协调发展"]
    # 002 describing the past: "主要表现为：一是区际发展不平衡…二是…" is a list of problems, not measures
    uncued = ("但区域发展不平衡问题依然非常严重，主要表现为：一是区际发展不平衡，东部沿海的率先发展与西部一些地区"
              "的滞后发展并存；二是区内发展不平衡。")
    text, articles = one_section_doc(uncued, "二 党的十八大以来我国区域协调发展的历程")
    assert extract_strategies(text, articles, "002.txt") == []


def test_abstracts_and_references_give_no_rows():
    # 003 abstract of 西部大开发20年 (its measures are also headings in the body, found there)
    abstract = ("因此，需要以新发展理念为指导，推动经济高质量发展；以共建“一带一路”为引领，扩大高水平开放；"
                "坚持生态优先，筑牢国家生态安全屏障。")
    text, articles = one_section_doc(abstract, "abstract", kind="abstract")
    assert extract_strategies(text, articles, "003.txt") == []
    refs = "- [1] 姜玲. 多重战略叠加推动区域高质量发展[J]. 人民论坛·学术前沿, 2025, (04)."
    text, articles = one_section_doc(refs, "references", kind="references")
    assert extract_strategies(text, articles, "004.txt") == []


def test_numbered_headings_under_a_proposals_heading_are_measures(issue_003):
    cleaned, articles, rows = issue_003
    titles = [r.title for r in rows]
    # 003: "四、用可持续城市理念推动国家中心城市高质量发展的建议" > "1.以可持续城市理念引领…"
    assert "以可持续城市理念引领国家中心城市高质量、可持续发展" in titles
    assert "构建分散化、组团式的国家中心城市都市圈结构，并以此推动城市群建设" in titles
    # "五、加快形成西部大开发新格局的思考" > "1.以新发展理念为指导，推动经济高质量发展": the heading is the
    # title and the paragraph after it the text (kb.clean no longer glues the two)
    row = next(r for r in rows if r.title == "以新发展理念为指导，推动经济高质量发展")
    assert row.section.endswith("思考 > 1.以新发展理念为指导，推动经济高质量发展")
    assert row.text.startswith("加快推进西部地区新型城镇化进程")
    # the announcing heading itself is not a measure
    assert not any(t.endswith("高质量发展的建议") or t.endswith("新格局的思考") for t in titles)


def test_rows_never_come_from_abstracts_references_or_marked_spans(issue_003):
    cleaned, articles, rows = issue_003
    excluded = [s for a in articles for s in a.sections if s.kind != "body"]
    for r in rows:
        assert not any(s.start <= r.start < s.end for s in excluded), r.title
        assert not cleaned.overlaps(r.start, r.start + len(r.title), ("table", "meta", "english", "author"))
        assert cleaned.text[r.start:r.end].strip()


def test_row_count_stays_near_the_number_of_measures(issue_003):
    # 22 articles; 143 rows measured (159 before descriptive headings and lists were excluded).
    # Far more would mean prose sentences are being emitted.
    assert 60 <= len(issue_003[2]) <= 180


def test_unnumbered_measures_are_read_from_imperative_paragraph_leads(paper_004):
    # 004 "三、“一带一路”节点城市可持续发展路径探索": "强化国际物流通道抗风险能力。借鉴连云港…"
    titles = [r.title for r in paper_004[2]]
    for lead in ("强化国际物流通道抗风险能力", "破解产业同质化竞争困局", "深化人文交流合作纽带"):
        assert lead in titles
    # the section's opening prose ("在高质量共建…关键时期，…") is not a measure
    assert not any(t.startswith("在高质量共建") for t in titles)


@needs_shared("extcorpus", "gwr_2024.txt")
def test_government_work_report_tasks_not_review():
    cleaned, articles, rows = run_real(GWR_2024)
    titles = [r.title for r in rows]
    assert "大力推进现代化产业体系建设" in titles        # （一）大力推进…，加快发展新质生产力。
    assert "积极培育新兴产业和未来产业" in titles        # paragraph lead inside （一）
    assert not any("2023年工作回顾" in r.section for r in rows)


def test_scope_and_lead_clause():
    assert section_scope(Section("", "五、结论与启示 > 1.结论", "body", 2, 0, 1)) is False
    assert section_scope(Section("", "五、结论与启示 > 2.启示", "body", 2, 0, 1)) is True
    assert section_scope(Section("", "三、研究设计 > 2.数据来源与分析策略", "body", 2, 0, 1)) is False
    assert section_scope(Section("", "2 “一带一路”对于区域经济发展的意义", "body", 1, 0, 1)) is None
    # an order-like heading counts only where the headings above it do not announce findings
    assert section_scope(Section("", "四、案例分析与讨论 > 1.构建集群组织，推进网络化建设运营", "body", 2, 0, 1)) is False
    assert section_scope(Section("", "五、破解中国服务贸易发展现实问题的对策建议 > 2.加强服务贸易国际合作，"
                                     "建立全方位的开放合作体系", "body", 2, 0, 1)) is True
    assert not section_scope(Section("", "一、推进西部大开发形成新格局的背景", "body", 1, 0, 1))
    assert section_scope(Section("", "二、…迭代思维和开放思维 > 2.开放思维：置身国内外互联互通大体系中 > "
                                     "第一，应积极应对全球化与逆全球化的交织影响。", "body", 3, 0, 1)) is True
    assert lead_clause("推进区域间政策沟通，加强顶层设计。") == "推进区域间政策沟通"


def test_every_item_of_a_proposal_list_is_a_measure(issue_003):
    # 003 "以可持续城市理念推动国家中心城市高质量发展", "四、用可持续城市理念推动国家中心城市高质量发展的建议":
    # items 2 and 5 are headings printed over two lines ("2.构建分散化、组团式的国家中心城市都市圈" / "结构，并以此…")
    cleaned, articles, rows = issue_003
    items = [r for r in rows if r.article == "以可持续城市理念推动国家中心城市高质量发展"]
    assert [r.title for r in items] == [
        "以可持续城市理念引领国家中心城市高质量、可持续发展",
        "构建分散化、组团式的国家中心城市都市圈结构，并以此推动城市群建设",
        "将市郊铁路建设放到国家中心城市发展的突出位置，提高城市交通运行效率",
        "着力实施创新驱动发展战略，强化特色优势产业培育",
        "统筹做好城市生态和历史文化传承保护，厚植国家中心城市生态底色和文化底蕴",
        "建立适宜国家中心城市都市圈及城市群高质量发展的体制机制",
    ]
    assert items[1].section.endswith("> 2.构建分散化、组团式的国家中心城市都市圈结构，并以此推动城市群建设")
    assert items[1].text.startswith("都市圈是以一个经济势能强大的中心城市为核心")


def test_descriptions_findings_and_values_give_no_rows(issue_003):
    cleaned, articles, rows = issue_003
    sections = " ".join(r.section for r in rows)
    titles = [r.title for r in rows]
    assert "形成新格局的背景" not in sections          # 一、推进西部大开发形成新格局的背景
    assert "形成新格局的关键" not in sections          # 二、…的关键 > 第一，政府与市场的关系能否理顺。
    assert "有利于捕捉后疫情时期" not in sections      # 2.…合作的价值 > 第一，推进…合作，有利于捕捉…
    assert "案例分析与讨论" not in sections            # 四、案例分析与讨论 > 1.构建集群组织… (what It's OWL did)
    assert "创新是引领发展的第一动力" not in titles     # a judgement opening a measure's body
    assert not any(t.startswith("东部沿海地区的劳动密集型") for t in titles)   # a forecast
    # …while the proposals next to them stay
    assert "理清区域战略与区域政策的关系" in titles
    assert "创建集群组织" in titles                      # 五、结论与启示 > 2.启示 > 第一，创建集群组织…
    assert "应积极应对全球化与逆全球化的交织影响" in titles


def test_heading_body_holds_its_first_second_items_once(issue_003):
    # "3.深化服务贸易体制创新，缓解贸易结构失衡" / "第一，要持续提升…。第二，…": the heading's text is
    # the items' paragraph, and each item is one row
    cleaned, articles, rows = issue_003
    head = next(r for r in rows if r.title == "深化服务贸易体制创新，缓解贸易结构失衡")
    assert head.text.startswith("第一，要持续提升中国服务贸易的对外开放程度")
    assert [r.title for r in rows].count("要持续提升中国服务贸易的对外开放程度") == 1


def test_lists_of_qualities_trends_or_past_acts_are_not_measures():
    def items(*titles):
        return [Strategy("", "", "", t, t, 0, 1) for t in titles]
    # 003 "二、长三角更高质量区域一体化的要义": "一是经济发展的高质量。即…二是空间结构的高优化。…"
    assert describes(items("经济发展的高质量", "空间结构的高优化", "市场机制的高效率", "区域政策的高集成"))
    # 003 "…应积极关注产业运动新变化。具体而言，一是东部沿海地区的…产业将继续向中西部地区转移…"
    assert describes(items("东部沿海地区的劳动密集型、资源能源依托型、内陆消费市场拉动型产业将继续向中西部地区转移",
                           "大城市向周边中小城市转移功能及产业", "城市要素向农村扩散延伸", "陆海统筹发展不断强化"))
    # 002 "…强调了推进机制的创新：一是加强了区域战略之间的对接。…"
    assert describes(items("加强了区域战略之间的对接", "打破行政区划的束缚", "建立了区域协调的全球治理合作机制"))
    # 001 "东中西部应该采取以下举措加强政策沟通，…一是东中西部应确立…"
    assert not describes(items("东中西部应确立绿色发展、共同发展、安全发展、开放发展、集约发展的共同发展理念",
                               "从中央层面成立区域协调发展领导小组", "东中西部应设立专门机构负责各方政策沟通"))
    assert not proposes("推进西部大开发形成新格局的背景")
    assert not proposes("创新是推动历史前进的原动力")
    assert proposes("构建分散化、组团式的国家中心城市都市圈结构")
