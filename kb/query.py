"""Query understanding: a question analysed once into what every ranker reads.

    q = analyse("2024年全国GDP总量及增速", places=Gazetteer(["上海市长宁区", "全国"]))
    q.tokens, q.expansions, q.places, q.years, q.asks_for

What the KB knows about wording goes in here: indicator synonyms (the facts catalogue
kb/data/indicators.tsv plus kb/data/query_terms.tsv), region aliases, planning periods, the short
names of the jurisdictions the KB's documents speak for, how words are shortened (固废 ← 固体废物; the
Searcher reads the shortenings of its own vocabulary), and the section kinds a question asks for
(notes, glossaries, contents, references) that are otherwise ranked low.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.genre import AHEAD_TOP_HEADING, GENRES, REVIEW_TOP_HEADING
from kb.tokenize import general_frequency, normalise, query_terms, tokens

TERMS_FILE = Path(__file__).parent / "data" / "query_terms.tsv"
QUESTION_WORDS = "question"     # the table's kind for words a question asks with
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")

# Words by which a question asks for a section kind that ranking otherwise sinks.
ASKS_FOR = {
    # 是什么时候 / 是什么样 ask when and how, not for a definition
    "glossary": re.compile(r"名词解释|什么意思|是什么(?!时候|时间|样)|指什么|是指|含义|定义|概念"),
    # a communiqué gives the year before's finally verified (最终核实) figures in its notes
    "notes": re.compile(r"注释|注解|脚注|说明|口径|核实"),
    "toc": re.compile(r"目录|章节|篇章"),
    "references": re.compile(r"参考文献|文献|引用|出处"),
}
# Which way in time a question looks: back at what was done (建了多少, 累计, 去年) or ahead at what is
# planned (计划, 目标, 今后); and which way a section looks, by its top heading (一、2025年工作回顾,
# 三、2026年重点工作) or its genre (kb.genre.Genre.looks: a plan looks ahead, a communiqué back).
_DONE = re.compile(r"(?<![为除])了(?!解)|已经|已有|累计|去年|上年|过去|以来|取得|建成|完成")
_AHEAD = re.compile(r"计划|打算|准备|目标|今后|未来|将要|拟|部署|规划")
# Administrative suffixes, longest first; what is left is the short name people use (长宁, 新疆).
_ADMIN_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|地区|新区|省|市|州|盟|县|区|旗)$")
_ADMIN_PART = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|县|区|旗)")
# Ethnic names inside autonomous-region names (新疆维吾尔自治区 → 新疆, 黔东南苗族侗族自治州 → 黔东南).
_ETHNIC = re.compile("(?:" + "|".join(
    "维吾尔 哈萨克 柯尔克孜 蒙古族 朝鲜族 土家族 布依族 哈尼族 仡佬族 景颇族 傈僳族 纳西族 拉祜族 达斡尔族 鄂温克族 "
    "撒拉族 东乡族 保安族 裕固族 回族 壮族 藏族 苗族 侗族 彝族 傣族 白族 羌族 黎族 瑶族 畲族 水族 佤族 满族 土族 各族"
    .split()) + ")+$")
# Whole-country jurisdictions: a question saying 全国 or 我国 names them.
NATIONAL = ("全国", "中国", "我国")


@dataclass(frozen=True)
class TermGroup:
    kind: str                 # indicator, place, period, wording
    terms: tuple[str, ...]    # normalised spellings (lower case)
    years: tuple[int, int] | None = None   # for a period: first and last year


@dataclass
class Query:
    """One analysed question; every ranker reads this instead of re-normalising the text."""
    text: str                                   # as typed, trimmed and truncated
    normalised: str                             # kb.tokenize.normalise(text)
    # BM25 tokens of the text, each word once (precise mode): the index holds compounds and their
    # parts, so a compound in the question matches either, without counting its parts again
    tokens: list[str]
    expansions: list[tuple[str, ...]] = field(default_factory=list)   # per matched group: other spellings
    places: list[str] = field(default_factory=list)      # KB jurisdictions the question names
    years: tuple[int, int] | None = None         # years the question is about (十四五, 2024年末)
    asks_for: set[str] = field(default_factory=set)      # section kinds asked for
    tense: int = 0                              # 1: asks what was done, -1: what is planned, 0: either
    english: bool = False

    @property
    def has_words(self) -> bool:
        return bool(_WORD.search(self.text))

    @property
    def dense_text(self) -> str:
        """What the query embedding is computed from: the question plus one spelling per synonym group."""
        return " ".join([self.text, *(group[0] for group in self.expansions)])

    @property
    def terms(self) -> list[str]:
        """Words worth highlighting in a hit: the question's and its synonyms'."""
        return query_terms(" ".join([self.text, *(t for g in self.expansions for t in g)]))


class Gazetteer:
    """The jurisdictions of a KB and the names a question may use for each (上海市长宁区 ← 长宁)."""

    def __init__(self, jurisdictions):
        self.names: dict[str, set[str]] = {}
        for j in {j for j in jurisdictions if j}:
            for name in place_names(j):
                self.names.setdefault(name, set()).add(j)
        self._pattern = (re.compile("|".join(map(re.escape, sorted(self.names, key=len, reverse=True))))
                         if self.names else None)

    def places_in(self, normalised: str) -> list[str]:
        """Jurisdictions named in the (normalised) question, in order of mention, no repeats."""
        if self._pattern is None:
            return []
        found: list[str] = []
        for m in self._pattern.finditer(normalised):
            for j in sorted(self.names[m.group(0)]):
                if j not in found:
                    found.append(j)
        return found


def place_names(jurisdiction: str) -> list[str]:
    """Names that refer to `jurisdiction`: itself, each administrative part, and their short forms
    (上海市长宁区 → 上海市长宁区, 上海市, 上海, 长宁区, 长宁). Short forms under two characters are
    too ambiguous to use."""
    j = normalise(jurisdiction).replace(" ", "")
    if j in NATIONAL:
        return list(NATIONAL)
    names = [j]
    parts = _ADMIN_PART.findall(j) or [j]
    for part in parts:
        names.append(part)
        short = _ETHNIC.sub("", _ADMIN_SUFFIX.sub("", part))
        if len(short) >= 2:
            names.append(short)
    return list(dict.fromkeys(names))


def _table_rows() -> list[tuple[str, list[str]]]:
    """(kind, normalised terms) of each line of the curated table."""
    rows = []
    for line in TERMS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, terms = line.partition("\t")
            rows.append((kind, [normalise(t.strip()) for t in terms.split("|") if t.strip()]))
    return rows


@functools.lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    """Words a question asks with (情况, 方面, 打算 ...): not what it asks about, so no ranker's
    evidence; the stopwords (kb/data/stopwords.txt) already drop 什么, 如何, 多少."""
    return frozenset(t for kind, names in _table_rows() if kind == QUESTION_WORDS for t in names)


@functools.lru_cache(maxsize=1)
def term_groups() -> tuple[TermGroup, ...]:
    """Synonym groups: the indicator catalogue's, then the curated table's."""
    from kb.extract.indicators import synonym_pairs   # the catalogue's own reading of its file
    by_canonical: dict[str, list[str]] = {}
    for synonym, canonical in synonym_pairs():
        by_canonical.setdefault(canonical, [canonical]).append(synonym)
    groups = [TermGroup("indicator", tuple(dict.fromkeys(normalise(t) for t in terms)))
              for terms in by_canonical.values()]
    for kind, names in _table_rows():
        if kind == QUESTION_WORDS:
            continue
        if kind == "period":
            groups.append(TermGroup(kind, (names[0],), (int(names[1]), int(names[2]))))
        else:
            groups.append(TermGroup(kind, tuple(dict.fromkeys(names))))
    return tuple(g for g in groups if len(g.terms) > 1 or g.years)


@functools.lru_cache(maxsize=1)
def _term_index() -> tuple[re.Pattern, dict[str, list[TermGroup]]]:
    index: dict[str, list[TermGroup]] = {}
    for g in term_groups():
        for t in g.terms:
            index.setdefault(t, []).append(g)
    return re.compile("|".join(map(re.escape, sorted(index, key=len, reverse=True)))), index


def matched_groups(normalised: str) -> list[tuple[str, TermGroup]]:
    """(term as found, group) for each synonym group the question uses; the longest term wins
    where terms overlap (地区生产总值 rather than 生产总值)."""
    pattern, index = _term_index()
    found = []
    for m in pattern.finditer(normalised):
        for g in index[m.group(0)]:
            if all(g is not other for _, other in found):
                found.append((m.group(0), g))
    return found


def period_of(normalised: str, groups: list[tuple[str, TermGroup]]) -> tuple[int, int] | None:
    """The years a question is about: a named planning period, else the years it writes (2024年末)."""
    for _, g in groups:
        if g.years:
            return g.years
    years = sorted(int(y) for y in _YEAR.findall(normalised))
    return (years[0], years[-1]) if years else None


class Shortenings:
    """How a question's words are shortened or spelled out in a KB: a Chinese compound of two
    two-character words is shortened to their first characters (固体废物 → 固废, 技术改造 → 技改, 严厉
    打击 → 严打), also as the leading part of a longer word (自由贸易试验区 → 自贸试验区). A question
    word is read as the KB's other spelling of it (a synonym group) when that spelling is the only
    one at least RARER times as frequent in the KB as the word, and the short form is not a word of
    general Chinese in its own right (公安 is not 公共安全, 以为 not 以人为本: jieba's dictionary
    counts them COMMON_WORD times or more)."""

    RARER = 3
    COMMON_WORD = 1000

    def __init__(self, words, frequency):
        """`words`: the KB's vocabulary; `frequency(list of words)`: in how many passages each occurs."""
        self._frequency = frequency
        self._long: dict[str, list[str]] = {}
        for w in words:
            if len(w) == 4 and _HAN.fullmatch(w):
                self._long.setdefault(w[0] + w[2], []).append(w)

    def groups(self, q: "Query") -> list[tuple[str, ...]]:
        """One group per question word the KB spells otherwise: (the KB's spelling,)."""
        found: list[tuple[str, ...]] = []
        for word in dict.fromkeys(q.tokens):
            pairs = [(other, short) for other, short in self.spellings(word)
                     if other not in q.normalised and general_frequency(short) < self.COMMON_WORD
                     and not any(other in group for group in q.expansions)]
            if not pairs:
                continue
            own, *others = self._frequency([word, *(other for other, _ in pairs)])
            kept = [other for (other, _), df in zip(pairs, others) if df > own * self.RARER]
            if len(kept) == 1 and (kept[0],) not in found:
                found.append((kept[0],))
        return found

    def spellings(self, word: str) -> list[tuple[str, str]]:
        """(other spelling, the short form of the two) of a word: its leading compound shortened
        (自由贸易试验区 → 自贸试验区) or its leading short form spelled out (技改 → 技术改造)."""
        if not _HAN.fullmatch(word) or len(word) < 2:
            return []
        shorter = [(word[0] + word[2] + word[4:],) * 2] if len(word) >= 4 else []
        return shorter + [(long + word[2:], word) for long in self._long.get(word[:2], [])]


def question_tense(normalised: str) -> int:
    """1 when the question asks what was done (建了多少), -1 what is planned (计划), 0 both or neither."""
    done, ahead = bool(_DONE.search(normalised)), bool(_AHEAD.search(normalised))
    return int(done) - int(ahead)


def passage_tense(section: str | None, genre: str | None) -> int:
    """1 when a passage's section reviews what was done, -1 when it plans ahead, 0 neither or both:
    read from its top heading (一、2025年工作回顾 / 三、2026年重点工作), else its genre. 0 for a genre
    whose headings name topics rather than times (a paper's 文献回顾, 对策建议: Genre.parts_by_heading)."""
    conventions = GENRES.get(genre or "other", GENRES["other"])
    if not conventions.parts_by_heading:
        return 0
    top = (section or "").split(" > ", 1)[0]
    back, ahead = bool(REVIEW_TOP_HEADING.search(top)), bool(AHEAD_TOP_HEADING.search(top))
    if back or ahead:
        return int(back) - int(ahead)
    return conventions.looks


def analyse(text: str, gazetteer: Gazetteer | None = None, max_chars: int = 500) -> Query:
    """The analysed form of a question (empty or punctuation-only text gives a Query without words)."""
    text = (text or "").strip()[:max_chars]
    normalised = normalise(text)
    groups = matched_groups(normalised)
    expansions = []
    for found, g in groups:
        others = tuple(t for t in g.terms if t != found and t not in normalised)
        if others and not g.years:
            expansions.append(others)
    asks_for = {kind for kind, pattern in ASKS_FOR.items() if pattern.search(normalised)}
    english = bool(_LATIN.search(text)) and not _HAN.search(text)
    if english:
        asks_for.add("english")
    asking = question_words()
    words = [w for w in tokens(text, parts=False) if w not in asking]
    return Query(text=text, normalised=normalised, tokens=words, expansions=expansions,
                 places=gazetteer.places_in(normalised) if gazetteer else [],
                 years=period_of(normalised, groups), asks_for=asks_for, english=english,
                 tense=question_tense(normalised))
