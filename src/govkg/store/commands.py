"""What ``govkg load`` and ``govkg query`` do; each returns the command's exit code.

Errors reach the user as one line on stderr with a non-zero exit: 2 for bad input (no graph,
unknown query, bad parameters), 1 for a store that is unreachable, refuses or fails.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

from govkg.errors import StoreError
from govkg.graph.schema import PropertyGraph
from govkg.settings import Settings
from govkg.store.base import LoadReport

FORMATS = ("table", "json", "csv")


def _err(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def print_report(report: LoadReport, where: str) -> None:
    """The load report: counts per label and relation, rows and rate."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"loaded into {where}")
    table.add_column("label / relation")
    table.add_column("count", justify="right")
    for name, n in report.counts.items():
        table.add_row(name, str(n))
    console = Console(stderr=True)
    console.print(table)
    rate = report.rows / report.seconds if report.seconds else 0.0
    phases = ", ".join(f"{k} {v:.2f}s" for k, v in report.phases.items())
    console.print(f"{report.rows} rows in {report.seconds:.2f}s ({rate:,.0f} rows/s)" + (f"; {phases}" if phases else ""))


def read_build(source: Path) -> tuple[dict[str, Any] | None, PropertyGraph]:
    """A build's manifest and property graph, after checking the files read against the manifest.

    ``source`` is a build folder (a switch a kill interrupted is undone first, holding the folder's
    lock so no build is switching it meanwhile) or one RDF file (no manifest: nothing to check).
    A build with property-graph tables (``govkg.graph.tables``) is read from them, a fraction of
    the time re-parsing ``graph.nt`` costs; a build from before the tables, or whose tables hold
    another schema's columns, from ``graph.nt`` (or ``graph.ttl``) and its sources.
    Raises :class:`IncompleteBuild` for a folder without a manifest or with a file that does not
    match it, :class:`Busy` while a build holds the folder, FileNotFoundError / ValueError otherwise.
    """
    from govkg.graph import buildfolder, sources, tables
    from govkg.graph.manifest import verify
    from govkg.locking import exclusive
    from govkg.store import read_built_graph

    if source.is_file():
        return None, read_built_graph(source)
    # a folder others may read but not write (nobody can switch it then) is read without the lock
    writable = os.access(source.absolute().parent, os.W_OK)
    with exclusive(source, "build") if writable else contextlib.nullcontext():
        buildfolder.recover(source)
        if not source.is_dir():
            raise FileNotFoundError(f"no build folder {source}: run `govkg build -o {source}` first")
        from govkg.graph.manifest import read_manifest

        files = read_manifest(source)["files"]
        wanted = tables.table_files()
        listed = [name for name in wanted if name in files]
        if listed:  # a build that wrote tables: one missing or damaged refuses the build
            manifest = verify(source, listed)
            if len(listed) == len(wanted) and tables.tables_match_schema(source):
                return manifest, tables.read_tables(source)
        graph_file = "graph.nt" if "graph.nt" in files else "graph.ttl"
        manifest = verify(source, [graph_file, *(n for n in sorted(files) if n.startswith(sources.SOURCES_DIR + "/"))])
        # where the graph came from: /sparql and /downloads read that folder's files (govkg.api.buildfiles)
        return {**manifest, "loaded_from": str(source.resolve())}, read_built_graph(source)


def store_lock_target(settings: Settings) -> Path:
    """What ``govkg.locking.exclusive`` locks for a load of the configured store: the embedded
    database file, or for Neo4j a file per server and database in the data folder."""
    if settings.store_kind != "neo4j":
        return Path(settings.db_path)
    import hashlib

    digest = hashlib.blake2b(f"{settings.neo4j_uri}|{settings.neo4j_database}".encode(), digest_size=8).hexdigest()
    return Path(settings.db_path).parent / f"neo4j-{digest}"


def run_load(source: Path, settings: Settings, *, replace: bool = True, allow_empty: bool = False,
             admin_import: bool = False, finish_import: bool = False) -> int:
    """Load a build's graph into the configured store and print the report.

    Refused with a one-line error (and the store untouched): a folder that is not a finished
    build or whose graph file does not match its manifest (2), a load or build of the same store
    already running (1), an empty graph over a store that has nodes unless ``allow_empty`` (1).
    ``admin_import``: into Neo4j by ``neo4j-admin database import`` (:func:`run_admin_import`), which a
    replacing load also uses unasked when the local Neo4j's home is known (``GOVKG_NEO4J_HOME``) and
    its server is down; ``finish_import``: only the indexes and load marker of a graph so imported."""
    from govkg.errors import Busy, IncompleteBuild
    from govkg.locking import exclusive
    from govkg.store import load_embedded, open_store

    try:
        manifest, graph = read_build(source)
    except (IncompleteBuild, FileNotFoundError, ValueError) as err:
        _err(str(err))
        return 2
    except Busy as err:
        _err(str(err))
        return 1
    where = settings.neo4j_uri if settings.store_kind == "neo4j" else str(settings.db_path)
    if (admin_import or finish_import) and settings.store_kind != "neo4j":
        _err("--admin-import and --finish-import are for Neo4j (pass --neo4j bolt://…); the embedded store loads by COPY")
        return 2
    if finish_import:
        return _finish_import(settings, manifest)
    if admin_import or (replace and settings.store_kind == "neo4j" and settings.neo4j_home and not _reachable(settings)):
        done = run_admin_import(source, settings, manifest, graph)
        if done is not None:
            return done
    try:
        if settings.store_kind != "neo4j":  # load_embedded takes the store's lock itself
            report = load_embedded(graph, settings.db_path, replace=replace, build=manifest, allow_empty=allow_empty)
        else:
            with exclusive(store_lock_target(settings), "load"):
                store = open_store(settings)
                try:
                    if replace and not allow_empty and not graph.nodes:
                        held = sum(store.counts().values())
                        if held:
                            raise StoreError(f"the graph in {source} is empty and would replace the {held} nodes and "
                                             f"relations at {where}: pass --allow-empty to load it anyway")
                    report = store.load(graph, replace=replace, build=manifest)
                finally:
                    store.close()
    except (StoreError, Busy) as err:
        _err(str(err))
        return 1
    print_report(report, where)
    return 0


def run_admin_import(source: Path, settings: Settings, manifest: dict[str, Any] | None,
                     graph: PropertyGraph) -> int | None:
    """Import ``graph`` with the ``neo4j-admin`` of ``settings.neo4j_home`` (the files written into
    ``<build>/neo4j-import/``, or a temporary folder for a build we may not write); the exit code,
    or None when the database is running and the caller should load over Bolt instead. A server
    already up afterwards gets the imported graph's indexes and marker at once."""
    import tempfile

    from govkg.errors import Busy
    from govkg.locking import exclusive
    from govkg.store.neo4j_import import IMPORT_DIR, DatabaseInUse, admin_import

    if not settings.neo4j_home:
        _err("--admin-import needs the local Neo4j's home folder: set GOVKG_NEO4J_HOME")
        return 2
    writable = source.is_dir() and os.access(source, os.W_OK)
    folder = source / IMPORT_DIR if writable else Path(tempfile.mkdtemp(prefix="govkg-neo4j-import-")) / IMPORT_DIR
    database = settings.neo4j_database or "neo4j"
    try:
        with exclusive(store_lock_target(settings), "load"):
            report = admin_import(graph, settings.neo4j_home, database, folder)
    except DatabaseInUse as err:
        print(f"note: {err}; loading over Bolt instead", file=sys.stderr)
        return None
    except (StoreError, Busy) as err:
        _err(str(err))
        return 1
    print_report(report, f"{settings.neo4j_home} database {database} (neo4j-admin import from {folder})")
    if _finish_import(settings, manifest, quiet=True):
        print(f"imported: start Neo4j (it serves the graph at once), then run `govkg load {source} --finish-import` "
              "to add its indexes and load marker", file=sys.stderr)
    return 0


def _reachable(settings: Settings) -> bool:
    """Whether the configured Neo4j answers over Bolt (a server that is down cannot hold its database)."""
    from govkg.store import open_store

    try:
        open_store(settings).close()
    except StoreError:
        return False
    return True


def _finish_import(settings: Settings, manifest: dict[str, Any] | None, quiet: bool = False) -> int:
    """Add the indexes and marker to an imported graph over Bolt; 1 when the server cannot be reached."""
    from govkg.store import open_store

    try:
        store = open_store(settings)
        try:
            counts = store.finish_import(manifest)
        finally:
            store.close()
    except StoreError as err:
        if not quiet:
            _err(str(err))
        return 1
    print(f"indexes and load marker added at {settings.neo4j_uri}: {sum(counts.values())} nodes and relations",
          file=sys.stderr)
    return 0


def load_into_embedded(graph: PropertyGraph | None, settings: Settings, build_folder: Path | None = None) -> int:
    """After ``govkg build``: replace the embedded store's content with the graph just built
    (an empty one too: the build already decided to keep it), with the folder's manifest.
    ``graph`` None: the build was kept as it was (``BuildReport.unchanged``); its tables are loaded unless the
    store holds that build already."""
    from govkg.errors import Busy, IncompleteBuild
    from govkg.graph.manifest import read_manifest
    from govkg.store import load_embedded

    try:
        manifest = read_manifest(build_folder) if build_folder is not None else None
        if manifest is not None:  # where the graph came from (govkg.api.buildfiles)
            manifest = {**manifest, "loaded_from": str(Path(build_folder).resolve())}
    except IncompleteBuild:
        manifest = None
    try:
        if graph is None:
            from govkg.graph.tables import read_tables

            if manifest is not None and _holds(settings.db_path, manifest):
                print(f"{settings.db_path} holds this build already: not loaded again", file=sys.stderr)
                return 0
            assert build_folder is not None
            graph = read_tables(build_folder)
        report = load_embedded(graph, settings.db_path, build=manifest)
    except (StoreError, Busy) as err:
        _err(str(err))
        return 1
    print_report(report, str(settings.db_path))
    return 0


def _holds(db_path: Path, manifest: dict[str, Any]) -> bool:
    """Whether the embedded store at ``db_path`` was loaded last from this build (same manifest, same folder)."""
    from govkg.store.ladybug import LadybugStore

    if not Path(db_path).exists():
        return False
    try:
        store = LadybugStore(db_path, read_only=True)
        try:
            loaded = store.loaded_build()
        finally:
            store.close()
    except (StoreError, RuntimeError, OSError):  # a file it cannot open or read: load it again
        return False
    return loaded is not None and loaded.get("manifest") == manifest


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["k=v", …]`` → ``{k: v}``; raises ValueError on a pair without ``=``."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param expects key=value, got {pair!r}")
        out[key.strip()] = value
    return out


def format_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str) -> str:
    """Rows as a table, JSON (a list of objects) or CSV with a header."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_cell(r.get(c)) for c in columns] for r in rows])
        return buf.getvalue().rstrip("\n")
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, caption=f"{len(rows)} row(s)")
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in columns))
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text().rstrip("\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def run_query_command(name: str, pairs: list[str], settings: Settings, fmt: str = "table") -> int:
    """Run a canned query on the configured store and print its rows; how each name given for an
    entity resolved goes to stderr, and a name that resolves to no single node is an ``error:``
    line with the closest names (exit 2)."""
    from govkg.errors import QueryError
    from govkg.queries import get_query
    from govkg.store import open_store
    from govkg.store.resolve import answer

    if fmt not in FORMATS:
        _err(f"unknown format {fmt!r}: expected {', '.join(FORMATS)}")
        return 2
    try:
        query = get_query(name)
        given = parse_params(pairs)
        query.bind(given)  # malformed parameters fail before the store is opened
    except (QueryError, ValueError) as err:
        _err(str(err))
        return 2
    try:
        store = open_store(settings, read_only=True)
        try:
            done = answer(store, query, given)
        finally:
            store.close()
    except QueryError as err:
        _err(str(err))
        return 2
    except StoreError as err:
        _err(str(err))
        return 1
    for param, resolved in done.resolved.items():
        if resolved.how != "id":
            print(resolved.line(param), file=sys.stderr)
    print(format_rows(done.rows, query.columns, fmt))
    return 0
