"""Policy-tool classifier: taxonomy, scikit-learn shape, held-out accuracy on the labelled measures."""
import numpy as np
from sklearn.base import clone

from kb.extract.policy_tools import (CATEGORIES, PolicyToolClassifier, classify, held_out_scores,
                                     load_labelled)
from kb.types import Strategy


def test_labelled_measures_cover_all_three_tool_groups():
    texts, labels = load_labelled()
    assert len(texts) >= 150
    assert {label.split("/")[0] for label in labels} == {"供给型", "需求型", "环境型"}
    assert set(labels) <= set(CATEGORIES)


def test_held_out_accuracy_floor():
    # 419 hand-labelled measures from 16 source files, 16 sub-types. Measured: stratified 5-fold
    # accuracy 0.65, macro-F1 0.66, top-level group accuracy 0.79; leave-one-source-out (a document
    # the model never saw) accuracy 0.63, macro-F1 0.52; majority class 0.18.
    scores = held_out_scores()
    assert scores["sources"] >= 15
    assert scores["accuracy"] >= 0.55
    assert scores["macro_f1"] >= 0.55
    assert scores["group_accuracy"] >= 0.70
    assert scores["loso_accuracy"] >= 0.55
    assert scores["loso_accuracy"] >= 3 * scores["majority_baseline"]


def test_labelled_measures_include_provincial_reports_and_plans():
    # the wild genres the extractor now reads: each of these sources is predicted unseen under LOSO
    _, _, sources = load_labelled(with_sources=True)
    assert sum(s.startswith("gwr2026_") for s in sources) >= 40
    assert sum(s.startswith("plan15_") for s in sources) >= 25


def test_classifier_follows_sklearn_shape():
    texts, labels = load_labelled()
    model = clone(PolicyToolClassifier(C=0.5)).fit(texts[::2], labels[::2])
    proba = model.predict_proba(texts[1:7:2])
    assert proba.shape == (3, len(model.classes_))
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert list(model.predict(texts[1:7:2])) == list(model.classes_[proba.argmax(axis=1)])
    assert model.get_params()["C"] == 0.5


def test_classify_fills_category_of_real_measures():
    # gwr_2025 (not among the labelled examples) and 003's 金融扶贫 proposals
    rows = [Strategy(source="gwr_2025.txt", article="", section="", title="深化财税金融体制改革",
                     text="深化财税金融体制改革。", start=0, end=12),
            Strategy(source="003.txt", article="", section="", title="大力发展农村普惠金融",
                     text="大力发展农村普惠金融。围绕提高金融服务覆盖率、可得性和满意度，鼓励金融机构加大贫困地区农村金融基础设施建设。",
                     start=0, end=50),
            Strategy(source="gwr_2025.txt", article="", section="", title="全面提高人才队伍质量",
                     text="全面提高人才队伍质量。", start=0, end=11)]
    classify(rows)
    assert all(r.category in CATEGORIES for r in rows)
    assert rows[1].category == "环境型/金融支持"
    assert rows[2].category == "供给型/人才培养"


def test_every_extracted_row_of_the_issue_gets_a_category():
    # the build classifies what kb.extract.strategies finds; 003 holds measures of all three tool groups
    from pathlib import Path

    from kb.clean import clean
    from kb.load import load
    from kb.extract.strategies import extract_strategies
    from kb.structure import split_articles
    raw = load(next((Path(__file__).resolve().parents[1] / "corpus").glob("003_*.txt")))
    cleaned = clean(raw)
    rows = classify(extract_strategies(cleaned, split_articles(cleaned, raw.source), raw.source))
    assert rows and all(r.category in CATEGORIES for r in rows)
    assert {r.category.split("/")[0] for r in rows} == {"供给型", "需求型", "环境型"}
    by_title = {r.title: r.category for r in rows}
    assert by_title["扩大特色农业产业生产经营信贷资金投放规模"] == "环境型/金融支持"
