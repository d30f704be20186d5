"""Places named in text: the place table (kb/data/places.txt) as `Place` rows, `named_place` (the one
place a heading or title names), `place_mentions` (every place, zone, group or body a sentence names, as
`Mention` rows) and `resolve` (a place in the table's canonical form, generic levels like 该省
resolved to the article's place).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.extract.clauses import Carry, Context, DocumentTraits, clause_start, without_periods, paren_start
from kb.extract.numbers import Quantity
from kb.extract.periods import Period
from kb.types import Article


_PLACES = Path(__file__).resolve().parent.parent / "data" / "places.txt"


@dataclass
class Place:
    name: str
    kind: str
    canonical: str


@lru_cache(maxsize=1)
def place_table() -> tuple[dict[str, Place], re.Pattern]:
    places = {}
    for line in _PLACES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        places[cols[0]] = Place(cols[0], cols[1], cols[2] if len(cols) > 2 else cols[0])
    # a city is also written with 市 (郑州市), which must not leave a stray 市 in the indicator;
    # 西部大开发 and 中欧班列 name a policy and a train service, not a place
    # letter-spaced print (西 部 地 区) names places too
    # 其中国家中心城市: the 中 of 其中 does not start 中国
    names = [("(?<!其)" if n.startswith("中") else "") + r"\s?".join(map(re.escape, n))
             + ("(?:市(?!场))?" if places[n].kind == "city" else "")
             for n in sorted(places, key=len, reverse=True)]
    return places, re.compile(f"(?:{'|'.join(names)})(?!大开发|班列)")


def place_named(name: str) -> Place:
    places, _ = place_table()
    name = re.sub(r"\s+", "", name)
    return places.get(name) or places[name[:-1]]


def named_place(heading: str) -> str | None:
    """The one place (or zone) a title or heading names, in the place table's form; None when it names
    none or several (西北地区与西南地区的对比), or only a generic word (全省) or a class of places (县域,
    国家中心城市都市圈, also of a country: 中国国家中心城市). A place right before another is narrowed by
    it (中国西北地区 → 西北地区) unless the other is a class of its places (重庆市县域 → 重庆); a country's
    zones are a topic of their own (中国国家高新区的30年建设…)."""
    _, pattern = place_table()
    found = [Mention(m.start(), m.end(), place_named(m.group(0))) for m in pattern.finditer(heading)]
    names = set()
    for m in _with_zones(found, heading):
        host = next(f for f in found if f.start == m.start).place.kind
        after = next((f.place.kind for f in found if f.start == m.end), None)
        if host in ("generic", "category") or (after and (after != "category" or host == "country")):
            continue
        names.add(m.place.canonical)
    return names.pop() if len(names) == 1 else None


@dataclass
class Mention:
    start: int
    end: int
    place: Place
    topic: bool = False     # stands where a clause's subject stands (not after a verb: 强化中亚)
    refines: bool = False   # narrows the topic before it: 广东深圳市, 东部沿海收入最高的地区天津市


# words that may stand before a clause's subject (connectives, prepositions of time and source, an
# opening quote: “三区三州”农村居民…)
# (推动南康家具产业集群产值…: after a causative verb the place is the subject of what follows)
TOPIC_HEAD = re.compile(r"(?:目前|当前|推动|带动|促进|使得?|助力|其中|而且|而|且|并且|但是|但|同时|此外|另外|例如|比如|再如|又如|如|特别是|尤其是|仅有|仅"
                         r"|只有|就|在|据|根据|截至|截止到?|到|至|从|自|对于|当时的?|此时|其|以|也|则|还|即|、|和|与|及"
                         r"|以及|(?:在这|这|近|过去)?\d+\s*年(?:间|来|中|里)?|多年来|近年来|近些年来?|[\s，,:：;；（(“「])*")
# 占全国面积1/3的广袤大西北地区: a subject after a modifier ending in 的
_MODIFIED = re.compile(r"的[\u4e00-\u9fff]{0,3}$")
# 广东深圳市, 东部沿海收入最高的地区天津市: a second place narrowing the first, no list word between
_NARROWING_GAP = re.compile(r"(?:[^、，,和与及同比较对占于]{0,12}(?:地区|地级市|城市|省会|贫困县|县|的))?")
# 包括：重庆、四川…: places listed after these are members, not subjects
# (如： with a colon opens an example sentence, 我国县域面积…, not a list)
_LIST_INTRO = re.compile(r"(?:包括|包含|涵盖|即|分别是|分别为|有)\s*[：:]?\s*$|如\s*$")
# a place after these words is a reference point (占西部地区GDP, 低于全国), not the subject
_REFERENCE_WORD = re.compile(r"(占|比|较|于|与|同|对|和|及|向|在|从|到|至|全国|相比)\s*$")
COMPARED_WITH = re.compile(r"(?:高于|低于|快于|慢于|多于|少于|好于|超过|超出|高出|多出|比|较|相比)\s*$")
# 不足全国的2%: for a share, the place before 的 is the base, not the owner
SHARE_BASE = re.compile(r"(占|不足|超过|超|达到?|接近|相当于|为|是|约|仅|只)\s*$")


def place_mentions(sentence: str, periods: list[Period] = (), quantities: list[Quantity] = (),
              local: bool = False, named_before: dict | None = None) -> list[Mention]:
    """Places the sentence names, each marked whether it stands in a subject's position. In a local
    document the country and the world are benchmarks and titles (领先全国, 全国首批, 世界纪录), not
    subjects, so they are not places there. 该集群, 该市 name the group or zone, the city an earlier
    sentence of the paragraph named (`named_before`, named_for_later)."""
    _, pattern = place_table()
    masked = without_periods(sentence, periods)
    found = _with_zones([Mention(m.start(), m.end(), place_named(m.group(0))) for m in pattern.finditer(sentence)],
                        sentence)
    for m in _ANAPHOR.finditer(sentence):
        named = (named_before or {}).get(m.group("level") or "body")
        if named:
            found.append(Mention(m.start(), m.end(), named))
    found += [Mention(m.start(), m.end(), place_named(m.group(1) + "地区")) for m in _POLICY_REGION.finditer(sentence)]
    found = sorted(found + _named_zones(found, sentence), key=lambda m: m.start)
    if local:
        found = [m for m in found if m.place.kind not in ("country", "region", "category")]
    found = [m for m in found if not _world_as_benchmark(m, sentence)]
    found = [m for m in found if m.place.kind == "zone" or not _INSTITUTION.match(sentence, m.end)]
    found = sorted(found + _leading_bodies(sentence, masked, found), key=lambda m: m.start)
    ends = [q.end for q in quantities]
    topic: Mention | None = None
    for m in found:
        bound = max([clause_start(sentence, m.start), paren_start(sentence, m.start)]
                    + [x for x in ends if x <= m.start])
        head = masked[bound:m.start]
        if _LIST_INTRO.search(sentence[:bound].rstrip()):
            continue
        if topic and topic.end >= bound and _NARROWING_GAP.fullmatch(masked[topic.end:m.start]):
            m.topic = m.refines = True
        elif topic and _counted_within(topic, m, masked):
            m.topic = m.refines = True   # 在全国9个国家中心城市中: the group counted within the place
        elif (TOPIC_HEAD.fullmatch(head) or (_MODIFIED.search(head) and not _REFERENCE_WORD.search(head))
              or re.fullmatch(r"\s*而?对\s*", head) and re.match(r"\s*(?:而言|来说)", sentence[m.end:])
              or re.fullmatch(r"\s*被?(?:纳入|列入)\s*", head)):
            m.topic = True   # (而对青海省而言, 被纳入西部大开发的国土: the place the clause speaks of)
        if m.topic:
            topic = m
        if m.topic and m.place.kind in ("country", "province", "generic") and (COUNTRY_AS_MODIFIER.match(sentence, m.end)
                                                                    or m.place.name in ("全球", "世界")
                                                                    and (_WORLD_RANKING.match(sentence, m.end)
                                                                         or _PERSPECTIVE.match(sentence, m.end))):
            m.topic = m.refines = False   # 全国重点实验室, 全球“灯塔工厂”: a rank or title, not the subject
            topic = None
        if m.topic and _NAMES_AN_ITEM.match(sentence, m.end) or _IN_ROUTE_NAME.search(sentence, 0, m.start) \
                and _ROUTE_AFTER.match(sentence, m.end):
            m.topic = m.refines = False   # 贵阳环高扩容工程等14条…, 重庆至贵阳高速铁路: a name, not the subject
            topic = None
        excepted = _EXCEPTED.search(sentence, 0, m.start)
        if excepted and m.place.kind in ("category", "zone", "region"):
            name = "除" + re.sub(r"\s+", "", excepted.group(1)) + "以外的" + m.place.canonical
            m.place, m.topic = Place(name, m.place.kind, name), True
    _pointed_back(found, sentence)
    return found


# 推动贵阳环高扩容工程等14条高速公路项目, 张掖等11个市: a place that names an example of the things counted
_NAMES_AN_ITEM = re.compile(r"[^，,。；;、]{0,14}?等\s*(?:\d|[一二两三四五六七八九十百几多])"
                            r"|[\u4e00-\u9fff]{1,8}?(?:机场|港|站|大桥|隧道|铁路|工程)、[^，,。；;]{0,60}?等(?:一批)?(?:重大|重点)?"
                            r"(?:基础设施|项目|工程)")   # 乌鲁木齐天山国际机场、…等重大基础设施投运
# 重庆至贵阳高速铁路: a place inside a route's name
_IN_ROUTE_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}(?:至|到|—|－|-)\s*$")
_ROUTE_AFTER = re.compile(r"\s*(?:高速铁路|城际铁路|高铁|铁路|高速公路|高速|公路|航线|管道|运河|城际|班列)")
# 除广州、成都以外，其他国家中心城市…: the class without the places excepted
_EXCEPTED = re.compile(r"除\s*([^，,。；;除]{1,20}?)\s*(?:以外|之外|外)\s*[，,]?\s*(?:其他|其余|其它)的?\s*$")
# 金川集团工业总产值…, 酒钢集团“三化”改造…: a group (company) that opens a clause is the subject of its figures
# (also a name in Latin letters: It’s OWL特别重视…，58家企业…)
_BODY = re.compile(r"[\u4e00-\u9fff]{2,6}?集团(?![\u4e00-\u9fff]{0,2}(?:公司|化))"
                   r"|(?<![\u4e00-\u9fff])(?![全我本各该])[\u4e00-\u9fffA-Za-z]{2,6}?在[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔滇陕秦甘陇青蒙桂藏宁新港澳台华]"
                   r"(?:企业|工厂|子公司|公司)(?=[\u4e00-\u9fff])"   # 富士康在豫企业: a firm's companies in a province
                   r"|(?<![\u4e00-\u9fff])(?![全我本各该])[\u4e00-\u9fff]{2,8}?(?:中心|实验室)"   # 国先中心导入…74家: a centre's doings
                   r"(?=(?:已|累计|共)?(?:导入|引进|孵化|集聚|吸引|承担|获批|培育|转化|签约|服务|支撑|带动)[\u4e00-\u9fff])"
                   r"|(?<![A-Za-z’'])[A-Z][A-Za-z]*(?:[’'][a-z]+)?(?:\s[A-Z][A-Za-z]+)*(?=\s?[\u4e00-\u9fff])")
# 新组建农发集团: a task; 完成能源集团、…战略性重组: a verb run into listed groups
_FORMING = re.compile(r"新|组建|成立|做强|做大|做优|支持|推动|推进|打造|培育|整合|重组|改组|完成|实施|依托|引进|携手")
# 该集群, 该集团: a group or zone named before; 该市, 该省: the city, the province named before
_ANAPHOR = re.compile(r"(?:该|此|这一)(?:集群|集团|公司|企业|园区|新区|片区|开发区|高新区|自贸区|自贸试验区|试验区|示范区|城市群|都市圈)"
                      r"|该(?P<level>市|省)")


def named_for_later(mentions: list[Mention], sentence: str, named: dict) -> dict:
    """The last group or zone, city and province the sentence names as a subject (else those named
    before), for a later 该集群, 该市, 该省."""
    named = dict(named)
    for m in (m for m in mentions if m.topic):
        text = sentence[m.start:m.end] if m.start >= 0 else ""
        if m.place.kind in ("body", "zone"):
            named["body"] = m.place
        elif m.place.kind == "city" or m.place.kind == "province" and text.endswith("市"):
            named["市"] = m.place
        elif m.place.kind == "province":
            named["省"] = m.place
    return named


def keep_bodies_to_their_sentence(carry: Carry, carried: tuple[str | None, int], mentions: list[Mention]) -> None:
    """A group is the subject of its own sentence's figures; the sentences after it speak of the place again
    (万华集团并购… then 亿帆医药公司收购…)."""
    if any(m.place.kind == "body" and m.place.name == carry.subject for m in mentions):
        carry.subject, carry.subject_at = carried


def _leading_bodies(sentence: str, masked: str, places: list[Mention]) -> list[Mention]:
    """Groups named where a clause's subject stands (not inside a place's name: 河南能源集团 keeps 河南 out)."""
    found = []
    for m in _BODY.finditer(sentence):
        start = m.start()
        clause = clause_start(sentence, start)
        head = re.match(TOPIC_HEAD.pattern, masked[clause:start])
        if (not head or head.end() != start - clause or any(p.start < m.end() and start < p.end for p in places)
                or re.match(r"\s*[，,。；;：:]", sentence[m.end():]) or _FORMING.search(m.group(0))):
            continue
        if m.group(0).isascii() and (len(m.group(0)) < 4 and not re.search(r"[a-z’']", m.group(0))
                                     or re.search(r"(?:根据|据|从|依据|基于|利用|采用)\s*$", masked[clause:start])
                                     or re.match(r"\s*(?:指数|数据|模型|方法|检验|系数|值)", sentence[m.end():])):
            continue   # GDP, PM2.5, 根据 UN Comtrade数据, 从Theil指数来看: measures, sources and methods, not bodies
        found.append(Mention(start, m.end(), Place(m.group(0), "body", m.group(0))))
    return found


# 杭州职业技术大学, 宁波东方理工大学, 温州医科大学, 广州国家版本馆: a place that begins an institution's name is
# no subject
_INSTITUTION = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:大学|学院|职业技术学校|医院|银行|研究院|研究所|版本馆|博物馆|图书馆|美术馆|科技馆)"
                          r"(?![\u4e00-\u9fff]{0,2}(?:数量|个数))")
# 全国重点实验室, 中国制造业民营企业500强, 全球首台, 全球最具潜力城市排行榜: the country word qualifies a
# rank or title (在全国层面: a scope)
# (河南省智能制造标杆企业1家 in a city's communiqué: a province's title, not the province's figure)
COUNTRY_AS_MODIFIER = re.compile(r"(?:级|重点|首[个批家台套座次创]|示范|文明|百强|先进|一流|知名|领先|“|[^，,。；的]{0,12}\d+\s*强"
                                  r"|层面|范围内"
                                  r"|[^，,。；的、]{0,10}(?:标杆|示范|先进|百强)(?:企业|单位|项目|园区|基地))")
# 被纳入西部大开发的国土, 西部大开发的范围: the policy names the region it covers
_POLICY_REGION = re.compile(r"(西部|东北|中部)(?:大开发|振兴|崛起)(?=的?(?:国土|范围|地区|区域|省份|省区))")
# 从世界历史看: the world as the perspective a clause takes, not its subject
_PERSPECTIVE = re.compile(r"(?:历史|范围|角度|视角|经验)\s*(?:上)?\s*(?:来)?看")
# 在世界主要国家中名列前茅, 稳居世界第二, 对世界经济增长贡献率, 在世界各大经济体增长全面减速的情况下: the world
# as the field a place is ranked in or measured against, not the subject of the figures (but 在世界经济增长2.6%的
# 情况下 states the world's own figure, and 世界平均城镇化率为55.7% and 世界上仍有7亿多人 speak of the world)
_WORLD_FRAME_BEFORE = re.compile(r"(?:在|居|于|对|占|列|超过|高于|低于|领先|赶超)\s*$")
_WORLD_FRAME_AFTER = re.compile(r"\s*(?:第|前列)")
_OWN_FIGURE = re.compile(r"[^，,。；;、（(]*?(?:\d|[一二三四五六七八九十两]+[万亿千百]|百分之)")


def _world_as_benchmark(m: Mention, sentence: str) -> bool:
    """Whether a mention of the world (世界, 全球) is the field a place is ranked in or measured against."""
    if m.place.name not in ("世界", "全球"):
        return False
    before = _WORLD_FRAME_BEFORE.search(sentence, 0, m.start)
    if before and before.group(0).strip() == "在" and _OWN_FIGURE.match(sentence, m.end):
        return False
    return bool(before or _WORLD_FRAME_AFTER.match(sentence, m.end))


# 全球最具潜力城市排行榜: a world ranking the places entered
_WORLD_RANKING = re.compile(r"[^，,。；的]{0,12}(?:排行榜|榜单|排名|指数报告)")
# 上海自贸试验区, 河南自贸区郑州片区, 京津冀城市群, 雄安新区, 宁波舟山港, 日喀则国际陆地港: a zone (or port)
# named after its place is a subject of its own, not its host place
_ZONE = re.compile(r"[^\s的和与及、，,。；建设推进打造支持加快深化是为在对向等以由从到将已了全引领带动辐射联共个]{0,6}?"
                   r"(?:自由贸易试验区|自贸试验区|自贸区|城市群|都市圈|经济圈|经济技术开发区|高新技术产业开发区|开发区|高新区"
                   r"|新区|示范区|经济带|综合保税区|保税区|试验区|片区|百强县|百强市|百强区|产业园|工业园|陆地港|陆港|港(?![口澳股])"
                   r")(?:[\u4e00-\u9fff]{2,4}片区)?"
                   r"|[一二三四五六七八九十\d]{1,2}\s*个?\s*(?:省区市|省区|省份|省市|城市|地市|地州|地区)(?![的之]?(?:中|间|之间))")
# 面积接近120平方千米的临港新区: a zone named without a place of the table, after a clause mark or 的
_NAMED_ZONE = re.compile(r"(?:^|(?<=[的，,、“：:（(]))[^\s的和与及、，,。；：:“”（()建设推进打造支持加快深化是为在对向等以由从到将已了全引领带动辐射联各该此其"
                         r"0-9一二三四五六七八九十]{2,4}?(?:新区|片区|自贸区|高新区|经济技术开发区|开发区|综合保税区|示范区)")


def _named_zones(found: list[Mention], sentence: str) -> list[Mention]:
    """Zones the place table does not hold (临港新区), where no place of the table starts them."""
    taken = [(m.start, m.end) for m in found]
    return [Mention(z.start(), z.end(), Place(z.group(0), "zone", z.group(0))) for z in _NAMED_ZONE.finditer(sentence)
            if not any(a < z.end() and z.start() < b for a, b in taken) and not _ZONE_CLASS.match(z.group(0))]


# 西南地区的石漠化防治区: an area a place designates within it, a subject narrower than the place
_AREA_OF = re.compile(r"的[\u4e00-\u9fff]{2,5}?(?:防治区|保护区|治理区)(?![\u4e00-\u9fff]{0,2}(?:建设|规划|内外))")


# 省级开发区, 经济开发区, 所有开发区, 自中关村高新区: a class of zones or a preposition, not a zone's name
_ZONE_CLASS = re.compile(r"[^级]{0,3}级|经济|国家|高新技术|所有|自|从|经|至|与|同")


def _with_zones(found: list[Mention], sentence: str) -> list[Mention]:
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue   # a place inside a zone's name (河南自贸区郑州片区)
        zone = _ZONE.match(sentence, m.end) if m.place.kind not in ("generic", "category") else None
        zone = zone if zone and zone.end() > m.end else _AREA_OF.match(sentence, m.end) if m.place.kind != "generic" else None
        if zone and zone.end() > m.end:
            name = re.sub(r"\s+", "", sentence[m.start:zone.end()])
            m = Mention(m.start, zone.end(), Place(name, "zone", name))
        out.append(m)
    return out


def _counted_within(topic: Mention, m: Mention, masked: str) -> bool:
    return (m.place.kind in ("category", "zone") and clause_start(masked, m.start) <= topic.start
            and re.fullmatch(r"\s*\d+\s*个?\s*", masked[topic.end:m.start]) is not None)


def _pointed_back(mentions: list[Mention], sentence: str) -> None:
    """根据学者们对纽约、东京…等国际大都市的研究，其交通结构…: a clause that opens with 其 speaks of the places
    an earlier clause named when none of them was a subject; the first of them becomes one."""
    for its in re.finditer(r"[，,；;：:]\s*其(?![中他它余次实])", sentence):
        earlier = [m for m in mentions if m.end <= its.start()]
        if earlier and not any(m.topic for m in earlier):
            list_start(earlier[-1], mentions, sentence).topic = True


def counts_follow(m: Mention, sentence: str) -> bool:
    """国家级开发区1家: a class of places right before a count of it."""
    return m.place.kind == "category" and re.match(r"\s*[\d一二三四五六七八九十两]", sentence[m.end:]) is not None


LISTED = re.compile(r"\s*(?:、|和|与|及|以及)\s*")


def list_start(last: Mention, mentions: list[Mention], sentence: str) -> Mention:
    """The first place of the list `last` ends (重庆、西安、成都3个核心城市; 云南和广西（2.0%左右）), else `last`."""
    first = last
    for m in reversed(mentions[:mentions.index(last)]):
        alike = m.place.kind == last.place.kind or {m.place.kind, last.place.kind} <= {"province", "city"}
        if not alike or not LISTED.fullmatch(sentence[m.end:first.start]):
            break
        first = m
    return first


def is_local(doc: DocumentTraits) -> bool:
    """A document that speaks for a place below the country (a provincial report, a city plan)."""
    return bool(doc.jurisdiction) and place_table()[0].get(doc.jurisdiction, Place("", "", "")).kind != "country"


# 全省 ↔ 省/自治区, 全市 ↔ 市, 全州 ↔ 州, 全区 ↔ 区/自治区, 全县 ↔ 县: the generic word a document uses of itself
_GENERIC_LEVEL = {"省": ("省", "自治区"), "市": ("市",), "州": ("州", "盟"), "区": ("区", "自治区"), "县": ("县",)}


def resolve(place: Place, ctx: Context, start: int) -> str:
    """全省/我省 → the province the document speaks for (else the one the article is about); 全市 →
    its city; other places as named."""
    if place.kind != "generic":
        return place.canonical
    jurisdiction = ctx.article.jurisdiction
    if jurisdiction and jurisdiction.endswith(_GENERIC_LEVEL.get(place.name[-1], ())):
        return ctx.doc.jurisdiction or jurisdiction
    wanted = "city" if place.name.endswith("市") else "province"
    return _named_right_before(ctx.text, ctx.offset + start, wanted) or _article_place(ctx.text, ctx.article, ctx.offset + start, wanted) or place.name


def _named_right_before(text: str, offset: int, kind: str) -> str | None:
    """北京 of 北京全市: the place of `kind` (a city may be a province-level one) named right before a
    generic word, else None."""
    before = text[max(0, offset - 8):offset]
    ends = [m for m in place_table()[1].finditer(before) if m.end() == len(before)]
    place = place_named(ends[-1].group(0)) if ends else None
    return place.canonical if place and place.kind in ((kind, "province") if kind == "city" else (kind,)) else None


def _article_place(text: str, article: Article, offset: int, kind: str) -> str | None:
    """The place of `kind` the article's title names, else the one its text before `offset`
    names most (at least three times and most of all such mentions)."""
    _, pattern = place_table()
    in_title = [place_named(m.group(0)) for m in pattern.finditer(article.title or "")]
    for p in in_title:
        if p.kind == kind:
            return p.canonical
    window = text[max(article.start, offset - 6000):offset]
    counts = Counter(p.canonical for p in (place_named(m.group(0)) for m in pattern.finditer(window))
                     if p.kind == kind)
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    return name if n >= 3 and n * 2 > sum(counts.values()) else None
