"""``/search`` over HTTP: a word query finds agencies, bodies, people and posts before documents;
a query shaped like a document number finds documents first."""
from __future__ import annotations

import pytest

from tests.api.graphs import GOLD

needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not beside the repo")


def _labels(client, q: str) -> list[str]:
    return [h["label"] for h in client.get("/search", params={"q": q, "limit": 200}).json()["hits"]]


@pytest.mark.parametrize("q", ["测试", pytest.param("发改", marks=needs_gold), pytest.param("财政", marks=needs_gold)])
def test_word_query_lists_documents_after_every_other_kind(client, q):
    labels = _labels(client, q)
    assert "Document" in labels and labels[0] != "Document"
    first_doc = labels.index("Document")
    assert set(labels[first_doc:]) == {"Document"}


@pytest.mark.parametrize("q, first", [
    ("测试〔2024〕", "测试〔2024〕1号"),
    ("1号", "测试〔2024〕1号"),
    pytest.param("发改", "晋城市发展和改革委员会", marks=needs_gold),  # not 发改能源〔2010〕709号
    pytest.param("〔2010〕709", "发改能源〔2010〕709号", marks=needs_gold),
])
def test_first_hit_by_the_shape_of_the_query(client, q, first):
    hits = client.get("/search", params={"q": q}).json()["hits"]
    assert hits and hits[0]["name"] == first
