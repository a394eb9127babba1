"""Facts round-trip through the JSONL format of shared/gold/FORMAT.md unchanged."""
import json

import pytest

from govkg.facts import fact_from_dict, read_facts
from tests.support import GOLD_DIR


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="needs ../shared/gold")
def test_gold_round_trips():
    for path in sorted(GOLD_DIR.glob("0*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            again = fact_from_dict(d).to_dict()
            assert again == d, (path.name, d)


def test_optional_fields_left_out():
    d = {"type": "body", "src": {"file": "a.txt", "line": 3}, "doc": "x〔2020〕1号", "body": "某领导小组",
         "kind": "leading_group", "parent_body": None, "office_agency": None}
    assert fact_from_dict(d).to_dict() == d
