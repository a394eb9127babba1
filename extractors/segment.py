"""Split a gazette issue into its documents (first cut: number lines and headings)."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from extractors.document import Document
from kg.facts import DocumentFact, Src

NUMBER_LINE = re.compile(r"^\s*([\u4e00-\u9fff]{2,10}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号)\s*$")
HEADING = re.compile(r"^#+\s*(.+?)\s*$")


def _clean(s: str) -> str:
    return re.sub(r"\s+", "", s)


def segment(text: str, file: str) -> list[Document]:
    """The documents of one issue, in order, each with its line span."""
    lines = text.split("\n")
    starts: list[tuple[int, int, str]] = []  # (first line idx, number line idx, number)
    for i, line in enumerate(lines):
        m = NUMBER_LINE.match(line)
        if not m:
            continue
        j = i - 1
        while j >= 0 and not HEADING.match(lines[j]):
            j -= 1
        starts.append((max(j, 0), i, _clean(m.group(1))))
    docs = []
    for k, (first, num_idx, number) in enumerate(starts):
        last = (starts[k + 1][0] - 1) if k + 1 < len(starts) else len(lines) - 1
        title = _clean(HEADING.match(lines[first]).group(1)) if HEADING.match(lines[first]) else ""
        docs.append(Document(file=file, start=first + 1, end=last + 1, lines=tuple(lines[first:last + 1]),
                             number=number, title=title, number_line=num_idx + 1))
    return docs


def documents_to_facts(docs: Iterable[Document]) -> Iterator[DocumentFact]:
    """One ``document`` fact per document, placed on its number line."""
    for d in docs:
        yield DocumentFact(src=Src(d.file, d.number_line or d.start, d.end), doc=d.number, title=d.title,
                           issuer=d.issuer, date=d.date, doc_title=d.doc_title)
