"""Refinements of a named indicator by its scope and neighbours, applied after `indicator_for`: the whole a
share is of (`share_in_scope`), the thing counted before that a described figure or a part after 其中
belongs to (`scoped`, `sub_item`, `outcome_of`), measures shared with earlier figures of the sentence or
the sentence before (`with_shared_measure`, `with_earlier_scope`, `with_sibling_measure`,
`with_previous_measure`, `kind_measured`), the things a count holds a predicate for (`counted_by_predicate`,
`entered_list`, `members_of`), and the variable a bare measure takes (`with_variable`).
"""
from __future__ import annotations

import re

from kb.extract.clauses import COUNT_UNITS, Carry, GAP_WORD, MEASURE_UNITS, clause_start
from kb.extract.fact_counts import BUILD_STAGE, BUILT, COUNTED_STOP, PREDICATED
from kb.extract.fact_indicators import (
    MEASURE_TAIL, lead_noun_phrase, noun_phrase, opening_variable, variable_of, without)
from kb.extract.indicators import indicator_confidence, is_generic_measure
from kb.extract.numbers import Quantity
from kb.extract.periods import Period
from kb.extract.places import Mention


# what a part names when it names no measure of its own: 饮料类, 衣着, 私人轿车
MEASURE_WORD = re.compile(r"(?:零售额|销售额|营业额|价格|增加值|产量|产值|投资|收入|支出|保有量|排放量|总额|人数|面积|余额|里程|警情|"
                          r"率|额|量|数|值|价|费|(?<![冶黄白合])金|比重|占比|份额|比例)$")
# 限额以上批发零售业企业商品零售额中，…; 在居民消费价格中，…: the whole the sentence's parts belong to
_SCOPE = re.compile(r"(?:^|[，,：:])\s*(?:在)?(?P<scope>[^，,。；：:]{2,30}?)中\s*[，,：:]")


def _last_scope(text: str) -> re.Match | None:
    found = list(_SCOPE.finditer(text))
    return found[-1] if found else None


_SHARE_END = re.compile(r"(?:所占|的)?(?:占比|比重|份额)$")
_NO_WHOLE = re.compile(r"(?:过程|进程|背景|情况|实践|时期|期间|阶段|趋势|变化|发展|条件|作用|样本|研究|分析|模型)$")


def share_in_scope(indicator: str | None, sentence: str, clause: int, periods: list[Period],
                    mentions: list[Mention]) -> str | None:
    """2019年中国服务贸易行业结构中，旅游业占比…: a part's share is of the whole the sentence opens on
    (服务贸易行业结构中旅游业占比), when the indicator names no whole of its own."""
    if not indicator or not _SHARE_END.search(indicator) or "占" in _SHARE_END.sub("", indicator) or clause <= 0:
        return indicator
    scope = _last_scope(sentence[:clause])
    if not scope or not (scope.end() == clause or scope.start() == 0):   # (the sentence opens on it)
        return indicator
    whole = re.sub(r"\s+", "", without(scope.group("scope"), scope.start("scope"), periods, mentions, None))
    whole = re.sub(r"^(?:的|在)", "", whole)
    variable = _SHARE_END.sub("", indicator)
    if not 2 <= len(whole) <= 16 or whole in indicator or variable in whole or _NO_WHOLE.search(whole) or re.search(r"[\d其]", whole) \
            or indicator_confidence(whole) == "low":
        return indicator
    return f"{whole}中{indicator}"


_LIMITED_SHARE = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:占比|比重|份额))(?=(?:超过|高于|低于|不足|达到)\s*\d)")
_LIMIT_HAVE = re.compile(r"((?:超过|高于|低于|不足|达到)\s*\d[\d.]*\s*%(?:以上|以下)?)的(?:有|为)\s*$")


def counted_over_limit(indicator: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """104种工业产品中，我省在全国占比超过10%的有44种、超过20%的有23种: the things of the whole the sentence
    opens on whose share passes each limit (全国占比超过20%的工业产品)."""
    limit = _LIMIT_HAVE.search(sentence, clause, q.start) if q.unit in COUNT_UNITS else None
    share = _LIMITED_SHARE.search(sentence, clause, q.start) if limit else None
    scope = _last_scope(sentence[:clause]) if share else None
    thing = re.search(r"(?:\d+\s*[种个家项类所])?([\u4e00-\u9fff]{2,8})$", re.sub(r"\s+", "", scope.group("scope"))) \
        if scope else None
    if not thing:
        return indicator
    measure, bound = re.sub(r"^[^在]*在", "", share.group(1)), re.sub(r"\s+", "", limit.group(1))
    return f"{measure}{bound}的{thing.group(1).split('的')[-1]}"


_EVENT_OPENING = re.compile(r"\s*([\u4e00-\u9fffA-Za-z]{2,8}?)(?:期间|上)?(?:共|累计)?(?:促成|达成|吸引|签约|签署)")
_DEALT = re.compile(r"(?:意向)?(?:成交额|成交金额|签约总?金额|交易额)")


def deal_of_event(indicator: str | None, sentence: str, clause: int) -> str | None:
    """高交会促成1023项…项目签约，成交额超1700亿元: the deals are the event's, that the sentence opens on."""
    dealt = _DEALT.search(indicator or "") if clause > 0 else None
    event = _EVENT_OPENING.match(sentence) if dealt and dealt.end() == len(indicator) else None
    return f"{event.group(1)}{dealt.group(0)}" if event and event.group(1) not in indicator else indicator


# figures that describe the thing counted just before: 初级中学461所，毕业生…、在校生…; 项目3800个，总投资…
_DESCRIBES = re.compile(r"(?:招生|在校生|在校学生|毕业生|毕\(结\)业生|教职工|专任教师|床位|卫生技术人员|从业人员|总投资|总规模|"
                        r"签约总金额|总金额|投资额|总产值|营业收入|成交价|成交额|成交金额|"
                        r"(?:补助|补贴|救助|资助|奖补|发放|支付|赔付)(?:金额|资金)|新增(?:运营|通车)?里程)")


_DESCRIBED = re.compile(f"(?:{_DESCRIBES.pattern})$")


def scoped(indicator: str | None, stated: list[tuple[str | None, str | None]], units: list[str]) -> str | None:
    """在校生 after 初级中学461所, 总投资 after 产业项目3800个: what describes the counted thing is scoped by it —
    the first thing counted (初级中学141所，九年一贯制学校12所，在校学生…), or the last one when the things counted
    are of different kinds (…航线14条，…港口8个，拥有航运企业20家，从业人员2.5万人)."""
    if not indicator or not stated or not _DESCRIBES.fullmatch(indicator):
        return indicator
    things = [(i, u) for (i, _), u in zip(stated, units) if i and not _DESCRIBED.search(i)]
    first = next((i for i, _ in stated if i and not _DESCRIBES.fullmatch(i)), None)
    thing = (things[-1] if things[-1][1] != things[0][1] else things[0])[0] if things else first or ""
    if _DESCRIBES.search(thing):   # 特殊教育学校招生396人，在校生2195人 (not 编制床位…，卫生技术人员…)
        thing = re.sub(f"(?:{_DESCRIBES.pattern})$", "", thing)
        thing = thing if re.search(r"(?:学校|学|园|院|机构|企业|项目)$", thing) else ""
    return thing + indicator if 2 <= len(thing) <= 12 else indicator


def sub_item(indicator: str | None, stated: list[tuple[str | None, str | None]], sentence: str,
              clause: int, count: bool = False) -> str | None:
    """省级以上工程技术研究中心363个，其中国家级2个: a level named after 其中 is a part of the thing
    counted just before (国家级工程技术研究中心); 商品零售额中，…饮料类下降13.4%, 民用轿车保有量…，其中私人
    轿车…下降3.7%: a part that names no measure takes the measure of its whole (a count of parts does not:
    在建项目1738个，其中亿元以上项目724个)."""
    if indicator and not MEASURE_WORD.search(indicator) and re.search(r"(?:类|[^的]{2,})$", indicator):
        scope = _last_scope(sentence[:sentence.find(indicator) if indicator in sentence else len(sentence)])
        part = re.match(r"\s*其中", sentence[clause:]) or re.search(r"其中\s*[：:]", sentence[:clause])
        before = sentence[clause_start(sentence, max(clause - 1, 0)):clause] if part else ""
        if part and not re.match(r"\s*其中", sentence[clause:]):
            before = sentence[:sentence.rfind("其中", 0, clause)]   # 总里程31700公里，其中：高速公路…，县道…
        named = re.search(r"(?:零售额|销售额|价格|增加值|产量|产值|投资|收入|支出|保有量)", before)
        whole = (before if named else scope.group("scope") if scope else
                 stated[-1][0] if stated and stated[-1][0] and before else "")
        if whole and not MEASURE_WORD.search(whole):
            found = re.search(r"(?:零售额|销售额|营业额|价格|增加值|产量|产值|投资|收入|支出|保有量|总额)", whole)
            whole = whole[:found.end()] if found else whole
        measure = MEASURE_WORD.search(whole or "")
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


def outcome_of(indicator: str | None, sentence: str, clause: int) -> str | None:
    """政府信息公开行政复议351件，其中结果维持72件，…，其他结果178件: a part after 其中 named only by its
    outcome or as the rest is a part of the whole counted before 其中 (政府信息公开行政复议其他结果)."""
    if not indicator or not _OUTCOME.fullmatch(indicator):
        return indicator
    wholes = list(_WHOLE_BEFORE_PARTS.finditer(sentence, 0, clause + len("其中") + 1))
    return noun_phrase(wholes[-1].group(1)) + indicator if wholes else indicator


# 其中国家级2个, （其中：民办428所）: a kind of the thing counted just before
_PART_KIND = re.compile(r"[\u4e00-\u9fff]{1,4}级|民办|公办|国有|集体|私营|个体|外资|公立|私立|民营")
# the measure words a list of products or facilities shares (粮食产量…，蔬菜2062.6万吨; 棉花总产…，蔬菜…;
# 县道里程…，乡道6820公里)
_SHARED_MEASURE = re.compile(r"(?:产量|总产|里程|面积|装机容量|用水量|用电量)$")


def with_shared_measure(indicator: str | None, q: Quantity, stated: list[tuple[str | None, str | None]],
                         units: list[str]) -> str | None:
    """蔬菜2062.6万吨 after 粮食产量1350亿斤…: an item of the same unit as an earlier figure of the
    sentence, named without a measure, is measured as that figure was (蔬菜产量)."""
    if (not indicator or len(indicator) < 2 or MEASURE_WORD.search(indicator) or q.unit in MEASURE_UNITS
            or _SHARED_MEASURE.search(indicator) or _BARE_MEASURE.fullmatch(indicator)   # 棉花总产, 单产
            or q.unit in COUNT_UNITS or not q.unit or q.unit.endswith("元")):   # money: 订单 is no 产值
        return indicator
    for (earlier, _), unit in reversed(list(zip(stated, units))):
        m = _SHARED_MEASURE.search(earlier or "")
        if m and (unit == q.unit or {unit, q.unit} <= {"吨", "斤", "公斤", "千克"}):
            return indicator + m.group(0)
    return indicator


# a measure that names no thing of its own: 秋粮播种面积…，总产量…; 风景名胜区10个，总面积…
_BARE_MEASURE = re.compile(r"总?(?:产量|产值|面积|收入|投资额?)|播种面积|单产|增加值|营业收入|营收|利润总?额?|里程|人数"
                           r"|死亡人数|受伤人数|起数|次数|件数|户数|人次|资金|(?:月|年)?人均[\u4e00-\u9fff]{0,4}?标准")
_MEASURE_END = re.compile(r"(?:播种面积|总?产量|总?产值|总?面积|单产|增加值|营业收入|利润总?额?|总?收入|投资额?|人数|里程|数量"
                          r"|起数|次数|件数|户数|人次|(?<=事故)数)$")
ROUTE = re.compile(r"(?:公路|铁路|国道|省道|县道|乡道|村道|航道|高速|地铁|轨道交通)$")
_SIBLING_MEASURE = re.compile(r"(?:增加值|零售额|销售额|产量|产值|营业收入|利润总额|保费收入|收入)$")


# 省级以上绿色工厂1210家、绿色工业园区74个: the level that opens a list of counted kinds is said of each
_LEVEL = re.compile(r"(?:国家级|省部级|省级|市级|州级|县级)(?:及?以上)?")
# 平均压减时间58%、材料52%: the change that opens a list of things changed is said of each
_DONE_TO = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:压减|减少|缩短|降低|压缩|精简|节约|提高|提升)|(?:淘汰落后|淘汰|关停|关闭|化解)(?!决)")


def with_listed_head(indicator: str | None, stated: list[tuple[str | None, str | None]], between: str) -> str | None:
    """What the first item of a list says of the one after 、 (`between`: the text from the earlier figure's
    end to this one): its level (省级以上绿色工业园区 after 省级以上绿色工厂1210家、) or its change (平均压减材料
    after 平均压减时间58%、), else `indicator`."""
    earlier = stated[-1][0] if stated and indicator else None
    listed = re.fullmatch(r"\s*、\s*([\u4e00-\u9fff]{2,16})\s*", between) if earlier else None
    if not listed or listed.group(1) != indicator:
        return indicator
    level = _LEVEL.match(earlier)
    if level and not _LEVEL.search(indicator) and indicator[:2] == earlier[level.end():level.end() + 2]:
        return level.group(0) + indicator   # (国家级示范企业1家、智能车间17家: only kinds of one family)
    done = _DONE_TO.match(earlier)
    if done and len(indicator) <= 4 and done.end() < len(earlier) and not _DONE_TO.match(indicator):
        return done.group(0) + indicator
    return indicator


# 全长3046公里的环塔克拉玛干沙漠生态屏障实现合龙: a size stated before 的 is the size of the thing after it
_SIZE = re.compile(r"全长|总长|长度|总?里程|总?面积|占地面积|建筑面积|总投资额?|总规模|总?库容|总?装机容量?")
_SIZED_THING = re.compile(r"\s*(?:以上|左右)?\s*的\s*([\u4e00-\u9fffA-Za-z“”]{2,20})")


def size_of(indicator: str | None, sentence: str, q: Quantity, subject: str | None) -> str | None:
    """环塔克拉玛干沙漠生态屏障全长 for 全长3046公里的环塔克拉玛干沙漠生态屏障, else `indicator` (also when the thing
    is the subject: 面积接近120平方千米的临港新区)."""
    sized = _SIZED_THING.match(sentence, q.end) if indicator and _SIZE.fullmatch(indicator) else None
    if not sized:
        return indicator
    thing = sized.group(1)
    stop = COUNTED_STOP.search(thing, 2)
    thing = thing[:stop.start()] if stop else thing
    return thing + indicator if len(thing) >= 2 and thing != subject else indicator


# 具身智能产业，加快突破…，引育行业领军企业5家以上。: a sentence that opens on an industry alone speaks of it
_INDUSTRY_OPENING = re.compile(r"\s*([\u4e00-\u9fffA-Za-z]{2,14}(?:产业|行业|领域))\s*[，,]")
_ACTION = re.compile(r"发展|布局|培育|壮大|打造|提升|改造|聚焦|围绕|推进|推动|加快|加速|支持|做[强优大]|实施|建设|优化|巩固"
                     r"|引进|招引|集聚|瞄准|抢占|抓住|突出|强化|深化|拓展|投向|投入|用于|占|[一二三四五六七八九十]成|^(?:如|例如|比如|以|对|在|为|从|将|把|其中|包括)")


# 做强做优“牛羊菜果薯药粮种”八大产业集群，全产业链产值超过6500亿元: the chain of the industries just named
_INDUSTRIES_BEFORE = re.compile(r"((?:[“\"][^”\"，,]{1,12}[”\"])?[\u4e00-\u9fff]{0,8}?(?:产业集群|产业))\s*[，,]\s*$")


def in_industry(indicator: str | None, sentence: str, clause: int = 0) -> str | None:
    """具身智能产业引育行业领军企业 for 引育行业领军企业 in a sentence that opens on 具身智能产业 alone, the industries
    the clause before named for their 全产业链 (`clause`: where the figure's clause starts), else `indicator`."""
    before = _INDUSTRIES_BEFORE.search(sentence, 0, clause) if indicator and indicator.startswith("全产业链") else None
    if before and len(before.group(1)) >= 4:
        return before.group(1) + indicator
    opening = _INDUSTRY_OPENING.match(sentence)
    if not indicator or not opening or _ACTION.search(opening.group(1)) or opening.group(1) in indicator:
        return indicator
    return opening.group(1) + indicator


# 加工服务业进出口总额1014亿元…；其他商业服务6210.5亿元: a kind named alone at the start of the sentence after
# one that gave a kind's measure is measured so too
_MEASURE_OF_KINDS = re.compile(r"(?:进出口总?额|出口总?额|进口总?额|零售额|销售额|营业收入|增加值|产值)$")


def with_previous_measure(indicator: str | None, q: Quantity, previous: str | None) -> str | None:
    """其他商业服务进出口总额 for 其他商业服务6210.5亿元 after a sentence on 加工服务业进出口总额 (`previous`: the
    indicator the sentence before ended on, for the sentence's first figure), else `indicator`."""
    measure = _MEASURE_OF_KINDS.search(previous or "")
    if (not measure or measure.start() < 2 or not indicator or len(indicator) < 2 or MEASURE_WORD.search(indicator)
            or MEASURE_TAIL.search(indicator) or indicator_confidence(indicator) == "low"
            or not (q.unit.endswith("元") or q.unit == "%")):
        return indicator
    return indicator + measure.group(0)


# 从…城镇化质量综合指数的多年平均值来看，在0.2~0.4之间的地州市有6个，占11.76%: the things whose value of
# the announced variable lies in a range, and their share
_IN_RANGE = re.compile(r"在\s*(?P<range>\d[\d.]*\s*[~～—\-]\s*\d[\d.]*)\s*之间的\s*(?P<noun>[\u4e00-\u9fff]{0,6}?)\s*(?:有|为|共|仅有?|只有)?\s*$")


def range_class(indicator: str | None, head: str, q: Quantity, topic: str,
                 stated: list[tuple[str | None, str | None]]) -> str | None:
    """城镇化质量综合指数的多年平均值在0.2~0.4之间的地州市 for the count (`head`: its clause up to it; `topic`:
    what the last 从…来看 announced), …占比 for the share right after it, else `indicator`."""
    found = _IN_RANGE.search(head) if topic and q.unit in COUNT_UNITS else None
    if found:
        bounds = re.sub(r"\s+", "", found.group("range"))
        return f"{topic}在{bounds}之间的{found.group('noun') or '个数'}"
    earlier = stated[-1][0] if stated and q.unit == "%" else None
    if earlier and topic and earlier.startswith(topic) and re.fullmatch(r"\s*占\s*", head):
        return earlier + "占比"
    return indicator


def with_sibling_measure(indicator: str | None, q: Quantity, stated: list[tuple[str | None, str | None]],
                          units: list[str], parts: bool = False) -> str | None:
    """再生资源循环材料增加值增长41.0%，木材加工及家具制造增长1.3%: a change of a named part after the change
    of a sibling's measure is a change of that measure (木材加工及家具制造增加值); so is a level of a part
    listed after 其中 (保费收入…，其中财产险…，人身险…)."""
    if (not indicator or len(indicator) < 2 or not stated or units[-1] != q.unit or (q.unit != "%" and not parts)
            or MEASURE_WORD.search(indicator) or MEASURE_TAIL.search(indicator) or is_generic_measure(indicator)
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
_DONE_BY = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,12}?)(?P<by>由[\u4e00-\u9fff]{1,8}?(?:实施|承担|负责|行使|办理|审批))(?=[，,。；;]|$)")
_PREDICATED_OF = re.compile(r"的(?P<var>[\u4e00-\u9fff]{2,12}?)" + PREDICATED.pattern[PREDICATED.pattern.index("(?P<adverb>"):])
# 董事会由20位来自…的权威人士构成, 科技咨询委员会主要由…的4位…专家构成: the members a body is made up of
_MADE_UP_BY = re.compile(r"(?P<body>[\u4e00-\u9fff]{2,8}?)(?:主要|则)?由[^，,。；;由]{0,24}?$")
_BODY_WITH_UNITS = re.compile(r"\s*(?:其中|而|该)?[，,]?\s*([\u4e00-\u9fff]{2,8}?)(?:下设|设有|下辖)")
_MADE_UP_OF = re.compile(r"[^，,。；;]{0,30}?(?:构成|组成)")


def members_of(indicator: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """董事会成员 for the 20位 of 董事会由20位…权威人士构成, else `indicator`."""
    if q.unit not in ("位", "名", "人"):
        return indicator
    body = _MADE_UP_BY.search(sentence, clause, q.start)
    opened = _BODY_WITH_UNITS.match(sentence) if indicator in ("成员", "人员", "工作人员", "员工") and clause > 0 else None
    if opened:   # 执行处下设战略处、运营处…等子部门，共涉及18名成员: the members of the body the sentence opens on
        return opened.group(1) + indicator
    if not body or not _MADE_UP_OF.match(sentence, q.end):
        return indicator
    return re.sub(r"^(?:其中|该|其)", "", body.group("body")) + "成员"


# 其余70.97%的省份综合技术效率均低于0.9: the share of the rest of a class, with what holds for them
_SHARE_OF_REST = re.compile(r"\s*的\s*(?P<cls>省份|省区|城市|地区|县|区县|企业|国家|地级市)(?P<prop>[^，,。；;]{2,20}?)(?=[，,。；;]|$)")


def share_of_the_rest(indicator: str | None, sentence: str, clause: int, q: Quantity) -> str | None:
    """综合技术效率低于0.9的省份占比 for 其余70.97%的省份综合技术效率均低于0.9, else `indicator`."""
    rest = _SHARE_OF_REST.match(sentence, q.end) if q.unit == "%" and re.search(r"其余\s*$", sentence[clause:q.start]) else None
    if not rest:
        return indicator
    holds = re.sub(r"(?<!人)(?:均|都|也|则)(?=低于|高于|大于|小于|超过|不足|达到|处于|在|为)", "", rest.group("prop").strip())
    return f"{holds}的{rest.group('cls')}占比"


# 在全球前24名的AI芯片企业中，英伟达…位列前三名: the field a ranking is taken over
_RANKED_OVER = re.compile(r"在([^，,。；;在]{2,30}?)中\s*[，,]?[^。；;]{0,30}?(?:位列|位居|排名|排在|排第|居第)")


def rank_field(sentence: str) -> str:
    """全球AI芯片企业 for 在全球前24名的AI芯片企业中…位列…, else ""."""
    m = _RANKED_OVER.search(sentence)
    field = re.sub(r"(?:前|后)\s*\d+\s*[名位强]\s*的?|\s+", "", m.group(1)) if m else ""
    return field if 2 <= len(field) <= 16 and not re.search(r"\d", field) else ""


# 成立支持外经贸高质量发展指挥部、出台20条举措: measures alone are those for the aim the sentence names
_MEASURES = re.compile(r"(?:出台|推出|制定)?(?:政策)?(?:举措|措施)")
_AIM = re.compile(r"(?:支持|促进|推动|推进|加快|助力|服务)[\u4e00-\u9fff]{2,12}?(?:发展|建设|转型|升级)")


def _measures_for_aim(indicator: str | None, sentence: str, q: Quantity) -> str | None:
    """支持外经贸高质量发展举措; 出台稳投资10项举措 → 稳投资举措 (the aim between the verb and the figure)."""
    if not indicator or not _MEASURES.fullmatch(indicator):
        return indicator
    measures = re.sub(r"^(?:出台|推出|制定)", "", indicator)
    named = re.search(r"(?:出台|推出|制定)([\u4e00-\u9fff]{2,8})\s*$", sentence[:q.start])
    aims = [named.group(1)] if named else _AIM.findall(sentence[:q.start])
    return f"{aims[-1]}{measures}" if aims else indicator


def counted_by_predicate(indicator: str | None, sentence: str, q: Quantity, previous: str = "") -> str | None:
    """The counted noun with the predicate its clause ends in (实现正增长的工业行业大类), for a count of those that hold it.
    `previous`: the sentence before, whose variable in another state (…的城乡高质量融合水平处于低水平阶段) is this one's."""
    indicator = _measures_for_aim(indicator, sentence, q)
    by = _DONE_BY.match(sentence, q.end) if q.unit in COUNT_UNITS and indicator else None
    if by:   # 调整316项省级行政职权由市县实施: the powers now exercised by them
        verb = re.search(r"(?:^|[，,；;])\s*([\u4e00-\u9fff]{2})\s*$", sentence[:q.start])
        return f"{verb.group(1) if verb else ''}{by.group('by')}的{by.group('noun')}"
    m = PREDICATED.match(sentence, q.end) if q.unit in COUNT_UNITS and indicator else None
    m = None if m and "的" in m.group("noun") else m   # 6个城市群的发展规划处于实施阶段: the noun's variable holds it
    of = _PREDICATED_OF.match(sentence, q.end + len(indicator)) \
        if not m and q.unit in COUNT_UNITS and indicator and sentence.startswith(indicator, q.end) else None
    if of:   # 21个省份的城乡高质量融合水平处于低水平阶段: the variable that is in the state
        return f"{of.group('var')}{of.group('verb')}{of.group('what')}的{indicator}"
    if not m or (m.group("noun") and not indicator.startswith(m.group("noun"))) or indicator in m.group("what"):
        return indicator   # 17国中有12国属于欧盟成员: the count already names what it holds
    if m.group("adverb") and not m.group("noun"):
        return indicator   # 5000个已建成自然村的…设施: a verb right after the figure describes the noun after it
    state = m.group("verb") + m.group("what")
    earlier = re.search(r"的([\u4e00-\u9fff]{2,12}?)" + re.escape(state), sentence[:q.start])
    if not earlier and m.group("verb") == "处于":   # 2009年有4个省份处于高水平和中高水平阶段 after the same variable
        earlier = ([None] + list(re.finditer(r"的([\u4e00-\u9fff]{2,12}?)处于", previous + sentence[:q.start])))[-1]
    # …，2013年有8个省份处于低水平阶段: the variable the sentence named for the same state before
    return f"{earlier.group(1) if earlier else ''}{state}的{m.group('noun') or indicator}"


# 在科尔尼评选的全球最具潜力城市排行榜中，9个国家中心城市全部入选: a count of the things a list took in
_ALL_ENTERED = re.compile(r"\s*(?:全部|均|都|也|已)?(?:入选|上榜|进入)(?=[，,。；;]|$)")
_LIST_FIELD = re.compile(r"在[^，,。；;]{0,24}?([^，,。；;的]{2,20}(?:排行榜|榜单|名单|排名))中")


def entered_list(indicator: str | None, sentence: str, q: Quantity) -> str | None:
    """入选全球最具潜力城市排行榜的国家中心城市 for 在…排行榜中，9个国家中心城市全部入选, else `indicator`."""
    counted = q.unit in COUNT_UNITS and indicator and sentence.startswith(indicator, q.end)
    entered = _ALL_ENTERED.match(sentence, q.end + len(indicator)) if counted else None
    field = list(_LIST_FIELD.finditer(sentence, 0, q.start)) if entered else []
    return f"入选{field[-1].group(1)}的{indicator}" if field else indicator


def kind_measured(indicator: str | None, q: Quantity, change: str | None, carry: Carry,
                   counted: bool = False) -> tuple[str | None, str | None]:
    """(indicator, "low" or None): a kind's change given the paragraph's measure, flagged when there is none
    (a class of goods; 私营企业69804户，增长7.3% is the change of the count just stated); a measure named
    here is kept in `carry` for the kinds after it."""
    sibling = _KIND_MEASURE.search(indicator or "")
    if sibling and q.unit == "%":
        carry.measure = sibling.group(0)
        return indicator, None
    if counted or not (indicator and q.unit == "%" and change and _KIND.search(indicator)
                       and not MEASURE_TAIL.search(indicator)):
        if change or q.unit != "%":   # 占规模以上工业比重21.9%: a share between kinds' changes keeps the measure
            carry.measure = ""
        return indicator, None
    if not carry.measure and indicator.endswith("类"):   # 全年…商品类值零售实现同比增长…。其中，…粮油食品类…增长0.3%
        stem = _MEASURE_OF_GOODS.search(carry.previous_sentence)
        carry.measure = _GOODS_MEASURE[stem.group(0)] if stem else ""
    if carry.measure:
        return indicator + carry.measure, None
    return indicator, "low" if indicator.endswith("类") else None


# what the sentence before a paragraph's classes of goods said of them
_MEASURE_OF_GOODS = re.compile(r"零售|销售|价格")
_GOODS_MEASURE = {"零售": "零售额", "销售": "销售额", "价格": "价格"}


# 年末全州…参保人数: when and where people were counted is no part of what their rate is of
_WHEN_AND_WHERE = re.compile(r"^(?:年末|年初|年底|全年)?(?:全[省市州县区盟旗])?")


# 对中东欧17国: the partners an earlier figure's measure is of (a country's investment in or trade with them)
_PARTNER_SCOPE = re.compile(r"对[^对向，,、\d]{2,12}|对[^对向，,、]{1,8}\d{1,3}国")


def _partner_scope(indicator: str, earlier: str) -> str | None:
    """The 对… scope of the earlier figure's measure when `indicator` goes on with a stem of at least
    three characters of that measure (对中东欧17国直接投资流量, 直接投资存量 → 对中东欧17国)."""
    for n in range(len(indicator), 2, -1):
        k = earlier.find(indicator[:n])
        if k > 0:
            return earlier[:k] if _PARTNER_SCOPE.fullmatch(earlier[:k]) else None
    return None


# 京津两市, 两省, 苏浙沪三地: the members of a 分别 list named together before their measure
_COLLECTIVE = re.compile(r"[\u4e00-\u9fff]{0,4}?[两二三四五六七八九]个?(?:省市|城市|地区|市|省|地|区|国)(?=[\u4e00-\u9fffA-Za-z]{2})")


def without_collective(indicator: str | None) -> str | None:
    """The measure of each member of a 分别 list whose indicator opens on the members named together
    (京津两市GDP占京津冀总GDP的比重 → GDP占京津冀总GDP的比重: the row's subject is the member)."""
    m = _COLLECTIVE.match(indicator or "")
    return indicator[m.end():] if m else indicator


def with_earlier_scope(indicator: str | None, stated: list[tuple[str | None, str | None]]) -> str | None:
    """秋粮播种面积965.10万亩，总产量394.03万吨: a bare measure after an earlier figure of the sentence
    measures the thing that figure was of (秋粮总产量; 风景名胜区10个，总面积… → 风景名胜区总面积); so does a
    measure whose qualifier or stem the earlier figure named (…备案投资亿元以上项目400个，备案投资额…; 新增长护险
    参保人数…，参保率… → 长护险参保率)."""
    earlier = stated[-1][0] if indicator and stated else None
    if not earlier:
        return indicator
    partner = _partner_scope(indicator, earlier)
    if partner:   # 对中东欧17国直接投资流量为…，直接投资存量为…: the stock is of the same partners
        return partner + indicator
    enrolled = _ENROLLED.match(indicator)
    k = earlier.find(enrolled.group(0)) if enrolled else -1
    scheme = _WHEN_AND_WHERE.sub("", earlier[:k]) if k > 0 else ""
    if len(scheme) >= 4 and not re.search(r"\d", scheme) and scheme not in indicator:
        return scheme + indicator   # 企业职工基本养老保险参保…，参保离退休人员…: those insured by the same scheme
    built = BUILT.fullmatch(indicator)
    before = BUILT.match(earlier)
    if built and before and len(earlier) - before.end() >= 2:   # 续建安置房7550套，新开工1000套以上
        return indicator + earlier[before.end():]
    done = _BUILT_LAST.search(earlier) if BUILD_STAGE.fullmatch(indicator) else None
    if done and done.start() >= 2:   # 城镇保障性住房基本建成470万套、新开工630万套
        return earlier[:done.start()] + indicator
    rate = _RATE_OF.fullmatch(indicator)
    if rate and earlier.find(rate.group("stem")) > 0 \
            and _MEASURE_END.fullmatch(earlier, earlier.find(rate.group("stem")) + len(rate.group("stem"))):
        scope = _NEWLY.sub("", _WHEN_AND_WHERE.sub("", earlier[:earlier.find(rate.group("stem"))]))
        return scope + indicator if 2 <= len(scope) <= 12 and indicator_confidence(scope) == "high" else indicator
    qualified = _QUALIFIED_MEASURE.fullmatch(indicator)
    held = _EVENTS_HELD.fullmatch(earlier) if qualified else None
    if held:   # 举办各类展会超700场、综合收入突破1000亿元: the events' revenue
        return held.group("events") + indicator
    if not (_BARE_MEASURE.fullmatch(indicator)
            or (qualified and qualified.group("qualifier") in earlier and _THINGS_COUNTED.search(earlier))):
        return indicator
    if earlier.endswith(indicator):
        return earlier   # 死亡人数39人，比上年下降4.9%: the same measure again
    end = _MEASURE_END.search(earlier)
    scope = earlier[:end.start()] if end else earlier
    if not (2 <= len(scope) <= 18) or is_generic_measure(scope) or indicator_confidence(scope) == "low" \
            or MEASURE_TAIL.search(scope) or re.search(r"[率比]$", scope):
        return indicator
    return scope + indicator


_EVENTS_HELD = re.compile(r"(?:举办|举行|承办|开展|组织)(?:各类|各种|各项)?(?P<events>[\u4e00-\u9fff]{2,8})")
_BUILT_LAST = re.compile(f"(?:{BUILD_STAGE.pattern})$")   # the stage an indicator ends with
_ENROLLED = re.compile(r"(?:参保|参合|登记|注册|备案)(?=[\u4e00-\u9fff]{2})")
_RATE_OF = re.compile(r"(?P<stem>[\u4e00-\u9fff]{2})率")
_NEWLY = re.compile(r"^(?:新增|累计|新)")
_THINGS_COUNTED = re.compile(r"(?:项目|工程|企业|园区|基地|平台)$")
_QUALIFIED_MEASURE = re.compile(r"(?P<qualifier>[\u4e00-\u9fff]{2,4}?)(?:" + _BARE_MEASURE.pattern + ")")


def with_variable(measure: str, stated: list[tuple[str | None, str | None]], sentence: str, clause: int,
                   previous_end: int, periods: list[Period], mentions: list[Mention],
                   previous_variable: str = "") -> str:
    """增速1.5% after 工业投资由降转增, 增长率为8.5% after 重庆GDP占…比重为10.4%: a bare measure takes the
    variable that the clause before names (or that the sentence's previous figure measured)."""
    join = measure if not measure.startswith("占") else measure.replace("的", "")
    lead = lead_noun_phrase(sentence, clause, previous_end, periods, mentions) if clause > previous_end else ""
    if measure == "隶属度":   # a membership degree is of the whole thing named (…的地区差距隶属度)
        whole = lead or next((i for i, _ in reversed(stated) if i and not i.endswith(measure)), None)
        return (whole or previous_variable) + measure
    if lead and not is_generic_measure(lead) and not (GAP_WORD.search(lead) and GAP_WORD.search(measure)):
        return lead if MEASURE_TAIL.search(lead) and not lead.startswith("占") else lead + measure
    distributed = _distributed_variable(sentence, clause, mentions) if measure in ("占比", "比重", "份额") else ""
    if distributed:
        return distributed + measure
    for indicator, _ in reversed(stated):
        if measure in ("增幅", "降幅", "涨幅") and re.search(r"(?:比重|占比|份额|比例)$", indicator or ""):
            return indicator + measure   # 该比重已达19.2%，增幅为1.7%: the share's change
        variable = variable_of(indicator)
        if variable:
            return _stock_of(variable, measure) + join
    opening = opening_variable(sentence, clause)
    if opening:   # 粮食总产再创历史新高，连续16年位居全国首位，增量39.7亿斤
        return opening + join
    return previous_variable + join if previous_variable else measure


# 中国服务业进出口区域分布中，东部地区占比84.8%: the places' shares are of the variable distributed
_DISTRIBUTED = re.compile(r"(?:在)?(?P<variable>[^，,。；]{2,20}?)的?(?:区域|地区|空间)(?:分布|结构|构成)中\s*[，,]?\s*$")


def _distributed_variable(sentence: str, clause: int, mentions: list[Mention]) -> str:
    """服务业进出口 of …中国服务业进出口区域分布中，东部地区占比…: what the clause before distributes over
    places, without the place it is of; "" when the clause before is no such scope."""
    if clause <= 0:
        return ""
    start = clause_start(sentence, clause - 1)
    found = _DISTRIBUTED.fullmatch(sentence, start, clause)
    if not found:
        return ""
    begin = max([found.start("variable")] + [m.end for m in mentions if start <= m.start and m.end <= found.end("variable")])
    variable = sentence[begin:found.end("variable")].strip()
    return variable if len(variable) >= 2 else ""


def _stock_of(variable: str, measure: str) -> str:
    """新登记经营主体320万户，总量达2037.7万户: a total is of all the things, not only of those added."""
    return re.sub(r"^(?:新登记|新增|新设立?|新注册|新入库|新认定)", "", variable) if measure in ("总量", "总数") else variable
