"""FastAPI dependencies: the store, the settings and the search index, as ``Annotated`` types."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from govkg.store.base import GraphStore
from govkg.store.limits import unlimited
from govkg.store.search import SearchIndex, build_index


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


def get_index(request: Request) -> SearchIndex:
    return index_of(request.app.state)


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Any, Depends(get_settings)]
IndexDep = Annotated[SearchIndex, Depends(get_index)]
