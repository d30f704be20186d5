"""Faults and hostile input: an upload never loses a document, a damaged KB is repaired, bombs are refused."""
import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.build import add_uploads, build, current_generation, uploads_dir
from kb.config import Settings
from kb.embed import EmbeddingCache
from kb.errors import KBError
from kb.load import load
from tests.fixtures import SEED_SENTENCE, make_docx, make_pdf
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
    assert any("移除" in w.value and r"gone\.txt" in w.value for w in at.warning)


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
    rebuilt = run_cli(settings, "build", str(docs), "--no-progress")   # the corpus is unchanged
    assert rebuilt.exit_code == 0 and "damaged embedding cache set aside" in rebuilt.output
    assert [p.name.split(".damaged-")[0] for p in settings.index_dir.glob("embed_cache.sqlite.damaged-*")] \
        == ["embed_cache.sqlite"]
    assert run_cli(settings, "check").exit_code == 0
    live_db = live(settings) / "kb.sqlite"
    live_db.write_bytes(live_db.read_bytes()[:4096])   # now the KB must be embedded again, into a new cache
    repaired = run_cli(settings, "build", str(docs), "--no-progress")
    assert repaired.exit_code == 0, repaired.output
    assert run_cli(settings, "check").exit_code == 0 and EmbeddingCache(cache).count() > 0


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


def kb_with_write_limit(limit: int) -> str:
    """`kb` in a process whose writes past `limit` bytes fail, as on a full disk (EFBIG, not ENOSPC)."""
    return ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
            "from kb.cli import main; sys.argv = ['kb'] + sys.argv[1:]; main()")


def test_a_write_error_during_a_build_is_one_line_and_keeps_the_kb(kb_copy, tmp_path):
    settings, docs = kb_copy
    before = live(settings)
    more = tmp_path / "more"
    shutil.copytree(docs, more)
    (more / "e.txt").write_text(DOC_A, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", kb_with_write_limit(65536), "--index-dir", str(settings.index_dir), "build",
                           str(more), "--no-progress"], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    error = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert "Traceback" not in proc.stderr and len(error) == 1 and str(settings.index_dir) in error[0]
    assert live(settings) == before and run_cli(settings, "check").exit_code == 0
    assert not [p for p in settings.index_dir.iterdir() if p.name.startswith(".building")]


# ------------------------------------------------------------------ bombs
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_with_body(path: Path, write_body, prolog: str = "") -> Path:
    """A real DOCX (python-docx's own package) whose document.xml body is streamed by `write_body(w)`."""
    import zipfile

    template = make_docx(path.with_suffix(".template.docx"), [DOC_B])
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, src.read(info.filename))
        with out.open("word/document.xml", "w", force_zip64=True) as w:
            w.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
                    f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            write_body(w)
            w.write(b"</w:body></w:document>")
    return path


def peak_rss_mb_of_load(path: Path, **limits) -> tuple[float, str]:
    """(peak RSS growth in MB, the one-line error or 'ok') of loading `path` in a fresh process."""
    # VmHWM (this process's peak RSS) rather than ru_maxrss, which keeps the forking parent's peak.
    code = ("import re, sys; from kb.load import load; from kb.errors import KBError\n"
            "hwm = lambda: int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
            "import lxml.etree, charset_normalizer\n"
            "before = hwm()\n"
            f"try:\n    load(sys.argv[1], **{limits!r}); msg = 'ok'\n"
            "except KBError as e:\n    msg = str(e)\n"
            "print((hwm() - before) / 1024); print(msg)")
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    grown, message = proc.stdout.strip().split("\n", 1)
    return float(grown), message


def test_a_docx_bomb_is_refused_before_it_is_inflated(tmp_path):
    empty_runs = b"<w:p><w:r></w:r></w:p>" * 50_000   # ~1.1 MB, inflating ~1000x
    bomb = docx_with_body(tmp_path / "bomb.docx", lambda w: [w.write(empty_runs) for _ in range(400)])
    assert bomb.stat().st_size < 4 << 20
    grown, message = peak_rss_mb_of_load(bomb)
    assert "bomb.docx" in message and "zip bomb" in message and "word/document.xml" in message
    assert grown < 100, f"loading the bomb grew the process by {grown:.0f} MB"


def test_a_docx_with_too_much_text_stops_at_the_limit_while_streaming(tmp_path):
    paragraph = f"<w:p><w:r><w:t>{DOC_B}</w:t></w:r></w:p>".encode()
    big = docx_with_body(tmp_path / "long.docx", lambda w: [w.write(paragraph) for _ in range(2_000)])
    grown, message = peak_rss_mb_of_load(big, max_chars=20_000)
    assert "long.docx" in message and "characters of text, above the 20,000 limit" in message
    assert grown < 100


def test_a_docx_entity_expansion_is_not_expanded(tmp_path):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    prolog = f'<!DOCTYPE w:document [<!ENTITY l0 "西部">{laughs}]>'
    path = docx_with_body(tmp_path / "laughs.docx",
                          lambda w: w.write(f"<w:p><w:r><w:t>{DOC_B}&l9;</w:t></w:r></w:p>".encode()), prolog)
    grown, message = peak_rss_mb_of_load(path)
    assert grown < 100 and ("laughs.docx" in message or message == "ok")


def test_a_docx_keeps_paragraphs_and_table_rows_in_document_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("标题：西部大开发")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "地区", (0, 1): "人均GDP", (1, 0): "西部", (1, 1): "53741.53"}.items():
        table.cell(r, c).text = text
    document.add_paragraph(DOC_C)
    document.save(tmp_path / "t.docx")
    assert load(tmp_path / "t.docx").text == f"标题：西部大开发\n地区\t人均GDP\n西部\t53741.53\n{DOC_C}"


def test_a_compressible_html_payload_is_parsed_in_bounded_memory(tmp_path):
    path = tmp_path / "payload.html"
    block = ("<div><span>" + "西部" + "</span>" + "<b></b>" * 200 + "</div>\n").encode()
    with open(path, "wb") as f:
        f.write(b"<html><body>")
        for _ in range(30 * 1024 * 1024 // len(block)):   # 30 MB that gzip shrinks ~500x
            f.write(block)
        f.write(b"</body></html>")
    grown, message = peak_rss_mb_of_load(path, max_chars=50_000)
    assert "payload.html" in message and "above the 50,000 limit" in message
    assert grown < 150, f"parsing grew the process by {grown:.0f} MB"
    grown, message = peak_rss_mb_of_load(path)   # the whole file, 30 MB of markup around ~140,000 characters
    assert message == "ok" and grown < 200, (grown, message)


# ------------------------------------------------------------------ smaller input faults
def test_an_aes_encrypted_pdf_without_a_user_password_is_read(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [SEED_SENTENCE])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    with open(tmp_path / "aes.pdf", "wb") as f:
        writer.write(f)
    assert "53741.53" in load(tmp_path / "aes.pdf").text


@pytest.mark.parametrize("data, mark", [(b"\xef\xbb\xbf" + DOC_B.encode() + b"\xff\xfe\x80", "UTF-8-SIG"),
                                        (b"\xff\xfe" + DOC_B.encode("utf-16-le") + b"\x00", "UTF-16")])
def test_a_byte_order_mark_followed_by_invalid_bytes_names_the_file(tmp_path, data, mark):
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    with pytest.raises(KBError, match=f"bom.txt: starts with a {mark} byte-order mark") as err:
        load(path)
    assert "internal error" not in str(err.value) and "\n" not in str(err.value)


def test_a_queries_file_with_a_broken_utf16_bom_is_one_line(kb_copy, tmp_path):
    settings, _ = kb_copy
    queries = tmp_path / "q.txt"
    queries.write_bytes(b"\xff\xfe" + "人均GDP\n".encode("utf-16-le") + b"\x00")
    result = run_cli(settings, "search", "--queries-file", str(queries))
    assert result.exit_code == 1 and "q.txt: starts with a UTF-16 byte-order mark" in result.output


# ------------------------------------------------------------------ load: builds beside queries
def test_the_app_builds_uploads_in_a_child_process(settings):
    from kb.worker import build_in_child

    report = build_in_child(settings, uploads=[("b.txt", DOC_B.encode()), ("virus.exe", b"MZ")])
    assert [p.split("/")[-1] for p in report.added] == ["b.txt"]
    assert report.failed[0][0] == "virus.exe" and "unsupported" in report.failed[0][1]
    assert sources(settings) == ["b.txt"]
    assert not [p for p in settings.index_dir.iterdir() if p.name.startswith(".incoming-")]
    with open(settings.index_dir / "build.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(KBError, match="another build"):
            build_in_child(settings, uploads=[("c.txt", DOC_C.encode())])
    assert sorted(p.name for p in uploads_dir(settings).iterdir()) == ["b.txt"]


def test_a_build_worker_runs_at_lower_priority_with_passive_threads():
    code = ("import os; from kb.threads import configure, lower_priority; before = os.nice(0); "
            "configure('build'); lower_priority(10); print(os.nice(0) - before, min(10, 19 - before), "
            "os.environ['OMP_WAIT_POLICY'])")
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    lowered, expected, policy = out.stdout.split()
    assert (lowered, policy) == (expected, "PASSIVE"), out.stderr    # niceness stops at 19


def test_a_build_logs_progress_lines_when_output_is_not_a_terminal(tmp_path, settings):
    from kb.build import ProgressLog

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "b.txt").write_text(DOC_B, encoding="utf-8")
    (docs / "c.txt").write_text(DOC_C + "新的一句。", encoding="utf-8")   # text the cache has not seen
    lines: list[str] = []
    build([docs], settings, progress=ProgressLog(lines.append, every=0))
    assert any("files processed" in line for line in lines)
    last = lines[-1]
    assert "2/2 files processed" in last and "texts embedded" in last


def test_progress_lines_keep_coming_while_nothing_reports():
    """A model being converted or a long PDF being read reports nothing for a while: lines still come."""
    import time
    from kb.build import ProgressLog

    lines: list[str] = []
    with ProgressLog(lines.append, every=0.05).ticking() as log:
        log.files(1, 3)
        time.sleep(0.3)
    assert len(lines) >= 3 and all("1/3 files processed" in line for line in lines)
    count = len(lines)
    time.sleep(0.15)
    assert len(lines) == count                      # no line after the build


def test_progress_rate_counts_from_the_first_batch_and_waits_for_a_second():
    from kb.build import ProgressLog

    log = ProgressLog(lambda line: None)
    log(32, 1728)                                   # the first report comes after the first batch
    start = log.embed_started
    assert "texts/s" not in log.line(start + 0.01)   # no rate from one batch in no time
    log.embedded = 256
    line = log.line(start + 10.0)                   # 224 more passages in 10 s
    assert "(22.4 texts/s, about 1 min 6 s left)" in line, line


def test_a_symlinked_folder_is_followed_once(tmp_path, settings):
    from kb.load import discover

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "c.txt").write_text(DOC_C, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "b.txt").write_text(DOC_B, encoding="utf-8")
    (docs / "linked").symlink_to(outside, target_is_directory=True)
    (outside / "loop").symlink_to(docs, target_is_directory=True)   # a cycle must end
    found, _ = discover([docs])
    assert sorted(p.relative_to(docs).as_posix() for p in found) == ["b.txt", "linked/c.txt"]
    build([docs], settings, progress=False)
    assert sources(settings) == ["b.txt", "c.txt"]
    (outside / "c.txt").unlink()
    assert [p.split("/")[-1] for p in build([docs], settings, progress=False).removed] == ["c.txt"]


def test_export_to_a_path_that_cannot_be_created_is_one_line(kb_copy, tmp_path):
    settings, _ = kb_copy
    target = tmp_path / ("很长的文件名" * 50 + ".xlsx")   # longer than a file name may be (ENAMETOOLONG)
    result = run_cli(settings, "export", "--xlsx", str(target))
    assert result.exit_code == 1 and "File name too long" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not list(tmp_path.glob("*.xlsx*"))


def test_a_failed_export_leaves_no_part_file(kb_copy, tmp_path):
    import pandas as pd

    from kb.tables import write_xlsx

    target = tmp_path / "out.xlsx"
    (target / "taken").mkdir(parents=True)   # a folder in the way: the final rename fails
    with pytest.raises(KBError, match="out.xlsx"):
        write_xlsx(target, {"facts": pd.DataFrame({"subject": ["西部"], "value": [53741.53]})})
    assert not list(tmp_path.glob("*.part"))


# ------------------------------------------------------------------ app pages
def run_page(name: str, settings, monkeypatch, state: dict | None = None):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KB_INDEX_DIR", str(settings.index_dir))
    at = AppTest.from_file(str(ROOT / "app_pages" / name), default_timeout=120)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_build_messages_show_file_names_as_typed_and_no_server_folder(kb_copy, monkeypatch):
    from kb.build import BuildReport

    settings, _ = kb_copy
    evil = str(settings.index_dir.resolve().parent / "corpus" / "[点我](javascript:alert(1)).txt")
    report = BuildReport(added=[evil], failed=[(evil, f"{evil}: file is empty")])
    at = run_page("build.py", settings, monkeypatch, {"build_report": report})
    shown = " ".join([s.value for s in at.success] + [e.value for e in at.error])
    assert shown.count(r"\[点我\]\(javascript\:alert\(1\)\)") == 2 and "[点我](" not in shown
    assert str(settings.index_dir.parent) not in shown and "corpus/" not in shown


def test_the_reader_survives_an_article_choice_the_browser_reset(kb_copy, monkeypatch):
    settings, _ = kb_copy
    for stale in (None, 7):
        at = run_page("documents.py", settings, monkeypatch, {"docs_source": "b.txt", "docs_article": stale})
        assert at.selectbox(key="docs_article").value == 0


def test_a_long_pasted_query_is_cut_with_a_notice(kb_copy, monkeypatch):
    settings, _ = kb_copy
    at = run_page("search.py", settings, monkeypatch)
    at.text_input(key="search_query").set_value("西部地区人均GDP" * 100).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("超过 500 字" in i.value for i in at.info)
    assert any("共" in c.value and "条结果" in c.value for c in at.caption)


def test_a_build_started_by_the_app_gets_all_cores_not_the_query_setting():
    code = ("import os; os.environ.pop('OMP_NUM_THREADS', None); from kb.threads import configure, "
            "child_environment; configure('query'); print(os.environ['OMP_NUM_THREADS'], "
            "child_environment().get('OMP_NUM_THREADS', 'unset'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["1", "unset"], out.stderr
