"""The property graph as typed tables: one Parquet file per node label and per relation.

A build writes them (``<out>/tables/``) beside the RDF so that ``govkg load`` reads the graph it
loads in a fraction of the time re-parsing ``graph.nt`` with rdflib and mapping it again costs
(the load used to spend 96% of its time there). Columns and their types are the schema's
(``govkg.graph.schema``), node and edge order is the build's, so reading the tables gives back
the very ``PropertyGraph`` the build made.
"""
from __future__ import annotations

import json
from pathlib import Path

from govkg.graph.schema import BOOL, INT, NODES, RELS, Edge, Node, PropertyGraph

TABLES_DIR = "tables"
INDEX = "index.json"
_EDGE_ENDS = ("_src", "_dst")  # an edge table's ends: no schema property starts with "_"


def _arrow_type(kind: str):
    import pyarrow as pa

    return {INT: pa.int64(), BOOL: pa.bool_()}.get(kind, pa.string())


def _grouped(items, key, names) -> dict:
    """Items by ``key``, groups in order of first appearance, then the ``names`` no item has (empty)."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    groups.update({name: [] for name in names if name not in groups})
    return groups


def write_tables(pg: PropertyGraph, out_dir: str | Path) -> Path:
    """``out_dir/tables/<Label>.parquet`` and ``<TYPE>.parquet`` for every label and relation (empty ones too)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(out_dir) / TABLES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list[Node]] = _grouped(pg.nodes, lambda n: n.label, NODES)
    for lab, nodes in by_label.items():
        cols = NODES[lab].columns
        schema = pa.schema([(c, _arrow_type(t)) for c, t in cols.items()])
        table = pa.table({c: [n.props.get(c) for n in nodes] for c in cols}, schema=schema)
        pq.write_table(table, folder / f"{lab}.parquet", compression="zstd")
    by_type: dict[str, list[Edge]] = _grouped(pg.edges, lambda e: e.type, RELS)
    for typ, edges in by_type.items():
        cols = RELS[typ].columns
        schema = pa.schema([(c, pa.string()) for c in _EDGE_ENDS] + [(c, _arrow_type(t)) for c, t in cols.items()])
        data = {"_src": [e.src for e in edges], "_dst": [e.dst for e in edges],
                **{c: [e.props.get(c) for e in edges] for c in cols}}
        pq.write_table(pa.table(data, schema=schema), folder / f"{typ}.parquet", compression="zstd")
    # the build's order of labels and relations (nodes and edges are grouped by them), so reading gives it back
    (folder / INDEX).write_text(json.dumps({"nodes": list(by_label), "edges": list(by_type)}) + "\n", encoding="utf-8")
    return folder


def table_files() -> list[str]:
    """The files of a build's tables, relative to the build folder (what the manifest lists)."""
    return [f"{TABLES_DIR}/{INDEX}", *(f"{TABLES_DIR}/{name}.parquet" for name in (*NODES, *RELS))]


def has_tables(build_dir: str | Path) -> bool:
    """Whether a build folder holds the tables of every label and relation."""
    folder = Path(build_dir) / TABLES_DIR
    return (folder / INDEX).is_file() and all((folder / f"{name}.parquet").is_file() for name in (*NODES, *RELS))


def tables_match_schema(build_dir: str | Path) -> bool:
    """Whether every table holds the columns, of the types, today's schema has (reads only the
    files' footers): tables of a build made with another schema are not read back as this one."""
    import pyarrow.parquet as pq

    folder = Path(build_dir) / TABLES_DIR
    for name, spec, ends in [*((n, s, ()) for n, s in NODES.items()), *((t, s, _EDGE_ENDS) for t, s in RELS.items())]:
        want = [(c, _arrow_type("")) for c in ends] + [(c, _arrow_type(t)) for c, t in spec.columns.items()]
        have = pq.read_schema(folder / f"{name}.parquet")
        if [(f.name, f.type) for f in have] != want:
            return False
    return True


def read_tables(build_dir: str | Path) -> PropertyGraph:
    """The property graph a build wrote with :func:`write_tables` (nodes label by label, edges type by type,
    each in the build's order). Raises ``FileNotFoundError`` for a missing table."""
    import pyarrow.parquet as pq

    folder = Path(build_dir) / TABLES_DIR
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    pg = PropertyGraph()
    for lab in index["nodes"]:
        pg.nodes.extend(Node(lab, r["id"], r) for r in pq.read_table(folder / f"{lab}.parquet").to_pylist())
    for typ in index["edges"]:
        for r in pq.read_table(folder / f"{typ}.parquet").to_pylist():
            src, dst = r.pop("_src"), r.pop("_dst")
            pg.edges.append(Edge(typ, src, dst, r))
    return pg


__all__ = ["TABLES_DIR", "write_tables", "read_tables", "has_tables", "table_files", "tables_match_schema"]
