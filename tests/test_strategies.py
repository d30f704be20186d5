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
    # a report's numbered heading is one sentence, and all of it is the title
    assert "大力推进现代化产业体系建设，加快发展新质生产力" in titles   # （一）大力推进…，加快发展新质生产力。
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


# ---------------------------------------------------------------- genres from the wild
def genre_doc(parts: list[tuple[str, str]], genre: str, kind: str = "body") -> tuple[CleanText, list[Article]]:
    """A document of `genre` whose sections are (heading path, text) in order; a path's last part
    is its heading line, printed at the start of its text."""
    text, sections = "", []
    for path, body in parts:
        start = len(text)
        title = path.split(" > ")[-1]
        text += (title + "\n" if title else "") + body + "\n"
        sections.append(Section(title=title, path=path or "body", kind=kind if title else "body",
                                level=path.count(" > ") + 1 if title else 0, start=start, end=len(text)))
    article = Article(index=0, title="t", start=0, end=len(text), sections=sections, genre=genre)
    return CleanText(text=text), [article]


# gwr2026_guangdong.txt: the review's 一是 items, then a task heading, its intro and lead paragraphs
GUANGDONG = [
    ("", "各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。"),
    ("一、2025年和“十四五”时期工作回顾",
     "一是联合港澳承办十五运会和残特奥会。\n认真落实“绿色、共享、开放、廉洁”的办赛理念。\n"
     "二是推动全省经济运行稳中有进、稳中向好。\n地区生产总值增长3.9%、总量连续37年居全国首位。"),
    ("三、2026年工作安排", "今年是“十五五”开局之年。主要预期目标是：地区生产总值增长4.5%—5%。"),
    ("三、2026年工作安排 > （一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群。",
     "服务“一国两制”大局，紧扣新发展格局的战略支点、高质量发展的示范地、中国式现代化的引领地“一点两地”全新定位，"
     "发挥好主力军和火车头作用。\n"
     "打造高质量发展动力源。深化广州、深圳双城联动、战略协同，支持广州实现老城市新活力。\n"
     "促进全省联动发展。提升大湾区自身综合竞争力和对全省辐射带动力。\n"
     "各位代表！奋进正当其时，实干成就未来。让我们更加紧密地团结在以习近平同志为核心的党中央周围。"),
]


def test_work_report_tasks_are_measures_and_its_review_is_not():
    text, articles = genre_doc(GUANGDONG, "work_report")
    rows = extract_strategies(text, articles, "report.txt")
    assert [r.title for r in rows] == [
        "久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群",
        "打造高质量发展动力源", "促进全省联动发展"]
    # the heading's text is what follows it; a lead paragraph's text is the whole paragraph
    assert rows[0].text.startswith("服务“一国两制”大局")
    assert rows[1].text.startswith("打造高质量发展动力源。深化广州")
    assert text.text[rows[2].start:rows[2].end].startswith("促进全省联动发展。")
    # the same text read as a paper (no genre rules) holds no proposals heading, so no lead counts
    text, articles = genre_doc(GUANGDONG, "other")
    assert "打造高质量发展动力源" not in [r.title for r in extract_strategies(text, articles, "x.txt")]


def test_communique_proposes_nothing():
    # communique_2023_luoyang.txt style: a numbered part with figures only
    text, articles = genre_doc([("一、综合", "初步核算，全年全市地区生产总值5481.6亿元，比上年增长3.5%。\n"
                                              "一是推进工业稳增长。二是加快项目建设。")], "communique")
    assert extract_strategies(text, articles, "c.txt") == []


def test_inline_numbered_task_is_titled_by_its_first_sentence():
    # gwr2026_guizhou.txt: the (五) heading is printed at the head of its paragraph
    para = ("（五）统筹推进城乡融合，加快乡村全面振兴。优化城乡要素流动和资源投入，提高城乡规划、建设、治理水平，"
            "推动兴业、强县、富民一体发展。")
    text, articles = genre_doc([("三、2026年工作安排", "围绕实现上述目标，重点抓好以下工作：\n" + para)], "work_report")
    rows = extract_strategies(text, articles, "r.txt")
    assert [r.title for r in rows] == ["统筹推进城乡融合，加快乡村全面振兴"]


def test_list_items_over_paragraphs_and_target_lists():
    # gwr2026_heilongjiang.txt: one 一是/二是 item per paragraph, in the five-year tasks
    tasks = ("一是奋力推进产业振兴，巩固壮大实体经济根基，建设更具竞争力的现代化产业体系。现代化产业体系是中国式现代化的物质技术基础。\n"
             "二是奋力推进科教振兴，以科技创新引领新质生产力发展，服务国家高水平科技自立自强。中国式现代化要靠科技现代化作支撑。\n"
             "十一是奋力推进高水平对外开放，加快构筑我国向北开放新高地，不断拓展高质量振兴发展空间。坚持开放合作、互利共赢。")
    # gwr2026_beijing.txt: the five-year targets in the same kind of list are not measures
    targets = ("《纲要草案》明确了今后五年的发展目标：一是首都功能持续提升，二是高质量发展迈上新台阶，"
               "三是全面深化改革取得新突破，四是群众生活品质不断提高，五是首都文化影响力明显增强。")
    text, articles = genre_doc([("二、“十五五”时期经济社会发展重点任务", tasks + "\n" + targets)], "work_report")
    titles = [r.title for r in extract_strategies(text, articles, "r.txt")]
    assert titles == ["奋力推进产业振兴，巩固壮大实体经济根基，建设更具竞争力的现代化产业体系",
                      "奋力推进科教振兴，以科技创新引领新质生产力发展，服务国家高水平科技自立自强",
                      "奋力推进高水平对外开放，加快构筑我国向北开放新高地，不断拓展高质量振兴发展空间"]


def test_plan_sections_boxes_and_named_programmes():
    # plan15_suzhou.txt: a 篇 intro naming a programme, a 章 over a 节, a lead paragraph, a 专栏 box;
    # the 发展基础 chapter of the same plan reviews the past
    parts = [
        ("第一篇 奋力谱写“强富美高”新苏州现代化建设新篇章 > 第一章 发展基础",
         "“十四五”时期，面对复杂严峻的外部环境，全市经济实力持续增强。\n推动高质量发展取得新成效。地区生产总值突破2.6万亿元。"),
        ("第二篇 加快发展新质生产力 构建现代化产业体系",
         "坚守实体经济，坚持智能化、绿色化、融合化方向，实施“苏州智造”强基提质工程，巩固制造业领先地位。"),
        ("第二篇 加快发展新质生产力 构建现代化产业体系 > 第四章 扩大制造业规模优势 > 第一节 巩固提升传统产业",
         "推进传统产业改造升级。深入实施传统产业焕新行动，持续推动冶金、化工、轻工、纺织等传统产业向高附加值环节攀升。"),
    ]
    text, articles = genre_doc(parts, "plan")
    box = "专栏1 培育壮大新兴产业和未来产业"
    box_text = "1. 新兴产业重点发展领域：生物医药及高端医疗器械、人工智能、半导体与集成电路。"
    text.text += box + "\n" + box_text + "\n"
    articles[0].sections.append(Section(box, articles[0].sections[-1].path + " > " + box, "box", 4,
                                        articles[0].end, len(text.text)))
    rows = extract_strategies(text, articles, "plan.txt")
    titles = [r.title for r in rows]
    assert titles == ["加快发展新质生产力 构建现代化产业体系", "实施“苏州智造”强基提质工程", "巩固提升传统产业",
                      "推进传统产业改造升级", "深入实施传统产业焕新行动", "培育壮大新兴产业和未来产业", "新兴产业重点发展领域"]
    programme = rows[1]
    assert text.text[programme.start:programme.end] == "实施“苏州智造”强基提质工程"
    assert programme.text.startswith("坚守实体经济")
    assert not any("2.6万亿" in r.text for r in rows)


def test_orders_and_statements():
    from kb.extract.strategies import is_order
    # gwr2026_zhejiang.txt / gwr2026_guangdong.txt leads open with verbs no list holds
    for order in ("千方百计激发民间投资活力", "多措并举扩大有效投资", "毫不松懈抓好安全生产和防灾减灾工作",
                  "提升科技创新质效", "高质量共建“一带一路”"):
        assert is_order(order), order
    for statement in ("2026年是“十五五”开局之年", "首都功能持续提升", "全面深化改革取得新突破",
                      "“十五五”时期在新疆现代化进程中具有承前启后的重要地位", "重点抓好八个方面工作",
                      "各位代表", "从规划编制的创新来看"):
        assert not is_order(statement), statement


def test_paper_noun_phrase_heading_under_a_proposals_heading():
    # chinaxiv_201809_00037.md: "3新目标与新探索 > 3.3新的探索引领 > 3.3.5智能园区建设与新型城市化"
    body = "3.3.5智能园区建设与新型城市化\n国家高新区要率先探索智能园区建设，推动产城融合。"
    text, articles = one_section_doc(body, "3新目标与新探索 > 3.3新的探索引领 > 3.3.5智能园区建设与新型城市化")
    assert [r.title for r in extract_strategies(text, articles, "p.md")] == ["智能园区建设与新型城市化"]
    # a noun-phrase heading in a findings part is not one (3.1…与2.1挑战的背景)
    body = "2.1挑战的背景\n当前，新一轮科技革命正在兴起。"
    text, articles = one_section_doc(body, "2新挑战与新思维 > 2.1挑战的背景")
    assert extract_strategies(text, articles, "p.md") == []


def test_ordinal_word_lists_in_proposal_sections(issue_003):
    # 003 "五、加快形成西部大开发新格局的思考 > 3.坚持生态优先…": "建立健全资源开发和生态补偿机制。首先，要
    # 深化自然资源及其产品价格的改革，…。其次，要进一步建立和完善生态保护补偿机制。…"
    titles = [r.title for r in issue_003[2]]
    assert "要深化自然资源及其产品价格的改革" in titles
    assert "要进一步建立和完善生态保护补偿机制" in titles
    # outside a proposals section a 首先/其次 list is an argument: 003 "一、…的现实依据" ("首先，之所以要…")
    assert not any(t.startswith("之所以") for t in titles)


WILD = shared_path("wildcorpus")


@needs_shared("wildcorpus")
def test_genre_from_the_text_decides_where_measures_are():
    # a provincial report: the (五) task printed at the head of its paragraph, none from the review
    cleaned, articles, rows = run_real(WILD / "gwr2026_guizhou.txt")
    assert articles[0].genre == "work_report"
    titles = [r.title for r in rows]
    assert "统筹推进城乡融合，加快乡村全面振兴" in titles
    assert "推动消费扩容升级提质" in titles                    # a lead sentence inside (一)
    assert not any("回顾" in r.section for r in rows)
    # a statistical communiqué proposes nothing
    cleaned, articles, rows = run_real(WILD / "communique_2023_luoyang.txt")
    assert articles[0].genre == "communique" and rows == []


def test_a_numbered_programme_is_one_row():
    # cpc_congress_20.txt "九、增进民生福祉，提高人民生活品质 > （二）实施就业优先战略。就业是最基本的民生。…"
    para = "（二）实施就业优先战略。就业是最基本的民生。强化就业优先政策，健全就业促进机制，促进高质量充分就业。"
    text, articles = genre_doc([("九、增进民生福祉，提高人民生活品质", para)], "work_report")
    rows = extract_strategies(text, articles, "r.txt")
    # the part's heading and the numbered task, not the task a second time as a named programme
    assert [r.title for r in rows] == ["增进民生福祉，提高人民生活品质", "实施就业优先战略"]


@pytest.mark.skipif(not WILD.exists(), reason="../shared/wildcorpus is not present")
def test_converted_paper_policy_section():
    # chinaxiv_201704_00222.md: "# 3政策建议" > "# 3.2“一带一路”建设需要与国内区域发展策略有机衔接";
    # the sub-heading names 策略 on its way and is a measure; the announcing heading is not
    cleaned, articles, rows = run_real(WILD / "chinaxiv_201704_00222.md")
    assert articles[0].genre == "paper"
    titles = [r.title for r in rows]
    assert "“一带一路”建设需要与国内区域发展策略有机衔接" in titles
    assert not any(t.endswith("政策建议") for t in titles)
    assert all("政策建议" in r.section for r in rows)


def test_marker_grammar_for_measures():
    from kb.headings import NUMBER_MARKER_RE, enumeration_value, marker_style, number_marker
    # the styles a numbered measure's body runs over or stops at (plan15_suzhou.txt, gwr2026_*.txt, 003)
    assert marker_style("第一节 巩固提升传统产业") == ("chapter", "节")
    assert marker_style("专栏1 培育壮大新兴产业和未来产业") == ("box",)
    assert marker_style("第一，要持续提升中国服务贸易的对外开放程度") == ("ordinal",)
    assert marker_style("3.2“一带一路”建设需要与国内区域发展策略有机衔接") == ("num", 1)
    assert NUMBER_MARKER_RE.match("（十一）繁荣发展社会主义文化").end() == 4
    assert NUMBER_MARKER_RE.match("2026年是“十五五”开局之年") is None
    # plan15_hangzhou.txt 专栏7, a table flattened into lines: "2个万亿级产业集群" is a count, not item 2
    assert number_marker("2个万亿级产业集群") is None and number_marker("2.国家实验室（基地）").end() == 2
    # heilongjiang's 十一是…, a paper's 首先/其次/最后
    assert enumeration_value("十一", 11) == 11
    assert enumeration_value("最后", 3) == 3 and enumeration_value("最后", 2) is None


def test_heading_text_runs_over_its_lead_paragraph_parts():
    # gwr2026_henan.txt: structure makes each lead paragraph a part below the （一） heading; the
    # heading's text is still what follows it
    heading = "（一）纵深推进融入和服务全国统一大市场"
    leads = ["突出重点事项攻坚。制定我省融入服务全国统一大市场建设行动方案。实施营商环境优化提升行动，完善产权保护。",
             "突出建设循环枢纽。建设联通境内外、辐射东中西的物流通道枢纽，提升郑州国际航空物流枢纽能级。"]
    top = "三、2026年重点工作安排"
    text = top + "\n" + heading + "\n" + "\n".join(leads) + "\n"
    sections, pos = [], 0
    for title, path, level in [(top, top, 1), (heading, f"{top} > {heading}", 2)] + \
            [(lead.split("。")[0] + "。", f"{top} > {heading} > {lead.split('。')[0]}。", 3) for lead in leads]:
        start = text.index(title, pos)
        sections.append(Section(title, path, "body", level, start, text.index("\n", start) + 1))
        pos = start + 1
    article = Article(index=0, title="t", start=0, end=len(text), sections=sections, genre="work_report")
    rows = extract_strategies(CleanText(text=text), [article], "r.txt")
    assert [r.title for r in rows] == ["纵深推进融入和服务全国统一大市场", "突出重点事项攻坚", "实施营商环境优化提升行动",
                                       "突出建设循环枢纽"]
    assert rows[0].text.startswith("突出重点事项攻坚。制定") and "突出建设循环枢纽" in rows[0].text
    # a plan chapter with nothing before its first 节 is told by its 节 headings
    parts = [("第五篇 着力扩大内需 > 第十五章 进一步激发消费活力", ""),
             ("第五篇 着力扩大内需 > 第十五章 进一步激发消费活力 > 第一节 持续推进城乡居民增收",
              "制定实施城乡居民增收计划，深化收入分配制度改革。"),
             ("第五篇 着力扩大内需 > 第十五章 进一步激发消费活力 > 第二节 打造服务消费标杆城市",
              "实施消费提振专项行动，突出“数字化”“国际范”。")]
    text, articles = genre_doc(parts, "plan")
    chapter = extract_strategies(text, articles, "p.txt")[0]
    assert chapter.title == "进一步激发消费活力"
    assert chapter.text == "第一节 持续推进城乡居民增收；第二节 打造服务消费标杆城市"


@pytest.mark.skipif(not WILD.exists(), reason="../shared/wildcorpus is not present")
def test_review_lead_paragraphs_under_an_unnumbered_heading_give_no_rows():
    # gwr2026_gansu.txt: "“十四五”时期工作回顾" is an unnumbered line; its "——这是…的五年。" paragraphs
    # review the past and the programmes they name were carried out, not proposed
    cleaned, articles, rows = run_real(WILD / "gwr2026_gansu.txt")
    assert rows and not any(r.section.startswith("——这是") for r in rows)
    assert "加力实施“绿满陇原”行动" in [r.title for r in rows]          # the 2026 task naming it
