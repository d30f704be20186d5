"""The quantity grammar (kb.extract.numbers) and period parser on real seed sentences, plus an
external check against Microsoft Recognizers-Text's Chinese specs."""
import json

import pytest

from kb.extract.numbers import chinese_number, find_quantities
from kb.extract.periods import find_periods
from tests.conftest import needs_shared, shared_path

SPECS = shared_path("external", "recognizers-text-specs")


def _q(text):
    return [(q.raw, q.value, q.unit) for q in find_quantities(text)]


def test_scaled_money_and_spaces_in_seed_sentence():
    # 003: 2020年 1—5月，全省社会消费品零售总额 8181.55亿元，同比下降 13.6%，降幅比第一季度收窄 8.3个百分点。
    text = "2020年 1—5月，全省社会消费品零售总额 8181.55亿元，同比下降 13.6%，降幅比第一季度收窄 8.3个百分点。"
    assert _q(text) == [("8181.55亿元", 818155000000.0, "元"), ("13.6%", 13.6, "%"), ("8.3个百分点", 8.3, "百分点")]


def test_full_width_digits_keep_offsets():
    text = "增长率为 10.8％；"   # 003 prints this percent sign full-width
    q = find_quantities(text)[0]
    assert (q.value, q.unit, text[q.start:q.end]) == (10.8, "%", "10.8％")


def test_ten_thousand_teu_and_trillion():
    assert _q("集装箱运量达31.14万标箱")[0][1:] == (311400.0, "标箱")
    assert _q("2019年我国网络零售额约 10.63万亿元")[0][1:] == (10.63e12, "元")


def test_qualifiers_are_kept():
    q = find_quantities("推动南康家具产业集群产值突破 2800 亿元，海外订单超 50 亿元。")   # 004
    assert [(x.value, x.qualifier) for x in q] == [(2.8e11, "突破"), (5e9, "超")]
    q = find_quantities("城镇新增就业1200万人以上")
    assert (q[0].value, q[0].unit, q[0].qualifier) == (1.2e7, "人", "以上")


def test_ranges():
    q = find_quantities("轻轨交通 1小时能运输 1万—3万人；")   # 003
    r = [x for x in q if x.is_range][0]
    assert (r.low, r.high, r.unit) == (1e4, 3e4, "人")
    r = find_quantities("占比在75%—80%之间")[0]
    assert (r.low, r.high, r.unit) == (75, 80, "%")
    r = find_quantities("规模达6.9万亿—10.3万亿元")[0]
    assert (r.low, r.high, r.unit) == (6.9e12, 10.3e12, "元")


def test_a_minus_glued_to_the_quantity_before_is_a_range_dash_not_a_sign():
    # gwr2026_beijing: 年均增速4.5%-5%; gwr_2016: 国内生产总值增长6.5%－7% (full-width minus)
    for text, ends in (("地区生产总值年均增速4.5%-5%、努力争取更好结果", (4.5, 5)),
                       ("今年发展的主要预期目标是：国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右", (6.5, 7)),
                       ("国内生产总值增长6%－6.5%；城镇新增就业1100万人以上", (6, 6.5))):
        r = find_quantities(text)[0]
        assert (r.is_range, r.low, r.high, r.unit) == (True, *ends, "%")
        assert all(q.value >= 0 for q in find_quantities(text))
    assert _q("气温-5度")[0][1] == -5    # a sign after a word stays a sign


def test_chinese_numerals():
    assert chinese_number("一百二十") == 120
    assert chinese_number("两千") == 2000
    assert chinese_number("九百九") == 990
    assert chinese_number("三亿五千万") == 350_000_000
    assert chinese_number("二〇一九") == 2019
    assert chinese_number("一千零五") == 1005 and chinese_number("二十五") == 25
    # 十二五, 十五五 are plan names: two digits after a scale are no numeral
    assert chinese_number("十二五") is None and chinese_number("十五五") is None
    assert _q("“十二五”时期新增5个") == [("5个", 5, "个")]
    assert _q("百分之十五")[0][1:] == (15, "%")


def test_article_numbers_dates_and_codes_are_not_quantities():
    # 003 front matter: the trap value 2095 must never become a quantity
    text = "中图分类号：F061.5 文献标识码：A 文章编号：2095-5766（2020）05-0001-15 收稿日期：2020-07-15"
    assert find_quantities(text) == []
    assert find_quantities("基金项目：国家社会科学基金重大项目（17JJD850002）") == []
    assert all(q.value != 17 for q in find_quantities("2020年5月17日，中共中央、国务院发布"))


def test_periods():
    text = "2020年 1—5月，全省社会消费品零售总额 8181.55亿元，降幅比第一季度收窄 8.3个百分点"
    assert [p.text for p in find_periods(text)] == ["2020年1—5月", "第一季度"]
    assert [p.text for p in find_periods("2012—2019年，西部地区的农村贫困人口")] == ["2012—2019年"]
    assert [p.text for p in find_periods("截至2019年年底，2024年上半年")] == ["2019年年底", "2024年上半年"]
    assert "2016—2020" in find_periods("“十三五”期间，西部地区")[0].text


# ---------------------------------------------------------------- Recognizers-Text specs
def _cases(name):
    data = json.loads((SPECS / name).read_text(encoding="utf-8-sig"))
    return [c for c in data if "python" not in (c.get("NotSupported") or "").lower()]


def _expected(case):
    values = []
    for r in case["Results"]:
        v = str(r["Resolution"].get("value", "")).rstrip("%")
        try:
            values.append(round(float(v), 6))
        except ValueError:
            return None
    return values


def _pass_rate(name, units=None):
    cases = [c for c in _cases(name) if _expected(c) is not None]
    ok = 0
    for c in cases:
        got = [round(q.value, 6) for q in find_quantities(c["Input"]) if units is None or units(q.unit)]
        ok += got == _expected(c)
    return ok / len(cases), len(cases)


@pytest.mark.parametrize("name,units,floor", [
    ("Number/Chinese/NumberModel.json", None, 0.55),
    ("Number/Chinese/PercentModel.json", lambda u: u in ("%", "百分点"), 0.55),
    ("NumberWithUnit/Chinese/CurrencyModel.json", lambda u: u in {"元", "美元", "欧元", "日元", "港元", "英镑"}, 0.60),
    ("NumberWithUnit/Chinese/DimensionModel.json", lambda u: u not in {"", "%", "元", "美元"}, 0.30),
])
@needs_shared("external", "recognizers-text-specs")
def test_recognizers_specs_pass_rate(name, units, floor):
    rate, n = _pass_rate(name, units)
    print(f"{name}: {rate:.1%} of {n}")
    assert rate >= floor


def test_numeral_value_is_the_one_grammar_for_arabic_and_chinese_numerals():
    from kb.extract.numbers import numeral_value
    # 十二 was read as 0 by a private table in indicators.py; every stage now calls this
    assert [numeral_value(x) for x in ("十二", "二十", "十", "一百零五", "二〇二六", "1,234.5", "三点五")] == [
        12, 20, 10, 105, 2026, 1234.5, 3.5]
    assert numeral_value("") is None and numeral_value("十二项") is None


def test_powers_of_ten_of_a_papers_formulas_scale_the_mantissa():
    # chinaxiv_201909_00143 / _202006_00002 (TeX turned to text): 3.234×10^12元, 8.24×10^4km^2
    found = find_quantities("2002年,山西省各产业的总投入为4.922×10^11元,2015年的总投入为3.234×10^12元,10a间增加了5.6倍")
    assert [(q.value, q.unit) for q in found] == [(4.922e11, "元"), (3.234e12, "元"), (5.6, "倍")]
    assert [(q.value, q.unit) for q in find_quantities("该市辖区面积为8.24×10^4km^2,主要包括")] == [(82400.0, "平方公里")]


def test_jianfu_is_a_burden_cut_not_a_negative_sign():
    # gwr2026_zhejiang: 为经营主体减负2500亿元以上
    (q,) = find_quantities("精准落实惠企政策，为经营主体减负2500亿元以上。")
    assert q.value == 2.5e11 and q.raw == "2500亿元以上"


def test_sites_and_sessions_are_count_units():
    # communique_2023_luoyang / gwr2026_beijing: 全国重点文物保护单位51处, 举办大型活动2295场, 2.9万场次
    assert [(q.value, q.unit) for q in find_quantities("全国重点文物保护单位51处，举办大型活动2295场、增长25.8%，开展促消费活动2.9万场次")] == [
        (51.0, "处"), (2295.0, "场"), (25.8, "%"), (29000.0, "场次")]


def test_compound_scales_and_computing_power_units():
    # gwr2026_henan: 算力总规模达到10.36百亿亿次/秒 (10.36 × 10^18 per second)
    assert [(q.value, q.unit) for q in find_quantities("算力总规模达到10.36百亿亿次/秒。")] == [(1.036e19, "次/秒")]
    # gwr2026_gansu: 算力规模达到11.4万P (PFLOPS); a Latin unit ends at the letters' end
    assert [(q.value, q.unit) for q in find_quantities("庆阳数据中心集群从无到有、数实融合，算力规模达到11.4万P，绿色算力新城")] == [
        (114000.0, "P")]
    assert [q.unit for q in find_quantities("存储容量达到3万PB")] == [""]


def test_an_amount_per_head_and_month_carries_it_in_its_unit():
    # gwr2026 (wildcorpus): 分别从每人每月209元、280元提高到217元、290元 — every amount of the clause is per head and month
    found = find_quantities("困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人每月209元、280元提高到217元、290元。为超20000名残疾儿童")
    assert [(q.value, q.unit) for q in found] == [
        (209.0, "元/人·月"), (280.0, "元/人·月"), (217.0, "元/人·月"), (290.0, "元/人·月"), (20000.0, "名")]
    # extcorpus work report: 财政补助由每人每年380元提高到420元; the next clause has its own
    found = find_quantities("整合城乡居民基本医保制度，财政补助由每人每年380元提高到420元。改革医保支付方式，投入50亿元")
    assert [q.unit for q in found] == ["元/人·年", "元/人·年", "元"]
