"""Acceptance checks over the KB built from the whole demo corpus."""
import re

from kb.api import KnowledgeBase
from kb.clean import analysis_text

RUNNING_HEAD = re.compile(r"区域经济评论\s*20\d\d|REGIONAL ECONOMIC REVIEW")


def test_no_passage_holds_a_running_header(demo_kb):
    kb = KnowledgeBase(demo_kb)
    passages = kb.passages()
    assert len(passages) > 1000
    assert not [p.text[:80] for p in passages if RUNNING_HEAD.search(p.text)]


def test_footnote_markers_never_inflate_numbers(demo_kb):
    kb = KnowledgeBase(demo_kb)
    text = analysis_text(kb.clean_text("002_3354fced5fe477fb.txt").text)
    assert "2021年的1.68。" in text and "2020年的118.59。" in text
    for doc in kb.documents():
        t = analysis_text(kb.clean_text(doc["source"]).text)
        assert "1.683" not in t and "118.594" not in t


def test_passages_carry_citations_inside_their_section(demo_kb):
    kb = KnowledgeBase(demo_kb)
    for p in kb.passages()[:400]:
        assert kb.passage_text(p.source, p.start, p.end) == p.text
        assert p.section
