"""Not-fact filters: `fact_quantities` returns the quantities of a sentence that state a figure of the
world, dropping method statistics (significance levels, samples, study design), section numbers,
rankings, enumerated examples, named capacities and class limits (…以上的企业).
"""
from __future__ import annotations

import re

from kb.extract.clauses import COUNT_UNITS, LIST_GAP, MEASURE_UNITS, clause_end, clause_start
from kb.extract.numbers import Quantity
from kb.extract.places import place_table


# 在1%的水平上显著: a test's significance level, not a figure of the world
_SIGNIFICANCE = re.compile(r"\s*的?\s*(?:统计)?(?:显著性?水平|水平上?(?:显著|通过)|置信)")
# units that count things; a Chinese numeral before them is mostly a word (一个, 两项, 三条)
# units after which a Chinese numeral states an amount (三千万元, 两百万人) rather than a word (二十国集团)
_CHINESE_NUMERAL_UNITS = {"元", "美元", "欧元", "人", "户", "吨", "公里", "千米", "平方公里", "平方千米", "亩", "公顷", "家", "标箱",
                          "千瓦", "千瓦时", "立方米"}
# 4个方面, 3个“更加注重”, 17个指标, 3个新内涵: counts of a text's own points, dimensions or variables
_ENUMERATED = re.compile(r"\s*(?:[“\"]|(?:主要|重要|核心|关键|基本|具体|经济|构成|[一二三]级|新)*(?:方面|内涵|含义|启示|层次|层面|维度|要件|要素|关键问题|问题|特征|特点|原因|途径|路径|阶段"
                         r"|类型|部分|角度|视角|原则|任务|措施|对策|建议|环节|(?:[一二三]级|分项|具体|表征|预期性|约束性|评价|考核)?指标|子系统|等级|(?:时间)?断面"
                         r"|模型|变量|假设|步骤|板块|俱乐部|结论|思路|方向|模式|层级|梯队|样本|检验|要件|年份点?|时间点|时点|截面|(?:研究|评价|空间|地理|基本)单元|主成分(?:因子)?|公因子|类))")
# 以下4个, 这9个: a number that points back or forward to an enumeration
_POINTING = re.compile(r"(?:以下|如下|下列|这|那|这些|上述|前述|其中|以上)\s*$")
# 12个省（区、市）, 9个市（州）: the make-up of a region or a sample, not a measurement
_ADMIN_UNITS = re.compile(r"\s*(?:省|市|县|州)?\s*[（(][区市州县盟、\s]+[)）]|\s*省、自治区、直辖市")
# 从2012年的1.69下降至2021年的1.53: a bare figure as the dated start or end point of a change
_DATED_POINT = re.compile(r"(?:从|由|到了?|至|为)\s*(?:19|20)\d{2}\s*年\s*的\s*$")
# P值为0.03, R²=0.86, 系数为0.35, t值: statistics of a method, not figures of the world
_STATISTIC = re.compile(r"(?:chi2|χ2|χ²|卡方|\$?(?<![A-Za-z])[PpRrtTFZz]\$?\s*(?:\^?\{?2\}?|²|平方|方)?\$?\s*值?|系数|弹性|权重|相关系数|显著性水平|置信度|拟合优度"
                        r"|累[积计]贡献率|方差贡献率|特征根|特征值|载荷"
                        r"|检验值|统计量)\s*(?:值)?[^，,。；=<>≤≥]{0,4}?\s*(?:[=<>≤≥]|为|是|达到?|分别为)\s*$")
# 选取30个省份, 以12个城市为样本: the design of a study, not a count in the world
_STUDY_DESIGN = re.compile(r"选取|选择|选用|样本|研究对象|研究区|面板数据|本文|本研究|测算了?|测度|考察")
# 在全国673个城市中…排在前20位, 168个城市空气质量排名中: the field a ranking is taken over
_RANKED_FIELD = re.compile(r"[^，,。；]{0,14}?(?:排名|排行榜?)?中")
_RANK_IN_POOL = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:之首|之末|首位|前列|第[一二三四五六七八九十\d]+位?|前[一二三四五六七八九十\d]+[位名]?)")
_RANKING = re.compile(r"排名|排行|排在|位居|居第|第\s*\d+\s*位|前\s*\d+\s*[位名强]")
_DESIGN_UNITS = re.compile(r"\s*(?:个)?\s*(?:省份|省区|省|城市|地级市|地级及以上城市|地市|县|区县|县域|国家|样本|企业|家企业|指标|变量)")
# 假设一辆小汽车1小时…: a hypothetical's numbers
_HYPOTHETICAL = re.compile(r"^\s*(?:假设|假定|假如|设想|不妨设)")
# 如利用区块链技术…，通关效率提升超30%: the effect a recommended means would have, dated by nothing
_MEANS_EXAMPLE = re.compile(r"^\s*(?:如|比如|若|如果)(?:能)?(?:利用|通过|采用|借助|运用|推广)")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")
# 表2中3个地区: the regions of the text's own table or figure
_TABLE_POINTER = re.compile(r"(?:表|图)\s*\d+(?:[-.]\d+)?\s*(?:中|所示的?|列出的)\s*$")
# 排名后5名: a rank
_RANK = re.compile(r"(?:前|后|倒数)\s*$")
# 人均水资源量1000立方米的缺水警戒线, 超过30%国际公认警戒线: a threshold, not a measurement
_THRESHOLD = re.compile(r"[^，,。；;]{0,30}?(?:警戒线|标准线|阈值|门槛|临界值|国际标准|国际通行标准|标志性转折点)")
# “三个80%”, 中东欧17国, 二、百姓富（7项）: a number inside a name or a heading's count
_NAMED_COUNT = re.compile(r"[\u4e00-\u9fff]$")


def fact_quantities(found: list[Quantity], sentence: str) -> list[Quantity]:
    """The quantities that state facts; the members of a list whose first member is not a fact
    (累积贡献率依次分别为90.665%、87.685%…) are not either."""
    kept, dropped_end, dropped_unit = [], -1, None
    for q in found:
        gap = sentence[dropped_end:q.start] if dropped_end >= 0 else ""
        if dropped_end >= 0 and LIST_GAP.fullmatch(gap) and (dropped_unit == q.unit or not dropped_unit and "，" not in gap):
            dropped_end = q.end   # …超过100%，51个县…: after a comma a figure of another unit opens a new statement
        elif (not q.unit and kept and not kept[-1].unit and "." in q.raw
              and LIST_GAP.fullmatch(sentence[kept[-1].end:q.start]) and not re.search(r"[，,]", sentence[kept[-1].end:q.start])):
            kept.append(q)   # 依次是0.5370、0.4611…和0.4403: the bare values listed after the first stated one
        elif _is_fact_quantity(q, sentence):
            kept.append(q)
            dropped_end = -1
        else:
            dropped_end, dropped_unit = q.end, q.unit
    return kept


def _in_short_quote(sentence: str, q: Quantity) -> bool:
    """“三个80%”, “1310”具体部署: a number inside a short quoted name."""
    opened = sentence.rfind("“", 0, q.start)
    closed = sentence.find("”", q.end)
    return (opened >= 0 and closed >= 0 and closed - opened <= 14
            and "”" not in sentence[opened:q.start] and "“" not in sentence[q.end:closed])


# 2 县域经济密度…, 3.1 数据来源: a section number, a space, the heading's words
_SECTION_NUMBER = re.compile(r"\s*\d{1,2}(?:\.\d{1,2}){0,2}[ \u3000]+(?=[\u4e00-\u9fff])")
# 1.1国家高新区的由来, 1.2.3三次创业阶段: a dotted section number with no space before the heading's words
_GLUED_SECTION_NUMBER = re.compile(r"\s*#*\s*\d{1,2}(?:\.\d{1,2}){1,2}(?=[\u4e00-\u9fff“])")


def _is_glued_section_number(q: Quantity, sentence: str) -> bool:
    """The quantity is a section number opening a heading, read with the heading's first character as
    its unit (1.1国 of 1.1国家高新区的由来); an amount (1.2万亿元…) or a measure (1.5%) is not one."""
    m = _GLUED_SECTION_NUMBER.match(sentence)
    return (m is not None and q.start < m.end() and (q.unit in COUNT_UNITS or not q.unit)
            and not re.search(r"[万亿千百]", q.raw))


def _heading_count(sentence: str, q: Quantity) -> bool:
    """二、百姓富（7项）: the count of items a heading announces (also run into a flattened table's row)."""
    if re.search(r"[一二三四五六七八九十]、[\u4e00-\u9fff]{1,10}[（(]\s*$", sentence[:q.start]) \
            and re.match(r"\s*[)）]", sentence[q.end:]):
        return True
    return (len(sentence) <= 24 and re.search(r"[（(]\s*$", sentence[:q.start]) is not None
            and re.match(r"\s*[)）]", sentence[q.end:]) is not None
            and re.match(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、]|第)", sentence) is not None)


def _is_fact_quantity(q: Quantity, sentence: str) -> bool:
    before = sentence[max(0, q.start - 6):q.start]
    after = sentence[q.end:q.end + 2]
    clause = sentence[clause_start(sentence, q.start):q.start]
    if _STATISTIC.search(sentence[max(0, q.start - 12):q.start]) or _HYPOTHETICAL.match(sentence) \
            or (_MEANS_EXAMPLE.match(sentence) and not _YEAR.search(sentence)):
        return False
    if _THRESHOLD.match(sentence, q.end) or _in_short_quote(sentence, q) or _heading_count(sentence, q):
        return False
    if _SECTION_NUMBER.match(sentence) and q.start < _SECTION_NUMBER.match(sentence).end() \
            and not re.search(r"[，,。；;：:]", sentence):
        return False   # 2 县域经济密度综合测度及时间演变, 3.1 数据来源: a heading's section number
    if _is_glued_section_number(q, sentence):
        return False   # 1.1国家高新区的由来: a converted paper's section number glued to its heading
    if q.unit == "国" and _NAMED_COUNT.search(sentence[:q.start].rstrip()) and not re.search(r"[有共达为是]\s*$", before):
        return False
    if _is_group_name_count(q, sentence):
        return False   # “珠三角”9市以及…, 而7个重要节点城市的第三产业占比…: the count names the group the clause is about
    if q.unit in COUNT_UNITS and (_TABLE_POINTER.search(sentence, 0, q.start) or _catalogue_count(q, sentence)):
        return False   # 表2中3个地区的Theil指数, 根据…目录中发布的1～3个主导产业，对…进行梳理: the study's own material
    if q.unit in ("名", "位") and _RANK.search(before):
        return False
    if re.match(r"\s*级(?!以上|以下|及)", after) and q.unit and q.unit not in MEASURE_UNITS:
        return False   # 7亿吨级冶镁白云岩, 25兆瓦级风电主轴轴承: a size class in a name
    if q.unit in _LENGTH_UNITS and _APERTURE.match(sentence, q.end):
        return False   # 110米口径全向可动射电望远镜: a size inside an instrument's name
    if _is_named_capacity(q, sentence):
        return False
    if q.unit in ("小时", "天", "日") and _NAMED_POLICY.match(sentence, q.end):
        return False   # 用好240小时过境免签等政策: a time inside a policy's name
    if (q.unit in ("国", "省", "县") and after.startswith("道")) or (q.unit == "位" and after.startswith("数")) \
            or (q.unit == "人" and after.startswith("均")):
        return False   # 635国道, 8位数行业: names and codes; 19人均预期寿命: a row number before 人均
    if q.unit in COUNT_UNITS and re.search(r"(?:、[^、，,。；]{1,10}){2,}等\s*$", sentence[:q.start]):
        return False   # 重庆、成都、西安、昆明、南宁等5个…: the count of the list just named
    if q.unit in COUNT_UNITS and re.search(r"(?:其他|其余|另外)\s*$", before):
        return False   # 略高于其他3个省区: the rest of a list, not a count in the world
    if q.unit in ("县", "市", "省", "国") and re.search(r"(?:包括|包含|涵盖)[^，,。；;]{0,20}$", clause):
        return False   # 东京湾区包括东京都和周边7县: what a region is made of
    if (q.unit in ("个", "家", "省", "市", "县", "国", "") and _DESIGN_UNITS.match(sentence, q.end if q.unit else q.end)
            and (_STUDY_DESIGN.search(clause) or _STUDY_DESIGN.search(sentence, q.end, q.end + 30))):
        return False
    if (q.unit in COUNT_UNITS and re.search(r"在\s*(?:全国|全球|世界|全省|全市)?\s*$", before)
            and _RANKED_FIELD.match(sentence, q.end) and _RANKING.search(sentence)):
        return False
    if q.unit in COUNT_UNITS and re.search(r"(?:居|位居|位列|位于|列)\s*$", before) and _RANK_IN_POOL.match(sentence, q.end):
        return False   # 水质指数居15个副省级城市之首: the pool a rank is taken in
    if q.unit in COUNT_UNITS and re.match(r"[^，,。；;]{0,14}?(?:排名|排行榜?)中", sentence[q.end:]):
        return False   # 168个城市空气质量排名中: the field a ranking is taken over
    if _is_class_bound(q, sentence) or (_BRACKETED_LIMIT.search(sentence, 0, q.start)
                                        and re.match(r"\s*(?:以上|以下)?\s*[)）]", sentence[q.end:])):
        return False   # 极度缺水城市（人均水资源量不足500立方米）: the limit that defines the class just named
    if q.unit in ("种", "类") and _KINDS_LISTED.match(sentence, q.end):
        return False   # 拓展出新的4种产业范围，简单说就是硬件、软件、内容和服务: the text's own classification
    if q.unit == "%" and _COUNTED_CLASS.search(clause):
        return False   # 仍有7个县固定资产投资占GDP的比重超过100%: the limit of the class counted
    if q.unit in COUNT_UNITS and _BETWEEN_REGIONS.match(sentence, q.end):
        return False   # 扩大3个地区之间…的差距: the regions the text divides the country into
    if q.unit in ("米", "公里", "千米", "分钟", "小时") and re.match(r"\s*(?:以)?内[\u4e00-\u9fff]", sentence[q.end:q.end + 4]) \
            and not re.search(r"(?:为|达到?|是|至|在)\s*$", before):
        return False   # 公交与轨道50米内换乘比例: a distance that delimits what is measured
    if q.unit in ("小时", "分钟", "天") and q.value == 1 and re.match(r"\s*(?:内)?\s*(?:只|则|就)?(?:能|可|可以)", sentence[q.end:]):
        return False   # 小汽车1小时只能运输3000人: the time a capacity is stated per
    if q.unit in ("小时", "分钟") and _TIMED_NAME.match(sentence, q.end):
        return False   # 建设城市1小时低空应急救援体系, 15分钟便民生活圈: a time inside the name of a system
    if q.numeral == "chinese":
        return q.unit in MEASURE_UNITS or (q.unit in _CHINESE_NUMERAL_UNITS and q.value >= 10)
    if q.unit == "":
        # a bare figure is a fact only when stated as a value (城乡收入比为2.68), never a year or label
        return ("." in q.raw and (re.search(r"(为|是|达到?|约|至|到|从|由)\s*$", before) is not None
                                  or _DATED_POINT.search(sentence, 0, q.start) is not None)
                and not re.match(r"\s*[年月日号期版]", after))
    if q.unit == "年" or _SIGNIFICANCE.match(sentence, q.end):
        return False
    if q.unit in COUNT_UNITS and (_ENUMERATED.match(sentence, q.end) or _POINTING.search(before)
                                   or _ADMIN_UNITS.match(sentence, q.end) or _DIVIDED_INTO.search(before)
                                   or _counts_listed_names(q, sentence) or _studied_sample(sentence)
                                   or _MERGED.match(sentence, q.end)):
        return False
    return not (_CLASS_LIMIT.search(before) and _CLASS_OF.match(sentence, q.end)) \
        and not (_NAMED_SIZE.search(before) and re.match(r"[\u4e00-\u9fff]", after)) \
        and not _PER_TIME.search(sentence, clause_start(sentence, q.start), q.start)


_LENGTH_UNITS = {"米", "千米", "公里", "厘米"}
_APERTURE = re.compile(r"\s*(?:口径|直径|孔径|跨径|主跨)[\u4e00-\u9fff]")
# 国能准东20亿立方米/年煤制天然气项目, 国能哈密400万吨煤制油和…项目: a capacity that names a project
_CAPACITY_UNITS = {"吨", "立方米", "千瓦", "瓦", "千瓦时", "吨标准煤", "GW", "MW"}
_NAMED_PROJECT = re.compile(r"\s*(?:[/／]\s*年)?(?=[\u4e00-\u9fff])[^，,。；;：:]{0,30}?(?:项目|工程|装置|生产线)")
_STATED_BEFORE = re.compile(r"(?:为|达|达到|是|超过|突破|增加|增长|提高|合计|共|累计|总计|新增|规模|产能|产量|能力|装机|容量)\s*$")
# 240小时过境免签政策, 72小时无理由退货: a time that names a policy
_NAMED_POLICY = re.compile(r"\s*(?:过境)?免签|\s*[\u4e00-\u9fff]{0,6}(?:政策|制度)(?!执行|实施|落实)")


def _is_named_capacity(q: Quantity, sentence: str) -> bool:
    """20亿立方米/年煤制天然气项目: a plant's capacity inside the name of a project, after the name of its
    owner or site, not a capacity stated (新增产能400万吨, 装机容量达到…)."""
    before = sentence[:q.start].rstrip()
    return (q.unit.split("/")[0] in _CAPACITY_UNITS and bool(re.search(r"[\u4e00-\u9fff]$", before))
            and not _STATED_BEFORE.search(before) and bool(_NAMED_PROJECT.match(sentence, q.end)))


# 51个县固定资产投资占GDP的比重处于50%—100%: a share range that delimits the things counted before it
_COUNTED_CLASS = re.compile(r"(?:^|有)\s*\d+\s*个[\u4e00-\u9fff]{1,4}[^，,。；;\d]{2,24}(?:超过|大于|高于|低于|小于|不足|处于|介于)"
                            r"\s*(?:\d+(?:\.\d+)?\s*%?\s*[—–\-~～至到]\s*)?$")
_BETWEEN_REGIONS = re.compile(r"\s*(?:大)?(?:地区|区域|板块|地带)(?:之间|间)")
# 分13个领域细化任务, 划分为4个等级: the parts a text divides its matter into
_DIVIDED_INTO = re.compile(r"(?:^|[^部])(?:分|分为|划分为|归纳为|概括为|总结为|分成|归并为|合并为|整合为)\s*$")
# 将42个行业进行了归并: the classes a study merges its data into, not a count in the world
_MERGED = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:进行了?)?(?:归并|合并|整合)(?:为|成)?")
# 超过300万人的城市只有…, 占比超过10%的有44种: the limit that defines a class, not a measurement
_CLASS_LIMIT = re.compile(r"(?:超过|大于|高于|不低于|不少于|低于|小于|不足|少于)\s*$")
_CLASS_OF = re.compile(r"\s*(?:以上|以下)?\s*的\s*(?:有|[\u4e00-\u9fff]{0,4}(?:城市|省份|省区|地区|国家|企业|县|区县|地州市|产品"
                       r"|行业|项目|家庭|样本))")
_BRACKETED_LIMIT = re.compile(r"(?:城市|地区|国家|省份|县|企业|家庭|农户|人口|村)\s*[（(][\u4e00-\u9fff]{0,10}"
                              r"(?:超过|大于|高于|不低于|不少于|低于|小于|不足|少于)\s*$")
# 4种产业范围，简单说就是硬件、软件、内容和服务: kinds a text names as it sorts things
_KINDS_LISTED = re.compile(r"[^，,。；;]{0,12}[，,：:]\s*(?:简单(?:地)?说|具体(?:来)?说|也)?\s*(?:就是|即|包括|分别是|分别为)"
                           r"\s*[：:]?\s*[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+")
# 全球最高10米液压支架: a size in a product's name
_NAMED_SIZE = re.compile(r"最(?:高|大|长|宽|深|重|小|轻)\s*$")
# 轻轨交通1小时能运输1万—3万人: a capacity per unit of time, as an illustration
_TIMED_NAME = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:体系|服务圈|生活圈|交通圈|通勤圈|经济圈|服务网|救援圈)(?=[，,。；;、）)”]|$)")
_PER_TIME = re.compile(r"\d+\s*(?:小时|分钟)\s*(?:内)?\s*(?:只|就|则)?(?:能|可以?)\s*[\u4e00-\u9fff]{1,4}\s*$")
# 杜兴洋等（2019）…分别对…9个市（州）…进行实证分析: the sample of a study, cited or its own
_STUDY_CITED = re.compile(r"[\u4e00-\u9fff]{2,4}等?\s*[（(](?:19|20)\d{2}[a-z]?[)）]")
_STUDIED = re.compile(r"对[^。；]*?进行[^。；，,]{0,6}(?:分析|研究|测度|评价|评估|检验)")


def _studied_sample(sentence: str) -> bool:
    return bool(_STUDY_CITED.search(sentence) and _STUDIED.search(sentence))


def _counts_listed_names(q: Quantity, sentence: str) -> bool:
    """陆家嘴、张江、金桥、世博4个片区: a count of the names listed just before it."""
    if abs(q.value - round(q.value)) > 1e-6 or q.value < 2:
        return False
    m = re.search(r"(?:^|(?<=[，,。；;：:）)]))((?:[^、，,。；：:（）()\d]{1,10}、)+[^、，,。；：:（）()\d]{1,10}?)\s*(?:等)?\s*$", sentence[:q.start])
    if m and len(re.split(r"、|和|及|与", m.group(1))) == round(q.value):
        return True
    # 得到…西部地区、东北地区、中部地区和东部地区4个区域的…: places listed after a verb, counted as a bare class
    # (重庆、西安、成都3个核心城市 says more than the list: a fact of its own)
    if not re.match(r"\s*(?:区域|地区|省份|省区|省市|板块)", sentence[q.end:]):
        return False
    run = re.search(r"((?:[^、，,。；：:（）()\d]{1,16}、)+[^、，,。；：:（）()\d]{1,10}?)\s*(?:等)?\s*$", sentence[:q.start])
    if not run:
        return False
    items = re.split(r"、|和|及|与", run.group(1))
    first = [p for p in place_table()[1].finditer(items[0]) if p.end() == len(items[0])]
    return (len(items) == round(q.value) and bool(first)
            and all(place_table()[1].fullmatch(x) for x in items[1:]))


# 50户以上农村木质房屋连片村寨, 30户以上的自然村: settlements a household count delimits
_SETTLEMENT = re.compile(r"\s*(?:的)?[\u4e00-\u9fff]{0,10}?(?:村寨|自然村|村组|村庄|屯|聚居点|聚居区|安置点)")


_CLASS_NAMED = re.compile(r"\s*的\s*[\u4e00-\u9fff]{0,8}?(?:园区|企业|项目|工程|城市|县|乡镇|村|机组|设施|码头|港口|单位|主体|学校|医院|"
                          r"农户|家庭|商户|景区)(?=[，,。；;、]|[\u4e00-\u9fff]{0,2}(?:接入|纳入|实施|开展|实现|给予|享受|按|执行))")


def _is_class_bound(q: Quantity, sentence: str) -> bool:
    """0—6岁儿童, 10万千瓦及以下燃煤机组: an age or size that delimits a class of things; with 以上/以下
    only when another figure of the clause measures that class (25度以上陡坡耕地面积占全国的70%)."""
    end = q.end + len(re.match(r"\s*(?:及|或)?\s*以[上下]", sentence[q.end:]).group(0)) \
        if re.match(r"\s*(?:及|或)?\s*以[上下]", sentence[q.end:]) else q.end
    if q.unit == "岁" and re.match(r"\s*(?:及|或)?\s*(?:以[上下])?\s*(?:儿童|人口|老年|老人|青少年|婴幼儿|幼儿|人群|妇女"
                                  r"|居民|学生|群体|男性|女性|职工|劳动|青年)", sentence[end:]):
        return True
    if q.unit in COUNT_UNITS and q.raw.rstrip().endswith("以上") \
            and re.match(r"\s*[\u4e00-\u9fff]{2,10}?(?:覆盖率|全部|均已|都已)", sentence[q.end:]):
        return True   # 20户以上自然村全部通硬化路, 30户以上自然村寨覆盖率: the size that delimits the class
    if (q.unit not in COUNT_UNITS and (end > q.end or re.search(r"以[上下]\s*$", q.raw)) and re.search(r"\d+\s*(?:个|所|家|座|处|户)\s*(?:海拔|人口|面积|规模|年产)\s*$", sentence[:q.start])
            and re.match(r"\s*[\u4e00-\u9fff]", sentence[end:]) and not sentence[end:].lstrip().startswith("的")):
        return True   # 为100所海拔1500米以上农村中小学幼儿园建设供暖设施: the limit that says which schools are counted
    if q.unit in ("户", "人") and q.raw.rstrip().endswith("以上") and _SETTLEMENT.match(sentence, q.end):
        return True   # 全省50户以上农村木质房屋连片村寨“水改”: the size of the villages meant
    if (q.unit not in COUNT_UNITS and q.raw.rstrip().endswith("以上") and re.search(r"\d+\s*个\s*$", sentence[:q.start])
            and re.match(r"\s*(?:的)?(?:项目|企业|工程)", sentence[q.end:])):
        return True   # 12个百亿元、70个30亿元以上项目: the size that delimits the projects counted
    if q.unit in COUNT_UNITS or not (q.qualifier and re.search(r"以[上下]", q.qualifier) or end > q.end):
        return False   # 新建5个以上医疗集团: a count with 以上 is a target, not a class
    if _CLASS_NAMED.match(sentence, end):
        return True   # 推动大宗货物年运量150万吨以上的物流园区、工矿企业…接入铁路专用线: the limit that says which ones
    if not (re.match(r"\s*(?![的降升增减提下上达为占到至])[\u4e00-\u9fff]", sentence[end:])
            or re.match(r"\s*的\s*[\u4e00-\u9fff]{1,10}?(?:占比|比重|比例)", sentence[end:])):
        return False   # (经营性收入50万元以上的行政村占比达68%: the class whose share is given)
    rest = sentence[end:clause_end(sentence, end)]
    return bool(re.search(r"(?:占|为|达|比重|占比)[^、]{0,12}\d", rest)) or bool(re.search(r"(?:关停|淘汰|拆除)\s*$", sentence[:q.start]))


# 珠三角9市, 粤港澳大湾区9市: a count glued to the place whose members it counts names the group
_GROUP_UNITS = {"市", "省", "国"}
_GROUP_NOUN = re.compile(r"\s*(?:个|座)?[\u4e00-\u9fff]{0,8}?(?:城市|地市|地州市|地级市|省份|省区|国家|地区|区县|县市)的?"
                         r"[^，,。；;\d]*?(?:均|都|分别|平均)[^，,。；;\d]{0,8}\d")
# 珠三角9市GDP合计…: a total over the members counted keeps their count
_TOTAL_OVER = re.compile(r"[^，,。；;]{0,12}?(?:合计|总计|共计|加总|总和)")
_GROUP_NAMED = re.compile(r"\d+\s*(?:个|座)?([\u4e00-\u9fff]{0,8}?(?:城市|地市|地州市|地级市|省份|省区|国家|地区|区县|县市))")
_CLAUSE_OPEN = re.compile(r"(?:^|[，,；;：:]|而|但|且)\s*$")


def group_opening_clause(sentence: str, clause: int, upto: int) -> str | None:
    """而7个重要节点城市的第三产业占比均处于42%-55%: the group (7个重要节点城市) a count opening the clause
    names, whose figure the clause states for each member, for the figures up to `upto`."""
    for m in _GROUP_NAMED.finditer(sentence, clause, upto):
        count_end = m.start() + len(re.match(r"\d+", m.group(0)).group(0))
        if not re.match(r"\s*[个座]", sentence[count_end:]) or sentence[m.start() - 1:m.start()].isdigit():
            continue   # 2000年西部地区人均…: a year, no count
        noun = _GROUP_NOUN.match(sentence, count_end)
        if _CLAUSE_OPEN.search(sentence, 0, m.start()) and noun and noun.end() <= upto + 1:
            return m.group(0)
    return None


def _is_group_name_count(q: Quantity, sentence: str) -> bool:
    """“珠三角”9市以及…, 2018年粤港澳大湾区9市的创新能力…: a count right after the place whose members it
    counts; 而7个重要节点城市的第三产业占比均处于42%-55%: a count opening the clause, of the group whose
    figure the clause states for each member. Counts stated (有9市, 下辖9市, 全省21个地州市中有…) and counts
    a total is taken over (9市GDP合计, 9个国家中心城市常住人口合计…) stay."""
    if q.unit in _GROUP_UNITS:
        before = sentence[:q.start].rstrip().rstrip("”\"")
        place = [m for m in place_table()[1].finditer(before) if m.end() == len(before)]
        if place and not re.search(r"[有共达为是辖含括计至到]\s*$", sentence[:q.start]) \
                and not _TOTAL_OVER.match(sentence, q.end):
            return True
    if q.unit not in ("个", "座", "市", "国"):
        return False
    named = _GROUP_NAMED.match(sentence, q.start)
    return (_CLAUSE_OPEN.search(sentence, 0, q.start) is not None and _GROUP_NOUN.match(sentence, q.end) is not None
            or named is not None and len(named.group(1)) >= 4 and named.group(0) in sentence[:q.start])   # …反映出7个重要节点城市产业结构: the group again


# 根据两期《…目录》中发布的各开发区扶持的1～3个主导产业，分别对…进行梳理: how the material a study sorts is made
_BASED_ON = re.compile(r"根据[^，,。；;]*$")
_SORTED = re.compile(r"对[^。；]*?进行[^。；，,]{0,6}(?:梳理|分析|研究|测度|评价|评估|检验|统计|比较)")


def _catalogue_count(q: Quantity, sentence: str) -> bool:
    return bool(_BASED_ON.search(sentence, 0, q.start) and _SORTED.search(sentence, q.end))
