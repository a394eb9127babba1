"""The embedded store: LadybugDB (the maintained fork of Kùzu) on disk, loaded by ``COPY … FROM`` CSV.

Relationships are never loaded with ``UNWIND … MERGE`` here: that runs at tens of rows per
second and upstream reports rows silently dropped. Instead each load writes de-duplicated
CSV files and copies them in, then checks the counts against what was written.
"""
from __future__ import annotations

import csv
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import ladybug

from kg.schema import NODES, RELS, PropertyGraph
from kg.store.base import LoadReport, StoreError
from kg.store.rows import Rows, edge_columns, node_columns, plain, prepare


def node_ddl(label: str) -> str:
    cols = ", ".join(f"{c} {t}" for c, t in NODES[label].columns.items())
    return f"CREATE NODE TABLE IF NOT EXISTS `{label}`({cols}, PRIMARY KEY(id))"


def rel_ddl(rel_type: str) -> str:
    rel = RELS[rel_type]
    cols = "".join(f", {c} {t}" for c, t in rel.columns.items())
    return f"CREATE REL TABLE IF NOT EXISTS `{rel_type}`(FROM `{rel.src}` TO `{rel.dst}`{cols})"


class LadybugStore:
    """A LadybugDB database on disk (one file plus its write-ahead log); ``read_only`` opens it
    for queries only, which several processes may do at once."""

    dialect = "ladybug"

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            elif not self.path.exists():
                raise StoreError(f"no embedded graph at {self.path}: run `govkg build` or `govkg load` first")
            # a writer checkpoints once after each load instead of after every COPY
            self._db = ladybug.Database(str(self.path), read_only=read_only, auto_checkpoint=read_only)
            self._conn = ladybug.Connection(self._db)
        except StoreError:
            raise
        except Exception as err:  # the engine raises RuntimeError for locks, corrupt files, …
            raise StoreError(f"cannot open the embedded graph at {self.path}: {_first_line(err)}") from None
        self._lock = threading.Lock()  # one connection; the API may call from several threads
        if not read_only:
            self._create_schema()

    # -- interface ---------------------------------------------------------------------------
    def load(self, graph: PropertyGraph, *, replace: bool = True) -> LoadReport:
        """Copy the graph in (replacing what is there unless ``replace=False``) and verify counts."""
        phases: dict[str, float] = {}
        start = time.perf_counter()
        rows = prepare(graph)
        phases["prepare"] = time.perf_counter() - start
        with self._lock:
            if replace:
                self._drop_schema()
                self._create_schema()
            else:
                rows = self._without_existing(rows)
            before = self._counts_unlocked()
            self._copy(rows, phases)
            t = time.perf_counter()
            after = self._counts_unlocked()
            phases["verify"] = time.perf_counter() - t
        expected = {k: before.get(k, 0) + v for k, v in rows.counts().items()}
        if after != expected:
            diff = {k: (expected[k], after.get(k)) for k in expected if after.get(k) != expected[k]}
            raise StoreError(f"embedded load incomplete (expected, found): {diff}")
        return LoadReport(counts=after, rows=rows.total, seconds=time.perf_counter() - start, phases=phases)

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher and return rows as dicts of plain values."""
        with self._lock:
            try:
                result = self._conn.execute(cypher, params or {})
            except Exception as err:
                raise StoreError(f"embedded query failed: {_first_line(err)}") from None
            cols = result.get_column_names()
            out = [dict(zip(cols, plain(r))) for r in result.get_all()]
        return out

    def counts(self) -> dict[str, int]:
        with self._lock:
            return self._counts_unlocked()

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self._db.close()

    # -- internals ---------------------------------------------------------------------------
    def _exec(self, cypher: str) -> list[list[Any]]:
        return self._conn.execute(cypher).get_all()

    def _create_schema(self) -> None:
        for label in NODES:
            self._exec(node_ddl(label))
        for rel_type in RELS:
            self._exec(rel_ddl(rel_type))

    def _drop_schema(self) -> None:
        for rel_type in RELS:
            self._exec(f"DROP TABLE IF EXISTS `{rel_type}`")
        for label in NODES:
            self._exec(f"DROP TABLE IF EXISTS `{label}`")

    def _counts_unlocked(self) -> dict[str, int]:
        out = {label: self._exec(f"MATCH (n:`{label}`) RETURN count(n)")[0][0] for label in NODES}
        for rel_type in RELS:
            out[rel_type] = self._exec(f"MATCH ()-[r:`{rel_type}`]->() RETURN count(r)")[0][0]
        return out

    def _without_existing(self, rows: Rows) -> Rows:
        """For an additive load: drop rows whose node id, or edge (ends and properties), is stored."""
        nodes = {}
        for label, rs in rows.nodes.items():
            have = {r[0] for r in self._exec(f"MATCH (n:`{label}`) RETURN n.id")}
            nodes[label] = [r for r in rs if r[0] not in have]
        edges = {}
        for rel_type, rs in rows.edges.items():
            props = "".join(f", r.{c}" for c in RELS[rel_type].columns)
            have = {tuple(r) for r in self._exec(f"MATCH (a)-[r:`{rel_type}`]->(b) RETURN a.id, b.id{props}")}
            edges[rel_type] = [r for r in rs if r not in have]
        return Rows(nodes=nodes, edges=edges, dropped_edges=rows.dropped_edges)

    def _copy(self, rows: Rows, phases: dict[str, float] | None = None) -> None:
        """Write every table's CSV, then COPY them in (nodes first); ``phases`` gets the timings."""
        phases = {} if phases is None else phases
        with tempfile.TemporaryDirectory(prefix="govkg-copy-") as tmp:
            t = time.perf_counter()
            tables = [(label, node_columns(label), rs) for label, rs in rows.nodes.items() if rs]
            tables += [(rel_type, edge_columns(rel_type), rs) for rel_type, rs in rows.edges.items() if rs]
            files = [(table, *self._write_csv(Path(tmp) / f"{table}.csv", names, rs)) for table, names, rs in tables]
            phases["write"] = time.perf_counter() - t
            t = time.perf_counter()
            for table, path, multiline in files:
                self._copy_file(table, path, multiline)
            self._exec("CHECKPOINT")
            phases["copy"] = time.perf_counter() - t

    @staticmethod
    def _write_csv(path: Path, names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> tuple[Path, bool]:
        """Write rows as CSV; whether some value holds a line break (then COPY must read serially)."""
        # the csv module writes None as an empty field and booleans as True/False, both of
        # which COPY reads back as null and as booleans
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(names)
            w.writerows(rows)
        # more line breaks than records means a quoted newline
        with path.open("rb") as f:
            breaks = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
        return path, breaks != len(rows) + 1

    def _copy_file(self, table: str, path: Path, multiline: bool) -> None:
        # the parallel CSV reader cannot read quoted newlines; the serial one can
        opts = "HEADER=true" + (", PARALLEL=false" if multiline else "")
        try:
            self._exec(f"COPY `{table}` FROM '{path.as_posix()}' ({opts})")
        except Exception as err:
            raise StoreError(f"embedded COPY into {table} failed: {_first_line(err)}") from None


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
