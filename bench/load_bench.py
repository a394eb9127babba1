"""Load throughput of both stores, on the corpus graph and on a synthetic graph of the corpus's shape.

    .venv/bin/python bench/load_bench.py [--rows 1000000] [--neo4j bolt://…] [--batch-size 5000]
                                         [--skip-neo4j] [--skip-ladybug] [--skip-synthetic]
    .venv/bin/python bench/load_bench.py --build DIR [--rounds 3] [--neo4j bolt://…] [--skip-neo4j]
    .venv/bin/python bench/load_bench.py --build DIR --admin-import

Rows = nodes + relationships after de-duplication; seconds cover the whole ``store.load``
(de-duplication, files or batches, the load itself and the count check). Targets from issue #4.
Without ``--neo4j`` (or GOVKG_NEO4J_URI) a server is started from devtools/neo4j-launcher.

``--build DIR`` times the whole ``govkg load`` command (a fresh process: reading and checking the
build, then the store's load) on a build folder, side by side in alternating rounds: from the
build's property-graph tables, and from ``graph.nt`` as every load did before the tables (a copy of
the build without them, ``devtools.builds.without_tables``: the fallback path of old builds).
With ``--admin-import`` it times instead a first load into Neo4j by ``govkg load --admin-import``
(into a new home from ``devtools.neo4j.make_home``), then a server started over it and
``--finish-import``, against a Bolt load of the same build into a fresh launcher server.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from store_fixtures import corpus_graph, fresh_db_path, neo4j, synthetic

from govkg.settings import DEFAULT_BATCH_SIZE

TARGETS = {"neo4j": 50_000, "ladybug": 300_000}  # rows/s


def line(store: str, graph: str, rows: int, seconds: float, note: str = "", phases: dict | None = None) -> None:
    rate = rows / seconds if seconds else 0.0
    target = TARGETS[store]
    verdict = "meets" if rate >= target else "below"
    print(f"{store:8} {graph:24} {rows:>9,} rows {seconds:8.2f}s {rate:>11,.0f} rows/s   "
          f"target ≥ {target:,} rows/s ({verdict}){note}", flush=True)
    if phases:
        print(" " * 9 + "phases: " + ", ".join(f"{k} {v:.2f}s" for k, v in phases.items()), flush=True)


def bench_ladybug(name: str, graph) -> None:
    from govkg.store.ladybug import LadybugStore

    with tempfile.TemporaryDirectory() as tmp:
        store = LadybugStore(fresh_db_path(tmp))
        first = store.load(graph)
        line("ladybug", name, first.rows, first.seconds, phases=first.phases)
        engine = first.phases.get("copy", 0.0) + first.phases.get("checkpoint", 0.0)
        if engine:  # the engine's share; Python's preparing and writing overlaps the copying
            line("ladybug", name + " (engine only)", first.rows, engine)
        again = store.load(graph)
        line("ladybug", name + " again", again.rows, again.seconds,
             "  same counts" if again.counts == first.counts else "  COUNTS DIFFER", again.phases)
        store.close()


def bench_neo4j(name: str, graph, server: tuple[str, str, str], batch_size: int) -> None:
    from govkg.store.neo4j import Neo4jStore

    store = Neo4jStore(*server, batch_size=batch_size)
    store.clear()
    # a replacing load is a bulk load into emptied labels; the first one on a freshly started
    # server also pays for the JVM compiling Neo4j's code paths, so it is timed apart from a
    # second load into the emptied database, which is what a long-running server sees
    first = store.load(graph)
    line("neo4j", name + " (cold server)", first.rows, first.seconds, f"  batch {batch_size}", first.phases)
    t = time.perf_counter()
    store.clear()
    print(f"neo4j    {name + ' cleared':24} in {time.perf_counter() - t:.2f}s", flush=True)
    again = store.load(graph)
    line("neo4j", name + " load again", again.rows, again.seconds,
         "  same counts" if again.counts == first.counts else "  COUNTS DIFFER", again.phases)
    t = time.perf_counter()
    merged = store.load(graph, replace=False)  # idempotent merge over what is there
    line("neo4j", name + " merge again", merged.rows, time.perf_counter() - t,
         "  same counts" if merged.counts == first.counts else "  COUNTS DIFFER")
    store.clear()
    store.close()


def bench_build(build: Path, rounds: int, neo4j_server: tuple[str, str, str] | None) -> None:
    """``govkg load`` of ``build`` from its tables and from graph.nt, alternating, on each store."""
    from devtools.builds import without_tables

    govkg = str(Path(sys.executable).parent / "govkg")
    with tempfile.TemporaryDirectory(prefix="govkg-loadbench-") as tmp:
        old = without_tables(build, Path(tmp) / "without-tables")
        stores = [("ladybug", [])]
        if neo4j_server:
            uri, user, password = neo4j_server
            stores.append(("neo4j", ["--neo4j", uri, "--user", user, "--password", password]))
        for store, flags in stores:
            times: dict[str, list[float]] = {"graph.nt": [], "tables": []}
            for r in range(rounds):
                for name, folder in (("graph.nt", old), ("tables", build)):
                    db = Path(tmp) / f"{store}-{name}-{r}.lbdb"
                    t = time.perf_counter()
                    done = subprocess.run([govkg, "load", str(folder), "--db", str(db), *flags],
                                          capture_output=True, text=True)
                    times[name].append(time.perf_counter() - t)
                    if done.returncode:
                        raise SystemExit(f"govkg load {folder} failed: {done.stderr.strip().splitlines()[-1]}")
                    rows = next((ln for ln in done.stderr.splitlines() if "rows in" in ln), "").strip()
                    print(f"{store:8} round {r + 1} from {name:9} {times[name][-1]:7.2f}s   {rows}", flush=True)
            old_s, new_s = min(times["graph.nt"]), min(times["tables"])
            print(f"{store:8} govkg load, best of {rounds}: graph.nt {old_s:.2f}s, tables {new_s:.2f}s: "
                  f"{old_s / new_s:.1f}x faster (target ≥ 5x: {'meets' if old_s / new_s >= 5 else 'below'}); "
                  f"per round {', '.join(f'{a / b:.1f}x' for a, b in zip(times['graph.nt'], times['tables']))}",
                  flush=True)


def bench_admin_import(build: Path) -> None:
    """A first Neo4j load of ``build`` by neo4j-admin import (+ finish) against one over Bolt."""
    from devtools import neo4j as launcher

    govkg = str(Path(sys.executable).parent / "govkg")

    def timed(*args: str, **env: str) -> float:
        t = time.perf_counter()
        done = subprocess.run([govkg, "load", str(build), *args], capture_output=True, text=True,
                              env={**os.environ, **env})
        if done.returncode:
            raise SystemExit(f"govkg load {' '.join(args)} failed: {done.stderr.strip().splitlines()[-1]}")
        return time.perf_counter() - t

    with tempfile.TemporaryDirectory(prefix="govkg-adminbench-") as tmp:
        home = launcher.make_home(Path(tmp) / "home")
        imported = timed("--admin-import", "--neo4j", "bolt://127.0.0.1:9", GOVKG_NEO4J_HOME=str(home))
        proc, uri = launcher.start(home=home)
        try:
            finished = timed("--finish-import", "--neo4j", uri)
        finally:
            launcher.stop(proc)
        proc, uri = launcher.start()
        try:
            bolt = timed("--neo4j", uri)
        finally:
            launcher.stop(proc)
    print(f"neo4j    first load by neo4j-admin import {imported:.2f}s + finish (indexes, marker) {finished:.2f}s "
          f"= {imported + finished:.2f}s; over Bolt {bolt:.2f}s: {bolt / (imported + finished):.1f}x", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="size of the synthetic graph (nodes + edges)")
    ap.add_argument("--neo4j", default=os.environ.get("GOVKG_NEO4J_URI"), help="bolt URI of a server to use")
    ap.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    ap.add_argument("--skip-neo4j", action="store_true")
    ap.add_argument("--skip-ladybug", action="store_true")
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--build", type=Path, help="time govkg load of this build folder: tables against graph.nt")
    ap.add_argument("--rounds", type=int, default=3, help="with --build: alternating rounds")
    ap.add_argument("--admin-import", action="store_true", help="with --build: neo4j-admin import against Bolt")
    args = ap.parse_args()
    if args.build and args.admin_import:
        bench_admin_import(args.build)
        return
    if args.build:
        if args.skip_neo4j:
            bench_build(args.build, args.rounds, None)
        else:
            with neo4j(args.neo4j) as server:
                bench_build(args.build, args.rounds, server)
        return

    t = time.perf_counter()
    sum(range(30_000_000))
    print(f"# machine speed: sum(range(3e7)) in {time.perf_counter() - t:.2f}s "
          "(compare runs by it: a shared machine's speed varies by a third over an hour)", flush=True)
    t = time.perf_counter()
    graphs = {"corpus": corpus_graph()}
    print(f"# corpus graph built in {time.perf_counter() - t:.1f}s: {len(graphs['corpus'].nodes)} nodes, "
          f"{len(graphs['corpus'].edges)} edges", flush=True)
    if not args.skip_synthetic:
        t = time.perf_counter()
        graphs[f"synthetic {args.rows // 1000}k"] = g = synthetic(args.rows)
        print(f"# synthetic graph generated in {time.perf_counter() - t:.1f}s: {len(g.nodes)} nodes, "
              f"{len(g.edges)} edges", flush=True)
    for name, graph in graphs.items():
        if not args.skip_ladybug:
            bench_ladybug(name, graph)
    if not args.skip_neo4j:
        with neo4j(args.neo4j) as server:
            for name, graph in graphs.items():
                bench_neo4j(name, graph, server, args.batch_size)


if __name__ == "__main__":
    main()
