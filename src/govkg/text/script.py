"""The simplified-character shadow of a text (same length, character by character) and the way back.

Traditional-script documents (關於, 領導小組, 責任單位) are matched by the same patterns as
simplified ones by reading their shadow; values are then sliced from the printed text, so facts keep
the printed characters.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from govkg.text.clean import squeeze
from govkg.text.document import Document

_OPENCC = None


def _simplify_char(ch: str) -> str:
    global _OPENCC
    if ch < "\u4e00":
        return ch
    if _OPENCC is None:
        import opencc  # local: only needed once per process
        _OPENCC = opencc.OpenCC("t2s")
    out = _OPENCC.convert(ch)
    return out if len(out) == 1 else ch


_TABLE: dict[int, str] = {}
_SEEN: set[str] = set()
_TRADITIONAL = re.compile("(?!)")  # a character class of _TABLE's keys; matches nothing while it is empty
# Extractors ask for the shadow of the same line many times; the answer never changes.
_MEMO: dict[str, str] = {}
_MEMO_MAX = 200_000


def simplify(text: str) -> str:
    """Simplified-character shadow of ``text``, same length, char by char."""
    global _TRADITIONAL
    out = _MEMO.get(text)
    if out is not None:
        return out
    new = set(text) - _SEEN
    if new:
        grew = False
        for ch in new:
            _SEEN.add(ch)
            conv = _simplify_char(ch)
            if conv != ch:
                _TABLE[ord(ch)] = conv
                grew = True
        if grew:
            _TRADITIONAL = re.compile("[" + "".join(re.escape(chr(c)) for c in _TABLE) + "]")
    # str.translate looks up every character; most text holds no traditional one at all
    out = text.translate(_TABLE) if _TRADITIONAL.search(text) else text
    if len(_MEMO) >= _MEMO_MAX:
        _MEMO.clear()
    _MEMO[text] = out
    return out


# ---------------------------------------------------------------- the way back to print

class Printed:
    """Maps a string found in the simplified shadow of a document back to the printed characters."""

    def __init__(self, doc: Document, shadow: Document) -> None:
        self.doc, self.shadow = doc, shadow
        votes: dict[str, Counter[str]] = {}
        if doc.text != shadow.text:  # most documents are printed in simplified characters already
            for a, b in zip(doc.text, shadow.text):
                if a != b:
                    votes.setdefault(b, Counter())[a] += 1
        self.back = {b: c.most_common(1)[0][0] for b, c in votes.items()}

    def __call__(self, value: str | None, line: int | None = None) -> str | None:
        if not value or not self.back:
            return value
        if line is not None and self.doc.start <= line <= self.doc.end:
            for no in range(line, min(line + 3, self.doc.end + 1)):
                orig = "".join(squeeze(self.doc.line(n)) for n in range(line, no + 1))
                simp = "".join(squeeze(self.shadow.line(n)) for n in range(line, no + 1))
                i = simp.find(value)
                if i >= 0 and len(orig) == len(simp):
                    return orig[i:i + len(value)]
        return "".join(self.back.get(ch, ch) for ch in value)


def shadow_of(doc: Document) -> tuple[Document, Printed]:
    """The document in simplified characters (same length, char by char) for analysis, and the way back."""
    shadow = replace(doc, lines=tuple(simplify(l) for l in doc.lines), title=simplify(doc.title or ""))
    return shadow, Printed(doc, shadow)
