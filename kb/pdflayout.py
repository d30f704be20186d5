"""Layout of PDF pages from the positions of their text (pypdf's text visitor): lines rebuilt from
fragments by their height on the page; two-column pages put in reading order (each band between
full-width lines: the left column, then the right); running heads, running feet and page numbers found
by where they sit (the top or bottom margin) and how they repeat across pages, not by what they say;
footnotes found by where they sit and how they are set (the lowest lines of a page, in a smaller font
than the body, under a rule or opening with a note marker) and given apart from the body; the cells of
a table row printed as separate pieces on one baseline kept on one line, across the columns.

Decisions are made on positions; the text of a single-column page stays pypdf's own
(`extract_text`), with only the margin lines that repeat and its footnotes taken out, so what the rest of
the pipeline was tuned on does not move. pypdf is already the loader's PDF library (BSD); pdfplumber and pypdfium2 would add a dependency
for the same positions, and PyMuPDF is AGPL.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .genre import NOTE_MARKER_RE

MARGIN = 0.08            # share of the page height at the top and at the bottom where running lines sit
REPEAT_SHARE = 0.5       # a margin line is running when its shape is on at least half of the pages …
REPEAT_MIN_PAGES = 2     # … and on two pages at least
COLUMN_SLACK = 0.03      # share of the width a column's line may reach past the middle
COLUMN_FILL = 0.25       # a column's lines are mostly at least this share of the page width (not table cells)
GUTTER_EMS = 1.5         # a horizontal gap this many ems wide separates two lines on one baseline
NOTE_SIZE = 0.9         # a footnote's font is at most this share of the body's size
NOTE_ZONE = 0.5         # footnotes sit in the lower half of the page
ROW_PIECES = 3          # pieces on one baseline that make a table row (two columns of text give two)
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–\s]*$|^[-—–\s]*[ivxlcIVXLC]{1,6}[-—–\s]*$")


@dataclass
class Line:
    x0: float
    x1: float
    y: float            # baseline, PDF units from the bottom of the page
    size: float
    text: str
    pieces: int = 1     # pieces joined into this line: a table row's cells on one baseline
    cells: tuple[str, ...] = ()     # the texts of those pieces, left to right


@dataclass
class PageLayout:
    width: float
    height: float
    plain: str                          # pypdf's extract_text() of the page
    lines: list[Line] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)   # horizontal rules (x0, x1, y)

    def margin_lines(self) -> list[Line]:
        top, bottom = self.height * (1 - MARGIN), self.height * MARGIN
        return [ln for ln in self.lines if ln.y >= top or ln.y <= bottom]


def read_page(page) -> PageLayout:
    """The page's text as pypdf extracts it and its lines with positions, from one pass."""
    fragments: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        text = text.replace("\n", " ")
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3]) or 1.0
        fragments.append((x, y, (font_size or 10) * scale, text))

    rules: list[tuple[float, float, float]] = []
    start: list[tuple[float, float]] = []

    def draw(op, args, cm, tm):
        # horizontal strokes and flat rectangles: the rule above footnotes, a table's lines
        if op not in (b"m", b"l", b"re") or len(args) < 2:
            return
        try:
            nums = [float(a) for a in args[:4]]
        except (TypeError, ValueError):
            return
        x, y = nums[0] * cm[0] + nums[1] * cm[2] + cm[4], nums[0] * cm[1] + nums[1] * cm[3] + cm[5]
        if op == b"m":
            start[:] = [(x, y)]
        elif op == b"l" and start:
            (x0, y0), start[:] = start[0], [(x, y)]
            if abs(y - y0) < 0.5 and abs(x - x0) > 10:
                rules.append((min(x, x0), max(x, x0), y))
        elif op == b"re" and len(nums) == 4 and abs(nums[3] * cm[3]) < 1.5 and abs(nums[2] * cm[0]) > 10:
            rules.append((min(x, x + nums[2] * cm[0]), max(x, x + nums[2] * cm[0]), y))

    plain = page.extract_text(visitor_text=visit, visitor_operand_before=draw) or ""
    box = page.mediabox
    return PageLayout(float(box.width), float(box.height), plain, _lines(fragments), rules)


def _width(text: str, size: float) -> float:
    """Estimated printed width: a Chinese character is one em, others about half."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.5 for ch in text)


def _lines(fragments) -> list[Line]:
    """Fragments on one baseline (within a third of the font size) joined left to right, top first; a
    gap wider than GUTTER_EMS ems (a column gutter, a table's cell gap) starts another line."""
    rows: list[list[tuple[float, float, float, str]]] = []
    for frag in sorted(fragments, key=lambda f: (-f[1], f[0])):
        if rows and abs(rows[-1][0][1] - frag[1]) <= max(frag[2], 1.0) / 3:
            rows[-1].append(frag)
        else:
            rows.append([frag])
    out = []
    for frags in rows:
        frags.sort(key=lambda f: f[0])
        line: Line | None = None
        for x, y, size, t in frags:
            if line is not None and x - line.x1 > size * GUTTER_EMS:
                out.append(line)
                line = None
            if line is None:
                line = Line(x, x, y, size, "")
            elif x - line.x1 > size * 0.3 and not line.text.endswith(" "):
                line.text += " "
            line.text += t
            line.x1 = max(line.x1, x + _width(t, size))
            line.size = max(line.size, size)
        if line is not None:
            out.append(line)
    for ln in out:
        ln.text = ln.text.strip()
    return [ln for ln in out if ln.text]


def _baselines(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped by baseline (within a third of the font size), top first, each left to right."""
    groups: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (-ln.y, ln.x0)):
        if groups and abs(groups[-1][0].y - ln.y) <= max(ln.size, 1.0) / 3:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def table_rows(lines: list[Line], width: float) -> list[Line]:
    """The lines with a table's rows joined: a baseline of ROW_PIECES pieces or more is a row (two
    columns of text put two pieces on a baseline); a baseline of two short pieces next to a row is one
    too (a two-cell row, a header with one year). A row's cells are joined by a space, so a row reads
    `label n n` however far apart the cells are printed, and it spans the page like a table does."""
    groups = _baselines(lines)
    is_row = [len(g) >= ROW_PIECES for g in groups]
    short = [len(g) == 2 and all(ln.x1 - ln.x0 < COLUMN_FILL * width for ln in g) for g in groups]
    changed = True
    while changed:
        changed = False
        for i, g in enumerate(groups):
            if not is_row[i] and short[i] and any(0 <= j < len(groups) and is_row[j] for j in (i - 1, i + 1)):
                is_row[i] = changed = True
    out = []
    for g, row in zip(groups, is_row):
        if row:
            out.append(Line(g[0].x0, max(ln.x1 for ln in g), max(ln.y for ln in g), max(ln.size for ln in g),
                            " ".join(ln.text for ln in g), pieces=len(g), cells=tuple(ln.text for ln in g)))
        else:
            out += g
    return out


def body_size(pages: list[PageLayout]) -> float:
    """The font size most of the document's characters are set in."""
    sizes = Counter()
    for p in pages:
        for ln in p.lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def footnotes(page: PageLayout, lines: list[Line], body: float) -> list[Line]:
    """The page's footnotes, top first: the lowest lines of the page set smaller than the body, in the
    lower half, with body text above them, one piece per baseline, and either a rule between them and
    the body or a note marker opening them."""
    bottom_up = sorted(lines, key=lambda ln: ln.y)
    block = []
    for ln in bottom_up:
        if ln.size > body * NOTE_SIZE or ln.pieces > 1:
            break
        block.append(ln)
    above = [ln for ln in lines if ln not in block]
    if not block or not above or block[-1].y > page.height * NOTE_ZONE:
        return []
    if len(_baselines(block)) != len(block):
        return []       # pieces side by side: a small table, not notes
    top = block[-1]
    body_low = min(ln.y for ln in above)
    ruled = any(top.y + top.size * 0.5 < y < body_low for _, _, y in page.rules)
    return block[::-1] if ruled or NOTE_MARKER_RE.match(top.text) else []


def _shape(text: str) -> str:
    """A running line's shape: digits folded, spaces removed (第3页 and 第4页 are one running foot)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def running_shapes(pages: list[PageLayout]) -> set[str]:
    """Shapes of margin lines that repeat on enough pages to be running heads or feet."""
    if len(pages) < REPEAT_MIN_PAGES:
        return set()
    counts = Counter(shape for p in pages for shape in {_shape(ln.text) for ln in p.margin_lines()})
    need = max(REPEAT_MIN_PAGES, math.ceil(len(pages) * REPEAT_SHARE))
    return {shape for shape, n in counts.items() if n >= need and shape}


def _dropped(page: PageLayout, running: set[str]) -> list[Line]:
    """The page's margin lines that are running heads/feet or page numbers."""
    return [ln for ln in page.margin_lines() if _shape(ln.text) in running or _PAGE_NUMBER.match(ln.text)]


def columns(page: PageLayout, lines: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """(left, right) column lines when the page is set in two columns, else None: several lines on
    each side of the middle, side by side, the right ones starting at one x."""
    mid, slack = page.width / 2, page.width * COLUMN_SLACK
    left = [ln for ln in lines if ln.x1 <= mid + slack]
    right = [ln for ln in lines if ln.x0 >= mid - slack and ln not in left]
    if len(left) < 3 or len(right) < 3 or len(left) + len(right) < 0.6 * len(lines):
        return None
    if min(_median(ln.x1 - ln.x0 for ln in side) for side in (left, right)) < COLUMN_FILL * page.width:
        return None     # short pieces side by side: a table's cells, not columns of text
    start = Counter(round(ln.x0 / 2) for ln in right).most_common(1)[0][1]
    overlap = min(max(ln.y for ln in left), max(ln.y for ln in right)) - \
        max(min(ln.y for ln in left), min(ln.y for ln in right))
    if start < 0.5 * len(right) or overlap <= 0:
        return None
    return left, right


def _median(values) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


def reading_order(page: PageLayout, lines: list[Line]) -> list[Line] | None:
    """The lines of a two-column page in reading order (None for a page that is not two-column):
    full-width lines (a title, a wide table) cut the page into bands; each band reads left then right."""
    split = columns(page, lines)
    if split is None:
        return None
    left, right = split
    ordered, band_left, band_right = [], [], []
    for ln in sorted(lines, key=lambda ln: -ln.y):
        if ln in left:
            band_left.append(ln)
        elif ln in right:
            band_right.append(ln)
        else:
            ordered += band_left + band_right + [ln]
            band_left, band_right = [], []
    return ordered + band_left + band_right


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _rows_rejoined(plain: list[str], rows: list[Line]) -> list[str]:
    """pypdf's lines with each table row it printed one cell per line put back on one line: a run of
    consecutive lines that are exactly a row's cells, in order. Rows pypdf printed whole are left as
    they are."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        by_first.setdefault(_squeezed(row.cells[0]), []).append(tuple(_squeezed(c) for c in row.cells))
    out, i = [], 0
    while i < len(plain):
        for cells in by_first.get(_squeezed(plain[i]), []):
            if tuple(_squeezed(ln) for ln in plain[i:i + len(cells)]) == cells:
                out.append(" ".join(ln.strip() for ln in plain[i:i + len(cells)]))
                i += len(cells)
                break
        else:
            out.append(plain[i])
            i += 1
    return out


@dataclass
class PageText:
    body: str           # the page's running text, in reading order
    notes: str = ""     # its footnotes, one printed line per line


def page_texts(pages: list[PageLayout]) -> list[PageText]:
    """Each page's text and footnotes: two-column pages from their lines (columns in reading order, a
    table's row on one line), other pages as pypdf extracts them; running heads, feet and page numbers
    in the margins removed, footnotes taken apart."""
    running = running_shapes(pages)
    body = body_size(pages)
    out = []
    for page in pages:
        dropped = _dropped(page, running)
        kept = table_rows([ln for ln in page.lines if ln not in dropped], page.width)
        notes = footnotes(page, kept, body)
        kept = [ln for ln in kept if ln not in notes]
        note_text = "\n".join(ln.text for ln in notes)
        ordered = reading_order(page, kept)
        if ordered is not None:
            out.append(PageText("\n".join(ln.text for ln in ordered), note_text))
            continue
        gone = {re.sub(r"\s+", "", ln.text) for ln in dropped + notes}
        plain = [ln for ln in page.plain.split("\n") if re.sub(r"\s+", "", ln) not in gone or not ln.strip()]
        text = "\n".join(_rows_rejoined(plain, [ln for ln in kept if ln.pieces > 1]))
        out.append(PageText(text.rstrip("\n") if notes else text, note_text))
    return out
