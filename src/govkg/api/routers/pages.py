"""The pages people open: home with search box and headline numbers, search results, entity pages that
answer first (``govkg.api.pagedata``), and document pages that show a cited line in its text."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from govkg.api import graphdata, pagedata
from govkg.api.deps import IdPath, IndexDep, StoreDep
from govkg.api.openapi import date_schema
from govkg.api.originals import link_document, link_profiles, served_originals
from govkg.api.routers.viz import KINDS
from govkg.viz.network import entity_href
from govkg.viz.palette import relation_label
from govkg.viz.pages import render

router = APIRouter(tags=["pages"])

Label = Literal["Agency", "Body", "Person", "Post", "Document", "Task"]
# which network picture an entity page links to
VIZ_OF = {"Agency": "agency", "Body": "body", "Person": "person"}
AsOf = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra=date_schema(),
                                   description="the state on this day (YYYY-MM-DD); default: the latest")]


def checked_date(value: str | None) -> str | None:
    """A real calendar day, or a 422 that says which value is wrong."""
    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise HTTPException(422, f"as_of: not a calendar date: {value!r} (expected YYYY-MM-DD)") from None
    return value or None


@router.get("/", response_class=HTMLResponse, summary="Home page: search box and headline numbers")
def home(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "home.html", counts=graphdata.headline(store), kinds=KINDS)


@router.get("/find", response_class=HTMLResponse, summary="Search results page")
def find(request: Request, index: IndexDep,
         q: Annotated[str, Query(max_length=100, description="name, alias or abbreviation")] = "") -> HTMLResponse:
    hits = index.search(q, limit=50) if q.strip() else []
    return render(request, "search.html", q=q, hits=hits, href=entity_href, viz_of=VIZ_OF)


@router.get("/entity/{entity_id:path}", response_class=HTMLResponse, summary="Entity page")
def entity_page(request: Request, store: StoreDep, entity_id: IdPath,
                label: Annotated[Label | None, Query()] = None, as_of: AsOf = None) -> HTMLResponse:
    found = pagedata.profile(store, entity_id, label, checked_date(as_of))
    if not found:
        merged = pagedata.merged_into(store, entity_id)  # a review judgement made it one with another node
        return render(request, "error.html", status_code=404, message=f"没有找到 not found: {entity_id}",
                      merged=merged, href=entity_href)
    found = link_profiles(found, served_originals(request.app.state))  # the PDF at its page beside each source
    return render(request, "entity.html", profiles=found, href=entity_href, viz_of=VIZ_OF,
                  relation_label=relation_label, as_of=as_of or "",
                  review=bool(getattr(request.app.state.settings, "review_token", "")))


@router.get("/document/{doc_id:path}", response_class=HTMLResponse,
            summary="A document's text from the built corpus, with a cited line highlighted")
def document_page(request: Request, store: StoreDep, doc_id: IdPath,
                  line: Annotated[int | None, Query(ge=1, le=10_000_000, description="the line to highlight")] = None,
                  file: Annotated[str | None, Query(max_length=300, description="the file the line is in")] = None,
                  ) -> HTMLResponse:
    page = pagedata.document_page(store, doc_id, line, file)
    if page is None:
        return render(request, "error.html", status_code=404, message=f"没有这份文件 no such document: {doc_id}")
    page = link_document(page, served_originals(request.app.state))
    return render(request, "document.html", page=page, href=entity_href)
