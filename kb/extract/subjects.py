"""Subject attribution of a fact: `subject_for` returns the place or body a quantity is about (named in
its clause, carried from earlier clauses, or the document's), `subject_with_source` says where it came
from (sentence / previous / document); also the subjects of lists (分别) and of gaps between two places.
"""
from __future__ import annotations

import re

from kb.extract.clauses import (
    COMPOUND_REGION, COUNT_UNITS, Carry, Context, GAP_LINK, GAP_WORD, MEASURE_UNITS, PAIR_LINK, clause_start,
    list_groups)
from kb.extract.fact_periods import listed_periods
from kb.extract.indicators import indicator_confidence, is_generic_measure
from kb.extract.not_facts import group_opening_clause
from kb.extract.numbers import Quantity, numeral_value
from kb.extract.places import (
    Place, COMPARED_WITH, LISTED, Mention, SHARE_BASE, TOPIC_HEAD, counts_follow, is_local, list_start,
    place_named, place_table, resolve)


def gap_pair(q: Quantity, indicator: str | None, sentence: str, mentions: list[Mention], carry: Carry,
              ctx: Context, owners: list[str | None], position: int | None = None) -> tuple[str, str] | None:
    """(subject, source) for a figure of the gap between two places: 'A与B'; None otherwise.
    `position`: the figure's place in a list of figures (A、B和C), if it is in one."""
    clause = clause_start(sentence, q.start)
    if not (GAP_WORD.search(indicator or "") or GAP_WORD.search(sentence[clause:q.start])):
        return None
    before = [m for m in mentions if m.end <= q.start]
    # 西部地区与东部地区及全国平均水平的差距分别为A和B: A is the gap to 东部地区, B to 全国
    for a, b, c in zip(before, before[1:], before[2:]):
        if (position is not None and position < 2
                and PAIR_LINK.fullmatch(sentence[a.end:b.start]) and LISTED.fullmatch(sentence[b.end:c.start])):
            other = (b, c)[position]
            return f"{resolve(a.place, ctx, a.start)}与{resolve(other.place, ctx, other.start)}", "sentence"
    # 西部地区与中东部地区…的差额分别为A和B: a compound of two regions is compared one by one
    for a, b in zip(before, before[1:]):
        compound = COMPOUND_REGION.fullmatch(b.place.name)
        if compound and position is not None and position < 2 and PAIR_LINK.fullmatch(sentence[a.end:b.start]):
            return f"{resolve(a.place, ctx, a.start)}与{compound.group(position + 1)}部地区", "sentence"
    stated = list(dict.fromkeys(o for o in owners if o))
    if (GAP_WORD.search(sentence[clause:q.start]) and len(stated) >= 2
            and not any(clause <= m.start for m in before)):
        return f"{stated[-2]}与{stated[-1]}", "sentence"   # A…是X元，而B…只有Y元，相差约5倍
    for a, b in reversed(list(zip(before, before[1:]))):
        if (PAIR_LINK.fullmatch(sentence[a.end:b.start]) or GAP_LINK.fullmatch(sentence[a.end:b.start])) \
                and a.place.kind == b.place.kind:   # (中部地区高出西部地区A，…该差额扩大到B: the pair of the gap)
            return f"{resolve(a.place, ctx, a.start)}与{resolve(b.place, ctx, b.start)}", "sentence"
    both = re.search(r"两(?:地区|区域|地|者)|二者", sentence[clause:q.start])
    topic = next((m for m in before if m.topic), None)
    other = [m for m in before if topic and m.start > topic.end and re.search(r"(?:与|同)\s*$", sentence[:m.start])]
    if both and other:   # 西部地区…，且与东部地区的差距逐年扩大，…两地区差距扩大至A: the topic and the place it is set against
        return f"{resolve(topic.place, ctx, topic.start)}与{resolve(other[-1].place, ctx, other[-1].start)}", "sentence"
    if "两地区" in sentence[:q.start] and len(carry.distribution) == 2:
        a, b = carry.distribution
        return f"{resolve(a.place, ctx, a.start)}与{resolve(b.place, ctx, b.start)}", "previous"
    if carry.gap_pair and not before:   # 其GDP差额从…; 2019年为…: the gap the sentence before spoke of
        return carry.gap_pair, "previous"
    return None


# 在地区差距方面，…，西部地区的外贸依存度一直高于中部地区，由A提高到B: under a topic of gaps, the figures after
# a comparison that states none are the gap between the two places compared
_GAP_TOPIC = re.compile(r"\s*(?:[一二三四五六七八九十]是)?\s*在[^，,。；;]{0,6}差距(?:方面|上)")
_HIGHER = re.compile(r"\s*(?:的[^，,。；;]{1,12}?)?\s*(?:一直|始终|均|都|仍)?\s*(?:高于|低于|快于|慢于)\s*$")


def gap_by_topic(q: Quantity, sentence: str, mentions: list[Mention], ctx: Context) -> str | None:
    """'A与B' for a figure under a 差距方面 topic whose clause goes on from A…高于B (a clause with no figure of
    its own); None otherwise."""
    clause = clause_start(sentence, q.start)
    if not _GAP_TOPIC.match(sentence) or clause < 2:
        return None
    before = clause_start(sentence, clause - 1)
    if re.search(r"\d", sentence[before:clause]):
        return None
    inside = [m for m in mentions if before <= m.start and m.end <= clause - 1]
    for a, b in zip(inside, inside[1:]):
        if _HIGHER.fullmatch(sentence, a.end, b.start) and re.fullmatch(r"\s*[，,]?\s*", sentence[b.end:clause]):
            return f"{resolve(a.place, ctx, a.start)}与{resolve(b.place, ctx, b.start)}"
    return None


def listed_gap(q: Quantity, indicator: str | None, sentence: str, mentions: list[Mention], carry: Carry,
                position: int | None, n: int) -> tuple[str, str] | None:
    """中西部地区和东西部地区的GDP差额分别为A和B。…相应差额扩大到C和D，分别是2000年的E倍和F倍: a list of
    gaps whose clause names no place has the subjects of the last list of as many gaps, in order."""
    if (position is None or len(carry.gap_list) != n or not GAP_WORD.search(indicator or "")
            or any(clause_start(sentence, q.start) <= m.start < q.start for m in mentions)
            or re.search(r"两地区?|两者|二者", sentence[:q.start])):
        return None   # (两地区的差距分别…: the pair of the sentence before, gap_pair's)
    return carry.gap_list[position], "previous"


def gap_list(gaps: list[str | None], subject: str | None, indicator: str | None, position: int | None,
              n: int, carry: Carry) -> list[str | None]:
    """The subjects of the gaps of the list being read, handed to `carry` once the list is complete."""
    if position is None or not GAP_WORD.search(indicator or ""):
        return []
    gaps = (gaps if position else []) + [subject]
    if len(gaps) == n and all(gaps):
        carry.gap_list = list(gaps)
    return gaps


def compared_pair(subject: str | None, owner: Mention | None, indicator: str | None, sentence: str,
                   topic: str | None) -> tuple[str, str] | None:
    """但与中部、东部地区相比，其差额分别…: each gap is between the topic and the place it is compared with."""
    if not (owner and subject and topic and topic != subject and owner.start >= 0
            and GAP_WORD.search(indicator or "")
            and re.search(r"(?:与|同)(?:[^，,。；与]{0,8}、)?\s*$", sentence[:owner.start])):
        return None
    return f"{topic}与{subject}", "sentence"


# 各地区的财政收入差距: the variable a gap is of
_GAP_OF = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,10}?)(?:的)?(?:差距|差额|差值)")


def gap_variable(sentence: str, mentions: list[Mention]) -> str:
    """图8反映了各地区的财政收入差距: a sentence without figures that names the gap of a variable, so that
    the next sentence's bare 差额 is that variable's (财政收入)."""
    for m in _GAP_OF.finditer(sentence):
        start = max([m.start(1)] + [x.end for x in mentions if m.start(1) <= x.end <= m.end(1)])
        start = max(start, *(i + 1 for i in range(m.start(1), m.end(1)) if sentence[i] in "的了在与和及"), m.start(1))
        name = sentence[start:m.end(1)]
        if sentence.startswith("方面", m.end()) or re.search(r"(?:地区|区域|城乡|区际|省际|部|间)$", name) \
                or place_table()[1].fullmatch(name):
            continue   # 在地区差距方面, 东西部差距: the gap between places, not of a variable
        if len(name) >= 2 and not is_generic_measure(name) and indicator_confidence(name) == "high":
            return name
    return ""


def pair_of_gap(sentence: str, mentions: list[Mention], ctx: Context) -> str | None:
    """'A与B' when `sentence` speaks of the gap between two places: A与B的差距…, A…，与B的差距…."""
    gap = GAP_WORD.search(sentence)
    if not gap:
        return None
    before = [m for m in mentions if m.end <= gap.start()]
    for a, b in reversed(list(zip(before, before[1:]))):
        if COMPOUND_REGION.fullmatch(a.place.name) and COMPOUND_REGION.fullmatch(b.place.name):
            continue   # 中西部地区和东西部地区的差额: two pairs, not one
        if a.place.kind == b.place.kind and (PAIR_LINK.fullmatch(sentence[a.end:b.start])
                                             or re.search(r"(?:与|同)\s*$", sentence[:b.start])):
            return f"{resolve(a.place, ctx, a.start)}与{resolve(b.place, ctx, b.start)}"
    return None


_COMPARED_CLAUSE = re.compile(r"(?:与|同|和)[^，,。；]{1,16}(?:相比|相较|比较)")


def respective_subjects(quantities: list[Quantity], mentions: list[Mention], sentence: str,
                         carry: Carry) -> dict[int, Mention]:
    """东部、中部、西部地区GDP总量分别为A、B和C: the n places named before 分别 own the n figures; later
    runs of n figures with no place of their own (…增加至D、E; the next sentence's 两地区…) too."""
    owners: dict[int, Mention] = {}
    for group in list_groups(quantities, sentence):
        if len(group) < 2:
            continue
        clause = clause_start(sentence, group[0].start)
        head = sentence[clause:group[0].start].replace("依次", "分别")
        named = (_without_refined([m for m in mentions if clause <= m.start and m.end <= clause + head.index("分别")])
                 if "分别" in head else [])
        if "分别" in head and not named and clause > 0:   # 但与中部、东部地区相比，其差额分别从A和B…
            before = clause_start(sentence, clause - 1)
            if _COMPARED_CLAUSE.search(sentence[before:clause]):
                named = [m for m in mentions if before <= m.start and m.end <= clause]
        if len(listed_periods(group, sentence)) == len(group):
            continue   # 2000年和2008年，A与B的差距分别为…: the figures are the years', not the places'
        if "分别" in head and len(named) != len(group):
            named = _counted_places(head, len(group), mentions, sentence, clause) or named
        if "分别" in head and len(named) != len(group):
            named = _named_members(head, clause, len(group)) or _abbreviated_countries(head, clause, len(group)) or named
        if (len(named) == 2 and PAIR_LINK.fullmatch(sentence[named[0].end:named[1].start])
                and GAP_WORD.search(head) and not COMPOUND_REGION.fullmatch(named[0].place.name)):
            continue   # 西部地区与中东部地区…的差额分别为A和B: gaps of one pair (gap_pair), not each place's figure
        if len(named) == len(group):
            owners.update({id(q): m for q, m in zip(group, named)})
            carry.distribution = named
        elif (len(carry.distribution) == len(group)
              and not any(clause <= m.start < group[-1].end for m in mentions)):
            owners.update({id(q): m for q, m in zip(group, carry.distribution)})
    return owners


# 北京本土培育的企业寒武纪、地平线分别排23名、24名: the firms (bodies) a class noun introduces before 分别
_NAMED_MEMBERS = re.compile(r"(?:企业|公司|集团|高校|大学|机构|品牌)\s*((?:[\u4e00-\u9fffA-Za-z]{2,8}\s*[、和与及]\s*)+"
                            r"[\u4e00-\u9fffA-Za-z]{2,8}?)\s*(?:的[^，,。；]{0,10}?)?分别")


def _named_members(head: str, clause: int, n: int) -> list[Mention]:
    """The n bodies a class noun names in a list before 分别, as mentions at their places in the sentence."""
    members = _NAMED_MEMBERS.search(head)
    if not members:
        return []
    found = [Mention(clause + members.start(1) + m.start(), clause + members.start(1) + m.end(),
                      Place(m.group(0), "body", m.group(0)))
             for m in re.finditer(r"[\u4e00-\u9fffA-Za-z]{2,8}", members.group(1))]
    return found if len(found) == n else []


# 中美韩三国: countries named by one character each, counted
_ABBREVIATED = {"中": "中国", "美": "美国", "日": "日本", "韩": "韩国", "俄": "俄罗斯", "德": "德国", "法": "法国", "英": "英国",
                "印": "印度", "欧": "欧盟"}
_ABBREVIATED_RUN = re.compile(f"([{''.join(_ABBREVIATED)}]{{2,6}})\\s*([两二三四五六])国")


def _abbreviated_countries(head: str, clause: int, n: int) -> list[Mention]:
    """中美韩三国自由贸易伙伴数分别为A、B、C: the n countries the abbreviation names, in order."""
    run = _ABBREVIATED_RUN.search(head)
    if not run or len(run.group(1)) != n or numeral_value(run.group(2)) != n:
        return []
    return [Mention(clause + run.start(1) + i, clause + run.start(1) + i + 1, place_named(_ABBREVIATED[ch]))
            for i, ch in enumerate(run.group(1))]


def _without_refined(named: list[Mention]) -> list[Mention]:
    """我国县域面积、人口分别…: a place that narrows the one before it (我国 → 县域) replaces it, it is no
    second item of the list."""
    out: list[Mention] = []
    for m in named:
        if m.refines and out:
            out[-1] = m
        else:
            out.append(m)
    return out


# 京津两市, 两地区, 三省: places counted back to a list of as many named before
_COUNTED_PLACES = re.compile(r"([两二三四五六七八九十])\s*个?\s*(?:市|省|省区|省份|地区|地|国|城市|区域)")


def _counted_places(head: str, n: int, mentions: list[Mention], sentence: str, clause: int) -> list[Mention]:
    """如北京、天津是…，2019年京津两市GDP…分别为A和B: the last list of n places before the clause; with
    no count, the list of the clause just before (伦敦、纽约、东京等城市的市郊铁路都非常发达，分别达到A、B和C)."""
    counted = _COUNTED_PLACES.search(head)
    if counted and numeral_value(counted.group(1)) != n:
        return []
    if not counted and (clause == 0 or any(m.start >= clause and m.end <= clause + len(head) for m in mentions)):
        return []
    earlier = [m for m in mentions if m.end <= clause
               and (counted or m.start >= clause_start(sentence, max(0, clause - 1)))]
    for last in reversed(earlier):
        first = list_start(last, mentions, sentence)
        run = mentions[mentions.index(first):mentions.index(last) + 1]
        paired = any(PAIR_LINK.fullmatch(sentence[a.end:b.start]) and not re.search(r"[、和及]", sentence[a.end:b.start])
                     for a, b in zip(run, run[1:]))   # 西部地区与中东部地区: a pair compared, not a list
        if len(run) == n and not (paired and not counted):
            return run
    return []


def subject_for(q: Quantity, clause: int, previous_end: int, mentions: list[Mention], sentence: str,
                 carry: Carry, ctx: Context) -> tuple[str | None, Mention | None]:
    """(subject, the mention naming it) of a quantity."""
    group = group_opening_clause(sentence, clause, q.start)
    if group:   # 而7个重要节点城市的第三产业占比均处于42%-55%: the group the clause opens with
        carry.subject, carry.subject_at = group, ctx.offset
        return group, None
    described = (_described_after(q, mentions, sentence) or compared_level(q, mentions, sentence)
                 or located_in(q, mentions, sentence)[0])
    if described:
        return resolve(described.place, ctx, described.start), described
    owner = _owner_before(q, mentions, sentence)
    if owner:
        first = list_start(owner, mentions, sentence)
        subject = _place_list(first, mentions, sentence, ctx) if first is not owner else resolve(owner.place, ctx, owner.start)
        if owner.topic:   # 全省35个工业园实现产值…: the clause's subject, also for its next figures
            carry.subject, carry.subject_at = subject, ctx.offset
        return subject, owner
    segment = max(clause, previous_end)
    counts = counted_classes(q, mentions, sentence)
    topics = [m for m in mentions if m.topic and segment <= m.start and m.end <= q.start and m not in counts]
    if not topics and previous_end <= clause:
        topics = [m for m in mentions if m.topic and clause <= m.start and m.end <= q.start and m not in counts]
    if topics:
        chosen = _narrowest(topics, mentions)
        carry.subject, carry.subject_at = _place_list(chosen, mentions, sentence, ctx), ctx.offset
        return carry.subject, chosen
    counted = next((m for m in mentions if m.start >= q.end and not sentence[q.end:m.start].strip()), None)
    if counted and counted.place.kind in ("category", "zone") and not topics:
        return resolve(counted.place, ctx, counted.start), counted   # 9个国家中心城市全部入选
    if previous_end <= clause:
        carry_subject(carry, mentions, sentence, clause, ctx)
    if (carry.subject_at != ctx.offset and not is_local(ctx.doc) and _NATIONAL_ESTIMATE.match(sentence)
            and not any(m.topic and m.start < q.start for m in mentions)):
        carry.subject, carry.subject_at = "全国", ctx.offset   # 据中国银行研究院测算，仅2020年新基建…投资总规模…
    if _about_another_site(sentence[clause:q.start], carry, ctx):
        return carry.entering[0], None
    return carry.subject, None


# 据中国银行研究院测算，…; 招商证券估计，…: an estimate a national body (no province's or city's) is quoted for
_NATIONAL_BODY = r"(?:[^，,。；;省市县州区]{0,12}?(?:研究院|研究所|研究中心|证券|银行|统计局|协会|联合会|智库|咨询|部|委员会|国务院|中心))"
_NATIONAL_ESTIMATE = re.compile(r"\s*(?:(?:据|根据)\s*" + _NATIONAL_BODY + r"(?:的)?(?:测算|估计|估算|预测|统计|调查|数据|报告|研究)"
                                r"|" + _NATIONAL_BODY + r"(?:估计|预测|测算|估算|研究发现|数据显示|报告显示))\s*(?:显示|表明)?\s*[，,]")


# 百万吨乙烯项目6个月具备开工条件, 对外开放口岸增至19个: a clause that opens with a project, site or port of
# its own speaks of that, not of the group or zone an earlier clause named
_OTHER_SITE = re.compile(r"\s*[\u4e00-\u9fffA-Za-z0-9“”]{0,12}?(?:项目|基地|口岸|工程|厂房|园区|机场|港口|码头|枢纽|电站)")


def _about_another_site(head: str, carry: Carry, ctx: Context) -> bool:
    """The clause (up to its figure) opens with a site of its own while the subject carried is a group or
    zone named earlier in the same sentence."""
    if (carry.subject_at != ctx.offset or carry.subject == carry.entering[0] or not _OTHER_SITE.match(head)
            or (carry.subject or "") in re.sub(r"\s+", "", head)):
        return False
    kind = place_table()[0].get(carry.subject or "", Place("", "", "")).kind
    return kind not in ("province", "city", "region", "country", "category", "generic")


def counted_classes(q: Quantity, mentions: list[Mention], sentence: str) -> list[Mention]:
    """（国家级开发区1家，…）: the class of places a count right after it counts (what is counted, not
    whose count it is)."""
    return [m for m in mentions if q.unit in COUNT_UNITS and m.place.kind == "category" and m.end <= q.start
            and not sentence[m.end:q.start].strip()]


# 、, 和; 长江经济带沿线、京津冀地区: what may stand between two places of a list
PLACE_LIST_GAP = re.compile(r"\s*(?:沿线|沿岸|沿边|一带)?\s*(?:、|和|与|及|以及)\s*")


def _place_list(first: Mention, mentions: list[Mention], sentence: str, ctx: Context) -> str:
    """北京、上海和广州三个大都市的平均人均GDP: places listed together (with no 分别 to share them out)
    are the subject together."""
    names, last = [resolve(first.place, ctx, first.start)], first
    for m in mentions[mentions.index(first) + 1:]:
        if not PLACE_LIST_GAP.fullmatch(sentence[last.end:m.start]) or m.place.kind == "generic":
            break
        names.append(resolve(m.place, ctx, m.start))
        last = m
    if len(names) < 2 or "分别" in sentence[last.end:]:
        return names[0]
    return re.sub(r"\s+", "", sentence[first.start:last.end])   # as the text joins them: 东部与中部, 重庆、四川、陕西


def _described_after(q: Quantity, mentions: list[Mention], sentence: str) -> Mention | None:
    """面积接近120平方千米的临港新区: a zone or class of places the figure describes, right after its 的."""
    after = re.match(r"\s*(?:左右|以上|多)?\s*的\s*", sentence[q.end:])
    return next((m for m in mentions if after and m.start == q.end + after.end()
                 and m.place.kind in ("zone", "category")), None)


# 开发区规模以上工业总产值…占全市比重: a kind of zone opening the clause whose share of the whole place is stated
_ZONE_KIND = re.compile(r"(?:各类|全部|所有)?(?:国家级|省级)?(?:开发区|高新区|经开区|产业园区|工业园区|园区|自贸区|自贸试验区|综保区"
                        r"|保税区|功能区|片区)(?:[（(][\u4e00-\u9fff]{2,4}[)）])?")


def zone_share_of_whole(indicator: str | None, sentence: str, clause: int) -> str | None:
    """The kind of zone a share of the whole place (占全市比重) is said of, when the clause opens with it
    and the document's place would otherwise own the share of itself; None otherwise."""
    if not re.search(r"占全[市省区县州]", indicator or ""):
        return None
    head = re.match(TOPIC_HEAD.pattern, sentence[clause:])
    zone = _ZONE_KIND.match(sentence, clause + (head.end() if head else 0))
    return re.sub(r"[（(].*", "", zone.group(0)) if zone and not re.match(r"\s*(?:数量|个数)", sentence[zone.end():]) else None


# 常住人口主要分布在朝阳、海淀…等城市功能拓展区及…等城市发展新区，共占全市…增量的83.5%: the places a
# distribution names own the share the next clause states
_DISTRIBUTED_OVER = re.compile(r"(?:主要)?(?:分布|集中)(?:在|于)(?P<where>[^，,。；;]{2,48}?)\s*[，,]\s*(?:共|合计|合共|总共)?(?:约)?占\s*$")


def distribution_share(sentence: str, clause: int, q: Quantity) -> str | None:
    """The places a figure's population or activity is distributed over, for the share of the whole the
    clause after them states; None otherwise."""
    m = _DISTRIBUTED_OVER.search(sentence, 0, _clause_end_of_share(sentence, clause, q))
    return m.group("where") if m and q.unit == "%" else None


def _clause_end_of_share(sentence: str, clause: int, q: Quantity) -> int:
    """Where the 占 of the figure's clause ends (…，共占|全市常住人口…的83.5%)."""
    at = sentence.find("占", clause, q.start)
    return at + 1 if at >= 0 else clause


# 世界十大港口中有7个在我国: the things of a field that are in a place
_FIELD_HAS = re.compile(r"(?P<field>[^，,。；;：:]{2,24}?)\s*中\s*[，,]?\s*(?:共|仅|只)?有\s*$")
_LOCATED = re.compile(r"\s*(?:个|家|所|座|位|项)?\s*(?:在|位于|来自|落户)\s*$")


def located_in(q: Quantity, mentions: list[Mention], sentence: str) -> tuple[Mention | None, str]:
    """(the place, the field counted) of a count of a field's members that are in a place: 世界十大港口中有7个在
    我国 is 我国's count of the world's ten largest ports; (None, "") otherwise."""
    clause = clause_start(sentence, q.start)
    field = _FIELD_HAS.search(sentence, clause_start(sentence, clause - 1) if clause > 0 else 0, q.start)
    place = next((m for m in mentions if m.start >= q.end and (
        _LOCATED.fullmatch(sentence, q.end, m.start) and re.match(r"\s*(?:[，,。；;）)]|$)", sentence[m.end:])
        or re.fullmatch(r"\s*(?:个|家|座|所)?\s*", sentence[q.end:m.start])     # 仅有7个西部地区的城市，分别是…
        and re.match(r"\s*的\s*[\u4e00-\u9fff]{1,4}\s*(?:[，,。；;]|$)", sentence[m.end:]))), None)
    if not (field and place and q.unit in COUNT_UNITS):   # (not 属于欧盟成员: a class)
        return None, ""
    return place, re.sub(r"^(?:在|其中|而)|(?:19|20)\d{2}\s*年(?:度)?|\s+", "", field.group("field"))


# 远超过创新型国家和地区2.5%的水平: the level of the group compared with, named before the figure
_COMPARED_GROUP = re.compile(r"(?:超过|超出|高于|低于|快于|慢于|不及|接近)(?P<name>[\u4e00-\u9fff]{2,12}?)\s*$")
_LEVEL_AFTER = re.compile(r"\s*(?:左右|以上)?\s*的\s*(?:平均)?水平")


def compared_level(q: Quantity, mentions: list[Mention], sentence: str) -> Mention | None:
    group = _COMPARED_GROUP.search(sentence, clause_start(sentence, q.start), q.start)
    if not group or not _LEVEL_AFTER.match(sentence, q.end) or any(group.start() < m.end <= q.start for m in mentions):
        return None   # (a place compared with is _owner_before's)
    name = group.group("name")
    return Mention(group.start("name"), group.end("name"), Place(name, "body", name))


# 比全国平均水平54.64%低近11个百分点: the base's level, then the direction of the gap
_BASE_LEVEL_THEN_GAP = re.compile(r"\s*(?:左右)?\s*(?:高|低|多|少|快|慢)")


def _owner_before(q: Quantity, mentions: list[Mention], sentence: str) -> Mention | None:
    """西北地区的13155家, 南宁（361.4万人）, 重庆（从1.8%增加到2.3%）: the place a figure hangs on."""
    before = [m for m in mentions if m.end <= q.start]
    if (q.unit in COUNT_UNITS and any(m.start == q.end and m.place.kind == "category" for m in mentions)
            and len(before) > 1 and LISTED.fullmatch(sentence[before[-2].end:before[-1].start])):
        return None   # …、云南、黑龙江17个自贸试验区: the places listed are what the class counted holds
    for m in reversed([m for m in mentions if m.end <= q.start]):
        if (COMPARED_WITH.search(sentence[max(0, m.start - 3):m.start])
                and re.fullmatch(r"\s*(?:的\s*)?(?:平均水平|平均|年均)\s*", sentence[m.end:q.start])
                and (re.match(r"\s*(?:左右|以上)?\s*的", sentence[q.end:]) or q.unit not in MEASURE_UNITS
                     or q.unit == "%" and "平均水平" in sentence[m.end:q.start] and re.match(r"\s*(?:[；;。]|$)", sentence[q.end:])
                     or _BASE_LEVEL_THEN_GAP.match(sentence, q.end) and re.search(r"[比较]\s*$", sentence[max(0, m.start - 3):m.start]))):
            return m   # 高于全国年均1.22%的增长率, 低于全国平均水平46507元, …54.77%；, 比全国平均水平54.64%低近11个百分点:
            #            the level of the place compared with
        if re.fullmatch(r"\s*(?:的|共有?)?\s*", sentence[m.end:q.start]):   # 全国共51家
            if q.unit in COUNT_UNITS and m.place.kind == "category" and m.end == q.start:
                return None   # 设立国家级开发区552个: the class counted, not the owner of the count
            if q.unit in ("%", "百分点", "倍") and SHARE_BASE.search(sentence[max(0, m.start - 3):m.start]):
                return None
            if "的" not in sentence[m.end:q.start] and COMPARED_WITH.search(sentence[max(0, m.start - 3):m.start]):
                return None   # 高于全国0.4个百分点: the figure is the compared subject's
            return m
        break
    paren = max(sentence.rfind("（", 0, q.start), sentence.rfind("(", 0, q.start))
    if paren < 0 or re.search(r"[)）]", sentence[paren:q.start]):
        return None
    # 南宁（361.4万人）; 西北五省区的所有开发区（5家…）: the place whose thing the bracket details;
    # 相当于当年全国国内生产总值（82.71万亿元）的11.5%: a figure alone in a bracket after a place's measure
    alone = _BRACKET_ALONE.fullmatch(sentence[paren + 1:q.start]) and re.match(r"\s*[)）]", sentence[q.end:])
    return next((m for m in reversed(mentions) if m.end <= paren
                 and re.fullmatch(r"\s*(?:的[^，,。；（(的]{0,8})?" if not alone else _BRACKETED_MEASURE,
                                  sentence[m.end:paren])), None)


_BRACKET_ALONE = re.compile(r"\s*(?:约|达|为)?\s*")
_BRACKETED_MEASURE = r"\s*的?\s*[\u4e00-\u9fffA-Za-z]{0,10}\s*"


def bracketed_measure(sentence: str, q: Quantity, owner: Mention | None) -> str | None:
    """全国国内生产总值（82.71万亿元）: what a place's figure alone in a bracket measures, the words between
    the place and the bracket."""
    paren = max(sentence.rfind("（", 0, q.start), sentence.rfind("(", 0, q.start))
    if (not owner or paren < owner.end or not _BRACKET_ALONE.fullmatch(sentence[paren + 1:q.start])
            or not re.match(r"\s*[)）]", sentence[q.end:])):
        return None
    named = re.sub(r"\s+", "", sentence[owner.end:paren]).lstrip("的")
    if not named:   # 城市建设区超过300万人的城市只有南宁（361.4万人）: the variable the class is bounded by
        bound = next(_CLASS_THRESHOLD.finditer(sentence, clause_start(sentence, owner.start), owner.start), None)
        if bound and q.unit and q.unit == bound.group("unit"):
            return bound.group(1) + ("人口" if q.unit == "人" and not re.search(r"人口|人数$", bound.group(1)) else "")
    return named if len(named) >= 2 and re.fullmatch(_BRACKETED_MEASURE, named) else None


_CLASS_THRESHOLD = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:超过|大于|高于|不低于|不少于|达到)\s*\d+(?:\.\d+)?\s*[万亿千百]?"
                              r"\s*(?P<unit>[\u4e00-\u9fff]{1,2}?)\s*(?:以上)?的")


def _narrowest(topics: list[Mention], mentions: list[Mention]) -> Mention:
    """The first topic, or the place that narrows it (广东深圳市 → 深圳)."""
    chosen = topics[0]
    for m in mentions[mentions.index(chosen) + 1:]:
        if not m.refines or m.start >= topics[-1].end:
            break
        chosen = m
    return chosen


def carry_subject(carry: Carry, mentions: list[Mention], sentence: str, upto: int, ctx: Context) -> None:
    """The subject of the last clause that names one carries into later clauses."""
    by_clause: dict[int, Mention] = {}
    for m in mentions:
        if m.start >= upto or not m.topic or counts_follow(m, sentence):
            continue
        by_clause.setdefault(clause_start(sentence, m.start), m)
    if by_clause:
        first = by_clause[max(by_clause)]
        m = _narrowest([x for x in mentions if x.topic and x.start >= first.start and x.end <= upto], mentions)
        carry.subject, carry.subject_at = _place_list(m, mentions, sentence, ctx), ctx.offset


# 占全国的比重为46.7%。, 比上年增长5%。: a sentence that opens on a predicate goes on about the subject before
_OPENS_ON_PREDICATE = re.compile(r"^\s*(?:占|比(?!重)|较|同比|其中|分别|增长|下降|提高|达到|为)")


def continues(sentence: str) -> bool:
    """Whether a sentence opens on a predicate, going on about the subject of the sentence before."""
    return bool(_OPENS_ON_PREDICATE.match(sentence))


def subject_with_source(subject: str | None, owner: Mention | None, carry: Carry,
                         ctx: Context, follows_on: bool = False) -> tuple[str | None, str | None]:
    """(subject, where it came from): the sentence names it, an earlier sentence did (carried), or
    the document speaks for its jurisdiction (全省 in a provincial report, a national communiqué), unless the
    sentence opens on a predicate (`follows_on`: 占全国的比重为46.7%。 after a region's figure)."""
    if subject and (owner is not None or carry.subject_at == ctx.offset):
        return subject, "sentence"
    if subject and (not ctx.doc.jurisdiction or follows_on):
        return subject, "previous"
    if ctx.doc.jurisdiction:   # a document's sentences speak of its place unless they name another
        return ctx.doc.jurisdiction, "document"
    # a paper's section on one place (连云港港口), else a paper on one place (中国西北地区城镇化质量…)
    if carry.heading_place or ctx.doc.title_place or ctx.doc.case:
        return carry.heading_place or ctx.doc.title_place or ctx.doc.case, "document"
    return None, None
