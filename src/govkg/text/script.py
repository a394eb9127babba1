"""The simplified-character shadow of a text: same length, character by character.

Traditional-script documents (關於, 領導小組, 責任單位) are matched by the same patterns as
simplified ones by reading their shadow; values are then sliced from the printed text, so facts keep
the printed characters.
"""
from __future__ import annotations

import re

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
