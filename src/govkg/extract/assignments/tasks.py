"""The task an assignment belongs to: the numbered item a statement closes (also inside a line that
holds several items), the heading its paragraph starts with, a bare heading above it, else its
paragraph's first clause — an item of 30 characters or fewer whole, else its first clause, cut to 30."""
from __future__ import annotations

import re

from govkg.extract.assignments.statements import LABEL, OPENERS, PERSON_LABEL
from govkg.extract.assignments.text import Text
from govkg.text.clean import undouble
from govkg.text.wrap import fixed_width, previous_nonblank, printed_width, wrapped_alone

TASK_MAX = 30

_SEP = r"[、.．﹒]"

_CIRCLED = "①-⑳"  # ①推进… ⑳; a section number 2.4.3 may stand without a stop (2.4.3综合保障组)

NUMBERING = re.compile(
    rf"^\s*(?:#+\s*)?(?:\*\*)?\s*(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+{_SEP}|"
    rf"\d+(?:\.\d+)*{_SEP}(?!\d)|\d+(?:\.\d+)+(?=[^\W\d_])|第[一二三四五六七八九十百\d]+[条项]|[{_CIRCLED}])\s*"
)

HEADING = re.compile(
    rf"^\s*(?:#+\s|\*\*|[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+、|\d+{_SEP}(?!\d)|"
    rf"\d+(?:\.\d+)+(?=[^\W\d_])|[{_CIRCLED}])"
)

MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|#+\s*")

BARE_HEADING = re.compile(r"^\s*#+\s")

# an item number inside a line: after a sentence end, a closing bracket or a space (``…负责) 2.落实…``)
_INNER_ITEM = re.compile(
    rf"(?:(?<=[。;；)）〕\]】])|(?<=\s))\s*(?:[(（][一二三四五六七八九十百]+[)）]|[一二三四五六七八九十百]+、|\d{{1,3}}{_SEP}(?!\d)|"
    rf"[{_CIRCLED}])"
)

_SENTENCE_END = re.compile(r"[。;；!！?？:：]")


def first_clause(text: str) -> str:
    """The task text of an item: the whole item when it is one sentence of 30 characters or fewer,
    else its first clause (its heading), cut to fit."""
    text = undouble(MARKUP.sub("", text).strip())  # ``（（二二））推进推进…`` printed twice for bold
    text = NUMBERING.sub("", text, count=1)
    text = re.sub(r"\s", "", text).strip("*#")
    text = re.sub(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:前|底前|以前)?[,，]", "", text)
    text = text.rstrip("(（〔[【")  # ``（一）加强组织领导（责任单位：…）``: the statement's bracket is no part of it
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    if len(sentences) == 1 and len(sentences[0]) <= TASK_MAX:
        return sentences[0]
    head = re.split(r"[,，。;；:：!！?？]", text, maxsplit=1)[0]
    return head[:TASK_MAX]


def _inner_item(t: Text, offset: int) -> str | None:
    """The item a statement at ``offset`` closes, where its number stands inside the statement's line
    (a document run onto one line: ``… 1.把恢复…位置。(省商务厅…负责) 2.落实…``)."""
    line_start = t.line_starts[t.lineno(offset) - t.doc.start]
    found = None
    for m in _INNER_ITEM.finditer(t.shadow, line_start, offset):
        found = m
    if found is None:
        return None
    item = t.text[found.start():offset]
    return first_clause(item) or None


def task_for(t: Text, offset: int) -> str:
    """The task of the statement starting at ``offset``."""
    return _inner_item(t, offset) or task_for_line(t, t.lineno(offset))


def _label_line(line: str) -> bool:
    """A line that starts with a role or person label (``责任单位:``, ``牵头负责领导:刘惠``) or a bracket."""
    s = line.strip()
    return bool(s) and (s[0] in OPENERS or bool(LABEL.match(s)) or bool(PERSON_LABEL.match(s)))


def task_for_line(t: Text, lineno: int) -> str:
    """The task a statement on ``lineno`` belongs to: the heading or numbered item its paragraph
    starts with, a bare heading right above it, else its paragraph's first sentence. Paragraphs
    may be wrapped over several source lines."""
    shadow_lines, text_lines = t.shadow_lines, t.text_lines
    lines = t.doc.lines
    i = lineno - t.doc.start
    bold = re.match(r"^\s*\*\*(.+?)\*\*", lines[i])
    bold_label = bool(bold) and _label_line(shadow_lines[i])  # **责任单位**：… is a label, not a heading
    if bold and not bold_label:
        prev = previous_nonblank(lines, i)
        if prev is not None and lines[prev].count("**") % 2 == 1:  # a bold heading wrapped in two
            return first_clause(lines[prev].strip() + bold.group(1))
        return first_clause(bold.group(1))
    start = i
    width = fixed_width(lines, i)
    heading = bool(HEADING.match(lines[i])) and not bold_label
    if not heading:
        for k in range(i - 1, max(-1, i - (60 if width else 20)), -1):
            prev = lines[k].strip()
            if not prev:
                continue
            if prev.endswith((")", "）", "〕", "】", "]")) or (prev.endswith("。") and not (
                    (width and printed_width(prev) >= 0.9 * width) or wrapped_alone(lines, k))):
                break  # the previous paragraph (or statement) ends here
            if LABEL.match(shadow_lines[k].strip()) or PERSON_LABEL.match(shadow_lines[k].strip()):
                # another label of the same item above (牵头县领导：张明 / 牵头单位：… over 配合单位：…)
                return task_for_line(t, t.doc.start + k)
            start = k
            if HEADING.match(prev):
                break
    if start == i and _label_line(shadow_lines[i]) and not heading:
        # the statement stands on a line of its own: it closes the paragraph above
        # (a line opening with its own number, ``（一）深化…改革。（牵头单位：…）``, is its own task)
        k = previous_nonblank(lines, i)
        if k is not None and k > i - 20:
            return task_for_line(t, t.doc.start + k)
    if start < i and (BARE_HEADING.match(lines[start]) or _title_only(lines[start])):
        return first_clause(lines[start])  # ``#### (一)…`` / ``三、工作要求`` over its paragraphs
    joined = "".join(x.strip() for x in text_lines[start:i + 1])
    head = LABEL.search("".join(x.strip() for x in shadow_lines[start:i + 1]))
    return first_clause(joined[:head.start()] if head and head.start() > 0 else joined)


def _title_only(line: str) -> bool:
    """A numbered line that is only a short title (``三、工作要求``), not the start of a wrapped sentence."""
    m = NUMBERING.match(line)
    rest = re.sub(r"\s", "", MARKUP.sub("", line[m.end():])) if m else ""
    return bool(m) and 2 <= len(rest) <= 16 and not re.search(r"[，,。；;：:、（(）)]", rest)


