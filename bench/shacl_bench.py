"""SHACL engines side by side on built graphs: seconds (best of N) and peak RSS, one fresh process per run.

    .venv/bin/python bench/shacl_bench.py /tmp/h3b/graph.nt /tmp/h3b16/graph.nt [--repeat 3] [--engines a,b]

For each N-Triples file and each engine, a child process validates it against the package shapes and
reports: ``parse`` (pyshacl: rdflib parsing the file into a Graph, what the build has already paid;
pyrudof: reading the file into its store), ``validate`` (the engine alone; for ``-parts``,
``govkg.graph.validate.check_nt`` splitting the file into parts of ``PART_BYTES`` and validating each),
the verdict, the number of results and the child's peak RSS. A fresh process per run so that one
engine's memory does not count for the other, and the runs alternate between the engines so that load
on the shared machine falls on both. ``--profile`` prints pyshacl's top functions by cumulative time
on the first file instead. ``--split`` prints how ``govkg.graph.shacl_split`` cuts each file into parts of
``PART_BYTES`` (as the build does): the parts' lines, the file's, and the lines copied into parts besides
(the types of the nodes a part points at, which another part holds).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ENGINES = ("pyshacl", "pyrudof", "pyshacl-parts", "pyrudof-parts")


def _child(engine: str, path: Path) -> dict:
    """One validation in this process: the timings, the verdict and the peak RSS."""
    from govkg.resources import SHAPES_PATH

    t0 = time.perf_counter()
    if engine.endswith("-parts"):  # govkg.graph.validate.check_nt: the split into ~16 MB parts, then each part
        from govkg.graph.validate import check_nt

        t1 = t0
        conforms, found = check_nt(path, engine=engine.removesuffix("-parts"))
        results = len(found)
    elif engine == "pyshacl":
        from pyshacl import validate
        from rdflib import Graph

        graph = Graph().parse(path, format="nt")
        shapes = Graph().parse(SHAPES_PATH)
        t1 = time.perf_counter()
        conforms, report, _ = validate(graph, shacl_graph=shapes, inference="none", advanced=False,
                                       allow_warnings=True)
        from rdflib.namespace import RDF, SH
        results = len(set(report.subjects(RDF.type, SH.ValidationResult)))
    else:
        import pyrudof

        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_shacl(str(SHAPES_PATH))
        rudof.read_data(path, pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict)
        t1 = time.perf_counter()
        report = rudof.validate_shacl(pyrudof.ShaclValidationMode.Native)
        conforms, results = report.conforms, len(report)
    t2 = time.perf_counter()
    return {"parse": t1 - t0, "validate": t2 - t1, "conforms": bool(conforms), "results": results,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _profile(path: Path) -> None:
    import cProfile
    import pstats

    from rdflib import Graph

    from govkg.graph.validate import validate

    graph = Graph().parse(path, format="nt")
    prof = cProfile.Profile()
    prof.runcall(validate, graph, engine="pyshacl")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def _split(path: Path) -> None:
    import tempfile

    from govkg.graph import validate
    from govkg.graph.shacl_split import split

    parts = validate.part_count(path.stat().st_size)
    with tempfile.TemporaryDirectory() as folder:
        done = split([path], parts, Path(folder))
        files = done[0] if isinstance(done, tuple) else done  # before 2026-12-03 split gave the files alone
        lines = [sum(1 for _ in f.open("rb")) for f in files]
    graph = sum(1 for _ in path.open("rb"))
    print(f"{path}: {parts} parts, {sum(lines)} lines in them ({min(lines)}-{max(lines)} a part), "
          f"{graph} in the file, {sum(lines) - graph} copied")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--split", action="store_true", help="how each file is cut into parts, instead of timings")
    ap.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, of " + ", ".join(ENGINES))
    ap.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.files[0])))
        return
    if args.profile:
        _profile(args.files[0])
        return
    if args.split:
        for path in args.files:
            _split(path)
        return
    print(f"{'file':<28} {'triples':>9} {'engine':<14} {'parse s':>8} {'validate s':>10} {'peak RSS MB':>11} verdict")
    for path in args.files:
        triples = sum(1 for _ in path.open("rb"))
        engines = [e for e in args.engines.split(",") if e in ENGINES]
        runs: dict[str, list[dict]] = {e: [] for e in engines}
        for _ in range(args.repeat):
            for engine in engines:
                out = subprocess.run([sys.executable, __file__, str(path), "--child", engine], check=True,
                                     capture_output=True, text=True).stdout
                runs[engine].append(json.loads(out))
        for engine, rs in runs.items():
            best = min(rs, key=lambda r: r["validate"])
            verdict = "conforms" if best["conforms"] else f"does not conform ({best['results']} results)"
            print(f"{str(path)[-28:]:<28} {triples:>9} {engine:<14} {min(r['parse'] for r in rs):>8.2f} "
                  f"{best['validate']:>10.2f} {max(r['rss_mb'] for r in rs):>11.0f} {verdict}")


if __name__ == "__main__":
    main()
