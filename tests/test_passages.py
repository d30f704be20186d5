"""kb.passages: sentence-aware chunks that respect articles, sections and skipped spans."""
from kb.config import Settings
from kb.passages import group_sentences, make_passages
from kb.types import Article, CleanText, Section, Span
from tests.conftest import needs_shared, shared_path

# 003, 区域经济评论 2020.05 (text as kb.clean leaves it: lines rejoined).
BODY = ("从2000年到2019年，西部地区的外贸依存度由8.23%上升到13.16%，上升了4.93个百分点。"
        "在地区差距方面，西部大开发战略实施以来，西部地区的外贸依存度一直高于中部地区。"
        "数字经济提升了服务贸易的可贸易性。物联网、云计算和大数据等互联网技术的兴起，"
        "也催生了服务贸易新业态与创新发展新模式。实现数字化发展不仅能够提高服务的可贸易性，"
        "还可以显著提升企业的服务外包质量。")
ABSTRACT = "摘要：大部分省市金融扶贫纯技术效率较低，应通过扩大扶贫信贷资金规模提升金融要素配置效率。"
TABLE = "2000 8.23 1.77 2005 10.21 3.40 2010 11.02 4.11 2019 13.16 5.20"
REFS = "参考文献：[1]范恒山.推进西部大开发形成新格局的四个关键点[J].区域经济评论,2020(5)."
SETTINGS = Settings().with_(passage_chars=60, passage_max_chars=120)


def _document():
    parts = [ABSTRACT, "\n", BODY, "\n", TABLE, "\n", BODY, "\n", REFS]
    text = "".join(parts)
    offsets, pos = [], 0
    for part in parts:
        offsets.append((pos, pos + len(part)))
        pos += len(part)
    abstract, body1, table, body2, refs = offsets[0], offsets[2], offsets[4], offsets[6], offsets[8]
    clean = CleanText(text=text, pages=[(0, 3), (body2[0], 4)], spans=[Span("table", *table)])
    sections = [Section("", "abstract", "abstract", 0, *abstract),
                Section("一、西部地区对外开放", "一、西部地区对外开放", "body", 1, body1[0], body2[1]),
                Section("", "references", "references", 0, *refs)]
    article = Article(index=0, title="推进西部大开发形成新格局", start=0, end=len(text), year=2020,
                      sections=sections)
    return clean, [article], table


def test_passages_respect_sections_and_carry_citations():
    clean, articles, _ = _document()
    passages = make_passages(clean, articles, "003.txt", SETTINGS)
    assert {p.kind for p in passages} == {"abstract", "body", "references"}
    for p in passages:
        section = next(s for s in articles[0].sections if s.path == p.section)
        assert section.start <= p.start < p.end <= section.end
        assert p.text == clean.text[p.start:p.end]
        assert p.source == "003.txt" and p.article == "推进西部大开发形成新格局" and p.year == 2020
    assert passages[0].page == 3 and passages[-1].page == 4


def test_tables_are_skipped():
    clean, articles, (t0, t1) = _document()
    passages = make_passages(clean, articles, "003.txt", SETTINGS)
    assert all(p.end <= t0 or p.start >= t1 for p in passages)
    assert not any("11.02" in p.text for p in passages)


def test_passages_are_whole_sentences_within_bounds():
    clean, articles, _ = _document()
    for p in make_passages(clean, articles, "003.txt", SETTINGS):
        assert len(p.text) <= SETTINGS.passage_max_chars
        assert p.text[-1] in "。，" or p.kind == "references" or p.end == articles[0].sections[1].end
    answers = [p for p in make_passages(clean, articles, "003.txt", SETTINGS)
               if "外贸依存度由8.23%上升到13.16%" in p.text]
    assert len(answers) == 2   # the body appears twice in the document, whole in a passage each time


def test_short_sentence_overlaps_into_next_passage():
    sentences = [(0, 30), (30, 50), (50, 80), (80, 110)]
    chunks = group_sentences(sentences, target=50, max_chars=100)
    assert chunks[0] == (0, 50)
    assert chunks[1][0] == 30        # the short (20-char) sentence is repeated
    assert chunks[-1][1] == 110


def test_overlong_sentence_is_cut_at_a_clause_break():
    long_sentence = "，".join(["西部地区的外贸依存度一直高于中部地区"] * 12) + "。"
    clean = CleanText(text=long_sentence)
    passages = make_passages(clean, [], "x.txt", SETTINGS)
    assert len(passages) > 1
    assert all(len(p.text) <= SETTINGS.passage_max_chars for p in passages)
    assert all(p.text.endswith(("，", "。")) for p in passages)
    assert "".join(p.text for p in passages) == long_sentence


def test_document_without_structure_is_one_article():
    clean = CleanText(text=BODY)
    passages = make_passages(clean, [], "x.txt", Settings())
    assert passages and all(p.kind == "body" and p.article_index == 0 for p in passages)
    assert passages[0].start == 0 and passages[-1].end == len(BODY)


@needs_shared("wildcorpus")
def test_no_passage_holds_a_table_of_contents():
    from kb.clean import clean
    from kb.load import load
    from kb.structure import split_articles
    raw = load(shared_path("wildcorpus", "plan15_suzhou.txt"))
    ct = clean(raw)
    passages = make_passages(ct, split_articles(ct, raw.source), raw.source, Settings())
    assert not any("......" in p.text for p in passages)
    assert any(p.kind == "box" for p in passages)     # boxes are searchable, marked as such


def test_a_sentence_over_the_bound_leaves_no_sliver_behind():
    # seed 001: one 600-character sentence; its last clause names the 五通 the question asks about
    import glob
    from pathlib import Path

    from kb.clean import clean
    from kb.load import load
    from kb.structure import split_articles
    raw = load(Path(glob.glob(str(Path(__file__).resolve().parents[1] / "corpus" / "001_*.txt"))[0]))
    ct = clean(raw)
    passages = make_passages(ct, split_articles(ct, raw.source), raw.source, Settings())
    holder = [p for p in passages if "民心想通" in p.text]
    assert holder and all("“五通”" in p.text for p in holder)


@needs_shared("wildcorpus")
def test_no_wildcorpus_passage_holds_a_page_number_or_a_repeated_running_line():
    """Page footers (`— 17 —`, `-1-`) and lines the raw text repeats like a running head (10–40
    characters, 3+ times) never reach a passage: every file of the wild corpus, PDFs included."""
    import re
    from collections import Counter

    from kb.clean import clean
    from kb.load import discover, load
    from kb.structure import split_articles

    footer = re.compile(r"(^|\n)\s*[—\-–－]{1,2}\s*\d{1,3}\s*[—\-–－]{1,2}\s*($|\n)")
    files = [f for f in discover([shared_path("wildcorpus")])[0] if f.name != "README.md"]
    assert len(files) == 23
    for f in files:
        raw = load(f)
        text = clean(raw)
        passages = make_passages(text, split_articles(text, raw.source), raw.source, Settings())
        lines = Counter(ln.strip() for ln in raw.text.replace("\f", "\n").split("\n"))
        # a table's column header may repeat over its tables; a running line is prose-like
        running = {ln for ln, n in lines.items() if n >= 3 and 10 <= len(ln) <= 40
                   and not re.search(r"\s(单位|比上年)", ln)}
        for p in passages:
            assert not footer.search(p.text), (f.name, p.text[:80])
            assert not [h for h in running if h in p.text and p.start > 300], (f.name, p.text[:80])
