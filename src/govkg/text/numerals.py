"""Chinese numerals and printed dates: ``二〇二〇年二月十二日``, ``2022 年12 月12 日``."""
from __future__ import annotations

import re

from govkg.text.clean import compared as _clean

_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
# a year's zero is printed in many ways: 〇, ○, 零, and the letter O or a digit 0 typed for it (二OO三年)
_CN_DATE = re.compile(r"^(?=.{0,3}[一二三四五六七八九])([〇○零OoＯ0０一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月"
                      r"([一二三四五六七八九十]{1,3})日$")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {z: 0 for z in "○零OoＯ0０"}


def _cn_number(s: str) -> int:
    if s.startswith("十"):
        s = "一" + s
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _CN_DIGIT[tens] * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT[s]


def parse_date(line: str) -> str | None:
    """``2020年2月12日`` / ``2022 年12 月12 日`` / ``二〇二〇年二月十二日`` -> ``2020-02-12``; else None."""
    c = _clean(line)
    m = _DATE.match(c)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _CN_DATE.match(c)
        if not m:
            return None
        y = int("".join(str(_CN_DIGIT[ch]) for ch in m.group(1)))
        mo, d = _cn_number(m.group(2)), _cn_number(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


