"""Tables in the cleaned text: HTML tables (PDF-to-Markdown output keeps them as markup) and Markdown
pipe tables, read into `Table` grids (colspan/rowspan repeated into every cell they cover), with
caption, unit line and notes taken from the lines around them; and each numeric cell as a `Fact`.

Reading a cell: a number printed with layout spaces (`0. 229 4`, `16 000`) is one number; a cell that
holds several numbers (the converter merged neighbouring cells: `18.6 25.7 31.3`) is re-split and
paired with the header's labels only when their counts agree — never concatenated.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kb.extract.places import named_place
from kb.extract.indicators import canonical_indicator
from kb.extract.numbers import analysis_text, find_quantities
from kb.extract.periods import find_periods
from kb.types import Article, CleanText, Fact, Table

_HTML_TABLE = re.compile(r"(?:<html>\s*)?(?:<body>\s*)?<table\b.*?</table>(?:\s*</body>)?(?:\s*</html>)?", re.S | re.I)
_CELL_TAG = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", re.S | re.I)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

# a caption line: `表3 …`, `# 表2…`, `续表1`; the English `Tab.1 …` only when no Chinese one is near
_CAPTION_CN = re.compile(r"^(?:#+\s*)?(?:续\s*)?表\s*\d")
_CAPTION_EN = re.compile(r"^(?:#+\s*)?Tab(?:le)?\.?\s*\d", re.I)
_UNIT_LINE = re.compile(r"^(?:#+\s*)?单位\s*[:：]\s*(.+?)\s*$")
_NOTE_LINE = re.compile(r"^(?:注|说明|数据来源|资料来源|来源)\s*\d*\s*[:：]")
_CAPTION_LOOKBACK = 4       # lines above a table searched for its caption and unit line

# numbers as tables print them; the grouped forms first so `0.860 0` is one number, not two
_NUMBER = re.compile(
    r"(?<![\d.])[-−]?(?:\d+\.\s?\d{3}(?: \d{1,3})+(?![\d.])"   # 0.860 0, 0. 229 4: decimals in groups of 3
    r"|\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?(?![\d.])"                # 16 000, 56,098: thousands
    r"|\d+(?:\.\s?\d+)?)"                                       # 41.76, 0. 5
    r"(?P<pct>\s*%)?")
_MARKERS = re.compile(r"[①-⑳*＊†‡]+|\$\\textcircled\{\d+\}\$")
# a header cell naming a year: tables print bare years (2006) that kb.extract.periods, reading prose,
# rightly does not take for periods; `(1) 2005` is a model column's number and its year
_YEAR_ONLY = re.compile(r"^(?:[(（]?\d{1,2}[)）]?\s*)?((?:19|20)\d{2})\s*(?:年(?:末|底|度)?)?$")
# columns that number or rank the rows: their cells are positions, not quantities
_RANK_LABEL = re.compile(r"^(?:排名|排序|位次|名次|序号|编号|代码|代号|No\.?|ID|Rank)$", re.I)
# a label that names a place or an area (the entity a table's numbers describe)
_PLACE = re.compile(r"(?:省|市|区|县|州|盟|旗|国|地区|自治区|湾区|城市群|经济带|全国)$")
_UNIT_HEAD = re.compile(r"^(?:计量)?单位$")
_UNIT_SUFFIX = re.compile(r"\s*(?:[（(]\s*([^（）()]{1,12}?)\s*[)）]|[／/]\s*([^／/]{1,12}?)|(?<=[\u4e00-\u9fff])([%‰]))\s*$")
# `…测度值及排名`: the caption also announces the rank columns, which are not the measure
_RANKS_TOO = re.compile(r"及(?:其)?(?:排名|排序|位次|名次)$")
# a column of a statistic (均值, 标准差) names what it computes, not the variable: the caption names that
_STATISTIC = re.compile(r"^(?:均值|平均值|平均数|标准差|方差|最大值|最小值|中位数|变异系数|极差|峰值|峰值距离|谷值)$")
# a column that holds the value itself (绝对数 beside 比上年增长): the rows are then the indicators, of
# the document's own place
# a table of grading standards (分级标准, 阈值): its columns are grades, not entities; a cell is the
# threshold of its row's indicator for that grade
_STANDARDS = re.compile(r"标准|阈值|分级|等级划分")
_METHOD_GRADES = re.compile(r"阈值|分级|等级划分|评价标准|分类标准")
_WEIGHT_LABEL = re.compile(r"权重$")
_INDICATOR_CORNER = re.compile(r"^(?:主要)?(?:指\s*标|项\s*目)(?:名称)?$")
_VALUE_COLUMN = re.compile(r"^(?:绝对数|绝对值|数值|实绩)$")
_SCALE_PREFIX = re.compile(r"^(万亿|亿|千万|百万|十万|万)(\S+)$")
_SCALE_OF = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4}
# a header word for the stage of a figure (an estimate for the base year, the plan's target), not an
# entity: `2025年 / 预计`, `2030年 / 目标`
_STAGE = re.compile(r"^(?:预计|预期|实际|完成|目标|规划|计划)(?:值|数|数值)?$")
_TARGET_STAGE = re.compile(r"目标|规划|计划")
_HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


# ------------------------------------------------------------------ reading tables
def find_tables(clean: CleanText, articles: list[Article], source: str, raw_text: str = "") -> list[Table]:
    """Every HTML and Markdown pipe table in the cleaned text, and the tables a PDF's text layer
    printed as lines of `label number number` under a `表N` caption or one cell per line between
    numbered rows (read from `raw_text`, the loader's text, whose lines the cleaning joins), in order."""
    text = clean.text
    found = [(m.start(), m.end(), "html", html_grid(m.group(0)), None) for m in _HTML_TABLE.finditer(text)]
    found += [(s, e, "markdown", grid, None) for s, e, grid in _pipe_tables(text)]
    found += list(_text_tables(raw_text, text)) + list(_tab_tables(raw_text, text)) \
        + list(_cell_line_tables(raw_text, text)) + list(_year_cell_tables(raw_text, text)) if raw_text else []
    tables = []
    for start, end, fmt, grid, own in sorted(found, key=lambda f: f[0]):
        if not grid:
            continue
        caption, unit = own if own else _caption_and_unit(text, start)
        caption = _chinese_caption(text, start, end, caption) or caption
        grid, spilled_unit = _without_caption_rows(grid) if fmt == "html" else (grid, "")
        # a cell-per-line table's header is known from its layout (its first row may hold no plain number)
        header, rows = (grid[:2], grid[2:]) if fmt == "lines" else split_header(grid)
        tables.append(Table(source=source, article=_article_title(articles, start), index=len(tables),
                            caption=caption, start=start, end=end, header=header, rows=rows,
                            unit=unit or spilled_unit or _unit_of_caption(caption), notes=_notes(text, end),
                            page=clean.page_at(start), format=fmt))
    return tables


def html_grid(html: str) -> list[list[str]]:
    """The cells of an HTML table as a rectangular grid, each spanned cell repeated where it reaches."""
    import lxml.html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:   # markup too broken for the parser: the table is skipped, the text stays
        return []
    grid: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(root.iter("tr")):
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            value = cell_text(td.text_content())
            for dr in range(_span(td, "rowspan")):
                for dc in range(_span(td, "colspan")):
                    grid[(r + dr, c + dc)] = value
            c += _span(td, "colspan")
    return _rectangular(grid)


def _span(td, attr: str) -> int:
    try:
        return max(1, min(int(td.get(attr, 1)), 50))
    except ValueError:
        return 1


def _rectangular(cells: dict[tuple[int, int], str]) -> list[list[str]]:
    if not cells:
        return []
    height = 1 + max(r for r, _ in cells)
    width = 1 + max(c for _, c in cells)
    return [[cells.get((r, c), "") for c in range(width)] for r in range(height)]


def cell_text(text: str) -> str:
    """A cell's text with whitespace runs folded and the spaces a converter put between Han characters
    removed (`开发区 数量` -> `开发区数量`)."""
    return _HAN_SPACE.sub("", re.sub(r"\s+", " ", text).strip())


def _lines_with_offsets(text: str) -> tuple[list[str], list[int]]:
    """The lines of `text` and the offset where each starts."""
    lines = text.split("\n")
    offsets, pos = [], 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    return lines, offsets


def _pipe_tables(text: str):
    """(start, end, grid) of each Markdown pipe table: a header row, a rule row, body rows."""
    lines, offsets = _lines_with_offsets(text)
    i = 0
    while i < len(lines) - 1:
        if _PIPE_ROW.match(lines[i]) and _PIPE_RULE.match(lines[i + 1]):
            j = i + 2
            while j < len(lines) and _PIPE_ROW.match(lines[j]):
                j += 1
            rows = [_pipe_cells(lines[k]) for k in range(i, j) if k != i + 1]
            width = max(len(r) for r in rows)
            yield offsets[i], offsets[j - 1] + len(lines[j - 1]), [r + [""] * (width - len(r)) for r in rows]
            i = j
        else:
            i += 1


# a line of a table printed as text: a label, then one or more numbers separated by spaces
_TEXT_ROW = re.compile(r"^(?P<label>\S.*?)\s+(?P<nums>[-−]?\d[\d,]*(?:\.\d+)?(?:\s+[-−]?\d[\d,]*(?:\.\d+)?)*)\s*$")
_PAGE_NUMBER_LINE = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$")
_ROW_PREFIX = re.compile(r"^(?:[^：:\s]{0,6}中\s*[:：]\s*|[#＃]\s*)+")   # 其中：, 在总计中：, #
_TEXT_ROW_LABEL_CHARS = 30      # a longer "label" is a sentence that happens to end in a number


def _text_tables(raw_text: str, clean_text: str):
    """(start, end, "text", grid, (caption, unit)) of each table printed as text lines under a caption:
    an optional unit line, a header line of column names, then rows `label n n …` (page-number lines
    between rows skipped, so a table runs on across a page break). Offsets are found in the cleaned text."""
    lines = raw_text.replace("\f", "\n").split("\n")
    i = 0
    while i < len(lines):
        caption = lines[i].strip()
        if not _is_caption(caption):
            i += 1
            continue
        j, unit = i + 1, ""
        if j < len(lines) and (m := _UNIT_LINE.match(lines[j].strip())):
            unit, j = m.group(1), j + 1
        header = lines[j].strip() if j < len(lines) else ""
        if not header or _text_row(header) or _is_caption(header) or "\t" in header:   # tabs: _tab_tables
            i += 1
            continue
        rows, j = [], j + 1
        while j < len(lines):
            ln = lines[j].strip()
            if not ln or _PAGE_NUMBER_LINE.match(ln):
                j += 1
                continue
            row = _text_row(ln)
            if not row:
                break
            rows.append(row)
            j += 1
        grid = _text_grid(header, rows) if len(rows) >= 2 else []
        last_label, last_nums = rows[-1] if rows else ("", [])
        span = _clean_span(clean_text, caption, last_label + "".join(last_nums)) if grid else None
        if span:
            yield span[0], span[1], "text", grid, (re.sub(r"\s+", " ", caption), unit)
        i = j if grid else i + 1


def _text_row(line: str) -> tuple[str, list[str]] | None:
    m = _TEXT_ROW.match(line)
    if not m or len(m.group("label")) > _TEXT_ROW_LABEL_CHARS or _is_caption(line) \
            or re.search(r"\d\s*[\u4e00-\u9fff]*[，。；]", m.group("label")):
        return None     # 全州实现城镇新增就业 60188 人，失业人员再就业 16658: prose after the table, not a row
    return m.group("label"), m.group("nums").split()


def _header_tokens(header: str) -> list[str]:
    """Column names of a header line: split at spaces outside brackets, letter-spaced runs of single
    characters (`指 标`) joined."""
    tokens, depth, cur = [], 0, ""
    for ch in header:
        depth += ch in "（(" and 1 or 0
        depth -= ch in "）)" and depth > 0 and 1 or 0
        if ch.isspace() and depth == 0:
            tokens, cur = tokens + [cur] if cur else tokens, ""
        else:
            cur += ch
    tokens += [cur] if cur else []
    merged: list[str] = []
    in_run = False      # the last merged token was built from single characters
    for t in tokens:
        single = bool(re.match(r"[\u4e00-\u9fff](?:[（(]|$)", t))
        if single and in_run:
            merged[-1] += t
        else:
            merged.append(t)
        in_run = single
    return merged


def _text_grid(header: str, rows: list[tuple[str, list[str]]]) -> list[list[str]]:
    """A grid from a header line and text rows: the last k header names head the k number columns; a
    `单位` column before them takes each row label's last word."""
    k = max(len(nums) for _, nums in rows)
    names = _header_tokens(header)
    if len(names) < k:
        return []
    has_unit = len(names) >= k + 2 and names[-k - 1] == "单位"
    corner = "".join(names[:len(names) - k - (1 if has_unit else 0)])
    grid = [[corner, *(["单位"] if has_unit else []), *names[-k:]]]
    for label, nums in rows:
        unit = ""
        if has_unit and " " in label:
            label, unit = label.rsplit(" ", 1)
        grid.append([cell_text(_ROW_PREFIX.sub("", label)), *([unit] if has_unit else []),
                     *nums, *[""] * (k - len(nums))])
    return grid


def _clean_span(clean_text: str, first: str, last: str) -> tuple[int, int] | None:
    """From where `first` starts to where `last` ends in the cleaned text (spaces ignored), or None."""
    squeezed, where = [], []
    for i, ch in enumerate(clean_text):
        if not ch.isspace():
            squeezed.append(ch)
            where.append(i)
    flat = "".join(squeezed)
    first, last = re.sub(r"\s+", "", first), re.sub(r"\s+", "", last)
    start = flat.find(first)
    if start < 0 or not first:
        return None
    end = flat.find(last, start)
    end = end + len(last) if end >= 0 and last else start + len(first)
    return where[start], where[end - 1] + 1


def _tab_tables(raw_text: str, clean_text: str):
    """(start, end, "tabs", grid, (caption, unit)) of each run of two or more lines of tab-separated
    cells with the same number of cells (how the DOCX reader writes a Word table's rows)."""
    lines, offsets = _lines_with_offsets(raw_text)
    i = 0
    while i < len(lines):
        width = lines[i].count("\t") + 1
        j = i
        while j < len(lines) and "\t" in lines[j] and lines[j].count("\t") + 1 == width:
            j += 1
        if j - i >= 2:
            grid = [[cell_text(c) for c in lines[k].split("\t")] for k in range(i, j)]
            span = _clean_span(clean_text, lines[i], lines[j - 1])
            if span:
                yield span[0], span[1], "tabs", grid, _caption_and_unit(raw_text, offsets[i])
        i = max(j, i + 1)


# ------------------------------------------------------------------ one cell per line
# A table whose text layer gives each cell its own line (an indicator table of a plan: `类别 / 序号 /
# 指标名称 / 2025年 / 预计 / …`, then `1 / 地区生产总值增长（%） / 5.2左右 / … / 预期性`). Its rows are
# told apart only by the row numbers 1, 2, 3 … each alone on a line; a row is kept only when it has
# as many cells as most rows, so a row with a split or a sub-row is left out rather than shifted.
_ORDINAL = re.compile(r"^\d{1,3}$")
_BRACKETED = re.compile(r"^[（(][^（）()]*[)）]$")
_CELL_LINE_CHARS = 40       # a cell is a short line; a longer one is prose
_HEAD_PIECE_CHARS = 12      # a piece of a header cell
_ROW_LINES = 14             # lines a numbered row may take


def _cell_line_tables(raw_text: str, clean_text: str):
    """(start, end, "lines", grid, (caption, "")) of each table printed one cell per line between
    numbered rows, under a header of short lines that names a row-number column (序号)."""
    lines = [ln.strip() for ln in raw_text.replace("\f", "\n").split("\n") if ln.strip()]
    i = 0
    while i < len(lines):
        if lines[i] != "1":
            i += 1
            continue
        marks = _row_marks(lines, i)
        found = _cell_line_grid(lines, marks) if len(marks) >= 3 else None
        if found:
            caption, head, grid = found
            span = _clean_span(clean_text, caption + "".join(head), "".join(grid[-1][-(len(grid[0]) - 1):]))
            if span:
                yield span[0], span[1], "lines", grid, (caption, "")
        i = marks[-1] + 1 if found else i + 1


def _row_marks(lines: list[str], first: int) -> list[int]:
    """Indexes of the lines `1`, `2`, `3` … that number the rows, each a few short lines after the last."""
    marks = [first]
    while True:
        want, start = str(len(marks) + 1), marks[-1] + 1
        nxt = next((k for k in range(start, min(len(lines), start + _ROW_LINES)) if lines[k] == want), None)
        if nxt is None or any(len(lines[k]) > _CELL_LINE_CHARS for k in range(start, nxt)):
            return marks
        marks.append(nxt)


def _bracket_joined(lines: list[str]) -> list[str]:
    """Lines with a wholly bracketed line (`（2024年）`, `（7项）`) joined to the line before it."""
    out: list[str] = []
    for ln in lines:
        if out and _BRACKETED.match(ln):
            out[-1] += ln
        else:
            out.append(ln)
    return out


def _form(cell: str) -> str:
    """A cell's form: its Han runs and numbers folded (`经济发展（7项）` -> `H（#H）`)."""
    return re.sub(r"[\u4e00-\u9fff]+", "H", re.sub(r"\d+", "#", cell))


def _cell_line_grid(lines: list[str], marks: list[int]):
    """(caption, header pieces, grid) of the table whose numbered rows start at `marks`, or None when
    its header or rows cannot be matched cell for cell."""
    rank = next((k for k in range(marks[0] - 1, max(-1, marks[0] - _ROW_LINES), -1)
                 if _RANK_LABEL.match(lines[k])), None)
    if rank is None or rank + 2 >= marks[0]:
        return None
    groups = 1 if rank > 0 and len(lines[rank - 1]) <= _HEAD_PIECE_CHARS and not _is_row_number(lines[rank - 1]) else 0
    top = rank - groups
    caption = lines[top - 1] if top > 0 and len(lines[top - 1]) <= 60 and not lines[top - 1].endswith(("。", "；", "，")) else ""
    records = [_bracket_joined(lines[a + 1:b]) for a, b in zip(marks, marks[1:])]
    width = Counter(len(r) for r in records).most_common(1)[0][0]
    pieces = _bracket_joined(lines[rank + 2:marks[0]])
    group = pieces.pop() if groups and pieces else ""
    columns = _header_columns(pieces, width - 1)
    if width < 2 or columns is None or any(len(p) > _HEAD_PIECE_CHARS for p in pieces):
        return None
    last = _bracket_joined(lines[marks[-1] + 1:marks[-1] + 1 + width + 2])[:width]
    records.append(last if all(len(c) <= _CELL_LINE_CHARS for c in last) else [])
    rows = []
    for cells in records:
        next_group = ""
        if groups and len(cells) > width and _form(cells[-1]) == _form(group):
            cells, next_group = cells[:-1], cells[-1]
        if len(cells) == width:
            rows.append(([group] if groups else []) + cells)
        group = next_group or group
    if len(rows) < 2:
        return None
    names = ([lines[top]] if groups else []) + [lines[rank + 1]]
    header = [names + [c[0] for c in columns], names + [c[-1] for c in columns]]
    return caption, lines[top:marks[0]], header + rows


_EMPTY_CELL = re.compile(r"^[—–\-…/／]+$")


def _year_cell_tables(raw_text: str, clean_text: str):
    """(start, end, "cells", grid, (caption, unit)) of each table printed one cell per line under a
    `表N` caption: a name line, a line per year column (`2022年`), then rows of a label line and one
    line per year, each a number (or a dash) — read only while every row keeps that shape."""
    lines = [ln.strip() for ln in raw_text.replace("\f", "\n").split("\n") if ln.strip()]
    for i, caption in enumerate(lines):
        if not _is_caption(caption):
            continue
        j, unit = i + 1, ""
        if j < len(lines) and (m := _UNIT_LINE.match(lines[j])):
            unit, j = m.group(1), j + 1
        k = 0
        while j + 1 + k < len(lines) and _YEAR_ONLY.match(lines[j + 1 + k]):
            k += 1
        if k < 2 or j >= len(lines) or numbers_in(lines[j]):
            continue
        rows, p = [], j + 1 + k
        while p + k < len(lines) and _is_row_label(lines[p]) and all(
                len(numbers_in(c)) == 1 or _EMPTY_CELL.match(c) for c in lines[p + 1:p + 1 + k]):
            rows.append([cell_text(lines[p]), *("" if _EMPTY_CELL.match(c) else c for c in lines[p + 1:p + 1 + k])])
            p += k + 1
        if len(rows) < 2:
            continue
        span = _clean_span(clean_text, caption, "".join(rows[-1]))
        if span:
            yield span[0], span[1], "cells", [[lines[j], *lines[j + 1:j + 1 + k]], *rows], (caption, unit)


def _is_row_label(line: str) -> bool:
    """A row's label in a cell-per-line table: a short line of words, not a number, caption or sentence."""
    return len(line) <= _CELL_LINE_CHARS and not numbers_in(line) and not _EMPTY_CELL.match(line) \
        and not _is_caption(line) and not line.endswith(("。", "；", "，"))


def _is_row_number(line: str) -> bool:
    return bool(_ORDINAL.match(line))


def _header_columns(pieces: list[str], k: int) -> list[list[str]] | None:
    """The header pieces above k columns, as [year, words] or [words] per column: a piece joins the
    one before when that ends in `/` or `、`, or when that names a year and this one does not (`2025年`
    over `预计`). None unless that gives exactly k columns."""
    columns: list[list[str]] = []
    for p in pieces:
        if columns and (columns[-1][-1].endswith(("/", "／", "、")) or
                        len(columns[-1]) == 1 and _YEAR_ONLY.match(columns[-1][0]) and not _YEAR_ONLY.match(p)):
            if columns[-1][-1].endswith(("/", "／", "、")):
                columns[-1][-1] += p
            else:
                columns[-1].append(p)
        else:
            columns.append([p])
    return columns if len(columns) == k else None


def _pipe_cells(line: str) -> list[str]:
    return [cell_text(c) for c in line.strip().strip("|").split("|")]


def _lines_before(text: str, start: int, n: int) -> list[str]:
    """Up to n lines above `start`, nearest first, stopping at a paragraph of prose."""
    out = []
    for ln in reversed(text[:start].rstrip("\n").split("\n")[-n:]):
        ln = ln.strip()
        if (len(ln) > 120 or ln.endswith("。")) and not (_is_caption(ln) or _CAPTION_EN.match(ln)):
            break
        out.append(ln)
    return out


def _caption_and_unit(text: str, start: int) -> tuple[str, str]:
    """The nearest caption line above the table (a Chinese one preferred) and a unit line if any."""
    before = _lines_before(text, start, _CAPTION_LOOKBACK)
    unit = next((m.group(1) for ln in before if (m := _UNIT_LINE.match(ln))), "")
    caption = next((ln for ln in before if _is_caption(ln)), "") \
        or next((ln for ln in before if _CAPTION_EN.match(ln)), "")
    # two captions the cleaning joined into one line (a converter moved one): the nearer, last one
    caption = re.split(r"\s+(?=(?:续\s*)?表\s*\d)", re.sub(r"^#+\s*", "", caption))[-1]
    return caption, unit


_NEAR_CAPTION_CHARS = 1500     # how far from the table a converter moves its Chinese caption


def _chinese_caption(text: str, start: int, end: int, caption: str) -> str:
    """For an English caption (`Tab.3 …`), the Chinese caption of the same number when the converter
    put it a little away from the table, above or below (`表3山西省各行业总投入比／%`); else ""."""
    m = re.match(r"^Tab(?:le)?\.?\s*(\d+)", caption, re.I)
    if not m:
        return ""
    wanted = re.compile(rf"^(?:#+\s*)?表\s*{m.group(1)}(?!\d)")
    lines = text[max(0, start - _NEAR_CAPTION_CHARS):end + _NEAR_CAPTION_CHARS].split("\n")
    for ln in lines:
        # two captions the cleaning joined into one line: the one of this number
        for part in re.split(r"\s+(?=(?:续\s*)?表\s*\d)", re.sub(r"^#+\s*", "", ln.strip())):
            if wanted.match(part) and _is_caption(part):
                return part
    return ""


def _is_caption(line: str) -> bool:
    """`表2 …` as a caption, not a sentence that starts with a table's name (表2加入了…。)."""
    return bool(_CAPTION_CN.match(line)) and len(line) <= 80 and not line.endswith(("。", "；"))


def _notes(text: str, end: int) -> list[str]:
    notes = []
    for ln in text[end:].lstrip("\n").split("\n")[:3]:
        if not _NOTE_LINE.match(ln.strip()):
            break
        notes.append(ln.strip())
    return notes


def _article_title(articles: list[Article], offset: int) -> str:
    return next((a.title for a in articles if a.start <= offset < a.end), articles[0].title if articles else "")


def _without_caption_rows(grid: list[list[str]]) -> tuple[list[list[str]], str]:
    """Drop leading rows that hold one text across the whole width with no Han character: the rest of
    an English caption the converter put inside the table (`of Chongqing City in 1997 -2013`)."""
    unit = ""
    while len(grid) > 1 and len({c for c in grid[0] if c}) <= 1 and not re.search(r"[\u4e00-\u9fff]", grid[0][0]) \
            and len(grid[0]) > 1:
        m = re.search(r"[／/]\s*(%|‰)|(%)\s*[／/]?\s*$", grid[0][0])
        unit = unit or (m and (m.group(1) or m.group(2))) or ""
        grid = grid[1:]
    return grid, unit


def split_header(grid: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    """(header rows, body rows): the header is the leading rows whose cells are words or years."""
    if not any(_is_quantity_cell(c) for row in grid for c in row[1:]):
        return grid[:1], grid[1:]     # a table of words: its first row names the columns
    n = 0
    while n < len(grid) - 1 and all(not c or not _is_quantity_cell(c) for c in grid[n][1:]):
        n += 1
    return grid[:max(n, 1)] if len(grid) > 1 else [], grid[max(n, 1):] if len(grid) > 1 else grid


def _is_quantity_cell(cell: str) -> bool:
    """A cell holding a number that is not a year label."""
    return bool(numbers_in(cell)) and not _YEAR_ONLY.match(cell)


# ------------------------------------------------------------------ numbers in cells
@dataclass
class CellNumber:
    value: float
    raw: str
    percent: bool


def numbers_in(cell: str) -> list[CellNumber]:
    """The numbers a cell holds when it holds nothing else (footnote markers aside); [] otherwise."""
    text = analysis_text(_MARKERS.sub("", cell)).replace("−", "-").strip()
    if not text:
        return []
    found, pos = [], 0
    for m in _NUMBER.finditer(text):
        if text[pos:m.start()].strip():
            return []
        digits = re.sub(r"[ ,]", "", m.group(0).replace("%", "")).strip()
        try:
            found.append(CellNumber(float(digits), m.group(0).strip(), bool(m.group("pct"))))
        except ValueError:
            return []
        pos = m.end()
    return found if not text[pos:].strip() else []


def unit_scale(unit_text: str) -> tuple[float, str]:
    """(scale, base unit) of a unit as a header prints it: 亿元 -> (1e8, 元), 万 -> (1e4, ""), % -> (1, %)."""
    unit_text = unit_text.strip()
    if not unit_text:
        return 1.0, ""
    probe = "1" + unit_text
    qs = find_quantities(probe)
    if qs and qs[0].start == 0 and qs[0].end == len(probe):
        return qs[0].value, qs[0].unit
    if m := _SCALE_PREFIX.match(unit_text):      # 万吨标煤: a scale before a unit the grammar does not know
        return _SCALE_OF[m.group(1)], m.group(2)
    return 1.0, unit_text


# ------------------------------------------------------------------ labels
@dataclass
class _Label:
    text: str          # the label without year, unit and footnote markers
    period: str | None
    unit: str          # as printed (亿元, %, km)
    stage: str = ""    # 预计, 目标 …: what kind of figure the column holds


def _label(parts: list[str]) -> _Label:
    """One label from header cells (top to bottom): repeated cells once, the year and unit taken out."""
    seen: list[str] = []
    for p in parts:
        p = _MARKERS.sub("", p).strip()
        if p and p not in seen:
            seen.append(p)
    period, unit, words, stage = None, "", [], ""
    for p in seen:
        if y := _YEAR_ONLY.match(p):
            period = period or f"{y.group(1)}年"
            continue
        if _STAGE.match(p):
            stage = stage or p
            continue
        u = _UNIT_SUFFIX.search(p)
        if u and _is_unit(_unit_text(u)):
            unit = unit or _unit_text(u)
            p = p[:u.start()].strip()
        if p:
            words.append(p)
    return _Label("".join(words) if all(_HAN_END(w) for w in words[:-1]) else " ".join(words), period, unit, stage)


def _unit_text(m: re.Match) -> str:
    return (m.group(1) or m.group(2) or m.group(3) or "").strip()


def _is_unit(text: str) -> bool:
    """A bracketed or slashed header suffix that is a unit (亿元, %, km), not a note (x1, 以上年为 100)."""
    return bool(text) and not re.fullmatch(r"\d+|[a-z]\d+", text) and not re.search(r"\s|为|以|按|含", text)


def _HAN_END(word: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff)）]$", word))


def _split_label(label: str) -> list[str]:
    """A header cell holding several labels the converter merged (`2002年 2007年`, `排名 2006年`)."""
    parts = label.split()
    if len(parts) > 1 and all(_YEAR_ONLY.match(p) or _RANK_LABEL.match(p) for p in parts):
        return parts
    return [label]


def caption_topic(caption: str) -> str:
    """What a caption says the table measures: its number, periods and unit taken off."""
    t = re.sub(r"^(?:续\s*)?表\s*(\d{1,2}(?=(?:19|20)\d{2})|\d+(?:[.\-]\d+)?)\s*[:：.]?\s*", "", caption)
    t = re.sub(r"^Tab(?:le)?\.?\s*\d+(?:[.\-]\d+)?\s*[:：.]?\s*", "", t, flags=re.I)
    t = _CAPTION_UNIT.sub("", t)
    t = _UNIT_SUFFIX.sub("", t)
    t = _RANKS_TOO.sub("", t)
    for p in reversed([p for p in find_periods(t) if p.has_year]):
        t = t[:p.start] + t[p.end:]
    t = re.sub(r"[（(]\s*[)）]", "", t)
    return t.strip(" ，,：:")


_CAPTION_UNIT = re.compile(r"\s*单位\s*[:：]\s*([^\s，,；;]{1,10})\s*$")


def _unit_of_caption(caption: str) -> str:
    if m := _CAPTION_UNIT.search(caption):      # `…服务贸易规模 单位：亿美元`
        return m.group(1)
    u = _UNIT_SUFFIX.search(caption)
    text = _unit_text(u) if u and _is_unit(_unit_text(u)) else ""
    return text if text and not find_periods(text) else ""


# 2023年中心城市居民消费价格比上年涨跌情况: a caption that measures a part of the document's place
_PART_OF_PLACE = re.compile(r"(?:中心城市|中心城区|主城区|市区|县城)(?=[\u4e00-\u9fff]{2})")


def _with_part(place: str, topic: str) -> str:
    """黔东南州中心城市 for a caption on 中心城市居民消费价格…: the part of the place the caption measures."""
    part = _PART_OF_PLACE.match(topic) if place else None
    return place + part.group(0) if part else place


def _caption_period(caption: str) -> str | None:
    """The year a caption dates the whole table to (`（2020年）`, `2023年末…`), not a range of years."""
    periods = [p for p in find_periods(caption) if p.has_year]
    return periods[0].text if len({p.text for p in periods}) == 1 and "—" not in periods[0].text else None


# ------------------------------------------------------------------ cells -> facts
def _label_columns(table: Table) -> int:
    """How many leading columns label the rows (their body cells are words, years or empty)."""
    width = len(table.rows[0]) if table.rows else 0
    n = 0
    while n < width - 1 and all(not r[n] or not _is_quantity_cell(r[n]) for r in table.rows):
        n += 1
    return n


_SIGNIFICANCE = re.compile(r"^[-−]?\d[\d.,eE\-−]*\s*\*{1,3}$|^\*{1,3}$")
_STANDARD_ERROR = re.compile(r"^[(（]\s*[-−]?\d[\d.,eE\-−]*\s*[)）]$")


def is_estimates_table(table: Table) -> bool:
    """A table of model estimates (coefficients with significance stars, standard errors in brackets):
    its numbers describe a model, not the places or years it was fitted on."""
    cells = [c for r in table.rows for c in r if c]
    marked = sum(bool(_SIGNIFICANCE.match(c) or _STANDARD_ERROR.match(c)) for c in cells)
    return marked >= 3 and marked * 5 >= len(cells)


def _is_transposed(row_labels: list[_Label], col_labels: list[_Label]) -> bool:
    """True when the columns name the entities and the rows the indicators (region × indicator tables
    printed with one column per region)."""
    def units(labels):
        texts = [lb for lb in labels if lb.text]
        return sum(bool(lb.unit) for lb in texts) / len(texts) if texts else 0.0

    def places(labels):
        texts = [lb.text for lb in labels if lb.text]
        return sum(bool(_PLACE.search(t)) for t in texts) / len(texts) if texts else 0.0

    if places(col_labels) > places(row_labels) and places(col_labels) >= 0.5:
        return True
    return units(row_labels) >= 0.5 and units(col_labels) == 0 and places(row_labels) == 0


def table_facts(table: Table, clean: CleanText | None = None) -> list[Fact]:
    """A fact for every numeric cell of the table (rank and ID columns and year labels excepted)."""
    if not table.rows or not table.header or is_estimates_table(table):
        return []
    nlab = _label_columns(table)
    if nlab == 0:
        return []
    width = len(table.rows[0])
    col_parts = [[h[c] for h in table.header] for c in range(width)]
    # a header cell holding merged labels is split, so each label finds its own column of numbers
    split_cols = [_split_label(" ".join(dict.fromkeys(p for p in parts if p))) for parts in col_parts]
    col_labels = [_label([p for p in parts if p]) for parts in col_parts]
    # a `单位` column gives each row its unit; the row's name is the last other label column
    unit_col = next((c for c in range(nlab) if _UNIT_HEAD.match(cell_text(table.header[-1][c]))), None)
    name_col = max((c for c in range(nlab) if c != unit_col), default=nlab - 1)
    row_labels = [_label([r[name_col]] if r[name_col] else [x for x in r[:nlab] if x]) for r in table.rows]
    # only the columns that hold numbers decide the table's orientation (not a remarks column)
    numeric = [c for c in range(nlab, width) if any(numbers_in(r[c]) for r in table.rows)]
    transposed = _is_transposed(row_labels, [col_labels[c] for c in numeric])
    topic = caption_topic(table.caption)
    # a label column after value columns (an indicator system: 准则层, its weight, 指标层, its weight)
    # names the rows for the value columns on its right
    inner = [c for c in range(nlab + 1, width) if c not in numeric and any(r[c] for r in table.rows)
             and all(not r[c] or not _is_quantity_cell(r[c]) for r in table.rows)]
    # the corner names the rows as indicators (指标) over columns that are only years: the document's own series
    years_across = bool(numeric) and all(col_labels[c].period and not col_labels[c].text for c in numeric) \
        and bool(_INDICATOR_CORNER.match(cell_text(table.header[-1][name_col])))
    values_are_rows = (any(_VALUE_COLUMN.match(col_labels[c].text) for c in numeric) or years_across) and not transposed
    grades = bool(_STANDARDS.search(topic))
    if _METHOD_GRADES.search(topic):
        return []       # a study's grading thresholds (分级标准与阈值): its method, not figures of the world
    # rows that are the things measured (谷物, 交通信息网络, 煤炭资源业), none of them a place: the figures
    # are those of the place the caption (or the article's title) names, else of the document's place
    items = not (transposed or grades or values_are_rows) and _rows_are_items(row_labels)
    table_place = _with_part(named_place(table.caption) or named_place(table.article) or "", topic) if items else ""
    item_measure = _ITEM_MEASURE.search(topic) if items else None
    decimals = _column_decimals(table, numeric)
    # rows that name no measure (铁路 under 货物运输周转量, 蔬菜 in 主要农产品产量) take it from the row they
    # belong to, the column that names it (产量), or the caption
    parents = _parent_rows([lb.text for lb in row_labels])
    blocks = _block_heads([lb.text for lb in row_labels]) if not (transposed or grades) else [""] * len(row_labels)
    sibling_measure = next((col_labels[c].text for c in numeric if col_labels[c].text
                            and not _MEASURELESS_COLUMN.match(col_labels[c].text)), "")
    caption_measure = _caption_measure(topic, named_place(table.caption) or "")
    labelled = any(col_labels[c].text or col_labels[c].period for c in numeric)
    base_period = _caption_period(table.caption)
    cell_offsets = _cell_offsets(clean.text, table) if clean is not None else {}
    facts = []
    row_pairs = [_row_pairs(row, nlab, col_labels, split_cols) for row in table.rows]
    fractions = _fraction_columns(row_pairs)
    for ri, row in enumerate(table.rows):
        evidence = " | ".join(c for c in row if c)
        for ci, col_label, number in row_pairs[ri]:
            rl = row_labels[ri]
            if _RANK_LABEL.match(col_label.text) or not rl.text and not col_label.text:
                continue
            if _WEIGHT_LABEL.search(col_label.text) or _WEIGHT_LABEL.search(rl.text):
                continue        # an evaluation system's weights: its method (kb/extract/indicators.py reads them)
            if not col_label.text and not col_label.period and labelled:
                continue        # a number under a blank header among named columns: what it measures is unknown
            if _too_many_decimals(number, decimals.get(ci)) or _column_key(ci, col_label) in fractions \
                    and _rank_glued_before(number):
                continue        # a rank glued to a value by the converter (0.0743 + 14 = 0.074314, 29 + 0.0471)
            own = max((c for c in inner if c < ci and row[c]), default=None)
            if own is not None:
                rl = _label([row[own]])
            entity, measure = (col_label, rl) if transposed else (rl, col_label)
            indicator = measure.text or topic or None
            if _STATISTIC.match(measure.text) and topic:   # …L(d)指数特征 | 峰值距离: the statistic of the index
                indicator = re.sub(r"的?(?:特征|情况)$", "", topic) + measure.text
            if grades:
                entity = _Label("", entity.period, "")
                indicator = f"{rl.text}（{col_label.text}）" if col_label.text else rl.text
                measure = _Label(indicator, col_label.period or rl.period, rl.unit or col_label.unit)
            measureless = (items or values_are_rows) and _MEASURELESS_COLUMN.match(col_label.text)
            if items:
                entity = _Label(table_place, rl.period, rl.unit)
                # under year columns the caption says what each row's figure is: its measure (得分), or whole
                # …, unless the row already names the caption's subject (中国服务贸易出口额 under 中国服务贸易规模)
                measured = col_label.text or (item_measure.group(1) if item_measure else
                                              f"（{topic}）" if topic and rl.text[:_SHARED_HEAD] not in topic else "")
                indicator = rl.text if rl.text.endswith(measured) else rl.text + measured
                if measureless:
                    indicator = _row_measured(rl.text, parents[ri], sibling_measure, caption_measure, col_label.text)
                measure = _Label(indicator, col_label.period or rl.period, col_label.unit or rl.unit, col_label.stage)
            if values_are_rows:
                entity = _Label("", entity.period, "")
                indicator = rl.text + ("" if _VALUE_COLUMN.match(col_label.text) else col_label.text)
                if measureless:
                    indicator = _row_measured(rl.text, parents[ri], sibling_measure, caption_measure, col_label.text)
                # the unit: a growth column's own (%), else the row's, else the value column's (绝对数（元）)
                unit = rl.unit or col_label.unit if _VALUE_COLUMN.match(col_label.text) else col_label.unit or rl.unit
                measure = _Label(rl.text, rl.period or col_label.period, unit, col_label.stage)
            own_label = row_labels[ri].text
            if blocks[ri] and own_label in indicator and blocks[ri] not in indicator:   # 财产净收入 of 城镇… or of 农村…
                indicator = indicator.replace(own_label, f"{own_label}（{blocks[ri]}）", 1)
            unit_text = measure.unit or entity.unit or (row[unit_col] if unit_col is not None else "") or table.unit
            scale, unit = unit_scale(unit_text)
            if number.percent:
                scale, unit = 1.0, "%"
            start, end = cell_offsets.get((ri, ci), (table.start, table.end))
            facts.append(Fact(
                source=table.source, article=table.article, subject=entity.text or None,
                indicator=indicator, value=float(f"{number.value * scale:.12g}"), unit=unit, raw=number.raw,
                evidence=evidence, start=start, end=end,
                period=measure.period or entity.period or base_period,
                indicator_canonical=canonical_indicator(indicator),
                evidence_start=table.start, evidence_end=table.end, subject_source="table",
                indicator_confidence="high" if measure.text else "low",
                kind="target" if _TARGET_STAGE.search(measure.stage + entity.stage) else "outcome",
                table=table.caption or None, row=_row_name(row, nlab), column=_col_name(col_parts[ci])))
    return facts


# a column of values or of their changes and shares: what is measured is named by the row, the row above
# it or the caption (绝对数, 年末数（万人）, 比上年增长（%）, 增长%, 比重（%）)
_MEASURELESS_COLUMN = re.compile(r"^(?:绝对数|绝对值|数值|总量|总数|年末数|比上年(?:增长|增减|涨跌幅度?)|增长|增速|增长率"
                                 r"|增幅|涨跌幅度?|比重|占比|构成|类别指数(?:\s*[（(][^（）()]*[)）])?)$")
_CHANGE_COLUMN = re.compile(r"增|涨|比重|占比|构成")
# a row label that names a measure (货物运输周转量, 各级各类学校招生数, 居民消费价格), not only an item of one
_MEASURE_LABEL = re.compile(r"(?:量|额|值|数|率|收入|支出|面积|投资|价格|人口|存栏|出栏|资金|贷款|存款|里程|次数|指数)$")
# what a caption adds to its measure: 及增速, 增长速度, 及其构成, 主要…完成情况
_CAPTION_EXTRAS = re.compile(r"(?:及其?|和)?(?:增长速度|增速|增长情况|构成|完成情况|涨跌情况|情况)$")


def _parent_rows(labels: list[str]) -> list[str]:
    """For each row, the row above it that names the measure it is a part of (货物运输周转量 for 铁路,
    农林牧渔业总产值 for 种植业), or "". A row naming a measure right after another names a part measure
    (通过公共网络实现的商品销售额 under …商品零售额), so the first stays the parent of the items below."""
    parents, parent, previous_measure = [], "", False
    for text in labels:
        measure = bool(_MEASURE_LABEL.search(text))
        if measure and not previous_measure:
            parent = text
        parents.append("" if measure else parent)
        previous_measure = measure
    return parents


def _block_heads(labels: list[str]) -> list[str]:
    """For each row whose label recurs in the table (工资性收入 under both 城镇常住居民人均可支配收入 and
    农村常住居民人均可支配收入, 普通高中 under both 招生数 and 在校生数), the row heading its block: the
    nearest row above whose label does not recur. "" for the other rows."""
    counts = Counter(text for text in labels if text)
    recurs = [bool(text) and counts[text] > 1 for text in labels]
    heads, head = [], ""
    for i, text in enumerate(labels):
        if recurs[i]:
            heads.append(head)
            continue
        if text and i + 1 < len(labels) and recurs[i + 1]:
            head = text   # (a row of its own inside a block, 其中：…, followed by no recurring row heads nothing)
        heads.append("")
    return heads


def _caption_measure(topic: str, place: str) -> str:
    """The measure a caption names for all its rows: 2023年周口市规模以上工业增加值增速 -> 规模以上工业增加值."""
    measure = re.sub(re.escape(place) + r"(?:自治区|地区|省|市|州|县|区)?", "", topic, count=1) if place else topic
    measure = re.sub(r"^(?:全[省市州县区])", "", measure)
    return _CAPTION_EXTRAS.sub("", measure).strip(" ，,")


def _row_measured(row: str, parent: str, sibling: str, caption: str, column: str) -> str:
    """The indicator of a row's figure under a column of values or changes: the row with the measure of
    the column beside (蔬菜产量比上年增长), of its parent row (铁路（货物运输周转量）增长) or of the caption
    (公有制（规模以上工业增加值）比上年增长); a row naming its own measure keeps it."""
    change = column if _CHANGE_COLUMN.search(column) else ""
    if _MEASURE_LABEL.search(row) or not (parent or sibling or caption):
        return row + change
    if sibling:
        return f"{row}{sibling}{change}"
    if parent:
        return f"{row}（{parent}）{change}"
    return row + change if caption in row else f"{row}（{caption}）{change}"


# what a caption says each row's figure is (`…一级指标得分情况`: each row's 得分)
_ITEM_MEASURE = re.compile(r"(得分|指数|评分)(?:情况)?$")
_SHARED_HEAD = 4           # characters a row label shares with its caption when it names the caption's subject
_PLACE_LABEL_REST = 3       # a row label longer than its place by more than this names an item of the place


# 城市/农村 rows of a price or income table: the urban and rural parts of the place, not places of their own
_TOWN_AND_COUNTRY = {"城市", "农村", "城镇", "乡村"}


def _rows_are_items(row_labels: list[_Label]) -> bool:
    """True when no row label is a place or reads like one (…省, …地区, 九龙坡区), so the rows name the
    things measured, not the entities they are measured for."""
    texts = [lb.text for lb in row_labels if lb.text]
    if not texts:
        return False
    for t in texts:
        if t in _TOWN_AND_COUNTRY:
            continue
        place = named_place(t)
        if place and len(t) - len(place) <= _PLACE_LABEL_REST or len(t) <= 8 and _PLACE.search(t):
            return False
    return True


def _row_pairs(row: list[str], nlab: int, col_labels: list[_Label], split_cols: list[list[str]]):
    """(column index, label, number) for each number of a body row. Cells with one number go to their
    column; when a row has merged cells, its numbers are paired with the header's labels in order only
    if there are exactly as many of each, in the row or else in the cell."""
    cells = [(ci, numbers_in(row[ci])) for ci in range(nlab, len(row))]
    if all(len(ns) <= 1 for _, ns in cells):
        # one number under a header cell of several labels (`排名 2006年`): which one it is is unknown
        return [(ci, col_labels[ci], ns[0]) for ci, ns in cells if ns and len(split_cols[ci]) == 1]
    labels = [(ci, lab) for ci in range(nlab, len(row)) for lab in split_cols[ci]]
    numbers = [(ci, n) for ci, ns in cells for n in ns]
    if len(labels) == len(numbers):
        return [(nci, _label([lab]) if len(split_cols[lci]) > 1 else col_labels[lci], n)
                for (lci, lab), (nci, n) in zip(labels, numbers)]
    # otherwise each cell alone: its numbers paired with its own labels when they are as many
    return [(ci, _label([lab]) if len(split_cols[ci]) > 1 else col_labels[ci], n)
            for ci, ns in cells if len(ns) == len(split_cols[ci])
            for lab, n in zip(split_cols[ci], ns)]


def _decimals(raw: str) -> int:
    digits = re.sub(r"[\s,%]", "", raw)
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def _column_decimals(table: Table, columns: list[int]) -> dict[int, int]:
    """The decimals most cells of each value column print (columns with three such cells at least)."""
    out = {}
    for c in columns:
        counts = Counter(_decimals(ns[0].raw) for r in table.rows if len(ns := numbers_in(r[c])) == 1)
        if sum(counts.values()) >= 3:
            out[c] = counts.most_common(1)[0][0]
    return out


def _column_key(ci: int, label: "_Label") -> tuple:
    """A value column as the pairs name it (a split header cell, 排名 2006年, gives two)."""
    return ci, label.text, label.period


def _fraction_columns(row_pairs: list[list[tuple]]) -> set[tuple]:
    """Value columns (`_column_key`) whose figures are fractions below 1 (scores, shares as decimals):
    three at least, and two in three of them."""
    values: dict[tuple, list[float]] = {}
    for pairs in row_pairs:
        for ci, label, number in pairs:
            values.setdefault(_column_key(ci, label), []).append(number.value)
    return {key for key, vs in values.items()
            if (below := sum(abs(v) < 1 for v in vs)) >= 3 and 3 * below >= 2 * len(vs)}


_RANK_THEN_FRACTION = re.compile(r"^[1-9]\d{0,2}0\.\d{3,}$")   # (a value of 10.8 or 100.0 is no glued rank)


def _rank_glued_before(number: CellNumber) -> bool:
    """A rank written before a fraction with no space (29 and 0.0471 read as 290.0471)."""
    return abs(number.value) >= 10 and bool(_RANK_THEN_FRACTION.match(number.raw.replace(" ", "")))


def _too_many_decimals(number: CellNumber, usual: int | None) -> bool:
    """Two more decimals than the column prints: digits of a neighbouring cell glued on."""
    return usual is not None and usual > 0 and _decimals(number.raw) >= usual + 2


def _row_name(row: list[str], nlab: int) -> str:
    return " ".join(dict.fromkeys(c for c in row[:nlab] if c))


def _col_name(parts: list[str]) -> str:
    return " ".join(dict.fromkeys(p for p in parts if p))


def _cell_offsets(text: str, table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """(body row, column) -> offsets of the cell's text, when every grid cell is one tag (no spans)."""
    if table.format != "html" or not table.rows or "span=" in text[table.start:table.end]:
        return {}
    cells = list(_CELL_TAG.finditer(text, table.start, table.end))
    width = len(table.rows[0])
    if len(cells) != width * (len(table.header) + len(table.rows)):
        return {}
    body = cells[width * len(table.header):]
    return {(i // width, i % width): (m.start(1), m.end(1)) for i, m in enumerate(body)}


def extract_table_facts(clean: CleanText, articles: list[Article], source: str,
                        raw_text: str = "") -> tuple[list[Table], list[Fact]]:
    """The document's tables and the facts their numeric cells state (`raw_text`: the loader's text,
    for tables printed as text lines)."""
    tables = find_tables(clean, articles, source, raw_text)
    facts = [f for t in tables for f in table_facts(t, clean)]
    # a table of the document's own figures (years across, indicators down): its place is the subject, or
    # the one place a paper's title names (基于PCA-TOPSIS的重庆市县域经济密度… → 重庆)
    jurisdiction = {a.title: a.jurisdiction or named_place(a.title or "") for a in articles}
    for f in facts:
        if f.subject is None and jurisdiction.get(f.article):
            f.subject, f.subject_source = _with_part(jurisdiction[f.article], caption_topic(f.table or "")), "document"
    return tables, facts
