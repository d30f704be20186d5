"""The pipeline generalises: twenty official policy texts it was not designed on (../shared/extcorpus)."""
import pytest

from kb.build import process
from kb.config import Settings
from kb.load import load
from tests.conftest import needs_shared, shared_path

FILES = sorted(shared_path("extcorpus").glob("*.txt"))
pytestmark = needs_shared("extcorpus")


@pytest.fixture(scope="module")
def processed():
    settings = Settings()
    return {p.name: process(load(p), settings) for p in FILES}


def test_every_text_is_one_article_with_sections_and_passages(processed):
    assert len(processed) == 20
    for name, done in processed.items():
        assert len(done["articles"]) == 1, name
        body = [s for s in done["articles"][0].sections if s.kind == "body"]
        assert len(body) >= 3, name
        passages = done["rows"]["passages"]
        assert len(passages) >= 40, name
        assert max(p.end - p.start for p in passages) <= Settings().passage_max_chars, name


def test_paragraphs_are_not_merged(processed):
    for name, done in processed.items():
        assert done["clean"].text.count("\n") >= 60, name


def test_facts_from_the_2024_report(processed):
    facts = processed["gwr_2024.txt"]["rows"]["facts"]
    assert len(facts) >= 25   # the report states about thirty figures
    gdp = [f for f in facts if f.raw in ("5.2%", "5.2％") and "增长" in f.evidence]
    assert gdp, "国内生产总值增长5.2% not extracted"
    jobs = [f for f in facts if f.value == pytest.approx(12_440_000) and f.unit == "人"]
    assert jobs, "城镇新增就业1244万人 not extracted"


def test_measures_from_the_2024_report(processed):
    rows = processed["gwr_2024.txt"]["rows"]["strategies"]
    assert 15 <= len(rows) <= 200
    assert all(r.category for r in rows)
    assert any("现代化产业体系" in r.title for r in rows)
