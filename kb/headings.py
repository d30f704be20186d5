"""The heading-marker grammar: every numbering system the documents use, in one place.

Cleaning asks whether a printed line is a heading (`is_heading_line`) and which list it numbers
(`list_marker`); structure asks a heading's style, for its level (`heading_style`), and how a lead
paragraph is titled (`lead_kind`, `lead_title`). Styles:

    cn          一、 二、            (also 一 followed by an ideographic space)
    paren_cn    （一） (二)
    num         1  1.  1、           a paper's top level
    num, depth  1.1  2.1.3           a paper's sub-levels (depth = number of dots)
    paren_num   （1） (2)
    circled     ① ②
    chapter     第一章 第一节 第N篇 第N部分
    plain       引言 结语 …          unnumbered headings of papers

Lead paragraphs (a paragraph whose opening names its point, with the body following in the same
paragraph): `第一，` / `首先，` (ordinal), `一是…` (shi), `——…` (dash), a short opening sentence
(`提升科技创新质效。…`, sentence), and a numbered paragraph (`（一）聚焦…。深入实施…`).
"""
from __future__ import annotations

import re

from .extract.numbers import chinese_number

_HAN = r"\u4e00-\u9fff"
CN_NUM = "一二三四五六七八九十"

# Headings: 一、…  （一）…  ( 一) …  1 …  1.… 2.1… 3.1.2 …  第一章/第一节 …  一　… (ideographic space)
HEADING_RE = re.compile(
    rf"^(?:[{CN_NUM}]{{1,3}}[、　 ．.]\s*\S"
    rf"|[（(]\s*[{CN_NUM}]{{1,3}}\s*[）)]\s*\S"
    rf"|\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}}[.．、]?\s*[{_HAN}“‘《（(A-Z]"
    rf"|\d{{1,2}}(?:[.．、]|\s)\s*[{_HAN}“‘《（(A-Z]"
    rf"|第[{CN_NUM}\d]{{1,3}}[章节部分篇]\s*\S)"
)
# A number glued to its heading's words, as Markdown converters print `# 4.2优化…`, `# 1引言`:
# a heading only on a line the converter marked as one.
GLUED_NUMBER_HEADING_RE = re.compile(rf"^\d{{1,2}}(?:[.．]\d{{1,2}}){{0,3}}[{_HAN}“《]")
# A numeric heading must not be a number that begins prose ("2019年…", "4个方面…", "20%…").
NUMERIC_PROSE_RE = re.compile(r"^\d+(?:[.．]\d+)*\s*(?:[年月日个%％万亿元倍项家条位名次人只所批种]|多|余|左右|以上|以下|以内|上下)")
# a numbered reference entry (`1 顾朝林.城市群研究进展与展望[J].地理研究,2011`) is no heading
_REFERENCE_ENTRY_RE = re.compile(r"\[(?:[JMRCDNPSZGK]|EB/OL|DB/OL|[JM]/OL)\]")


def is_reference_entry(text: str) -> bool:
    """A numbered entry of a reference list (`1 顾朝林.城市群研究进展与展望[J].…`, `[2] …[M]`)."""
    return bool(_REFERENCE_ENTRY_RE.search(text[:200])) and bool(re.match(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[\s.．、])", text))


def reference_marks(text: str) -> int:
    """How many document-type marks of reference entries (`[J]`, `[M]`, `[EB/OL]` …) `text` holds."""
    return len(_REFERENCE_ENTRY_RE.findall(text))


UNNUMBERED_HEADINGS = {"引言", "前言", "结语", "结束语", "绪论", "导言", "结论", "余论", "结论与建议", "结论与启示"}

# Numbered lists: 一、 （一） 1. （1） are four styles (list_marker)
_LIST_MARK_RE = re.compile(rf"^(?:([{CN_NUM}]{{1,3}})[、．.　 ]|[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]"
                           rf"|(\d{{1,2}})(?:[.．、]|\s)(?!\d)|[（(]\s*(\d{{1,2}})\s*[）)])")

# Lead paragraphs
ORDINAL_LEAD_RE = re.compile(rf"^(?:第[{CN_NUM}]{{1,3}}[，,、]|其[{CN_NUM}]{{1,3}}[，,、]|首先[，,]|其次[，,]|再次[，,]|最后[，,])")
SHI_LEAD_RE = re.compile(rf"^[{CN_NUM}]{{1,3}}是(?=[{_HAN}“《])")
DASH_LEAD_RE = re.compile(r"^(?:——|—{1,2}|－－)\s*(?=[\u4e00-\u9fff“《])")
# an opening sentence short enough to be the paragraph's title (提升科技创新质效。)
_LEAD_SENTENCE_RE = re.compile(rf"^([{_HAN}“”《》、A-Za-z0-9+\-—]{{4,24}}[。！])(?=\S{{20}})")
# a sentence-like lead clause of a numbered paragraph, up to its first full stop
_FIRST_SENTENCE_RE = re.compile(r"^(.{4,60}?[。！？；])")


def is_heading_line(text: str) -> bool:
    """True for a numbered section heading line (一、… （一）… 1 … 2.1…), never a prose sentence."""
    if not HEADING_RE.match(text) or NUMERIC_PROSE_RE.match(text):
        return False
    if len(text) > 60 or "。" in text.rstrip("。")[:-1] or _REFERENCE_ENTRY_RE.search(text):
        return False
    return not text.endswith(("，", ",", "、", "；"))


def list_marker(text: str) -> tuple[int, int] | None:
    """(style, value) of the number a line starts with: 一、 （一） 1. （1） are styles 1-4."""
    m = _LIST_MARK_RE.match(text)
    if not m or NUMERIC_PROSE_RE.match(text):
        return None
    style = next(g for g in range(1, 5) if m.group(g))
    raw = m.group(style)
    return style, int(raw) if raw.isdigit() else int(chinese_number(raw) or 0)


def heading_style(text: str) -> tuple | None:
    """The numbering style of a heading, which decides its level in the section tree."""
    t = text.strip()
    if re.match(rf"^[{CN_NUM}]{{1,3}}[、　 ．.]", t):
        return ("cn",)
    if re.match(rf"^[（(]\s*[{CN_NUM}]{{1,3}}\s*[）)]", t):
        return ("paren_cn",)
    m = re.match(r"^\d{1,2}((?:[.．]\d{1,2})*)", t)
    if m:
        return ("num", m.group(1).count(".") + m.group(1).count("．"))
    if re.match(r"^[（(]\s*\d{1,2}\s*[）)]", t):
        return ("paren_num",)
    if re.match(r"^[\u2460-\u2473]", t):
        return ("circled",)
    if re.match(rf"^第[{CN_NUM}\d]{{1,3}}[章节部分篇]", t):
        return ("chapter", re.match(rf"^第[{CN_NUM}\d]{{1,3}}([章节部分篇])", t).group(1))
    if t in UNNUMBERED_HEADINGS:
        return ("plain",)
    return None


def lead_kind(text: str) -> str | None:
    """The kind of lead a paragraph opens with: "ordinal" (第一，), "shi" (一是), "dash" (——),
    "sentence" (a short opening sentence with the body after it), or None."""
    if ORDINAL_LEAD_RE.match(text):
        return "ordinal"
    if SHI_LEAD_RE.match(text):
        return "shi"
    if DASH_LEAD_RE.match(text):
        return "dash"
    if _LEAD_SENTENCE_RE.match(text):
        return "sentence"
    return None


def lead_title(text: str) -> str:
    """The heading part of a lead or numbered paragraph: its first sentence (up to 。！？；), or the
    first 40 characters when it has none early on."""
    m = _FIRST_SENTENCE_RE.match(text)
    return m.group(1) if m else text[:40]


# ---------------------------------------------------------------- markers inside paragraphs
# Read by extraction (kb.extract.strategies), which cuts measures out of numbered paragraphs and
# in-paragraph lists and must know where a marker ends, not only that a line is a heading.

# The number marker opening a numbered paragraph or heading, with what surrounds it: （一） (一) 一、
# 1. 1、 （1） 3.1 第一， 第N篇/章/节/条 专栏N, after an optional Markdown `#`.
NUMBER_MARKER_RE = re.compile(
    rf"[#\s]*(?:[（(]\s*[{CN_NUM}\d]{{1,3}}\s*[）)]|[{CN_NUM}]{{1,3}}\s*[、.．]|"
    rf"\d{{1,2}}(?:[.．]\d{{1,2}}){{0,2}}\s*[、.．]?(?=\s*[{_HAN}“「《])|"
    rf"第[{CN_NUM}]{{1,3}}\s*[，,、:：]|第[{CN_NUM}\d]{{1,4}}\s*[篇章节条](?!\s*[，,。])|专栏\s*\d{{1,3}})\s*")
_BOX_MARK_RE = re.compile(r"^专栏\s*[0-9０-９一二三四五六七八九十]")


def number_marker(text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The number marker opening text[pos:endpos], or None; a number that begins prose ("2个万亿级
    产业集群", "2030年…") is no marker."""
    endpos = len(text) if endpos is None else endpos
    m = NUMBER_MARKER_RE.match(text, pos, endpos)
    if m and NUMERIC_PROSE_RE.match(text[pos:endpos].lstrip("# \t")):
        return None
    return m
_ARTICLE_MARK_RE = re.compile(rf"^第[{CN_NUM}\d]{{1,4}}\s*条")

# Lists inside one paragraph: 一是… 二是…, 第一，… 第二，…, 其一，…, 首先，… 其次，… 最后，…
# group(1) is the item's number word. The ordinal words come last (papers use them for arguments
# as often as for measures, so a caller may leave them out).
ENUMERATION_RES = (
    re.compile(rf"([{CN_NUM}]{{1,3}})是"),
    re.compile(rf"第([{CN_NUM}]{{1,3}})\s*[，,、:：]"),
    re.compile(rf"其([{CN_NUM}]{{1,3}})\s*[，,、:：]"),
    re.compile(r"(首先|其次|再次|最后)\s*[，,、:：]"),
)
# The list word at an item's start, which is not part of the item's words.
ENUMERATION_WORD_RE = re.compile(rf"(?:[{CN_NUM}]{{1,3}}是|[第其][{CN_NUM}]{{1,3}}\s*[，,、:：]|"
                                 r"(?:首先|其次|再次|最后)\s*[，,、:：])\s*")
_ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3}


def enumeration_value(word: str, expected: int) -> int | None:
    """The count a list word stands for: 三 -> 3, 其次 -> 2; 最后 closes a list of three or more."""
    if word == "最后":
        return expected if expected > 2 else None
    return _ORDINAL_WORDS.get(word) or (int(v) if (v := chinese_number(word)) else None)


def marker_style(line: str) -> tuple | None:
    """The numbering style of a numbered line, comparable between lines of one document:
    `heading_style` for headings, ("ordinal",) for 第一，/首先，, ("box",) for 专栏N and ("article",)
    for 第N条 provisions; None when the line carries no known marker."""
    t = line.strip().lstrip("#").strip()
    if _BOX_MARK_RE.match(t):
        return ("box",)
    if _ARTICLE_MARK_RE.match(t):
        return ("article",)
    if ORDINAL_LEAD_RE.match(t):
        return ("ordinal",)
    return heading_style(t)
