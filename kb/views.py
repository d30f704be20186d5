"""Presentation helpers for the app (and any other front end): safe highlighting, citations,
context windows, chart frames and download bytes. Nothing here imports Streamlit, so it is
unit-tested directly (tests/test_views.py).

Document text is untrusted input (an uploaded HTML file can hold `<script>`): every function that
returns HTML escapes the text first and adds only its own tags.
"""
from __future__ import annotations

import html
import io
import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import cite
from .extract.indicators import is_generic_measure
from .sentences import sentence_spans
from .tables import to_excel_cells
from .types import Hit

# Footnote markers ①②③… are dropped when comparing, so a term still matches "郑州①市" style text.
_MARKER_RANGES = ((0x2460, 0x24FF), (0x2776, 0x2793), (0x3251, 0x325F), (0x32B1, 0x32BF))
MARK_OPEN = '<mark style="background:#ffe066;padding:0 1px">'
CITED_OPEN = '<span id="cited" style="background:#e7f0ff;border-left:3px solid #1c64f2;padding:2px 4px">'
# Shown in st.html: pre-wrap keeps the document's paragraph breaks without turning text into markup.
BLOCK_STYLE = "white-space:pre-wrap;line-height:1.7;font-size:0.95rem"


# ------------------------------------------------------------------ highlighting
def _is_marker(ch: str) -> bool:
    return any(a <= ord(ch) <= b for a, b in _MARKER_RANGES)


def _comparable(ch: str) -> str:
    """One character in compared form (half-width, lower case); unchanged when NFKC would expand it."""
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if len(folded) == 1 else ch.lower()


def _comparable_index(text: str) -> tuple[str, list[int]]:
    """`text` in compared form without whitespace and footnote markers, and each char's original offset.

    Whitespace is skipped because extraction breaks lines inside words ("郑州\\n市"); the offsets
    map a match back onto the original text, so highlighting never changes what is shown.
    """
    chars, offsets = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or _is_marker(ch):
            continue
        chars.append(_comparable(ch))
        offsets.append(i)
    return "".join(chars), offsets


def term_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) offsets in `text` of every occurrence of the terms.

    Longer terms win over shorter ones they overlap, so a compound is marked whole.
    """
    haystack, offsets = _comparable_index(text)
    taken: list[tuple[int, int]] = []
    for term in sorted({t for t in terms if t and t.strip()}, key=len, reverse=True):
        needle, _ = _comparable_index(term)
        if not needle:
            continue
        at = haystack.find(needle)
        while at != -1:
            span = (offsets[at], offsets[at + len(needle) - 1] + 1)
            if not any(s < span[1] and span[0] < e for s, e in taken):
                taken.append(span)
            at = haystack.find(needle, at + len(needle))
    return sorted(taken)


def highlight_html(text: str, terms: list[str]) -> str:
    """`text` HTML-escaped, with each occurrence of a term wrapped in <mark>."""
    out, pos = [], 0
    for start, end in term_spans(text, terms):
        out.append(html.escape(text[pos:start]))
        out.append(MARK_OPEN + html.escape(text[start:end]) + "</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def html_block(inner_html: str) -> str:
    """Already-escaped HTML in a div that keeps line breaks (for st.html)."""
    return f'<div style="{BLOCK_STYLE}">{inner_html}</div>'


# ------------------------------------------------------------------ citations
def hit_citation(hit: Hit) -> str:
    """The hit's reference (GB/T 7714-2015) and where the passage is: section, page, file, offsets."""
    return cite.citation(hit.reference, hit.section, hit.page, hit.source, hit.start, hit.end, title=hit.article)


def quotable(hit: Hit, limit: int = 160) -> str:
    """The passage as a quotation followed by its citation (what the copy box holds)."""
    text = " ".join(hit.text.split())
    if len(text) > limit:
        start = _densest_window(text, hit.terms, limit)
        text = ("…" if start else "") + text[start:start + limit].strip() \
            + ("…" if start + limit < len(text) else "")
    return f"“{text}”（{hit_citation(hit)}）"


def _densest_window(text: str, terms: list[str], limit: int) -> int:
    """Start of the `limit`-character window of `text` that holds most query-term characters, so a
    long (merged) hit is quoted where it answers the question; 0 when no term occurs."""
    marks = [0] * (len(text) + 1)
    for term in {t for t in terms if t}:
        i = text.find(term)
        while i >= 0:
            marks[i] += len(term)
            i = text.find(term, i + 1)
    best, best_start, running = 0, 0, sum(marks[:limit])
    for start in range(0, max(len(text) - limit, 0) + 1):
        if running > best:
            best, best_start = running, start
        running += marks[start + limit] - marks[start] if start + limit < len(marks) else -marks[start]
    return best_start


# ------------------------------------------------------------------ context around a cited passage
@dataclass
class Window:
    """A stretch of a document around a cited span: text before, the span, text after."""
    before: str
    cited: str
    after: str
    start: int       # offset of `before` in the document
    end: int         # offset just after `after`


def context_window(text: str, start: int, end: int, chars: int = 400) -> Window:
    """The cited span with about `chars` characters either side, widened to whole sentences."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo, hi = max(0, start - chars), min(len(text), end + chars)
    # The window's first and last sentences are cut by the character limit: drop the cut parts,
    # unless that would eat into the cited span itself.
    if lo > 0:
        before = sentence_spans(text, lo, start)
        lo = before[1][0] if len(before) > 1 else start
    if hi < len(text):
        after = sentence_spans(text, end, hi)
        hi = after[-2][1] if len(after) > 1 else end
    return Window(text[lo:start], text[start:end], text[end:hi], lo, hi)


def window_html(window: Window, terms: list[str]) -> str:
    """The window as escaped HTML: the cited span framed, query terms marked inside it."""
    return html_block(
        ("…" if window.start > 0 else "") + html.escape(window.before)
        + CITED_OPEN + highlight_html(window.cited, terms) + "</span>"
        + html.escape(window.after) + "…")


def cited_text_html(text: str, start: int, end: int, terms: list[str] = ()) -> str:
    """A whole section/document as escaped HTML with the span [start, end) framed (and terms marked)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return html_block(html.escape(text[:start]) + CITED_OPEN + highlight_html(text[start:end], list(terms))
                      + "</span>" + html.escape(text[end:]))


# ------------------------------------------------------------------ tables, charts, downloads
def csv_text(df: pd.DataFrame) -> str:
    """CSV of a table: lists as readable cells, floats without arithmetic noise."""
    return to_excel_cells(tidy_numbers(df)).to_csv(index=False)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV with a BOM, so Excel opens the Chinese text in the right encoding."""
    return csv_text(df).encode("utf-8-sig")


def xlsx_bytes(df: pd.DataFrame, sheet: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        to_excel_cells(df).to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()


def main_unit(facts: pd.DataFrame) -> str:
    """The most frequent unit among the facts ("" for plain ratios)."""
    units = facts["unit"].fillna("")
    return units.mode().iloc[0] if len(units) else ""


def chart_frame(facts: pd.DataFrame, indicator: str) -> tuple[pd.DataFrame, str]:
    """(year, subject, value) rows of one canonical indicator in its main unit, and that unit.

    Facts in other units are left out: a chart mixing 亿元 totals with % growth rates is meaningless.
    Several values for the same subject and year (different papers) are averaged.
    """
    rows = facts[(facts["indicator_canonical"].fillna(facts["indicator"]) == indicator)
                 & facts["year"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=["year", "subject", "value"]), ""
    unit = main_unit(rows)
    rows = rows[rows["unit"].fillna("") == unit].copy()
    rows["subject"] = rows["subject"].fillna("（未注明）").replace("", "（未注明）")
    rows["year"] = rows["year"].astype(int)
    out = rows.groupby(["year", "subject"], as_index=False)["value"].mean()
    return out.sort_values(["subject", "year"]).reset_index(drop=True), unit


def default_chart_indicator(facts: pd.DataFrame) -> str | None:
    """The indicator whose chart shows the most points that each mean one thing.

    A point is a (subject, year) cell of the indicator's main unit. A catch-all name (比重, a share of
    anything) holds several different values in one cell — unrelated shares of the same region and
    year — so its conflicting cells count against it; a specific indicator (人均GDP) holds one value per
    cell. Names that are bare generic measures (kb.extract.indicators decides: 比重, 增长率) and facts
    whose indicator the extractor marked as not specific (indicator_confidence "low") are left out.
    Ties go to the indicator with more facts.
    """
    rows = facts[facts["year"].notna()]
    if "indicator_confidence" in rows:
        rows = rows[rows["indicator_confidence"].fillna("high") != "low"]
    names = rows["indicator_canonical"].fillna(rows["indicator"]).fillna("")
    chartable = (names != "") & ~names.map(is_generic_measure)
    rows, names = rows[chartable], names[chartable]
    best, best_key = None, None
    for name, group in rows.groupby(names):
        unit = main_unit(group)
        group = group[group["unit"].fillna("") == unit]
        values = group.groupby([group["subject"].fillna(""), group["year"]])["value"].nunique()
        key = (int((values == 1).sum() - (values > 1).sum()), len(group))
        if best_key is None or key > best_key:
            best, best_key = name, key
    return best


def axis_title(name: str, unit: str) -> str:
    return f"{name}（{unit}）" if unit else name


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """Document text made safe for Streamlit labels and captions, which render Markdown:
    links, images and emphasis from a paper must show as the characters they are."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


# ------------------------------------------------------------------ numbers and cells for display
SIGNIFICANT_DIGITS = 12   # float arithmetic noise (980000000.0000001) lives beyond the 15th digit
# Chinese magnitudes a reader expects for large amounts (1.57万亿元, 1458.8亿元, 31.14万标箱).
_MAGNITUDES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
# Units that are already ratios or counts of time: a magnitude word would misread them.
_NO_MAGNITUDE_UNITS = {"", "%", "％", "‰", "百分点", "个百分点", "倍", "年", "个月", "月", "天", "位", "名"}


def significant(value, digits: int = SIGNIFICANT_DIGITS):
    """A float rounded to `digits` significant digits (other values unchanged)."""
    if isinstance(value, float) and math.isfinite(value) and value != 0:
        return float(f"{value:.{digits}g}")
    return value


def plain_number(value) -> str:
    """A number as a reader writes it: thousands separators, no exponent, no trailing zeros."""
    value = significant(float(value))
    return f"{value:,.0f}" if value.is_integer() else f"{value:,.4f}".rstrip("0").rstrip(".")


def readable_amount(value, unit: str | None) -> str:
    """A large amount in Chinese magnitudes (1565110000000, 元 -> 1.57万亿元); "" below 10,000,
    for ratios and for missing values."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)) or pd.isna(value):
        return ""
    unit = unit or ""
    if unit in _NO_MAGNITUDE_UNITS:
        return ""
    for size, word in _MAGNITUDES:
        if abs(value) >= size:
            scaled = f"{value / size:,.2f}".rstrip("0").rstrip(".")
            return f"{scaled}{word}{unit}"
    return ""


def display_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A table as a reader should see it: lists as text, empty cells "" (not None/NaN/<NA>), numbers
    without float noise. Numeric columns keep their type unless they have empty cells."""
    df = to_excel_cells(tidy_numbers(df))
    for c in df.columns:
        empty = df[c].isna()
        if empty.any():
            df[c] = [("" if gone else _cell_text(v)) for v, gone in zip(df[c], empty)]
    return df


def _cell_text(value):
    """A non-empty cell of a column that has empty ones: integers as they are (years stay 2019),
    floats as plain numbers."""
    if isinstance(value, (bool, np.bool_)):
        return value
    if isinstance(value, (int, np.integer)):
        return str(value)
    if isinstance(value, (float, np.floating)):
        return plain_number(value)
    return value


def tidy_numbers(df: pd.DataFrame) -> pd.DataFrame:
    """Float columns rounded to SIGNIFICANT_DIGITS (for CSV, where numbers must stay numbers)."""
    df = df.copy()
    for c in df.columns:
        if pd.api.types.is_float_dtype(df[c]):
            df[c] = df[c].map(significant)
    return df


def shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def systems_overview(systems: pd.DataFrame, width: int = 30) -> pd.DataFrame:
    """One short line per indicator system (for a terminal): name, dimensions, number of indicators."""
    return pd.DataFrame({
        "source": systems.source,
        "name": [shorten(n, 20) for n in systems.name],
        "dimensions": [shorten("、".join(d), width) for d in systems.dimensions],
        "indicators": [len(i) for i in systems.indicators],
        "from_table": systems.from_table.astype(bool),
    })


def grouped_indicators(indicators: list) -> str:
    """An indicator system's (dimension, indicator, weight) rows as one line:
    经济发展动力：资本流动(0.12)、劳动流动；交通信息网络：…"""
    groups: dict[str, list[str]] = {}
    for dimension, name, weight in indicators:
        groups.setdefault(dimension or "", []).append(f"{name}({weight:g})" if weight is not None else name)
    return "；".join(f"{d}：{'、'.join(names)}" if d else "、".join(names) for d, names in groups.items())


def systems_table(systems: pd.DataFrame) -> pd.DataFrame:
    """The indicator systems for reading: dimensions and grouped indicators as text."""
    return systems.assign(dimensions=["、".join(d) for d in systems.dimensions],
                          indicators=[grouped_indicators(i) for i in systems.indicators])
