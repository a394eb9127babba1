"""First loads of a large graph into a local Neo4j by ``neo4j-admin database import full``.

The Bolt bulk load sends every row through transactions; ``neo4j-admin`` writes the store files
directly from CSV, many times faster, but only into a database that is new or stopped, on the
machine whose Neo4j home (``GOVKG_NEO4J_HOME``) holds it. :func:`write_import_files` writes the
rows both stores load (``govkg.store.rows.TableStream``: the same de-duplicated rows, so the
same counts) in the layout the importer reads: per label a header file
(``id:ID(Body),name:string,…,:LABEL``) and a data file, per relation type a header
(``:START_ID(Person),:END_ID(Body),role:string,line:long,…,key:string,:TYPE``) and a data file;
ids live in one id space per label. The imported graph has our plain labels (generation 0 of
``govkg.store.generations``), so the API serves it as it serves a Bolt-loaded one;
:meth:`govkg.store.neo4j.Neo4jStore.finish_import` then adds the constraints, indexes and
load marker a Bolt load makes, and the next replacing Bolt load retires it like any generation.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from govkg.errors import StoreError
from govkg.graph.schema import BOOL, INT, NODES, RELS, STRING, PropertyGraph
from govkg.store.base import LoadReport
from govkg.store.rows import KEY, TableStream, edge_key

IMPORT_DIR = "neo4j-import"  # inside a build folder
_TYPES = {STRING: "string", INT: "long", BOOL: "boolean"}


def header(table: str) -> list[str]:
    """The header fields of a label's or relation type's import file."""
    if table in NODES:
        cols = list(NODES[table].columns.items())
        return [f"id:ID({table})", *(f"{c}:{_TYPES[t]}" for c, t in cols[1:]), ":LABEL"]
    rel = RELS[table]
    return [f":START_ID({rel.src})", f":END_ID({rel.dst})", *(f"{c}:{_TYPES[t]}" for c, t in rel.columns.items()),
            f"{KEY}:string", ":TYPE"]


def _field(value: Any) -> str:
    # a missing value is an empty unquoted field (no property); every string is quoted, so an
    # empty or multi-line string, a comma or a quote inside it reads back as it was
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace('"', '""') + '"'


def write_import_files(graph: PropertyGraph, folder: str | Path) -> dict[str, int]:
    """Write the import files of ``graph`` into ``folder`` (replaced whole); rows per label and type."""
    target = Path(folder)
    staging = target.with_name(f".{target.name}.writing-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    written: dict[str, int] = {}
    try:
        for table, rows in TableStream(graph):
            (staging / f"{table}.header.csv").write_text(",".join(header(table)) + "\n", encoding="utf-8")
            with open(staging / f"{table}.csv", "w", encoding="utf-8", newline="") as out:
                if table in NODES:
                    tail = "," + _field(table) + "\n"
                    out.writelines(",".join(map(_field, r)) + tail for r in rows)
                else:
                    tail = "," + _field(table) + "\n"
                    out.writelines(",".join(map(_field, r)) + "," + _field(edge_key(r[0], r[1], r[2:])) + tail
                                   for r in rows)
            written[table] = len(rows)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


def import_command(admin: str | Path, database: str, folder: str | Path) -> list[str]:
    """The ``neo4j-admin database import full`` command line for the files in ``folder``."""
    folder = Path(folder).absolute()

    def files(table: str) -> str:
        return f"{folder / (table + '.header.csv')},{folder / (table + '.csv')}"

    return [str(admin), "database", "import", "full", database or "neo4j", "--overwrite-destination=true",
            "--multiline-fields=true", f"--report-file={folder / 'import.report'}",  # not into the working folder
            *(f"--nodes={files(label)}" for label in NODES),
            *(f"--relationships={files(rel)}" for rel in RELS)]


def admin_path(home: str | Path) -> Path:
    """``bin/neo4j-admin`` of a Neo4j home; StoreError when there is none."""
    admin = Path(home) / "bin" / "neo4j-admin"
    if not os.access(admin, os.X_OK):
        raise StoreError(f"no neo4j-admin in {Path(home) / 'bin'}: GOVKG_NEO4J_HOME must be a Neo4j home folder")
    return admin


IN_USE = ("in use", "is locked", "lock file", "already running")  # neo4j-admin's words for a running database


def admin_import(graph: PropertyGraph, home: str | Path, database: str, folder: str | Path,
                 timeout: float = 3600) -> LoadReport:
    """Write the import files into ``folder`` and run ``neo4j-admin database import full`` of the
    Neo4j at ``home`` on them (replacing ``database``, which must be stopped or new).

    Raises :class:`DatabaseInUse` when the importer finds the database running (the caller may
    load over Bolt instead), :class:`~govkg.errors.StoreError` with the importer's last line otherwise."""
    start = time.perf_counter()
    admin = admin_path(home)
    t = time.perf_counter()
    written = write_import_files(graph, folder)
    phases = {"write csv": time.perf_counter() - t}
    t = time.perf_counter()
    env = {**os.environ, "NEO4J_HOME": str(Path(home).absolute())}
    try:
        done = subprocess.run(import_command(admin, database, folder), capture_output=True, text=True, env=env,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise StoreError(f"neo4j-admin import took over {timeout:.0f}s") from None
    phases["neo4j-admin import"] = time.perf_counter() - t
    if done.returncode != 0:
        lines = [ln.strip() for ln in (done.stderr + done.stdout).splitlines() if ln.strip()]
        reason = next((ln for ln in reversed(lines) if any(w in ln.lower() for w in IN_USE)), None)
        if reason:
            raise DatabaseInUse(f"neo4j-admin cannot import into {database or 'neo4j'}: {reason}")
        raise StoreError(f"neo4j-admin import failed: {lines[-1] if lines else f'exit {done.returncode}'}")
    return LoadReport(counts=written, rows=sum(written.values()), seconds=time.perf_counter() - start, phases=phases)


class DatabaseInUse(StoreError):
    """The database to import into is running: stop it, or load over Bolt."""


__all__ = ["IMPORT_DIR", "header", "write_import_files", "import_command", "admin_path", "admin_import",
           "DatabaseInUse"]
