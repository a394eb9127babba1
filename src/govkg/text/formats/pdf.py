"""A PDF gazette → its lines in reading order, with the page and the line on the page of each.

pdfplumber (MIT, on pdfminer.six) gives every character with its box and finds ruled tables from the
drawn lines. On each page:

1. **Running headers, footers and page numbers** — lines in the top or bottom band of the page that
   repeat on other pages (digits aside: ``第 3 页``, a date) or are a bare page number — are dropped.
2. **Ruled tables** are read as tables: one line per row, cells joined by tabs (the form the plain-text
   gazettes print tables in), a wrapped cell joined back; their characters leave the text flow.
3. **Columns**: a vertical gutter that no text fragment crosses splits the page; the text between two
   full-width elements (a heading, a table) is read left column first, then right.
4. **Lines and paragraphs**: characters on one baseline form a line (a gap of 1.5 em or more is a tab,
   as between the cells of an unruled table); a line that runs to the column's right edge continues
   in the next one when that one is not indented — also across a page break, so a document that
   continues on the next page reads on. Paragraphs are separated by a blank line.

A page with no text layer is handed to OCR (``govkg.text.formats.ocr``) when Tesseract is installed,
else reported in one line. The origin of each line is its page and its line on the page in reading
order (the first line of a joined paragraph); ``ocr`` is set for recognised pages.
"""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from typing import Iterable

from govkg.facts import Origin
from govkg.text.formats.glyphs import Glyph, fold
from govkg.text.formats.lines import Layout

MARGIN = 0.075       # share of the page height where running headers and footers live
HEADING = 1.15       # a short line set this much larger than the body text is a heading
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?[\d一二三四五六七八九十百]+\s*(?:页|頁)?(?:\s*[/／共]\s*\d+\s*(?:页|頁)?)?[-—–－\s]*$")
_CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]")

@dataclass
class Fragment:
    """Glyphs on one baseline with no wide gap between them."""

    glyphs: list[Glyph]

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    def text(self) -> str:
        out: list[str] = []
        prev: Glyph | None = None
        for g in self.glyphs:
            # a visible gap is a space, except between Chinese characters (OCR boxes them one by one)
            cjk = bool(_CJK.match(g.text[:1]) and _CJK.match(prev.text[-1:])) if prev is not None else False
            if prev is not None and g.x0 - prev.x1 > (0.6 if cjk else 0.25) * g.size and out and out[-1] != " " and g.text != " ":
                out.append(" ")
            out.append(g.text)
            prev = g
        return "".join(out).strip()


@dataclass
class Row:
    """One visual line of a column (or a table row) as it will be written."""

    text: str
    x0: float
    x1: float
    top: float
    size: float
    table: bool = False


@dataclass
class Block:
    """What a band of the page holds: its rows in reading order, and the column's edges."""

    rows: list[Row] = field(default_factory=list)
    left: float = 0.0
    right: float = 0.0
    side: str = "full"  # "left" or "right" column, or "full" width


def _lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline, each line left to right, lines top to bottom."""
    out: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (round(g.top), g.x0)):
        for line in reversed(out[-6:]):
            ref = line[0]
            if abs(g.top - ref.top) < 0.5 * min(g.size, ref.size) and abs(g.bottom - ref.bottom) < 0.6 * max(g.size, ref.size):
                line.append(g)
                break
        else:
            out.append([g])
    for line in out:
        line.sort(key=lambda g: g.x0)
    out.sort(key=lambda line: min(g.top for g in line))
    return out


def _fragments(line: list[Glyph]) -> list[Fragment]:
    frags: list[Fragment] = []
    for g in line:
        if frags and g.x0 - frags[-1].x1 < 1.5 * g.size:
            frags[-1].glyphs.append(g)
        else:
            frags.append(Fragment([g]))
    for f in frags:  # a fragment does not start or end with a space
        while f.glyphs and not f.glyphs[-1].text.strip():
            f.glyphs.pop()
    return [f for f in frags if f.glyphs and f.text()]


def _gutter(frags: list[Fragment], width: float) -> float | None:
    """The x of a column gutter that (nearly) no fragment crosses, with text on both sides, or None."""
    if len(frags) < 6:
        return None
    best: tuple[int, int, float] | None = None
    at: float | None = None
    x = 0.3 * width
    while x <= 0.7 * width:
        crossing = sum(1 for f in frags if f.x0 < x < f.x1)
        left = sum(1 for f in frags if f.x1 <= x)
        right = sum(1 for f in frags if f.x0 >= x)
        if left >= 3 and right >= 3 and crossing <= 0.15 * len(frags) and _prose(frags, x):
            key = (crossing, -min(left, right), abs(x - width / 2))
            if best is None or key < best:
                best, at = key, x
        x += 2.0
    return at


def _prose(frags: list[Fragment], gutter: float) -> bool:
    """Columns of running text on both sides of ``gutter``: three lines or more on each side reach their
    column's right edge (the cells of a table beside each other do not)."""
    for side in ([f for f in frags if f.x1 <= gutter], [f for f in frags if f.x0 >= gutter]):
        edge = max(f.x1 for f in side)
        if sum(1 for f in side if edge - f.x1 < 1.5 * f.size and f.x1 - f.x0 > 8 * f.size) < 3:
            return False
    return True


def _column_rows(frags: list[Fragment]) -> list[Row]:
    """One row per baseline of a column's fragments; fragments far apart on one line are tab-separated."""
    rows: list[Row] = []
    by_line: list[list[Fragment]] = []
    for f in sorted(frags, key=lambda f: (f.top, f.x0)):
        if by_line and abs(f.top - by_line[-1][0].top) < 0.5 * f.size:
            by_line[-1].append(f)
        else:
            by_line.append([f])
    for line in by_line:
        line.sort(key=lambda f: f.x0)
        rows.append(Row("\t".join(f.text() for f in line), line[0].x0, line[-1].x1, line[0].top,
                        max(f.size for f in line)))
    return rows


@dataclass
class PageText:
    """A page read: its blocks in reading order, and whether it came from OCR."""

    number: int
    blocks: list[Block]
    ocr: bool = False


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def page_blocks(glyphs: list[Glyph], tables: list[tuple[tuple[float, float, float, float], list[list[str]]]],
                width: float) -> list[Block]:
    """The reading order of one page's glyphs (furniture already removed) and ruled tables."""
    inside = [bbox for bbox, _ in tables]

    def in_table(g: Glyph) -> bool:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        return any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in inside)

    frags = [f for line in _lines(g for g in glyphs if not in_table(g)) for f in _fragments(line)]
    gutter = _gutter(frags, width)
    # full-width elements (fragments across the gutter, tables) cut the page into bands
    items: list[tuple[float, str, object]] = []
    for f in frags:
        kind = "full" if gutter is None or f.x0 < gutter < f.x1 else ("left" if f.x1 <= gutter else "right")
        items.append((f.top, kind, f))
    for bbox, rows in tables:
        kind = "full" if gutter is None or bbox[0] < gutter < bbox[2] else ("left" if bbox[2] <= gutter else "right")
        items.append((bbox[1], f"table-{kind}", (bbox, rows)))
    items.sort(key=lambda it: it[0])
    # each column's edges on the page (a band of short lines does not reach its column's right edge)
    edges: dict[str, tuple[float, float]] = {}
    for side in ("left", "right", "full"):
        xs = [(f.x0, f.x1) for _, kind, f in items if kind == side]
        if xs:
            edges[side] = (min(x for x, _ in xs), max(x for _, x in xs))
    if "full" in edges or not edges:
        every = [(f.x0, f.x1) for f in frags] or [(0.0, width)]
        edges["full"] = (min(x for x, _ in every), max(x for _, x in every))
    blocks: list[Block] = []
    band: dict[str, list] = {"left": [], "right": []}

    def close_band() -> None:
        for side in ("left", "right"):
            entries = band[side]
            if entries:
                blocks.append(_block(entries, edges.get(side), side))
            band[side] = []

    full_run: list = []
    for top, kind, obj in items:
        side = kind.removeprefix("table-")
        if side == "full":
            close_band()
            full_run.append((kind, obj))
            continue
        if full_run:
            blocks.append(_block(full_run, edges.get("full")))
            full_run = []
        band[side].append((kind, obj))
    close_band()
    if full_run:
        blocks.append(_block(full_run, edges.get("full")))
    return blocks


def _block(entries: list, edges: tuple[float, float] | None, side: str = "full") -> Block:
    """Rows of one column band (fragments and tables in top-to-bottom order), with its column's edges."""
    rows: list[Row] = []
    frags: list[Fragment] = []

    def flush() -> None:
        if frags:
            rows.extend(_column_rows(frags))
            frags.clear()

    for kind, obj in entries:
        if kind.startswith("table"):
            flush()
            bbox, table_rows = obj
            for cells in table_rows:
                text = "\t".join(_cell(c) for c in cells).rstrip("\t")
                if text.strip():
                    rows.append(Row(text, bbox[0], bbox[2], bbox[1], 10.0, table=True))
        else:
            frags.append(obj)
    flush()
    text_rows = [r for r in rows if not r.table]
    if edges is None:
        edges = (min((r.x0 for r in text_rows), default=0.0), max((r.x1 for r in text_rows), default=0.0))
    return Block(rows, *edges, side=side)


def _cell(text: str | None) -> str:
    """A table cell on one line: its wrapped lines joined (no space between Chinese characters)."""
    if not text:
        return ""
    parts = [p.strip() for p in fold(text).split("\n") if p.strip()]
    out = ""
    for p in parts:
        out += ("" if not out or _CJK.match(p[0]) or _CJK.match(out[-1]) else " ") + p
    return out


def _pdf_glyphs(page) -> list[Glyph]:
    return [Glyph(fold(c["text"]), c["x0"], c["x1"], c["top"], c["bottom"]) for c in page.chars
            if c["text"] and 0 <= c["x0"] <= page.width and 0 <= c["top"] <= page.height]


def _tables(page) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
    out = []
    for t in page.find_tables():
        rows = t.extract()
        if len(rows) >= 1 and max((len(r) for r in rows), default=0) >= 2:
            out.append((t.bbox, [[c or "" for c in r] for r in rows]))
    return out


def _margin_lines(glyphs: list[Glyph], height: float) -> tuple[list[list[Glyph]], list[Glyph]]:
    """The lines in the header and footer bands, and the other glyphs."""
    band = MARGIN * height
    margin = [g for g in glyphs if g.bottom <= band or g.top >= height - band]
    body = [g for g in glyphs if not (g.bottom <= band or g.top >= height - band)]
    return _lines(margin), body


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if not b:
        return a
    return a + ("" if _CJK.match(a[-1]) or _CJK.match(b[0]) else " ") + b


def _write(pages: list[PageText], layout: Layout) -> None:
    """The pages' rows as lines, a line that runs on joined to the next one (also across columns and pages)."""
    open_row = False  # the last line written runs to its column's right edge and may continue
    open_width = 0.0  # the width of that line's column
    sizes = sorted(r.size for p in pages for b in p.blocks for r in b.rows if not r.table)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    for page in pages:
        page_line = 0
        for block in page.blocks:
            for row in block.rows:
                page_line += 1
                origin = Origin(page=page.number, line=page_line, ocr=page.ocr)
                if row.table:
                    layout.add(row.text, origin)
                    open_row = False
                    continue
                indent = row.x0 - block.left
                width = block.right - block.left
                if open_row and indent < 0.8 * row.size and "\t" not in row.text and abs(width - open_width) < 3 * row.size:
                    layout.lines[-1] = _join(layout.lines[-1], row.text)
                elif row.size >= HEADING * body_size and len(row.text) <= 40 and "\t" not in row.text:
                    # a heading, marked as the plain-text gazettes mark it (``## 名单``): some readers key on it
                    layout.add("## " + row.text, origin)
                    open_row = False
                    continue
                else:
                    layout.add(row.text, origin)
                # a justified line that reaches the right edge of a column of several lines was wrapped: the
                # paragraph goes on (in the next line, column or page)
                open_row = ("\t" not in row.text and block.right - row.x1 < 1.5 * row.size and width > 8 * row.size
                            and sum(not r.table for r in block.rows) >= 2)
                open_width = width
    while layout.lines and not layout.lines[-1]:
        layout.lines.pop()
        layout.origins.pop()


def read_pdf(data: bytes) -> Layout:
    """The lines of a PDF (see the module docstring)."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings on every page, not ours to fix
    from govkg.text.formats import ocr

    layout = Layout()
    raw: list[tuple[int, list[Glyph], list, float, float, bool]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            glyphs = _pdf_glyphs(page)
            tables: list = []
            recognised = False
            if not any(g.text.strip() for g in glyphs):
                got = ocr.recognise(page)
                if got is None:
                    layout.notes.append(f"page {number}: no text layer; needs OCR ({ocr.unavailable()})")
                    continue
                glyphs, recognised = got, True
            else:
                tables = _tables(page)
            raw.append((number, glyphs, tables, float(page.width), float(page.height), recognised))
    # running headers and footers: margin lines that repeat across pages (digits aside) or are page numbers
    margins = {n: _margin_lines(g, h) for n, g, _, _, h, _ in raw}
    seen: dict[str, int] = {}
    for lines, _ in margins.values():
        for key in {_furniture_key("".join(x.text for x in line)) for line in lines}:
            seen[key] = seen.get(key, 0) + 1
    pages: list[PageText] = []
    for number, glyphs, tables, width, height, recognised in raw:
        lines, body = margins[number]
        keep = [g for line in lines
                if not (_PAGE_NUMBER.match("".join(x.text for x in line))
                        or (len(raw) > 1 and seen[_furniture_key("".join(x.text for x in line))] > 1))
                for g in line]
        pages.append(PageText(number, page_blocks(body + keep, tables, width), recognised))
    # a column's edges are those of the whole document: a page of short lines does not reach them
    for side in ("left", "right", "full"):
        blocks = [b for p in pages for b in p.blocks if b.side == side and any(not r.table for r in b.rows)]
        if blocks:
            left, right = min(b.left for b in blocks), max(b.right for b in blocks)
            for b in blocks:
                b.left, b.right = left, right
    _write(pages, layout)
    if any(p.ocr for p in pages):
        layout.notes.append("page(s) " + ", ".join(str(p.number) for p in pages if p.ocr) + " read by OCR")
    return layout


__all__ = ["read_pdf", "page_blocks"]
