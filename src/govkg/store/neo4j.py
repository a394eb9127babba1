"""The Neo4j store: the official driver, uniqueness constraints on ids, batched ``UNWIND``.

An additive load (``replace=False``) merges nodes on ``id`` per label and relationships on the
edge key that :mod:`govkg.store.rows` computes, so loading the same graph twice changes nothing.

A replacing load is loaded beside the served graph and switched in (:mod:`govkg.store.generations`):
its nodes and relationships go under the labels and types of a new generation, which no query
reads yet, by bulk CREATEs (no index to maintain: the new labels have none yet), relationships
between nodes found by internal id (a direct record lookup instead of two index seeks per row);
then its constraints and indexes are built in one pass each (which also re-checks that ids are
unique), its counts are checked, and one small transaction points the marker at it. The
previous generation is deleted in batches once every transaction that could still be reading
it has ended. A load that fails or is killed leaves the served graph as it was; its partial
generation is deleted by the next load. Relationships carry the edge key, so a later additive
load merges onto them. Queries run in read transactions that read the marker first.
"""
from __future__ import annotations

import contextlib
import json
import time
import uuid
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any, Callable, Iterator

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError, ServiceUnavailable

from govkg.errors import QueryTimeout, StoreError, TooManyRows
from govkg.graph.schema import NODES, RELS, PropertyGraph
from govkg.settings import DEFAULT_BATCH_SIZE
from govkg.store.base import LoadReport
from govkg.store.limits import current as current_limits
from govkg.store.generations import MARKER, generation_of, qualified, routed, unqualified
from govkg.store.neo4j_statements import batches as _batches, edge_param as _edge_param
from govkg.store.neo4j_statements import edge_statement as _edge_statement, node_statement as _node_statement
from govkg.store.rows import TableStream, edge_key, paused_gc, plain

WRITERS = 2  # concurrent write transactions: the server writes one batch while the client packs the next
INDEX_TIMEOUT = 3600  # seconds to wait for the constraints and indexes a bulk load rebuilds
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
RETIRE_WAIT = 60.0  # most seconds to wait for readers of the previous generation before deleting it


class Neo4jStore:
    """A connection to a Neo4j server; fails at construction when unreachable or refused."""

    dialect = "neo4j"

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", *, database: str = "",
                 batch_size: int = DEFAULT_BATCH_SIZE, connect_timeout: float = 10.0) -> None:
        """``connect_timeout``: seconds to open a connection, and to keep retrying a read, before a
        query fails with :class:`StoreError` (a server that is down is reported in that time)."""
        if batch_size < 1:
            raise ValueError("batch_size must be positive")
        self.batch_size, self.connect_timeout = batch_size, connect_timeout
        self.uri = redacted(uri)  # what messages show: never credentials written into the URI
        scheme = uri.split("://", 1)[0] if "://" in uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreError(f"bad Neo4j address {self.uri!r}: expected bolt://… or neo4j://…")
        if self.uri != uri:  # the driver refuses it too, quoting the URI, password and all
            raise StoreError(f"bad Neo4j address {self.uri!r}: a user or password in the URI is not supported; "
                             "use --user and GOVKG_NEO4J_PASSWORD or --password-file")
        self._database = database or None
        try:
            # notifications off: counting a relation type not loaded yet is not worth a warning
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password), connection_timeout=connect_timeout,
                                                      notifications_min_severity="OFF")
            self._driver.verify_connectivity()
        except AuthError:
            self._close_quietly()
            raise StoreError(f"Neo4j at {self.uri} refused the credentials of user {user!r}") from None
        except ServiceUnavailable as err:
            self._close_quietly()
            raise StoreError(f"Neo4j unreachable at {self.uri}: {_first_line(err)}") from None
        except (ConfigurationError, ValueError) as err:
            self._close_quietly()
            raise StoreError(f"bad Neo4j address {self.uri!r}: {_first_line(err)}") from None
        except (DriverError, Neo4jError) as err:
            self._close_quietly()
            raise StoreError(f"Neo4j at {self.uri}: {_first_line(err)}") from None

    # -- interface ---------------------------------------------------------------------------
    def load(self, graph: PropertyGraph, *, replace: bool = True, batch_size: int | None = None,
             build: dict[str, Any] | None = None) -> LoadReport:
        """Load the graph in batches: with ``replace`` a new generation switched in whole, else a merge.

        ``build`` (a build folder's manifest) is kept with the loaded graph (:meth:`loaded_build`).
        Batches go to the server while the client prepares the next tables (``prepare`` in the
        report is the client's share, overlapping the rest)."""
        size = batch_size or self.batch_size
        start = time.perf_counter()
        phases: dict[str, float] = {"prepare": 0.0}
        written: dict[str, int] = {}
        stream = TableStream(graph)  # refuses a graph of unknown labels or types before anything is written
        try:
            if replace:
                gen = self._bulk_load(stream, size, phases, written, build)
            else:
                gen = self.generation()
                self.ensure_constraints(wait=True, generation=gen)
                self._send(stream, size, phases, written,
                           lambda label, batch: self._write(_node_statement(label, generation=gen), batch),
                           lambda rel_type, batch: self._write(_edge_statement(rel_type, generation=gen),
                                                               [_edge_param(r) for r in batch]))
                self._switch(gen, build)  # a merge is a new load too: caches keyed on the load id let go
            t = time.perf_counter()
            after = self._counts_of(gen)
            phases["verify"] = time.perf_counter() - t
        except Neo4jError as err:
            raise StoreError(f"Neo4j load failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j connection lost during load: {_first_line(err)}") from None
        return LoadReport(counts=after, rows=sum(written.values()), seconds=time.perf_counter() - start,
                          phases=phases)

    def _bulk_load(self, stream: TableStream, size: int, phases: dict[str, float], written: dict[str, int],
                   build: dict[str, Any] | None) -> int:
        """Load a new generation beside the current one, check it, switch to it, retire the old one."""
        t = time.perf_counter()
        current = self.generation()
        present = self._generations()
        for stale in sorted(present - {current}):  # what a failed or killed load left
            self._drop_generation(stale)
        gen = max(present | {current}) + 1
        phases["leftovers"] = time.perf_counter() - t
        internal: dict[str, dict[str, int]] = {label: {} for label in NODES}

        def create_nodes(label: str, batch: list[tuple[Any, ...]]) -> None:
            statement = _node_statement(label, create=True, generation=gen)
            with self._session() as s:
                pairs = s.execute_write(lambda tx: tx.run(statement, rows=batch).single()[0])
            internal[label].update(pairs)  # one writer per batch; dict updates hold the GIL

        def create_edges(rel_type: str, batch: list[tuple[Any, ...]]) -> None:
            src, dst = internal[RELS[rel_type].src], internal[RELS[rel_type].dst]
            params = [(src[r[0]], dst[r[1]], *r[2:], edge_key(r[0], r[1], r[2:])) for r in batch]
            self._write(_edge_statement(rel_type, create=True, generation=gen), params)

        try:
            self._send(stream, size, phases, written, create_nodes, create_edges)
            t = time.perf_counter()
            self.ensure_constraints(wait=True, generation=gen)
            phases["indexes"] = time.perf_counter() - t
            found = self._counts_of(gen)
            if any(found.get(k, 0) != v for k, v in written.items()):
                diff = {k: (v, found.get(k)) for k, v in written.items() if found.get(k) != v}
                raise StoreError(f"Neo4j load incomplete (expected, found): {diff}")
        except BaseException:
            with contextlib.suppress(Neo4jError, DriverError):  # the load's own error is the one to report
                self._drop_generation(gen)
                self.ensure_constraints(generation=current)
            raise
        t = time.perf_counter()
        self._switch(gen, build)
        phases["switch"] = time.perf_counter() - t
        t = time.perf_counter()
        self._wait_for_readers()
        self._drop_generation(current)
        phases["retire"] = time.perf_counter() - t
        return gen

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
        """Run read-only Cypher in a read transaction on the current generation; rows as dicts of plain values."""
        limits = current_limits()

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            gen = _current(tx)  # in the same transaction: the generation read stays until it ends
            result = tx.run(routed(cypher, gen), params or {})
            records = []
            for rec in result:  # streamed: a cap stops the fetch, not only what is kept
                if limits.max_rows is not None and len(records) == limits.max_rows:
                    raise TooManyRows(f"query answered over its cap of {limits.max_rows} rows")
                records.append(rec)
            return [{k: unqualified(plain(v), gen) for k, v in rec.items()} for rec in records]

        if limits.timeout:  # the server ends the transaction past it, and frees what it held
            work = neo4j.unit_of_work(timeout=limits.timeout)(work)
        try:
            with self._session(read=True) as s:
                return s.execute_read(work)
        except Neo4jError as err:
            if limits.timeout and "TransactionTimedOut" in str(err.code or ""):
                raise QueryTimeout(f"query stopped after its time limit of {limits.timeout:g} s") from None
            raise StoreError(f"Neo4j query failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j unreachable at {self.uri}: {_first_line(err)}") from None

    def counts(self) -> dict[str, int]:
        """Nodes per label and relations per type of the graph queries read."""
        return self._counts_of(None)

    def _counts_of(self, generation: int | None) -> dict[str, int]:
        """Counts of ``generation`` (None: the current one, read in the same transaction)."""
        def work(tx: neo4j.ManagedTransaction) -> dict[str, int]:
            gen = _current(tx) if generation is None else generation
            out = {label: tx.run(f"MATCH (n:`{qualified(label, gen)}`) RETURN count(n) AS c").single()["c"]
                   for label in NODES}
            for rel_type in RELS:
                out[rel_type] = tx.run(f"MATCH ()-[r:`{qualified(rel_type, gen)}`]->() RETURN count(r) AS c").single()["c"]
            return out

        try:
            with self._session(read=True) as s:
                return s.execute_read(work)
        except Neo4jError as err:
            raise StoreError(f"Neo4j count failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j unreachable at {self.uri}: {_first_line(err)}") from None

    def close(self) -> None:
        self._driver.close()

    # -- generations -------------------------------------------------------------------------
    def generation(self) -> int:
        """The generation queries read now (0: unqualified names, as before generations)."""
        with self._session(read=True) as s:
            return s.execute_read(_current)

    def loaded_build(self) -> dict[str, Any] | None:
        """What was loaded last: ``{"generation", "load_id", "loaded_at", "manifest"}`` (the build
        folder's manifest, or None for a graph loaded from a file); None before any load. The
        ``load_id`` changes with every load: caches key on it."""
        try:
            with self._session(read=True) as s:
                rec = s.execute_read(lambda tx: tx.run(
                    f"MATCH (m:`{MARKER}`) RETURN m.current AS g, m.load_id AS id, m.loaded_at AS at, "
                    "m.build AS build ORDER BY m.loaded_at DESC LIMIT 1").single())
        except Neo4jError as err:
            raise StoreError(f"Neo4j query failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j unreachable at {self.uri}: {_first_line(err)}") from None
        if rec is None:
            return None
        return {"generation": int(rec["g"] or 0), "load_id": rec["id"], "loaded_at": rec["at"],
                "manifest": json.loads(rec["build"]) if rec["build"] else None}

    def finish_import(self, build: dict[str, Any] | None = None) -> dict[str, int]:
        """After ``neo4j-admin database import`` (``govkg.store.neo4j_import``): the constraints and
        indexes a Bolt load builds, for the imported graph's plain labels (generation 0), and the
        marker with a new load id and ``build``; the counts."""
        try:
            self.ensure_constraints(wait=True, generation=0)
            self._switch(0, build)
            return self._counts_of(0)
        except Neo4jError as err:
            raise StoreError(f"Neo4j query failed: {_first_line(err)}") from None
        except (DriverError, ServiceUnavailable) as err:
            raise StoreError(f"Neo4j unreachable at {self.uri}: {_first_line(err)}") from None

    def _generations(self) -> set[int]:
        """Every generation that has nodes or relationships in the database."""
        with self._session() as s:
            names = [r["label"] for r in s.run("CALL db.labels() YIELD label RETURN label")]
            names += [r["t"] for r in s.run("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")]
        return {g for g in map(generation_of, names) if g is not None}

    def _switch(self, generation: int, build: dict[str, Any] | None) -> None:
        """Point the marker at ``generation`` in one transaction, with a new load id."""
        manifest = json.dumps(build, ensure_ascii=False, sort_keys=True) if build is not None else None
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(f"MATCH (m:`{MARKER}`) DETACH DELETE m").consume()
            tx.run(f"CREATE (:`{MARKER}` {{current: $g, load_id: $id, loaded_at: $at, build: $build}})",
                   g=generation, id=uuid.uuid4().hex, at=stamp, build=manifest).consume()

        with self._session() as s:
            s.execute_write(work)

    def _wait_for_readers(self, timeout: float = RETIRE_WAIT) -> None:
        """Wait until every transaction open at the switch has ended (it may be reading the old generation)."""
        query = "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery AS q RETURN id, q"

        def open_now(s: neo4j.Session) -> set[str]:
            return {r["id"] for r in s.run(query) if not str(r["q"] or "").startswith("SHOW TRANSACTIONS")}

        try:
            with self._session() as s:
                waiting = open_now(s)
                deadline = time.monotonic() + timeout
                while waiting and time.monotonic() < deadline:
                    time.sleep(0.05)
                    waiting &= open_now(s)
        except Neo4jError:  # not allowed to list transactions: a grace longer than a canned query takes
            time.sleep(2.0)

    def _drop_generation(self, generation: int) -> None:
        """Delete a generation's constraints, relationships and nodes (in batches): only what exists,
        each statement being a transaction of its own."""
        self._drop_constraints(generation)
        with self._session() as s:
            names = {r["name"] for r in s.run("CALL db.labels() YIELD label AS name RETURN name")}
            names |= {r["name"] for r in s.run("CALL db.relationshipTypes() YIELD relationshipType AS name RETURN name")}
            for rel_type in (t for t in RELS if qualified(t, generation) in names):
                s.run(f"MATCH ()-[r:`{qualified(rel_type, generation)}`]->() CALL (r) {{ DELETE r }} "
                      f"IN TRANSACTIONS OF {self.batch_size} ROWS").consume()
            for label in (n for n in NODES if qualified(n, generation) in names):
                s.run(f"MATCH (n:`{qualified(label, generation)}`) CALL (n) {{ DETACH DELETE n }} "
                      f"IN TRANSACTIONS OF {self.batch_size} ROWS").consume()

    # -- helpers -----------------------------------------------------------------------------
    def ensure_constraints(self, *, wait: bool = False, generation: int | None = None) -> None:
        """A uniqueness constraint on ``id`` for every label of ``generation`` (default: the
        current one; also the index MERGE uses), and an index on ``name``, which the canned
        queries accept in place of an id; ``wait`` until they are online."""
        gen = self.generation() if generation is None else generation
        with self._session() as s:
            for label in NODES:
                name, lab = _schema_name(label, gen), qualified(label, gen)
                s.run(f"CREATE CONSTRAINT {name}_id IF NOT EXISTS FOR (n:`{lab}`) REQUIRE n.id IS UNIQUE").consume()
                s.run(f"CREATE INDEX {name}_name IF NOT EXISTS FOR (n:`{lab}`) ON (n.name)").consume()
            if wait:
                s.run(f"CALL db.awaitIndexes({INDEX_TIMEOUT})").consume()

    def _drop_constraints(self, generation: int) -> None:
        """Drop what :meth:`ensure_constraints` creates for ``generation`` (what of it exists)."""
        wanted = {f"{_schema_name(label, generation)}_{what}": what for label in NODES for what in ("id", "name")}
        with self._session() as s:
            constraints = {r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name RETURN name")} & set(wanted)
            indexes = {r["name"] for r in s.run("SHOW INDEXES YIELD name RETURN name")} & set(wanted)
            for name in sorted(constraints):
                s.run(f"DROP CONSTRAINT {name} IF EXISTS").consume()
            for name in sorted(indexes - constraints):  # a constraint's own index goes with it
                s.run(f"DROP INDEX {name} IF EXISTS").consume()

    def clear(self) -> None:
        """Delete every generation of our labels and types (in batches) and the marker."""
        for gen in sorted(self._generations() | {self.generation()}):
            self._drop_generation(gen)
        with self._session() as s:
            s.run(f"MATCH (m:`{MARKER}`) DETACH DELETE m").consume()

    def _session(self, *, read: bool = False) -> neo4j.Session:
        """A session; ``read``: one whose transactions stop retrying after ``connect_timeout``
        (the driver's default, 30 s, kept every reader of a server that is down waiting)."""
        config: dict[str, Any] = {"max_transaction_retry_time": self.connect_timeout} if read else {}
        if self._database:
            config["database"] = self._database
        return self._driver.session(**config)

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


def _current(tx: neo4j.ManagedTransaction) -> int:
    """The generation the marker names, read in ``tx`` (0 when there is no marker)."""
    rec = tx.run(f"MATCH (m:`{MARKER}`) RETURN max(m.current) AS g").single()
    return int(rec["g"] or 0) if rec is not None else 0


def _schema_name(label: str, generation: int) -> str:
    """The name of a label's constraint and index (without ``_id`` / ``_name``) in ``generation``."""
    return label.lower() + (f"_g{generation}" if generation else "")


def redacted(uri: str) -> str:
    """``uri`` without a user or password written into it (``bolt://neo4j:secret@host`` → ``bolt://host``)."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri
    authority, slash, path = rest.partition("/")
    return f"{scheme}://{authority.rpartition('@')[2]}{slash}{path}"


def _first_line(err: BaseException) -> str:
    text = getattr(err, "message", None) or str(err)
    text = str(text).strip()
    return text.splitlines()[0] if text else type(err).__name__
