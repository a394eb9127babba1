"""``CompactMemory`` answers as rdflib's ``SimpleMemory``: the same triples for every pattern, in the same order
within a subject or a predicate (``Graph.value`` picks the same value), through adds, removals and sets."""
from __future__ import annotations

import itertools
from collections import Counter

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.memory import SimpleMemory

from govkg.graph import nodes
from govkg.graph.export import sorted_ntriples
from govkg.graph.memory import CompactGraph, CompactMemory
from govkg.graph.pg import property_graph
from govkg.graph.rdf import graph_from_facts
from govkg.graph.terms import GOV
from tests.graph.test_rdf import fixture_facts

E = [URIRef(f"urn:e{i}") for i in range(4)]
P = [URIRef(f"urn:p{i}") for i in range(3)]
O = [*E[:2], Literal("一"), Literal("一", lang="zh"), Literal(1), Literal("1")]

# each a list of (operation, triple or pattern): what both stores go through before every pattern is asked
HISTORIES = {
    "one value per pair": [("add", (E[0], P[0], O[0])), ("add", (E[1], P[0], O[2]))],
    "several values, one twice": [("add", (E[0], P[0], o)) for o in O] + [("add", (E[0], P[0], O[1]))],
    "literals that look alike": [("add", (E[2], P[1], O[2])), ("add", (E[2], P[1], O[3])),
                                 ("add", (E[2], P[1], O[4])), ("add", (E[2], P[1], O[5]))],
    "removed, then added again": [("add", (E[0], P[0], O[0])), ("add", (E[0], P[1], O[1])),
                                  ("add", (E[0], P[0], O[2])), ("remove", (E[0], P[0], None)),
                                  ("add", (E[0], P[0], O[3])), ("add", (E[0], P[2], O[0]))],
    "a bare value removed and another added": [("add", (E[1], P[0], O[0])), ("remove", (E[1], P[0], O[0])),
                                               ("add", (E[1], P[0], O[1])), ("add", (E[3], P[0], O[1]))],
    "removed by object": [("add", (s, p, E[1])) for s in E for p in P] + [("remove", (None, None, E[1])),
                                                                        ("add", (E[0], P[0], E[1]))],
    "set": [("add", (E[0], P[0], o)) for o in O] + [("set", (E[0], P[0], O[4])), ("set", (E[1], P[1], O[2]))],
    "every triple of a predicate removed": [("add", (E[0], P[2], O[0])), ("add", (E[1], P[2], O[0])),
                                            ("add", (E[1], P[1], O[1])), ("remove", (None, P[2], None))],
}


def _apply(graph: Graph, history) -> Graph:
    for op, t in history:
        getattr(graph, op)(t)
    return graph


def _patterns():
    return itertools.product((None, *E), (None, *P), (None, *O))


def _same(compact: Graph, simple: Graph) -> None:
    assert len(compact) == len(simple)
    for pattern in _patterns():
        got = [t for t, _ in compact.store.triples(pattern)]
        want = [t for t, _ in simple.store.triples(pattern)]
        if pattern[0] is None and pattern[1] is None:  # by object alone, or everything: the same triples
            assert sorted(got) == sorted(want), pattern
        else:
            assert got == want, pattern
        s, p, o = pattern
        if s is not None and p is not None:
            assert compact.value(s, p) == simple.value(s, p), pattern
            assert compact.value(s, p, default=Literal("none")) == simple.value(s, p, default=Literal("none")), pattern
        assert list(compact.objects(s, p)) == list(simple.objects(s, p)), pattern  # CompactGraph's own
        by_subject = list(compact.subjects(p, o)), list(simple.subjects(p, o))
        if p is None:  # by object alone, or every subject: the same ones
            by_subject = sorted(by_subject[0]), sorted(by_subject[1])
        assert by_subject[0] == by_subject[1], pattern
        if p is not None and o is not None:
            assert compact.value(None, p, o) == simple.value(None, p, o), pattern


@pytest.mark.parametrize("name", sorted(HISTORIES))
def test_counts_by_predicate_and_by_object_are_the_triples_there(name: str):
    store = _apply(Graph(store=CompactMemory()), HISTORIES[name]).store
    triples = [t for t, _ in store.triples((None, None, None))]
    assert store.predicate_counts() == dict(Counter(p for _, p, _ in triples))
    for p in P:
        want = Counter(o for _, q, o in triples if q == p)
        assert store.object_counts(p) == dict(want), p


@pytest.mark.parametrize("name", sorted(HISTORIES))
def test_every_pattern_is_answered_as_simple_memory_does(name: str):
    simple = _apply(Graph(store=SimpleMemory()), HISTORIES[name])
    _same(_apply(Graph(store=CompactMemory()), HISTORIES[name]), simple)
    _same(_apply(CompactGraph(), HISTORIES[name]), simple)  # with its own objects and subjects


def test_the_builder_writes_the_same_graph_in_either_store(monkeypatch):
    built = graph_from_facts(fixture_facts())
    assert type(built.store) is CompactMemory
    # the builder as it was: rdflib's Graph (and its checking add) on rdflib's store
    monkeypatch.setattr(nodes, "CompactGraph", lambda: Graph(store=SimpleMemory()))
    simple = graph_from_facts(fixture_facts())
    assert type(simple.store) is SimpleMemory
    assert sorted_ntriples(built) == sorted_ntriples(simple) and len(built) == len(simple)
    assert property_graph(built) == property_graph(simple)  # which it reads value by value
    assert dict(built.namespaces())["govkg"] == URIRef(str(GOV))  # the prefixes bound in the store
