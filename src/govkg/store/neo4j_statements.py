"""The Cypher a Neo4j load sends: batched ``UNWIND`` statements per label and relation type
(``govkg.store.neo4j``), rows as lists in :mod:`govkg.store.rows` column order."""
from __future__ import annotations

from typing import Any, Iterator

from govkg.graph.schema import RELS
from govkg.store.generations import qualified
from govkg.store.rows import KEY, edge_columns, edge_key, node_columns


def batches(rows: list[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def node_statement(label: str, *, create: bool = False, generation: int = 0) -> str:
    """Rows are :func:`node_columns` values. ``create`` returns each row's id with the node's
    internal id, for :func:`edge_statement` to find the node by."""
    # rows travel as lists, not maps: the column names are not repeated in every row, which
    # roughly halves what the driver packs and the server unpacks
    if create:
        props = ", ".join(f"{c}: row[{i}]" for i, c in enumerate(node_columns(label)))
        # a null in a CREATE map sets nothing, so a missing value stays missing
        return (f"UNWIND $rows AS row CREATE (n:`{qualified(label, generation)}` {{{props}}}) "
                "RETURN collect([row[0], id(n)]) AS ids")
    # explicit SETs (not ``SET n += map``) keep the planner from adding an Eager barrier;
    # setting null removes a property, so a missing value stays missing
    sets = ", ".join(f"n.{c} = row[{i}]" for i, c in enumerate(node_columns(label)) if i)
    return (f"UNWIND $rows AS row MERGE (n:`{qualified(label, generation)}` {{id: row[0]}})"
            + (f" SET {sets}" if sets else ""))


def edge_statement(rel_type: str, *, create: bool = False, generation: int = 0) -> str:
    """Rows are :func:`edge_columns` values followed by the edge key; with ``create`` the ends
    are internal node ids (the bulk load's indexes are down), otherwise our ids."""
    rel = RELS[rel_type]
    cols = edge_columns(rel_type)
    key = f"row[{len(cols)}]"
    t, src, dst = (qualified(x, generation) for x in (rel_type, rel.src, rel.dst))
    if create:
        props = ", ".join([f"{KEY}: {key}", *(f"{c}: row[{i}]" for i, c in enumerate(cols) if i >= 2)])
        # id() is deprecated in favour of elementId(), whose strings are several times longer to
        # send for each end of each relationship; internal ids live only as long as this load
        return ("UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1] "
                f"CREATE (a)-[r:`{t}` {{{props}}}]->(b)")
    sets = ", ".join(f"r.{c} = row[{i}]" for i, c in enumerate(cols) if i >= 2)
    return (f"UNWIND $rows AS row MATCH (a:`{src}` {{id: row[0]}}) MATCH (b:`{dst}` {{id: row[1]}}) "
            f"MERGE (a)-[r:`{t}` {{{KEY}: {key}}}]->(b)" + (f" SET {sets}" if sets else ""))


def edge_param(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return (*row, edge_key(row[0], row[1], row[2:]))
