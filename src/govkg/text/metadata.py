"""The metadata rows a government site prints above a document.

A page of a site's 信息公开 catalogue labels the document's fields before its text::

    索 引 号：11360300/2023-00412    主题分类：综合政务
    发布机构：某市人民政府办公室    成文日期：2023年04月11日
    标    题：某市人民政府办公室关于某事的通知
    发文字号：某府办字〔2023〕27号    发布日期：2023年04月13日

Sites print the same rows in other ways, all read here: a bullet before each row (``• 发文字号:``,
``- 名 称:``), several rows on one line with or without colons (``索引号 6207/2020-00915 发文字号
某政发〔2020〕110号``), a label alone on its line with its value on the next (``发文字号:`` /
``某政发〔2024〕7号``), labels with empty values (``文号:`` then the next label). The labels and the
field each gives are ``documents.metadata_labels``; a row is a line that starts with a label, so a
word such as 来源 inside running text is never one. Only the first lines of a file are read.

What the rows give: the number, the title, the issuing body (as printed: the caller decides whether
it names an issuer), and the date the document was made or issued (成文日期 / 发文日期; a posting date,
发布日期, is site furniture).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from govkg.lexicon import entry
from govkg.text.docnumber import DOC_NUMBER
from govkg.text.numerals import parse_date
from govkg.text.script import simplify

TOP_LINES = 40  # metadata rows stand above the document's text
_BULLET = re.compile(r"^\s*[•·●◆◇▪■□\-*]?\s*")
_ISO_DATE = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)")
_PRINTED_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


@dataclass
class Metadata:
    """The fields of a page's metadata rows (0-based line indexes; None where no row gives one)."""

    rows: set[int] = field(default_factory=set)  # every line that is a row or a row's value
    number: str | None = None
    number_line: int | None = None
    title: str | None = None
    title_line: int | None = None
    issuer: str | None = None
    date: str | None = None


@lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    """A label, spaces allowed between its characters, with its colon (on the simplified shadow)."""
    words = sorted(entry("documents.metadata_labels").words, key=len, reverse=True)
    spaced = "|".join(r"[ \u3000]*".join(map(re.escape, w)) for w in words)
    return re.compile(rf"(?P<label>{spaced})[ \u3000]*[:：]?[ \u3000]*")


def _labels(shadow: str) -> list[re.Match[str]]:
    """The labels of a row: one at its start (after a bullet), then any after whitespace."""
    lead = _BULLET.match(shadow).end()
    first = _label().match(shadow, lead)
    if not first:
        return []
    out = [first]
    for m in _label().finditer(shadow, first.end()):
        if m.start() >= out[-1].end() and shadow[m.start() - 1].isspace():
            out.append(m)
    return out


def _field(label: str) -> str:
    return entry("documents.metadata_labels").value("".join(label.split()), "other")


def row_date(value: str) -> str | None:
    """The date a row's value gives (``2019-01-07``, ``2023年04月11日``, a time after it allowed)."""
    v = value.strip()
    m = _ISO_DATE.match(v)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = _PRINTED_DATE.match(v)
    return parse_date(m.group()) if m else parse_date(v)


def _number(value: str) -> str | None:
    """The 文号 a value opens with, whitespace removed, if it is followed by nothing or a space."""
    shadow = simplify(value)
    got = DOC_NUMBER.full.match(shadow)
    if not got or (got.end() < len(shadow) and not shadow[got.end()].isspace()):
        return None
    return "".join(value[:got.end()].split())


def read(raw: list[str]) -> Metadata:
    """The metadata rows among the first lines of a file (``raw``: its lines as printed)."""
    meta = Metadata()
    printed = [i for i in range(min(len(raw), TOP_LINES)) if raw[i].strip()]
    pending: str | None = None  # the field of a label printed with its value on the next line
    for i in printed:
        shadow = simplify(raw[i])
        labels = _labels(shadow)
        if not labels:
            if pending is not None and _value_like(shadow) and (pending != "other" or not _heading(shadow)):
                meta.rows.add(i)
                _give(meta, pending, raw[i].strip(), i)
            pending = None
            continue
        meta.rows.add(i)
        pending = None
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(raw[i])
            value = raw[i][m.end():end].strip()
            if value:
                _give(meta, _field(m.group("label")), value, i)
            elif k + 1 == len(labels):
                pending = _field(m.group("label"))
    return meta


def _value_like(shadow: str) -> bool:
    """A line that may be a row's value: no sentence (an addressee ends with a colon, prose holds commas)."""
    t = shadow.strip()
    return not re.search(r"[，,。；;！？]", t) and not t.endswith(("：", ":"))


def _heading(shadow: str) -> bool:
    """A line after a label of no field of ours (内容概述:) that is the page's heading, not the
    label's value: it ends with a document kind."""
    return entry("documents.title_kinds").test(re.sub(r"[(（][^()（）]*[)）]$", "", "".join(shadow.split())))


def _give(meta: Metadata, name: str, value: str, line: int) -> None:
    """Record a row's value under its field (the first row of a field wins)."""
    if name == "number" and meta.number is None:
        number = _number(value)
        if number:
            meta.number, meta.number_line = number, line
    elif name == "title" and meta.title is None:
        meta.title, meta.title_line = "".join(value.split()), line
    elif name == "issuer" and meta.issuer is None:
        meta.issuer = "".join(value.split())
    elif name == "date" and meta.date is None:
        meta.date = row_date(value)


__all__ = ["Metadata", "read", "row_date", "TOP_LINES"]
