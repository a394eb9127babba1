"""Rows for the stores: de-duplicated nodes and edges as tuples in schema column order.

Both backends load exactly these rows, so they hold the same graph: node ids are unique per
label, an edge is identified by (source, target, property values) so a repeated
edge is stored once (Neo4j keeps :func:`edge_key` of it to merge on), empty strings count as missing (the two stores then agree on what a missing value is), and edges
whose end nodes are missing are dropped (and counted) rather than lost in one store only.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
from decimal import Decimal
from operator import attrgetter
from typing import Any, Callable, Iterable, Iterator

from govkg.graph.schema import NODES, RELS, Edge, Node, PropertyGraph

log = logging.getLogger(__name__)

KEY = "key"  # the edge-identity property Neo4j keeps on every relationship, to MERGE on


def node_columns(label: str) -> tuple[str, ...]:
    """Column order of a node row: ``id``, ``name``, then the label's properties."""
    return tuple(NODES[label].columns)


def edge_columns(rel_type: str) -> tuple[str, ...]:
    """Column order of an edge row: ``src``, ``dst``, then the properties."""
    return ("src", "dst", *RELS[rel_type].columns)


def edge_key(src: str, dst: str, values: tuple[Any, ...]) -> str:
    """A stable identity for an edge: equal endpoints and equal property values (schema order)."""
    return hashlib.blake2b(repr((src, dst, values)).encode("utf-8"), digest_size=12).hexdigest()


def _blank_to_none(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(None if v == "" else v for v in values)


class TableStream:
    """The de-duplicated rows of a graph, one table at a time, in load order.

    Iterating yields ``(name, rows)``: every node label first (an edge needs both ends
    loaded), then the relation types largest first, so a consumer can load one table while the
    next is being prepared and the smallest tables come last. Unknown labels or types raise
    ValueError at construction; edges whose end nodes are missing are dropped and counted in
    ``dropped_edges``.
    """

    def __init__(self, graph: PropertyGraph) -> None:
        # every label and type is checked here, before a store clears anything or a table goes out
        self._by_label: dict[str, list[Node]] = _grouped(graph.nodes, NODES, attrgetter("label"), "node label")
        self._by_type: dict[str, list[Edge]] = _grouped(graph.edges, RELS, attrgetter("type"), "relation type")
        self.dropped_edges = 0

    def __iter__(self) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
        # rows are built with map() and kept as tuples: this runs over every row of every load,
        # so it is kept free of per-row dict copies and generator expressions
        nodes: dict[str, dict[str, tuple[Any, ...]]] = {}
        for label, of_label in self._by_label.items():
            nodes[label] = _node_rows(label, of_label)
            yield label, list(nodes[label].values())
        self.dropped_edges = 0
        for rel_type in sorted(RELS, key=lambda t: -len(self._by_type[t])):
            rows, dropped = _edge_rows(rel_type, self._by_type[rel_type], nodes)
            self.dropped_edges += dropped
            yield rel_type, rows
        if self.dropped_edges:
            log.warning("%d edge(s) dropped: an end node is missing from the graph", self.dropped_edges)


def _grouped(items: list[Any], kinds: Iterable[str], kind_of: Callable[[Any], str], what: str) -> dict[str, list[Any]]:
    """Items by kind, every kind present (in schema order); an unknown kind raises ValueError."""
    out: dict[str, list[Any]] = {k: [] for k in kinds}
    for item in items:
        bucket = out.get(kind_of(item))
        if bucket is None:
            raise ValueError(f"unknown {what} {kind_of(item)!r}")
        bucket.append(item)
    return out


def _node_rows(label: str, of_label: list[Node]) -> dict[str, tuple[Any, ...]]:
    """One label's rows by id; a node given twice fills the gaps of the first (first value wins)."""
    cols = node_columns(label)[1:]  # name, then the properties
    by_id: dict[str, tuple[Any, ...]] = {}
    for n in of_label:
        row = (n.id, *map(n.props.get, cols))
        if "" in row:
            row = _blank_to_none(row)
        seen = by_id.get(n.id)
        if seen is None:
            by_id[n.id] = row
        elif None in seen:
            by_id[n.id] = tuple(v if v is not None else w for v, w in zip(seen, row))
    return by_id


def _edge_rows(rel_type: str, edges: list[Edge], nodes: dict[str, dict[str, tuple[Any, ...]]]
               ) -> tuple[list[tuple[Any, ...]], int]:
    """One relation type's rows, first of equal rows kept, in order; and how many were dropped."""
    rel = RELS[rel_type]
    src_ids, dst_ids, cols = nodes[rel.src], nodes[rel.dst], tuple(rel.columns)
    # an edge row (src, dst, values…) is its own identity; a dict keeps the first of equal rows
    seen: dict[tuple[Any, ...], None] = {}
    dropped = 0
    for e in edges:
        if e.src not in src_ids or e.dst not in dst_ids:
            dropped += 1
            continue
        row = (e.src, e.dst, *map(e.props.get, cols))  # ids are never empty: the blank check may see them
        seen[_blank_to_none(row) if "" in row else row] = None
    return list(seen), dropped


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Cyclic garbage collection off for a bulk step: building a million row tuples otherwise
    triggers full collections that walk the whole graph again and again (rows hold no cycles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A store value as plain JSON-able Python (no Decimals, node structs or driver types)."""
    if type(value) in _SCALARS:  # nearly every value: one set lookup instead of four isinstance tests
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not k.startswith("_")}
    if hasattr(value, "iso_format"):  # neo4j temporal types
        return value.iso_format()
    return value
