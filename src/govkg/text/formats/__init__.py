"""Gazettes as they are published — PDF, web pages, Word files — turned into the text the extractors read.

:func:`sniff` decides a file's format by its content (``%PDF-``, a ZIP with ``word/document.xml``,
``<html``/``<!doctype``), the extension only breaking ties; :func:`read_format` gives its
:class:`~govkg.text.formats.lines.Layout`: lines of text, each with the :class:`~govkg.facts.Origin`
a person can open (the page and the line on it, the line of the saved page, the paragraph), and
one-line notes on what reading did. One module per format; ``docs/formats.md`` says how each reads.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from govkg.errors import UnreadableFile
from govkg.text.formats.lines import Layout

# the files a corpus folder gives (a file named on the command line is read whatever its name)
EXTENSIONS = (".txt", ".pdf", ".html", ".htm", ".docx")

MAX_UNPACKED = 256 * 2**20  # a Word file's parts, inflated: a gazette's are a few MB

_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<!--", b"<head", b"<meta", b"<body")


def sniff(data: bytes, suffix: str = "") -> str:
    """``"pdf"``, ``"docx"``, ``"html"`` or ``"text"`` for a file's bytes (``suffix``: its extension).

    A ``.doc`` (Word 97–2003) file or another ZIP archive is refused in one line.
    """
    if data[:1024].lstrip().startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and suffix.lower() == ".pdf"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            infos = {i.filename: i for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
        except zipfile.BadZipFile as err:
            raise UnreadableFile(f"a damaged ZIP archive ({err})") from None
        if "word/document.xml" in infos:
            unpacked = sum(i.file_size for i in infos.values())
            if unpacked > MAX_UNPACKED:  # a ZIP bomb, or no gazette: refused before anything is inflated
                raise UnreadableFile(f"a Word file that unpacks to {unpacked / 2**20:.0f} MiB "
                                     f"(the limit is {MAX_UNPACKED / 2**20:.0f} MiB)")
            return "docx"
        raise UnreadableFile("a ZIP archive that is not a Word (.docx) file")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnreadableFile("a Word 97-2003 (.doc) or other OLE file: save it as .docx or PDF")
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_STARTS) and (b"<html" in head or b"<body" in head or b"<!doctype html" in head
                                          or suffix.lower() in (".html", ".htm")):
        return "html"
    if suffix.lower() in (".html", ".htm") and head.startswith(b"<"):
        return "html"
    return "text"


def read_format(kind: str, data: bytes, path: Path) -> Layout:
    """The text of a PDF, HTML or DOCX file (``kind`` from :func:`sniff`)."""
    if kind == "html":
        from govkg.text.formats.html import read_html

        return read_html(data)
    if kind == "docx":
        from govkg.text.formats.docx import read_docx

        return read_docx(data)
    if kind == "pdf":
        from govkg.text.formats.pdf import read_pdf

        return read_pdf(data)
    raise ValueError(f"no reader for {kind!r}")


__all__ = ["EXTENSIONS", "sniff", "read_format", "Layout"]
