"""Indicators: canonical names for the measured noun phrases of facts, the catalogue built from
facts, and the indicator systems (指标体系) that papers define.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from kb.extract.numbers import numeral_value
from kb.extract.prose import SKIP_SPAN_KINDS, prose_sections
from kb.sentences import sentence_spans
from kb.types import Article, CleanText, Fact, IndicatorSystem

_CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "indicators.tsv"


@lru_cache(maxsize=1)
def synonym_pairs() -> list[tuple[str, str]]:
    """(synonym, canonical) pairs, longest synonym first, from kb/data/indicators.tsv."""
    pairs = [(n, canonical) for canonical, names in catalogue_names().items() for n in names]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


# the whole of a share (`社会物流总费用占GDP比重`): what it names is the part, not the whole
_SHARE_WHOLE = re.compile(r"占(?:全国|全省|全市)?(.+?)(?:的)?(?:比重|比例|份额)")


def canonical_indicator(indicator: str | None) -> str | None:
    """The catalogue's name for an indicator phrase: the longest synonym the phrase contains outside
    the whole of a share (`研发投入占GDP比重` is not GDP)."""
    if not indicator:
        return None
    folded = indicator.replace(" ", "")
    wholes = [m.span(1) for m in _SHARE_WHOLE.finditer(folded)]
    for synonym, canonical in synonym_pairs():
        if any(not _starts_inside(m.start(), wholes) for m in re.finditer(re.escape(synonym), folded)):
            return canonical
    return None


def _starts_inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `position` lies within one of `spans`."""
    return any(start <= position < end for start, end in spans)


def catalogue_names() -> dict[str, list[str]]:
    """Canonical name -> its names in kb/data/indicators.tsv (the canonical name first), in file order."""
    return {canonical: list(names) for canonical, names in _catalogue()}


@lru_cache(maxsize=1)
def _catalogue() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """kb/data/indicators.tsv read once (callers such as compare ask for it once per catalogue entry)."""
    rows = []
    for line in _CATALOGUE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            synonyms = cols[1].split("|") if len(cols) > 1 else []
            rows.append((cols[0].strip(), tuple(dict.fromkeys(n.strip() for n in [cols[0], *synonyms] if n.strip()))))
    return tuple(rows)


# measures that say how something was measured but not what: alone they name no indicator
GENERIC_MEASURES = frozenset(
    "增长率 增速 增幅 降幅 涨幅 跌幅 比重 占比 份额 比例 差额 差距 相差 差值 对比 得分 分值 总量 规模 数量 水平 指数 均值 "
    "平均值 平均 年均增长率 年均增速 增长 下降 增量 增加 减少 总额 金额 人数 个数 总数 数 值 比 率 合计 累计 贡献率 覆盖率 "
    "达标率 完成率 利用率 比值 倍数 排名 位次 全国占比 全球占比 净差额 净增 增额 构成 结构 恢复率 增产 减产 隶属度 平均水平".split())
# administrative units a count may name by one character (下辖19个区、15个县)
ADMIN_UNIT_NAMES = frozenset("区 县 市 镇 乡 村 州 盟 旗".split())
# nouns that count things without saying which (6676家企业参与…)
_BARE_NOUNS = frozenset("企业 项目 个数 家数 次数 季度 月 年份 举措 措施 政策措施".split())
_SHARE_ONLY = re.compile(r"占[^，,、]{0,12}?(?:的)?(?:比重|份额|比例|比)?")
_MARKER = re.compile(r"[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]|\[\d+\]|[¹²³⁰-⁹]")
_QUANTITY_IN = re.compile(r"\d+(?:\.\d+)?\s*(?:%|‰|亿|万|千|元|个|家|人|吨|公里|项|倍|国|所|条)")
# (after 对/与/和/同/向: the partners a flow goes to or comes from, so 新增17国… stays a quantity)
_GROUP_NAME_COUNT = re.compile(r"([对与和同向][\u4e00-\u9fff]{2,6})\d{1,3}(?=[国省市][\u4e00-\u9fff])")
_PUNCTUATION = re.compile(r"[，。；：,;:！？!?…]|[“”\"]{2}")
# 公路里程、高速公路里程和铁路营业里程: several measured things in one indicator (交通运输、仓储和邮政业 is one)
_LISTED_MEASURE = re.compile(r"(?:里程|总额|投资|收入|产量|面积|人口|增加值|总值|率|额|量|占比|比重|规模|人次|人数|花费)[、和及与]"
                             r"|^第?[一二三四五六七八九十]、")
# a phrase cut in the wrong place starts or ends with a function word
_FRAGMENT = re.compile(r"^(?:的|在(?![职岗校建园])(?![\u4e00-\u9fff](?:就业|务工|投资|创业|居住|学习|工作))|以(?![色])|和(?![美谐平])|与(?![^，,。；;]{2,24}的(?:[县市区镇乡村州盟旗]|[\u4e00-\u9fff]{0,4}(?:城市|企业|项目|单位|机构|学校|医院))$)|及|从|由|到|至|比|较(?![高低大小好差快慢多少][^，,。；;]{0,12}的[\u4e00-\u9fff]{1,4}(?:占比|数量)?$)|为(?![^，,。；;]{2,12}?(?:减轻|减负|节约|节省))|是|了|而|但|虽然|其(?![他它])|之|并|或|又|则"
                       r"|除(?![尘湿雪险草])|个(?![体人性税])|[一二两三四五六七八九十几]+个$)"
                       r"|(?:的|在|以|和|与|及|从|由|到|至|较|为|是|了|而|但|虽然|不|占|达|共|约|超|近|将|已|仍|均|分别)$")


def is_generic_measure(indicator: str | None) -> bool:
    """增长率, 比重, 占全国的比重: a measure that names no variable (False for an empty indicator)."""
    name = re.sub(r"\s+", "", indicator or "")
    return bool(name) and (name in GENERIC_MEASURES or bool(_SHARE_ONLY.fullmatch(name)))


def indicator_confidence(indicator: str | None, raw: str = "") -> str:
    """"low" when an indicator phrase cannot stand alone as the name of what was measured: empty, a
    bare generic measure (增长率, 占全国的比重), a span holding digits of a value or a unit, a list or a
    punctuation run, a footnote marker, a fragment cut at a function word; else "high"."""
    # …的多年平均值在0.2~0.4之间的地州市: the bounds of a class of things are no digits of a value
    name = re.sub(r"在\d[\d.]*[~～—-]\d[\d.]*之间的(?=[\u4e00-\u9fff]{2})", "在之间的", re.sub(r"\s+", "", indicator or ""))
    # 全国占比超过20%的工业产品: the limit of a class of things counted is no digits of a value
    name = re.sub(r"(超过|高于|低于|不足|达到)\d[\d.]*%(?:以上|以下)?的(?=[\u4e00-\u9fff]{2})", r"\1限的", name)
    # 对中东欧17国直接投资存量: a count glued inside a group's name (place, count, 国/省/市, more name) is no quantity
    name = _GROUP_NAME_COUNT.sub(r"\1", name)
    value_digits = re.sub(r"[^\d.]", "", raw)
    if ((len(name) < 2 and name not in ADMIN_UNIT_NAMES) or is_generic_measure(name) or name in _BARE_NOUNS or _MARKER.search(name)
            or _QUANTITY_IN.search(name) or _PUNCTUATION.search(name) or _FRAGMENT.search(name)
            or _LISTED_MEASURE.search(name) or re.search(r"(?<!PM)\d+\.\d", name)
            or (len(value_digits) >= 2 and value_digits in name)
            or not (re.search(r"[\u4e00-\u9fffA-Za-z]{2}", name) or name in ADMIN_UNIT_NAMES)):
        return "low"
    return "high"


def indicator_catalogue(facts: list[Fact]) -> list[dict]:
    """One record per indicator (canonical name, or the phrase itself when uncatalogued):
    the phrasings seen, units, number of facts and sources, most frequent first."""
    groups: dict[str, dict] = {}
    for f in facts:
        if not f.indicator:
            continue
        name = f.indicator_canonical or f.indicator
        g = groups.setdefault(name, dict(indicator=name, catalogued=f.indicator_canonical is not None,
                                         synonyms=defaultdict(int), units=defaultdict(int),
                                         facts=0, sources=set()))
        g["synonyms"][f.indicator] += 1
        g["units"][f.unit] += 1
        g["facts"] += 1
        g["sources"].add(f.source)
    rows = []
    for g in groups.values():
        rows.append(dict(indicator=g["indicator"], catalogued=g["catalogued"],
                         synonyms=sorted(g["synonyms"], key=g["synonyms"].get, reverse=True),
                         unit=max(g["units"], key=g["units"].get), facts=g["facts"],
                         sources=sorted(g["sources"])))
    return sorted(rows, key=lambda r: (-r["facts"], r["indicator"]))


# ------------------------------------------------------------------ indicator systems
_N = r"(?:\d+|[一二三四五六七八九十]+)"
_DIM_UNIT = r"(?:维度|方面|一级指标|子系统|准则层|层面|分项指标)"
_SYSTEM = re.compile(
    rf"(?:从|包括|包含|涵盖|围绕|选取了?|基于)(?P<dims>[^，。；：]{{2,90}}?)(?:等)?\s*(?P<n>{_N})\s*个\s*"
    rf"{_DIM_UNIT}"
    rf"(?P<rest>[^。；]{{0,60}}?)(?P<name>[^，。；、“”]{{2,30}}?(?:指标体系|评价体系))")
# `构建以“创新、协调、绿色、开放和共享”为…的…指标体系`: the dimensions are the quoted list.
_QUOTED_SYSTEM = re.compile(
    r"(?:构建|建立|构造|设计)了?以?“(?P<dims>[^”]{3,60})”为(?P<name>[^，。；“”]{2,40}?指标体系)")
# `选取了包括4个一级指标、11个二级指标…的…指标体系`: the count is stated, the names are in the table.
_COUNTED_SYSTEM = re.compile(
    rf"(?P<n>{_N})\s*个\s*{_DIM_UNIT}[^。；]{{0,40}}?的(?P<name>[^，。；、“”]{{2,30}}?指标体系)")
_NAME_VERBS = re.compile(r"构建了?|建立了?|构造了?|设计了?|形成了?|的")
_LIST_SPLIT = re.compile(r"\s*(?:、|，|,|和|及|与|以及)\s*")
# Verbs that introduce a dimension's indicator list; `用` not as part of 作用/利用/使用/运用/采用.
_LIST_VERB = re.compile(r"包括|包含|涵盖|选取了?|选用了?|选择了?|(?<![作利使运应采费])用")
_LIST_TAIL = re.compile(
    rf"(?P<list>[^，。；：]{{4,160}}?)(?:等)?\s*(?:{_N}\s*[个项])?\s*(?:具体)?(?:表征|评价|测度|衡量)?"
    r"(?:指标|变量)?\s*(?:进行|来)?(?:衡量|表征|测度|表示|反映|刻画)?\s*(?:[（(]见表\s*\d+[)）])?\s*(?:[，。；]|$)")
_LAST_AND = re.compile(r"(?:以及|和|及)(?=[^和及]{2,}$)")
_WEIGHT = re.compile(r"[（(]\s*(?:权重\s*[:：=为]?\s*)?(0?\.\d+)\s*[)）]")


def extract_indicator_systems(clean: CleanText, articles: list[Article], source: str) -> list[IndicatorSystem]:
    """Indicator systems the articles' prose defines: `从经济发展、科技支撑、生态环保和协调共享4个维度
    构建…指标体系` or `构建以“创新、协调…”为…指标体系`, with the indicators that later sentences list
    under each dimension, and weights from the article's indicator table when its cells line up."""
    systems = []
    for article in articles:
        found = _article_systems(clean, article, source)
        tables = [_table_columns(clean.text[s:e]) for s, e in _table_regions(clean, article)]
        for system, n in found:
            if not system.dimensions and n:
                system.dimensions = next((c for t in tables if len(c := t.get("dims", [])) == n), [])
        found = [system for system, _ in found if system.dimensions]
        for table in tables:
            _attach_table_rows(found, table)
        systems += found
    return systems


def _article_systems(clean: CleanText, article: Article, source: str) -> list[tuple[IndicatorSystem, int | None]]:
    """(system, stated number of dimensions) for each system sentence of the article's prose."""
    ranges = [(start, end) for start, end, _ in prose_sections(article)] or [(article.start, article.end)]
    spans = [(s, e) for start, end in ranges for s, e in sentence_spans(clean.text, start, end)
             if not clean.overlaps(s, e, SKIP_SPAN_KINDS)]
    found = [(i, _system_in(clean.text[s:e], source, article.title, s, e)) for i, (s, e) in enumerate(spans)]
    found = [(i, f) for i, f in found if f]
    for k, (i, (system, _, tail)) in enumerate(found):
        # a dimension's indicators follow the system statement, up to the next system sentence
        stop = min(found[k + 1][0] if k + 1 < len(found) else len(spans), i + 15)
        following = [system.evidence[tail:]] + [clean.text[a:b] for a, b in spans[i + 1:stop]]
        system.indicators = _dimension_indicators(system.dimensions, following)
    return [f[:2] for _, f in found]


def _system_in(sentence: str, source: str, title: str, s: int,
               e: int) -> tuple[IndicatorSystem, int | None, int] | None:
    """The system a sentence states, its stated dimension count (None when not stated) and where the
    statement ends in the sentence (a dimension's list may follow in the same sentence)."""
    m = _SYSTEM.search(sentence)
    dims = _split_list(re.split(r"从|包括|包含|涵盖|围绕|选取了?|基于", m.group("dims"))[-1]) if m else []
    n = None
    if len(dims) < 2:
        m = _QUOTED_SYSTEM.search(sentence)
        dims = _split_list(m.group("dims")) if m else []
    if len(dims) < 2:
        m = _COUNTED_SYSTEM.search(sentence)
        if not m:
            return None
        dims, n = [], _count(m.group("n"))
    # `从经济韧性的抵抗恢复压力、适应调节状态…`: the first item carries the whole's name
    dims[:1] = [dims[0].rsplit("的", 1)[-1]] if dims else []
    name = _NAME_VERBS.split(m.group("name"))[-1].strip()
    system = IndicatorSystem(source=source, article=title, name=name, dimensions=dims,
                             evidence=sentence, start=s, end=e)
    return system, n, m.end()


def _count(numeral: str) -> int:
    return int(numeral_value(numeral) or 0)


def _split_list(text: str) -> list[str]:
    return [d.strip("“”\" ") for d in _LIST_SPLIT.split(text) if d.strip("“”\" ")]


def _dimension_indicators(dimensions: list[str], sentences: list[str]) -> list[tuple[str, str, float | None]]:
    """(dimension, indicator, weight) from sentences such as `经济创新发展指标包括A、B和C3个指标` or
    `其中抵抗恢复压力指数…，选取A、B、C 4个具体表征指标` or `经济共享发展…，用A、B和C进行衡量`."""
    rows = []
    for sentence in sentences:
        for verb in _LIST_VERB.finditer(sentence):
            dim = _dimension_at_head(dimensions, sentence[:verb.start()])
            tail = _LIST_TAIL.match(sentence, verb.end())
            if dim is None or tail is None:
                continue
            items = _indicator_items(tail.group("list"))
            if len(items) >= 2:
                rows += [(dim, name, weight) for name, weight in items]
                break
    return rows


def _dimension_at_head(dimensions: list[str], head: str) -> str | None:
    """The dimension a clause is about: named within its first few characters (`经济创新发展指标` for
    `创新`), so a dimension mentioned in passing does not claim the list."""
    head = re.sub(r"^(?:其中|而|在)[，,]?", "", head.strip())
    hits = [(head.find(d), -len(d), d) for d in dimensions if 0 <= head.find(d) <= 4]
    return min(hits)[2] if hits else None


def _indicator_items(text: str) -> list[tuple[str, float | None]]:
    """(name, weight) of each item of `A、B和C`; `与` stays inside names (`贸易出口额与进口额之比`)."""
    parts = re.split(r"\s*[、，,]\s*", text.strip())
    parts[-1:] = _LAST_AND.split(parts[-1], maxsplit=1)
    items = []
    for part in parts:
        weight = _WEIGHT.search(part)
        name = _WEIGHT.sub("", part).strip("“”\" 等")
        if not 2 <= len(name) <= 30:
            return []
        items.append((name, float(weight.group(1)) if weight else None))
    return items


# ------------------------------------------------------------------ indicator tables
# Column labels of a flattened indicator table; a label stands alone between spaces.
_LABEL = re.compile(r"(?:(?<=\s)|^)(目标层|整体指标|一级指标|二级指标|三级指标|准则层|指标层|指标解释|指标说明|"
                    r"单位|指标类型|指标属性|属性|指标方向|方向|指标权重|权重)(?=\s)")
_DIM_LABELS = ("准则层", "一级指标")
_LEAF_LABELS = ("指标层", "三级指标")
_WEIGHT_CELL = re.compile(r"0?\.\d+|1\.0+")
_CELL_NOTE = re.compile(r"\s*[（(][A-Za-z]{1,3}[)）]")
_TABLE_GAP = 200


def _table_regions(clean: CleanText, article: Article) -> list[tuple[int, int]]:
    """Whole lines around each cluster of table spans inside the article; spans a short line apart
    belong to one table (cells glued by extraction fall between two spans, unmarked)."""
    text, regions = clean.text, []
    for span in clean.spans_of("table"):
        if not (article.start <= span.start < article.end):
            continue
        start = text.rfind("\n", article.start, span.start) + 1 or article.start
        end = text.find("\n", span.end, article.end)
        end = article.end if end < 0 else end
        if regions and start - regions[-1][1] <= _TABLE_GAP:
            regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
        else:
            regions.append((start, end))
    return regions


def _table_columns(region: str) -> dict[str, list]:
    """Columns of a flattened indicator table, read only when they are unambiguous: `dims` (cells under
    准则层/一级指标), `leaves` (raw cell text under 指标层/三级指标), `weights` (all-decimal 权重 column)."""
    labels = list(_LABEL.finditer(region))
    columns: dict[str, list] = {}
    for k, m in enumerate(labels):
        cells = region[m.end():labels[k + 1].start() if k + 1 < len(labels) else len(region)]
        label = m.group(1)
        if label in _DIM_LABELS and "dims" not in columns:
            columns["dims"] = _CELL_NOTE.sub("", cells).split()
        elif label in _LEAF_LABELS and "leaves" not in columns:
            columns["leaves"] = [cells]
        elif label.endswith("权重") and "weights" not in columns:
            tokens = cells.split()
            # the weight column ends where the next table's text begins
            n = next((i for i, t in enumerate(tokens) if not _WEIGHT_CELL.fullmatch(t)), len(tokens))
            columns["weights"] = [float(t) for t in tokens[:n]]
    return columns


def _attach_table_rows(systems: list[IndicatorSystem], table: dict[str, list]) -> None:
    """Replace prose indicators by the table's (dimension, indicator, weight) rows when the table's leaf
    cells, cut with the prose names, are as many as its weights and as the prose lists, and the rows
    agree with the prose: same dimension order, every shared name under the same dimension, weights of
    each system (or of each dimension) summing to 1."""
    if not table.get("leaves") or not table.get("weights"):
        return
    prose = [s for s in systems if s.indicators and not s.from_table
             and all(any(d == dim for d, _, _ in s.indicators) for dim in s.dimensions)]
    for group in ([prose] if len(prose) > 1 else []) + [[s] for s in prose]:
        known = {name for s in group for _, name, _ in s.indicators}
        cells = _cut_cells(table["leaves"][0], known)
        sizes = [(s, d, sum(1 for dd, _, _ in s.indicators if dd == d)) for s in group for d in s.dimensions]
        if cells is None or not len(cells) == len(table["weights"]) == sum(n for _, _, n in sizes):
            continue
        if not _same_dimension_order([d for _, d, _ in sizes], table.get("dims", [])):
            continue
        rows, i = {id(s): [] for s in group}, 0
        for system, dim, n in sizes:
            rows[id(system)] += [(dim, c, w) for c, w in zip(cells[i:i + n], table["weights"][i:i + n])]
            i += n
        if all(_rows_agree(s, rows[id(s)]) for s in group):
            for s in group:
                s.indicators, s.from_table = rows[id(s)], True
            return


def _cut_cells(text: str, known: set[str]) -> list[str] | None:
    """Cells of a column: space/line separated, glued runs cut where they are a sequence of known names;
    None when a glued run cannot be cut that way."""
    cells = []
    for token in text.split():
        if token in known or len(token) <= 12:
            cells.append(token)
            continue
        cut = _cut_run(token, known)
        if cut is None:
            return None
        cells += cut
    return cells


def _cut_run(token: str, known: set[str]) -> list[str] | None:
    if not token:
        return []
    for name in sorted((k for k in known if token.startswith(k)), key=len, reverse=True):
        rest = _cut_run(token[len(name):], known)
        if rest is not None:
            return [name] + rest
    return None


def _same_dimension_order(dims: list[str], header: list[str]) -> bool:
    """True when the table's dimension cells name the prose dimensions in the same order
    (`经济创新发展` for `创新`)."""
    return len(dims) == len(header) and all(d in h or h in d for d, h in zip(dims, header))


def _rows_agree(system: IndicatorSystem, rows: list[tuple[str, str, float]]) -> bool:
    prose = {name: dim for dim, name, _ in system.indicators}
    if any(prose.get(name, dim) != dim for dim, name, _ in rows):
        return False
    total = sum(w for _, _, w in rows)
    per_dim = [sum(w for d, _, w in rows if d == dim) for dim in system.dimensions]
    return abs(total - 1) <= 0.03 or all(abs(t - 1) <= 0.03 for t in per_dim)
