"""Run-on lines: a whole document, or a whole list, printed on one line.

Some pages print a document on one line (``…确保完成。 一、加快提振市场信心 (一)全面促进消费增长。
1.把恢复和扩大消费…``) or a composition list without breaks (``组长:张高丽国务院副总理副组长:姜大明…``).
Readers look for numbered items and role labels at the start of a line, so a long line is cut, as a
reader's eye would, before

* a numbered item (``一、``, ``（一）``, ``1.``) that follows a space, a sentence end or a closing bracket,
  and a section number (``一、``, ``（一）``) after the colon of a lead-in (``通知如下:一、主要职责``);
* a section number that comes next after the line's last one (``二、组成人员`` … ``副参谋长三、工作机构``),
  wherever it stands, since a page that drops the breaks drops what stood before the number too;
* a role label (``副组长:``) when the line holds two or more of them and the label does not continue a
  body's name (``领导小组组长:`` stays whole);
* the role label a numbered heading ends with, its value on the next line (``二、指挥部成员总指挥:``),
  at any length.

Nothing is removed: the pieces joined give the line back, and each piece keeps the source line it came
from (``Document.source_line``), so facts still point at the printed line.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govkg.lexicon import entry
from govkg.text.script import simplify

MIN_LENGTH = 120  # a line shorter than this is an ordinary line, however it reads
_ITEM = re.compile(r"(?<=[\s。；;！？!?）)〕】\]])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
                   r"|\d{1,2}[.、．](?!\d)))")
# a section number after a lead-in's colon (通知如下:一、主要职责), and every section number of the line
_AFTER_COLON = re.compile(r"(?<=[:：])\s*(?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
_SECTION = re.compile(r"(?<![第一二三四五六七八九十〇零\d])(?<![一二三四五六七八九十]、)([一二三四五六七八九十]{1,3})、")
_CN = {c: i for i, c in enumerate("〇一二三四五六七八九", start=0)}
_BODY_END = re.compile(r"(?:领导小组|领导组|小组|指挥部|委员会|联席会议|专班|办公室|组)$")


@lru_cache(maxsize=1)
def _role_label() -> re.Pattern[str]:
    return re.compile(rf"(?:{entry('roles.leaders').alternation}|{entry('roles.members').alternation})\s*[:：]")


@lru_cache(maxsize=1)
def _heading_label() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^:：，,。；;]{2,24}?"
                      rf"(?P<label>{_role_label().pattern})\s*$")


def _cn(s: str) -> int:
    tens, ten, ones = s.rpartition("十")
    if not ten:
        return _CN.get(s, 0) if len(s) == 1 else 0
    return (_CN.get(tens, 0) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)


def _next_sections(shadow: str, cuts: set[int]) -> set[int]:
    """Section numbers that come next after the last one cut (二、 … 三、), with some text between."""
    out: set[int] = set()
    last: tuple[int, int] | None = None  # (number, offset) of the last section number cut
    for m in _SECTION.finditer(shadow):
        n = _cn(m.group(1))
        sure = m.start() in cuts or m.start() == 0
        if sure or (last is not None and n == last[0] + 1 and m.start() - last[1] >= 6):
            if not sure:
                out.add(m.start())
            last = (n, m.start())
    return out


def cut_points(line: str) -> list[int]:
    """Where a run-on ``line`` is cut (offsets into it), in order; none for an ordinary line."""
    if len(line.strip()) < MIN_LENGTH:
        head = _heading_label().match(simplify(line)) if line.rstrip().endswith((":", "：")) else None
        if head and not _BODY_END.search(head.string[:head.start("label")]):
            return [head.start("label")]
        return []
    shadow = simplify(line)
    cuts = {m.end() for m in _ITEM.finditer(shadow) if m.end() > 0}
    cuts |= {m.end() for m in _AFTER_COLON.finditer(shadow)}
    cuts |= _next_sections(shadow, cuts)
    labels = list(_role_label().finditer(shadow))
    if len(labels) >= 2:
        for m in labels:
            before = shadow[:m.start()].rstrip()
            if m.start() > 0 and not _BODY_END.search(before):
                cuts.add(m.start())
    return sorted(c for c in cuts if 0 < c < len(line) and line[:c].strip() and line[c:].strip())


def cut(line: str) -> list[str]:
    """The pieces of ``line`` (one piece when it is no run-on line); ``"".join`` gives it back."""
    points = cut_points(line)
    if not points:
        return [line]
    bounds = [0, *points, len(line)]
    return [line[a:b] for a, b in zip(bounds, bounds[1:])]


__all__ = ["MIN_LENGTH", "cut_points", "cut"]
