"""Listed items and their respective figures: `respective_indicators` names the n figures after a list of
n things (高速铁路、高速公路…分别达到A、B), `shares_of_stated` and `respective_share` the shares a 分别占
run states of them, and `respective_run_on` the n-th name for a run whose first figures were not read.
"""
from __future__ import annotations

import re

from kb.extract.clauses import GAP_WORD, clause_start, list_groups, without_periods
from kb.extract.fact_indicators import TRAILING, as_share, noun_phrase
from kb.extract.fact_scopes import MEASURE_WORD, with_earlier_scope
from kb.extract.numbers import Quantity
from kb.extract.periods import Period
from kb.extract.places import Mention


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
    listed = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:要|将|拟)\s*$", "", listed)   # 氨氮排放量要分别下降: no part of the name
    listed = _SECTORS_SHARED.sub(_sectors_spelled, listed)
    if k < 0 and len(group) == 2:   # 城乡居民人均可支配收入差额从2000年的A和B: a pair without 分别
        return _pair_names(noun_phrase(re.split(r"(?:从|由)", listed)[0]))
    if k < 0 and "、" not in listed:
        return []
    if k >= 0 and not _NAME_SEP.search(listed) and clause > 0 and not _pair_names(noun_phrase(listed)):   # the list is the clause before: 高速铁路、高速公路从无到有，
        listed, measure = masked[clause_start(sentence, clause - 1):clause - 1], noun_phrase(listed)
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
    items = [noun_phrase(x) if i == 0 else TRAILING.sub("", re.sub(r"\s+", "", x)).strip("“”\"")
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


def measure_shared(items: list[str]) -> list[str]:
    """新能源汽车、集成电路、工业机器人产量; 二氧化硫、氮氧化物排放量: the measure word (two characters at
    least) ending the last item is every item's, when none of the others names a measure."""
    measure = MEASURE_WORD.search(items[-1])
    if measure and len(measure.group(0)) >= 2 and not any(MEASURE_WORD.search(x) for x in items[:-1]):
        return [x + measure.group(0) for x in items[:-1]] + [items[-1]]
    return items


def _shared_tail(items: list[str]) -> list[str]:
    """医疗保险、养老保险和失业保险参保人数占全国的比重: what follows the last item's name (its common
    ending with the others, 保险) is said of every item."""
    ending = _common_suffix(items[:-1])[-2:]
    last = items[-1]
    at = last.find(ending) if ending else -1
    lengths = {len(x) for x in items[:-1]}
    kind = re.search(r"(?:产业|行业)(?=.{2,})", last)
    rest = last[kind.start():] if kind and kind.start() >= 2 and "产业" not in items[0] and "行业" not in items[0] \
        else last[len(items[0]):] if len(lengths) == 1 else ""   # 新材料、生物医药产业产值: the tail from 产业 on
    if at < 0 and len(rest) >= 4 and MEASURE_WORD.search(rest) and not any(MEASURE_WORD.search(x) for x in items[:-1]):
        return [x + rest for x in items[:-1]] + [last]   # 城市、县城建成区面积
    if at < 0 and lengths <= {2, 3} and "的" in rest[1:] and len(rest) >= 4:
        return [x + rest for x in items[:-1]] + [last]   # 较高、中等和较低质量的地州市: grades of one class
    shared = measure_shared(items) if at < 0 else items
    if shared != items:
        return shared   # 新能源汽车、集成电路、工业机器人产量
    said = _SAID_OF_ITEMS.search(last, 2)
    if at < 0 and said and not any(_SAID_OF_ITEMS.search(x) for x in items[:-1]) \
            and (said.group("flow") or MEASURE_WORD.search(last)):
        tail = last[said.start():]   # 非洲、欧洲出口; 新增能耗、新增工业用地支持民间投资项目比重
        return [x + tail for x in items[:-1]] + [last]
    head = next((w for w in _SCOPE_WORDS if last.startswith(w)), "")
    if at < 0 and head and all(x in _SCOPE_WORDS for x in items[:-1]):   # 城镇、农村居民人均可支配收入
        at, ending = 0, head
    if at < 0 or at + len(ending) >= len(last):
        return items
    head, tail = last[:at + len(ending)], noun_phrase(last[at + len(ending):])
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
    return as_share(name + after.group(1), None)


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
