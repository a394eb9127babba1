"""The Neo4j store: the official driver, uniqueness constraints on ids, batched ``UNWIND``.

An additive load (``replace=False``) merges nodes on ``id`` per label and relationships on the
edge key that :mod:`kg.store.rows` computes, so loading the same graph twice changes nothing.
A replacing load empties our labels first and then CREATEs (about twice as fast: no existence
check per row), which is safe because the rows are already de-duplicated; relationships still
carry the key, so a later additive load merges onto them. Queries run in read transactions.
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from kg.schema import NODES, RELS, PropertyGraph
from kg.store.base import LoadReport, StoreError
from kg.store.rows import KEY, edge_columns, edge_key, node_columns, plain, prepare

DEFAULT_BATCH = 10_000
WRITERS = 3  # concurrent write transactions; on 2 cores 3 beat 2 and 4 (synthetic 1M)
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _batches(rows: list[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _node_statement(label: str, *, create: bool = False) -> str:
    # rows travel as lists, not maps: the column names are not repeated in every row, which
    # roughly halves what the driver packs and the server unpacks.
    # Explicit SETs (not ``SET n += map``) keep the planner from adding an Eager barrier;
    # setting null removes a property, so a missing value stays missing
    sets = ", ".join(f"n.{c} = row[{i}]" for i, c in enumerate(node_columns(label)) if i)
    if create:
        return f"UNWIND $rows AS row CREATE (n:`{label}`) SET n.id = row[0]" + (f", {sets}" if sets else "")
    return f"UNWIND $rows AS row MERGE (n:`{label}` {{id: row[0]}})" + (f" SET {sets}" if sets else "")


def _edge_statement(rel_type: str, *, create: bool = False) -> str:
    """Rows are :func:`edge_columns` values followed by the edge key."""
    rel = RELS[rel_type]
    cols = edge_columns(rel_type)
    key = f"row[{len(cols)}]"
    sets = ", ".join(f"r.{c} = row[{i}]" for i, c in enumerate(cols) if i >= 2)
    if create:
        write, sets = f"CREATE (a)-[r:`{rel_type}`]->(b) SET r.{KEY} = {key}", f", {sets}" if sets else ""
    else:
        write, sets = f"MERGE (a)-[r:`{rel_type}` {{{KEY}: {key}}}]->(b)", f" SET {sets}" if sets else ""
    return (f"UNWIND $rows AS row MATCH (a:`{rel.src}` {{id: row[0]}}) MATCH (b:`{rel.dst}` {{id: row[1]}}) "
            + write + sets)


def _edge_param(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return (*row, edge_key(row[0], row[1], row[2:]))


class Neo4jStore:
    """A connection to a Neo4j server; fails at construction when unreachable or refused."""

    dialect = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", *, database: str = "",
                 batch_size: int = DEFAULT_BATCH) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        self.uri, self.batch_size = uri, batch_size
        scheme = uri.split("://", 1)[0] if "://" in uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreError(f"bad Neo4j address {uri!r}: expected bolt://… or neo4j://…")
        self._database = database or None
        try:
            # notifications off: counting a relation type not loaded yet is not worth a warning
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=10,
                                                      notifications_min_severity="OFF")
            self._driver.verify_connectivity()
        except AuthError:
            self._close_quietly()
            raise StoreError(f"Neo4j at {uri} refused the credentials of user {user!r}") from None
        except ServiceUnavailable as err:
            self._close_quietly()
            raise StoreError(f"Neo4j unreachable at {uri}: {_first_line(err)}") from None
        except (ConfigurationError, ValueError) as err:
            self._close_quietly()
            raise StoreError(f"bad Neo4j address {uri!r}: {_first_line(err)}") from None
        except (DriverError, Neo4jError) as err:
            self._close_quietly()
            raise StoreError(f"Neo4j at {uri}: {_first_line(err)}") from None

    # -- interface ---------------------------------------------------------------------------
    def load(self, graph: PropertyGraph, *, replace: bool = True, batch_size: int | None = None) -> LoadReport:
        """Merge the graph in batches; with ``replace`` first delete the nodes of our labels and create."""
        size = batch_size or self.batch_size
        start = time.perf_counter()
        rows = prepare(graph)
        phases = {"prepare": time.perf_counter() - start}
        try:
            self.ensure_constraints()
            if replace:
                t = time.perf_counter()
                self.clear()
                phases["clear"] = time.perf_counter() - t
            t = time.perf_counter()
            # several writers: the server writes batches while the client packs the next; rows are
            # de-duplicated, so no two batches touch the same node or relationship
            jobs = [(_node_statement(label, create=replace), batch)
                    for label, rs in rows.nodes.items() for batch in _batches(rs, size)]
            with ThreadPoolExecutor(WRITERS) as pool:
                for _ in pool.map(lambda job: self._write(*job), jobs):
                    pass
            phases["nodes"] = time.perf_counter() - t
            t = time.perf_counter()
            # a deadlock on a shared end node is a transient error that execute_write retries
            jobs = [(_edge_statement(rel_type, create=replace), batch)
                    for rel_type, rs in rows.edges.items() for batch in _batches(rs, size)]
            with ThreadPoolExecutor(WRITERS) as pool:
                for _ in pool.map(lambda job: self._write(job[0], [_edge_param(r) for r in job[1]]), jobs):
                    pass
            phases["relationships"] = time.perf_counter() - t
            t = time.perf_counter()
            after = self.counts()
            phases["verify"] = time.perf_counter() - t
        except Neo4jError as err:
            raise StoreError(f"Neo4j load failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j connection lost during load: {_first_line(err)}") from None
        if replace and any(after.get(k, 0) != v for k, v in rows.counts().items()):
            diff = {k: (v, after.get(k)) for k, v in rows.counts().items() if after.get(k) != v}
            raise StoreError(f"Neo4j load incomplete (expected, found): {diff}")
        return LoadReport(counts=after, rows=rows.total, seconds=time.perf_counter() - start, phases=phases)

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run read-only Cypher in a read transaction; rows as dicts of plain values."""
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(cypher, params or {})
            return [{k: plain(v) for k, v in rec.items()} for rec in result]

        try:
            with self._session() as s:
                return s.execute_read(work)
        except Neo4jError as err:
            raise StoreError(f"Neo4j query failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j unreachable at {self.uri}: {_first_line(err)}") from None

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        try:
            with self._session() as s:
                for label in NODES:
                    out[label] = s.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"]
                for rel_type in RELS:
                    out[rel_type] = s.run(f"MATCH ()-[r:`{rel_type}`]->() RETURN count(r) AS c").single()["c"]
        except Neo4jError as err:
            raise StoreError(f"Neo4j count failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j unreachable at {self.uri}: {_first_line(err)}") from None
        return out

    def close(self) -> None:
        self._driver.close()

    # -- helpers -----------------------------------------------------------------------------
    def ensure_constraints(self) -> None:
        """A uniqueness constraint on ``id`` for every label (also the index MERGE uses), and an
        index on ``name``, which the canned queries accept in place of an id."""
        with self._session() as s:
            for label in NODES:
                s.run(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                      f"FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()
                s.run(f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)").consume()

    def clear(self) -> None:
        """Delete every node of our labels (and so their relationships), in batches."""
        with self._session() as s:
            for label in NODES:
                s.run(f"MATCH (n:{label}) CALL (n) {{ DETACH DELETE n }} "
                      f"IN TRANSACTIONS OF {self.batch_size} ROWS").consume()

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self._database) if self._database else self._driver.session()

    def _write(self, cypher: str, rows: list[tuple[Any, ...]]) -> None:
        with self._session() as s:
            s.execute_write(lambda tx: tx.run(cypher, rows=rows).consume())

    def _close_quietly(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            try:
                driver.close()
            except Exception:  # closing a driver that never connected must not mask the real error
                pass


def _first_line(err: BaseException) -> str:
    text = getattr(err, "message", None) or str(err)
    text = str(text).strip()
    return text.splitlines()[0] if text else type(err).__name__
