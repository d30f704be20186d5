"""Faults and hostile input: an upload never loses a document, a damaged KB is repaired, bombs are refused."""
import fcntl
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.build import add_uploads, build, current_generation, uploads_dir
from kb.config import Settings
from kb.errors import KBError
from tests.test_build import DOC_A, DOC_B

# A second short real paragraph (seed 002's opening of the western development review).
ROOT = Path(__file__).resolve().parent.parent
DOC_C = ("2000—2019年，西部地区的森林总面积达13805.42万公顷，森林覆盖率达到20%，"
         "生态环境保护和综合治理成效显著。")


@pytest.fixture
def settings(tmp_path):
    return Settings.from_env(index_dir=tmp_path / "index")


def sources(settings):
    return sorted(r["source"] for r in KnowledgeBase(settings).documents())


def test_an_upload_refused_by_a_running_build_never_deletes_a_document(settings):
    first = add_uploads(settings, [("b.txt", DOC_B.encode())])
    assert [p.split("/")[-1] for p in first.added] == ["b.txt"] and not first.failed
    # Another build holds the lock (flock is per open file, so this process's own hold counts).
    with open(settings.index_dir / "build.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(KBError, match="another build"):
            add_uploads(settings, [("b.txt", DOC_B.encode()), ("c.txt", DOC_C.encode())])
    assert sorted(p.name for p in uploads_dir(settings).iterdir()) == ["b.txt"]
    after = add_uploads(settings, [("c.txt", DOC_C.encode())])
    assert not after.removed and [p.split("/")[-1] for p in after.added] == ["c.txt"]
    assert sources(settings) == ["b.txt", "c.txt"]


def test_reuploading_a_stored_file_that_fails_to_build_keeps_it(settings, monkeypatch):
    add_uploads(settings, [("b.txt", DOC_B.encode())])
    # Every document fails this time (as if the pipeline broke): the stored upload stays.
    monkeypatch.setattr("kb.build.process", lambda raw, s: (_ for _ in ()).throw(KBError("boom")))
    report = add_uploads(settings, [("b.txt", DOC_B.encode()), ("c.txt", DOC_C.encode())])
    assert any("c.txt" in p for p, _ in report.failed)
    assert sorted(p.name for p in uploads_dir(settings).iterdir()) == ["b.txt"]
    assert sources(settings) == ["b.txt"]


def test_removals_are_listed_in_the_cli_report(tmp_path, settings):
    from click.testing import CliRunner

    from kb.cli import cli

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "b.txt").write_text(DOC_B, encoding="utf-8")
    (folder / "c.txt").write_text(DOC_C, encoding="utf-8")
    runner = CliRunner()
    args = ["--index-dir", str(settings.index_dir), "build", str(folder), "--no-progress"]
    assert runner.invoke(cli, args).exit_code == 0
    (folder / "c.txt").unlink()
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    assert f"removed (file no longer there): {folder.resolve() / 'c.txt'}" in result.output


def test_removals_are_listed_in_the_app_report(settings, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from kb.build import BuildReport

    add_uploads(settings, [("b.txt", DOC_B.encode())])
    monkeypatch.setenv("KB_INDEX_DIR", str(settings.index_dir))
    at = AppTest.from_file(str(ROOT / "app_pages" / "build.py"), default_timeout=60)
    at.session_state["build_report"] = BuildReport(removed=[str(uploads_dir(settings) / "gone.txt")])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("移除" in w.value and "gone.txt" in w.value for w in at.warning)


# ------------------------------------------------------------------ damaged KB files
@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A small real KB (two short real paragraphs), built once; tests damage copies of it."""
    root = tmp_path_factory.mktemp("built")
    docs = root / "docs"
    docs.mkdir()
    (docs / "b.txt").write_text(DOC_B, encoding="utf-8")
    (docs / "c.txt").write_text(DOC_C, encoding="utf-8")
    build([docs], Settings.from_env(index_dir=root / "index"), progress=False)
    return root


@pytest.fixture
def kb_copy(built, tmp_path):
    """(settings of a private copy of the built KB, its documents folder)."""
    shutil.copytree(built / "index", tmp_path / "index")
    return Settings.from_env(index_dir=tmp_path / "index"), built / "docs"


def run_cli(settings, *args):
    from click.testing import CliRunner

    from kb.cli import cli
    result = CliRunner().invoke(cli, ["--index-dir", str(settings.index_dir), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def live(settings) -> Path:
    return current_generation(settings.index_dir)


def assert_repaired_by_build(settings, docs, damaged: str):
    """`kb check` names the damaged file; `kb build` of the unchanged corpus repairs it."""
    found = run_cli(settings, "check")
    assert found.exit_code == 1 and damaged in found.output and "Traceback" not in found.output
    rebuilt = run_cli(settings, "build", str(docs), "--no-progress")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "warning:" in rebuilt.output and damaged in rebuilt.output
    assert run_cli(settings, "check").exit_code == 0
    hits = KnowledgeBase(settings).search("人均GDP", k=1)
    assert hits and "4848.16" in hits[0].text


def test_an_intact_kb_passes_the_check(kb_copy):
    settings, _ = kb_copy
    result = run_cli(settings, "check")
    assert result.exit_code == 0 and result.output.startswith("ok:") and "match their checksums" in result.output


def test_half_a_database_gives_one_line_and_build_repairs_it(kb_copy):
    settings, docs = kb_copy
    db = live(settings) / "kb.sqlite"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    status = run_cli(settings, "status")
    assert status.exit_code == 1 and "kb.sqlite" in status.output and "damaged" in status.output
    assert len(status.output.strip().splitlines()) == 1
    assert_repaired_by_build(settings, docs, "kb.sqlite")


def test_a_same_length_edit_of_a_passage_is_found_and_repaired(kb_copy):
    settings, docs = kb_copy
    db = live(settings) / "kb.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE passages SET text = replace(text, '4848.16', '9848.16')")
    conn.commit()
    conn.close()
    assert "checksum" in run_cli(settings, "check").output
    assert_repaired_by_build(settings, docs, "kb.sqlite")
    assert "9848.16" not in KnowledgeBase(settings).clean_text("b.txt").text


def test_a_truncated_manifest_gives_one_line_and_build_repairs_it(kb_copy):
    settings, docs = kb_copy
    manifest = live(settings) / "search" / "manifest.json"
    manifest.write_bytes(manifest.read_bytes()[:40])
    searched = run_cli(settings, "search", "人均GDP")
    assert searched.exit_code == 1 and "manifest.json" in searched.output
    assert_repaired_by_build(settings, docs, "manifest.json")


def test_a_damaged_dense_index_is_rebuilt_although_the_corpus_is_unchanged(kb_copy):
    settings, docs = kb_copy
    dense = live(settings) / "search" / "dense.faiss"
    data = bytearray(dense.read_bytes())
    data[-64:] = bytes(64)
    dense.write_bytes(bytes(data))
    assert_repaired_by_build(settings, docs, "dense.faiss")


def test_a_corrupt_embedding_cache_is_set_aside_with_a_warning(kb_copy):
    settings, docs = kb_copy
    cache = settings.index_dir / "embed_cache.sqlite"
    cache.write_bytes(b"this is not a database" * 100)
    assert "embed_cache.sqlite" in run_cli(settings, "check").output
    rebuilt = run_cli(settings, "build", str(docs), "--no-progress")
    # the corpus is unchanged and the KB intact: nothing to embed, the cache is not even opened
    assert rebuilt.exit_code == 0
    live_db = live(settings) / "kb.sqlite"
    live_db.write_bytes(live_db.read_bytes()[:4096])   # now the KB needs the cache
    repaired = run_cli(settings, "build", str(docs), "--no-progress")
    assert repaired.exit_code == 0, repaired.output
    assert "damaged embedding cache set aside" in repaired.output
    assert [p.name.split(".damaged-")[0] for p in settings.index_dir.glob("embed_cache.sqlite.damaged-*")] \
        == ["embed_cache.sqlite"]
    assert run_cli(settings, "check").exit_code == 0


def test_documents_from_other_folders_survive_a_database_rebuild(kb_copy, tmp_path):
    settings, docs = kb_copy
    other = tmp_path / "other"
    other.mkdir()
    (other / "d.txt").write_text(DOC_C.replace("西部", "中部"), encoding="utf-8")
    build([other], settings, progress=False)
    db = live(settings) / "kb.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE passages SET text = replace(text, '4848.16', '9848.16')")
    conn.commit()
    conn.close()
    report = build([docs], settings, progress=False)
    assert report.warnings and not report.failed
    assert sources(settings) == ["b.txt", "c.txt", "d.txt"]


def test_a_write_error_during_a_build_is_one_line_and_keeps_the_kb(kb_copy, tmp_path):
    settings, docs = kb_copy
    before = live(settings)
    more = tmp_path / "more"
    shutil.copytree(docs, more)
    (more / "e.txt").write_text(DOC_A, encoding="utf-8")
    # A file-size limit makes every write past 64 KB fail, as a full disk does (EFBIG instead of ENOSPC).
    limit = "import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); " \
            "resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536)); " \
            "import sys; from kb.cli import main; sys.argv = ['kb'] + sys.argv[1:]; main()"
    proc = subprocess.run([sys.executable, "-c", limit, "--index-dir", str(settings.index_dir), "build",
                           str(more), "--no-progress"], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    error = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert "Traceback" not in proc.stderr and len(error) == 1 and str(settings.index_dir) in error[0]
    assert live(settings) == before and run_cli(settings, "check").exit_code == 0
    assert not [p for p in settings.index_dir.iterdir() if p.name.startswith(".building")]
