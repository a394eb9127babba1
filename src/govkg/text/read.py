"""Read a gazette file whatever its encoding, or say in one line why it cannot be read."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govkg.errors import UnreadableFile
from govkg.facts import Origin
from govkg.text.decode import decode
from govkg.text.formats import read_format, sniff

MAX_BYTES = 64 * 1024 * 1024  # one gazette issue is well under 1 MB; larger is not an issue


@dataclass(frozen=True)
class SourceText:
    """A file as the extractors read it, and what reading it did.

    ``encoding`` is the encoding the bytes were read in and ``replaced`` how many bad bytes became
    U+FFFD (:func:`govkg.text.decode.decode`).
    """

    path: Path
    text: str
    encoding: str
    replaced: int = 0
    format: str = "text"  # or "pdf", "html", "docx" (``govkg.text.formats.sniff``)
    origins: tuple[Origin | None, ...] | None = None  # for a PDF, page or Word file: where each line stands
    reader_notes: tuple[str, ...] = ()  # what the format reader said (pages that need OCR, …)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def notes(self) -> tuple[str, ...]:
        """One line for each thing a reader should know about how the file was read."""
        out = self.reader_notes
        if self.replaced:
            out = (f"read as {self.encoding}, {self.replaced} bad byte(s) replaced by U+FFFD",) + out
        return out

    def origin(self, line: int | None) -> Origin | None:
        """Where line ``line`` (1-based) of the text stands in the file (``None`` for a text file)."""
        if self.origins is None or not line:
            return None
        return self.origins[min(line, len(self.origins)) - 1]


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control <= len(text) // 100


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read ``path`` as text (UTF-8, UTF-8 with BOM, UTF-16, GB18030/GBK, Big5).

    Raises :class:`UnreadableFile` with a one-line reason for a missing, empty, binary,
    oversized or undecodable file; a few bad bytes are replaced and counted instead. Line endings are normalised to ``\\n`` so that line
    numbers match what an editor shows.
    """
    p = Path(path)
    if not p.exists():
        raise UnreadableFile("no such file")
    if p.is_dir():
        raise UnreadableFile("is a directory")
    size = p.stat().st_size
    if size == 0:
        raise UnreadableFile("empty file")
    if size > max_bytes:
        raise UnreadableFile(f"too large ({size / 2**20:.0f} MiB; the limit is {max_bytes / 2**20:.0f} MiB)")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise UnreadableFile(f"cannot read: {err.strerror or err}") from err
    kind = sniff(data, p.suffix)
    if kind != "text":
        key = (str(p.resolve()), size, p.stat().st_mtime_ns)
        if key not in _READ:
            if len(_READ) >= 32:
                _READ.pop(next(iter(_READ)))
            _READ[key] = _read_format(p, kind, data)
        return _READ[key]
    got = decode(data)
    text = got.text
    if not _looks_like_text(text):
        raise UnreadableFile("binary file (control bytes), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFile("no text (only whitespace)")
    return SourceText(p, text, got.encoding, got.replaced)


# a PDF (OCR above all) is slow to read, and a build reads each file twice in one process (to extract
# it, then for the document pages' sources): the last files read, by path, size and modification time
_READ: dict[tuple[str, int, int], SourceText] = {}


def _read_format(p: Path, kind: str, data: bytes) -> SourceText:
    try:
        layout = read_format(kind, data, p)
    except UnreadableFile:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged PDF or Word file: one line, the other files go on
        first = (str(err).strip().splitlines() or [""])[0]
        raise UnreadableFile(f"cannot read as {kind.upper()}: {type(err).__name__}{': ' + first if first else ''}") from None
    lines = [line.replace("\r", "") for line in layout.lines]
    if not "".join(lines).strip():
        notes = "; ".join(layout.notes)
        raise UnreadableFile(f"no text in this {kind.upper()} file" + (f" ({notes})" if notes else ""))
    return SourceText(p, "\n".join(lines) + "\n", layout.encoding, layout.replaced, kind,
                      tuple(layout.origins) + (None,), tuple(layout.notes))
