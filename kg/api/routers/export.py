"""``/export/{format}``: the whole graph in the store as JSON, JSON Lines or CSV (nodes, edges)."""
from __future__ import annotations

import csv
import io
import json
from enum import Enum
from typing import Any, Iterator

from fastapi import APIRouter
from fastapi.responses import Response

from kg.api.deps import StoreDep
from kg.schema import NODES, RELS
from kg.store.base import GraphStore

router = APIRouter(tags=["export"])


class ExportFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    nodes_csv = "nodes.csv"
    edges_csv = "edges.csv"


def iter_nodes(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every node as {label, id, name, props…}, label by label in schema order."""
    for lab, node in NODES.items():
        cols = list(node.columns)
        ret = ", ".join(f"n.`{c}` AS {c}" for c in cols)
        for row in store.run(f"MATCH (n:`{lab}`) RETURN {ret} ORDER BY n.id"):
            yield {"label": lab, **{k: v for k, v in row.items() if v is not None}}


def iter_edges(store: GraphStore) -> Iterator[dict[str, Any]]:
    """Every edge as {type, src, dst, props…}, type by type in schema order."""
    for rel in RELS.values():
        cols = list(rel.columns)
        ret = ", ".join(["a.id AS src", "b.id AS dst", *(f"r.`{c}` AS {c}" for c in cols)])
        for row in store.run(f"MATCH (a:`{rel.src}`)-[r:`{rel.type}`]->(b:`{rel.dst}`) RETURN {ret} "
                             "ORDER BY a.id, b.id"):
            yield {"type": rel.type, **{k: v for k, v in row.items() if v is not None}}


def _csv(rows: Iterator[dict[str, Any]], head: list[str], props: list[str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(head + ["props"])
    for r in rows:
        w.writerow([r.get(h, "") for h in head] +
                   [json.dumps({k: r[k] for k in props if k in r and k not in head}, ensure_ascii=False)])
    return buf.getvalue()


@router.get("/export/{format}", summary="The whole graph as json, jsonl, nodes.csv or edges.csv",
            responses={200: {"content": {"application/json": {}, "text/csv": {}, "application/x-ndjson": {}}}})
def export(store: StoreDep, format: ExportFormat) -> Response:
    name = f"govkg-{format.value.replace('.', '-')}"
    if format is ExportFormat.json:
        body = json.dumps({"nodes": list(iter_nodes(store)), "edges": list(iter_edges(store))}, ensure_ascii=False)
        return Response(body, media_type="application/json")
    if format is ExportFormat.jsonl:
        lines = [json.dumps({"kind": "node", **n}, ensure_ascii=False) for n in iter_nodes(store)]
        lines += [json.dumps({"kind": "edge", **e}, ensure_ascii=False) for e in iter_edges(store)]
        return Response("\n".join(lines) + "\n", media_type="application/x-ndjson")
    if format is ExportFormat.nodes_csv:
        props = sorted({c for n in NODES.values() for c in n.props})
        text = _csv(iter_nodes(store), ["label", "id", "name"], props)
    else:
        props = sorted({c for r in RELS.values() for c in r.props})
        text = _csv(iter_edges(store), ["type", "src", "dst"], props)
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
