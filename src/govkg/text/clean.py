"""Small pure repairs of gazette text lines, shared by the segmenter and the extractors.

Gazettes reach us as PDF conversions: bold headings printed twice (``（（一一））加强组织领导加强组织领导``),
names and numbers broken by spaces (``吴 鹏``, ``晋市政发〔2022〕40 号``) and markup left by the
conversion. Page furniture is ``govkg.text.furniture``; the simplified shadow ``govkg.text.script``.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
# whitespace touching a CJK character or full-width punctuation; spaces between two Latin words stay
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_WS = re.compile(r"\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|__|^#+\s*|^\s*>\s*")

# Characters a faked-bold heading doubles one by one: brackets, numerals, punctuation.
_PAIRABLE = set("（）()〔〕【】[]「」《》一二三四五六七八九十百零〇0123456789０１２３４５６７８９.．、。，,:：;；")
_OPENERS = set("（(〔【[「《")

def squash(s: str) -> str:
    """Remove whitespace around CJK text (``吴 鹏`` -> ``吴鹏``, ``40 号`` -> ``40号``).

    Spaces between two Latin or digit runs (``China Unicom``) are kept, as one space.
    """
    s = s.strip()
    if len(s.split(maxsplit=1)) < 2:  # no inner whitespace (str.split and \s agree on what that is)
        return s
    s = _SPACE_NEAR_CJK.sub("", s)
    return _WS.sub(" ", s)


def strip_markup(s: str) -> str:
    """The line without markdown/HTML the conversion added (``## ``, ``**``, ``<td>``)."""
    return _MARKUP.sub("", s).strip()


def _second_han(s: str, i: int) -> int:
    """Offset of the second Chinese character at or after ``i``, or ``len(s)``."""
    first = _HAN.search(s, i)
    second = _HAN.search(s, first.end()) if first else None
    return second.start() if second else len(s)


def _repeat_len(s: str, i: int, han2: int) -> int:
    """Largest k with s[i:i+k] == s[i+k:i+2k], else 0; ``han2`` is :func:`_second_han` of ``(s, i)``.

    A single repeated character counts only among brackets, numerals and punctuation; a longer
    run only with two Chinese characters in it, so ``2020`` or ``研究研究`` are not doubling.
    """
    # a repeat of length k has s[i + k] == s[i]: only those k are tried, longest first. A run of two
    # or more needs two Chinese characters, so k > han2 - i: nearer k are never tried (a line of
    # brackets no longer tries every k at every offset). Each k is compared on a short head
    # first, so no long slice is copied for a k that fails.
    first = s[i:i + 1]
    if not first:
        return 0
    j = s.rfind(first, han2 + 1, i + (len(s) - i) // 2 + 1)
    while j > han2:
        k = j - i
        head = min(k, 8)
        if s[j:j + head] == s[i:i + head] and s.startswith(s[i:j], j):
            return k
        j = s.rfind(first, han2 + 1, j)
    return 1 if first in _PAIRABLE and s[i + 1:i + 2] == first else 0


def undouble(s: str) -> str:
    """Undo a faked-bold heading that the conversion printed twice.

    ``（（一一））加强组织领导加强组织领导`` -> ``（一）加强组织领导``;
    ``第一节 资源条件第一节 资源条件`` -> ``第一节 资源条件``; ``（（三三））营造氛围营造氛围。。加强…``
    -> ``（三）营造氛围。加强…``. A line that does not begin with a doubled opening bracket or a
    repeated run is returned unchanged, so ``一一对应`` stays.
    """
    if len(s) < 2:
        return s
    lead = len(s) - len(s.lstrip())
    body = s[lead:]
    starts_paired = len(body) >= 2 and body[0] == body[1] and body[0] in _OPENERS
    whole = _repeat_len(body, 0, _second_han(body, 0))
    if not starts_paired and whole < 3:
        return s
    hans = [m.start() for m in _HAN.finditer(body)]  # for the second Chinese character after each offset
    out: list[str] = []
    i = 0
    while i < len(body):
        h = bisect_left(hans, i) + 1
        k = _repeat_len(body, i, hans[h] if h < len(hans) else len(body))
        if k == 0:
            break
        out.append(body[i:i + k])
        i += 2 * k
    return s[:lead] + "".join(out) + body[i:]


@lru_cache(maxsize=65536)  # pure; the segmenter and the date parser ask again for the same lines
def compared(raw: str) -> str:
    """The line as compared: markup and doubling undone, whitespace near CJK removed."""
    return squash(undouble(strip_markup(raw)))


def squeeze(s: str) -> str:
    """All whitespace removed (``吴 鹏`` -> ``吴鹏``)."""
    return _WS.sub("", s)


_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "]": "〕", "］": "〕", "】": "〕"})


def norm(value: object) -> str:
    """The form facts are compared in (``shared/gold/FORMAT.md``): NFKC, no whitespace, one bracket
    form, no outer 《》 and no 〈〉."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).translate(_BRACKETS)
    return "".join(text.split()).strip("《》").replace("〈", "").replace("〉", "")


def join_title(parts: list[str]) -> str:
    """Lines of a heading joined into one title: markup, doubling and whitespace removed."""
    return squash("".join(undouble(strip_markup(p)) for p in parts))


__all__ = ["squash", "strip_markup", "undouble", "join_title", "compared", "squeeze", "norm"]
