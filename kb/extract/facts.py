"""Numeric facts: each quantity a paper's prose states, attributed to a subject, an indicator and a
period, with its evidence sentence.

Attribution works clause by clause inside a sentence (clauses split at ，：), carrying what a
sentence states once for several figures: the period (`2000年重庆…10.4%，增长率为8.5%`), the
subject and the indicator (`…总额8181.55亿元，同比下降13.6%`). Carried values reset at a paragraph.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.extract.indicators import canonical_indicator
from kb.extract.numbers import Quantity, analysis_text, find_quantities
from kb.extract.periods import Period, find_periods, with_year
from kb.sentences import han_ratio, sentence_spans
from kb.types import Article, CleanText, Fact

SKIP_SECTION_KINDS = {"references", "english", "notes", "front", "keywords"}
SKIP_SPAN_KINDS = ("table", "meta", "english", "author")
_PLACES = Path(__file__).resolve().parent.parent / "data" / "places.txt"

# lines that carry numbers but no facts, whether or not the cleaner marked them
_META = re.compile(r"文章编号|中图分类号|文献标识码|收稿日期|基金项目|作者简介|通讯作者|DOI|doi:|E-mail|邮编"
                   r"|责任编辑|资料来源|数据来源|^\s*(?:续?表|图)\s*\d")
_CLAUSE_END = re.compile(r"[，,：:]")
# 在1%的水平上显著: a test's significance level, not a figure of the world
_SIGNIFICANCE = re.compile(r"\s*的?\s*(?:统计)?(?:显著性?水平|水平上?(?:显著|通过)|置信)")
_MEASURE_UNITS = {"%", "‰", "百分点", "倍"}
# units that count things; a Chinese numeral before them is mostly a word (一个, 两项, 三条)
# units after which a Chinese numeral states an amount (三千万元, 两百万人) rather than a word (二十国集团)
_CHINESE_NUMERAL_UNITS = {"元", "美元", "欧元", "人", "户", "吨", "公里", "平方公里", "亩", "公顷", "家", "标箱",
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
    names = sorted(places, key=len, reverse=True)
    return places, re.compile("|".join(map(re.escape, names)))


@dataclass
class _Mention:
    start: int
    end: int
    place: Place


@dataclass
class _Carry:
    """What earlier clauses of the paragraph stated and later figures inherit."""
    period: str | None = None
    subject: str | None = None
    indicator: str | None = None
    change: str | None = None


def extract_facts(clean: CleanText, articles: list[Article], source: str) -> list[Fact]:
    """Every numeric fact in the prose of `articles` (tables, references, meta lines excluded)."""
    facts: list[Fact] = []
    norm = analysis_text(clean.text)
    for article in articles:
        for start, end in _prose_ranges(article):
            facts += _range_facts(clean, norm, article, source, start, end)
    return facts


def _prose_ranges(article: Article) -> list[tuple[int, int]]:
    """The article's text minus sections that hold no prose facts."""
    if not article.sections:
        return [(article.start, article.end)]
    return [(s.start, s.end) for s in article.sections if s.kind not in SKIP_SECTION_KINDS]


def _range_facts(clean: CleanText, norm: str, article: Article, source: str,
                 start: int, end: int) -> list[Fact]:
    facts: list[Fact] = []
    carry = _Carry()
    last_end = start
    for s, e in sentence_spans(clean.text, start, end):
        if "\n" in clean.text[last_end:s]:
            carry = _Carry()
        last_end = e
        sentence = clean.text[s:e]
        if clean.overlaps(s, e, SKIP_SPAN_KINDS) or not _is_prose(sentence):
            continue
        facts += _sentence_facts(clean.text, norm, s, e, carry, article, source)
    return facts


def _is_prose(sentence: str) -> bool:
    if _META.search(sentence):
        return False
    # flattened table rows: mostly digits and separators
    return han_ratio(sentence) >= 0.3


def _sentence_facts(text: str, norm: str, s: int, e: int, carry: _Carry,
                    article: Article, source: str) -> list[Fact]:
    sentence = norm[s:e]
    quantities = [q for q in find_quantities(sentence) if _is_fact_quantity(q, sentence)]
    periods = _dated(find_periods(sentence), article)
    mentions = _mentions(sentence)
    facts = []
    if not quantities:
        _carry_period(carry, periods, len(sentence))
        _carry_subject(carry, mentions, sentence, len(sentence), text, article, s)
        return facts
    respective = _respective_subjects(quantities, mentions, sentence)
    previous_end = 0
    for q in quantities:
        clause = _clause_start(sentence, q.start)
        in_list = previous_end > clause and _LIST_GAP.fullmatch(sentence[previous_end:q.start])
        period = _period_for(q, periods, carry, sentence, _from_to_gap(sentence, clause, q))
        subject = _subject_for(q, clause, mentions, sentence, carry, text, article, s)
        if id(q) in respective:
            subject = _resolve(respective[id(q)].place, text, article, s + respective[id(q)].start)
        if in_list:
            indicator, change = carry.indicator, carry.change
        else:
            indicator, change = _indicator_for(q, clause, previous_end, sentence, periods, mentions, carry)
            carry.change = change
        previous_end = q.end
        for value, raw_start, raw_end, end_change in _values(q, change, sentence):
            facts.append(Fact(
                source=source, article=article.title, subject=subject, indicator=indicator,
                value=value, unit=q.unit, raw=text[s + raw_start:s + raw_end],
                evidence=text[s:e], start=s + raw_start, end=s + raw_end, period=period,
                change=end_change, qualifier=q.qualifier,
                indicator_canonical=canonical_indicator(indicator),
                evidence_start=s, evidence_end=e))
    _carry_period(carry, periods, len(sentence))
    return facts


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


def _respective_subjects(quantities: list[Quantity], mentions: list[_Mention],
                         sentence: str) -> dict[int, _Mention]:
    """东部、中部、西部地区GDP总量分别为A、B和C: the n places named before 分别 own the n figures."""
    owners: dict[int, _Mention] = {}
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups and _LIST_GAP.fullmatch(sentence[groups[-1][-1].end:q.start]):
            groups[-1].append(q)
        else:
            groups.append([q])
    for group in groups:
        clause = _clause_start(sentence, group[0].start)
        head = sentence[clause:group[0].start]
        if len(group) < 2 or "分别" not in head:
            continue
        named = [m for m in mentions if clause <= m.start and m.end <= clause + head.index("分别")]
        if len(named) == len(group):
            owners.update({id(q): m for q, m in zip(group, named)})
    return owners


# ------------------------------------------------------------------ which numbers are facts
def _is_fact_quantity(q: Quantity, sentence: str) -> bool:
    before = sentence[max(0, q.start - 6):q.start]
    after = sentence[q.end:q.end + 2]
    if q.numeral == "chinese":
        return q.unit in _MEASURE_UNITS or (q.unit in _CHINESE_NUMERAL_UNITS and q.value >= 10)
    if q.unit == "":
        # a bare figure is a fact only when stated as a value (城乡收入比为2.68), never a year or label
        return ("." in q.raw and re.search(r"(为|是|达到?|约|至|到|从|由)\s*$", before) is not None
                and not re.match(r"\s*[年月日号期版]", after))
    if q.unit == "年" or _SIGNIFICANCE.match(sentence, q.end):
        return False
    return True


# ------------------------------------------------------------------ clauses and periods
def _clause_start(sentence: str, pos: int) -> int:
    cut = 0
    for m in _CLAUSE_END.finditer(sentence, 0, pos):
        # a comma inside a number (1,234) does not end a clause
        if m.group(0) == "," and m.start() > 0 and sentence[m.start() - 1].isdigit() \
                and sentence[m.end():m.end() + 1].isdigit():
            continue
        cut = m.end()
    return cut


_COMPARISON_BASE = re.compile(r"(比|较|相比|相较|与|同比|对比|比上年|超过|高于|低于)\s*$")


def _is_comparison_base(p: Period, sentence: str) -> bool:
    """比第一季度, 相较2004年: the period figures are compared with, not the figure's own."""
    return bool(_COMPARISON_BASE.search(sentence[max(0, p.start - 3):p.start]))


def _period_for(q: Quantity, periods: list[Period], carry: _Carry, sentence: str,
                skip: tuple[int, int] | None = None) -> str | None:
    current = carry.period
    for p in periods:
        if p.start >= q.start:
            break
        if _is_comparison_base(p, sentence) or (skip and skip[0] <= p.start < skip[1]):
            continue
        current = with_year(p, current) if (not p.has_year) else p.text
    return current


def _from_to_gap(sentence: str, clause: int, q: Quantity) -> tuple[int, int] | None:
    """For the end point of 从去年的2.1%提高到2.3%, the span 从…到 whose period is the start point's."""
    frm = _FROM.search(sentence, clause)
    if not frm or frm.start() >= q.start:
        return None
    to = _TO.search(sentence, frm.end(), q.start)
    return (frm.start(), to.start()) if to else None


def _dated(periods: list[Period], article: Article) -> list[Period]:
    """今年/去年/过去一年 made absolute with the article's year; dropped when it is unknown."""
    out = []
    for p in periods:
        if p.offset_years is None:
            out.append(p)
        elif article.year:
            y = article.year + p.offset_years
            out.append(Period(p.start, p.end, f"{y}年", True))
    return out


def _carry_period(carry: _Carry, periods: list[Period], upto: int) -> None:
    """The last period stated (comparison bases excluded) carries into the next sentences."""
    for p in periods:
        if p.start < upto and p.has_year:
            carry.period = p.text


# ------------------------------------------------------------------ subjects
def _mentions(sentence: str) -> list[_Mention]:
    places, pattern = _places()
    return [_Mention(m.start(), m.end(), places[m.group(0)]) for m in pattern.finditer(sentence)]


# a place after these words is a reference point (占西部地区GDP, 低于全国), not the subject
_REFERENCE_WORD = re.compile(r"(占|比|较|于|与|同|对|和|及|向|在|从|到|至|全国|相比)\s*$")


def _subject_for(q: Quantity, clause: int, mentions: list[_Mention], sentence: str, carry: _Carry,
                 text: str, article: Article, s: int) -> str | None:
    before = [m for m in mentions if m.end <= q.start]
    # 西北地区的13155家: a place joined to the figure by 的 owns it
    for m in reversed(before):
        if re.fullmatch(r"\s*[的（(]?\s*", sentence[m.end:q.start]):
            return _resolve(m.place, text, article, s + m.start)
    in_clause = [m for m in before if m.start >= clause
                 and not _REFERENCE_WORD.search(sentence[max(clause, m.start - 2):m.start])]
    if in_clause:
        subject = _resolve(in_clause[0].place, text, article, s + in_clause[0].start)
        carry.subject = subject
        return subject
    earlier = [m for m in before if m.start < clause
               and not _REFERENCE_WORD.search(sentence[max(0, m.start - 2):m.start])]
    if earlier:
        _carry_subject(carry, earlier, sentence, clause, text, article, s)
    return carry.subject


def _carry_subject(carry: _Carry, mentions: list[_Mention], sentence: str, upto: int,
                   text: str, article: Article, s: int) -> None:
    """The subject of the last clause that names one carries into later clauses."""
    by_clause: dict[int, _Mention] = {}
    for m in mentions:
        if m.start >= upto or _REFERENCE_WORD.search(sentence[max(0, m.start - 2):m.start]):
            continue
        by_clause.setdefault(_clause_start(sentence, m.start), m)
    if by_clause:
        m = by_clause[max(by_clause)]
        carry.subject = _resolve(m.place, text, article, s + m.start)


def _resolve(place: Place, text: str, article: Article, offset: int) -> str:
    """全省/我省 → the province the article is about; 全市 → its city; other places as named."""
    if place.kind != "generic":
        return place.canonical
    wanted = "city" if place.name.endswith("市") else "province"
    return _article_place(text, article, offset, wanted) or place.name


def _article_place(text: str, article: Article, offset: int, kind: str) -> str | None:
    """The place of `kind` the article's title names, else the one its text before `offset`
    names most (at least three times and most of all such mentions)."""
    places, pattern = _places()
    in_title = [places[m.group(0)] for m in pattern.finditer(article.title or "")]
    for p in in_title:
        if p.kind == kind:
            return p.canonical
    window = text[max(article.start, offset - 6000):offset]
    counts = Counter(places[m.group(0)].canonical for m in pattern.finditer(window)
                     if places[m.group(0)].kind == kind)
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 3 and n * 2 > sum(counts.values()) else None


# ------------------------------------------------------------------ indicators and changes
_LEADING = re.compile(r"^(?:其中|而且|而|且|并且|并|同时|但是|但|也|均|分别|另外|此外|以及|及|和|与|从而|进而|使得?"
                      r"|推动|带动|促进|实现|完成|共有|拥有|共|有|全年|累计|当年|同年|全部|总计|合计|的|在|达到)+")
_TRAILING = re.compile(r"(?:已经|已然|平均为|平均|分别为|分别是|分别|为|是|达到了?|达|约为|约|共计|共|有|了|则|仍|已|均|也|都|就|只有|仅为|仅|占|的|：|:|\s)+$")
_CHANGE = re.compile(r"(同比|环比|比上年|较上年|年均|平均|累计)?(增长了?|下降了?|提高了?|降低了?|增加了?|减少了?|上升了?|回落了?"
                     r"|收窄了?|扩大了?|缩小了?|上涨了?|下跌了?|增至|降至|提升了?|翻了?|(?:提高|增加|上升|下降|降低|增长|减少|扩大|缩小|提升)(?:到|至)|高于[^，,]{0,8}|低于[^，,]{0,8}"
                     r"|多于[^，,]{0,8}|少于[^，,]{0,8}|超出[^，,]{0,8})$")
_FROM = re.compile(r"(由|从)(?=[^，,]{0,20}?\d)")
_TO = re.compile(r"(增加|提高|提升|上升|下降|降低|减少|扩大|缩小|增长)?(到|至)")
_COMPARE_CUT = re.compile(r"(比(?![重例值率])|较(?![高低快慢大小多少好])|相比|相较于?|与)[^，,]{0,15}$")
_ADVERB = re.compile(r"(?:远|大幅|明显|略|稍|进一步|持续|继续|仍然|依然|显著|较大幅度|快速|稳步|逐步|分别|均|都|也|仍)+$")


def _indicator_for(q: Quantity, clause: int, previous_end: int, sentence: str, periods: list[Period],
                   mentions: list[_Mention], carry: _Carry) -> tuple[str | None, str | None]:
    """(indicator, change) for a quantity: the noun phrase of its clause before it (after any earlier
    figure of the clause), and the change verb that links them (同比下降, 由…增加到…)."""
    change = None
    frm = _FROM.search(sentence, clause)
    frm = frm if frm and frm.start() < q.start else None
    if frm:
        to = _TO.search(sentence, frm.end(), q.start)
        change = (f"{frm.group(1)}…{to.group(0)}…(终点)" if to else f"{frm.group(1)}…(起点)")
        if frm.start() < previous_end:   # 由A增加到B: B measures what A measured
            return carry.indicator, change
    phrase_start = max(clause, previous_end)
    phrase = sentence[phrase_start:frm.start() if frm and frm.start() >= phrase_start else q.start]
    phrase = _without(phrase, phrase_start, periods, mentions)
    phrase = _strip_qualifier(phrase, q)
    phrase = _TRAILING.sub("", phrase)
    verb = _CHANGE.search(phrase)
    if verb:
        change = change or verb.group(0)
        phrase = _TRAILING.sub("", _ADVERB.sub("", phrase[:verb.start()]))
    cmp_ = _COMPARE_CUT.search(phrase)
    if cmp_:
        phrase = phrase[:cmp_.start()]
    phrase = _LEADING.sub("", phrase.strip())
    phrase = _TRAILING.sub("", phrase).strip("“”\"《》()（） ")
    if len(phrase) > 24:   # a long run is a clause, not a noun phrase: keep its last part
        phrase = re.split(r"[的和及]", phrase)[-1][-24:]
    phrase = re.sub(r"\s+", "", phrase)   # letter-spaced print: 社 会 消 费 → 社会消费
    if phrase and re.search(r"[\u4e00-\u9fffA-Za-z]", phrase):
        carry.indicator = phrase
        return phrase, change
    return carry.indicator, change


def _without(phrase: str, offset: int, periods: list[Period], mentions: list[_Mention]) -> str:
    """The phrase with period expressions removed and the leading subject (and its 的) cut off."""
    chars = list(phrase)
    for p in periods:
        for i in range(max(p.start, offset), min(p.end, offset + len(phrase))):
            chars[i - offset] = ""
    for m in mentions:
        if m.start >= offset and m.end <= offset + len(phrase):
            head = "".join(chars[:m.start - offset])
            if not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", _LEADING.sub("", head.strip())):
                for i in range(0, m.end - offset):
                    chars[i] = ""
                break
    return "".join(chars).strip()


def _strip_qualifier(phrase: str, q: Quantity) -> str:
    if not q.qualifier:
        return phrase
    head = q.qualifier.split("…")[0]
    return phrase[:-len(head)] if phrase.endswith(head) else phrase
