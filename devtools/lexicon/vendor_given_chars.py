"""Write ``src/govkg/lexicon/data/given_chars.tsv`` from the PyPI package ``ngender`` 0.1.1.

    pip download --no-deps -d /tmp/ng ngender==0.1.1 && tar xzf /tmp/ng/ngender-0.1.1.tar.gz -C /tmp/ng
    .venv/bin/python -m devtools.lexicon.vendor_given_chars /tmp/ng/ngender-0.1.1/ngender/charfreq.csv

``charfreq.csv`` counts how often each character occurs in the given names of a large register of
Chinese names (male and female columns); the file keeps each character with the sum, most frequent
first. ``#`` lines are comments.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "govkg" / "lexicon" / "data" / "given_chars.tsv"


def build(source: Path) -> str:
    with source.open(encoding="utf-8") as fh:
        counts = {r["char"]: int(r["male"]) + int(r["female"]) for r in csv.DictReader(fh) if r["char"].strip()}
    head = [
        "# Characters of Chinese given names and how often a register of names uses them (male + female).",
        "# Source: PyPI package ngender 0.1.1 (https://github.com/observerss/ngender), file ngender/charfreq.csv,",
        "# MIT licence, (c) 2015 Jingchao Hu; see README.md beside this file. Written by",
        f"# devtools/lexicon/vendor_given_chars.py. characters: {len(counts)}, uses: {sum(counts.values())}",
    ]
    rows = [f"{ch}\t{n}" for ch, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(head + rows) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(Path(sys.argv[1])), encoding="utf-8")
    print(OUT)
