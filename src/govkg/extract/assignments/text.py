"""The document text an assignment reader works on: markup and page furniture blanked (offsets and line
breaks unchanged), with a map from character offsets back to source lines; and the mention type."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from govkg.text.document import Document


@dataclass(frozen=True)
class Mention:
    """One agency in a statement, with the role the statement gives it."""

    name: str
    start: int  # character offsets in the document text
    end: int
    role: str
    explicit_lead: bool = False


_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)[^>]*>|\*\*")


_BREAKS = {"br", "p", "div", "li"}


def _mask_markup(text: str) -> str:
    """``text`` with HTML tags and bold marks blanked out, offsets and line breaks unchanged.

    A line-breaking tag (``<br>``, ``</p>``) becomes a list separator, so cell lines stay apart."""
    def blank(m: re.Match[str]) -> str:
        sep = "、" if (m.group(1) or "").lower() in _BREAKS else ""
        return sep + "".join("\n" if ch == "\n" else " " for ch in m.group()[len(sep):])
    return _TAG.sub(blank, text)


_SPACE = re.compile(r"\s")


_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–·]\s*\d{1,4}\s*[-—–·]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?)\s*$")


def _mask_furniture(text: str, doc: Document) -> str:
    """Blank out page numbers and running heads (the document title repeated on a line of its own)
    so a list broken by a page break reads as one list."""
    title = _SPACE.sub("", doc.title or "")
    out = []
    for k, line in enumerate(text.split("\n")):
        if _PAGE_NUMBER.match(line) or (k > 3 and title and _SPACE.sub("", line) == title):
            line = " " * len(line)
        out.append(line)
    return "\n".join(out)


class Text:
    """The document's text with a map from character offsets to source lines."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.raw = doc.text
        self.text = _mask_furniture(_mask_markup(doc.text), doc)
        self.line_starts: list[int] = []
        pos = 0
        for line in doc.lines:
            self.line_starts.append(pos)
            pos += len(line) + 1

    def lineno(self, offset: int) -> int:
        """The source line of character ``offset``."""
        return self.doc.start + bisect.bisect_right(self.line_starts, offset) - 1
