"""Extraction time against input size on the hostile line shapes of issue 15 (item 6).

For each shape of ``devtools/hostile.py`` (a line of opening brackets through ``undouble``; the sample
corpus printed on one line, a one-line list of names, citations on one line, a table printed one cell per
line, numbered items past 999 on one line, each through the whole extraction): the best of 3 CPU times
at n and at 4n, their ratio (linear is 4; the growth test allows 5) and the CPU seconds per MB of UTF-8
text at 4n (the test allows 10). Then one document of the corpus printed on one line at 1.5 MB.

    .venv/bin/python bench/growth_bench.py [SHAPE ...] [--scale K] [--no-long-line]   # --scale multiplies every n
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.hostile import SHAPES, SIZES, best_time, growth, one_line  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shapes", nargs="*", metavar="SHAPE", help=f"any of {', '.join(SHAPES)} (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply each shape's n")
    parser.add_argument("--no-long-line", action="store_true", help="skip the 1.5 MB line")
    args = parser.parse_args()
    unknown = [s for s in args.shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown shape {unknown[0]!r} (expected one of {', '.join(SHAPES)})")
    print(f"{'shape':16} {'n':>8} {'s at n':>8} {'s at 4n':>8} {'ratio':>6} {'MB at 4n':>9} {'s/MB':>6}")
    for shape in args.shapes or list(SIZES):
        g = growth(shape, max(1, int(SIZES[shape] * args.scale)))
        print(f"{shape:16} {g.n:8} {g.seconds:8.3f} {g.seconds_4n:8.3f} {g.ratio:6.2f} {g.megabytes_4n:9.2f} "
              f"{g.seconds_per_mb:6.2f}", flush=True)
    if args.no_long_line:
        return
    text = one_line(550_000)
    mb = len(text.encode("utf-8")) / 1e6
    seconds = best_time("one_line", text, repeats=1)
    print(f"one document on one line, {mb:.2f} MB: {seconds:.2f} s ({seconds / mb:.2f} s/MB)")


if __name__ == "__main__":
    main()
