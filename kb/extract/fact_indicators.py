"""Indicator naming from clauses: `indicator_for` returns the indicator a quantity's clause names (the
catalogue and confidence of indicators are kb/extract/indicators.py), with its helpers — the noun phrase
before a figure, shares and ratios, counted nouns, scopes and measures carried from earlier clauses —
and the indicators of listed figures (`respective_indicators`, `_listed_names`).
"""
from __future__ import annotations

import re

from kb.extract.clauses import (
    COUNT_UNITS, Carry, GAP_WORD, MEASURE_UNITS, clause_start, list_groups, without_periods, paren_start)
from kb.extract.fact_periods import TO
from kb.extract.indicators import ADMIN_UNIT_NAMES, indicator_confidence, is_generic_measure
from kb.extract.numbers import Quantity
from kb.extract.periods import BEFORE_YEAR, Period
from kb.extract.places import COUNTRY_AS_MODIFIER, Mention, place_named, place_table
from kb.extract.subjects import PLACE_LIST_GAP, bracketed_measure, compared_level, counted_classes


# where a listed name ends before the figures' predicate: 高速公路|从无到有, 一般公共预算收入|4项主要经济指标
_NAME_END = re.compile(r"[\d一二两三四五六七八九十]+\s*(?:项|个|大)|从|等|这|共有|共计|(?<![人平生])均|都")
_NAME_SEP = re.compile(r"、|以及|和|及")


def respective_indicators(quantities: list[Quantity], periods: list[Period], mentions: list[Mention],
                           sentence: str, before: list[str] | None = None) -> dict[int, str]:
    """高速铁路、高速公路…运营里程分别达到A、B: the n things named before 分别 are what the n figures
    measure (with the measure named after them, when there is one); 公路里程、高速公路里程和铁路营业里程在
    2000年占全国比重为a、b、c, …到2018年上升至d、e、f: a list of n names right before n figures, and
    later runs of n figures in the sentence, too; 城乡居民人均可支配收入分别为A和B: 城镇…, 农村….
    `before` holds the names of the sentence before's list, for a run after a bare 分别 (而到了2014年，分别变
    为A、B和C); it is set to this sentence's last list, or emptied."""
    dated = without_periods(sentence, periods)
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
    earlier = list(before or [])
    for group in list_groups(quantities, sentence):
        if len(group) < 2:
            continue
        clause = clause_start(sentence, group[0].start)
        items = _listed_names(masked, sentence, clause, group) or (_topic_pair(sentence[:clause]) if len(group) == 2 else [])
        if not items and last and len(last) == len(group):
            items = last   # a later run of as many figures: the same things, in the same order
        if not items and not last and len(earlier) == len(group) and _BARE_RESPECTIVE.fullmatch(sentence[clause:group[0].start]):
            items = earlier
        if items:
            names.update({id(q): x for q, x in zip(group, items)})
            last = items
    if before is not None:
        before[:] = last
    return names


# 而到了2014年，分别变为A、B和C / 分别占a、b和c: a run that names nothing, said of the list before
_BARE_RESPECTIVE = re.compile(r"\s*(?:而|但)?(?:到了?|至)?\s*(?:[，,]\s*)?(?:则|也|又)?分别(?:变为|为|是|达到?|增至|降至|增加到|减少到|占)?\s*")


# 城乡居民收入 → 城镇居民收入, 农村居民收入: a compound naming two things that a pair of figures measure
_PAIR_COMPOUNDS = {"城乡": ("城镇", "农村"), "初高中": ("初中", "高中")}
# 在初高中的教育经费投入上，两地区的差距…分别从A和B: a pair named by the topic clause, with the gap measured
_PAIR_TOPIC = re.compile(r"在\s*((?:%s)[^，,。；;在]{2,16}?)\s*(?:上|方面)\s*[，,]" % "|".join(_PAIR_COMPOUNDS))


def _topic_pair(before: str) -> list[str]:
    """The two things a 在…上 topic with a pair compound names (初中…, 高中…), for a pair of figures after it."""
    topics = list(_PAIR_TOPIC.finditer(before))
    if not topics:
        return []
    gap = "差距" if GAP_WORD.search(before, topics[-1].end()) else ""
    return _pair_names(topics[-1].group(1).replace("的", ""), gap)


def _listed_names(masked: str, sentence: str, clause: int, group: list[Quantity]) -> list[str]:
    k = sentence.replace("依次", "分别").find("分别", clause, group[0].start)
    listed, measure = masked[clause:k if k >= 0 else group[0].start], ""
    # 装备制造产业增加值年均分别增长: how the figures change is no part of the names
    listed = re.sub(r"(?:年均|同比|环比|比上年|较上年|平均)\s*$", "", listed)
    listed = _SECTORS_SHARED.sub(_sectors_spelled, listed)
    if k < 0 and len(group) == 2:   # 城乡居民人均可支配收入差额从2000年的A和B: a pair without 分别
        return _pair_names(_noun_phrase(re.split(r"(?:从|由)", listed)[0]))
    if k < 0 and "、" not in listed:
        return []
    if k >= 0 and not _NAME_SEP.search(listed) and clause > 0 and not _pair_names(_noun_phrase(listed)):   # the list is the clause before: 高速铁路、高速公路从无到有，
        listed, measure = masked[clause_start(sentence, clause - 1):clause - 1], _noun_phrase(listed)
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
    return [(_parallel_rate(x, items[0]) or with_earlier_scope(x, [(items[0], None)]) if i else x) + measure
            for i, x in enumerate(items)]


def _parallel_rate(item: str, first: str) -> str | None:
    """市民服务热线诉求解决率、满意率: a bare rate listed after a rate of a named thing is of that thing."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{1,3}率", item) or len(first) < len(item) + 2 or not first.endswith("率") \
            or first.endswith(item):
        return None
    return first[:-len(item)] + item


# 第一、二、三产业: ordinals sharing the head after the last one
_ORDINALS_SHARED = re.compile(r"第([一二三四五六七八九十])((?:[、和及][一二三四五六七八九十])+)(产业|类|级|阶段|梯队)")


# 一二三产增加值: sectors named by their numerals, sharing 产
_SECTORS_SHARED = re.compile(r"(?<!第)([一二三])([一二三]{1,2})产(?![业品量值])")


def _sectors_spelled(m: re.Match) -> str:
    """一二三产 → 一产、二产、三产."""
    return "、".join(f"{n}产" for n in m.group(1) + m.group(2))


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
    kind = re.search(r"(?:产业|行业)(?=.{2,})", last)
    rest = last[kind.start():] if kind and kind.start() >= 2 and "产业" not in items[0] and "行业" not in items[0] \
        else last[len(items[0]):] if len(lengths) == 1 else ""   # 新材料、生物医药产业产值: the tail from 产业 on
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


def shares_of_stated(quantities: list[Quantity], sentence: str, n_stated: int) -> dict[int, int]:
    """…常住人口为A，地区生产总值为B，分别占全国的a、b: n shares right after 分别占 are those of the
    n figures stated just before; the position of each one's figure among the stated ones."""
    out: dict[int, int] = {}
    for group in list_groups(quantities, sentence):
        clause = clause_start(sentence, group[0].start)
        first = quantities.index(group[0])
        if (len(group) < 2 or first < len(group) or first > n_stated
                or not _OF_STATED.fullmatch(sentence[clause:group[0].start])):
            continue
        out.update({id(q): first - len(group) + i for i, q in enumerate(group)})
    return out


def respective_share(name: str, sentence: str, clause: int, q: Quantity) -> str:
    """The indicator of one of the figures a 分别 enumerates: the thing named, or its share of a whole
    when the figures are shares (分别占全国的)."""
    after = re.search(r"分别\s*(?:为|是|达到?)?\s*([占完][^，,\d%]{1,12}?)的?\s*(?:\d|$)", sentence[clause:q.start])
    if not after and q.unit == "%" and re.search(r"分别\s*占\s*\d[\d.%、，,和及\s]*$", sentence[:q.end]):
        return f"{name}占比"   # 较高、中等和较低质量的地州市…分别占43.14%、47.06%和5.88%: each one's share
    if not after or q.unit != "%":
        return name
    if after.group(1).startswith("完成"):   # 分别完成年度目标的56.1%: the share of the target reached
        return f"{name}{after.group(1)}的比例"
    return _as_share(name + after.group(1), None)


_LEADING = re.compile(r"^(?:凭借|依托|依靠|借助|扣除价格因素(?:影响)?后?|按可比价格计算|短短几年|几年来|多年来|近年来|近几年|力争|确保|争取|努力|[一二三四五六七八九十]是|首先|其次|再次|其中|而且|而|且|并且|并|同时|但是|但|也|均|分别|另外|此外|以及|及|和(?![美谐平])|与|从而|进而|使得?"
                      r"|推动|带动|促进|实现|完成|共有|拥有|每年|共计|共(?![济享建治识])|有效地|有效(?=[推促提降带解保缓遏防将把使])|有(?![效色机关线])|全年|累计|当年|同年|全部|总计|合计|的|在(?![校职岗建读园])(?![\u4e00-\u9fff](?:就业|务工|投资|创业|居住|学习|工作))"
                      r"|达到|将(?!来)|把|成功地?|跻身|位列|位居|甚至|建议(?=[^，,]{4,})|再(?!生|制造|就业)|又|还|约(?![束定])|仅|只有|截至|截止到?|到(?!达)|至(?!少)|包括"
                      r"|即|其(?![他余次])|该|这里|那里|这一?|各(?![类项级种])|之?后|相应的?|(?:两者|二者|彼此|相互)?之间的?|随后|目前|当前|现有|含(?!量)|\d+年间|等(?!外级)(?:城市|地区|国家|省份|省区)?的?|[、，,：:；;）)（(\s])+")
_TRAILING = re.compile(r"(?:(?:控制|稳定|保持|维持)在|处于|接连|先后|相继|连续|(?:目标)?(?:设定|确定)为?|力争|确保|争取|努力|首次|再次|全部|年均|实现|依次|保持|(?:一般|通常|大多|大都)在|实际|名义|累计完成|完成|已经|已然|平均为|平均|分别为|分别是|分别|为|是|达到了?|达|约为|约|共计|共|有|了|则|仍|已|均|也"
                       r"|都|就|只有|仅为|仅|占|的|期间|其实|虽然|虽|尽管|(?<![集高初])中|迈上了?|迈入|跨上|登上|站上|(?<![名大老主])将(?:会|要)?|：|:|\s)+$")
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
# 619项政务服务事项, 58家企业在…: the noun a count classifier counts
_COUNTED = re.compile(r"[“\"]?(?P<noun>[\u4e00-\u9fffA-Za-z]{1,16})")
_COUNTED_STOP = re.compile(r"全部|全面|建设|开诊|运营|加快|投入|落地|开工|开展|实施|推进|的|在(?![建营运])|被|是|为(?!民)|(?<![高初集小城])中(?![心医国药小学])|(?<!公)共(?![性享建治同体])|已|均|都|也|将|和(?![美谐平])|与|及|等|实现|获得|(?<![收捕斩俘查破新])获(?![得评批奖])|参与|进行|成为|入选|分别|主要|之间"
                           r"|没有|未(?!来)|有|通过|落实|进入|挂牌|显著|完成|达到|提供|形成|覆盖|建成|包括|以上|左右|值得|得到|增|减(?![碳排])|提|(?<!节能)降(?!碳)|上升|扩|缩"
                           r"|到|至|占|比|较|相|同比|(?<![独定安聚移寄旅宜])居(?![民住家室所])|(?<![省市县区])列|排|分散|分布|延伸|辐射|连接|贯通|组成|构成|作为")
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
    phrase = re.sub(r"\s+", "", _without(phrase, phrase_start, periods, mentions, owner))
    phrase = _strip_qualifier(phrase, q)
    occupies = re.search(r"占(?:到了?|了)?\s*$", phrase) is not None
    beyond = _NOT_BEYOND.search(_TRAILING.sub("", phrase))
    of_whole = re.fullmatch(r"不(?:低于|少于|高于|超过|多于|大于|小于)([^，,\d]{2,12}?)的?", beyond.group(0)) \
        if beyond and q.unit == "%" else None   # …项目数不低于总立项数的90%: the share of that whole
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
    phrase = _with_partner(gap_to_place(_noun_phrase(phrase), sentence[clause:q.start]), sentence[clause:q.start])
    done = _DONE_THEN.fullmatch(phrase or "")
    if done:   # 省级部门运维实现集中管理、经费下降28%: the topic's own measure after what it achieved
        phrase = done.group("topic") + done.group("measure")
    total = re.fullmatch(r"(.{2,12}?)、(总数|总量|累计)", phrase or "")
    if total:   # 28人当选“中国好人”、总数207人
        phrase = f"{total.group(1)}{total.group(2)}"
    # 成功实现了619项政务服务事项: what a count classifier counts is the noun after it
    phrase = (_people_served(sentence, max(clause, previous_end), q) or _launched(phrase, counted_noun(sentence, q))
              or _area_of(phrase, sentence, q) or ("" if _BARE_VERB.fullmatch(phrase) else phrase) or _share_noun(sentence, q))
    if not phrase and clause > previous_end:
        phrase = gap_to_place(_lead_noun_phrase(sentence, clause, previous_end, periods, mentions), sentence)
    met = _MET.fullmatch(phrase or "") if q.unit == "%" and clause > previous_end else None
    need = _NEED_MET.match(sentence, q.end) if met else None
    lead = _lead_noun_phrase(sentence, clause, previous_end, periods, mentions) if need else ""
    if lead:   # 公共交通在城市交通结构中占主导，能够满足75%—80%的日常通勤需求
        return f"{lead}{met.group(1)}{need.group(1)}的比重", change
    if q.unit == "%" and phrase:
        # 二是轨道交通在公共交通中占主导，占公共交通的75%: a share alone takes the thing the clause before names
        lead = _lead_noun_phrase(sentence, clause, previous_end, periods, mentions) \
            if clause > previous_end and phrase.startswith("占") else ""
        phrase = _as_share(phrase, lead or carry.indicator, bool(lead))
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
    taken = of.group(1) if of else _noun_phrase(re.sub(r"的\s*$", "", sentence[given.end():q.start])) if given else ""
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
        phrase = _opening_variable(sentence, clause)   # 全省生产总值连续跨越…三个大台阶，年均增长5.9%
    if of_whole and phrase and "占" not in phrase:
        phrase = f"{phrase}占{of_whole.group(1)}的比重"
    phrase = _task_of_programme(sentence, clause, q) \
        or _provided_for(_of_programme(_trains_run(phrase, sentence, q), sentence), sentence, clause, q)
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
_PROGRAM_BEFORE = re.compile(r"(?:推进|实施|开展|推动)\s*([^，,。；;]{2,16}?)\s*[，,]\s*(?:完成|实现)?\s*$")


def _area_of_action_before(sentence: str, clause: int, q: Quantity, phrase: str | None) -> str | None:
    """有序推进耕地下山、林地上山，完成置换63万亩: a bare action's area is that of the programme the clause
    before pursues (耕地下山、林地上山置换面积)."""
    if q.unit not in _AREA_UNITS or not phrase or not re.fullmatch(r"[\u4e00-\u9fff]{2}", phrase) \
            or not re.search(r"(?:完成|实现)\s*" + phrase + r"\s*$", sentence[clause:q.start]):
        return None
    m = _PROGRAM_BEFORE.search(sentence, 0, clause)
    return f"{m.group(1)}{phrase}面积" if m and m.end() == clause else None


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
        giver = _noun_phrase(re.sub(r"\s+", "", _without(sentence[start:v.start()], start, periods, mentions, None)))
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


# 国际友城和外国驻穗总领馆分别增至214对和: a run of figures whose first ones were not read, cut before this one
_RESPECTIVE_RUN_ON = re.compile(r"(?P<names>[^，,。；;分]+?)分别(?P<verb>[^\d，,。；;]{0,4})(?P<figures>(?:\d+(?:\.\d+)?[^、和及与\d]{0,3}[、和及与])+)")


def respective_run_on(phrase: str | None) -> str | None:
    """外国驻穗总领馆 for 国际友城和外国驻穗总领馆分别增至214对和 (the n-th name for the n-th figure; PM10平均浓度下降
    for PM2.5、PM10平均浓度分别下降22.5%和), else `phrase`."""
    m = _RESPECTIVE_RUN_ON.fullmatch(phrase or "")
    if not m:
        return phrase
    names = re.split(r"[、和及与]", m.group("names"))
    k = len(re.findall(r"[、和及与]", m.group("figures")))
    level = re.fullmatch(r"(?:增至|降至|达到?|为|是|有)?", m.group("verb"))   # 分别下降22.5%和: the change stays named
    return names[k] + ("" if level else m.group("verb")) if k < len(names) and len(names[k]) >= 2 else phrase


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
    phrase = re.sub(r"(?:一般|通常|大多|大都|基本)?在(?=(?:半径|直径|距离|范围)$)", "", phrase)   # 地铁运营范围一般在半径15千米以内
    phrase = _unquoted_ends(_TRAILING.sub("", phrase).strip("《》()（）、，, "))
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
# what a part names when it names no measure of its own: 饮料类, 衣着, 私人轿车
_MEASURE_WORD = re.compile(r"(?:零售额|销售额|营业额|价格|增加值|产量|产值|投资|收入|支出|保有量|总额|人数|面积|余额|里程|警情|"
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
    whole = re.sub(r"\s+", "", _without(scope.group("scope"), scope.start("scope"), periods, mentions, None))
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
    if indicator and not _MEASURE_WORD.search(indicator) and re.search(r"(?:类|[^的]{2,})$", indicator):
        scope = _last_scope(sentence[:sentence.find(indicator) if indicator in sentence else len(sentence)])
        part = re.match(r"\s*其中", sentence[clause:]) or re.search(r"其中\s*[：:]", sentence[:clause])
        before = sentence[clause_start(sentence, max(clause - 1, 0)):clause] if part else ""
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


def outcome_of(indicator: str | None, sentence: str, clause: int) -> str | None:
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


def with_shared_measure(indicator: str | None, q: Quantity, stated: list[tuple[str | None, str | None]],
                         units: list[str]) -> str | None:
    """蔬菜2062.6万吨 after 粮食产量1350亿斤…: an item of the same unit as an earlier figure of the
    sentence, named without a measure, is measured as that figure was (蔬菜产量)."""
    if (not indicator or len(indicator) < 2 or _MEASURE_WORD.search(indicator) or q.unit in MEASURE_UNITS
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
_DONE_TO = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:压减|减少|缩短|降低|压缩|精简|节约|提高|提升)")


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
    stop = _COUNTED_STOP.search(thing, 2)
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
    if (not measure or measure.start() < 2 or not indicator or len(indicator) < 2 or _MEASURE_WORD.search(indicator)
            or _MEASURE_TAIL.search(indicator) or indicator_confidence(indicator) == "low"
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
# 31个工业行业大类中有18个实现正增长, 有8个省份处于高水平和中高水平阶段, 210项关键核心技术获得突破,
# 243个重点项目建成投产, 179个重大项目开工: what is counted is the things the predicate after the figure holds for
_PREDICATED = re.compile(r"(?P<noun>[\u4e00-\u9fff]{0,8}?)(?P<adverb>陆续|相继|先后|全部|均|已经?|都|率先)?"
                         r"(?P<verb>实现|处于|位于|属于|获得|取得|建成|竣工|投产|开工|交付)"
                         r"(?P<what>[^，,。；;、\d“”\"]{2,12}|[“\"][^，,。；;、\d“”\"]{2,12}[”\"]|(?<=开工|竣工|投产|交付))(?=[，,。；;、]|$)")
_DONE_BY = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,12}?)(?P<by>由[\u4e00-\u9fff]{1,8}?(?:实施|承担|负责|行使|办理|审批))(?=[，,。；;]|$)")
_PREDICATED_OF = re.compile(r"的(?P<var>[\u4e00-\u9fff]{2,12}?)" + _PREDICATED.pattern[_PREDICATED.pattern.index("(?P<adverb>"):])
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
    m = _PREDICATED.match(sentence, q.end) if q.unit in COUNT_UNITS and indicator else None
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
                       and not _MEASURE_TAIL.search(indicator)):
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
    built = _BUILT.fullmatch(indicator)
    before = _BUILT.match(earlier)
    if built and before and len(earlier) - before.end() >= 2:   # 续建安置房7550套，新开工1000套以上
        return indicator + earlier[before.end():]
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
            or _MEASURE_TAIL.search(scope) or re.search(r"[率比]$", scope):
        return indicator
    return scope + indicator


_EVENTS_HELD = re.compile(r"(?:举办|举行|承办|开展|组织)(?:各类|各种|各项)?(?P<events>[\u4e00-\u9fff]{2,8})")
_BUILT = re.compile(r"(?:新开工|开工|续建|新建|建成|竣工|开建|交付|筹集|分配)")
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
    lead = _lead_noun_phrase(sentence, clause, previous_end, periods, mentions) if clause > previous_end else ""
    if measure == "隶属度":   # a membership degree is of the whole thing named (…的地区差距隶属度)
        whole = lead or next((i for i, _ in reversed(stated) if i and not i.endswith(measure)), None)
        return (whole or previous_variable) + measure
    if lead and not is_generic_measure(lead) and not (GAP_WORD.search(lead) and GAP_WORD.search(measure)):
        return lead if _MEASURE_TAIL.search(lead) and not lead.startswith("占") else lead + measure
    distributed = _distributed_variable(sentence, clause, mentions) if measure in ("占比", "比重", "份额") else ""
    if distributed:
        return distributed + measure
    for indicator, _ in reversed(stated):
        if measure in ("增幅", "降幅", "涨幅") and re.search(r"(?:比重|占比|份额|比例)$", indicator or ""):
            return indicator + measure   # 该比重已达19.2%，增幅为1.7%: the share's change
        variable = variable_of(indicator)
        if variable:
            return _stock_of(variable, measure) + join
    opening = _opening_variable(sentence, clause)
    if opening:   # 粮食总产再创历史新高，连续16年位居全国首位，增量39.7亿斤
        return opening + join
    return previous_variable + join if previous_variable else measure


# 粮食总产再创历史新高: the variable a sentence opens with, before what it did
_OPENING_VERB = re.compile(r"再创|创下?|实现|保持|稳居|位居|连续|突破|持续|首次|迈上|跃居|跨越|(?:总体上?|整体上?)?呈现出?")


def _opening_variable(sentence: str, clause: int) -> str:
    """The variable the sentence's first clause (without figures, before the figure's clause) names before
    its verb; "" when there is none."""
    first = re.match(r"[^，,；;：:]{2,40}", sentence)
    if not first or first.end() >= clause:
        return ""
    verb = _OPENING_VERB.search(first.group(0))
    noun = _noun_phrase(re.sub(r"^\s*(?:19|20)\d{2}\s*(?:[—–-]\s*(?:19|20)\d{2}\s*)?年(?:间)?", "",
                               first.group(0)[:verb.start()])) if verb else ""   # (2003—2018年…的Theil指数)
    return noun if (2 <= len(noun) <= (24 if "的" in noun else 12) and not re.search(r"\d", noun) and not is_generic_measure(noun)
                    and not is_generic_measure(noun.split("的")[-1]) and not GAP_WORD.search(noun)
                    and indicator_confidence(noun) == "high") else ""


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


def variable_of(indicator: str | None) -> str:
    """城乡居民人均可支配收入 of 城乡居民人均可支配收入差额: what an indicator measures, without its measure word
    and the whole it was measured in (财政收入在全国的占比 → 财政收入); "" when it is generic or a fragment."""
    variable = _MEASURE_TAIL.sub("", indicator or "")
    variable = re.sub(r"(?:在|于)(?:全国|全省|全市|全区|全球|世界)中?的?$", "", variable)
    if len(variable) < 2 or is_generic_measure(variable) or indicator_confidence(variable) == "low":
        return ""
    return variable


def _lead_noun_phrase(sentence: str, clause: int, previous_end: int, periods: list[Period],
                      mentions: list[Mention]) -> str:
    before = max(clause_start(sentence, clause - 1), previous_end)
    text = re.sub(r"\s+", "", _without(sentence[before:clause], before, periods, mentions, None))
    text = re.sub(r"[（(][^（()）]*[）)]", "", text)   # a note in brackets （下同，均为名义增长） names nothing
    text = re.sub(r"^[一二三四五六七八九十]是", "", text)   # 二是轨道交通在…占主导: an enumerator's 是 is no predicate
    text = text[:_PREDICATE.search(text).start()] if _PREDICATE.search(text) else ""
    # 深圳、东莞…等市的国土开发强度已超过30%…，其中深圳已超过50%: the measure after the places' 的
    text = re.sub(r"^[、\s]*等?(?:市|省|区|县|国|城市|地区|省份|省区|国家)的(?=[\u4e00-\u9fff]{2})", "", text)
    phrase = _noun_phrase(text)
    longest = 24 if "、" in phrase else 16   # 城市人均道路面积、万人医疗机构床位数也增长较快: a list of variables
    return phrase if 2 <= len(phrase) <= longest and not re.search(r"可知|看出|[表图]\s*\d", phrase) else ""


def counted_length(sentence: str, q: Quantity) -> int:
    """How far the noun a count counts runs after it (新建5个紧密型城市医疗集团、区级覆盖率…), so the
    next figure's indicator starts after it."""
    noun = counted_noun(sentence, q)
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
    if not people or _PREDICATED.match(sentence, people.start()):
        return None   # 帮扶7.2万名就业困难人员实现就业: counted by what holds for them (counted_by_predicate)
    if served.group("for"):
        done = _DONE_FOR.match(sentence, people.end())
        return f"{done.group(0)}的{people.group(0)}" if done else None
    by = _noun_phrase(sentence[start:served.start()])
    reached = _REACHED_BEFORE.match(sentence, clause_start(sentence, start - 1)) if not by and start > 0 else None
    if reached and reached.end() < start:   # 陇原绿电通达大江南北，惠及26个省份: what reached them is the clause before's
        by = reached.group(1)
    return f"{by if 2 <= len(by) <= 16 else ''}{served.group('verb')}的{people.group(0)}"


# 12国是欧盟成员, 27座城市入选全球最具影响力城市: what the counted things are, or entered
_COUNTED_AS = re.compile(r"\s*(?:已|均|都)?(?:是|为|属于|拥有)([\u4e00-\u9fff]{2,8}?)(?:身份|资格)?(?=[，,。；;、]|$)")
_ENTERED = re.compile(r"(入选|进入|入围|获评|获批|荣获|跻身|挂牌|获)([^，,。；;、]{2,14}?)(?=[，,。；;、]|$)")
_RANK_ENTERED = re.compile(r"(?:排名|排位|位次)(?:进入|跻身|位列|位居|保持)[^，,。；;、]{2,12}?(?=[，,。；;、]|$)")
_IN_PROGRAMME = re.compile(r"[“\"][^”\"，,。；;]{2,10}[”\"](?:创建|建设|试点|示范)(?=[\u4e00-\u9fff]{0,8}?(?:推进|开展|实施|启动|进行))")
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


# 巩固提升80万亩蔬菜应急保供基地: an area after a verb alone is the area of the land that follows it
_AREA_UNITS = {"亩", "公顷", "平方公里", "平方千米", "平方米"}
_WORKED_ON = re.compile(r"(?:巩固|提升|新建|建设|改造|完成|实施|推广|发展|建成|新增|打造|治理|修复|种植|恢复|整治|高标准)+")


def _area_of(before: str, sentence: str, q: Quantity) -> str | None:
    """蔬菜应急保供基地面积 for the 80万亩 of 巩固提升80万亩蔬菜应急保供基地 (`before`: the clause up to the figure)."""
    if q.unit not in _AREA_UNITS or (before and not _WORKED_ON.fullmatch(before)):   # (or nothing: 116.7万亩高标准农田…)
        return None
    m = _COUNTED.match(sentence, q.end)
    noun = m.group("noun") if m else ""
    stop = _COUNTED_STOP.search(noun)
    noun = noun[:stop.start()] if stop else noun
    return noun + "面积" if len(noun) >= 2 and not noun.endswith("面积") else None


# 分批启动100个片区组团: a count of things started or signed is of that event, not of all such things
_LAUNCH = re.compile(r"新?(?:启动|开工|签约|谋划|储备|推出|上线)$|(?:提出|规划|计划|拟)建设$")
# 改造50个老旧小区, 解危2400套危房: things that existed, counted as what was done to them (not their stock)
_ACTED_ON = re.compile(r"(?:提升)?改造|解危|整治|拆除|淘汰|关停|治理|修复|消除|化解|清理|处置|腾退|搬迁|撤并|维修|加固|翻新|盘活")


def _launched(before: str, noun: str | None) -> str | None:
    """启动片区组团 for the 100个 of 分批启动100个片区组团 (`before`: the clause up to the figure), else `noun`."""
    verb = (_LAUNCH.search(before) or _ACTED_ON.fullmatch(before)) if noun else None
    return verb.group(0) + noun if verb and not noun.startswith(verb.group(0)) else noun


_KINDS_LISTED = re.compile(r"[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+等[\u4e00-\u9fff]{2,4}(?=[，,。；;]|$)")


_LIMITED_CLASS = re.compile(r"\s*((?:海拔|人口|面积|规模|年产)\s*\d+(?:\.\d+)?\s*(?:万|亿)?\s*[\u4e00-\u9fff]{1,3}?(?:及)?以[上下]"
                            r"[\u4e00-\u9fff]{2,12}?)(?=建设|实施|开展|完成|实现|[，,。；;、]|$)")


# 12个百亿元、70个30亿元以上项目: a count of things of a money size; the things are named after the last size
_MONEY_SIZE = r"(?:\d+(?:\.\d+)?\s*)?[十百千万亿]*亿元(?:级|以上)?"
_SIZE_CLASS = re.compile(rf"\s*({_MONEY_SIZE})(?:\s*[、和及]\s*\d+\s*[个家项]\s*{_MONEY_SIZE})*\s*(项目|工程|企业|产业集群|集群)")


def counted_noun(sentence: str, q: Quantity) -> str | None:
    if q.unit not in COUNT_UNITS or abs(q.value - round(q.value)) > 1e-6:   # 23.25张 is an average, not a count
        return None
    named = _COUNTED_AS.match(sentence, q.end) if q.unit == "国" else None
    if named:
        return named.group(1)
    listed = _KINDS_LISTED.match(sentence, q.end)
    if listed:   # 5000场次专题教育、家长课堂等活动: the count is of all the kinds listed
        return listed.group(0)
    skip = re.match(r"\s*[（(][^）)]{1,4}[)）]", sentence[q.end:])   # 100条（个）幸福河湖
    quoted = _QUOTED_INSIDE.match(sentence, q.end)
    if quoted:   # 20家省级“两业”融合标杆企业, 1000个农村“水盆子”项目
        return quoted.group(0)
    sized = _SIZE_CLASS.match(sentence, q.end)
    if sized:   # 12个百亿元、70个30亿元以上项目: projects of a size, the head named once after the list
        return re.sub(r"\s+", "", sized.group(1)) + sized.group(2)
    limited = _LIMITED_CLASS.match(sentence, q.end)
    if limited:   # 100所海拔1500米以上农村中小学幼儿园: the things a size limit delimits
        return re.sub(r"\s+", "", limited.group(1))
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
    place = place_table()[1].match(noun)
    if place and place_named(place.group(0)).kind == "category" and not _THING_AFTER.match(noun, place.end()):
        return re.sub(r"\s+", "", place.group(0))   # 156家国家高新区的园区生产总值, …拥有: the class counted
    if place and (place.end() == len(noun) or (noun[place.end()] != "的" and _COUNTED_STOP.match(noun, place.end()))):
        noun = noun[:place.end()]   # 在全国9个国家中心城市中: the class ends where the clause goes on
    if place and place_named(noun[:place.end()]).kind in ("region", "category", "generic", "zone") \
            and noun[:place.end()][-2:] in ("城市", "地区", "城市群", "片区", "新区") \
            and (place.end() == len(noun) or place.end() >= 4 and noun[place.end()] != "的"):
        return noun[:place.end()]   # 在全国9个国家中心城市中, 9个国家中心城市常住人口合计…: a count of a class of places
    named_thing = place and place_named(place.group(0)).kind == "category" and _THING_AFTER.match(noun, place.end())
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
        if inside and ends and 2 <= len(head) <= 8:   # 密集运输网络覆盖的亚欧站点: what covers the things counted
            verb = re.match(_RELATIVE_VERB.pattern.split(")")[0] + ")", inside.group(0)).group(0)
            return f"{head}{verb}的{inside.group(0)[len(verb):]}{noun[:stop.start()]}"
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
    ranked = _RANK_ENTERED.match(sentence, m.start("noun") + len(noun)) if 2 <= len(noun) <= 12 else None
    if ranked:   # 2家经济技术开发区排名进入全国前10: the things counted by where their ranking got
        return f"{ranked.group(0)}的{noun}"
    named = _IN_PROGRAMME.match(sentence, m.start("noun") + len(noun)) if 2 <= len(noun) <= 8 else None
    if named:   # 7所高校“双一流”创建深入推进: the things taking part in the programme named after them
        return f"{named.group(0)}{noun}"
    ends = m.start("noun") + len(noun)
    # 47项经验、深圳综合改革试点48项经验获全国推广: later items of the list count the same things, the predicate holds for all
    same = re.match(r"(?:、[^，,。；;、\d]{0,20}?\d+(?:\.\d+)?\s*" + re.escape(q.unit) + re.escape(noun) + ")+", sentence[ends:]) \
        if len(noun) >= 2 else None
    entered = _ENTERED.match(sentence, ends + (same.end() if same else 0)) if len(noun) >= 2 else None
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


def _as_share(phrase: str, previous: str | None, lead: bool = False) -> str:
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
    phrase = _without(m.group(group), m.start(group), periods, mentions, None)
    phrase = _noun_phrase(re.sub(r"^(?:各省份|各省区|各省|各地区|各城市|各地)", "", phrase))
    return phrase if len(phrase) >= 2 and phrase not in _NOT_TOPIC else None


def _without(phrase: str, offset: int, periods: list[Period], mentions: list[Mention],
             owner: Mention | None) -> str:
    """The phrase with period expressions removed and the subject (with what precedes it) cut off."""
    chars = list(phrase)
    for p in periods:
        deadline = BEFORE_YEAR.match(phrase, p.end - offset) if 0 <= p.end - offset < len(phrase) else None
        end = deadline.end() + offset if deadline else p.end   # 2030年前新增风电装机: the 前 goes with its year
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
