"""Cleaned text -> articles (title, authors, column, abstract, keywords, ...) -> sections.

A journal issue holds many articles; each is recognised from its front matter: a 【栏目】 banner,
title line(s), a spaced-out author line (a Span "author" from kb.clean), 摘 要 / 关键词 labels and
metadata lines, and ends with its English block (title, authors, Abstract, Key Words) or, for short
signed essays, with the author biography. An abstract with no title or author above it (the
extraction lost them) still starts an article; its title is then reconstructed and flagged.
Sections follow the heading tree (一、 > （一） > 1. > （1）, 2.1, and 第一，… leads).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .clean import BANNER_RE, NOTES_RE
from .headings import (NUMERIC_PROSE_RE, UNNUMBERED_HEADINGS, heading_style, is_heading_line, is_reference_entry,
                       lead_kind, lead_title)
from .genre import GENRES, NOTE_ENTRY_RE, SALUTATION_START_RE, DocumentInfo, describe, journal_fields, special_section
from .types import Article, CleanText, Section

_ABSTRACT_RE = re.compile(r"^[\[［【(（]?\s*(?:摘\s*要|提\s*要|内容摘要|编者按)\s*[\]］】)）]?\s*[:：]?\s*")
_KEYWORDS_RE = re.compile(r"^[\[［【(（]?\s*关\s*键\s*词\s*[\]］】)）]?\s*[:：]?\s*")
_EN_ABSTRACT_RE = re.compile(r"^Abstract\s*[:：]\s*")
_EN_KEYWORDS_RE = re.compile(r"^Key\s*[Ww]ords?\s*[:：]\s*|^Keywords\s*[:：]\s*")
_REFS_RE = re.compile(r"^[\[［【]?\s*(?:主要)?参考文献\s*[\]］】]?\s*[:：]?\s*")
_BIO_RE = re.compile(r"^(?:作者简介\s*[:：]\s*)?([\u4e00-\u9fff]{2,4})\s*[，,]\s*(?:男|女)")
_BIO_START_RE = re.compile(r"^作者简介")
_BIO_LABEL_RE = re.compile(r"^作者简介\s*[:：]\s*")
# 参考文献 followed at once by the first entry ("参考文献：[1]…") on one line
# 参考文献(References): the label of a converted bilingual paper
_REFS_LABEL_EN_RE = re.compile(_REFS_RE.pattern + r"[(（]\s*References?\s*[)）]\s*$")
_REFS_WITH_ENTRY_RE = re.compile(_REFS_RE.pattern + r"\[?1\]")
_YEAR_RES = (re.compile(r"\d{4}-\d{3}[\dX]\s*[（(]((?:19|20)\d\d)[）)]"),
             re.compile(r"((?:19|20)\d\d)\s*年\s*第\s*\d{1,2}\s*期"),
             re.compile(r"((?:19|20)\d\d)\s*[.．]\s*\d{1,2}(?!\d)"))
_KEYWORD_SPLIT_RE = re.compile(r"\s*[；;，,]\s*")


@dataclass
class _Par:
    start: int
    end: int
    text: str
    kind: str     # prose, banner, author, english, meta, table, abstract, keywords, notes, footnote, refs, heading


def _paragraphs(clean: CleanText) -> list[_Par]:
    pars = []
    pos = 0
    text = clean.text
    spans = sorted(clean.spans, key=lambda s: s.start)
    si = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        while si < len(spans) and spans[si].end <= start:
            si += 1
        span_kind = spans[si].kind if si < len(spans) and spans[si].start <= start < spans[si].end else None
        pars.append(_Par(start, end, line, _paragraph_kind(line, span_kind)))
    return pars


def _paragraph_kind(line: str, span_kind: str | None) -> str:
    if span_kind in ("author", "english", "table", "formula", "toc"):
        return span_kind
    if span_kind == "meta":
        return "meta"
    if span_kind == "notes":
        return "footnote"       # a page's footnote the PDF reader set apart
    if BANNER_RE.match(line):
        return "banner"
    if _ABSTRACT_RE.match(line):
        return "abstract"
    if _KEYWORDS_RE.match(line):
        return "keywords"
    if NOTES_RE.match(line):
        return "notes"
    if _REFS_RE.match(line) and (len(line) < 12 or _REFS_LABEL_EN_RE.match(line)) or _REFS_WITH_ENTRY_RE.match(line):
        return "refs"
    if is_heading_line(line) or line.strip() in UNNUMBERED_HEADINGS:
        return "heading"
    return "prose"


def _is_title_text(p: _Par) -> bool:
    return p.kind == "prose" and len(p.text) <= 60 and not p.text.endswith(("。", "，", "；", "：", ":", "？"))


# ---------------------------------------------------------------- article boundaries
def _article_cores(pars: list[_Par]) -> list[int]:
    """Indexes of the paragraphs that prove an article: its author line, or an abstract with none above."""
    abstracts = [i for i, p in enumerate(pars) if p.kind == "abstract"]
    texts = Counter(_ABSTRACT_RE.sub("", pars[i].text) for i in abstracts)
    seen: Counter = Counter()
    cores = []
    for i, p in enumerate(pars):
        if p.kind == "author":
            cores.append(i)
        elif p.kind == "abstract":
            body = _ABSTRACT_RE.sub("", p.text)
            seen[body] += 1
            if seen[body] < texts[body]:
                continue  # an abstract printed twice by the extraction: the later copy heads its article
            near = pars[max(0, i - 4):i]
            if not any(q.kind == "author" for q in near):
                cores.append(i)
    return cores


def _article_start(pars: list[_Par], core: int, floor: int) -> int:
    """First paragraph of the article whose author line / orphan abstract is `core`."""
    j = core - 1
    while j >= floor and j >= core - 3 and _is_title_text(pars[j]):
        j -= 1
    if j >= floor and pars[j].kind == "banner":
        return j
    title_start = j + 1
    # An essay's title and author printed at the foot of its first page: the essay began right
    # after the previous article's closing part (its author bio, editor line or English block).
    end = _last_article_end(pars, floor, title_start)
    return end + 1 if end is not None else title_start


def _last_article_end(pars: list[_Par], floor: int, stop: int) -> int | None:
    """Index of the last paragraph in [floor, stop) that closes an article, or None."""
    prose_seen = 0
    end = None
    for i in range(floor, stop):
        p = pars[i]
        if p.kind in ("prose", "heading"):
            prose_seen += 1
        elif p.kind == "english" or p.kind == "meta" and (
                re.match(r"^[（(]?责任编辑", p.text) or prose_seen >= 3 and _BIO_RE.match(_BIO_LABEL_RE.sub("", p.text))):
            end = i
            while end + 1 < stop and pars[end + 1].kind in ("meta", "english"):
                end += 1
            prose_seen = 0 if p.kind == "meta" else prose_seen
    return end


def _starts(pars: list[_Par]) -> list[int]:
    cores = _article_cores(pars)
    starts = []
    floor = 0
    for c in cores:
        s = _article_start(pars, c, floor)
        if starts and s <= starts[-1]:
            continue
        starts.append(s)
        floor = c + 1
    if not starts:
        return [0]
    if starts[0] > 0 and any(p.kind not in ("meta",) for p in pars[:starts[0]]):
        # leading text before the first recognised article belongs to it (an issue's front page)
        starts[0] = 0
    return starts


# ---------------------------------------------------------------- article fields
def split_articles(clean: CleanText, source: str) -> list[Article]:
    """The articles of one cleaned document, in order, each with its front matter and sections."""
    pars = _paragraphs(clean)
    if not pars:
        return []
    info = describe(clean.text, clean.running_heads)
    # only a journal issue holds several articles; any other document is one, whatever its layout
    starts = _starts(pars) if info.genre == "journal_issue" else [0]
    doc_year = _document_year(clean.text)
    articles = []
    column = ""
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(pars)
        chunk = pars[s:e]
        banner = next((p for p in chunk[:3] if p.kind == "banner"), None)
        if banner:
            column = banner.text.strip("【】 ")
        art = _article(n, chunk, column, doc_year, info.genre)
        _apply_document_info(art, info)
        if info.genre == "journal_issue":     # each article's own pages, from its article number
            art.pages = journal_fields(clean.text[art.start:art.end]).get("pages", "")
        articles.append(art)
    return articles


def _apply_document_info(art: Article, info: DocumentInfo) -> None:
    """Copy the document's genre and metadata (kb.genre) onto one of its articles."""
    art.genre, art.jurisdiction, art.issuer, art.date = info.genre, info.jurisdiction, info.issuer, info.date
    art.subtitle = info.subtitle
    art.journal = art.journal or info.journal
    art.issue = art.issue or info.issue
    if info.genre == "journal_issue":
        return          # title, authors, pages and year are each article's own
    art.pages = art.pages or info.pages
    # a body speaks in a report, plan or communiqué: its issuer is responsible, not a person, and a
    # spaced heading (`序 言`) that looks like a name is no author
    art.authors = info.authors if GENRES[info.genre].speaks_for_place else art.authors or info.authors
    art.affiliation = art.affiliation or info.affiliation
    art.year = info.year
    if info.title:
        art.title, art.title_flagged = info.title, info.title_flagged


def _article(index: int, pars: list[_Par], column: str, doc_year: int | None, genre: str = "other") -> Article:
    author_i = next((i for i, p in enumerate(pars) if p.kind == "author"), None)
    title, title_i = _title(pars, author_i)
    english = [p for p in pars if p.kind == "english"]
    en_title, en_authors, en_abstract = _english_parts(english)
    flagged = False
    if not title:
        flagged = True
        heading = next((p for p in pars if p.kind == "heading" and p.text.strip() not in UNNUMBERED_HEADINGS), None)
        title = en_title or (heading.text if heading else pars[0].text[:40])
    abstract = next((_ABSTRACT_RE.sub("", p.text) for p in pars if p.kind == "abstract"), "")
    kw = next((_KEYWORDS_RE.sub("", p.text) for p in pars if p.kind == "keywords"), "")
    keywords = [k.strip(" 。.") for k in _KEYWORD_SPLIT_RE.split(kw) if k.strip(" 。.")]
    authors = _authors(pars[author_i].text if author_i is not None else "", pars, en_authors)
    year = _article_year(pars) or doc_year
    return Article(index=index, title=title, start=pars[0].start, end=pars[-1].end, authors=authors,
                   column=column, abstract=abstract, keywords=keywords, english_title=en_title,
                   english_abstract=en_abstract, title_flagged=flagged, year=year,
                   sections=_sections(pars, genre))


def _title(pars: list[_Par], author_i: int | None) -> tuple[str, int | None]:
    """The Chinese title: the short lines right above the author line (or above the abstract of a
    paper with no author line), without the fund marker `*`."""
    anchor = author_i
    if anchor is None:
        anchor = next((i for i, p in enumerate(pars) if p.kind == "abstract"), None)
        if anchor is None or anchor > 3:
            return "", None
    lines = []
    j = anchor - 1
    while j >= 0 and len(lines) < 3 and _is_title_text(pars[j]):
        lines.insert(0, pars[j].text)
        j -= 1
    if not lines:
        return "", None
    if len(lines) > 1 and author_i is not None and j >= 0 and pars[j].kind not in ("banner", "meta", "english"):
        lines = lines[-1:]
    return "".join(re.sub(r"[*＊]+$", "", t.strip()) for t in lines), j + 1


def _english_parts(english: list[_Par]) -> tuple[str, str, str]:
    """(English title, English author line, English abstract) of an article's English block."""
    abstract_i = next((i for i, p in enumerate(english) if _EN_ABSTRACT_RE.match(p.text)), None)
    abstract = _EN_ABSTRACT_RE.sub("", english[abstract_i].text) if abstract_i is not None else ""
    keywords_i = next((i for i, p in enumerate(english) if _EN_KEYWORDS_RE.match(p.text)), None)
    # without an Abstract or Key Words line, English text is no title block (a licence footer, a URL)
    end = abstract_i if abstract_i is not None else keywords_i
    head = english[:end] if end is not None else []
    # the title lines sit right above the abstract; stray English (URLs in notes) stays out
    while head and (head[0].text.endswith(("。", "）", ".", ")")) or "http" in head[0].text
                    or len(head) > 3):
        head = head[1:]
    if not head:
        return "", "", abstract
    authors = ""
    if len(head) >= 2 and _EN_NAMES_RE.fullmatch(head[-1].text):
        authors = head[-1].text
        head = head[:-1]
    return " ".join(p.text for p in head).strip(), authors, abstract


_EN_NAMES_RE = re.compile(r"[A-Z][a-z]+(?:[ \-][A-Za-z][a-z]+)+")


def _pinyin_syllables(word: str) -> int:
    """Syllables of a pinyin given name ("Weipeng" 2, "Hui" 1): one per run of vowels."""
    return max(1, len(re.findall(r"[aeiouv]+", word.lower().replace("'", " "))))


def _english_name_sizes(en_authors: str) -> list[int]:
    """Characters per name from an English author line "Sun Hui Yuan Weipeng" -> [2, 3]."""
    tokens = en_authors.split()
    if len(tokens) < 2 or len(tokens) % 2:
        return []
    return [1 + _pinyin_syllables(tokens[i + 1]) for i in range(0, len(tokens), 2)]


def _authors(line: str, pars: list[_Par], en_authors: str) -> list[str]:
    """Names in a spaced-out author line, segmented by the author bios (作者简介：孙慧，女，…) or,
    failing that, by the number of names in the English author line."""
    if not line:
        return []
    byline = re.sub(r"^(?:文\s*[/／]\s*|作者\s*[:：]\s*)", "", line)
    if byline != line:
        return [n for n in re.split(r"[\s、，,]+", byline) if n]
    chars = line.replace(" ", "")
    bios = [m.group(1) for p in pars if p.kind == "meta" for m in [_BIO_RE.match(_BIO_LABEL_RE.sub("", p.text)) or _BIO_RE.match(p.text)] if m]
    names = _segment(chars, bios)
    if names:
        return names
    sizes = _english_name_sizes(en_authors)
    if sizes and sum(sizes) == len(chars):
        out, pos = [], 0
        for size in sizes:
            out.append(chars[pos:pos + size])
            pos += size
        return out
    if len(chars) <= 3:
        return [chars]
    if len(chars) % 3 == 0 and len(chars) % 2:
        return [chars[i:i + 3] for i in range(0, len(chars), 3)]
    if len(chars) % 2 == 0 and len(chars) % 3:
        return [chars[i:i + 2] for i in range(0, len(chars), 2)]
    return [chars]


def _segment(chars: str, bios: list[str]) -> list[str]:
    """Split `chars` into known names, in order; [] when the bios do not account for all of it."""
    out = []
    rest = chars
    for name in bios:
        if rest.startswith(name):
            out.append(name)
            rest = rest[len(name):]
    if rest and out:
        out.append(rest) if len(rest) <= 4 else None
        rest = "" if len(rest) <= 4 else rest
    return out if not rest and out else []


def _article_year(pars: list[_Par]) -> int | None:
    for p in pars[:15]:
        if p.kind == "meta":
            for rx in _YEAR_RES:
                m = rx.search(p.text)
                if m:
                    return int(m.group(1))
    return None


def _document_year(text: str) -> int | None:
    years = Counter(int(m.group(1)) for rx in _YEAR_RES[:2] for m in rx.finditer(text[:200000]))
    return years.most_common(1)[0][0] if years else None


# ---------------------------------------------------------------- sections
def _unlabelled_references(pars: list[_Par]) -> set[int]:
    """Indexes of a reference list printed without its 参考文献 label: from the first of three
    entries in a row to the last entry, English entries of a bilingual list included."""
    entries = [n for n, p in enumerate(pars) if p.kind in ("prose", "heading", "english") and is_reference_entry(p.text)]
    if any(p.kind == "refs" for p in pars):
        return set()
    for a, b, c in zip(entries, entries[1:], entries[2:]):
        if c - a == 2:
            return set(range(a, entries[-1] + 1))
    return set()


def _trailing_notes(pars: list[_Par]) -> int:
    """Index where a run of note entries closing the document begins (`[1]本公报…`, `①…`; at least
    two, a `资料来源` paragraph may follow), or len(pars) when there is none."""
    i = len(pars)
    while i > 0 and (NOTE_ENTRY_RE.match(pars[i - 1].text) or re.match(r"^\s*资料来源", pars[i - 1].text)):
        i -= 1
    entries = sum(1 for p in pars[i:] if NOTE_ENTRY_RE.match(p.text))
    return i if entries >= 2 else len(pars)


def _part_of(p: _Par, current: str) -> str:
    """The section kind a paragraph opens, or `current` when it continues the running part."""
    if p.kind == "abstract":
        return "abstract"
    if p.kind == "keywords":
        return "keywords"
    if p.kind == "notes":
        return "notes"
    if p.kind == "refs":
        return "references"
    if p.kind == "english":
        # a bilingual reference list gives each entry in English too
        return "references" if current == "references" and is_reference_entry(p.text) else "english"
    if current in ("notes", "references") and (p.kind not in ("heading", "banner") or current == "references"
                                               and (heading_style(p.text) or ("",))[0] == "num"):
        return current
    if current == "english" and p.kind in ("meta",):
        return "english"
    if p.kind in ("banner", "author", "meta"):
        return "front" if current in ("front", "abstract", "keywords") or p.kind != "meta" or _BIO_START_RE.match(p.text) else current
    if current in ("front", "abstract", "keywords", "english", "notes", "references") and p.kind in ("prose", "heading", "table"):
        if current == "front" and _is_title_text(p) and p.kind == "prose":
            return "front"
        return "body"
    return current


_STRAY_ENGLISH_CHARS = 120
_CAPTION_RE = re.compile(r"^(?:Fig|Figure|Tab|Table)\s*\.?\s*\d")

# Parts that are not the running text (kb.genre.special_section) and the heading styles that end
# them: the document's own outline (一、 （一） 第N章/节/篇), not the numbered items inside them.
_SPECIAL_PARTS = ("glossary", "box", "toc", "notes")
_OUTLINE_STYLES = ("cn", "paren_cn", "chapter")


_NOTES_LABEL_RE = re.compile(r"^\s*(?:注\s*释|附\s*注|注)\s*[:：]?\s*$")


def _special_part(p: _Par, current: str, genre: str, opener: str = "") -> str | None:
    """The special part (glossary, box, toc, notes) paragraph `p` opens or continues, else None.
    `opener` is the label line that opened the current part: a note written after `注：` on its own
    paragraph is a part of one paragraph; a `注释` label opens the notes that follow it."""
    if p.kind == "toc":
        return "toc"
    if p.kind == "footnote":
        return "notes"
    if p.kind in ("prose", "heading", "notes"):
        opened = special_section(genre, p.text)
        if opened:
            return opened
    if current == "notes" and not (_NOTES_LABEL_RE.match(opener) or NOTE_ENTRY_RE.match(p.text)
                                   or re.match(r"^\s*资料来源", p.text)):
        return None
    if current in ("glossary", "box", "notes"):
        if p.kind == "heading" and (heading_style(p.text) or ("",))[0] in _OUTLINE_STYLES:
            return None
        return current if p.kind not in ("abstract", "keywords", "refs", "english", "banner") else None
    return None


_RANK_IN_FAMILY = {"篇": 0, "部分": 0, "章": 1, "节": 2}


def _register_style(styles: list[tuple], style: tuple) -> None:
    """Add a heading style to the ordered list of levels. Styles take levels in the order they first
    appear, except inside one family, where the numbering itself says the order: 1 above 1.1 above
    1.1.1, 第N篇 above 第N章 above 第N节 (a paper whose first heading is 1.1 still puts 2 above it)."""
    def rank(st: tuple):
        return st[1] if st[0] == "num" else _RANK_IN_FAMILY.get(st[1], 3) if st[0] == "chapter" else None
    mine = rank(style)
    if mine is not None:
        family = [i for i, other in enumerate(styles) if other[0] == style[0]]
        above = [i for i in family if rank(styles[i]) < mine]
        below = [i for i in family if rank(styles[i]) > mine]
        if above:
            styles.insert(above[-1] + 1, style)
            return
        if below:
            styles.insert(below[0], style)
            return
    styles.append(style)


def _lead_styles(pars: list[_Par], genre: str) -> dict[int, tuple]:
    """{paragraph index: style} of the lead paragraphs that head a part of the text (see
    kb.headings): the lead kinds the genre uses (kb.genre), when at least two siblings under the
    same heading open the same way; and, where the genre numbers paragraphs, numbered paragraphs."""
    kinds = GENRES.get(genre, GENRES["other"]).lead_kinds
    found: dict[int, tuple] = {}
    groups: dict[tuple, list[int]] = {}
    group = 0
    for n, p in enumerate(pars):
        if p.kind == "heading":
            group = n
        if p.kind != "prose":
            continue
        style = heading_style(p.text)
        if "numbered" in kinds and style and style[0] in ("cn", "paren_cn", "paren_num", "num") \
                and not NUMERIC_PROSE_RE.match(p.text) and re.search("[。！？；]", p.text):
            found[n] = style
            continue
        kind = lead_kind(p.text)
        if kind in kinds and not SALUTATION_START_RE.match(p.text):
            groups.setdefault((group, kind), []).append(n)
    ordinal = [n for (g, kind), ns in groups.items() if kind == "ordinal" for n in ns]
    for (g, kind), ns in groups.items():
        # 第一，… leads count over the whole article (the seed papers' convention), the others per heading
        if len(ns) >= 2 and (kind != "ordinal" or len(ordinal) >= 2) or kind == "ordinal" and len(ordinal) >= 2:
            for n in ns:
                found[n] = ("lead", kind)
    return found


def _sections(pars: list[_Par], genre: str = "other") -> list[Section]:
    """Consecutive parts of the article; body parts split at headings, with heading paths.

    Numbered headings take levels in the order their styles first appear; lead paragraphs
    (kb.headings.lead_kind) nest one level below the heading they stand under."""
    leads = _lead_styles(pars, genre)
    styles: list[tuple] = []
    stack: list[tuple[int, str, bool]] = []      # (level, title, is a lead)
    sections: list[Section] = []
    part = "front"
    tail_notes = _trailing_notes(pars) if GENRES.get(genre, GENRES["other"]).section_kinds else len(pars)
    unlabelled_refs = _unlabelled_references(pars)
    front_end = next((n for n, p in enumerate(pars[:6]) if p.kind in ("abstract", "keywords")), 0)
    for n, p in enumerate(pars):
        opener = sections[-1].title if sections and part in _SPECIAL_PARTS else ""
        special = _special_part(p, part if part in _SPECIAL_PARTS else "", genre, opener) if n < tail_notes else "notes"
        if special:
            if special != part or p.kind != "toc" and special_section(genre, p.text):
                title = p.text.strip() if special in ("box", "glossary") or special_section(genre, p.text) else ""
                path = " > ".join([t for _, t, _ in stack] + [title]) if special == "box" and stack else (title or special)
                sections.append(Section(title=title, path=path, kind=special, level=0, start=p.start, end=p.end))
            else:
                sections[-1].end = p.end
            part = special
            continue
        resumed = part in _SPECIAL_PARTS     # the running text resumes after a box, note or glossary
        if resumed:
            part = "body"
        new_part = "references" if n in unlabelled_refs else _part_of(p, part)
        if n < front_end and new_part == "body":
            new_part = "front"        # authors and affiliations above a paper's abstract
        elif part == "body" and new_part == "english" and _CAPTION_RE.match(p.text):
            new_part = "body"         # a figure or table caption's English line, inside the body
        if new_part == "body" and _is_title_text(p) and n + 1 < len(pars) and pars[n + 1].kind == "author":
            new_part = "front"   # an essay's title printed inside its text
        style = None
        if new_part == "body" and (p.kind == "heading" or n in leads):
            style = leads.get(n) or heading_style(p.text)
        if style is not None:
            lead = style[0] == "lead"
            if lead:
                while stack and stack[-1][2] and stack[-1][1] != "":
                    stack.pop()           # a lead follows its sibling, under the same heading
                level = (stack[-1][0] if stack else 0) + 1
                title = lead_title(p.text)
            else:
                if style not in styles and style != ("plain",):
                    _register_style(styles, style)
                # 引言 / 结语 stand at the top level beside the numbered headings
                level = 1 if style == ("plain",) else styles.index(style) + 1
                title = p.text.strip() if p.kind == "heading" else lead_title(p.text)
            while stack and (stack[-1][0] >= level or not lead and stack[-1][2]):
                stack.pop()
            stack.append((level, title, lead))
            sections.append(Section(title=title, path=" > ".join(t for _, t, _ in stack), kind="body",
                                    level=level, start=p.start, end=p.end))
        elif new_part != part or not sections or resumed:
            if new_part not in ("body", "front") and not (part == "body" and new_part == "english"
                                                          and len(p.text) <= _STRAY_ENGLISH_CHARS):
                stack = []   # the heading tree ends where notes, references or English begin
                             # (not at a stray English line inside the body: a map label, a caption)
            path = " > ".join(t for _, t, _ in stack) if new_part == "body" and stack else new_part
            title = stack[-1][1] if new_part == "body" and stack else ""
            level = stack[-1][0] if new_part == "body" and stack else 0
            sections.append(Section(title=title, path=path, kind=new_part, level=level, start=p.start, end=p.end))
        else:
            sections[-1].end = p.end
        part = new_part
    return sections
