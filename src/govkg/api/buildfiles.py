"""The build folder behind the served graph: where ``/sparql`` and the downloads read their files.

The folder is ``GOVKG_BUILD_DIR`` when set, else the one the served graph was loaded from (``govkg
build`` and ``govkg load`` record it in the store as ``loaded_from`` beside the build's manifest).
When the store says which build it holds, the folder must hold the same one (the checksum of its
graph file): a folder rebuilt but not loaded yet is not served as if it were the loaded graph.
Serving a build that changed on disk follows the store (``govkg.api.follow``); the SPARQL engine
over the old graph file is swapped for one over the new (:func:`sparql_engine`).
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govkg.api.follow import file_identity
from govkg.errors import IncompleteBuild
from govkg.graph.manifest import read_manifest
from govkg.store.sparql import SparqlError, graph_file_of
from govkg.store.sparqlpool import SparqlEngine

SPARQL_WORKERS = 2  # processes answering queries at once (each holds the graph in memory)


class BuildUnavailable(Exception):
    """No build folder to read, or one that holds another build than the one served; one line."""


@dataclass(frozen=True)
class ServedBuild:
    folder: Path
    manifest: dict[str, Any]

    def path(self, name: str) -> Path | None:
        """A file the build's manifest lists, or None."""
        return self.folder / name if name in self.manifest.get("files", {}) else None


def _loaded_manifest(state: Any) -> dict[str, Any] | None:
    loaded = getattr(state, "loaded_build", None) or {}
    return loaded.get("manifest") if isinstance(loaded, dict) else None


def served_build(state: Any) -> ServedBuild:
    """The build folder of the served graph, checked against what the store says it loaded."""
    config = getattr(state, "settings", None)
    loaded = _loaded_manifest(state)
    folder = getattr(config, "build_dir", None) or (loaded or {}).get("loaded_from")
    if not folder:
        raise BuildUnavailable("no build folder is known for the served graph: set GOVKG_BUILD_DIR to the folder "
                               "`govkg build -o …` wrote, or load the graph with `govkg load FOLDER`")
    folder = Path(folder)
    try:
        manifest = read_manifest(folder)
    except IncompleteBuild as err:
        raise BuildUnavailable(str(err)) from None
    if loaded and isinstance(loaded.get("files"), dict):
        name = graph_file_of(folder).name
        want = (loaded["files"].get(name) or {}).get("sha256")
        have = (manifest["files"].get(name) or {}).get("sha256")
        if want and want != have:
            raise BuildUnavailable(f"{folder} holds another build than the graph served (its {name} differs): "
                                   f"load it (`govkg load {folder}`) or set GOVKG_BUILD_DIR to the folder loaded")
    return ServedBuild(folder, manifest)


_engine_lock = threading.Lock()


def _loaded_graph_sha(state: Any) -> str | None:
    """The checksum of the graph file of the build the store says it holds (None: it does not say)."""
    files = (_loaded_manifest(state) or {}).get("files")
    if not isinstance(files, dict):
        return None
    entry = files.get("graph.nt") or files.get("graph.ttl") or {}
    return entry.get("sha256")


def sparql_engine(state: Any) -> SparqlEngine:
    """The SPARQL engine over the served build's graph, started on first use and replaced when the
    served graph changes (the engine replaced is stopped one swap later: a query may still run on it).

    The engine is keyed by the checksum of the loaded build's graph file, so while a rebuild has
    switched the folder but not yet loaded the store, queries go on being answered from the graph
    the workers hold, which is the one served; without a checksum, by the graph file's identity."""
    want = _loaded_graph_sha(state)
    with _engine_lock:
        current = getattr(state, "sparql", None)
        if current is not None and want is not None and current[0] == ("sha", want):
            return current[1]
    build = served_build(state)
    graph_file = graph_file_of(build.folder)
    key = ("sha", want) if want is not None else ("file", str(graph_file.resolve()), file_identity(graph_file))
    with _engine_lock:
        current = getattr(state, "sparql", None)
        if current is not None and current[0] == key:
            return current[1]
        limit = getattr(getattr(state, "settings", None), "sparql_timeout", None)
        engine = SparqlEngine(graph_file, workers=SPARQL_WORKERS, **({"time_limit": limit} if limit else {}))
        retired = getattr(state, "sparql_retired", [])
        if current is not None:
            retired.append(current[1])
        while len(retired) > 1:
            retired.pop(0).close()
        state.sparql, state.sparql_retired = (key, engine), retired
        return engine


def close_engines(state: Any) -> None:
    """Stop the SPARQL workers (the app's shutdown)."""
    with _engine_lock:
        current = getattr(state, "sparql", None)
        for engine in [*getattr(state, "sparql_retired", []), *([current[1]] if current else [])]:
            engine.close()
        state.sparql, state.sparql_retired = None, []


def manifest_json(build: ServedBuild) -> str:
    return json.dumps(build.manifest, ensure_ascii=False, indent=1)


__all__ = ["BuildUnavailable", "ServedBuild", "served_build", "sparql_engine", "close_engines", "SparqlError"]
