"""kb.tokenize: jieba with the policy dictionary, normalisation, stopwords (real seed snippets)."""
import jieba

from kb.tokenize import USERDICT, normalise, propose_terms, query_terms, tokenizer, tokens

# 003 (区域经济评论 2020.05), as extracted: full-width digits, a line broken inside a word.
SNIPPET = "西部地区的外贸依存度由８．２３％上升到１３．１６％，上升了4.93个\n\n百分点。"


def test_policy_terms_stay_whole():
    words = tokens("推进西部大开发形成新格局，以自贸试验区建设打造国际一流营商环境")
    assert "西部大开发" in words
    assert "自贸试验区" in words
    assert "营商环境" in words


def test_every_dictionary_term_is_one_token():
    terms = [line.split()[0] for line in USERDICT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(terms) >= 50
    assert [t for t in terms if t not in tokens(t)] == []


def test_search_mode_also_yields_the_parts():
    # a query saying 西部 … 开发 must still meet a passage that wrote 西部大开发
    words = tokens("西部大开发需要哪些转型")
    assert {"西部", "开发", "西部大开发", "转型"} <= set(words)


def test_stopwords_and_question_words_are_dropped():
    words = tokens("郑州跨境电商交易额是多少")
    assert "多少" not in words and "是" not in words
    assert "跨境电商" in words and "郑州" in words


def test_full_width_and_broken_lines_are_normalised():
    assert "8.23" in normalise(SNIPPET)
    words = tokens(SNIPPET)
    assert "百分点" in words          # 个\n\n百分点 rejoined
    assert "外贸依存度" in words
    assert tokens("ＧＤＰ与TOPSIS") == ["gdp", "topsis"]


def test_padding_between_chinese_and_latin_or_digits_is_removed():
    # 002 pads some figures and not others in the same paragraph; both must give 人均gdp
    padded = "２０１２年东部沿海收入最高的地区天津市人均 ＧＤＰ是 ９５０９３元"
    unpadded = "当时的全国贫困县新疆和田人均ＧＤＰ只有７１９８元"
    assert "人均gdp是95093元" in normalise(padded)
    assert "人均gdp" in tokens(padded) and "人均gdp" in tokens(unpadded)
    # spaces between Latin words are real
    assert normalise("The Belt and Road 倡议") == "the belt and road倡议"


def test_question_words_about_meaning_and_counts_are_dropped():
    assert tokens("两大一高是什么意思") == ["两大", "一高"]
    assert "几个" not in tokens("综合技术效率大于0.9的省份有几个")


def test_punctuation_and_empty_give_no_tokens():
    assert tokens("？？！。，……") == []
    assert tokens("") == []
    assert query_terms("   ") == []


def test_query_terms_longest_first_without_duplicates():
    terms = query_terms("西部大开发需要哪些转型，西部大开发")
    assert terms[0] == "西部大开发"
    assert len(terms) == len(set(terms))


def test_private_tokenizer_is_cached():
    assert tokenizer() is tokenizer()
    assert tokenizer() is not jieba.dt


def test_propose_terms_finds_compounds_jieba_splits():
    text = ("金融扶贫效率的时空差异。金融扶贫纯技术效率较低，应加强金融扶贫风险防控。"
            "提高金融扶贫综合技术效率。") * 3
    proposed = [w for w, _ in propose_terms([text], top_k=20, min_count=2)]
    assert proposed, "expected at least one compound candidate"
    assert all(len(w) >= 4 for w in proposed)
