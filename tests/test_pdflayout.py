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
    got = {(f.row, f.indicator): (f.value, f.unit) for f in facts}     # the rows are the things measured
    assert got[("蔬菜及食用菌", "蔬菜及食用菌产量")] == (11_869_600, "吨") and got[("秋粮", "秋粮产量比上年增长")] == (4.8, "%")


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


NOTES = ["①本文城镇化率为常住人口城镇化率，数据来源于各省区统计年鉴。", "②西北地区指陕西、甘肃、青海、宁夏和新疆五省区。"]
TABLE = [("地区", "2010年", "2020年"), ("陕西", "45.70", "62.66"), ("甘肃", "36.12", "52.23"),
         ("青海", "44.72", "60.08"), ("宁夏", "47.90", "64.96"), ("新疆", "43.01", "56.53")]


def make_journal_pdf(path: Path) -> Path:
    """Three A4 journal pages: running heads and page numbers; page 1 a title, two columns whose last
    sentence runs on to page 2, and two footnotes in a smaller font under a short rule; page 2 two
    columns and a table whose cells are printed one by one, its last rows on page 3."""
    from reportlab.pdfgen import canvas
    _fonts()
    c = canvas.Canvas(str(path))

    def frame(p):
        c.setFont("STSong-Light", 9)
        c.drawString(50, 810, HEAD)
        c.drawString(380, 810, "鲍超等：西北地区城镇化质量")
        c.drawString(290, 40, f"{p}")

    def columns(p, top, run_on=""):
        # each page's own lines (the same line on every page would be a running line); the last right
        # line of page 1 runs on to page 2, whose left column opens with the rest of the sentence
        c.setFont("STSong-Light", 9.5)
        left = ([run_on] if run_on else []) + [f"第{p}页左栏第{i}行：城镇化质量稳步提高。" for i in range(1, 9)]
        right = [f"第{p}页右栏第{i}行：经济发展质量同步提升。" for i in range(1, 8)]
        right.append(f"第{p}页右栏第8行：城市经济发展质量和" if p == 1 else f"第{p}页右栏第8行：质量提升。")
        left[2] += "①" if p == 1 else ""
        for i, line in enumerate(left):
            c.drawString(50, top - 15 * i, line)
        for i, line in enumerate(right):
            c.drawString(310, top - 15 * i, line)

    def rows(y, part):
        c.setFont("STSong-Light", 8.5)
        for row in part:
            for x, cell in zip((80, 260, 420), row):
                c.drawString(x, y, cell)
            y -= 14

    frame(1)
    c.setFont("STSong-Light", 16)
    c.drawString(100, 765, "中国西北地区城镇化质量的时空变化")
    columns(1, 730)
    c.setLineWidth(0.5)
    c.line(50, 118, 200, 118)
    c.setFont("STSong-Light", 7.5)
    c.drawString(50, 105, NOTES[0])
    c.drawString(50, 95, NOTES[1])
    c.showPage()
    frame(2)
    columns(2, 780, run_on="生态环境质量同步提升。")
    c.setFont("STSong-Light", 9.5)
    c.drawString(240, 640, "表1 西北地区城镇化率（%）")
    rows(624, TABLE[:4])
    c.showPage()
    frame(3)
    rows(780, TABLE[4:])
    columns(3, 740)
    c.showPage()
    c.save()
    return path


def _processed(path: Path):
    from kb.build import process
    from kb.config import Settings
    from kb.load import load as load_file
    out = process(load_file(path), Settings())
    return out["clean"], out["articles"], out["rows"]


def test_footnotes_form_a_notes_section_and_the_paragraph_they_interrupt_stays_whole(tmp_path):
    text, articles, rows = _processed(make_journal_pdf(tmp_path / "journal.pdf"))
    notes = [s for a in articles for s in a.sections if s.kind == "notes"]
    assert [text.text[s.start:s.end] for s in notes] == ["\n".join(NOTES)]
    assert text.page_at(notes[0].start) == 1
    body = [p.text for p in rows["passages"] if p.kind != "notes"]
    assert not any("统计年鉴" in t or "五省区" in t for t in body), body
    # the sentence that runs from page 1 to page 2 reads as one, the notes after it
    assert any("城市经济发展质量和生态环境质量同步提升。" in t for t in body)
    assert [p.text for p in rows["passages"] if p.kind == "notes"] == ["\n".join(NOTES)]
    assert HEAD not in text.text and "鲍超等" not in text.text


def test_a_table_printed_cell_by_cell_on_two_column_pages_runs_on_across_a_page_break(tmp_path):
    _, _, rows = _processed(make_journal_pdf(tmp_path / "journal.pdf"))
    (table,) = rows["tables"]
    assert table.caption == "表1 西北地区城镇化率（%）" and table.page == 2
    assert table.header == [list(TABLE[0])] and table.rows == [list(r) for r in TABLE[1:]]
    got = {(f.subject, f.period): (f.value, f.unit) for f in rows["facts"] if f.table}
    assert got[("新疆", "2020年")] == (56.53, "%") and got[("陕西", "2010年")] == (45.70, "%")
    assert len(got) == 10


def _one_page(path: Path, pieces: list[tuple[float, float, float, str]]) -> Path:
    """A one-page PDF with each (x, y, font size, text) drawn where it says."""
    from reportlab.pdfgen import canvas
    _fonts()
    c = canvas.Canvas(str(path))
    for x, y, size, text in pieces:
        c.setFont("STSong-Light", size)
        c.drawString(x, y, text)
    c.showPage()
    c.save()
    return path


def test_a_one_column_page_gives_its_marked_footnote_apart_and_keeps_the_rest_as_pypdf_reads_it(tmp_path):
    body = ["全年全市地区生产总值比上年增长4.8%。", "第一产业增加值增长3.2%，第二产业增加值增长5.1%。*"]
    raw = load(_one_page(tmp_path / "report.pdf", [(60, 780 - 18 * i, 11, line) for i, line in enumerate(body)]
                         + [(60, 90, 8, "*本公报中地区生产总值按现价计算，增长速度按不变价格计算。")]))
    assert raw.text.split("\n") == [*body, "*本公报中地区生产总值按现价计算，增长速度按不变价格计算。"]
    assert [raw.text[a:b] for a, b in raw.notes] == ["*本公报中地区生产总值按现价计算，增长速度按不变价格计算。"]


def test_small_print_at_the_foot_without_a_rule_or_a_note_marker_stays_in_the_body(tmp_path):
    path = _one_page(tmp_path / "report.pdf", [(60, 780, 11, "全年全市地区生产总值比上年增长4.8%。"),
                                               (60, 90, 8, "资料来源：市统计局。")])
    assert load(path).notes == []


def test_a_one_column_pages_table_printed_cell_by_cell_is_read_row_by_row(tmp_path):
    """pypdf prints each separately drawn cell on a line of its own; the row goes back on one line."""
    rows = [("产品名称", "产量（万吨）", "比上年增长（%）"), ("粮食", "902.61", "-3.2"), ("夏粮", "508.58", "-8.6"),
            ("秋粮", "394.03", "4.8"), ("油料", "56.43", "6.8")]
    cells = [(x, 725 - 18 * i, 11, cell) for i, row in enumerate(rows) for x, cell in zip((80, 280, 420), row)]
    raw = load(_one_page(tmp_path / "communique.pdf", [(60, 780, 11, "全年全市粮食总产量902.61万吨，比上年下降3.2%。"),
                                                      (220, 750, 11, "表3 2023年主要农产品产量及增速"), *cells,
                                                      (60, 620, 11, "全年全市猪牛羊禽肉总产量45.88万吨。")]))
    assert "粮食 902.61 -3.2" in raw.text.split("\n") and "产品名称 产量（万吨） 比上年增长（%）" in raw.text.split("\n")
    (table,), facts = extract_table_facts(clean(raw), [], raw.source, raw.text)
    assert [r[0] for r in table.rows] == ["粮食", "夏粮", "秋粮", "油料"]
    got = {(f.row, f.indicator): (f.value, f.unit) for f in facts}     # the rows are the things measured
    assert got[("夏粮", "夏粮产量")] == (5_085_800, "吨") and got[("油料", "油料产量比上年增长")] == (6.8, "%")
