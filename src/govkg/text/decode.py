"""Bytes → text for gazette files, saying what was done: which encoding, how many bad bytes replaced.

Order of trust: a byte-order mark; then strict UTF-8 (nearly every file; it decodes exactly as it
always did); then the Chinese encodings, chosen by charset-normalizer and checked for plausibility —
the share of non-ASCII characters that are common Chinese text (the frequent halves of GB2312 and
Big5, CJK punctuation). Big5 bytes often decode without error as GB18030, into rare characters and kana;
the score tells them apart (right decodings score above 0.99, wrong ones below 0.6 on the sample
corpus). A stray NUL in UTF-8 is one bad byte, not a sign of UTF-16: UTF-16 without a BOM must have
its NULs on one parity *and* decode into plausible text. A few bad bytes are replaced (U+FFFD) and
counted; a file with many is refused in one line.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from govkg.errors import UnreadableFile

# the encodings a Chinese gazette comes in, as Python names them (GB2312 and GBK are subsets of GB18030)
CHINESE = ("gb18030", "big5")
# more bad bytes than this share of the characters: not a damaged text, a text in another encoding
MAX_REPLACED_SHARE = 0.01
# a decoding whose characters are less often common Chinese text than this is taken for mojibake
MIN_PLAUSIBLE = 0.8


@dataclass(frozen=True)
class Decoded:
    """The text, the encoding it was read in, and how many bad bytes were replaced by U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0


def _common(ch: str) -> bool:
    o = ord(ch)
    if 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x2027 or o == 0xB7:
        return True
    if 0x4E00 <= o <= 0x9FFF:
        # the first level of GB2312 (lead bytes B0-D7: the 3,755 most used simplified characters) or
        # of Big5 (A4-C6: the 5,401 most used traditional ones)
        for enc, lo, hi in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
            try:
                if lo <= ch.encode(enc)[0] <= hi:
                    return True
            except UnicodeEncodeError:
                pass
    return False


def plausibility(text: str, sample: int = 20000) -> float:
    """Share of the non-ASCII characters (of the first ``sample``) that are common Chinese text.

    ASCII is left out so that markup (an HTML page) or numbers do not hide a misreading.
    """
    chars = [c for c in text[:sample] if ord(c) > 127 and not c.isspace()]
    return sum(map(_common, chars)) / len(chars) if chars else 1.0


def _counting(data: bytes, encoding: str) -> Decoded:
    """Decode replacing bad bytes, and count them (each bad sequence is one replacement)."""
    bad = 0

    def handler(err: UnicodeError) -> tuple[str, int]:
        nonlocal bad
        bad += 1
        return "\ufffd", err.end  # type: ignore[attr-defined]

    name = f"govkg-count-{id(handler)}"
    codecs.register_error(name, handler)
    text = data.decode(encoding, errors=name)
    return Decoded(text, encoding, bad)


def _utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM, when the NULs say so and the text is plausible."""
    even = sum(1 for i in range(0, len(data), 2) if data[i] == 0)
    odd = data.count(0) - even
    # ASCII characters put their NUL on one parity; a CJK character like U+4E00 may add one on the other
    if len(data) % 2 or min(even, odd) > max(even, odd) // 10:
        return None
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "utf-16") if plausibility(text) >= MIN_PLAUSIBLE and _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return control <= len(text) // 100


def _detected(data: bytes) -> list[str]:
    """The Chinese encodings charset-normalizer finds for ``data``, best first."""
    from charset_normalizer import from_bytes

    found = [m.encoding.replace("_", "") for m in from_bytes(data, cp_isolation=list(CHINESE))]
    return [e for e in found if e in CHINESE]


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """``data`` as text (UTF-8, UTF-16, GB18030/GBK/GB2312, Big5), or :class:`UnreadableFile` in one line.

    ``declared`` is an encoding the file names for itself (an HTML ``charset``): tried after a BOM,
    kept when it decodes plausibly, else the bytes are sniffed as for any file.
    """
    if data.startswith(codecs.BOM_UTF8):
        got = _counting(data[3:], "utf-8")
        return got if got.replaced else Decoded(got.text, "utf-8-sig")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    if declared:
        got = _declared(data, declared)
        if got is not None:
            return got
    nuls = data.count(0)
    if nuls:
        utf16 = _utf16(data)
        if utf16 is not None:
            return utf16
        # a stray NUL or two in a text file: bad bytes of a UTF-8 (or Chinese) text, not another encoding
        if nuls > len(data) * MAX_REPLACED_SHARE:
            raise UnreadableFile("binary file (NUL bytes), not text")
        return _decode_8bit(data.replace(b"\x00", b"\xff"))  # 0xFF is invalid in every encoding tried
    return _decode_8bit(data)


def _declared(data: bytes, declared: str) -> Decoded | None:
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name in ("gb2312", "gbk", "euc_cn", "cp936"):
        name = "gb18030"  # pages that declare GB2312 use GBK characters; GB18030 holds them all
    if name in ("big5", "big5hkscs", "cp950"):
        name = "big5"
    got = _counting(data, name)
    if got.replaced > len(got.text) * MAX_REPLACED_SHARE or plausibility(got.text) < MIN_PLAUSIBLE:
        return None
    return got


def _decode_8bit(data: bytes) -> Decoded:
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    strict = {e: t for e in CHINESE if (t := _strict(data, e)) is not None}
    if strict:
        found = _detected(data)
        order = found + [e for e in CHINESE if e not in found]
        ranked = sorted((e for e in order if e in strict), key=lambda e: -plausibility(strict[e]))
        best = ranked[0]
        if plausibility(strict[best]) >= MIN_PLAUSIBLE or len(strict) == 1:
            return Decoded(strict[best], best)
    # no encoding reads every byte: the most plausible reading with a few bytes replaced, if there is one
    tries = [_counting(data, e) for e in ("utf-8",) + CHINESE]
    tries = [d for d in tries if d.replaced <= max(1, len(d.text) * MAX_REPLACED_SHARE)]
    if tries:
        best_try = max(tries, key=lambda d: (plausibility(d.text), -d.replaced))
        if plausibility(best_try.text) >= MIN_PLAUSIBLE:
            return best_try
    if not _looks_like_text(data.decode("latin-1")):
        raise UnreadableFile("binary file (control bytes), not text")
    first = _first_bad(data)
    raise UnreadableFile(f"not UTF-8, UTF-16, GB18030 or Big5 text (too many bad bytes; the first at offset {first})")


def _first_bad(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return 0


__all__ = ["Decoded", "decode", "plausibility", "CHINESE"]
