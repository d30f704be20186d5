"""Words for keyword search: jieba with a policy-term dictionary, normalised text, no stopwords.

The same `tokens()` serves the BM25 index and the query, so both sides split alike. A private
`jieba.Tokenizer` (not jieba's global one) keeps the dictionary explicit and loaded once.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import jieba

DATA = Path(__file__).parent / "data"
USERDICT = DATA / "userdict.txt"
STOPWORDS = DATA / "stopwords.txt"

_MARKERS = re.compile("[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
# PDF extraction breaks lines inside words; a break between two CJK characters is not a word gap.
_CJK_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# PDF extraction also pads Latin words and numbers inside Chinese (人均 ＧＤＰ是 ９５０９３元), but only
# sometimes; unpadded, jieba keeps dictionary terms such as 人均gdp whole, so the two spellings
# must tokenise alike. Spaces between two Latin words are real and stay.
_CJK_PAD = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[0-9a-z%])|(?<=[0-9a-z%])[ \t\u3000]+(?=[\u4e00-\u9fff])")
_WORDISH = re.compile(r"[\w\u4e00-\u9fff]")


def normalise(text: str) -> str:
    """Text in the comparable form analysis uses: half-width, lower-case, no footnote markers, no
    padding between Chinese and Latin/digits."""
    return _CJK_PAD.sub("", join_broken_lines(_MARKERS.sub("", _analysis_text()(text))).lower())


@functools.lru_cache(maxsize=1)
def _analysis_text():
    """kb.clean.analysis_text (the cleaning stage owns this normalisation), else NFKC."""
    try:
        from kb.clean import analysis_text
        return analysis_text
    except ImportError:
        return lambda text: unicodedata.normalize("NFKC", text)


def join_broken_lines(text: str) -> str:
    """`text` with line breaks inside CJK runs removed (what embedding and tokenising both read)."""
    return _CJK_BREAK.sub("", text)


@functools.lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The jieba tokenizer with the policy-term dictionary loaded (built once per process)."""
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    if USERDICT.exists():
        tok.load_userdict(str(USERDICT))
    return tok


def general_frequency(word: str) -> int:
    """How often jieba's dictionary of general Chinese counts `word` (0 when it does not list it):
    公安 2800, 技改 351, 固废 0."""
    return tokenizer().FREQ.get(word) or 0


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    if not STOPWORDS.exists():
        return frozenset()
    return frozenset(w.strip() for w in STOPWORDS.read_text(encoding="utf-8").splitlines() if w.strip())


def tokens(text: str, parts: bool = True) -> list[str]:
    """Search tokens of `text`: jieba's search mode (long terms and their parts), minus stopwords.

    Search mode emits both 西部大开发 and 西部/开发, so a query phrased with the parts still
    matches a passage using the compound and vice versa. `parts=False` gives each word once
    (jieba's precise mode).
    """
    stop = stopwords()
    text = normalise(text)
    words = tokenizer().cut_for_search(text) if parts else tokenizer().cut(text)
    return [w for w in words if _WORDISH.search(w) and not w.isspace() and w not in stop]


# Below this many texts a process pool costs more than it saves (forking, pickling the words back).
POOL_MIN_TEXTS = 20_000
POOL_CHUNK = 2_000


def term_counts(text: str) -> tuple[list[str], list[int], int]:
    """(distinct search tokens in order of first occurrence, how often each occurs, token count)."""
    counts: dict[str, int] = {}
    words = tokens(text)
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return list(counts), list(counts.values()), len(words)


def corpus_term_counts(texts: Iterable[str], workers: int | None = None
                       ) -> Iterator[tuple[list[str], list[int], int]]:
    """`term_counts` of each text, in order; a large corpus is tokenised on all cores (jieba runs
    ~260k characters/s on one, so a million passages take ~12 minutes on one core)."""
    texts = texts if isinstance(texts, Sequence) else list(texts)
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(texts) < POOL_MIN_TEXTS:
        yield from map(term_counts, texts)
        return
    import gc
    import multiprocessing

    tokenizer(), stopwords()          # loaded once here; forked workers inherit them
    chunks = (texts[i:i + POOL_CHUNK] for i in range(0, len(texts), POOL_CHUNK))
    gc.freeze()   # the workers' collector would otherwise touch, and so copy, every page of the parent's objects
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for counted in pool.imap(_chunk_term_counts, chunks):
                yield from counted
    finally:
        gc.unfreeze()


def _chunk_term_counts(texts: Sequence[str]) -> list[tuple[list[str], list[int], int]]:
    return [term_counts(t) for t in texts]


def query_terms(text: str) -> list[str]:
    """Distinct query words worth highlighting (longest first, so a UI marks compounds whole)."""
    seen = dict.fromkeys(w for w in tokens(text) if len(w) > 1 or not w.isascii())
    return sorted(seen, key=len, reverse=True)


def propose_terms(texts: list[str], top_k: int = 200, min_count: int = 3) -> list[tuple[str, float]]:
    """Candidate dictionary terms: TF-IDF keywords of the corpus that jieba does not yet know whole.

    Multi-character keywords jieba already has are useless to add; what helps BM25 is a compound
    (新型城镇化, 自贸试验区) that jieba splits. So we extract keywords of the corpus with the default
    dictionary, then look for frequent adjacent keyword pairs that form such compounds.
    Curate the result by hand before adding it to kb/data/userdict.txt.
    """
    import collections

    import jieba.analyse

    tok = tokenizer()
    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = tok
    joined = "\n".join(normalise(t) for t in texts)
    keywords = dict(extractor.extract_tags(joined, topK=top_k * 5, withWeight=True))
    pairs: collections.Counter[str] = collections.Counter()
    for line in joined.splitlines():
        words = [w for w in tok.cut(line) if w.strip()]
        for a, b in zip(words, words[1:]):
            if a in keywords and b in keywords and 4 <= len(a + b) <= 8:
                pairs[a + b] += 1
    known = set(tok.FREQ) if tok.FREQ else set()
    scored = [(w, n * (keywords[_first_word(w, keywords)] if _first_word(w, keywords) else 1.0))
              for w, n in pairs.items() if n >= min_count and w not in known]
    return sorted(scored, key=lambda x: -x[1])[:top_k]


def _first_word(compound: str, keywords: dict) -> str | None:
    for i in range(len(compound) - 1, 0, -1):
        if compound[:i] in keywords:
            return compound[:i]
    return None


if __name__ == "__main__":  # python -m kb.tokenize corpus/*.txt  → candidate terms to curate
    import sys
    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in sys.argv[1:]]
    for word, score in propose_terms(texts):
        print(f"{word}\t{score:.3f}")
