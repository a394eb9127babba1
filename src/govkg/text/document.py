"""The unit every extractor works on: one official document inside a gazette issue."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Document:
    """One document of a gazette issue, with a map back to its source lines.

    ``lines`` holds the document's lines ``start``..``end`` (1-based, inclusive), so ``lines[i]`` is
    line ``start + i``; readers number lines so. They are the source lines exactly as they stand in
    the file, except that a run-on line (a whole list or document printed on one line,
    ``govkg.text.runon``) may be cut into several: then ``source_lines[i]`` is the source line of
    ``lines[i]`` and :meth:`source_line` maps a reader's line number back to the file's (the driver
    maps every fact so). ``number`` is the 文号 as printed with whitespace removed (``None`` for
    chronicles and unnumbered documents); ``title`` is the title joined across line breaks.
    """

    file: str
    start: int
    end: int
    lines: tuple[str, ...]
    number: str | None = None
    title: str = ""
    issuer: str | None = None
    date: str | None = None
    number_line: int | None = None  # the line where the number (or chronicle heading) is printed
    source_lines: tuple[int, ...] | None = None  # source line of each entry of ``lines``; None: start + i

    def source_line(self, lineno: int) -> int:
        """The file's line number of this document's line ``lineno``."""
        if self.source_lines is None:
            return lineno
        i = min(max(lineno - self.start, 0), len(self.source_lines) - 1)
        return self.source_lines[i]

    @property
    def doc_key(self) -> str | None:
        """The value facts carry in their ``doc`` field."""
        return self.number

    @property
    def doc_title(self) -> str | None:
        """Facts of an unnumbered document carry its title instead (None when none is printed)."""
        return None if self.number else (self.title or None)

    def numbered(self) -> Iterator[tuple[int, str]]:
        """Yield ``(source line number, raw text)`` for every line of the document."""
        for i, text in enumerate(self.lines):
            yield self.start + i, text

    def line(self, lineno: int) -> str:
        """The raw text of source line ``lineno`` (which must lie inside the document)."""
        return self.lines[lineno - self.start]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def document_from_text(text: str, file: str = "fixture.txt", number: str | None = "测试〔2024〕1号",
                       title: str = "测试文件", start: int = 1, **kw: object) -> Document:
    """Wrap a bare text as one document: for tests and for callers without segmentation."""
    lines = tuple(text.split("\n"))
    return Document(file=file, start=start, end=start + len(lines) - 1, lines=lines,
                    number=number, title=title, **kw)  # type: ignore[arg-type]
