"""``/search``: names and aliases, abbreviations included, ranked."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from govkg.api.deps import IndexDep
from govkg.api.models import SearchHit, SearchResult
from govkg.viz.network import entity_href

router = APIRouter(tags=["search"])

Label = Literal["Agency", "Body", "Person", "Document", "Post"]


def entity_url(label: str, id_: str) -> str:
    from urllib.parse import quote

    return f"/entities/{quote(id_, safe='')}?label={label}"


@router.get("/search", response_model=SearchResult, summary="Search names and aliases (Chinese substring or abbreviation)")
def search(
    index: IndexDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="e.g. 市发改委, 发展和改革, 领导小组")],
    label: Annotated[list[Label] | None, Query(description="only these node types")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> SearchResult:
    """Agencies, bodies, people and posts come before documents unless the query is shaped like a
    document number (a bracket, 号, a digit); an exact match of a name, number or title comes first."""
    hits = index.search(q, labels=set(label) if label else None, limit=limit)
    return SearchResult(query=q, hits=[SearchHit(label=h.label, id=h.id, name=h.name, matched=h.matched, score=h.score,
                                                 url=entity_url(h.label, h.id), page=entity_href(h.label, h.id))
                                       for h in hits])
