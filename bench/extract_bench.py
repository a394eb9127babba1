"""Extraction throughput on the sample corpus, cold and warm, with a per-stage breakdown.

    .venv/bin/python bench/extract_bench.py [CORPUS_DIR] [--repeat N]

Cold: a fresh Python process that imports govkg and extracts every file, timed from outside.
Warm: the same extraction again in this process, every lazily built table already built (best
of N). The breakdown shows where warm time goes: segmentation and each stage of the pipeline
(``govkg.extract.pipeline.STAGES``).
Targets are printed beside the measurements; nothing is asserted.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_WARM_MB_S = 1.0  # one core, pipeline built
TARGET_COLD_S = 5.0  # the whole sample corpus in a fresh process

_COLD_CHILD = """
import sys
from govkg.extract.pipeline import extract_files, iter_corpus
report = extract_files(iter_corpus(sys.argv[1]))
print(len(report.facts), report.bytes_read)
"""


def corpus_files(folder: Path) -> list[Path]:
    from govkg.extract.pipeline import iter_corpus

    return list(iter_corpus(folder))


def cold_run(folder: Path) -> tuple[float, int, int]:
    """Seconds for a fresh process to extract the whole corpus, with its fact and byte counts."""
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _COLD_CHILD, str(folder)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.split()
    return time.perf_counter() - t0, int(out[0]), int(out[1])


def warm_run(files: list[Path], repeat: int) -> tuple[float, dict[str, float], int]:
    """Best wall time over ``repeat`` in-process runs, and the per-stage seconds of the last run.

    The run is the pipeline's own (``extract_text``), with each stage's function wrapped in a timer."""
    from govkg.extract.pipeline import STAGES, Stage, extract_text
    from govkg.text import segment as segment_module
    from govkg.text.read import read_source

    texts = [read_source(p) for p in files]
    stages: dict[str, float] = defaultdict(float)

    def timed(name: str, fn):
        def run(*args):
            t = time.perf_counter()
            try:
                return fn(*args)
            finally:
                stages[name] += time.perf_counter() - t
        return run

    timed_stages = tuple(Stage(s.name, timed(s.name, s.run), s.requires, s.provides, s.empty) for s in STAGES)
    real_segment = segment_module.segment
    best = float("inf")
    n_facts = 0
    import govkg.extract.pipeline as pipeline_module
    pipeline_module.segment = timed("segment", real_segment)  # the driver's own call, timed
    try:
        for _ in range(repeat):
            stages.clear()
            n_facts = 0
            t_run = time.perf_counter()
            for src in texts:
                result = extract_text(src.text, src.name, timed_stages)
                n_facts += len(result.facts)
            best = min(best, time.perf_counter() - t_run)
    finally:
        pipeline_module.segment = real_segment
    return best, dict(stages), n_facts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folder = Path(args.corpus)
    files = corpus_files(folder)

    cold_s, cold_facts, n_bytes = cold_run(folder)
    mb = n_bytes / 1e6
    warm_s, stages, warm_facts = warm_run(files, args.repeat)

    print(f"corpus: {len(files)} files, {mb:.2f} MB ({folder})")
    print(f"{'run':<8}{'seconds':>9}{'MB/s':>8}  target")
    print(f"{'cold':<8}{cold_s:>9.2f}{mb / cold_s:>8.2f}  < {TARGET_COLD_S:.0f} s for the corpus"
          f"  [{'ok' if cold_s < TARGET_COLD_S else 'MISSED'}]  ({cold_facts} facts)")
    print(f"{'warm':<8}{warm_s:>9.2f}{mb / warm_s:>8.2f}  >= {TARGET_WARM_MB_S:.0f} MB/s on one core"
          f"  [{'ok' if mb / warm_s >= TARGET_WARM_MB_S else 'MISSED'}]  (best of {args.repeat}, {warm_facts} facts)")
    print("warm breakdown (last run):")
    total = sum(stages.values()) or 1.0
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22}{secs:>8.3f} s {100 * secs / total:>5.1f}%")


if __name__ == "__main__":
    main()
