"""Document genre and metadata, told from the text (never from the file name), decided once.

`describe(text)` reads a cleaned document and returns a `DocumentInfo`: the genre, the real title,
the jurisdiction the document speaks for, the issuing body, the date and the year. Every later stage
reads these from the `Article` fields (kb/structure.py copies them there); none re-derives them.

Each genre's conventions live in ONE table, `GENRES` below: how the genre is told from the text,
what its title says, which stand-in title it gets when the text lost its title, how its year is read,
and which of its sections are notes, glossaries, boxes or tables of contents (kinds that search ranks
low and fact/strategy extraction skips).

What `year` means per genre (the facts engineer relies on it):
- work_report: the year of the report (2026 for the report delivered in January 2026). The report's
  review part (`2025年工作回顾`, `过去一年`) speaks of year - 1; its tasks and targets of `year`.
- communique: the year the communiqué reports on (2023 for `2023年…统计公报`, published in 2024).
- plan: the year the plan was issued (2026 for a 十五五 outline); its period is year .. year + 4.
- policy / other: the year of the document's date, else the year its title names.
- paper / journal_issue: the publication year when the text states it (文章编号, DOI, 年第N期),
  else None.
Missing metadata is empty ("" or None), never an error.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .extract.numbers import chinese_number

_HAN = "\u4e00-\u9fff"


# ---------------------------------------------------------------- the genre table
@dataclass(frozen=True)
class Genre:
    """The conventions of one genre."""
    name: str
    title_re: re.Pattern | None      # what a title of this genre says
    opening_re: re.Pattern | None    # a cue in the document's opening lines when the title is lost
    stand_in_title: str              # title when the text has none ({year}, {jurisdiction} filled in)
    speaks_for_place: bool           # True when the document speaks for a jurisdiction
    # section kinds: a heading/label matching the pattern opens a section of that kind
    section_kinds: tuple[tuple[str, re.Pattern], ...] = ()
    # lead paragraphs that head a part of the text (kb.headings.lead_kind), and "numbered" when a
    # numbered paragraph (`（一）聚焦…。深入实施…`) heads one as a heading line would
    lead_kinds: tuple[str, ...] = ("ordinal",)
    # which way in time the document looks where its top headings do not say (REVIEW_TOP_HEADING,
    # AHEAD_TOP_HEADING, read by kb.query.passage_tense): 1 back at work done (a communiqué), -1
    # ahead (a plan), 0 either
    looks: int = 0
    # whether its headings tell which way a part looks (a paper's 文献回顾, 对策建议 name topics)
    parts_by_heading: bool = True


# The salutation opening a speech or report (`各位代表：`, `同志们：`): a line of its own.
_SALUTATION = r"(?:各位代表|各位委员|同志们|女士们|先生们|朋友们|女士们、先生们)[！!:：，,]"
SALUTATION_RE = re.compile(rf"^{_SALUTATION}?$")
SALUTATION_START_RE = re.compile(rf"^{_SALUTATION}")

# Sections that are not the document's running text. Each opens at a label line and runs until a
# heading of the document's own outline (一、 （一） 第N章/节/篇) or another such label:
# glossary (名词解释 after a work report), box (专栏N inside a plan), toc (目录), notes (注释 /
# 注： / a communiqué's numbered notes at its end).
_GLOSSARY = ("glossary", re.compile(r"^\s*(?:附[:：]?\s*)?(?:名词解释|名词注释|名词术语解释|术语解释)\s*[:：]?\s*$"))
_TOC = ("toc", re.compile(r"^\s*[\u4e00-\u9fff]{0,8}目\s*录\s*$"))
_BOX = ("box", re.compile(r"^\s*专栏\s*[0-9０-９一二三四五六七八九十]+(?:\s|[\u4e00-\u9fff“]|$)"))
_NOTES = ("notes", re.compile(r"^\s*(?:注\s*释|附\s*注)\s*[:：]?\s*$|^\s*注\s*[:：]"))

_ALL_LEADS = ("ordinal", "shi", "dash", "sentence", "numbered")
GENRES: dict[str, Genre] = {g.name: g for g in (
    Genre("work_report", re.compile(r"工作报告$|^政府工作报告"),
          SALUTATION_START_RE, "政府工作报告", True, (_GLOSSARY, _BOX, _TOC, _NOTES), _ALL_LEADS),
    Genre("communique", re.compile(r"统计公报$|公报$"), None,
          "{year}年{jurisdiction}国民经济和社会发展统计公报", True, (_NOTES, _GLOSSARY, _TOC), ("ordinal",), looks=1),
    Genre("plan", re.compile(r"(?:规划|纲要|规划纲要)(?:[(（]草案[)）])?$"), None, "规划纲要", True,
          (_TOC, _BOX, _GLOSSARY, _NOTES), _ALL_LEADS, looks=-1),
    Genre("policy", re.compile(r"(?:意见|通知|办法|方案|规定|决定|条例|细则|措施|指引|通告|公告)$"), None,
          "", True, (_NOTES, _GLOSSARY, _TOC, _BOX), _ALL_LEADS),
    # papers: notes and references are told by kb.structure's own labels (注释, 参考文献); their
    # numbered paragraphs are often a review's points, not headings
    Genre("paper", None, None, "", False, (), ("ordinal",), parts_by_heading=False),
    Genre("journal_issue", None, None, "", False, (), ("ordinal",), parts_by_heading=False),
    Genre("other", None, None, "", True, (_TOC, _GLOSSARY, _BOX, _NOTES), ("ordinal", "shi", "dash")),
)}


# A communiqué's or report's notes at its end without a label: paragraphs opening with a note
# marker (`[26]火电包括…`, `①本公报…`).
NOTE_ENTRY_RE = re.compile(r"^\s*(?:\[\d{1,3}\]|［\d{1,3}］|[\u2460-\u2473])\s*\S")
# How a page's footnote opens: a circled, bracketed or parenthesised number, a star or dagger, `注1：`
# (digits alone are not enough: a table's last row may start with one).
NOTE_MARKER_RE = re.compile(r"^\s*(?:[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]|[\[［(（]\d{1,3}[\]］)）]"
                            r"|[*＊†‡]|注\s*\d*\s*[:：])")


def special_section(genre: str, text: str) -> str | None:
    """The kind of section ("glossary", "box", "toc", "notes") that a label line opens in a document
    of `genre`, or None for an ordinary line."""
    t = text.strip()
    for kind, rx in GENRES.get(genre, GENRES["other"]).section_kinds:
        # a box label may carry its first item, glued on by line joining; other labels stand alone
        if rx.match(t) and (kind == "box" and not re.search(r"\s\d{1,4}$", t) or len(t) <= 60):
            return kind
    return None


# How each genre is named to a reader (CLI tables, the app)
GENRE_LABELS = {"journal_issue": "期刊（合辑）", "paper": "论文", "work_report": "工作报告", "plan": "规划纲要",
                "communique": "统计公报", "policy": "政策文件", "other": "其他"}


@dataclass
class DocumentInfo:
    genre: str = "other"
    title: str = ""
    title_flagged: bool = False     # True when the title is a stand-in (the text has none)
    jurisdiction: str = ""
    issuer: str = ""
    date: str = ""                  # ISO date (2026-01-27, or 2026-04 when the day is not given)
    subtitle: str = ""              # where it was delivered (the dateline: 2026年1月14日在…会议上)
    year: int | None = None
    authors: list[str] = field(default_factory=list)
    affiliation: str = ""
    journal: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""


# ---------------------------------------------------------------- line patterns
# lines of the opening that are not the title
_DATELINE_RE = re.compile(r"^[—–\-]{1,2}.{0,40}(?:会议|大会|会上|上的报告)|^[—–\-]{1,2}\s*(?:\d{4}|[〇○一二]{4})\s*年|^[（(].{0,30}(?:\d{4}|[〇一二]{4})\s*年.{0,30}[）)]$"
                          r"|^(?:\d{4}|[〇○一二三四五六七八九]{4})\s*年.{0,12}日?在.{0,40}(?:会议|大会)")
_DATE_ONLY_RE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                           r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?$")
_ISSUER_RE = re.compile(rf"^[{_HAN}（）()·\s]{{2,30}}?(?:人民政府|政府办公厅|办公室|统计局|调查队|委员会|人民代表大会"
                        rf"|常务委员会|研究院|研究所|研究中心|厅|局|部)$")
_SOURCE_RE = re.compile(r"^(?:来源|时间|发布时间|发布日期|作者|编辑|责任编辑|字号|浏览次数)\s*[:：]")
_PERSON_RE = re.compile(rf"^(?:[{_HAN}]{{0,12}}(?:人民政府|政府))?[{_HAN}]{{0,12}}(?:省长|市长|主席|州长|县长|区长|总理|书记|主任)"
                        rf"\s*[{_HAN}·]{{2,12}}$|^[{_HAN}](?:[\s\u3000]+[{_HAN}]){{2,3}}$")
_CAPTION_RE = re.compile(r"记者.{0,20}(?:摄)?\s*$|摄\s*$")
_PUBLIC_RE = re.compile(r"^[（(]此件.{0,8}[)）]$")
_TERMINAL = tuple("。！？!?；;，,：:")


def front_matter_kind(line: str) -> str | None:
    """What a line of a document's opening is when it is not prose or title: "dateline"
    (`——2026年1月25日在…会议上`), "date", "issuer" (`洛阳市统计局`), "person" (`省长 李炳军`),
    "notice" (`（此件公开发布）`); None otherwise. kb.clean keeps such lines apart and marks them."""
    t = line.strip()
    c = _compact(t)
    if _DATELINE_RE.search(t):
        return "dateline"
    if _DATE_ONLY_RE.match(c):
        return "date"
    if len(c) <= 24 and _ISSUER_RE.match(c) and not _TITLE_WORDS.search(c):
        return "issuer"
    if _PERSON_RE.match(t):
        return "person"
    if _PUBLIC_RE.match(c):
        return "notice"
    if _DOC_NUMBER_RE.fullmatch(c):
        return "number"
    return None


def _is_title_line(line: str) -> bool:
    t = line.strip()
    return (2 <= len(t) <= 60 and not t.endswith(_TERMINAL) and not _DATELINE_RE.search(t)
            and not _DATE_ONLY_RE.match(t) and not _SOURCE_RE.match(t) and not _CAPTION_RE.search(t)
            and not _PUBLIC_RE.match(t) and not _PERSON_RE.match(t))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- dates and years
_NUM = r"(?:\d{1,4}|[〇○零一二三四五六七八九十]{1,4})"
_DATE_RE = re.compile(rf"({_NUM})\s*年\s*({_NUM})\s*月(?:\s*({_NUM})\s*日)?")


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    v = chinese_number(text.replace("○", "〇"))
    return int(v) if v is not None else None


def parse_date(text: str) -> tuple[str, int | None]:
    """(ISO date, year) of the first date in `text`: `2026年1月27日`, `二〇二六年一月二十七日`,
    `2026年4月` (ISO `2026-04`); ("", None) when there is none."""
    for m in _DATE_RE.finditer(text):
        y, mo = _number(m.group(1)), _number(m.group(2))
        d = _number(m.group(3)) if m.group(3) else None
        if y is None or not 1900 <= y <= 2100 or mo is None or not 1 <= mo <= 12:
            continue
        if d is not None and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}", y
        return f"{y:04d}-{mo:02d}", y
    return "", None


_YEAR_RE = re.compile(r"((?:19|20)\d\d)\s*年")
# a document number: 国发〔2020〕10号, 苏府发〔2026〕3号
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[（(［]((?:19|20)\d\d)[〕\]）)］]\s*\d{1,4}\s*号")


# ---------------------------------------------------------------- places
# A jurisdiction's name: a run of Han characters ending in an administrative unit, where a title,
# dateline or issuer line continues with what follows a place (its government, congress, statistics
# bureau, economy ...). `上海市长宁区` is one name (city + district).
_UNIT = r"(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|地区|县|区|旗)"
_AFTER_PLACE = (r"(?=人民政府|政府|国民经济|统计局|调查队|人民代表大会|第[一二三四五六七八九十\d]+届|\d{4}\s*年"
                r"|[〇一二]{4}年|委员会|发展和改革|[“\"]十|经济和社会|省长|市长|主席|州长|县长|区长)")
_PLACE_RE = re.compile(rf"(?:(?<![{_HAN}])|(?<=[年在]))(?![年日在])(?P<place>[{_HAN}]{{2,10}}?{_UNIT}){_AFTER_PLACE}")
_NATIONAL_RE = re.compile(r"国务院|全国代表大会上|中央委员会向大会|国家统计局(?![^\s]{0,6}调查队)|中华人民共和国(?:国民经济|国务院)")
_SELF_LEVEL_RE = re.compile(r"代表(省|市|自治区|自治州|州|县|区)人民政府")


def place_in(text: str) -> str:
    """The first jurisdiction named in a title, dateline or issuer line ("" when none)."""
    m = _PLACE_RE.search(_compact(text))
    return m.group("place") if m else ""


@functools.lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, str]]:
    """name -> (kind, full name) from kb/data/places.txt, for provinces and cities."""
    path = Path(__file__).parent / "data" / "places.txt"
    full: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        name, kind = cols[0], cols[1]
        canonical = cols[2] if len(cols) > 2 else name
        if kind not in ("province", "city"):
            continue
        kinds[canonical] = kind
        if name != canonical and name.startswith(canonical):
            full[canonical] = name
    return {c: (k, full.get(c, c + ("市" if k == "city" else ""))) for c, k in kinds.items()}


def _most_named_place(text: str, level: str) -> str:
    """The province or city (`level` 省/市/...) the text names most, in its full form, or ""."""
    wanted = "city" if level in ("市", "州", "县", "区") else "province"
    places = {c: v for c, v in _gazetteer().items() if v[0] == wanted}
    if not places:
        return ""
    pattern = re.compile("|".join(sorted(map(re.escape, places), key=len, reverse=True)))
    counts = Counter(m.group(0) for m in pattern.finditer(text))
    if not counts:
        return ""
    name, n = counts.most_common(1)[0]
    return places[name][1] if n >= 3 and n * 2 > sum(counts.values()) else ""


# ---------------------------------------------------------------- the opening
@dataclass
class _Opening:
    title_lines: list[str]
    datelines: list[str]
    issuers: list[str]
    dates: list[str]
    body_start: int        # index of the first body line


_BODY_START_RE = re.compile(r"^(?:各位代表|同志们)[:：]|^[\[［【(（]?\s*(?:摘\s*要|提\s*要|内容摘要)|^序\s*言$|^前\s*言$"
                            r"|^目\s*录$|^[一二三四五六七八九十]{1,3}[、．.]|^第[一二三四五六七八九十]+[章篇]")


def _opening(lines: list[str], limit: int = 25) -> _Opening:
    """The title block: title lines, datelines, issuer and date lines before the body starts.

    Prose lines (ending in a full stop) before the title block are skipped (a notice that was cut
    upstream); the title is the first run of title-like lines."""
    title: list[str] = []
    datelines, issuers, dates = [], [], []
    done_title = False
    i = 0
    for i, line in enumerate(lines[:limit]):
        t = line.strip()
        # a speech opening with its salutation has no title block: what follows is its first words
        if _BODY_START_RE.match(t) and (title or i > 0 or SALUTATION_START_RE.match(t)):
            return _Opening(title, datelines, issuers, dates, i)
        if _DATELINE_RE.search(t) or datelines and datelines[-1][-1] not in "上）)" and "会议" in t and len(t) < 30:
            datelines.append(t)
            done_title = done_title or bool(title)
        elif _DATE_ONLY_RE.match(_compact(t)) or _DOC_NUMBER_RE.fullmatch(_compact(t)):
            dates.append(_compact(t))
            done_title = done_title or bool(title)
        elif _ISSUER_RE.match(_compact(t)) and not (_TITLE_WORDS.search(t)):
            issuers.append(_compact(t))
            done_title = done_title or bool(title)
        elif _is_title_line(t) and not done_title:
            title.append(t)
        elif title or t.endswith(("。", "：", ":")) and len(t) > 60:
            if title:
                done_title = True
                if len(t) > 60:
                    return _Opening(title, datelines, issuers, dates, i)
    return _Opening(title, datelines, issuers, dates, min(len(lines), limit))


_TITLE_WORDS = re.compile(r"报告|公报|规划|纲要|意见|通知|办法|方案|决定|研究|分析")


def _join_title(lines: list[str]) -> str:
    return "".join(t.strip() for t in lines)


# ---------------------------------------------------------------- genre decision
_PAPER_LABEL_RE = re.compile(r"^[\[［【(（]?\s*(?:摘\s*要|提\s*要|内容摘要)|^[\[［【(（]?\s*关\s*键\s*词|^Abstract\s*[:：]?"
                             r"|^[\[［【]?\s*(?:主要)?参考文献|^Key\s*[Ww]ords?")
_KEYWORDS_LINE_RE = re.compile(r"^[\[［【(（]?\s*关\s*键\s*词")
_REPORT_OPENING_RE = re.compile(r"代表.{0,20}(?:向大会|向本次大会).{0,6}(?:作|报告)|向大会(?:作|报告)")
_COMMUNIQUE_BODY_RE = re.compile(r"全年全(?:省|市|州|区|县|国)|初步核算")


def _genre(lines: list[str], opening: _Opening, title: str) -> str:
    head = "\n".join(lines[:60])
    keywords = sum(1 for t in lines if _KEYWORDS_LINE_RE.match(t))
    labels = sum(1 for t in lines[:80] if _PAPER_LABEL_RE.match(t))
    if keywords >= 2:
        return "journal_issue"
    for name in ("work_report", "communique", "plan", "policy"):
        rx = GENRES[name].title_re
        if title and rx is not None and rx.search(_compact(title)):
            return name
    if labels:
        return "paper"
    if _REPORT_OPENING_RE.search(head) and any(GENRES["work_report"].opening_re.match(t) for t in lines[:40]):
        return "work_report"
    if any(t.endswith("统计局") for t in opening.issuers) and _COMMUNIQUE_BODY_RE.search(head):
        return "communique"
    return "other"


# ---------------------------------------------------------------- per-field rules
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _year(genre: str, lines: list[str], title: str, date_year: int | None, text: str) -> int | None:
    # years written in full-width digits (１９９４年) are read like ASCII ones
    lines = [t.translate(_FULLWIDTH_DIGITS) for t in lines]
    title, text = title.translate(_FULLWIDTH_DIGITS), text.translate(_FULLWIDTH_DIGITS)
    title_year = next((int(m.group(1)) for m in _YEAR_RE.finditer(_compact(title))), None)
    if genre == "work_report":
        if date_year:
            return date_year
        if title_year:
            return title_year
        return _report_year(lines)
    if genre == "communique":
        if title_year:
            return title_year
        opening = "".join(lines[:12])
        years = Counter(int(y) for y in _YEAR_RE.findall(opening))
        if years:
            return years.most_common(1)[0][0]
        return date_year - 1 if date_year else None
    if genre in ("paper", "journal_issue"):
        return publication_year(text)
    if genre == "plan":
        return date_year or title_year or five_year_plan_start(title)
    return date_year or title_year


_REVIEW_RE = re.compile(r"((?:19|20)\d\d)\s*年[^。，]{0,16}回顾|回顾[^。，]{0,6}((?:19|20)\d\d)\s*年")
_REPORTED_YEAR_RE = re.compile(r"(?<![到至至于\d])((?:19|20)\d\d)\s*年(?![代前后以])")
_HEADING_YEAR_RE = re.compile(r"^[一二三四五六七八九十]{1,3}、.{0,6}((?:19|20)\d\d)\s*年")


_FYP_RE = re.compile(r"第([一二三四五六七八九十]{1,3})个五年|[“\"]?十([一二三四五六七八九]?)五[”\"]?(?:时期|规划)")


def five_year_plan_start(title: str) -> int | None:
    """The first year of the five-year plan a title names: 第十五个五年规划 / “十五五”规划 -> 2026
    (the third plan began in 1966 and each one since five years later)."""
    m = _FYP_RE.search(title)
    if not m:
        return None
    n = int(chinese_number(m.group(1)) or 0) if m.group(1) else 10 + int(chinese_number(m.group(2)) or 0)
    return 1966 + 5 * (n - 3) if n >= 3 else None


def _report_year(lines: list[str]) -> int | None:
    """A work report without a date: the year after the one its review heading names, else the
    year its task heading names."""
    for t in lines:
        t = t.replace(" ", "")
        m = _REVIEW_RE.search(t) if len(t) < 40 else None
        if m:
            return int(m.group(1) or m.group(2)) + 1
    for t in lines:
        m = _HEADING_YEAR_RE.match(t.replace(" ", "")) if len(t) < 40 else None
        if m:
            return int(m.group(1))
    # a review of several years names no year in its heading: the year after the latest one its
    # first part reports on (targets, `到2035年`, are not reports)
    first_part = "".join(lines[:max(10, len(lines) // 3)])
    reported = [int(m.group(1)) for m in _REPORTED_YEAR_RE.finditer(first_part)]
    return max(reported) + 1 if reported else None


_PUB_YEAR_RES = (
    re.compile(r"文章编号\s*[:：]?\s*\d{4}\s*-\s*\d{3}[\dX]\s*[（(]\s*((?:19|20)\d\d)\s*[）)]"),
    re.compile(r"\d{4}-\d{3}[\dX]\s*[（(]((?:19|20)\d\d)[）)]"),
    re.compile(r"DOI\s*[:：]?\s*10\.\d{4,5}/[^\s]*?\.((?:19|20)\d\d)\.\d"),
    re.compile(r"((?:19|20)\d\d)\s*年\s*第\s*\d{1,2}\s*期"),
)


def publication_year(text: str) -> int | None:
    """A paper's publication year from its article number, ISSN line, DOI or issue line."""
    head = text[:20000]
    for rx in _PUB_YEAR_RES:
        m = rx.search(head)
        if m:
            return int(m.group(1))
    return None


def _jurisdiction(genre: str, opening: _Opening, title: str, lines: list[str], text: str) -> str:
    if not GENRES[genre].speaks_for_place:
        return ""
    named = [p for p in (place_in(source) for source in [title, *opening.datelines, *opening.issuers]) if p]
    if named:
        # the fullest form of the first place named: 长宁区 in a title, 上海市长宁区 in the dateline
        return max((p for p in named if p.endswith(named[0])), key=len)
    head = "\n".join(lines[:40])
    if _NATIONAL_RE.search(head):
        return "全国"
    m = _SELF_LEVEL_RE.search(head)
    level = m.group(1) if m else ""
    if not level:
        usage = Counter(re.findall(r"全(省|市|州|区|县)", text[:30000]))
        level = usage.most_common(1)[0][0] if usage else ""
    return _most_named_place(text[:60000], level) if level else ""


def _issuer(genre: str, opening: _Opening, jurisdiction: str, lines: list[str]) -> str:
    if opening.issuers:
        return "、".join(opening.issuers)
    if genre == "work_report":
        head = "\n".join(lines[:40])
        if "代表国务院" in head:
            return "国务院"
        m = _SELF_LEVEL_RE.search(head)
        if m and jurisdiction:
            return f"{jurisdiction}人民政府"
    return ""


# ---------------------------------------------------------------- the entry point
# ——在中国共产党第十九次全国代表大会上的报告, 2026年1月14日在浙江省第十四届人民代表大会第四次会议上: where a
# report was delivered (a dateline holding only a date, （2017年10月18日）, says no more than the date)
_OCCASION = re.compile(r"在.{2,40}?(?:会议|大会|会)(?:上的(?:报告|讲话))?上?|.{2,40}?(?:会议|大会)上的(?:报告|讲话)")
_ADOPTED = re.compile(r"通过|批准|印发|审定")


def occasion(datelines: list[str]) -> str:
    """Where the document was delivered, as its datelines say (without their dashes and brackets; a
    dateline broken over two lines joined), or ""; not where a policy was adopted (…会议上审议通过)."""
    said: list[str] = []
    for line in datelines:
        line = re.sub(r"^[—–\-（(\s]+|[）)\s]+$", "", line)
        if said and not said[-1].endswith(("上", "报告", "讲话")):
            said[-1] += line   # ——2026年1月26日在广东省第十四届 / 人民代表大会第五次会议上
        else:
            said.append(line)
    return " ".join(line for line in said if _OCCASION.search(line) and not _ADOPTED.search(line))


def describe(text: str, running_heads: list[str] | None = None) -> DocumentInfo:
    """Genre and metadata of a cleaned document (see the module docstring); the running heads the
    cleaning dropped may still name the journal and issue."""
    lines = [t for t in (ln.strip() for ln in text.split("\n")) if t]
    if not lines:
        return DocumentInfo()
    opening = _opening(lines)
    title = _join_title(opening.title_lines)
    genre = _genre(lines, opening, title)
    if genre == "journal_issue":
        title = ""          # each article's title is found by kb.structure beside its authors
    elif genre == "paper":
        title = paper_title(lines)
    authors, affiliation = paper_front(lines) if genre == "paper" else ([], "")
    date, date_year = "", None
    # a policy document or notice dates itself at its end, under the issuer's name
    closing = [t for t in lines[-6:] if _DATE_ONLY_RE.match(_compact(t))] if genre in ("policy", "other") else []
    for source in opening.datelines + opening.dates + closing:
        date, date_year = parse_date(source)
        if date:
            break
    if date_year is None:
        m = _DOC_NUMBER_RE.search("\n".join(lines[:12]))
        date_year = int(m.group(1)) if m else None
    year = _year(genre, lines, title, date_year, text)
    info = DocumentInfo(genre=genre, title=tidy_title(title), date=date, year=year, authors=authors,
                        affiliation=affiliation,
                        subtitle="" if genre in ("paper", "journal_issue") else occasion(opening.datelines))
    if genre in ("paper", "journal_issue"):
        for key, value in journal_fields("\n".join([*(running_heads or []), text])).items():
            setattr(info, key, value)
    info.jurisdiction = _jurisdiction(genre, opening, title, lines, text)
    info.issuer = _issuer(genre, opening, info.jurisdiction, lines)
    if genre not in ("paper", "journal_issue") and opening.issuers and title and not place_in(title) \
            and _issuer_right_above(lines, opening):
        info.title = tidy_title(opening.issuers[0] + title)
    if not info.title and GENRES[genre].stand_in_title:
        info.title = GENRES[genre].stand_in_title.format(year=year or "", jurisdiction=info.jurisdiction)
        info.title_flagged = True
    return info


def _issuer_right_above(lines: list[str], opening: _Opening) -> bool:
    """True when the issuer line stands right above the first title line (`淮安市人民政府` /
    `2024年政府信息公开工作年度报告`): the two print one title."""
    if not opening.title_lines:
        return False
    i = lines.index(opening.title_lines[0]) if opening.title_lines[0] in lines else -1
    return i > 0 and _compact(lines[i - 1]) == opening.issuers[0]


# ---------------------------------------------------------------- papers: title and authors
_ABSTRACT_LABEL_RE = re.compile(r"^[\[［【(（]?\s*(?:摘\s*要|提\s*要|内容摘要)")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# an author line: names with affiliation numbers (`刘慧1.2.3 刘卫东1.2.3`, `蔡高明¹,²，李志斌³`), a
# byline (`文 / 王珺琪`), or one name
_NAME = rf"[{_HAN}·]{{2,4}}[\d{_SUPERSCRIPTS},，.*\s]*"
_AUTHOR_LINE_RE = re.compile(rf"^(?:文\s*[/／]\s*|作者\s*[:：]\s*)|^{_NAME}(?:[，,、\s]+{_NAME})+(?:[(（]|$)|^[{_HAN}·]{{2,4}}$")
_AFFILIATION_RE = re.compile(r"大学|学院|研究院|研究所|研究中心|实验室|科学院|[（(]\s*\d?\s*[\u4e00-\u9fff]{2,}.{0,40}\d{6}")
_COLUMN_HEADER_RE = re.compile(r"^(?:专题|专栏|栏目|特稿|笔谈)\s*[:：]|[A-Za-z]{3,}(?:\s+[A-Za-z]{2,}){2,}")
_SUBTITLE_RE = re.compile(r"^(?:——|—|-|－|一(?![、．.]))\s*(?=\S)")
_CASE_SUBTITLE_RE = re.compile(rf"(?<![—\-])(以[{_HAN}“”]{{2,20}}为例)$")


def paper_title(lines: list[str]) -> str:
    """A paper's Chinese title from the lines before its abstract: without the journal's column
    header, the authors, their affiliations, English or an image; a subtitle is kept after ——.
    "" when the text before the abstract holds no title (the extraction lost it)."""
    return _paper_title_lines(lines)[0]


def _paper_title_lines(lines: list[str]) -> tuple[str, int]:
    """(title, index of the first line after it) of a paper; ("", 0) when there is none."""
    end = next((i for i, t in enumerate(lines[:30]) if _ABSTRACT_LABEL_RE.match(t)), None)
    if end is None:
        return "", 0
    parts: list[str] = []
    after = 0
    for i, t in enumerate(lines[:end]):
        after = i
        if _AUTHOR_LINE_RE.match(t) or _AFFILIATION_RE.search(t) and parts:
            break
        if _COLUMN_HEADER_RE.search(t) or t.startswith("![") or len(t) > 80 or _han_share(t) < 0.5:
            continue
        if parts and not _SUBTITLE_RE.match(t):
            if len(parts) >= 2:
                break
            parts.append(t)   # a title printed over two lines
            continue
        parts.append(t)
    else:
        after = end
    if not parts:
        return "", 0
    title = parts[0]
    for t in parts[1:]:
        m = _SUBTITLE_RE.match(t)
        title = title + "——" + t[m.end():] if m else title + t
    return tidy_title(title), after


def _han_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    return sum(1 for c in chars if "\u4e00" <= c <= "\u9fff") / len(chars) if chars else 0.0


def tidy_title(title: str) -> str:
    """A title as printed, with conversion damage undone: fund markers (`*`, `\\*`) and spaces next
    to digits dropped, an opening quote the OCR read as a digit restored, a subtitle's lost or
    shortened dash (`？-中国…`, `…研究以山西省为例`) written as ——."""
    t = re.sub(r"\\?[*＊]", "", title).strip()
    t = re.sub(r"(?<=\d)\s+(?=[^\s\dA-Za-z])|(?<=[^\s\dA-Za-z])\s+(?=\d)", "", t)
    if t.count("”") > t.count("“"):
        t = re.sub(r"^\d\s*", "“", t)
    t = re.sub(rf"(?<=[{_HAN}？?])\s*(?:-|－|—)\s*(?=[{_HAN}])", "——", t)
    if "——" not in t:
        t = _CASE_SUBTITLE_RE.sub(r"——\1", t)
    return re.sub(r"(?<=[“”])\s+|\s+(?=[“”])", "", t)


# ---------------------------------------------------------------- where each genre proposes
# Read by kb.extract.strategies: which parts of a document of each genre state its proposals.
@dataclass(frozen=True)
class ProposalRules:
    """Where a genre states what it proposes.

    scope "tasks": every body part is proposals unless a heading on its path is a `framing` one
    (a review, the background, the guiding ideas or the targets) and does not also name tasks;
    scope "headings": only parts under a heading that announces proposals (对策, 建议 …);
    scope "none": the genre proposes nothing.
    """
    scope: str
    framing: re.Pattern | None = None


# Which way a part of a report looks, told by its heading: back at the work done (一、2025年工作回顾,
# 发展成就, 坚实基础) or ahead at tasks and targets (三、2026年重点工作, 主要目标任务, 工作安排), as the facts'
# period reading (kb/extract/fact_periods.py) reads any heading on a fact's path. Not 总结 or 建议: on a
# path they head tasks as often as reviews (（三）及时总结推广经验, 办理代表建议).
REVIEW_HEADING = re.compile(r"回顾|过去|成就|成绩|成效|进展|开局|(?:发展|现实|坚实|良好)基础|现状")
AHEAD_HEADING = re.compile(r"安排|任务|目标|部署|总体要求|重点工作")
# The top headings search reads for a passage's tense (kb.query.passage_tense): stricter words than the
# two above, which read a whole heading path (a report's 二、…总体要求和政策取向 frames the year rather
# than planning it). Search with the two above lost 2 of 30 held-out questions over the national
# reports (`queries_ext_heldout.jsonl`, s@1 0.63 → 0.57) and no tuning question: these stay.
REVIEW_TOP_HEADING = re.compile(r"回顾|成就|过去|总结|进展|成效")
AHEAD_TOP_HEADING = re.compile(r"重点工作|工作安排|主要任务|工作任务|目标任务|主要目标|总体部署|建议|重点任务")

# Heading words of the parts that frame a report's, plan's or policy's proposals. A list of its own,
# not REVIEW_HEADING / AHEAD_HEADING: it decides what the strategies skip and was chosen on the
# strategies gold, where a sub-heading such as （三）…取得新进展 heads measures, not a review.
_REVIEW = r"回顾|成就|成效|总结|过去|五年来|一年来"
_FRAMING_PLAN = (_REVIEW + r"|发展基础|发展环境|形势|机遇|挑战|指导思想|指导方针|基本原则|基本要求|"
                 r"主要目标|发展目标|奋斗目标|远景目标|总体目标|新阶段|新特点|新起点|开局")
_FRAMING_POLICY = (r"总体要求|指导思想|基本原则|工作原则|主要目标|工作目标|发展目标|总体目标|"
                   r"背景|意义|适用范围|总则|附则|术语|定义")
# Heading words that name tasks even beside framing words ("主要目标任务", "主要目标和战略举措").
# The word closes the heading or one of its joined parts: `底线任务牢牢守住。` (a review's lead
# sentence) names no tasks.
TASK_HEADING_RE = re.compile(r"(?:任务|举措|措施|部署|安排|重点工作|工作建议|政府工作的建议)(?=[。：:]?$|[和与及、，])")

PROPOSAL_RULES: dict[str, ProposalRules] = {
    "work_report": ProposalRules("tasks", re.compile(_REVIEW)),
    "plan": ProposalRules("tasks", re.compile(_FRAMING_PLAN)),
    "policy": ProposalRules("tasks", re.compile(_FRAMING_POLICY)),
    "communique": ProposalRules("none"),
    "paper": ProposalRules("headings"),
    "journal_issue": ProposalRules("headings"),
    "other": ProposalRules("headings"),
}


def proposal_rules(genre: str) -> ProposalRules:
    """The proposal rules of a genre; an unknown genre goes by the general ("other") rules."""
    return PROPOSAL_RULES.get(genre, PROPOSAL_RULES["other"])


_NAME_TOKEN_RE = re.compile(rf"[\s,，、;；]*([{_HAN}·]{{2,4}})([\d{_SUPERSCRIPTS},，.、*＊\s]*)")
_BYLINE_PREFIX_RE = re.compile(r"^(?:文\s*[/／]\s*|作者\s*[:：]\s*)")


def paper_authors(line: str) -> list[str]:
    """Author names from a paper's author line: `刘慧1.2.3 刘卫东1.2.3`, `蔡高明¹,²，李志斌³，…`,
    `张彬，谢贤健，杨联安²，郭金铭(1内江师范学院…)`; the names stop where the affiliation begins."""
    text = _BYLINE_PREFIX_RE.sub("", line.strip())
    names, pos = [], 0
    while pos < len(text):
        m = _NAME_TOKEN_RE.match(text, pos)
        if not m:
            break
        end = m.end()
        if not m.group(2) and end < len(text) and text[end] not in "（(":
            break          # a name is followed by its affiliation number, a separator, or the end
        names.append(m.group(1))
        pos = end
        if end < len(text) and text[end] in "（(":
            break
    return names


_ARTICLE_NUMBER_RE = re.compile(r"(\d{4}\s*-\s*\d{3}[\dX])\s*[（(]\s*((?:19|20)\d\d)\s*[）)]\s*(\d{1,2})\s*-\s*(\d{3,4})\s*-\s*(\d{1,3})")
_ISSUE_LINE_RE = re.compile(rf"^([{_HAN}A-Za-z·]{{2,16}})\s*((?:19|20)\d\d)\s*年\s*第\s*(\d{{1,2}})\s*期\s*$", re.M)


def journal_fields(text: str) -> dict[str, str]:
    """journal / issue / pages of a paper when its text states them: the issue line of a running
    head (`区域经济评论 2020年第5期`) or the article number (`1000-6060(2019)03-0625-11`: issue 3,
    pages 625-635)."""
    out: dict[str, str] = {}
    m = _ISSUE_LINE_RE.search(text[:300000])
    if m:
        out.update(journal=m.group(1), issue=str(int(m.group(3))))
    m = _ARTICLE_NUMBER_RE.search(text[:20000])
    if m:
        first, count = int(m.group(4)), int(m.group(5))
        out.setdefault("issue", str(int(m.group(3))))
        out["pages"] = f"{first}-{first + count - 1}"
    return out


def paper_front(lines: list[str]) -> tuple[list[str], str]:
    """(authors, affiliation) from the lines before a paper's abstract."""
    end = next((i for i, t in enumerate(lines[:30]) if _ABSTRACT_LABEL_RE.match(t)), None)
    if end is None:
        return [], ""
    authors: list[str] = []
    affiliation: list[str] = []
    title, start = _paper_title_lines(lines)
    for t in lines[start if title else 0:end]:
        if not authors and not t.startswith("![") and not _COLUMN_HEADER_RE.search(t) and paper_authors(t) \
                and (title or _AUTHOR_LINE_RE.match(t)):
            authors = paper_authors(t)
            rest = re.search(r"[（(](.+)[)）]?\s*$", t)
            if rest and _AFFILIATION_RE.search(rest.group(1)):
                affiliation.append(rest.group(1).rstrip("）)"))
        elif authors and _AFFILIATION_RE.search(t):
            affiliation.append(t)
    cleaned = [re.sub(r"^[\d\s.、]+", "", a).strip() for a in affiliation]
    return authors, "；".join(a for a in cleaned if a)
