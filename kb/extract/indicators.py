"""Indicators: canonical names for the measured noun phrases of facts, the catalogue built from
facts, and the indicator systems (指标体系) that papers define.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from kb.sentences import sentence_spans
from kb.types import Article, CleanText, Fact, IndicatorSystem

_CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "indicators.tsv"


@lru_cache(maxsize=1)
def _synonyms() -> list[tuple[str, str]]:
    """(synonym, canonical) pairs, longest synonym first, from kb/data/indicators.tsv."""
    pairs = []
    for line in _CATALOGUE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        canonical = cols[0].strip()
        names = [canonical] + [s.strip() for s in (cols[1].split("|") if len(cols) > 1 else []) if s.strip()]
        pairs += [(n, canonical) for n in dict.fromkeys(names)]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def canonical_indicator(indicator: str | None) -> str | None:
    """The catalogue's name for an indicator phrase: the longest synonym the phrase contains."""
    if not indicator:
        return None
    folded = indicator.replace(" ", "")
    for synonym, canonical in _synonyms():
        if synonym in folded:
            return canonical
    return None


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
_SYSTEM = re.compile(
    rf"(?:从|包括|包含|涵盖|围绕|选取了?|基于)(?P<dims>[^，。；：]{{2,90}}?)(?:等)?\s*(?P<n>{_N})\s*个\s*"
    rf"(?:维度|方面|一级指标|子系统|准则层|层面|分项指标)"
    rf"(?P<rest>[^。；]{{0,60}}?)(?P<name>[^，。；、“”]{{2,30}}?(?:指标体系|评价体系))")
_LIST_SPLIT = re.compile(r"\s*(?:、|，|,|和|及|与|以及)\s*")
_DIM_INDICATORS = re.compile(
    r"(?P<dim>[^，。；：、]{2,16}?)(?:指标|方面|维度)?(?:主要)?(?:包括|包含|选取了?|选用了?|由|涵盖)(?P<list>[^。；]{4,160}?)"
    r"(?:等)?\s*(?:\d+\s*个)?\s*(?:指标|[。；]|$)")
_WEIGHT = re.compile(r"[（(]\s*(?:权重\s*[:：=为]?\s*)?(0?\.\d+)\s*[)）]")


def extract_indicator_systems(clean: CleanText, articles: list[Article], source: str) -> list[IndicatorSystem]:
    """Indicator systems the articles' prose defines: `从经济发展、科技支撑、生态环保和协调共享4个维度
    构建…指标体系`, with the indicators that later sentences list under each dimension."""
    from kb.extract.facts import SKIP_SECTION_KINDS, SKIP_SPAN_KINDS
    systems = []
    for article in articles:
        ranges = ([(s.start, s.end) for s in article.sections if s.kind not in SKIP_SECTION_KINDS]
                  or [(article.start, article.end)])
        for start, end in ranges:
            spans = sentence_spans(clean.text, start, end)
            for i, (s, e) in enumerate(spans):
                if clean.overlaps(s, e, SKIP_SPAN_KINDS):
                    continue
                system = _system_in(clean.text[s:e], source, article.title, s, e)
                if system:
                    following = [clean.text[a:b] for a, b in spans[i + 1:i + 15]]
                    system.indicators = _dimension_indicators(system.dimensions, following)
                    systems.append(system)
    return systems


def _system_in(sentence: str, source: str, title: str, s: int, e: int) -> IndicatorSystem | None:
    m = _SYSTEM.search(sentence)
    if not m:
        return None
    head = re.split(r"从|包括|包含|涵盖|围绕|选取了?|基于", m.group("dims"))[-1]
    dims = [d.strip("“”\" ") for d in _LIST_SPLIT.split(head) if d.strip("“”\" ")]
    if len(dims) < 2:
        return None
    name = re.split(r"构建了?|建立了?|构造了?|设计了?|形成了?|的", m.group("name"))[-1].strip()
    return IndicatorSystem(source=source, article=title, name=name, dimensions=dims,
                           evidence=sentence, start=s, end=e)


def _dimension_indicators(dimensions: list[str], sentences: list[str]) -> list[tuple[str, str, float | None]]:
    """(dimension, indicator, weight) from sentences such as `经济创新发展指标包括A、B和C`."""
    rows = []
    for sentence in sentences:
        for m in _DIM_INDICATORS.finditer(sentence):
            dim = next((d for d in dimensions if d in m.group("dim") or m.group("dim").endswith(d)), None)
            if dim is None:
                continue
            for item in _LIST_SPLIT.split(m.group("list")):
                weight = _WEIGHT.search(item)
                name = _WEIGHT.sub("", item).strip("“”\" ")
                if 2 <= len(name) <= 30:
                    rows.append((dim, name, float(weight.group(1)) if weight else None))
    return rows
