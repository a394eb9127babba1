"""FastAPI dependencies: the store, the settings and the search index, as ``Annotated`` types."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from govkg.api.ranking import SearchIndex
from govkg.store.base import GraphStore


# async: trivial lookups need no trip through the thread pool
async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


async def get_settings(request: Request) -> Any:
    return request.app.state.settings


def get_index(request: Request) -> SearchIndex:
    """The search index, built from the store on first use (the graph does not change while serving)."""
    state = request.app.state
    if getattr(state, "index", None) is None:
        from govkg.api.graphdata import named_nodes
        from govkg.api.ranking import resolver_for

        named = named_nodes(state.store)
        state.index = SearchIndex(named, resolver_for(named))
    return state.index


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Any, Depends(get_settings)]
IndexDep = Annotated[SearchIndex, Depends(get_index)]
