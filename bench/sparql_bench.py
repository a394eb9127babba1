"""Benchmark: ``/sparql`` latency for the page's example queries, and pyoxigraph against rdflib at
parsing and serialising the built corpus graph (N-Triples, Turtle).

A real ``govkg serve`` process is started on 127.0.0.1 over a build folder: ``--build DIR`` (an
existing, loaded build; its store is GOVKG_DB_PATH or ``--db``), else the corpus is built and loaded
into a temporary folder first. Each example query is asked ``--requests`` times by one client
(sequential: the latency of one researcher's query, not throughput), as JSON; then the parse and
serialise rates are measured in this process on the build's ``graph.nt`` and ``graph.ttl``.

    .venv/bin/python bench/sparql_bench.py [--build DIR --db PATH] [--requests 50]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_corpus(tmp: Path) -> tuple[Path, Path]:
    out, db = tmp / "build", tmp / "graph.lbdb"
    subprocess.run([sys.executable, "-m", "govkg.cli", "build", str(ROOT / "corpus"), "--out", str(out), "--no-shacl"],
                   cwd=ROOT, check=True, capture_output=True, env={**os.environ, "GOVKG_DB_PATH": str(db)})
    return out, db


def endpoint_latency(base: str, requests: int) -> list[tuple[str, int, float, float, float]]:
    """(example, rows, first answer ms, p50 ms, p95 ms) per example query."""
    from govkg.api.routers.sparql import examples

    out = []
    with httpx.Client(base_url=base, timeout=60, headers={"accept": "application/sparql-results+json"}) as c:
        for ex in examples():
            times = []
            rows = 0
            for i in range(requests + 1):
                t = time.perf_counter()
                r = c.post("/sparql", data={"query": ex.query})
                times.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
                rows = len(r.json()["results"]["bindings"])
            first, rest = times[0], sorted(times[1:])
            out.append((ex.name, rows, first, statistics.median(rest), rest[int(0.95 * (len(rest) - 1))]))
    return out


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def rates(build: Path) -> list[tuple[str, str, float, float, int]]:
    """(library, format, parse s, serialise s, triples) on the build's graph files."""
    import pyoxigraph as ox
    from rdflib import Graph

    out = []
    for fmt, name, ox_fmt, rdflib_fmt in (("N-Triples", "graph.nt", ox.RdfFormat.N_TRIPLES, "nt"),
                                          ("Turtle", "graph.ttl", ox.RdfFormat.TURTLE, "turtle")):
        path = build / name
        store = ox.Store()
        store.load(path=str(path), format=ox_fmt)
        parse = _best(lambda: ox.Store().load(path=str(path), format=ox_fmt))
        ser = _best(lambda: store.dump(format=ox_fmt, from_graph=ox.DefaultGraph()))
        out.append(("pyoxigraph", fmt, parse, ser, len(store)))
        g = Graph().parse(path, format=rdflib_fmt)
        parse = _best(lambda: Graph().parse(path, format=rdflib_fmt), repeat=2)
        ser = _best(lambda: g.serialize(format=rdflib_fmt), repeat=2)
        out.append(("rdflib", fmt, parse, ser, len(g)))
        from govkg.graph.export import sorted_ntriples, write_turtle

        with tempfile.TemporaryDirectory(prefix="govkg-sparql-bench-") as tmp:
            # what govkg build writes: graph.nt sorted from rdflib's graph, graph.ttl streamed from graph.nt
            ours = ((lambda: sorted_ntriples(g)) if fmt == "N-Triples"
                    else (lambda: write_turtle(build / "graph.nt", Path(tmp) / "graph.ttl")))
            out.append(("govkg.graph.export", fmt, float("nan"), _best(ours, repeat=2), len(g)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", help="an existing build folder (loaded into --db / GOVKG_DB_PATH)")
    ap.add_argument("--db", help="the embedded store the build was loaded into")
    ap.add_argument("--requests", type=int, default=50)
    args = ap.parse_args()
    from tests.api.live import live_server

    with tempfile.TemporaryDirectory(prefix="govkg-sparql-bench-") as tmp:
        if args.build:
            build, db = Path(args.build), Path(args.db or os.environ.get("GOVKG_DB_PATH", ".govkg/graph.lbdb"))
        else:
            t = time.perf_counter()
            build, db = build_corpus(Path(tmp))
            print(f"built and loaded the corpus in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        with live_server(db, GOVKG_BUILD_DIR=str(build.resolve())) as base:
            lat = endpoint_latency(base, args.requests)
        print(f"/sparql latency, one client, {args.requests} requests each after the first (ms):")
        print(f"| query | rows | first | p50 | p95 |\n|---|---|---|---|---|")
        for name, rows, first, p50, p95 in lat:
            print(f"| {name} | {rows} | {first:.1f} | {p50:.1f} | {p95:.1f} |")
        print("\nparse and serialise the corpus graph (best of 3; rdflib best of 2):")
        print("| library | format | triples | parse s | triples/s | serialise s | triples/s |\n|---|---|---|---|---|---|---|")
        for lib, fmt, parse, ser, n in rates(build):
            p = "–" if parse != parse else f"{parse:.3f} | {n / parse:,.0f}"
            print(f"| {lib} | {fmt} | {n} | {p if parse == parse else '– | –'} | {ser:.3f} | {n / ser:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
