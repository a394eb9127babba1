"""The embedded store: LadybugDB (the maintained fork of Kùzu) on disk, loaded by ``COPY … FROM`` Parquet.

Relationships are never loaded with ``UNWIND … MERGE`` here: that runs at tens of rows per
second and upstream reports rows silently dropped. Instead each load writes de-duplicated
Parquet files and copies them in, then checks the counts against what was written.

The load is a pipeline: while the engine copies one table (it releases the GIL and works
on its own threads), Python prepares and writes the next. Parquet rather than CSV: pyarrow
builds the columns faster than the csv module writes rows, the engine reads typed columns
faster than it parses text, and a value holding a line break needs no serial reader.
"""
from __future__ import annotations

import contextlib
import json
import tempfile
import threading
import time
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import ladybug

from govkg.errors import Busy, QueryTimeout, StoreError, TooManyRows
from govkg.graph.schema import BOOL, INT, NODES, RELS, STRING, PropertyGraph
from govkg.settings import DEFAULT_READ_CONNECTIONS
from govkg.store.base import LoadReport
from govkg.store.limits import current as current_limits
from govkg.store.pool import ConnectionPool
from govkg.store.rows import TableStream, edge_columns, node_columns, paused_gc, plain


MARKER = "GovkgGeneration"  # one row: the load id and build manifest of what was loaded last
MARKER_DDL = (f"CREATE NODE TABLE IF NOT EXISTS `{MARKER}`(key STRING, load_id STRING, loaded_at STRING, "
              "build STRING, PRIMARY KEY(key))")
RECOVERY_PENDING = "checkpoint recovery is pending"  # the engine's words for a writer killed mid-checkpoint


def node_ddl(label: str) -> str:
    cols = ", ".join(f"{c} {t}" for c, t in NODES[label].columns.items())
    return f"CREATE NODE TABLE IF NOT EXISTS `{label}`({cols}, PRIMARY KEY(id))"


def rel_ddl(rel_type: str) -> str:
    rel = RELS[rel_type]
    cols = "".join(f", {c} {t}" for c, t in rel.columns.items())
    return f"CREATE REL TABLE IF NOT EXISTS `{rel_type}`(FROM `{rel.src}` TO `{rel.dst}`{cols})"


class LadybugStore:
    """A LadybugDB database on disk (one file plus its write-ahead log); ``read_only`` opens it
    for queries only, which several processes may do at once, and serves them from a pool of up
    to ``read_connections`` connections (``govkg.store.pool``) so that threads query side by
    side; a writable store has one connection behind a lock."""

    dialect = "ladybug"

    def __init__(self, path: str | Path, *, read_only: bool = False, read_connections: int = DEFAULT_READ_CONNECTIONS) -> None:
        self.path = Path(path)
        self._read_connections = read_connections
        self._pool: ConnectionPool[ladybug.Connection] | None = None
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            elif not self.path.exists():
                raise StoreError(f"no embedded graph at {self.path}: run `govkg build` or `govkg load` first")
            try:
                self._open(read_only)
            except RuntimeError as err:
                if not (read_only and RECOVERY_PENDING in str(err)):
                    raise
                recover(self.path)  # a writer was killed mid-checkpoint: finish its recovery, then read
                self._open(read_only)
        except StoreError:
            raise
        except Exception as err:  # the engine raises RuntimeError for locks, corrupt files, …
            raise StoreError(f"cannot open the embedded graph at {self.path}: {_first_line(err)}") from None
        self._lock = threading.Lock()  # a writer's one connection; the API may call from several threads
        if not read_only:
            self._create_schema()

    def _open(self, read_only: bool) -> None:
        # a writer checkpoints once after each load instead of after every COPY
        self._db = ladybug.Database(str(self.path), read_only=read_only, auto_checkpoint=read_only)
        if read_only:
            self._conn = None
            self._pool = ConnectionPool(self._connect, self._read_connections)
            with self._pool.connection():  # open one now: a file that cannot be read fails here
                pass
        else:
            self._conn = self._connect()

    def _connect(self) -> ladybug.Connection:
        """A new connection to the open database (per-connection settings go here).

        A pooled connection runs each query on one thread: queries run side by side on the pool's
        connections instead, and a small query spread over several threads costs a quarter more CPU
        in thread hand-offs (bench/README.md, the read pool); a lone connection may use every core."""
        pooled = self._pool is not None and self._pool.size > 1
        return ladybug.Connection(self._db, num_threads=1 if pooled else 0)

    @contextlib.contextmanager
    def _borrow(self):
        """A connection for one query: lent by the pool (read-only), else the writer's, locked."""
        if self._pool is not None:
            with self._pool.connection() as conn:
                yield conn
        else:
            with self._lock:
                yield self._conn

    # -- interface ---------------------------------------------------------------------------
    def load(self, graph: PropertyGraph, *, replace: bool = True, build: dict[str, Any] | None = None) -> LoadReport:
        """Copy the graph in (replacing what is there unless ``replace=False``) and verify counts;
        ``build`` (a build folder's manifest) is kept with it (:meth:`loaded_build`)."""
        start = time.perf_counter()
        phases: dict[str, float] = {}
        written: dict[str, int] = {}
        stream = TableStream(graph)
        with self._lock, tempfile.TemporaryDirectory(prefix="govkg-copy-") as tmp, \
                ThreadPoolExecutor(1, thread_name_prefix="govkg-copy") as copier:
            if replace:
                t = time.perf_counter()
                self._drop_schema()
                self._create_schema()
                phases["clear"] = time.perf_counter() - t
            before = self._counts_unlocked()
            copies: list[Future[float]] = []
            t = time.perf_counter()
            with paused_gc():
                for table, rows in stream:
                    if not replace:
                        rows = self._without_existing(table, rows)
                    if not rows:
                        continue
                    if any(c.done() and c.exception() for c in copies):
                        break  # a COPY failed: stop preparing, report it below
                    path = _write_parquet(Path(tmp) / f"{table}.parquet", table, rows)
                    written[table] = len(rows)
                    copies.append(copier.submit(self._copy_file, table, path))
            phases["prepare+write"] = time.perf_counter() - t
            t = time.perf_counter()
            phases["copy"] = sum(c.result() for c in copies)  # overlaps prepare+write; raises a COPY's error
            phases["copy after write"] = time.perf_counter() - t
            self._mark(build)
            t = time.perf_counter()
            self._exec("CHECKPOINT")
            phases["checkpoint"] = time.perf_counter() - t
            t = time.perf_counter()
            after = self._counts_unlocked()
            phases["verify"] = time.perf_counter() - t
        expected = {k: before.get(k, 0) + written.get(k, 0) for k in before}
        if after != expected:
            diff = {k: (expected[k], after.get(k)) for k in expected if after.get(k) != expected[k]}
            raise StoreError(f"embedded load incomplete (expected, found): {diff}")
        return LoadReport(counts=after, rows=sum(written.values()), seconds=time.perf_counter() - start,
                          phases=phases)

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher and return rows as dicts of plain values, under the limits of ``govkg.store.limits``."""
        limits = current_limits()
        with self._borrow() as conn:
            # the engine interrupts a query over its time, and the connection is free again at once
            conn.set_query_timeout(int(limits.timeout * 1000) if limits.timeout else 0)
            try:
                result = conn.execute(cypher, params or {})
            except Exception as err:
                if limits.timeout and "Interrupted" in str(err):
                    raise QueryTimeout(f"query stopped after its time limit of {limits.timeout:g} s") from None
                raise StoreError(f"embedded query failed: {_first_line(err)}") from None
            finally:
                conn.set_query_timeout(0)  # the store's own queries (counts, loads) are not limited
            if limits.max_rows is not None and result.get_num_tuples() > limits.max_rows:
                result.close()
                raise TooManyRows(f"query answered over its cap of {limits.max_rows} rows")
            cols = result.get_column_names()
            out = [dict(zip(cols, map(plain, r))) for r in _all_rows(result)]
        return out

    def counts(self) -> dict[str, int]:
        with self._borrow() as conn:
            return self._counts_unlocked(conn)

    def close(self) -> None:
        """Close the store, once the queries running on it have finished."""
        if self._pool is not None:
            self._pool.close()
            self._db.close()
            return
        with self._lock:
            self._conn.close()
            self._db.close()

    def loaded_build(self) -> dict[str, Any] | None:
        """What was loaded last: ``{"generation": None, "load_id", "loaded_at", "manifest"}`` (the
        build folder's manifest, or None for a graph loaded from a file); None for a store loaded
        before loads were recorded. The ``load_id`` changes with every load: caches key on it."""
        with self._borrow() as conn:
            try:
                rows = self._exec(f"MATCH (m:`{MARKER}`) RETURN m.load_id, m.loaded_at, m.build LIMIT 1", conn)
            except RuntimeError:  # a file written before the marker table existed
                return None
        if not rows:
            return None
        load_id, at, build = rows[0]
        return {"generation": None, "load_id": load_id, "loaded_at": at,
                "manifest": json.loads(build) if build else None}

    # -- internals ---------------------------------------------------------------------------
    def _exec(self, cypher: str, conn: ladybug.Connection | None = None) -> list[list[Any]]:
        return (conn or self._conn).execute(cypher).get_all()

    def _mark(self, build: dict[str, Any] | None) -> None:
        """Record this load (a new load id, the time, the build's manifest) in the marker table."""
        self._exec(f"MATCH (m:`{MARKER}`) DELETE m")
        self._conn.execute(f"CREATE (:`{MARKER}` {{key: 'current', load_id: $id, loaded_at: $at, build: $build}})",
                           {"id": uuid.uuid4().hex, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                            "build": json.dumps(build, ensure_ascii=False, sort_keys=True) if build is not None else None})

    def _create_schema(self) -> None:
        self._exec(MARKER_DDL)
        for label in NODES:
            self._exec(node_ddl(label))
        for rel_type in RELS:
            self._exec(rel_ddl(rel_type))

    def _drop_schema(self) -> None:
        for rel_type in RELS:
            self._exec(f"DROP TABLE IF EXISTS `{rel_type}`")
        for label in NODES:
            self._exec(f"DROP TABLE IF EXISTS `{label}`")
        self._exec(f"DROP TABLE IF EXISTS `{MARKER}`")

    def _counts_unlocked(self, conn: ladybug.Connection | None = None) -> dict[str, int]:
        out = {label: self._exec(f"MATCH (n:`{label}`) RETURN count(n)", conn)[0][0] for label in NODES}
        for rel_type in RELS:
            out[rel_type] = self._exec(f"MATCH ()-[r:`{rel_type}`]->() RETURN count(r)", conn)[0][0]
        return out

    def _without_existing(self, table: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """For an additive load: drop rows whose node id, or edge (ends and properties), is stored."""
        if table in NODES:
            have = {r[0] for r in self._exec(f"MATCH (n:`{table}`) RETURN n.id")}
            return [r for r in rows if r[0] not in have]
        props = "".join(f", r.{c}" for c in RELS[table].columns)
        have_edges = {tuple(r) for r in self._exec(f"MATCH (a)-[r:`{table}`]->(b) RETURN a.id, b.id{props}")}
        return [r for r in rows if r not in have_edges]

    def _copy_file(self, table: str, path: Path) -> float:
        """COPY one file into its table; the seconds it took."""
        t = time.perf_counter()
        try:
            self._exec(f"COPY `{table}` FROM '{path.as_posix()}'")
        except Exception as err:
            raise StoreError(f"embedded COPY into {table} failed: {_first_line(err)}") from None
        return time.perf_counter() - t


def _all_rows(result: Any) -> list[list[Any]]:
    """Every row of a query result. The binding's own cursor when there is one: ``get_all`` walks
    it through two Python methods and a closed-check per row (with :func:`plain`'s fast path, 2,000
    rows of 7 columns cost 8 ms of CPU above the engine's 3.5 instead of 13; bench/README.md)."""
    cursor = getattr(result, "_query_result", None)
    if cursor is None or not hasattr(cursor, "getNext"):
        return result.get_all()
    rows = []
    while cursor.hasNext():
        rows.append(cursor.getNext())
    return rows


def recover(path: str | Path, *, locked: bool = False) -> None:
    """Finish the recovery a writer killed mid-checkpoint left pending (its ``.shadow`` and
    ``.checkpoint.*`` files beside the database), which read-only opens refuse to do: open it for
    writing once and close it, holding the store's lock (``locked``: the caller holds it) so no
    load is writing meanwhile."""
    from govkg.locking import exclusive

    try:
        with contextlib.nullcontext() if locked else exclusive(path, "load"):
            db = ladybug.Database(str(path))
            db.close()
    except Busy as err:
        raise StoreError(f"{err}: the embedded graph at {path} is being written") from None
    except RuntimeError as err:
        raise StoreError(f"cannot recover the embedded graph at {path}: {_first_line(err)}") from None


def _write_parquet(path: Path, table: str, rows: list[tuple[Any, ...]]) -> Path:
    """Write a table's rows (schema column order) as an uncompressed Parquet file of schema types."""
    import pyarrow as pa  # here, not at the top: queries and the API never need it
    import pyarrow.parquet as pq

    if table in NODES:
        names, types = node_columns(table), tuple(NODES[table].columns.values())
    else:
        names, types = edge_columns(table), (STRING, STRING, *RELS[table].columns.values())
    arrow_types = {STRING: pa.string(), INT: pa.int64(), BOOL: pa.bool_()}
    columns = list(zip(*rows))
    try:
        arrays = [pa.array(col, type=arrow_types[t]) for col, t in zip(columns, types)]
    except (pa.ArrowException, KeyError) as err:
        raise StoreError(f"cannot write {table} for the embedded store: {_first_line(err)}") from None
    pq.write_table(pa.Table.from_arrays(arrays, names=list(names)), path, compression="none")
    return path


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
