"""Loaders: each format, each encoding, and every kind of bad file gives a KBError naming the file."""
import os

import pytest

from kb.errors import KBError
from kb.load import decode_text, discover, load
from tests.fixtures import SEED_SENTENCE, make_docx, make_html, make_pdf, make_scanned_pdf, seed_path

PARAGRAPH = "自1999年中央实施西部大开发战略以来，西部地区保持了持续发展的势头，总体面貌发生了显著变化。"


def test_seed_txt_loads_as_utf8_with_its_text():
    raw = load(seed_path("003"))
    assert raw.source.startswith("003_") and raw.encoding == "utf-8" and not raw.paged
    assert "推进西部大开发形成新格局的四个关键点" in raw.text
    assert len(raw.sha256) == 64


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "gbk"])
def test_chinese_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / f"paper-{encoding}.txt"
    path.write_bytes((PARAGRAPH * 3).encode(encoding))
    raw = load(path)
    assert raw.text.startswith("自1999年中央实施西部大开发战略")
    assert "\ufeff" not in raw.text


def test_big5_traditional_text_is_detected(tmp_path):
    text = "自一九九九年中央實施西部大開發戰略以來，西部地區保持了持續發展的勢頭，總體面貌發生了顯著變化。" * 3
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert load(path).text == text


def test_pdf_keeps_pages_and_text(tmp_path):
    path = make_pdf(tmp_path / "two-pages.pdf", [SEED_SENTENCE, "森林覆盖率达到20%。"])
    raw = load(path)
    assert raw.paged and raw.text.count("\f") == 1
    first, second = raw.text.split("\f")
    assert "53741.53元" in first and "森林覆盖率达到20%" in second


def test_docx_and_html_give_their_paragraphs(tmp_path):
    docx_raw = load(make_docx(tmp_path / "a.docx", ["标题：西部大开发", PARAGRAPH]))
    assert PARAGRAPH in docx_raw.text
    html_raw = load(make_html(tmp_path / "a.html", "西部大开发", [PARAGRAPH]))
    assert PARAGRAPH in html_raw.text and "不应出现" not in html_raw.text


def test_gbk_html_is_decoded(tmp_path):
    raw = load(make_html(tmp_path / "gbk.html", "西部大开发", [PARAGRAPH], encoding="gbk"))
    assert PARAGRAPH in raw.text


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("junk.txt", bytes(range(256)) * 40, "binary"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", "PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "DOCX"),
])
def test_bad_files_raise_kberror_naming_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(KBError, match=message) as err:
        load(path)
    assert name in str(err.value)


def test_undecidable_bytes_are_refused(tmp_path):
    path = tmp_path / "mixed.txt"
    # valid GBK, then bytes that are neither UTF-8 nor any Chinese encoding
    path.write_bytes(PARAGRAPH.encode("gbk") + bytes([0x81, 0x20, 0xfe, 0x7f, 0xff, 0x80] * 200))
    with pytest.raises(KBError, match="encoding|binary") as err:
        load(path)
    assert "mixed.txt" in str(err.value)


def test_encrypted_pdf_is_refused_with_a_hint(tmp_path):
    path = make_pdf(tmp_path / "secret.pdf", [SEED_SENTENCE], password="pw")
    with pytest.raises(KBError, match="encrypted") as err:
        load(path)
    assert "secret.pdf" in str(err.value)


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(PARAGRAPH.encode() * (3 * 1024 * 1024 // len(PARAGRAPH.encode()) + 1))
    with pytest.raises(KBError, match="MB limit"):
        load(path, max_mb=2)


def test_a_50_mb_text_file_is_refused_with_its_size(tmp_path):
    path = tmp_path / "dump.txt"
    line = (PARAGRAPH + "\n").encode()
    with open(path, "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    with pytest.raises(KBError, match="characters of text, above") as err:
        load(path)
    assert "dump.txt" in str(err.value) and "KB_MAX_TEXT_CHARS" in str(err.value)


def test_decode_text_rejects_random_bytes():
    with pytest.raises(KBError):
        decode_text(os.urandom(4096), "random.txt")


def test_discover_splits_supported_and_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "b.xlsx").write_bytes(b"x")
    (tmp_path / ".hidden.txt").write_text("x")
    found, skipped = discover([tmp_path])
    assert [p.name for p in found] == ["a.txt"] and [p.name for p in skipped] == ["b.xlsx"]
    with pytest.raises(KBError, match="no such"):
        discover([tmp_path / "missing"])


@pytest.mark.parametrize("case", ["truncated", "image-only", "huge"])
def test_bad_pdfs_give_a_one_line_reason_naming_the_file(tmp_path, case):
    if case == "truncated":
        whole = make_pdf(tmp_path / "whole.pdf", [SEED_SENTENCE] * 4).read_bytes()
        path = tmp_path / "cut.pdf"
        path.write_bytes(whole[: len(whole) * 2 // 3])     # a download that stopped
        expected, kwargs = "unreadable PDF.*is the file complete", {}
    elif case == "image-only":
        path, expected, kwargs = make_scanned_pdf(tmp_path / "scan.pdf"), "without a text layer.*OCR", {}
    else:
        path = make_pdf(tmp_path / "book.pdf", [SEED_SENTENCE * 20] * 200)
        expected, kwargs = "characters of text, above the 20,000 limit.*KB_MAX_TEXT_CHARS", {"max_chars": 20_000}
    with pytest.raises(KBError, match=expected) as err:
        load(path, **kwargs)
    message = str(err.value)
    assert path.name in message and "\n" not in message and "Traceback" not in message
