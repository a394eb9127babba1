"""The task an assignment belongs to: the heading or numbered item its paragraph starts with, a bare
heading above it, else its paragraph's first clause, cut to 30 characters."""
from __future__ import annotations

import re

from govkg.extract.assignments.statements import BARE_HEADING, HEADING, LABEL, MARKUP, NUMBERING, OPENERS, TASK_MAX
from govkg.extract.assignments.text import Text


def first_clause(text: str) -> str:
    """The task text of a heading or paragraph: its first sentence, cut to fit."""
    text = MARKUP.sub("", text)
    text = NUMBERING.sub("", text, count=1)
    text = re.sub(r"\s", "", text).strip("*#")
    text = re.split(r"[。;；:：!！?？]", text, maxsplit=1)[0]
    text = re.sub(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:前|底前|以前)?[,，]", "", text)
    if len(text) > TASK_MAX:
        head = re.split(r"[,，]", text, maxsplit=1)[0]
        text = head if len(head) <= TASK_MAX else text[:TASK_MAX]
    return text


def task_for_line(t: Text, lineno: int) -> str:
    """The task a statement on ``lineno`` belongs to: the heading or numbered item its paragraph
    starts with, a bare heading right above it, else its paragraph's first sentence. Paragraphs
    may be wrapped over several source lines."""
    lines = t.doc.lines
    i = lineno - t.doc.start
    bold = re.match(r"^\s*\*\*(.+?)\*\*", lines[i])
    if bold:
        prev = _previous_nonblank(lines, i)
        if prev is not None and lines[prev].count("**") % 2 == 1:  # a bold heading wrapped in two
            return first_clause(lines[prev].strip() + bold.group(1))
        return first_clause(bold.group(1))
    start = i
    if not HEADING.match(lines[i]):
        for k in range(i - 1, max(-1, i - 20), -1):
            prev = lines[k].strip()
            if not prev:
                continue
            if prev.endswith(("。", ")", "）", "〕", "】", "]")):
                break  # the previous paragraph (or statement) ends here
            start = k
            if HEADING.match(prev):
                break
    if start == i and lines[i].strip()[:1] in OPENERS + "责牵配" and not HEADING.match(lines[i]):
        # the statement stands on a line of its own: it closes the paragraph above
        # (a line opening with its own number, ``（一）深化…改革。（牵头单位：…）``, is its own task)
        k = _previous_nonblank(lines, i)
        if k is not None and k > i - 20:
            return task_for_line(t, t.doc.start + k)
    if start < i and (BARE_HEADING.match(lines[start]) or _title_only(lines[start])):
        return first_clause(lines[start])  # ``#### (一)…`` / ``三、工作要求`` over its paragraphs
    joined = "".join(x.strip() for x in lines[start:i + 1])
    return first_clause(LABEL.split(joined, maxsplit=1)[0] or joined)


def _title_only(line: str) -> bool:
    """A numbered line that is only a short title (``三、工作要求``), not the start of a wrapped sentence."""
    m = NUMBERING.match(line)
    rest = re.sub(r"\s", "", MARKUP.sub("", line[m.end():])) if m else ""
    return bool(m) and 2 <= len(rest) <= 16 and not re.search(r"[，,。；;：:、（(）)]", rest)


def _previous_nonblank(lines: tuple[str, ...], i: int) -> int | None:
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k if k >= 0 else None
