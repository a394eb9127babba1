"""Citation facts: references from a document to other documents, by 《title》 and/or 文号.

The document is read as one stream with line breaks and whitespace removed (titles and numbers
wrap across lines and page breaks), keeping a map from each character back to its source line.
A citation is a ``《title》`` (with the 文号 in the bracket right after it, if any) or a bare 文号.
One fact per cited document: the first mention wins, later mentions by the same number (an
order in either shape, ``国务院令第708号`` / ``国务院第708号令``) or title are dropped. Numbers are read
with ``govkg.text.docnumber``, also where they wrap over a line break, and numbers listed after a
full one without their issuer are made whole from it (``国家税务总局令第50号、53号`` gives two).

Not citations (words in ``lexicon/zh/citations.yaml``): the document's own number, also with a
word glued before it (``法规国家税务总局公告2018年第58号``); its own plan or attachments
(``《…》已经市人民政府同意``, ``《…》(附件1)``, ``修订了《A》、《B》和《C》等三份文件。现将文件印发``, the
title its heading prints, also over two lines); short names (``以下简称《条例》``); ``《》`` items that
are not documents (newspapers, certificates, forms) or generic ones (``《作业规程》``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from govkg.facts import CitationFact, Fact, Src
from govkg.lexicon import entry
from govkg.text.clean import norm
from govkg.text.docnumber import CLOSE, DOC_NUMBER, OPEN, number_identity
from govkg.text.document import Document
from govkg.text.script import simplify
from govkg.text.wrap import is_full_line, line_widths

_TITLE_WIDTH = 150
TITLE = re.compile(rf"《([^《》]{{1,{_TITLE_WIDTH}}})》")
_TRAILING_BRACKETS = re.compile(r"(?:[(（][^()（）]*[)）])+$")
_KINDS = entry("documents.title_kinds").words + entry("citations.cited_kinds").words
_KINDS_BY_LENGTH = sorted(_KINDS, key=len, reverse=True)
_HEADING_NOISE = re.compile(r"[#*:：]|^附件\d*")
_SENTENCE = re.compile(r"[，,。；;！？!?、]")
_SPACES = re.compile(r"[^\S\t]+")
# 》(…, 》通知(…, 》(2019年10月22日国务院令第722号公布), 》国发〔2018〕42号 (no bracket: a list of sources)
# a status printed after the closing 》, before the number's bracket: 《某办法》(试行)(某政发〔2015〕2号)
_STATUS_GROUPS = rf"(?:[(（](?:{entry('citations.title_status').alternation})[)）]\s*)*"
# a line may wrap right after the bracket (``…意见》(`` / ``林科发〔2015〕127号)``)
_TITLE_TO_NUMBER = re.compile(rf"\s*(?:的?通知|文件)?\s*{_STATUS_GROUPS}(?:[(（]\s*(?:\d{{4}}年(?:\d{{1,2}}月(?:\d{{1,2}}日)?)?)?)?")
_HEADING_LINES = 3  # a heading wraps over at most this many short lines
_HEADING_WIDTH = 40


@dataclass(frozen=True)
class _Stream:
    """A document's text without spaces but with its line breaks and tabs (table cell edges: a
    number's issuer prefix must not run into the cell before), and the source line of every
    character (a break counts on the line it ends)."""

    text: str
    lines: tuple[int, ...]

    @classmethod
    def of(cls, doc: Document) -> "_Stream":
        chars: list[str] = []
        where: list[int] = []
        for lineno, raw in doc.numbered():
            squeezed = _SPACES.sub("", raw) + "\n"
            if squeezed[:1].isdigit():  # a number a wrap cut inside its digits (…部令201 / 6年第55号)
                blanks = 0  # blank lines between the two halves (a converter's paragraph spacing)
                while blanks < min(2, len(chars) - 1) and chars[-1 - blanks] == "\n":
                    blanks += 1
                if chars and chars[-1 - blanks][-2:-1].isdigit():
                    for _ in range(blanks + 1):  # the breaks go, their characters' lines with them
                        chars[-1] = chars[-1][:-1]
                        where.pop()
                        if not chars[-1]:
                            chars.pop()
            chars.append(squeezed)
            where.extend([lineno] * len(squeezed))
        return cls("".join(chars), tuple(where))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _kind(title: str) -> str | None:
    """The document kind a title ends with, ignoring trailing (试行), (2020年版) … groups."""
    core = _TRAILING_BRACKETS.sub("", title) or title
    return next((k for k in _KINDS_BY_LENGTH if core.endswith(k)), None)


def is_document_title(title: str) -> bool:
    """Whether a 《》 title names a specific document (not a paper, a form or a generic kind)."""
    kind = _kind(title)
    if kind is None:
        return False
    core = _TRAILING_BRACKETS.sub("", title) or title
    stem = core[: -len(kind)]
    if entry("citations.generic_start").test(core):
        return False
    if entry("citations.law_kinds").test(kind):
        return len(stem) >= 1
    if len(stem) <= 2:  # 《作业规程》, 《汛情通报》: a class of papers, not one document
        return False
    if entry("citations.needs_specific").test(kind) and not entry("citations.specific_signs").test(stem):
        return False  # 《安全生产保障措施》 each unit writes its own
    return True


def _heading_line(line: str) -> str:
    """A line as the title it may print (compared form), or "" where it can print none: it quotes a
    《title》, or it is longer than any title."""
    if "《" in line or "》" in line:
        return ""
    squeezed = _squeeze(line)
    return norm(_HEADING_NOISE.sub("", simplify(squeezed))) if len(squeezed) <= _TITLE_WIDTH else ""


def _own_titles(doc: Document) -> set[str]:
    """Titles that name the document itself or its parts: its title and the headings it prints,
    a heading wrapped over up to three short lines included (``甘肃省2012年经济体制改革`` /
    ``重点工作意见``)."""
    # blank lines between a heading's lines (a converter's line spacing) are no break in it
    lines = [_heading_line(line) for _, line in doc.numbered() if line.strip()]
    own = set(lines)
    for i, line in enumerate(lines):
        if not line or len(line) > _HEADING_WIDTH or _SENTENCE.search(line):
            continue
        joined = line
        for nxt in lines[i + 1:i + _HEADING_LINES]:
            if not nxt or len(nxt) > _HEADING_WIDTH or _SENTENCE.search(nxt):
                break
            joined += nxt
            own.add(joined)
    own.discard("")
    title = norm(simplify(doc.title or ""))
    if title:
        own.add(title)
        own.update(_issued(title))
    return own


def _listed(key: str, issued: str) -> bool:
    """Whether a title is one item of a list of issued documents (``A和B``, ``A、B及C``), whole."""
    joins = ("和", "及", "、", "以及")
    return issued == key or any(issued.startswith(key + j) or issued.endswith(j + key) for j in joins) \
        or any(f"{a}{key}{b}" in issued for a in joins for b in joins)


def _issued(title: str) -> list[str]:
    """What a notice's title says it issues (``关于印发A和B的通知(2019修订)`` -> ``A和B``): the
    documents printed with it, each cited title inside that part its own."""
    core = _TRAILING_BRACKETS.sub("", title) or title
    return [m.group(1) for m in re.finditer(r"(?:印发|发布|公布)(.+?)的(?:通知|决定)$", core)]


# a line that opens with a bracketed year: its number's issuer ends the line above (国办发 / 〔2017〕3号)
_BRACKET_AT_LINE_START = re.compile(rf"\n+(?={OPEN}\d{{4}}{CLOSE}\d{{1,6}}号)")
# a line that opens with an order's or an announcement's tail: its issuer ends the line above (粤府 / 令第277号,
# 国家税务总局 / 公告2018年第57号)
_TAIL_AT_LINE_START = re.compile(r"\n+(?=(?:令第?|公告)\d)")
# … or an announcement's tail the wrap cut inside its word (…常务委员会公 / 告第12号)
_TAIL_CUT = re.compile(r"(?<=公)\n+(?=告第?\d)")
_WRAP_REACH = 40  # characters before a line break where the first part of a wrapped number is looked for
_LEADING_HAN = re.compile(r"[\u4e00-\u9fff]*")
# a number after a full one, printed without its issuer: 令第41号公布,…令第50号、53号修正; 〔2019〕1号、〔2020〕3号
_SIBLING = re.compile(rf"(?:、|和|及|以及)(?:第?(?P<n>\d{{1,6}})号(?P<order>令)?|(?P<year>(?:{OPEN}\d{{4}}{CLOSE}|\d{{4}}年)第?\d{{1,6}}号))")
_HEAD = re.compile(rf"^(?P<issuer>(?:(?!{OPEN}).)*?)(?P<year>{OPEN}\d{{4}}{CLOSE}|\d{{4}}年)?\D*?(?P<n>\d{{1,6}})号(?P<order>令)?$")


def _numbers(text: str, printed: str, wrapped: Callable[[int], bool] = lambda at: False) -> list[tuple[int, int, str]]:
    """Every 文号 in the stream as (start, end, number without whitespace).

    ``text`` is matched (a simplified shadow: 號 reads as 号), ``printed`` gives the number as printed.
    The issuer prefix may not run over a line break (the line above is other text: a heading, an
    issuer's name, a table cell) unless the number is plainly wrapped: right after an opening bracket
    (``(晋`` / ``市审管发〔2021〕34号)``), with one character left below (``根据国办`` / ``发〔2017〕3号``: no
    issuer is one character), or before its bracketed year (``国办发`` / ``〔2017〕3号``: a year opens no
    number of its own), or where the line above fills the page's width (``wrapped(at)`` of the break at ``at``:
    ``…发布，国家`` / ``税务总局公告2018年第57号``). Numbers printed without their issuer after a full one
    (``令第50号、53号``) are read as the full one's.
    """
    out = []
    for m in DOC_NUMBER.finditer(text):
        start, number = m.start(), _squeeze(printed[m.start():m.end()])
        if start and text[start - 1] == "\n":
            lower_prefix = len(_LEADING_HAN.match(text, start).group())
            joined = _across(text, printed, start, m.end(), bracket_only=lower_prefix > 1 and not wrapped(start - 1))
            if joined:
                start, number = joined
        out.append((start, m.end(), number))
    for br in _BRACKET_AT_LINE_START.finditer(text):
        tail = DOC_NUMBER.tail.match(text, br.end() + 5)  # the year's closing bracket and the number
        joined = _across(text, printed, br.end(), tail.end(), bracket_only=False) if tail else None
        if joined:
            out.append((joined[0], tail.end(), joined[1]))
    taken = {a for a, _, _ in out}
    for br in _TAIL_AT_LINE_START.finditer(text):
        tail = DOC_NUMBER.tail.match(text, br.end())
        joined = _across(text, printed, br.end(), tail.end(), bracket_only=False) if tail else None
        if joined and joined[0] not in taken and not any(a <= br.end() < b for a, b, _ in out):
            out.append((joined[0], tail.end(), joined[1]))
    for br in _TAIL_CUT.finditer(text):
        head = br.start() - 1  # the tail's first character, above the break
        tail = DOC_NUMBER.tail.match(text[head] + text[br.end():br.end() + 30])
        joined = _across(text, printed, br.end(), br.end() + tail.end() - 1, bracket_only=False) if tail else None
        if joined and joined[0] not in taken and not any(a <= br.end() < b for a, b, _ in out):
            out.append((joined[0], br.end() + tail.end() - 1, joined[1]))
    out.sort()
    return out + [s for n in out for s in _siblings(text, printed, n)]


def _across(text: str, printed: str, lower: int, end: int, bracket_only: bool) -> tuple[int, str] | None:
    """(start, number) of the number that begins at the end of the line above ``lower`` and ends at
    ``end``, read as if the line break were not there; with ``bracket_only``, only where its first
    part follows an opening bracket."""
    k = lower
    while k and text[k - 1] == "\n":
        k -= 1
    a = max(0, k - _WRAP_REACH - 8)  # 8 more characters for the lookbehinds of the first start
    if k == lower or k == 0 or text[k - 1] == "\n":
        return None
    probe = text[a:k] + text[lower:end]
    upper_start = max(text.rfind("\n", a, k) + 1, k - _WRAP_REACH)
    for m in DOC_NUMBER.full.finditer(probe, upper_start - a):
        if m.start() < k - a and m.end() == len(probe):
            if bracket_only and probe[m.start() - 1:m.start()] not in ("(", "（"):
                return None
            return a + m.start(), _squeeze(printed[a + m.start():k] + printed[lower:end])
    return None


def _siblings(text: str, printed: str, head: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """The numbers printed after ``head`` without their issuer, each made whole from it:
    ``国家税务总局令第50号、53号修正`` gives 国家税务总局令第53号, ``国务院第708号令、第709号令`` gives
    国务院第709号令, ``晋政发〔2019〕1号、〔2020〕3号`` gives 晋政发〔2020〕3号, ``交通运输部令2016年第55号、
    2019年第3号`` gives 交通运输部令2019年第3号. Each must be followed by what follows a document's
    number (``citations.elided_number_follow``), not by 楼 or 线."""
    h = _HEAD.match(_squeeze(simplify(head[2])))
    if not h:
        return []
    printed_head = _squeeze(head[2])
    follow = entry("citations.elided_number_follow")
    out, pos = [], head[1]
    while (m := _SIBLING.match(text, pos)) is not None:
        if re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1]) and not follow.test(text[m.end():m.end() + 4]):
            break
        if m.group("n") and bool(m.group("order")) == bool(h.group("order")):
            # 53号, 第709号令: the head's issuer, year and 第, this number
            number = printed_head[:h.start("n")] + m.group("n") + printed[m.end("n"):m.end()]
            at = m.start("n")
        elif m.group("year") and h.group("year") and (h.group("year")[-1] == "年") == ("年" in m.group("year")):
            # 〔2020〕3号, 2019年第3号: the head's issuer, this year and number
            number = printed_head[:h.start("year")] + printed[m.start("year"):m.end()]
            at = m.start("year")
        else:
            break
        out.append((at, m.end(), number))
        pos = m.end()
    return out


def _number_after(text: str, pos: int, starts: dict[int, tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The 文号 in the bracket right after a title: ``》(国发〔2018〕42号)``, ``》通知(…)``."""
    m = _TITLE_TO_NUMBER.match(text, pos)
    return starts.get(m.end()) if m else None


def _lists(titles: list[re.Match[str]], text: str) -> list[list[int]]:
    """Indexes of the titles grouped into lists (《A》、《B》和《C》): neighbours joined by a list word."""
    joins = entry("citations.title_list_joins")
    groups: list[list[int]] = []
    for i, m in enumerate(titles):
        if groups and joins.test(_squeeze(text[titles[i - 1].end():m.start()])):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


_Found = tuple[int, int, int, "str | None", "str | None"]  # (pos, start, end, number, title)


def _titles(text: str, printed: str, doc: Document,
            starts: dict[int, tuple[int, int, str]]) -> tuple[list[_Found], set[int]]:
    """(pos, start, end, number, title) of every cited 《title》, and the starts of the numbers read
    with a title (those are no bare citations)."""
    own_titles = _own_titles(doc)
    issued = _issued(norm(simplify(doc.title or "")))  # 印发《A》和《B》的通知: A and B both
    short_names: set[str] = set()
    titles = list(TITLE.finditer(text))
    own_list: set[int] = set()
    for group in _lists(titles, text):
        if entry("citations.own_list_after").test(_squeeze(text[titles[group[-1]].end():titles[group[-1]].end() + 24])):
            own_list.update(group)
    found: list[_Found] = []
    numbered_at: set[int] = set()
    attached = False  # the title before was listed under an 附件 label: 附件:1.《A》 / 2.《B》
    for i, m in enumerate(titles):
        title = _squeeze(printed[m.start(1):m.end(1)])
        if attached and not entry("citations.attachment_items").test(_squeeze(text[titles[i - 1].end():m.start()])):
            attached = False
        key = norm(simplify(title))
        before = _squeeze(text[max(0, m.start() - 8):m.start()])
        if entry("citations.abbreviation_before").test(before) or key in short_names:
            short_names.add(key)  # 以下简称《条例》: a short name, here and later
            continue
        num = _number_after(text, m.end(), starts)
        if num:
            numbered_at.add(num[0])
            found.append((m.start(), num[0], num[1], num[2], title))
            continue
        if key in own_titles or key.replace("的", "") in own_titles or any(_listed(key, g) for g in issued):
            continue
        after = _squeeze(text[m.end():m.end() + 16])
        label = entry("citations.own_before").find(before)
        attached = attached or bool(label and "附件" in label.group())
        if i in own_list or attached or label or entry("citations.own_after").test(after):
            own_titles.add(key)  # later mentions of the notice's own plan are not citations either
            continue
        if entry("citations.generic_before").test(before):
            continue
        if is_document_title(simplify(title)) or entry("citations.standard_codes").test(after):
            start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip("\n\t"))  # 《 may end a line
            found.append((m.start(), start, m.end(1), None, title))
    return found, numbered_at


def _is_own_number(number: str, own: str | None) -> bool:
    """The document's own number, also with a word glued before it by the page (``法规`` of a site
    label, a title's last word): a number ending with the own one after Han characters only."""
    if not own:
        return False
    n = norm(number)
    return n == own or (n.endswith(own) and re.fullmatch(r"[\u4e00-\u9fff]{1,6}", n[: -len(own)]) is not None)


def extract(doc: Document) -> list[Fact]:
    """One ``citation`` fact per document that ``doc`` cites, on the line of its first mention."""
    stream = _Stream.of(doc)
    printed = stream.text
    text = simplify(printed)  # same length: traditional script matches, facts keep the printed form
    own_number = norm(doc.number) if doc.number else None
    widths = line_widths(doc.lines)
    found_numbers = _numbers(text, printed,
                             lambda at: is_full_line(doc.lines, stream.lines[at] - doc.start, widths))
    starts = {n[0]: n for n in found_numbers}
    found, numbered_at = _titles(text, printed, doc, starts)
    for start, end, number in found_numbers:
        if start not in numbered_at:
            found.append((start, start, end, number, None))

    facts: list[CitationFact] = []
    by_key: dict[str, int] = {}  # "no:"/"ti:" key -> index in facts
    for _, start, end, number, title in sorted(found, key=lambda f: f[0]):
        if number and _is_own_number(number, own_number):
            continue
        keys = ["no:" + number_identity(norm(number))] if number else []
        if title:
            keys.append("ti:" + norm(title))
        hit = next((by_key[k] for k in keys if k in by_key), None)
        if hit is not None:
            first = facts[hit]
            if number and not first.cited_number:  # a title cited first bare, later with its number
                facts[hit] = replace(first, cited_number=number)
            for k in keys:
                by_key.setdefault(k, hit)
            continue
        for k in keys:
            by_key[k] = len(facts)
        src = Src(doc.file, stream.lines[start], stream.lines[end - 1])
        facts.append(CitationFact(src=src, doc=doc.doc_key, cited_number=number,
                                  cited_title=title, doc_title=doc.doc_title))
    return list(facts)
