"""What a page is read from: characters (or OCR'd words) with their boxes, and their text as typed."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# CJK radicals that PDF fonts map glyphs to instead of the ideograph (NFKC folds the Kangxi block
# U+2F00–2FD5 but not these): the radical → the character it stands for in running text
_RADICALS = dict(zip(
    "\u2e8c\u2e8d\u2e95\u2e97\u2e9f\u2ea0\u2ea7\u2eae\u2eb3\u2eb6\u2eb7\u2ebb\u2ec4\u2ec5\u2ec6\u2ec8\u2ec9"
    "\u2ecb\u2ed0\u2ed1\u2ed3\u2ed4\u2ed7\u2ed8\u2eda\u2edb\u2edc\u2edd\u2ee0\u2ee2\u2ee4\u2ee5\u2ee9\u2eea\u2eec"
    "\u2eef\u2ef3\u2ec1",
    "小小彐心母民牛竹网羊羊聿西见角讠贝车钅長长门雨青页风飞食饣马鬼鱼黄黾齐龙龟虎"))


def fold(text: str) -> str:
    """PDF text as it was typed: compatibility forms (Kangxi radicals, ligatures, full-width digits kept)
    folded to the characters they stand for."""
    out = []
    for ch in text:
        o = ord(ch)
        if o == 0x2F3E:
            ch = "户"  # KANGXI RADICAL DOOR: NFKC gives 戶, but simplified fonts map their 户 glyph here
        elif 0x2F00 <= o <= 0x2FDF or 0xF900 <= o <= 0xFAFF or 0xFB00 <= o <= 0xFB4F:
            ch = unicodedata.normalize("NFKC", ch)
        out.append(_RADICALS.get(ch, ch))
    return "".join(out)


@dataclass
class Glyph:
    """A character (or an OCR'd word) with its box, in PDF points from the page's top left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)


__all__ = ["Glyph", "fold"]
