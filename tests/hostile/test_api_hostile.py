"""Hostile requests to the API on both stores (issue 15): the raw-Cypher payloads that escaped the
old ``/cypher`` keyword filter find no endpoint, even with ``GOVKG_API_ALLOW_CYPHER`` set, and
through every other way in (search, canned-query parameters) they stay values: the graph is
unchanged, no file is written, no URL is fetched."""
from __future__ import annotations

import http.server
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import make_app
from tests.api.graphs import tiny_graph


@pytest.fixture(scope="module")
def canary():
    """A local HTTP server that records every request it gets (a fetched URL is an SSRF)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"id,name\nx,y\n")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/secret.csv", hits
    server.shutdown()


def payloads(written: Path, url: str) -> list[str]:
    """The bypasses of the issue: backtick identifiers hiding what follows, a second statement,
    file and URL loading, extension installs, procedures, admin commands."""
    out = written.as_posix()
    return [
        "MATCH (`'`) LOAD FROM '/etc/passwd' (header=false) RETURN *",
        "RETURN 1 AS `'` // ' \nLOAD FROM '/etc/passwd' (header=false) RETURN *",
        f"MATCH (a:`'`) RETURN 1; COPY (MATCH (a:Agency) RETURN a.id) TO '{out}'",
        f"COPY (MATCH (a:Agency) RETURN a.id) TO '{out}'",
        "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n",
        "INSTALL httpfs",
        "LOAD EXTENSION httpfs",
        "CALL dbms.listConfig()",
        "CALL db.labels() YIELD label RETURN label",
        "SHOW USERS",
        "SHOW TRANSACTIONS",
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
        f"LOAD CSV WITH HEADERS FROM '{url}' AS row RETURN row",
        f"RETURN `'` AS x // '\nLOAD CSV FROM '{url}' AS row RETURN row",
        "MATCH (a:Agency) SET a.name = 'x' RETURN a",
        "CREATE (:Agency {id: 'x', name: 'x'})",
    ]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)], scope="module")
def served(request, tmp_path_factory):
    """(client, store) over the tiny graph on each store, with the removed setting turned on."""
    if request.param == "embedded":
        from govkg.store.ladybug import LadybugStore

        path = tmp_path_factory.mktemp("hostile-api") / "graph.lbdb"
        writer = LadybugStore(path)
        writer.load(tiny_graph())
        writer.close()
        store = LadybugStore(path, read_only=True)
    else:
        from govkg.store.neo4j import Neo4jStore

        server = request.getfixturevalue("neo4j_server")
        store = Neo4jStore(server.uri, server.user, server.password)
        store.clear()
        store.load(tiny_graph())
    with TestClient(make_app(store, GOVKG_API_ALLOW_CYPHER="1")) as client:
        yield client, store
    store.close()


def test_the_removed_setting_is_reported_not_honoured():
    from govkg.settings import ApiConfig

    config = ApiConfig.from_env({"GOVKG_API_ALLOW_CYPHER": "1"})
    assert len(config.warnings) == 1 and "GOVKG_API_ALLOW_CYPHER" in config.warnings[0]
    assert "\n" not in config.warnings[0]
    assert ApiConfig.from_env({}).warnings == ()


def test_no_route_takes_raw_cypher(served):
    client, _ = served
    paths = list(client.get("/openapi.json").json()["paths"])
    assert paths and not any("cypher" in p.lower() for p in paths), paths


def test_cypher_payloads_find_no_endpoint(served, canary, tmp_path):
    client, store = served
    url, hits = canary
    before = store.counts()
    written = tmp_path / "out.csv"
    for cypher in payloads(written, url):
        for path in ("/cypher", "/cypher/"):
            r = client.post(path, json={"cypher": cypher, "params": {}})
            assert r.status_code in (404, 405), (path, cypher, r.status_code, r.text)
            assert "root:" not in r.text  # no line of /etc/passwd
        r = client.post("/cypher", content=cypher.encode(), headers={"content-type": "text/plain"})
        assert r.status_code in (404, 405)
        assert client.get("/cypher", params={"cypher": cypher}).status_code in (404, 405)
    assert store.counts() == before
    assert not written.exists() and hits == []


def test_cypher_payloads_are_only_values_elsewhere(served, canary, tmp_path):
    """Through search and the canned queries' parameters the payloads are text to look for."""
    client, store = served
    url, hits = canary
    before = store.counts()
    written = tmp_path / "out.csv"
    for cypher in payloads(written, url):
        for path, params in (("/search", {"q": cypher}), ("/queries/find_nodes", {"text": cypher}),
                             ("/queries/body_leaders", {"body": cypher}), ("/entities/" + quote(cypher, safe=""), {})):
            r = client.get(path, params=params)
            assert r.status_code < 500, (path, cypher, r.text)
            assert "root:" not in r.text
    assert store.counts() == before
    assert not written.exists() and hits == []


def test_serve_warns_in_one_line_that_the_setting_is_gone(tmp_path):
    import os
    import subprocess
    import sys

    import socket

    with socket.socket() as s:  # a free port: the store check comes after the port check
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    govkg = str(Path(sys.executable).parent / "govkg")
    done = subprocess.run([govkg, "serve", "--port", str(port)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "GOVKG_API_ALLOW_CYPHER": "1",
                               "GOVKG_DB_PATH": str(tmp_path / "none.lbdb")})
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "GOVKG_API_ALLOW_CYPHER is ignored" in warnings[0], done.stderr
