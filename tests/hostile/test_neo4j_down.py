"""A Neo4j that stops under a running API (issue 15): ``/health`` says ``degraded`` with 503 within
seconds, queries fail fast with 503, no password reaches an answer, and the compose healthcheck
command fails. A real Neo4j of its own (the session's is shared), stopped halfway."""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import yaml
from fastapi.testclient import TestClient

from tests.api.conftest import make_app
from tests.api.graphs import tiny_graph
from tests.api.live import ROOT, free_port

pytestmark = pytest.mark.neo4j
FAST = 8.0  # seconds: the connect timeout (2 s) and a read's retries, with room for a busy machine


@pytest.fixture(scope="module")
def doomed():
    """A Neo4j of this module's own with the tiny graph: (process, uri, password)."""
    from devtools import neo4j as launcher

    password = secrets.token_hex(8)
    try:
        proc, uri = launcher.start(password, heap="512m")
    except (launcher.LauncherError, OSError) as err:
        if os.environ.get("GOVKG_REQUIRE_NEO4J") == "1":
            pytest.fail(f"Neo4j required but unavailable: {err}", pytrace=False)
        pytest.skip(f"no Neo4j: {err}")
    from govkg.store.neo4j import Neo4jStore

    store = Neo4jStore(uri, "neo4j", password)
    store.load(tiny_graph())
    store.close()
    try:
        yield proc, uri, password
    finally:
        if proc.poll() is None:
            launcher.stop(proc)


def healthcheck(port: int) -> list[str]:
    """The api service's healthcheck command of docker-compose.yml, pointed at ``port``."""
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    test = spec["services"]["api"]["healthcheck"]["test"]
    assert test[0] == "CMD" and test[1] == "python"
    return [sys.executable, *(arg.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for arg in test[2:])]


def test_health_and_queries_fail_fast_once_neo4j_is_down(doomed):
    from devtools import neo4j as launcher
    from govkg.store.neo4j import Neo4jStore

    proc, uri, password = doomed
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "govkg.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--store", "neo4j"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "GOVKG_NEO4J_URI": uri, "GOVKG_NEO4J_USER": "neo4j", "GOVKG_NEO4J_PASSWORD": password,
             "GOVKG_NEO4J_CONNECT_TIMEOUT": "2"})
    store = Neo4jStore(uri, "neo4j", password, connect_timeout=2)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "govkg serve did not start"
            time.sleep(0.3)
        assert subprocess.run(healthcheck(port), capture_output=True, timeout=30).returncode == 0
        with TestClient(make_app(store)) as client:
            assert client.get("/health").json()["status"] == "ok"
            launcher.stop(proc)  # Neo4j is down from here on

            t = time.monotonic()
            r = client.get("/health")
            assert time.monotonic() - t < FAST, f"/health took {time.monotonic() - t:.1f} s"
            assert r.status_code == 503 and r.json()["status"] == "degraded"
            assert r.json()["detail"] and "\n" not in r.json()["detail"] and password not in r.text

            t = time.monotonic()
            r = client.get("/queries/find_nodes", params={"text": "局"})
            assert time.monotonic() - t < FAST and r.status_code == 503 and password not in r.text

        t = time.monotonic()
        r = httpx.get(base + "/health", timeout=30)  # the real server (its follower asks first)
        assert r.status_code == 503 and time.monotonic() - t < 2 * FAST
        assert subprocess.run(healthcheck(port), capture_output=True, timeout=30).returncode != 0
    finally:
        store.close()
        server.terminate()
        server.wait(20)
