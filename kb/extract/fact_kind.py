"""What kind of statement a numeric fact is — outcome (what happened), target (this year's 预期目标)
or plan (a multi-year horizon: 到2030年…, “十五五”时期年均…) — and the upper bound of a range.

Runs after `extract_facts` on the same document (kb/build.py) and only adds to its rows:
`kind`, `value_max` (4.5%—5% -> 4.5 with value_max 5 on the lower-bound row; the upper-bound row
stays, so each stated number is still one fact) and, for a target whose sentence names no year, the
year it is set for (the section heading's year, else the document's year: a work report's 预期目标
without a year are for the year of the report).

Forward-looking scope is decided from the text, not the genre: a target-list opener
(`主要预期目标是：`) makes the rest of its paragraph forward-looking, including later sentences
(`…左右。规模以上工业增加值增长7.5%左右；…`); a forward word (力争, 确保…) makes the rest of its
own clause forward-looking. Inside that scope a multi-year horizon makes a plan, else a target.
A future `到2030年` makes a plan even without a forward word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.types import Article, CleanText, Fact

RANGE_LOW, RANGE_HIGH = "区间下限", "区间上限"   # the change tags extract_facts gives a range's ends

# `主要预期目标是：`, `目标为：`: the paragraph that follows lists targets
_LIST_OPENER = re.compile(r"(?:预期目标|主要目标|发展目标|目标任务|目标|主要指标)\s*(?:[，,]?\s*(?:是|为|设定为|包括))?\s*[:：]")
# words that make the rest of their clause forward-looking
# (not 预计: 预计全年增长5.2% estimates last year's outcome in a report given before the statistics)
_FORWARD = re.compile(r"目标(?:是|为|值|设定为)|(?<!努)力争|确保|设定为"
                      r"|(?:将|要)(?:达到|实现|增长|提高|提升|降低|突破|超过)")
# a horizon beyond one year: 年均…, 到2030年, 2030年前, “十五五”时期/末, 规划期
# (a horizon opens its clause: 到2030年，… / 力争到2030年…; not the end of a change 由2000年的A增长至2014年的B)
_YEAR_AHEAD = re.compile(r"(?:^|[，,；;：:\s])(?:力争|争取|计划|预计|预期)?\s*(?:到|至)\s*((?:19|20)\d{2})\s*年(?!的)"
                         r"|((?:19|20)\d{2})\s*年(?:前|以前)")
_MULTI_YEAR = re.compile(r"年均|“?十[一二三四五六七八九]?五”?\s*(?:时期|期间|末|期末|规划)|规划期")
# an opener's sentence that sets its list on a multi-year horizon (《纲要》, 今后五年, “十五五”时期…)
PLAN_LIST = re.compile(r"纲要|规划|今后[五十]年|[五十]年(?:内|后)|“?十[一二三四五六七八九]?五”?\s*(?:时期|期间|末)")
# a paragraph ends at a line break after sentence-final punctuation (not at a line broken mid-phrase)
_PARAGRAPH_END = re.compile(r"[。！？!?；;”’」』）)]\s*\n")
_DONE = re.compile(r"已|了|累计|完成")
_CLAUSE_END = re.compile(r"[，,。！？!?；;\n]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!代)")


@dataclass
class _Scope:
    """A forward-looking stretch of the text: [start, end)."""
    start: int
    end: int
    multi_year: bool = False   # the list is set on a multi-year horizon: its figures are plans


def annotate(facts: list[Fact], clean: CleanText, articles: list[Article]) -> list[Fact]:
    """The facts with `kind`, `value_max` and target years filled in (the same list, updated)."""
    text = clean.text
    scopes = _forward_scopes(text)
    for fact in facts:
        article = _article_of(fact, articles)
        year = document_year(article)
        fact.kind = _kind(fact, text, scopes, year, article.genre if article else "other")
        if fact.kind == "target" and not fact.period:
            target_year = _heading_year(article, fact.start) or year
            fact.period = f"{target_year}年" if target_year else None
    _join_ranges(facts)
    return facts


def document_year(article: Article | None) -> int | None:
    """The year an article speaks from: its date, else the year the text states for it."""
    if article is None:
        return None
    m = re.match(r"(?:19|20)\d{2}", article.date or "")
    return int(m.group(0)) if m else article.year


def _article_of(fact: Fact, articles: list[Article]) -> Article | None:
    return next((a for a in articles if a.start <= fact.start < a.end), articles[0] if articles else None)


def _forward_scopes(text: str) -> list[_Scope]:
    """Stretches after a target-list opener (to the end of its paragraph) or a forward word (to the end
    of its sentence)."""
    scopes = []
    for m in _LIST_OPENER.finditer(text):
        end = _PARAGRAPH_END.search(text, m.end())
        opened = text[_sentence_start(text, m.start()):m.end()]
        scopes.append(_Scope(m.start(), end.start() + 1 if end else len(text),
                             bool(PLAN_LIST.search(opened) or _YEAR_AHEAD.search(opened))))
    for m in _FORWARD.finditer(text):   # a forward word reaches to the end of its clause
        end = _CLAUSE_END.search(text, m.end())
        scopes.append(_Scope(m.start(), end.end() if end else len(text)))
    return scopes


def _sentence_start(text: str, offset: int) -> int:
    ends = [text.rfind(ch, 0, offset) for ch in "。！？!?；;\n"]
    return max(ends) + 1


def _kind(fact: Fact, text: str, scopes: list[_Scope], year: int | None, genre: str = "other") -> str:
    head = text[fact.evidence_start:fact.start]   # the sentence up to the figure
    ahead = [int(a or b) for a, b in _YEAR_AHEAD.findall(head)]
    # 到2030年… is a plan when 2030 is after the document's year, or (year unknown) when it is not
    # told as done (到2020年底，已建成…)
    if ahead and (any(y > year for y in ahead) if year else not _DONE.search(text, fact.evidence_start,
                                                                                fact.evidence_end)):
        return "plan"
    period_years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", fact.period or "")]
    if year and period_years and min(period_years) > year:   # dated after the document: not observed yet
        return "plan"
    inside = [s for s in scopes if s.start <= fact.start < s.end]
    if not inside:
        return "outcome"
    if genre == "plan" or any(s.multi_year for s in inside):   # a plan's goals are multi-year
        return "plan"
    clause = re.split(r"[，,；;：:]", head)[-1]
    if _MULTI_YEAR.search(clause) or ahead or len(set(period_years)) > 1:
        return "plan"
    return "target"


def _heading_year(article: Article | None, offset: int) -> int | None:
    """The one year the innermost section around `offset` names in its heading path (三、2026年工作安排)."""
    if article is None:
        return None
    around = [s for s in article.sections if s.start <= offset < s.end and s.path]
    for section in sorted(around, key=lambda s: s.start, reverse=True):
        years = set(_YEAR.findall(section.path))
        if len(years) == 1:
            return int(years.pop())
    return None


def _join_ranges(facts: list[Fact]) -> None:
    """The lower-bound row of a range gets the upper bound as `value_max`; both rows share the kind
    and the qualifier stated once for the range."""
    for low, high in zip(facts, facts[1:]):
        if (low.evidence_start == high.evidence_start and (low.change or "").endswith(RANGE_LOW)
                and (high.change or "").endswith(RANGE_HIGH) and low.unit == high.unit):
            low.value_max = high.value
            low.qualifier = low.qualifier or high.qualifier
            high.kind = low.kind
