"""The Neo4j store against a real server: constraints, batched idempotent merge, clear errors."""
from __future__ import annotations

import socket

import pytest

from devtools.synthetic import synthetic_graph
from govkg.errors import StoreError
from govkg.graph.schema import Node, PropertyGraph
from govkg.store.neo4j import Neo4jStore
from tests.store.graphs import TRICKY_COUNTS, TRICKY_NAMES, tricky_graph

pytestmark = pytest.mark.neo4j


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def test_load_reports_deduplicated_counts(neo4j_store):
    report = neo4j_store.load(tricky_graph())
    assert nonzero(report.counts) == nonzero(TRICKY_COUNTS)


@pytest.mark.parametrize("replace", [True, False])
def test_loading_twice_gives_the_same_counts(neo4j_store, replace):
    g = synthetic_graph(3, agencies=12)
    first = neo4j_store.load(g)
    second = neo4j_store.load(g, replace=replace)
    assert second.counts == first.counts


@pytest.mark.parametrize("batch_size", [1, 7, 10_000])
def test_batch_size_does_not_change_the_graph(neo4j_store, batch_size):
    g = synthetic_graph(2, agencies=10)
    assert neo4j_store.load(g, batch_size=batch_size).counts == {**{k: 0 for k in neo4j_store.counts()}, **g.counts()}


def test_ids_are_unique_by_constraint(neo4j_store):
    neo4j_store.load(tricky_graph())
    rows = neo4j_store.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
                           "RETURN labelsOrTypes[0] AS label, properties AS props, type")
    unique = {r["label"] for r in rows if r["props"] == ["id"] and "UNIQUE" in r["type"]}
    assert {"Agency", "Body", "Person", "Post", "Document", "Task"} <= unique


def _schema_objects(store: Neo4jStore) -> set[tuple[str, str, str]]:
    rows = store.run("SHOW INDEXES YIELD labelsOrTypes, properties, state "
                     "WHERE labelsOrTypes IS NOT NULL RETURN labelsOrTypes[0] AS label, properties[0] AS prop, state")
    return {(r["label"], r["prop"], r["state"]) for r in rows}


EXPECTED_INDEXES = {(label, prop, "ONLINE") for label in ("Agency", "Body", "Person", "Post", "Document", "Task")
                    for prop in ("id", "name")}


def test_a_bulk_load_leaves_every_index_online(neo4j_store):
    neo4j_store.load(synthetic_graph(2, agencies=10))
    assert EXPECTED_INDEXES <= _schema_objects(neo4j_store)


def test_a_failed_bulk_load_restores_the_constraints(neo4j_store):
    g = tricky_graph()
    doc = next(n for n in g.nodes if n.label == "Document")
    g.nodes[g.nodes.index(doc)] = Node("Document", doc.id, {**doc.props, "line": {"not": "a primitive"}})
    with pytest.raises(StoreError, match="Neo4j load failed"):
        neo4j_store.load(g)
    assert {(label, prop) for label, prop, _ in EXPECTED_INDEXES} <= \
        {(label, prop) for label, prop, _ in _schema_objects(neo4j_store)}


def test_a_bulk_load_keeps_relationship_properties_and_leaves_other_labels_alone(neo4j_store, neo4j_server):
    with neo4j_store._session() as s:  # somebody else's data in the same database
        s.run("MERGE (:Unrelated {id: 'keep-me'})").consume()
    try:
        g = synthetic_graph(1, agencies=10)
        neo4j_store.load(g)
        neo4j_store.load(g)
        rows = neo4j_store.run("MATCH (p:Person)-[r:MEMBER_OF]->(b:Body) WHERE r.role = '组长' "
                               "RETURN r.doc AS doc, r.line AS line, r.end_date AS end_date, r.key IS NOT NULL AS keyed")
        assert rows and all(r["doc"] and isinstance(r["line"], int) and r["end_date"] is None and r["keyed"]
                            for r in rows)
        assert neo4j_store.run("MATCH (n:Unrelated) RETURN n.id AS id") == [{"id": "keep-me"}]
    finally:
        with neo4j_store._session() as s:
            s.run("MATCH (n:Unrelated) DELETE n").consume()


@pytest.mark.parametrize("name", TRICKY_NAMES)
def test_awkward_strings_survive(neo4j_store, name):
    neo4j_store.load(tricky_graph())
    rows = neo4j_store.run("MATCH (a:Agency) WHERE a.name = $name RETURN a.id AS id", {"name": name})
    assert len(rows) == 1


def test_queries_run_in_read_transactions(neo4j_store):
    with pytest.raises(StoreError, match="query failed"):
        neo4j_store.run("CREATE (:Agency {id: 'written'})")
    assert neo4j_store.counts()["Agency"] == 0


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_server_is_a_one_line_store_error():
    with pytest.raises(StoreError, match="unreachable") as err:
        Neo4jStore(f"bolt://127.0.0.1:{_closed_port()}", "neo4j", "x")
    assert "\n" not in str(err.value)


def test_refused_credentials_are_a_one_line_store_error(neo4j_server):
    if not neo4j_server.password:
        pytest.skip("the server given in GOVKG_TEST_NEO4J_URI has no password to refuse")
    with pytest.raises(StoreError, match="refused the credentials") as err:
        Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password + "-wrong")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "not a uri"])
def test_a_malformed_address_is_a_store_error(uri):
    with pytest.raises(StoreError):
        Neo4jStore(uri, "neo4j", "x")


def test_a_graph_of_unknown_labels_is_refused_and_the_loaded_graph_kept(neo4j_store):
    loaded = neo4j_store.load(tricky_graph()).counts
    bad = PropertyGraph(nodes=[Node("Agency", "agency/x", {"name": "x"}), Node("NoSuchLabel", "n/1", {})])
    with pytest.raises(ValueError, match="unknown node label"):
        neo4j_store.load(bad)
    assert neo4j_store.counts() == loaded
