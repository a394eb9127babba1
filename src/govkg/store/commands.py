"""What ``govkg load`` and ``govkg query`` do; each returns the command's exit code.

Errors reach the user as one line on stderr with a non-zero exit: 2 for bad input (no graph,
unknown query, bad parameters), 1 for a store that is unreachable, refuses or fails.
"""
from __future__ import annotations

import csv
import io
import json
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


def run_load(source: Path, settings: Settings, *, replace: bool = True) -> int:
    """Load a build's graph into the configured store and print the report."""
    from govkg.store import load_embedded, open_store, read_built_graph

    try:
        graph = read_built_graph(source)
    except (FileNotFoundError, ValueError) as err:
        _err(str(err))
        return 2
    where = settings.neo4j_uri if settings.store_kind == "neo4j" else str(settings.db_path)
    try:
        if replace and settings.store_kind != "neo4j":
            report = load_embedded(graph, settings.db_path)  # the old graph stays until the new one is complete
        else:
            store = open_store(settings)
            try:
                report = store.load(graph, replace=replace)
            finally:
                store.close()
    except StoreError as err:
        _err(str(err))
        return 1
    print_report(report, where)
    return 0


def load_into_embedded(graph: PropertyGraph, settings: Settings) -> int:
    """After ``govkg build``: replace the embedded store's content with the graph just built."""
    from govkg.store import load_embedded

    try:
        report = load_embedded(graph, settings.db_path)
    except StoreError as err:
        _err(str(err))
        return 1
    print_report(report, str(settings.db_path))
    return 0


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
