"""The Neo4j store: the official driver, uniqueness constraints on ids, batched ``UNWIND``.

An additive load (``replace=False``) merges nodes on ``id`` per label and relationships on the
edge key that :mod:`govkg.store.rows` computes, so loading the same graph twice changes nothing.

A replacing load is a bulk load into emptied labels, and does what bulk loaders do: it drops
our labels' constraints and indexes, CREATEs the nodes (safe: the rows are de-duplicated) and
learns each node's internal id, CREATEs relationships between nodes found by internal id (a
direct record lookup instead of two index seeks per row), then builds the constraints and
indexes again in one pass each, which also re-checks that ids are unique. Relationships
still carry the key, so a later additive load merges onto them. Queries run in read
transactions.
"""
from __future__ import annotations

import contextlib
import time
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any, Callable, Iterator

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from govkg.errors import StoreError
from govkg.graph.schema import NODES, RELS, PropertyGraph
from govkg.settings import DEFAULT_BATCH_SIZE
from govkg.store.base import LoadReport
from govkg.store.rows import KEY, TableStream, edge_columns, edge_key, node_columns, paused_gc, plain

WRITERS = 2  # concurrent write transactions: the server writes one batch while the client packs the next
INDEX_TIMEOUT = 3600  # seconds to wait for the constraints and indexes a bulk load rebuilds
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _batches(rows: list[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _node_statement(label: str, *, create: bool = False) -> str:
    """Rows are :func:`node_columns` values. ``create`` returns each row's id with the node's
    internal id, for :func:`_edge_statement` to find the node by."""
    # rows travel as lists, not maps: the column names are not repeated in every row, which
    # roughly halves what the driver packs and the server unpacks
    if create:
        props = ", ".join(f"{c}: row[{i}]" for i, c in enumerate(node_columns(label)))
        # a null in a CREATE map sets nothing, so a missing value stays missing
        return f"UNWIND $rows AS row CREATE (n:`{label}` {{{props}}}) RETURN collect([row[0], id(n)]) AS ids"
    # explicit SETs (not ``SET n += map``) keep the planner from adding an Eager barrier;
    # setting null removes a property, so a missing value stays missing
    sets = ", ".join(f"n.{c} = row[{i}]" for i, c in enumerate(node_columns(label)) if i)
    return f"UNWIND $rows AS row MERGE (n:`{label}` {{id: row[0]}})" + (f" SET {sets}" if sets else "")


def _edge_statement(rel_type: str, *, create: bool = False) -> str:
    """Rows are :func:`edge_columns` values followed by the edge key; with ``create`` the ends
    are internal node ids (the bulk load's indexes are down), otherwise our ids."""
    rel = RELS[rel_type]
    cols = edge_columns(rel_type)
    key = f"row[{len(cols)}]"
    if create:
        props = ", ".join([f"{KEY}: {key}", *(f"{c}: row[{i}]" for i, c in enumerate(cols) if i >= 2)])
        # id() is deprecated in favour of elementId(), whose strings are several times longer to
        # send for each end of each relationship; internal ids live only as long as this load
        return ("UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] MATCH (b) WHERE id(b) = row[1] "
                f"CREATE (a)-[r:`{rel_type}` {{{props}}}]->(b)")
    sets = ", ".join(f"r.{c} = row[{i}]" for i, c in enumerate(cols) if i >= 2)
    return (f"UNWIND $rows AS row MATCH (a:`{rel.src}` {{id: row[0]}}) MATCH (b:`{rel.dst}` {{id: row[1]}}) "
            f"MERGE (a)-[r:`{rel_type}` {{{KEY}: {key}}}]->(b)" + (f" SET {sets}" if sets else ""))


def _edge_param(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return (*row, edge_key(row[0], row[1], row[2:]))


class Neo4jStore:
    """A connection to a Neo4j server; fails at construction when unreachable or refused."""

    dialect = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", *, database: str = "",
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
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
        """Load the graph in batches: with ``replace`` a bulk load into emptied labels, else a merge.

        Batches go to the server while the client prepares the next tables (``prepare`` in the
        report is the client's share, overlapping the rest)."""
        size = batch_size or self.batch_size
        start = time.perf_counter()
        phases: dict[str, float] = {"prepare": 0.0}
        written: dict[str, int] = {}
        stream = TableStream(graph)  # refuses a graph of unknown labels or types before anything is cleared
        try:
            if replace:
                self._bulk_load(stream, size, phases, written)
            else:
                self.ensure_constraints(wait=True)
                self._send(stream, size, phases, written,
                           lambda label, batch: self._write(_node_statement(label), batch),
                           lambda rel_type, batch: self._write(_edge_statement(rel_type),
                                                               [_edge_param(r) for r in batch]))
            t = time.perf_counter()
            after = self.counts()
            phases["verify"] = time.perf_counter() - t
        except Neo4jError as err:
            raise StoreError(f"Neo4j load failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j connection lost during load: {_first_line(err)}") from None
        if replace and any(after.get(k, 0) != v for k, v in written.items()):
            diff = {k: (v, after.get(k)) for k, v in written.items() if after.get(k) != v}
            raise StoreError(f"Neo4j load incomplete (expected, found): {diff}")
        return LoadReport(counts=after, rows=sum(written.values()), seconds=time.perf_counter() - start,
                          phases=phases)

    def _bulk_load(self, stream: TableStream, size: int, phases: dict[str, float], written: dict[str, int]) -> None:
        t = time.perf_counter()
        self._drop_constraints()  # before deleting: index entries need not be removed one by one
        self.clear()
        phases["clear"] = time.perf_counter() - t
        internal: dict[str, dict[str, int]] = {label: {} for label in NODES}

        def create_nodes(label: str, batch: list[tuple[Any, ...]]) -> None:
            with self._session() as s:
                pairs = s.execute_write(lambda tx: tx.run(_node_statement(label, create=True), rows=batch).single()[0])
            internal[label].update(pairs)  # one writer per batch; dict updates hold the GIL

        def create_edges(rel_type: str, batch: list[tuple[Any, ...]]) -> None:
            src, dst = internal[RELS[rel_type].src], internal[RELS[rel_type].dst]
            params = [(src[r[0]], dst[r[1]], *r[2:], edge_key(r[0], r[1], r[2:])) for r in batch]
            self._write(_edge_statement(rel_type, create=True), params)

        try:
            self._send(stream, size, phases, written, create_nodes, create_edges)
        except BaseException:
            with contextlib.suppress(Neo4jError, DriverError):  # the load's own error is the one to report
                self.ensure_constraints()
            raise
        t = time.perf_counter()
        self.ensure_constraints(wait=True)
        phases["indexes"] = time.perf_counter() - t

    @staticmethod
    def _send(stream: TableStream, size: int, phases: dict[str, float], written: dict[str, int],
              node_batch: Callable[[str, list[tuple[Any, ...]]], None],
              edge_batch: Callable[[str, list[tuple[Any, ...]]], None]) -> None:
        """Hand the stream's tables to ``WRITERS`` threads batch by batch, every node before any
        relationship (which needs its ends); the first failure stops the rest and is raised."""
        with paused_gc(), ThreadPoolExecutor(WRITERS, thread_name_prefix="govkg-neo4j") as pool:
            pending: list[Future[None]] = []
            nodes_started = time.perf_counter()
            edges_started = 0.0
            tables = iter(stream)
            try:
                while True:
                    t = time.perf_counter()
                    table = next(tables, None)
                    phases["prepare"] += time.perf_counter() - t
                    if table is None:
                        break
                    name, rows = table
                    written[name] = len(rows)
                    if name in NODES:
                        pending += [pool.submit(node_batch, name, b) for b in _batches(rows, size)]
                        continue
                    if not edges_started:
                        _wait(pending)
                        edges_started = time.perf_counter()
                        phases["nodes"] = edges_started - nodes_started
                        pending = []
                    pending += [pool.submit(edge_batch, name, b) for b in _batches(rows, size)]
                _wait(pending)
            except BaseException:
                pool.shutdown(cancel_futures=True)
                raise
            if edges_started:
                phases["relationships"] = time.perf_counter() - edges_started
            else:
                phases["nodes"] = time.perf_counter() - nodes_started

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
    def ensure_constraints(self, *, wait: bool = False) -> None:
        """A uniqueness constraint on ``id`` for every label (also the index MERGE uses), and an
        index on ``name``, which the canned queries accept in place of an id; ``wait`` until they are online."""
        with self._session() as s:
            for label in NODES:
                s.run(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                      f"FOR (n:{label}) REQUIRE n.id IS UNIQUE").consume()
                s.run(f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name)").consume()
            if wait:
                s.run(f"CALL db.awaitIndexes({INDEX_TIMEOUT})").consume()

    def _drop_constraints(self) -> None:
        """Drop what :meth:`ensure_constraints` creates: a bulk load builds them again afterwards."""
        with self._session() as s:
            for label in NODES:
                s.run(f"DROP CONSTRAINT {label.lower()}_id IF EXISTS").consume()
                s.run(f"DROP INDEX {label.lower()}_name IF EXISTS").consume()

    def clear(self) -> None:
        """Delete every node of our labels and their relationships, in batches: our relation
        types first, which is about twice as fast as detaching them from well-connected nodes."""
        with self._session() as s:
            for rel_type in RELS:
                s.run(f"MATCH ()-[r:`{rel_type}`]->() CALL (r) {{ DELETE r }} "
                      f"IN TRANSACTIONS OF {self.batch_size} ROWS").consume()
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


def _wait(futures: list[Future[None]]) -> None:
    """Wait for every batch; raise the first failure as soon as it happens."""
    done, _ = wait(futures, return_when=FIRST_EXCEPTION)
    for f in done:  # without a failure, every batch is done
        f.result()


def _first_line(err: BaseException) -> str:
    text = getattr(err, "message", None) or str(err)
    text = str(text).strip()
    return text.splitlines()[0] if text else type(err).__name__
