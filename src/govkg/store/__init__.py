"""Graph stores behind one interface (:class:`govkg.store.base.GraphStore`).

``open_store(settings)`` gives Neo4j when a URI is configured (or ``store="neo4j"``) and the
embedded LadybugDB otherwise; ``load_embedded(graph, path)`` is what ``govkg build`` calls.
"""
from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

from govkg.errors import StoreError
from govkg.graph.schema import PropertyGraph
from govkg.settings import Settings, get_settings
from govkg.store.base import GraphStore, LoadReport

__all__ = ["GraphStore", "LoadReport", "StoreError", "open_store", "load_embedded", "read_built_graph"]


def open_store(settings: Settings | None = None, *, read_only: bool = False) -> GraphStore:
    """The configured store, connected; raises StoreError with a one-line reason."""
    s = settings or get_settings()
    if s.store_kind == "neo4j":
        if not s.neo4j_uri:
            raise StoreError("no Neo4j URI: pass --neo4j bolt://… or set GOVKG_NEO4J_URI")
        from govkg.store.neo4j import Neo4jStore

        return Neo4jStore(s.neo4j_uri, s.neo4j_user, s.neo4j_password, database=s.neo4j_database,
                          batch_size=s.batch_size)
    from govkg.store.ladybug import LadybugStore

    return LadybugStore(s.db_path, read_only=read_only)


def load_embedded(graph: PropertyGraph, path: str | Path | None = None) -> LoadReport:
    """Replace the embedded store's content with ``graph`` (default path from settings).

    The graph is loaded into a sibling file and moved over the old one only once it is complete
    and verified, so a load that fails leaves the previous graph as it was (and a server that
    has the old file open keeps answering from it).
    """
    from govkg.store.ladybug import LadybugStore

    target = Path(path or get_settings().db_path)
    staging = target.with_name(f"{target.name}.loading-{os.getpid()}")
    _remove_database(staging)
    try:
        store = LadybugStore(staging)
        try:
            report = store.load(graph, replace=True)
        finally:
            store.close()
        os.replace(staging, target)
        _remove_database(target.with_name(target.name + ".wal"))  # a stale log would replay over the new file
    except BaseException:
        _remove_database(staging)
        raise
    return report


def _remove_database(path: Path) -> None:
    """Delete an embedded database file and whatever the engine keeps beside it (log, shadow files)."""
    for p in [path, *path.parent.glob(glob.escape(path.name) + ".*")]:
        if not p.exists():
            continue
        if p.is_dir():
            shutil.rmtree(p)
        else:
            p.unlink()


def read_built_graph(path: str | Path) -> PropertyGraph:
    """The property graph of a build: its output folder (``graph.nt`` or ``graph.ttl`` in it)
    or one RDF file; raises FileNotFoundError when there is none."""
    from rdflib import Graph

    from govkg.graph.pg import property_graph

    from govkg.graph import sources

    p = Path(path)
    texts = sources.read((p if p.is_dir() else p.parent) / sources.SOURCES_DIR)  # the documents' lines
    if p.is_dir():
        found = [p / name for name in ("graph.nt", "graph.ttl") if (p / name).is_file()]
        if not found:
            raise FileNotFoundError(f"no graph.nt or graph.ttl in {p}: run `govkg build -o {p}` first")
        p = found[0]
    elif not p.is_file():
        raise FileNotFoundError(f"no such graph file: {p}")
    fmt = {".nt": "nt", ".ttl": "turtle", ".jsonld": "json-ld"}.get(p.suffix, None)
    return property_graph(Graph().parse(p, format=fmt), texts)
