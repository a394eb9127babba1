"""``/viz/...``: network pictures (pyvis builders, vis-network drawing), as a page or as JSON."""
from __future__ import annotations

from typing import Annotated, Callable, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from govkg.api import graphdata
from govkg.api.deps import IdPath, StoreDep
from govkg.viz import network
from govkg.viz.pages import render

router = APIRouter(prefix="/viz", tags=["viz"])

Format = Literal["html", "json"]
FormatQ = Annotated[Format, Query(description="html: the page; json: the nodes and edges")]
MaxNodes = Annotated[int, Query(ge=10, le=5000, description="the node budget: the best connected are drawn, "
                                                              "the rest folded into one node per type")]
Label = Literal["Agency", "Body", "Person", "Post", "Document", "Task"]

KINDS: dict[str, tuple[str, str]] = {
    "agency": ("机关单位的议事协调机构与共同成员单位", "an agency's bodies and co-members"),
    "body": ("议事协调机构组成（按角色）", "a body's composition by role"),
    "person": ("人员的任职与成员身份", "a person's posts and memberships"),
    "agencies": ("机关单位共同参与网络", "agency co-membership network"),
    "citations": ("文件引用网络", "citation graph"),
}


def _respond(request: Request, kind: str, name: str, fmt: str, max_nodes: int,
             fetch: Callable[[], tuple[list[network.VNode], list[network.VEdge]]], directed: bool = True,
             notes: list[str] | None = None, layout: str = "force"):
    try:
        nodes, edges = fetch()
    except LookupError as err:
        raise HTTPException(404, str(err)) from None
    zh, en = KINDS[kind]
    drawing = network.build(f"{name} — {zh}" if name else zh, nodes, edges, max_nodes=max_nodes, directed=directed,
                            layout=layout)
    drawing.notes = [*(notes or []), *drawing.notes]
    if fmt == "json":
        return JSONResponse(drawing.payload())
    return render(request, "network.html", drawing=drawing, kind=kind, zh=zh, en=en)


def _name(store, label: str, entity_id: str) -> str:
    found = graphdata.find_nodes(store, entity_id, label)
    if not found:
        raise HTTPException(404, f"no {label} with id {entity_id!r}")
    return found[0][1].get("name") or entity_id


@router.get("/agency/{entity_id:path}", response_class=HTMLResponse, summary="An agency's bodies and co-members")
def agency(request: Request, store: StoreDep, entity_id: IdPath, format: FormatQ = "html",
           max_nodes: MaxNodes = network.MAX_NODES):
    return _respond(request, "agency", _name(store, "Agency", entity_id), format, max_nodes,
                    lambda: graphdata.agency_network(store, entity_id))


@router.get("/body/{entity_id:path}", response_class=HTMLResponse, summary="A body's composition by role")
def body(request: Request, store: StoreDep, entity_id: IdPath, format: FormatQ = "html",
         max_nodes: MaxNodes = network.MAX_NODES):
    return _respond(request, "body", _name(store, "Body", entity_id), format, max_nodes,
                    lambda: graphdata.body_network(store, entity_id), layout="layered")


@router.get("/person/{entity_id:path}", response_class=HTMLResponse, summary="A person's memberships and posts")
def person(request: Request, store: StoreDep, entity_id: IdPath, format: FormatQ = "html",
           max_nodes: MaxNodes = network.MAX_NODES):
    return _respond(request, "person", _name(store, "Person", entity_id), format, max_nodes,
                    lambda: graphdata.person_network(store, entity_id))


# more links than this make a hairball: without min_shared, the weakest links are left out
MAX_LINKS = 300


def threshold(edges: list[network.VEdge], limit: int = MAX_LINKS) -> int:
    """The smallest weight k such that at most ``limit`` edges weigh k or more."""
    weights = sorted((e.weight for e in edges), reverse=True)
    return 1 if len(weights) <= limit else weights[limit] + 1


@router.get("/agencies", response_class=HTMLResponse, summary="Agency co-membership network")
def agencies(request: Request, store: StoreDep, format: FormatQ = "html", max_nodes: MaxNodes = network.MAX_NODES,
             min_shared: Annotated[int | None, Query(ge=1, le=1000, description="only pairs sharing this many "
                                                     "bodies (default: chosen to keep the picture readable)")] = None):
    notes: list[str] = []

    def fetch() -> tuple[list[network.VNode], list[network.VEdge]]:
        nodes, edges = graphdata.comembership_network(store, 1)
        k = min_shared or threshold(edges)
        kept = [e for e in edges if e.weight >= k]
        if k > 1:
            notes.append(f"仅显示共同参与至少 {k} 个议事协调机构的机关单位 (links for ≥ {k} shared bodies; "
                         f"{len(kept)} of {len(edges)})")
        ends = {e.src for e in kept} | {e.dst for e in kept}
        return [n for n in nodes if n.key in ends], kept

    return _respond(request, "agencies", "", format, max_nodes, fetch, directed=False, notes=notes)


@router.get("/citations", response_class=HTMLResponse, summary="Citation graph of documents")
def citations(request: Request, store: StoreDep, format: FormatQ = "html", max_nodes: MaxNodes = network.MAX_NODES):
    return _respond(request, "citations", "", format, max_nodes, lambda: graphdata.citation_network(store))


@router.get("/neighbours/{label}/{entity_id:path}", summary="One node's neighbours, to expand a picture (JSON)")
def neighbours(store: StoreDep, label: Annotated[Label, Path()], entity_id: IdPath,
               max_nodes: Annotated[int, Query(ge=10, le=500, description="the node budget")] = 40) -> JSONResponse:
    try:
        nodes, edges = graphdata.neighbourhood(store, label, entity_id)
    except LookupError as err:
        raise HTTPException(404, str(err)) from None
    return JSONResponse(network.build("", nodes, edges, max_nodes=max_nodes).payload())
