"""The grammar of a 文号 (document number).

``DOC_NUMBER`` is the one definition of a 文号 in the project: the segmenter finds a document's own
number with it and the citations extractor reads cited numbers with it. It accepts the printed variants
(``晋市政发〔2020〕3号``, ``国办发[2018]67号``, ``晋政发(2004)12号``, ``晋市政发〔2022〕40 号``) and orders
in their three printed shapes: number after 令 (``省政府令294号``, ``国务院令第 708 号``), number before 令
(``国务院第708号令``) and a ministry's yearly series (``交通运输部令2016年第55号``), and numbered
announcements (``国家税务总局公告2019年第5号``, ``国家税务总局2018年第28号公告``, joint ones
``财政部、税务总局公告2019年第39号``); spaces may sit inside,
only the issuer prefix may not run over a line break (the line above it is other text).
"""
from __future__ import annotations

import re
from typing import Iterator

_HAN = r"[\u4e00-\u9fff]"
_OPEN = r"[〔\[［【(（﹝]"
_CLOSE = r"[〕\]］】)）﹞]"
# Words that end running text just before a number; the issuer prefix of a 文号 never holds them,
# so a prefix may start right after one of them but may not contain one.
_LEAD_WORDS = ("根据", "按照", "按", "依据", "依照", "参照", "对照", "遵照", "贯彻", "落实", "执行", "印发", "转发",
               "下发", "发布", "结合", "关于", "以及", "和", "及", "与", "或", "的", "见", "号")
# 和 inside 中华人民共和国 and the ministries whose names hold it (工业和信息化部, 住房和城乡建设部 …, who
# issue orders under their full names) is part of an issuer's name, not a conjunction; 按 of 按照 is not
# a word alone
_NAME_AND = "(?<!共)和(?!信息化|城乡建设|社会保障|改革委|旅游|计划生育)"
_LEAD_FRAGMENTS = tuple({"和": _NAME_AND, "按": "按(?!照)"}.get(w, w) for w in _LEAD_WORDS)
_LEAD = "|".join(_LEAD_FRAGMENTS)
# a date's 年/月/日 ends the text before a number too (2019年10月22日国务院令第722号), and never starts one
_START = ("(?:" + "|".join([f"(?<!{_HAN})", r"(?<=\d[年月日])"] + [f"(?<={w})" for w in _LEAD_FRAGMENTS]) + ")"
          + r"(?!(?<=\d)[年月日])")
# spaces may sit inside the issuer prefix; a line break or a tab (table cell edge) may not
_PREFIX = rf"(?:(?!{_LEAD}){_HAN}[ \u3000]*){{1,14}}"
_NUM = r"\d+"
_CN_NUM = r"[\d一二三四五六七八九十百零〇]+"

_ORDER_YEAR = rf"令\s*\d{{4}}\s*年\s*第\s*{_NUM}\s*号"  # 交通运输部令2016年第55号: a ministry numbers per year
# 国家税务总局公告2019年第5号: numbered announcements in a yearly series (a bracketed year, 公告〔2019〕5号,
# is the common bracket shape below); 国家税务总局2018年第28号公告 puts the number before 公告
_ANNOUNCE_YEAR = rf"公告\s*\d{{4}}\s*年\s*第\s*{_NUM}\s*号"
_ANNOUNCE_NUMBER_FIRST = rf"(?<=[院府部委局办厅会署行])[ \u3000]*\d{{4}}\s*年\s*第\s*{_NUM}\s*号公告"
# a joint announcement names its issuers apart by 、 or spaces (财政部、税务总局公告2019年第39号); each but
# the last ends as an issuing body's name does
_ISSUER_END = r"[院府部委局办厅会署行室]"
_JOINT_ANNOUNCE = rf"(?:(?:(?!{_LEAD}){_HAN}){{1,14}}?{_ISSUER_END}[、 \u3000]+){{1,6}}"
# 国务院第708号令: the issuer ends as an issuing body's name does (not 发布了第3号令)
_ORDER_NUMBER_FIRST = rf"(?<=[院府部委局办厅会署行长])[ \u3000]*第?\s*{_CN_NUM}\s*号令"
_ORDER_TAIL = rf"(?:令\s*第?\s*{_CN_NUM}\s*号|{_ORDER_YEAR}|{_ORDER_NUMBER_FIRST})"
# A joint order names every issuing ministry: longer than one issuer, so allowed only as a whole
# bracket's content (《…办法》(交通运输部 工业和信息化部 … 国家网信办令2016年第60号)).
_JOINT_ORDER = rf"(?<=[(（])(?!{_LEAD})(?:{_HAN}[ \u3000、]*){{15,40}}{_ORDER_TAIL}"
_DOC_NUMBER_FULL = re.compile(
    rf"{_JOINT_ORDER}|{_START}{_JOINT_ANNOUNCE}{_PREFIX}(?:{_ANNOUNCE_YEAR}|{_ANNOUNCE_NUMBER_FIRST})"
    rf"|{_START}{_PREFIX}"
    rf"(?:{_OPEN}\s*\d{{4}}\s*{_CLOSE}\s*第?\s*{_NUM}\s*号"  # 晋市政发〔2020〕3号
    rf"|{_ORDER_TAIL}|{_ANNOUNCE_YEAR}|{_ANNOUNCE_NUMBER_FIRST})"  # 国务院令第708号, 国务院第708号令, 交通运输部令2016年第55号
)
# The tail every number ends with; cheap to scan for, so the full pattern only runs near one.
_DOC_NUMBER_TAIL = re.compile(rf"{_CLOSE}\s*第?\s*{_NUM}\s*号|令\s*第?\s*{_CN_NUM}\s*号|{_ORDER_YEAR}"
                              rf"|第?\s*{_CN_NUM}\s*号令|{_ANNOUNCE_YEAR}|第\s*{_NUM}\s*号公告")
_MAX_PREFIX = 48  # characters before a tail where the issuer prefix (with spaces) may start


class _TailFirstPattern:
    """A regex run only in windows ending at a cheap 'tail' match: same matches, a fraction of the
    time on long text (the full pattern's start conditions are costly at every position)."""

    def __init__(self, full: re.Pattern[str], tail: re.Pattern[str]) -> None:
        self.full, self.tail, self.pattern = full, tail, full.pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        last = 0
        for t in self.tail.finditer(text):
            if t.end() <= last:
                continue
            m = self.full.search(text, max(last, t.start() - _MAX_PREFIX), t.end())
            if m:
                last = m.end()
                yield m


DOC_NUMBER = _TailFirstPattern(_DOC_NUMBER_FULL, _DOC_NUMBER_TAIL)
_ORDER_SHAPES = re.compile(rf"^(?P<issuer>{_HAN}+?)(?:令第?(?P<a>{_CN_NUM})号|第?(?P<b>{_CN_NUM})号令)$")


_ANNOUNCE_SHAPES = re.compile(r"^(?P<issuer>.+?)(?:公告(?P<a>\d{4}年第\d+号)|(?P<b>\d{4}年第\d+号)公告)$")


def number_identity(number: str) -> str:
    """What makes two printed numbers the same document: an order printed with its number after or
    before 令 (``国务院令第708号``, ``国务院第708号令``) is one order, and so is an announcement
    (``国家税务总局公告2018年第28号``, ``国家税务总局2018年第28号公告``); other numbers are themselves.
    ``number`` is already normalised (no whitespace)."""
    m = _ORDER_SHAPES.match(number)
    if m:
        return f"{m.group('issuer')}令{m.group('a') or m.group('b')}号"
    m = _ANNOUNCE_SHAPES.match(number)
    return f"{m.group('issuer')}公告{m.group('a') or m.group('b')}" if m else number
