"""Seats and units against the dev gold, with gold document segmentation."""
from __future__ import annotations

import pytest

from tests.support import GOLD_STEMS, score_extractor

pytestmark = pytest.mark.skipif(not GOLD_STEMS, reason="shared gold not available")


@pytest.mark.parametrize("module,fact_type", [("seats", "seat"), ("units", "unit")])
def test_dev_gold_f1(module: str, fact_type: str) -> None:
    prf = score_extractor(module).per_type[fact_type]
    assert prf.f1 >= 0.97, f"{fact_type}: P={prf.precision:.3f} R={prf.recall:.3f}"
