"""Numeric facts: each quantity a paper's prose states, attributed to a subject, an indicator and a
period, with its evidence sentence.

The data flow: `extract_facts` reads each article's prose sections → `_range_facts` splits a section into
sentences (cutting captions and meta lines) → `_sentence_facts` splits a sentence into clauses
(kb/extract/clauses.py), finds its quantities and drops those that are not facts
(kb/extract/not_facts.py), then attributes each figure a subject (kb/extract/subjects.py, places in
kb/extract/places.py), an indicator (kb/extract/fact_indicators.py; counted nouns in kb/extract/fact_counts.py,
refinements by scope and neighbours in kb/extract/fact_scopes.py, listed items and their respective figures in
kb/extract/fact_lists.py) and a period (kb/extract/fact_periods.py), and returns `Fact` rows.

Attribution works clause by clause inside a sentence (clauses split at ，：), carrying what a
sentence states once for several figures: the period (`2000年重庆…10.4%，增长率为8.5%`), the
subject and the indicator (`…总额8181.55亿元，同比下降13.6%`). Carried values reset at a paragraph.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from kb.clean import analysis_text
from kb.extract.clauses import (
    COUNT_UNITS, Carry, Context, DocumentTraits, GAP_WORD, LIST_GAP, clause_end, clause_start,
    list_groups)
from kb.extract.fact_counts import counted_length, counted_noun
from kb.extract.fact_indicators import (
    NAMED_DIFFERENCE, added_of_named_kind, as_added, as_multiple_of_year, bracket_closed, difference_of,
    examples_dropped, gap_in_rate, gap_to_base, gap_to_place, indicator_for, share_qualifier, topic_indicator,
    urban_rural_ratio, variable_of, with_comparator)
from kb.extract.fact_lists import respective_indicators, respective_run_on, respective_share, measure_shared, shares_of_stated
from kb.extract.fact_scopes import (
    ROUTE, counted_by_predicate, entered_list, in_industry, kind_measured, without_collective, rank_field, members_of,
    outcome_of, scoped, share_of_the_rest, sub_item, range_class, size_of, with_previous_measure, with_earlier_scope,
    with_listed_head, with_shared_measure, with_sibling_measure, with_variable, share_in_scope, counted_over_limit,
    deal_of_event)
from kb.extract.fact_periods import (
    PLACE_GAP, RECORD, after_from_to, held_over, since_programme, article_year, carry_period, absolute_periods, default_period, duration_range,
    from_of, from_to_gap, year_in_heading, in_span, listed_periods, opens_past_year, outside_titles,
    period_for, ranged_period, report_part, reviewed_span, same_year_before_a_later_one, sets_target, within_span,
    run_of_years, since_range, since_stated, span_looked_back_on, start_of_default_year, start_point_period, year_sequence,
    yearly_over_plan)
from kb.extract.indicators import canonical_indicator, indicator_confidence, is_generic_measure
from kb.extract.not_facts import fact_quantities
from kb.extract.numbers import Quantity, find_quantities
from kb.extract.periods import find_periods, years_of
from kb.extract.places import (
    is_local, keep_bodies_to_their_sentence, place_mentions, named_for_later, place_named, resolve, named_place)
from kb.extract.prose import SKIP_SPAN_KINDS, prose_sections
from kb.extract.subjects import (
    carry_subject, compared_pair, continues, gap_list, gap_pair, gap_variable, listed_gap, pair_of_gap,
    gap_by_topic, located_in, respective_subjects, subject_for, subject_with_source, zone_share_of_whole,
    distribution_share)
from kb.sentences import han_ratio, sentence_spans
from kb.types import Article, CleanText, Fact


# lines that carry numbers but no facts, whether or not the cleaner marked them
_CAPTION = r"\s*\d+(?:[.\-]\d+)*(?![.\-\d]|\s*(?:进一步|显示|表明|展示|列出|报告|给出|中|可知|所示))"
_META = re.compile(r"文章编号|中图分类号|文献标识码|收稿日期|基金项目|作者简介|通讯作者|DOI|doi:|E-mail|邮编"
                   r"|责任编辑|资料来源|数据来源"
                   r"|^\s*(?:续?表|图)" + _CAPTION)
_TABLE_CAPTION = re.compile(r"^\s*续?表" + _CAPTION)
# (表7进一步通过…对比 and 表4展示了… are prose about a table; 表7 各变量… and 图2 2000年…分布图 are captions)
# 31国家发展和改革委员会，…《…》.[2015-3-28]. http://…: an entry of a reference list, its number glued to its author
_REFERENCE_ENTRY = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3})\s*(?=[^\d\s.．、，,%])[^。]*?(?:https?://|\[\d{4}-\d{1,2}-\d{1,2}\]"
                              r"|(?:19|20)\d{2}\s*[,，]\s*\d{0,3}\s*[（(]\d{1,3}[)）]\s*[:：]|\[[JMDNRSCZ]\])")


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
                part = report_part(path, reading.part, doc)
                if part != reading.part or year_in_heading(path.split(" > ")[-1]):
                    reading.span = None   # a new part, or a section headed by one year, ends a review of the span
                reading.part = part
            facts += _range_facts(clean, norm, article, doc, source, start, end, path, reading)
    return facts


@dataclass
class _Reading:
    """What a work report's sections so far say of the ones after them."""
    part: str | None = None   # review / plan / task (report_part)
    span: str | None = None   # 过去的五年…, 这是…的五年。: the plan period the paragraphs after it review
    past_year: bool = False   # 过去一年，…: the paragraphs after it account for the past year, until a span opens


def _document(article: Article) -> DocumentTraits:
    """The article's genre, jurisdiction and year as the structure stage recorded them (kb/genre.py),
    the jurisdiction in the place table's short form (河南省 → 河南) like subjects named in sentences."""
    genre = article.genre or "other"
    jurisdiction = article.jurisdiction or ""
    if jurisdiction:
        try:
            known = place_named(jurisdiction)
            jurisdiction = known.canonical if known.kind != "generic" else jurisdiction
        except KeyError:
            pass
    return DocumentTraits(genre, jurisdiction or None, article_year(article), named_place(article.title or ""),
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
    return year_in_heading(title) if _YEARLY_REPORT.search(title) else None


def _range_facts(clean: CleanText, norm: str, article: Article, doc: DocumentTraits, source: str,
                 start: int, end: int, path: str, reading: _Reading | None = None) -> list[Fact]:
    facts: list[Fact] = []
    heading_year = year_in_heading(path)
    # ——这是…的五年。 as a heading: every paragraph under it reviews that span
    heading_span = next((r for p in find_periods(path.split(" > ")[-1] if path else "") if p.duration
                         and (r := duration_range(p, doc, None))), None)
    heading_place = next((p for head in reversed((path or "").split(" > ")) if (p := named_place(head))), None)
    reading = reading or _Reading()
    carry = Carry(heading_year=heading_year, paragraph_period=heading_span or reading.span, heading_place=heading_place)
    last_end = start
    targets = False   # inside a list of targets (今年主要预期目标是：…；…；…。)
    cut: tuple[int, int] | None = None   # a prose sentence that ends mid-phrase (…西南地区的公路里程、高速)
    cut_by_table = False                 # and what came after it so far was a flattened table or a caption
    before_cut: Carry | None = None     # what the sentences before the fragment left, to read it again
    in_table = False   # after a table's caption left in the text, until a line of prose ends a sentence
    run_start = start   # where the ；-list the sentence belongs to begins
    captioned: str | None = None   # the period a table's caption names (表2 2012—2018年中国金融扶贫DEA评价效率)
    for s, e in sentence_spans(clean.text, start, end):
        in_table = _in_flattened_table(clean.text, s, e, in_table)
        if _TABLE_CAPTION.match(clean.text[s:e]):
            captioned = next((p.text for p in find_periods(norm[s:e]) if p.has_year), None)
        skipped = (clean.overlaps(s, e, SKIP_SPAN_KINDS) or not _is_prose(clean.text[s:e])
                   or (in_table and cut is None))   # (a sentence the table cut goes on after it)
        if skipped and cut is None and (cut := _fragment_before_caption(norm, s, e)):
            before_cut = dataclasses.replace(carry, first_years=dict(carry.first_years))
        skipped = skipped or (cut is not None and _is_caption_line(norm, s, e))
        if skipped and cut is not None:
            cut_by_table, last_end = True, e   # a table inside a sentence: what the fragment set goes on
            continue
        ended = clean.text[last_end - 1] if last_end > start else "。"
        if ended not in "；;":
            run_start = s   # a ；-list goes on from its first item (五年新增…；新增公路…；新增铁路…)
        continued = cut is not None and cut_by_table
        if continued:
            pass   # the rest of a sentence a table cut off
        elif last_end == start or ("\n" in clean.text[last_end:s] and ended not in "，,、"):
            if doc.genre == "work_report":
                _read_heading_line(norm[s:norm.find("\n", s) if "\n" in norm[s:end] else end], doc, reading)
                span = reviewed_span(norm[s:e], doc, reading.span)
                reading.past_year = reading.past_year and not (span and span != reading.span)
                reading.span = span
                if opens_past_year(norm[s:e], doc):
                    heading_span = None   # ——这是…的五年 > …刚刚过去的2025年，…: the span's heading ends here
                    reading.past_year = True
            carry = Carry(heading_year=heading_year, paragraph_period=heading_span or reading.span,
                           heading_place=heading_place)
            if captioned and doc.genre in ("paper", "journal_issue") and not skipped:
                carry.stated_period = captioned   # the paragraph right after a table speaks of its figures
        elif ended in _FULL_STOPS and not _CONTINUES.match(norm, s):
            carry.period = carry.base_period = carry.from_period = None
        if _ANOTHER_EXAMPLE.match(norm, s) or _INNOVATION.search(norm, s, e):
            carry.period = carry.stated_period = None   # 再如，日喀则国际陆地港…: not dated by the example before
        if doc.genre == "work_report" and reading.part == "review" and (looked := span_looked_back_on(norm[s:e], doc)):
            reading.span, reading.past_year = looked, False
        targets = targets and ended in "；;，,：:"
        last_end = e
        if skipped:
            continue
        captioned = None
        targets = targets or sets_target(norm[s:e], reading.part)
        carry.default_period = default_period(doc, path, norm[s:e], targets, reading.part, reading.past_year,
                                              norm[run_start:e])
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


def _continued_facts(text: str, norm: str, cut: tuple[int, int], s: int, e: int, carry: Carry,
                     article: Article, doc: DocumentTraits, source: str) -> list[Fact]:
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


def _read_heading_line(line: str, doc: DocumentTraits, reading: _Reading) -> None:
    """A work report's part as a paragraph that is a heading line decides it (“十五五”时期的主要目标任务
    between the review and the goals ahead, 2026年重点工作), as `extract_facts` does for headings."""
    line = line.strip()
    if not _HEADING_LINE.fullmatch(line):
        return
    part = report_part(line, reading.part, doc)
    if part != reading.part:
        reading.part, reading.span, reading.past_year = part, None, False


# a period carries past 。 only into a sentence that continues the same account; past ； and a
# line broken mid-sentence (…13.97亿元，\n同比增长3.9%) it always does
_FULL_STOPS = "。！？!?”’」』）)】"
_CONTINUES = re.compile(r"\s*(?:其中|同期|同年|当年|该年|这一年|同比|环比|比上年|较上年|期间|此间|截至当年)")
# 再如, 又如: a sentence that opens another example
_ANOTHER_EXAMPLE = re.compile(r"\s*(?:再如|又如|再比如|另如)")
# 瑞丽市首创的“种植备案…”机制, 其创新的“数字孪生监管平台”: what a named innovation achieves (将采购周期从15天缩短至
# 72小时) is not dated by the figures of the account before it
_INNOVATION = re.compile(r"(?:首创|创新|独创)(?:了|的)?\s*[“\"]")


def _in_flattened_table(text: str, s: int, e: int, in_table: bool) -> bool:
    """Whether the sentence text[s:e] is a table's caption or a cell line after it: a line that does not end
    a sentence (表5 都市圈与城市群的关系 … | 半径一般70千米范围内 | 面积可达到5—15万平方千米…); a sentence that
    ends with its full stop, or the table's source line, ends it."""
    if _TABLE_CAPTION.match(text[s:e]):
        return True
    if re.match(r"\s*(?:数据来源|资料来源)", text[s:e]):
        return False
    return in_table and text[s:e].rstrip()[-1:] not in "。！？!?" and text[e:e + 1] in ("\n", "")


def _is_prose(sentence: str) -> bool:
    if _META.search(sentence) or _REFERENCE_ENTRY.match(sentence):
        return False
    # flattened table rows: mostly digits and separators
    return han_ratio(sentence) >= 0.3


def _sentence_facts(text: str, norm: str, s: int, e: int, carry: Carry,
                    article: Article, doc: DocumentTraits, source: str) -> list[Fact]:
    sentence = norm[s:e]
    carry.sentence_at = s
    carry.previous_sentence, carry.sentence = carry.sentence, sentence
    carry.rank_field = rank_field(sentence) or carry.rank_field
    quantities = fact_quantities(find_quantities(sentence), sentence)
    periods = absolute_periods(sorted([p for p in outside_titles(find_periods(sentence), sentence)
                             if not (p.duration and RECORD.match(sentence, p.end))]
                            + since_programme(sentence, norm[article.start:article.end], doc), key=lambda p: p.start), doc,
                     carry.stated_span or carry.period or carry.stated_period)
    periods = within_span(same_year_before_a_later_one(periods, carry), sentence, carry, doc)
    carry.paragraph_period = next((p.text for p in periods if p.duration), carry.paragraph_period)
    mentions = place_mentions(sentence, periods, quantities, is_local(doc), carry.named_before)
    ctx = Context(text, article, s, doc)
    facts = []
    carry.previous_from, carry.from_period = carry.from_period, None
    topic = topic_indicator(sentence, periods, mentions)
    if topic:
        carry.indicator = carry.topic = topic
    carried = carry.entering = carry.subject, carry.subject_at
    carry.differences.update((m.group(1), m.group(0)) for m in NAMED_DIFFERENCE.finditer(sentence))
    if not quantities:
        gap_of = gap_variable(sentence, mentions)
        if gap_of and not carry.variable.endswith(gap_of):   # 贸依存度差距 cut from 外贸依存度: keep the whole
            carry.variable = gap_of
        carry_period(carry, periods, sentence)
        carry_subject(carry, mentions, sentence, len(sentence), ctx)
        keep_bodies_to_their_sentence(carry, carried, mentions)
        carry.gap_pair = pair_of_gap(sentence, mentions, ctx) or carry.gap_pair
        carry.named_before = named_for_later(mentions, sentence, carry.named_before)
        carry.quiet = 0 if carry.stated_at == s else carry.quiet + 1
        return facts
    respective = respective_subjects(quantities, mentions, sentence, carry)
    respective_years = {id(q): y for group in list_groups(quantities, sentence)
                        for q, y in zip(group, listed_periods(group, sentence))}
    respective_years.update(year_sequence(quantities, sentence))
    positions = {id(q): i for group in list_groups(quantities, sentence) if len(group) > 1 for i, q in enumerate(group)}
    group_sizes = {id(q): len(group) for group in list_groups(quantities, sentence) if len(group) > 1 for q in group}
    gaps: list[str | None] = []   # the subjects of the current list's gaps
    named = respective_indicators(quantities, periods, mentions, sentence, carry.listed)
    stated: list[tuple[str | None, str | None]] = []   # (indicator, period) of each earlier figure
    owners: list[str | None] = []   # the subject of each earlier figure
    units: list[str] = []           # the unit of each earlier figure
    topic = carry.subject           # what the figures are said of, for the places compared with it
    previous_end = 0
    span: tuple[int | None, int | None] = (None, None)   # years of the last start and end point
    ranged: str | None = None   # the last span a figure of the sentence was given (2000—2019年)
    level: tuple[int, str] | None = None   # (year, unit) of the sentence's last level of one year (2000年…437.75元)
    for q in quantities:
        clause = clause_start(sentence, q.start)
        in_list = previous_end > clause and LIST_GAP.fullmatch(sentence[previous_end:q.start])
        frm = from_of(sentence, clause, q)
        period = since_range(period_for(q, periods, carry, sentence, from_to_gap(sentence, frm, q)), doc)
        period = respective_years.get(id(q), period)
        subject, owner = subject_for(q, clause, previous_end, mentions, sentence, carry, ctx)
        if id(q) in respective:
            owner = respective[id(q)]
            subject = resolve(owner.place, ctx, owner.start)
        subject, subject_source = subject_with_source(subject, owner, carry, ctx, continues(sentence))
        if owner is not None and owner.start < 0:
            subject_source = "previous"   # a 分别 list of an earlier sentence (两地区…)
        if in_list:
            indicator, change = counted_noun(sentence, q) or carry.indicator, carry.change
        else:
            indicator, change = indicator_for(q, clause, previous_end, frm, sentence, periods, mentions,
                                               owner, carry)
            carry.change = change
        if owner is not None and owner.start >= q.end and (field := located_in(q, mentions, sentence)[1]):
            indicator = field   # 世界十大港口中有7个在我国
        if id(q) in named and id(q) in respective and q.unit in ("名", "位") and subject and named[id(q)].endswith(subject):
            indicator = f"{carry.rank_field}排名"   # 企业寒武纪、地平线分别排23名、24名: the names own the ranks
        elif id(q) in named:
            indicator = gap_to_place(respective_share(named[id(q)], sentence, clause, q), sentence[clause:q.start])
        elif id(q) in (shares := shares_of_stated(quantities, sentence, len(stated))):
            indicator, period = stated[shares[id(q)]]
            indicator = respective_share(indicator or "", sentence, clause, q)
        whole = scoped(sub_item(indicator, stated, sentence, clause, q.unit in COUNT_UNITS), stated, units)
        whole = deal_of_event(counted_over_limit(whole, sentence, clause, q), sentence, clause)
        whole = with_previous_measure(outcome_of(whole, sentence, clause), q,
                                       carry.previous_indicator if not stated and clause == 0 else None)
        if whole != indicator and carry.indicator == indicator:
            carry.indicator = whole   # the clauses after it speak of the part with its measure
        indicator = whole
        indicator = with_shared_measure(indicator, q, stated, units)
        indicator = with_earlier_scope(indicator, stated or ([(carry.previous_indicator, None)] if clause == 0 else []))
        indicator = with_sibling_measure(indicator, q, stated, units, "其中" in sentence[:clause])
        indicator = with_listed_head(indicator, stated, sentence[previous_end:q.start])
        indicator = range_class(indicator, sentence[clause:q.start], q, carry.topic, stated)
        if indicator and q.unit in ("公里", "千米") and ROUTE.search(indicator) \
                and not re.match(r"\s*(?:的)?(?:范围|半径|以内|之内|以外)", sentence[q.end:]):
            indicator += "里程"   # 一级公路236公里, 县道5096公里: the length of a kind of route
        if indicator and len(indicator) < 2 and stated and variable_of(stated[-1][0]):
            indicator = variable_of(stated[-1][0])   # …为43.77%，比全国平均水平54.64%低近11个百分点
        if is_generic_measure(indicator) and in_list and stated and (stated[-1][0] or "").endswith(indicator or "-"):
            indicator = stated[-1][0]   # 从523.66元和7003.77元: the list member measures what the first did
        elif is_generic_measure(indicator) and not in_list:
            bare = indicator
            indicator = with_variable(indicator, stated, sentence, clause, previous_end, periods, mentions,
                                       carry.variable)
            if carry.indicator == bare:
                carry.indicator = indicator   # 增量39.7亿斤、占全国23.6%: the share is of 粮食总产增量
        indicator = share_in_scope(indicator, sentence, clause, periods, mentions)
        if id(q) in respective:
            indicator = without_collective(indicator)   # 京津两市GDP…分别为41.8%和16.7%: each member's GDP
            pair = compared_pair(subject, owner, indicator, sentence, topic)
        else:
            pair = (listed_gap(q, indicator, sentence, mentions, carry, positions.get(id(q)), group_sizes.get(id(q), 1))
                    or gap_pair(q, indicator, sentence, mentions, carry, ctx, owners, positions.get(id(q))))
            topic = subject or topic
        if pair:
            subject, subject_source = pair
        elif subject_source == "document" and (part := zone_share_of_whole(indicator, sentence, clause)):
            subject, subject_source = part, "sentence"
        elif where := distribution_share(sentence, clause, q):
            subject, subject_source = where, "sentence"
        elif indicator and (between := gap_by_topic(q, sentence, mentions, ctx)):
            subject, subject_source = between, "sentence"   # 在地区差距方面，…A的X一直高于B，由…提高到…
            indicator = indicator if GAP_WORD.search(indicator) else indicator + "差距"
        owners.append(subject)
        gaps = gap_list(gaps, subject, indicator, positions.get(id(q)), group_sizes.get(id(q), 1), carry)
        if change and change.endswith("(起点)"):
            period = start_point_period(q, frm, periods, period, carry)
        period = ranged_period(q, change, period or in_span(carry.paragraph_period, change, sentence[clause:q.start], q.unit,
                                                              sentence[q.end:clause_end(sentence, q.end)], sentence[:clause])
                                or (since_range(carry.stated_period, doc) if doc.genre in ("paper", "journal_issue")
                                    and (carry.quiet < 2 or carry.stated_period == f"{doc.year}年") else None)
                                or in_span(carry.default_period, change, sentence[clause:q.start], q.unit),
                                periods, sentence, clause, carry.base_period)
        if change and change.endswith("(起点)") and period == carry.default_period:
            period = start_of_default_year(period, doc)
        period = run_of_years(sentence[clause:q.start], held_over(q, periods, sentence[clause:q.start], change, period))
        span, period = after_from_to(change, period, span, level[0] if level and level[1] == q.unit else None)
        if q.unit == "倍" and stated and _OF_THE_FORMER.search(sentence[clause:q.start]):
            indicator, period = _multiple_of_former(stated[-1][0], period, span)
        elif q.unit == "倍" and stated and stated[-1][0] and (base := _MULTIPLE_OF_BASE.fullmatch(sentence, clause, q.start)):
            indicator, change = stated[-1][0], f"是{base.group('base')}的"   # 新设企业…，是前20年同一区域设立企业数的1.5倍
        period = since_stated(q, indicator, change, period, carry, sentence[clause:q.start],
                               [y for p in periods if p.has_year and not p.duration and p.end <= q.start
                                for y in years_of(p.text)])
        # 年均 of the figure or of the list it is in (not …年均增长5%左右、迈上3万亿元台阶)
        yearly = "年均" in sentence[clause:q.start] and bool(in_list or "年均" in sentence[max(clause, previous_end):q.start])
        period = yearly_over_plan(period, sentence[:q.start], doc, yearly)
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
        if (not change or PLACE_GAP.match(change)) and re.fullmatch(r"\d{4}年", period or ""):
            level = (years_of(period)[0], q.unit)   # a level, or a gap to another place, of one year
        carry.variable = variable_of(indicator) or carry.variable
        previous_end = q.end + counted_length(sentence, q)
        qualifier = q.qualifier or share_qualifier(sentence, clause, q)
        indicator = examples_dropped(respective_run_on(urban_rural_ratio(indicator, sentence[:q.start])))
        indicator = added_of_named_kind(indicator, sentence[:clause])
        indicator = as_multiple_of_year(bracket_closed(as_added(indicator, sentence[clause:q.start], q.unit)), sentence, clause, q)
        indicator = difference_of(indicator, carry.differences)
        change = with_comparator(change or gap_to_base(sentence[clause:q.start], q.unit), sentence[:q.start])
        indicator = gap_in_rate(indicator, change, q, sentence)
        counted = len(units) > 1 and units[-2] in COUNT_UNITS and stated[-2][0] == stated[-1][0]
        indicator, confidence = kind_measured(indicator, q, change, carry, counted)
        indicator = share_of_the_rest(counted_by_predicate(indicator, sentence, q, carry.previous_sentence),
                                       sentence, clause, q)
        indicator = entered_list(indicator, sentence, q)
        indicator = in_industry(size_of(members_of(indicator, sentence, clause, q), sentence, q, subject), sentence, clause)
        if indicator and GAP_WORD.search(sentence[clause:q.start]) and "差" not in indicator:
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
    facts = [g for f in facts for g in _each_listed(f)]
    carry.previous_indicator = facts[-1].indicator if facts else None
    keep_bodies_to_their_sentence(carry, carried, mentions)
    carry.named_before = named_for_later(mentions, sentence, carry.named_before)
    carry_period(carry, periods, sentence)
    carry.gap_pair = pair_of_gap(sentence, mentions, ctx) or carry.gap_pair
    # a later sentence reuses the list's places by position only (no offsets into this sentence)
    carry.distribution = [dataclasses.replace(m, start=-1, end=-1) for m in carry.distribution]
    carry.quiet = 0
    return facts


# 培育引进规上加工企业、精深加工项目分别达到200个以上: one figure said of each thing listed before 分别
# 化学需氧量、氨氮排放量要分别下降2% / 都要减少2%: each of them
_EACH = re.compile(r"\s*(?:(?:要|将|拟)?\s*分别|都要?|均要?|都将|均将)\s*(?:达到?|为|是|超过|突破|完成|增长|下降|提高|减少|降低)?"
                   r"\s*(?:了)?\s*$")


def _each_listed(f: Fact) -> list[Fact]:
    items = (f.indicator or "").split("、")
    before = f.evidence[:f.start - f.evidence_start]
    at = before.rfind(f.indicator or "-")
    if not 2 <= len(items) <= 4 or at < 0 or not _EACH.fullmatch(before[at + len(f.indicator):]) \
            or not all(len(x) >= 2 for x in items):
        return [f]
    named = measure_shared(items)
    if any(len(x) < 4 and len(y) - len(x) < 3 for x, y in zip(items, named)):
        return [f]   # 小学、初中在校生人数均增长3%: 小学 (or 小学人数) names too little, the list stays one row
    return [dataclasses.replace(f, indicator=x, indicator_canonical=canonical_indicator(x),
                                indicator_confidence=indicator_confidence(x, f.raw)) for x in named]


def _levels_named_later(facts: list[Fact]) -> None:
    """建成4个国家级、4个自治区级区域医疗中心: a count of a level takes the thing the next level names."""
    for f, later in zip(facts, facts[1:]):
        thing = re.search(r"级(.{2,})$", later.indicator or "")
        if f.indicator and re.fullmatch(r"[\u4e00-\u9fff]{1,4}级", f.indicator) and thing:
            f.indicator = f.indicator + thing.group(1)
            f.indicator_confidence = indicator_confidence(f.indicator, f.raw)
            f.indicator_canonical = canonical_indicator(f.indicator)


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
