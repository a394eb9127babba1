"""``paragraphs`` rewritten to join a paragraph's lines without copying it again for every line (a list of
n items printed one per line was quadratic, issue 15 item 6) gives what the old code gave: pinned against
it, kept here as the reference, on every document of the sample corpus and the wide set and on long
one-item-per-line lists."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterator

from devtools.hostile import cyclic_gc_paused
from govkg.extract.composition.paragraphs import (
    _BARE_LABEL_LINE,
    _DATELINE,
    AGENCY_END,
    BODY_SUFFIX,
    ITEM_START,
    POST_END,
    TERMINAL,
    Para,
    _breaks_before,
    _numbered_item,
    _numbered_title,
    _whole_item,
    cells_of,
    html_rows,
    label_of,
    paragraphs,
)
from govkg.extract.composition.spans import Span, clean, make_span
from govkg.extract.people.names import split_names
from govkg.text.document import Document
from govkg.text.read import read_source
from govkg.text.script import simplify
from govkg.text.segment import segment
from govkg.text.wrap import is_full_line

from tests.support import CORPUS_DIR, SHARED


def _old_names_value(span: Span) -> bool:
    lab = label_of(span.text)
    if not lab:
        return False
    value = re.split(r"[:：]", span.text, maxsplit=1)[-1]
    return bool(split_names(value))


def _old_bare_label(span: Span) -> bool:
    return span.text[-1] in ":：" and bool(label_of(span.text)) and len(span.text) <= 8


def _old_paragraphs(doc: Document) -> Iterator[Para]:
    """Logical paragraphs of a document: wrapped lines joined, tables as rows."""
    cur: Span | None = None
    cur_heading = False
    signers = {clean(x) for x in (doc.issuer or "").split("、") if x}  # the signature is no list item
    here: int | None = None
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
        if cur is not None and item is not None and label_of(cur.text):
            cur = cur + Span("、", [cur.end_line]) + item  # 成员单位: 1.市发改委 2.市财政局 …
            continue
        heading_line = raw.lstrip().startswith("#") or _numbered_title(piece.text)
        if cur is not None and _DATELINE.match(piece.simp) and re.search(rf"{BODY_SUFFIX}$", cur.simp):
            yield Para(cur, "heading")  # a news headline naming a body, then the dated lead: two paragraphs
            cur, cur_heading = piece, heading_line
            continue
        if cur is not None and not cur_heading and not heading_line and cur.text[-1] not in TERMINAL \
                and above is not None and is_full_line(doc.lines, above) and not _breaks_before(raw):
            cur = cur + piece  # a line wrapped at the text's width (added with govkg.text.wrap)
            continue
        if cur is not None and not cur_heading and not heading_line and (cur.text[-1] not in TERMINAL or _old_bare_label(cur)) \
                and not _breaks_before(raw):
            prev = simplify(cur.text[-8:])
            complete = bool(POST_END.search(prev) or AGENCY_END.search(prev)) or _old_names_value(cur)
            # a sentence after a list (区规委会办公室设在…，…) is no item of it
            sentence = bool(re.search(r"[，,。；;]", piece.simp.rstrip("，,。；;、")))
            if complete and sentence and len(piece.text) >= 20:
                yield Para(cur, "text")
                cur, cur_heading = piece, heading_line
                continue
            if complete and (ITEM_START.match(piece.simp) or _whole_item(piece.simp)):
                cur = cur + Span("、", [cur.end_line]) + piece
                continue
            if not (complete and len(piece.text) >= 30):  # a long line after a whole item starts anew
                cur = cur + piece
                continue
        if cur is not None:
            yield Para(cur, "heading" if cur_heading else "text")
        cur, cur_heading = piece, heading_line
    if cur is not None:
        yield Para(cur, "heading" if cur_heading else "text")


def _key(paras: list[Para]) -> list[tuple]:
    return [(p.kind, p.span.text, list(p.span.lines), [(c.text, list(c.lines)) for c in p.cells], p.raw_cells)
            for p in paras]


def _documents() -> list[Document]:
    docs: list[Document] = []
    for folder in (CORPUS_DIR, SHARED / "wide"):
        for p in sorted(Path(folder).glob("*.txt")):
            docs += segment(read_source(p).text, p.name)
    return docs


def _list(n: int, numbered: bool) -> Document:
    lines = ("市政府决定成立晋城市安全生产委员会。", "成员单位：",
             *[f"{k + 1}.市第{k}局" if numbered else f"市第{k}局" for k in range(n)], "晋城市人民政府办公室")
    return Document(file="x.txt", start=1, end=len(lines), lines=lines)


def test_paragraphs_as_before_on_every_document():
    docs = _documents()
    assert len(docs) > 60
    for doc in docs + [_list(300, True), _list(300, False)]:
        assert _key(list(paragraphs(doc))) == _key(list(_old_paragraphs(doc))), (doc.file, doc.start)


def test_a_long_numbered_list_one_item_per_line_is_linear():
    def cpu(n: int) -> float:
        doc = _list(n, True)
        best = float("inf")
        for _ in range(3):
            with cyclic_gc_paused():
                t = time.process_time()
                paras = list(paragraphs(doc))
                best = min(best, time.process_time() - t)
        assert max(len(p.span.text) for p in paras) > 6 * n  # the items joined into one paragraph
        return best

    cpu(100)
    small, big = cpu(2000), cpu(8000)
    if big > 5 * small + 0.05:  # a busy machine may slow one run down: measure once more before failing
        small, big = cpu(2000), cpu(8000)
    assert big <= 5 * small + 0.05, (small, big)
