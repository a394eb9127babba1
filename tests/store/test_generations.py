"""The Cypher rewrite that routes a query to one generation of the graph (govkg.store.generations)."""
from __future__ import annotations

import pytest

from govkg.queries import load_queries
from govkg.store.generations import generation_of, qualified, routed, unqualified

CASES = [
    # (query, generation 3's text)
    ("MATCH (n:Body) RETURN n", "MATCH (n:`Body__g3`) RETURN n"),
    ("MATCH (n:`Agency` {id: $id}) RETURN n", "MATCH (n:`Agency__g3` {id: $id}) RETURN n"),
    ("MATCH (a)-[r:MEMBER_OF|SEAT_ON]->(b:Body)", "MATCH (a)-[r:`MEMBER_OF__g3`|`SEAT_ON__g3`]->(b:`Body__g3`)"),
    ("MATCH (a)-[:IN|:CITES*..3]-(b)", "MATCH (a)-[:`IN__g3`|:`CITES__g3`*..3]-(b)"),
    ("MATCH (n:Agency:Body)", "MATCH (n:`Agency__g3`:`Body__g3`)"),
    ("MATCH (n:!Task&Person)", "MATCH (n:!`Task__g3`&`Person__g3`)"),
    ("MATCH (n) WHERE n:Person RETURN n", "MATCH (n) WHERE n:`Person__g3` RETURN n"),
    # what is not a label stays: strings, comments, map keys, other labels, the keyword IN
    ("RETURN 'a:Body' AS s, \"x:IN\" AS t", "RETURN 'a:Body' AS s, \"x:IN\" AS t"),
    ("RETURN 'it\\'s:Body' AS s", "RETURN 'it\\'s:Body' AS s"),
    ("MATCH (n) // :Body\nRETURN n /* :Agency */", "MATCH (n) // :Body\nRETURN n /* :Agency */"),
    ("RETURN {Body: 1, `Agency`: 2} AS m", "RETURN {Body: 1, `Agency`: 2} AS m"),
    ("MATCH (n:Unrelated) WHERE n.id IN $ids RETURN n", "MATCH (n:Unrelated) WHERE n.id IN $ids RETURN n"),
    ("MATCH (n) RETURN n {.name, rels: [(n)-[:HOLDS]->(m) | m.id]}",
     "MATCH (n) RETURN n {.name, rels: [(n)-[:`HOLDS__g3`]->(m) | m.id]}"),
    # a subquery's braces are no map
    ("CALL (n) { MATCH (n)-[:IN]->(:Task) RETURN count(*) AS c }",
     "CALL (n) { MATCH (n)-[:`IN__g3`]->(:`Task__g3`) RETURN count(*) AS c }"),
    ("MATCH (n) WHERE EXISTS { (n)-[:CITES]->() } RETURN n", "MATCH (n) WHERE EXISTS { (n)-[:`CITES__g3`]->() } RETURN n"),
]


@pytest.mark.parametrize("query, expected", CASES)
def test_routed(query, expected):
    assert routed(query, 3) == expected


@pytest.mark.parametrize("query", [q for q, _ in CASES])
def test_generation_zero_is_the_query_itself(query):
    assert routed(query, 0) == query


@pytest.mark.parametrize("value, expected", [
    ("Body__g3", "Body"), (["Person__g3", "x"], ["Person", "x"]), ({"t": "MEMBER_OF__g3"}, {"t": "MEMBER_OF"}),
    ("Body__g2", "Body__g2"), ("Nope__g3", "Nope__g3"), ("市人民政府", "市人民政府"), (7, 7),
])
def test_unqualified(value, expected):
    assert unqualified(value, 3) == expected


@pytest.mark.parametrize("name, generation", [
    ("Body", 0), ("Body__g12", 12), ("IN__g1", 1), ("Unrelated", None), ("Unrelated__g2", None), ("GovkgGeneration", None),
])
def test_generation_of(name, generation):
    assert generation_of(name) == generation
    if generation is not None:
        assert qualified(name.split("__g")[0], generation) == name


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_every_canned_query_names_our_labels_only_in_label_position(name):
    """Each canned query's Neo4j text, routed, names no unqualified label or type of ours after a colon."""
    import re

    text = routed(load_queries()[name].text("neo4j"), 5)
    from govkg.store.generations import NAMES

    bare = [m.group(1) for m in re.finditer(r":\s*`?([A-Za-z_]+)`?(?![A-Za-z_0-9])", text) if m.group(1) in NAMES]
    assert not bare, bare
