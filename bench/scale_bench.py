"""Benchmark: `govkg build` on synthetic corpora of growing size — wall time, peak RSS, MB/s.

Each size is N copies of the sample corpus made by `bench/synth_corpus.py` (nothing merges across
copies); each build is a fresh `govkg build --no-load` process, measured with `wait4` (the peak RSS of
its largest process, not the benchmark's) and by sampling the summed RSS of its process tree ("tree GB":
the build with its extraction workers and its SHACL process, psutil). With `--workers 1 2` every size is built once per worker count (only
if `govkg build` has `--workers`), and the outputs of the worker counts are compared byte for byte.
Targets (issue 13) are printed beside the figures with ok / MISSED; nothing is asserted.

    .venv/bin/python bench/scale_bench.py [--sizes 1 4 16 64] [--workers 1 2] [--no-shacl] [--keep DIR]
"""
from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synth_corpus import write as write_corpus  # noqa: E402

GOVKG = [sys.executable, "-m", "govkg.cli"]
TARGET_RSS_64 = 1.0        # GB, peak RSS of the 64x build
TARGET_RSS_GROWTH = 1.5    # RSS(64x) / RSS(4x)
TARGET_WALL_64_W2 = 90.0   # s, 64x with --workers 2
TARGET_SPEEDUP = 1.7       # extraction, 1 -> 2 workers
TARGET_ADD_ONE = 0.15      # rebuild after adding one file / full build, 16x
COMPARED = ("facts.jsonl", "graph.nt", "graph.ttl", "graph.jsonld", "graph.graphml", "graph.gexf", "nodes.csv", "edges.csv")


def has_workers() -> bool:
    out = subprocess.run([*GOVKG, "build", "--help"], capture_output=True, text=True, cwd=ROOT).stdout
    return "--workers" in out


def _tree_peak(pid: int, done: threading.Event, peak: list[float]) -> None:
    """The largest sum of RSS over the process ``pid`` and its children (workers, the SHACL process), in GB,
    sampled every 0.1 s (pages a fork shares counted in each): what the machine holds at once, which ``wait4``'s
    largest single process is not."""
    try:
        import psutil
    except ImportError:  # the figure is left out
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not done.is_set():
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            return
        peak[0] = max(peak[0], total / 2**30)
        done.wait(0.1)


def run_build(corpus: Path, out: Path, workers: int | None, shacl: bool,
              fresh: bool = True) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in GB, exit code and the process tree's peak in GB (sampled) of one build process
    (``fresh``: nothing from the extraction cache of an earlier run)."""
    cmd = [*GOVKG, "build", str(corpus), "--out", str(out), "--no-load", *(["--fresh"] if fresh else [])]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    if not shacl:
        cmd.append("--no-shacl")
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done, peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=_tree_peak, args=(proc.pid, done, peak), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    done.set()
    sampler.join()
    return wall, usage.ru_maxrss / 2**20, os.waitstatus_to_exitcode(status), peak[0]  # ru_maxrss is KiB on Linux


def speed_reference() -> float:
    """Seconds for a fixed Python loop: the machine's speed drifts, compare runs at similar values."""
    t = time.perf_counter()
    sum(i * i for i in range(3_000_000))
    return time.perf_counter() - t


def incremental(tmp: Path, size: int, corpus: Path, out: Path, workers: int | None, full: float, shacl: bool) -> None:
    """Time a rebuild of ``out`` after adding one file of another copy to ``corpus``, then an unchanged one."""
    extra_corpus = tmp / f"corpus-{size + 1}x"
    if not extra_corpus.exists():
        write_corpus(extra_corpus, size + 1)
    mine = {p.name for p in corpus.glob("*.txt")}
    extra = next(p for p in sorted(extra_corpus.glob("*.txt")) if p.name not in mine)
    shutil.copy(extra, corpus / extra.name)
    try:
        added, _, code, _ = run_build(corpus, out, workers, shacl, fresh=False)
        same, _, code2, _ = run_build(corpus, out, workers, shacl, fresh=False)
    finally:
        (corpus / extra.name).unlink()
    print(f"      one file added: {added:.1f} s = {added / full:.2f} of the full build, target ≤ {TARGET_ADD_ONE} "
          f"{'ok' if added / full <= TARGET_ADD_ONE else 'MISSED'} (exit {code}); unchanged: {same:.1f} s "
          f"= {same / full:.2f} (exit {code2})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-shacl", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep corpora and builds here")
    ap.add_argument("--incremental", action="store_true",
                    help="after each size's last build, add one file (of another copy) and rebuild, then rebuild unchanged")
    args = ap.parse_args()
    workers = args.workers if has_workers() else [None]
    if workers == [None]:
        print("govkg build has no --workers: one build per size")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="govkg-scale-"))
    print(f"speed reference {speed_reference():.2f} s")
    print(f"{'size':>5} {'files':>5} {'MB':>6} {'workers':>7} {'wall s':>8} {'MB/s':>6} {'peak RSS GB':>11} "
          f"{'tree GB':>7}  exit")
    results: dict[tuple[int, int | None], tuple[float, float]] = {}
    for size in args.sizes:
        corpus = tmp / f"corpus-{size}x"
        if not corpus.exists():
            write_corpus(corpus, size)
        files = sorted(corpus.glob("*.txt"))
        mb = sum(p.stat().st_size for p in files) / 1e6
        outs = []
        for w in workers:
            out = tmp / f"build-{size}x-w{w}"
            shutil.rmtree(out, ignore_errors=True)
            wall, rss, code, tree = run_build(corpus, out, w, not args.no_shacl)
            results[(size, w)] = (wall, rss)
            outs.append(out)
            print(f"{size:>4}x {len(files):>5} {mb:>6.1f} {str(w or '-'):>7} {wall:>8.1f} {mb / wall:>6.2f} {rss:>11.2f} "
                  f"{tree:>7.2f}  {code}")
        if args.incremental:
            incremental(tmp, size, corpus, outs[-1], workers[-1], results[(size, workers[-1])][0], not args.no_shacl)
        if len(outs) > 1:
            same = all(filecmp.cmp(outs[0] / n, o / n, shallow=False) for o in outs[1:] for n in COMPARED)
            print(f"      outputs of {workers} workers byte-identical: {'yes' if same else 'NO'}")
    print()
    big = max(args.sizes)
    for w in workers:
        if (big, w) in results:
            rss = results[(big, w)][1]
            print(f"peak RSS at {big}x (workers {w or '-'}): {rss:.2f} GB, target ≤ {TARGET_RSS_64} GB "
                  f"{'ok' if rss <= TARGET_RSS_64 else 'MISSED'}")
            if (4, w) in results:
                g = rss / results[(4, w)][1]
                print(f"RSS {big}x / 4x: {g:.2f}, target ≤ {TARGET_RSS_GROWTH} {'ok' if g <= TARGET_RSS_GROWTH else 'MISSED'}")
    if (big, 2) in results:
        wall = results[(big, 2)][0]
        print(f"wall at {big}x with 2 workers: {wall:.0f} s, target ≤ {TARGET_WALL_64_W2:.0f} s "
              f"{'ok' if wall <= TARGET_WALL_64_W2 else 'MISSED'}")
    if (big, 1) in results and (big, 2) in results:
        print(f"build speed-up 1 → 2 workers at {big}x: {results[(big, 1)][0] / results[(big, 2)][0]:.2f} "
              f"(target for extraction alone ≥ {TARGET_SPEEDUP})")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
