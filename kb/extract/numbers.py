"""Quantities in Chinese text: a small span grammar over Arabic and Chinese numerals.

`find_quantities(text)` returns every quantity with its character offsets in `text`, its value in
base units (31.14万标箱 -> 311400 标箱, 1458.8亿元 -> 145880000000 元, 百分之十五 -> 15 %), the
qualifier that hedges it (约, 超过, 以上…) and, for ranges (75%—80%), both ends.

Offsets index the text as given: matching runs on a same-length normalisation (full-width digits
and signs folded to ASCII) so every offset stays valid for the caller's text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kb.extract.periods import find_periods


@dataclass
class Quantity:
    start: int
    end: int
    raw: str
    value: float
    unit: str = ""               # base unit: 元, 美元, 标箱, 人, %, 百分点, 倍, "" for a bare number
    qualifier: str | None = None  # 约, 超过, 近, 以上 ... (prefix and suffix joined by "…")
    low: float | None = None     # range ends, in the same base unit as `value`
    high: float | None = None
    numeral: str = "arabic"      # "arabic" or "chinese": Chinese numerals are often words (一个, 第一)
    low_raw: str | None = None   # literal text of each range end
    high_raw: str | None = None

    @property
    def is_range(self) -> bool:
        return self.high is not None


def analysis_text(text: str) -> str:
    """Full-width ASCII forms folded to ASCII, one character for one, so offsets survive. (Callers
    with kb.clean's fuller same-length view pass that; this fold leaves it unchanged.) This module
    imports nothing from the cleaning stage, so every stage can use its numeral grammar."""
    out = []
    for ch in text:
        if "\uff01" <= ch <= "\uff5e":
            out.append(chr(ord(ch) - 0xFEE0))
        elif ch == "\u3000":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


# ------------------------------------------------------------------ Chinese numerals
_CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
             "陆": 6, "柒": 7, "捌": 8, "玖": 9, "陸": 6, "倆": 2, "兩": 2}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000, "兆": 1_000_000_000_000}
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_BIG)


def numeral_value(text: str) -> float | None:
    """The value of a numeral written in Arabic digits (1,234.5) or Chinese (十二, 一百零五, 二〇二六);
    None when `text` is not one. The one numeral grammar of the project: cleaning, structure and
    extraction call this rather than keeping their own digit tables."""
    text = text.strip()
    if re.fullmatch(_AR, text):
        return float(text.replace(",", ""))
    return chinese_number(text)


def chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral (一百二十 -> 120, 两万五 -> 25000, 三点五 -> 3.5, 二〇一九 -> 2019)."""
    if not text:
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        w = chinese_number(whole) if whole else 0
        if w is None or not frac or any(c not in _CN_DIGIT for c in frac):
            return None
        return w + float("0." + "".join(str(_CN_DIGIT[c]) for c in frac))
    if all(c in _CN_DIGIT for c in text) and len(text) > 1:
        return float("".join(str(_CN_DIGIT[c]) for c in text))   # digit by digit: 二〇一九
    total, section, number, last_unit, zero = 0.0, 0.0, None, 1, False
    for ch in text:
        if ch in _CN_DIGIT:
            if number is not None and number != 0:
                return None     # two digits after a scale (十二五, 十三五) name a plan, not a number
            number = _CN_DIGIT[ch]
            zero = zero or number == 0
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            section += (1 if number is None else number) * unit
            number, last_unit, zero = None, unit, False
        elif ch in _CN_BIG:
            unit = _CN_BIG[ch]
            section += number or 0
            if unit > 10_000 and total and total < unit:
                total = (total + section) * unit     # 一万亿: the larger scale multiplies all before
            elif unit > 10_000:
                total = (total + section) * unit
            else:
                total += section * unit
            section, number, last_unit, zero = 0.0, None, unit, False
        else:
            return None
    if number is not None:
        # spoken abbreviation: 九百九 = 990, 两万五 = 25000 (but 一千零五 = 1005)
        section += number * (last_unit / 10 if last_unit >= 100 and not zero else 1)
    return total + section


# ------------------------------------------------------------------ grammar
_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = rf"[{_CN_CHARS}]+(?:点[{''.join(_CN_DIGIT)}]+)?"
# an OCR run of figures may keep a stray dot for the separator (43.14%，.47.06%和…, 21.57%.58.82%和…):
# a dot after a figure's % or a list separator opens the next figure, it is no decimal point
_TOKEN = re.compile(rf"(?:(?<![0-9A-Za-z.])|(?<=[%，,、；;]\.))(?P<ar>{_AR})(?![0-9A-Za-z])|(?P<cn>{_CN})")
_CN_HAS_DIGIT = re.compile(rf"[{''.join(_CN_DIGIT)}十拾]")

_SCALES = {"十": 10, "千亿亿": 1e19, "百亿亿": 1e18, "十亿亿": 1e17, "万亿亿": 1e20, "亿亿": 1e16, "万亿": 1e12, "萬億": 1e12, "億": 1e8, "萬": 1e4, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7,
           "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2}
# 千 before 米/瓦/克 is the unit's own prefix (千米 = kilometre), not a scale
_SCALE = re.compile(r"\s*(万亿亿|千亿亿|百亿亿|十亿亿|亿亿|万亿|萬億|千亿|百亿|十亿|亿|億|兆|千万|百万|十万|万|萬|千(?![米瓦克伏帕])|百(?![分万]))")
# 5万4千6百: further Arabic digits with smaller scales continue the same number
_SCALE_TAIL = re.compile(r"\s*(\d+)\s*(千万|百万|十万|万|千(?![米瓦克伏帕])|百(?![分万])|十)")
# 三成 = 30 %, 75折 = 75 %; not 成为, 成本, 折扣 …
_TENTHS = re.compile(r"\s*(成(?![为立本果员就交功长熟型效绩都品分效])|折(?![扣旧算合射线中]))")
_NEGATIVE = re.compile(r"(?:(?<![减抱担胜])负|(?<![\dA-Za-z])[-−])\s*$")   # not 减负2500亿元
_APPROX = re.compile(r"(多|余)")

# ×10^12, × 10^{12}: a power of ten after a mantissa
_POWER_OF_TEN = re.compile(r"\s*[×xX]\s*10\s*\^\s*\{?\s*(-?\d{1,2})\s*\}?")

# unit text -> base unit; longest first when matching
_UNITS = {
    "元人民币": "元", "人民币": "元", "美元": "美元", "欧元": "欧元", "日元": "日元", "港元": "港元",
    "英镑": "英镑", "卢布": "卢布", "元": "元", "块钱": "元",
    "标准箱": "标箱", "标箱": "标箱", "TEU": "标箱",
    "吨标准煤": "吨标准煤", "吨公里": "吨公里", "人公里": "人公里", "吨": "吨", "公斤": "公斤", "千克": "千克", "克": "克",
    "微克/立方米": "微克/立方米", "μg/m3": "微克/立方米", "μg/m³": "微克/立方米", "ug/m3": "微克/立方米",
    "平方公里": "平方公里", "平方千米": "平方千米", "km^2": "平方公里", "km²": "平方公里", "平方米": "平方米", "立方米": "立方米",
    "公顷": "公顷", "亩": "亩", "公里": "公里", "千米": "千米", "米": "米", "厘米": "厘米",
    "千瓦时": "千瓦时", "千瓦": "千瓦", "瓦": "瓦", "度": "度",
    "人次": "人次", "人": "人", "户次": "户次", "户": "户", "家": "家", "个": "个", "项": "项", "张": "张",
    "件": "件", "所": "所", "座": "座", "条": "条", "辆": "辆", "台": "台", "架": "架", "艘": "艘",
    "只": "只", "头": "头", "套": "套", "部": "部", "篇": "篇", "名": "名", "位": "位", "种": "种",
    "批次": "批次", "批": "批", "起": "起", "斤": "斤", "列": "列", "趟": "趟", "班次": "班次", "班": "班", "次": "次", "倍": "倍",
    "宗": "宗", "场次": "场次", "场": "场", "处": "处",
    "岁": "岁", "小时": "小时", "分钟": "分钟", "天": "天", "年": "年",
    "个月": "个月", "国": "国", "省": "省", "市": "市", "县": "县", "村": "村",
    "GW": "GW", "MW": "MW", "P": "P",   # 11.4万P: computing power in PFLOPS
}
# 部/百人, 张/千人, 辆/百户: a count per so many people or households
_PER_POPULATION = re.compile(r"\s*[/／]\s*((?:百|千|万|十万)(?:人口|人|户))")
# 801元/月, 58万元/人: an amount per month, year, person…
_PER_UNIT = re.compile(r"\s*[/／]\s*(月|年|日|天|秒|人|户|吨|亩)(?![口次均数])")
# a unit of Latin letters ends at a letter's end (P, not the P of PM or PB)
_UNIT = re.compile(r"\s*(" + "|".join(re.escape(u) + (r"(?![A-Za-z])" if u[-1].isascii() and u[-1].isalpha() else "")
                                     for u in sorted(_UNITS, key=len, reverse=True)) + r")")
_PERCENT = re.compile(r"\s*(%|‰|个多?百分点|百分点)")   # 2个多百分点: more than 2 points
_PREFIX_QUAL = ("大约", "约为", "约", "将近", "接近", "近", "超过", "超", "逾", "突破", "高达",
                "多达", "达到", "不足", "不到", "不超过", "不低于", "不少于", "不高于", "不小于", "不大于", "仅", "低于", "高于", "至少", "最高", "最多",
                "最低", "上万", "大于", "小于")
_QUAL_AS_HEDGE = {"约为": "约", "达到": None}
_SUFFIX_QUAL = re.compile(r"\s*(以上|以下|左右|之多|上下|有余|以内)")
_RANGE_DASH = re.compile(r"\s*([~～—–\-－]{1,2}|至|到)\s*")
_FRACTION = re.compile(rf"(?P<den>{_AR}|[{_CN_CHARS}]+)分之(?P<num>{_AR}|{_CN})")

# text that looks numeric but states no quantity: ISSN / article numbers, dates, codes, citations
_NOT_QUANTITY = re.compile(
    r"\d{4}-\d{3}[\dXx](?:\s*[（(]\d{4}[)）]\s*\d{2}-\d{4}-\d{2})?"   # 文章编号 2095-5766（2020）05-0001-15
    r"|CN\s*\d{2}-\d{4}/[A-Z]+"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"                                 # 2020-07-15
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*[日号](?![元人])"      # 5月17日
    r"|[A-Za-z]+\d[\w.\-]*|\d+[A-Za-z]+\d[\w\-]*"                     # F061.5, 17JJD850002, PM2.5
    r"|\[\d+(?:\s*[,，\-–—]\s*\d+)*\]"                                # [12] citations
    r"|[第序]\s*[\d零〇一二两三四五六七八九十百千]+"                       # ordinals
    r"|[图表]\s*\d+(?:[.\-]\d+)?|前\s*\d+\s*[名位强]"                      # 如图2所示, 前10位
    r"|\d+\s*所示"                                                   # 如模型1所示
)


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in `text`, in order, with offsets into `text`."""
    norm = analysis_text(text)
    blocked = _blocked_mask(norm)
    singles = [q for q in _single_quantities(norm, blocked)]
    merged = _per_head_amounts(norm, _shared_percentage_points(norm, _merge_ranges(norm, singles)))
    for q in merged:
        q.raw = text[q.start:q.end]
    return merged


# 每人每月209元、280元: a rate per head and period before an amount, said of the amounts of its clause
_PER_HEAD = re.compile(r"每(人|户)(?:每(月|年))?$|每(月)$")
_CLAUSE_END = re.compile(r"[，,；;。：:！？]")


def _per_head_amounts(norm: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with the per-head unit (元/人·月) on amounts after 每人每月 and on the amounts of its clause."""
    per, unit, clause_end = None, None, -1
    for q in found:
        if per and q.unit == unit and q.start < clause_end:
            q.unit = f"{unit}/{per}"
            continue
        per = None
        if not q.unit or "/" in q.unit or q.unit in ("%", "‰", "百分点", "倍"):
            continue
        before = norm[max(0, q.start - 10):q.start]
        lead = re.sub(r"(?:提高到?|提至|增加|增至|达到|为)?(?:" + "|".join(_PREFIX_QUAL) + r")?$", "", before)
        m = _PER_HEAD.search(lead)
        if not m:
            continue
        head, period = m.group(1), m.group(2) or m.group(3)
        per, unit = "·".join(x for x in (head, period) if x), q.unit
        end = _CLAUSE_END.search(norm, q.end)
        clause_end = end.start() if end else len(norm)
        q.unit = f"{unit}/{per}"
    return found


def _blocked_mask(norm: str) -> list[bool]:
    mask = [False] * len(norm)
    spans = [(m.start(), m.end()) for m in _NOT_QUANTITY.finditer(norm)]
    spans += [(p.start, p.end) for p in find_periods(norm) if p.has_year or p.month_only]
    for a, b in spans:
        for i in range(a, b):
            mask[i] = True
    return mask


def _single_quantities(norm: str, blocked: list[bool]):
    pos = 0
    fractions = {m.start(): m for m in _FRACTION.finditer(norm)}
    while True:
        m = _TOKEN.search(norm, pos)
        if not m:
            return
        pos = m.end()
        if any(blocked[m.start():m.end()]):
            continue
        if m.start() in fractions:
            q = _fraction(norm, fractions[m.start()])
            if q:
                pos = q.end
                yield q
                continue
        q = _quantity_at(norm, m)
        if q is not None:
            pos = max(pos, q.end)
            yield q


def _fraction(norm: str, m: re.Match) -> Quantity | None:
    num = numeral_value(m.group("num"))
    per = {"百": 1.0, "佰": 1.0, "千": 0.1, "仟": 0.1, "万": 0.01, "萬": 0.01, "百万": 1e-4, "千万": 1e-5,
           "万万": 1e-6}.get(m.group("den"))
    if num is not None and per is not None:   # 百分之十五 = 15 %, 千分之五 = 0.5 %, 万分之三 = 0.03 %
        qualifier = _qualifiers(norm, m.start(), m.end())   # (超过百分之三十)
        return Quantity(m.start(), qualifier[1] if qualifier and qualifier[1] else m.end(), "", num * per, "%",
                        qualifier[0] if qualifier else None, numeral="chinese")
    den = numeral_value(m.group("den"))
    if not den or num is None:
        return None
    return Quantity(m.start(), m.end(), "", num / den, "", numeral="chinese")


def _quantity_at(norm: str, m: re.Match) -> Quantity | None:
    """The quantity whose numeral token is `m`: numeral, 多/余, scale, unit, qualifiers."""
    numeral = "arabic" if m.group("ar") else "chinese"
    token = m.group(0)
    if numeral == "chinese":
        token = _trim_chinese_token(token)
        if not token:
            return None
    value = numeral_value(token)
    if value is None:
        return None
    start, end = m.start(), m.start() + len(token)
    approx = _APPROX.match(norm, end)
    if approx and numeral == "arabic":
        end = approx.end()
    scale = 1.0
    power = _POWER_OF_TEN.match(norm, end) if numeral == "arabic" else None
    if power:   # 3.234×10^12元 (a formula of a paper turned to text)
        value, end = value * 10 ** int(power.group(1)), power.end()
    if numeral == "arabic":
        s = _SCALE.match(norm, end)
        if s:
            scale, end = _SCALES[s.group(1)], s.end()
            value, end = _with_scale_tail(norm, value * scale, scale, end)
            scale = 1.0
            approx = _APPROX.match(norm, end)   # 3亿多人: 多 after the scale
            end = approx.end() if approx else end
    if _NEGATIVE.search(norm[max(0, start - 2):start]):
        value = -value
        start -= 1 if norm[start - 1] in "负-−" else 0
    unit = ""
    p = _PERCENT.match(norm, end)
    tenths = _TENTHS.match(norm, end)
    if tenths and not p:
        factor = 10 if tenths.group(1) == "成" or value < 10 else 1
        value, unit, end = value * factor, "%", tenths.end()
    elif p:
        unit, end = ("百分点" if "百分点" in p.group(1) else p.group(1)), p.end()
    else:
        u = _UNIT.match(norm, end)
        if u:
            unit, end = _UNITS[u.group(1)], u.end()
            if per := _PER_POPULATION.match(norm, end) or _PER_UNIT.match(norm, end):   # 126.5部/百人, 801元/月
                unit, end = f"{unit}/{per.group(1)}", per.end()
    if unit in ("%", "‰", "百分点", "倍"):
        scale = 1.0 if scale == 1.0 else scale   # 百分点/倍 take no scale; keep literal value
    qualifier = _qualifiers(norm, start, end)
    if qualifier and qualifier[1]:
        end = qualifier[1]
    q = Quantity(start, end, "", value * scale, unit, qualifier[0] if qualifier else None,
                 numeral=numeral)
    return q


def _with_scale_tail(norm: str, value: float, scale: float, end: int) -> tuple[float, int]:
    while True:
        t = _SCALE_TAIL.match(norm, end)
        if not t or _SCALES.get(t.group(2), 10) >= scale:
            return value, end
        scale = _SCALES.get(t.group(2), 10)
        value, end = value + float(t.group(1)) * scale, t.end()


def _trim_chinese_token(token: str) -> str:
    """A Chinese numeral must hold a digit; a leading or trailing bare scale (万, 亿) is a word."""
    if not _CN_HAS_DIGIT.search(token) or set(token) <= set("零〇○"):
        return ""
    while token and token[0] in "万亿千百":
        token = token[1:]
    return token


def _qualifiers(norm: str, start: int, end: int) -> tuple[str | None, int | None] | None:
    before = norm[max(0, start - 4):start].rstrip()
    pre = next((q for q in _PREFIX_QUAL if before.endswith(q)), None)
    if pre == "大约" and re.search(r"[扩增加放壮变]大约$", before):
        pre = "约"   # 扩大约11.36倍: the 大 ends the verb 扩大
    if pre in _QUAL_AS_HEDGE:
        pre = _QUAL_AS_HEDGE[pre]
    suf = _SUFFIX_QUAL.match(norm, end)
    approx = None
    if re.search(r"[\d万亿千百](多|余)", norm[start:end]):
        approx = re.search(r"[\d万亿千百](多|余)", norm[start:end]).group(1)
    words = [w for w in (pre, approx, suf.group(1) if suf else None) if w]
    if not words:
        return None
    return "…".join(words), (suf.end() if suf else None)


def _merge_ranges(norm: str, singles: list[Quantity]) -> list[Quantity]:
    """75%—80%, 2~3分钟, 6.9万亿—10.3万亿元: two quantities joined by a dash become one range."""
    out: list[Quantity] = []
    i = 0
    while i < len(singles):
        a = singles[i]
        b = singles[i + 1] if i + 1 < len(singles) else None
        if b and _minus_is_dash(norm, a, b):
            b.start, b.value = b.start + 1, -b.value
        dash = _RANGE_DASH.match(norm, a.end)
        if b and dash and dash.end() == b.start and _range_compatible(a, b):
            out.append(_range(norm, a, b))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


# 2.2个、7.2个、11个和3.5个百分点: the list's last member names the unit all its members share
_POINTS_LIST_GAP = re.compile(r"\s*(?:[、，,]|和|及|与|以及)\s*")


def _shared_percentage_points(norm: str, quantities: list[Quantity]) -> list[Quantity]:
    """2.2个、7.2个和3.5个百分点; 20.86、28.29张; 80018、35693所; 14.87、15.03、9.16倍 (multiples with
    decimals): members of a list written without their unit take the unit (and scale) of the member after them."""
    for q, following in reversed(list(zip(quantities, quantities[1:]))):
        if q.is_range or not _POINTS_LIST_GAP.fullmatch(norm[q.end:following.start]):
            continue
        if q.unit == "个" and following.unit == "百分点":
            q.unit = "百分点"
        elif (q.unit == "" and following.unit and following.unit != "年" and q.numeral == "arabic"
              and (following.unit != "倍" or "." in norm[q.start:q.end])   # 14.87、15.03、9.16倍
              and not q.qualifier and "、" in norm[q.end:following.start]):
            scale = _scale_of(norm[following.start:following.end])
            q.value, q.unit = q.value * (scale if _scale_of(norm[q.start:q.end]) == 1.0 else 1.0), following.unit
    return quantities


def _minus_is_dash(norm: str, a: Quantity, b: Quantity) -> bool:
    """4.5%-5%, 6.5%－7%: a minus sign glued to the quantity before it is the dash of a range."""
    return b.value < 0 and norm[b.start] in "-−" and not norm[a.end:b.start].strip() and a.value >= 0


def _range_compatible(a: Quantity, b: Quantity) -> bool:
    return (a.unit == b.unit or a.unit == "") and a.numeral == b.numeral and not a.qualifier


def _range(norm: str, a: Quantity, b: Quantity) -> Quantity:
    low = a.value
    if a.unit == "" and b.unit:
        # the first end borrows the second's unit and, when it has none of its own, its scale
        b_scale = _scale_of(norm[b.start:b.end])
        if _scale_of(norm[a.start:a.end]) == 1.0:
            low = a.value * b_scale
    return Quantity(a.start, b.end, "", low, b.unit, b.qualifier, low=low, high=b.value,
                    numeral=a.numeral, low_raw=norm[a.start:a.end], high_raw=norm[b.start:b.end])


def _scale_of(raw: str) -> float:
    m = re.match(rf"(?:{_AR})\s*(?:多|余)?", raw)
    if not m:
        return 1.0
    s = _SCALE.match(raw, m.end())
    return _SCALES[s.group(1)] if s else 1.0
