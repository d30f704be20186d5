"""Learned fusion weights, cross-validated: would a model fitted to the tuning questions beat the
hand-chosen kb.search.Weights on questions it was not fitted to?

    python benchmarks/fusion_cv.py [--sets seed,wild,ext]

For every tuning question, the hybrid candidates' signals (`Searcher.candidate_signals`, each times
the candidate's priors, so the learned score has the shape of the hand one: a weighted sum of the
signals times the priors) and whether the passage holds a gold key. A pairwise logistic regression
(scikit-learn; each right passage against the wrong ones the hand weights rank highest, every
question weighing the same) learns the signal weights. Leave one question set out: fit on the
others, then score the left-out set by real hybrid search with the learned weights. The hand
weights were gridded on all these questions, so their figure is in-sample: a learned model that
does not beat it out of sample has no case. Tuning parts only (held-out parts are never read).
"""
from __future__ import annotations

import argparse
import dataclasses
import tempfile
from pathlib import Path

import numpy as np

from search_dev import _scorer, tuning_scores, tuning_searchers

from kb.config import Settings
from kb.embed import make_embedder
from kb.search import CANDIDATES, WEIGHTS

SIGNALS = ("keyword", "dense", "phrase", "document", "heading", "topic", "window")


def question_rows(score, searcher, question: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(signals × priors per candidate, right passage or not, hand score) of one question."""
    q = searcher.analyse(question["query"])
    rows, signals = searcher.candidate_signals(q, min(CANDIDATES, len(searcher.passages)), None)
    if not len(rows):
        return None
    x = np.stack([signals.get(n, np.zeros(len(rows))) for n in SIGNALS], 1) * searcher.priors(q, None, rows)[:, None]
    texts = searcher.passages_at(rows.tolist())
    keys = [score.comparable(k) for k in question["keys"]]
    right = np.array([any(k in score.comparable(texts[r].text) for k in keys) for r in rows.tolist()])
    return x, right, x @ np.array([getattr(WEIGHTS, n) for n in SIGNALS])


def fit_weights(questions: list[tuple], c: float = 1.0, hardest: int = 30) -> dict[str, float]:
    """Signal weights by pairwise logistic regression, clipped at 0, keyword + dense = 1."""
    from sklearn.linear_model import LogisticRegression
    diffs, weights = [], []
    for x, right, hand in questions:
        pos, neg = np.flatnonzero(right), np.flatnonzero(~right)
        if not len(pos) or not len(neg):
            continue
        neg = neg[np.argsort(-hand[neg])][:hardest]
        d = (x[pos][:, None, :] - x[neg][None, :, :]).reshape(-1, x.shape[1])
        diffs.append(d)
        weights.append(np.full(len(d), 1.0 / len(d)))
    d, w = np.concatenate(diffs), np.concatenate(weights)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=3000)
    model.fit(np.concatenate([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))], sample_weight=np.r_[w, w])
    coef = np.maximum(model.coef_[0], 0.0)
    return dict(zip(SIGNALS, (coef / (coef[0] + coef[1] or 1.0)).tolist()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="seed,wild,ext")
    a = ap.parse_args()
    score, settings = _scorer(), Settings()
    with tempfile.TemporaryDirectory() as tmp:
        prepared = tuning_searchers(a.sets.split(","), Path(tmp), settings, make_embedder(settings))
        data = {name: [r for q in questions if (r := question_rows(score, s, q))] for name, s, questions in prepared}
        hand = {name: tuning_scores(score, s, questions) for name, s, questions in prepared}
        print(_line("hand weights (in-sample)", hand, prepared))
        for c in (0.1, 1.0, 10.0):
            for hardest in (10, 30, 1000):
                out = {}
                for name, s, questions in prepared:
                    learned = fit_weights([r for other, rows in data.items() if other != name for r in rows],
                                          c, hardest)
                    s.weights = dataclasses.replace(WEIGHTS, **learned)
                    out[name] = tuning_scores(score, s, questions)
                    s.weights = WEIGHTS
                whole = fit_weights([r for rows in data.values() for r in rows], c, hardest)
                print(_line(f"learned C={c} hardest={hardest} (leave one set out)", out, prepared)
                      + "  fitted on all: " + " ".join(f"{n}={v:.2f}" for n, v in whole.items()))


def _line(label: str, metrics: dict, prepared: list) -> str:
    n = {name: len(questions) for name, _, questions in prepared}
    total = sum(n.values())
    s1 = sum(m["success_at_1"] * n[k] for k, m in metrics.items()) / total
    mrr = sum(m["mrr_at_10"] * n[k] for k, m in metrics.items()) / total
    sets = "  ".join(f"{k} {m['success_at_1']:.2f}/{m['mrr_at_10']:.2f}" for k, m in metrics.items())
    return f"{label}: pooled s@1 {s1:.3f} MRR {mrr:.3f} | {sets}"


if __name__ == "__main__":
    main()
