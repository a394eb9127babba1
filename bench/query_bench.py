"""Latency of every canned query on both stores, on the corpus graph (and optionally a synthetic one).

    .venv/bin/python bench/query_bench.py [--rows 0] [--repeat 20] [--neo4j bolt://…] [--skip-neo4j]

Parameters come from ``govkg.queries.sample_params`` (the busiest node of each kind). Each query
runs once to warm up, then ``--repeat`` times; the median and the slowest run are printed beside
the target (median ≤ 50 ms on the corpus, ≤ 1 s on the synthetic graph).
"""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

from store_fixtures import corpus_graph, fresh_db_path, neo4j, synthetic

TARGET_MS = {"corpus": 50, "synthetic": 1000}


def bench_store(store_name: str, store, graph_name: str, params: dict, repeat: int) -> None:
    from govkg.queries import load_queries, run_query

    target = TARGET_MS["corpus" if graph_name == "corpus" else "synthetic"]
    for name, q in load_queries().items():
        given = {p.name: params[p.name] for p in q.params}
        rows = run_query(store, q, given)  # warm-up
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            run_query(store, q, given)
            times.append((time.perf_counter() - t) * 1000)
        med = statistics.median(times)
        verdict = "meets" if med <= target else "below"
        print(f"{store_name:8} {graph_name:16} {name:24} {len(rows):>5} rows  median {med:8.2f} ms  "
              f"max {max(times):8.2f} ms   target ≤ {target} ms ({verdict})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=0, help="also a synthetic graph of this many rows (0: none)")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--neo4j", default=os.environ.get("GOVKG_NEO4J_URI"))
    ap.add_argument("--skip-neo4j", action="store_true")
    args = ap.parse_args()

    from govkg.queries import sample_params
    from govkg.store.ladybug import LadybugStore
    from govkg.store.neo4j import Neo4jStore

    graphs = {"corpus": corpus_graph()}
    if args.rows:
        graphs[f"synthetic {args.rows // 1000}k"] = synthetic(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        for graph_name, graph in graphs.items():
            store = LadybugStore(fresh_db_path(tmp))
            store.load(graph)
            bench_store("ladybug", store, graph_name, sample_params(graph), args.repeat)
            store.close()
    if args.skip_neo4j:
        return
    with neo4j(args.neo4j) as server:
        store = Neo4jStore(*server)
        for graph_name, graph in graphs.items():
            store.load(graph)
            bench_store("neo4j", store, graph_name, sample_params(graph), args.repeat)
        store.clear()
        store.close()


if __name__ == "__main__":
    main()
