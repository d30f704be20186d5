"""Period attribution of a fact (the period grammar itself is kb/extract/periods.py): `period_for`
returns the period a quantity's clause states, `ranged_period` the span of a change (由…到…),
`carry_period` what later clauses inherit, `default_period` a section's or document's period for
undated figures (work-report parts, plan horizons), and the spans a paragraph reviews (五年来…).
"""
from __future__ import annotations

import itertools
import re

from kb.extract.clauses import COUNT_UNITS, Carry, DocumentTraits, MEASURE_UNITS, clause_end, clause_start
from kb.extract.fact_kind import PLAN_LIST
from kb.extract.numbers import Quantity, numeral_value
from kb.genre import AHEAD_HEADING, REVIEW_HEADING
from kb.extract.periods import BEFORE_YEAR, Period, find_periods, plan_years, with_year, years_of
from kb.types import Article


# （一）放大促消费扩投资政策效应, 八、扎实推进…: a heading that gives an order heads the year's tasks
_ORDER_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*(?:加快|加大|加强|推进|推动|扎实|深入|深化|持续"
                            r"|坚持|坚决|着力|大力|全力|全面|切实|更好|更加|积极|不断|放大|提升|提高|强化|完善|健全|优化|促进|实施"
                            r"|打造|建设|构建|做强|做优|培育|扩大|统筹|守牢|用心|牢固|繁荣|久久为功|坚定|为|让|办好)")
# 年均增长, 累计新增, 连续5年, 五年新增: a work report's review of the whole plan period it closes
_FIVE_YEARS_SAID = re.compile(r"五年来|(?<![十\d])五年(?:间|里|中|共|新增|整理|建成|完成|投入|安排)")
_FIVE_YEAR_CUE = re.compile(r"年均(?:增长|增速|提高|下降|增加)|累计|连续\s*[五5]\s*年|" + _FIVE_YEARS_SAID.pattern)
# figures a work report or plan sets as targets, not results
_TARGET_CUE = re.compile(r"(?:预期|主要)目标(?:是|为|[:：])|目标是|力争|确保|争取|预计[^，,]{0,6}(?:达到|增长)")
_NUMBERED_HEADING = re.compile(r"\s*[一二三四五六七八九十]+、")


def report_part(path: str, previous: str | None, doc: DocumentTraits) -> str | None:
    """The part of a work report a section belongs to: 'review' (the past year or plan period), 'plan'
    (the goals of the plan period ahead) or 'task' (this year's work). The outermost heading that says
    decides (二、“十五五”时期主要目标任务 > （四）…取得新成效 states a goal, not a result); a section whose
    headings say nothing is in the part of the section before it, since the sub-headings of a part do
    not repeat it (（七）加大保障和改善民生力度 > 持续办好为民实事 after 今年是“十五五”开局之年)."""
    for head in (path or "").split(" > "):
        if re.search(r"今年|本年", head):
            return "task"
        # a review comes first: past it, 取得新进展 in a sub-heading is a goal (三、… > 推动…取得新进展)
        if REVIEW_HEADING.search(head) and (previous in (None, "review") or _NUMBERED_HEADING.match(head)):
            return "review"
        plans = [years_of(p.text)[-1] for p in find_periods(head) if p.text.startswith("“")]
        if plans:
            return "plan" if doc.year and plans[-1] >= doc.year else "review"
        if AHEAD_HEADING.search(head) or _ORDER_HEADING.match(head):
            return "task"
    return previous


def _plan_horizon(doc: DocumentTraits, path: str, sentence: str) -> str:
    """The last year of the plan period ahead that the heading or the sentence names, else of the one
    the report's year opens or falls in."""
    ahead = [years_of(p.text)[-1] for p in find_periods(f"{path} {sentence}") if p.text.startswith("“")]
    ahead = [y for y in ahead if y >= (doc.year or 0)]
    return f"{ahead[0] if ahead else plan_years(doc.year or 0)[1]}年"


def sets_target(sentence: str, part: str | None) -> bool:
    """Whether a sentence sets targets; in a review (where a report begins) 争取/确保 tell what was
    obtained or secured (争取中央预算内投资237亿元), not a target."""
    return any(part not in (None, "review") or cue.group(0) not in ("争取", "确保")
               for cue in _TARGET_CUE.finditer(sentence))


def default_period(doc: DocumentTraits, path: str, sentence: str = "", targets: bool = False,
                    part: str | None = None, past_year: bool = False, run: str = "") -> str | None:
    """The period of a figure that neither its sentence nor the ones before date: the single year its
    section heading names (or the last year of a five-year plan it names for targets); a communiqué's
    year; a work report's past year in its review, its own year for tasks and targets and the plan
    horizon for the goals of the plan period ahead (《纲要草案》…设置了29项主要指标); a plan's
    horizon (到2030年) outside its review of the past. `past_year`: the paragraph is in an account of the
    past year (过去一年，… under a heading that reviews both it and the plan period), not of the plan period.
    `run`: the ；-list the sentence is an item of, from its first item (五年新增电力装机…；新增公路…: a
    five-year span the list's first item says is each item's; 累计 is said of its own item only)."""
    path = path or ""
    if doc.genre == "work_report" and doc.year and part == "plan":
        return _plan_horizon(doc, path, sentence)
    if doc.genre == "work_report" and doc.year and (targets or sets_target(sentence, part)):
        if part != "task" and PLAN_LIST.search(sentence):
            return _plan_horizon(doc, path, sentence)
        return f"{doc.year}年"
    if (doc.genre == "work_report" and doc.year and closes_five_years(doc, path)
            and (_FIVE_YEAR_CUE.search(sentence) or _FIVE_YEARS_SAID.search(run))
            and not AHEAD_HEADING.search(path) and part != "task" and not past_year
            and (not year_in_heading(path) or any(p.text.startswith("“") for p in find_periods(path)))):
        return f"{doc.year - 5}—{doc.year - 1}年"   # 年均增长…, 累计…: the plan period the report closes
    heading = year_in_heading(path)
    if heading:
        return heading
    plan = next((p for p in find_periods(path) if p.text.startswith("“")), None)
    if plan and not REVIEW_HEADING.search(path):
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
        if REVIEW_HEADING.search(path):
            return f"{first - 5}—{first - 1}年" if _FIVE_YEAR_CUE.search(sentence) else f"{first - 1}年"
        return f"{last}年"
    return None


def closes_five_years(doc: DocumentTraits, path: str) -> bool:
    """Whether a work report's section may review the five years before it: the report opens a plan
    period (2021, 2026), or the section's top heading looks back on five years (一、过去五年工作回顾:
    a government's term, 2008, 2013)."""
    if plan_years(doc.year)[0] == doc.year:
        return True
    top = (path or "").split(" > ", 1)[0]
    return bool(REVIEW_HEADING.search(top) and span_looked_back_on(top, doc))


def year_in_heading(path: str) -> str | None:
    """一、2020年上半年河南经济运行态势分析: the one year a heading path names, which dates the
    section's year-less periods (第一季度, 1—5月) and its undated figures; with the part of the year
    the heading names for all of them (2020年上半年)."""
    years = set(re.findall(r"((?:19|20)\d{2})\s*年(?!代)", path or ""))
    if len(years) != 1:
        return None
    parts = {p.text for p in find_periods(path) if p.has_year and not p.text.startswith("“")}
    return parts.pop() if len(parts) == 1 and re.search(r"年(?:上半年|下半年|前三季度)$", next(iter(parts))) \
        else f"{years.pop()}年"


def reviewed_span(first: str, doc: DocumentTraits, span: str | None) -> str | None:
    """The span a work report's paragraphs review, as the first sentence of a paragraph leaves it:
    过去的五年极不寻常。 / 这是经济实力持续提升的五年。 open a review of the plan period that goes on
    over the paragraphs after it; 刚刚过去的2025年… ends it."""
    periods = find_periods(first)
    opened = next((r for p in periods if p.duration and (r := duration_range(p, doc, None))), None)
    if opened:
        return opened
    return None if any(p.has_year or p.offset_years is not None for p in periods) else span


# 刚刚过去的2025年，…; 2025年是…; 过去一年，…: a paragraph that opens on the report's past year
_PAST_YEAR_OPENING = re.compile(r"(?:刚刚|刚)?过去的?")


def opens_past_year(first: str, doc: DocumentTraits) -> bool:
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


def span_looked_back_on(sentence: str, doc: DocumentTraits) -> str | None:
    """The span a sentence inside a paragraph of a report's review opens for the paragraphs after it
    (2025年主要目标任务的完成，标志着“十四五”规划顺利收官。回望过去五年，…); None for 近五年来最高 and for
    spans other than the plan period (七十年来)."""
    for p in find_periods(sentence):
        if (p.duration and numeral_value(p.duration) == 5 and _LOOKING_BACK.search(p.text)
                and not RECORD.match(sentence, p.end)):
            return duration_range(p, doc, None)
    return None


# 为近10年来最高: a span that qualifies a record, not the period of the figures
RECORD = re.compile(r"\s*(?:的|以来)?\s*(?:最高|最低|最大|最小|最好|最快|最多|最少|新高|新低|之最)")


def start_of_default_year(period: str | None, doc: DocumentTraits) -> str | None:
    """The year of a start point dated only by the document (a work report's or a plan's):
    标准分别从每人每月209元、280元提高到217元、290元 among the targets for its year or plan period ahead starts at
    the level before the document's year, not the target year; 服务业增加值比重由46.9%提高到48.2% in its review
    of a year starts at the year before that one."""
    years = years_of(period)
    if doc.genre not in ("work_report", "plan") or not doc.year or len(years) != 1:
        return period
    return f"{doc.year - 1}年" if years[0] >= doc.year else f"{years[0] - 1}年"


def in_span(span: str | None, change: str | None, before: str = "", unit: str = "", after: str = "",
            head: str = "") -> str | None:
    """A figure of a paragraph that reviews a span (五年来…): a change over it and a total (累计接待,
    新增…) span it; a level and an end point are its last year's; a start point the year before it.
    `before`: the clause up to the figure; `after`: the clause after it (…23个重大工业项目建成投产); `head`:
    the sentence before the clause (每年城镇新增就业60万人以上、…，退役士兵安置率100%: 每年 leads the list)."""
    years = years_of(span)
    if len(years) != 2:
        return span
    if change and change.endswith("(起点)"):
        return f"{years[0] - 1}年"
    if not change:   # (出口年均增速20%以上: a yearly average over the span, named in the indicator;
        #              每年70%左右财政支出用于民生事业: each year of it)
        held = run_of_years(before, f"{years[1]}年")
        if held != f"{years[1]}年":   # 连续9年稳定在1300亿斤以上, 棉花产量连续4年占全国九成以上: the years it held
            return held
        if _HELD.search(before):   # 参保率保持在95%以上: the span
            return span
        return span if (_is_flow(before, unit, after) or _YEARLY_AVERAGE.search(re.split(r"\d", before)[-1])
                        or "每年" in before or _EACH_YEAR_LEADS.search(head) or _total_goes_on(head, before)) \
            else f"{years[1]}年"
    if change.endswith("(终点)") or _REACHED.fullmatch(change):
        return f"{years[1]}年"
    return span


# 引育高技能人才39万人, 治理水土流失面积6779平方公里, 3家企业主板上市, 开发政策性岗位7.5万个,
# 新设外资企业260家, 融资平台退出213户: what was done over the span;
# 全疆普通高等学校达66所, 专精特新企业312户, 城镇化率63%: a level at its end
_ACTION = re.compile(r"建成|新建|增补|建设|完成|治理|引育|招引|引进|培育|开通|实施|改造|造林|修复|帮扶|培训|开展|落地"
                     r"|签约|转移|安置|提供|发放|减免|解决|创建|认定|获批|招生|接待|投入|兑现|化解|清偿|形成|出台|制定|探明|交付"
                     r"|办理|办结|开行|始发|过境|运送|破获|查处|开发(?!区)|服务(?![业贸型])|新设|设立|利用|退出|关停|淘汰"
                     r"|盘活|处置|救助|资助|惠及|建立|投产|投运|开工|竣工|开诊|挂牌|组建|重组|开挖|疏浚|推广|务工")
_LEVEL_CUE = re.compile(r"(?:达到?|为|是|增至|提高到|提升至|上升到|升至|保持|稳定在|居|位居|有|拥有)\s*(?:超过?|逾|突破|近)?\s*$")


def _is_flow(before: str, unit: str, after: str = "") -> bool:
    """Whether a figure in a review of a span is an amount done over it rather than a level reached:
    the clause before it says what was done, or it opens the clause, or the clause after it says what
    was done to what it counts (揭阳…等23个…重大工业项目建成投产)."""
    if unit in ("%", "‰", "倍") or _LEVEL_CUE.search(before):
        return False
    return bool(_TOTAL.search(before) or _ACTION.search(before) or not before.strip()
                or (unit in COUNT_UNITS and _ACTION.search(after) and not _PREPOSITION_END.search(before)))


# 与228个国家和地区建立贸易往来: the count is the object of a preposition, not what was done
_PREPOSITION_END = re.compile(r"[与和同对向在为给]\s*$")
# 参保率保持在95%以上, 比例稳定在80%左右: a level held through the span, not one reached at its end
_HELD = re.compile(r"(?:保持|稳定|维持)在?\s*(?:超过?|逾|近)?\s*$")
_RUN_OF_YEARS = re.compile(r"连续\s*(\d{1,2}|[二两三四五六七八九十]{1,2})\s*年")
_YEARLY_AVERAGE = re.compile(r"年均(?:增速|增幅|增长率?|提高|增加|下降|降低)")
# 扎实推进…计划，每年城镇新增就业60万人以上: 每年 opening a clause of the sentence leads the list after it
_EACH_YEAR_LEADS = re.compile(r"(?:^|[，,：:])\s*每年")
def _total_goes_on(head: str, before: str) -> bool:
    """片区累计实现合同利用外资9.8亿美元…，实现进出口总额490.1亿元: a clause opening on the verb a 累计 before it in
    the sentence summed is summed too."""
    total = re.search(r"累计(?!达)([\u4e00-\u9fff]{2})", head)
    return bool(total) and before.lstrip().startswith(total.group(1))


# 累计接待游客, 新增百亿县区, 共建成: a figure summed over the span the paragraph reviews
_TOTAL = re.compile(r"累计(?!达)|新增|新建|新开工|共建成|共完成|合计|总计")


def after_from_to(change: str | None, period: str | None, span: tuple[int | None, int | None],
                   level_year: int | None = None) -> tuple[tuple[int | None, int | None], str | None]:
    """由2004年的8.7%上升至2019年的12.2%，提高了3.5个百分点: the change after a start and an end
    point spans their years; an end point reached after a level the sentence stated for an earlier year
    (`level_year`) starts there (2000年，中部地区高出西部地区437.75元，到2019年该差额扩大到2360.21元，扩大了
    5.39倍). Returns the updated (start year, end year) and the figure's period."""
    years = years_of(period)
    if change and change.endswith("(起点)"):
        return (years[0] if len(years) == 1 else None, None), period
    if change and (change.endswith("(终点)") or _REACHED.fullmatch(change)):   # …，增长到2018年的B
        return (span[0] or level_year, years[0] if len(years) == 1 else None), period
    if (change and not _REACHED.fullmatch(change) and not PLACE_GAP.match(change)
            and span[0] and span[1] and years == [span[1]] and span[0] < span[1]):
        return span, f"{span[0]}—{span[1]}年"
    return span, period


# 增速高于全国0.2个百分点, 比全国平均水平低: a gap to another place in the same year, not a change over time
PLACE_GAP = re.compile(r"高于|低于|快于|慢于|高出|低出|比(?!上年)")


# 提高到, 降至: a change word naming the level reached, not the change
_REACHED = re.compile(r"(?:增长|增加|提高|提升|上升|下降|降低|减少|扩大|缩小|增|升|降)?(?:到|至)"
                      r"|(?:增长|增加|提高|提升|上升|下降|降低|减少|扩大|缩小)为")
# 同比增长, 年均增长, 累计增加: a change that states its own base or span
_OWN_BASE = re.compile(r"同比|环比|比上年|较上年|年均|平均|累计")


def since_stated(q: Quantity, indicator: str | None, change: str | None, period: str | None, carry: Carry,
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


def yearly_over_plan(period: str | None, before: str, doc: DocumentTraits, yearly_average: bool = False) -> str | None:
    """每年新引进大学生35万人以上 among a plan's targets for 2030: a yearly figure holds over the whole plan
    period, not its last year; 每年 reaches over the list it opens; a yearly average (研发经费投入年均增长
    9.5%, 年均 in the figure's clause) is over the plan period too. `before`: the sentence up to the figure."""
    years = years_of(period)
    if (("每年" not in before and not yearly_average) or len(years) != 1 or doc.genre not in ("plan", "work_report")
            or plan_years(years[0])[1] != years[0] or years[0] < (doc.year or 0)):
        return period
    return f"{years[0] - 4}—{years[0]}年"


def start_point_period(q: Quantity, frm: re.Match | None, periods: list[Period], period: str | None,
                        carry: Carry) -> str | None:
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


# 从2000年到2015年再到2019年: the years of a sequence of points stated after it
_YEAR_SEQUENCE = re.compile(r"(?:从|由)\s*((?:19|20)\d{2})\s*年?\s*(?:到|至)\s*((?:19|20)\d{2})\s*年"
                            r"((?:\s*再?\s*(?:到|至)\s*(?:19|20)\d{2}\s*年)*)")


def year_sequence(quantities: list[Quantity], sentence: str) -> dict[int, str]:
    """从2000年到2015年再到2019年，…从A增加到B达到最高值，之后下降到C: as many figures of one unit as
    the sequence has years follow it, and each is its year's point."""
    m = _YEAR_SEQUENCE.search(sentence)
    if not m:
        return {}
    years = [m.group(1), m.group(2), *re.findall(r"\d{4}", m.group(3))]
    after = [q for q in quantities if q.start >= m.end()]
    if not after or after[0].unit in MEASURE_UNITS:
        return {}
    points = list(itertools.takewhile(lambda q: q.unit == after[0].unit and not q.is_range, after))
    if len(points) != len(years):
        return {}
    return {id(q): f"{y}年" for q, y in zip(points, years)}


def listed_periods(group: list[Quantity], sentence: str) -> list[str]:
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
    if same < 0 or same < clause_start(sentence, k):
        return []
    years = list(dict.fromkeys(p.text for p in find_periods(sentence[:same]) if re.fullmatch(r"\d{4}年", p.text)))
    return years if len(years) == n else []


_COMPARISON_BASE = re.compile(r"(比|较|相比|相较|与|同比|对比|比上年|超过|高于|低于)\s*$")
# 比西部大开发实施以来的最低点（2003年）, 相对于2000年: a comparison opened earlier in the clause
_COMPARISON_OPEN = re.compile(r"(?:比(?![重例值率如从由较])|(?<!比)较(?![高低快慢大小多少好为])|相比于?|相较于?|相对于?|对比)"
                              r"[^，,；;。%\d]{0,14}$")
# 是1978年的2.7倍: the period a multiple is taken of is a base too
_COMPARISON_CLOSE = re.compile(r"\s*(?:的\s*)?(?:相比|相较|比较|持平|(?:近|约)?\s*(?:\d+(?:\.\d+)?\s*[、和及]\s*)*\d+(?:\.\d+)?\s*倍)")


def _is_comparison_base(p: Period, sentence: str) -> bool:
    """比第一季度, 相较2004年, 与2000年相比: the period figures are compared with, not the figure's own."""
    clause = clause_start(sentence, p.start)
    return bool(_COMPARISON_BASE.search(sentence[max(0, p.start - 3):p.start])
                or _COMPARISON_OPEN.search(sentence[clause:p.start])
                or _COMPARISON_CLOSE.match(sentence, p.end)
                or re.search(r"(?:是|相当于|超过)\s*$", sentence[max(0, p.start - 4):p.start])
                and _TOTAL_OF.match(sentence, p.end))


# 五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和: the years a figure is measured against
_TOTAL_OF = re.compile(r"[^，,。；;]{0,12}?的\s*(?:总和|之和|总量|水平|规模)")


# 由1997年的…, 从2012年的…: the year of a start point
_START_YEAR = re.compile(r"(?:由|从)\s*$")


def period_for(q: Quantity, periods: list[Period], carry: Carry, sentence: str,
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
        # a year the sentence before stated dates it (the account goes on); one stated before a sentence
        # without figures does not (…截至2018年…。从国际市场分布来看，…。目前，…: the text's year)
        dated = current or (carry.stated_period if carry.quiet < 2 else None)
        if (_is_comparison_base(p, sentence) or (skip and skip[0] <= p.start < skip[1])
                or (p.now and dated and not dated.endswith("以来"))):
            continue   # 目前 does not redate an account the paragraph has dated (2019年1—10月…，目前…)
        if re.search(r"[（(][^）)]*$", sentence[:p.start]) and re.search(r"[）)]", sentence[p.end:q.start]):
            continue   # （2010年未计算乡镇债务）: a remark in brackets
        if (_START_YEAR.search(sentence[:p.start]) and re.match(r"\s*的", sentence[p.end:])
                and p.end <= clause_start(sentence, q.start)):
            continue   # …占比由1997年的0.3%增加至18.8%，知识产权费…增加至2.4%: another clause's start point
        current = with_year(p, current or carry.heading_year or carry.default_period) if (not p.has_year) else p.text
    return current


# 在2012年前: the years up to one (not 2012年前三季度, 前后, 前列); 除最前和最后各两年…，其余…: the span's ends and middle
_SPAN_ENDS = re.compile(r"最前和最后各\s*([两二三四五1-5])\s*年")
_REST = re.compile(r"其余|其他年份")


def within_span(periods: list[Period], sentence: str, carry: Carry, doc: DocumentTraits) -> list[Period]:
    """`periods` with the parts of the span a study states (carried, 2000—2014年) made explicit: a past year
    before which a state held (在2012年前 → 2000—2012年), the first and last years of the span (最前和最后各两年
    → 2000—2001年、2013—2014年) and the rest between them (其余 → 2002—2012年)."""
    carried = carry.stated_span or carry.period or carry.stated_period
    span, study = years_of(carried), years_of(carry.study_span)
    if len(span) == 2 and len(study) == 2 and span[0] == study[0] and span[1] <= study[1]:
        span = study   # 在2012年前 (2000—2012年) dated a part of the span studied: the next sentence speaks of the whole again
    if len(span) != 2:
        return periods
    carry.study_span = f"{span[0]}—{span[1]}年"
    first, last = span
    out = []
    for p in periods:
        years = years_of(p.text)
        if (p.has_year and len(years) == 1 and p.text.endswith("年") and first < years[0] <= last
                and (not doc.year or years[0] < doc.year) and BEFORE_YEAR.match(sentence, p.end)):
            p = Period(p.start, p.end, f"{first}—{years[0]}年", True)
        out.append(p)
    ends = _SPAN_ENDS.search(sentence)
    n = int(numeral_value(ends.group(1)) or 0) if ends else 0
    if ends and 0 < n and first + n < last - n:
        out.append(Period(ends.start(), ends.end(), f"{first}—{first + n - 1}年、{last - n + 1}—{last}年", True))
        rest = _REST.search(sentence, ends.end())
        if rest:
            out.append(Period(rest.start(), rest.end(), f"{first + n}—{last - n}年", True))
    return sorted(out, key=lambda p: p.start)


def same_year_before_a_later_one(periods: list[Period], carry: Carry) -> list[Period]:
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


# 自西部大开发战略实施以来: since a named programme began, a year the sentence does not state
_SINCE_PROGRAMME = re.compile(r"(?:^|(?<=[，,；;：:]))\s*自?\s*(?P<name>(?!自)[\u4e00-\u9fff]{2,10}?)(?:战略|政策|工程|计划)?"
                              r"(?:开始)?(?:实施|启动|开展|设立|建立)以来")


def since_programme(sentence: str, article_text: str, doc: DocumentTraits) -> list[Period]:
    """自西部大开发战略实施以来 as 2000年以来 (a period `since_range` spans to the document's year), when
    the article tells the programme's age (西部大开发20年 in a 2020 article) or the year it began
    (2000年西部大开发战略开始实施); none when it tells neither."""
    out = []
    for m in _SINCE_PROGRAMME.finditer(sentence) if "以来" in sentence and doc.year else ():
        name = re.escape(m.group("name"))
        age = re.search(name + r"(?:战略|政策|工程|计划)?(?:实施|开展|设立)?了?\s*(\d{1,2}|[二三四五六七八九十]{1,3})\s*周?年",
                        article_text)
        began = re.search(r"((?:19|20)\d{2})\s*年[^。，,；;]{0,10}?(?:实施|提出|启动|开始实施)[^。，,；;]{0,4}?" + name,
                          article_text)
        n = numeral_value(age.group(1)) if age else None
        start = doc.year - int(n) if n else int(began.group(1)) if began else None
        if start and start < doc.year:
            out.append(Period(m.start("name"), m.end(), f"{start}年以来", True))
    for m in _UNTIL_NOW.finditer(sentence) if "至今" in sentence and doc.year else ():
        out.append(Period(m.end() - 2, m.end(), f"{m.group(1)}年以来", True))   # 从2013年，…成立至今
    return out


_UNTIL_NOW = re.compile(r"(?:从|自)\s*((?:19|20)\d{2})\s*年[^。；;]{0,30}?至今")


def held_over(q: Quantity, periods: list[Period], before: str, change: str | None, period: str | None) -> str | None:
    """煤炭资源行业的中间投入率维持在50%~65%之间 in a sentence on 过去的13a: a level held over the span the
    sentence names before it spans it. `before`: the clause up to the figure."""
    span = next((p.text for p in reversed(periods) if p.duration and p.end <= q.start and len(years_of(p.text)) == 2), None)
    return span if span and not change and _HELD.search(before) else period


def run_of_years(before: str, period: str | None) -> str | None:
    """人数连续两年增长10%以上 in the review of 2014: the years of the run, 2013—2014 (`before`: the clause up
    to the figure); other periods as they are."""
    m = _RUN_OF_YEARS.search(before.split("、")[-1])   # (…连续4年占全国九成以上、就地转化率达45%: not the 45%)
    years = years_of(period)
    n = numeral_value(m.group(1)) if m else None
    if not n or n < 2 or len(years) != 1 or not re.fullmatch(r"\d{4}年", period or ""):
        return period
    return f"{years[0] - int(n) + 1}—{years[0]}年"


def since_range(period: str | None, doc: DocumentTraits) -> str | None:
    """2004年以来，国家已累计…投入资金200亿元: the years from then to the document's (a work report's:
    to the past year)."""
    since = re.fullmatch(r"(\d{4})年以来", period or "")
    end = (doc.year - 1 if doc.genre == "work_report" else doc.year) if doc.year else None
    return f"{since.group(1)}—{end}年" if since and end and int(since.group(1)) < end else period


def from_of(sentence: str, clause: int, q: Quantity) -> re.Match | None:
    """The last 由/从 of the clause before the quantity: its start point, or the start of its 由…到…."""
    found = None
    for m in _FROM.finditer(sentence, clause):
        if m.start() >= q.start:
            break
        if not _YEARS_FROM_TO.match(sentence, m.start()):
            found = m
    return found


# 从2012年到2019年共投入45亿欧元: a span of years, not the start point of a figure
_YEARS_FROM_TO = re.compile(r"[由从]\s*(?:19|20)\d{2}\s*年?\s*(?:到|至|—|－|-|~)\s*(?:19|20)\d{2}\s*年")


def from_to_gap(sentence: str, frm: re.Match | None, q: Quantity) -> tuple[int, int] | None:
    """For the end point of 从去年的2.1%提高到2.3%, the span 从…到 whose period is the start point's."""
    if not frm:
        return None
    to = TO.search(sentence, frm.end(), q.start)
    return (frm.start(), to.start()) if to else None


def absolute_periods(periods: list[Period], doc: DocumentTraits, carried: str | None = None) -> list[Period]:
    """今年/去年/过去一年 made absolute with the document's year, and 20年来/五年来 made a range ending
    in it (a work report's: the past year; the range stated just before when it spans as many
    years); dropped when the year is unknown."""
    out = []
    for p in periods:
        if p.duration:
            before = [y for q in periods if q.end <= p.start and q.has_year for y in years_of(q.text)]
            span = duration_range(p, doc, f"{min(before)}—{max(before)}年" if len(set(before)) > 1 else carried,
                                   max((y for q in periods if q.has_year for y in years_of(q.text)), default=None))
            if span:
                out.append(Period(p.start, p.end, span, True, duration=p.duration))
        elif p.offset_years is None:
            out.append(p)
        elif doc.year:
            y = doc.year + p.offset_years
            out.append(Period(p.start, p.end, f"{y}年", True, now=p.now))
    return out


def duration_range(p: Period, doc: DocumentTraits, carried: str | None, latest: int | None = None) -> str | None:
    """The years a span counted back (20年来, 五年来) covers: the range stated before it when it spans as
    many years, else up to the document's year; in a document of unknown year, up to the `latest` year its
    sentence states (各个行业的中间投入在过去的13a中…，而2015年的中间投入率… → 2002—2015年)."""
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
        return f"{latest - n}—{latest}年" if latest else None
    end = doc.year - 1 if doc.genre == "work_report" else doc.year
    return f"{end - n + (1 if doc.genre == 'work_report' else 0)}—{end}年"


# a clause that only goes on to state a change (…，增长超过16倍): it continues the comparison before it
_CHANGE_LEAD = re.compile(r"\s*(?:共|累计|合计|总计)?(?:增长|增加|提高|提升|扩大|下降|减少|降低|缩小)")


def ranged_period(q: Quantity, change: str | None, period: str | None, periods: list[Period],
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
        clause = clause_start(sentence, max(0, clause - 1))   # 比2000年的A增加B，增长超过16倍
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
    start, end = clause_start(sentence, p.start), clause_end(sentence, p.start)
    rest = sentence[start:p.start] + sentence[p.end:end]
    return _is_comparison_base(p, sentence) and not re.search(r"\d", rest) and len(rest) <= 8


def outside_titles(periods: list[Period], sentence: str) -> list[Period]:
    """《全国城镇体系规划（2010—2020年）》 names a document; its years are not the figures' period."""
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》", sentence)]
    return [p for p in periods if not any(a < p.start < b for a, b in titles)]


def article_year(article: Article) -> int | None:
    """The article's year, else the date a report was delivered (——2024年3月5日在…上)."""
    if article.year:
        return article.year
    m = re.search(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", article.title or "")
    return int(m.group(1)) if m else None


_HORIZON = re.compile(r"(?<![长加高升降少大小增达从由截止])(?:到|至)\s*$")   # not 增长到2019年, 截至2019年


def carry_period(carry: Carry, periods: list[Period], sentence: str) -> None:
    """The last period stated (comparison bases excluded) carries into the next sentences, and a base
    the sentence opens with (与2004年相比，…) into the next sentences of the same account."""
    years = {y for p in periods if p.has_year and not p.duration for y in years_of(p.text)}
    opening = [p for p in periods if re.search(r"\d{4}", sentence[p.start:p.end]) and clause_start(sentence, p.start) == 0]
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
                carry.stated_period, carry.stated_at = text, carry.sentence_at


# 由181个合作伙伴组成: parts, not a start; 自由贸易, 理由, 无从: 由 and 从 inside a word
_FROM = re.compile(r"(?<![自理缘事因来经无何])(由|从)(?!于|而|事|属|来|业)(?=[^，,]{0,20}?\d)(?![^，,。；]{0,40}?(?:组成|构成))")
TO = re.compile(r"(增加|提高|提升|上升|下降|降低|减少|扩大|缩小|增长|缩短|压缩)?(到|至)|(?:缩小|扩大|下降|上升|增长|提高|降|升|减少|增加)(为)")
