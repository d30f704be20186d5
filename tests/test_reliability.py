"""Faults and hostile input: an upload never loses a document, a damaged KB is repaired, bombs are refused."""
import fcntl
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.build import add_uploads, uploads_dir
from kb.config import Settings
from kb.errors import KBError
from tests.test_build import DOC_B

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
