"""Presentation helpers for the app (and any other front end): safe highlighting, citations,
context windows, chart frames and download bytes. Nothing here imports Streamlit, so it is
unit-tested directly (tests/test_views.py).

Document text is untrusted input (an uploaded HTML file can hold `<script>`): every function that
returns HTML escapes the text first and adds only its own tags.
"""
from __future__ import annotations

import html
import io
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

from .sentences import sentence_spans
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
def format_citation(source: str, article: str | None, section: str | None, page: int | None,
                    start: int, end: int) -> str:
    """A one-line citation: 《title》, section, page, file and character offsets."""
    parts = []
    if article:
        parts.append(f"《{article}》")
    if section:
        parts.append(section)
    if page is not None:
        parts.append(f"第{page}页")
    parts.append(f"{source} 字符 {start}–{end}")
    return "，".join(parts)


def hit_citation(hit: Hit) -> str:
    return format_citation(hit.source, hit.article, hit.section, hit.page, hit.start, hit.end)


def quotable(hit: Hit, limit: int = 160) -> str:
    """The passage as a quotation followed by its citation (what the copy box holds)."""
    text = " ".join(hit.text.split())
    if len(text) > limit:
        text = text[:limit].rstrip() + "…"
    return f"“{text}”（{hit_citation(hit)}）"


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
def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV with a BOM, so Excel opens the Chinese text in the right encoding."""
    from .tables import to_excel_cells

    return to_excel_cells(df).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(df: pd.DataFrame, sheet: str = "data") -> bytes:
    from .tables import to_excel_cells

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


def axis_title(name: str, unit: str) -> str:
    return f"{name}（{unit}）" if unit else name


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """Document text made safe for Streamlit labels and captions, which render Markdown:
    links, images and emphasis from a paper must show as the characters they are."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
