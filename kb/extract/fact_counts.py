"""Counted nouns: `counted_noun` returns what a count classifier counts (619项政务服务事项 → 政务服务事项),
with the predicate, list or size class that delimits the things counted (入选…的城市, 海拔1500米以上…),
and `counted_length` how far that noun runs after the figure; the land an area is of (`area_of`), things
launched or acted on (`launched`) and the things a share is of (`share_noun`).
"""
from __future__ import annotations

import re

from kb.extract.clauses import COUNT_UNITS
from kb.extract.indicators import ADMIN_UNIT_NAMES
from kb.extract.numbers import Quantity
from kb.extract.places import place_named, place_table


# 619项政务服务事项, 58家企业在…: the noun a count classifier counts
_COUNTED = re.compile(r"[“\"]?(?P<noun>[\u4e00-\u9fffA-Za-z]{1,16})")
COUNTED_STOP = re.compile(r"全部|全面|建设|开诊|运营|加快|投入|落地|开工|开展|实施|推进|的|在(?![建营运])|被|是|为(?!民)|(?<![高初集小城])中(?![心医国药小学])|(?<!公)共(?![性享建治同体])|已|均|都|也|将|和(?![美谐平])|与|及|等|实现|获得|(?<![收捕斩俘查破新])获(?![得评批奖])|参与|进行|成为|入选|分别|主要|之间"
                          r"|没有|未(?!来)|有|通过|落实|进入|挂牌|显著|完成|达到|提供|形成|覆盖|建成|包括|以上|左右|值得|得到|增|减(?![碳排])|提|(?<!节能)降(?!碳)|上升|扩|缩"
                          r"|到|至|占|比|较|相|同比|(?<![独定安聚移寄旅宜])居(?![民住家室所])|(?<![省市县区])列|排|分散|分布|延伸|辐射|连接|贯通|组成|构成|作为")
# 31个工业行业大类中有18个实现正增长, 有8个省份处于高水平和中高水平阶段, 210项关键核心技术获得突破,
# 243个重点项目建成投产, 179个重大项目开工: what is counted is the things the predicate after the figure holds for
PREDICATED = re.compile(r"(?P<noun>[\u4e00-\u9fff]{0,8}?)(?P<adverb>陆续|相继|先后|全部|均|已经?|都|率先)?"
                        r"(?P<verb>实现|处于|位于|属于|获得|取得|建成|竣工|投产|开工|交付)"
                        r"(?P<what>[^，,。；;、\d“”\"]{2,12}|[“\"][^，,。；;、\d“”\"]{2,12}[”\"]|(?<=开工|竣工|投产|交付))(?=[，,。；;、]|$)")


def counted_length(sentence: str, q: Quantity) -> int:
    """How far the noun a count counts runs after it (新建5个紧密型城市医疗集团、区级覆盖率…), so the
    next figure's indicator starts after it."""
    noun = counted_noun(sentence, q)
    at = sentence.find(noun, q.end) if noun else -1
    if at < 0 or re.match(r"[\u4e00-\u9fffA-Za-z0-9]", sentence[at + len(noun):at + len(noun) + 1]):
        return 0   # the noun was cut from a longer phrase (…发放资助金5637.2万元): keep the phrase whole
    return at + len(noun) - q.end


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
AREA_UNITS = {"亩", "公顷", "平方公里", "平方千米", "平方米"}
_WORKED_ON = re.compile(r"(?:巩固|提升|新建|建设|改造|完成|实施|推广|发展|建成|新增|打造|治理|修复|种植|恢复|整治|高标准)+")


def area_of(before: str, sentence: str, q: Quantity) -> str | None:
    """蔬菜应急保供基地面积 for the 80万亩 of 巩固提升80万亩蔬菜应急保供基地 (`before`: the clause up to the figure)."""
    if q.unit not in AREA_UNITS or (before and not _WORKED_ON.fullmatch(before)):   # (or nothing: 116.7万亩高标准农田…)
        return None
    m = _COUNTED.match(sentence, q.end)
    noun = m.group("noun") if m else ""
    stop = COUNTED_STOP.search(noun)
    noun = noun[:stop.start()] if stop else noun
    return noun + "面积" if len(noun) >= 2 and not noun.endswith("面积") else None


# 分批启动100个片区组团: a count of things started or signed is of that event, not of all such things
_LAUNCH = re.compile(r"新?(?:启动|开工|签约|谋划|储备|推出|上线)$|(?:提出|规划|计划|拟)建设$")
# 改造50个老旧小区, 解危2400套危房: things that existed, counted as what was done to them (not their stock)
_ACTED_ON = re.compile(r"(?:提升)?改造|解危|整治|拆除|淘汰|关停|治理|修复|消除|化解|清理|处置|腾退|搬迁|撤并|维修|加固|翻新|盘活")


def launched(before: str, noun: str | None) -> str | None:
    """启动片区组团 for the 100个 of 分批启动100个片区组团 (`before`: the clause up to the figure), else `noun`."""
    verb = (_LAUNCH.search(before) or _ACTED_ON.fullmatch(before)) if noun else None
    return verb.group(0) + noun if verb and not noun.startswith(verb.group(0)) else noun


# The stages of building a thing counted after them or named before them (续建安置房7550套，新开工1000套;
# 城镇保障性住房基本建成470万套、新开工630万套): kb.extract.fact_scopes and fact_indicators read them.
BUILT = re.compile(r"(?:新开工|开工|续建|新建|建成|竣工|开建|交付|筹集|分配)")
BUILD_STAGE = re.compile(r"(?:今年|全年)?(?:基本)?" + BUILT.pattern + r"(?:建设)?")


# The verbs that release or set aside an amount of a thing named after the figure; kb.extract.fact_indicators
# reads them too, with policies' verbs, for the thing after 的 (出台了约4万亿元的一揽子投资计划).
RELEASE_VERBS = r"发行|安排|设立|下达|筹集|发放"
_AMOUNT_ACTION = rf"{RELEASE_VERBS}|投入|拨付|追加|募集|出资|新增"
_AMOUNT_VERB = re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{_AMOUNT_ACTION}|守住|守牢|坚守)")
_AMOUNT_UNITS = {"元", "美元", "亩", "公顷", "平方公里"}
# what the amount is for, after the thing (专项奖补资金予以支持, 资金用于促进就业, 中央财政资金纳入直达范围): not its name
_AMOUNT_USE = re.compile(r"用于|用来|予以|支持|帮助|扶持|重点|专门|主要|纳入|投向|列入")
_AMOUNT_NOUN = re.compile(r"\s*(?P<of>的\s*)?(?P<noun>[\u4e00-\u9fff“”]{2,16}?)(?=[，,。；;（(]|$)")
# money the amount is of, whatever verb-like word its name holds (建设资金, 补助资金)
_MONEY_NOUN = re.compile(r"(?:资金|基金|国债|债券|贷款|补助|补贴|资本金)$")


# 发行1000亿元长期国债, 中央财政安排1000亿元专项奖补资金, 坚决守住18亿亩耕地红线, 国家已设立400亿元…引导基金:
# an amount whose clause names only who acts and how is an amount of the thing named right after it
# (`before` comes as the indicator reads it: a leading 将, 坚决 and a trailing 了 are gone already)
def amount_noun(before: str, sentence: str, q: Quantity, opening: str = "") -> str | None:
    """长期国债 for the 1000亿元 of 发行1000亿元长期国债 (with the verb: 发行长期国债), when the clause before the
    amount holds only who acts and the verb (`before`, as the indicator reads it) or nothing, and a noun runs
    from the amount to the clause's end."""
    before = before.strip()   # `opening`: the clause as written up to the amount
    opens = re.fullmatch(r"\s*(?:将|把)?\s*", opening) is not None   # 将2.8万亿元中央财政资金纳入…: 将 is no name
    verb = _AMOUNT_VERB.fullmatch(before)
    m = _AMOUNT_NOUN.match(sentence, q.end) if verb or opens else None
    if not m or q.unit not in _AMOUNT_UNITS and not m.group("of"):   # 新增8000万吨标准煤的节能能力: any unit before 的
        return None
    noun = _AMOUNT_USE.split(m.group("noun"))[0].strip("“”")
    if len(noun) < 2 or noun in ("资金", "资金支持") or COUNTED_STOP.search(noun) and not _MONEY_NOUN.search(noun):
        return None
    action = re.search(rf"(?:{_AMOUNT_ACTION})$", before)
    return (action.group(0) if action else "") + noun


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
    if noun[0] in ADMIN_UNIT_NAMES and (len(noun) == 1 or noun[1] in "和、及与" or COUNTED_STOP.match(noun, 1)):
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
    if place and (place.end() == len(noun) or (noun[place.end()] != "的" and COUNTED_STOP.match(noun, place.end()))):
        noun = noun[:place.end()]   # 在全国9个国家中心城市中: the class ends where the clause goes on
    if place and place_named(noun[:place.end()]).kind in ("region", "category", "generic", "zone") \
            and noun[:place.end()][-2:] in ("城市", "地区", "城市群", "片区", "新区") \
            and (place.end() == len(noun) or place.end() >= 4 and noun[place.end()] != "的"):
        return noun[:place.end()]   # 在全国9个国家中心城市中, 9个国家中心城市常住人口合计…: a count of a class of places
    named_thing = place and place_named(place.group(0)).kind == "category" and _THING_AFTER.match(noun, place.end())
    if place and not named_thing and not re.match(r"[性级式型内外]", noun[place.end():]):   # 全国性赛事 keeps its 全国
        noun = noun[place.end():].lstrip("的")
    stop = COUNTED_STOP.search(noun)
    if stop and stop.group(0) in ("没有", "未") and stop.start() >= 2:   # 54个县级政府没有举债
        did = re.match(r"(?:没有|未)[\u4e00-\u9fff]{1,4}?(?=[，,。；;]|$)", sentence[m.start("noun") + stop.start():])
        if did:
            return f"{did.group(0)}的{noun[:stop.start()]}"
    if stop and stop.group(0) == "的" and stop.start() >= 2:   # 6家负责技术转移的企业: the head after 的
        at = m.start("noun") + stop.end()
        head = re.match(r"[\u4e00-\u9fffA-Za-z]{0,8}", sentence[at:]).group(0)
        head = head[:COUNTED_STOP.search(head).start()] if COUNTED_STOP.search(head) else head
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
        head = rest[:COUNTED_STOP.search(rest).start()] if COUNTED_STOP.search(rest) else rest
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


def share_noun(sentence: str, q: Quantity) -> str:
    """我国70%的工业设施集中在沿海一带: the share of the things that do what follows them."""
    m = _SHARED_NOUN.match(sentence, q.end) if q.unit == "%" else None
    if not m or (not m.group("pred") and "的" not in sentence[q.end:m.start("noun")]):
        return ""
    return f"{m.group('noun')}{m.group('pred')}的比重" if m.group("pred") else m.group("noun")
