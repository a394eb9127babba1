"""Fixtures for tests against real stores: an embedded LadybugDB per test, and one real Neo4j per session.

Neo4j is found in this order: ``GOVKG_TEST_NEO4J_URI`` (with ``GOVKG_TEST_NEO4J_USER`` /
``_PASSWORD``); else the launcher in ``tools/neo4j-launcher`` (built with Maven on first use,
then cached in its ``target/``) started on loopback for the session; else the tests skip —
unless ``GOVKG_REQUIRE_NEO4J=1`` (CI), where a missing Neo4j fails them.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Neo4jServer:
    uri: str
    user: str
    password: str


def _unavailable(reason: str) -> None:
    if os.environ.get("GOVKG_REQUIRE_NEO4J") == "1":
        pytest.fail(f"Neo4j required (GOVKG_REQUIRE_NEO4J=1) but unavailable: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j: {reason}")


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    """A running Neo4j for the session (see module docstring for where it comes from)."""
    uri = os.environ.get("GOVKG_TEST_NEO4J_URI")
    if uri:
        yield Neo4jServer(uri, os.environ.get("GOVKG_TEST_NEO4J_USER", "neo4j"),
                          os.environ.get("GOVKG_TEST_NEO4J_PASSWORD", ""))
        return
    from devtools import neo4j as launcher

    password = secrets.token_hex(8)
    try:
        proc, uri = launcher.start(password)
    except (launcher.LauncherError, OSError) as err:
        _unavailable(str(err))
        return
    try:
        yield Neo4jServer(uri, "neo4j", password)
    finally:
        launcher.stop(proc)


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jServer):
    """A Neo4j store on the session server, emptied of our labels before the test."""
    from govkg.store.neo4j import Neo4jStore

    store = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password, batch_size=50)
    store.clear()
    yield store
    store.close()


@pytest.fixture
def ladybug_store(tmp_path: Path):
    """A fresh embedded store in a temporary folder."""
    from govkg.store.ladybug import LadybugStore

    store = LadybugStore(tmp_path / "graph.lbdb")
    yield store
    store.close()


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """The sample corpus built once per session (no SHACL): (output folder, build report)."""
    from govkg.graph.build import build

    out = tmp_path_factory.mktemp("corpus-build")
    return out, build(ROOT / "corpus", out, validate_shacl=False)


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    """The corpus's property graph."""
    return corpus_build[1].property_graph


@pytest.fixture(scope="module")
def both_stores(neo4j_server, tmp_path_factory):
    """A Neo4j store and a fresh embedded store, shared by one test module."""
    from govkg.store.ladybug import LadybugStore
    from govkg.store.neo4j import Neo4jStore

    neo = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password, batch_size=500)
    lb = LadybugStore(tmp_path_factory.mktemp("parity") / "graph.lbdb")
    yield neo, lb
    neo.close()
    lb.close()


@pytest.fixture
def embedded_store_in_tmp(tmp_path_factory, monkeypatch):
    """Commands that load the default embedded store (``govkg build``) write to a temporary one,
    never to the working tree's ``.govkg/``."""
    monkeypatch.setenv("GOVKG_DB_PATH", str(tmp_path_factory.mktemp("default-store") / "graph.lbdb"))


@pytest.fixture(scope="session")
def dask_cluster():
    """A real local Dask cluster (a scheduler and two workers, separate processes on loopback): its address.

    Skips when Dask is not installed, unless ``GOVKG_REQUIRE_CLUSTER=1`` (CI), where it fails."""
    from devtools import dask_cluster

    try:
        cluster = dask_cluster.start(workers=2)
    except dask_cluster.ClusterUnavailable as err:
        if os.environ.get("GOVKG_REQUIRE_CLUSTER") == "1":
            pytest.fail(f"Dask cluster required (GOVKG_REQUIRE_CLUSTER=1) but unavailable: {err}", pytrace=False)
        pytest.skip(f"no Dask cluster: {err}")
    try:
        yield cluster.address
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """(build folder, store) of a PDF printed by headless Chromium, a saved web page, a Word file and a text
    file (``tests.text.formats.pages.published_build``); a missing Chromium fails under GOVKG_REQUIRE_BROWSER=1."""
    from tests.text.formats.pages import chromium, published_build

    browser = chromium()
    if browser is None:
        if os.environ.get("GOVKG_REQUIRE_BROWSER") == "1":
            pytest.fail("GOVKG_REQUIRE_BROWSER=1 but no Chromium (scripts/setup-browser installs it)")
        pytest.skip("no Chromium to print the PDF with (scripts/setup-browser)")
    return published_build(browser, tmp_path_factory.mktemp("published"))
