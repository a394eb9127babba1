"""Write ``src/govkg/lexicon/data/words.tsv`` and ``surname_names.tsv`` from jieba's dictionary.

    pip download --no-deps -d /tmp/jb jieba==0.42.1 && tar xzf /tmp/jb/jieba-0.42.1.tar.gz -C /tmp/jb
    .venv/bin/python -m devtools.lexicon.vendor_words /tmp/jb/jieba-0.42.1/jieba/dict.txt

jieba's ``dict.txt`` (MIT) lists words with a frequency and a part-of-speech tag; ``nr`` marks
personal names. Two files come out of it:

- ``words.tsv``: the common words (frequency >= 50, tag not ``nr*``) of two or three characters that
  open with a surname of ``surnames.txt`` — the words a name test could take for a name (依据, 完善,
  承担, 摩托车);
- ``surname_names.tsv``: for each surname, how many of the dictionary's personal names open with it
  (王 1819, 督 0): how common the surname is.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "src" / "govkg" / "lexicon" / "data"
MIN_FREQ = 50
HEAD = ("# Source: jieba 0.42.1 (https://github.com/fxsjy/jieba), file jieba/dict.txt, MIT licence; see README.md\n"
        "# beside this file. Written by devtools/lexicon/vendor_words.py.\n")


def _han(w: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in w)


def build(source: Path) -> tuple[str, str]:
    surnames = [w for w in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    singles = {w for w in surnames if len(w) == 1}
    words: dict[str, int] = {}
    names: Counter[str] = Counter()
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3 or not 2 <= len(parts[0]) <= 3 or not _han(parts[0]):
            continue
        word, freq, tag = parts[0], int(parts[1]), parts[2]
        if tag.startswith("nr"):
            names[word[0]] += 1
        elif freq >= MIN_FREQ and word[0] in singles:
            words[word] = max(freq, words.get(word, 0))
    w_text = ("# Common words (frequency >= 50, not a personal name) of two or three characters that open with a surname.\n"
              + HEAD + "".join(f"{w}\t{f}\n" for w, f in sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))))
    n_text = ("# Surnames and how many personal names of the dictionary open with each.\n"
              + HEAD + "".join(f"{s}\t{names[s]}\n" for s in sorted(singles, key=lambda s: (-names[s], s))))
    return w_text, n_text


if __name__ == "__main__":
    w_text, n_text = build(Path(sys.argv[1]))
    (DATA / "words.tsv").write_text(w_text, encoding="utf-8")
    (DATA / "surname_names.tsv").write_text(n_text, encoding="utf-8")
    print(DATA / "words.tsv", DATA / "surname_names.tsv")
