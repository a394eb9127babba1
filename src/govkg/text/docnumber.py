"""The grammar of a 文号 (document number).

``DOC_NUMBER`` is the one definition of a 文号 in the project: the segmenter finds a document's own
number with it and the citations extractor reads cited numbers with it. It accepts the printed variants
(``晋市政发〔2020〕3号``, ``国办发[2018]67号``, ``晋政发(2004)12号``, ``晋市政发〔2022〕40 号``, the mojibake
``国办发„2009‟3号`` of a page that lost its 〔〕) and orders in their three printed shapes: number after 令
(``省政府令294号``, ``国务院令第 708 号``), number before 令 (``国务院第708号令``) and a ministry's yearly
series (``交通运输部令2016年第55号``), and numbered announcements (``国家税务总局公告2019年第5号``,
``国家税务总局2018年第28号公告``, joint ones ``财政部、税务总局公告2019年第39号``, a standing committee's
series ``某市人民代表大会常务委员会公告第5号``); a few spaces may sit
inside, only the issuer prefix may not run over a line break (the line above it is other text).

The issuer prefix starts after running text: a non-Han character, a date, or a word of
``docnumber.lead_words`` or a title kind (``documents.title_kinds`` less ``docnumber.kinds_in_issuer_names``:
``关于…的通知宁政发〔2023〕9号`` is a title followed by its number). It holds no lead word, and a title
kind only as its last word (``省政府专题会议纪要〔2019〕25号``).

Every repetition is bounded, so a match is at most ``MAX_WIDTH`` characters long and looks at most
``MAX_LOOKAHEAD`` characters past its end: ``DOC_NUMBER`` (a scan for the cheap tails, then the full
pattern in a window around each) finds exactly the matches of ``DOC_NUMBER.full.finditer``.
"""
from __future__ import annotations

import re
from re import _parser  # the regex parser: widths of the grammar, to bound the fast path
from typing import Iterator

from govkg.lexicon import entry
from govkg.text.script import simplify

_HAN = r"[\u4e00-\u9fff]"
# 〔〕 and the other brackets of a year; „‟ (U+201E / U+201F) are what 〔〕 become on pages decoded in the
# wrong code page (国办发„2009‟3号), kept as printed
OPEN = r"[〔\[［【(（﹝„]"
CLOSE = r"[〕\]］】)）﹞‟]"
_SP = r"[ \u3000]{0,3}"  # spaces inside an issuer prefix (晋 市 政 发); a line break or a tab may not
_WS = r"\s{0,4}"          # whitespace inside the rest of a number, a line break included (88\n号)


# the title kinds that end running text before a number: those no issuer's name holds
_KINDS = [k for k in entry("documents.title_kinds").words if k not in entry("docnumber.kinds_in_issuer_names").words]


def _lead_fragments() -> dict[str, str]:
    """One regex fragment per word that ends running text before a number (see the module doc)."""
    words = list(dict.fromkeys(entry("docnumber.lead_words").words + tuple(_KINDS)))
    out = {}
    for w in words:
        longer = [v[len(w):] for v in words if v != w and v.startswith(w)]
        guard = f"(?!{'|'.join(map(re.escape, longer))})" if longer else ""
        names = ""
        if w == "和":
            for name in entry("docnumber.and_in_names").words:
                i = name.index("和")
                before = f"(?<={re.escape(name[i - 1])})" if i else ""
                names += f"(?!{before}和{re.escape(name[i + 1:])})"
        out[w] = names + re.escape(w) + guard
    return out


_LEAD_FRAGMENTS = _lead_fragments()
# Inside a prefix a lead word never stands, a title kind only as its last word (省政府专题会议纪要〔2019〕25号
# is a number of minutes; 关于…的通知宁政发〔2023〕9号 a title, then a number).
_LEAD = "|".join(f if w not in _KINDS else f"{f}(?={_SP}{_HAN})" for w, f in _LEAD_FRAGMENTS.items())
# a date's 年/月/日 ends the text before a number too (2019年10月22日国务院令第722号), and never starts one
# (the class of the words' last characters first: most positions fail there at once)
_LEAD_LAST = "".join(sorted({w[-1] for w in _LEAD_FRAGMENTS}))
_START = (f"(?:(?<!{_HAN})|(?<=\\d[年月日])|(?<=[{_LEAD_LAST}])(?:"
          + "|".join(f"(?<={f})" for f in _LEAD_FRAGMENTS.values()) + r"))(?!(?<=\d)[年月日])")
# no lead word here (the class of their first characters first, as above)
_NO_LEAD = "(?>(?![" + "".join(sorted({w[0] for w in _LEAD_FRAGMENTS})) + f"])|(?!{_LEAD}))"
_PREFIX = rf"(?:{_NO_LEAD}{_HAN}{_SP}){{1,14}}"
_NUM = r"\d{1,6}"
_CN_NUM = r"[\d一二三四五六七八九十百零〇]{1,8}"
_YEAR = rf"\d{{4}}{_WS}年{_WS}第{_WS}{_NUM}{_WS}号"  # 2016年第55号: a ministry numbers per year

_ORDER_YEAR = rf"令{_WS}{_YEAR}"  # 交通运输部令2016年第55号
# 国家税务总局公告2019年第5号: numbered announcements in a yearly series (a bracketed year, 公告〔2019〕5号,
# is the common bracket shape below); 国家税务总局2018年第28号公告 puts the number before 公告
_ANNOUNCE_YEAR = rf"公告{_WS}{_YEAR}"
# a standing committee numbers its announcements in one series (某市人民代表大会常务委员会公告第5号)
_ANNOUNCE_SERIAL = rf"公告{_WS}第{_WS}{_CN_NUM}{_WS}号"
_ISSUER_END = f"[{''.join(entry('docnumber.issuer_endings').words)}]"
_SIGNER_END = f"[{''.join(entry('docnumber.issuer_endings').words + entry('docnumber.order_signers').words)}]"
_ANNOUNCE_NUMBER_FIRST = rf"(?<={_ISSUER_END}){_SP}{_YEAR}公告"
# a joint announcement names its issuers apart by 、 or spaces (财政部、税务总局公告2019年第39号); each but
# the last ends as an issuing body's name does
_JOINT_ANNOUNCE = rf"(?:(?:{_NO_LEAD}{_HAN}){{1,14}}?{_ISSUER_END}[、 \u3000]{{1,3}}){{1,6}}"
# 国务院第708号令: the issuer ends as an issuing body's name does (not 发布了第3号令)
_ORDER_NUMBER_FIRST = rf"(?<={_SIGNER_END}){_SP}第?{_WS}{_CN_NUM}{_WS}号令"
_ORDER_TAIL = rf"(?:令{_WS}第?{_WS}{_CN_NUM}{_WS}号|{_ORDER_YEAR}|{_ORDER_NUMBER_FIRST})"
# A joint order names every issuing ministry: longer than one issuer, so allowed only as a whole
# bracket's content (《…办法》(交通运输部 工业和信息化部 … 国家网信办令2016年第60号)).
_JOINT_ORDER = rf"(?<=[(（])(?!{_LEAD})(?:{_HAN}[ \u3000、]{{0,3}}){{15,40}}{_ORDER_TAIL}"
_BRACKET_TAIL = rf"{CLOSE}{_WS}第?{_WS}{_NUM}{_WS}号"
_DOC_NUMBER_FULL = re.compile(
    rf"{_JOINT_ORDER}|{_START}(?:{_JOINT_ANNOUNCE}{_PREFIX}(?:{_ANNOUNCE_YEAR}|{_ANNOUNCE_NUMBER_FIRST})"
    rf"|{_PREFIX}"
    rf"(?:{OPEN}{_WS}\d{{4}}{_WS}{_BRACKET_TAIL}"  # 晋市政发〔2020〕3号
    rf"|{_ORDER_TAIL}|{_ANNOUNCE_YEAR}|{_ANNOUNCE_SERIAL}|{_ANNOUNCE_NUMBER_FIRST}))"  # 国务院令第708号, 国务院第708号令, 交通运输部令2016年第55号
)
# The tails every number ends with (each match of the full pattern holds one): cheap to scan for, so
# the full pattern only runs near one.
_DOC_NUMBER_TAIL = re.compile(rf"{_BRACKET_TAIL}|令{_WS}第?{_WS}{_CN_NUM}{_WS}号|{_ORDER_YEAR}"
                              rf"|第?{_WS}{_CN_NUM}{_WS}号令|{_ANNOUNCE_YEAR}|{_ANNOUNCE_SERIAL}|第{_WS}{_NUM}{_WS}号公告")


def _widths(sub: _parser.SubPattern) -> tuple[int, int]:
    """(longest match, farthest look past a match's end) of a parsed pattern, both finite."""
    width = sub.getwidth()[1]
    ahead = 0

    def walk(items: _parser.SubPattern | list) -> None:
        nonlocal ahead
        for op, av in items:
            if op in (_parser.ASSERT, _parser.ASSERT_NOT):
                direction, inner = av
                if direction == 1:
                    ahead = max(ahead, inner.getwidth()[1])
                walk(inner)
            elif op == _parser.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op == _parser.SUBPATTERN:
                walk(av[-1])
            elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op == _parser.ATOMIC_GROUP:
                walk(av)

    walk(sub)
    if width >= _parser.MAXREPEAT or ahead >= _parser.MAXREPEAT:
        raise ValueError("the 文号 grammar must bound every repetition")
    return width, ahead


MAX_WIDTH, MAX_LOOKAHEAD = _widths(_parser.parse(_DOC_NUMBER_FULL.pattern))


def _last_chars(sub: _parser.SubPattern) -> frozenset[str]:
    """The characters a match of a parsed pattern can end with (its last item must be a literal, a
    class of literals or a group of alternatives of such)."""
    op, av = list(sub)[-1]
    if op == _parser.LITERAL:
        return frozenset(chr(av))
    if op == _parser.IN and all(o == _parser.LITERAL for o, _ in av):
        return frozenset(chr(c) for _, c in av)
    if op == _parser.SUBPATTERN:
        return _last_chars(av[-1])
    if op == _parser.BRANCH:
        return frozenset().union(*(_last_chars(b) for b in av[1]))
    raise ValueError(f"the 文号 tails must end in a literal, not {op}")


class _TailFirstPattern:
    """The full pattern run only in windows around a cheap 'tail' match: the same matches as
    ``full.finditer``, a fraction of the time on long text (the full pattern's start conditions are
    costly at every position).

    Why they are the same: every full match holds a tail, and starts at most ``MAX_WIDTH`` before
    it. So no full match starts before ``p - MAX_WIDTH``, with ``p`` the first place at or after the
    scan position where any tail matches; a search from there that may see ``MAX_WIDTH +
    MAX_LOOKAHEAD`` past ``p`` answers as the unbounded search for every start up to ``p``, and a
    match it finds beyond ``p`` is looked for again from the next tail on."""

    def __init__(self, full: re.Pattern[str], tail: re.Pattern[str]) -> None:
        self.full, self.tail, self.pattern = full, tail, full.pattern
        self.last_chars = _last_chars(_parser.parse(tail.pattern))  # what every number ends with

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos, n = 0, len(text)
        while True:
            t = self.tail.search(text, pos)
            if t is None:
                return
            p = t.start()
            m = self.full.search(text, max(pos, p - MAX_WIDTH), min(n, p + MAX_WIDTH + MAX_LOOKAHEAD))
            if m and m.start() <= p:
                yield m
                pos = m.end()
            else:
                pos = p + 1


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


_ISSUED_BY = re.compile(rf"^(?P<issuer>{_HAN}[\u4e00-\u9fff、]*?{_ISSUER_END})(?:(?:令|公告)(?:\d{{4}}年)?第?{_CN_NUM}号"
                        rf"|(?:\d{{4}}年)?第?{_CN_NUM}号(?:令|公告))$")


def issuer_of(number: str) -> str | None:
    """The issuing body an order or an announcement names in its number, as printed
    (``国家税务总局令第41号`` -> 国家税务总局, ``某省税务局公告2022年第5號`` -> 某省税务局,
    ``国务院第708号令`` -> 国务院); None for other numbers (``晋政发〔2020〕3号`` names a series)."""
    printed = "".join(number.split())
    m = _ISSUED_BY.match(simplify(printed))
    return printed[:m.end("issuer")] if m else None


def without_site_label(number: str, issuers: list[str]) -> str:
    """``number`` without a site's label glued before it (``法规国家税务总局公告2018年第58号`` issued by
    国家税务总局): cut where one of its ``issuers`` begins, a few characters in."""
    for issuer in issuers:
        at = simplify(number).find(simplify(issuer)) if issuer else -1
        if 0 < at <= 4:
            return number[at:]
    return number
