"""A synthetic corpus of N copies of the sample gazettes, made so that no two copies merge.

Copy k renames the city (晋城 → a made-up two-character city whose first character also replaces
the 晋 of the 文号 prefixes, 晋市政办 → 岚市政办), shifts every year by k (dates, 文号 years, so a
document's number is new), so documents, bodies and agencies of one copy never resolve to another's;
people are resolved within a city (`govkg.graph.people`), so the new city keeps them apart too.
It is what `bench/scale_bench.py` builds; the output is deterministic for (source, copies).

    .venv/bin/python bench/synth_corpus.py OUT_DIR --copies 16 [--source corpus]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# first characters of made-up city names: none is 晋 and none starts a real 文号 prefix in the sample
_FIRST = "岚汾沁泫陵翼黎襄蒲霍岢偏繁代朔雁应灵浑曲沃绛稷芮夏闻垣祁榆昔盂寿阳平介孝汶离柳临隰蔚宁武兴岱隆昌泰安顺乐永嘉丰"
_SECOND = "川原山州水阳台林"
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


def city(k: int) -> str:
    """The made-up city of copy ``k`` (copy 0 is the original 晋城)."""
    if k == 0:
        return "晋城"
    k -= 1
    return _FIRST[k % len(_FIRST)] + _SECOND[(k // len(_FIRST)) % len(_SECOND)]


def transform(text: str, k: int) -> str:
    """The text of copy ``k``."""
    if k == 0:
        return text
    name = city(k)
    text = text.replace("晋城", name).replace("晋", name[0])
    return _YEAR.sub(lambda m: str(int(m.group(1)) + k), text)


def write(out: Path, copies: int, source: Path = ROOT / "corpus") -> list[Path]:
    """Write ``copies`` copies of every ``.txt`` of ``source`` into ``out``; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(source.glob("*.txt"))
    written = []
    for k in range(copies):
        for f in files:
            target = out / f"{k:03d}_{f.name}"
            target.write_text(transform(f.read_text(encoding="utf-8"), k), encoding="utf-8")
            written.append(target)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--source", type=Path, default=ROOT / "corpus")
    args = ap.parse_args()
    paths = write(args.out, args.copies, args.source)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} files, {size / 2**20:.1f} MiB into {args.out}")


if __name__ == "__main__":
    main()
