"""The whole extraction (segmentation + every extractor) against the dev gold, per-type F1 floors.

Floors sit a little under what the extractors reach, so a regression fails and an improvement
is free; raise them when an extractor gets better. On failure the full score table is printed.
"""
import pytest

from govkg.eval import score
from govkg.extract.pipeline import extract_files
from tests.support import CORPUS_DIR, GOLD_DIR, GOLD_STEMS, gold_facts

# type -> lowest F1 accepted on the dev gold (000, 001, 002)
F1_FLOORS = {  # measured 1.000 for every type on 2026-11-23 (govkg extract + kgscore), minus 0.02
    "document": 0.98,
    "body": 0.98,
    "membership": 0.98,
    "seat": 0.98,
    "unit": 0.98,
    "assignment": 0.98,
    "citation": 0.98,
    "overall": 0.98,
}

pytestmark = pytest.mark.skipif(not GOLD_DIR.is_dir() or not GOLD_STEMS, reason="needs ../shared/gold")


@pytest.fixture(scope="module")
def dev_score():
    report = extract_files(CORPUS_DIR / f"{stem}.txt" for stem in GOLD_STEMS)
    assert not report.failed, report.failed
    return score(gold_facts(), report.facts)


@pytest.mark.parametrize("fact_type", list(F1_FLOORS))
def test_f1_floor(dev_score, fact_type):
    prf = dev_score.overall if fact_type == "overall" else dev_score.per_type[fact_type]
    assert prf.f1 >= F1_FLOORS[fact_type], (
        f"{fact_type} F1 {prf.f1:.3f} < floor {F1_FLOORS[fact_type]:.2f}\n{dev_score.table()}")
