"""Shared by the store benchmarks: the graphs to load and a Neo4j to load them into."""
from __future__ import annotations

import contextlib
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govkg.graph.schema import PropertyGraph  # noqa: E402


def corpus_graph() -> PropertyGraph:
    """The sample corpus, built without SHACL validation."""
    from govkg.graph.build import build

    with tempfile.TemporaryDirectory() as tmp:
        return build(ROOT / "corpus", tmp, validate_shacl=False).property_graph


def synthetic(rows: int) -> PropertyGraph:
    from devtools.synthetic import synthetic_graph_of_rows

    return synthetic_graph_of_rows(rows)


@contextlib.contextmanager
def neo4j(uri: str | None) -> Iterator[tuple[str, str, str]]:
    """(uri, user, password): the given server (GOVKG_NEO4J_USER/_PASSWORD), else a launcher one."""
    if uri:
        yield uri, os.environ.get("GOVKG_NEO4J_USER", "neo4j"), os.environ.get("GOVKG_NEO4J_PASSWORD", "")
        return
    from devtools import neo4j as launcher

    password = secrets.token_hex(8)
    t = time.perf_counter()
    proc, started = launcher.start(password, heap="2g")
    print(f"# started Neo4j from devtools/neo4j-launcher in {time.perf_counter() - t:.1f}s: {started}", flush=True)
    try:
        yield started, "neo4j", password
    finally:
        launcher.stop(proc)


def fresh_db_path(tmp: str) -> Path:
    return Path(tmp) / "graph.lbdb"
