"""A Word (.docx) file → the document's lines: each body paragraph a line (its soft line breaks lines of
their own), each table row one line of tab-separated cells (a merged cell once); page headers,
footers and comments are not the document. Origins: the paragraph's number in the body, or the
table's number and the row's."""
from __future__ import annotations

import io

from govkg.facts import Origin
from govkg.text.formats.lines import Layout


def read_docx(data: bytes) -> Layout:
    """The lines of a ``.docx`` file (python-docx; see the module docstring)."""
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(data))
    layout = Layout()
    paragraph = table = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table += 1
            layout.paragraph_break()
            for r, row in enumerate(block.rows, 1):
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is repeated for each grid column it spans
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
                if any(cells):
                    layout.add("\t".join(cells).rstrip("\t"), Origin(table=table, row=r))
            layout.paragraph_break()
            continue
        paragraph += 1
        text = block.text.replace("\r", "").strip()
        if text:
            layout.add(text, Origin(paragraph=paragraph))
            layout.paragraph_break()
    while layout.lines and not layout.lines[-1]:
        layout.lines.pop()
        layout.origins.pop()
    return layout


__all__ = ["read_docx"]
