"""Graph stores behind one interface (:class:`govkg.store.base.GraphStore`).

``open_store(settings)`` gives Neo4j when a URI is configured (or ``store="neo4j"``) and the
embedded LadybugDB otherwise; ``load_embedded(graph, path)`` is what ``govkg build`` calls.
"""
from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path
from typing import Any

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
                          batch_size=s.batch_size, connect_timeout=s.neo4j_connect_timeout)
    from govkg.store.ladybug import LadybugStore

    return LadybugStore(s.db_path, read_only=read_only, read_connections=s.read_connections)


def load_embedded(graph: PropertyGraph, path: str | Path | None = None, *, replace: bool = True,
                  build: dict[str, Any] | None = None, allow_empty: bool = True) -> LoadReport:
    """Load ``graph`` into the embedded store (default path from settings): replace its content,
    or with ``replace=False`` merge into it.

    Either way the load goes into a sibling file (a copy of the store for a merge) that is moved
    over the old one only once it is complete and verified, so a load that fails or is killed
    leaves the previous graph as it was (and a server that has the old file open keeps answering
    from it, then follows the new file). The store's lock (``govkg.locking``) is held throughout:
    a second load or build of the same store fails at once with :class:`~govkg.errors.Busy`.
    Leftovers of killed loads (staging files, a killed writer's checkpoint files) are removed.
    Unless ``allow_empty``, a graph without nodes never replaces a store that has some.
    """
    from govkg.locking import exclusive
    from govkg.store.ladybug import LadybugStore, recover

    target = Path(path or get_settings().db_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(target, "load"):
        for leftover in target.parent.glob(glob.escape(target.name) + ".loading-*"):
            _remove_database(leftover)  # we hold the lock: whoever wrote it was killed
        if target.exists() and _sidecars(target):
            try:
                recover(target, locked=True)  # a killed writer's checkpoint: finish it (or drop it below)
            except StoreError:
                if not replace:
                    raise
                for p in _sidecars(target):  # unrecoverable, and about to be replaced whole
                    _remove_database(p)
        if replace and not allow_empty and not graph.nodes and _stored_nodes(target):
            raise StoreError(f"the graph to load is empty and would replace the {_stored_nodes(target)} nodes "
                             f"at {target}: pass --allow-empty to load it anyway")
        staging = target.with_name(f"{target.name}.loading-{os.getpid()}")
        try:
            if not replace and target.exists():
                shutil.copyfile(target, staging)
            store = LadybugStore(staging)
            try:
                report = store.load(graph, replace=replace, build=build)
            finally:
                store.close()
            for p in _sidecars(target):  # an old file's log or shadow pages would replay over the new one
                _remove_database(p)
            os.replace(staging, target)
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


def _sidecars(target: Path) -> list[Path]:
    """What the engine keeps beside a database file (log, shadow pages, checkpoint locks)."""
    return [p for p in target.parent.glob(glob.escape(target.name) + ".*")
            if not p.name.startswith(target.name + ".loading-")]


def _stored_nodes(target: Path) -> int:
    """How many nodes the embedded store at ``target`` holds (0 when there is none)."""
    from govkg.graph.schema import NODES
    from govkg.store.ladybug import LadybugStore

    if not target.exists():
        return 0
    store = LadybugStore(target, read_only=True)
    try:
        counts = store.counts()
    finally:
        store.close()
    return sum(counts.get(label, 0) for label in NODES)


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
