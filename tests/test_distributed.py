"""kb build with Ray (local, 2 CPUs) writes the same KB as the local build: same documents, articles,
passages, facts and strategies, vectors within 1e-5; three small real files (two wildcorpus texts cut
short, one seed paper's opening), one of them processed by a Ray task that fails."""
import shutil

import numpy as np
import pytest

from kb import store
from kb.build import build, current_generation
from kb.config import Settings
from kb.errors import KBError
from kb.embed import embedding_text
from kb.index import load_indexes, passage_embedding_texts
from tests.conftest import require_shared

ray = pytest.importorskip("ray", reason="ray is not installed: pip install 'policy-kb[scale]'")

CHARS = 3000   # per file: enough for articles, facts and strategies, little to embed
TABLES = ("articles", "sections", "passages", "facts", "strategies", "indicator_systems")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    wild = require_shared("wildcorpus")
    for name in ("communique_2023_luoyang.txt", "gwr2026_city_hefei.txt"):
        text = (wild / name).read_text(encoding="utf-8")
        (folder / name).write_text(text[:CHARS], encoding="utf-8")
    seed = sorted(require_shared("corpus").glob("000_*.txt"))[0]
    (folder / seed.name).write_text(seed.read_text(encoding="utf-8")[:CHARS], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")   # fails in its task, like in a local build
    return folder


@pytest.fixture(scope="module")
def two_builds(corpus, tmp_path_factory):
    local = Settings(index_dir=tmp_path_factory.mktemp("local") / "index")
    local_report = build([corpus], local, progress=False, log=lambda *_: None)
    distributed = Settings(index_dir=tmp_path_factory.mktemp("ray") / "index", ray_address="local")
    distributed.index_dir.mkdir()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        ray_report = build([corpus], distributed, progress=False, log=lambda *_: None)
    finally:
        ray.shutdown()
    return (local, local_report), (distributed, ray_report)


def _documents(settings: Settings) -> list[tuple]:
    conn = store.connect(current_generation(settings.index_dir) / "kb.sqlite", readonly=True)
    try:
        return [(r["source"], r["sha256"], r["pipeline"], r["chars"], r["paged"]) for r in store.documents(conn)]
    finally:
        conn.close()


def _rows(settings: Settings, table: str) -> list[tuple]:
    conn = store.connect(current_generation(settings.index_dir) / "kb.sqlite", readonly=True)
    try:
        columns, rows = store.table_rows(conn, table)
    finally:
        conn.close()
    drop = {c for c in columns if c in ("id", "document_id", "built_at", "path")}
    return sorted(tuple(str(v) for c, v in zip(columns, row) if c not in drop) for row in rows)


def test_ray_build_writes_the_same_kb_as_a_local_build(two_builds):
    (local, local_report), (distributed, ray_report) = two_builds
    assert sorted(ray_report.added) == sorted(local_report.added) and len(local_report.added) == 3
    assert [m for _, m in ray_report.failed] == [m for _, m in local_report.failed] and ray_report.failed
    assert _documents(distributed) == _documents(local)
    for table in TABLES:
        assert _rows(distributed, table) == _rows(local, table), table
    assert ray_report.counts == local_report.counts and local_report.counts["facts"] > 0
    a = load_indexes(current_generation(local.index_dir) / "search")
    b = load_indexes(current_generation(distributed.index_dir) / "search")
    assert len(a.ids) == len(b.ids) == local_report.counts["passages"]
    rows = np.arange(len(a.ids))
    assert np.abs(a.dense.vectors(rows) - b.dense.vectors(rows)).max() < 1e-5
    # the actors embedded them all: each distinct text of the passages and of their context lines
    conn = store.connect(current_generation(local.index_dir) / "kb.sqlite", readonly=True)
    try:
        texts = passage_embedding_texts(store.load_passages(conn))
    finally:
        conn.close()
    assert len(texts) > len(a.ids)
    assert ray_report.embedded == local_report.embedded == len({embedding_text(t) for t in texts})


def test_an_unreachable_ray_address_is_one_line_and_keeps_the_kb(two_builds, corpus):
    (local, _), _ = two_builds
    before = current_generation(local.index_dir)
    with pytest.raises(KBError, match=r"ray_address '127.0.0.1:9' \(KB_RAY_ADDRESS\)") as e:
        build([corpus], local.with_(ray_address="127.0.0.1:9"), progress=False, log=lambda *_: None)
    assert "\n" not in str(e.value) and current_generation(local.index_dir) == before


def test_ray_build_of_the_demo_corpus_is_the_local_build(demo_kb, tmp_path):
    """The seed corpus (5 papers) through Ray local with 2 CPUs against the session's local demo KB;
    its embedding cache is copied in first, so the actors embed nothing new."""
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    shutil.copy(demo_kb.index_dir / "embed_cache.sqlite", index_dir / "embed_cache.sqlite")
    distributed = demo_kb.with_(index_dir=index_dir, ray_address="local")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        report = build([demo_kb.corpus_dir], distributed, progress=False, log=lambda *_: None)
    finally:
        ray.shutdown()
    assert not report.failed and len(report.added) == 5 and report.counts["facts"] > 0
    assert report.counts["strategies"] > 0
    assert _documents(distributed) == _documents(demo_kb)
    for table in TABLES:
        assert _rows(distributed, table) == _rows(demo_kb, table), table
    a = load_indexes(current_generation(demo_kb.index_dir) / "search")
    b = load_indexes(current_generation(distributed.index_dir) / "search")
    assert list(a.ids) == list(b.ids) and len(a.ids) == report.counts["passages"] > 0
    rows = np.arange(len(a.ids))
    assert np.abs(a.dense.vectors(rows) - b.dense.vectors(rows)).max() < 1e-5
