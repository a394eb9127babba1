"""FastAPI dependencies: the store, the settings and the search index, as ``Annotated`` types."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Request

from govkg.store.base import GraphStore
from govkg.store.limits import unlimited
from govkg.store.resolve import NodeIds, node_ids
from govkg.store.search import SearchIndex, build_index


# A node id in a path: 1-500 characters and no line break. A route's ``{id:path}`` ends before one ("/x/%0A" reaches
# the route as an empty id), so no id with one can be asked for, and the schema says so.
IdPath = Annotated[str, Path(min_length=1, max_length=500, pattern=r"^[^\r\n]+$")]


# async: trivial lookups need no trip through the thread pool
async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


async def get_settings(request: Request) -> Any:
    return request.app.state.settings


def index_of(state: Any) -> SearchIndex:
    """The search index of the served graph, built on first use (dropped when a rebuild is swapped in)."""
    if getattr(state, "index", None) is None:
        with unlimited():  # read once for every later request: a big graph must not time it out each time
            state.index = build_index(state.store)
    return state.index


def ids_of(state: Any) -> NodeIds:
    """Every node id of the served graph with its labels and names (``govkg.store.resolve.node_ids``),
    read on first use and dropped with the search index when a rebuild is swapped in."""
    ids = getattr(state, "ids", None)
    if ids is None:
        with unlimited():  # read once for every later request, like the search index
            ids = state.ids = node_ids(state.store)
    return ids


def get_index(request: Request) -> SearchIndex:
    return index_of(request.app.state)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Any, Depends(get_settings)]
IndexDep = Annotated[SearchIndex, Depends(get_index)]
