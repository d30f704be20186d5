"""Clauses and the reading state of the facts stage: where a clause of a sentence starts and ends
(split at ，：), the enumeration runs of quantities (A、B和C), and the state every attribution step
reads — `DocumentTraits` (what an article says of all its figures), `Carry` (what earlier clauses of the
paragraph stated) and `Context` (where a sentence sits).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.extract.numbers import Quantity
from kb.extract.periods import Period, end_with_deadline
from kb.types import Article


_CLAUSE_END = re.compile(r"[，,：:]")
MEASURE_UNITS = {"%", "‰", "百分点", "倍"}


@dataclass
class Carry:
    """What earlier clauses of the paragraph stated and later figures inherit."""
    period: str | None = None
    subject: str | None = None
    indicator: str | None = None
    change: str | None = None
    from_period: str | None = None   # the year of the last start point (由2012年的A…) of the sentence
    previous_from: str | None = None  # the same of the sentence before, when it ended with ； or ，
    heading_year: str | None = None  # the year the section's heading names, for year-less periods
    heading_place: str | None = None  # the one place the section's innermost naming heading names
    distribution: list = field(default_factory=list)   # the places of the last 分别 list (Mention)
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
    listed: list = field(default_factory=list)   # the names of the sentence before's 分别 list, for a later 分别变为A、B和C
    first_years: dict = field(default_factory=dict)   # indicator -> (first single year stated for it, sentence offset)
    sentence_at: int = -1            # offset of the sentence being read
    stated_at: int = -1              # offset of the sentence that set stated_period
    quiet: int = 0                   # sentences read since the last that stated a figure or a year
    stated_span: str | None = None   # the years the last sentence stated, first to last (2000—2019年)
    study_span: str | None = None    # the span the paragraph studies (2000—2014年), kept while sentences date its parts
    entering: tuple = (None, -1)     # (subject, subject_at) carried into the sentence being read
    named_before: dict = field(default_factory=dict)   # the last group or zone, city, province named (该集群, 该市)
    base_period: str | None = None   # 与2004年相比，…；: the base the account's changes are compared with
    rank_field: str = ""             # 在全球前24名的AI芯片企业中…位列…: what the paragraph's ranks are taken over
    topic: str = ""                  # 从…的多年平均值来看，…: the variable the last 从…来看 announced
    sentence: str = ""               # the sentence being read, and the one before it in the paragraph
    previous_sentence: str = ""


@dataclass
class DocumentTraits:
    """What the document says of all its figures, decided once per article from its metadata."""
    genre: str
    jurisdiction: str | None   # the place its figures are about when no sentence names one
    year: int | None           # its year (a communiqué's: the year it reports on)
    title_place: str | None = None   # the one place a paper's title names (中国西北地区城镇化质量…)
    reported_year: str | None = None   # the year a yearly report is of (…2024年政府信息公开工作年度报告)
    case: str | None = None   # the body a paper's title studies as its case (——以德国工业4.0旗舰集群为例)


@dataclass
class Context:
    """Where a sentence sits: the document text, its article and the sentence's offset."""
    text: str
    article: Article
    offset: int
    doc: DocumentTraits


# 西北地区与西南地区的差距…, 两地区…相差: a gap belongs to the pair it is between
GAP_WORD = re.compile(r"差距|差额|相差|差值|净差")
PAIR_LINK = re.compile(r"\s*(?:与|和|同|及)\s*")
GAP_LINK = re.compile(r"\s*(?:高出|低于|高于|多出|多于|少于|落后于?)\s*")   # 中部地区高出西部地区
# 中东部地区, 东西部地区: two regions named as one (the pair of a gap, or both sides compared)
COMPOUND_REGION = re.compile(r"([东中西])([东中西])部(?:地区)?")
# quantities of one enumeration (12.75%、4.99%和19.8%) are joined only by these (and an OCR run's
# stray dot, 43.14%，.47.06%和5.88%: see kb.extract.numbers)
LIST_GAP = re.compile(r"\s*(?:[、，,]\.?|\.|和|及|与|以及|或)\s*")


def list_groups(quantities: list[Quantity], sentence: str) -> list[list[Quantity]]:
    """The quantities in runs that enumerate (A、B和C)."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        gap = sentence[groups[-1][-1].end:q.start] if groups else ""
        if groups and LIST_GAP.fullmatch(gap) and (_same_kind(groups[-1][-1], q) or not re.search(r"[，,]", gap)):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def _same_kind(a: Quantity, b: Quantity) -> bool:
    """Whether two figures a comma parts can be items of one run: not when both have units and these
    differ (…分别下降5.6%和4%，74个重点城市…: the 74个 starts something else; 、 and 和 join figures of
    different units, 7000万吨、1280万吨、10亿立方米)."""
    return not (a.unit and b.unit) or a.unit == b.unit


COUNT_UNITS = {"个", "项", "家", "户", "所", "座", "条", "名", "位", "种", "批", "台", "套", "部", "篇", "件", "张",
                "辆", "艘", "架", "列", "趟", "班", "班次", "宗", "处", "场次", "省", "市", "县", "国", "次", "场", "起", "件"}


def clause_end(sentence: str, pos: int) -> int:
    m = re.compile(r"[，,；;。]").search(sentence, pos)
    return m.start() if m else len(sentence)


def clause_start(sentence: str, pos: int) -> int:
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


def paren_start(sentence: str, pos: int) -> int:
    """Just after the bracket still open at `pos`, else 0."""
    paren = max(sentence.rfind("（", 0, pos), sentence.rfind("(", 0, pos))
    return paren + 1 if paren >= 0 and not re.search(r"[)）]", sentence[paren:pos]) else 0


def without_periods(sentence: str, periods: list[Period]) -> str:
    """The sentence with period expressions blanked (same length), so 2000年重庆 reads as 重庆; a
    deadline's 前 goes with its year (2030年前新增风电装机 reads as 新增风电装机)."""
    chars = list(sentence)
    for p in periods:
        end = end_with_deadline(sentence, p)
        chars[p.start:end] = " " * (end - p.start)
    return "".join(chars)
