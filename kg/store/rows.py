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


def _blank_to_none(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(None if v == "" else v for v in values)


def prepare(graph: PropertyGraph) -> Rows:
    """De-duplicate a graph into rows for loading; unknown labels or types raise ValueError."""
    # one pass per list, rows built with map() and kept as tuples: this runs over every row of
    # every load, so it is kept free of per-row dict copies and generator expressions
    nodes: dict[str, dict[str, tuple[Any, ...]]] = {label: {} for label in NODES}
    props_of = {label: node_columns(label)[1:] for label in NODES}  # name, then the properties
    for n in graph.nodes:
        cols = props_of.get(n.label)
        if cols is None:
            raise ValueError(f"unknown node label {n.label!r}")
        values = tuple(map(n.props.get, cols))
        if "" in values:
            values = _blank_to_none(values)
        by_id = nodes[n.label]
        seen = by_id.get(n.id)
        if seen is None:
            by_id[n.id] = (n.id, *values)
        elif None in seen:  # the same node twice: fill gaps, first value wins
            by_id[n.id] = tuple(v if v is not None else w for v, w in zip(seen, (n.id, *values)))
    # an edge row (src, dst, values…) is its own identity; a dict keeps the first of equal rows in order
    edges: dict[str, dict[tuple[Any, ...], None]] = {t: {} for t in RELS}
    ends = {t: (nodes[r.src], nodes[r.dst], tuple(r.columns), edges[t]) for t, r in RELS.items()}
    dropped = 0
    for e in graph.edges:
        spec = ends.get(e.type)
        if spec is None:
            raise ValueError(f"unknown relation type {e.type!r}")
        src_ids, dst_ids, cols, seen_edges = spec
        if e.src not in src_ids or e.dst not in dst_ids:
            dropped += 1
            continue
        values = tuple(map(e.props.get, cols))
        if "" in values:
            values = _blank_to_none(values)
        seen_edges[(e.src, e.dst, *values)] = None
    if dropped:
        log.warning("%d edge(s) dropped: an end node is missing from the graph", dropped)
    return Rows(
        nodes={label: list(rows.values()) for label, rows in nodes.items()},
        edges={t: list(rows) for t, rows in edges.items()},
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
