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
import functools
import re
import statistics
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .genre import NOTE_MARKER_RE, SALUTATION_RE, front_matter_kind
from .headings import (DASH_LEAD_RE, GLUED_NUMBER_HEADING_RE, HEADING_RE, NUMERIC_PROSE_RE, ORDINAL_LEAD_RE,  # noqa: F401
                       SHI_LEAD_RE, is_heading_line, list_marker)
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

LABEL_RE = re.compile(
    r"^(?:[\[［【(（]?\s*(?:摘\s*要|提\s*要|内容摘要|关\s*键\s*词|参考文献|注\s*释|注|主要参考文献)\s*[\]］】)）]?\s*[:：]?"
    r"|Abstract\s*[:：]|Key\s*[Ww]ords?\s*[:：]|Keywords\s*[:：])"
)
_KEYWORDS_LABEL_RE = re.compile(r"^[\[［【(（]?\s*关\s*键\s*词|^Key\s*[Ww]ords?|^Keywords")
NOTES_RE = re.compile(r"^\s*(?:注\s*释|注)\s*[:：]?\s*(?=$|[\u2460-\u24ff])")
_REFS_RE = re.compile(r"^\s*[\[［【]?\s*(?:主要)?参考文献\s*[\]］】]?\s*[:：]?\s*(?:[(（]\s*References?\s*[)）])?\s*$")
META_RE = re.compile(
    r"^(?:\*?\s*基金项目|中图分类号|文献标识码|文章编号|收稿日期|DOI|doi|作者简介|作者单位|通讯作者"
    r"|[（(]责任编辑|责任编辑|课题组(?:成员|组长|负责人)|\*?\s*本文(?:系|为|是).{0,40}(?:项目|基金))"
)
_BIO_RE = re.compile(rf"^[{_HAN}]{{2,4}}\s*[，,]\s*[男女]\s*[，,]")
_FUND_CODE_RE = re.compile(r"项目.{0,60}[（(][A-Za-z0-9\-]{5,}[）)]")
BANNER_RE = re.compile(r"^【[^】]{2,20}】$")
AUTHOR_RE = re.compile(rf"^[{_HAN}](?: [{_HAN}]){{1,14}}$")
_BYLINE_RE = re.compile(rf"^(?:文\s*[/／]\s*|作者\s*[:：]\s*)[{_HAN}·]{{2,4}}(?:[\s、，,]+[{_HAN}·]{{2,4}})*$")
_EN_AUTHOR_RE = re.compile(r"^[A-Z][a-z]+(?:[ \-][A-Za-z][a-z]+){1,11}$")
# Running heads: a journal name with its issue ("区域经济评论 2020.05", "… 2020年第5期"), an
# all-capitals journal name, or a lone page number.
_ISSUE_HEAD_RE = re.compile(
    rf"^[{_HAN}A-Za-z·]{{2,16}}\s*(?:19|20)\d\d\s*(?:[.．]\s*\d{{1,2}}|年\s*第\s*\d{{1,2}}\s*期|年\s*\d{{1,2}}\s*月)"
    r"(?:\s*[(（]?总第\s*\d+\s*期[)）]?)?$"
    rf"|^(?:19|20)\d\d\s*年\s*第\s*\d{{1,2}}\s*期\s*[{_HAN}]{{0,16}}$"
)
_CAPS_HEAD_RE = re.compile(r"^[A-Z][A-Z&'\-]+(?: [A-Z&'\-]+){1,6}$")
_PAGE_NO_RE = re.compile(r"^[-—–·\s]*\d{1,4}[-—–·\s]*$")
# A page number printed with dashes (`— 17 —`, `-1-`) or in roman numerals (front matter `I`, `II`):
# never a table cell, so it is dropped before tables are looked for.
_PAGE_FOOTER_RE = re.compile(r"^[-—–]+\s*\d{1,4}\s*[-—–]+$")
_ROMAN_PAGE_RE = re.compile(r"^[-—–]?\s*(?:[IVX]{1,5}|[ⅰ-ⅹⅠ-Ⅻ])\s*[-—–]?$")
# Web-page controls left in copied text: 下载 / 打印 / 全屏 / 收藏 / 分享 / 【字号：大 中 小】 ...
_WEB_CONTROL_RE = re.compile(
    r"^(?:[【\[]?\s*(?:字号\s*[:：]?\s*(?:[大中小]\s*)*|加大|还原|减小|默认|下载|打印(?:本页)?|全屏|收藏|分享(?:到)?|关闭(?:窗口)?"
    r"|返回(?:顶部)?|纠错|扫一扫)\s*[】\]]?\s*)+$|^[【】]$")
# Web-page metadata lines (source, time, editor) and photo captions (`…记者 李森 摄`).
_WEB_META_RE = re.compile(r"^(?:来源|时间|发布时间|发布日期|日期|编辑|责任编辑|浏览次数|点击数|信息来源)\s*[:：]")
_CAPTION_LINE_RE = re.compile(rf"(?:记者|摄影|通讯员)\s*[/／:：]?\s*[{_HAN}·]{{2,8}}(?:\s*[、，,]\s*[{_HAN}·]{{2,8}})*\s*摄?$")
# A link list closing a web page: the label and everything after it.
_RELATED_RE = re.compile(r"^(?:相关报道|相关链接|相关新闻|相关阅读|延伸阅读|相关文章)\s*[:：]?$")
# A table caption "表1 …", not prose about a table ("表 1显示了…", "表2报告了…", "表9第1行…").
_CAPTION_RE = re.compile(
    r"^(?:续?表|Table)\s*[0-9０-９]{1,2}(?:[-–.．][0-9]{1,2})?"
    r"(?!\s*(?:显示|报告|列出|表明|中|所示|给出|展示|反映|说明|为|是|可|的|和|与|、|第|至|结果|数据|可见|发现|看出))"
    rf"(?:\s|[（(]|[{_HAN}])"
)
_NUMERIC_CELL_RE = re.compile(r"^[（(\[]?[-−+]?[\d.,%．，：:\-—–~～/×*\s]+[）)\]]?[*％%]*$")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_HTML_TABLE_RE = re.compile(r"^(?:<html>\s*)?(?:<body>\s*)?<table", re.I)
_MD_BULLET_RE = re.compile(r"^[-*+]\s+(?=\S)")


_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060]")
_RADICAL_RE = re.compile("[\u2e80-\u2fdf]")
_NARROW_RE = re.compile("[\x00-\u1fff]")
_HAN_RE = re.compile(f"[{_HAN}]")


@functools.lru_cache(maxsize=65536)
def _width(text: str) -> float:
    """Printed width in em: CJK and full-width characters count 1, ASCII 0.5."""
    return len(text) - 0.5 * len(_NARROW_RE.findall(text))


def _han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


def is_english(text: str) -> bool:
    """True for a line written in English (Latin letters dominate, almost no Chinese)."""
    letters = sum(1 for c in text if c.isascii() and c.isalpha())
    return letters >= 4 and _han_count(text) <= max(1, len(text) // 30) and letters >= 0.5 * len(text.replace(" ", ""))


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
    if t[-1] in "。，；,;" or ("，" in t or "、" in t) and _han_count(t) >= 2:
        return False   # a sentence that happens to hold many figures
    digits = sum(c.isdigit() for c in t)
    if len(t) >= 8 and digits / len(t) >= 0.6:
        return True
    if t[-1] in "。，；,;：:" or is_heading_line(t) or LABEL_RE.match(t):
        return False
    return _width(t) <= 8


_ROW_NUMBER_RE = re.compile(r"^[-−+#]?[\d.,]+[%‰*]?$|^[—－-]$|^[＞＜><≥≤]?[\d.,]+(?:左右|以上|以下)?$")
_ROW_LABEL_RE = re.compile(r"[，。；：,;]|[:：]$")


def _is_row(text: str) -> bool:
    """A table row a PDF text layer printed on one line: a short label and its cells, spaces
    apart, ending in numbers (`全州总户籍人口 4899310 100.0`, `#夏粮 16.38 -1.7`)."""
    tokens = text.split()
    if len(tokens) < 2 or len(text) > 80:
        return False
    numbers = [t for t in tokens if _ROW_NUMBER_RE.match(t)]
    tail = len(tokens) - next((i for i in range(len(tokens) - 1, -1, -1) if not _ROW_NUMBER_RE.match(tokens[i])), -1) - 1
    label = " ".join(tokens[:len(tokens) - tail])
    if not tail or _ROW_LABEL_RE.search(label) or len(label) > 30 or len(numbers) > tail:
        return False       # a row's figures follow its label; prose mixes words and figures
    return tail >= 2 or len(label) <= 12


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
    front: bool = False  # a front-matter line (issuer, date, source, caption): not a sample of the column
    md_heading: bool = False  # a Markdown `#` line of a converted document
    footnote: bool = False    # the PDF reader found it among a page's footnotes (RawDocument.notes)


def _physical_lines(raw: RawDocument) -> list[_Line]:
    pages = raw.text.split("\f") if raw.paged else [raw.text]
    lines: list[_Line] = []
    notes = sorted(raw.notes)
    pos = 0
    for page_no, page in enumerate(pages, start=1):
        blank = True
        display_math = False
        for physical in page.split("\n"):
            at, pos = pos, pos + len(physical) + 1
            footnote = any(a <= at < b for a, b in notes)
            if not physical.isascii():
                physical = _ZERO_WIDTH_RE.sub("", physical)
                if _RADICAL_RE.search(physical):
                    physical = physical.translate(radical_table())
            body = physical.rstrip()
            stripped = body.lstrip(" \t\u3000\ufeff")
            if stripped == "$$":
                display_math = not display_math
                blank = True
                continue
            if "![" in stripped:
                stripped = _MD_IMAGE_RE.sub("", stripped).strip()
            if not stripped:
                blank = True
                continue
            lead = body[: len(body) - len(stripped)]
            indented = "\u3000" in lead or lead.count(" ") >= 2 or "\t" in lead
            md_heading = bool(_MD_HEADING_RE.match(stripped))
            stripped = _MD_BULLET_RE.sub("", _MD_HEADING_RE.sub("", stripped)).replace("**", "")
            formula = display_math or bool(_DISPLAY_MATH_RE.fullmatch(stripped))
            stripped = latex_to_text(_DISPLAY_MATH_RE.sub(r"\1", stripped)) if formula else _inline_math(stripped)
            if "\\" in stripped:
                stripped = _MD_ESCAPE_RE.sub(r"\1", stripped)
            text = re.sub(r"\s+", " ", stripped).strip()
            if text:
                lines.append(_Line(text, page_no, indented or formula, blank, md_heading=md_heading,
                                   kind="formula" if formula else "prose", footnote=footnote))
            blank = False
    return lines


@functools.lru_cache(maxsize=1)
def radical_table() -> dict[int, str]:
    """CJK radical code points -> the ideographs they stand for (a PDF font may map `木` to the
    radical `⽊` U+2F4A, `齐` to `⻬` U+2EEC): Kangxi radicals by NFKC, the supplement and a few
    overrides from kb/data/cjk_radicals.tsv."""
    table = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    path = Path(__file__).parent / "data" / "cjk_radicals.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, char = line.split("\t")[:2]
            table[int(code, 16)] = char.strip()
    return {cp: ch for cp, ch in table.items() if len(ch) == 1}


# ---------------------------------------------------------------- TeX from PDF converters
_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_ESCAPE_RE = re.compile(r"\\([*_#\[\]~`])")
_DISPLAY_MATH_RE = re.compile(r"\$\$(.+?)\$\$")
_INLINE_MATH_RE = re.compile(r"( ?)\$([^$\n]{1,400}?)\$( ?)")
_ENGLISH_WORDS_RE = re.compile(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}")
_TEX_SYMBOLS = {
    "%": "%", "sim": "~", "times": "×", "cdot": "·", "cdots": "…", "ldots": "…", "dots": "…",
    "geqslant": "≥", "geq": "≥", "ge": "≥", "leqslant": "≤", "leq": "≤", "le": "≤", "neq": "≠", "ne": "≠",
    "approx": "≈", "pm": "±", "mid": "|", "infty": "∞", "sum": "∑", "prod": "∏", "sqrt": "√",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "varepsilon": "ε", "epsilon": "ε",
    "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "varphi": "φ", "omega": "ω", "Omega": "Ω", "partial": "∂", "in": "∈", "to": "→", "rightarrow": "→",
    "{": "{", "}": "}", "_": "_", "&": "&", "#": "#", "$": "$", ",": "", ";": "", "!": "", "quad": " ",
    "qquad": " ", "prime": "′", "circ": "°", "degree": "°",
}
# commands that only style or size what follows: dropped, their argument kept
_TEX_STYLE_RE = re.compile(r"\\(?:big|Big|bigg|Bigg)[lr]?(?![A-Za-z])|\\(?:left|right)(?![A-Za-z])"
                           r"|\\(?:boldsymbol|mathbf|mathit|mathrm|mathsf|mathcal|mathbb|text|textbf|textit|operatorname"
                           r"|bf|it|rm|displaystyle|scriptstyle)(?![A-Za-z])")
_TEX_OPERATORS = {"max", "min", "log", "ln", "exp", "lim", "sin", "cos", "tan", "arg", "det", "sup", "inf"}
_TEX_SYMBOLS["nabla"] = "∇"
_TEX_CIRCLED_RE = re.compile(r"\\textcircled\s*\{\s*(\d{1,2})\s*\}")
_TEX_COMMAND_RE = re.compile(r"\\([A-Za-z]+|.)")


def latex_to_text(expr: str) -> str:
    """The text a TeX fragment of a PDF converter stands for: `5 7 . 4 2 \\%` -> `57.42%`,
    `\\textcircled{1}` -> `①` (a note marker), `l _ { i j }` -> `l_ij`, `1 0 ^ { 6 }` -> `10^6`."""
    t = _TEX_CIRCLED_RE.sub(lambda m: chr(0x245F + int(m.group(1))) if 1 <= int(m.group(1)) <= 20 else m.group(1), expr)
    t = re.sub(r"(?<!\\)~", " ", t)   # a tie is a space: `2 ~ 9 7 0` (2 970, thousands) -> 2970, not 2~970
    t = _TEX_STYLE_RE.sub("", t)
    t = re.sub(r"\\(?:begin|end)\s*\{[^}]*\}(?:\s*\{[^}]*\})?|\\(?:nonumber|notag|limits)(?![A-Za-z])", "", t)
    t = t.replace("\\\\", "; ")
    for _ in range(4):   # innermost first: x_{ij} -> x_ij, \frac{a}{b} -> (a)/(b)
        t = re.sub(r"([_^])\s*\{([^{}]*)\}", lambda m: m.group(1) + re.sub(r"\s+", "", m.group(2)), t)
        t = re.sub(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"(\1)/(\2)", t)
    t = _TEX_COMMAND_RE.sub(lambda m: _TEX_SYMBOLS.get(m.group(1), m.group(1) if m.group(1) in _TEX_OPERATORS
                                                         or not m.group(1).isalpha() else ""), t)
    t = re.sub(r"\^\s*\{\s*(\*+|\+|<\s*\d+)\s*\}|\^\s*([*+])", lambda m: (m.group(1) or m.group(2)).replace(" ", ""), t)
    t = re.sub(r"\s+", "", t)
    return t.replace("{", "").replace("}", "")


def _inline_math(line: str) -> str:
    """`line` with its inline TeX ($…$) turned back into text; English prose between dollar signs
    (prices) is left alone."""
    if "$" not in line:
        return line
    def replace(m: re.Match) -> str:
        if _ENGLISH_WORDS_RE.search(m.group(2)) and "\\" not in m.group(2):
            return m.group(0)
        before, after = line[m.start() - 1:m.start()], line[m.end():m.end() + 1]
        # the converter pads math with spaces; inside Chinese text they are not the author's
        lead = " " if m.group(1) and before.isascii() and before.isalnum() else ""
        tail = " " if m.group(3) and after.isascii() and after.isalnum() else ""
        return lead + latex_to_text(m.group(2)) + tail
    return _INLINE_MATH_RE.sub(replace, line)


# PDF text layers pad numbers with spaces (`到 2030 年`, `增长 4.8%`, `866.60 万人`) and justify
# lines by spacing out their characters (`第 二 产 业 增 加 值 比 重 为 22.1%`).
_CJK = r"\u4e00-\u9fff，。、；：？！（）“”《》"
_PADDED_NUMBER_RE = re.compile(rf"(?<=[{_CJK}])[ \u00a0]+(?=\d)|(?<![图表]\d)(?<![图表]\d\d)(?<=[\d%‰])[ \u00a0]+(?=[{_CJK}])"
                               r"|(?<=[，。、；：？！）”》])[ \u00a0]+|[ \u00a0]+(?=[，。、；：？！）”》])")
_SENTENCE_PUNCT_RE = re.compile(r"[，。；、]")
_SPACED_HAN_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")


def _unspace_letters(lines: list[_Line]) -> None:
    """Close up a letter-spaced line (`第 二 产 业 增 加 值 比 重 为 22.1%`): most of its Chinese
    characters stand a space apart, and it holds more than a spaced-out name."""
    for ln in lines:
        if ln.kind in ("prose", "heading") and not ln.english and ln.text.count(" ") >= 4:
            gaps = len(_SPACED_HAN_RE.findall(ln.text))
            if gaps >= max(4, _han_count(ln.text) // 2) and not is_author_line(ln.text):
                ln.text = _SPACED_HAN_RE.sub("", ln.text)


def _unpad(par: list[_Line], kind: str) -> None:
    """Remove the layout spaces around numbers inside the Chinese text of a prose paragraph (one
    with a sentence's punctuation: a row of table cells keeps its spaces), and beside full-width
    punctuation; a heading keeps the space after its leading number."""
    if kind not in ("prose", "heading", "label") or any(ln.english for ln in par) or \
            kind != "heading" and not any(_SENTENCE_PUNCT_RE.search(ln.text) for ln in par):
        return
    for ln in par:
        t = ln.text
        lead = re.match(r"^(?:\d{1,2}(?:[.．]\d{1,2})*\s+)?", t).end() if kind == "heading" else 0
        ln.text = t[:lead] + _PADDED_NUMBER_RE.sub("", t[lead:])


def _markdown_paragraphs(lines: list[_Line]) -> None:
    """In a Markdown file converted from PDF, a blank line ends a paragraph and a `#` line stands
    alone, whatever the widths say: such lines start a paragraph (`indented`)."""
    if not any(ln.md_heading for ln in lines):
        return
    for prev, ln in zip([None, *lines], lines):
        unfinished = prev is not None and prev.text.endswith(tuple("；;，,、"))
        if ln.blank_before and not unfinished or ln.md_heading or prev is not None and prev.md_heading:
            ln.indented = True


def _running_head(text: str) -> bool:
    return bool(_ISSUE_HEAD_RE.match(text) or _CAPS_HEAD_RE.match(text))


def _repeat_key(text: str) -> str:
    return re.sub(r"[\s*＊]", "", text)


_RUNNING_HEAD_COPIES = 3
_PAGE_CHARS = 200   # copies of a running head stand about a page apart: this much text between them (median)


def _chars_between(lines: list[_Line], a: int, b: int) -> int:
    return sum(len(ln.text) for ln in lines[a + 1:b])


def _body_before(lines: list[_Line], i: int) -> bool:
    """True when the body has begun before line i (a heading, or a full sentence of prose): a line
    repeated as running head that first appears there is not the document's own title."""
    return any(ln.kind == "heading" or ln.kind == "prose" and _width(ln.text) >= 30 and ln.text.endswith("。")
               for ln in lines[:i])


def _mark_repeated_heads(lines: list[_Line]) -> None:
    """Drop running heads repeated from titles and column names (later copies of short title-like
    lines), and text the extraction printed twice (earlier copies of long lines, with the short
    line ending the copied paragraph)."""
    seen: dict[str, int] = {}
    copies: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind != "prose":
            continue
        t = ln.text
        if not (6 <= len(t) <= 45) or t[-1] in "。，；：:,;" or _han_count(t) < 0.6 * len(t.replace(" ", "")):
            continue
        key = _repeat_key(t)
        copies.setdefault(key, []).append(i)
        if key in seen:
            ln.kind = "drop"
        else:
            seen[key] = i
    # A line printed again and again down the document, a page apart, is a running head even where
    # it first appears, unless that first copy heads something: the document's opening, or front
    # matter (author line, labels) right below it, as an article title repeated as a running head.
    # (Table cells repeat too, but close together.)
    for key, i in seen.items():
        at = copies[key]
        if len(at) >= _RUNNING_HEAD_COPIES and statistics.median(_chars_between(lines, a, b) for a, b in zip(at, at[1:])) >= _PAGE_CHARS \
                and _body_before(lines, i) and not any(
                lines[j].kind in ("author", "label", "banner", "meta") for j in range(i + 1, min(i + 3, len(lines)))):
            lines[i].kind = "drop"
    last: dict[str, int] = {}
    for i, ln in enumerate(lines):
        if len(ln.text) >= 30 and ln.kind != "table":
            last[ln.text] = i
    for i, ln in enumerate(lines):
        j = last.get(ln.text)
        if j is not None and j > i and ln.kind != "table":
            ln.kind = "drop"
            nxt, later = i + 1, j + 1
            if nxt < len(lines) and later < len(lines) and nxt != j and len(lines[nxt].text) < 30 \
                    and lines[nxt].text == lines[later].text:
                lines[nxt].kind = "drop"


# Front-matter lines (issuer, date, dateline) are looked for this far into a document.
_OPENING_LINES = 40


# A table of contents: a `目录` label (also `重大工程专栏目录`), entries ending in a page number,
# with or without dot leaders; a dot-leader line is an entry wherever it stands.
TOC_LABEL_RE = re.compile(rf"^[{_HAN}]{{0,8}}目\s*录$")
_TOC_ENTRY_RE = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|\s)\s*\d{1,4}$")
_DOT_LEADER_RE = re.compile(r"(?:\.{6,}|…{3,}|·{6,})\s*\d{0,4}$")


def _mark_toc(lines: list[_Line]) -> None:
    """Mark tables of contents (kind "toc"): from a 目录 label, the entries that end in a page number,
    letting one wrapped entry line through; and any dot-leader line."""
    in_toc = False
    for i, ln in enumerate(lines):
        t = ln.text
        if ln.kind == "drop":
            continue
        if TOC_LABEL_RE.match(t.replace(" ", "")) or _DOT_LEADER_RE.search(t):
            ln.kind, in_toc = "toc", True
        elif in_toc and (_is_toc_entry(t) or i + 1 < len(lines) and _DOT_LEADER_RE.search(lines[i + 1].text)
                         and len(t) <= 40 and not t.endswith(tuple(_TERMINAL))):
            ln.kind = "toc"
        else:
            in_toc = False


_TOC_HEAD_RE = re.compile(rf"^(?:第[{_CN_NUM}\d]{{1,4}}[篇章节部分]|[{_CN_NUM}]{{1,3}}[、．.]|[（(][{_CN_NUM}]{{1,3}}[）)]"
                          r"|\d{1,2}(?:\.\d{1,2})*\s|专栏\s*\d|附\s*[件录表]|序\s*言|前\s*言|结\s*语|后\s*记)")


def _is_toc_entry(text: str) -> bool:
    """A line of a table of contents: a heading's words ending in its page number."""
    return len(text) <= 80 and bool(_TOC_ENTRY_RE.search(text)) and (
        bool(_TOC_HEAD_RE.match(text)) or bool(_DOT_LEADER_RE.search(text)))


def _web_tail(lines: list[_Line]) -> int:
    """Index where a web page's closing link list (`相关报道：` …) starts, or len(lines)."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 40), -1):
        if _RELATED_RE.match(lines[i].text):
            return i
    return len(lines)


def _classify(lines: list[_Line]) -> None:
    tail = _web_tail(lines)
    for i, ln in enumerate(lines):
        t = ln.text
        # a line without Chinese right after English text ("4.0" ending a key word) is English too
        ln.english = is_english(t) or (i > 0 and lines[i - 1].english and _han_count(t) == 0)
        if ln.kind == "formula":
            continue
        if _HTML_TABLE_RE.match(t):
            ln.kind = "table"   # kept whole, markup and all, for the tables stage
        elif i >= tail or _WEB_CONTROL_RE.match(t) or _PAGE_FOOTER_RE.match(t):
            ln.kind = "drop"
        elif _WEB_META_RE.match(t) and len(t) <= 60 or len(t) <= 80 and _CAPTION_LINE_RE.search(t) \
                or i < _OPENING_LINES and front_matter_kind(t) in ("dateline", "date", "issuer", "notice", "number"):
            ln.kind, ln.front = "meta", True
        elif _running_head(t):
            ln.kind = "drop"
        elif FOOTNOTE_RE.fullmatch(t):
            ln.kind = "fnmark"
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
        elif ln.md_heading and len(t) <= 60 and GLUED_NUMBER_HEADING_RE.match(t) and not NUMERIC_PROSE_RE.match(t):
            # `# 1引言`: the converter glued the number to the words; a space makes it read as printed
            ln.text, ln.kind = re.sub(r"^(\d{1,2}(?:[.．]\d{1,2})*)", r"\1 ", t), "heading"
    _mark_toc(lines)
    for ln in lines:
        # a page's footnotes stay apart from the body; a fund note or author bio among them stays meta
        if ln.footnote and ln.kind not in ("meta", "drop", "formula"):
            ln.kind = "footnote"
    for prev, ln in zip(lines, lines[1:]):
        # the first line of a fund note whose grant number wrapped onto the next line
        if prev.kind == "prose" and "项目" in prev.text and ln.kind == "meta" and _FUND_CODE_RE.search(ln.text) \
                and not prev.text.endswith(tuple(_SENTENCE_END)):
            prev.kind = "meta"


def _mark_page_notes(lines: list[_Line]) -> None:
    """Page-foot notes printed as a column of lone markers (①②③ one per line) followed by the note
    texts in full page width: the markers are dropped and the note lines marked "meta"."""
    i = 0
    while i < len(lines):
        if lines[i].kind != "fnmark":
            i += 1
            continue
        while i < len(lines) and lines[i].kind == "fnmark":
            lines[i].kind = "drop"
            i += 1
        while i < len(lines) and lines[i].kind in ("prose", "heading") and (
                _width(lines[i].text) >= 30 or _width(lines[i].text) <= 8 and lines[i].text.endswith("。")
                and lines[i - 1].kind == "meta"):
            lines[i].kind = "meta"
            i += 1


def _mark_tables(lines: list[_Line]) -> None:
    """Mark runs of table cells (and their 表N caption) as kind "table"; dropped lines (running
    heads, lone note markers) inside a run neither break nor extend it."""
    idx = [i for i, ln in enumerate(lines) if ln.kind != "drop"]
    cand = [lines[i].kind in ("prose", "heading") and (_is_cell(lines[i].text) or _is_row(lines[i].text)) for i in idx]
    a = 0
    while a < len(idx):
        if not cand[a]:
            a += 1
            continue
        b = a
        while b < len(idx) and cand[b]:
            b += 1
        run = [lines[i] for i in idx[a:b]]
        numeric = sum(_is_numeric(ln.text) or _is_row(ln.text) for ln in run)
        if (len(run) >= 3 and numeric >= 2) or len(run) >= 5 or (numeric and max(len(x.text) for x in run) >= 14):
            for ln in run:
                ln.kind = "table"
            # the caption and header cells just above the cells belong to the table
            k = a - 1
            while k >= 0 and a - k <= 3 and lines[idx[k]].kind == "prose" and (
                    _CAPTION_RE.match(lines[idx[k]].text) or _width(lines[idx[k]].text) <= 12):
                lines[idx[k]].kind = "table"
                if _CAPTION_RE.match(lines[idx[k]].text):
                    break
                k -= 1
        a = b
    for ln in lines:
        if ln.kind in ("prose", "heading") and _CAPTION_RE.match(ln.text) and _width(ln.text) <= 45:
            ln.kind = "table"
    # a lone page number (arabic, or roman in front matter) sits between prose lines, never inside
    # a run of cells
    for ln in lines:
        if ln.kind in ("prose", "heading") and (_PAGE_NO_RE.match(ln.text) or _ROMAN_PAGE_RE.match(ln.text)):
            ln.kind = "drop"


# ---------------------------------------------------------------- paragraphs
_STANDALONE = {"heading", "banner", "author", "en_author", "toc"}
_TITLES = {"title", "en_title"}
_STARTS_PARAGRAPH = {"label", "meta", "table"} | _STANDALONE


def _typical_widths(lines: list[_Line], k: int = 5) -> list[float]:
    """Per line, the column width around it: of the median widths of the k nearest prose lines of
    the same script before and after, the one nearer its own width (so a line at a change of
    layout, e.g. the first body line after a full-width abstract, is measured against its column)."""
    widths = [_width(ln.text) for ln in lines]
    by_script: dict[bool, list[int]] = {True: [], False: []}
    for i, ln in enumerate(lines):
        if ln.kind in ("prose", "label", "meta") and not ln.front:
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


# In text with one paragraph per line, a paragraph shorter than this that ends without a full stop
# is a line of its own (a title, a dateline, a heading), not a paragraph broken by the extraction.
_MIN_BROKEN_PARAGRAPH = 40
# ... unless the break is visibly inside a phrase: a line ending where no line ends, or one starting
# where no line starts.
_OPEN_ENDS = tuple("、，,的和与及或（(“‘《：:是")
_INNER_PUNCT_RE = re.compile(r"[。，；：！？]")
_CLOSE_STARTS = tuple("、，,。；;：:）)”’」》%％")


def _opens_item(text: str) -> bool:
    """True for a line that opens an item of a list (`一是…`, `第一，…`, `——…`), never a continuation."""
    return bool(SHI_LEAD_RE.match(text) or ORDINAL_LEAD_RE.match(text) or DASH_LEAD_RE.match(text))


def _continues(prev: _Line, nxt: _Line, prev_full: bool, reflow: bool, par_width: float = 1e9) -> bool:
    """True when `nxt` continues the paragraph that `prev` belongs to (`par_width`: its width so far)."""
    if prev.md_heading or nxt.md_heading or prev.front or nxt.front:
        return False
    if prev.kind in ("table", "formula") or nxt.kind in ("table", "formula"):
        return prev.kind == nxt.kind and not _HTML_TABLE_RE.match(nxt.text)
    if prev.kind in _TITLES or nxt.kind in _TITLES:
        return prev.kind == nxt.kind
    # a page turned inside a word (…实际利用外 | 资金额60万美元): the new page's first line reads as indented
    turned = reflow and prev_full and nxt.page != prev.page and re.search(rf"[{_HAN}]$", prev.text) is not None
    if prev.kind in _STANDALONE or nxt.kind in _STARTS_PARAGRAPH or (nxt.indented and not turned):
        return False
    if prev.english != nxt.english and not (prev.kind in ("label", "meta") and nxt.english):
        return False
    if not reflow:
        if prev.kind == "label" and _KEYWORDS_LABEL_RE.match(prev.text) and prev.text.endswith(tuple("；;，,、")):
            return True   # key words wrapped onto the next line
        return not nxt.blank_before and not prev.text.endswith(tuple(_SENTENCE_END)) \
            and prev.kind != "meta" and not SALUTATION_RE.match(prev.text) and not _opens_item(nxt.text) \
            and (par_width >= _MIN_BROKEN_PARAGRAPH or _INNER_PUNCT_RE.search(prev.text) is not None
                 or prev.text.endswith(_OPEN_ENDS) or nxt.text.startswith(_CLOSE_STARTS) or len(nxt.text) <= 2 or len(prev.text) <= 2)
    if prev.kind == "label" and _KEYWORDS_LABEL_RE.match(prev.text) and not prev.text.endswith(tuple("；;，,、")):
        return False
    if not prev_full or prev.kind == "meta" and not re.search(rf"[{_HAN}，、,]$", prev.text):
        return False
    return not (prev.text.endswith(tuple(_SENTENCE_END)) and _LEAD_RE.match(nxt.text))


def _mark_titles(lines: list[_Line]) -> None:
    """Mark the title lines above an author line (or above the abstract label of a document's first
    article): up to three lines back to a boundary (banner, metadata, page head, document start);
    without a boundary only the one line right above, since a title may be printed inside a page."""
    for i, ln in enumerate(lines):
        english = ln.kind == "en_author"
        if not (ln.kind in ("author", "en_author") or (i <= 3 and ln.kind == "label" and not ln.english)):
            continue
        chain = []
        j = i - 1
        while j >= 0 and len(chain) < (4 if english else 3):
            cand = lines[j]
            if cand.kind == "drop":
                j -= 1
                continue
            if cand.kind != "prose" or cand.english != english or _width(cand.text) > (80 if english else 40) \
                    or cand.text.endswith(tuple("。，；：:,;")):
                break
            chain.append(cand)
            j -= 1
        bounded = j < 0 or lines[j].kind in ("banner", "meta", "drop", "author", "label", "table") \
            or (english and not lines[j].english)
        for cand in chain if bounded else chain[:1]:
            cand.kind = "en_title" if english else "title"


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    """Group printed lines into paragraphs. A title and author line printed inside a paragraph (an
    essay's heading placed at the foot of its first page) is moved out, after that paragraph."""
    reflow = _reflowed(lines)
    typical = _typical_widths(lines)
    full = [_is_full(ln.text, t) for ln, t in zip(lines, typical)]
    kept = [i for i, ln in enumerate(lines) if ln.kind != "drop"]
    rests = _resolve_headings(lines, kept, full, typical) if reflow else _cut_headings(lines, kept)
    paragraphs: list[list[_Line]] = []
    deferred: list[list[_Line]] = []
    current: list[_Line] = []
    width = 0.0
    prev_i = None
    k = 0
    while k < len(kept):
        i = kept[k]
        ln = lines[i]
        if ln.kind == "footnote":
            # a page's footnotes between two lines of a paragraph: the paragraph goes on, the notes
            # follow it
            n = _run_of(lines, kept, k, "footnote")
            notes = _note_entries([lines[j] for j in kept[k:k + n]])
            (deferred if current else paragraphs).extend(notes)
            k += n
            continue
        if current and prev_i is not None:
            prev = lines[prev_i]
            inserted = _interrupting_block(lines, kept, k) if reflow and full[prev_i] and \
                prev.kind == "prose" and not prev.text.endswith(tuple(_TERMINAL)) else 0
            if inserted:
                deferred.append([lines[j] for j in kept[k:k + inserted]])
                k += inserted
                continue
            head = current[0].kind == "heading"
            if head and len(current) <= rests.get(id(current[0]), 0) or \
                    not head and _continues(prev, ln, full[prev_i], reflow, width):
                current.append(ln)
                width += _width(ln.text)
                prev_i = i
                k += 1
                continue
            paragraphs.append(current)
            paragraphs.extend(_split_kinds(deferred))
            deferred = []
        current = [ln]
        width = _width(ln.text)
        prev_i = i
        k += 1
    if current:
        paragraphs.append(current)
    paragraphs.extend(_split_kinds(deferred))
    return paragraphs


def _cut_headings(lines: list[_Line], kept: list[int]) -> dict[int, int]:
    """In one-paragraph-per-line text: {id(heading): 1} for a two-clause heading cut after its
    comma's clause (`第一篇 立足…新起点，建设` / `世界一流的…国际大都市`), the short second line
    holding no punctuation."""
    rests = {}
    for a, b in zip(kept, kept[1:]):
        head, nxt = lines[a], lines[b]
        if head.kind == "heading" and "，" in head.text and not head.text.endswith(tuple(_TERMINAL + "，、")) \
                and nxt.kind == "prose" and len(nxt.text) <= 30 and not re.search(r"[，。；：！？、,.;:]", nxt.text) \
                and len(head.text) + len(nxt.text) <= _MAX_HEADING_CHARS:
            rests[id(head)] = 1
    return rests


def _reaches_edge(text: str, typical: float) -> bool:
    """True when a printed line runs to the column edge; a paragraph's first line (headings too)
    is indented by two characters, so it counts from two short of the column width."""
    return _width(text) >= typical - 2


# A heading's further printed lines hold no sentence end: a line with one is the body's text.
_NOT_IN_HEADING = "。！？!?；;：:"
_MAX_HEADING_CHARS = 60


def _heading_rest_count(lines: list[_Line], kept: list[int], k: int, typical: list[float]) -> int | None:
    """How many printed lines after the heading kept[k] continue it, or None when the heading runs
    to the column edge and the lines after it never end the way a heading does (a clearly short
    last line, no sentence end, within 60 characters): then it may as well be a numbered paragraph.

    A paragraph's indented first line is about two characters short of the edge, so a heading's
    last line must be shorter still (four short) not to be taken for the body's first line.
    """
    head = lines[kept[k]]
    if k + 1 >= len(kept):
        return 0
    # the column width: a short heading's own neighbourhood may be formulas or a table
    column = max(typical[kept[k]], typical[kept[k + 1]])
    last, length, n = head, len(head.text), 0
    while _width(last.text) >= column - 3 and not last.text.endswith(tuple(_NOT_IN_HEADING)):
        if k + n + 1 >= len(kept):
            return None
        nxt = lines[kept[k + n + 1]]
        length += len(nxt.text)
        if nxt.kind != "prose" or nxt.indented or nxt.english != head.english or _LEAD_RE.match(nxt.text) \
                or any(c in nxt.text for c in _NOT_IN_HEADING) or length > _MAX_HEADING_CHARS:
            return None
        last, n = nxt, n + 1
        if _width(last.text) > column - 4 and _width(last.text) < column - 2:
            return None   # as long as an indented first line: the heading's end is not shown
    if n == 0 and _short_second_line(head, lines[kept[k + 1]], typical[kept[k + 1]]):
        return 1
    return n


def _short_second_line(head: _Line, nxt: _Line, typical: float) -> bool:
    """True when `nxt` is a short second printed line of a heading that stopped short of the edge
    (a bold heading's glyphs are wider, so its break comes early)."""
    return (nxt.kind == "prose" and not nxt.indented and not _is_full(nxt.text, typical)
            and _width(head.text) >= 10 and not head.text.endswith(tuple("。！？!?：:；;，,、"))
            and not nxt.text.endswith(tuple("。！？!?：:；;，,、")) and _width(nxt.text) <= 16)


def _resolve_headings(lines: list[_Line], kept: list[int], full: list[bool], typical: list[float]) -> dict[int, int]:
    """Decide which heading-like lines are headings and how many printed lines continue each one.

    Returns {id(heading line): continuation lines}. Demoted to prose: a numbered line right after a
    line cut mid-sentence ("21世纪中叶…"), and a numbered line that runs to the column edge into
    prose ("2.谢里教授运用…，将内生交易成") when its list is one of paragraphs. Whether a list holds
    headings or paragraphs is read from its unambiguous members: a heading that ends short of the
    edge (or whose broken line ends like a heading) vs a numbered line holding a full stop.
    """
    for a, b in zip(kept, kept[1:]):
        prev, ln = lines[a], lines[b]
        if ln.kind == "heading" and prev.kind == "prose" and not ln.indented \
                and _reaches_edge(prev.text, typical[a]) and not prev.text.endswith(tuple(_TERMINAL)):
            ln.kind = "prose"
    rests: dict[int, int] = {}
    unsure: list[int] = []
    votes: dict[tuple[int, int], list[int]] = {}   # list key -> [heading votes, paragraph votes]
    lists: dict[int, tuple[int, int]] = {}          # kept position -> list key
    last_value: dict[int, int] = {}
    for k, i in enumerate(kept):
        ln = lines[i]
        starts = k == 0 or lines[kept[k - 1]].kind != "prose" or not full[kept[k - 1]] \
            or lines[kept[k - 1]].text.endswith(tuple(_TERMINAL))
        marker = list_marker(ln.text) if ln.kind == "heading" or ln.kind == "prose" and starts else None
        if marker is not None:
            style, value = marker
            if value <= last_value.get(style, 0):
                votes[(style, k)] = [0, 0]
            last_value[style] = value
            key = max((key for key in votes if key[0] == style), key=lambda key: key[1], default=(style, k))
            votes.setdefault(key, [0, 0])
            lists[k] = key
        if ln.kind == "heading":
            n = _heading_rest_count(lines, kept, k, typical)
            if n is None:
                unsure.append(k)
            else:
                rests[id(ln)] = n
                if marker is not None:
                    votes[lists[k]][0] += 1
        elif marker is not None and "。" in ln.text:
            votes[lists[k]][1] += 1
    for k in unsure:
        ln, i = lines[kept[k]], kept[k]
        headings, paragraphs = votes[lists[k]] if k in lists else (0, 0)
        if headings == paragraphs:
            # no evidence either way: a heading holding a comma that fills its line is prose
            prose = "，" in ln.text and _width(ln.text) >= typical[i] - 1 and not _LEAD_RE.match(ln.text)
        else:
            prose = paragraphs > headings
        if prose:
            ln.kind = "prose"
        else:
            rests[id(ln)] = 0
    return rests


def _interrupting_block(lines: list[_Line], kept: list[int], k: int) -> int:
    """Number of lines from kept[k] that form a title + author block followed by the paragraph's rest."""
    n = 0
    while k + n < len(kept) and lines[kept[k + n]].kind == "title":
        n += 1
    if n == 0 or k + n >= len(kept) or lines[kept[k + n]].kind != "author":
        return 0
    n += 1
    rest = lines[kept[k + n]] if k + n < len(kept) else None
    return n if rest is not None and rest.kind == "prose" and not rest.indented else 0


def _run_of(lines: list[_Line], kept: list[int], k: int, kind: str) -> int:
    """Number of lines from kept[k] on that are of `kind`."""
    n = 0
    while k + n < len(kept) and lines[kept[k + n]].kind == kind:
        n += 1
    return n


def _note_entries(notes: list[_Line]) -> list[list[_Line]]:
    """Footnote lines grouped into notes: a line opening with a note marker starts the next one."""
    out: list[list[_Line]] = []
    for ln in notes:
        if out and not NOTE_MARKER_RE.match(ln.text):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _split_kinds(block: list[list[_Line]]) -> list[list[_Line]]:
    """The deferred title and author lines, one paragraph per kind (titles joined, author alone)."""
    out: list[list[_Line]] = []
    for lines in block:
        if lines[0].kind == "footnote":     # one note, its lines together
            out.append(lines)
            continue
        for ln in lines:
            if out and out[-1][-1].kind == ln.kind == "title":
                out[-1].append(ln)
            else:
                out.append([ln])
    return out


_HYPHEN_KEEP = {"high", "low", "well", "self", "long", "short", "multi", "non", "co", "inter", "cross",
                "large", "small", "middle", "real", "full", "world", "open", "top", "state", "post",
                "pre", "anti", "semi", "sub", "two", "three", "four", "one", "eco", "socio", "time"}


def _join(a: str, b: str, english: bool = True) -> str:
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
        # inside Chinese text a break between Latin letters and digits is layout ("PM" + "2.5")
        if last.isdigit() and first.isdigit() or not english and not (last.isalpha() and first.isalpha()):
            return a + b
        return a + " " + b
    if last in ",.;:" and first.isascii() and first.isalpha():
        return a + " " + b
    return a + b


_SPAN_KINDS = {"footnote": "notes", "toc": "toc", "formula": "formula", "table": "table", "english": "english", "en_author": "english", "en_title": "english", "author": "author", "meta": "meta"}


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
    _markdown_paragraphs(lines)
    _classify(lines)
    _mark_page_notes(lines)
    _mark_tables(lines)
    _unspace_letters(lines)
    _mark_repeated_heads(lines)
    _mark_titles(lines)
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
        if kind == "prose" and _is_fund_note(" ".join(ln.text for ln in kept)):
            kind = "meta"
        _unpad(kept, kind)
        first = kept[0].text
        if NOTES_RE.match(first):
            in_notes = True
        elif kind in ("banner", "english", "en_author", "author") or _REFS_RE.match(first) or (
                kind == "heading" and not in_notes) or (kind == "label" and not NOTES_RE.match(first)):
            in_notes = False
        text = ""
        starts = []
        for ln in kept:
            before = len(text)
            text = text + " " + ln.text if kind == "table" and text else _join(text, ln.text, ln.english)
            starts.append((len(text) - len(ln.text) if len(text) - before >= len(ln.text) else before, ln.page))
        if not in_notes and kind != "footnote":
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
    return CleanText(text="\n".join(out), pages=pages if raw.paged else [], footnotes=footnotes, spans=spans,
                     running_heads=_running_heads(lines))


def _running_heads(lines: list[_Line]) -> list[str]:
    """The distinct running heads dropped from the text (`区域经济评论 2020年第5期`): they name the
    journal and issue of the pages they stood on."""
    return list(dict.fromkeys(ln.text for ln in lines if ln.kind == "drop" and _running_head(ln.text)))


_FUND_CODES_RE = re.compile(r"[（(][A-Za-z0-9\-]{5,}[）)]")


def _is_fund_note(text: str) -> bool:
    """A fund note whose label was lost: project names with grant numbers, no sentence of prose."""
    codes = _FUND_CODES_RE.findall(text)
    return bool(codes) and "项目" in text and len(text) < 600 and len(codes) * 120 >= len(text) \
        and text.rstrip("。；; ").endswith(("）", ")"))


def _add_span(spans: list[Span], kind: str, start: int, end: int) -> None:
    if spans and spans[-1].kind == kind and spans[-1].end + 1 >= start:
        spans[-1].end = end
    else:
        spans.append(Span(kind, start, end))
