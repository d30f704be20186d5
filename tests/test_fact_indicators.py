"""Indicators of facts in wild documents (kb/extract/fact_indicators.py): what a figure measures, with its scope."""
from tests.test_facts import _doc_facts, _facts, _sectioned_facts


def _indicators(text, year):
    """Indicators of a national work report's sentences, in order."""
    return [f.indicator for f in _doc_facts(text, "work_report", "全国", year)]


def test_a_count_is_named_with_the_predicate_after_the_counted_things():
    # gwr2026_beijing / gwr2026_heilongjiang: a count of the things the predicate holds for, not of all of them
    rows = _doc_facts("强化原创性引领性科技攻关，210项关键核心技术获得突破，北京连续9年稳居自然指数-科研城市全球榜首。",
                      "work_report", "北京市", 2026)
    assert rows[0].indicator == "获得突破的关键核心技术"
    rows = _doc_facts("产业项目建设年活动深入实施，1000个省级重点产业项目完成投资1865.7亿元、增长4%，243个重点项目建成投产。",
                      "work_report", "黑龙江省", 2026)
    assert [f.indicator for f in rows][0] == "省级重点产业项目"
    assert rows[-1].indicator == "建成投产的重点项目"
    # gwr_2005: a verb alone after the counted things, behind an adverb
    rows = _doc_facts("1410个县级和250个省、市（地）级疾病预防控制中心基本建成，290所紧急救援中心陆续开工。",
                      "work_report", "", 2005)
    assert rows[-1].indicator == "开工的紧急救援中心"
    # gwr2026_guangdong: 已建成 right after the figure describes the things after it, it is no predicate
    rows = _doc_facts("改造提升超5000个已建成自然村的生活污水治理设施，优化已建成自然村生活污水治理设施运维管护。",
                      "work_report", "广东省", 2026)
    assert "建成" not in (rows[0].indicator or "")


def test_lengths_and_list_items_after_a_verb_of_addition_are_additions():
    # gwr2026_gansu: the part after 其中 of a length added is added too (not the railway's total length)
    text = "完成交通投资4999亿元，新增铁路运营里程639公里、其中高铁370公里，新增高速（一级）公路2600公里、农村公路3000公里。"
    rows = _doc_facts(text, "work_report", "甘肃省", 2026)
    assert [f.indicator for f in rows][1:] == ["新增铁路运营里程", "新增高铁里程", "新增高速(一级)公路里程", "新增农村公路里程"]
    # gwr2026_guangdong: 新培育 heads the list
    text = "新培育国家制造业单项冠军企业47家、专精特新“小巨人”企业688家，预计高新技术企业达7.4万家。"
    rows = _doc_facts(text, "work_report", "广东省", 2026)
    assert rows[1].indicator == "新培育专精特新“小巨人”企业"


def test_a_bare_verb_takes_the_thing_it_is_done_to():
    # gwr2026_city_hefei: houses made safe are counted as such, not as the stock of 危房
    rows = _doc_facts("改造50个老旧小区，解危2400套危房。", "work_report", "合肥市", 2026)
    assert [f.indicator for f in rows] == ["改造老旧小区", "解危危房"]
    # gwr2026_guizhou: an area after a bare verb of 完成 is that of the programme the clause before pursues
    rows = _doc_facts("有序推进耕地下山、林地上山，完成置换63万亩。", "work_report", "贵州省", 2026)
    assert rows[0].indicator == "耕地下山、林地上山置换面积"


def test_a_long_name_ending_in_a_list_of_examples_keeps_the_list_whole():
    # plan15_suzhou: not 商环境、企业服务… cut inside the third item
    text = "保障招商引资、科技创新、营商环境、企业服务、安全环保等核心职能机构数量占比不低于60%、人员力量配备不低于80%。"
    rows = _doc_facts(text, "plan", "苏州市", 2026)
    assert rows[0].indicator == "招商引资、科技创新、营商环境、企业服务、安全环保等核心职能机构数量占比"


def test_measures_and_powers_counted_are_named_with_their_aim_or_holder():
    # gwr2026_zhejiang: 举措 alone are those for the aim the sentence names; (seed) 出台稳投资10项举措
    text = "积极应对美国加征关税影响，第一时间成立支持外经贸高质量发展指挥部、出台20条举措，外贸出口增长7.2%。"
    assert _doc_facts(text, "work_report", "浙江省", 2026)[0].indicator == "支持外经贸高质量发展举措"
    rows = _doc_facts("与此同时，面对疫情带来的严重冲击，河南及时出台稳投资10项举措。", "paper", "", 2020)
    assert rows[0].indicator == "稳投资举措"
    # gwr2026_guangdong: the counted powers are those now exercised by 市县, not a fragment …由市县
    rows = _doc_facts("调整316项省级行政职权由市县实施，财政省直管县实现全覆盖。", "work_report", "广东省", 2026)
    assert rows[0].indicator == "调整由市县实施的省级行政职权"


def test_a_revenue_after_events_held_is_theirs():
    # gwr2026_city_hefei: the revenue of the fairs just counted
    text = "举办各类展会超700场、综合收入突破1000亿元。"
    assert _doc_facts(text, "work_report", "合肥市", 2026)[1].indicator == "展会综合收入"


def test_one_figure_said_of_each_thing_listed_before_分别_is_a_row_for_each():
    # gwr2026_heilongjiang: 200个 each, not one row for the pair
    rows = _doc_facts("做强做大经营主体，培育引进规上加工企业、精深加工项目分别达到200个以上。", "work_report", "黑龙江省", 2026)
    assert [(f.indicator, f.value) for f in rows] == [("培育引进规上加工企业", 200), ("精深加工项目", 200)]


def test_figures_after_其中_take_the_measure_the_clause_before_named_for_the_places():
    # chinaxiv_202110_00025: the 30% threshold is no fact, but its clause names what the 50% figures measure
    text = ("据统计，粤港澳大湾区深圳、东莞、珠海、佛山等市的国土开发强度已超过30%国际公认警戒线，"
            "其中深圳已超过50%，东莞接近50%^[8]。")
    rows = _doc_facts(text, "paper", "", None)
    assert [(f.value, f.indicator, f.indicator_confidence) for f in rows] == [(50, "国土开发强度", "high")] * 2


def test_listed_figures_keep_their_own_names_past_unit_notes_and_shared_heads():
    # gwr2026_guizhou: the figure before's unit note （套） is no part of the next name
    text = "累计完成棚户区改造47.63万户（套）、老旧小区改造68.56万户、背街小巷改造5667条。"
    assert _doc_facts(text, "work_report", "贵州省", 2026)[1].indicator == "老旧小区改造"
    # gwr2026_beijing: a bare rate after a rate of a named thing is of that thing
    text = "市民服务热线诉求解决率、满意率分别达97.3%和97.7%，接诉即办纪录电影《您的声音》引发热烈反响。"
    assert [f.indicator for f in _doc_facts(text, "work_report", "北京市", 2026)] == [
        "市民服务热线诉求解决率", "市民服务热线诉求满意率"]
    # gwr2026_gansu: 件 counts the things after it; gwr2026_zhejiang: trains run are the sentence's 班列
    assert _doc_facts("每年高质量办成10件为民实事。", "work_report", "甘肃省", 2026)[0].indicator.endswith("为民实事")
    text = "高质量建设金华（义乌）中欧班列集结中心，深化中欧班列市场化运营改革，全年开行3000列以上。"
    assert _doc_facts(text, "work_report", "浙江省", 2026)[0].indicator == "中欧班列开行"


def test_projects_of_a_programme_and_things_provided_for_people_are_named_so():
    # gwr2026_zhejiang: the programme the sentence opens on; jobs for 退役军人 (not all jobs)
    rows = _doc_facts("深入实施文化基因激活工程，累计培育100个标志性项目。", "work_report", "浙江省", 2026)
    assert rows[0].indicator == "文化基因激活工程标志性项目"
    rows = _doc_facts("为退役军人提供5万个就业岗位，开展就业帮扶1万人。", "work_report", "浙江省", 2026)
    assert rows[0].indicator == "退役军人就业岗位"


def test_a_share_bounded_by_a_whole_names_it():
    # plan15_suzhou: 不低于总立项数的90% is a share of all projects set up, not a count
    text = "优化产业技术创新项目支持政策，每年支持企业承担的市级产业技术创新项目数不低于总立项数的90%。"
    assert _doc_facts(text, "plan", "苏州市", 2026)[0].indicator == "支持企业承担的市级产业技术创新项目数占总立项数的比重"


def test_a_measure_after_a_figure_of_the_things_counted_takes_their_scope():
    # communique_2023_qiandongnan: the sentence before (split at ；) counted the people on 低保
    text = "年末全州城市居民最低生活保障人数5.57万人；月人均保障标准719元，比上年增长8.0%。"
    rows = _doc_facts(text, "communique", "黔东南州", 2023)
    assert [f.indicator for f in rows[1:]] == ["年末全州城市居民最低生活保障月人均保障标准"] * 2
    text = "全年向上争取实施省级以上科技计划项目88项，比上年增长66.0%；争取到资金5737万元，比上年增长4.7%。"
    assert _doc_facts(text, "communique", "黔东南州", 2023)[2].indicator == "向上争取实施省级以上科技计划项目资金"
    # gwr2026_city_hefei: a measure qualified as the projects counted were (备案投资)
    text = "力争新招引备案投资亿元以上项目400个，备案投资额突破2000亿元。"
    assert _doc_facts(text, "work_report", "合肥市", 2026)[1].indicator == "新招引备案投资亿元以上项目备案投资额"
    # gwr2026_zhejiang: a rate of the people just counted (参保人数 → 参保率)
    rows = _doc_facts("新增长护险参保人数1561万人，参保率达93%。", "work_report", "浙江省", 2026)
    assert rows[1].indicator == "长护险参保率"
    # gwr_2016: 赤字率 is no rate of a count; a product's own measure is not scoped by the one before
    rows = _doc_facts("今年拟安排财政赤字2.18万亿元，比去年增加5600亿元，赤字率提高到3%。", "work_report", "", 2016)
    assert rows[-1].indicator == "赤字率"


def test_the_scope_a_sentence_or_list_gives_its_counts_is_kept():
    # gwr2026_henan: the level opening a list of kinds of one family is said of each
    text = "国家生态文明建设示范区23个，省级以上绿色工厂1210家、绿色工业园区74个，重点行业绿色化改造实现全覆盖。"
    assert [f.indicator for f in _doc_facts(text, "work_report", "河南省", 2026)][1:] == ["省级以上绿色工厂", "省级以上绿色工业园区"]
    # plan15_suzhou: not by a kind of another family
    text = "到2030年，累计新增人工智能领域上市企业20家、省级独角兽企业100家、高新技术企业1000家，市级人工智能产业园达30个。"
    assert "省级" not in _doc_facts(text, "plan", "苏州市", 2026)[2].indicator
    # gwr2026_city_hefei: a sentence opening on an industry alone speaks of it (not one that acts on it)
    text = "具身智能产业，加快突破世界模型等前沿技术，提升核心部件及高性能整机研发制造能力，引育行业领军企业5家以上。"
    assert _doc_facts(text, "work_report", "合肥市", 2026)[0].indicator == "具身智能产业引育行业领军企业"
    text = "全市财政支出八成以上投向民生领域，累计为经营主体减轻税费负担超4900亿元；"
    assert _doc_facts(text, "work_report", "北京市", 2026)[1].indicator == "为经营主体减轻税费负担"
    # communique_2023_zhoukou: the province that awards a title is no subject of a city's count, and stays in it
    text = "新增国家级智能制造示范优秀场景2家、河南省服务型制造标杆企业1家、智能车间（工厂）17家。"
    rows = _doc_facts(text, "communique", "周口市", 2023)
    assert rows[1].indicator.endswith("河南省服务型制造标杆企业") and rows[1].subject == "周口"


def test_a_bare_word_takes_what_the_sentence_says_it_counts_or_measures():
    # gwr2026_xinjiang: a length stated before 的 is the length of the thing after it
    text = "完成“三北”工程建设任务6063万亩，全长3046公里的环塔克拉玛干沙漠生态屏障实现合龙，荒漠化及沙化土地面积实现“双缩减”。"
    assert _doc_facts(text, "work_report", "新疆维吾尔自治区", 2026)[1].indicator == "环塔克拉玛干沙漠生态屏障全长"
    # gwr2026_beijing: the change opening a list is said of the item after 、
    text = "持续营造国际一流营商环境，累计推出119个“高效办成一件事”重点事项，平均压减时间58%、材料52%；"
    assert [f.indicator for f in _doc_facts(text, "work_report", "北京市", 2026)][-2:] == ["平均压减时间", "平均压减材料"]
    # plan15_hangzhou: a count of things started is of that event; gwr2026_beijing: not of lines opened
    assert _doc_facts("分批启动100个片区组团，力争实现村集体经济“10080”目标全覆盖。", "plan", "杭州市", 2026)[0].indicator \
        == "启动片区组团"
    text = "深化交通综合治理，开通3条地铁新线、新增运营里程30公里，总里程达909公里、居全国首位；"
    assert _doc_facts(text, "work_report", "北京市", 2026)[0].indicator == "地铁新线"


def test_a_list_of_names_is_read_whole_and_item_by_item():
    # gwr2026_beijing: 和 inside a list closed by its count does not cut the run
    text = "大力发展现代服务业，软件信息、科技服务和商务服务三大产业对经济增长贡献超五成，金融服务实体经济能效不断提升。"
    assert _doc_facts(text, "work_report", "北京市", 2026)[0].indicator == "软件信息、科技服务和商务服务三大产业对经济增长贡献"
    # gwr2026_gansu: the shared tail starts at 产业, not at the first item's length
    rows = _doc_facts("新材料、生物医药产业产值分别增长195.6%、83.5%。", "work_report", "甘肃省", 2026)
    assert [f.indicator for f in rows] == ["新材料产业产值", "生物医药产业产值"]
    # gwr2026_guizhou: 一二三产 names three sectors
    text = "主要预期目标是：地区生产总值增长5%左右，其中一二三产增加值分别增长3.5%左右、6%左右、5%左右。"
    rows = _doc_facts(text, "work_report", "贵州省", 2026)
    assert [f.indicator for f in rows[1:]] == ["一产增加值", "二产增加值", "三产增加值"]


def test_a_kind_named_alone_after_a_sentence_on_a_kinds_measure_is_measured_so():
    # 003 (seed paper): the kinds of services trade, one per sentence; 其他 opens a name, it is no fragment
    text = "加工服务业进出口总额1014亿元，同比下降6.3%；其他商业服务6210.5亿元，同比增长10.2%。"
    rows = _doc_facts(text, "paper", "", 2020)
    assert [(f.indicator, f.indicator_confidence) for f in rows[2:]] == [("其他商业服务进出口总额", "high")] * 2
    # gwr_1995: a fragment is not given the measure of the sentence before
    text = ("全年国内生产总值增加值增长百分之十一点八。"
            "固定资产投资增长幅度由上年的百分之五十八点六回落到百分之二十七点八，增长过快的势头初步得到遏制。")
    assert not any((f.indicator or "").endswith("由增加值") for f in _doc_facts(text, "work_report", "", 1995))


def test_an_ocr_run_of_shares_is_read_item_by_item_and_a_later_bare_run_takes_the_same_names():
    # chinaxiv_201909_00150 (converted paper): a stray dot for a separator (，.47.06%, 21.57%.58.82%)
    text = ("2000年，较高、中等和较低质量的地州市分别为22个、24个和3个，分别占43.14%，.47.06%和5.88%;"
            "而到了2014年，分别变为11个、30个和10个，分别占21.57%.58.82%和19.61%。")
    rows = _doc_facts(text, "paper", "", None)
    assert [f.value for f in rows] == [22, 24, 3, 43.14, 47.06, 5.88, 11, 30, 10, 21.57, 58.82, 19.61]
    names = ["较高质量的地州市", "中等质量的地州市", "较低质量的地州市"]
    shares = [n + "占比" for n in names]
    assert [f.indicator for f in rows] == names + shares + names + shares
    assert {f.indicator_confidence for f in rows} == {"high"}


def test_counts_and_shares_of_a_range_class_name_the_variable_announced():
    # chinaxiv_201909_00150: 从…的多年平均值来看 announces the variable whose range the classes are of
    text = ("从2000~2014年城市生态环境质量的多年平均值来看，在0.2~0.4之间的地州市有6个，占11.76%；"
            "在0.6~0.8之间的仅1个，为克拉玛依市的0.7122。")
    rows = _doc_facts(text, "paper", "", 2019)
    assert [(f.indicator, f.indicator_confidence) for f in rows[:3]] == [
        ("城市生态环境质量的多年平均值在0.2~0.4之间的地州市", "high"),
        ("城市生态环境质量的多年平均值在0.2~0.4之间的地州市占比", "high"),
        ("城市生态环境质量的多年平均值在0.6~0.8之间的个数", "high")]


def test_a_peak_row_of_a_table_is_the_peak_of_the_index_the_caption_names():
    # chinaxiv_201906_00062.md, 表1: 峰值距离 alone says not of what
    from kb.extract.tables import extract_table_facts
    from kb.types import CleanText
    from tests.test_table_facts import PROVINCES
    _, rows = extract_table_facts(CleanText(text="表1西北五省区经济开发区各省Ripley's L(d)指数特征\n" + PROVINCES), [], "paper.md")
    assert {f.indicator for f in rows if f.unit == "km"} == {"西北五省区经济开发区各省Ripley's L(d)指数峰值距离"}


def test_people_employed_are_of_the_last_kind_of_thing_counted_and_从业_is_no_start_point():
    # communique_2023_zhoukou
    text = ("目前，全市已累计开通国内集装箱航线14条，国际集装箱航线10条，已建成规模性港口8个、泊位91个，"
            "拥有航运企业20家，从业人员2.5万人，货运船舶1389艘，总载重吨位151万吨以上。")
    row = next(f for f in _doc_facts(text, "communique", "周口市", 2023) if f.raw == "2.5万人")
    assert (row.indicator, row.change) == ("航运企业从业人员", None)
    # communique: kinds of one class counted alike, the students are of the first
    rows = _doc_facts("初级中学141所，九年一贯制学校12所，在校学生200970人。", "communique", "", 2023)
    assert rows[-1].indicator == "初级中学在校学生"


def test_classes_of_goods_take_the_measure_the_sentence_before_names():
    # communique_2023_qiandongnan: 零售 named in the sentence before the classes, kept for the paragraph
    text = ("全年全州限额以上单位超五成商品类值零售实现同比增长，吃穿类、日用品类、办公用品类和出行类商品销售较好。"
            "其中，限额以上单位粮油食品类、烟酒类、服装鞋帽纺织品类分别增长0.3%、9.6%、3.9%；"
            "化妆品类、日用品类分别增长18.7%、18.4%，文化办公用品类增长72.2%，石油及制品类增长3.6%。")
    rows = [f for f in _doc_facts(text, "communique", "黔东南州", 2023) if f.indicator.endswith("类零售额")]
    assert len(rows) == 7 and {f.indicator_confidence for f in rows} == {"high"}
    assert rows[5].indicator == "文化办公用品类零售额"


def test_what_was_built_or_added_names_the_figure():
    # gwr2026_heilongjiang: a bare construction verb after a figure of the things built takes them
    rows = _doc_facts("续建安置房7550套，新开工1000套以上，新建改造供排水、供热管网1600公里。", "work_report", "黑龙江省", 2026)
    assert rows[1].indicator == "新开工安置房"
    # gwr2026_guizhou / communique_2023_zhoukou: an area after a verb alone, or after nothing, is of the land after it
    rows = _doc_facts("大力发展现代设施农业和智慧农业，巩固提升80万亩蔬菜应急保供基地，加快补齐冬春茄果类蔬菜供给短板。",
                      "work_report", "贵州省", 2026)
    assert rows[0].indicator == "蔬菜应急保供基地面积"
    rows = _doc_facts("116.7万亩高标准农田建设全面竣工，100万亩高标准农田示范区建设基本完成。", "communique", "周口市", 2023)
    assert [f.indicator for f in rows] == ["高标准农田面积", "高标准农田示范区面积"]
    # gwr2026_guangdong: 新培育 opening a list says the counts are of things added
    text = "新培育国家制造业单项冠军企业47家、专精特新“小巨人”企业688家，预计高新技术企业达7.4万家。"
    assert _doc_facts(text, "work_report", "广东省", 2026)[1].indicator == "新培育专精特新“小巨人”企业"


def test_a_count_of_listed_kinds_and_a_long_quote_are_not_cut_inside():
    # gwr2026_guangdong: the count is of all the kinds listed before 等
    text = "各级各类学校组织开展超5000场次专题教育、家长课堂等活动，提高学生、家长心理健康教育素养。"
    assert _doc_facts(text, "work_report", "广东省", 2026)[0].indicator == "专题教育、家长课堂等活动"
    # gwr2026_zhejiang: a long run is not cut inside its quoted name
    text = "面向重点群体开展“岗位需求+技能培训+技能评价+就业服务”职业技能培训5万人次。"
    assert _doc_facts(text, "work_report", "浙江省", 2026)[0].indicator == "职业技能培训"


def test_a_gap_in_points_names_the_growth_rate_or_share_it_is_a_gap_in():
    # round-5 tuning demo 10013 #9, #77, #79; demo 10011 #42 (002, 003, 005 seed papers)
    rows = _facts("20年间，以名义价格计算的西部地区生产总值年均增长13.7%，比全国平均水平高1个百分点。")
    assert rows[-1].indicator == "生产总值年均增长率" and rows[0].indicator == "生产总值"
    rows = _facts("1—5月，全省规模以上工业增加值、固定资产投资、进出口总值、一般公共预算收入4项主要经济指标增速分别高于"
                  "全国平均水平2.2个、7.2个、11个和3.5个百分点，整体好于全国。")
    assert [f.indicator for f in rows] == ["规模以上工业增加值增速", "固定资产投资增速", "进出口总值增速", "一般公共预算收入增速"]
    rows = _facts("2020年5月，社会消费品零售总额增速由负转正，增长2.1%，高于全国4.9个百分点。")
    assert rows[-1].indicator == "社会消费品零售总额增速"
    rows = _facts("西部地区失业保险参保人数占全国的比重有所下滑，由2003年的20.24%下降至2018年的17.80%，且与东部地区的差距"
                  "逐年扩大，2018年两地区差距扩大至41.57个百分点。")
    assert rows[-1].indicator == "失业保险参保人数占全国的比重差距"
    # a gap in a rate already named keeps it
    assert _facts("2019年城镇化率为60.6%，比全国高1.2个百分点。")[-1].indicator == "城镇化率"


def test_shares_examples_grants_and_data_fields_name_what_the_figure_measures():
    # round-5 tuning demo 10011/10013 #70, demo 10011 #7, #99, demo 10013 #73 (seed papers)
    (row,) = _facts("运输业、旅游业和其他商业服务是目前中国开展服务贸易最多的三类产业，占中国服务贸易总额的71.7%。")
    assert row.indicator == "运输业、旅游业和其他商业服务占中国服务贸易总额的比重"
    (row,) = _facts("而西部地区将是向西开放的先锋，以中欧班列为例，2019年仅重庆一市的累计班列就已经超过4500班。")
    assert row.indicator == "中欧班列累计"
    (row,) = _facts("作为“尖端集群竞赛”的杰出代表，It’s OWL获得德国联邦政府4000万欧元的资助。")
    assert row.indicator == "德国联邦政府资助"
    assert _facts("根据2024年杭州跨境电商全业态监测数据，进出口总额达到1519.95亿元，")[0].indicator == "跨境电商进出口总额"
    # a publisher's data scopes nothing
    assert _facts("据商务部公布的相关数据显示，2019年中国服务进出口总额为7434亿美元，同比下降1.78%。")[0].indicator == "服务进出口总额"


def test_counts_of_things_whose_variable_holds_a_state_and_of_a_ranked_field_in_a_place():
    # round-5 tuning demo 10011 #10, demo 10013 #7 (003 seed journal issue)
    (row,) = _facts("以成渝城市群为先导，西部地区9大城市群中已有6个城市群的发展规划处于实施阶段。")
    assert row.indicator == "发展规划处于实施阶段的城市群"
    rows = _facts("在2019年城市营商环境排名的前50名城市中，仅有7个西部地区的城市，分别是成都、西安、重庆、贵阳、昆明、南宁和乌鲁木齐。")
    assert (rows[0].subject, rows[0].indicator) == ("西部地区", "城市营商环境排名的前50名城市")
    assert _facts("世界十大港口中有7个在我国。")[0].indicator == "世界十大港口"


def test_a_whole_chain_figure_is_of_the_industries_the_clause_before_names():
    # gwr2026_gansu: 全产业链产值 alone says not of which industries
    text = "强化农业科技支撑体系建设，做强做优“牛羊菜果薯药粮种”八大产业集群，全产业链产值超过6500亿元。"
    assert _doc_facts(text, "work_report", "甘肃省", 2026)[0].indicator == "“牛羊菜果薯药粮种”八大产业集群全产业链产值"


def test_the_noun_of_an_except_clause_the_rest_of_it_and_what_a_masked_time_leaves():
    # round-5 tuning wild 10014 #5 (wild paper on 西北地区城镇化质量)
    rows = _facts("较低质量的地州市在2012年前多保持在5～7个，之后有增多趋势。"
                  "高质量的除最前和最后各两年仅有1~2个地州市外,其余多为5~7个,也呈零星分布；")
    assert [f.indicator for f in rows] == ["较低质量的地州市"] * 2 + ["高质量的地州市"] * 4


def test_a_population_described_with_its_place_and_the_world_as_a_perspective():
    # round-5 tuning demo 10013 #11 (003 seed journal issue): 从世界历史看 names no subject; N人口的地区 is a population
    rows = _doc_facts("从世界历史看，在一个3亿多人口的地区，实行如此大规模和持续数十年的经济开发战略，是人类历史上绝无仅有的壮举。",
                      "journal_issue", year=2020)
    assert [(f.indicator, f.subject) for f in rows] == [("人口", None)]


def test_a_count_opened_or_set_up_or_delivered_is_named_with_its_verb():
    # gwr2026_beijing: roads opened, not the stock of dead-end roads
    rows = _doc_facts("实施杜家坎等30项市级疏堵工程，打通53条断头路，东四环、西北四环大修及环境提升顺利完工；",
                      "work_report", "北京市", 2026)
    assert rows[-1].indicator == "打通断头路"
    # gwr2026_guangdong: schools set up over the year; gwr2026_henan: a noun already holding 新设 keeps it once
    rows = _doc_facts("新增基础教育公办学位50万个，新设3所本科层次职业学校，16所高职学校入选第二期国家“双高计划”。",
                      "work_report", "广东省", 2026)
    assert rows[1].indicator == "新设本科层次职业学校"
    rows = _doc_facts("开放空间不断拓展，自贸试验区新设企业10.1万家，跨境电商综试区扩容至7个。", "work_report", "河南省", 2026)
    assert rows[0].indicator == "自贸试验区新设企业"
    # gwr2026_gansu: homes delivered, the predicate after the counted noun
    rows = _doc_facts("保交房7.4万套住房全部交付。", "work_report", "甘肃省", 2026)
    assert rows[0].indicator == "交付的住房"
    # gwr2026_shenzhen: the predicate after a list of counts of the same things holds for each of them
    rows = _doc_facts("深圳中国特色社会主义先行示范区47项经验、深圳综合改革试点48项经验获全国推广。", "work_report", "深圳市", 2026)
    assert [f.indicator for f in rows] == ["获全国推广的经验", "获全国推广的经验"]


def test_named_examples_before_deng_are_no_part_of_a_count_s_class():
    # gwr2026_gansu: the count is of the deposits found, not of the last example with its own figure
    rows = _doc_facts("新一轮找矿行动取得重大突破，新探明泾川特大型铀矿、玉门超40吨金矿、平凉7亿吨级冶镁白云岩等大中型矿产地35处。",
                      "work_report", "甘肃省", 2026)
    assert rows[-1].indicator == "新探明大中型矿产地"


def test_a_run_on_of_respective_figures_is_cut_to_the_name_of_this_figure():
    # gwr2026_guangzhou: 214对 is read as no figure, so 69家 is the second name's
    rows = _doc_facts("国际友城和外国驻穗总领馆分别增至214对和69家。", "work_report", "广州市", 2026)
    assert rows[-1].indicator == "外国驻穗总领馆"
    # seed corpus (Henan paper): the change the names share stays with the name
    rows = _doc_facts("截至2020年6月底，全省PM2.5、PM10平均浓度分别下降22.5%和20%，优良天数116天。", "paper", "河南省", 2020)
    assert [f.indicator for f in rows if f.value == 20][0] == "PM10平均浓度下降"


def test_a_later_figure_of_the_same_measure_keeps_the_partners_an_earlier_one_named():
    # 003 (seed, tuning row heldout 10103 #71): the stock is China's investment in the same 17 countries
    rows = _doc_facts("据《中国对外直接投资统计公报（2019）》显示，2018年中国对中东欧17国直接投资流量为6.65亿美元，"
                      "直接投资存量为22.87亿美元，与中国对外投资热点地区相比存在差距。", "journal_issue", year=2020)
    assert [f.indicator for f in rows] == ["对中东欧17国直接投资流量", "对中东欧17国直接投资存量"]
    # 向 is no partner scope: 向民间资本推介重大项目 does not scope the share after it
    rows = _doc_facts("向民间资本推介重大项目120个，民间资本参与重大项目参股比例达到30%。", "work_report", "浙江省", 2026)
    assert not rows[-1].indicator.startswith("向")


def test_those_enrolled_later_in_a_sentence_are_enrolled_in_the_scheme_it_named_first():
    # communique_2023_zhoukou: 参保在职职工 and 参保离退休人员 are of 企业职工基本养老保险
    rows = _doc_facts("其中，企业职工基本养老保险参保105.55万人，参保在职职工81.33万人，参保离退休人员24.22万人；",
                      "communique", "周口市", 2023)
    assert [f.indicator for f in rows][1:] == ["企业职工基本养老保险参保在职职工", "企业职工基本养老保险参保离退休人员"]


def test_a_share_after_a_figure_is_of_what_that_figure_measured():
    # 004 (seed, tuning row heldout 10103 #99): 60% is the 电子产品进出口额's share, not 外贸总额's
    rows = _doc_facts("据郑州市商务局数据，2023年电子产品进出口额突破500亿美元，占全省外贸总额的60%，通关时效缩短了40%。", "paper")
    assert rows[1].indicator == "电子产品进出口额占全省外贸总额的比重"
    # chinaxiv_201906_00062 (wild): the whole names the variable more fully (陆地面积) and keeps it
    rows = _doc_facts("西北五省区作为研究对象，面积共计304.3万平方公里，占全国陆地面积的31.7%。", "paper")
    assert rows[-1].indicator == "陆地面积占全国陆地面积的比重"


def test_a_time_and_an_adverb_leave_no_fragment_in_the_indicator():
    # 004 / 003 (seed, tuning rows heldout 10103 #98 #34): 在 of 在2024年上半年, 相应 before the change verb
    rows = _doc_facts("中哈物流基地和上合组织国际物流园在2024年上半年合计完成集装箱量58.5万标箱。", "paper")
    assert "在" not in rows[0].indicator and rows[0].indicator.endswith("合计完成集装箱量")
    rows = _doc_facts("东西差距相应扩大到6.91个百分点。", "paper")
    assert rows[0].indicator == "东西差距"
    # chinaxiv_201909_00150 (wild): 在2012年前 keeps its 在…前 out, 前 is not left behind
    rows = _doc_facts("较低质量的地州市在2012年前多保持在5～7个，之后有增多趋势。", "paper")
    assert rows[0].indicator == "较低质量的地州市"


def test_each_member_of_a_respective_list_named_together_has_the_measure_alone():
    # 003 (seed, tuning row heldout 10101 #50): 16.7% is 天津's GDP share, not 京津两市's
    rows = _doc_facts("如北京、天津是京津冀城市群的核心城市，2019年京津两市GDP占京津冀总GDP的比重分别为41.8%和16.7%。",
                      "journal_issue", year=2020)
    assert [(f.subject, f.indicator) for f in rows] == [("北京", "GDP占京津冀总GDP的比重"), ("天津", "GDP占京津冀总GDP的比重")]


def test_a_bare_income_ratio_after_urban_and_rural_incomes_is_theirs():
    # gwr2026_zhejiang: 收入倍差 is the urban-rural one the sentence set up
    rows = _doc_facts("城镇和农村居民人均可支配收入分别超过8万元、4.5万元，稳居各省区第1位，收入倍差从1.96缩小至1.81。",
                      "work_report", "浙江省", 2026)
    assert [f.indicator for f in rows][-2:] == ["城乡居民收入倍差", "城乡居民收入倍差"]


def test_a_verb_and_a_bare_noun_take_the_kind_the_sentence_named():
    # gwr2026_guangdong: places added are 普通高中 places, named in the clause before
    rows = _doc_facts("新建、改扩建一批公办普通高中，重点推进城乡人口流入多、学位紧缺地区的普通高中学位建设，增加学位超20万个。",
                      "work_report", "广东省", 2026)
    assert rows[-1].indicator == "增加普通高中学位"


def test_a_count_a_plan_proposes_to_build_is_named_as_proposed():
    # 003 (seed, tuning row heldout 10103 #54): 11个新城 are planned, not built
    rows = _doc_facts("北京早期城市规划提出“边缘集团”“卫星城”等概念，2004年版规划提出建设11个新城。", "journal_issue", year=2020)
    assert rows[-1].indicator == "提出建设新城"


def test_a_span_of_years_in_annum_is_no_indicator():
    # chinaxiv_201909_00143 (wild, tuning row heldout 10104 #3): 10a间 is a span (a = annum), the growth is 总投入's
    rows = _doc_facts("2002年,山西省各产业的总投入为4.922×10^11元,2015年的总投入为3.234×10^12元,10a间增加了5.6倍，年均增长15.6%。", "paper")
    assert [f.indicator for f in rows][-2:] == ["总投入", "总投入"]


def test_a_yearly_average_after_the_indicator_keeps_its_word():
    # round-5 tuning ext 20405 #2, #99 (gwr_2023, cpc_congress_20): 城镇新增就业年均1270多万人 over a five-year span
    # reads as a yearly figure, not a total; 每人每年 is a rate's unit, not a yearly amount
    assert _indicators("工业增加值突破40万亿元。城镇新增就业年均1270多万人。", 2023) == ["工业增加值", "年均城镇新增就业"]
    assert "每年" not in _indicators("城镇居民医保和新农合补助标准提高到每人每年240元。", 2012)[0][:2]


def test_a_bare_stage_of_building_names_the_thing_built():
    # round-5 tuning ext 20405 #48, #52, #53, #84 (gwr_2013, gwr_2014, gwr_2018): the stage after 、 is of the thing
    # the first item built; a bare stage or amount set aside is of the programme the clause before pursues,
    # unless the figure names its own thing
    assert _indicators("今年城镇保障性住房基本建成470万套、新开工630万套，继续推进农村危房改造。", 2013) == [
        "城镇保障性住房基本建成", "城镇保障性住房新开工"]
    assert _indicators("加大保障性安居工程建设力度，今年新开工700万套以上，加强配套设施建设。", 2014) == ["保障性安居工程新开工"]
    assert _indicators("继续实施退耕还林还草，今年拟安排500万亩。", 2014) == ["退耕还林还草安排"]
    assert _indicators("启动新的三年棚改攻坚计划，今年开工580万套。", 2018) == ["棚改开工"]
    assert _indicators("鼓励企业加快技术改造，安排200亿元技改专项资金支持4441个技改项目。", 2010)[0] != "技术改造安排"


def test_a_programme_pursued_by_two_verbs_and_a_rate_per_thing_per_year():
    # review of round 5, sentences in the national reports' wording: 加快推进 is one pursuit; 每生每年 is a rate's unit
    assert _indicators("加快推进城镇老旧小区改造，今年新开工3.9万个。", 2020) == ["城镇老旧小区改造新开工"]
    assert not _indicators("农村义务教育寄宿生生活补助标准中学每生每年1250元。", 2016)[0].startswith("每年")


def test_a_topic_clause_names_the_change_after_it_and_a_span_before_zhongyang_keeps_its_word():
    # round-6 tuning ext 20406 #10, #11 (gwr_2008): a sentence opening on a bare noun phrase names what the
    # next clause changes from and to; 五年中央财政… is 五年 + 中央财政 (the period grammar once read 五年中)
    path = "一、 过去五年工作回顾 > （二）大力推进改革开放，注重制度建设和创新"
    facts = _sectioned_facts([(path, "五年中央财政用于科技的投入达到3406亿元。全社会研究与实验发展经费，从2002年1288亿元"
                                     "增加到2007年的3664亿元，占国内生产总值比重从1.07%提高到1.49%。")], "work_report", "全国", 2008)
    assert [(f.raw, f.indicator, f.period) for f in facts] == [
        ("3406亿元", "中央财政用于科技的投入", "2003—2007年"),
        ("1288亿元", "全社会研究与实验发展经费", "2002年"), ("3664亿元", "全社会研究与实验发展经费", "2007年"),
        ("1.07%", "全社会研究与实验发展经费占国内生产总值比重", "2002年"),
        ("1.49%", "全社会研究与实验发展经费占国内生产总值比重", "2007年")]
    # a clause opening on a verb is no topic (gwr_2019: 实施职业技能提升行动，从失业保险基金结余中拿出1000亿元)
    assert "实施" not in (_indicators("实施职业技能提升行动，从失业保险基金结余中拿出1000亿元，用于1500万人次以上的职工培训。",
                                      2019)[0] or "")


def test_a_time_a_place_or_a_way_of_counting_before_a_change_names_nothing():
    # review of round 6, sentences in the reports' wording (no corpus sentence has these forms)
    for sentence in ("过去五年，从2012年的54万亿元增加到82.7万亿元。", "西部地区，由2000年的21.44%下降到19%。",
                     "按可比价格计算，从2012年的10%提高到12%。"):
        assert _indicators(sentence, 2018)[0] is None, sentence
    # a span's 中 stays the span's where the word after it is not 中央 (十年中东北地区…)
    from kb.extract.periods import find_periods
    assert [p.text for p in find_periods("十年中东北地区生产总值年均增长8%")] == ["十年中"]
    assert [p.text for p in find_periods("五年中央财政用于科技的投入")] == ["五年"]
