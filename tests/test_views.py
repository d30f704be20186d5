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


def test_quotable_of_a_long_merged_hit_quotes_where_the_query_terms_are():
    merged = "第一句话在这里。" * 30 + ZHENGZHOU
    q = views.quotable(hit(text=merged, terms=["郑州", "跨境电商"]), limit=60)
    assert q.startswith("“…") and "郑州" in q and "第一句话在这里。" * 8 not in q


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


def test_citation_puts_the_gbt7714_reference_before_the_location():
    ref = "王珺琪. 区域战略叠加视域下高质量共建“一带一路” 节点城市的创新路径与协同实践[Z]."
    c = views.hit_citation(hit(reference=ref))
    assert c == (f"{ref} 位置：二、“一带一路”节点城市的类型化发展模式 > （二）产业驱动型：跨境产业链协同升级，"
                 "第3页，004_13c680af1f380253.txt 字符 2442–2638")


# ------------------------------------------------------------------ numbers and cells
def test_significant_drops_float_noise_and_keeps_real_digits():
    # 1325.88亿元 * 1e8 and 500亿美元-style products carry noise in the last bits
    assert views.significant(1325.88 * 1e8) == 132588000000.0
    assert views.significant(980000000.0000001) == 980000000.0
    assert views.significant(4848.16) == 4848.16 and views.significant(0.0) == 0.0
    assert views.significant(619) == 619 and views.significant("x") == "x"


def test_readable_amount_in_chinese_magnitudes():
    assert views.readable_amount(1_565_110_000_000, "元") == "1.57万亿元"
    assert views.readable_amount(1458.8 * 1e8, "元") == "1,458.8亿元"
    assert views.readable_amount(311_400, "标箱") == "31.14万标箱"
    assert views.readable_amount(53741.53, "元") == "5.37万元"
    assert views.readable_amount(619, "项") == "" and views.readable_amount(15, "%") == ""
    assert views.readable_amount(float("nan"), "元") == "" and views.readable_amount(None, "元") == ""


def test_display_frame_shows_empty_cells_as_empty_text():
    df = pd.DataFrame({"subject": ["郑州", None], "period": [None, float("nan")],
                       "value": [1325.88 * 1e8, 8.5], "value_max": [None, 5.0],
                       "year": pd.array([2024, None], dtype="Int64"), "sources": [["a.txt", "b.txt"], []]})
    shown = views.display_frame(df)
    assert shown.subject.tolist() == ["郑州", ""] and shown.period.tolist() == ["", ""]
    assert shown.value.tolist() == [132588000000.0, 8.5]           # full column: still numbers
    assert shown.value_max.tolist() == ["", "5"] and shown.year.tolist() == ["2024", ""]
    assert shown.sources.tolist() == ["a.txt；b.txt", ""]
    assert "None" not in shown.to_string() and "NaN" not in shown.to_string()


# ------------------------------------------------------------------ indicator systems
# Rows as the pipeline extracts them from seed 003's 城乡高质量融合发展 paper: one system, named four ways.
SYSTEM_DIMENSIONS = ["经济发展动力", "交通信息网络", "生态承载能力", "居民生活水平"]


def test_one_system_named_four_ways_is_one_row_with_the_most_indicators():
    from kb.tables import distinct_systems

    indicators = [["经济发展动力", "资本流动", None], ["经济发展动力", "劳动流动", None],
                  ["交通信息网络", "技术流动", 0.12]]
    names = ["城乡高质量融合发展综合水平指标体系", "城乡高质量融合发展指标体系", "城乡高质量融合发展测度指标体系",
             "城乡高质量融合发展水平指标体系"]
    other = {"source": "003_3f64eff42e724e01.txt", "article": "中国城镇化高质量发展的综合测度与演化特征",
             "name": "城镇化高质量发展指标体系", "dimensions": ["经济发展", "科技支撑", "生态环保", "协调共享"],
             "indicators": []}
    rows = [{"source": "003_3f64eff42e724e01.txt", "article": "城乡高质量融合发展", "name": n,
             "dimensions": SYSTEM_DIMENSIONS, "indicators": indicators if i == 3 else []}
            for i, n in enumerate(names)]
    out = distinct_systems(pd.DataFrame([other, *rows]))
    assert out.name.tolist() == ["城镇化高质量发展指标体系", "城乡高质量融合发展水平指标体系"]
    assert out.other_names.tolist()[1] == names[:3] and len(out.indicators[1]) == 3
    overview = views.systems_overview(out.assign(from_table=False))
    assert overview.indicators.tolist() == [0, 3]
    assert max(len(line) for line in overview.to_string(index=False).splitlines()) < 120
    assert views.grouped_indicators(indicators) == "经济发展动力：资本流动、劳动流动；交通信息网络：技术流动(0.12)"


# ------------------------------------------------------------------ the chart's default indicator
def test_default_chart_indicator_is_specific_not_a_catch_all_share():
    # Facts of seed 003 (西部大开发20年): 比重 gathers unrelated shares of the same region and year.
    rows = [("比重", "人口占全国的比重", "西部地区", 2000, 28.0, "%", "low"),
            ("比重", "占全国的比重", "西部地区", 2000, 17.23, "%", "low"),
            ("比重", "第一产业占比", "西部地区", 2000, 21.44, "%", "high"),
            ("比重", "人口占全国的比重", "西部地区", 2019, 27.3, "%", "low"),
            ("比重", "占全国的比重", "西部地区", 2019, 20.71, "%", "low"),
            ("比重", "第一产业占比", "西部地区", 2019, 10.95, "%", "high"),
            ("比重", "第二产业占比", "西部地区", 2011, 50.92, "%", "high"),
            ("人均GDP", "人均GDP", "西部地区", 2000, 4848.16, "元", "high"),
            ("人均GDP", "人均GDP", "西部地区", 2019, 53741.53, "元", "high"),
            ("人均GDP", "人均GDP", "天津", 2012, 95093.0, "元", "high"),
            ("人均GDP", "人均GDP", "贵州", 2012, 19608.0, "元", "high")]
    facts = pd.DataFrame(rows, columns=["indicator_canonical", "indicator", "subject", "year", "value", "unit",
                                        "indicator_confidence"])
    assert facts.indicator_canonical.value_counts().index[0] == "比重"   # the most facts …
    assert views.default_chart_indicator(facts) == "人均GDP"              # … but a bare generic measure


def test_default_chart_indicator_counts_cells_that_mix_different_quantities_against_it():
    # 进出口总额 of 中国 in 2019 (seed 003) gathers four unrelated totals: 运输业, 旅游业, 知识产权使用费, 电信…
    rows = [("进出口总额", "运输业进出口总额", "中国", 2019, 7.6424e11, "元"),
            ("进出口总额", "旅游业进出口总额", "中国", 2019, 1.50047e12, "元"),
            ("进出口总额", "进出口知识产权使用费总额", "中国", 2019, 2.1419e11, "元"),
            ("进出口总额", "电信、计算机和信息服务业进出口总额", "中国", 2019, 4.0416e11, "元"),
            ("进出口总额", "进出口总额", "杭州", 2024, 1.51995e11, "元"),
            ("人均GDP", "人均GDP", "西部地区", 2000, 4848.16, "元"),
            ("人均GDP", "人均GDP", "西部地区", 2019, 53741.53, "元"),
            ("人均GDP", "人均GDP", "天津", 2012, 95093.0, "元"),
            ("人均GDP", "人均GDP", "贵州", 2012, 19608.0, "元")]
    facts = pd.DataFrame(rows, columns=["indicator_canonical", "indicator", "subject", "year", "value", "unit"])
    assert views.default_chart_indicator(facts) == "人均GDP"
