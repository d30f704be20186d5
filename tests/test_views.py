"""kb.views: safe highlighting, citations, context windows, chart frames, download bytes."""
from __future__ import annotations

import io

import pandas as pd

from kb import views
from kb.types import Hit

# A real sentence of seed 004 (the answer to the dev question 郑州跨境电商交易额是多少).
ZHENGZHOU = "2024年，郑州市跨境电商交易额为1458.8亿元，居中部地区第一，进一步证明了郑州在全球贸易中的重要地位。"


def test_highlight_escapes_script_and_marks_terms():
    text = "<script>alert('x')</script>" + ZHENGZHOU
    out = views.highlight_html(text, ["跨境电商", "郑州"])
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert out.count(views.MARK_OPEN + "郑州</mark>") == 2
    assert views.MARK_OPEN + "跨境电商</mark>" in out


def test_highlight_prefers_the_longer_term_and_never_nests():
    out = views.highlight_html(ZHENGZHOU, ["跨境", "跨境电商", "电商"])
    assert views.MARK_OPEN + "跨境电商</mark>" in out
    assert out.count("<mark") == 1


def test_a_term_never_matches_inside_an_escaped_entity():
    # "amp" / "lt" must match the visible text only, not the &amp; / &lt; the escaping adds
    out = views.highlight_html("R&D < 5%", ["amp", "lt"])
    assert "<mark" not in out
    assert out == "R&amp;D &lt; 5%"


def test_highlight_matches_across_line_breaks_fullwidth_digits_and_footnote_markers():
    # extraction damage as in the seeds: a line break inside a word, full-width digits, a marker glued on
    text = "郑州\n市跨境电商交易额为１４５８.８①亿元"
    spans = views.term_spans(text, ["郑州市", "1458.8"])
    assert [text[a:b] for a, b in spans] == ["郑州\n市", "１４５８.８"]


def test_highlight_without_terms_is_plain_escaped_text():
    assert views.highlight_html("a<b>", []) == "a&lt;b&gt;"


def hit(**kw) -> Hit:
    base = dict(rank=1, score=0.9, source="004_13c680af1f380253.txt",
                article="区域战略叠加视域下高质量共建“一带一路” 节点城市的创新路径与协同实践",
                section="二、“一带一路”节点城市的类型化发展模式 > （二）产业驱动型：跨境产业链协同升级",
                kind="body", start=2442, end=2638, text=ZHENGZHOU, page=3, terms=["郑州"])
    base.update(kw)
    return Hit(**base)


def test_citation_names_article_section_page_file_and_offsets():
    c = views.hit_citation(hit())
    assert c == ("《区域战略叠加视域下高质量共建“一带一路” 节点城市的创新路径与协同实践》，"
                 "二、“一带一路”节点城市的类型化发展模式 > （二）产业驱动型：跨境产业链协同升级，"
                 "第3页，004_13c680af1f380253.txt 字符 2442–2638")
    assert views.hit_citation(hit(page=None, article="", section="")) == "004_13c680af1f380253.txt 字符 2442–2638"


def test_quotable_shortens_long_passages_and_keeps_the_citation():
    q = views.quotable(hit(text="很长的段落" * 100), limit=20)
    assert q.startswith("“很长的段落") and "…”（《区域战略" in q and q.endswith("2442–2638）")


def test_context_window_keeps_whole_sentences_around_the_cited_span():
    text = "第一句话在这里。" * 30 + ZHENGZHOU + "后面的句子。" * 30
    start = text.index("2024年")
    end = start + len(ZHENGZHOU)
    w = views.context_window(text, start, end, chars=50)
    assert w.cited == ZHENGZHOU
    assert w.before.startswith("第一句话") and w.before.endswith("。")
    assert w.after.startswith("后面") and w.after.endswith("。")
    assert 0 < len(w.before) <= 50 and 0 < len(w.after) <= 50
    assert text[w.start:w.end] == w.before + w.cited + w.after


def test_window_html_frames_the_cited_span_and_escapes():
    text = "<b>前文。</b>" + ZHENGZHOU
    start = text.index("2024年")
    html = views.window_html(views.context_window(text, start, len(text)), ["郑州"])
    assert "&lt;b&gt;前文。&lt;/b&gt;" in html and "<b>" not in html
    assert views.CITED_OPEN in html and views.MARK_OPEN + "郑州</mark>" in html


def test_chart_frame_keeps_the_main_unit_and_averages_duplicates():
    facts = pd.DataFrame({
        "indicator_canonical": ["人均GDP", "人均GDP", "人均GDP", "人均GDP", None],
        "indicator": ["人均 GDP", "人均GDP", "人均GDP", "人均GDP增速", "人均GDP"],
        "subject": ["东部", "东部", "西部", "西部", "西部"],
        "value": [95093.0, 95000.0, 19608.0, 8.0, 4848.16],
        "unit": ["元", "元", "元", "%", "元"],
        "year": pd.array([2012, 2012, 2012, 2012, 2000], dtype="Int64"),
    })
    data, unit = views.chart_frame(facts, "人均GDP")
    assert unit == "元"
    assert data.to_dict("records") == [{"year": 2012, "subject": "东部", "value": 95046.5},
                                       {"year": 2000, "subject": "西部", "value": 4848.16},
                                       {"year": 2012, "subject": "西部", "value": 19608.0}]
    assert views.axis_title("人均GDP", unit) == "人均GDP（元）"


def test_download_bytes_are_real_csv_and_xlsx():
    df = pd.DataFrame({"subject": ["郑州"], "value": [1.4588e11], "sources": [["a.txt", "b.txt"]]})
    csv = views.csv_bytes(df)
    assert csv.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig").to_dict("records") == [
        {"subject": "郑州", "value": 1.4588e11, "sources": "a.txt；b.txt"}]
    back = pd.read_excel(io.BytesIO(views.xlsx_bytes(df, "facts")), sheet_name="facts")
    assert back.subject.tolist() == ["郑州"] and back.sources.tolist() == ["a.txt；b.txt"]
