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

from devtools.perturb import PERTURBATIONS, Spans  # noqa: E402


_KEYS = ("agency", "person", "holder", "cited_number", "cited_title", "body", "title")


def _key_piece(fact: dict, old_line: str, pieces: list[str]) -> int:
    """Which of the lines an old line became prints the fact's key entity (FORMAT.md: the line of the
    person, the agency, the cited number or title); the first when it cannot be found as printed."""
    for key in _KEYS:
        value = fact.get(key) or ""
        for start in range(0, max(0, len(value) - 1)):  # 省财政厅 may be printed 财政厅 (a shared prefix)
            at = old_line.find(value[start:])
            if at >= 0:
                seen = 0
                for i, piece in enumerate(pieces):
                    seen += len(piece)
                    if at < seen:
                        return i
                return 0
    return 0


def _move(fact: dict, spans: Spans, old: list[str], new: list[str]) -> dict:
    src = dict(fact["src"])
    line = min(int(src.get("line") or 1), len(spans))
    end = min(int(src.get("end_line") or line), len(spans))
    first, last = spans[line - 1]
    src["line"] = first + _key_piece(fact, old[line - 1], new[first - 1:last])
    if "end_line" in fact["src"]:
        src["end_line"] = max(src["line"], spans[end - 1][1])
    return {**fact, "src": src}


def perturbed_set(wide: Path, name: str, out: Path) -> tuple[Path, Path]:
    """The wide set's texts and gold through perturbation ``name`` in ``out``: (texts folder, gold folder)."""
    texts, gold = out / "texts", out / "gold"
    texts.mkdir(parents=True)
    gold.mkdir()
    for txt in sorted(wide.glob("*.txt")):
        facts = [json.loads(l) for l in txt.with_suffix(".jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
        names = [f["person"] for f in facts if f.get("type") == "membership" and f.get("person")]
        original = txt.read_text(encoding="utf-8")
        text, spans = PERTURBATIONS[name](original, names)
        (texts / txt.name).write_text(text, encoding="utf-8")
        old, new = original.split("\n"), text.split("\n")
        (gold / f"{txt.stem}.jsonl").write_text(
            "".join(json.dumps(_move(f, spans, old, new), ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
    return texts, gold


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
