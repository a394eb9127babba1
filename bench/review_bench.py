"""What applying review judgements costs a build: ``apply_judgements`` on the built RDF of a facts file.

    .venv/bin/python bench/review_bench.py [FACTS] [--judgements N]

Builds the graph of FACTS (default: the sample corpus extracted), then applies N judgements drawn from it
(a third ``wrong`` memberships, a third ``same`` agency pairs, a third ``right`` memberships), each on a
fresh copy of the graph, best of three; prints graph size, judgements applied and seconds.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    from govkg.facts import read_facts
    from govkg.graph.judgements import make
    from govkg.graph.pg import property_graph
    from govkg.graph.rdf import build_graph
    from govkg.graph.review import apply_judgements

    ap = argparse.ArgumentParser()
    ap.add_argument("facts", nargs="?")
    ap.add_argument("--judgements", type=int, default=300)
    args = ap.parse_args()
    if args.facts:
        facts = read_facts(args.facts)
    else:
        from govkg.extract.pipeline import corpus_paths, extract_files

        facts = extract_files(corpus_paths(ROOT / "corpus")).facts
    graph = build_graph(facts).graph
    pg = property_graph(graph)
    rng = random.Random(12)
    members = [e for e in pg.edges if e.type == "MEMBER_OF"]
    agencies = [n.id for n in pg.nodes if n.label == "Agency"]
    n = args.judgements // 3
    js = [make("wrong", {"edge": "MEMBER_OF", "src": e.src, "dst": e.dst, "role": e.props["role"], "doc": e.props["doc"]})
          for e in rng.sample(members, min(n, len(members)))]
    js += [make("right", {"edge": "MEMBER_OF", "src": e.src, "dst": e.dst}) for e in rng.sample(members, min(n, len(members)))]
    js += [make("same", {"entity": a}, other=b) for a, b in zip(rng.sample(agencies, n), rng.sample(agencies, n)) if a != b]
    best = float("inf")
    for _ in range(3):
        g = Graph()
        for t in graph:
            g.add(t)
        t0 = time.perf_counter()
        report = apply_judgements(g, js)
        best = min(best, time.perf_counter() - t0)
    print(f"{len(facts)} facts, {len(graph)} triples; {len(js)} judgements: {len(report.applied)} applied, "
          f"{len(report.unmatched)} unmatched, {len(report.conflicts)} conflicts; apply {best:.3f} s (best of 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
