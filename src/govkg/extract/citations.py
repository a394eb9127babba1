"""Citation facts: references from a document to other documents, by 《title》 and/or 文号.

The document is read as one stream with line breaks and whitespace removed (titles and numbers
wrap across lines and page breaks), keeping a map from each character back to its source line.
A citation is a ``《title》`` (with the 文号 in the bracket right after it, if any) or a bare 文号.
One fact per cited document: the first mention wins, later mentions by the same number (an
order in either shape, ``国务院令第708号`` / ``国务院第708号令``) or title are dropped. Not citations: the document's own number; its own attached plan or
attachments (``《…》已经市人民政府同意``, ``《…》(附件1)``, the title its heading prints);
``《》`` items that are not documents (newspapers, certificates) or generic ones (``《作业规程》``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from govkg.facts import CitationFact, Fact, Src
from govkg.text.clean import norm
from govkg.text.docnumber import DOC_NUMBER, number_identity
from govkg.text.document import Document
from govkg.text.script import simplify

TITLE = re.compile(r"《([^《》]{1,150})》")
_TRAILING_BRACKETS = re.compile(r"(?:[(（][^()（）]*[)）])+$")
# What a document title ends with; 《》 items ending otherwise (日报, 操作证, 财富…) are not documents.
DOC_KINDS = (
    "法", "条例", "规定", "办法", "细则", "规则", "规程", "规范", "标准", "准则", "导则", "通则", "指南", "指引",
    "意见", "通知", "决定", "决议", "方案", "计划", "规划", "纲要", "大纲", "预案", "目录", "名录", "清单", "措施",
    "政策", "任务书", "责任书", "要点", "安排", "报告", "通报", "公告", "通告", "批复", "函", "令", "章程", "制度",
    "要求", "条件", "方法", "程序", "须知", "纪要", "守则", "解释", "答复", "协议", "公约",
)
# Kinds that name a specific instrument even when short (《刑法》, 《廉政准则》).
_LAW_KINDS = ("法", "条例", "准则", "章程", "公约")
# Signs that a title names a specific document: an issuer or place, 关于, a figure, a year.
_SPECIFIC = re.compile(r"中华人民共和国|国务院|中共|中央|全国|国家|[省市县区部委厅局]|关于|\d")
# Right after a title: the notice's own plan (已经市人民政府同意, 现将…印发给你们) or an attachment.
# (转发给你们 is not here: a forwarded document is another issuer's, and is cited.)
_OWN_AFTER = re.compile(r"^(?:已经|已由|已于\S{0,12}审议|现?印发给|现予印发)|^[(（]?见?附件\d*|^\S{0,4}[(（]见?附件")
_OWN_BEFORE = re.compile(r"(?:附件\d*[:：.、]?\d*[.、]?|见)$")
# A class of papers each unit writes for itself: 《各县(市、区)…预案》, 编制本辖区《…预案》.
_GENERIC_START = re.compile(r"^(?:各|本|成员单位|企事业单位|有关单位|相关单位|相关部门|有关部门)")
_GENERIC_BEFORE = re.compile(r"(?:本辖区|本地区|本区域|本单位|本部门|本级|各自)$")
# A national, sector or local standard's code right after its title: 《乡镇消防队》(GB/T 35547-2017).
_STANDARD_CODE = re.compile(r"^[(（]?(?:GB|DB|HJ|JGJ|JTG|CJJ|GA|AQ|MT|DL|SL|YY|WS|NY|LY|QX)[A-Z]*(?:/[TZ])?\d")
_HEADING_NOISE = re.compile(r"[#*:：]|^附件\d*")
_SPACES = re.compile(r"[^\S\t]+")
_SPLIT_PREFIX = re.compile(r"[(（]([\u4e00-\u9fff]{1,12})\n+$")  # (晋 / 市审管发〔2021〕34号)
# 》(…, 》通知(…, 》(2019年10月22日国务院令第722号公布)
_TITLE_TO_NUMBER = re.compile(r"\s*(?:的?通知|文件)?\s*[(（](?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)?")


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
            chars.append(squeezed)
            where.extend([lineno] * len(squeezed))
        return cls("".join(chars), tuple(where))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _kind(title: str) -> str | None:
    """The document kind a title ends with, ignoring trailing (试行), (2020年版) … groups."""
    core = _TRAILING_BRACKETS.sub("", title) or title
    for kind in sorted(DOC_KINDS, key=len, reverse=True):
        if core.endswith(kind):
            return kind
    return None


def is_document_title(title: str) -> bool:
    """Whether a 《》 title names a specific document (not a paper, a form or a generic kind)."""
    kind = _kind(title)
    if kind is None:
        return False
    core = _TRAILING_BRACKETS.sub("", title) or title
    stem = core[: -len(kind)]
    if _GENERIC_START.match(core):
        return False
    if kind in _LAW_KINDS:
        return len(stem) >= 1
    if len(stem) <= 2:  # 《作业规程》, 《汛情通报》: a class of papers, not one document
        return False
    if kind == "措施" and not _SPECIFIC.search(stem):  # 《安全生产保障措施》 each unit writes its own
        return False
    return True


def _own_titles(doc: Document) -> set[str]:
    """Titles that name the document itself or its parts: its title and the headings it prints."""
    own = {norm(_HEADING_NOISE.sub("", _squeeze(simplify(line)))) for _, line in doc.numbered()
           if "《" not in line and "》" not in line}
    own.discard("")
    title = norm(simplify(doc.title or ""))
    if title:
        own.add(title)
        for m in re.finditer(r"(?:印发|发布|公布)(.+?)的(?:通知|决定)$", title):
            own.add(m.group(1))
    return own


def _numbers(text: str, printed: str | None = None) -> list[tuple[int, int, str]]:
    """Every 文号 in the stream as (start, end, number without whitespace).

    ``text`` is matched (a simplified shadow: 號 reads as 号), ``printed`` gives the number as printed.
    The issuer prefix may not run over a line break (the line above is other text) except inside a
    bracket: ``(晋`` / ``市审管发〔2021〕34号)`` is one number.
    """
    printed = printed if printed is not None else text
    out = []
    for m in DOC_NUMBER.finditer(text):
        start, number = m.start(), _squeeze(printed[m.start():m.end()])
        if start and text[start - 1] == "\n":
            head = _SPLIT_PREFIX.search(text, max(0, start - 20), start)
            if head:
                start, number = head.start(1), printed[head.start(1):head.end(1)] + number
        out.append((start, m.end(), number))
    return out


def _number_after(text: str, pos: int, starts: dict[int, tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The 文号 in the bracket right after a title: ``》(国发〔2018〕42号)``, ``》通知(…)``."""
    m = _TITLE_TO_NUMBER.match(text, pos)
    return starts.get(m.end()) if m else None


def extract(doc: Document) -> list[Fact]:
    """One ``citation`` fact per document that ``doc`` cites, on the line of its first mention."""
    stream = _Stream.of(doc)
    printed = stream.text
    text = simplify(printed)  # same length: traditional script matches, facts keep the printed form
    own_number = norm(doc.number) if doc.number else None
    own_titles = _own_titles(doc)
    found: list[tuple[int, int, int, str | None, str | None]] = []  # (pos, start, end, number, title)
    numbers = _numbers(text, printed)
    starts = {n[0]: n for n in numbers}
    numbered_at: set[int] = set()

    for m in TITLE.finditer(text):
        title = _squeeze(printed[m.start(1):m.end(1)])
        num = _number_after(text, m.end(), starts)
        if num:
            numbered_at.add(num[0])
            found.append((m.start(), num[0], num[1], num[2], title))
            continue
        key = norm(simplify(title))
        if key in own_titles or key.replace("的", "") in own_titles:
            continue
        after = _squeeze(text[m.end():m.end() + 16])
        before = _squeeze(text[max(0, m.start() - 8):m.start()])
        if _OWN_AFTER.search(after) or _OWN_BEFORE.search(before):
            own_titles.add(key)  # later mentions of the notice's own plan are not citations either
            continue
        if _GENERIC_BEFORE.search(before):
            continue
        if is_document_title(simplify(title)) or _STANDARD_CODE.match(after):
            start = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip("\n\t"))  # 《 may end a line
            found.append((m.start(), start, m.end(1), None, title))

    for start, end, number in numbers:
        if start not in numbered_at:
            found.append((start, start, end, number, None))

    facts: list[CitationFact] = []
    by_key: dict[str, int] = {}  # "no:"/"ti:" key -> index in facts
    for _, start, end, number, title in sorted(found, key=lambda f: f[0]):
        if number and norm(number) == own_number:
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
