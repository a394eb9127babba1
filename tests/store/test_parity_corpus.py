"""Parity on the sample corpus: built, loaded into Neo4j and LadybugDB, every canned query compared."""
from __future__ import annotations

import pytest

from govkg.queries import load_queries, run_query, sample_params
from tests.store.parity import load_both, same_rows

pytestmark = pytest.mark.neo4j

QUERIES = load_queries()


@pytest.fixture(scope="module")
def corpus_loaded(both_stores, corpus_graph):
    neo, lb = both_stores
    return neo, lb, load_both(neo, lb, corpus_graph)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_canned_query_gives_the_same_rows_on_the_corpus(corpus_loaded, name):
    neo, lb, params = corpus_loaded
    from_neo4j, from_ladybug = same_rows(neo, lb, QUERIES[name], params)
    assert from_neo4j == from_ladybug


def test_loading_the_corpus_twice_gives_the_same_counts_on_both(both_stores, corpus_graph):
    neo, lb = both_stores
    for store in (neo, lb):
        first = store.load(corpus_graph).counts
        assert store.load(corpus_graph).counts == first


def test_the_corpus_parameters_find_something(corpus_loaded):
    """Guard against parity that compares empty answers: nearly every query finds rows."""
    _, lb, params = corpus_loaded
    empty = [n for n, q in QUERIES.items() if not run_query(lb, q, {p.name: params[p.name] for p in q.params})]
    assert len(empty) <= 2, f"queries answering nothing on the corpus: {empty}"
