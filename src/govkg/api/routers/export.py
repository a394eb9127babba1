"""``/export/{format}``: the whole graph in the store as JSON, JSON Lines, Gephi CSV or GraphML.

The CSV and GraphML writers are ``govkg.graph.export``'s (the same files ``govkg build`` writes), fed
with the graph read back from the store.
"""
from __future__ import annotations

import json
import tempfile
from enum import Enum
from pathlib import Path
from typing import Any, Iterator

from fastapi import APIRouter
from fastapi.responses import Response

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
         "graphml": "application/graphml+xml"}


@router.get("/export/{format}", summary="The whole graph as json, jsonl, nodes.csv, edges.csv or graphml",
            responses={200: {"content": {"application/json": {}, "application/x-ndjson": {}, "text/csv": {},
                                         "application/graphml+xml": {}}}})
def export(store: StoreDep, format: ExportFormat) -> Response:
    if format is ExportFormat.json:
        body = json.dumps({"nodes": list(iter_nodes(store)), "edges": list(iter_edges(store))}, ensure_ascii=False)
        return Response(body, media_type="application/json")
    if format is ExportFormat.jsonl:
        lines = [json.dumps({"kind": "node", **n}, ensure_ascii=False) for n in iter_nodes(store)]
        lines += [json.dumps({"kind": "edge", **e}, ensure_ascii=False) for e in iter_edges(store)]
        return Response("\n".join(lines) + "\n", media_type="application/x-ndjson")
    from govkg.graph.export import write_csv, write_graphml

    pg = stored_graph(store)
    with tempfile.TemporaryDirectory(prefix="govkg-export-") as tmp:
        if format is ExportFormat.graphml:
            path = write_graphml(pg, Path(tmp) / "graph.graphml")
        else:
            path = write_csv(pg, Path(tmp))["nodes" if format is ExportFormat.nodes_csv else "edges"]
        body = path.read_bytes()
    return Response(body, media_type=MEDIA[format.value],
                    headers={"Content-Disposition": f'attachment; filename="govkg-{format.value}"'})
