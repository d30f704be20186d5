"""Indicator naming from clauses: `indicator_for` returns the indicator a quantity's clause names (the
catalogue and confidence of indicators are kb/extract/indicators.py), with the noun-phrase machinery it and
the later steps read (`noun_phrase`, `without`, `lead_noun_phrase`), shares and ratios, the variable an
indicator measures (`variable_of`), and the changes, gaps and additions a figure is stated with
(`as_added`, `gap_in_rate`, `as_multiple_of_year`). Counted nouns are kb/extract/fact_counts.py, the
refinements by scope and neighbours kb/extract/fact_scopes.py, and the listed items with their respective
figures kb/extract/fact_lists.py.
"""
from __future__ import annotations

import re

from kb.extract.clauses import COUNT_UNITS, Carry, GAP_WORD, MEASURE_UNITS, clause_start, paren_start
from kb.extract.fact_counts import (AREA_UNITS, BUILD_STAGE, PREDICATED, RELEASE_VERBS, amount_noun, area_of, counted_noun,
                                    launched, share_noun)
from kb.extract.fact_periods import TO
from kb.extract.indicators import indicator_confidence, is_generic_measure
from kb.extract.numbers import Quantity
from kb.extract.periods import Period, end_with_deadline, find_periods
from kb.extract.places import COUNTRY_AS_MODIFIER, Mention, place_table
from kb.extract.subjects import PLACE_LIST_GAP, bracketed_measure, compared_level, counted_classes


_LEADING = re.compile(r"^(?:凭借|依托|依靠|借助|扣除价格因素(?:影响)?后?|按可比价格计算|短短几年|几年来|多年来|近年来|近几年|力争|确保|争取|努力|[一二三四五六七八九十]是|首先|其次|再次|其中|而且|而|且|并且|并|同时|但是|但|也|均|分别|另外|此外|以及|及|和(?![美谐平])|与|从而|进而|使得?"
                      r"|推动|带动|促进|实现|完成|共有|拥有|提出(?=[^，,]{4,})|落实好|坚决|切实|每年|共计|共(?![济享建治识])|有效地|有效(?=[推促提降带解保缓遏防将把使])|有(?![效色机关线])|全年|累计|当年|同年|全部|总计|合计|的|在(?![校职岗建读园])(?![\u4e00-\u9fff](?:就业|务工|投资|创业|居住|学习|工作))"
                      r"|达到|将(?!来)|把|成功地?|跻身|位列|位居|甚至|建议(?=[^，,]{4,})|再(?!生|制造|就业)|又|还|约(?![束定])|仅|只有|截至|截止到?|到(?!达)|至(?!少)|包括"
                      r"|即|其(?![他余次])|该|这里|那里|这一?|各(?![类项级种])|之?后|相应的?|(?:两者|二者|彼此|相互)?之间的?|随后|目前|当前|现有|含(?!量)|\d+年间|等(?!外级)(?:城市|地区|国家|省份|省区)?的?|[、，,：:；;）)（(\s])+")
TRAILING = re.compile(r"(?:(?:控制|稳定|保持|维持)在|处于|接连|先后|相继|连续|(?:目标)?(?:设定|确定)为?|力争|确保|争取|努力|首次|再次|全部|年均|实现|依次|保持|(?:一般|通常|大多|大都)在|实际|名义|累计完成|完成|已经|已然|平均为|平均|分别为|分别是|分别|为|是|达到了?|达|约为|约|共计|共|有|了|则|仍|已|均|也"
                      r"|都|就|只有|仅为|仅|占|的|期间|其实|虽然|虽|尽管|(?<![集高初])中|迈上了?|迈入|跨上|登上|站上|(?<![名大老主])将(?:会|要)?|：|:|\s"
                      r"|(?<![服随跟遵听自顺依])从|(?<![自理经缘来事根])由|拟按|(?<![模虚草])拟|(?<![需重主必只纪摘提纲概首政])要|(?<![编点])按|现行|继续)+$")   # 贫困发生率从, 赤字率拟按, 排放量要
_CHANGE = re.compile(r"(同比|环比|比上年|较上年|年均|平均|累计)?(增长了?|下降了?|提高了?|降低了?|增加了?|减少了?|上升了?|回落了?|跌落至"
                     r"|收窄了?|扩大了?|缩小了?|上涨了?|下跌了?|增至|降至|提升了?|翻了?|缩短了?|压缩了?|延长了?|节省了?"
                     r"|节约了?|净增加?|增产|减产|恢复(?:到|至)?|精简了?|压降了?|压减了?|调增了?|调减了?|削减了?|缩减了?|前进了?|后退了?|前移了?|(?:提高|增加|上升|下降|降低|增长|减少|扩大|缩小|提升|缩短|压缩|延长)(?:到|至)"
                     r"|高于[^，,]{0,16}|低于[^，,]{0,16}|高出[^，,]{0,8}|多于[^，,]{0,8}|少于[^，,]{0,8}|超出[^，,]{0,8})$")
# 与 opens a comparison only when one follows (与上年相比, 与东部的差距); 公交与轨道换乘比例 names one thing
_COMPARE_CUT = re.compile(r"((?<![占之])比(?![重例值率如])|较(?![高低快慢大小多少好])|相比|相较于?"
                          r"|与(?=[^，,]{0,15}?(?:相比|比较|持平|差距|差额|相差|差值|之间|对比|同期)))[^，,]{0,15}$")
_ADVERB = re.compile(r"(?:相应|远|逐渐|不断|大幅|明显|略|稍|进一步|持续|继续|仍然|依然|显著|较大幅度|快速|稳步|逐步|分别|均|都|也|仍)+$")
# 过境业务量占全国, 工业产值不足全国: a share of a whole, named as such
_SHARE = re.compile(r"^(?P<thing>.*?)(?:约|仅|只|已|均|也|分别|大约)?(?:占|不足|超过|接近|相当于)(?P<whole>[^占]{1,12})$")
_SHARE_QUALIFIER = re.compile(r"(不足|超过|接近)[^，,\d]{1,10}?的?\s*$")
# 从经济总量来看，…: the topic a sentence announces for its figures
# 在产业相似系数方面，…: the same, announced as an aspect (在…差距方面 announces a gap: subjects._GAP_TOPIC)
_TOPIC = re.compile(r"^\s*(?:首先|其次|再次|最后|同时|此外|另外|具体而言|具体来看)?[，,]?\s*(?:(?:从|就)(?P<topic>[^，,。；]{2,30}?)"
                    r"(?:来看|看|而言|方面来看)|在(?P<aspect>[^，,。；在]{2,16}?)(?<!差距)(?<!差异)方面)[，,]")
_NOT_TOPIC = {"现实", "总体", "整体", "长远", "长期", "短期", "实践", "理论", "历史", "目前", "当前", "国际", "国内",
              "全局", "宏观", "微观", "结果", "数据"}


def indicator_for(q: Quantity, clause: int, previous_end: int, frm: re.Match | None, sentence: str,
                   periods: list[Period], mentions: list[Mention], owner: Mention | None,
                   carry: Carry) -> tuple[str | None, str | None]:
    """(indicator, change) for a quantity: the noun phrase of its clause before it (after any earlier
    figure of the clause), and the change verb that links them (同比下降, 由…增加到…)."""
    change = None
    if frm:
        to = TO.search(sentence, frm.end(), q.start)
        change = (f"{frm.group(1)}…{to.group(0)}…(终点)" if to else f"{frm.group(1)}…(起点)")
        if frm.start() < previous_end:   # 由A增加到B: B measures what A measured
            return carry.indicator, change
    if owner is not None and owner.place.kind == "body" and compared_level(q, mentions, sentence):
        return carry.indicator, None   # …达到6.17%，远超过创新型国家和地区2.5%的水平: the same measure
    bracketed = bracketed_measure(sentence, q, owner)
    if bracketed:   # (not carried: the clause goes on about its own figures, …的11.5%)
        return bracketed, change
    phrase_start = max(clause, previous_end, paren_start(sentence, q.start))
    phrase = sentence[phrase_start:frm.start() if frm and frm.start() >= phrase_start else q.start]
    if phrase_start == previous_end > 0:   # 棚户区改造47.63万户（套）、老旧小区改造: the figure before's unit note
        phrase = re.sub(r"^\s*[（(][\u4e00-\u9fff]{1,2}[）)]", "", phrase)
    if phrase_start == previous_end > 0:   # 投放50%以上号源、转诊量增长90%: 号源 is the figure before's
        phrase = re.sub(r"^[\u4e00-\u9fff]{1,8}、(?=[\u4e00-\u9fff]{2})", "", phrase)
    listed_next = phrase.rstrip().endswith("、")   # 推进抽水蓄能电站、400万千瓦光伏装机等
    phrase = re.sub(r"\s+", "", without(phrase, phrase_start, periods, mentions, owner))
    phrase = _strip_qualifier(phrase, q)
    occupies = re.search(r"占(?:到了?|了)?\s*$", phrase) is not None
    beyond = _NOT_BEYOND.search(TRAILING.sub("", phrase))
    of_whole = re.fullmatch(r"不(?:低于|少于|高于|超过|多于|大于|小于)([^，,\d]{2,12}?)的?", beyond.group(0)) \
        if beyond and q.unit == "%" else None   # …项目数不低于总立项数的90%: the share of that whole
    phrase = TRAILING.sub("", _NOT_BEYOND.sub("", TRAILING.sub("", phrase)))
    verb = _CHANGE.search(phrase)
    if verb:
        yearly = not verb.group(1) and re.search(r"年均\s*(?:分别|均|都)\s*$", phrase[:verb.start()])
        change = change or (f"年均{verb.group(0)}" if yearly else verb.group(0))   # 税收收入年均分别增长3%
        phrase = TRAILING.sub("", _ADVERB.sub("", phrase[:verb.start()]))
    cmp_ = _COMPARE_CUT.search(phrase)
    # 人均地区生产总值比从2012年的1.69: 比 just before the figure's start point ends a ratio's name;
    # 研发费用与营收之比: 与 inside a ratio's name
    if cmp_ and not (cmp_.group(0) == "比" and frm and sentence[:frm.start()].rstrip().endswith("比")) \
            and not (cmp_.group(1) == "与" and _RATIO_NAME.search(phrase)):
        phrase = phrase[:cmp_.start()]
    phrase = _with_partner(gap_to_place(noun_phrase(phrase), sentence[clause:q.start]), sentence[clause:q.start])
    done = _DONE_THEN.fullmatch(phrase or "")
    if done:   # 省级部门运维实现集中管理、经费下降28%: the topic's own measure after what it achieved
        phrase = done.group("topic") + done.group("measure")
    total = re.fullmatch(r"(.{2,12}?)、(总数|总量|累计)", phrase or "")
    if total:   # 28人当选“中国好人”、总数207人
        phrase = f"{total.group(1)}{total.group(2)}"
    # 成功实现了619项政务服务事项: what a count classifier counts is the noun after it
    phrase = (_people_served(sentence, max(clause, previous_end), q) or launched(phrase, counted_noun(sentence, q))
              or area_of(phrase, sentence, q) or amount_noun(phrase, sentence, q, sentence[max(clause, previous_end):q.start]) or ("" if _BARE_VERB.fullmatch(phrase) else phrase) or share_noun(sentence, q))
    if not phrase and clause > previous_end:
        phrase = gap_to_place(lead_noun_phrase(sentence, clause, previous_end, periods, mentions), sentence)
    if not phrase and frm and previous_end == 0 and _FROM_START.fullmatch(sentence, clause, q.start):
        phrase = _topic_clause(sentence, clause)   # 全社会研究与实验发展经费，从2002年1288亿元增加到…
    met = _MET.fullmatch(phrase or "") if q.unit == "%" and clause > previous_end else None
    need = _NEED_MET.match(sentence, q.end) if met else None
    lead = lead_noun_phrase(sentence, clause, previous_end, periods, mentions) if need else ""
    if lead:   # 公共交通在城市交通结构中占主导，能够满足75%—80%的日常通勤需求
        return f"{lead}{met.group(1)}{need.group(1)}的比重", change
    if q.unit == "%" and phrase:
        # 二是轨道交通在公共交通中占主导，占公共交通的75%: a share alone takes the thing the clause before names
        lead = lead_noun_phrase(sentence, clause, previous_end, periods, mentions) \
            if clause > previous_end and phrase.startswith("占") else ""
        phrase = as_share(phrase, lead or carry.indicator, bool(lead))
    phrase = _ratio_part(phrase, sentence, q)
    phrase = _released_thing(phrase, sentence, q)
    phrase = _of_example(_received(phrase, sentence, q), sentence, clause, q)
    phrase = _in_data_scope(_except_clause(phrase, sentence, clause), sentence, clause)
    if q.unit == "人" and sentence.startswith("口", q.end):
        phrase = "人口"   # 在一个3亿多人口的地区: the population of the place described
    if phrase and carry.indicator and _THE_REST.fullmatch(phrase):
        phrase = carry.indicator   # …仅有1~2个地州市外,其余多为5~7个: the rest counts the same things
    item = re.match(r"([\u4e00-\u9fff]{2,8}?)(?=等|、|[，,。；;])", sentence[q.end:]) if listed_next else None
    if item and q.unit not in MEASURE_UNITS:
        phrase = item.group(1)
    phrase = _ranking_moved(sentence, clause, q, carry.indicator) or phrase
    after = _CHANGE_AFTER.match(sentence, q.end) if q.unit == "%" and not change else None
    if after:   # 进出口总额实现9.01%的快速增长
        change = after.group(1)
    given = _SHARE_VERB.search(sentence, phrase_start, q.start) if q.unit == "%" else None
    of = re.match(r"\s*(?:以上|左右)?\s*的?\s*([\u4e00-\u9fff]{2,8}?)(?=[，,。；;、）)]|$)", sentence[q.end:]) if given else None
    taken = of.group(1) if of else noun_phrase(re.sub(r"的\s*$", "", sentence[given.end():q.start])) if given else ""
    if len(taken) >= 2:   # 占据德国99%的商业市场, 创造德国经济总量的55%
        phrase = _share_given(taken, sentence[given.end():q.start] if of else "", carry.indicator,
                              *_share_giver(sentence, given.start(), periods, mentions))
    if occupies and q.unit == "%" and phrase and "占" not in phrase and carry.indicator and carry.indicator != phrase:
        phrase = f"{phrase}占{variable_of(carry.indicator) or carry.indicator}的比重"   # 其中农村地区非网民约占59.8%
    spent = _SPENT_ON.match(sentence, q.end) if q.unit == "%" and phrase else None
    if spent:   # 财政支出八成以上投向民生领域: the share that goes to what follows
        phrase = f"{phrase}{spent.group(1)}{spent.group(2)}的比重"
    multiple = re.fullmatch(r"(.{2,}?)是(.{2,})", phrase or "") if q.unit == "倍" else None
    if multiple:   # 东部地区的GDP是西部地区的3.05倍
        phrase = f"{multiple.group(1)}相当于{multiple.group(2)}的倍数"
    if not (phrase and re.search(r"[\u4e00-\u9fffA-Za-z]", phrase)):
        phrase = next((m.place.canonical for m in counted_classes(q, mentions, sentence)), phrase)
    if not (phrase and re.search(r"[\u4e00-\u9fffA-Za-z]", phrase)) and change and (q.unit == "%" or frm and not q.unit) \
            and not carry.indicator:   # (…的Theil指数总体上呈现出波动下降的趋势，…仅从2003年的0.282下降到…)
        phrase = opening_variable(sentence, clause)   # 全省生产总值连续跨越…三个大台阶，年均增长5.9%
    if of_whole and phrase and "占" not in phrase:
        phrase = f"{phrase}占{of_whole.group(1)}的比重"
    phrase = _task_of_programme(sentence, clause, q) \
        or _provided_for(_of_programme(_trains_run(phrase, sentence, q), sentence), sentence, clause, q)
    phrase = _stage_of_programme(phrase, sentence, clause, q)
    area = _area_of_action_before(sentence, clause, q, phrase)
    if area:   # 完成置换63万亩: the programme's area, not a rise of it
        phrase, change = area, None
    phrase = _after_quoted_examples(_run_length(phrase, sentence, clause, q))
    if q.unit not in MEASURE_UNITS and not change:
        phrase = _per_year(phrase, sentence[phrase_start:q.start], carry.indicator if phrase_start == previous_end else None)
    if phrase and re.search(r"[\u4e00-\u9fffA-Za-z]", phrase):
        carry.indicator = phrase
        return phrase, change
    return carry.indicator, change


_PROGRAMME = re.compile(r"^\s*(?:深入|持续|全面|加快)?实施([\u4e00-\u9fff“”]{2,14}?(?:工程|行动|计划))\s*[，,]")


def _of_programme(phrase: str | None, sentence: str) -> str | None:
    """深入实施文化基因激活工程，累计培育100个标志性项目: projects counted alone are the programme's."""
    opened = _PROGRAMME.match(sentence) if phrase and re.fullmatch(r"[\u4e00-\u9fff]{0,4}项目", phrase) else None
    return f"{opened.group(1)}{phrase}" if opened else phrase


def _provided_for(phrase: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """为退役军人提供5万个就业岗位: what was provided, named with those it was for."""
    served = re.search(r"为([\u4e00-\u9fff]{2,8})提供\s*(?:超过?|近|约)?\s*$", sentence[clause:q.start])
    if not phrase or not served or phrase.startswith(served.group(1)):
        return phrase
    return served.group(1) + phrase


def _trains_run(phrase: str | None, sentence: str, q: Quantity) -> str | None:
    """…中欧班列集结中心，…，全年开行3000列以上: the trains run are the 班列 the sentence names."""
    if not phrase or not re.fullmatch(r"(?:全年|累计|年均)?开行", phrase) or q.unit not in ("列", "班", "趟", "班次"):
        return phrase
    named = re.findall(r"[\u4e00-\u9fff]{2}班列", sentence[:q.start])
    return f"{named[-1]}{phrase}" if named else phrase


# 能够满足75%的日常通勤需求: the share of a need that the thing the clause before names meets
_MET = re.compile(r"(?:能够|能|可以|可|基本|已)?(满足|覆盖|解决|承担|承载)")
_NEED_MET = re.compile(r"\s*(?:以上|左右)?\s*的\s*([\u4e00-\u9fff]{2,10}?)(?=[，,。；;]|$)")
# the verbs by which the clause before pursues a programme (推进耕地下山、林地上山，完成置换63万亩)
_PURSUING = "推进|实施|开展|推动"
_PROGRAM_BEFORE = re.compile(rf"(?:{_PURSUING})\s*([^，,。；;]{{2,16}}?)\s*[，,]\s*(?:完成|实现)?\s*$")


def _area_of_action_before(sentence: str, clause: int, q: Quantity, phrase: str | None) -> str | None:
    """有序推进耕地下山、林地上山，完成置换63万亩: a bare action's area is that of the programme the clause
    before pursues (耕地下山、林地上山置换面积)."""
    if q.unit not in AREA_UNITS or not phrase or not re.fullmatch(r"[\u4e00-\u9fff]{2}", phrase) \
            or not re.search(r"(?:完成|实现)\s*" + phrase + r"\s*$", sentence[clause:q.start]):
        return None
    m = _PROGRAM_BEFORE.search(sentence, 0, clause)
    return f"{m.group(1)}{phrase}面积" if m and m.end() == clause else None


# 加大保障性安居工程建设力度，今年新开工700万套: the programme the clause before pursues, without its
# effort words (建设力度, 攻坚计划) and its span (新的三年)
_PURSUED_BEFORE = re.compile(rf"(?:(?:继续|深入|大力|全面)?(?:{_PURSUING}|加大|启动|加快)\s*)+(?:新的|新一轮)?\s*"
                             r"(?:[一二三四五两\d]+年)?\s*([^，,。；;、]{2,14}?)\s*(?:建设力度|攻坚计划|攻坚行动|行动计划|计划"
                             r"|力度|工作)?\s*[，,]\s*$")


_NOTHING_AFTER = re.compile(r"\s*(?:以上|左右)?\s*(?:[，,。；;]|$)")


def _stage_of_programme(phrase: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """继续实施退耕还林还草，今年拟安排500万亩; 启动新的三年棚改攻坚计划，今年开工580万套: a bare stage of
    building (开工) or an amount set aside (拟安排) is of the programme the clause before pursues, unless
    the figure names its own thing (安排200亿元技改专项资金)."""
    bare = re.fullmatch(r"(?:今年|全年)?(?:拟|计划)?(安排|" + BUILD_STAGE.pattern + ")", phrase or "") \
        if _NOTHING_AFTER.match(sentence, q.end) else None
    m = _PURSUED_BEFORE.search(sentence, 0, clause) if bare else None
    return f"{m.group(1)}{bare.group(1)}" if m and m.end() == clause else phrase


_TASK_AFTER = re.compile(r"\s*(?:的)?[\u4e00-\u9fff]{0,4}任务")


def _task_of_programme(sentence: str, clause: int, q: Quantity) -> str | None:
    """推进地质灾害避险搬迁，完成2.08万人搬迁任务: the people (households) a programme of the clause before
    was to move or serve, counted by its task (地质灾害避险搬迁人数)."""
    if q.unit not in ("人", "名", "户") or not re.fullmatch(r"\s*(?:完成|实现)\s*", sentence[clause:q.start]) \
            or not _TASK_AFTER.match(sentence, q.end):
        return None
    m = _PROGRAM_BEFORE.search(sentence, 0, clause)
    return f"{m.group(1)}{'户数' if q.unit == '户' else '人数'}" if m and m.end() == clause else None


_RUN_UNITS = {"个月": "月数", "月": "月数", "年": "年数", "季度": "季度数", "个季度": "季度数", "天": "天数", "周": "周数"}
_RUN_STATE = re.compile(r"\s*(?:以上|来)?\s*([\u4e00-\u9fff]{2,10}?)(?=[，,。；;]|$)")


def _run_length(phrase: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """市场销售连续3个月降幅收窄: how many months in a row the thing did what follows (市场销售降幅连续收窄的月数)."""
    state = _RUN_STATE.match(sentence, q.end) if q.unit in _RUN_UNITS and phrase else None
    if not state or not re.search(r"连续\s*$", sentence[clause:q.start]) or "连续" in phrase \
            or state.group(1) in phrase or is_generic_measure(phrase):   # (工业投资保持两位数增长的时长)
        return phrase
    return f"{phrase}连续{state.group(1)}的{_RUN_UNITS[q.unit]}"


_PER_YEAR = re.compile(r"\s*(每年|年均)(?=[\u4e00-\u9fff])")
_PER_YEAR_LAST = re.compile(r"(?<=[\u4e00-\u9fff])(?<!每[\u4e00-\u9fff])(每年|年均)\s*$")   # (每人每年: a rate's unit)
_LEVEL_VERB = re.compile(r"稳定|保持|达到?|为|超过|突破|累计|总")


def _per_year(phrase: str | None, region: str, before: str | None) -> str | None:
    """每年城镇新增就业60万人, 年均新增城镇就业30万人、输转城乡富余劳动力500万人, 城镇新增就业年均1270多万人:
    a yearly amount keeps its 每年/年均 (also when a list shares it), so it does not read as a total over the years."""
    if not phrase or _PER_YEAR.match(phrase) or _LEVEL_VERB.search(region):
        return phrase
    own = _PER_YEAR.match(region) or _PER_YEAR_LAST.search(region)   # (城镇新增就业年均1270多万人)
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
_RELEASES = re.compile(rf"(?:{RELEASE_VERBS}|出台|推出|实施|启动)$")
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
    name = re.sub(r"^[年月日]", "", noun_phrase(ranked[-1].group(1)))   # 2019年中国的营商环境: the year's 年 left
    place = place_table()[1].match(name)
    if place and name[place.end():place.end() + 1] == "的":
        name = name[place.end() + 1:]   # 中国的营商环境: the place is the subject
    if is_generic_measure(name):
        name = (variable_of(carried) or "") + name
    return f"{name}排名" if len(name) >= 2 else None


# 实现9.01%的快速增长: the change named after the figure
_CHANGE_AFTER = re.compile(r"\s*的\s*[\u4e00-\u9fff]{0,3}?(增长|下降|增幅|降幅|涨幅|提升|提高)")
# 中小型企业占据德国99%的商业市场，提供60%的就业: the share of what a verb gives or takes
_SHARE_VERB = re.compile(r"(?:占据|提供|创造|贡献(?!率)|吸纳|承担|投放)(?=[\u4e00-\u9fff]{0,10}?的?\s*$)")
# 财政支出八成以上投向民生领域: a share named by where it goes
_SPENT_ON = re.compile(r"\s*(?:以上|左右)?\s*(?:被)?(投向|用于|投入|集中在|集中于|分布在|来自|安排在|安排于|布局在)([\u4e00-\u9fff]{2,8}?)(?=[，,。；;、]|$)")
# 消防站点5分钟到达: the time it takes to do what follows
_TIME_TAKEN = re.compile(r"\s*(?:内)?\s*(到达|送达|办结|通达|抵达|到场|响应|(?:上高速|开工|投产|封顶|竣工|完工|交付|"
                         r"具备开工条件)(?=[，,。；;、]|$))")


def _share_given(taken: str, whole: str, before: str | None, giver: str = "", verb: str = "") -> str:
    """The indicator of a share a clause gives to what follows it (中小型企业占据德国99%的商业市场 → 中小型企业占商业
    市场的比重, …提供60%的就业 → 中小型企业提供的就业占比); a bare measure (贡献了全国24.1%的增量) is of the
    variable the figure before measured (货物进出口总额增量占全国的比重)."""
    variable = variable_of(before) if is_generic_measure(taken) else ""
    if not variable and giver:
        return f"{giver}占{taken}的比重" if verb.startswith("占") else f"{giver}{verb}的{taken}占比"
    if not variable:
        return f"{taken}占比"
    whole = re.sub(r"^了|的$", "", whole.strip())
    return f"{variable}{taken}占{whole}的比重" if 2 <= len(whole) <= 6 else f"{variable}{taken}占比"


# 中国内陆与中国香港的双边服务贸易: what two sides have with each other is named with the partner
_WITH_PARTNER = re.compile(r"([^，,。；;与和的]{2,10}?)\s*(与|和|同)\s*([^，,。；;与和的]{2,10}?)\s*的\s*(?=(?:双边|相互|之间的?))")


def _with_partner(name: str | None, clause: str) -> str | None:
    """中国内陆与中国香港的双边服务贸易占…比重 for 双边服务贸易占… when the clause names both sides before it."""
    sides = _WITH_PARTNER.search(clause) if name and re.match(r"双边|相互|之间", name) else None
    return re.sub(r"\s+", "", sides.group(0)) + name if sides else name


def gap_to_place(name: str | None, clause: str) -> str | None:
    """西部地区与东部地区及全国平均水平的差距分别缩小至A和B: a place (or its average) that a gap is to names
    no variable; the bare gap word is left for the variable of the clause or sentence before."""
    place = place_table()[1].match(name or "")
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
        return f"{bracket_closed(phrase)}{span.group(1)}"   # 快线铁路（在地面运行）一般在15—30千米范围
    held = re.match(r"\s*((?:达到|保持|处于|位居|居)[^，,。；;]{1,8}?)(?=[，,。；;]|$)", sentence[q.end:]) \
        if q.unit in ("个月", "天", "年") else None
    if held and phrase:   # 全湖水质累计6个月达到Ⅲ类: how long it held
        return f"{re.sub(r'累计$', '', phrase)}{held.group(1)}的时长"
    return phrase


# It’s OWL获得德国联邦政府4000万欧元的资助: the grant of the giver named after 获得
_RECEIVED = re.compile(r"(?:获得|得到|获)(?P<giver>[\u4e00-\u9fff]{0,12})$")
_GRANT = re.compile(r"\s*(?:以上|左右)?\s*的?\s*(资助|支持|补贴|补助|奖励|拨款|援助|投资|贷款|融资)")
# 以中欧班列为例，…重庆一市的累计班列就已经超过4500班: the example names what its figures count
_EXAMPLE = re.compile(r"以\s*(?P<thing>[\u4e00-\u9fffA-Za-z]{2,12}?)\s*为例\s*[，,]")


# 根据2024年杭州跨境电商全业态监测数据，进出口总额达到…: the data's field scopes the measure after it
_DATA_OF = re.compile(r"\s*(?:根据|据)(?P<field>[^，,。；;《》“”]{2,30}?)(?:全业态|全口径|全行业)?(?:监测|统计|调查|抽样)?数据"
                      r"(?:显示|表明)?\s*[，,]")
_PUBLISHER = re.compile(r"(?:局|部|委|会|院|所|中心|署|厅|办|机构|组织|银行|公司|平台)$")


def _in_data_scope(phrase: str | None, sentence: str, clause: int) -> str | None:
    data = _DATA_OF.match(sentence)
    if not (data and phrase and data.end() == clause):
        return phrase
    field = re.sub(r"(?:19|20)\d{2}\s*年度?", "", data.group("field"))
    place = place_table()[1].match(field)
    field = field[place.end():] if place else field
    if not 2 <= len(field) <= 8 or _PUBLISHER.search(field) or field in phrase or not re.fullmatch(r"[\u4e00-\u9fff]+", field) \
            or re.search(r"的|公布|发布|相关|有关|最新", field):
        return phrase
    return field + phrase


# 高质量的除最前和最后各两年仅有1~2个地州市外: the noun of a 除…外 clause, with the class the clause opens on
_EXCEPT_OPEN = re.compile(r"\s*(?P<cls>[\u4e00-\u9fff]{2,6}的)?除")
_THE_REST = re.compile(r"(?:其余|其他|其它)的?(?:多|大多|大都|均|都|一般)?")
# 较低质量的地州市在2012年前多保持在…: what a masked time leaves after the noun (在…前多)
_TIME_LEFT = re.compile(r"在\s*(?:前|后|以前|以后|之前|之后)?\s*(?:多|大多|大都|一般|均|都)?$")


def _except_clause(phrase: str | None, sentence: str, clause: int) -> str | None:
    if phrase and _TIME_LEFT.search(phrase) and len(_TIME_LEFT.sub("", phrase)) >= 2:
        phrase = _TIME_LEFT.sub("", phrase)
    opened = _EXCEPT_OPEN.match(sentence, clause)
    if not (phrase and opened and phrase.endswith("外") and len(phrase) >= 3):
        return phrase
    return (opened.group("cls") or "") + phrase[:-1]


def _received(phrase: str | None, sentence: str, q: Quantity) -> str | None:
    got = _RECEIVED.search(phrase or "")
    grant = _GRANT.match(sentence, q.end) if got else None
    return f"{got.group('giver')}{grant.group(1)}" if grant else phrase


def _of_example(phrase: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    example = _EXAMPLE.search(sentence, 0, clause + 1)
    if not (example and phrase and example.group("thing") != phrase and example.group("thing").endswith(phrase)):
        return phrase
    total = "累计" if re.search(r"累计\s*" + re.escape(phrase), sentence[clause:q.start]) else ""
    return example.group("thing") + total


def _ratio_part(phrase: str | None, sentence: str, q: Quantity) -> str | None:
    """三次产业增加值的构成由2000年的21.44∶38.97∶39.59: the first term of a ratio run is the share of the
    first part of the whole (第一产业增加值占比)."""
    if not _RATIO_RUN.match(sentence, q.end) or re.search(r"[∶:：]\s*$", sentence[:q.start]):
        return phrase
    clause = sentence[clause_start(sentence, q.start):q.start]
    whole = next((w for w in _RATIO_PARTS if w in clause), None)
    if not whole:
        return phrase
    measure = next((w for w in ("投资", "就业人员", "从业人员", "增加值") if w in clause), "增加值")
    return f"{_RATIO_PARTS[whole][0]}{measure}占比"


# 迈上3万亿元台阶, 组织4次: a verb alone before a figure, which names no variable
_BARE_VERB = re.compile(r"(?:迈上|迈入|跨上|突破|达到|实现|完成|建设|组织|开展|支持|推动|推进|落实|打造|新增|累计|恢复|同比恢复|同|增加|"
                        r"扩大|提升|提高|超过|超|达|约|新建|建成|落地|引进|招引|培育|举办|带动|拉动|获得|吸引"
                        r"|变|变为|相对于?|相比于?|相较于?|较|比|迈上了?|迈入|跨上|跨越)")
# 新增专精特新中小企业1003户, 建成…幸福院900个, 开工建设8个抽水蓄能电站, 新设3所…学校, 打通53条断头路: a count of things added over the
# span, not the stock of them; the verb may stand at the head of a list (新入库A400家、B300家)
_ADDED = re.compile(r"(新增|新入库|新认定|新培育|新引进|新招引|新开工|新设立?|新探明|新建成?|打通|建成(?![区率])|开工建设)|(?:^|[^\u4e00-\u9fff]|[动设局划])(建设|开工)\s*$")
# 是2003年的14.87、15.03、9.16倍, 增额是2000年的11.7倍: a multiple of the same variable in a base year
_MULTIPLES_LISTED = r"(?:(?:近|约)?\s*\d+(?:\.\d+)?\s*倍?\s*(?:[、，,]|和|及|与)\s*)*(?:近|约)?\s*"
_OF_BASE_YEAR = re.compile(r"(?:是|为|相当于)\s*((?:19|20)\d{2})\s*年(?:同期)?\s*的\s*" + _MULTIPLES_LISTED + "$")
# …分别是2003年的14.87、15.03、9.16倍，西北地区分别是12.68…倍: a later list without a base has the same one
_OF_NO_BASE = re.compile(r"分别(?:是|为|相当于)\s*" + _MULTIPLES_LISTED + "$")
_BASE_YEAR_MULTIPLES = re.compile(r"(?:是|为|相当于)\s*((?:19|20)\d{2})\s*年(?:同期)?\s*的\s*" + _MULTIPLES_LISTED + r"\d+(?:\.\d+)?\s*倍")


def as_multiple_of_year(indicator: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """The indicator of a multiple of a base year's figure (铁路运营里程是1978年的2.7倍):
    the variable 相当于 that year's, so the row does not read as the variable's own size."""
    if q.unit != "倍" or not indicator or re.search(r"倍|相当于", indicator):
        return indicator
    m = _OF_BASE_YEAR.search(sentence, clause, q.start)
    if not m and _OF_NO_BASE.search(sentence, clause, q.start):
        m = next(reversed(list(_BASE_YEAR_MULTIPLES.finditer(sentence, 0, clause))), None)
    return f"{indicator}相当于{m.group(1)}年的倍数" if m else indicator


# 省域间城镇化质量差异: a difference between parts named with what differs
NAMED_DIFFERENCE = re.compile(r"([\u4e00-\u9fff]{2}[间内])((?:(?!差异|[间内])[\u4e00-\u9fff]){2,8}?)差异")
_BARE_DIFFERENCE = re.compile(r"([\u4e00-\u9fff]{2}[间内])差异")


def difference_of(indicator: str | None, differences: dict) -> str | None:
    """西部地区省域间差异在总体差异中的占比 after 省域间城镇化质量差异最大: a difference named bare is of
    what the paragraph said differs."""
    m = _BARE_DIFFERENCE.search(indicator or "")
    if not m or m.group(1) not in differences:
        return indicator
    return indicator[:m.start()] + differences[m.group(1)] + indicator[m.end():]


# lengths and areas added (新增铁路运营里程639公里、其中高铁370公里) are additions as counts are
_EXTENT_UNITS = {"公里", "千米", "米", "亩", "公顷", "平方公里", "平方千米", "平方米"}


def as_added(indicator: str | None, before: str, unit: str) -> str | None:
    """The indicator of a count with the verb that says it counts additions (新增, 建成), when its clause has one."""
    if not indicator or unit not in COUNT_UNITS and unit not in _EXTENT_UNITS:
        return indicator
    verbs = [m.group(1) or m.group(2) for m in _ADDED.finditer(before)]
    if not verbs or re.match(r"新[增扩建开引培认入招设改]", indicator) or re.search(r"新增|新入库|新认定|新培育|新引进|新招引|新设|新探明|新建|建成|打通|开工|建设|累计|总数|总量", indicator):
        return indicator
    return f"{verbs[-1]}{indicator}"


def added_of_named_kind(indicator: str | None, before: str) -> str | None:
    """增加普通高中学位 for 增加学位 after the sentence named 普通高中学位: a verb and a bare two-character noun
    take the kind of that noun the sentence named before, else `indicator`."""
    bare = re.fullmatch(r"(增加|新增|提供)([\u4e00-\u9fff]{2})", indicator or "")
    kinds = re.findall(r"(?:^|[，,、的；;])([\u4e00-\u9fff]{2,6}?)" + bare.group(2), before) if bare else []
    kinds = [k for k in kinds if not _ADDED.search(k) and not re.search(r"增加|新增|提供", k)]
    return f"{bare.group(1)}{kinds[-1]}{bare.group(2)}" if kinds else indicator


# 比全国平均水平54.64%低近11个百分点: a gap to another level, not the level itself
_GAP_TO_BASE = re.compile(r"(比|较)([^，,；;比较]{1,14}?)(?:\d+(?:\.\d+)?\s*%)?\s*(高|低|多|少|快|慢)(?:出|了)?"
                          r"(?:\s*(?:近|约|超过|逾)?\s*\d+(?:\.\d+)?\s*(?:个)?\s*(?:百分点)?\s*(?:和|、|与))*\s*(?:近|约|超过|逾)?\s*$")


_SHARE_VERBS = re.compile(_SHARE_VERB.pattern.split("(?=")[0])


def _share_giver(sentence: str, upto: int, periods: list[Period], mentions: list[Mention]) -> tuple[str, str]:
    """(who gives, the verb): 中小型企业占据…，提供…，创造…: the noun phrase before the last share verb
    up to `upto` whose clause names one, and the verb at `upto`."""
    verb = _SHARE_VERBS.match(sentence, upto)
    for v in reversed([v for v in _SHARE_VERBS.finditer(sentence) if v.start() <= upto]):
        start = max(clause_start(sentence, v.start()), paren_start(sentence, v.start()))
        giver = noun_phrase(re.sub(r"\s+", "", without(sentence[start:v.start()], start, periods, mentions, None)))
        if 2 <= len(giver) <= 10 and not re.search(r"\d|[向对给为在把将从]", giver):   # (三级公立医院提前两周向基层投放: no noun)
            return giver, verb.group(0) if verb else ""
    return "", ""


def gap_to_base(before: str, unit: str) -> str | None:
    """The change of a rate stated as a gap to another one (比全国平均水平低), when the figure is such a gap."""
    m = _GAP_TO_BASE.search(before) if unit in ("百分点", "%") else None
    return f"{m.group(1)}{m.group(2).strip()}{m.group(3)}" if m else None


# 比西南地区高出3.33个百分点，2005年…分别高出5.03、…: the comparator a later gap of the sentence leaves out
_COMPARATOR = re.compile(r"(比|较)([^，,；;。比较]{2,14}?)\s*(高|低|多|少|快|慢)")


# 年均增长13.7%，比全国平均水平高1个百分点; 4项主要经济指标增速分别高于全国平均水平2.2个…百分点: a gap in a growth rate
_GROWTH_STATED = re.compile(r"(年均)?(?:增长率?|增速|增幅)[^，,。；;\d]{0,6}\s*\d[\d.]*\s*%[^\d%。；;]*$"
                            r"|(年均)?(?:增速|增长率|增幅)[^\d%。；;]*(?:\d[\d.]*\s*个?\s*(?:百分点)?\s*(?:[、和及与]|以及)\s*)*$")
_RATE_END = re.compile(r"(?:率|速|幅|比重|占比|份额|比例|指数|系数|水平|差距|差额)$")
# 西部地区失业保险参保人数占全国的比重…与东部地区的差距…扩大至41.57个百分点: a gap in the share the sentence named
_SHARE_NAMED = r"占[^，,。；;占]{1,10}?的?(?:比重|比例|份额)"


def gap_in_rate(indicator: str | None, change: str | None, q: Quantity, sentence: str) -> str | None:
    """The rate a gap in 百分点 is a gap in, when the indicator names only its variable: a growth rate
    stated (or named) before the gap to another place, a share named with the variable for a 差距."""
    if q.unit != "百分点" or not indicator:
        return indicator
    before = sentence[:q.start]
    if indicator.endswith("差距") and len(indicator) > 4:
        share = re.search(re.escape(indicator[:-2]) + "(" + _SHARE_NAMED + ")", before)
        return f"{indicator[:-2]}{share.group(1)}差距" if share else indicator
    if not (change and re.search(r"高于|低于|快于|慢于|高出|低出|比", change)) or _RATE_END.search(indicator) \
            or re.search(r"增速|增长率|增幅", change):   # 高于规模以上工业增加值增速: the comparator names the rate
        return indicator
    grown = _GROWTH_STATED.search(before)
    if not grown:
        return indicator
    return indicator + ("年均增长率" if grown.group(1) or grown.group(2) else "增速")


def with_comparator(change: str | None, before: str) -> str | None:
    """A bare gap (高出) with what the sentence compared the subject with before it (比西南地区高出)."""
    bare = re.fullmatch(r"(高|低|多|少|快|慢)出?了?", change or "")
    compared = [m for m in _COMPARATOR.finditer(before) if bare and m.group(3) == bare.group(1)]
    return f"{compared[-1].group(1)}{compared[-1].group(2).strip()}{change}" if compared else change


# 泾川特大型铀矿、平凉7亿吨级冶镁白云岩等大中型矿产地35处: named examples (with figures of their own) before 等
_EXAMPLES = re.compile(r"^[^等]*\d[^等]*等(?=[\u4e00-\u9fff]{2})")


def examples_dropped(phrase: str | None) -> str | None:
    """大中型矿产地 for 平凉7亿吨级冶镁白云岩等大中型矿产地: the class the examples before 等 belong to."""
    return _EXAMPLES.sub("", phrase) if phrase else phrase


# 城镇和农村居民人均可支配收入分别超过8万元、4.5万元，…，收入倍差从1.96缩小至1.81: the ratio of the two named before
_BARE_INCOME_RATIO = re.compile(r"(?:居民)?(?:人均可支配)?收入(?:倍差|之比|比)")


def urban_rural_ratio(phrase: str | None, before: str) -> str | None:
    """城乡居民收入倍差 for a bare 收入倍差 after the sentence named urban and rural incomes, else `phrase`."""
    if not phrase or not _BARE_INCOME_RATIO.fullmatch(phrase) or not re.search(r"城镇[^。；;]*农村|城乡", before):
        return phrase
    return "城乡居民" + re.sub(r"^居民", "", phrase)


def bracket_closed(phrase: str | None) -> str | None:
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


# 软件信息、科技服务和商务服务三大产业: a list of names closed by their count
_LIST_COUNTED = re.compile(r"[^，,、的和及]{2,10}、[^，,的]{2,24}?[和及][^，,、的和及]{2,10}?[两三四五六七八九十\d]+大")


def noun_phrase(phrase: str) -> str:
    """The phrase without leading connectives, trailing verbs and quotes, footnote markers
    (生产总值[2]) and letter-spacing."""
    phrase = _LEADING.sub("", _FOOTNOTE_MARK.sub("", phrase).strip())
    phrase = re.sub(r"[（(][^）)]*$", "", phrase)   # a bracket left open by the cut: 人数（含离退休人员
    phrase = re.sub(r"[（(][^（()）]*(?:[，,；;]|下同)[^（()）]*[）)]", "", phrase)   # 固定资产投资（不含农户，下同）
    phrase = re.sub(r"[（(]\s*(?:含|包括|不含)[^（()）]*[）)]\s*$", "", phrase)   # 中等职业教育学校（含技工）37所
    phrase = re.sub(r"^\d+\s*(?:个|项|家|所|座|条|批)(?=\D)", "", phrase)   # 1596个“千项万亿”重大项目完成投资
    phrase = re.sub(r"连续\s*[\d一二两三四五六七八九十]+\s*年|(?<=[\u4e00-\u9fff]{2})[一二三四五六七八九十]年(?:来|间|内)?$", "",
                    phrase)   # 公众安全感满意度连续5年保持在, 居民人均可支配收入五年增长
    phrase = re.sub(r"(?:于|在|从)?\s*、\s*、.*$", "", phrase)   # 经济总量于(2010年、2013年、2016年)先后跨越
    phrase = re.sub(r"(?:一般|通常|大多|大都|基本)?在(?=(?:半径|直径|距离|范围)$)", "", phrase)   # 地铁运营范围一般在半径15千米以内
    phrase = re.sub(r"(?:从|自)(?:开始|起|以来)$", "", phrase)   # 外贸出口从7月份开始: the frame of a time taken out
    phrase = _unquoted_ends(TRAILING.sub("", phrase).strip("《》()（）、，, "))
    phrase = _LEADING.sub("", phrase)
    if len(re.sub(r"[（(][^）)]*[）)]", "", phrase)) > 24:   # a long run is a clause, not a noun phrase: keep its last part
        tail = phrase.split("的")[-1]   # 具有资质等级的总承包和专业承包建筑业企业总产值: after 的 first
        done = _LEADING_VERB.match(tail)   # 滚动实施节能降碳技术改造项目和用能设施设备更新项目: what was done
        tail = tail[done.end():] if done and len(tail) - done.end() <= 24 else tail
        listed = _LIST_COUNTED.search(phrase)   # 软件信息、科技服务和商务服务三大产业…: 和 inside the list
        phrase = tail if len(tail) <= 24 else _last_part(phrase[listed.start():] if listed else re.split(r"[的和及]", phrase)[-1])
    phrase = re.sub(r"^度(?=[\u4e00-\u9fff]{2})", "", phrase)   # 上年度结转申请: what the masked 上年 leaves
    return re.sub(r"\s+", "", phrase)   # letter-spaced print: 社 会 消 费 → 社会消费


def _last_part(run: str) -> str:
    """The last 24 characters of a long run, or all of it when they would cut into a list of examples
    (先进装备、电子信息、新能源汽车等7大产业集群对工业贡献率, not 、电子信息…)."""
    if "、" in run[-24:] and len(run) <= 32:
        return run
    items = run.split("、")
    if len(run) <= 40 and len(items) > 2 and re.search(r"等[\u4e00-\u9fff]{2,}$", run):
        # 保障招商引资、科技创新、营商环境、…等核心职能机构数量占比: the list whole, its first item as long as the next
        return run[len(items[0]) - len(items[1]):] if len(items[0]) > len(items[1]) else run
    last = run[-24:]
    closed = last.find("”")
    if closed >= 0 and "“" not in last[:closed]:   # …“岗位需求+技能培训+…”职业技能培训: not from inside the quote
        return last[closed + 1:]
    return last


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
_PREDICATE = re.compile(r"已(?:超过|突破|接近)|(?<!自)由(?=[负降正增亏盈])|(?<![否原规法准])则(?=[\u4e00-\u9fff])|增长最快|明显提升|加快|恢复|回升|回落|下滑|好转|企稳|放缓|提速|向好|降幅|增幅|增速|呈现|呈|不断|持续|逐年|逐步|先|(?<![人平生户])均|基本|一直|明显|大幅|有所|继续|保持|出现|实现|是|为|在|也|都|总体")
# what a measure word is a measure of: the phrase without its share (占全国的比重) or measure tail
MEASURE_TAIL = re.compile(r"(?:占.*|(?:的)?(?:年均|平均)?(?:增长率|增速|增幅|降幅|涨幅|比重|占比|份额|比例|总量|规模|数量|水平|差额|差距|相差|差值|得分|分值|指数|增额|增量|隶属度))$")


# 粮食总产再创历史新高: the variable a sentence opens with, before what it did
_OPENING_VERB = re.compile(r"再创|创下?|实现|保持|稳居|位居|连续|突破|持续|首次|迈上|跃居|跨越|(?:总体上?|整体上?)?呈现出?")


def opening_variable(sentence: str, clause: int) -> str:
    """The variable the sentence's first clause (without figures, before the figure's clause) names before
    its verb; "" when there is none."""
    first = re.match(r"[^，,；;：:]{2,40}", sentence)
    if not first or first.end() >= clause:
        return ""
    verb = _OPENING_VERB.search(first.group(0))
    noun = noun_phrase(re.sub(r"^\s*(?:19|20)\d{2}\s*(?:[—–-]\s*(?:19|20)\d{2}\s*)?年(?:间)?", "",
                              first.group(0)[:verb.start()])) if verb else ""   # (2003—2018年…的Theil指数)
    return noun if (2 <= len(noun) <= (24 if "的" in noun else 12) and not re.search(r"\d", noun) and not is_generic_measure(noun)
                    and not is_generic_measure(noun.split("的")[-1]) and not GAP_WORD.search(noun)
                    and indicator_confidence(noun) == "high") else ""


def variable_of(indicator: str | None) -> str:
    """城乡居民人均可支配收入 of 城乡居民人均可支配收入差额: what an indicator measures, without its measure word
    and the whole it was measured in (财政收入在全国的占比 → 财政收入); "" when it is generic or a fragment."""
    variable = MEASURE_TAIL.sub("", indicator or "")
    variable = re.sub(r"(?:在|于)(?:全国|全省|全市|全区|全球|世界)中?的?$", "", variable)
    if len(variable) < 2 or is_generic_measure(variable) or indicator_confidence(variable) == "low":
        return ""
    return variable


_NO_TOPIC = re.compile(r"^(?:按|据|经过|相比|展望|具体|分)|(?:看|方面|统计|计算|之下|未来|以来|时期)$")
# 从2002年, 将由去年的: a clause that opens on the start point of a change
_FROM_START = re.compile(r"\s*(?:将|要)?(?:从|由)\s*(?:(?:19|20)\d\d\s*年(?:末|底)?|去年|上年)?\s*的?\s*")


def _topic_clause(sentence: str, clause: int) -> str:
    """The sentence's opening clause when it is only a noun phrase, naming what the figure's clause
    then changes from and to (全社会研究与实验发展经费，从2002年1288亿元增加到2007年的3664亿元); "" else."""
    first = re.fullmatch(r"\s*(?:今年|去年|明年|全年)?([\u4e00-\u9fff“”]{4,16})\s*[，,]\s*", sentence[:clause])
    noun = first.group(1) if first else ""
    if not noun or _PREDICATE.search(noun) or _CHANGE.search(noun) or _NO_TOPIC.search(noun) or find_periods(noun) \
            or place_table()[1].fullmatch(noun):
        return ""   # (过去五年，从…; 按可比价格计算，…; 西部地区，由…: a time, a way of counting, a place)
    return noun if indicator_confidence(noun) == "high" else ""


def lead_noun_phrase(sentence: str, clause: int, previous_end: int, periods: list[Period],
                     mentions: list[Mention]) -> str:
    before = max(clause_start(sentence, clause - 1), previous_end)
    text = re.sub(r"\s+", "", without(sentence[before:clause], before, periods, mentions, None))
    text = re.sub(r"[（(][^（()）]*[）)]", "", text)   # a note in brackets （下同，均为名义增长） names nothing
    text = re.sub(r"^[一二三四五六七八九十]是", "", text)   # 二是轨道交通在…占主导: an enumerator's 是 is no predicate
    text = text[:_PREDICATE.search(text).start()] if _PREDICATE.search(text) else ""
    # 深圳、东莞…等市的国土开发强度已超过30%…，其中深圳已超过50%: the measure after the places' 的
    text = re.sub(r"^[、\s]*等?(?:市|省|区|县|国|城市|地区|省份|省区|国家)的(?=[\u4e00-\u9fff]{2})", "", text)
    phrase = noun_phrase(text)
    longest = 24 if "、" in phrase else 16   # 城市人均道路面积、万人医疗机构床位数也增长较快: a list of variables
    return phrase if 2 <= len(phrase) <= longest and not re.search(r"可知|看出|[表图]\s*\d", phrase) else ""


# 为1.4万名独居高龄老人安装…, 试点覆盖696万名新业态劳动者: people a measure was done for or reached
_SERVED_BY = re.compile(r"(?:(?P<for>为)|(?P<verb>覆盖|惠及|帮扶|救助|资助|慰问|培训))\s*(?:超过?|近|约|逾)?\s*$")
_PEOPLE = re.compile(r"[\u4e00-\u9fff、\d]{0,10}(?:老人|老年人|儿童|婴幼儿|幼儿|学生|新生|农民工|劳动者|群众|居民|残疾人|职工|人员|对象|患者"
                     r"|妇女|青年|毕业生|亲属|家庭|人)")
# 惠及26个省份: the places a measure reached
_PLACES_REACHED = re.compile(r"(?:省份|省区|省市|国家和地区|国家|地区|城市|县市区|县区|市县|乡镇|行政村|村)(?=[，,。；;、]|$)")
_DONE_FOR = re.compile(r"[\u4e00-\u9fff、“”]{2,20}?(?=[，,。；;]|\d|$)")


_REACHED_BEFORE = re.compile(r"\s*([\u4e00-\u9fff]{2,8}?)(?:通达|覆盖|辐射|送达|走进|进入|销往|远销|走向)")


def _people_served(sentence: str, start: int, q: Quantity) -> str | None:
    """The people a count counts with what was done for them (为1.4万名独居高龄老人安装用电监测和门磁预警 →
    安装用电监测和门磁预警的独居高龄老人) or what reached them (职业伤害保障试点覆盖696万名新业态劳动者 →
    职业伤害保障试点覆盖的新业态劳动者): the people alone read as their number. `start`: where the
    figure's clause (or the part after the figure before) begins."""
    served = _SERVED_BY.search(sentence, start, q.start) if q.unit in ("名", "人", "户", "位", "个") else None
    people = (_PEOPLE if q.unit != "个" else _PLACES_REACHED).match(sentence, q.end) if served else None
    if q.unit == "个" and (not served or served.group("for")):
        return None
    if not people or PREDICATED.match(sentence, people.start()):
        return None   # 帮扶7.2万名就业困难人员实现就业: counted by what holds for them (counted_by_predicate)
    if served.group("for"):
        done = _DONE_FOR.match(sentence, people.end())
        return f"{done.group(0)}的{people.group(0)}" if done else None
    by = noun_phrase(sentence[start:served.start()])
    reached = _REACHED_BEFORE.match(sentence, clause_start(sentence, start - 1)) if not by and start > 0 else None
    if reached and reached.end() < start:   # 陇原绿电通达大江南北，惠及26个省份: what reached them is the clause before's
        by = reached.group(1)
    return f"{by if 2 <= len(by) <= 16 else ''}{served.group('verb')}的{people.group(0)}"


def as_share(phrase: str, previous: str | None, lead: bool = False) -> str:
    """专利申请授权量仅占全国 → 专利申请授权量占全国的比重; 占全国 alone takes the thing measured before, or
    (`lead`) the thing the clause before opens on (运输业、旅游业和其他商业服务是…三类产业，占中国服务贸易总额的71.7%)."""
    part = re.fullmatch(r"(?P<thing>.{2,12}?)占到?了?", phrase)
    if part and previous and not is_generic_measure(previous):   # 库存面积39亿平方米，其中市县一级占到了80%
        return f"{part.group('thing')}占{variable_of(previous) or previous}的比重"
    m = _SHARE.match(phrase)
    if not m or re.search(r"比重|份额|比例|占比|^比$", m.group("whole")):
        return phrase
    if not m.group("thing") and phrase.startswith("超过") and re.search(r"(?:占比|比重|份额|比例)$", previous or ""):
        return previous   # 第三产业占比…，2019年超过第二产业达到51.13%: passing another part, still the share
    whole_place = place_table()[1].match(m.group("whole"))
    named = m.group("whole")[whole_place.end():] if whole_place else ""
    # 电子产品进出口额突破500亿美元，占全省外贸总额的60%: the share is of the thing measured before, not of
    # the whole's own variable (面积共计…，占全国陆地面积: the whole names it more fully)
    thing = m.group("thing") or (previous if previous and (lead or not is_generic_measure(previous))
                                 and not (len(named) >= 2 and named.endswith(previous))
                                 else named if len(named) >= 2 else previous or "")
    thing = _SHARE.match(thing).group("thing") if _SHARE.match(thing) else thing
    thing = re.sub(r"的?比重$", "", thing)
    return f"{thing}占{m.group('whole')}的比重"


def share_qualifier(sentence: str, clause: int, q: Quantity) -> str | None:
    """不足全国的2%: the hedge stated before the whole the share is of."""
    m = _SHARE_QUALIFIER.search(sentence[clause:q.start]) if q.unit == "%" else None
    return m.group(1) if m else None


def topic_indicator(sentence: str, periods: list[Period], mentions: list[Mention]) -> str | None:
    """从人均经济水平来看，… → 人均经济水平, the indicator of figures whose clause names none."""
    m = _TOPIC.match(sentence)
    if not m:
        return None
    group = "topic" if m.group("topic") else "aspect"
    phrase = without(m.group(group), m.start(group), periods, mentions, None)
    phrase = noun_phrase(re.sub(r"^(?:各省份|各省区|各省|各地区|各城市|各地)", "", phrase))
    return phrase if len(phrase) >= 2 and phrase not in _NOT_TOPIC else None


def without(phrase: str, offset: int, periods: list[Period], mentions: list[Mention],
            owner: Mention | None) -> str:
    """The phrase with period expressions removed and the subject (with what precedes it) cut off."""
    chars = list(phrase)
    for p in periods:
        end = end_with_deadline(phrase, p, offset)   # 2030年前新增风电装机: the 前 goes with its year
        for i in range(max(p.start, offset), min(end, offset + len(phrase))):
            chars[i - offset] = ""
        # 物流园在2024年上半年合计完成: the 在 of a time goes with it
        if offset < p.start <= offset + len(phrase) and phrase[p.start - offset - 1] == "在" and p.has_year \
                and phrase[p.end - offset:p.end - offset + 1] not in tuple("前后之以间内中末底初"):
            chars[p.start - offset - 1] = ""
        # 计划从2012年到2019年共向…投入: the 从 and 共 of a span of years go with it
        if offset < p.start <= offset + len(phrase) and phrase[p.start - offset - 1] in "从由" \
                and len(re.findall(r"(?:19|20)\d{2}", p.text)) == 2:
            chars[p.start - offset - 1] = ""
            if phrase[p.end - offset:p.end - offset + 1] == "共":
                chars[p.end - offset] = ""
    inside = [m for m in mentions if m.start >= offset and m.end <= offset + len(phrase)
              # 河南省服务型制造标杆企业 in a city's report: the level of a title, no subject to cut
              and (m.topic or not COUNTRY_AS_MODIFIER.match(phrase, m.end - offset))]
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
        if m.start - offset >= cut and (not gap.strip() or PLACE_LIST_GAP.fullmatch(gap)):
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
