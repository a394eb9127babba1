"""The document text an assignment reader works on: markup, page furniture and the "first listed leads"
rule blanked (offsets and line breaks unchanged), its simplified shadow (same length) that every pattern
reads, with a map from character offsets back to source lines; and the mention type."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from govkg.lexicon import entry
from govkg.text.document import Document
from govkg.text.furniture import is_furniture
from govkg.text.script import simplify


@dataclass(frozen=True)
class Mention:
    """One agency in a statement, with the role the statement gives it."""

    name: str
    start: int  # character offsets in the document text
    end: int
    role: str
    explicit_lead: bool = False
    copy: int = 0  # a cell merged down over several rows is read once per row: 1, 2 … for the rows below


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
    """Blank out page numbers and running heads (``govkg.text.furniture``'s, and the document title repeated on
    a line of its own) so a list or a table broken by a page break reads as one."""
    title = _SPACE.sub("", doc.title or "")
    out = []
    for k, line in enumerate(text.split("\n")):
        # (a bare number is no page number here: a table printed one cell per line numbers its rows so)
        running = is_furniture(line) and not line.strip().isdigit()
        if _PAGE_NUMBER.match(line) or (k > 3 and (running or title and _SPACE.sub("", line) == title)):
            line = " " * len(line)
        out.append(line)
    return "\n".join(out)


_ROLE_WORD = re.compile(f"(?:{entry('assignments.roles').alternation})")

# the clause a rule stands in: from a sentence or bracket start to a sentence or bracket end
_CLAUSE_START = re.compile(r"[。;；(（〔\[【\n]")
_CLAUSE_END = re.compile(r"[。;；)）〕\]】\n]")
_LEAD_WORD = re.compile("牵头")
_RULE_REACH = 40  # characters a rule runs before its 牵头, and its clause before it, at most
_ENDS = re.compile(r"[。;；()（）〔〕\[\]【】]")  # what a rule's bracket holds none of around the rule


def _rule_spans(shadow: str) -> list[tuple[int, int]]:
    """Where ``shadow`` states a "first listed leads" rule: the clause (in brackets, the bracket too)
    that holds it, so the rule is neither read as a statement nor as an agency. A rule a wrap cut
    (``列第`` / ``一位为牵头``) is found with the line breaks taken out, its clause bounded as any other's."""
    rule = entry("assignments.first_listed_leads").regex
    found = [(m.start(), m.end()) for m in rule.finditer(shadow)]
    for p in _LEAD_WORD.finditer(shadow):  # every rule ends with 牵头: look around each, breaks taken out
        lo = max(0, p.start() - _RULE_REACH)
        if "\n" not in shadow[lo:p.start()]:
            continue
        where = [i for i in range(lo, p.end()) if shadow[i] != "\n"]  # offset in the joined window -> in shadow
        joined = "".join(shadow[i] for i in where)
        for m in rule.finditer(joined):
            start, end = where[m.start()], where[m.end() - 1] + 1
            if "\n" in shadow[start:end] and (start, end) not in found:
                found.append((start, end))
    spans = []
    for start, end in sorted(found):
        before = max(0, start - _RULE_REACH)
        # the whole bracket is the rule, also where a wrap put its ends on other lines (…汇总单位， / 下同）)
        o = max((i for i in range(before, start) if shadow[i] in "(（〔[【"), default=None)
        c = next((i for i in range(end, min(len(shadow), end + 40)) if shadow[i] in ")）〕]】"), None)
        if o is not None and c is not None and not _ENDS.search(shadow[o + 1:start] + shadow[end:c]):
            lead_in = shadow[o + 1:start]
            cut = max(lead_in.rfind("，"), lead_in.rfind(","))
            if cut > 0 and "除" not in lead_in[:cut]:  # (A、B、C，列第一位的为牵头单位): the list stays, the rule goes
                spans.append((o + 1 + cut, c))
            else:
                spans.append((o, c + 1))
            continue
        # else the clause, bounded by punctuation or a line break
        a = max((x.end() for x in _CLAUSE_START.finditer(shadow, before, start)), default=before)
        z = _CLAUSE_END.search(shadow, end)
        spans.append((a, z.start() if z else len(shadow)))
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + "".join("\n" if ch == "\n" else " " for ch in text[a:b]) + text[b:]
    return text


class Text:
    """The document's text (printed and simplified shadow) with a map from character offsets to
    source lines. ``first_is_lead``: the document states a "first listed leads" rule; ``rest_role``: the
    role that rule gives the others (责任 unless it says 其他为配合单位)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.raw = doc.text
        text = _mask_furniture(_mask_markup(doc.text), doc)
        shadow = simplify(text)
        rules = _rule_spans(shadow)
        self.first_is_lead = bool(rules)
        # what the rule makes of the others (其他为配合单位): the role word after 其他, else 责任
        rest = [entry("assignments.first_listed_rest").find(shadow[a:b]) for a, b in rules]
        word = next((m.group() for m in rest if m), "")
        self.rest_role: str = entry("assignments.roles").value(
            next((w for w in _ROLE_WORD.findall(word)), ""), "责任")
        self.text = _blank(text, rules)
        self.shadow = _blank(shadow, rules)
        self.text_lines = self.text.split("\n")
        self.shadow_lines = self.shadow.split("\n")
        self.cache: dict[str, object] = {}  # what several readers derive from the text, computed once
        self.line_starts: list[int] = []
        pos = 0
        for line in doc.lines:
            self.line_starts.append(pos)
            pos += len(line) + 1

    def lineno(self, offset: int) -> int:
        """The source line of character ``offset``."""
        return self.doc.start + bisect.bisect_right(self.line_starts, offset) - 1

    def line_span(self, offset: int) -> tuple[int, int]:
        """Where the line holding character ``offset`` starts and ends (its line break, else the text's
        end): ``rfind("\\n", 0, offset) + 1`` and ``find("\\n", offset)`` without a scan of a long line."""
        k = bisect.bisect_right(self.line_starts, offset) - 1
        end = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(self.text)
        return self.line_starts[k], end
