"""Shared data types: provenance lives in the types (document -> article -> section -> passage).

All offsets (`start`, `end`) are character offsets into the document's *cleaned* text
(`CleanText.text`), the text shown to the user, so any row can be opened at its place.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class RawDocument:
    """A file's extracted text before repair. Pages are separated by form feeds when known."""
    source: str            # the original file name (what citations show)
    path: str              # where it was read from
    text: str              # extracted text; "\f" separates pages when `paged`
    paged: bool = False    # True when the loader knew page boundaries (PDF)
    sha256: str = ""       # content hash of the file bytes
    encoding: str = "utf-8"
    notes: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of page footnotes in `text`


@dataclass
class Span:
    """A marked region of the cleaned text that is not ordinary prose."""
    kind: str   # "table" (flattened digit runs, HTML tables kept whole), "english" (English title/
                # abstract/key words), "author" (spaced-out author line), "meta" (CLC number, fund notes,
                # received date, web-page source lines, photo captions, issuer/date lines), "formula"
                # (display math of converted papers), "toc" (table of contents)
    start: int
    end: int


@dataclass
class CleanText:
    """Text after repair of extraction damage. `text` is what the user sees and what offsets index."""
    text: str
    pages: list[tuple[int, int]] = field(default_factory=list)      # (start offset, page number), sorted
    footnotes: list[tuple[int, str]] = field(default_factory=list)  # (offset where the marker stood, marker)
    spans: list[Span] = field(default_factory=list)                  # non-prose regions, sorted by start
    running_heads: list[str] = field(default_factory=list)          # dropped running heads, distinct, in order

    def page_at(self, offset: int) -> int | None:
        """The page number holding `offset`, or None when the source had no pages."""
        if not self.pages:
            return None
        i = bisect.bisect_right([p[0] for p in self.pages], offset) - 1
        return self.pages[max(i, 0)][1]

    def spans_of(self, kind: str) -> list[Span]:
        return [s for s in self.spans if s.kind == kind]

    def overlaps(self, start: int, end: int, kinds=("table",)) -> bool:
        """True when [start, end) touches a marked span of one of `kinds`."""
        return any(s.kind in kinds and s.start < end and start < s.end for s in self.spans)


@dataclass
class Section:
    """A contiguous part of an article. Kinds: front, abstract, keywords, body, references, english, notes."""
    title: str          # the heading text ("" for untitled parts)
    path: str           # heading path joined with " > " ("三、对策建议 > （一）…"), or the kind's name
    kind: str
    level: int          # 0 for non-body parts and the body root, 1.. for headings
    start: int
    end: int


@dataclass
class Article:
    """One article of a document (a journal issue holds many; a paper file holds one)."""
    index: int                      # position in the document, 0-based
    title: str
    start: int
    end: int
    authors: list[str] = field(default_factory=list)
    column: str = ""                # 【栏目】 banner, without brackets
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    english_title: str = ""
    english_abstract: str = ""
    title_flagged: bool = False     # True when the title was reconstructed from weaker evidence
    year: int | None = None         # publication year when the text states it (issue line, 文章编号)
    sections: list[Section] = field(default_factory=list)
    # document metadata (kb/genre.py): told from the text, never from the file name
    genre: str = "other"            # journal_issue, paper, work_report, plan, communique, policy, other
    jurisdiction: str = ""          # the place the document speaks for: 四川省, 上海市长宁区, 全国 ...
    issuer: str = ""                # issuing body (…人民政府, …统计局) when stated
    affiliation: str = ""           # authors' affiliation (papers)
    date: str = ""                  # ISO date when stated (2026-01-27)
    # other title information (GB/T 7714: 题名: 其他题名信息): where a report or speech was delivered
    # (在中国共产党第十九次全国代表大会上的报告, 2026年1月14日在浙江省第十四届人民代表大会第四次会议上)
    subtitle: str = ""
    journal: str = ""               # journal name, volume and issue (papers) when stated
    volume: str = ""
    issue: str = ""
    pages: str = ""                 # page range in the journal ("12-25") when stated


@dataclass
class Passage:
    """A retrieval unit: sentence-aware, inside one section of one article."""
    source: str
    article_index: int
    article: str          # article title
    section: str          # section path
    kind: str             # section kind (abstract, body, references, english, ...)
    start: int
    end: int
    text: str
    page: int | None = None
    year: int | None = None
    id: int | None = None  # row id in the KB once stored
    # the article's genre and jurisdiction, copied so that search reads them per passage
    genre: str = ""
    jurisdiction: str = ""


@dataclass
class Hit:
    """One search result with its citation."""
    rank: int
    score: float
    source: str
    article: str
    section: str
    kind: str
    start: int
    end: int
    text: str
    page: int | None = None
    terms: list[str] = field(default_factory=list)   # query terms to highlight
    passage_id: int | None = None
    reference: str = ""        # GB/T 7714-2015 reference of the article (filled by KnowledgeBase.search)


@dataclass
class Fact:
    """One numeric fact a paper states, linked to its evidence sentence."""
    source: str
    article: str
    subject: str | None
    indicator: str | None
    value: float
    unit: str
    raw: str                   # the literal span, e.g. "31.14万标箱"
    evidence: str              # the sentence (split at 。！？；)
    start: int                 # offsets of `raw` in the cleaned text
    end: int
    period: str | None = None
    change: str | None = None  # e.g. "同比增长", "下降", "由…提高到…(起点)"
    qualifier: str | None = None   # 约, 超过, 近, 突破, 以上, 不足 ...
    indicator_canonical: str | None = None
    evidence_start: int = 0
    evidence_end: int = 0
    subject_source: str | None = None   # where the subject came from: sentence | previous | document | table
    indicator_confidence: str = "high"  # "low" when the indicator could not be made specific
    kind: str = "outcome"               # outcome (what happened) | target (预期目标) | plan (到2030年…)
    value_max: float | None = None      # upper bound of a range (4.5%—5% -> value 4.5, value_max 5)
    table: str | None = None            # caption of the table the value comes from (table cells)
    row: str | None = None              # row header of the cell
    column: str | None = None           # column header of the cell


@dataclass
class Strategy:
    """One proposed measure / policy strategy."""
    source: str
    article: str
    section: str
    title: str
    text: str
    start: int
    end: int
    category: str = ""


@dataclass
class IndicatorSystem:
    """An indicator system (指标体系) a paper defines: dimensions and the indicators under each."""
    source: str
    article: str
    name: str                                   # "城镇化高质量发展指标体系"
    dimensions: list[str] = field(default_factory=list)
    # (dimension, indicator, weight or None); dimension "" when the paper does not group them
    indicators: list[tuple[str, str, float | None]] = field(default_factory=list)
    evidence: str = ""                          # the sentence that states the system
    start: int = 0                              # offsets of `evidence` in the cleaned text
    end: int = 0
    from_table: bool = False                    # True when indicators were read from table cells


@dataclass
class Table:
    """A table as printed: caption, unit, header rows and body rows (spans expanded into a grid)."""
    source: str
    article: str
    index: int                      # position among the document's tables, 0-based
    caption: str                    # "表3 …" (the English caption when the text has no Chinese one)
    start: int                      # offsets of the table's own text (the markup) in the cleaned text
    end: int
    header: list[list[str]] = field(default_factory=list)   # header rows, colspan/rowspan repeated
    rows: list[list[str]] = field(default_factory=list)     # body rows, same width as the header
    unit: str = ""                  # from a unit line (单位：亿元) or the caption (…／%), "" if none
    notes: list[str] = field(default_factory=list)          # 注：… / 数据来源：… lines after the table
    page: int | None = None
    format: str = "html"            # what it was read from: html, markdown, text (PDF text lines), tabs (DOCX rows)
    id: int | None = None           # row id in the KB once stored
