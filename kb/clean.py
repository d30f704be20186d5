"""Repair of PDF-extraction damage: raw text -> CleanText (the text users see; all offsets index it).

What is repaired (each case is tested on real seed snippets in tests/test_clean.py):
- physical lines broken mid-sentence are re-joined into paragraphs (one "\\n" per paragraph);
  Chinese joins without a space, English keeps one space, "develop-\\nment" is re-hyphenated;
- running heads/feet (journal name + issue, all-caps journal name, article titles and column
  names repeated as running heads) and lone page numbers are dropped;
- footnote markers (①…, ❶…, ㉑…) are removed from prose and recorded in `CleanText.footnotes`;
  inside a notes section (注释 / 注：) the markers are KEPT, because there they number the notes;
- markdown decoration of converted files (`# `, `**`, `- `) is removed;
- non-prose regions are marked as spans: "table" (flattened cells), "english" (English title,
  authors, abstract, key words), "author" (spaced-out author names), "meta" (CLC number, fund
  notes, author bios, received dates).

Display text keeps full-width characters; `analysis_text` gives a same-length NFKC view for
number parsing so offsets stay valid in both.
"""
from __future__ import annotations

import bisect
import re
import statistics
import unicodedata
from dataclasses import dataclass

from .types import CleanText, RawDocument, Span

# ---------------------------------------------------------------- footnote markers
_FOOTNOTE_CLASS = "\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"
FOOTNOTE_RE = re.compile(f"[{_FOOTNOTE_CLASS}]")


def strip_footnote_markers(text: str) -> tuple[str, list[tuple[int, str]]]:
    """(text without footnote markers, [(offset in the returned text where a marker stood, marker)])."""
    out, markers, removed = [], [], 0
    last = 0
    for m in FOOTNOTE_RE.finditer(text):
        out.append(text[last:m.start()])
        markers.append((m.start() - removed, m.group()))
        removed += 1
        last = m.end()
    out.append(text[last:])
    return "".join(out), markers


# ---------------------------------------------------------------- analysis view
def _nfkc_one(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


_ANALYSIS_TABLE = {cp: _nfkc_one(chr(cp)) for cp in list(range(0xFF01, 0xFF5F)) + [0x3000]}


def analysis_text(text: str) -> str:
    """Same-length view of `text` with full-width ASCII (０-９, Ａ-ｚ, ％, ．, ，, …) made half-width.

    Only 1-to-1 NFKC mappings are applied, so offsets into the result equal offsets into `text`.
    """
    return text.translate(_ANALYSIS_TABLE)


# ---------------------------------------------------------------- line patterns
_HAN = r"\u4e00-\u9fff"
_CN_NUM = "一二三四五六七八九十"
_TERMINAL = "。！？!?：:；;”」』）)"
_SENTENCE_END = "。！？!?"

# Headings: 一、…  （一）… ( 一) …  1 …  1.… 2.1… 3.1.2 …  第一章/第一节 …  一　… (ideographic space)
HEADING_RE = re.compile(
    rf"^(?:[{_CN_NUM}]{{1,3}}[、　 ．.]\s*\S"
    rf"|[（(]\s*[{_CN_NUM}]{{1,3}}\s*[）)]\s*\S"
    rf"|\d{{1,2}}(?:[.．]\d{{1,2}}){{0,3}}[.．、]?\s*[{_HAN}“‘《（(]"
    rf"|第[{_CN_NUM}\d]{{1,3}}[章节部分篇]\s*\S)"
)
# A numeric heading must not be a number that begins prose ("2019年…", "4个方面…", "20%…").
_NUMERIC_PROSE_RE = re.compile(r"^\d+(?:[.．]\d+)*\s*(?:[年月日个%％万亿元倍项家条位名次人只所批种]|多|余)")
LABEL_RE = re.compile(
    r"^(?:[\[［【(（]?\s*(?:摘\s*要|提\s*要|内容摘要|关\s*键\s*词|参考文献|注\s*释|注|主要参考文献)\s*[\]］】)）]?\s*[:：]?"
    r"|Abstract\s*[:：]|Key\s*[Ww]ords?\s*[:：]|Keywords\s*[:：])"
)
_NOTES_RE = re.compile(r"^\s*(?:注\s*释|注)\s*[:：]?\s*(?=$|[\u2460-\u24ff])")
_REFS_RE = re.compile(r"^\s*[\[［【]?\s*(?:主要)?参考文献\s*[\]］】]?\s*[:：]?\s*$")
META_RE = re.compile(
    r"^(?:\*?\s*基金项目|中图分类号|文献标识码|文章编号|收稿日期|DOI|doi|作者简介|作者单位|通讯作者"
    r"|[（(]责任编辑|责任编辑|\*?\s*本文(?:系|为|是).{0,40}(?:项目|基金))"
)
_BIO_RE = re.compile(rf"^[{_HAN}]{{2,4}}\s*[，,]\s*[男女]\s*[，,]")
_FUND_CODE_RE = re.compile(r"项目.{0,60}[（(][A-Za-z0-9\-]{5,}[）)]")
BANNER_RE = re.compile(r"^【[^】]{2,20}】$")
AUTHOR_RE = re.compile(rf"^[{_HAN}](?: [{_HAN}]){{1,14}}$")
_BYLINE_RE = re.compile(rf"^(?:文\s*[/／]\s*|作者\s*[:：]\s*)[{_HAN}·]{{2,4}}(?:[\s、，,]+[{_HAN}·]{{2,4}})*$")
_EN_AUTHOR_RE = re.compile(r"^[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,11}$")
# Running heads: a journal name with its issue ("区域经济评论 2020.05", "… 2020年第5期"), an
# all-capitals journal name, or a lone page number.
_ISSUE_HEAD_RE = re.compile(
    rf"^[{_HAN}A-Za-z·]{{2,16}}\s*(?:19|20)\d\d\s*(?:[.．]\s*\d{{1,2}}|年\s*第\s*\d{{1,2}}\s*期|年\s*\d{{1,2}}\s*月)"
    r"(?:\s*[(（]?总第\s*\d+\s*期[)）]?)?$"
    rf"|^(?:19|20)\d\d\s*年\s*第\s*\d{{1,2}}\s*期\s*[{_HAN}]{{0,16}}$"
)
_CAPS_HEAD_RE = re.compile(r"^[A-Z][A-Z&'\-]+(?: [A-Z&'\-]+){1,6}$")
_PAGE_NO_RE = re.compile(r"^[-—–·\s]*\d{1,4}[-—–·\s]*$")
_CAPTION_RE = re.compile(r"^(?:续?表|Table)\s*[0-9０-９]{1,2}(?:[-–.．][0-9]{1,2})?(?:\s|[（(]|[{_HAN}])".replace(
    "{_HAN}", _HAN))
_NUMERIC_CELL_RE = re.compile(r"^[（(\[]?[-−+]?[\d.,%．，：:\-—–~～/×*\s]+[）)\]]?[*％%]*$")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_MD_BULLET_RE = re.compile(r"^[-*+]\s+(?=\S)")


def _width(text: str) -> float:
    """Printed width in em: CJK and full-width characters count 1, ASCII 0.5."""
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def _han_count(text: str) -> int:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff")


def is_english(text: str) -> bool:
    """True for a line written in English (Latin letters dominate, almost no Chinese)."""
    letters = sum(1 for c in text if c.isascii() and c.isalpha())
    return letters >= 4 and _han_count(text) <= max(1, len(text) // 30) and letters >= 0.5 * len(text.replace(" ", ""))


def is_heading_line(text: str) -> bool:
    """True for a numbered section heading line (一、… （一）… 1 … 2.1…), never a prose sentence."""
    if not HEADING_RE.match(text) or _NUMERIC_PROSE_RE.match(text):
        return False
    if len(text) > 60 or "。" in text.rstrip("。")[:-1]:
        return False
    return not text.endswith(("，", ",", "、", "；"))


def is_author_line(text: str) -> bool:
    """Spaced-out author names (`孙 慧 原 伟 鹏`) or a byline (`文 / 王珺琪`)."""
    return bool(AUTHOR_RE.match(text) or _BYLINE_RE.match(text))


def _is_cell(text: str) -> bool:
    """A fragment of a flattened table: a number, a short label, or a run of digits."""
    t = text.strip()
    if not t:
        return False
    if _NUMERIC_CELL_RE.match(t):
        return True
    digits = sum(c.isdigit() for c in t)
    if len(t) >= 8 and digits / len(t) >= 0.6:
        return True
    if t[-1] in "。，；,;：:" or is_heading_line(t) or LABEL_RE.match(t):
        return False
    return _width(t) <= 8


def _is_numeric(text: str) -> bool:
    t = text.strip()
    return bool(_NUMERIC_CELL_RE.match(t)) or (len(t) >= 6 and sum(c.isdigit() for c in t) / len(t) >= 0.6)


# ---------------------------------------------------------------- lines
@dataclass
class _Line:
    text: str           # stripped, markdown removed, whitespace runs collapsed
    page: int           # 1-based page number
    indented: bool      # begins with ideographic spaces / several spaces: a paragraph start
    blank_before: bool
    kind: str = "prose"  # prose, heading, banner, label, meta, author, english, en_author, table, drop
    english: bool = False


def _physical_lines(raw: RawDocument) -> list[_Line]:
    pages = raw.text.split("\f") if raw.paged else [raw.text]
    lines: list[_Line] = []
    for page_no, page in enumerate(pages, start=1):
        blank = True
        for physical in page.split("\n"):
            body = physical.rstrip()
            stripped = body.lstrip(" \t\u3000\ufeff")
            if not stripped:
                blank = True
                continue
            lead = body[: len(body) - len(stripped)]
            indented = "\u3000" in lead or lead.count(" ") >= 2 or "\t" in lead
            stripped = _MD_BULLET_RE.sub("", _MD_HEADING_RE.sub("", stripped)).replace("**", "")
            text = re.sub(r"[ \t\u3000\xa0]+", " ", stripped).strip()
            if text:
                lines.append(_Line(text, page_no, indented, blank))
            blank = False
    return lines


def _running_head(text: str) -> bool:
    return bool(_ISSUE_HEAD_RE.match(text) or _CAPS_HEAD_RE.match(text))


def _repeat_key(text: str) -> str:
    return re.sub(r"[\s*＊]", "", text)


def _mark_repeated_heads(lines: list[_Line]) -> None:
    """Drop later copies of short title-like lines: article titles and column names used as running heads."""
    seen: set[str] = set()
    for ln in lines:
        if ln.kind != "prose":
            continue
        t = ln.text
        if not (6 <= len(t) <= 45) or t[-1] in "。，；：:,;" or _han_count(t) < 0.6 * len(t.replace(" ", "")):
            continue
        key = _repeat_key(t)
        if key in seen:
            ln.kind = "drop"
        else:
            seen.add(key)


def _classify(lines: list[_Line]) -> None:
    for i, ln in enumerate(lines):
        t = ln.text
        ln.english = is_english(t)
        if _running_head(t):
            ln.kind = "drop"
        elif BANNER_RE.match(t):
            ln.kind = "banner"
        elif LABEL_RE.match(t):
            ln.kind = "label"
        elif META_RE.match(t) or _BIO_RE.match(t) or _FUND_CODE_RE.search(t) and "项目" in t[:40]:
            ln.kind = "meta"
        elif is_author_line(t):
            ln.kind = "author"
        elif _EN_AUTHOR_RE.match(t) and i + 1 < len(lines) and re.match(r"Abstract", lines[i + 1].text):
            ln.kind = "en_author"
        elif is_heading_line(t):
            ln.kind = "heading"


def _mark_tables(lines: list[_Line]) -> None:
    """Mark runs of table cells (and their 表N caption) as kind "table"."""
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].kind not in ("prose", "heading", "drop") or not _is_cell(lines[i].text):
            i += 1
            continue
        j = i
        while j < n and lines[j].kind in ("prose", "heading", "drop") and _is_cell(lines[j].text):
            j += 1
        run = lines[i:j]
        numeric = sum(_is_numeric(ln.text) for ln in run)
        if (len(run) >= 3 and numeric >= 2) or len(run) >= 5 or (numeric and max(len(x.text) for x in run) >= 14):
            for ln in run:
                ln.kind = "table"
            k = i - 1
            # the caption and header cells just above the digits belong to the table
            while k >= 0 and i - k <= 3 and lines[k].kind in ("prose", "heading") and (
                    _CAPTION_RE.match(lines[k].text) or _width(lines[k].text) <= 12):
                lines[k].kind = "table"
                if _CAPTION_RE.match(lines[k].text):
                    break
                k -= 1
        i = max(j, i + 1)
    for ln in lines:
        if ln.kind in ("prose", "heading") and _CAPTION_RE.match(ln.text):
            ln.kind = "table"
    # a lone page number sits between prose lines, never inside a run of cells
    for ln in lines:
        if ln.kind in ("prose", "heading") and _PAGE_NO_RE.match(ln.text):
            ln.kind = "drop"


# ---------------------------------------------------------------- paragraphs
_STANDALONE = {"heading", "banner", "author", "en_author"}
_STARTS_PARAGRAPH = {"label", "meta", "table"} | _STANDALONE


def _typical_widths(lines: list[_Line], k: int = 5) -> list[float]:
    """Per line, the column width around it: of the median widths of the k nearest prose lines of
    the same script before and after, the one nearer its own width (so a line at a change of
    layout, e.g. the first body line after a full-width abstract, is measured against its column)."""
    widths = [_width(ln.text) for ln in lines]
    by_script: dict[bool, list[int]] = {True: [], False: []}
    for i, ln in enumerate(lines):
        if ln.kind in ("prose", "label", "meta"):
            by_script[ln.english].append(i)
    out = []
    for i, ln in enumerate(lines):
        idx = by_script[ln.english]
        pos = bisect.bisect_left(idx, i)
        before = sorted(widths[j] for j in idx[max(0, pos - k):pos])
        after = sorted(widths[j] for j in idx[pos + (pos < len(idx) and idx[pos] == i):][:k])
        sides = [side[len(side) // 2] for side in (before, after) if side]
        out.append(min(sides, key=lambda w: abs(w - widths[i])) if sides else widths[i])
    return out


def _reflowed(lines: list[_Line]) -> bool:
    """True when lines are printed lines of a column (PDF text), False when each line is a paragraph."""
    prose = [_width(ln.text) for ln in lines if ln.kind == "prose"]
    return bool(prose) and statistics.median(prose) <= 60


_LEAD_RE = re.compile(rf"^(?:第[{_CN_NUM}]{{1,3}}[，,、]|[（(]\\d{{1,2}}[）)]|首先[，,]|其次[，,]|最后[，,])")


def _is_full(text: str, typical: float) -> bool:
    """True when a printed line reaches the column edge, i.e. the paragraph goes on past it.

    A line cut mid-sentence may fall a few characters short (bold runs, wide glyphs), so it needs
    only three quarters of the width; a line ending a sentence must be practically full.
    """
    w = _width(text)
    if text.endswith(tuple(_SENTENCE_END + "”：:；;")):
        return w >= typical - 1
    return w >= 0.75 * typical


def _continues(prev: _Line, nxt: _Line, prev_full: bool, reflow: bool, in_heading: bool) -> bool:
    """True when `nxt` continues the paragraph that `prev` belongs to."""
    if nxt.kind == "drop":
        return True
    if prev.kind == "table" or nxt.kind == "table":
        return prev.kind == nxt.kind == "table"
    if in_heading:
        # a heading broken across two printed lines: the rest is a short line without a sentence end
        return (reflow and prev_full and nxt.kind == "prose" and not nxt.indented
                and not nxt.text.endswith(tuple(_SENTENCE_END)) and _width(nxt.text) <= 20)
    if prev.kind in _STANDALONE or nxt.kind in _STARTS_PARAGRAPH or nxt.indented:
        return False
    if prev.english != nxt.english and not (prev.kind in ("label", "meta") and nxt.english):
        return False
    if not reflow:
        return not nxt.blank_before and not prev.text.endswith(tuple(_SENTENCE_END))
    if not prev_full or prev.kind == "meta" and not re.search(rf"[{_HAN}，、,]$", prev.text):
        return False
    return not (prev.text.endswith(tuple(_SENTENCE_END)) and _LEAD_RE.match(nxt.text))


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    reflow = _reflowed(lines)
    typical = _typical_widths(lines)
    paragraphs: list[list[_Line]] = []
    current: list[_Line] = []
    last_kept = None
    for i, ln in enumerate(lines):
        if ln.kind == "drop":
            if current:
                current.append(ln)
            continue
        if current and last_kept is not None:
            prev = lines[last_kept]
            prev_full = _is_full(prev.text, typical[last_kept])
            head = current[0].kind == "heading" and sum(x.kind != "drop" for x in current) == 1
            if _continues(prev, ln, prev_full, reflow, head):
                current.append(ln)
                last_kept = i
                continue
            paragraphs.append(current)
        current = [ln]
        last_kept = i
    if current:
        paragraphs.append(current)
    return paragraphs


_HYPHEN_KEEP = {"high", "low", "well", "self", "long", "short", "multi", "non", "co", "inter", "cross",
                "large", "small", "middle", "real", "full", "world", "open", "top", "state", "post",
                "pre", "anti", "semi", "sub", "two", "three", "four", "one", "eco", "socio", "time"}


def _join(a: str, b: str) -> str:
    """Join two printed lines of one paragraph: no space in Chinese, one space between English words."""
    if not a:
        return b
    last, first = a[-1], b[0]
    if last == "-" and len(a) >= 2 and a[-2].isalpha() and first.islower():
        word = re.search(r"([A-Za-z]+)-$", a)
        if word and word.group(1).lower() in _HYPHEN_KEEP:
            return a + b
        return a[:-1] + b
    if (last.isascii() and last.isalnum() or last in ",.;:?!)%") and (first.isascii() and first.isalnum() or first in "(“\""):
        if last.isdigit() and first.isdigit():
            return a + b
        return a + " " + b
    if last in ",.;:" and first.isascii() and first.isalpha():
        return a + " " + b
    return a + b


_SPAN_KINDS = {"table": "table", "english": "english", "en_author": "english", "author": "author", "meta": "meta"}


def _paragraph_kind(par: list[_Line]) -> str:
    kept = [ln for ln in par if ln.kind != "drop"]
    first = kept[0]
    if first.kind == "label" and first.english:
        return "english"
    if first.kind in ("label", "prose") and all(ln.english for ln in kept):
        return "english"
    return first.kind


def clean(raw: RawDocument) -> CleanText:
    """Repair extraction damage in `raw.text`; see the module docstring for what is repaired."""
    lines = _physical_lines(raw)
    _classify(lines)
    _mark_tables(lines)
    _mark_repeated_heads(lines)
    out: list[str] = []
    pages: list[tuple[int, int]] = []
    footnotes: list[tuple[int, str]] = []
    spans: list[Span] = []
    offset = 0
    in_notes = False
    for par in _paragraphs(lines):
        kept = [ln for ln in par if ln.kind != "drop"]
        if not kept:
            continue
        kind = _paragraph_kind(par)
        first = kept[0].text
        if _NOTES_RE.match(first):
            in_notes = True
        elif kind in ("banner", "english", "en_author", "author") or _REFS_RE.match(first) or (
                kind == "heading" and not in_notes) or (kind == "label" and not _NOTES_RE.match(first)):
            in_notes = False
        text = ""
        starts = []
        for ln in kept:
            before = len(text)
            text = text + " " + ln.text if kind == "table" and text else _join(text, ln.text)
            starts.append((len(text) - len(ln.text) if len(text) - before >= len(ln.text) else before, ln.page))
        if not in_notes:
            text, marks = strip_footnote_markers(text)
            footnotes.extend((offset + o, m) for o, m in marks)
            starts = [(s - sum(1 for o, _ in marks if o < s), p) for s, p in starts]
        for s, p in starts:
            if not pages or pages[-1][1] != p:
                pages.append((offset + s, p))
        if kind in _SPAN_KINDS:
            _add_span(spans, _SPAN_KINDS[kind], offset, offset + len(text))
        out.append(text)
        offset += len(text) + 1
    return CleanText(text="\n".join(out), pages=pages if raw.paged else [], footnotes=footnotes, spans=spans)


def _add_span(spans: list[Span], kind: str, start: int, end: int) -> None:
    if spans and spans[-1].kind == kind and spans[-1].end + 1 >= start:
        spans[-1].end = end
    else:
        spans.append(Span(kind, start, end))
