"""Benchmark: the wide development set through layout perturbations (``devtools/perturb.py``), scored
against its gold with the lines moved as the text moved.

Each perturbation rewrites every text of ``../shared/wide`` (hard wraps, half-width punctuation, spaced
names, indents, blank lines, page furniture), moves each gold fact's lines to where its lines went,
extracts the new texts and scores them with ``../shared/tools/kgscore.py``. A drop from the
unperturbed F1 is a rule that held for one layout only.

    .venv/bin/python bench/robust_bench.py [--wide ../shared/wide] [NAME ...]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.perturb import PERTURBATIONS, perturbed_set  # noqa: E402


def score(wide: Path, name: str | None) -> dict:
    """kgscore's JSON for the wide set through ``name`` (None: as it is)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        texts, gold = (wide, wide) if name is None else perturbed_set(wide, name, tmp_path)
        pred = tmp_path / "pred.jsonl"
        subprocess.run([sys.executable, "-m", "govkg.cli", "extract", str(texts), "-o", str(pred)], cwd=ROOT,
                       check=True, capture_output=True)
        done = subprocess.run([sys.executable, str(wide.parent / "tools" / "kgscore.py"), str(gold), str(pred), "--json"],
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help=f"perturbations (default: all of {', '.join(PERTURBATIONS)})")
    ap.add_argument("--wide", type=Path, default=ROOT.parent / "shared" / "wide")
    args = ap.parse_args()
    base = score(args.wide, None)
    print(f"{'perturbation':<16} {'F1':>6} {'P':>6} {'R':>6}  worst types")
    for name in [None, *(args.names or PERTURBATIONS)]:
        s = base if name is None else score(args.wide, name)
        o = s["overall"]
        types = sorted(((v["f1"], k) for k, v in s.items() if isinstance(v, dict) and k != "overall" and v.get("gold")),
                       key=lambda t: t[0])[:3]
        print(f"{name or '(as it is)':<16} {o['f1']:6.3f} {o['precision']:6.3f} {o['recall']:6.3f}  "
              + ", ".join(f"{k} {f:.2f}" for f, k in types))


if __name__ == "__main__":
    main()
