"""The walk's paragraphs: wrapped lines joined (one-item-per-line lists read as ``、`` lists), table
rows read cell by cell, headings and their outline depth."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from govkg.extract.bodies.names import is_body_name, offices_at
from govkg.extract.composition.spans import Span, clean, make_span
from govkg.extract.composition.vocab import (
    AGENCY_END,
    BODY_SUFFIX,
    ITEM_START,
    POST_END,
    ROLE,
    TERMINAL,
    UNIT_LABEL,
    is_agency,
)
from govkg.extract.people.lists import HEAD_TITLE
from govkg.extract.people.names import ITEM_NUMBER, ROLE_LABEL, split_names
from govkg.lexicon import entry
from govkg.text.document import Document
from govkg.text.script import simplify
from govkg.text.wrap import cuts_a_word, is_full_line, line_widths

HEADING = re.compile(r"^\s*(?:#+\s*|\*\*)?\s*(?:第[一二三四五六七八九十]+[章节条]|[一二三四五六七八九十]+、|"
                     r"[(（][一二三四五六七八九十\d]+[)）]|\d+(?:[.．]+\d+)*\s*[.．、]?)\s*(?P<rest>.*)$")
LABEL = re.compile(rf"^(?:{ITEM_NUMBER})?(?P<label>{ROLE}|{UNIT_LABEL})[:：]")
_BODY_ROLE_LABEL = re.compile(rf"^(?:{ITEM_NUMBER})?(?P<body>[^\W\d_]{{1,8}}?(?:组|小组|指挥部|委员会))(?P<label>{ROLE})[:：]")


_LABEL_NOTE = re.compile(rf"^((?:{ROLE}|{UNIT_LABEL}))[(（][^()（）:：]{{1,12}}[)）](?=[:：])")


@lru_cache(maxsize=65536)
def label_of(raw: str) -> re.Match[str] | None:
    head = simplify(clean(raw))
    head = _LABEL_NOTE.sub(r"\1", head)  # 成员单位（排名不分先后）：
    return LABEL.match(head) or _BODY_ROLE_LABEL.match(head)


# a duty line (主要职责：, 牵头单位：, 协同责任单位：) starts a paragraph; role and unit words are the assignments'
DUTY_LABEL = re.compile(rf"^(?:[^\W\d_]{{0,12}}?(?:职责|职能|任务)|(?:{entry('assignments.roles').alternation})"
                        rf"(?:{entry('assignments.units').alternation}))[:：]")


@dataclass
class Para:
    """One logical paragraph (or one table cell segment) and its kind."""

    span: Span
    kind: str            # "text", "heading", "row"
    cells: list[Span] = field(default_factory=list)
    raw_cells: list[str] | None = None   # a row's cells as printed, where the line holds more than one row


_BARE_LABEL_LINE = re.compile(rf"(?:{ROLE}|成员单位|组成单位|成员)")




@lru_cache(maxsize=65536)
def _breaks_before(raw: str) -> bool:
    st = raw.strip()
    # any role label of the lists (顾问：, 联络员：) opens a line of its own, though the walk reads only some
    # 管委会办公室设在市发改委 (办公室设X, 下设办公室在X): a sentence about the office, never an item of the list above
    return (not st or "\t" in raw or st.startswith(("#", "**", "|", "<")) or bool(label_of(raw))
            or bool(ROLE_LABEL.match(clean(raw)))
            or bool(_BARE_LABEL_LINE.fullmatch(simplify(clean(raw))))
            or bool(re.match(r"^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)+)", raw))
            or "附件" == clean(raw)[:2] or bool(DUTY_LABEL.match(simplify(clean(raw))))
            or _opens_office_sentence(simplify(clean(raw))))


def _opens_office_sentence(s: str) -> bool:
    """The line's first sentence says where an office sits (``领导小组办公室设在…``); not a line a wrap opened
    with the end of the sentence before (``员单位。指挥部办公室设在…``)."""
    m = next(offices_at(s), None)
    return m is not None and not re.search(r"[。；;]", s[:m.start()])


def _numbered_title(text: str) -> bool:
    """``2.4.1现场处置组``: a numbered line that is only a title, so nothing joins onto it."""
    m = HEADING.match(text)
    if not m or not m.group("rest") or m.group("rest") == text:
        return False
    rest = simplify(m.group("rest")).rstrip("。.")
    return len(text) <= 15 or bool(re.fullmatch(rf"[^\W\d_]{{1,40}}?{BODY_SUFFIX}", rest)) or is_body_name(rest)


# a news lead opens with its dateline: 6月15日，… / 本报讯 / 新华社北京3月9日电
_DATELINE = re.compile(r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|本报讯|新华社|中新网|据[^\W\d_]{2,12}(?:报道|消息))")


_ITEM_NUMBER = re.compile(r"^(?:\d+[.．、]|[(（]\d+[)）]|\d+[)）])")


def _numbered_item(piece: Span) -> Span | None:
    """``1.市发改委`` / ``(2)市财政局局长``: one numbered agency or post, without its number."""
    m = _ITEM_NUMBER.match(piece.text)
    if not m:
        return None
    rest = piece.sub(m.end(), len(piece.text)).strip("、，,。；; ")
    if rest.text and is_body_name(rest.simp):
        return None  # 2、市安全生产委员会 heads the next body of a numbered list of bodies
    return rest if rest.text and _whole_item(rest.simp) else None


def _whole_item(text: str) -> bool:
    """A short line that is one whole post or agency (lists printed one per line)."""
    return len(text) <= 30 and not re.search(r"[，,。；;：:、]", text) and bool(POST_END.search(text) or is_agency(text))


def _names_value(span: "_Joining") -> bool:
    """A label whose value is a list of people's names (副组长:裘东耀、赵树梅): a list that is complete."""
    if not span.labelled():
        return False
    value = re.split(r"[:：]", span.text, maxsplit=1)[-1]
    return bool(split_names(value))


def _bare_label(span: "_Joining") -> bool:
    """``成员单位:`` with its list on the following lines."""
    return span.length <= 8 and span.last(1) in ":：" and span.labelled()


def cells_of(raw: str) -> list[str] | None:
    """The cells of a table row (tab-separated, or a markdown ``| a | b |`` row); None for text."""
    st = raw.strip()
    if st.startswith("|") and st.endswith("|") and len(st) > 1:
        return st[1:-1].split("|")
    return raw.split("\t") if "\t" in raw else None


_TR = re.compile(r"<tr[^>]*>(.*?)</tr>", re.I | re.S)
_TD = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.I | re.S)


def html_rows(raw: str) -> list[list[str]]:
    """The rows of an HTML table printed on one line (one row or a whole ``<table>``), as cell lists."""
    if "<tr" not in raw.lower():
        return []
    return [_TD.findall(tr) for tr in _TR.findall(raw)]


# label_of reads the start of a text only: a label with its item number and note is well within this many
# characters of a whitespace-free text (item number 4, a body's name 11, role 7, colon; a note of 14 dropped)
_LABEL_REACH = 64


class _Joining:
    """The paragraph being joined line by line: its pieces kept apart until it is read whole, so a list of
    n items printed one per line costs n pieces, not n joins of a growing text (which was quadratic).
    Whether it opens with a label is remembered once it is longer than a label can reach: pieces added
    after that leave its start alone (unless one holds markup, which ``clean`` might join across pieces)."""

    def __init__(self, first: Span) -> None:
        self.parts = [first]
        self.length = len(first.text)
        self.plain = "<" not in first.text and "*" not in first.text
        self._label: bool | None = None

    def add(self, *spans: Span) -> "_Joining":
        for sp in spans:
            self.parts.append(sp)
            self.length += len(sp.text)
            self.plain = self.plain and "<" not in sp.text and "*" not in sp.text
        return self

    @property
    def span(self) -> Span:
        """The paragraph as one span."""
        if len(self.parts) > 1:
            self.parts = [Span("".join(p.text for p in self.parts), [n for p in self.parts for n in p.lines])]
        return self.parts[0]

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def end_line(self) -> int:
        return self.parts[-1].end_line

    def last(self, k: int) -> str:
        """The last ``k`` characters (``text[-k:]`` without joining the pieces)."""
        tail, n = [], 0
        for p in reversed(self.parts):
            tail.append(p.text)
            n += len(p.text)
            if n >= k:
                break
        return "".join(reversed(tail))[-k:]

    def labelled(self) -> bool:
        """``bool(label_of(self.text))``."""
        if self._label is None or not (self.plain and self.length > _LABEL_REACH):
            self._label = bool(label_of(self.text))
        return self._label


def paragraphs(doc: Document) -> Iterator[Para]:
    """Logical paragraphs of a document: wrapped lines joined, tables as rows."""
    for para in _paragraphs(doc):
        if isinstance(para.span, _Joining):
            para.span = para.span.span
        yield para


def _paragraphs(doc: Document) -> Iterator[Para]:
    cur: _Joining | None = None
    cur_heading = False
    signers = {clean(x) for x in (doc.issuer or "").split("、") if x}  # the signature is no list item
    here: int | None = None
    widths = line_widths(doc.lines)  # measured once: each line's question looks at sixty around it
    for lineno, raw in doc.numbered():
        if not raw.strip():
            continue
        above, here = here, lineno - doc.start
        rows = html_rows(raw)
        if rows:  # <tr><td>…</td></tr>: each row read like a tab-separated one
            if cur is not None:
                yield Para(cur, "heading" if cur_heading else "text")
                cur = None
            for row in rows:
                cells = [make_span(c, lineno) for c in row]
                if any(c.text for c in cells):
                    yield Para(make_span("".join(row), lineno), "row", cells, raw_cells=row)
            continue
        raw_cells = cells_of(raw)
        if raw_cells is not None:
            if cur is not None:
                yield Para(cur, "heading" if cur_heading else "text")
                cur = None
            if all(re.fullmatch(r"\s*:?-*:?\s*", c) for c in raw_cells):
                continue  # a markdown table's rule line
            cells = [make_span(c, lineno) for c in raw_cells]
            yield Para(make_span("".join(raw_cells), lineno), "row", cells)
            continue
        piece = make_span(raw, lineno)
        if not piece.text:
            continue
        if _BARE_LABEL_LINE.fullmatch(piece.simp):  # a role label alone on its line, without a colon
            piece = Span(piece.text + ":", piece.lines + [lineno])
        if piece.text in signers:
            if cur is not None:
                yield Para(cur, "heading" if cur_heading else "text")
            cur = None
            continue
        item = _numbered_item(piece)
        if cur is not None and item is not None and cur.labelled():
            cur.add(Span("、", [cur.end_line]), item)  # 成员单位: 1.市发改委 2.市财政局 …
            continue
        heading_line = raw.lstrip().startswith("#") or _numbered_title(piece.text)
        if cur is not None and _DATELINE.match(piece.simp) and re.search(rf"{BODY_SUFFIX}$", cur.span.simp):
            yield Para(cur, "heading")  # a news headline naming a body, then the dated lead: two paragraphs
            cur, cur_heading = _Joining(piece), heading_line
            continue
        if cur is not None and not cur_heading and piece.text[0] in "、，," and cur.last(1) not in TERMINAL:
            cur.add(piece)  # …市发展和改革委员会 / 、市公安局…: the wrap put the list's separator at the line's start
            continue
        if cur is not None and not cur_heading and not heading_line and cur.last(1) not in TERMINAL \
                and above is not None and is_full_line(doc.lines, above, widths) and not _breaks_before(raw):
            cur.add(piece)  # the line above fills the width the text is wrapped at: its sentence goes on here
            continue
        if cur is not None and not cur_heading and not heading_line \
                and (cur.last(1) not in TERMINAL or _bare_label(cur)) and not _breaks_before(raw):
            prev = simplify(cur.last(8))
            complete = bool(POST_END.search(prev) or AGENCY_END.search(prev)) or _names_value(cur)
            if complete and (cuts_a_word(prev, piece.simp) or AGENCY_END.search(prev) and HEAD_TITLE.match(piece.simp)):
                cur.add(piece)  # …市人力资源和社会保障局 / 局长: the head's title ends the post, no item of its own
                continue
            # a sentence after a list (区规委会办公室设在…，…) is no item of it
            sentence = bool(re.search(r"[，,。；;]", piece.simp.rstrip("，,。；;、")))
            # (a line that fills the width the text is wrapped at is as long as a sentence gets there)
            if complete and sentence and (len(piece.text) >= 20 or is_full_line(doc.lines, here, widths)):
                yield Para(cur, "text")
                cur, cur_heading = _Joining(piece), heading_line
                continue
            if complete and (ITEM_START.match(piece.simp) or _whole_item(piece.simp)):
                cur.add(Span("、", [cur.end_line]), piece)
                continue
            if not (complete and len(piece.text) >= 30):  # a long line after a whole item starts anew
                cur.add(piece)
                continue
        if cur is not None:
            yield Para(cur, "heading" if cur_heading else "text")
        cur, cur_heading = _Joining(piece), heading_line
    if cur is not None:
        yield Para(cur, "heading" if cur_heading else "text")


_CN = "一二三四五六七八九十"


def heading_depth(text: str) -> int | None:
    """Outline depth of a numbered heading: 第X章 0, 一、 1, (一) 2, 2.1 2, 2.1.1 3, 1. 3, (1) 4."""
    t = text.lstrip("#").strip()
    if re.match(rf"^第[{_CN}]+章", t):
        return 0
    if re.match(rf"^[{_CN}]+、", t):
        return 1
    if re.match(rf"^[(（][{_CN}]+[)）]", t):
        return 2
    m = re.match(r"^(\d+(?:[.．]+\d+)+)", t)
    if m:
        return len(re.findall(r"\d+", m.group(1)))
    if re.match(r"^\d+[.．、]", t):
        return 3
    if re.match(r"^[(（]\d+[)）]", t):
        return 4
    if re.match(r"^\d+(?!\d)", t):
        return 1
    return None


def is_heading(text: str) -> bool:
    """A numbered short line: a heading, unless it is a sentence (a heading that names a body may end in 。)."""
    m = HEADING.match(text)
    rest = (m.group("rest") if m else text).rstrip("。")
    return text[-1] not in "。；;" or bool(re.fullmatch(rf"[^\W\d_]{{1,40}}?{BODY_SUFFIX}", simplify(rest)))
