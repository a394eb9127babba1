"""``/export/{format}`` and the ``/downloads`` page: the graph in every format.

From the store: JSON, JSON Lines, Gephi CSV (UTF-8 with a BOM), GraphML and GEXF, by the writers of
``govkg.graph.export`` (the same files ``govkg build`` writes) fed with the graph read back. From
the build folder the served graph was loaded from (``govkg.api.buildfiles``): Turtle, N-Triples,
JSON-LD, the facts, the manifest and the ``neo4j-admin database import`` CSVs when the build has
them, each with its checksum from the manifest as ETag.
"""
from __future__ import annotations

import json
import re
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator

from fastapi import APIRouter, HTTPException, Path as PathParam, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from govkg.api.buildfiles import BuildUnavailable, ServedBuild, served_build
from govkg.api.deps import StoreDep
from govkg.graph.schema import NODES, RELS, Edge, Node, PropertyGraph
from govkg.store.base import GraphStore

router = APIRouter(tags=["export"])


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    nodes_csv = "nodes.csv"
    edges_csv = "edges.csv"
    graphml = "graphml"
    gexf = "gexf"
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    facts = "facts.jsonl"
    manifest = "manifest.json"


# the formats read from the build folder: format → (file, media type)
BUILD_FILES = {"ttl": ("graph.ttl", "text/turtle; charset=utf-8"), "nt": ("graph.nt", "application/n-triples; charset=utf-8"),
               "jsonld": ("graph.jsonld", "application/ld+json"), "facts.jsonl": ("facts.jsonl", "application/x-ndjson"),
               "manifest.json": ("manifest.json", "application/json")}
NEO4J_IMPORT_DIR = "neo4j-import"
# what the downloads page says of each format, in its order
DESCRIBED = [
    ("ttl", "Turtle", "RDF (W3C ORG, FOAF, PROV, DCTERMS, govkg:), grouped by subject"),
    ("nt", "N-Triples", "RDF, one sorted triple a line; what /sparql serves"),
    ("jsonld", "JSON-LD", "RDF as JSON-LD with an @context"),
    ("graphml", "GraphML", "property graph for Gephi, yEd, networkx"),
    ("gexf", "GEXF 1.3", "property graph for Gephi"),
    ("nodes.csv", "nodes.csv", "Gephi spreadsheet import: Id, Label, node type and properties (UTF-8 with BOM: opens in Excel)"),
    ("edges.csv", "edges.csv", "Source, Target, Type, relation, role, dates and provenance (UTF-8 with BOM)"),
    ("json", "JSON", "the property graph: {nodes, edges}"),
    ("jsonl", "JSON Lines", "one record a line: {record: node|edge, label, id | src, dst, properties}"),
    ("facts.jsonl", "facts JSONL", "the extracted facts (shared/gold/FORMAT.md), file and line on each"),
    ("manifest.json", "manifest.json", "version, build time, inputs and their hashes, counts, checksums"),
]


def iter_nodes(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every node as {label, id, name, props…}, label by label in schema order."""
    for lab, node in NODES.items():
        ret = ", ".join(f"n.`{c}` AS {c}" for c in node.columns)
        for row in store.run(f"MATCH (n:`{lab}`) RETURN {ret} ORDER BY n.id"):
            yield {"label": lab, **{k: v for k, v in row.items() if v is not None}}


def iter_edges(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every edge as {type, src, dst, props…}, type by type in schema order, then by every column."""
    for rel in RELS.values():
        ret = ", ".join(["a.id AS src", "b.id AS dst", *(f"r.`{c}` AS {c}" for c in rel.columns)])
        # every column in the order: two edges between the same ends must not swap between requests
        order = ", ".join(["src", "dst", *rel.columns])
        for row in store.run(f"MATCH (a:`{rel.src}`)-[r:`{rel.type}`]->(b:`{rel.dst}`) RETURN {ret} "
                             f"ORDER BY {order}"):
            yield {"type": rel.type, **{k: v for k, v in row.items() if v is not None}}


def stored_graph(store: GraphStore) -> PropertyGraph:
    """The store's content as a PropertyGraph (for the writers of ``govkg.graph.export``)."""
    nodes = [Node(n.pop("label"), n["id"], n) for n in iter_nodes(store)]
    edges = [Edge(e.pop("type"), e.pop("src"), e.pop("dst"), e) for e in iter_edges(store)]
    return PropertyGraph(nodes, edges)


MEDIA = {"nodes.csv": "text/csv; charset=utf-8", "edges.csv": "text/csv; charset=utf-8",
         "graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}


def _build_or_404(request: Request) -> ServedBuild:
    try:
        return served_build(request.app.state)
    except BuildUnavailable as err:
        raise HTTPException(404, f"not available from this server: {err}") from None


def _build_file(build: ServedBuild, name: str, media: str, download: str) -> FileResponse:
    path = build.path(name) if name != "manifest.json" else build.folder / name
    if path is None or not path.is_file():
        raise HTTPException(404, f"the build in {build.folder} has no {name}")
    entry = build.manifest["files"].get(name) or {}
    headers = {"Content-Disposition": f'attachment; filename="{download}"'}
    if entry.get("sha256"):
        headers["ETag"] = f'"{entry["sha256"]}"'
    return FileResponse(path, media_type=media, headers=headers)


def jsonl_records(store: GraphStore) -> Iterator[str]:
    """JSON Lines: ``{"record": "node", "label", "id", "properties"}`` then ``{"record": "edge", "label",
    "src", "dst", "properties"}``; properties nested, so a body's own ``kind`` never hides the record's."""
    for n in iter_nodes(store):
        label, node_id = n.pop("label"), n.pop("id")
        yield json.dumps({"record": "node", "label": label, "id": node_id, "properties": n}, ensure_ascii=False)
    for e in iter_edges(store):
        yield json.dumps({"record": "edge", "label": e.pop("type"), "src": e.pop("src"), "dst": e.pop("dst"),
                          "properties": e}, ensure_ascii=False)


_SAFE_PATH = re.compile(r"^[\w.-]+(?:/[\w.-]+)*$")


@router.get("/export/neo4j-import/{name:path}", summary="One file of the build's neo4j-admin database import files")
def export_neo4j_import(request: Request, name: Annotated[str, PathParam(max_length=300)]) -> Response:
    if not _SAFE_PATH.match(name) or any(part in (".", "..") for part in name.split("/")):
        raise HTTPException(404, f"no such file in {NEO4J_IMPORT_DIR}/: {name!r}")
    build = _build_or_404(request)
    return _build_file(build, f"{NEO4J_IMPORT_DIR}/{name}", "text/csv; charset=utf-8" if name.endswith(".csv")
                       else "text/plain; charset=utf-8", name.rsplit("/", 1)[-1])


@router.get("/export/{format}", summary="The whole graph as json, jsonl, nodes.csv, edges.csv, graphml, gexf (from the "
                                        "store) or ttl, nt, jsonld, facts.jsonl, manifest.json (from the build)",
            responses={200: {"content": {"application/json": {}, "application/x-ndjson": {}, "text/csv": {},
                                         "application/graphml+xml": {}, "application/gexf+xml": {}, "text/turtle": {},
                                         "application/n-triples": {}, "application/ld+json": {}}}})
def export(request: Request, store: StoreDep, format: ExportFormat) -> Response:
    if format.value in BUILD_FILES:
        name, media = BUILD_FILES[format.value]
        return _build_file(_build_or_404(request), name, media, f"govkg-{name}")
    if format is ExportFormat.json:
        body = json.dumps({"nodes": list(iter_nodes(store)), "edges": list(iter_edges(store))}, ensure_ascii=False)
        return Response(body, media_type="application/json")
    if format is ExportFormat.jsonl:
        return Response("\n".join(jsonl_records(store)) + "\n", media_type="application/x-ndjson")
    from govkg.graph.export import write_csv, write_gexf, write_graphml

    pg = stored_graph(store)
    with tempfile.TemporaryDirectory(prefix="govkg-export-") as tmp:
        if format is ExportFormat.graphml:
            path = write_graphml(pg, Path(tmp) / "graph.graphml")
        elif format is ExportFormat.gexf:
            path = write_gexf(pg, Path(tmp) / "graph.gexf")
        else:
            path = write_csv(pg, Path(tmp))["nodes" if format is ExportFormat.nodes_csv else "edges"]
        body = path.read_bytes()
    return Response(body, media_type=MEDIA[format.value],
                    headers={"Content-Disposition": f'attachment; filename="govkg-{format.value}"'})


@router.get("/downloads", response_class=HTMLResponse, summary="Downloads page: every format, with the build's manifest")
def downloads(request: Request) -> HTMLResponse:
    from govkg.viz.pages import render

    try:
        build: ServedBuild | None = served_build(request.app.state)
        unavailable = None
    except BuildUnavailable as err:
        build, unavailable = None, str(err)
    files = build.manifest.get("files", {}) if build else {}
    rows = []
    for fmt, title, what in DESCRIBED:
        name = BUILD_FILES[fmt][0] if fmt in BUILD_FILES else {"graphml": "graph.graphml", "gexf": "graph.gexf"}.get(fmt, fmt)
        entry = files.get(name) or {}
        available = fmt not in BUILD_FILES or build is not None
        rows.append({"href": f"/export/{fmt}", "title": title, "what": what, "file": name, "available": available,
                     "bytes": entry.get("bytes"), "sha256": entry.get("sha256")})
    neo4j = [{"href": f"/export/{name}", "file": name.split("/", 1)[1], "bytes": e.get("bytes"), "sha256": e.get("sha256")}
             for name, e in sorted(files.items()) if name.startswith(NEO4J_IMPORT_DIR + "/")]
    return render(request, "downloads.html", rows=rows, neo4j=neo4j, manifest=build.manifest if build else None,
                  unavailable=unavailable)
