"""The SPARQL worker pool on a small graph: answers, the time limit, and a worker replaced after a
timeout still answering from the graph the engine was started over (not a file written since)."""
from __future__ import annotations

import os
import time

import pytest

from govkg.store.sparql import SparqlError
from govkg.store.sparqlpool import SparqlEngine

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def write_graph(path, n: int, value: str) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(f'<urn:s{i}> <urn:p> "{value}" .\n' for i in range(n)), encoding="utf-8")
    os.replace(tmp, path)  # as a rebuild switches a new file in


@pytest.fixture
def engine(tmp_path):
    graph = tmp_path / "graph.nt"
    write_graph(graph, 300, "old")
    with SparqlEngine(graph, workers=1, time_limit=1.5, prefixes={}) as e:
        yield e, graph


def test_answers_and_formats(engine):
    e, _ = engine
    assert e.warm() == 300
    answer = e.query("SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:p> ?o }", results="csv")
    assert answer.kind == "solutions" and answer.media_type == "text/csv" and answer.body.split() == [b"n", b"300"]
    graph = e.query("CONSTRUCT WHERE { <urn:s1> ?p ?o }", graph="nt")
    assert graph.kind == "graph" and graph.body == b'<urn:s1> <urn:p> "old" .\n'


def test_a_query_past_the_limit_is_stopped_and_its_worker_replaced_over_the_same_graph(engine):
    e, graph = engine
    e.warm()
    write_graph(graph, 5, "new")  # the folder rebuilt under a running engine
    t = time.monotonic()
    with pytest.raises(SparqlError, match="time limit") as err:
        e.query(SLOW)
    assert err.value.status == 503 and time.monotonic() - t < 10
    assert e.warm() == 300  # the new worker read the graph the engine was started over
    assert e.query("ASK { ?s ?p 'old' }", results="csv").body == b"true"


def test_a_result_over_the_size_limit_is_refused(tmp_path):
    graph = tmp_path / "graph.nt"
    write_graph(graph, 300, "x" * 100)
    with SparqlEngine(graph, workers=1, max_bytes=10_000, prefixes={}) as e:
        with pytest.raises(SparqlError, match="result too large") as err:
            e.query("SELECT * WHERE { ?s ?p ?o }")
        assert err.value.status == 413
        assert e.query("SELECT * WHERE { ?s ?p ?o } LIMIT 2").kind == "solutions"  # the worker goes on


def test_closing_lets_go_of_the_graph_file(engine):
    e, graph = engine
    e.warm()
    fd = e._fd
    e.close()
    with pytest.raises(OSError):
        os.fstat(fd)
