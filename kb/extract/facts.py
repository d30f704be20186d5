"""Numeric facts: each quantity a paper's prose states, attributed to a subject, an indicator and a
period, with its evidence sentence.

Attribution works clause by clause inside a sentence (clauses split at ，：), carrying what a
sentence states once for several figures: the period (`2000年重庆…10.4%，增长率为8.5%`), the
subject and the indicator (`…总额8181.55亿元，同比下降13.6%`). Carried values reset at a paragraph.
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.clean import analysis_text
from kb.extract.fact_kind import PLAN_LIST
from kb.extract.indicators import ADMIN_UNIT_NAMES, canonical_indicator, indicator_confidence, is_generic_measure
from kb.extract.numbers import Quantity, find_quantities, numeral_value
from kb.extract.periods import Period, find_periods, plan_years, with_year, years_of
from kb.extract.prose import SKIP_SPAN_KINDS, prose_sections
from kb.sentences import han_ratio, sentence_spans
from kb.types import Article, CleanText, Fact
_PLACES = Path(__file__).resolve().parent.parent / "data" / "places.txt"

# lines that carry numbers but no facts, whether or not the cleaner marked them
_META = re.compile(r"文章编号|中图分类号|文献标识码|收稿日期|基金项目|作者简介|通讯作者|DOI|doi:|E-mail|邮编"
                   r"|责任编辑|资料来源|数据来源"
                   r"|^\s*(?:续?表|图)\s*\d+(?:[.\-]\d+)*(?![.\-\d]|\s*(?:进一步|显示|表明|展示|列出|报告|给出|中|可知|所示))")
# (表7进一步通过…对比 and 表4展示了… are prose about a table; 表7 各变量… and 图2 2000年…分布图 are captions)
_CLAUSE_END = re.compile(r"[，,：:]")
# 在1%的水平上显著: a test's significance level, not a figure of the world
_SIGNIFICANCE = re.compile(r"\s*的?\s*(?:统计)?(?:显著性?水平|水平上?(?:显著|通过)|置信)")
_MEASURE_UNITS = {"%", "‰", "百分点", "倍"}
# units that count things; a Chinese numeral before them is mostly a word (一个, 两项, 三条)
# units after which a Chinese numeral states an amount (三千万元, 两百万人) rather than a word (二十国集团)
_CHINESE_NUMERAL_UNITS = {"元", "美元", "欧元", "人", "户", "吨", "公里", "千米", "平方公里", "平方千米", "亩", "公顷", "家", "标箱",
                          "千瓦", "千瓦时", "立方米"}


@dataclass
class Place:
    name: str
    kind: str
    canonical: str


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, Place], re.Pattern]:
    places = {}
    for line in _PLACES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        places[cols[0]] = Place(cols[0], cols[1], cols[2] if len(cols) > 2 else cols[0])
    # a city is also written with 市 (郑州市), which must not leave a stray 市 in the indicator;
    # 西部大开发 and 中欧班列 name a policy and a train service, not a place
    # letter-spaced print (西 部 地 区) names places too
    # 其中国家中心城市: the 中 of 其中 does not start 中国
    names = [("(?<!其)" if n.startswith("中") else "") + r"\s?".join(map(re.escape, n))
             + ("(?:市(?!场))?" if places[n].kind == "city" else "")
             for n in sorted(places, key=len, reverse=True)]
    return places, re.compile(f"(?:{'|'.join(names)})(?!大开发|班列)")


def _place_named(name: str) -> Place:
    places, _ = _places()
    name = re.sub(r"\s+", "", name)
    return places.get(name) or places[name[:-1]]


@dataclass
class _Carry:
    """What earlier clauses of the paragraph stated and later figures inherit."""
    period: str | None = None
    subject: str | None = None
    indicator: str | None = None
    change: str | None = None
    from_period: str | None = None   # the year of the last start point (由2012年的A…) of the sentence
    previous_from: str | None = None  # the same of the sentence before, when it ended with ； or ，
    heading_year: str | None = None  # the year the section's heading names, for year-less periods
    heading_place: str | None = None  # the one place the section's innermost naming heading names
    distribution: list = field(default_factory=list)   # the places of the last 分别 list (_Mention)
    stated_period: str | None = None
    variable: str = ""   # what the paragraph's last specific indicator measured, for a later bare 占比/差额
    differences: dict = field(default_factory=dict)   # 省域间 -> 省域间城镇化质量差异: what the paragraph's 差异 are of
    measure: str = ""    # the measure (增加值, 零售额) the paragraph's changes of kinds (股份制企业增长) are of
    previous_indicator: str | None = None   # the last figure's indicator of the sentence before (…事故数27起；死亡人数…)
    paragraph_period: str | None = None   # 五年来…, ——这是…的五年: the span the whole paragraph reviews  # the last period the paragraph stated (kept past 。, for 20年间)
    subject_at: int = -1             # offset of the sentence the carried subject was named in
    default_period: str | None = None  # the section's or document's period for undated figures
    gap_pair: str | None = None      # 'A与B' of the last sentence that spoke of the gap between two places
    gap_list: list = field(default_factory=list)   # the subjects of the last list of gaps (中西部地区, 东西部地区)
    first_years: dict = field(default_factory=dict)   # indicator -> (first single year stated for it, sentence offset)
    sentence_at: int = -1            # offset of the sentence being read
    stated_span: str | None = None   # the years the last sentence stated, first to last (2000—2019年)
    entering: tuple = (None, -1)     # (subject, subject_at) carried into the sentence being read
    named_before: dict = field(default_factory=dict)   # the last group or zone, city, province named (该集群, 该市)
    base_period: str | None = None   # 与2004年相比，…；: the base the account's changes are compared with


@dataclass
class _Document:
    """What the document says of all its figures, decided once per article from its metadata."""
    genre: str
    jurisdiction: str | None   # the place its figures are about when no sentence names one
    year: int | None           # its year (a communiqué's: the year it reports on)
    title_place: str | None = None   # the one place a paper's title names (中国西北地区城镇化质量…)
    reported_year: str | None = None   # the year a yearly report is of (…2024年政府信息公开工作年度报告)
    case: str | None = None   # the body a paper's title studies as its case (——以德国工业4.0旗舰集群为例)


def extract_facts(clean: CleanText, articles: list[Article], source: str) -> list[Fact]:
    """Every numeric fact in the prose of `articles` (tables, references, meta lines excluded)."""
    facts: list[Fact] = []
    norm = analysis_text(clean.text)
    for article in articles:
        doc = _document(article)
        doc.case = None if doc.title_place else _case_studied(article.title or "", clean.text[article.start:article.start + 1500])
        reading = _Reading()
        for start, end, path in prose_sections(article):
            if doc.genre == "work_report":
                part = _report_part(path, reading.part, doc)
                if part != reading.part or _heading_year(path.split(" > ")[-1]):
                    reading.span = None   # a new part, or a section headed by one year, ends a review of the span
                reading.part = part
            facts += _range_facts(clean, norm, article, doc, source, start, end, path, reading)
    return facts


@dataclass
class _Reading:
    """What a work report's sections so far say of the ones after them."""
    part: str | None = None   # review / plan / task (_report_part)
    span: str | None = None   # 过去的五年…, 这是…的五年。: the plan period the paragraphs after it review


def _document(article: Article) -> _Document:
    """The article's genre, jurisdiction and year as the structure stage recorded them (kb/genre.py),
    the jurisdiction in the place table's short form (河南省 → 河南) like subjects named in sentences."""
    genre = article.genre or "other"
    jurisdiction = article.jurisdiction or ""
    if jurisdiction:
        try:
            known = _place_named(jurisdiction)
            jurisdiction = known.canonical if known.kind != "generic" else jurisdiction
        except KeyError:
            pass
    return _Document(genre, jurisdiction or None, _article_year(article), named_place(article.title or ""),
                     _reported_year(article.title or ""))


# ——以德国工业4.0旗舰集群为例: the case a paper studies; 以…“It’s OWL”为例 in its abstract names it
_CASE = re.compile(r"以\s*(?P<case>[^，,。；为]{2,30}?)\s*为(?:例|研究对象|案例)")
_NAMED_CASE = re.compile(r"[“\"](?P<name>[A-Za-z][A-Za-z0-9’'.\- ]{1,30})[”\"]\s*为(?:例|研究对象|案例)")


def _case_studied(title: str, opening: str) -> str | None:
    """The body a paper's title names as its case (a zone, a cluster, a firm), by the name its opening
    gives it when that is a proper name in quotes (“It’s OWL”); None when the title names no case."""
    case = _CASE.search(title)
    if not case:
        return None
    named = _NAMED_CASE.search(opening)
    return named.group("name").strip() if named else re.sub(r"\s+", "", case.group("case"))


# …2024年政府信息公开工作年度报告, 2023年工作总结: a report on one year
_YEARLY_REPORT = re.compile(r"年度报告|年报|工作总结|年度总结")


def _reported_year(title: str) -> str | None:
    """The one year a yearly report's title names (某市人民政府2024年政府信息公开工作年度报告 → 2024年):
    its figures that nothing else dates are that year's."""
    return _heading_year(title) if _YEARLY_REPORT.search(title) else None


def named_place(heading: str) -> str | None:
    """The one place (or zone) a title or heading names, in the place table's form; None when it names
    none or several (西北地区与西南地区的对比), or only a generic word (全省) or a class of places (县域,
    国家中心城市都市圈, also of a country: 中国国家中心城市). A place right before another is narrowed by
    it (中国西北地区 → 西北地区) unless the other is a class of its places (重庆市县域 → 重庆); a country's
    zones are a topic of their own (中国国家高新区的30年建设…)."""
    _, pattern = _places()
    found = [_Mention(m.start(), m.end(), _place_named(m.group(0))) for m in pattern.finditer(heading)]
    names = set()
    for m in _with_zones(found, heading):
        host = next(f for f in found if f.start == m.start).place.kind
        after = next((f.place.kind for f in found if f.start == m.end), None)
        if host in ("generic", "category") or (after and (after != "category" or host == "country")):
            continue
        names.add(m.place.canonical)
    return names.pop() if len(names) == 1 else None


# a work report's parts: the review of the past year, and the year's tasks and targets
_REVIEW_HEADING = re.compile(r"回顾|过去|成就|成绩|成效|进展|开局|(?:发展|现实|坚实|良好)基础|现状")
_TASK_HEADING = re.compile(r"安排|任务|目标|部署|总体要求|重点工作")
# （一）放大促消费扩投资政策效应, 八、扎实推进…: a heading that gives an order heads the year's tasks
_ORDER_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*(?:加快|加大|加强|推进|推动|扎实|深入|深化|持续"
                            r"|坚持|坚决|着力|大力|全力|全面|切实|更好|更加|积极|不断|放大|提升|提高|强化|完善|健全|优化|促进|实施"
                            r"|打造|建设|构建|做强|做优|培育|扩大|统筹|守牢|用心|牢固|繁荣|久久为功|坚定|为|让|办好)")
# 年均增长, 累计新增, 连续5年: a work report's review of the whole plan period it closes
_FIVE_YEAR_CUE = re.compile(r"年均(?:增长|增速|提高|下降|增加)|累计|连续\s*[五5]\s*年|五年来")
# figures a work report or plan sets as targets, not results
_TARGET_CUE = re.compile(r"(?:预期|主要)目标(?:是|为|[:：])|目标是|力争|确保|争取|预计[^，,]{0,6}(?:达到|增长)")


_NUMBERED_HEADING = re.compile(r"\s*[一二三四五六七八九十]+、")


def _report_part(path: str, previous: str | None, doc: _Document) -> str | None:
    """The part of a work report a section belongs to: 'review' (the past year or plan period), 'plan'
    (the goals of the plan period ahead) or 'task' (this year's work). The outermost heading that says
    decides (二、“十五五”时期主要目标任务 > （四）…取得新成效 states a goal, not a result); a section whose
    headings say nothing is in the part of the section before it, since the sub-headings of a part do
    not repeat it (（七）加大保障和改善民生力度 > 持续办好为民实事 after 今年是“十五五”开局之年)."""
    for head in (path or "").split(" > "):
        if re.search(r"今年|本年", head):
            return "task"
        # a review comes first: past it, 取得新进展 in a sub-heading is a goal (三、… > 推动…取得新进展)
        if _REVIEW_HEADING.search(head) and (previous in (None, "review") or _NUMBERED_HEADING.match(head)):
            return "review"
        plans = [years_of(p.text)[-1] for p in find_periods(head) if p.text.startswith("“")]
        if plans:
            return "plan" if doc.year and plans[-1] >= doc.year else "review"
        if _TASK_HEADING.search(head) or _ORDER_HEADING.match(head):
            return "task"
    return previous


def _plan_horizon(doc: _Document, path: str, sentence: str) -> str:
    """The last year of the plan period ahead that the heading or the sentence names, else of the one
    the report's year opens or falls in."""
    ahead = [years_of(p.text)[-1] for p in find_periods(f"{path} {sentence}") if p.text.startswith("“")]
    ahead = [y for y in ahead if y >= (doc.year or 0)]
    return f"{ahead[0] if ahead else plan_years(doc.year or 0)[1]}年"


def _sets_target(sentence: str, part: str | None) -> bool:
    """Whether a sentence sets targets; in a review (where a report begins) 争取/确保 tell what was
    obtained or secured (争取中央预算内投资237亿元), not a target."""
    return any(part not in (None, "review") or cue.group(0) not in ("争取", "确保")
               for cue in _TARGET_CUE.finditer(sentence))


def _default_period(doc: _Document, path: str, sentence: str = "", targets: bool = False,
                    part: str | None = None) -> str | None:
    """The period of a figure that neither its sentence nor the ones before date: the single year its
    section heading names (or the last year of a five-year plan it names for targets); a communiqué's
    year; a work report's past year in its review, its own year for tasks and targets and the plan
    horizon for the goals of the plan period ahead (《纲要草案》…设置了29项主要指标); a plan's
    horizon (到2030年) outside its review of the past."""
    path = path or ""
    if doc.genre == "work_report" and doc.year and part == "plan":
        return _plan_horizon(doc, path, sentence)
    if doc.genre == "work_report" and doc.year and (targets or _sets_target(sentence, part)):
        if part != "task" and PLAN_LIST.search(sentence):
            return _plan_horizon(doc, path, sentence)
        return f"{doc.year}年"
    if (doc.genre == "work_report" and doc.year and plan_years(doc.year)[0] == doc.year
            and _FIVE_YEAR_CUE.search(sentence) and not _TASK_HEADING.search(path) and part != "task"
            and (not _heading_year(path) or any(p.text.startswith("“") for p in find_periods(path)))):
        return f"{doc.year - 5}—{doc.year - 1}年"   # 年均增长…, 累计…: the plan period the report closes
    heading = _heading_year(path)
    if heading:
        return heading
    plan = next((p for p in find_periods(path) if p.text.startswith("“")), None)
    if plan and not _REVIEW_HEADING.search(path):
        return f"{years_of(plan.text)[-1]}年"
    if not doc.year:
        return None
    if doc.genre == "communique":
        return f"{doc.year}年"
    if doc.reported_year:
        return doc.reported_year
    if doc.genre == "work_report":
        return f"{doc.year}年" if part == "task" else f"{doc.year - 1}年"
    if doc.genre == "plan":   # targets: the plan's last year; its review of the past: the year before it
        first, last = plan_years(doc.year)   # (年均增速达5.4% in the review: the plan period before it)
        if _REVIEW_HEADING.search(path):
            return f"{first - 5}—{first - 1}年" if _FIVE_YEAR_CUE.search(sentence) else f"{first - 1}年"
        return f"{last}年"
    return None


def _heading_year(path: str) -> str | None:
    """一、2020年上半年河南经济运行态势分析: the one year a heading path names, which dates the
    section's year-less periods (第一季度, 1—5月) and its undated figures; with the part of the year
    the heading names for all of them (2020年上半年)."""
    years = set(re.findall(r"((?:19|20)\d{2})\s*年(?!代)", path or ""))
    if len(years) != 1:
        return None
    parts = {p.text for p in find_periods(path) if p.has_year and not p.text.startswith("“")}
    return parts.pop() if len(parts) == 1 and re.search(r"年(?:上半年|下半年|前三季度)$", next(iter(parts))) \
        else f"{years.pop()}年"


def _range_facts(clean: CleanText, norm: str, article: Article, doc: _Document, source: str,
                 start: int, end: int, path: str, reading: _Reading | None = None) -> list[Fact]:
    facts: list[Fact] = []
    heading_year = _heading_year(path)
    # ——这是…的五年。 as a heading: every paragraph under it reviews that span
    heading_span = next((r for p in find_periods(path.split(" > ")[-1] if path else "") if p.duration
                         and (r := _duration_range(p, doc, None))), None)
    heading_place = next((p for head in reversed((path or "").split(" > ")) if (p := named_place(head))), None)
    reading = reading or _Reading()
    carry = _Carry(heading_year=heading_year, paragraph_period=heading_span or reading.span, heading_place=heading_place)
    last_end = start
    targets = False   # inside a list of targets (今年主要预期目标是：…；…；…。)
    cut: tuple[int, int] | None = None   # a prose sentence that ends mid-phrase (…西南地区的公路里程、高速)
    cut_by_table = False                 # and what came after it so far was a flattened table or a caption
    before_cut: _Carry | None = None     # what the sentences before the fragment left, to read it again
    for s, e in sentence_spans(clean.text, start, end):
        skipped = clean.overlaps(s, e, SKIP_SPAN_KINDS) or not _is_prose(clean.text[s:e])
        if skipped and cut is None and (cut := _fragment_before_caption(norm, s, e)):
            before_cut = dataclasses.replace(carry, first_years=dict(carry.first_years))
        skipped = skipped or (cut is not None and _is_caption_line(norm, s, e))
        if skipped and cut is not None:
            cut_by_table, last_end = True, e   # a table inside a sentence: what the fragment set goes on
            continue
        ended = clean.text[last_end - 1] if last_end > start else "。"
        continued = cut is not None and cut_by_table
        if continued:
            pass   # the rest of a sentence a table cut off
        elif last_end == start or ("\n" in clean.text[last_end:s] and ended not in "，,、"):
            if doc.genre == "work_report":
                _read_heading_line(norm[s:norm.find("\n", s) if "\n" in norm[s:end] else end], doc, reading)
                reading.span = _reviewed_span(norm[s:e], doc, reading.span)
                if _opens_past_year(norm[s:e], doc):
                    heading_span = None   # ——这是…的五年 > …刚刚过去的2025年，…: the span's heading ends here
            carry = _Carry(heading_year=heading_year, paragraph_period=heading_span or reading.span,
                           heading_place=heading_place)
        elif ended in _FULL_STOPS and not _CONTINUES.match(norm, s):
            carry.period = carry.base_period = carry.from_period = None
        if _ANOTHER_EXAMPLE.match(norm, s):
            carry.period = carry.stated_period = None   # 再如，日喀则国际陆地港…: not dated by the example before
        if doc.genre == "work_report" and reading.part == "review":
            reading.span = _span_looked_back_on(norm[s:e], doc) or reading.span
        targets = targets and ended in "；;，,：:"
        last_end = e
        if skipped:
            continue
        targets = targets or _sets_target(norm[s:e], reading.part)
        carry.default_period = _default_period(doc, path, norm[s:e], targets, reading.part)
        if continued:   # read again from where the fragment began, as one sentence
            carry = before_cut
            facts += _continued_facts(clean.text, norm, cut, s, e, carry, article, doc, source)
        else:
            cut = _cut_fragment(norm, s, e)
            before_cut = dataclasses.replace(carry, first_years=dict(carry.first_years)) if cut else None
            facts += _sentence_facts(clean.text, norm, s, cut[1] if cut else e, carry, article, doc, source)
        if continued or not cut:
            cut = None
        cut_by_table = False
    return facts


# 同年，西南地区的公路里程、高速 (then a flattened table): a sentence that stops inside a phrase after a
# clause mark (a table's header row, 指标名称 单位 比上年涨跌幅度, has none)
_CUT_OFF = re.compile(r"[，,、：:][^。！？!?；;]*[\u4e00-\u9fff]\s*$")


# 其创新“三节点枢 (then a photo's caption, then 纽一体化”运营体系…): a sentence that stops inside a quotation
_OPEN_QUOTE_CUT = re.compile(r"“[^”]*[\u4e00-\u9fff]\s*$")
# 投资总量从2000年的6100.72亿元图6 西北…变化（2000—2019年）: a figure's caption glued to a cut sentence (not
# 见图10, 如图9所示, 图8进一步反映了…: prose about a figure)
_GLUED_CAPTION = re.compile(r"(?<=[\u4e00-\u9fff\d%])(?<![见如从由据在])(?:续?表|图)\s*\d+(?:[.\-]\d+)*\s+(?=[\u4e00-\u9fff])")
# 连云港港口: a photo's caption, a short line of words alone between a cut sentence and its continuation
_CAPTION_LINE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}")


def _cut_fragment(norm: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of a prose sentence that stops mid-phrase, before the caption glued to it if one is,
    else None."""
    caption = _GLUED_CAPTION.search(norm, s, e)
    end = caption.start() if caption else e
    if _CUT_OFF.search(norm[s:end]) or _OPEN_QUOTE_CUT.search(norm[s:end]):
        return s, end
    return None


def _is_caption_line(norm: str, s: int, e: int) -> bool:
    """A short line of words alone in its paragraph (a photo's caption) while a cut sentence waits for
    the rest of it."""
    return (norm[s - 1:s] == "\n" and norm[e:e + 1] in ("\n", "")
            and bool(_CAPTION_LINE.fullmatch(norm[s:e])))


# …2018年中国服务贸易额占比下数据来源：作者由…整理所得。: a figure's source line glued to a cut sentence
_GLUED_SOURCE = re.compile(r"(?<=[\u4e00-\u9fff])(?:数据来源|资料来源)\s*[:：]")


def _fragment_before_caption(norm: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of a sentence cut off mid-phrase that the source line of a figure or table was glued to
    (此后服务贸易额占比逐年下降，2018年中国服务贸易额占比下 | 数据来源：…), else None."""
    glued = _GLUED_SOURCE.search(norm, s, e)
    if not glued:
        return None
    caption = re.search(r"[图表]\s*\d", norm[s:glued.start()])   # …出口类别集中图6 1997年和2019年…对比
    end = s + caption.start() if caption else glued.start()
    return (s, end) if _CUT_OFF.search(norm[s:end]) and _is_prose(norm[s:end]) else None


def _continued_facts(text: str, norm: str, cut: tuple[int, int], s: int, e: int, carry: _Carry,
                     article: Article, doc: _Document, source: str) -> list[Fact]:
    """The figures of a sentence a flattened table or caption cut in two (同年，西南地区的公路里程、高速 |
    table | 公路里程和铁路营业里程占全国的比重分别为20.23%、…), read with the fragment before the cut: the
    fragment is laid over the end of what cut it, so every offset stays the document's, and the rows
    keep the sentence after the cut as their evidence."""
    fragment = text[cut[0]:cut[1]].rstrip()
    joined_at = s - len(fragment)
    if joined_at < cut[1]:
        return _sentence_facts(text, norm, s, e, carry, article, doc, source)
    joined_text = text[:joined_at] + fragment + text[s:]
    joined_norm = norm[:joined_at] + norm[cut[0]:cut[0] + len(fragment)] + norm[s:]
    facts = [f for f in _sentence_facts(joined_text, joined_norm, joined_at, e, carry, article, doc, source)
             if f.start >= s]
    for f in facts:
        f.evidence, f.evidence_start = text[s:e], s
    return facts


# a line that stands as a heading though the structure stage kept it in the text: short, no clause marks
_HEADING_LINE = re.compile(r"[^。，,；;：:！!？?]{2,30}")


def _read_heading_line(line: str, doc: _Document, reading: _Reading) -> None:
    """A work report's part as a paragraph that is a heading line decides it (“十五五”时期的主要目标任务
    between the review and the goals ahead, 2026年重点工作), as `extract_facts` does for headings."""
    line = line.strip()
    if not _HEADING_LINE.fullmatch(line):
        return
    part = _report_part(line, reading.part, doc)
    if part != reading.part:
        reading.part, reading.span = part, None


def _reviewed_span(first: str, doc: _Document, span: str | None) -> str | None:
    """The span a work report's paragraphs review, as the first sentence of a paragraph leaves it:
    过去的五年极不寻常。 / 这是经济实力持续提升的五年。 open a review of the plan period that goes on
    over the paragraphs after it; 刚刚过去的2025年… ends it."""
    periods = find_periods(first)
    opened = next((r for p in periods if p.duration and (r := _duration_range(p, doc, None))), None)
    if opened:
        return opened
    return None if any(p.has_year or p.offset_years is not None for p in periods) else span


# 刚刚过去的2025年，…; 2025年是…; 过去一年，…: a paragraph that opens on the report's past year
_PAST_YEAR_OPENING = re.compile(r"(?:刚刚|刚)?过去的?")


def _opens_past_year(first: str, doc: _Document) -> bool:
    """Whether the first sentence of a work report's paragraph opens on the year before the report
    (刚刚过去的2025年，全省上下…；2025年是…；过去一年，…): an account of that year, even under a heading
    that reviews the plan period (——这是攻坚克难…的五年。 kept by the structure stage over the paragraphs
    after it)."""
    periods = find_periods(first)
    if not periods or not doc.year:
        return False
    p = periods[0]
    lead = first[:p.start].strip()
    if lead and not _PAST_YEAR_OPENING.fullmatch(lead):
        return False
    return (p.offset_years == -1 and not p.duration) or (p.has_year and years_of(p.text) == [doc.year - 1]
                                                          and not p.text.startswith("“"))


# 回望过去五年, 五年来, 这五年: a review of the plan period the report closes, opened inside a paragraph
_LOOKING_BACK = re.compile(r"过去|来$|^这")


def _span_looked_back_on(sentence: str, doc: _Document) -> str | None:
    """The span a sentence inside a paragraph of a report's review opens for the paragraphs after it
    (2025年主要目标任务的完成，标志着“十四五”规划顺利收官。回望过去五年，…); None for 近五年来最高 and for
    spans other than the plan period (七十年来)."""
    for p in find_periods(sentence):
        if (p.duration and numeral_value(p.duration) == 5 and _LOOKING_BACK.search(p.text)
                and not _RECORD.match(sentence, p.end)):
            return _duration_range(p, doc, None)
    return None


# a period carries past 。 only into a sentence that continues the same account; past ； and a
# line broken mid-sentence (…13.97亿元，\n同比增长3.9%) it always does
_FULL_STOPS = "。！？!?”’」』）)】"
_CONTINUES = re.compile(r"\s*(?:其中|同期|同年|当年|该年|这一年|同比|环比|比上年|较上年|期间|此间|截至当年)")


# 再如, 又如: a sentence that opens another example
_ANOTHER_EXAMPLE = re.compile(r"\s*(?:再如|又如|再比如|另如)")


def _is_prose(sentence: str) -> bool:
    if _META.search(sentence):
        return False
    # flattened table rows: mostly digits and separators
    return han_ratio(sentence) >= 0.3


# 为近10年来最高: a span that qualifies a record, not the period of the figures
_RECORD = re.compile(r"\s*(?:的|以来)?\s*(?:最高|最低|最大|最小|最好|最快|最多|最少|新高|新低|之最)")


def _sentence_facts(text: str, norm: str, s: int, e: int, carry: _Carry,
                    article: Article, doc: _Document, source: str) -> list[Fact]:
    sentence = norm[s:e]
    carry.sentence_at = s
    quantities = _fact_quantities(find_quantities(sentence), sentence)
    periods = _dated([p for p in _outside_titles(find_periods(sentence), sentence)
                      if not (p.duration and _RECORD.match(sentence, p.end))], doc,
                     carry.stated_span or carry.period or carry.stated_period)
    periods = _same_year_before_a_later_one(periods, carry)
    carry.paragraph_period = next((p.text for p in periods if p.duration), carry.paragraph_period)
    mentions = _mentions(sentence, periods, quantities, _is_local(doc), carry.named_before)
    ctx = _Context(text, article, s, doc)
    facts = []
    carry.previous_from, carry.from_period = carry.from_period, None
    topic = _topic_indicator(sentence, periods, mentions)
    if topic:
        carry.indicator = topic
    carried = carry.entering = carry.subject, carry.subject_at
    carry.differences.update((m.group(1), m.group(0)) for m in _NAMED_DIFFERENCE.finditer(sentence))
    if not quantities:
        gap_of = _gap_variable(sentence, mentions)
        if gap_of and not carry.variable.endswith(gap_of):   # 贸依存度差距 cut from 外贸依存度: keep the whole
            carry.variable = gap_of
        _carry_period(carry, periods, sentence)
        _carry_subject(carry, mentions, sentence, len(sentence), ctx)
        _keep_bodies_to_their_sentence(carry, carried, mentions)
        carry.gap_pair = _pair_of_gap(sentence, mentions, ctx) or carry.gap_pair
        carry.named_before = _named_before(mentions, sentence, carry.named_before)
        return facts
    respective = _respective_subjects(quantities, mentions, sentence, carry)
    respective_years = {id(q): y for group in _list_groups(quantities, sentence)
                        for q, y in zip(group, _listed_periods(group, sentence))}
    respective_years.update(_year_sequence(quantities, sentence))
    positions = {id(q): i for group in _list_groups(quantities, sentence) if len(group) > 1 for i, q in enumerate(group)}
    group_sizes = {id(q): len(group) for group in _list_groups(quantities, sentence) if len(group) > 1 for q in group}
    gaps: list[str | None] = []   # the subjects of the current list's gaps
    named = _respective_indicators(quantities, periods, mentions, sentence)
    stated: list[tuple[str | None, str | None]] = []   # (indicator, period) of each earlier figure
    owners: list[str | None] = []   # the subject of each earlier figure
    units: list[str] = []           # the unit of each earlier figure
    topic = carry.subject           # what the figures are said of, for the places compared with it
    previous_end = 0
    span: tuple[int | None, int | None] = (None, None)   # years of the last start and end point
    ranged: str | None = None   # the last span a figure of the sentence was given (2000—2019年)
    for q in quantities:
        clause = _clause_start(sentence, q.start)
        in_list = previous_end > clause and _LIST_GAP.fullmatch(sentence[previous_end:q.start])
        frm = _from_of(sentence, clause, q)
        period = _since_range(_period_for(q, periods, carry, sentence, _from_to_gap(sentence, frm, q)), doc)
        period = respective_years.get(id(q), period)
        subject, owner = _subject_for(q, clause, previous_end, mentions, sentence, carry, ctx)
        if id(q) in respective:
            owner = respective[id(q)]
            subject = _resolve(owner.place, ctx, owner.start)
        subject, subject_source = _subject_with_source(subject, owner, carry, ctx)
        if owner is not None and owner.start < 0:
            subject_source = "previous"   # a 分别 list of an earlier sentence (两地区…)
        if in_list:
            indicator, change = _counted_noun(sentence, q) or carry.indicator, carry.change
        else:
            indicator, change = _indicator_for(q, clause, previous_end, frm, sentence, periods, mentions,
                                               owner, carry)
            carry.change = change
        if id(q) in named:
            indicator = _gap_to_place(_respective_share(named[id(q)], sentence, clause, q), sentence[clause:q.start])
        elif id(q) in (shares := _shares_of_stated(quantities, sentence, len(stated))):
            indicator, period = stated[shares[id(q)]]
            indicator = _respective_share(indicator or "", sentence, clause, q)
        whole = _scoped(_sub_item(indicator, stated, sentence, clause, q.unit in _COUNT_UNITS), stated)
        whole = _outcome_of(whole, sentence, clause)
        if whole != indicator and carry.indicator == indicator:
            carry.indicator = whole   # the clauses after it speak of the part with its measure
        indicator = whole
        indicator = _with_shared_measure(indicator, q, stated, units)
        indicator = _with_earlier_scope(indicator, stated or ([(carry.previous_indicator, None)] if clause == 0 else []))
        indicator = _with_sibling_measure(indicator, q, stated, units, "其中" in sentence[:clause])
        if indicator and q.unit in ("公里", "千米") and _ROUTE.search(indicator) \
                and not re.match(r"\s*(?:的)?(?:范围|半径|以内|之内|以外)", sentence[q.end:]):
            indicator += "里程"   # 一级公路236公里, 县道5096公里: the length of a kind of route
        if indicator and len(indicator) < 2 and stated and _variable_of(stated[-1][0]):
            indicator = _variable_of(stated[-1][0])   # …为43.77%，比全国平均水平54.64%低近11个百分点
        if is_generic_measure(indicator) and in_list and stated and (stated[-1][0] or "").endswith(indicator or "-"):
            indicator = stated[-1][0]   # 从523.66元和7003.77元: the list member measures what the first did
        elif is_generic_measure(indicator) and not in_list:
            indicator = _with_variable(indicator, stated, sentence, clause, previous_end, periods, mentions,
                                       carry.variable)
        if id(q) in respective:
            pair = _compared_pair(subject, owner, indicator, sentence, topic)
        else:
            pair = (_listed_gap(q, indicator, sentence, mentions, carry, positions.get(id(q)), group_sizes.get(id(q), 1))
                    or _gap_pair(q, indicator, sentence, mentions, carry, ctx, owners, positions.get(id(q))))
            topic = subject or topic
        if pair:
            subject, subject_source = pair
        owners.append(subject)
        gaps = _gap_list(gaps, subject, indicator, positions.get(id(q)), group_sizes.get(id(q), 1), carry)
        if change and change.endswith("(起点)"):
            period = _start_point_period(q, frm, periods, period, carry)
        period = _ranged_period(q, change, period or _in_span(carry.paragraph_period, change, sentence[clause:q.start], q.unit,
                                                              sentence[q.end:_clause_end(sentence, q.end)])
                                or (carry.stated_period if doc.genre in ("paper", "journal_issue") else None)
                                or _in_span(carry.default_period, change, sentence[clause:q.start], q.unit),
                                periods, sentence, clause, carry.base_period)
        if change and change.endswith("(起点)") and period == carry.default_period:
            period = _start_of_target(period, doc)
        span, period = _after_from_to(change, period, span)
        if q.unit == "倍" and stated and _OF_THE_FORMER.search(sentence[clause:q.start]):
            indicator, period = _multiple_of_former(stated[-1][0], period, span)
        elif q.unit == "倍" and stated and stated[-1][0] and (base := _MULTIPLE_OF_BASE.fullmatch(sentence, clause, q.start)):
            indicator, change = stated[-1][0], f"是{base.group('base')}的"   # 新设企业…，是前20年同一区域设立企业数的1.5倍
        period = _since_stated(q, indicator, change, period, carry, sentence[clause:q.start],
                               [y for p in periods if p.has_year and not p.duration and p.end <= q.start
                                for y in years_of(p.text)])
        # 年均 of the figure or of the list it is in (not …年均增长5%左右、迈上3万亿元台阶)
        yearly = "年均" in sentence[clause:q.start] and bool(in_list or "年均" in sentence[max(clause, previous_end):q.start])
        period = _yearly_over_plan(period, sentence[:q.start], doc, yearly)
        years = years_of(period)
        if (len(years) == 1 and yearly and ranged
                and years_of(ranged)[-1] == years[0] and re.fullmatch(r"\d{4}年", period)):
            period = ranged   # …增加26.08个百分点，年均增长率为1.3%: the yearly average over the change's span
        ranged = period if len(years_of(period)) == 2 else ranged
        if id(q) in respective_years:   # 2000年和2008年…分别为A和B，扩大了3倍: a later change spans the listed years
            listed = years_of(respective_years[id(q)])
            span = (span[0] if span[0] and span[1] else listed[0], listed[-1]) if listed else span
        if (q.unit == "倍" and units and units[-1] == "倍" and len(years_of(stated[-1][1])) == 2
                and not any(clause <= p.start < q.start for p in periods)):
            period = stated[-1][1]   # …分别是2003年的14.87、15.03、9.16倍，西北地区分别是12.68…倍: the same base
        stated.append((indicator, period))
        if indicator and not change and re.fullmatch(r"\d{4}年", period or ""):
            carry.first_years.setdefault(indicator, (years_of(period)[0], s))
        units.append(q.unit)
        carry.variable = _variable_of(indicator) or carry.variable
        previous_end = q.end + _counted_length(sentence, q)
        qualifier = q.qualifier or _share_qualifier(sentence, clause, q)
        indicator = _as_multiple_of_year(_bracket_closed(_as_added(indicator, sentence[clause:q.start], q.unit)),
                                         sentence, clause, q)
        indicator = _difference_of(indicator, carry.differences)
        change = change or _gap_to_base(sentence[clause:q.start], q.unit)
        counted = len(units) > 1 and units[-2] in _COUNT_UNITS and stated[-2][0] == stated[-1][0]
        indicator, confidence = _kind_measured(indicator, q, change, carry, counted)
        indicator = _share_of_the_rest(_counted_by_predicate(indicator, sentence, q), sentence, clause, q)
        indicator = _members_of(indicator, sentence, clause, q)
        if indicator and _GAP_WORD.search(sentence[clause:q.start]) and "差" not in indicator:
            indicator += "差距"   # 东西部在两个指标上的差距分别为8.64%和32.72%: gaps of what the list named
        for value, raw_start, raw_end, end_change in _values(q, change, sentence):
            facts.append(Fact(
                source=source, article=article.title, subject=subject,
                indicator=indicator, value=value, unit=q.unit, raw=text[s + raw_start:s + raw_end],
                evidence=text[s:e], start=s + raw_start, end=s + raw_end, period=period,
                change=end_change, qualifier=qualifier,
                indicator_canonical=canonical_indicator(indicator),
                evidence_start=s, evidence_end=e, subject_source=subject_source,
                indicator_confidence=confidence or indicator_confidence(indicator, q.raw)))
    _levels_named_later(facts)
    carry.previous_indicator = facts[-1].indicator if facts else None
    _keep_bodies_to_their_sentence(carry, carried, mentions)
    carry.named_before = _named_before(mentions, sentence, carry.named_before)
    _carry_period(carry, periods, sentence)
    carry.gap_pair = _pair_of_gap(sentence, mentions, ctx) or carry.gap_pair
    # a later sentence reuses the list's places by position only (no offsets into this sentence)
    carry.distribution = [dataclasses.replace(m, start=-1, end=-1) for m in carry.distribution]
    return facts


@dataclass
class _Context:
    """Where a sentence sits: the document text, its article and the sentence's offset."""
    text: str
    article: Article
    offset: int
    doc: _Document


# 西北地区与西南地区的差距…, 两地区…相差: a gap belongs to the pair it is between
_GAP_WORD = re.compile(r"差距|差额|相差|差值|净差")
_PAIR_LINK = re.compile(r"\s*(?:与|和|同|及)\s*")


# 中东部地区, 东西部地区: two regions named as one (the pair of a gap, or both sides compared)
_COMPOUND_REGION = re.compile(r"([东中西])([东中西])部(?:地区)?")


def _gap_pair(q: Quantity, indicator: str | None, sentence: str, mentions: list[_Mention], carry: _Carry,
              ctx: _Context, owners: list[str | None], position: int | None = None) -> tuple[str, str] | None:
    """(subject, source) for a figure of the gap between two places: 'A与B'; None otherwise.
    `position`: the figure's place in a list of figures (A、B和C), if it is in one."""
    clause = _clause_start(sentence, q.start)
    if not (_GAP_WORD.search(indicator or "") or _GAP_WORD.search(sentence[clause:q.start])):
        return None
    before = [m for m in mentions if m.end <= q.start]
    # 西部地区与东部地区及全国平均水平的差距分别为A和B: A is the gap to 东部地区, B to 全国
    for a, b, c in zip(before, before[1:], before[2:]):
        if (position is not None and position < 2
                and _PAIR_LINK.fullmatch(sentence[a.end:b.start]) and _LISTED.fullmatch(sentence[b.end:c.start])):
            other = (b, c)[position]
            return f"{_resolve(a.place, ctx, a.start)}与{_resolve(other.place, ctx, other.start)}", "sentence"
    # 西部地区与中东部地区…的差额分别为A和B: a compound of two regions is compared one by one
    for a, b in zip(before, before[1:]):
        compound = _COMPOUND_REGION.fullmatch(b.place.name)
        if compound and position is not None and position < 2 and _PAIR_LINK.fullmatch(sentence[a.end:b.start]):
            return f"{_resolve(a.place, ctx, a.start)}与{compound.group(position + 1)}部地区", "sentence"
    stated = list(dict.fromkeys(o for o in owners if o))
    if (_GAP_WORD.search(sentence[clause:q.start]) and len(stated) >= 2
            and not any(clause <= m.start for m in before)):
        return f"{stated[-2]}与{stated[-1]}", "sentence"   # A…是X元，而B…只有Y元，相差约5倍
    for a, b in reversed(list(zip(before, before[1:]))):
        if _PAIR_LINK.fullmatch(sentence[a.end:b.start]) and a.place.kind == b.place.kind:
            return f"{_resolve(a.place, ctx, a.start)}与{_resolve(b.place, ctx, b.start)}", "sentence"
    if "两地区" in sentence[:q.start] and len(carry.distribution) == 2:
        a, b = carry.distribution
        return f"{_resolve(a.place, ctx, a.start)}与{_resolve(b.place, ctx, b.start)}", "previous"
    if carry.gap_pair and not before:   # 其GDP差额从…; 2019年为…: the gap the sentence before spoke of
        return carry.gap_pair, "previous"
    return None


def _listed_gap(q: Quantity, indicator: str | None, sentence: str, mentions: list[_Mention], carry: _Carry,
                position: int | None, n: int) -> tuple[str, str] | None:
    """中西部地区和东西部地区的GDP差额分别为A和B。…相应差额扩大到C和D，分别是2000年的E倍和F倍: a list of
    gaps whose clause names no place has the subjects of the last list of as many gaps, in order."""
    if (position is None or len(carry.gap_list) != n or not _GAP_WORD.search(indicator or "")
            or any(_clause_start(sentence, q.start) <= m.start < q.start for m in mentions)
            or re.search(r"两地区?|两者|二者", sentence[:q.start])):
        return None   # (两地区的差距分别…: the pair of the sentence before, _gap_pair's)
    return carry.gap_list[position], "previous"


def _gap_list(gaps: list[str | None], subject: str | None, indicator: str | None, position: int | None,
              n: int, carry: _Carry) -> list[str | None]:
    """The subjects of the gaps of the list being read, handed to `carry` once the list is complete."""
    if position is None or not _GAP_WORD.search(indicator or ""):
        return []
    gaps = (gaps if position else []) + [subject]
    if len(gaps) == n and all(gaps):
        carry.gap_list = list(gaps)
    return gaps


def _compared_pair(subject: str | None, owner: _Mention | None, indicator: str | None, sentence: str,
                   topic: str | None) -> tuple[str, str] | None:
    """但与中部、东部地区相比，其差额分别…: each gap is between the topic and the place it is compared with."""
    if not (owner and subject and topic and topic != subject and owner.start >= 0
            and _GAP_WORD.search(indicator or "")
            and re.search(r"(?:与|同)(?:[^，,。；与]{0,8}、)?\s*$", sentence[:owner.start])):
        return None
    return f"{topic}与{subject}", "sentence"


# 各地区的财政收入差距: the variable a gap is of
_GAP_OF = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:的)?(?:差距|差额|差值)")


def _gap_variable(sentence: str, mentions: list[_Mention]) -> str:
    """图8反映了各地区的财政收入差距: a sentence without figures that names the gap of a variable, so that
    the next sentence's bare 差额 is that variable's (财政收入)."""
    for m in _GAP_OF.finditer(sentence):
        start = max([m.start(1)] + [x.end for x in mentions if m.start(1) <= x.end <= m.end(1)])
        start = max(start, *(i + 1 for i in range(m.start(1), m.end(1)) if sentence[i] in "的了在与和及"), m.start(1))
        name = sentence[start:m.end(1)]
        if sentence.startswith("方面", m.end()) or re.search(r"(?:地区|区域|城乡|区际|省际|部|间)$", name) \
                or _places()[1].fullmatch(name):
            continue   # 在地区差距方面, 东西部差距: the gap between places, not of a variable
        if len(name) >= 2 and not is_generic_measure(name) and indicator_confidence(name) == "high":
            return name
    return ""


def _pair_of_gap(sentence: str, mentions: list[_Mention], ctx: _Context) -> str | None:
    """'A与B' when `sentence` speaks of the gap between two places: A与B的差距…, A…，与B的差距…."""
    gap = _GAP_WORD.search(sentence)
    if not gap:
        return None
    before = [m for m in mentions if m.end <= gap.start()]
    for a, b in reversed(list(zip(before, before[1:]))):
        if _COMPOUND_REGION.fullmatch(a.place.name) and _COMPOUND_REGION.fullmatch(b.place.name):
            continue   # 中西部地区和东西部地区的差额: two pairs, not one
        if a.place.kind == b.place.kind and (_PAIR_LINK.fullmatch(sentence[a.end:b.start])
                                             or re.search(r"(?:与|同)\s*$", sentence[:b.start])):
            return f"{_resolve(a.place, ctx, a.start)}与{_resolve(b.place, ctx, b.start)}"
    return None


def _start_of_target(period: str | None, doc: _Document) -> str | None:
    """标准分别从每人每月209元、280元提高到217元、290元 among a report's targets for its year or plan
    period ahead: the start point is the level before the report's year, not the target year."""
    years = years_of(period)
    if doc.genre in ("work_report", "plan") and doc.year and len(years) == 1 and years[0] >= doc.year:
        return f"{doc.year - 1}年"
    return period


def _in_span(span: str | None, change: str | None, before: str = "", unit: str = "", after: str = "") -> str | None:
    """A figure of a paragraph that reviews a span (五年来…): a change over it and a total (累计接待,
    新增…) span it; a level and an end point are its last year's; a start point the year before it.
    `before`: the clause up to the figure; `after`: the clause after it (…23个重大工业项目建成投产)."""
    years = years_of(span)
    if len(years) != 2:
        return span
    if change and change.endswith("(起点)"):
        return f"{years[0] - 1}年"
    if not change:   # (出口年均增速20%以上: a yearly average over the span, named in the indicator;
        #              每年70%左右财政支出用于民生事业: each year of it)
        return span if (_is_flow(before, unit, after) or _YEARLY_AVERAGE.search(re.split(r"\d", before)[-1])
                        or "每年" in before) else f"{years[1]}年"
    if change.endswith("(终点)") or _REACHED.fullmatch(change):
        return f"{years[1]}年"
    return span


# 引育高技能人才39万人, 治理水土流失面积6779平方公里, 3家企业主板上市, 开发政策性岗位7.5万个,
# 新设外资企业260家, 融资平台退出213户: what was done over the span;
# 全疆普通高等学校达66所, 专精特新企业312户, 城镇化率63%: a level at its end
_ACTION = re.compile(r"建成|新建|建设|完成|治理|引育|招引|引进|培育|开通|实施|改造|造林|修复|帮扶|培训|开展|落地"
                     r"|签约|转移|安置|提供|发放|减免|解决|创建|认定|获批|招生|接待|投入|兑现|化解|清偿|形成|出台|制定"
                     r"|办理|办结|开行|始发|过境|运送|破获|查处|开发(?!区)|服务(?![业贸型])|新设|设立|利用|退出|关停|淘汰"
                     r"|盘活|处置|救助|资助|惠及|建立|投产|投运|开工|竣工|开诊|挂牌|组建|重组")
_LEVEL_CUE = re.compile(r"(?:达到?|为|是|增至|提高到|提升至|上升到|升至|保持|稳定在|居|位居|有|拥有)\s*(?:超过?|逾|突破|近)?\s*$")


def _is_flow(before: str, unit: str, after: str = "") -> bool:
    """Whether a figure in a review of a span is an amount done over it rather than a level reached:
    the clause before it says what was done, or it opens the clause, or the clause after it says what
    was done to what it counts (揭阳…等23个…重大工业项目建成投产)."""
    if unit in ("%", "‰", "倍") or _LEVEL_CUE.search(before):
        return False
    return bool(_TOTAL.search(before) or _ACTION.search(before) or not before.strip()
                or (unit in _COUNT_UNITS and _ACTION.search(after) and not _PREPOSITION_END.search(before)))


# 与228个国家和地区建立贸易往来: the count is the object of a preposition, not what was done
_PREPOSITION_END = re.compile(r"[与和同对向在为给]\s*$")


_YEARLY_AVERAGE = re.compile(r"年均(?:增速|增幅|增长率?|提高|增加|下降|降低)")

# 累计接待游客, 新增百亿县区, 共建成: a figure summed over the span the paragraph reviews
_TOTAL = re.compile(r"累计(?!达)|新增|新建|新开工|共建成|共完成|合计|总计")


def _levels_named_later(facts: list[Fact]) -> None:
    """建成4个国家级、4个自治区级区域医疗中心: a count of a level takes the thing the next level names."""
    for f, later in zip(facts, facts[1:]):
        thing = re.search(r"级(.{2,})$", later.indicator or "")
        if f.indicator and re.fullmatch(r"[\u4e00-\u9fff]{1,4}级", f.indicator) and thing:
            f.indicator = f.indicator + thing.group(1)
            f.indicator_confidence = indicator_confidence(f.indicator, f.raw)
            f.indicator_canonical = canonical_indicator(f.indicator)


def _after_from_to(change: str | None, period: str | None,
                   span: tuple[int | None, int | None]) -> tuple[tuple[int | None, int | None], str | None]:
    """由2004年的8.7%上升至2019年的12.2%，提高了3.5个百分点: the change after a start and an end
    point spans their years. Returns the updated (start year, end year) and the figure's period."""
    years = years_of(period)
    if change and change.endswith("(起点)"):
        return (years[0] if len(years) == 1 else None, None), period
    if change and (change.endswith("(终点)") or _REACHED.fullmatch(change)):   # …，增长到2018年的B
        return (span[0], years[0] if len(years) == 1 else None), period
    if change and not _REACHED.fullmatch(change) and span[0] and span[1] and years == [span[1]] and span[0] < span[1]:
        return span, f"{span[0]}—{span[1]}年"
    return span, period


# 提高到, 降至: a change word naming the level reached, not the change
_REACHED = re.compile(r"(?:增长|增加|提高|提升|上升|下降|降低|减少|扩大|缩小|增|升|降)?(?:到|至)"
                      r"|(?:增长|增加|提高|提升|上升|下降|降低|减少|扩大|缩小)为")


# 同比增长, 年均增长, 累计增加: a change that states its own base or span
_OWN_BASE = re.compile(r"同比|环比|比上年|较上年|年均|平均|累计")


def _since_stated(q: Quantity, indicator: str | None, change: str | None, period: str | None, carry: _Carry,
                  before: str, stated_years: list[int] = ()) -> str | None:
    """2000年，…差额为11374.07亿元，2019年扩大到99889.25亿元，增长近9倍: a change with no base of its own
    spans from the year the paragraph first stated the same measure for (a growth rate in % only within
    its sentence: 增长11.5% alone in an annual account is against the year before). `before`: the
    clause up to the figure. 2000年…比重为17.5%，而2019年该比重已达19.2%，增幅为1.7%: a rise named as a
    noun spans the years its sentence stated before it (`stated_years`)."""
    if (not change and indicator and re.search(r"(?:增幅|增量|降幅|涨幅|增加值?额)$", indicator)
            and re.fullmatch(r"\d{4}年", period or "") and stated_years and min(stated_years) < years_of(period)[0]):
        return f"{min(stated_years)}—{years_of(period)[0]}年"
    if (not change or not indicator or "(" in change or _REACHED.fullmatch(change) or _OWN_BASE.search(before)
            or re.search(r"(?:为|到|至)\s*(?:约|近)?\s*$", before) or not re.fullmatch(r"\d{4}年", period or "")):
        return period
    first, year = carry.first_years.get(indicator, (None, -1)), years_of(period)[0]
    if q.unit == "%" and first[1] != carry.sentence_at:
        return period
    return f"{first[0]}—{year}年" if first[0] and first[0] < year else period


def _yearly_over_plan(period: str | None, before: str, doc: _Document, yearly_average: bool = False) -> str | None:
    """每年新引进大学生35万人以上 among a plan's targets for 2030: a yearly figure holds over the whole plan
    period, not its last year; 每年 reaches over the list it opens; a yearly average (研发经费投入年均增长
    9.5%, 年均 in the figure's clause) is over the plan period too. `before`: the sentence up to the figure."""
    years = years_of(period)
    if (("每年" not in before and not yearly_average) or len(years) != 1 or doc.genre not in ("plan", "work_report")
            or plan_years(years[0])[1] != years[0] or years[0] < (doc.year or 0)):
        return period
    return f"{years[0] - 4}—{years[0]}年"


def _start_point_period(q: Quantity, frm: re.Match | None, periods: list[Period], period: str | None,
                        carry: _Carry) -> str | None:
    """中部地区由2012年的21.3%提高到…、西部地区由19.6%提高到…: a start point without its own year
    has the year of the sentence's previous start point, or of the clause before the ； when the sentence
    dates nothing before it (…从2000年的A增加到2019年的B；占全国的比重从18.73%相应增加到26.33%)."""
    own = frm is not None and any(frm.start() <= p.start < q.start for p in periods)
    if own:
        carry.from_period = period
        return period
    undated = not any(p.start < q.start for p in periods)
    carry.from_period = carry.from_period or (carry.previous_from if undated else None)
    return carry.from_period or period


# …新设企业逾5.5万户，是前20年同一区域设立企业数的1.5倍: the figure before as a multiple of a base (not of a
# year's: 是2000年的8.34倍 spans the years)
_MULTIPLE_OF_BASE = re.compile(r"[，,]?\s*(?:是|为|相当于)(?P<base>(?!(?:19|20)\d{2}\s*年)[^，,。；;]{2,20}?)的\s*(?:近|约)?\s*")
# …增加到2019年的178665.45亿元，是前者的29.29倍: a multiple of the start point the clause before stated
_OF_THE_FORMER = re.compile(r"(?:是|为|相当于)前者的\s*(?:近|约)?\s*$")


def _multiple_of_former(indicator: str | None, period: str | None,
                        span: tuple[int | None, int | None]) -> tuple[str | None, str | None]:
    """(indicator, period) of a multiple of the former figure: the variable the two figures measured,
    over the years from the start point to the end point."""
    if span[0] and span[1] and span[0] < span[1]:
        period = f"{span[0]}—{span[1]}年"
    return indicator, period


def _values(q: Quantity, change: str | None, sentence: str):
    """(value, start, end, change) rows for one quantity: a range gives both of its ends."""
    if not q.is_range:
        return [(q.value, q.start, q.end, change)]
    low_end = q.start + len(q.low_raw or "")
    high_start = q.end - len(q.high_raw or "")
    tag = change + "；" if change else ""
    return [(q.low, q.start, low_end, tag + "区间下限"), (q.high, high_start, q.end, tag + "区间上限")]


# quantities of one enumeration (12.75%、4.99%和19.8%) are joined only by these
_LIST_GAP = re.compile(r"\s*(?:[、，,]|和|及|与|以及|或)\s*")


def _list_groups(quantities: list[Quantity], sentence: str) -> list[list[Quantity]]:
    """The quantities in runs that enumerate (A、B和C)."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups and _LIST_GAP.fullmatch(sentence[groups[-1][-1].end:q.start]):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


# where a listed name ends before the figures' predicate: 高速公路|从无到有, 一般公共预算收入|4项主要经济指标
_NAME_END = re.compile(r"[\d一二两三四五六七八九十]+\s*(?:项|个|大)|从|等|这|共有|共计|(?<![人平生])均|都")
_NAME_SEP = re.compile(r"、|以及|和|及")


def _respective_indicators(quantities: list[Quantity], periods: list[Period], mentions: list[_Mention],
                           sentence: str) -> dict[int, str]:
    """高速铁路、高速公路…运营里程分别达到A、B: the n things named before 分别 are what the n figures
    measure (with the measure named after them, when there is one); 公路里程、高速公路里程和铁路营业里程在
    2000年占全国比重为a、b、c, …到2018年上升至d、e、f: a list of n names right before n figures, and
    later runs of n figures in the sentence, too; 城乡居民人均可支配收入分别为A和B: 城镇…, 农村…."""
    dated = _masked(sentence, periods)
    # a place inside a compound name (国家中心城市中国企业500强) stays in the name
    inside = re.compile(r"[\u4e00-\u9fff]")
    masked = list(dated)
    for m in mentions:
        if not re.search(r"占\s*$", sentence[:m.start]) and not (
                m.start > 0 and inside.match(dated[m.start - 1]) and inside.match(dated[m.end:m.end + 1])):
            masked[m.start:m.end] = " " * (m.end - m.start)
    masked = "".join(masked)
    names: dict[int, str] = {}
    last: list[str] = []
    for group in _list_groups(quantities, sentence):
        if len(group) < 2:
            continue
        clause = _clause_start(sentence, group[0].start)
        items = _listed_names(masked, sentence, clause, group) or (_topic_pair(sentence[:clause]) if len(group) == 2 else [])
        if not items and last and len(last) == len(group):
            items = last   # a later run of as many figures: the same things, in the same order
        if items:
            names.update({id(q): x for q, x in zip(group, items)})
            last = items
    return names


# 城乡居民收入 → 城镇居民收入, 农村居民收入: a compound naming two things that a pair of figures measure
_PAIR_COMPOUNDS = {"城乡": ("城镇", "农村"), "初高中": ("初中", "高中")}
# 在初高中的教育经费投入上，两地区的差距…分别从A和B: a pair named by the topic clause, with the gap measured
_PAIR_TOPIC = re.compile(r"在\s*((?:%s)[^，,。；;在]{2,16}?)\s*(?:上|方面)\s*[，,]" % "|".join(_PAIR_COMPOUNDS))


def _topic_pair(before: str) -> list[str]:
    """The two things a 在…上 topic with a pair compound names (初中…, 高中…), for a pair of figures after it."""
    topics = list(_PAIR_TOPIC.finditer(before))
    if not topics:
        return []
    gap = "差距" if _GAP_WORD.search(before, topics[-1].end()) else ""
    return _pair_names(topics[-1].group(1).replace("的", ""), gap)


def _listed_names(masked: str, sentence: str, clause: int, group: list[Quantity]) -> list[str]:
    k = sentence.replace("依次", "分别").find("分别", clause, group[0].start)
    listed, measure = masked[clause:k if k >= 0 else group[0].start], ""
    # 装备制造产业增加值年均分别增长: how the figures change is no part of the names
    listed = re.sub(r"(?:年均|同比|环比|比上年|较上年|平均)\s*$", "", listed)
    if k < 0 and len(group) == 2:   # 城乡居民人均可支配收入差额从2000年的A和B: a pair without 分别
        return _pair_names(_noun_phrase(re.split(r"(?:从|由)", listed)[0]))
    if k < 0 and "、" not in listed:
        return []
    if k >= 0 and not _NAME_SEP.search(listed) and clause > 0 and not _pair_names(_noun_phrase(listed)):   # the list is the clause before: 高速铁路、高速公路从无到有，
        listed, measure = masked[_clause_start(sentence, clause - 1):clause - 1], _noun_phrase(listed)
        listed = re.sub(r"^[^在、，,]{2,}在(?=[\u4e00-\u9fff]{2})", "", listed)   # 西北地区与西南地区在小学、初中…
    listed = _ORDINALS_SHARED.sub(_ordinals_spelled, listed)
    items = listed.split("、")   # 住宿和餐饮业、批发和零售业: 和 inside a name, 、 between names
    last = re.split(r"以及|和|及", items[-1])
    if len(items) != len(group) and len(items) - 1 + len(last) == len(group):
        items = items[:-1] + last   # 家用电器和音像器材类、体育娱乐用品类和书报杂志类: 和 before the last name only
    elif len(items) != len(group):
        items = _NAME_SEP.split(listed)
    if all(_RANK_PLACE.search(x) for x in items) and group[0].unit in ("位", "名"):
        # 跻身全球科研城市第12位、科技集群第39位，分别前进8位、40位: the rankings that moved
        items, measure = [_RANK_PLACE.sub("", x) + "排名" for x in items], ""
    cut = _NAME_END.search(items[-1])
    if cut and k >= 0 and not measure:   # 经济发展…和协调共享4个分项指标的省域差异分别…: 省域差异 is measured
        named = re.search(r"的\s*([\u4e00-\u9fff]{2,8})\s*$", items[-1][cut.start():])
        measure = named.group(1) if named else ""
    items[-1] = items[-1][:cut.start()] if cut else items[-1]
    # later items follow a list word, so a leading 在 is their own (在职职工)
    items = [_noun_phrase(x) if i == 0 else _TRAILING.sub("", re.sub(r"\s+", "", x)).strip("“”\"")
             for i, x in enumerate(items)]
    if len(items) == 1 and len(group) == 2 and k >= 0:
        return _pair_names(items[0], measure)
    figure = r"\d+\.\d|\d\s*(?:亿|万|元|%|个|倍|家|人|位|名)" if k >= 0 else r"\d"   # 500强 may name, 1331.81亿元 not
    if len(items) != len(group) or not all(len(x) >= 2 and not re.search(figure, x) for x in items):
        return []
    items = _shared_tail(items)
    if measure and all(_common_suffix([x, measure]) and len(_common_suffix([x, measure])) >= 4 for x in items):
        measure = ""   # 在小学、初中、高中生均…经费…，各年级生均…经费分别是…: the items name it already
    # 生产安全事故起数和死亡人数: a later item that is a bare measure is of the first item's thing
    return [(_with_earlier_scope(x, [(items[0], None)]) if i else x) + measure for i, x in enumerate(items)]


# 第一、二、三产业: ordinals sharing the head after the last one
_ORDINALS_SHARED = re.compile(r"第([一二三四五六七八九十])((?:[、和及][一二三四五六七八九十])+)(产业|类|级|阶段|梯队)")


def _ordinals_spelled(m: re.Match) -> str:
    """第一、二、三产业 → 第一产业、第二产业、第三产业."""
    return "、".join(f"第{n}{m.group(3)}" for n in [m.group(1)] + re.findall(r"[一二三四五六七八九十]", m.group(2)))


_RANK_PLACE = re.compile(r"(?:居|列|位居|排名?|排在)?\s*第\s*[\d一二三四五六七八九十]+\s*[位名]\s*$")


def _pair_names(name: str, measure: str = "") -> list[str]:
    """城乡居民人均可支配收入 → 城镇居民…, 农村居民…: the two things a compound names, for a pair of figures."""
    compound = next((c for c in _PAIR_COMPOUNDS if name.startswith(c)), "")
    pair, rest = _PAIR_COMPOUNDS.get(compound), name[len(compound):]
    return [pair[0] + rest + measure, pair[1] + rest + measure] if pair and len(rest) >= 2 else []


def _shared_tail(items: list[str]) -> list[str]:
    """医疗保险、养老保险和失业保险参保人数占全国的比重: what follows the last item's name (its common
    ending with the others, 保险) is said of every item."""
    ending = _common_suffix(items[:-1])[-2:]
    last = items[-1]
    at = last.find(ending) if ending else -1
    measure = _MEASURE_WORD.search(last)
    lengths = {len(x) for x in items[:-1]}
    rest = last[len(items[0]):] if len(lengths) == 1 else ""
    if at < 0 and len(rest) >= 4 and _MEASURE_WORD.search(rest) and not any(_MEASURE_WORD.search(x) for x in items[:-1]):
        return [x + rest for x in items[:-1]] + [last]   # 城市、县城建成区面积
    if at < 0 and lengths <= {2, 3} and "的" in rest[1:] and len(rest) >= 4:
        return [x + rest for x in items[:-1]] + [last]   # 较高、中等和较低质量的地州市: grades of one class
    if at < 0 and measure and len(measure.group(0)) >= 2 and not any(_MEASURE_WORD.search(x) for x in items[:-1]):
        return [x + measure.group(0) for x in items[:-1]] + [last]   # 新能源汽车、集成电路、工业机器人产量
    said = _SAID_OF_ITEMS.search(last, 2)
    if at < 0 and said and not any(_SAID_OF_ITEMS.search(x) for x in items[:-1]) \
            and (said.group("flow") or _MEASURE_WORD.search(last)):
        tail = last[said.start():]   # 非洲、欧洲出口; 新增能耗、新增工业用地支持民间投资项目比重
        return [x + tail for x in items[:-1]] + [last]
    head = next((w for w in _SCOPE_WORDS if last.startswith(w)), "")
    if at < 0 and head and all(x in _SCOPE_WORDS for x in items[:-1]):   # 城镇、农村居民人均可支配收入
        at, ending = 0, head
    if at < 0 or at + len(ending) >= len(last):
        return items
    head, tail = last[:at + len(ending)], _noun_phrase(last[at + len(ending):])
    if len(tail) < 2:
        return items
    return [x + tail for x in items[:-1]] + [head + tail]


# what the last item of a list says of them all: a trade flow (…、非洲、欧洲出口) or what the things
# measured went to (专项产业基金、新增能耗、新增工业用地支持民间投资项目比重)
_SAID_OF_ITEMS = re.compile(r"(?P<flow>(?:进出口|出口|进口)(?:额|总额)?$)|(?:支持|用于|投向|带动)(?=[\u4e00-\u9fff]{2,})")


# short words that scope a measure (城镇居民…, 小学生均…): a list of them shares the measure after the last
_SCOPE_WORDS = ("城镇", "农村", "城市", "乡村", "城区", "郊区", "进口", "出口", "小学", "初中", "高中", "大学", "男性", "女性",
                "一产", "二产", "三产", "国有", "民营", "外资")


def _common_suffix(words: list[str]) -> str:
    suffix = words[0] if words else ""
    for w in words[1:]:
        while suffix and not w.endswith(suffix):
            suffix = suffix[1:]
    return suffix


# 分别占全国的, …元和…元，分别增长: n figures after 分别 that speak of the n figures stated before
_OF_STATED = re.compile(r"\s*(?:扣除价格因素(?:影响)?后?[，,]?)?\s*分别\s*(?:占|为|是|相当于|完成"
                        r"|(?:比上年|同比|较上年)?\s*(?:实际|名义)?\s*(?:增长|下降|提高|增加|减少|降低))[^，,]*")


def _shares_of_stated(quantities: list[Quantity], sentence: str, n_stated: int) -> dict[int, int]:
    """…常住人口为A，地区生产总值为B，分别占全国的a、b: n shares right after 分别占 are those of the
    n figures stated just before; the position of each one's figure among the stated ones."""
    out: dict[int, int] = {}
    for group in _list_groups(quantities, sentence):
        clause = _clause_start(sentence, group[0].start)
        first = quantities.index(group[0])
        if (len(group) < 2 or first < len(group) or first > n_stated
                or not _OF_STATED.fullmatch(sentence[clause:group[0].start])):
            continue
        out.update({id(q): first - len(group) + i for i, q in enumerate(group)})
    return out


def _respective_share(name: str, sentence: str, clause: int, q: Quantity) -> str:
    """The indicator of one of the figures a 分别 enumerates: the thing named, or its share of a whole
    when the figures are shares (分别占全国的)."""
    after = re.search(r"分别\s*(?:为|是|达到?)?\s*([占完][^，,\d%]{1,12}?)的?\s*(?:\d|$)", sentence[clause:q.start])
    if not after or q.unit != "%":
        return name
    if after.group(1).startswith("完成"):   # 分别完成年度目标的56.1%: the share of the target reached
        return f"{name}{after.group(1)}的比例"
    return _as_share(name + after.group(1), None)


# 从2000年到2015年再到2019年: the years of a sequence of points stated after it
_YEAR_SEQUENCE = re.compile(r"(?:从|由)\s*((?:19|20)\d{2})\s*年?\s*(?:到|至)\s*((?:19|20)\d{2})\s*年"
                            r"((?:\s*再?\s*(?:到|至)\s*(?:19|20)\d{2}\s*年)*)")


def _year_sequence(quantities: list[Quantity], sentence: str) -> dict[int, str]:
    """从2000年到2015年再到2019年，…从A增加到B达到最高值，之后下降到C: as many figures of one unit as
    the sequence has years follow it, and each is its year's point."""
    m = _YEAR_SEQUENCE.search(sentence)
    if not m:
        return {}
    years = [m.group(1), m.group(2), *re.findall(r"\d{4}", m.group(3))]
    after = [q for q in quantities if q.start >= m.end()]
    if not after or after[0].unit in _MEASURE_UNITS:
        return {}
    points = list(itertools.takewhile(lambda q: q.unit == after[0].unit and not q.is_range, after))
    if len(points) != len(years):
        return {}
    return {id(q): f"{y}年" for q, y in zip(points, years)}


def _listed_periods(group: list[Quantity], sentence: str) -> list[str]:
    """2000年和2008年，…分别为A和B: the years listed before 分别 that the figures go with, one to one."""
    k = max(sentence.rfind(w, 0, group[0].start) for w in ("分别", "先后", "依次"))
    if k < 0 or len(group) < 2:
        return []
    runs: list[list[Period]] = []
    for p in find_periods(sentence[:k]):
        if not p.has_year:
            continue
        if runs and re.fullmatch(r"\s*(?:和|、|与|及)\s*", sentence[runs[-1][-1].end:p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    if runs and len(runs[-1]) == len(group):
        return [p.text for p in runs[-1]]
    return _years_of_same_period(sentence, k, len(group))


def _years_of_same_period(sentence: str, k: int, n: int) -> list[str]:
    """2000年西部地区…为A，2019年为B，…而同期全国…分别为C、D: the n years the sentence stated before
    同期/同年, one to one with the n figures listed after it (`k`: where 分别 stands)."""
    same = max(sentence.rfind(w, 0, k) for w in ("同期", "同年"))
    if same < 0 or same < _clause_start(sentence, k):
        return []
    years = list(dict.fromkeys(p.text for p in find_periods(sentence[:same]) if re.fullmatch(r"\d{4}年", p.text)))
    return years if len(years) == n else []


_COMPARED_CLAUSE = re.compile(r"(?:与|同|和)[^，,。；]{1,16}(?:相比|相较|比较)")


def _respective_subjects(quantities: list[Quantity], mentions: list[_Mention], sentence: str,
                         carry: _Carry) -> dict[int, _Mention]:
    """东部、中部、西部地区GDP总量分别为A、B和C: the n places named before 分别 own the n figures; later
    runs of n figures with no place of their own (…增加至D、E; the next sentence's 两地区…) too."""
    owners: dict[int, _Mention] = {}
    for group in _list_groups(quantities, sentence):
        if len(group) < 2:
            continue
        clause = _clause_start(sentence, group[0].start)
        head = sentence[clause:group[0].start].replace("依次", "分别")
        named = (_without_refined([m for m in mentions if clause <= m.start and m.end <= clause + head.index("分别")])
                 if "分别" in head else [])
        if "分别" in head and not named and clause > 0:   # 但与中部、东部地区相比，其差额分别从A和B…
            before = _clause_start(sentence, clause - 1)
            if _COMPARED_CLAUSE.search(sentence[before:clause]):
                named = [m for m in mentions if before <= m.start and m.end <= clause]
        if len(_listed_periods(group, sentence)) == len(group):
            continue   # 2000年和2008年，A与B的差距分别为…: the figures are the years', not the places'
        if "分别" in head and len(named) != len(group):
            named = _counted_places(head, len(group), mentions, sentence, clause) or named
        if "分别" in head and len(named) != len(group):
            named = _named_members(head, clause, len(group)) or _abbreviated_countries(head, clause, len(group)) or named
        if (len(named) == 2 and _PAIR_LINK.fullmatch(sentence[named[0].end:named[1].start])
                and _GAP_WORD.search(head) and not _COMPOUND_REGION.fullmatch(named[0].place.name)):
            continue   # 西部地区与中东部地区…的差额分别为A和B: gaps of one pair (_gap_pair), not each place's figure
        if len(named) == len(group):
            owners.update({id(q): m for q, m in zip(group, named)})
            carry.distribution = named
        elif (len(carry.distribution) == len(group)
              and not any(clause <= m.start < group[-1].end for m in mentions)):
            owners.update({id(q): m for q, m in zip(group, carry.distribution)})
    return owners


# 北京本土培育的企业寒武纪、地平线分别排23名、24名: the firms (bodies) a class noun introduces before 分别
_NAMED_MEMBERS = re.compile(r"(?:企业|公司|集团|高校|大学|机构|品牌)\s*((?:[\u4e00-\u9fffA-Za-z]{2,8}\s*[、和与及]\s*)+"
                            r"[\u4e00-\u9fffA-Za-z]{2,8}?)\s*(?:的[^，,。；]{0,10}?)?分别")


def _named_members(head: str, clause: int, n: int) -> list[_Mention]:
    """The n bodies a class noun names in a list before 分别, as mentions at their places in the sentence."""
    members = _NAMED_MEMBERS.search(head)
    if not members:
        return []
    found = [_Mention(clause + members.start(1) + m.start(), clause + members.start(1) + m.end(),
                      Place(m.group(0), "body", m.group(0)))
             for m in re.finditer(r"[\u4e00-\u9fffA-Za-z]{2,8}", members.group(1))]
    return found if len(found) == n else []


# 中美韩三国: countries named by one character each, counted
_ABBREVIATED = {"中": "中国", "美": "美国", "日": "日本", "韩": "韩国", "俄": "俄罗斯", "德": "德国", "法": "法国", "英": "英国",
                "印": "印度", "欧": "欧盟"}
_ABBREVIATED_RUN = re.compile(f"([{''.join(_ABBREVIATED)}]{{2,6}})\\s*([两二三四五六])国")


def _abbreviated_countries(head: str, clause: int, n: int) -> list[_Mention]:
    """中美韩三国自由贸易伙伴数分别为A、B、C: the n countries the abbreviation names, in order."""
    run = _ABBREVIATED_RUN.search(head)
    if not run or len(run.group(1)) != n or numeral_value(run.group(2)) != n:
        return []
    return [_Mention(clause + run.start(1) + i, clause + run.start(1) + i + 1, _place_named(_ABBREVIATED[ch]))
            for i, ch in enumerate(run.group(1))]


def _without_refined(named: list[_Mention]) -> list[_Mention]:
    """我国县域面积、人口分别…: a place that narrows the one before it (我国 → 县域) replaces it, it is no
    second item of the list."""
    out: list[_Mention] = []
    for m in named:
        if m.refines and out:
            out[-1] = m
        else:
            out.append(m)
    return out


# 京津两市, 两地区, 三省: places counted back to a list of as many named before
_COUNTED_PLACES = re.compile(r"([两二三四五六七八九十])\s*个?\s*(?:市|省|省区|省份|地区|地|国|城市|区域)")


def _counted_places(head: str, n: int, mentions: list[_Mention], sentence: str, clause: int) -> list[_Mention]:
    """如北京、天津是…，2019年京津两市GDP…分别为A和B: the last list of n places before the clause; with
    no count, the list of the clause just before (伦敦、纽约、东京等城市的市郊铁路都非常发达，分别达到A、B和C)."""
    counted = _COUNTED_PLACES.search(head)
    if counted and numeral_value(counted.group(1)) != n:
        return []
    if not counted and (clause == 0 or any(m.start >= clause and m.end <= clause + len(head) for m in mentions)):
        return []
    earlier = [m for m in mentions if m.end <= clause
               and (counted or m.start >= _clause_start(sentence, max(0, clause - 1)))]
    for last in reversed(earlier):
        first = _list_start(last, mentions, sentence)
        run = mentions[mentions.index(first):mentions.index(last) + 1]
        paired = any(_PAIR_LINK.fullmatch(sentence[a.end:b.start]) and not re.search(r"[、和及]", sentence[a.end:b.start])
                     for a, b in zip(run, run[1:]))   # 西部地区与中东部地区: a pair compared, not a list
        if len(run) == n and not (paired and not counted):
            return run
    return []


# ------------------------------------------------------------------ which numbers are facts
# 4个方面, 3个“更加注重”, 17个指标, 3个新内涵: counts of a text's own points, dimensions or variables
_ENUMERATED = re.compile(r"\s*(?:[“\"]|(?:主要|重要|核心|关键|基本|具体|经济|构成|[一二三]级|新)*(?:方面|内涵|含义|启示|层次|层面|维度|要件|要素|关键问题|问题|特征|特点|原因|途径|路径|阶段"
                         r"|类型|部分|角度|视角|原则|任务|措施|对策|建议|环节|(?:[一二三]级|分项|具体|表征|预期性|约束性|评价|考核)?指标|子系统|等级|(?:时间)?断面"
                         r"|模型|变量|假设|步骤|板块|俱乐部|结论|思路|方向|模式|层级|梯队|样本|检验|要件|年份点?|时间点|时点|截面|(?:研究|评价|空间|地理|基本)单元|主成分(?:因子)?|公因子|类))")
# 以下4个, 这9个: a number that points back or forward to an enumeration
_POINTING = re.compile(r"(?:以下|如下|下列|这|那|这些|上述|前述|其中|以上)\s*$")
# 12个省（区、市）, 9个市（州）: the make-up of a region or a sample, not a measurement
_ADMIN_UNITS = re.compile(r"\s*(?:省|市|县|州)?\s*[（(][区市州县盟、\s]+[)）]|\s*省、自治区、直辖市")
_COUNT_UNITS = {"个", "项", "家", "户", "所", "座", "条", "名", "位", "种", "批", "台", "套", "部", "篇", "件", "张",
                "辆", "艘", "架", "列", "趟", "班", "班次", "宗", "处", "场次", "省", "市", "县", "国", "次", "场", "起"}


# 从2012年的1.69下降至2021年的1.53: a bare figure as the dated start or end point of a change
_DATED_POINT = re.compile(r"(?:从|由|到|至|为)\s*(?:19|20)\d{2}\s*年\s*的\s*$")


# P值为0.03, R²=0.86, 系数为0.35, t值: statistics of a method, not figures of the world
_STATISTIC = re.compile(r"(?:chi2|χ2|χ²|卡方|\$?(?<![A-Za-z])[PpRrtTFZz]\$?\s*(?:\^?\{?2\}?|²|平方|方)?\$?\s*值?|系数|弹性|权重|相关系数|显著性水平|置信度|拟合优度"
                        r"|累[积计]贡献率|方差贡献率|特征根|特征值|载荷"
                        r"|检验值|统计量)\s*(?:值)?[^，,。；=<>≤≥]{0,4}?\s*(?:[=<>≤≥]|为|是|达到?|分别为)\s*$")
# 选取30个省份, 以12个城市为样本: the design of a study, not a count in the world
_STUDY_DESIGN = re.compile(r"选取|选择|选用|样本|研究对象|研究区|面板数据|本文|本研究|测算了?|测度|考察")
# 在全国673个城市中…排在前20位, 168个城市空气质量排名中: the field a ranking is taken over
_RANKED_FIELD = re.compile(r"[^，,。；]{0,14}?(?:排名|排行榜?)?中")
_RANKING = re.compile(r"排名|排行|排在|位居|居第|第\s*\d+\s*位|前\s*\d+\s*[位名强]")
_DESIGN_UNITS = re.compile(r"\s*(?:个)?\s*(?:省份|省区|省|城市|地级市|地级及以上城市|地市|县|区县|县域|国家|样本|企业|家企业|指标|变量)")
# 假设一辆小汽车1小时…: a hypothetical's numbers
_HYPOTHETICAL = re.compile(r"^\s*(?:假设|假定|假如|设想|不妨设)")
# 排名后5名: a rank
_RANK = re.compile(r"(?:前|后|倒数)\s*$")
# 人均水资源量1000立方米的缺水警戒线, 超过30%国际公认警戒线: a threshold, not a measurement
_THRESHOLD = re.compile(r"[^，,。；;]{0,30}?(?:警戒线|标准线|阈值|门槛|临界值|国际标准|国际通行标准)")
# “三个80%”, 中东欧17国, 二、百姓富（7项）: a number inside a name or a heading's count
_NAMED_COUNT = re.compile(r"[\u4e00-\u9fff]$")


def _fact_quantities(found: list[Quantity], sentence: str) -> list[Quantity]:
    """The quantities that state facts; the members of a list whose first member is not a fact
    (累积贡献率依次分别为90.665%、87.685%…) are not either."""
    kept, dropped_end, dropped_unit = [], -1, None
    for q in found:
        gap = sentence[dropped_end:q.start] if dropped_end >= 0 else ""
        if dropped_end >= 0 and _LIST_GAP.fullmatch(gap) and (dropped_unit == q.unit or not dropped_unit and "，" not in gap):
            dropped_end = q.end   # …超过100%，51个县…: after a comma a figure of another unit opens a new statement
        elif _is_fact_quantity(q, sentence):
            kept.append(q)
            dropped_end = -1
        else:
            dropped_end, dropped_unit = q.end, q.unit
    return kept


def _in_short_quote(sentence: str, q: Quantity) -> bool:
    """“三个80%”, “1310”具体部署: a number inside a short quoted name."""
    opened = sentence.rfind("“", 0, q.start)
    closed = sentence.find("”", q.end)
    return (opened >= 0 and closed >= 0 and closed - opened <= 14
            and "”" not in sentence[opened:q.start] and "“" not in sentence[q.end:closed])


# 2 县域经济密度…, 3.1 数据来源: a section number, a space, the heading's words
_SECTION_NUMBER = re.compile(r"\s*\d{1,2}(?:\.\d{1,2}){0,2}[ \u3000]+(?=[\u4e00-\u9fff])")


# 1.1国家高新区的由来, 1.2.3三次创业阶段: a dotted section number with no space before the heading's words
_GLUED_SECTION_NUMBER = re.compile(r"\s*#*\s*\d{1,2}(?:\.\d{1,2}){1,2}(?=[\u4e00-\u9fff“])")


def _is_glued_section_number(q: Quantity, sentence: str) -> bool:
    """The quantity is a section number opening a heading, read with the heading's first character as
    its unit (1.1国 of 1.1国家高新区的由来); an amount (1.2万亿元…) or a measure (1.5%) is not one."""
    m = _GLUED_SECTION_NUMBER.match(sentence)
    return (m is not None and q.start < m.end() and (q.unit in _COUNT_UNITS or not q.unit)
            and not re.search(r"[万亿千百]", q.raw))


def _heading_count(sentence: str, q: Quantity) -> bool:
    """二、百姓富（7项）: the count of items a heading announces (also run into a flattened table's row)."""
    if re.search(r"[一二三四五六七八九十]、[\u4e00-\u9fff]{1,10}[（(]\s*$", sentence[:q.start]) \
            and re.match(r"\s*[)）]", sentence[q.end:]):
        return True
    return (len(sentence) <= 24 and re.search(r"[（(]\s*$", sentence[:q.start]) is not None
            and re.match(r"\s*[)）]", sentence[q.end:]) is not None
            and re.match(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、]|第)", sentence) is not None)


def _is_fact_quantity(q: Quantity, sentence: str) -> bool:
    before = sentence[max(0, q.start - 6):q.start]
    after = sentence[q.end:q.end + 2]
    clause = sentence[_clause_start(sentence, q.start):q.start]
    if _STATISTIC.search(sentence[max(0, q.start - 12):q.start]) or _HYPOTHETICAL.match(sentence):
        return False
    if _THRESHOLD.match(sentence, q.end) or _in_short_quote(sentence, q) or _heading_count(sentence, q):
        return False
    if _SECTION_NUMBER.match(sentence) and q.start < _SECTION_NUMBER.match(sentence).end() \
            and not re.search(r"[，,。；;：:]", sentence):
        return False   # 2 县域经济密度综合测度及时间演变, 3.1 数据来源: a heading's section number
    if _is_glued_section_number(q, sentence):
        return False   # 1.1国家高新区的由来: a converted paper's section number glued to its heading
    if q.unit == "国" and _NAMED_COUNT.search(sentence[:q.start].rstrip()) and not re.search(r"[有共达为是]\s*$", before):
        return False
    if q.unit in ("名", "位") and _RANK.search(before):
        return False
    if re.match(r"\s*级(?!以上|以下|及)", after) and q.unit and q.unit not in _MEASURE_UNITS:
        return False   # 7亿吨级冶镁白云岩, 25兆瓦级风电主轴轴承: a size class in a name
    if q.unit in _LENGTH_UNITS and _APERTURE.match(sentence, q.end):
        return False   # 110米口径全向可动射电望远镜: a size inside an instrument's name
    if _is_named_capacity(q, sentence):
        return False
    if q.unit in ("小时", "天", "日") and _NAMED_POLICY.match(sentence, q.end):
        return False   # 用好240小时过境免签等政策: a time inside a policy's name
    if (q.unit in ("国", "省", "县") and after.startswith("道")) or (q.unit == "位" and after.startswith("数")) \
            or (q.unit == "人" and after.startswith("均")):
        return False   # 635国道, 8位数行业: names and codes; 19人均预期寿命: a row number before 人均
    if q.unit in _COUNT_UNITS and re.search(r"(?:、[^、，,。；]{1,10}){2,}等\s*$", sentence[:q.start]):
        return False   # 重庆、成都、西安、昆明、南宁等5个…: the count of the list just named
    if q.unit in _COUNT_UNITS and re.search(r"(?:其他|其余|另外)\s*$", before):
        return False   # 略高于其他3个省区: the rest of a list, not a count in the world
    if (q.unit in ("个", "家", "省", "市", "县", "国", "") and _DESIGN_UNITS.match(sentence, q.end if q.unit else q.end)
            and (_STUDY_DESIGN.search(clause) or _STUDY_DESIGN.search(sentence, q.end, q.end + 30))):
        return False
    if (q.unit in _COUNT_UNITS and re.search(r"在\s*(?:全国|全球|世界|全省|全市)?\s*$", before)
            and _RANKED_FIELD.match(sentence, q.end) and _RANKING.search(sentence)):
        return False
    if q.unit in _COUNT_UNITS and re.match(r"[^，,。；;]{0,14}?(?:排名|排行榜?)中", sentence[q.end:]):
        return False   # 168个城市空气质量排名中: the field a ranking is taken over
    if _is_class_bound(q, sentence):
        return False
    if q.unit == "%" and _COUNTED_CLASS.search(clause):
        return False   # 仍有7个县固定资产投资占GDP的比重超过100%: the limit of the class counted
    if q.unit in _COUNT_UNITS and _BETWEEN_REGIONS.match(sentence, q.end):
        return False   # 扩大3个地区之间…的差距: the regions the text divides the country into
    if q.unit in ("米", "公里", "千米", "分钟", "小时") and re.match(r"\s*(?:以)?内[\u4e00-\u9fff]", sentence[q.end:q.end + 4]) \
            and not re.search(r"(?:为|达到?|是|至|在)\s*$", before):
        return False   # 公交与轨道50米内换乘比例: a distance that delimits what is measured
    if q.unit in ("小时", "分钟", "天") and q.value == 1 and re.match(r"\s*(?:内)?\s*(?:只|则|就)?(?:能|可|可以)", sentence[q.end:]):
        return False   # 小汽车1小时只能运输3000人: the time a capacity is stated per
    if q.unit in ("小时", "分钟") and _TIMED_NAME.match(sentence, q.end):
        return False   # 建设城市1小时低空应急救援体系, 15分钟便民生活圈: a time inside the name of a system
    if q.numeral == "chinese":
        return q.unit in _MEASURE_UNITS or (q.unit in _CHINESE_NUMERAL_UNITS and q.value >= 10)
    if q.unit == "":
        # a bare figure is a fact only when stated as a value (城乡收入比为2.68), never a year or label
        return ("." in q.raw and (re.search(r"(为|是|达到?|约|至|到|从|由)\s*$", before) is not None
                                  or _DATED_POINT.search(sentence, 0, q.start) is not None)
                and not re.match(r"\s*[年月日号期版]", after))
    if q.unit == "年" or _SIGNIFICANCE.match(sentence, q.end):
        return False
    if q.unit in _COUNT_UNITS and (_ENUMERATED.match(sentence, q.end) or _POINTING.search(before)
                                   or _ADMIN_UNITS.match(sentence, q.end) or _DIVIDED_INTO.search(before)
                                   or _counts_listed_names(q, sentence) or _studied_sample(sentence)
                                   or _MERGED.match(sentence, q.end)):
        return False
    return not (_CLASS_LIMIT.search(before) and _CLASS_OF.match(sentence, q.end)) \
        and not (_NAMED_SIZE.search(before) and re.match(r"[\u4e00-\u9fff]", after)) \
        and not _PER_TIME.search(sentence, _clause_start(sentence, q.start), q.start)


_LENGTH_UNITS = {"米", "千米", "公里", "厘米"}
_APERTURE = re.compile(r"\s*(?:口径|直径|孔径|跨径|主跨)[\u4e00-\u9fff]")
# 国能准东20亿立方米/年煤制天然气项目, 国能哈密400万吨煤制油和…项目: a capacity that names a project
_CAPACITY_UNITS = {"吨", "立方米", "千瓦", "瓦", "千瓦时", "吨标准煤", "GW", "MW"}
_NAMED_PROJECT = re.compile(r"\s*(?:[/／]\s*年)?(?=[\u4e00-\u9fff])[^，,。；;：:]{0,30}?(?:项目|工程|装置|生产线)")
_STATED_BEFORE = re.compile(r"(?:为|达|达到|是|超过|突破|增加|增长|提高|合计|共|累计|总计|新增|规模|产能|产量|能力|装机|容量)\s*$")


# 240小时过境免签政策, 72小时无理由退货: a time that names a policy
_NAMED_POLICY = re.compile(r"\s*(?:过境)?免签|\s*[\u4e00-\u9fff]{0,6}(?:政策|制度)(?!执行|实施|落实)")


def _is_named_capacity(q: Quantity, sentence: str) -> bool:
    """20亿立方米/年煤制天然气项目: a plant's capacity inside the name of a project, after the name of its
    owner or site, not a capacity stated (新增产能400万吨, 装机容量达到…)."""
    before = sentence[:q.start].rstrip()
    return (q.unit.split("/")[0] in _CAPACITY_UNITS and bool(re.search(r"[\u4e00-\u9fff]$", before))
            and not _STATED_BEFORE.search(before) and bool(_NAMED_PROJECT.match(sentence, q.end)))


# 51个县固定资产投资占GDP的比重处于50%—100%: a share range that delimits the things counted before it
_COUNTED_CLASS = re.compile(r"(?:^|有)\s*\d+\s*个[\u4e00-\u9fff]{1,4}[^，,。；;\d]{2,24}(?:超过|大于|高于|低于|小于|不足|处于|介于)"
                            r"\s*(?:\d+(?:\.\d+)?\s*%?\s*[—–\-~～至到]\s*)?$")
_BETWEEN_REGIONS = re.compile(r"\s*(?:大)?(?:地区|区域|板块|地带)(?:之间|间)")


# 分13个领域细化任务, 划分为4个等级: the parts a text divides its matter into
_DIVIDED_INTO = re.compile(r"(?:^|[^部])(?:分|分为|划分为|归纳为|概括为|总结为|分成|归并为|合并为|整合为)\s*$")
# 将42个行业进行了归并: the classes a study merges its data into, not a count in the world
_MERGED = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:进行了?)?(?:归并|合并|整合)(?:为|成)?")
# 超过300万人的城市只有…, 占比超过10%的有44种: the limit that defines a class, not a measurement
_CLASS_LIMIT = re.compile(r"(?:超过|大于|高于|不低于|不少于|低于|小于|不足|少于)\s*$")
_CLASS_OF = re.compile(r"\s*(?:以上|以下)?\s*的\s*(?:有|[\u4e00-\u9fff]{0,4}(?:城市|省份|省区|地区|国家|企业|县|区县|地州市|产品"
                       r"|行业|项目|家庭|样本))")
# 全球最高10米液压支架: a size in a product's name
_NAMED_SIZE = re.compile(r"最(?:高|大|长|宽|深|重|小|轻)\s*$")
# 轻轨交通1小时能运输1万—3万人: a capacity per unit of time, as an illustration
_TIMED_NAME = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:体系|服务圈|生活圈|交通圈|通勤圈|经济圈|服务网|救援圈)(?=[，,。；;、）)”]|$)")
_PER_TIME = re.compile(r"\d+\s*(?:小时|分钟)\s*(?:内)?\s*(?:只|就|则)?(?:能|可以?)\s*[\u4e00-\u9fff]{1,4}\s*$")
# 杜兴洋等（2019）…分别对…9个市（州）…进行实证分析: the sample of a study, cited or its own
_STUDY_CITED = re.compile(r"[\u4e00-\u9fff]{2,4}等?\s*[（(](?:19|20)\d{2}[a-z]?[)）]")
_STUDIED = re.compile(r"对[^。；]*?进行[^。；，,]{0,6}(?:分析|研究|测度|评价|评估|检验)")


def _studied_sample(sentence: str) -> bool:
    return bool(_STUDY_CITED.search(sentence) and _STUDIED.search(sentence))


def _counts_listed_names(q: Quantity, sentence: str) -> bool:
    """陆家嘴、张江、金桥、世博4个片区: a count of the names listed just before it."""
    if abs(q.value - round(q.value)) > 1e-6 or q.value < 2:
        return False
    m = re.search(r"(?:^|(?<=[，,。；;：:）)]))((?:[^、，,。；：:（）()\d]{1,10}、)+[^、，,。；：:（）()\d]{1,10}?)\s*(?:等)?\s*$", sentence[:q.start])
    if m and len(re.split(r"、|和|及|与", m.group(1))) == round(q.value):
        return True
    # 得到…西部地区、东北地区、中部地区和东部地区4个区域的…: places listed after a verb, counted as a bare class
    # (重庆、西安、成都3个核心城市 says more than the list: a fact of its own)
    if not re.match(r"\s*(?:区域|地区|省份|省区|省市|板块)", sentence[q.end:]):
        return False
    run = re.search(r"((?:[^、，,。；：:（）()\d]{1,16}、)+[^、，,。；：:（）()\d]{1,10}?)\s*(?:等)?\s*$", sentence[:q.start])
    if not run:
        return False
    items = re.split(r"、|和|及|与", run.group(1))
    first = [p for p in _places()[1].finditer(items[0]) if p.end() == len(items[0])]
    return (len(items) == round(q.value) and bool(first)
            and all(_places()[1].fullmatch(x) for x in items[1:]))


# 50户以上农村木质房屋连片村寨, 30户以上的自然村: settlements a household count delimits
_SETTLEMENT = re.compile(r"\s*(?:的)?[\u4e00-\u9fff]{0,10}?(?:村寨|自然村|村组|村庄|屯|聚居点|聚居区|安置点)")


def _is_class_bound(q: Quantity, sentence: str) -> bool:
    """0—6岁儿童, 10万千瓦及以下燃煤机组: an age or size that delimits a class of things; with 以上/以下
    only when another figure of the clause measures that class (25度以上陡坡耕地面积占全国的70%)."""
    end = q.end + len(re.match(r"\s*(?:及|或)?\s*以[上下]", sentence[q.end:]).group(0)) \
        if re.match(r"\s*(?:及|或)?\s*以[上下]", sentence[q.end:]) else q.end
    if q.unit == "岁" and re.match(r"\s*(?:及|或)?\s*(?:以[上下])?\s*(?:儿童|人口|老年|老人|青少年|婴幼儿|幼儿|人群|妇女"
                                  r"|居民|学生|群体|男性|女性|职工|劳动|青年)", sentence[end:]):
        return True
    if q.unit in _COUNT_UNITS and q.raw.rstrip().endswith("以上") \
            and re.match(r"\s*[\u4e00-\u9fff]{2,10}?(?:覆盖率|全部|均已|都已)", sentence[q.end:]):
        return True   # 20户以上自然村全部通硬化路, 30户以上自然村寨覆盖率: the size that delimits the class
    if q.unit in ("户", "人") and q.raw.rstrip().endswith("以上") and _SETTLEMENT.match(sentence, q.end):
        return True   # 全省50户以上农村木质房屋连片村寨“水改”: the size of the villages meant
    if (q.unit not in _COUNT_UNITS and q.raw.rstrip().endswith("以上") and re.search(r"\d+\s*个\s*$", sentence[:q.start])
            and re.match(r"\s*(?:的)?(?:项目|企业|工程)", sentence[q.end:])):
        return True   # 12个百亿元、70个30亿元以上项目: the size that delimits the projects counted
    if q.unit in _COUNT_UNITS or not (q.qualifier and re.search(r"以[上下]", q.qualifier) or end > q.end):
        return False   # 新建5个以上医疗集团: a count with 以上 is a target, not a class
    if not re.match(r"\s*(?![的降升增减提下上达为占到至])[\u4e00-\u9fff]", sentence[end:]):
        return False
    rest = sentence[end:_clause_end(sentence, end)]
    return bool(re.search(r"(?:占|为|达|比重|占比)[^、]{0,12}\d", rest)) or bool(re.search(r"(?:关停|淘汰|拆除)\s*$", sentence[:q.start]))


def _clause_end(sentence: str, pos: int) -> int:
    m = re.compile(r"[，,；;。]").search(sentence, pos)
    return m.start() if m else len(sentence)


# ------------------------------------------------------------------ clauses and periods
def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last clause mark before it that is not inside a
    bracket closed before `pos` (固定资产投资（不含农户，下同）同比增长: the note's comma ends no clause)."""
    cuts: list[tuple[int, int]] = []   # (cut, bracket depth at the mark)
    depth = 0
    for i in range(pos):
        ch = sentence[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            cuts = [c for c in cuts if c[1] < depth]
            depth -= 1
        elif _CLAUSE_END.match(ch):
            # a comma inside a number (1,234) does not end a clause; 0.3599,2018年 has one that does
            if ch == "," and i > 0 and sentence[i - 1].isdigit() and re.match(r"\d{3}(?!\d)", sentence[i + 1:i + 5]):
                continue
            cuts.append((i + 1, depth))
    return cuts[-1][0] if cuts else 0


_COMPARISON_BASE = re.compile(r"(比|较|相比|相较|与|同比|对比|比上年|超过|高于|低于)\s*$")
# 比西部大开发实施以来的最低点（2003年）, 相对于2000年: a comparison opened earlier in the clause
_COMPARISON_OPEN = re.compile(r"(?:比(?![重例值率如从由较])|(?<!比)较(?![高低快慢大小多少好为])|相比于?|相较于?|相对于?|对比)"
                              r"[^，,；;。%\d]{0,14}$")
# 是1978年的2.7倍: the period a multiple is taken of is a base too
_COMPARISON_CLOSE = re.compile(r"\s*(?:的\s*)?(?:相比|相较|比较|持平|(?:近|约)?\s*(?:\d+(?:\.\d+)?\s*[、和及]\s*)*\d+(?:\.\d+)?\s*倍)")


def _is_comparison_base(p: Period, sentence: str) -> bool:
    """比第一季度, 相较2004年, 与2000年相比: the period figures are compared with, not the figure's own."""
    clause = _clause_start(sentence, p.start)
    return bool(_COMPARISON_BASE.search(sentence[max(0, p.start - 3):p.start])
                or _COMPARISON_OPEN.search(sentence[clause:p.start])
                or _COMPARISON_CLOSE.match(sentence, p.end))


# 由1997年的…, 从2012年的…: the year of a start point
_START_YEAR = re.compile(r"(?:由|从)\s*$")


def _period_for(q: Quantity, periods: list[Period], carry: _Carry, sentence: str,
                skip: tuple[int, int] | None = None) -> str | None:
    current = carry.period
    for p in periods:
        if p.start >= q.start:
            break
        if (_is_comparison_base(p, sentence) and re.fullmatch(r"\s*(?:期)?[末底]?\s*的\s*", sentence[p.end:q.start])
                and q.unit != "倍"):
            # 较“十三五”末的9323.1亿元: the base's own figure is dated by the base (是1978年的2.7倍 is not it)
            years = years_of(p.text)
            return f"{years[-1]}年" if re.search(r"末|底", sentence[p.start:q.start]) and years else p.text
        dated = current or carry.stated_period
        if (_is_comparison_base(p, sentence) or (skip and skip[0] <= p.start < skip[1])
                or (p.now and dated and not dated.endswith("以来"))):
            continue   # 目前 does not redate an account the paragraph has dated (2019年1—10月…，目前…)
        if re.search(r"[（(][^）)]*$", sentence[:p.start]) and re.search(r"[）)]", sentence[p.end:q.start]):
            continue   # （2010年未计算乡镇债务）: a remark in brackets
        if (_START_YEAR.search(sentence[:p.start]) and re.match(r"\s*的", sentence[p.end:])
                and p.end <= _clause_start(sentence, q.start)):
            continue   # …占比由1997年的0.3%增加至18.8%，知识产权费…增加至2.4%: another clause's start point
        current = with_year(p, current or carry.heading_year or carry.default_period) if (not p.has_year) else p.text
    return current


def _same_year_before_a_later_one(periods: list[Period], carry: _Carry) -> list[Period]:
    """在2000年…为A，到2018年上升至B。同年，西南地区…分别为C，…，2018年，西南地区…增长至D: a 同年 whose
    sentence goes on to the last year stated is the account's first year, not that one."""
    last, span = years_of(carry.period), years_of(carry.stated_span)
    if len(last) != 1 or len(span) != 2 or span[1] != last[0]:
        return periods
    out = []
    for p in periods:
        if p.relative and any(q.start > p.start and years_of(q.text) == last for q in periods if q.has_year):
            p = Period(p.start, p.end, f"{span[0]}年", True)
        out.append(p)
    return out


def _since_range(period: str | None, doc: _Document) -> str | None:
    """2004年以来，国家已累计…投入资金200亿元: the years from then to the document's (a work report's:
    to the past year)."""
    since = re.fullmatch(r"(\d{4})年以来", period or "")
    end = (doc.year - 1 if doc.genre == "work_report" else doc.year) if doc.year else None
    return f"{since.group(1)}—{end}年" if since and end and int(since.group(1)) < end else period


def _from_of(sentence: str, clause: int, q: Quantity) -> re.Match | None:
    """The last 由/从 of the clause before the quantity: its start point, or the start of its 由…到…."""
    found = None
    for m in _FROM.finditer(sentence, clause):
        if m.start() >= q.start:
            break
        found = m
    return found


def _from_to_gap(sentence: str, frm: re.Match | None, q: Quantity) -> tuple[int, int] | None:
    """For the end point of 从去年的2.1%提高到2.3%, the span 从…到 whose period is the start point's."""
    if not frm:
        return None
    to = _TO.search(sentence, frm.end(), q.start)
    return (frm.start(), to.start()) if to else None


def _dated(periods: list[Period], doc: _Document, carried: str | None = None) -> list[Period]:
    """今年/去年/过去一年 made absolute with the document's year, and 20年来/五年来 made a range ending
    in it (a work report's: the past year; the range stated just before when it spans as many
    years); dropped when the year is unknown."""
    out = []
    for p in periods:
        if p.duration:
            before = [y for q in periods if q.end <= p.start and q.has_year for y in years_of(q.text)]
            span = _duration_range(p, doc, f"{min(before)}—{max(before)}年" if len(set(before)) > 1 else carried)
            if span:
                out.append(Period(p.start, p.end, span, True, duration=p.duration))
        elif p.offset_years is None:
            out.append(p)
        elif doc.year:
            y = doc.year + p.offset_years
            out.append(Period(p.start, p.end, f"{y}年", True, now=p.now))
    return out


def _duration_range(p: Period, doc: _Document, carried: str | None) -> str | None:
    n = numeral_value(p.duration or "")
    if not n or not 2 <= n <= 80:
        return None
    n = int(n)
    years = years_of(carried)
    if len(years) == 2 and years[1] - years[0] in (n - 1, n):
        return carried
    if len(years) == 1 and re.search(r"年\d{1,2}月(?:底|末)", carried or "") and (not doc.year or years[0] <= doc.year):
        return f"{years[0] - n}—{years[0]}年"   # 截至2019年8月底…。自贸试验区成立两年多来: up to the date stated
    if not doc.year:
        return None
    end = doc.year - 1 if doc.genre == "work_report" else doc.year
    return f"{end - n + (1 if doc.genre == 'work_report' else 0)}—{end}年"


# a clause that only goes on to state a change (…，增长超过16倍): it continues the comparison before it
_CHANGE_LEAD = re.compile(r"\s*(?:共|累计|合计|总计)?(?:增长|增加|提高|提升|扩大|下降|减少|降低|缩小)")


def _ranged_period(q: Quantity, change: str | None, period: str | None, periods: list[Period],
                   sentence: str, clause: int, carried_base: str | None = None) -> str | None:
    """The period of a figure of change: the start and end points of 2000—2019年…从A增加到B take the
    range's first and last year; a change against a base year (相较2004年增加57个, 较“十三五”期末增长)
    spans from the base to the figure's year; `carried_base`: the base an earlier sentence of the
    account set for its changes (与2004年相比，…；林木蓄积量占全国的比重下降3%；)."""
    years = years_of(period)
    if not change and q.unit == "倍" and len(years) == 1:
        return _multiple_range(q, period, periods, sentence, clause)
    if not change:
        return period
    if len(years) == 2 and re.fullmatch(r"\d{4}—\d{4}年", period or ""):
        if change.endswith("(起点)"):
            return f"{years[0]}年"
        if change.endswith("(终点)"):
            return f"{years[1]}年"
        if _REACHED.fullmatch(change):
            return f"{years[1]}年"   # 1999—2019年，…占全国的比重提高到20.8%: the level at the range's end
        years = years[1:]   # 与2004年相比 under 1999—2017年: from the base to the range's end
    if len(years) != 1 or "(" in change:
        return period
    own = clause
    if not any(clause <= p.start < q.start for p in periods) and _CHANGE_LEAD.match(sentence, clause):
        clause = _clause_start(sentence, max(0, clause - 1))   # 比2000年的A增加B，增长超过16倍
    for p in reversed([p for p in periods if (clause <= p.start or p.start <= 4 or _base_clause(p, sentence))
                       and p.start < q.start]):
        if p.start < own and not re.fullmatch(r"\d{4}年", p.text):
            continue   # 较“十三五”末…，增长33.6%: a growth over a plan period keeps the period
        if not _is_comparison_base(p, sentence):
            continue
        base = years_of(p.text)
        if not base:
            break
        end_of = re.search(r"末|底", sentence[p.start:p.end + 3]) is not None
        b = base[-1] if end_of or len(base) == 1 else base[0]
        return f"{b}—{years[0]}年" if b < years[0] else period
    base = years_of(carried_base)
    if base and not any(p.has_year and p.start < q.start for p in periods) and not _OWN_BASE.search(change):
        return f"{base[-1]}—{years[0]}年" if base[-1] < years[0] else period
    return period


def _multiple_range(q: Quantity, period: str, periods: list[Period], sentence: str, clause: int) -> str:
    """2019年…，分别是2000年的8.34倍: a multiple of a base year's figure spans from the base to the
    figure's year."""
    year = years_of(period)[0]
    for p in reversed([p for p in periods if clause <= p.start < q.start]):
        base = years_of(p.text)
        if base and _is_comparison_base(p, sentence):
            return f"{base[-1]}—{year}年" if base[-1] < year else period
    return period


def _base_clause(p: Period, sentence: str) -> bool:
    """虽然相较于2000年，西部地区2019年的…增加了近11倍: a clause that only names the base of the next one."""
    start, end = _clause_start(sentence, p.start), _clause_end(sentence, p.start)
    rest = sentence[start:p.start] + sentence[p.end:end]
    return _is_comparison_base(p, sentence) and not re.search(r"\d", rest) and len(rest) <= 8


def _outside_titles(periods: list[Period], sentence: str) -> list[Period]:
    """《全国城镇体系规划（2010—2020年）》 names a document; its years are not the figures' period."""
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》", sentence)]
    return [p for p in periods if not any(a < p.start < b for a, b in titles)]


def _article_year(article: Article) -> int | None:
    """The article's year, else the date a report was delivered (——2024年3月5日在…上)."""
    if article.year:
        return article.year
    m = re.search(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", article.title or "")
    return int(m.group(1)) if m else None


_HORIZON = re.compile(r"(?<![长加高升降少大小增达从由截止])(?:到|至)\s*$")   # not 增长到2019年, 截至2019年


def _carry_period(carry: _Carry, periods: list[Period], sentence: str) -> None:
    """The last period stated (comparison bases excluded) carries into the next sentences, and a base
    the sentence opens with (与2004年相比，…) into the next sentences of the same account."""
    years = {y for p in periods if p.has_year and not p.duration for y in years_of(p.text)}
    opening = [p for p in periods if re.search(r"\d{4}", sentence[p.start:p.end]) and _clause_start(sentence, p.start) == 0]
    if opening and _is_comparison_base(opening[0], sentence):
        carry.base_period = opening[0].text
    elif any(p.has_year and not _is_comparison_base(p, sentence) for p in periods):
        carry.base_period = None
    # 2000年…17.5%，而2019年…19.2%。在这20年间…: the span a later duration counts back over
    carry.stated_span = f"{min(years)}—{max(years)}年" if len(years) > 1 else None
    for p in periods:
        if p.relative or _is_comparison_base(p, sentence) or (p.now and carry.period):
            continue
        # 第一季度 completed with the heading's year carries like 2020年第一季度 would
        text = p.text if p.has_year else with_year(p, carry.period or carry.heading_year)
        if re.search(r"\d{4}", text):
            carry.period = text
            # 到2030年再翻一番: a horizon set ahead dates no later sentence of a paper's account
            if not _HORIZON.search(sentence[:p.start]):
                carry.stated_period = text


# ------------------------------------------------------------------ subjects
@dataclass
class _Mention:
    start: int
    end: int
    place: Place
    topic: bool = False     # stands where a clause's subject stands (not after a verb: 强化中亚)
    refines: bool = False   # narrows the topic before it: 广东深圳市, 东部沿海收入最高的地区天津市


# words that may stand before a clause's subject (connectives, prepositions of time and source, an
# opening quote: “三区三州”农村居民…)
# (推动南康家具产业集群产值…: after a causative verb the place is the subject of what follows)
_TOPIC_HEAD = re.compile(r"(?:目前|当前|推动|带动|促进|使得?|助力|其中|而且|而|且|并且|但是|但|同时|此外|另外|例如|比如|再如|又如|如|特别是|尤其是|仅有|仅"
                         r"|只有|就|在|据|根据|截至|截止到?|到|至|从|自|对于|当时的?|此时|其|以|也|则|还|即|、|和|与|及"
                         r"|以及|(?:在这|这|近|过去)?\d+\s*年(?:间|来|中|里)?|多年来|近年来|近些年来?|[\s，,:：;；（(“「])*")
# 占全国面积1/3的广袤大西北地区: a subject after a modifier ending in 的
_MODIFIED = re.compile(r"的[\u4e00-\u9fff]{0,3}$")
# 广东深圳市, 东部沿海收入最高的地区天津市: a second place narrowing the first, no list word between
_NARROWING_GAP = re.compile(r"(?:[^、，,和与及同比较对占于]{0,12}(?:地区|地级市|城市|省会|贫困县|县|的))?")
# 包括：重庆、四川…: places listed after these are members, not subjects
# (如： with a colon opens an example sentence, 我国县域面积…, not a list)
_LIST_INTRO = re.compile(r"(?:包括|包含|涵盖|即|分别是|分别为|有)\s*[：:]?\s*$|如\s*$")
# a place after these words is a reference point (占西部地区GDP, 低于全国), not the subject
_REFERENCE_WORD = re.compile(r"(占|比|较|于|与|同|对|和|及|向|在|从|到|至|全国|相比)\s*$")
_COMPARED_WITH = re.compile(r"(?:高于|低于|快于|慢于|多于|少于|好于|超过|超出|比|较|相比)\s*$")
# 不足全国的2%: for a share, the place before 的 is the base, not the owner
_SHARE_BASE = re.compile(r"(占|不足|超过|超|达到?|接近|相当于|为|是|约|仅|只)\s*$")


def _mentions(sentence: str, periods: list[Period] = (), quantities: list[Quantity] = (),
              local: bool = False, named_before: dict | None = None) -> list[_Mention]:
    """Places the sentence names, each marked whether it stands in a subject's position. In a local
    document the country and the world are benchmarks and titles (领先全国, 全国首批, 世界纪录), not
    subjects, so they are not places there. 该集群, 该市 name the group or zone, the city an earlier
    sentence of the paragraph named (`named_before`, _named_before)."""
    _, pattern = _places()
    masked = _masked(sentence, periods)
    found = _with_zones([_Mention(m.start(), m.end(), _place_named(m.group(0))) for m in pattern.finditer(sentence)],
                        sentence)
    for m in _ANAPHOR.finditer(sentence):
        named = (named_before or {}).get(m.group("level") or "body")
        if named:
            found.append(_Mention(m.start(), m.end(), named))
    found += [_Mention(m.start(), m.end(), _place_named(m.group(1) + "地区")) for m in _POLICY_REGION.finditer(sentence)]
    found = sorted(found + _named_zones(found, sentence), key=lambda m: m.start)
    if local:
        found = [m for m in found if m.place.kind not in ("country", "region", "category")]
    found = [m for m in found if m.place.kind == "zone" or not _INSTITUTION.match(sentence, m.end)]
    found = sorted(found + _leading_bodies(sentence, masked, found), key=lambda m: m.start)
    ends = [q.end for q in quantities]
    topic: _Mention | None = None
    for m in found:
        bound = max([_clause_start(sentence, m.start), _paren_start(sentence, m.start)]
                    + [x for x in ends if x <= m.start])
        head = masked[bound:m.start]
        if _LIST_INTRO.search(sentence[:bound].rstrip()):
            continue
        if topic and topic.end >= bound and _NARROWING_GAP.fullmatch(masked[topic.end:m.start]):
            m.topic = m.refines = True
        elif topic and _counted_within(topic, m, masked):
            m.topic = m.refines = True   # 在全国9个国家中心城市中: the group counted within the place
        elif (_TOPIC_HEAD.fullmatch(head) or (_MODIFIED.search(head) and not _REFERENCE_WORD.search(head))
              or re.fullmatch(r"\s*而?对\s*", head) and re.match(r"\s*(?:而言|来说)", sentence[m.end:])
              or re.fullmatch(r"\s*被?(?:纳入|列入)\s*", head)):
            m.topic = True   # (而对青海省而言, 被纳入西部大开发的国土: the place the clause speaks of)
        if m.topic:
            topic = m
        if m.topic and m.place.kind in ("country", "province", "generic") and (_COUNTRY_AS_MODIFIER.match(sentence, m.end)
                                                                    or m.place.name in ("全球", "世界")
                                                                    and _WORLD_RANKING.match(sentence, m.end)):
            m.topic = m.refines = False   # 全国重点实验室, 全球“灯塔工厂”: a rank or title, not the subject
            topic = None
        if m.topic and _NAMES_AN_ITEM.match(sentence, m.end) or _IN_ROUTE_NAME.search(sentence, 0, m.start) \
                and _ROUTE_AFTER.match(sentence, m.end):
            m.topic = m.refines = False   # 贵阳环高扩容工程等14条…, 重庆至贵阳高速铁路: a name, not the subject
            topic = None
        excepted = _EXCEPTED.search(sentence, 0, m.start)
        if excepted and m.place.kind in ("category", "zone", "region"):
            name = "除" + re.sub(r"\s+", "", excepted.group(1)) + "以外的" + m.place.canonical
            m.place, m.topic = Place(name, m.place.kind, name), True
    _pointed_back(found, sentence)
    return found


# 推动贵阳环高扩容工程等14条高速公路项目, 张掖等11个市: a place that names an example of the things counted
_NAMES_AN_ITEM = re.compile(r"[^，,。；;、]{0,14}?等\s*(?:\d|[一二两三四五六七八九十百几多])"
                            r"|[\u4e00-\u9fff]{1,8}?(?:机场|港|站|大桥|隧道|铁路|工程)、[^，,。；;]{0,60}?等(?:一批)?(?:重大|重点)?"
                            r"(?:基础设施|项目|工程)")   # 乌鲁木齐天山国际机场、…等重大基础设施投运
# 重庆至贵阳高速铁路: a place inside a route's name
_IN_ROUTE_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}(?:至|到|—|－|-)\s*$")
_ROUTE_AFTER = re.compile(r"\s*(?:高速铁路|城际铁路|高铁|铁路|高速公路|高速|公路|航线|管道|运河|城际|班列)")


# 除广州、成都以外，其他国家中心城市…: the class without the places excepted
_EXCEPTED = re.compile(r"除\s*([^，,。；;除]{1,20}?)\s*(?:以外|之外|外)\s*[，,]?\s*(?:其他|其余|其它)的?\s*$")


# 金川集团工业总产值…, 酒钢集团“三化”改造…: a group (company) that opens a clause is the subject of its figures
# (also a name in Latin letters: It’s OWL特别重视…，58家企业…)
_BODY = re.compile(r"[\u4e00-\u9fff]{2,6}?集团(?![\u4e00-\u9fff]{0,2}(?:公司|化))"
                   r"|(?<![A-Za-z’'])[A-Z][A-Za-z]*(?:[’'][a-z]+)?(?:\s[A-Z][A-Za-z]+)*(?=\s?[\u4e00-\u9fff])")
# 新组建农发集团: a task; 完成能源集团、…战略性重组: a verb run into listed groups
_FORMING = re.compile(r"新|组建|成立|做强|做大|做优|支持|推动|推进|打造|培育|整合|重组|改组|完成|实施|依托|引进|携手")


# 该集群, 该集团: a group or zone named before; 该市, 该省: the city, the province named before
_ANAPHOR = re.compile(r"(?:该|此|这一)(?:集群|集团|公司|企业|园区|新区|片区|开发区|高新区|自贸区|自贸试验区|试验区|示范区|城市群|都市圈)"
                      r"|该(?P<level>市|省)")


def _named_before(mentions: list[_Mention], sentence: str, named: dict) -> dict:
    """The last group or zone, city and province the sentence names as a subject (else those named
    before), for a later 该集群, 该市, 该省."""
    named = dict(named)
    for m in (m for m in mentions if m.topic):
        text = sentence[m.start:m.end] if m.start >= 0 else ""
        if m.place.kind in ("body", "zone"):
            named["body"] = m.place
        elif m.place.kind == "city" or m.place.kind == "province" and text.endswith("市"):
            named["市"] = m.place
        elif m.place.kind == "province":
            named["省"] = m.place
    return named


def _keep_bodies_to_their_sentence(carry: _Carry, carried: tuple[str | None, int], mentions: list[_Mention]) -> None:
    """A group is the subject of its own sentence's figures; the sentences after it speak of the place again
    (万华集团并购… then 亿帆医药公司收购…)."""
    if any(m.place.kind == "body" and m.place.name == carry.subject for m in mentions):
        carry.subject, carry.subject_at = carried


def _leading_bodies(sentence: str, masked: str, places: list[_Mention]) -> list[_Mention]:
    """Groups named where a clause's subject stands (not inside a place's name: 河南能源集团 keeps 河南 out)."""
    found = []
    for m in _BODY.finditer(sentence):
        start = m.start()
        clause = _clause_start(sentence, start)
        head = re.match(_TOPIC_HEAD.pattern, masked[clause:start])
        if (not head or head.end() != start - clause or any(p.start < m.end() and start < p.end for p in places)
                or re.match(r"\s*[，,。；;：:]", sentence[m.end():]) or _FORMING.search(m.group(0))):
            continue
        if m.group(0).isascii() and (len(m.group(0)) < 4 and not re.search(r"[a-z’']", m.group(0))
                                     or re.search(r"(?:根据|据|从|依据|基于|利用|采用)\s*$", masked[clause:start])
                                     or re.match(r"\s*(?:指数|数据|模型|方法|检验|系数|值)", sentence[m.end():])):
            continue   # GDP, PM2.5, 根据 UN Comtrade数据, 从Theil指数来看: measures, sources and methods, not bodies
        found.append(_Mention(start, m.end(), Place(m.group(0), "body", m.group(0))))
    return found


# 杭州职业技术大学, 宁波东方理工大学, 温州医科大学, 广州国家版本馆: a place that begins an institution's name is
# no subject
_INSTITUTION = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:大学|学院|职业技术学校|医院|银行|研究院|研究所|版本馆|博物馆|图书馆|美术馆|科技馆)"
                          r"(?![\u4e00-\u9fff]{0,2}(?:数量|个数))")


# 全国重点实验室, 中国制造业民营企业500强, 全球首台, 全球最具潜力城市排行榜: the country word qualifies a
# rank or title (在全国层面: a scope)
# (河南省智能制造标杆企业1家 in a city's communiqué: a province's title, not the province's figure)
_COUNTRY_AS_MODIFIER = re.compile(r"(?:级|重点|首[个批家台套座次创]|示范|文明|百强|先进|一流|知名|领先|“|[^，,。；的]{0,12}\d+\s*强"
                                  r"|层面|范围内"
                                  r"|[^，,。；的、]{0,10}(?:标杆|示范|先进|百强)(?:企业|单位|项目|园区|基地))")
# 被纳入西部大开发的国土, 西部大开发的范围: the policy names the region it covers
_POLICY_REGION = re.compile(r"(西部|东北|中部)(?:大开发|振兴|崛起)(?=的?(?:国土|范围|地区|区域|省份|省区))")
# 全球最具潜力城市排行榜: a world ranking the places entered
_WORLD_RANKING = re.compile(r"[^，,。；的]{0,12}(?:排行榜|榜单|排名|指数报告)")
# 上海自贸试验区, 河南自贸区郑州片区, 京津冀城市群, 雄安新区, 宁波舟山港, 日喀则国际陆地港: a zone (or port)
# named after its place is a subject of its own, not its host place
_ZONE = re.compile(r"[^\s的和与及、，,。；建设推进打造支持加快深化是为在对向等以由从到将已了全引领带动辐射联共个]{0,6}?"
                   r"(?:自由贸易试验区|自贸试验区|自贸区|城市群|都市圈|经济圈|经济技术开发区|高新技术产业开发区|开发区|高新区"
                   r"|新区|示范区|经济带|综合保税区|保税区|试验区|片区|百强县|百强市|百强区|产业园|工业园|陆地港|陆港|港(?![口澳股])"
                   r")(?:[\u4e00-\u9fff]{2,4}片区)?"
                   r"|[一二三四五六七八九十\d]{1,2}\s*个?\s*(?:省区市|省区|省份|省市|城市|地市|地州|地区)(?![的之]?(?:中|间|之间))")


# 面积接近120平方千米的临港新区: a zone named without a place of the table, after a clause mark or 的
_NAMED_ZONE = re.compile(r"(?:^|(?<=[的，,、“：:（(]))[^\s的和与及、，,。；：:“”（()建设推进打造支持加快深化是为在对向等以由从到将已了全引领带动辐射联各该此其"
                         r"0-9一二三四五六七八九十]{2,4}?(?:新区|片区|自贸区|高新区|经济技术开发区|开发区|综合保税区|示范区)")


def _named_zones(found: list[_Mention], sentence: str) -> list[_Mention]:
    """Zones the place table does not hold (临港新区), where no place of the table starts them."""
    taken = [(m.start, m.end) for m in found]
    return [_Mention(z.start(), z.end(), Place(z.group(0), "zone", z.group(0))) for z in _NAMED_ZONE.finditer(sentence)
            if not any(a < z.end() and z.start() < b for a, b in taken) and not _ZONE_CLASS.match(z.group(0))]


# 省级开发区, 经济开发区, 所有开发区, 自中关村高新区: a class of zones or a preposition, not a zone's name
_ZONE_CLASS = re.compile(r"[^级]{0,3}级|经济|国家|高新技术|所有|自|从|经|至|与|同")


def _with_zones(found: list[_Mention], sentence: str) -> list[_Mention]:
    out: list[_Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue   # a place inside a zone's name (河南自贸区郑州片区)
        zone = _ZONE.match(sentence, m.end) if m.place.kind not in ("generic", "category") else None
        if zone and zone.end() > m.end:
            name = re.sub(r"\s+", "", sentence[m.start:zone.end()])
            m = _Mention(m.start, zone.end(), Place(name, "zone", name))
        out.append(m)
    return out


def _counted_within(topic: _Mention, m: _Mention, masked: str) -> bool:
    return (m.place.kind in ("category", "zone") and _clause_start(masked, m.start) <= topic.start
            and re.fullmatch(r"\s*\d+\s*个?\s*", masked[topic.end:m.start]) is not None)


def _paren_start(sentence: str, pos: int) -> int:
    """Just after the bracket still open at `pos`, else 0."""
    paren = max(sentence.rfind("（", 0, pos), sentence.rfind("(", 0, pos))
    return paren + 1 if paren >= 0 and not re.search(r"[)）]", sentence[paren:pos]) else 0


def _masked(sentence: str, periods: list[Period]) -> str:
    """The sentence with period expressions blanked (same length), so 2000年重庆 reads as 重庆."""
    chars = list(sentence)
    for p in periods:
        chars[p.start:p.end] = " " * (p.end - p.start)
    return "".join(chars)


def _subject_for(q: Quantity, clause: int, previous_end: int, mentions: list[_Mention], sentence: str,
                 carry: _Carry, ctx: _Context) -> tuple[str | None, _Mention | None]:
    """(subject, the mention naming it) of a quantity."""
    described = _described_after(q, mentions, sentence) or _compared_level(q, mentions, sentence)
    if described:
        return _resolve(described.place, ctx, described.start), described
    owner = _owner_before(q, mentions, sentence)
    if owner:
        first = _list_start(owner, mentions, sentence)
        subject = _place_list(first, mentions, sentence, ctx) if first is not owner else _resolve(owner.place, ctx, owner.start)
        if owner.topic:   # 全省35个工业园实现产值…: the clause's subject, also for its next figures
            carry.subject, carry.subject_at = subject, ctx.offset
        return subject, owner
    segment = max(clause, previous_end)
    counts = _counted_classes(q, mentions, sentence)
    topics = [m for m in mentions if m.topic and segment <= m.start and m.end <= q.start and m not in counts]
    if not topics and previous_end <= clause:
        topics = [m for m in mentions if m.topic and clause <= m.start and m.end <= q.start and m not in counts]
    if topics:
        chosen = _narrowest(topics, mentions)
        carry.subject, carry.subject_at = _place_list(chosen, mentions, sentence, ctx), ctx.offset
        return carry.subject, chosen
    counted = next((m for m in mentions if m.start >= q.end and not sentence[q.end:m.start].strip()), None)
    if counted and counted.place.kind in ("category", "zone") and not topics:
        return _resolve(counted.place, ctx, counted.start), counted   # 9个国家中心城市全部入选
    if previous_end <= clause:
        _carry_subject(carry, mentions, sentence, clause, ctx)
    if _about_another_site(sentence[clause:q.start], carry, ctx):
        return carry.entering[0], None
    return carry.subject, None


# 百万吨乙烯项目6个月具备开工条件, 对外开放口岸增至19个: a clause that opens with a project, site or port of
# its own speaks of that, not of the group or zone an earlier clause named
_OTHER_SITE = re.compile(r"\s*[\u4e00-\u9fffA-Za-z0-9“”]{0,12}?(?:项目|基地|口岸|工程|厂房|园区|机场|港口|码头|枢纽|电站)")


def _about_another_site(head: str, carry: _Carry, ctx: _Context) -> bool:
    """The clause (up to its figure) opens with a site of its own while the subject carried is a group or
    zone named earlier in the same sentence."""
    if (carry.subject_at != ctx.offset or carry.subject == carry.entering[0] or not _OTHER_SITE.match(head)
            or (carry.subject or "") in re.sub(r"\s+", "", head)):
        return False
    kind = _places()[0].get(carry.subject or "", Place("", "", "")).kind
    return kind not in ("province", "city", "region", "country", "category", "generic")


def _pointed_back(mentions: list[_Mention], sentence: str) -> None:
    """根据学者们对纽约、东京…等国际大都市的研究，其交通结构…: a clause that opens with 其 speaks of the places
    an earlier clause named when none of them was a subject; the first of them becomes one."""
    for its in re.finditer(r"[，,；;：:]\s*其(?![中他它余次实])", sentence):
        earlier = [m for m in mentions if m.end <= its.start()]
        if earlier and not any(m.topic for m in earlier):
            _list_start(earlier[-1], mentions, sentence).topic = True


def _counts_follow(m: _Mention, sentence: str) -> bool:
    """国家级开发区1家: a class of places right before a count of it."""
    return m.place.kind == "category" and re.match(r"\s*[\d一二三四五六七八九十两]", sentence[m.end:]) is not None


def _counted_classes(q: Quantity, mentions: list[_Mention], sentence: str) -> list[_Mention]:
    """（国家级开发区1家，…）: the class of places a count right after it counts (what is counted, not
    whose count it is)."""
    return [m for m in mentions if q.unit in _COUNT_UNITS and m.place.kind == "category" and m.end <= q.start
            and not sentence[m.end:q.start].strip()]


# 、, 和; 长江经济带沿线、京津冀地区: what may stand between two places of a list
_PLACE_LIST_GAP = re.compile(r"\s*(?:沿线|沿岸|沿边|一带)?\s*(?:、|和|与|及|以及)\s*")


def _place_list(first: _Mention, mentions: list[_Mention], sentence: str, ctx: _Context) -> str:
    """北京、上海和广州三个大都市的平均人均GDP: places listed together (with no 分别 to share them out)
    are the subject together."""
    names, last = [_resolve(first.place, ctx, first.start)], first
    for m in mentions[mentions.index(first) + 1:]:
        if not _PLACE_LIST_GAP.fullmatch(sentence[last.end:m.start]) or m.place.kind == "generic":
            break
        names.append(_resolve(m.place, ctx, m.start))
        last = m
    if len(names) < 2 or "分别" in sentence[last.end:]:
        return names[0]
    return re.sub(r"\s+", "", sentence[first.start:last.end])   # as the text joins them: 东部与中部, 重庆、四川、陕西


_LISTED = re.compile(r"\s*(?:、|和|与|及|以及)\s*")


def _list_start(last: _Mention, mentions: list[_Mention], sentence: str) -> _Mention:
    """The first place of the list `last` ends (重庆、西安、成都3个核心城市; 云南和广西（2.0%左右）), else `last`."""
    first = last
    for m in reversed(mentions[:mentions.index(last)]):
        alike = m.place.kind == last.place.kind or {m.place.kind, last.place.kind} <= {"province", "city"}
        if not alike or not _LISTED.fullmatch(sentence[m.end:first.start]):
            break
        first = m
    return first


def _described_after(q: Quantity, mentions: list[_Mention], sentence: str) -> _Mention | None:
    """面积接近120平方千米的临港新区: a zone or class of places the figure describes, right after its 的."""
    after = re.match(r"\s*(?:左右|以上|多)?\s*的\s*", sentence[q.end:])
    return next((m for m in mentions if after and m.start == q.end + after.end()
                 and m.place.kind in ("zone", "category")), None)


# 远超过创新型国家和地区2.5%的水平: the level of the group compared with, named before the figure
_COMPARED_GROUP = re.compile(r"(?:超过|超出|高于|低于|快于|慢于|不及|接近)(?P<name>[\u4e00-\u9fff]{2,12}?)\s*$")
_LEVEL_AFTER = re.compile(r"\s*(?:左右|以上)?\s*的\s*(?:平均)?水平")


def _compared_level(q: Quantity, mentions: list[_Mention], sentence: str) -> _Mention | None:
    group = _COMPARED_GROUP.search(sentence, _clause_start(sentence, q.start), q.start)
    if not group or not _LEVEL_AFTER.match(sentence, q.end) or any(group.start() < m.end <= q.start for m in mentions):
        return None   # (a place compared with is _owner_before's)
    name = group.group("name")
    return _Mention(group.start("name"), group.end("name"), Place(name, "body", name))


# 比全国平均水平54.64%低近11个百分点: the base's level, then the direction of the gap
_BASE_LEVEL_THEN_GAP = re.compile(r"\s*(?:左右)?\s*(?:高|低|多|少|快|慢)")


def _owner_before(q: Quantity, mentions: list[_Mention], sentence: str) -> _Mention | None:
    """西北地区的13155家, 南宁（361.4万人）, 重庆（从1.8%增加到2.3%）: the place a figure hangs on."""
    before = [m for m in mentions if m.end <= q.start]
    if (q.unit in _COUNT_UNITS and any(m.start == q.end and m.place.kind == "category" for m in mentions)
            and len(before) > 1 and _LISTED.fullmatch(sentence[before[-2].end:before[-1].start])):
        return None   # …、云南、黑龙江17个自贸试验区: the places listed are what the class counted holds
    for m in reversed([m for m in mentions if m.end <= q.start]):
        if (_COMPARED_WITH.search(sentence[max(0, m.start - 3):m.start])
                and re.fullmatch(r"\s*(?:的\s*)?(?:平均水平|平均|年均)\s*", sentence[m.end:q.start])
                and (re.match(r"\s*(?:左右|以上)?\s*的", sentence[q.end:]) or q.unit not in _MEASURE_UNITS
                     or q.unit == "%" and "平均水平" in sentence[m.end:q.start] and re.match(r"\s*(?:[；;。]|$)", sentence[q.end:])
                     or _BASE_LEVEL_THEN_GAP.match(sentence, q.end) and re.search(r"[比较]\s*$", sentence[max(0, m.start - 3):m.start]))):
            return m   # 高于全国年均1.22%的增长率, 低于全国平均水平46507元, …54.77%；, 比全国平均水平54.64%低近11个百分点:
            #            the level of the place compared with
        if re.fullmatch(r"\s*(?:的|共有?)?\s*", sentence[m.end:q.start]):   # 全国共51家
            if q.unit in _COUNT_UNITS and m.place.kind == "category" and m.end == q.start:
                return None   # 设立国家级开发区552个: the class counted, not the owner of the count
            if q.unit in ("%", "百分点", "倍") and _SHARE_BASE.search(sentence[max(0, m.start - 3):m.start]):
                return None
            if "的" not in sentence[m.end:q.start] and _COMPARED_WITH.search(sentence[max(0, m.start - 3):m.start]):
                return None   # 高于全国0.4个百分点: the figure is the compared subject's
            return m
        break
    paren = max(sentence.rfind("（", 0, q.start), sentence.rfind("(", 0, q.start))
    if paren < 0 or re.search(r"[)）]", sentence[paren:q.start]):
        return None
    # 南宁（361.4万人）; 西北五省区的所有开发区（5家…）: the place whose thing the bracket details;
    # 相当于当年全国国内生产总值（82.71万亿元）的11.5%: a figure alone in a bracket after a place's measure
    alone = _BRACKET_ALONE.fullmatch(sentence[paren + 1:q.start]) and re.match(r"\s*[)）]", sentence[q.end:])
    return next((m for m in reversed(mentions) if m.end <= paren
                 and re.fullmatch(r"\s*(?:的[^，,。；（(的]{0,8})?" if not alone else _BRACKETED_MEASURE,
                                  sentence[m.end:paren])), None)


_BRACKET_ALONE = re.compile(r"\s*(?:约|达|为)?\s*")
_BRACKETED_MEASURE = r"\s*的?\s*[\u4e00-\u9fffA-Za-z]{0,10}\s*"


def _bracketed_measure(sentence: str, q: Quantity, owner: _Mention | None) -> str | None:
    """全国国内生产总值（82.71万亿元）: what a place's figure alone in a bracket measures, the words between
    the place and the bracket."""
    paren = max(sentence.rfind("（", 0, q.start), sentence.rfind("(", 0, q.start))
    if (not owner or paren < owner.end or not _BRACKET_ALONE.fullmatch(sentence[paren + 1:q.start])
            or not re.match(r"\s*[)）]", sentence[q.end:])):
        return None
    named = re.sub(r"\s+", "", sentence[owner.end:paren]).lstrip("的")
    return named if len(named) >= 2 and re.fullmatch(_BRACKETED_MEASURE, named) else None


def _narrowest(topics: list[_Mention], mentions: list[_Mention]) -> _Mention:
    """The first topic, or the place that narrows it (广东深圳市 → 深圳)."""
    chosen = topics[0]
    for m in mentions[mentions.index(chosen) + 1:]:
        if not m.refines or m.start >= topics[-1].end:
            break
        chosen = m
    return chosen


def _carry_subject(carry: _Carry, mentions: list[_Mention], sentence: str, upto: int, ctx: _Context) -> None:
    """The subject of the last clause that names one carries into later clauses."""
    by_clause: dict[int, _Mention] = {}
    for m in mentions:
        if m.start >= upto or not m.topic or _counts_follow(m, sentence):
            continue
        by_clause.setdefault(_clause_start(sentence, m.start), m)
    if by_clause:
        first = by_clause[max(by_clause)]
        m = _narrowest([x for x in mentions if x.topic and x.start >= first.start and x.end <= upto], mentions)
        carry.subject, carry.subject_at = _place_list(m, mentions, sentence, ctx), ctx.offset


def _subject_with_source(subject: str | None, owner: _Mention | None, carry: _Carry,
                         ctx: _Context) -> tuple[str | None, str | None]:
    """(subject, where it came from): the sentence names it, an earlier sentence did (carried), or
    the document speaks for its jurisdiction (全省 in a provincial report, a national communiqué)."""
    if subject and (owner is not None or carry.subject_at == ctx.offset):
        return subject, "sentence"
    if subject and not _is_local(ctx.doc):
        return subject, "previous"
    if ctx.doc.jurisdiction:   # a local document's sentences speak of its place unless they name another
        return ctx.doc.jurisdiction, "document"
    # a paper's section on one place (连云港港口), else a paper on one place (中国西北地区城镇化质量…)
    if carry.heading_place or ctx.doc.title_place or ctx.doc.case:
        return carry.heading_place or ctx.doc.title_place or ctx.doc.case, "document"
    return None, None


def _is_local(doc: _Document) -> bool:
    """A document that speaks for a place below the country (a provincial report, a city plan)."""
    return bool(doc.jurisdiction) and _places()[0].get(doc.jurisdiction, Place("", "", "")).kind != "country"


# 全省 ↔ 省/自治区, 全市 ↔ 市, 全州 ↔ 州, 全区 ↔ 区/自治区, 全县 ↔ 县: the generic word a document uses of itself
_GENERIC_LEVEL = {"省": ("省", "自治区"), "市": ("市",), "州": ("州", "盟"), "区": ("区", "自治区"), "县": ("县",)}


def _resolve(place: Place, ctx: _Context, start: int) -> str:
    """全省/我省 → the province the document speaks for (else the one the article is about); 全市 →
    its city; other places as named."""
    if place.kind != "generic":
        return place.canonical
    jurisdiction = ctx.article.jurisdiction
    if jurisdiction and jurisdiction.endswith(_GENERIC_LEVEL.get(place.name[-1], ())):
        return ctx.doc.jurisdiction or jurisdiction
    wanted = "city" if place.name.endswith("市") else "province"
    return _named_right_before(ctx.text, ctx.offset + start, wanted) or _article_place(ctx.text, ctx.article, ctx.offset + start, wanted) or place.name


def _named_right_before(text: str, offset: int, kind: str) -> str | None:
    """北京 of 北京全市: the place of `kind` (a city may be a province-level one) named right before a
    generic word, else None."""
    before = text[max(0, offset - 8):offset]
    ends = [m for m in _places()[1].finditer(before) if m.end() == len(before)]
    place = _place_named(ends[-1].group(0)) if ends else None
    return place.canonical if place and place.kind in ((kind, "province") if kind == "city" else (kind,)) else None


def _article_place(text: str, article: Article, offset: int, kind: str) -> str | None:
    """The place of `kind` the article's title names, else the one its text before `offset`
    names most (at least three times and most of all such mentions)."""
    _, pattern = _places()
    in_title = [_place_named(m.group(0)) for m in pattern.finditer(article.title or "")]
    for p in in_title:
        if p.kind == kind:
            return p.canonical
    window = text[max(article.start, offset - 6000):offset]
    counts = Counter(p.canonical for p in (_place_named(m.group(0)) for m in pattern.finditer(window))
                     if p.kind == kind)
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 3 and n * 2 > sum(counts.values()) else None


# ------------------------------------------------------------------ indicators and changes
_LEADING = re.compile(r"^(?:凭借|依托|依靠|借助|扣除价格因素(?:影响)?后?|按可比价格计算|短短几年|几年来|多年来|近年来|近几年|力争|确保|争取|努力|[一二三四五六七八九十]是|首先|其次|再次|其中|而且|而|且|并且|并|同时|但是|但|也|均|分别|另外|此外|以及|及|和(?![美谐平])|与|从而|进而|使得?"
                      r"|推动|带动|促进|实现|完成|共有|拥有|每年|共计|共(?![济享建治识])|有效地|有效(?=[推促提降带解保缓遏防将把使])|有(?![效色机关线])|全年|累计|当年|同年|全部|总计|合计|的|在(?![校职岗建读园])(?![\u4e00-\u9fff](?:就业|务工|投资|创业|居住|学习|工作))"
                      r"|达到|将(?!来)|把|成功地?|跻身|位列|位居|甚至|建议(?=[^，,]{4,})|再(?!生|制造|就业)|又|还|约(?![束定])|仅|只有|截至|截止到?|到(?!达)|至(?!少)|包括"
                      r"|即|其(?![他余次])|该|这里|那里|这一?|各(?![类项级种])|之?后|相应的?|(?:两者|二者|彼此|相互)?之间的?|随后|目前|当前|现有|含(?!量)|\d+年间|等(?!外级)(?:城市|地区|国家|省份|省区)?的?|[、，,：:；;）)（(\s])+")
_TRAILING = re.compile(r"(?:(?:控制|稳定|保持|维持)在|处于|接连|先后|相继|连续|(?:目标)?(?:设定|确定)为?|力争|确保|争取|努力|首次|再次|全部|年均|实现|依次|保持|(?:一般|通常|大多|大都)在|实际|名义|累计完成|完成|已经|已然|平均为|平均|分别为|分别是|分别|为|是|达到了?|达|约为|约|共计|共|有|了|则|仍|已|均|也"
                       r"|都|就|只有|仅为|仅|占|的|期间|其实|虽然|虽|尽管|(?<![集高初])中|迈上了?|迈入|跨上|登上|站上|：|:|\s)+$")
_CHANGE = re.compile(r"(同比|环比|比上年|较上年|年均|平均|累计)?(增长了?|下降了?|提高了?|降低了?|增加了?|减少了?|上升了?|回落了?|跌落至"
                     r"|收窄了?|扩大了?|缩小了?|上涨了?|下跌了?|增至|降至|提升了?|翻了?|缩短了?|压缩了?|延长了?|节省了?"
                     r"|节约了?|净增加?|增产|减产|恢复(?:到|至)?|精简了?|压降了?|压减了?|调增了?|调减了?|削减了?|缩减了?|前进了?|后退了?|前移了?|(?:提高|增加|上升|下降|降低|增长|减少|扩大|缩小|提升|缩短|压缩|延长)(?:到|至)"
                     r"|高于[^，,]{0,16}|低于[^，,]{0,16}|高出[^，,]{0,8}|多于[^，,]{0,8}|少于[^，,]{0,8}|超出[^，,]{0,8})$")
# 由181个合作伙伴组成: parts, not a start; 自由贸易, 理由, 无从: 由 and 从 inside a word
_FROM = re.compile(r"(?<![自理缘事因来经无何])(由|从)(?!于|而|事|属|来)(?=[^，,]{0,20}?\d)(?![^，,。；]{0,40}?(?:组成|构成))")
_TO = re.compile(r"(增加|提高|提升|上升|下降|降低|减少|扩大|缩小|增长|缩短|压缩)?(到|至)|(?:缩小|扩大|下降|上升|增长|提高|降|升|减少|增加)(为)")
# 与 opens a comparison only when one follows (与上年相比, 与东部的差距); 公交与轨道换乘比例 names one thing
_COMPARE_CUT = re.compile(r"((?<![占之])比(?![重例值率如])|较(?![高低快慢大小多少好])|相比|相较于?"
                          r"|与(?=[^，,]{0,15}?(?:相比|比较|持平|差距|差额|相差|差值|之间|对比|同期)))[^，,]{0,15}$")
_ADVERB = re.compile(r"(?:远|逐渐|不断|大幅|明显|略|稍|进一步|持续|继续|仍然|依然|显著|较大幅度|快速|稳步|逐步|分别|均|都|也|仍)+$")
# 过境业务量占全国, 工业产值不足全国: a share of a whole, named as such
_SHARE = re.compile(r"^(?P<thing>.*?)(?:约|仅|只|已|均|也|分别|大约)?(?:占|不足|超过|接近|相当于)(?P<whole>[^占]{1,12})$")
_SHARE_QUALIFIER = re.compile(r"(不足|超过|接近)[^，,\d]{1,10}?的?\s*$")
# 619项政务服务事项, 58家企业在…: the noun a count classifier counts
_COUNTED = re.compile(r"[“\"]?(?P<noun>[\u4e00-\u9fffA-Za-z]{1,16})")
_COUNTED_STOP = re.compile(r"全部|全面|建设|开诊|运营|加快|投入|落地|开工|开展|实施|推进|的|在(?![建营运])|被|是|为|(?<![高初集小城])中(?![心医国药小学])|(?<!公)共(?![性享建治同体])|已|均|都|也|将|和(?![美谐平])|与|及|等|实现|获得|参与|进行|成为|入选|分别|主要|之间"
                           r"|没有|未(?!来)|有|通过|落实|进入|挂牌|显著|完成|达到|提供|形成|覆盖|建成|包括|以上|左右|值得|得到|增|减(?![碳排])|提|(?<!节能)降(?!碳)|上升|扩|缩"
                           r"|到|至|占|比|较|相|同比|(?<![独定安聚移寄旅宜])居(?![民住家室所])|(?<![省市县区])列|排|分散|分布|延伸|辐射|连接|贯通|组成|构成|作为")
# 从经济总量来看，…: the topic a sentence announces for its figures
_TOPIC = re.compile(r"^\s*(?:首先|其次|再次|最后|同时|此外|另外|具体而言|具体来看)?[，,]?\s*(?:从|就)(?P<topic>[^，,。；]{2,30}?)"
                    r"(?:来看|看|而言|方面来看)[，,]")
_NOT_TOPIC = {"现实", "总体", "整体", "长远", "长期", "短期", "实践", "理论", "历史", "目前", "当前", "国际", "国内",
              "全局", "宏观", "微观", "结果", "数据"}


def _indicator_for(q: Quantity, clause: int, previous_end: int, frm: re.Match | None, sentence: str,
                   periods: list[Period], mentions: list[_Mention], owner: _Mention | None,
                   carry: _Carry) -> tuple[str | None, str | None]:
    """(indicator, change) for a quantity: the noun phrase of its clause before it (after any earlier
    figure of the clause), and the change verb that links them (同比下降, 由…增加到…)."""
    change = None
    if frm:
        to = _TO.search(sentence, frm.end(), q.start)
        change = (f"{frm.group(1)}…{to.group(0)}…(终点)" if to else f"{frm.group(1)}…(起点)")
        if frm.start() < previous_end:   # 由A增加到B: B measures what A measured
            return carry.indicator, change
    if owner is not None and owner.place.kind == "body" and _compared_level(q, mentions, sentence):
        return carry.indicator, None   # …达到6.17%，远超过创新型国家和地区2.5%的水平: the same measure
    bracketed = _bracketed_measure(sentence, q, owner)
    if bracketed:   # (not carried: the clause goes on about its own figures, …的11.5%)
        return bracketed, change
    phrase_start = max(clause, previous_end, _paren_start(sentence, q.start))
    phrase = sentence[phrase_start:frm.start() if frm and frm.start() >= phrase_start else q.start]
    if phrase_start == previous_end > 0:   # 投放50%以上号源、转诊量增长90%: 号源 is the figure before's
        phrase = re.sub(r"^[\u4e00-\u9fff]{1,8}、(?=[\u4e00-\u9fff]{2})", "", phrase)
    listed_next = phrase.rstrip().endswith("、")   # 推进抽水蓄能电站、400万千瓦光伏装机等
    phrase = re.sub(r"\s+", "", _without(phrase, phrase_start, periods, mentions, owner))
    phrase = _strip_qualifier(phrase, q)
    occupies = re.search(r"占(?:到了?|了)?\s*$", phrase) is not None
    phrase = _TRAILING.sub("", _NOT_BEYOND.sub("", _TRAILING.sub("", phrase)))
    verb = _CHANGE.search(phrase)
    if verb:
        yearly = not verb.group(1) and re.search(r"年均\s*(?:分别|均|都)\s*$", phrase[:verb.start()])
        change = change or (f"年均{verb.group(0)}" if yearly else verb.group(0))   # 税收收入年均分别增长3%
        phrase = _TRAILING.sub("", _ADVERB.sub("", phrase[:verb.start()]))
    cmp_ = _COMPARE_CUT.search(phrase)
    # 人均地区生产总值比从2012年的1.69: 比 just before the figure's start point ends a ratio's name;
    # 研发费用与营收之比: 与 inside a ratio's name
    if cmp_ and not (cmp_.group(0) == "比" and frm and sentence[:frm.start()].rstrip().endswith("比")) \
            and not (cmp_.group(1) == "与" and _RATIO_NAME.search(phrase)):
        phrase = phrase[:cmp_.start()]
    phrase = _gap_to_place(_noun_phrase(phrase), sentence[clause:q.start])
    done = _DONE_THEN.fullmatch(phrase or "")
    if done:   # 省级部门运维实现集中管理、经费下降28%: the topic's own measure after what it achieved
        phrase = done.group("topic") + done.group("measure")
    total = re.fullmatch(r"(.{2,12}?)、(总数|总量|累计)", phrase or "")
    if total:   # 28人当选“中国好人”、总数207人
        phrase = f"{total.group(1)}{total.group(2)}"
    # 成功实现了619项政务服务事项: what a count classifier counts is the noun after it
    phrase = (_people_served(sentence, max(clause, previous_end), q) or _counted_noun(sentence, q)
              or ("" if _BARE_VERB.fullmatch(phrase) else phrase) or _share_noun(sentence, q))
    if not phrase and clause > previous_end:
        phrase = _gap_to_place(_lead_noun_phrase(sentence, clause, previous_end, periods, mentions), sentence)
    if q.unit == "%" and phrase:
        # 二是轨道交通在公共交通中占主导，占公共交通的75%: a share alone takes the thing the clause before names
        lead = _lead_noun_phrase(sentence, clause, previous_end, periods, mentions) \
            if clause > previous_end and phrase.startswith("占") else ""
        phrase = _as_share(phrase, lead or carry.indicator)
    phrase = _ratio_part(phrase, sentence, q)
    phrase = _released_thing(phrase, sentence, q)
    item = re.match(r"([\u4e00-\u9fff]{2,8}?)(?=等|、|[，,。；;])", sentence[q.end:]) if listed_next else None
    if item and q.unit not in _MEASURE_UNITS:
        phrase = item.group(1)
    phrase = _ranking_moved(sentence, clause, q, carry.indicator) or phrase
    after = _CHANGE_AFTER.match(sentence, q.end) if q.unit == "%" and not change else None
    if after:   # 进出口总额实现9.01%的快速增长
        change = after.group(1)
    given = _SHARE_VERB.search(sentence, phrase_start, q.start) if q.unit == "%" else None
    of = re.match(r"\s*(?:以上|左右)?\s*的?\s*([\u4e00-\u9fff]{2,8}?)(?=[，,。；;、）)]|$)", sentence[q.end:]) if given else None
    taken = of.group(1) if of else _noun_phrase(re.sub(r"的\s*$", "", sentence[given.end():q.start])) if given else ""
    if len(taken) >= 2:   # 占据德国99%的商业市场, 创造德国经济总量的55%
        phrase = _share_given(taken, sentence[given.end():q.start] if of else "", carry.indicator)
    if occupies and q.unit == "%" and phrase and "占" not in phrase and carry.indicator and carry.indicator != phrase:
        phrase = f"{phrase}占{_variable_of(carry.indicator) or carry.indicator}的比重"   # 其中农村地区非网民约占59.8%
    spent = _SPENT_ON.match(sentence, q.end) if q.unit == "%" and phrase else None
    if spent:   # 财政支出八成以上投向民生领域: the share that goes to what follows
        phrase = f"{phrase}{spent.group(1)}{spent.group(2)}的比重"
    multiple = re.fullmatch(r"(.{2,}?)是(.{2,})", phrase or "") if q.unit == "倍" else None
    if multiple:   # 东部地区的GDP是西部地区的3.05倍
        phrase = f"{multiple.group(1)}相当于{multiple.group(2)}的倍数"
    if not (phrase and re.search(r"[\u4e00-\u9fffA-Za-z]", phrase)):
        phrase = next((m.place.canonical for m in _counted_classes(q, mentions, sentence)), phrase)
    if not (phrase and re.search(r"[\u4e00-\u9fffA-Za-z]", phrase)) and change and q.unit == "%" and not carry.indicator:
        phrase = _opening_variable(sentence, clause)   # 全省生产总值连续跨越…三个大台阶，年均增长5.9%
    phrase = _after_quoted_examples(phrase)
    if q.unit not in _MEASURE_UNITS and not change:
        phrase = _per_year(phrase, sentence[phrase_start:q.start], carry.indicator if phrase_start == previous_end else None)
    if phrase and re.search(r"[\u4e00-\u9fffA-Za-z]", phrase):
        carry.indicator = phrase
        return phrase, change
    return carry.indicator, change


_PER_YEAR = re.compile(r"\s*(每年|年均)(?=[\u4e00-\u9fff])")
_LEVEL_VERB = re.compile(r"稳定|保持|达到?|为|超过|突破|累计|总")


def _per_year(phrase: str | None, region: str, before: str | None) -> str | None:
    """每年城镇新增就业60万人, 年均新增城镇就业30万人、输转城乡富余劳动力500万人: a yearly amount keeps its
    每年/年均 (also when a list shares it), so it does not read as a total over the years."""
    if not phrase or _PER_YEAR.match(phrase) or _LEVEL_VERB.search(region):
        return phrase
    own = _PER_YEAR.match(region)
    shared = _PER_YEAR.match(before or "") if region.lstrip().startswith("、") else None
    word = own or shared
    return f"{word.group(1)}{phrase}" if word else phrase


# …的若干政策”等新闻发布会12场: a phrase cut inside quoted examples, then 等 and the thing counted
_QUOTED_EXAMPLES = re.compile(r"^[^“《]*[”》]\s*等(?=[\u4e00-\u9fffA-Za-z]{2})")


def _after_quoted_examples(phrase: str | None) -> str | None:
    """The thing the quoted examples before 等 are of (新闻发布会), when the phrase opens inside the quotes."""
    m = _QUOTED_EXAMPLES.match(phrase or "")
    return phrase[m.end():] if m else phrase


# 省级部门运维实现集中管理、经费: a topic, what it achieved, and then a measure of its own
_DONE_THEN = re.compile(r"(?P<topic>[\u4e00-\u9fff]{2,10}?)(?:实现|完成|达到)[^、，,]{2,10}、(?P<measure>[\u4e00-\u9fff]{1,4})")
_FOOTNOTE_MARK = re.compile(r"\[\d{1,2}\]|[\u2460-\u24ff\u2776-\u2793¹²³⁴⁵⁶⁷⁸⁹⁰]")
# 招生占比不低于总招生数的70%: a bound stated with the figure, not a change against another thing
_NOT_BEYOND = re.compile(r"不(?:低于|少于|高于|超过|多于|大于|小于)[^，,\d]{0,12}?的?$")
# 研发费用与营收之比, 城乡居民收入的比值: a ratio named with 与
_RATIO_NAME = re.compile(r"与[^，,]{1,14}(?:之比|的比值|的比例|的比率)$")
# 三次产业结构为3.9:39.0:57.1: the named parts of a whole a ratio run splits, in order
_RATIO_PARTS = {"三次产业": ("第一产业", "第二产业", "第三产业")}
_RATIO_RUN = re.compile(r"\s*[∶:：]\s*\d")


# 政府就出台了约4万亿元的一揽子…投资计划: what a verb releases is named after the figure
_RELEASES = re.compile(r"(?:出台|推出|实施|安排|下达|发行|设立|筹集|启动|发放)$")
_RELEASED = re.compile(r"\s*的\s*([^，,。；;：:]{2,24}?)(?=[，,。；;]|$)")
# 增速居全国第5位，较2019年年底提高14位: the ranking a move of places is of
_RANK_MOVE = re.compile(r"(?:提高|上升|前进|提升|下降|后退|下滑|前移|跃升)了?\s*$")
_RANKED = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:居|位居|位列|排名|排在|列)(?:全国|全省|全市|全球|世界|中部|西部|东部)?"
                     r"[^，,。；]{0,4}?第")


_RANK_FIELD = re.compile(r"在[^，,。；;]{0,24}?中(?=(?:位居|居|位列|排名|排在|列)第)")


def _ranking_moved(sentence: str, clause: int, q: Quantity, carried: str | None) -> str | None:
    if q.unit not in ("位", "名") or not _RANK_MOVE.search(sentence[clause:q.start]):
        return None
    # 营商环境在全球161个主要经济体中位居第31位: the field ranked over is no part of what is ranked
    before = _RANK_FIELD.sub("", sentence[:q.start])
    ranked = list(_RANKED.finditer(before))
    if not ranked:
        return None
    name = re.sub(r"^[年月日]", "", _noun_phrase(ranked[-1].group(1)))   # 2019年中国的营商环境: the year's 年 left
    place = _places()[1].match(name)
    if place and name[place.end():place.end() + 1] == "的":
        name = name[place.end() + 1:]   # 中国的营商环境: the place is the subject
    if is_generic_measure(name):
        name = (_variable_of(carried) or "") + name
    return f"{name}排名" if len(name) >= 2 else None


# 实现9.01%的快速增长: the change named after the figure
_CHANGE_AFTER = re.compile(r"\s*的\s*[\u4e00-\u9fff]{0,3}?(增长|下降|增幅|降幅|涨幅|提升|提高)")
# 中小型企业占据德国99%的商业市场，提供60%的就业: the share of what a verb gives or takes
_SHARE_VERB = re.compile(r"(?:占据|提供|创造|贡献(?!率)|吸纳|承担|投放)(?=[\u4e00-\u9fff]{0,10}?的?\s*$)")
# 财政支出八成以上投向民生领域: a share named by where it goes
_SPENT_ON = re.compile(r"\s*(?:以上|左右)?\s*(投向|用于|投入|集中在|集中于|分布在|来自)([\u4e00-\u9fff]{2,8}?)(?=[，,。；;、]|$)")
# 消防站点5分钟到达: the time it takes to do what follows
_TIME_TAKEN = re.compile(r"\s*(?:内)?\s*(到达|送达|办结|通达|抵达|到场|响应|(?:上高速|开工|投产|封顶|竣工|完工|交付|"
                         r"具备开工条件)(?=[，,。；;、]|$))")


def _share_given(taken: str, whole: str, before: str | None) -> str:
    """The indicator of a share a clause gives to what follows it (占据德国99%的商业市场 → 商业市场占比); a
    bare measure (贡献了全国24.1%的增量) is of the variable the figure before measured (货物进出口总额增量占全国的比重)."""
    variable = _variable_of(before) if is_generic_measure(taken) else ""
    if not variable:
        return f"{taken}占比"
    whole = re.sub(r"^了|的$", "", whole.strip())
    return f"{variable}{taken}占{whole}的比重" if 2 <= len(whole) <= 6 else f"{variable}{taken}占比"


def _gap_to_place(name: str | None, clause: str) -> str | None:
    """西部地区与东部地区及全国平均水平的差距分别缩小至A和B: a place (or its average) that a gap is to names
    no variable; the bare gap word is left for the variable of the clause or sentence before."""
    place = _places()[1].match(name or "")
    rest = name[place.end():] if place else name or ""
    gap = re.fullmatch(r"(?:平均水平|平均)?的?(差距|差额|差值)?", rest)
    if not gap or not (place or rest):
        return name
    word = re.search(r"差距|差额|差值", clause)
    return gap.group(1) or (word.group(0) if word else name)


def _released_thing(phrase: str | None, sentence: str, q: Quantity) -> str | None:
    if phrase and _RELEASES.search(phrase):
        m = _RELEASED.match(sentence, q.end)
        noun = re.split(r"的", m.group(1))[-1] if m else ""
        return noun if len(noun) >= 2 and indicator_confidence(noun) == "high" else phrase
    m = _TIME_TAKEN.match(sentence, q.end) if q.unit in ("分钟", "小时", "天", "日", "个月") else None
    if m and phrase:
        return f"{phrase}{m.group(1)}时间"
    span = re.match(r"\s*(?:的)?(范围|半径)", sentence[q.end:]) if q.unit in ("千米", "公里", "米") else None
    if span and phrase and not phrase.endswith(span.group(1)):   # 市郊铁路一般在30—70千米范围
        return f"{_bracket_closed(phrase)}{span.group(1)}"   # 快线铁路（在地面运行）一般在15—30千米范围
    held = re.match(r"\s*((?:达到|保持|处于|位居|居)[^，,。；;]{1,8}?)(?=[，,。；;]|$)", sentence[q.end:]) \
        if q.unit in ("个月", "天", "年") else None
    if held and phrase:   # 全湖水质累计6个月达到Ⅲ类: how long it held
        return f"{re.sub(r'累计$', '', phrase)}{held.group(1)}的时长"
    return phrase


def _ratio_part(phrase: str | None, sentence: str, q: Quantity) -> str | None:
    """三次产业增加值的构成由2000年的21.44∶38.97∶39.59: the first term of a ratio run is the share of the
    first part of the whole (第一产业增加值占比)."""
    if not _RATIO_RUN.match(sentence, q.end) or re.search(r"[∶:：]\s*$", sentence[:q.start]):
        return phrase
    clause = sentence[_clause_start(sentence, q.start):q.start]
    whole = next((w for w in _RATIO_PARTS if w in clause), None)
    if not whole:
        return phrase
    measure = next((w for w in ("投资", "就业人员", "从业人员", "增加值") if w in clause), "增加值")
    return f"{_RATIO_PARTS[whole][0]}{measure}占比"


# 迈上3万亿元台阶, 组织4次: a verb alone before a figure, which names no variable
_BARE_VERB = re.compile(r"(?:迈上|迈入|跨上|突破|达到|实现|完成|建设|组织|开展|支持|推动|推进|落实|打造|新增|累计|恢复|同比恢复|同|增加|"
                        r"扩大|提升|提高|超过|超|达|约|新建|建成|落地|引进|招引|培育|举办|带动|拉动|获得|吸引"
                        r"|变|变为|相对于?|相比于?|相较于?|较|比|迈上了?|迈入|跨上|跨越)")


# 新增专精特新中小企业1003户, 建成…幸福院900个, 开工建设8个抽水蓄能电站: a count of things added over the
# span, not the stock of them; the verb may stand at the head of a list (新入库A400家、B300家)
_ADDED = re.compile(r"(新增|新入库|新认定|新开工|新建成?|建成(?![区率])|开工建设)|(?:^|[^\u4e00-\u9fff]|[动设局划])(建设|开工)\s*$")


# 是2003年的14.87、15.03、9.16倍, 增额是2000年的11.7倍: a multiple of the same variable in a base year
_MULTIPLES_LISTED = r"(?:(?:近|约)?\s*\d+(?:\.\d+)?\s*倍?\s*(?:[、，,]|和|及|与)\s*)*(?:近|约)?\s*"
_OF_BASE_YEAR = re.compile(r"(?:是|为|相当于)\s*((?:19|20)\d{2})\s*年(?:同期)?\s*的\s*" + _MULTIPLES_LISTED + "$")
# …分别是2003年的14.87、15.03、9.16倍，西北地区分别是12.68…倍: a later list without a base has the same one
_OF_NO_BASE = re.compile(r"分别(?:是|为|相当于)\s*" + _MULTIPLES_LISTED + "$")
_BASE_YEAR_MULTIPLES = re.compile(r"(?:是|为|相当于)\s*((?:19|20)\d{2})\s*年(?:同期)?\s*的\s*" + _MULTIPLES_LISTED + r"\d+(?:\.\d+)?\s*倍")


def _as_multiple_of_year(indicator: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """The indicator of a multiple of a base year's figure (铁路运营里程是1978年的2.7倍):
    the variable 相当于 that year's, so the row does not read as the variable's own size."""
    if q.unit != "倍" or not indicator or re.search(r"倍|相当于", indicator):
        return indicator
    m = _OF_BASE_YEAR.search(sentence, clause, q.start)
    if not m and _OF_NO_BASE.search(sentence, clause, q.start):
        m = next(reversed(list(_BASE_YEAR_MULTIPLES.finditer(sentence, 0, clause))), None)
    return f"{indicator}相当于{m.group(1)}年的倍数" if m else indicator


# 省域间城镇化质量差异: a difference between parts named with what differs
_NAMED_DIFFERENCE = re.compile(r"([\u4e00-\u9fff]{2}[间内])((?:(?!差异|[间内])[\u4e00-\u9fff]){2,8}?)差异")
_BARE_DIFFERENCE = re.compile(r"([\u4e00-\u9fff]{2}[间内])差异")


def _difference_of(indicator: str | None, differences: dict) -> str | None:
    """西部地区省域间差异在总体差异中的占比 after 省域间城镇化质量差异最大: a difference named bare is of
    what the paragraph said differs."""
    m = _BARE_DIFFERENCE.search(indicator or "")
    if not m or m.group(1) not in differences:
        return indicator
    return indicator[:m.start()] + differences[m.group(1)] + indicator[m.end():]


def _as_added(indicator: str | None, before: str, unit: str) -> str | None:
    """The indicator of a count with the verb that says it counts additions (新增, 建成), when its clause has one."""
    if not indicator or unit not in _COUNT_UNITS:
        return indicator
    verbs = [m.group(1) or m.group(2) for m in _ADDED.finditer(before)]
    if not verbs or re.search(r"新增|新入库|新认定|新建|建成|开工|建设|累计|总数|总量", indicator):
        return indicator
    return f"{verbs[-1]}{indicator}"


# 比全国平均水平54.64%低近11个百分点: a gap to another level, not the level itself
_GAP_TO_BASE = re.compile(r"(比|较)([^，,；;比较]{1,14}?)(?:\d+(?:\.\d+)?\s*%)?\s*(高|低|多|少|快|慢)(?:出|了)?"
                          r"(?:\s*(?:近|约|超过|逾)?\s*\d+(?:\.\d+)?\s*(?:个)?\s*(?:百分点)?\s*(?:和|、|与))*\s*(?:近|约|超过|逾)?\s*$")


def _gap_to_base(before: str, unit: str) -> str | None:
    """The change of a rate stated as a gap to another one (比全国平均水平低), when the figure is such a gap."""
    m = _GAP_TO_BASE.search(before) if unit in ("百分点", "%") else None
    return f"{m.group(1)}{m.group(2).strip()}{m.group(3)}" if m else None


def _bracket_closed(phrase: str | None) -> str | None:
    """新备案境外投资企业（机构 → 新备案境外投资企业: a bracket the cut left open goes, with what follows it."""
    if not phrase:
        return phrase
    depth, cut = 0, None
    for i, ch in enumerate(phrase):
        if ch in "(（":
            depth, cut = depth + 1, cut if depth else i
        elif ch in ")）" and depth:
            depth -= 1
    return phrase[:cut].rstrip("的、 ") or phrase if depth and cut else phrase


def _noun_phrase(phrase: str) -> str:
    """The phrase without leading connectives, trailing verbs and quotes, footnote markers
    (生产总值[2]) and letter-spacing."""
    phrase = _LEADING.sub("", _FOOTNOTE_MARK.sub("", phrase).strip())
    phrase = re.sub(r"[（(][^）)]*$", "", phrase)   # a bracket left open by the cut: 人数（含离退休人员
    phrase = re.sub(r"[（(][^（()）]*(?:[，,；;]|下同)[^（()）]*[）)]", "", phrase)   # 固定资产投资（不含农户，下同）
    phrase = re.sub(r"[（(]\s*(?:含|包括|不含)[^（()）]*[）)]\s*$", "", phrase)   # 中等职业教育学校（含技工）37所
    phrase = re.sub(r"^\d+\s*(?:个|项|家|所|座|条|批)(?=\D)", "", phrase)   # 1596个“千项万亿”重大项目完成投资
    phrase = re.sub(r"连续\s*[\d一二三四五六七八九十]+\s*年|(?<=[\u4e00-\u9fff]{2})[一二三四五六七八九十]年(?:来|间|内)?$", "",
                    phrase)   # 公众安全感满意度连续5年保持在, 居民人均可支配收入五年增长
    phrase = re.sub(r"(?:于|在|从)?\s*、\s*、.*$", "", phrase)   # 经济总量于(2010年、2013年、2016年)先后跨越
    phrase = _unquoted_ends(_TRAILING.sub("", phrase).strip("《》()（）、，, "))
    phrase = _LEADING.sub("", phrase)
    if len(re.sub(r"[（(][^）)]*[）)]", "", phrase)) > 24:   # a long run is a clause, not a noun phrase: keep its last part
        tail = phrase.split("的")[-1]   # 具有资质等级的总承包和专业承包建筑业企业总产值: after 的 first
        done = _LEADING_VERB.match(tail)   # 滚动实施节能降碳技术改造项目和用能设施设备更新项目: what was done
        tail = tail[done.end():] if done and len(tail) - done.end() <= 24 else tail
        phrase = tail if len(tail) <= 24 else _last_part(re.split(r"[的和及]", phrase)[-1])
    phrase = re.sub(r"^度(?=[\u4e00-\u9fff]{2})", "", phrase)   # 上年度结转申请: what the masked 上年 leaves
    return re.sub(r"\s+", "", phrase)   # letter-spaced print: 社 会 消 费 → 社会消费


def _last_part(run: str) -> str:
    """The last 24 characters of a long run, or all of it when they would cut into a list of examples
    (先进装备、电子信息、新能源汽车等7大产业集群对工业贡献率, not 、电子信息…)."""
    return run if "、" in run[-24:] and len(run) <= 32 else run[-24:]


# 滚动实施, 加快推进: the verb a long noun phrase of what was done opens with
_LEADING_VERB = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:实施|建设|推进|完成|开展|打造|新建|改造|培育|推动)")


def _unquoted_ends(phrase: str) -> str:
    """A quote mark at either end goes unless it pairs with one inside (“千项万亿”重大项目 keeps both)."""
    for _ in range(2):
        phrase = phrase.lstrip("”’").rstrip("“‘")
        if phrase[:1] in "“\"" and not re.search(r"[”\"]", phrase[1:]):
            phrase = phrase[1:]
        if phrase[-1:] in "”\"" and not re.search(r"[“\"]", phrase[:-1]):
            phrase = phrase[:-1]
        phrase = phrase.strip("《》()（）、，, ")
    return phrase


# 第一产业占比呈现逐年下降趋势，由2000年的21.44%…: the clause before names what the figures measure
_PREDICATE = re.compile(r"(?<!自)由(?=[负降正增亏盈])|(?<![否原规法准])则(?=[\u4e00-\u9fff])|增长最快|明显提升|加快|恢复|回升|回落|下滑|好转|企稳|放缓|提速|向好|降幅|增幅|增速|呈现|呈|不断|持续|逐年|逐步|先|(?<![人平生户])均|基本|一直|明显|大幅|有所|继续|保持|出现|实现|是|为|在|也|都|总体")


# what a part names when it names no measure of its own: 饮料类, 衣着, 私人轿车
_MEASURE_WORD = re.compile(r"(?:零售额|销售额|营业额|价格|增加值|产量|产值|投资|收入|支出|保有量|总额|人数|面积|余额|里程|警情|"
                           r"率|额|量|数|值|价|费|(?<![冶黄白合])金|比重|占比|份额|比例)$")
# 限额以上批发零售业企业商品零售额中，…; 在居民消费价格中，…: the whole the sentence's parts belong to
_SCOPE = re.compile(r"(?:^|[，,：:])\s*(?:在)?(?P<scope>[^，,。；：:]{2,30}?)中\s*[，,：:]")


def _last_scope(text: str) -> re.Match | None:
    found = list(_SCOPE.finditer(text))
    return found[-1] if found else None


# figures that describe the thing counted just before: 初级中学461所，毕业生…、在校生…; 项目3800个，总投资…
_DESCRIBES = re.compile(r"(?:招生|在校生|在校学生|毕业生|毕\(结\)业生|教职工|专任教师|床位|卫生技术人员|从业人员|总投资|总规模|"
                        r"签约总金额|总金额|投资额|总产值|营业收入|成交价|成交额|成交金额|"
                        r"(?:补助|补贴|救助|资助|奖补|发放|支付|赔付)(?:金额|资金)|新增(?:运营|通车)?里程)")


def _scoped(indicator: str | None, stated: list[tuple[str | None, str | None]]) -> str | None:
    """在校生 after 初级中学461所, 总投资 after 产业项目3800个: what describes the counted thing is scoped by it."""
    if not indicator or not stated or not _DESCRIBES.fullmatch(indicator):
        return indicator
    first = next((i for i, _ in stated if i and not _DESCRIBES.fullmatch(i)), None)
    thing = first or ""
    if _DESCRIBES.search(thing):   # 特殊教育学校招生396人，在校生2195人 (not 编制床位…，卫生技术人员…)
        thing = re.sub(f"(?:{_DESCRIBES.pattern})$", "", thing)
        thing = thing if re.search(r"(?:学校|学|园|院|机构|企业|项目)$", thing) else ""
    return thing + indicator if 2 <= len(thing) <= 12 else indicator


def _sub_item(indicator: str | None, stated: list[tuple[str | None, str | None]], sentence: str,
              clause: int, count: bool = False) -> str | None:
    """省级以上工程技术研究中心363个，其中国家级2个: a level named after 其中 is a part of the thing
    counted just before (国家级工程技术研究中心); 商品零售额中，…饮料类下降13.4%, 民用轿车保有量…，其中私人
    轿车…下降3.7%: a part that names no measure takes the measure of its whole (a count of parts does not:
    在建项目1738个，其中亿元以上项目724个)."""
    if indicator and not _MEASURE_WORD.search(indicator) and re.search(r"(?:类|[^的]{2,})$", indicator):
        scope = _last_scope(sentence[:sentence.find(indicator) if indicator in sentence else len(sentence)])
        part = re.match(r"\s*其中", sentence[clause:]) or re.search(r"其中\s*[：:]", sentence[:clause])
        before = sentence[_clause_start(sentence, max(clause - 1, 0)):clause] if part else ""
        if part and not re.match(r"\s*其中", sentence[clause:]):
            before = sentence[:sentence.rfind("其中", 0, clause)]   # 总里程31700公里，其中：高速公路…，县道…
        named = re.search(r"(?:零售额|销售额|价格|增加值|产量|产值|投资|收入|支出|保有量)", before)
        whole = (before if named else scope.group("scope") if scope else
                 stated[-1][0] if stated and stated[-1][0] and before else "")
        if whole and not _MEASURE_WORD.search(whole):
            found = re.search(r"(?:零售额|销售额|营业额|价格|增加值|产量|产值|投资|收入|支出|保有量|总额)", whole)
            whole = whole[:found.end()] if found else whole
        measure = _MEASURE_WORD.search(whole or "")
        if measure and not re.fullmatch(r"[\u4e00-\u9fff]{1,4}级", indicator):
            word = re.search(r"(?:零售额|销售额|营业额|价格|增加值|产量|产值|投资|保费收入|收入|支出|保有量|总额|人数|面积|余额|里程)$", whole)
            if count and not (word and word.group(0) in ("保有量", "人数", "产量")):
                return indicator   # a count of parts is no part of the whole's money or value
            return indicator + (word.group(0) if word else "")
    if not (indicator and stated and stated[-1][0] and _PART_KIND.fullmatch(indicator)
            and (re.match(r"\s*其中", sentence[clause:]) or re.search(r"其中\s*[：:]\s*$", sentence[:clause]))):
        return indicator
    level = re.search(r"级(?:以上|以下)?(?:的)?", stated[-1][0])
    return indicator + (stated[-1][0][level.end():] if level else stated[-1][0])


# 其中结果维持72件，…其他结果178件，尚未审结37件: parts named only by how they ended, or as the rest
_OUTCOME = re.compile(r"(?:结果|其他|其余|其它|尚未|已经?)[\u4e00-\u9fff]{0,2}")
_WHOLE_BEFORE_PARTS = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,16}?)\s*\d[\d.,]*\s*[\u4e00-\u9fff]{0,2}\s*[，,：:]?\s*其中\s*[：:]?")


def _outcome_of(indicator: str | None, sentence: str, clause: int) -> str | None:
    """政府信息公开行政复议351件，其中结果维持72件，…，其他结果178件: a part after 其中 named only by its
    outcome or as the rest is a part of the whole counted before 其中 (政府信息公开行政复议其他结果)."""
    if not indicator or not _OUTCOME.fullmatch(indicator):
        return indicator
    wholes = list(_WHOLE_BEFORE_PARTS.finditer(sentence, 0, clause + len("其中") + 1))
    return _noun_phrase(wholes[-1].group(1)) + indicator if wholes else indicator


# 其中国家级2个, （其中：民办428所）: a kind of the thing counted just before
_PART_KIND = re.compile(r"[\u4e00-\u9fff]{1,4}级|民办|公办|国有|集体|私营|个体|外资|公立|私立|民营")


# what a measure word is a measure of: the phrase without its share (占全国的比重) or measure tail
_MEASURE_TAIL = re.compile(r"(?:占.*|(?:的)?(?:年均|平均)?(?:增长率|增速|增幅|降幅|涨幅|比重|占比|份额|比例|总量|规模|数量|水平|差额|差距|相差|差值|得分|分值|指数|增额|增量|隶属度))$")


# the measure words a list of products or facilities shares (粮食产量…，蔬菜2062.6万吨; 棉花总产…，蔬菜…;
# 县道里程…，乡道6820公里)
_SHARED_MEASURE = re.compile(r"(?:产量|总产|里程|面积|装机容量|用水量|用电量)$")


def _with_shared_measure(indicator: str | None, q: Quantity, stated: list[tuple[str | None, str | None]],
                         units: list[str]) -> str | None:
    """蔬菜2062.6万吨 after 粮食产量1350亿斤…: an item of the same unit as an earlier figure of the
    sentence, named without a measure, is measured as that figure was (蔬菜产量)."""
    if (not indicator or len(indicator) < 2 or _MEASURE_WORD.search(indicator) or q.unit in _MEASURE_UNITS
            or _SHARED_MEASURE.search(indicator) or _BARE_MEASURE.fullmatch(indicator)   # 棉花总产, 单产
            or q.unit in _COUNT_UNITS or not q.unit or q.unit.endswith("元")):   # money: 订单 is no 产值
        return indicator
    for (earlier, _), unit in reversed(list(zip(stated, units))):
        m = _SHARED_MEASURE.search(earlier or "")
        if m and (unit == q.unit or {unit, q.unit} <= {"吨", "斤", "公斤", "千克"}):
            return indicator + m.group(0)
    return indicator


# a measure that names no thing of its own: 秋粮播种面积…，总产量…; 风景名胜区10个，总面积…
_BARE_MEASURE = re.compile(r"总?(?:产量|产值|面积|收入|投资额?)|播种面积|单产|增加值|营业收入|营收|利润总?额?|里程|人数"
                           r"|死亡人数|受伤人数|起数|次数|件数|户数|人次")
_MEASURE_END = re.compile(r"(?:播种面积|总?产量|总?产值|总?面积|单产|增加值|营业收入|利润总?额?|总?收入|投资额?|人数|里程|数量"
                          r"|起数|次数|件数|户数|人次|(?<=事故)数)$")


_ROUTE = re.compile(r"(?:公路|铁路|国道|省道|县道|乡道|村道|航道|高速|地铁|轨道交通)$")
_SIBLING_MEASURE = re.compile(r"(?:增加值|零售额|销售额|产量|产值|营业收入|利润总额|保费收入|收入)$")


def _with_sibling_measure(indicator: str | None, q: Quantity, stated: list[tuple[str | None, str | None]],
                          units: list[str], parts: bool = False) -> str | None:
    """再生资源循环材料增加值增长41.0%，木材加工及家具制造增长1.3%: a change of a named part after the change
    of a sibling's measure is a change of that measure (木材加工及家具制造增加值); so is a level of a part
    listed after 其中 (保费收入…，其中财产险…，人身险…)."""
    if (not indicator or len(indicator) < 2 or not stated or units[-1] != q.unit or (q.unit != "%" and not parts)
            or _MEASURE_WORD.search(indicator) or _MEASURE_TAIL.search(indicator) or is_generic_measure(indicator)
            or indicator_confidence(indicator) == "low"):
        return indicator
    m = _SIBLING_MEASURE.search(stated[-1][0] or "")
    if m and m.group(0) == "收入" and not parts:
        return indicator   # 收入 alone is shared only by parts listed under 其中
    return indicator + m.group(0) if m and indicator not in (stated[-1][0] or "") else indicator


# 股份制企业增长3.6%, 烟酒类增长9.6%: an ownership type or a class of goods is no variable; its change is
# of the measure the paragraph named for the kinds before it (增加值, 零售额), or it is flagged
_KIND = re.compile(r"(?:企业|类|产业|行业|制造业)$")
_KIND_MEASURE = re.compile(r"(?:增加值|零售额|销售额|营业额|产量|产值|营业收入|利润总额|价格)$")


# 31个工业行业大类中有18个实现正增长, 有8个省份处于高水平和中高水平阶段: what is counted is the things
# the predicate after the figure holds for
_PREDICATED = re.compile(r"([\u4e00-\u9fff]{0,8}?)(实现|处于|位于|属于)([^，,。；;、\d“”\"]{2,12}|[“\"][^，,。；;、\d“”\"]{2,12}[”\"])(?=[，,。；;、]|$)")


# 董事会由20位来自…的权威人士构成, 科技咨询委员会主要由…的4位…专家构成: the members a body is made up of
_MADE_UP_BY = re.compile(r"(?P<body>[\u4e00-\u9fff]{2,8}?)(?:主要|则)?由[^，,。；;由]{0,24}?$")
_MADE_UP_OF = re.compile(r"[^，,。；;]{0,30}?(?:构成|组成)")


def _members_of(indicator: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """董事会成员 for the 20位 of 董事会由20位…权威人士构成, else `indicator`."""
    if q.unit not in ("位", "名", "人"):
        return indicator
    body = _MADE_UP_BY.search(sentence, clause, q.start)
    if not body or not _MADE_UP_OF.match(sentence, q.end):
        return indicator
    return re.sub(r"^(?:其中|该|其)", "", body.group("body")) + "成员"


# 其余70.97%的省份综合技术效率均低于0.9: the share of the rest of a class, with what holds for them
_SHARE_OF_REST = re.compile(r"\s*的\s*(?P<cls>省份|省区|城市|地区|县|区县|企业|国家|地级市)(?P<prop>[^，,。；;]{2,20}?)(?=[，,。；;]|$)")


def _share_of_the_rest(indicator: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """综合技术效率低于0.9的省份占比 for 其余70.97%的省份综合技术效率均低于0.9, else `indicator`."""
    rest = _SHARE_OF_REST.match(sentence, q.end) if q.unit == "%" and re.search(r"其余\s*$", sentence[clause:q.start]) else None
    if not rest:
        return indicator
    holds = re.sub(r"(?<!人)(?:均|都|也|则)(?=低于|高于|大于|小于|超过|不足|达到|处于|在|为)", "", rest.group("prop").strip())
    return f"{holds}的{rest.group('cls')}占比"


def _counted_by_predicate(indicator: str | None, sentence: str, q: Quantity) -> str | None:
    """The counted noun with the predicate its clause ends in (实现正增长的工业行业大类), for a count of those that hold it."""
    m = _PREDICATED.match(sentence, q.end) if q.unit in _COUNT_UNITS and indicator else None
    if not m or (m.group(1) and not indicator.startswith(m.group(1))) or indicator in m.group(3):
        return indicator   # 17国中有12国属于欧盟成员: the count already names what it holds
    return f"{m.group(2)}{m.group(3)}的{m.group(1) or indicator}"


def _kind_measured(indicator: str | None, q: Quantity, change: str | None, carry: _Carry,
                   counted: bool = False) -> tuple[str | None, str | None]:
    """(indicator, "low" or None): a kind's change given the paragraph's measure, flagged when there is none
    (a class of goods; 私营企业69804户，增长7.3% is the change of the count just stated); a measure named
    here is kept in `carry` for the kinds after it."""
    sibling = _KIND_MEASURE.search(indicator or "")
    if sibling and q.unit == "%":
        carry.measure = sibling.group(0)
        return indicator, None
    if counted or not (indicator and q.unit == "%" and change and _KIND.search(indicator)
                       and not _MEASURE_TAIL.search(indicator)):
        if change or q.unit != "%":   # 占规模以上工业比重21.9%: a share between kinds' changes keeps the measure
            carry.measure = ""
        return indicator, None
    if carry.measure:
        return indicator + carry.measure, None
    return indicator, "low" if indicator.endswith("类") else None


def _with_earlier_scope(indicator: str | None, stated: list[tuple[str | None, str | None]]) -> str | None:
    """秋粮播种面积965.10万亩，总产量394.03万吨: a bare measure after an earlier figure of the sentence
    measures the thing that figure was of (秋粮总产量; 风景名胜区10个，总面积… → 风景名胜区总面积)."""
    if not indicator or not stated or not stated[-1][0] or not _BARE_MEASURE.fullmatch(indicator):
        return indicator
    earlier = stated[-1][0]
    if earlier.endswith(indicator):
        return earlier   # 死亡人数39人，比上年下降4.9%: the same measure again
    end = _MEASURE_END.search(earlier)
    scope = earlier[:end.start()] if end else earlier
    if not (2 <= len(scope) <= 12) or is_generic_measure(scope) or indicator_confidence(scope) == "low" \
            or _MEASURE_TAIL.search(scope) or re.search(r"[率比]$", scope):
        return indicator
    return scope + indicator


def _with_variable(measure: str, stated: list[tuple[str | None, str | None]], sentence: str, clause: int,
                   previous_end: int, periods: list[Period], mentions: list[_Mention],
                   previous_variable: str = "") -> str:
    """增速1.5% after 工业投资由降转增, 增长率为8.5% after 重庆GDP占…比重为10.4%: a bare measure takes the
    variable that the clause before names (or that the sentence's previous figure measured)."""
    join = measure if not measure.startswith("占") else measure.replace("的", "")
    lead = _lead_noun_phrase(sentence, clause, previous_end, periods, mentions) if clause > previous_end else ""
    if measure == "隶属度":   # a membership degree is of the whole thing named (…的地区差距隶属度)
        whole = lead or next((i for i, _ in reversed(stated) if i and not i.endswith(measure)), None)
        return (whole or previous_variable) + measure
    if lead and not is_generic_measure(lead) and not (_GAP_WORD.search(lead) and _GAP_WORD.search(measure)):
        return lead if _MEASURE_TAIL.search(lead) and not lead.startswith("占") else lead + measure
    distributed = _distributed_variable(sentence, clause, mentions) if measure in ("占比", "比重", "份额") else ""
    if distributed:
        return distributed + measure
    for indicator, _ in reversed(stated):
        if measure in ("增幅", "降幅", "涨幅") and re.search(r"(?:比重|占比|份额|比例)$", indicator or ""):
            return indicator + measure   # 该比重已达19.2%，增幅为1.7%: the share's change
        variable = _variable_of(indicator)
        if variable:
            return _stock_of(variable, measure) + join
    opening = _opening_variable(sentence, clause)
    if opening:   # 粮食总产再创历史新高，连续16年位居全国首位，增量39.7亿斤
        return opening + join
    return previous_variable + join if previous_variable else measure


# 粮食总产再创历史新高: the variable a sentence opens with, before what it did
_OPENING_VERB = re.compile(r"再创|创下?|实现|保持|稳居|位居|连续|突破|持续|首次|迈上|跃居|跨越")


def _opening_variable(sentence: str, clause: int) -> str:
    """The variable the sentence's first clause (without figures, before the figure's clause) names before
    its verb; "" when there is none."""
    first = re.match(r"[^，,；;：:]{2,40}", sentence)
    if not first or first.end() >= clause:
        return ""
    verb = _OPENING_VERB.search(first.group(0))
    noun = _noun_phrase(first.group(0)[:verb.start()]) if verb else ""
    return noun if (2 <= len(noun) <= 12 and not re.search(r"\d", noun) and not is_generic_measure(noun)
                    and indicator_confidence(noun) == "high") else ""


# 中国服务业进出口区域分布中，东部地区占比84.8%: the places' shares are of the variable distributed
_DISTRIBUTED = re.compile(r"(?:在)?(?P<variable>[^，,。；]{2,20}?)的?(?:区域|地区|空间)(?:分布|结构|构成)中\s*[，,]?\s*$")


def _distributed_variable(sentence: str, clause: int, mentions: list[_Mention]) -> str:
    """服务业进出口 of …中国服务业进出口区域分布中，东部地区占比…: what the clause before distributes over
    places, without the place it is of; "" when the clause before is no such scope."""
    if clause <= 0:
        return ""
    start = _clause_start(sentence, clause - 1)
    found = _DISTRIBUTED.fullmatch(sentence, start, clause)
    if not found:
        return ""
    begin = max([found.start("variable")] + [m.end for m in mentions if start <= m.start and m.end <= found.end("variable")])
    variable = sentence[begin:found.end("variable")].strip()
    return variable if len(variable) >= 2 else ""


def _stock_of(variable: str, measure: str) -> str:
    """新登记经营主体320万户，总量达2037.7万户: a total is of all the things, not only of those added."""
    return re.sub(r"^(?:新登记|新增|新设立?|新注册|新入库|新认定)", "", variable) if measure in ("总量", "总数") else variable


def _variable_of(indicator: str | None) -> str:
    """城乡居民人均可支配收入 of 城乡居民人均可支配收入差额: what an indicator measures, without its measure word
    and the whole it was measured in (财政收入在全国的占比 → 财政收入); "" when it is generic or a fragment."""
    variable = _MEASURE_TAIL.sub("", indicator or "")
    variable = re.sub(r"(?:在|于)(?:全国|全省|全市|全区|全球|世界)中?的?$", "", variable)
    if len(variable) < 2 or is_generic_measure(variable) or indicator_confidence(variable) == "low":
        return ""
    return variable


def _lead_noun_phrase(sentence: str, clause: int, previous_end: int, periods: list[Period],
                      mentions: list[_Mention]) -> str:
    before = max(_clause_start(sentence, clause - 1), previous_end)
    text = re.sub(r"\s+", "", _without(sentence[before:clause], before, periods, mentions, None))
    text = re.sub(r"[（(][^（()）]*[）)]", "", text)   # a note in brackets （下同，均为名义增长） names nothing
    text = re.sub(r"^[一二三四五六七八九十]是", "", text)   # 二是轨道交通在…占主导: an enumerator's 是 is no predicate
    text = text[:_PREDICATE.search(text).start()] if _PREDICATE.search(text) else ""
    phrase = _noun_phrase(text)
    return phrase if 2 <= len(phrase) <= 16 and not re.search(r"可知|看出|[表图]\s*\d", phrase) else ""


def _counted_length(sentence: str, q: Quantity) -> int:
    """How far the noun a count counts runs after it (新建5个紧密型城市医疗集团、区级覆盖率…), so the
    next figure's indicator starts after it."""
    noun = _counted_noun(sentence, q)
    at = sentence.find(noun, q.end) if noun else -1
    if at < 0 or re.match(r"[\u4e00-\u9fffA-Za-z0-9]", sentence[at + len(noun):at + len(noun) + 1]):
        return 0   # the noun was cut from a longer phrase (…发放资助金5637.2万元): keep the phrase whole
    return at + len(noun) - q.end


# 为1.4万名独居高龄老人安装…, 试点覆盖696万名新业态劳动者: people a measure was done for or reached
_SERVED_BY = re.compile(r"(?:(?P<for>为)|(?P<verb>覆盖|惠及|帮扶|救助|资助|慰问|培训))\s*(?:超过?|近|约|逾)?\s*$")
_PEOPLE = re.compile(r"[\u4e00-\u9fff、\d]{0,10}(?:老人|老年人|儿童|婴幼儿|幼儿|学生|新生|农民工|劳动者|群众|居民|残疾人|职工|人员|对象|患者"
                     r"|妇女|青年|毕业生|亲属|家庭|人)")
# 惠及26个省份: the places a measure reached
_PLACES_REACHED = re.compile(r"(?:省份|省区|省市|国家和地区|国家|地区|城市|县市区|县区|市县|乡镇|行政村|村)(?=[，,。；;、]|$)")
_DONE_FOR = re.compile(r"[\u4e00-\u9fff、“”]{2,20}?(?=[，,。；;]|\d|$)")


def _people_served(sentence: str, start: int, q: Quantity) -> str | None:
    """The people a count counts with what was done for them (为1.4万名独居高龄老人安装用电监测和门磁预警 →
    安装用电监测和门磁预警的独居高龄老人) or what reached them (职业伤害保障试点覆盖696万名新业态劳动者 →
    职业伤害保障试点覆盖的新业态劳动者): the people alone read as their number. `start`: where the
    figure's clause (or the part after the figure before) begins."""
    served = _SERVED_BY.search(sentence, start, q.start) if q.unit in ("名", "人", "户", "位", "个") else None
    people = (_PEOPLE if q.unit != "个" else _PLACES_REACHED).match(sentence, q.end) if served else None
    if q.unit == "个" and (not served or served.group("for")):
        return None
    if not people or _PREDICATED.match(sentence, people.start()):
        return None   # 帮扶7.2万名就业困难人员实现就业: counted by what holds for them (_counted_by_predicate)
    if served.group("for"):
        done = _DONE_FOR.match(sentence, people.end())
        return f"{done.group(0)}的{people.group(0)}" if done else None
    by = _noun_phrase(sentence[start:served.start()])
    return f"{by if 2 <= len(by) <= 16 else ''}{served.group('verb')}的{people.group(0)}"


# 12国是欧盟成员, 27座城市入选全球最具影响力城市: what the counted things are, or entered
_COUNTED_AS = re.compile(r"\s*(?:已|均|都)?(?:是|为|属于|拥有)([\u4e00-\u9fff]{2,8}?)(?:身份|资格)?(?=[，,。；;、]|$)")
_ENTERED = re.compile(r"(入选|进入|入围|获评|获批|荣获|跻身|挂牌)([^，,。；;、]{2,14}?)(?=[，,。；;、]|$)")


_ADMIN_PREDICATE = re.compile(r"\s*(?:[（(][^）)]{1,8}[)）])?\s*(?P<pred>(?:与|同|向|实现|完成|建立|开展|通过|全部|均|已|被)"
                              r"[^，,。；;、\d]{3,20}?)(?=[，,。；;]|$)")


def _predicate_after_places(sentence: str, at: int) -> re.Match | None:
    """张掖等11个市和两当、迭部县被命名为…: the passive predicate after the places listed with the counted ones."""
    listed = re.match(r"[和及与、][^，,。；;\d被]{1,12}?(?=被)", sentence[at:])
    return _ADMIN_PREDICATE.match(sentence, at + listed.end()) if listed else None


# 200个县域医疗次中心: a class of places naming the facilities counted, not the places themselves
_THING_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:中心|站|院|所|学校|馆|基地|平台|项目|工程|医共体)")
_ADMIN_PROPERTY = re.compile(r"(?P<prop>[^，,。；;]{2,24}?(?:超过|高于|低于|大于|小于|处于|介于|不足)[^，,。；;]{1,12})(?=[，,。；;]|$)")


# 覆盖亚欧100多个站点的…网络: the count inside a phrase that describes what comes after 的
_RELATIVE_VERB = re.compile(r"(?:覆盖|连接|联通|辐射|包括|涵盖|串联|途经|经过|拥有|汇聚|集聚)[^，,。；;\d]{0,6}$")


# 省级“两业”融合标杆企业, 高速公路“开口子”工程: a quoted name inside the counted noun, which ends in
# a kind of thing (not 企业挂牌“新三板”, 高校“双一流”创建…: a quote that the predicate holds)
_QUOTED_INSIDE = re.compile(r"[\u4e00-\u9fff]{1,6}“[^”“，,。；;]{1,10}”[\u4e00-\u9fff]{0,6}?"
                            r"(?:工程|项目|企业|基地|园区|平台|中心|品牌|示范区|示范村|乡村|村|街区|产品|店|行动)(?=[，,。；;、）)]|$)")


_CHANGE_VERB_AFTER = re.compile(r"跃升|跃居|增加|增长|提高|提升|上升|下降|减少|降低|扩大|缩小|增至|降至|达到")


# 300多个属于联合国人居环境署评价标准的“缺水”城市: a count followed by what the things belong to, then the things
_HOLDS_FOR_COUNTED = re.compile(r"(?:属于|位于|处于)[^，,。；;\d]{2,40}?的[^，,。；;\d的]{0,12}?[\u4e00-\u9fff]{2}(?=[，,。；;]|$)")


def _counted_noun(sentence: str, q: Quantity) -> str | None:
    if q.unit not in _COUNT_UNITS or abs(q.value - round(q.value)) > 1e-6:   # 23.25张 is an average, not a count
        return None
    named = _COUNTED_AS.match(sentence, q.end) if q.unit == "国" else None
    if named:
        return named.group(1)
    skip = re.match(r"\s*[（(][^）)]{1,4}[)）]", sentence[q.end:])   # 100条（个）幸福河湖
    quoted = _QUOTED_INSIDE.match(sentence, q.end)
    if quoted:   # 20家省级“两业”融合标杆企业, 1000个农村“水盆子”项目
        return quoted.group(0)
    m = _COUNTED.match(sentence, q.end + (skip.end() if skip else 0))
    if not m:
        return None
    noun = m.group("noun")
    held = _HOLDS_FOR_COUNTED.match(sentence, m.start("noun"))
    if held:   # 有300多个属于…“严重缺水”和“缺水”城市: the counted things are what the whole clause names
        return held.group(0)
    if _CHANGE_VERB_AFTER.match(noun):
        return None   # 全国重点实验室从15家跃升到38家: the count goes on to its change, it names nothing after it
    noun_text = sentence[m.start("noun"):]
    prop = _ADMIN_PROPERTY.match(sentence, m.start("noun") + 1) \
        if noun[0] in ADMIN_UNIT_NAMES and len(noun) > 1 and noun[1] not in "和、及与级域城区市" else None
    if prop:   # 7个县固定资产投资占GDP的比重超过100%: the places whose figure passes the limit
        return f"{prop.group('prop')}的{noun[0]}"
    admin = re.match(r"[县市区乡镇]{2,3}(?=开展|实现|完成|建立|通过|全部|均|已)", noun)
    if admin:   # 86个县市区开展县域医共体建设: the places the predicate holds for
        did = _ADMIN_PREDICATE.match(sentence, m.start("noun") + admin.end())
        if did:
            return f"{did.group('pred')}的{admin.group(0)}"
    if noun[0] in ADMIN_UNIT_NAMES and (len(noun) == 1 or noun[1] in "和、及与" or _COUNTED_STOP.match(noun, 1)):
        # 16个区均被评为…: the places the predicate holds for
        did = _ADMIN_PREDICATE.match(sentence, m.start("noun") + 1) if noun[1:2] not in ("和", "、", "及", "与") \
            else _predicate_after_places(sentence, m.start("noun") + 1)
        if did:   # 70个县（市、特区）与省外三甲医院建立帮扶协作关系: the places the predicate holds for
            pred = re.sub(r"^(?:均|全部|已)(?=[\u4e00-\u9fff]{3})", "", did.group("pred"))
            return f"{pred}的{noun[0]}"
        return noun[0]   # 下辖19个区、15个县和4个自治县
    place = _places()[1].match(noun)
    if place and _place_named(place.group(0)).kind == "category" and not _THING_AFTER.match(noun, place.end()):
        return re.sub(r"\s+", "", place.group(0))   # 156家国家高新区的园区生产总值, …拥有: the class counted
    if place and (place.end() == len(noun) or (noun[place.end()] != "的" and _COUNTED_STOP.match(noun, place.end()))):
        noun = noun[:place.end()]   # 在全国9个国家中心城市中: the class ends where the clause goes on
    if place and _place_named(noun[:place.end()]).kind in ("region", "category", "generic", "zone") \
            and noun[:place.end()][-2:] in ("城市", "地区", "城市群", "片区", "新区") \
            and (place.end() == len(noun) or place.end() >= 4 and noun[place.end()] != "的"):
        return noun[:place.end()]   # 在全国9个国家中心城市中, 9个国家中心城市常住人口合计…: a count of a class of places
    named_thing = place and _place_named(place.group(0)).kind == "category" and _THING_AFTER.match(noun, place.end())
    if place and not named_thing and not re.match(r"[性级式型内外]", noun[place.end():]):   # 全国性赛事 keeps its 全国
        noun = noun[place.end():].lstrip("的")
    stop = _COUNTED_STOP.search(noun)
    if stop and stop.group(0) in ("没有", "未") and stop.start() >= 2:   # 54个县级政府没有举债
        did = re.match(r"(?:没有|未)[\u4e00-\u9fff]{1,4}?(?=[，,。；;]|$)", sentence[m.start("noun") + stop.start():])
        if did:
            return f"{did.group(0)}的{noun[:stop.start()]}"
    if stop and stop.group(0) == "的" and stop.start() >= 2:   # 6家负责技术转移的企业: the head after 的
        at = m.start("noun") + stop.end()
        head = re.match(r"[\u4e00-\u9fffA-Za-z]{0,8}", sentence[at:]).group(0)
        head = head[:_COUNTED_STOP.search(head).start()] if _COUNTED_STOP.search(head) else head
        ends = re.match(r"[，,。；;、]|$", sentence[at + len(head):])   # 1～2个领跑全国的未来产业集群。
        inside = _RELATIVE_VERB.search(sentence, 0, q.start)   # 形成覆盖亚欧100多个站点的密集运输网络
        if 1 <= len(head) <= 4 or (ends and len(head) <= 8 and not inside):   # not 19项推动…发展的重点任务
            return noun[:stop.end()] + head
    having = re.match(r"(?:具)?有[^，,。；;的\d]{1,10}的[\u4e00-\u9fff]{2,8}?(?=[，,。；;、]|$)", noun_text) \
        if stop and stop.start() == 0 and stop.group(0) == "有" else None
    if having:   # 打造1～2个有国际竞争力的主导产业
        return having.group(0)
    if stop and stop.group(0) == "以上" and stop.start() >= 2:   # 23个投资额百亿元以上重大工业项目: the class's head
        rest = noun[stop.end():]
        head = rest[:_COUNTED_STOP.search(rest).start()] if _COUNTED_STOP.search(rest) else rest
        head = re.sub(r"全$", "", head)   # 21个地级以上市全覆盖
        if len(head) >= 2 or head in ADMIN_UNIT_NAMES:
            return noun[:stop.end()] + head
    noun = noun[:stop.start()] if stop else noun
    paired = re.match(r"[和及与][\u4e00-\u9fff]{1,4}?(?=" + _ENTERED.pattern[:_ENTERED.pattern.index(")")] + r"))",
                      sentence[m.start("noun") + len(noun):]) if stop and stop.group(0) in ("和", "及", "与") else None
    if paired and len(noun) >= 2:   # 35个地方和单位荣获…: the pair of things the predicate holds for
        noun += paired.group(0)
    entered = _ENTERED.match(sentence, m.start("noun") + len(noun)) if len(noun) >= 2 else None
    if entered and len(noun) <= (9 if paired else 4):   # 27座城市入选全球最具影响力城市
        return f"{entered.group(1)}{entered.group(2)}的{noun}"
    return noun if len(noun) >= 2 else None



# 我国70%的工业设施集中在沿海: a share stated before what it is a share of
_SHARED_NOUN = re.compile(r"\s*(?:以上|左右)?\s*(?:的)?\s*(?P<noun>[\u4e00-\u9fffA-Za-z]{2,12}?)(?=(?P<pred>(?:集中|分布|被|在|是|为|由|来自|用于"
                          r"|属于|位于|投向|流向|投入|落地|实现|化解)[^，,。；;]{0,12}?)?[，,。；;])")


def _share_noun(sentence: str, q: Quantity) -> str:
    """我国70%的工业设施集中在沿海一带: the share of the things that do what follows them."""
    m = _SHARED_NOUN.match(sentence, q.end) if q.unit == "%" else None
    if not m or (not m.group("pred") and "的" not in sentence[q.end:m.start("noun")]):
        return ""
    return f"{m.group('noun')}{m.group('pred')}的比重" if m.group("pred") else m.group("noun")


def _as_share(phrase: str, previous: str | None) -> str:
    """专利申请授权量仅占全国 → 专利申请授权量占全国的比重; 占全国 alone takes the thing measured before."""
    part = re.fullmatch(r"(?P<thing>.{2,12}?)占到?了?", phrase)
    if part and previous and not is_generic_measure(previous):   # 库存面积39亿平方米，其中市县一级占到了80%
        return f"{part.group('thing')}占{_variable_of(previous) or previous}的比重"
    m = _SHARE.match(phrase)
    if not m or re.search(r"比重|份额|比例|占比|^比$", m.group("whole")):
        return phrase
    if not m.group("thing") and phrase.startswith("超过") and re.search(r"(?:占比|比重|份额|比例)$", previous or ""):
        return previous   # 第三产业占比…，2019年超过第二产业达到51.13%: passing another part, still the share
    whole_place = _places()[1].match(m.group("whole"))
    named = m.group("whole")[whole_place.end():] if whole_place else ""
    thing = m.group("thing") or (named if len(named) >= 2 else previous or "")
    thing = _SHARE.match(thing).group("thing") if _SHARE.match(thing) else thing
    thing = re.sub(r"的?比重$", "", thing)
    return f"{thing}占{m.group('whole')}的比重"


def _share_qualifier(sentence: str, clause: int, q: Quantity) -> str | None:
    """不足全国的2%: the hedge stated before the whole the share is of."""
    m = _SHARE_QUALIFIER.search(sentence[clause:q.start]) if q.unit == "%" else None
    return m.group(1) if m else None


def _topic_indicator(sentence: str, periods: list[Period], mentions: list[_Mention]) -> str | None:
    """从人均经济水平来看，… → 人均经济水平, the indicator of figures whose clause names none."""
    m = _TOPIC.match(sentence)
    if not m:
        return None
    phrase = _without(m.group("topic"), m.start("topic"), periods, mentions, None)
    phrase = _noun_phrase(re.sub(r"^(?:各省份|各省区|各省|各地区|各城市|各地)", "", phrase))
    return phrase if len(phrase) >= 2 and phrase not in _NOT_TOPIC else None


def _without(phrase: str, offset: int, periods: list[Period], mentions: list[_Mention],
             owner: _Mention | None) -> str:
    """The phrase with period expressions removed and the subject (with what precedes it) cut off."""
    chars = list(phrase)
    for p in periods:
        for i in range(max(p.start, offset), min(p.end, offset + len(phrase))):
            chars[i - offset] = ""
    inside = [m for m in mentions if m.start >= offset and m.end <= offset + len(phrase)]
    cut = 0
    if owner and owner in inside:
        cut = owner.end - offset
    else:
        for m in inside:
            head = "".join(chars[:m.start - offset])
            # 年末全州有风景名胜区: a time word before the subject leaves nothing of the indicator
            if not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", re.sub(r"^(?:年末|年底|年初)", "", _LEADING.sub("", head.strip()))):
                cut = m.end - offset
            break
    # 北京、上海和广州三个大都市的: the rest of a list of places goes with its first member
    for m in inside:
        gap = "".join(chars[cut:m.start - offset])
        if m.start - offset >= cut and (not gap.strip() or _PLACE_LIST_GAP.fullmatch(gap)):
            cut = m.end - offset
    rest = "".join(chars[cut:]).strip()
    # …三个大都市的, 12个省（区、市）: the count that describes the subject
    return re.sub(r"^(?:等)?\s*[\d一二两三四五六七八九十]+\s*(?:个|座|大)?\s*(?:[^的，,（(]{0,6}的"
                  r"|(?:省份|省|市|县|州|城市|地区)(?:[（(][^）)]{0,6}[）)])?)", "", rest)


def _strip_qualifier(phrase: str, q: Quantity) -> str:
    if not q.qualifier:
        return phrase
    head = q.qualifier.split("…")[0]
    return phrase[:-len(head)] if phrase.endswith(head) else phrase
