"""Strategies: the measures a document proposes, one row per measure.

Which parts of an article hold proposals depends on its genre (`Article.genre`; the rules per
genre are `kb.genre.PROPOSAL_RULES`):
- a government work report, plan outline or policy document proposes throughout its body, except in
  the parts that frame the proposals: the review of past work (工作回顾, 发展成就), the background,
  guiding ideas and targets (发展基础, 指导思想, 主要目标, 总体要求). There every numbered heading or
  paragraph (（一）, 第N章, 第N节, 一是 at a paragraph start), every `一是…二是…` item, every `——` or
  unnumbered paragraph that opens with a short order (`提升科技创新质效。…`), every 专栏 box and its
  numbered projects, and every named programme (`实施“…”战略/工程/行动/计划`) is a measure;
- a statistical communiqué proposes nothing;
- a paper, a journal issue or a document of unknown genre proposes in its *strategy scope*: body
  sections whose heading path names proposals
  (对策, 建议, 路径, 措施, 思考, 启示, 举措, 任务 ...). Inside it every paragraph that starts with a
  number marker (`（一）`, `1.`, `3.1`, `第一，`) is a measure, every `一是…二是…` item is one, and so is a
  paragraph that opens with a short imperative sentence (`强化国际物流通道抗风险能力。…`), the way
  papers and work reports write unnumbered measures;
- anywhere else in the body only enumerations (`一是…二是…`, `第一，…第二，…`) introduced by a
  proposal cue (应, 要, 需要, 建议, 以下举措 …), because outside such sections a numbered list is as
  often a list of findings or achievements as of proposals.
Abstracts, references, English parts, tables of contents, glossaries, notes and marked
table/meta/author spans never give a row.
"""
from __future__ import annotations

import re

from kb.genre import ProposalRules, TASK_HEADING_RE, proposal_rules
from kb.headings import (DASH_LEAD_RE, ENUMERATION_RES, ENUMERATION_WORD_RE, SHI_LEAD_RE,
                         enumeration_value, marker_style, number_marker)
from kb.types import Article, CleanText, Section, Strategy

# Heading words that announce proposals. 路径 also names analysis paths (传导路径, 影响路径), and
# 思路 the paper's own method (研究思路), so those are excluded below.
_STRATEGY_HEADING = re.compile(
    r"对策|建议|措施|举措|策略|思考|启示|路径|进路|途径|着力点|重点任务|工作任务|主要任务|目标任务|重点工作|"
    r"总体部署|工作部署|政策取向|"
    r"政策含义|政策意蕴|政策启示|思路|抓手|做好.{0,6}工作|新探索|的探索|探索$|展望")
_NOT_STRATEGY_HEADING = re.compile(
    r"(传导|作用|影响|传递|演化|演进|中介|研究|技术)(路径|思路)|(分析|研究|识别|估计|实证)策略|路径依赖|"
    r"文献|综述|回顾")
# Headings whose parts hold findings or problems even under a proposals heading (五、结论与启示 > 1.结论).
_FINDINGS_HEADING = re.compile(r"^(?:研究)?结论$|结论与讨论|问题|困境|挑战|现状|研究设计|数据|模型|实证|"
                               r"结果|引言|绪论|特征|成效|成就|回顾|文献|综述|案例分析|态势分析|分析与讨论")
# A heading that names what something *is* rather than what to do: "推进西部大开发形成新格局的背景",
# "…一体化的要义", "推进…合作，有利于捕捉…机遇" (a value), "…的科学思维和创新思维" (a way of thinking).
# The nouns are never the object of a policy verb, unlike 机制, 基础, 作用 (建立…机制, 发挥…作用).
_ANALYTIC_NOUN = (r"(?:背景|关键|要义|内涵|意义|价值|机理|逻辑|特征|特点|现状|问题|成效|成就|原因|必要性|"
                  r"可行性|难点|挑战|困境|经验|规律|思维|理论|框架|内在要求|现实依据|理论依据|构成|目标|方向)")
_DESCRIPTIVE_HEADING = re.compile(
    rf"的[^，,的]{{0,6}}{_ANALYTIC_NOUN}(?:[与和及][^，,的]{{0,6}}{_ANALYTIC_NOUN})?[。]?$|[，,](?:有利于|有助于|意味着)")
_SKIPPED_SPANS = ("table", "meta", "english", "author")
# Section kinds that can hold measures: running text and 专栏 boxes (not toc, glossary, notes, ...).
_MEASURE_KINDS = ("body", "box")


# A proposal cue in the words that introduce an enumeration outside the strategy scope.
_PROPOSAL_CUE = re.compile(r"(?<![供适响相效反])应(?![用对])|(?<![重主需必纲])要(?![素求点义])|需(?!求)|必须|"
                           r"建议|亟|宜|着力|举措|措施|对策|路径|从以下|以下几")
# Imperative openings of policy language (verbs and the adverbs that precede them).
_POLICY_OPENING = re.compile(
    r"^(?:要|应|需|必须|进一步|大力|积极|加快|加大|加强|加紧|强化|推进|推动|促进|深化|深入|完善|健全|"
    r"建立|构建|建设|打造|培育|提升|提高|增强|优化|实施|落实|坚持|坚定|拓展|拓宽|扩大|统筹|引导|鼓励|"
    r"支持|探索|创新|破解|着力|全面|持续|不断|切实|做好|抓好|用好|稳步|稳定|稳妥|扎实|巩固|激发|保障|"
    r"保持|突出|注重|重视|充分|发挥|夯实|补齐|壮大|规范|改善|改革|降低|减轻|防范|化解|严格|筑牢|营造|"
    r"聚焦|围绕|依托|借助|立足|瞄准|把|以|将|发展|开展|开发|推广|设立|制定|出台|搭建|形成|实现|畅通|"
    r"释放|深耕|加速|全力|分类|因地制宜|有序|有效|精准|主动|努力|坚决|严厉|广泛|合理|科学|"
    r"整合|协同|联合|共建|共享|打通|破除|消除|清理|简化|放宽|放开|增加|提供|保护|治理|维护|"
    r"巩固|推行|引进|吸引|调整|明确|确保|办好|管好|守住|守牢|织密|兜牢|谋划|布局|"
    r"创建|组建|培养|树立|激活|打破|突破|抢抓|顺应|践行|守护|把握|理清|理顺|厘清)")
_LEAD_END = "，,。：:；;！？"
_SENTENCE_END = "。；;！？"
_MAX_LEAD = 45          # an opening sentence longer than this is prose, not a measure's lead
_MAX_HEADING = 60       # a numbered line without 。 up to this length is a heading
_MAX_TEXT = 1200        # bodies are shown in tables; the start offset leads to the rest


def extract_strategies(clean: CleanText, articles: list[Article], source: str) -> list[Strategy]:
    """Every proposed measure of every article, in text order, `category` left empty."""
    rows: list[Strategy] = []
    for article in articles:
        rules = proposal_rules(article.genre)
        if rules.scope == "none":
            continue
        for section in article.sections:
            if section.kind not in _MEASURE_KINDS:
                continue
            if rules.scope == "tasks":
                if in_tasks_scope(section, rules):
                    for start, end in paragraph_spans(clean.text, section.start, section.end):
                        rows.extend(task_measures(clean, article, section, start, end))
                continue
            scope = section_scope(section)
            if scope is False:
                continue
            for start, end in paragraph_spans(clean.text, section.start, section.end):
                if is_root_heading(clean.text, start, end, section, bool(scope)):
                    continue
                rows.extend(measures_of_paragraph(clean, article, section, start, end, bool(scope)))
    # Only the lead decides: a measure's body may run around a table printed inside it.
    kept = deduplicated(r for r in rows
                        if not clean.overlaps(r.start, r.start + max(len(r.title), 1), _SKIPPED_SPANS))
    for row in kept:
        row.source = source
    return kept


def in_tasks_scope(section: Section, rules: ProposalRules) -> bool:
    """True for a part of a report, plan or policy that states tasks: it lies under a heading, and
    the nearest heading on its path that tells is a task heading rather than a framing one (工作回顾,
    指导思想, 主要目标 …). Text before the first heading (the address, a preamble) states none, nor
    do lead paragraphs standing there (a review's "——这是…的五年。" under an unnumbered heading that
    was not recognised)."""
    if section.kind == "box":
        return True
    top = section.path.split(" > ")[0]
    if section.level == 0 or not section.title or is_lead_part(top) and not TASK_HEADING_RE.search(top):
        return False
    for part in reversed([strip_marker(p) for p in section.path.split(" > ")]):
        if TASK_HEADING_RE.search(part):
            return True
        if rules.framing is not None and rules.framing.search(part):
            return False
    return True


def is_lead_part(part: str) -> bool:
    """A part that structure made of a lead paragraph (——…, 一是…, a short sentence), not a heading."""
    part = part.strip()
    return marker_style(part) is None and bool(DASH_LEAD_RE.match(part) or SHI_LEAD_RE.match(part)
                                                or part.endswith(("。", "！")))


def section_scope(section: Section) -> bool | None:
    """True when the nearest telling heading on the section's path announces proposals, False when
    it announces findings, problems or the literature (no measures there), None when neither.

    Walking from the section's own heading up, a findings heading (结论, 问题, 现状) closes the scope
    before a proposals heading higher up can open it. A heading that is only an order (构建集群组织…)
    is weaker evidence: the headings above it decide when they tell (案例分析 > 1.构建集群组织 describes
    what a case did; 对策建议 > 2.加强…合作 proposes).
    """
    return _scope_of_parts([strip_marker(part) for part in section.path.split(" > ")])


def _scope_of_parts(parts: list[str]) -> bool | None:
    for n in range(len(parts) - 1, -1, -1):
        part = parts[n]
        if _STRATEGY_HEADING.search(part) and not _NOT_STRATEGY_HEADING.search(part):
            return True
        if is_strategy_heading(part):
            return _scope_of_parts(parts[:n]) is not False
        if _FINDINGS_HEADING.search(part):
            return False
    return None


def is_strategy_heading(title: str) -> bool:
    """Proposal words (对策, 路径 …) or a heading that is itself an order (构建…新格局)."""
    if _NOT_STRATEGY_HEADING.search(title) or _DESCRIPTIVE_HEADING.search(title):
        return False
    return bool(_STRATEGY_HEADING.search(title) or
                (len(title) <= _MAX_HEADING and (_IMPERATIVE_HEADING.match(title) or _MODAL_HEADING.match(title))))


# A lead heading that opens with a modal is a proposal (第一，应积极应对全球化与逆全球化的交织影响。).
_MODAL_HEADING = re.compile(r"(?:应当|应该|应|要|需要|必须|亟需|亟待)(?!是|在于)")


# Verbs that make a heading an order; adverbs and prepositions (以, 把, 积极) open descriptive
# headings too often to count here.
_IMPERATIVE_HEADING = re.compile(
    r"(?:加快|加大|加强|强化|推进|推动|促进|深化|完善|健全|建立|构建|打造|培育|提升|提高|增强|优化|实施|"
    r"落实|坚持|拓展|扩大|统筹|引导|破解|夯实|补齐|壮大|筑牢|营造|着力|大力|全面推进|深入实施|"
    r"保持|服从|把握|处理好|守住|防范|化解|发挥)")


def is_root_heading(text: str, start: int, end: int, section: Section, in_scope: bool) -> bool:
    """True for the line that is the scope-announcing heading itself (it names no measure): its
    proposal word ends it ("3政策建议", "…的思考", "…路径探索"), while a measure may name a word
    of that kind on its way ("3.2“一带一路”建设需要与国内区域发展策略有机衔接")."""
    line = strip_marker(text[start:end]).rstrip("。：: ")
    return in_scope and len(line) <= _MAX_HEADING and bool(_ROOT_HEADING.search(line)) \
        and "。" not in line


# the proposal word ends the heading, or is followed by its partner (结论与建议) or a short noun (策略阐述)
_ROOT_HEADING = re.compile(rf"(?:{_STRATEGY_HEADING.pattern})(?:[与和及、][^与和及、]{{0,4}}|[^，,]{{0,2}})$")


def paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the non-empty lines of text[start:end], whitespace-trimmed."""
    spans, pos = [], start
    for line in text[start:end].split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def strip_marker(line: str) -> str:
    marker = number_marker(line)
    return (line[marker.end():] if marker else line).strip()


def task_measures(clean: CleanText, article: Article, section: Section, start: int, end: int) -> list[Strategy]:
    """The measures one paragraph of a report's, plan's or policy's tasks states: the paragraph itself
    (numbered heading or item, `——` or plain paragraph led by a short order, 专栏 project), the items
    of its `一是…二是…` list and the programmes it names (实施“…”工程)."""
    text = clean.text
    if _ADDRESS.match(text, start, end) or _EXHORTATION.search(text, start, end):
        return []
    rows = []
    items = enumeration_items(text, start, end)
    marker = number_marker(text, start, end)
    if marker and not (items and items[0][0] <= marker.start() + 1):
        row = numbered_measure(clean, article, section, marker.end(), end, first_sentence, full_stop=True)
        heading = is_heading_text(text[marker.end():end], full_stop=True)
        if row.title and (section.kind == "box" or (is_task_heading(row.title) if heading
                                                     else is_order(row.title))):
            rows.append(row)
    elif (lead := paragraph_lead_end(text, start, end)) and not (items and len(items) > 1
                                                                 and items[1][0] < end):
        # "一是奋力推进产业振兴，…。" one item per paragraph; "——坚定信心、用好优势，…。"
        row = make_row(clean, article, section, lead, end, title=first_sentence)
        row.start = start
        if is_order(row.title):
            rows.append(row)
    elif not items and opens_with_order(text, start, end):
        rows.append(make_row(clean, article, section, start, end, title=first_sentence))
    if items and not (len(items) == 1 or describes(enumerated := [
            make_row(clean, article, section, a, b) for a, b in items])):
        rows.extend(r for r in enumerated if is_order(r.title))
    rows.extend(programmes(clean, article, section, start, end))
    return rows


def is_task_heading(title: str) -> bool:
    """A heading that names one task (第一节 巩固提升传统产业, 专栏1 “人工智能+”行动), not the part
    that holds them (2026年重点工作, 主要目标任务) nor a description or a target."""
    return not (TASK_HEADING_RE.search(title) or _STATEMENT_START.match(title)
                or _DESCRIPTIVE_HEADING.search(title) or _ACHIEVED.search(title))


# The speaker addressing the audience (各位代表！…), not a measure.
_ADDRESS = re.compile(r"\s*(?:各位代表|各位委员|同志们)")
def paragraph_lead_end(text: str, start: int, end: int) -> int | None:
    """Where the words start of a paragraph that is one item of a list running over paragraphs
    (一是…, 十一是…) or a dash bullet (——坚定信心…); None for other paragraphs."""
    para = text[start:end]
    m = SHI_LEAD_RE.match(para) or DASH_LEAD_RE.match(para)
    return start + m.end() if m else None


# An intro to a list (重点抓好以下工作：, 具体抓好八个方面重点工作。), not a measure.
_LIST_INTRO = re.compile(r"(?:以下|如下|方面)(?:重点)?(?:工作|任务|举措)?[。：:]?$")
# A named programme the text says it will carry out: 实施“苏州智造”强基提质工程, 实施就业优先战略.
_PROGRAMME = re.compile(r"实施[^，,。；;：:、！？\n]{1,28}?(?:战略|工程|行动|计划)(?=[，,。；;、）)\s])")
_CLAUSE_BREAK = "，,。；;：:、！？\n"
_MAX_PROGRAMME_PREFIX = 8   # 深入实施, 加力实施, 推动实施: longer openings belong to another clause
_MAX_TASK_LEAD = 40     # a report's lead sentence (提升科技创新质效。) is short; longer is prose


def is_order(title: str) -> bool:
    """True when a task's lead reads as something to do, not as a statement about the year
    ("2026年是“十五五”开局之年"), a target ("首都功能持续提升", "全面深化改革取得新突破"), what was done
    or a list intro. Reports and plans open tasks with many verbs (千方百计, 多措并举, 唱好, 狠抓) that
    no list holds, so beyond the known openings this rejects statements instead of requiring a verb."""
    if not title or len(title) < 4 or _ADDRESS.match(title) or _LIST_INTRO.search(title) \
            or _ACHIEVED.search(title):
        return False
    if proposes(title):
        return True
    if _DESCRIPTIVE_HEADING.search(title) or _PAST_LEAD.match(title) or _COPULA_LEAD.match(title):
        return False
    return not (_STATEMENT_START.match(title) or _OUTCOME_END.search(title) or _STATEMENT_VERB.search(title))


# A lead that opens with a time or a figure ("2026年是…", "今年…", "五年来…") states, it does not order.
_STATEMENT_START = re.compile(r"[\d０-９]|今年|明年|去年|当前|目前|过去|五年来|这是|这些|其中|同时|此外|总之|"
                              r"(?:全省|全市|全区|全国|我省|我市|我区|各地|各级)[^，,。]{0,6}(?:上下|人民|经济)")
# A result or target phrase ends a statement whatever verb opens it ("全面深化改革取得新突破").
_ACHIEVED = re.compile(r"(?:取得|实现|迈上|迈出|开创|开辟|展现|呈现)(?:了)?(?:新|更大|重大|明显|显著|积极|决定性)?"
                       r"(?:突破|进展|成效|台阶|步伐|局面|气象|面貌|成果)[。；;]?$|"
                       r"(?:明显|显著|大幅|进一步|全面|稳步|持续|不断|更加)(?:提高|提升|增强|改善|加强|扩大|下降|"
                       r"增长|优化|巩固|完善|有力|健全|均衡|合理|和谐|巩固壮大)[。；;]?$")
# A subject followed by its change ("城乡融合水平提高") is an outcome unless a known order opens it.
_OUTCOME_END = re.compile(r"(?:提高|提升|增强|改善|下降|增长|形成|建成|得到有效\S+|走在前列)[。；;]?$")
# Verbs of a statement about something, not of an act ("…时期在…进程中具有承前启后的重要地位").
_STATEMENT_VERB = re.compile(r"具有|意味着|在于|处于|面临|是否|我们|了(?!解)|(?:来看|而言|为例)$")
# A closing exhortation (让我们…) is no measure even when it opens with a short sentence.
_EXHORTATION = re.compile(r"让我们")


def opens_with_order(text: str, start: int, end: int) -> bool:
    """True when a task paragraph opens with a short order sentence followed by its explanation."""
    lead_end = first_sentence_end(text, start, end)
    lead = text[start:lead_end].rstrip("。；;")
    return 4 <= len(lead) <= _MAX_TASK_LEAD and end - lead_end >= 10 \
        and text[lead_end - 1] in "。；;" and is_order(lead)


def programmes(clean: CleanText, article: Article, section: Section, start: int, end: int) -> list[Strategy]:
    """One row per programme a paragraph names (实施“…”战略/工程/行动/计划), the clause as its title and
    its sentence as its text."""
    text, rows = clean.text, []
    for m in _PROGRAMME.finditer(text, start, end):
        clause_start = max(text.rfind(c, start, m.start()) for c in _CLAUSE_BREAK) + 1 or start
        marker = number_marker(text, clause_start, m.start())
        clause_start = marker.end() if marker else clause_start
        a = clause_start if m.start() - clause_start <= _MAX_PROGRAMME_PREFIX else m.start()
        sentence_start = max(text.rfind(c, start, a) for c in "。；;！？") + 1 or start
        sentence_end = first_sentence_end_strict(text, m.end(), end)
        title = text[a:m.end()].strip()
        rows.append(Strategy(source="", article=article.title, section=section.path, title=title,
                             text=text[max(sentence_start, start):sentence_end].strip()[:_MAX_TEXT],
                             start=a, end=m.end()))
    return rows


def first_sentence(body: str) -> str:
    """A task's title: its first sentence when that is heading-sized ("统筹推进城乡融合，加快乡村全面
    振兴。"), else its lead clause."""
    for i, ch in enumerate(body):
        if ch in "。；;！？：:":
            return body[:i].strip() if i <= _MAX_HEADING else lead_clause(body)
    return body.strip() if len(body) <= _MAX_HEADING else lead_clause(body)


def measures_of_paragraph(clean: CleanText, article: Article, section: Section,
                          start: int, end: int, in_scope: bool) -> list[Strategy]:
    """The measures one paragraph states: itself (numbered or imperative lead) and its enumeration."""
    text = clean.text
    rows = []
    items = enumeration_items(text, start, end, ordinals=in_scope)
    if in_scope:
        marker = number_marker(text, start, end)
        # "第一，要持续…第二，…": the enumeration's items are the measures, not the paragraph
        if marker and not (items and items[0][0] <= marker.start() + 1):
            rows.append(numbered_measure(clean, article, section, marker.end(), end))
        elif not items and opens_with_measure(text, start, end):
            rows.append(make_row(clean, article, section, start, end))
    # a numbered heading under a proposals heading names a measure even as a noun phrase
    # ("3.3.5智能园区建设与新型城市化"); an inline numbered paragraph must read as an order
    rows = [r for r in rows if r.title and (proposes(r.title) or is_heading_text(text[r.start:end])
                                            and is_order(r.title) and not _FINDINGS_HEADING.search(r.title))]
    if items and (in_scope or introduces_proposals(text, start, items[0][0])):
        enumerated = [make_row(clean, article, section, a, b) for a, b in items]
        # one proposing item (or the cue before the list) makes the whole list one of measures:
        # "二是从中央层面成立…领导小组" has neither verb-first nor modal, yet is a measure
        if not describes(enumerated) and (introduces_proposals(text, start, items[0][0])
                                          or any(proposes(r.title) for r in enumerated)):
            rows.extend(r for r in enumerated if r.title)
    return rows


def describes(items: list[Strategy]) -> bool:
    """True for a list that names qualities ("一是经济发展的高质量…"), trends ("一是…产业将继续向中西部
    转移") or what was done ("一是加强了区域战略之间的对接"), even when a cue stands before it
    ("应积极关注产业运动新变化。具体而言，一是…"): at least half of the items are such statements and
    fewer than half propose."""
    proposing = sum(proposes(r.title) for r in items)
    described = sum(bool(_PAST_LEAD.match(r.title) or not proposes(r.title) and (
        _NOUN_PHRASE.match(r.title) or _TREND.search(r.title))) for r in items)
    return 2 * described >= len(items) and 2 * proposing < len(items)


# Words of a forecast or a trend, not of an act: 将继续, 不断强化, 日趋, 正在.
_TREND = re.compile(r"将(?!其|之|以)|不断|持续|日益|日趋|趋于|正在|已经|逐渐|越来越")


def proposes(title: str) -> bool:
    """True when a measure's lead reads as something to do (imperative or with a modal verb), not a
    statement ("创新是引领发展的第一动力") or a description ("推进西部大开发形成新格局的背景")."""
    if _DESCRIPTIVE_HEADING.search(title) or _PAST_LEAD.match(title) or \
            _COPULA_LEAD.match(title) and not _MODAL.search(title[:8]):
        return False
    return bool(_POLICY_OPENING.match(title) or _MODAL.search(title[:15]))


# "加强了区域战略之间的对接": what was done, not what to do.
_PAST_LEAD = re.compile(r"^[^，,。了]{2,4}了(?!解)")
# "X是Y" with a short subject: a definition or a judgement, whatever verb X starts with.
_COPULA_LEAD = re.compile(r"^[^，,。；;]{1,8}(?<![一二三四五六七八九十就总还也更即])是(?!否)")


# An item that may only name a quality ("经济发展的高质量"), not an act.
_NOUN_PHRASE = re.compile(r"^[^，,。；;的]{1,10}的[^，,。；;的]{1,6}$")
# A modal early in a clause marks a proposal whose subject comes first (东中西部应确立…).
_MODAL = re.compile(_PROPOSAL_CUE.pattern.split("|建议")[0] + "|宜|亟")


def numbered_measure(clean: CleanText, article: Article, section: Section,
                     start: int, end: int, title=None, full_stop: bool = False) -> Strategy:
    """A numbered paragraph: a heading line owns the body after it; an inline item is its own body,
    titled by `title(body)` (default: its lead clause)."""
    line = clean.text[start:end]
    if is_heading_text(line, full_stop):
        body = body_after_heading(clean.text, end, body_limit(article, section), line_style(clean.text, start))
        prose = [clean.text[a:b] for a, b in body if not clean.overlaps(a, b, _SKIPPED_SPANS)]
        return Strategy(source="", article=article.title, section=section.path, title=line.strip().rstrip("。"),
                        text=("\n".join(prose) or "；".join(sub_headings(article, section)) or line.strip())[:_MAX_TEXT],
                        start=start,
                        end=max([end] + [b for _, b in body]))
    return make_row(clean, article, section, start, end, title)


def sub_headings(article: Article, section: Section) -> list[str]:
    """The headings right below a section (a plan chapter's 第一节…, 第二节…): the text of a heading
    that has no prose of its own."""
    below = section.path + " > "
    return [s.title for s in article.sections
            if s.path.startswith(below) and " > " not in s.path[len(below):] and s.title]


def body_limit(article: Article, section: Section) -> int:
    """Where a heading's body can run to: its section's end, or past it through the sections of its
    lead paragraphs (提升科技创新质效。…, 一是…, 第一，…) that structure makes parts below it; a
    numbered sub-heading (3.1, （1）, 第一节) keeps its own text."""
    limit, below = section.end, section.path + " > "
    for other in article.sections:
        if other.start < limit or other.kind not in _MEASURE_KINDS:
            continue
        if other.start > limit + 2 or not other.path.startswith(below) or \
                marker_style(other.title) not in (None, ("ordinal",)):
            break
        limit = other.end
    return limit


def is_heading_text(line: str, full_stop: bool = False) -> bool:
    """A numbered line short enough and without a sentence end: a heading that owns what follows.
    With `full_stop`, a line that is one sentence counts too (reports print "（一）…城市群。" alone)."""
    line, ends = (line.strip().rstrip("。"), "。；;：:") if full_stop else (line, "。；;")
    return len(line) <= _MAX_HEADING and not any(c in line for c in ends)


def body_after_heading(text: str, heading_end: int, limit: int, style: tuple | None = None) -> list[tuple[int, int]]:
    """The paragraphs after a numbered heading, up to the next heading of its own numbering style
    (or of a top-level style) or the limit; "第一，…" items under a "3." heading are its body."""
    body = []
    for a, b in paragraph_spans(text, heading_end, limit):
        if number_marker(text, a, b) and ends_body(line_style(text, a), style):
            break
        body.append((a, b))
    return body


def ends_body(style: tuple | None, heading_style: tuple | None) -> bool:
    """A numbered line of the heading's own style, of a top-level style or of an unknown one ends
    the heading's body; "第一，" items under a "3." heading do not."""
    return style is None or style == heading_style or style[0] in ("cn", "paren_cn", "chapter", "box")


def line_style(text: str, pos: int) -> tuple | None:
    """The numbering style (kb.headings.marker_style) of the line holding `pos`."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return marker_style(text[line_start:line_end if line_end >= 0 else len(text)])


def opens_with_measure(text: str, start: int, end: int) -> bool:
    """True when the paragraph opens with a short imperative sentence followed by its explanation."""
    lead_end = first_sentence_end(text, start, end)
    lead = text[start:lead_end]
    return 4 <= len(lead) <= _MAX_LEAD and end - lead_end >= 10 and bool(_POLICY_OPENING.match(lead)) \
        and text[lead_end - 1] in "。；;：:"


def first_sentence_end(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in _SENTENCE_END or text[i] in "：:":
            return i + 1
    return end


def enumeration_items(text: str, start: int, end: int, ordinals: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each item of an in-paragraph enumeration counting 一, 二, 三 … in order.

    An item runs to the next item's marker; the last one to the end of its sentence when the others
    were single sentences, else to the paragraph end. `ordinals=False` leaves out 首先/其次 lists,
    which papers use for arguments as often as for measures.
    """
    for style in ENUMERATION_RES if ordinals else ENUMERATION_RES[:-1]:
        markers = counted_markers(style, text, start, end)
        if len(markers) >= 2:
            items = [(markers[i][0], markers[i + 1][0]) for i in range(len(markers) - 1)]
            last = markers[-1][0]
            single = all(not any(c in "。" for c in text[a:b].rstrip("。；; ")) for a, b in items)
            last_end = first_sentence_end_strict(text, last, end) if single else end
            items.append((last, last_end))
            return [trimmed(text, a, b) for a, b in items]
    return []


def counted_markers(style: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Marker matches numbered 1, 2, 3 … consecutively, starting at 一."""
    found, expected = [], 1
    for m in style.finditer(text, start, end):
        value = enumeration_value(m.group(1), expected)
        if value == expected and (value > 1 or is_item_start(text, m.start(), start)):
            found.append((m.start(), m.end()))
            expected += 1
    return found


def is_item_start(text: str, pos: int, paragraph_start: int) -> bool:
    """An enumeration starts a paragraph or follows a clause break (not inside a word like 统一是)."""
    return pos == paragraph_start or text[pos - 1] in "，,。：:；;！？ \n"


def first_sentence_end_strict(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in "。！？":
            return i + 1
    return end


def trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and (text[b - 1].isspace() or text[b - 1] in "；;，,"):
        b -= 1
    return a, b


def introduces_proposals(text: str, paragraph_start: int, first_item: int) -> bool:
    """True when the words before an enumeration (or its first item) announce what should be done."""
    intro = text[max(paragraph_start, first_item - 60):first_item + 6]
    return bool(_PROPOSAL_CUE.search(intro))


def make_row(clean: CleanText, article: Article, section: Section, start: int, end: int,
             title=None) -> Strategy:
    """A measure whose title is `title(body)` (default: its lead clause; marker removed) and whose
    text is the whole item."""
    text = clean.text
    lead = ENUMERATION_WORD_RE.match(text, start, end)
    body_start = lead.end() if lead else start
    body = text[body_start:end]
    return Strategy(source="", article=article.title, section=section.path, title=(title or lead_clause)(body),
                    text=body[:_MAX_TEXT], start=start, end=end)




def lead_clause(body: str) -> str:
    """The body up to its first ，。：；."""
    for i, ch in enumerate(body):
        if ch in _LEAD_END:
            return body[:i].strip()
    return body.strip()


def deduplicated(rows) -> list[Strategy]:
    """One row per start offset (a section may be visited through more than one path), text order."""
    seen, out = set(), []
    for row in sorted(rows, key=lambda r: (r.start, -r.end)):
        if row.start not in seen:
            seen.add(row.start)
            out.append(row)
    return out
