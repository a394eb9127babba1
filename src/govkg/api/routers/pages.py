"""The pages people open: home with search box and headline numbers, search results, entity pages."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from govkg.api import graphdata
from govkg.api.deps import IndexDep, StoreDep
from govkg.api.routers.viz import KINDS
from govkg.viz.network import entity_href
from govkg.viz.pages import render

router = APIRouter(tags=["pages"])

Label = Literal["Agency", "Body", "Person", "Post", "Document", "Task"]
# which network picture an entity page links to
VIZ_OF = {"Agency": "agency", "Body": "body", "Person": "person"}


@router.get("/", response_class=HTMLResponse, summary="Home page: search box and headline numbers")
def home(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "home.html", counts=graphdata.headline(store), kinds=KINDS)


@router.get("/find", response_class=HTMLResponse, summary="Search results page")
def find(request: Request, index: IndexDep,
         q: Annotated[str, Query(max_length=100, description="name, alias or abbreviation")] = "") -> HTMLResponse:
    hits = index.search(q, limit=50) if q.strip() else []
    return render(request, "search.html", q=q, hits=hits, href=entity_href, viz_of=VIZ_OF)


@router.get("/entity/{entity_id:path}", response_class=HTMLResponse, summary="Entity page")
def entity_page(request: Request, store: StoreDep, entity_id: Annotated[str, Path(min_length=1, max_length=500)],
                label: Annotated[Label | None, Query()] = None) -> HTMLResponse:
    found = graphdata.entity(store, entity_id, label)
    if not found:
        return render(request, "error.html", status_code=404, message=f"没有找到 not found: {entity_id}")
    return render(request, "entity.html", entities=found, href=entity_href, viz_of=VIZ_OF)
