"""The same API over a real Neo4j: every JSON answer equals the embedded store's on the same graph."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import make_app
from tests.api.graphs import tiny_graph

pytestmark = pytest.mark.neo4j

PATHS = [
    "/search?q=市港渔局", "/search?q=港航安全领导小组", "/entities/test%2Fgroup", "/entities/test%2Fli?label=Person",
    "/viz/agency/test%2Ftransport?format=json", "/viz/body/test%2Fgroup?format=json",
    "/viz/person/test%2Fli?format=json", "/viz/agencies?format=json", "/export/json",
    "/queries/body_leaders?body=test%2Fgroup", "/queries/bodies_of_agency?agency=test%2Ftransport",
    "/queries/person_seats?person=test%2Fli",
    # names as typed: an alias, a short name, a document number with other brackets, a typo (404)
    "/queries/bodies_of_agency?agency=市港渔局", "/queries/body_leaders?body=港航安全工作领导小组",
    "/queries/document_citations?document=测试[2024]1号", "/queries/person_seats?person=李测试",
    "/queries/body_leaders?body=港航安全领导小队",
]


def normalised(body: object) -> str:
    """Order-free JSON text: lists sorted by their items' JSON, recursively."""
    def norm(v: object) -> object:
        if isinstance(v, dict):
            return {k: norm(x) for k, x in v.items()}
        if isinstance(v, list):
            return sorted((norm(x) for x in v), key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True))
        return v
    return json.dumps(norm(body), ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def clients(neo4j_server, tmp_path_factory):  # noqa: F811
    from govkg.store.ladybug import LadybugStore
    from govkg.store.neo4j import Neo4jStore

    neo = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    neo.clear()
    neo.load(tiny_graph())
    lb = LadybugStore(tmp_path_factory.mktemp("tiny") / "graph.lbdb")
    lb.load(tiny_graph())
    with TestClient(make_app(neo)) as n, TestClient(make_app(lb)) as e:
        yield n, e
    neo.clear()
    neo.close()
    lb.close()


@pytest.mark.parametrize("path", PATHS)
def test_neo4j_answers_like_the_embedded_store(clients, path):
    neo, embedded = clients
    a, b = neo.get(path), embedded.get(path)
    assert a.status_code == b.status_code == (404 if path.endswith("领导小队") else 200), (a.text, b.text)
    assert normalised(a.json()) == normalised(b.json())


def test_hostile_name_is_escaped_on_neo4j_too(clients):
    neo, _ = clients
    html = neo.get("/entity/test%2Fevil").text
    assert "&lt;script&gt;" in html and "<script>alert" not in html
