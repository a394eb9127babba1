"""Load throughput of both stores, on the corpus graph and on a synthetic graph of the corpus's shape.

    .venv/bin/python bench/load_bench.py [--rows 1000000] [--neo4j bolt://…] [--batch-size 5000]
                                         [--skip-neo4j] [--skip-ladybug] [--skip-synthetic]

Rows = nodes + relationships after de-duplication; seconds cover the whole ``store.load``
(de-duplication, files or batches, the load itself and the count check). Targets from issue #4.
Without ``--neo4j`` (or GOVKG_NEO4J_URI) a server is started from devtools/neo4j-launcher.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time

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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="size of the synthetic graph (nodes + edges)")
    ap.add_argument("--neo4j", default=os.environ.get("GOVKG_NEO4J_URI"), help="bolt URI of a server to use")
    ap.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    ap.add_argument("--skip-neo4j", action="store_true")
    ap.add_argument("--skip-ladybug", action="store_true")
    ap.add_argument("--skip-synthetic", action="store_true")
    args = ap.parse_args()

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
