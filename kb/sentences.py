"""Sentence boundaries in cleaned Chinese text, as offsets (shared by passages and extraction)."""
from __future__ import annotations

import re

# A sentence ends at 。！？ (and their ASCII forms when not inside a number), optionally followed by
# closing quotes/brackets; `；` also ends an evidence sentence for facts (see eval README).
_END = "。！？!?"
_CLOSERS = "”’」』）)】"


def sentence_spans(text: str, start: int = 0, end: int | None = None,
                   enders: str = _END + "；;") -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], whitespace-trimmed, in order.

    Paragraph breaks ("\\n") also end a sentence, so a heading never merges with the next line.
    """
    end = len(text) if end is None else end
    spans = []
    i = s = start
    while i < end:
        ch = text[i]
        if ch in enders or ch == "\n":
            j = i + 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            spans.append((s, j if ch != "\n" else i))
            s = i = j
            continue
        i += 1
    if s < end:
        spans.append((s, end))
    return [t for t in (_trim(text, a, b) for a, b in spans) if t[1] > t[0]]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_HAN = re.compile(r"[\u4e00-\u9fff]")


def han_ratio(text: str) -> float:
    """Share of CJK ideographs among non-space characters (0 for empty text)."""
    chars = [c for c in text if not c.isspace()]
    return sum(1 for c in chars if _HAN.match(c)) / len(chars) if chars else 0.0
