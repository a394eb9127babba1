"""``/export/*`` gives the same bytes every time (issue 15): edges between the same two nodes are
ordered by every column, not left in the engine's order. Fresh stores and apps each round."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import make_app

FORMATS = ["json", "jsonl", "nodes.csv", "edges.csv", "graphml"]


def _bodies(store) -> dict[str, bytes]:
    with TestClient(make_app(store)) as c:
        return {fmt: c.get(f"/export/{fmt}").content for fmt in FORMATS}


def test_embedded_exports_are_byte_identical_between_requests_and_opens(db_path):
    from govkg.store.ladybug import LadybugStore

    seen = []
    for _ in range(4):
        store = LadybugStore(db_path, read_only=True)
        try:
            seen += [_bodies(store), _bodies(store)]
        finally:
            store.close()
    for fmt in FORMATS:
        assert len({s[fmt] for s in seen}) == 1, fmt


@pytest.mark.neo4j
def test_neo4j_exports_are_byte_identical_between_requests(neo4j_store):
    from tests.api.graphs import gold_graph, tiny_graph
    from tests.api.graphs import GOLD

    neo4j_store.load(gold_graph() if GOLD.is_dir() else tiny_graph())
    seen = [_bodies(neo4j_store) for _ in range(4)]
    for fmt in FORMATS:
        assert len({s[fmt] for s in seen}) == 1, fmt
