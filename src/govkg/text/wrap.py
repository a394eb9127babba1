"""Lines wrapped at a fixed width: a PDF conversion breaks every line of a paragraph at the same printed
width, so a full-width line continues on the next one whatever it ends with (。 included), while text
saved from a web page has one paragraph per line and no such width.

>>> printed_width("市发展改革委abc")
15
"""
from __future__ import annotations

import re
from statistics import median
from typing import Sequence

_NARROW = re.compile(r"[\u0000-\u10ff\uff61-\uffdc]")


def printed_width(line: str) -> int:
    """Printed width: CJK characters count two, Latin letters and digits one (0 for a blank line)."""
    line = line.strip()
    return 2 * len(line) - len(_NARROW.findall(line))


def line_widths(lines: Sequence[str]) -> list[int]:
    """The printed width of every line: a reader asking about many lines of one text measures each once
    and passes these as ``widths`` (each question looks at a window of some sixty lines)."""
    return [printed_width(x) for x in lines]


def _widths(lines: Sequence[str], widths: Sequence[int] | None, lo: int, hi: int) -> list[int]:
    """The widths of the non-blank lines ``lo`` to ``hi`` (exclusive)."""
    got = widths[lo:hi] if widths is not None else [printed_width(x) for x in lines[lo:hi]]
    return [w for w in got if w]


def previous_nonblank(lines: Sequence[str], i: int) -> int | None:
    """The index of the last non-blank line before ``i`` (None at the top)."""
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k if k >= 0 else None


def fixed_width(lines: Sequence[str], i: int, widths: Sequence[int] | None = None) -> float | None:
    """The width at which the text around line ``i`` was wrapped, or None where lines are paragraphs:
    the median printed width of the 30 lines up to ``i`` when most of them are within a tenth of it."""
    found = _widths(lines, widths, max(0, i - 30), i + 1)
    if len(found) < 6:
        return None
    m = median(found)
    near = sum(1 for w in found if abs(w - m) <= 0.1 * m)
    return m if m >= 20 and near >= 0.7 * len(found) else None


def wrapped_alone(lines: Sequence[str], k: int, widths: Sequence[int] | None = None) -> bool:
    """Whether line ``k`` is a full line of a paragraph wrapped at a fixed width where the page around
    it is not (a short text, headings between): 16 to 45 characters, as wide as the two lines before it."""
    width = (lambda x: widths[x]) if widths is not None else (lambda x: printed_width(lines[x]))
    w = width(k)
    if not 32 <= w <= 90:
        return False
    j = previous_nonblank(lines, k)
    h = previous_nonblank(lines, j) if j is not None else None
    return h is not None and all(abs(width(x) - w) <= 0.1 * w for x in (j, h))


def page_width(lines: Sequence[str], i: int, reach: int = 30, widths: Sequence[int] | None = None) -> int | None:
    """The width lines around ``i`` (``reach`` either side) were wrapped at, where short lines (list items,
    headings) stand between the wrapped ones: the widest width that three or more lines come within a
    twentieth of, with at most one line wider still; None on a page of whole paragraphs. The narrowest width is
    16 characters (a column of a two-column page converted without its columns, ~18)."""
    found = sorted(_widths(lines, widths, max(0, i - reach), i + reach + 1), reverse=True)
    for n, w in enumerate(found[:-2]):
        if w < 32:
            return None
        if n <= 1 and sum(1 for v in found if 0.95 * w <= v <= w) >= 3:
            return w
    return None


def is_full_line(lines: Sequence[str], k: int, widths: Sequence[int] | None = None) -> bool:
    """Whether line ``k`` fills the width its text is wrapped at (so the paragraph goes on below it);
    ``widths``: :func:`line_widths` of ``lines``, when many lines of them are asked about."""
    width = fixed_width(lines, k, widths) or page_width(lines, k, widths=widths)
    here = widths[k] if widths is not None else printed_width(lines[k])
    return bool(width and here >= 0.9 * width) or wrapped_alone(lines, k, widths)


# words a wrap may cut where the first half reads as a whole item (成员, 委员, 领导): ``…成员`` / ``单位为A、B`` is
# one word over two lines, not the item 成员 and a list; ``…管理委员`` / ``会(以下简称…)`` one name
CUT_WORDS = ("成员单位", "组成单位", "参加单位", "牵头单位", "责任单位", "配合单位", "委员会", "领导小组", "领导组",
             "联席会议", "指挥部",  # …工作联席 / 会议: 主席 ends posts; …防汛总指挥 / 部: 总指挥 is one
             "总工程师", "总经济师", "总会计师")  # …省环保厅总工 / 程师: 程师 reads as a name


def cuts_a_word(before: str, after: str) -> bool:
    """Whether ``before`` ends with the start of one of ``CUT_WORDS`` and ``after`` starts with its rest.

    >>> cuts_a_word("工作领导小组，成员", "单位为省商务厅"), cuts_a_word("副组长：张三", "单位")
    (True, False)
    """
    return any(before.endswith(w[:k]) and after.startswith(w[k:]) for w in CUT_WORDS for k in range(1, len(w)))


__all__ = ["printed_width", "cuts_a_word", "CUT_WORDS", "line_widths", "previous_nonblank", "fixed_width", "page_width", "wrapped_alone", "is_full_line"]
