"""Time periods stated in text (2024年, 2024年上半年, 2020年1—5月, 2012—2019年, 第一季度, “十三五”时期).

`find_periods(text)` returns each period with offsets and a display string; a period without a
year (第一季度, 1—5月) says so, so the caller can give it the year stated before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_Y = r"(?:1[89]|20)\d{2}"
_DASH = r"\s*(?:[~～—–\-－]{1,2}|至|到)\s*"
_CN_N = "一二三四"
_PART = (rf"上半年|下半年|前三季度|第[{_CN_N}]季度|[{_CN_N}]季度|[1-4]季度|Q[1-4]"
         rf"|\d{{1,2}}{_DASH}\d{{1,2}}\s*月(?:份)?|\d{{1,2}}\s*月(?:份|末|底)?|年末|年底|年初|末|底|初|全年|以来"
         rf"|(?:春节|元旦|清明节?|五一|劳动节|端午节?|中秋节?|国庆节?)(?:假期|长假|小长假|黄金周|期间)?")
# 2000一2014年: an OCR'd dash read as 一, only between two years
_YEAR_RANGE = re.compile(rf"(?P<y1>{_Y})\s*年?(?:{_DASH}|\s*一\s*(?={_Y}))(?P<y2>{_Y})\s*年(?!代)")
_YEAR = re.compile(rf"(?P<y>{_Y})\s*年(?!代)(?:\s*(?P<part>{_PART}))?")
_YEARLESS = re.compile(rf"(?<![\d年])(?P<part>上半年|下半年|前三季度|全年(?!龄)|第[{_CN_N}]季度"
                       rf"|\d{{1,2}}{_DASH}\d{{1,2}}\s*月(?:份)?|\d{{1,2}}\s*月(?:份)?(?!\s*\d{{1,2}}\s*[日号]))")
# “一五”…“十五”, “十一五”…“十五五”: a single-digit plan name is only a period when quoted or followed
# by 时期/期间…, since 一五/三五 also occur inside ordinary words
_PLAN = re.compile(r"(?P<open>[“\"]?)(?P<plan>十[一二三四五](?=五)|[一二三四五六七八九十])五(?P<close>[”\"]?)"
                   r"(?P<tail>时期|期间|规划|计划|以来|末)?(?!\s*普法)")   # “八五”普法: the 8th legal-education campaign
_PLAN_YEARS = {"一": "1953—1957", "二": "1958—1962", "三": "1966—1970", "四": "1971—1975", "五": "1976—1980",
               "六": "1981—1985", "七": "1986—1990", "八": "1991—1995", "九": "1996—2000", "十": "2001—2005",
               "十一": "2006—2010", "十二": "2011—2015", "十三": "2016—2020", "十四": "2021—2025",
               "十五": "2026—2030"}
_RELATIVE = re.compile(r"同年|同期|当年")
# What makes a year a deadline or an upper bound when it follows it: 2030年前, 2027年底前, 在2012年以前
# (not 2025年前三季度, 前后, 前列, 前沿 …).
BEFORE_YEAR = re.compile(r"\s*(?:以前|之前|前)(?![一二三四五六七八九十两半几后列沿端期景行进\d])")

# 20年来, 五年来, 近10年, 过去五年, 40多年间: a span of years counted back from the text's own year
# (五年中央财政…: the span is 五年; its 中 begins the word 中央 — but 十年中东北地区…, 五年中小麦产量 keep 中)
_WORD_OF_ZHONG = r"中(?:央|华民族|国(?!内)|西部|东部|部(?!分))"
_DURATION = re.compile(r"(?:近|过去|这|在这)?(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:多)?\s*年\s*多?\s*"
                       rf"(?P<tail>来|间|以来|里|(?!{_WORD_OF_ZHONG})中|(?={_WORD_OF_ZHONG}))"
                       r"|(?:近|过去的?)(?P<n2>\d{1,2}|[一二三四五六七八九十]{1,3})\s*年(?![\d度])"
                       r"|(?:这|的)(?P<n3>[一二三四五六七八九十]{1,2}|\d{1,2})\s*年(?=\s*[。，,！!；;]|$)"
                       r"|(?:近|过去的?)(?P<n4>\d{1,2})\s*a(?![A-Za-z])"   # 过去的13a: a paper's a (annum) for 年
                       r"|(?<![\d.])(?P<n5>\d{1,2})\s*a(?:间|来|以来)")   # 10a间
# 目前/当前/截至目前: the text's own year (目前全国共有…所 in a 2020 paper is 2020's count)
_DEICTIC = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "过去一年": -1, "一年来": -1, "明年": 1,
            "截至目前": 0, "目前": 0, "当前": 0, "现阶段": 0, "如今": 0, "时至今日": 0, "从现实来看": 0}
_NOW = ("截至目前", "目前", "当前")   # (如今, 时至今日, 从现实来看 contrast with the past: they do not yield)
_DEICTIC_RE = re.compile(r"(?<!比)(?<!较)(今年|本年|去年|上年|过去一年|一年来|明年|截至目前|目前|当前|现阶段|如今|时至今日|从现实来看)"
                         r"(?!末|底|同期)")


@dataclass
class Period:
    start: int
    end: int
    text: str          # display form: "2024年上半年", "2012—2019年", "第一季度"
    has_year: bool
    month_only: bool = False   # 1—5月, 5月 (never a quantity)
    relative: bool = False     # 同年/同期: the year of the period before
    offset_years: int | None = None   # 今年 0, 去年/过去一年 -1, 明年 1: relative to the text's year
    duration: str | None = None  # 20年来, 五年来: the numeral of a span of years up to the text's year
    now: bool = False          # 目前/当前: the text's year, unless the account already states one

    @property
    def year(self) -> str | None:
        m = re.search(r"\d{4}", self.text)
        return m.group(0) if m else None


def end_with_deadline(text: str, period: Period, offset: int = 0) -> int:
    """Where `period` ends, a deadline's 前 included (2030年前新增… → after 前). `period` was found in a
    text of which `text` is the part starting at `offset`; `period`'s positions and the result count from
    the start of that whole text."""
    at = period.end - offset
    deadline = BEFORE_YEAR.match(text, at) if 0 <= at <= len(text) else None
    return deadline.end() + offset if deadline else period.end


def find_periods(text: str) -> list[Period]:
    """Periods in `text`, in order, not overlapping (a year range wins over its years)."""
    found: list[Period] = []
    taken = [False] * len(text)

    def add(p: Period):
        if any(taken[p.start:p.end]):
            return
        for i in range(p.start, p.end):
            taken[i] = True
        found.append(p)

    for m in _YEAR_RANGE.finditer(text):
        add(Period(m.start(), m.end(), f"{m.group('y1')}—{m.group('y2')}年", True))
    for m in _YEAR.finditer(text):
        part = _compact(m.group("part") or "")
        add(Period(m.start(), m.end(), f"{m.group('y')}年{part}", True))
    for m in _YEARLESS.finditer(text):
        part = _compact(m.group("part"))
        add(Period(m.start(), m.end(), part, False, month_only="月" in part))
    for m in _PLAN.finditer(text):
        if len(m.group("plan")) == 2 or (m.group("open") and m.group("close")) or m.group("tail"):
            add(Period(m.start(), m.end(), f"“{m.group('plan')}五”({_PLAN_YEARS[m.group('plan')]}年)", True))
    for m in _DEICTIC_RE.finditer(text):
        add(Period(m.start(), m.end(), m.group(0), False, offset_years=_DEICTIC[m.group(0)],
                   now=m.group(0) in _NOW))
    for m in _DURATION.finditer(text):
        add(Period(m.start(), m.end(), m.group(0), False, duration=m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
                          or m.group("n5")))
    for m in _RELATIVE.finditer(text):
        add(Period(m.start(), m.end(), m.group(0), False, relative=True))
    return sorted(found, key=lambda p: p.start)


def plan_years(year: int) -> tuple[int, int]:
    """(first, last) year of the five-year plan period holding `year` (2026 → 2026, 2030)."""
    start = 2001 + 5 * ((year - 2001) // 5)
    return start, start + 4


def years_of(period: str | None) -> list[int]:
    """The four-digit years a period string names (“2012—2019年” → [2012, 2019])."""
    return [int(y) for y in re.findall(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)", period or "")]


def _compact(part: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"[~～–\-－]{1,2}|至|到", "—", part))


def with_year(period: Period, previous: str | None) -> str:
    """A year-less or relative period completed with the year of `previous` (第一季度 -> 2020年第一季度)."""
    if period.has_year or not previous:
        return period.text
    year = re.search(r"\d{4}(?:—\d{4})?年?", previous)
    if not year:
        return period.text
    if period.relative:
        return previous
    y = year.group(0) if year.group(0).endswith("年") else year.group(0) + "年"
    return y if period.text == "全年" else y + period.text   # …上半年…，班列全年开行突破900列: the whole year
