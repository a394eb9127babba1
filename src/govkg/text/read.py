"""Read a gazette file whatever its encoding, or say in one line why it cannot be read."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import UnreadableFile

MAX_BYTES = 64 * 1024 * 1024  # one gazette issue is well under 1 MB; larger is not an issue


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str
    encoding: str

    @property
    def name(self) -> str:
        return self.path.name


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data:
        # UTF-16 without BOM puts the NULs of ASCII characters on one parity (a CJK
        # character like U+4E00 may add one on the other); a binary file scatters them.
        even = sum(1 for i in range(0, len(data), 2) if data[i] == 0)
        odd = data.count(0) - even
        if len(data) % 2 == 0 and min(even, odd) <= max(even, odd) // 10:
            try:
                text = data.decode("utf-16-le" if odd > even else "utf-16-be")
                if _looks_like_text(text):
                    return text, "utf-16"
            except UnicodeDecodeError:
                pass
        raise UnreadableFile("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")  # a superset of GBK and GB2312
    except UnicodeDecodeError as err:
        if not _looks_like_text(data.decode("latin-1")):
            raise UnreadableFile("binary file (control bytes), not text") from err
        raise UnreadableFile(f"not UTF-8, UTF-16 or GB18030 text (bad byte at offset {err.start})") from err
    return text, "gb18030"


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control <= len(text) // 100


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read ``path`` as text (UTF-8, UTF-8 with BOM, UTF-16, GB18030/GBK).

    Raises :class:`UnreadableFile` with a one-line reason for a missing, empty, binary,
    oversized or undecodable file. Line endings are normalised to ``\\n`` so that line
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
    text, encoding = _decode(data)
    if not _looks_like_text(text):
        raise UnreadableFile("binary file (control bytes), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFile("no text (only whitespace)")
    return SourceText(p, text, encoding)
