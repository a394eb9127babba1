"""Replacing loads into a real Neo4j while it is read: readers see the old graph or the new one,
never one between; the API lets go of every answer about the old graph; a killed, empty or
concurrent load leaves the served graph as it was (issue 15)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from govkg.cli import app as cli
from govkg.queries import load_queries, sample_params
from govkg.store.neo4j import Neo4jStore
from tests.api.test_api_neo4j import normalised
from tests.conftest import ROOT

pytestmark = pytest.mark.neo4j
runner = CliRunner()
GOVKG = str(Path(sys.executable).parent / "govkg")
COUNT = ("MATCH (p:Person) WITH count(p) AS people MATCH (b:Body) WITH people, count(b) AS bodies "
         "OPTIONAL MATCH (:Person)-[m:MEMBER_OF]->(:Body) RETURN people, bodies, count(m) AS members")


@pytest.fixture(autouse=True)
def _embedded_store_in_tmp(embedded_store_in_tmp):  # the lock files of Neo4j loads go beside it
    return embedded_store_in_tmp


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A build of one gazette: (folder, property graph), a smaller graph than the corpus's."""
    from govkg.graph.build import build

    out = tmp_path_factory.mktemp("small-build") / "build"
    report = build(next((ROOT / "corpus").glob("000_*.txt")), out, validate_shacl=False)
    return out, report.property_graph


def _store(server, batch_size: int = 500) -> Neo4jStore:
    return Neo4jStore(server.uri, server.user, server.password, batch_size=batch_size)


def _seen(store: Neo4jStore) -> tuple[int, int, int]:
    row = store.run(COUNT)[0]
    return row["people"], row["bodies"], row["members"]


def _env(server) -> dict[str, str]:
    return {**os.environ, "GOVKG_NEO4J_USER": server.user, "GOVKG_NEO4J_PASSWORD": server.password}


def test_a_reader_never_sees_a_graph_between_two_loads(neo4j_server, corpus_graph, small):
    loader, reader = _store(neo4j_server, batch_size=200), _store(neo4j_server)  # small batches: many transactions
    try:
        loader.clear()
        loader.load(small[1])
        old = _seen(reader)
        seen: list[tuple[int, int, int]] = []
        stop = threading.Event()

        def read() -> None:
            while not stop.is_set():
                seen.append(_seen(reader))
                time.sleep(0.1)

        thread = threading.Thread(target=read)
        thread.start()
        try:
            loader.load(corpus_graph)
            new = _seen(reader)
            loader.load(small[1])
            loader.load(corpus_graph)
        finally:
            stop.set()
            thread.join()
        assert old != new and len(seen) >= 10
        assert set(seen) <= {old, new}, sorted(set(seen) - {old, new})
        assert loader._generations() == {loader.generation()}  # the old generations are gone
    finally:
        loader.clear()
        loader.close()
        reader.close()


def _urls(*graphs) -> list[str]:
    """Canned queries with parameters that find something in either graph, entities, search, pictures."""
    urls = {"/health", "/search?q=%E5%B1%80", "/viz/agencies?format=json"}
    for graph in graphs:
        params = sample_params(graph)
        for q in load_queries().values():
            given = {p.name: params[p.name] for p in q.params if p.name in params}
            urls.add(f"/queries/{q.name}?{urlencode(given)}")
        for key in ("agency", "body", "person", "document"):
            urls.add(f"/entities/{quote(params[key], safe='')}")
        urls.add(f"/viz/body/{quote(params['body'], safe='')}?format=json")
    return sorted(urls)


def _answers(client: TestClient, urls: list[str]) -> dict[str, tuple[int, str]]:
    return {u: (r.status_code, r.text) for u in urls for r in [client.get(u)]}


def _order_free(answers: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Answers with JSON lists sorted: a reload may store rows in another order."""
    return {u: (code, normalised(json.loads(text))) for u, (code, text) in answers.items()}


def test_no_answer_about_the_old_graph_is_served_after_a_reload(neo4j_server, corpus_graph, small):
    from govkg.api.app import create_app
    from govkg.settings import ApiConfig

    config = ApiConfig.from_env({"GOVKG_STORE": "neo4j", "GOVKG_NEO4J_URI": neo4j_server.uri,
                                 "GOVKG_NEO4J_USER": neo4j_server.user, "GOVKG_NEO4J_PASSWORD": neo4j_server.password})
    urls = _urls(corpus_graph, small[1])
    loader = _store(neo4j_server)
    try:
        loader.clear()
        loader.load(corpus_graph)
        served = create_app(config)
        with TestClient(served, base_url="http://localhost") as client:
            first = _answers(client, urls)  # every answer cached, the search index built
            assert _answers(client, urls) == first
            for graph in (small[1], corpus_graph):
                loader.load(graph)
                time.sleep(served.state.follow_interval + 0.2)  # the server looks at most this often
                with TestClient(create_app(config), base_url="http://localhost") as fresh:
                    expected = _answers(fresh, urls)
                got = _answers(client, urls)
                stale = [u for u in urls if got[u] != expected[u]]
                assert not stale, stale
            assert sum(1 for u in urls if expected[u] != _answers(client, urls)[u]) == 0
            first, expected = _order_free(first), _order_free(expected)
            assert [u for u in urls if first[u] != expected[u]] == []  # back to the corpus: as at first
    finally:
        loader.clear()
        loader.close()


def _new_generation_started(store: Neo4jStore, current: int) -> bool:
    return any(g > current for g in store._generations())


def test_a_killed_load_keeps_the_served_graph_and_the_next_load_cleans_up(neo4j_server, corpus_build, small):
    store = _store(neo4j_server)
    try:
        store.clear()
        store.load(small[1])
        before, gen = store.counts(), store.generation()
        proc = subprocess.Popen([GOVKG, "load", str(corpus_build[0]), "--neo4j", neo4j_server.uri], cwd=ROOT,
                                env=_env(neo4j_server), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while not _new_generation_started(store, gen):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert store.counts() == before and store.generation() == gen
        assert store._generations() != {gen}  # a partial generation was left
        result = runner.invoke(cli, ["load", str(small[0]), "--neo4j", neo4j_server.uri], env=_env(neo4j_server))
        assert result.exit_code == 0, result.output
        assert store.counts() == before and store._generations() == {store.generation()}
    finally:
        store.clear()
        store.close()


def test_an_empty_graph_does_not_replace_a_neo4j_graph_without_allow_empty(neo4j_server, small, tmp_path):
    facts = tmp_path / "empty.jsonl"
    facts.write_text("", encoding="utf-8")
    empty = tmp_path / "empty-build"
    built = runner.invoke(cli, ["build", "--facts", str(facts), "-o", str(empty), "--no-load", "--allow-empty", "--no-shacl"])
    assert built.exit_code == 0, built.output
    store = _store(neo4j_server)
    try:
        store.clear()
        store.load(small[1])
        before = store.counts()
        result = runner.invoke(cli, ["load", str(empty), "--neo4j", neo4j_server.uri], env=_env(neo4j_server))
        assert result.exit_code == 1 and "--allow-empty" in result.output, result.output
        assert store.counts() == before
        result = runner.invoke(cli, ["load", str(empty), "--neo4j", neo4j_server.uri, "--allow-empty"],
                               env=_env(neo4j_server))
        assert result.exit_code == 0, result.output
        assert not any(store.counts().values())
    finally:
        store.clear()
        store.close()


def test_two_concurrent_loads_of_one_neo4j(neo4j_server, corpus_build, small):
    store = _store(neo4j_server)
    try:
        store.clear()
        gen = store.generation()
        proc = subprocess.Popen([GOVKG, "load", str(corpus_build[0]), "--neo4j", neo4j_server.uri], cwd=ROOT,
                                env=_env(neo4j_server), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while not _new_generation_started(store, gen):  # the first load is writing
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGSTOP)  # held mid-write, so it cannot end before the second tries
        try:
            result = runner.invoke(cli, ["load", str(small[0]), "--neo4j", neo4j_server.uri], env=_env(neo4j_server))
        finally:
            proc.send_signal(signal.SIGCONT)
        assert result.exit_code == 1 and "in use by another load" in result.output, result.output
        assert proc.wait(120) == 0, proc.communicate()
        got = store.counts()
        assert got == store.load(corpus_build[1].property_graph).counts  # the first load, whole
    finally:
        store.clear()
        store.close()
