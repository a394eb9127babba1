"""The same graph in Neo4j and LadybugDB answers every canned query identically (order-normalised)."""
from __future__ import annotations

import json

import pytest

from kg.queries import load_queries, run_query
from kg.schema import PropertyGraph
from kg.store.synthetic import synthetic_graph
from tests.integration.graphs import tricky_graph

pytestmark = pytest.mark.neo4j

QUERIES = load_queries()


def normalised(rows: list[dict]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)


def params_for(graph: PropertyGraph) -> dict[str, object]:
    """Fixed parameters drawn from the graph: the first node of each label, by id."""
    first = {label: min(n.id for n in graph.nodes if n.label == label)
             for label in {n.label for n in graph.nodes}}
    agencies = sorted(n.id for n in graph.nodes if n.label == "Agency")
    return {"agency": first["Agency"], "body": first["Body"], "person": first.get("Person", ""),
            "document": first["Document"], "date": "2021-06-30", "source": first.get("Person", agencies[0]),
            "target": agencies[-1], "node": first["Body"], "text": "局", "limit": 15}


@pytest.fixture(scope="module")
def both_stores(neo4j_server, tmp_path_factory):
    from kg.store.ladybug import LadybugStore
    from kg.store.neo4j import Neo4jStore

    neo = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password, batch_size=500)
    lb = LadybugStore(tmp_path_factory.mktemp("parity") / "graph.lbdb")
    yield neo, lb
    neo.close()
    lb.close()


GRAPHS = {"synthetic": lambda: synthetic_graph(6, agencies=15), "tricky": tricky_graph}


@pytest.fixture(scope="module", params=sorted(GRAPHS))
def loaded(request, both_stores):
    neo, lb = both_stores
    graph = GRAPHS[request.param]()
    a, b = neo.load(graph), lb.load(graph)
    assert a.counts == b.counts
    return neo, lb, params_for(graph)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_gives_the_same_rows(loaded, name):
    neo, lb, params = loaded
    q = QUERIES[name]
    given = {p.name: params[p.name] for p in q.params}
    from_neo4j, from_ladybug = run_query(neo, q, given), run_query(lb, q, given)
    assert normalised(from_neo4j) == normalised(from_ladybug)


def test_the_synthetic_parameters_find_something(both_stores):
    """Guard against a parity test that compares empty answers only."""
    neo, lb = both_stores
    graph = GRAPHS["synthetic"]()
    lb.load(graph)
    params = params_for(graph)
    empty = [n for n, q in QUERIES.items() if not run_query(lb, q, {p.name: params[p.name] for p in q.params})]
    assert empty == ["bodies_hosted_by"] or not empty, f"queries answering nothing: {empty}"
