"""PDF layout: two-column pages in reading order, running heads and page numbers removed by position and
repetition, one-column pages left as pypdf reads them, a table read across a page break. The PDFs are
made here with reportlab (journal-style pages) or are the wildcorpus's real ones."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.clean import clean
from kb.extract.tables import extract_table_facts
from kb.load import load
from tests.conftest import needs_shared, shared_path
from tests.fixtures import make_pdf

LEFT = [f"左栏第{i}行：西北地区城镇化质量稳步提高。" for i in range(1, 9)]   # columns 50-290 and 310-550
RIGHT = [f"右栏第{i}行：城市经济发展质量和社会发展质量同步提升。" for i in range(1, 9)]
HEAD = "干旱区地理 第42卷 第5期"


def _fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


def make_two_column_pdf(path: Path, pages: int = 3) -> Path:
    """A4 journal pages: a running head left and right, a full-width title, two columns of text under
    it, a page number at the foot."""
    from reportlab.pdfgen import canvas
    _fonts()
    c = canvas.Canvas(str(path))
    for p in range(pages):
        c.setFont("STSong-Light", 9)
        c.drawString(50, 810, HEAD)
        c.drawString(380, 810, "鲍超等：西北地区城镇化质量")
        c.setFont("STSong-Light", 16)
        c.drawString(100, 765, f"第{p + 1}节 中国西北地区城镇化质量的时空变化")
        c.setFont("STSong-Light", 9.5)
        for i, (left, right) in enumerate(zip(LEFT, RIGHT)):
            c.drawString(50, 730 - 15 * i, left)
            c.drawString(310, 730 - 15 * i, right)
        c.setFont("STSong-Light", 9)
        c.drawString(290, 40, f"{p + 1}")
        c.showPage()
    c.save()
    return path


def test_two_column_pages_read_left_column_then_right_without_running_heads(tmp_path):
    raw = load(make_two_column_pdf(tmp_path / "paper.pdf"))
    pages = raw.text.split("\f")
    assert len(pages) == 3
    assert pages[1].split("\n") == ["第2节 中国西北地区城镇化质量的时空变化", *LEFT, *RIGHT]
    assert HEAD not in raw.text and "鲍超等：西北地区城镇化质量" not in raw.text


def test_a_one_column_pdf_keeps_pypdf_text(tmp_path):
    from pypdf import PdfReader
    path = make_pdf(tmp_path / "one.pdf", ["第一页\n西部地区的人均GDP从4848.16元增加到53741.53元。",
                                           "第二页\n东部地区的人均GDP增长较快。"])
    plain = "\f".join(p.extract_text() for p in PdfReader(path).pages)
    assert load(path).text == plain


def test_a_table_printed_as_text_runs_on_across_a_page_break(tmp_path):
    from reportlab.pdfgen import canvas
    _fonts()
    path = tmp_path / "communique.pdf"
    c = canvas.Canvas(str(path))
    rows = [("粮食", "902.61", "-3.2"), ("夏粮", "508.58", "-8.6"), ("秋粮", "394.03", "4.8"),
            ("油料", "56.43", "6.8"), ("蔬菜及食用菌", "1186.96", "4.2")]
    page_rows = [rows[:3], rows[3:]]
    for p, part in enumerate(page_rows):
        c.setFont("STSong-Light", 11)
        y = 780
        if p == 0:
            for line in ("全年全市粮食总产量902.61万吨。", "表3 2023年主要农产品产量及增速", "产品名称 产量（万吨） 比上年增长（%）"):
                c.drawString(60, y, line)
                y -= 18
        for label, amount, growth in part:   # one string per row, as the communiqués' PDFs print them
            c.drawString(60, y, f"{label:　<10}{amount:>12}{growth:>10}")
            y -= 18
        c.drawString(290, 40, f"- {p + 1} -")
        c.showPage()
    c.save()
    raw = load(path)
    assert "- 1 -" not in raw.text
    (table,), facts = extract_table_facts(clean(raw), [], raw.source, raw.text)
    assert [r[0] for r in table.rows] == [r[0] for r in rows]
    got = {(f.subject, f.indicator): (f.value, f.unit) for f in facts}
    assert got[("蔬菜及食用菌", "产量")] == (11_869_600, "吨") and got[("秋粮", "比上年增长")] == (4.8, "%")


@needs_shared("wildcorpus", "pdf")
@pytest.mark.parametrize("name", ["communique_2023_zhoukou.pdf", "communique_2023_qiandongnan.pdf",
                                  "govinfo_report_2024_huaian.pdf"])
def test_wildcorpus_pdfs_lose_their_page_numbers_and_keep_their_text(name):
    from pypdf import PdfReader
    path = shared_path("wildcorpus", "pdf", name)
    text = load(path).text
    plain = "\f".join(p.extract_text() or "" for p in PdfReader(path).pages)
    kept = {ln.strip() for ln in re.split(r"[\n\f]", text)}
    dropped = [ln for ln in re.split(r"[\n\f]", plain) if ln.strip() and ln.strip() not in kept]
    assert dropped and all(len(ln.strip()) <= 8 and any(ch.isdigit() for ch in ln) for ln in dropped), dropped
