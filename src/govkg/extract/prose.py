"""Text views the body extractor reads: cleaned lines (markup off, table cells as tabs) and the
prose stream (wrapped lines joined, every character mapped back to its source line)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from govkg.extract.people.names import ROLE_LABEL, post_complete
from govkg.text.clean import undouble
from govkg.text.document import Document
from govkg.text.script import simplify
from govkg.text.wrap import cuts_a_word

_HTML_CELL_END = re.compile(r"</(?:td|th|p)\s*>|<br\s*/?>", re.I)  # a cell (or a paragraph in it) ends
_HTML_OPEN = re.compile(r"</?(?:table|tbody|thead|tr)[^>]*>|<(?:td|th|p)(?:\s[^>]*)?>", re.I)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_TABLE_RULE = re.compile(r"\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*")
_HEADING_MARK = re.compile(r"^\s*#+\s*")
_HARD_START = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])")
_OPEN_END = re.compile(r"[。；;：:！？!?]$")


@dataclass
class Stream:
    """Prose of a document with wrapped lines joined; ``lines[i]`` is the source line of ``text[i]``."""

    text: str
    lines: list[int]  # source line of each character

    def line_at(self, i: int) -> int:
        return self.lines[min(max(i, 0), len(self.lines) - 1)] if self.lines else 0

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Stream indices covering source lines ``lo``..``hi``, widened to whole sentences."""
        a, b = bisect_left(self.lines, lo), bisect_right(self.lines, hi)
        while a > 0 and self.text[a - 1] not in "\n。；;":
            a -= 1
        while b < len(self.text) and self.text[b] not in "\n。；;":
            b += 1
        return a, b


@lru_cache(maxsize=65536)  # pure; the body readers ask again and again for the same lines
def clean_line(raw: str) -> str:
    """A source line without markup; table cells (HTML, markdown ``| a | b |``) separated by tabs."""
    s = raw
    if s.lstrip().startswith("|"):
        if _TABLE_RULE.fullmatch(s):
            return ""
        s = s.strip().strip("|").replace("|", "\t")
    if "<" in s:  # every tag pattern starts with one
        s = _HTML_OPEN.sub("", _HTML_CELL_END.sub("\t", s))
        s = _HTML_TAG.sub("", s)
    s = s.replace("**", "").replace("\u3000", " ")
    if "#" in s:
        s = _HEADING_MARK.sub("", s)
    return s.rstrip()


def _is_hard_start(s: str) -> bool:
    return bool(ROLE_LABEL.match(s) or _HARD_START.match(s))


def prose_stream(doc: Document) -> Stream:
    chars: list[str] = []
    where: list[int] = []
    prev_open = prev_item = False
    prev_kept = ""
    for no, raw in doc.numbered():
        if not raw.strip():
            continue
        heading = raw.lstrip().startswith("#")
        s = clean_line(raw)
        tabbed = "\t" in s.strip("\t ")
        s = s.replace("\t", "\n")
        s = undouble(s.strip())
        if not s:
            continue
        # ``…管理委员`` / ``会(以下简称…)``: one name, not an item (traditional script too: ``委員`` / ``會``)
        cut = prev_item and cuts_a_word(simplify(prev_kept), simplify(s))
        if not ((prev_open or cut) and not heading and not tabbed and not _is_hard_start(s)):
            chars.append("\n")
            where.append(no)
        kept = s.replace(" ", "").replace("\u3000", "")
        chars.append(kept)
        where.extend([no] * len(kept))
        # a short line that ends a post or a bracket is a list item, not wrapped prose: the next line
        # starts anew (蔡文静（市财政局副局长） / 冯家明 市公安局副局长 / 市政府办公室副主任高远兼任…)
        # (a line with a sentence's end inside is prose wrapped at a width, whatever it ends with:
        # …兼任；常务副主任 / 由…兼任)
        item = len(kept) <= 24 and (post_complete(kept) or kept.endswith(("）", ")"))) \
            and not re.search(r"[。；;]", kept[:-1])
        prev_open = not heading and not tabbed and not _OPEN_END.search(s) and not item
        prev_item, prev_kept = item, kept
    return Stream("".join(chars), where)



@lru_cache(maxsize=65536)
def heading_text(raw: str) -> str | None:
    """The text of a heading line (markdown, bold lead, or a short numbered line), else None."""
    t = raw.strip()
    if not t:
        return None
    if t.startswith("#"):
        return undouble(clean_line(t)).strip()
    m = re.match(r"^\*\*(.+?)\*\*", t)
    if m:
        return undouble(m.group(1)).strip()
    if len(t) <= 40 and re.match(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+(?:\.\d+)+|\d{1,2}、)", t):
        return undouble(t)
    return None


__all__ = ["Stream", "clean_line", "prose_stream", "heading_text"]
