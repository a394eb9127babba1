"""Rows for the stores: de-duplicated nodes and edges as tuples in schema column order.

Both backends load exactly these rows, so they hold the same graph: node ids are unique per
label, an edge is identified by (source, target, property values) so a repeated
edge is stored once (Neo4j keeps :func:`edge_key` of it to merge on), empty strings count as missing (CSV cannot tell them apart), and edges
whose end nodes are missing are dropped (and counted) rather than lost in one store only.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kg.schema import NODES, RELS, PropertyGraph

log = logging.getLogger(__name__)

KEY = "key"  # the edge-identity property Neo4j keeps on every relationship, to MERGE on


def node_columns(label: str) -> tuple[str, ...]:
    """Column order of a node row: ``id``, ``name``, then the label's properties."""
    return tuple(NODES[label].columns)


def edge_columns(rel_type: str) -> tuple[str, ...]:
    """Column order of an edge row: ``src``, ``dst``, then the properties."""
    return ("src", "dst", *RELS[rel_type].columns)


@dataclass
class Rows:
    """Per label and per relation type: tuples in :func:`node_columns` / :func:`edge_columns` order."""

    nodes: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    edges: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    dropped_edges: int = 0

    def counts(self) -> dict[str, int]:
        return {**{k: len(v) for k, v in self.nodes.items()}, **{k: len(v) for k, v in self.edges.items()}}

    @property
    def total(self) -> int:
        return sum(self.counts().values())


def edge_key(src: str, dst: str, values: tuple[Any, ...]) -> str:
    """A stable identity for an edge: equal endpoints and equal property values (schema order)."""
    return hashlib.blake2b(repr((src, dst, values)).encode("utf-8"), digest_size=12).hexdigest()


def prepare(graph: PropertyGraph) -> Rows:
    """De-duplicate a graph into rows for loading; unknown labels or types raise ValueError."""
    nodes: dict[str, dict[str, list[Any]]] = {label: {} for label in NODES}
    props_of = {label: node_columns(label)[2:] for label in NODES}
    for n in graph.nodes:
        cols = props_of.get(n.label)
        if cols is None:
            raise ValueError(f"unknown node label {n.label!r}")
        p = n.props
        name = p.get("name")
        row = [n.id, None if name == "" else name, *[None if (v := p.get(c)) == "" else v for c in cols]]
        seen = nodes[n.label].get(n.id)
        if seen is None:
            nodes[n.label][n.id] = row
        else:  # the same node twice: fill gaps, first value wins
            for i, v in enumerate(row):
                if seen[i] is None:
                    seen[i] = v
    edges: dict[str, dict[tuple[Any, ...], tuple[Any, ...]]] = {t: {} for t in RELS}  # identity → row
    rel_props = {t: tuple(r.columns) for t, r in RELS.items()}
    dropped = 0
    for e in graph.edges:
        rel = RELS.get(e.type)
        if rel is None:
            raise ValueError(f"unknown relation type {e.type!r}")
        if e.src not in nodes[rel.src] or e.dst not in nodes[rel.dst]:
            dropped += 1
            continue
        p = e.props
        values = tuple(None if (v := p.get(c)) == "" else v for c in rel_props[e.type])
        ident = (e.src, e.dst, values)
        seen = edges[e.type]
        if ident not in seen:
            seen[ident] = (e.src, e.dst, *values)
    if dropped:
        log.warning("%d edge(s) dropped: an end node is missing from the graph", dropped)
    return Rows(
        nodes={label: [tuple(r) for r in rows.values()] for label, rows in nodes.items()},
        edges={t: list(rows.values()) for t, rows in edges.items()},
        dropped_edges=dropped,
    )


def plain(value: Any) -> Any:
    """A store value as plain JSON-able Python (no Decimals, node structs or driver types)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not k.startswith("_")}
    if hasattr(value, "iso_format"):  # neo4j temporal types
        return value.iso_format()
    return value
