"""Assignments: agencies named as lead (牵头), responsible (责任) or cooperating (配合) unit of a task.

Three printed forms carry them, and only these (duties in running prose do not count):

* a bracket closing a task: ``(市公安局负责,市住建局配合)``, ``(责任单位:市人社局、市财政局)``,
  ``〔A、B按照职责分工牵头,各县(市、区)人民政府负责具体落实〕``, ``(牽頭單位:…;責任單位:…)``;
* a labelled statement outside brackets: ``责任部门:A牵头,B、C负责。``, ``牵头单位:A``;
* a table whose header names a role column (``牵头单位``, ``配合单位``, ``责任单位`` …), tab-separated,
  ``|``-separated or HTML.

A rule such as ``排第一位的为牵头单位`` anywhere in the document makes the first agency of each
statement without an explicit 牵头 the lead. One fact per agency; ``src`` spans the lines where that
agency's name is printed.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from govkg.extract.agencies import AGENCY_SUFFIX, clean_name, expand_prefixes, is_placeholder, split_spans
from govkg.text.document import Document
from govkg.facts import AssignmentFact, Fact, Src

LEAD, RESP, COOP = "牵头", "责任", "配合"

# ``责任单位:`` and its kin; traditional forms are accepted as printed.
_LABEL = re.compile(
    r"【?\s*(?P<label>(?:主要)?(?:责任|責任|牵头|牽頭|配合|协办|協辦|主办|主辦|参与|參與|主责|主責)"
    r"(?:单位|單位|部门|部門|处室|處室)?)\s*(?:】\s*[:：]?|[:：])"
)
# any other ``word:`` (完成时限:, 工作要求:) ends a labelled list
_OTHER_LABEL = re.compile(r"(?<=[,，;；\s])[\u4e00-\u9fff]{2,8}[:：]")
_LABEL_ROLE = {"责任": RESP, "責任": RESP, "主责": RESP, "主責": RESP, "牵头": LEAD, "牽頭": LEAD, "主办": LEAD, "主辦": LEAD,
               "配合": COOP, "协办": COOP, "協辦": COOP, "参与": COOP, "參與": COOP}
_HEADER = re.compile(r"^(?:主要)?(?:责任|責任|牵头|牽頭|配合|协办|協辦|主办|主辦|参与|參與)(?:单位|單位|部门|部門)(?:[(（][^)）]{0,8}[)）])?$")

# What may follow an agency name inside a responsibility statement; it sets the role.
_TAIL = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位|部門|單位)?)?"
    r"(?:按照?|根据|依|依据|按照各自)?(?:职责|職責|职能|分工|属地)?(?:分工|分别|分別)?(?:共同|具体|具體)?"
    r"(?:牵头|牽頭|负责|負責|配合|协助|協助|协同|協同|参与|參與|落实|落實|建设管理|承担|承擔|主责|负总责|負總責|主办|主辦|协办|協辦)"
)
# what may follow the role word: ``负责具体落实``, ``牵头负责``, ``负责实施``
_TAIL_REST = re.compile(r"(?:(?:具体|具體|分别|分別|共同|组织|組織)?(?:落实|落實|实施|實施|推进|推進|负责|負責|配合|工作))*[。.]?$")
_LEAD_WORD = re.compile(r"牵头|牽頭|主办|主辦")
_COOP_WORD = re.compile(r"配合|协助|協助|协同|協同|参与|參與|协办|協辦")
_RESP_WORD = re.compile(r"负责|負責|落实|落實|承担|承擔|主责|建设管理|责任|責任")

# ``排第一位的为牵头单位``, ``列第一位者为牵头单位``, ``列在任务分工首位的为牵头单位``
_FIRST_IS_LEAD = re.compile(r"(?:排|列|位)[^,，。;；)）]{0,10}?(?:第一位|首位|第一)[^,，。;；)）]{0,6}?(?:牵头|牽頭)")

_OPENERS, _CLOSERS = "(（〔[［【", ")）〕]］】"
_MAX_GROUP = 600  # characters: a bracket that does not close within this is not a statement
_OPENER = re.compile("[" + re.escape(_OPENERS) + "]")
_BRACKET = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")
_PROSE = re.compile(r"[的由对将要在把从向于了是對將從於“”《》\"]|^[按经请如經請]|\d")
_NUMBERING = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*(?:[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、.．]|"
    r"\d+(?:\.\d+)*[、.．](?!\d)|第[一二三四五六七八九十百\d]+[条项])\s*"
)
_HEADING = re.compile(r"^\s*(?:#+\s|\*\*|[(（][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+、|\d+[、.．](?!\d))")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|\*\*|#+\s*")
_BARE_HEADING = re.compile(r"^\s*#+\s")
_TASK_MAX = 30


@dataclass(frozen=True)
class _Mention:
    """One agency in a statement, with the role the statement gives it."""

    name: str
    start: int  # character offsets in the document text
    end: int
    role: str
    explicit_lead: bool = False


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
    """Blank out page numbers and running heads (the document title repeated on a line of its own)
    so a list broken by a page break reads as one list."""
    title = _SPACE.sub("", doc.title or "")
    out = []
    for k, line in enumerate(text.split("\n")):
        if _PAGE_NUMBER.match(line) or (k > 3 and title and _SPACE.sub("", line) == title):
            line = " " * len(line)
        out.append(line)
    return "\n".join(out)


class _Text:
    """The document's text with a map from character offsets to source lines."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.raw = doc.text
        self.text = _mask_furniture(_mask_markup(doc.text), doc)
        self.line_starts: list[int] = []
        pos = 0
        for line in doc.lines:
            self.line_starts.append(pos)
            pos += len(line) + 1

    def lineno(self, offset: int) -> int:
        """The source line of character ``offset``."""
        return self.doc.start + bisect.bisect_right(self.line_starts, offset) - 1


def looks_like_agency(name: str, labelled: bool = False) -> bool:
    """A plausible agency name: short, no prose words, an agency ending unless a label vouches for it."""
    if not 2 <= len(name) <= 30 or _PROSE.search(name):
        return False
    return labelled or bool(AGENCY_SUFFIX.search(name))


def _role_of(tail: str) -> str:
    """The role a phrase sets: its first role word decides (``牵头负责`` leads, ``负责配合`` is 责任)."""
    lead, coop, resp = (_LEAD_WORD.search(tail), _COOP_WORD.search(tail), _RESP_WORD.search(tail))
    found = [(m.start(), role) for m, role in ((lead, LEAD), (coop, COOP), (resp, RESP)) if m]
    return min(found)[1] if found else RESP


def _split_tail(segment: str) -> tuple[int, str | None]:
    """Where the agency part of ``segment`` ends, and the role its tail sets (None without a tail).

    The tail starts right after a complete agency name (``市园林绿化服务中心建设管理``); failing
    that, a role phrase that ends the segment is the tail (``侯马车务段参与``)."""
    last = None
    for m in _TAIL.finditer(segment):
        head = segment[:m.start()].rstrip()
        if not _TAIL_REST.match(segment, m.end()):
            continue
        if head and (AGENCY_SUFFIX.search(head) or head.endswith(("等", "府")) or is_placeholder(clean_name(head))):
            return m.start(), _role_of(segment[m.start():])
        last = m
    if last is not None and last.start() > 0 and _TAIL_REST.match(segment, last.end()):
        return last.start(), _role_of(segment[last.start():])
    return len(segment), None


def _split_top_level(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` between ``separators`` that stand outside any bracket."""
    out, depth, a = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in _OPENERS + "<〈":
            depth += 1
        elif ch in _CLOSERS + ">〉" and depth:
            depth -= 1
        elif ch in separators and depth == 0:
            out.append((a, i))
            a = i + 1
    out.append((a, end))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at top-level clause ends (。;；) and labels."""
    # a label starts a clause of its own: ``牵头单位:A 配合单位:B``
    result = []
    for a, b in _split_top_level(text, start, end, "。;；"):
        cuts = [m.start() for m in _LABEL.finditer(text, a, b)]
        cuts += [m.start() for m in _OTHER_LABEL.finditer(text, a, b)]
        cuts.sort()
        bounds = [a, *[c for c in cuts if c > a], b]
        result.extend(zip(bounds, bounds[1:]))
    return result


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level comma pieces of a clause (bracketed parts stay whole)."""
    return _split_top_level(text, start, end, ",，")


def parse_statement(text: str, start: int, end: int, labelled: bool = False) -> list[_Mention]:
    """Agencies and roles of one responsibility statement ``text[start:end]``.

    Roles come from a label (``责任单位:``) or from the word that closes a run of agencies
    (``A、B牵头,C配合``); agencies with neither are not assignments.
    """
    mentions: list[_Mention] = []
    for c0, c1 in _clauses(text, start, end):
        if _FIRST_IS_LEAD.search(re.sub(r"\s", "", text[c0:c1])):
            continue  # the rule itself, not a statement
        label_role: str | None = None
        m = _LABEL.match(text, c0) or _LABEL.match(text, _skip_space(text, c0, c1))
        if m:
            label_role = _label_role(m.group("label"))
            c0 = m.end()
        pending: list[tuple[str, int, int]] = []
        for s0, s1 in _segments(text, c0, c1):
            s0 = _skip_space(text, s0, s1)
            if text.startswith("由", s0):  # ``(由市财政局牵头,…)``
                s0 += 1
            seg = text[s0:s1]
            keep = [k for k, ch in enumerate(seg) if not ch.isspace()]  # tails may wrap across lines
            cut, role = _split_tail("".join(seg[k] for k in keep))
            cut = keep[cut] if cut < len(keep) else len(seg)
            names = [(n, s0 + a, s0 + b) for n, a, b in split_spans(seg[:cut])]
            vouched = labelled or label_role is not None
            names = [x for x in names if looks_like_agency(x[0], vouched)]
            pending.extend(names)
            if role is not None:
                mentions.extend(_mention(n, a, b, role) for n, a, b in pending)
                pending = []
        if label_role is not None:
            mentions.extend(_mention(n, a, b, label_role) for n, a, b in pending)
    return _expanded(mentions)


def _label_role(label: str) -> str:
    """``主要责任单位`` → 责任, ``牽頭單位`` → 牵头."""
    label = label.removeprefix("主要")
    return _LABEL_ROLE[label[:2]]


def _skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a] in " \t\r\n\u3000*":
        a += 1
    return a


_INLINE_ROLE = re.compile(r"^(?P<name>.+?)[(（][^()（）]{0,8}?(?P<role>牵头|牽頭|主办|主辦|配合|协办|協辦|负责|負責|责任|責任)"
                          r"[^()（）]{0,6}[)）]$")


def _mention(name: str, start: int, end: int, role: str) -> _Mention:
    """A mention; a role printed after the name (``市发展改革委(牵头)``) overrides the statement's."""
    m = _INLINE_ROLE.match(name)
    if m:
        name, role = m.group("name"), _role_of(m.group("role"))
    return _Mention(name, start, end, role, role == LEAD)


def _expanded(mentions: list[_Mention]) -> list[_Mention]:
    """Bare department names take the level prefix of the statement's earlier names."""
    names = expand_prefixes([m.name for m in mentions])
    return [_Mention(n, m.start, m.end, m.role, m.explicit_lead) for n, m in zip(names, mentions)]


def _apply_first_is_lead(mentions: list[_Mention]) -> list[_Mention]:
    """Under a ``排第一位的为牵头单位`` rule the first agency of a statement leads, unless one is named lead."""
    if not mentions or any(m.explicit_lead for m in mentions):
        return mentions
    first = mentions[0]
    return [_Mention(first.name, first.start, first.end, LEAD, True), *mentions[1:]]


def _bracket_groups(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Content offsets of the outermost bracket pairs in ``text[start:end]`` (any of
    ( （ 〔 [ ［ 【, closed by any closer)."""
    groups, i, n = [], start, len(text) if end is None else end
    # jump from bracket to bracket with the regex engine rather than walking every character
    while (m := _OPENER.search(text, i, n)) is not None:
        i = m.start()
        depth, close = 0, None
        for b in _BRACKET.finditer(text, i, min(n, i + _MAX_GROUP)):
            depth += 1 if b.group() in _OPENERS else -1
            if depth == 0:
                close = b.start()
                break
        if close is not None:
            groups.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return groups


def _bare_list_closing_task(text: str, a: int, b: int) -> bool:
    """``…。(市发展改革委、市财政局)``: a bracket of agency names only, right after a sentence."""
    before = text[max(0, a - 3):a - 1].rstrip()
    if not before.endswith(("。", ";", "；")):
        return False
    names = split_spans(text[a:b])
    return bool(names) and all(looks_like_agency(n) for n, _, _ in names)


def _is_statement(content: str) -> bool:
    content = re.sub(r"\s", "", content)
    return bool(_LABEL.search(content) or _TAIL.search(content))


# --- tasks -----------------------------------------------------------------------------------

def _first_clause(text: str) -> str:
    """The task text of a heading or paragraph: its first sentence, cut to fit."""
    text = _MARKUP.sub("", text)
    text = _NUMBERING.sub("", text, count=1)
    text = re.sub(r"\s", "", text).strip("*#")
    text = re.split(r"[。;；:：!！?？]", text, maxsplit=1)[0]
    text = re.sub(r"^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:前|底前|以前)?[,，]", "", text)
    if len(text) > _TASK_MAX:
        head = re.split(r"[,，]", text, maxsplit=1)[0]
        text = head if len(head) <= _TASK_MAX else text[:_TASK_MAX]
    return text


def _task_for_line(t: _Text, lineno: int) -> str:
    """The task a statement on ``lineno`` belongs to: the heading or numbered item its paragraph
    starts with, a bare heading right above it, else its paragraph's first sentence. Paragraphs
    may be wrapped over several source lines."""
    lines = t.doc.lines
    i = lineno - t.doc.start
    bold = re.match(r"^\s*\*\*(.+?)\*\*", lines[i])
    if bold:
        prev = _previous_nonblank(lines, i)
        if prev is not None and lines[prev].count("**") % 2 == 1:  # a bold heading wrapped in two
            return _first_clause(lines[prev].strip() + bold.group(1))
        return _first_clause(bold.group(1))
    start = i
    if not _HEADING.match(lines[i]):
        for k in range(i - 1, max(-1, i - 20), -1):
            prev = lines[k].strip()
            if not prev:
                continue
            if prev.endswith(("。", ")", "）", "〕", "】", "]")):
                break  # the previous paragraph (or statement) ends here
            start = k
            if _HEADING.match(prev):
                break
    if start == i and lines[i].strip()[:1] in _OPENERS + "责牵配" and not _HEADING.match(lines[i]):
        # the statement stands on a line of its own: it closes the paragraph above
        # (a line opening with its own number, ``（一）深化…改革。（牵头单位：…）``, is its own task)
        k = _previous_nonblank(lines, i)
        if k is not None and k > i - 20:
            return _task_for_line(t, t.doc.start + k)
    if start < i and (_BARE_HEADING.match(lines[start]) or _title_only(lines[start])):
        return _first_clause(lines[start])  # ``#### (一)…`` / ``三、工作要求`` over its paragraphs
    joined = "".join(x.strip() for x in lines[start:i + 1])
    return _first_clause(_LABEL.split(joined, maxsplit=1)[0] or joined)


def _title_only(line: str) -> bool:
    """A numbered line that is only a short title (``三、工作要求``), not the start of a wrapped sentence."""
    m = _NUMBERING.match(line)
    rest = re.sub(r"\s", "", _MARKUP.sub("", line[m.end():])) if m else ""
    return bool(m) and 2 <= len(rest) <= 16 and not re.search(r"[，,。；;：:、（(）)]", rest)


def _previous_nonblank(lines: tuple[str, ...], i: int) -> int | None:
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k if k >= 0 else None


# --- tables ----------------------------------------------------------------------------------

def _cells(line: str, delim: str) -> list[tuple[int, int]]:
    """Offsets of the cells of one table row."""
    out, a = [], 0
    for i, ch in enumerate(line):
        if ch == delim:
            out.append((a, i))
            a = i + 1
    out.append((a, len(line)))
    if delim == "|":  # ``| a | b |``: drop the empty edges
        if out and not line[out[0][0]:out[0][1]].strip():
            out = out[1:]
        if out and not line[out[-1][0]:out[-1][1]].strip():
            out = out[:-1]
    return out


def _header_roles(cells: list[str]) -> dict[int, str]:
    roles = {}
    for k, cell in enumerate(cells):
        name = re.sub(r"\s|\*|<[^>]*>", "", cell)
        if _HEADER.match(name):
            roles[k] = _label_role(name)
    return roles


_TASK_VERB = re.compile(r"^(?:建设|推进|推广|加强|完善|开展|建立|实施|落实|提升|优化|深化|强化|健全|制定|组织|做好|加快|打造|创建"
                        r"|构建|推动|促进|规范|扩大|支持|鼓励|严格|全面|统筹)")


def _agency_cell(text: str) -> bool:
    """A table cell that holds a list of agencies (placeholders included), not prose."""
    flat = re.sub(r"\s|<[^>]*>", "", text)
    if not flat or "。" in flat or len(flat) > 400:
        return False
    if _TASK_VERB.match(flat) and "银行" not in flat:
        return False  # 建设统一身份认证平台: a task, though it ends like an agency (电视台)
    names = [n for n, _, _ in split_spans(text)]
    if not names:  # placeholders only (各县(市、区)人民政府)
        return bool(re.search(r"各|有关|相关", flat))
    return (all(looks_like_agency(n, labelled=True) for n in names)
            and any(looks_like_agency(n) for n in names))


_TASK_HEADERS = ("主要任务", "重点任务", "重点工作", "工作任务", "任务内容", "工作内容", "任务", "工作措施", "具体措施")


_WHEN = re.compile(r"\d{4}年|\d+月|底前|年底|长期|全年|持续|按月|按季|按年|每年|每月|常态")


def _role_cell(text: str) -> bool:
    """A cell that can fill a role column: a list of agencies, or agencies with role words."""
    if _agency_cell(text):
        return True
    flat = re.sub(r"\s|<[^>]*>", "", text)
    return "。" not in flat and len(flat) <= 400 and bool(_TAIL.search(flat))


def _task_cell(cells: list[str], header: list[str], prev_task: str) -> str:
    """A row's task: its cell under a task header (or next to it, where conversion shifted the
    row); a row that continues a merged cell keeps the task of the row above; failing both, the
    row's first cell of text."""
    def usable(cell: str) -> bool:
        flat = re.sub(r"\s", "", cell)
        return (len(flat) > 1 and not re.fullmatch(r"[\d.、]+", flat) and not _WHEN.search(flat[:12])
                and not _agency_cell(cell))
    for want in _TASK_HEADERS:
        for k, h in enumerate(header):
            if re.sub(r"\s|\*", "", h) != want:
                continue
            for j in (k, k - 1, k + 1) if len(cells) != len(header) else (k,):
                if 0 <= j < len(cells) and usable(cells[j]):
                    return _first_clause(cells[j])
    return prev_task or _first_clause(next((c for c in cells if usable(c)), ""))


def _table_mentions(t: _Text, first_is_lead: bool = False) -> list[tuple[_Mention, str]]:
    """Mentions from rows of tab-, bar- or HTML-delimited tables with a role column."""
    out: list[tuple[_Mention, str]] = []
    lines = t.text.split("\n")
    header: list[str] | None = None
    roles: dict[int, str] = {}
    delim = "\t"
    task = ""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        d = "\t" if "\t" in line else ("|" if line.count("|") >= 2 else None)
        if d is None:
            header = None
            continue
        spans = _cells(line, d)
        cells = [line[a:b] for a, b in spans]
        found = _header_roles(cells)
        if found:
            header, roles, delim, task = cells, found, d, ""
            continue
        if header is None or d != delim or set(re.sub(r"\s", "", line)) <= set("|-:"):
            continue
        base = t.line_starts[i]
        task = _task_cell(cells, header, task)
        for k, role in _row_role_cells(cells, header, roles):
            a, b = spans[k]
            out.extend((m, task) for m in parse_cell(t.text, base + a, base + b, role, first_is_lead))
    out.extend(_html_mentions(t, first_is_lead))
    out.extend(_stacked_mentions(t, first_is_lead))
    return out


_NUMBER_CELL = re.compile(r"^\d{1,3}[.、]?$")


_HEADER_CELL_MAX = 24  # characters of a header cell's line, spaces included


def _header_cell(line: str) -> bool:
    flat = re.sub(r"\s|\*", "", line)
    return flat in ("序号", "序號", "编号") or flat in _TASK_HEADERS or bool(_HEADER.match(flat))


def _stacked_rows(lines: list[str], k: int, n: int, numbered: bool,
                  fits: Callable[[list[tuple[int, int]]], bool]) -> tuple[list[tuple[int, int]], int] | None:
    """The cells (first and last line) of the row at line ``k`` of a table ``n`` cells wide, and
    the line after it. A numbered row runs to the next number (the last row: as few lines as
    ``fits``): its surplus lines continue the cell before them, a role cell where that cell ends
    with ``、``, the task cell otherwise."""
    idx = [j for j in range(k, min(len(lines), k + 3 * n)) if lines[j].strip()]
    if len(idx) < n or any("\t" in lines[j] for j in idx[:n]):
        return None
    if not numbered:
        return [(j, j) for j in idx[:n]], idx[n - 1] + 1
    if not _NUMBER_CELL.match(lines[idx[0]].strip()):
        return None
    nxt = next((p for p, j in enumerate(idx[1:], 1) if _NUMBER_CELL.match(lines[j].strip())), None)
    if nxt is not None:
        return _join_cells(lines, idx[:nxt], n)
    for m in range(n, min(len(idx), n + 3) + 1):
        got = _join_cells(lines, idx[:m], n)
        if got and fits(got[0]):
            return got
    return None


def _join_cells(lines: list[str], row: list[int], n: int) -> tuple[list[tuple[int, int]], int] | None:
    if len(row) < n:
        return None
    cells = [[j] for j in row]
    while len(cells) > n:  # join a surplus line onto its cell, from the end
        joined = next((p for p in range(len(cells) - 1, 1, -1)
                       if lines[cells[p - 1][-1]].rstrip().endswith(("、", "，", ","))), None)
        p = joined if joined is not None else 2  # else the task cell (after the number) wrapped
        cells[p - 1:p + 1] = [cells[p - 1] + cells[p]]
    return [(c[0], c[-1]) for c in cells], row[-1] + 1


def _stacked_mentions(t: _Text, first_is_lead: bool = False) -> list[tuple[_Mention, str]]:
    """Mentions from a table that PDF conversion printed one cell per line: a run of header lines
    (序号 / 重点任务 / 牵头单位 / 责任单位), then rows of as many cells. A row that starts with its
    number keeps the reading in step; a row that does not fit ends the table."""
    out: list[tuple[_Mention, str]] = []
    lines = t.text.split("\n")
    i = 0
    while i < len(lines):
        j = i
        # header cells are short: the length test spares the regexes on every line of prose
        while j < len(lines) and len(lines[j]) <= _HEADER_CELL_MAX and lines[j].strip() and "\t" not in lines[j] \
                and _header_cell(lines[j]):
            j += 1
        header = [lines[k].strip() for k in range(i, j)]
        roles = _header_roles(header)
        if len(header) < 2 or not roles:
            i = j + 1 if j == i else j
            continue
        numbered = re.sub(r"\s", "", header[0]) in ("序号", "序號", "编号")
        task, k = "", j
        def spans_of(row: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [(t.line_starts[a], t.line_starts[b] + len(lines[b])) for a, b in row]

        def fits(row: list[tuple[int, int]]) -> bool:
            return all(_role_cell(t.text[a:b]) for c, (a, b) in enumerate(spans_of(row)) if c in roles)

        while (got := _stacked_rows(lines, k, len(header), numbered, fits)) is not None:
            if not fits(got[0]):
                break
            spans = spans_of(got[0])
            cells = [t.text[a:b] for a, b in spans]
            task = _task_cell([re.sub(r"\s", "", c) for c in cells], header, task)
            for c, role in sorted(roles.items()):
                out.extend((m, task) for m in parse_cell(t.text, *spans[c], role, first_is_lead))
            k = got[1]
        i = k
    return out


def _row_role_cells(cells: list[str], header: list[str], roles: dict[int, str]) -> list[tuple[int, str]]:
    """Which cells of a row hold the role columns.

    Conversion often drops or adds a cell, so when the role columns end the header the row is
    read from the right: its trailing run of agency cells fills the role columns in order.
    Otherwise cells are taken by header position."""
    role_cols = sorted(roles)
    by_position = [(k, roles[k]) for k in role_cols
                   if k < len(cells) and cells[k].strip() and _role_cell(cells[k])]
    if role_cols != list(range(len(header) - len(role_cols), len(header))):
        return by_position
    filled = [k for k, c in enumerate(cells) if c.strip()]
    run: list[int] = []
    for k in reversed(filled):
        if len(run) == len(role_cols) or not _role_cell(cells[k]):
            break
        run.append(k)
    run.reverse()
    if len(run) == len(role_cols):
        return [(k, roles[col]) for k, col in zip(run, role_cols)]
    if len(cells) == len(header) and by_position:
        return by_position
    if len(role_cols) == 1 and run:
        return [(run[-1], roles[role_cols[0]])]
    return by_position


def parse_cell(text: str, a: int, b: int, role: str, first_is_lead: bool = False) -> list[_Mention]:
    """The agencies of one role cell; role words inside (``A牵头,B配合``) override the column's."""
    cell = text[a:b]
    inner = parse_statement(text, a, b, labelled=True) if _TAIL.search(re.sub(r"\s", "", cell)) else []
    if not _agency_cell(cell):
        return inner  # prose in the cell: only what its role words vouch for
    if inner and any(m.role != RESP for m in inner):
        return inner
    mentions = _read_cell(text, a, b, role)
    return _apply_first_is_lead(mentions) if first_is_lead and role == RESP else mentions


def _read_cell(text: str, a: int, b: int, role: str) -> list[_Mention]:
    return _expanded([_mention(n, a + s, a + e, role) for n, s, e in split_spans(text[a:b])
                      if looks_like_agency(n, labelled=True)])


_TR = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S | re.I)
_TD = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S | re.I)


def _html_mentions(t: _Text, first_is_lead: bool = False) -> list[tuple[_Mention, str]]:
    """Mentions from HTML table rows: cells are found in the raw text, read in the masked one."""
    out: list[tuple[_Mention, str]] = []
    if "<t" not in t.raw:
        return out
    header: list[str] | None = None
    roles: dict[int, str] = {}
    task = ""
    for tr in _TR.finditer(t.raw):
        tds = list(_TD.finditer(t.raw, tr.start(1), tr.end(1)))
        cells = [t.text[td.start(1):td.end(1)] for td in tds]
        found = _header_roles(cells)
        if found:
            header, roles, task = cells, found, ""
            continue
        if header is None:
            continue
        task = _task_cell(cells, header, task)
        for k, role in _row_role_cells(cells, header, roles):
            for m in parse_cell(t.text, tds[k].start(1), tds[k].end(1), role, first_is_lead):
                out.append((m, task))
    return out


# --- the extractor ---------------------------------------------------------------------------

def _label_statements(t: _Text, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``责任部门:…`` statements outside brackets: from the label to the sentence end, following a
    list that wraps onto the next non-empty line."""
    out = []
    text = t.text
    for m in _LABEL.finditer(text):
        if any(a <= m.start() < b for a, b in covered) or len(m.group("label").removeprefix("主要")) <= 2:
            continue  # read with its bracket; a bare ``牵头:`` outside brackets is too weak a sign
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        stop = text.find("。", m.end(), line_end)
        end = line_end if stop < 0 else stop
        line_start = text.rfind("\n", 0, m.start()) + 1
        if "\t" in text[line_start:end] or "|" in text[line_start:end]:
            continue  # a table row or header, read by the table reader
        # a list cut by a line break continues on the next non-empty line
        for _ in range(3):
            if stop >= 0:
                break
            content = re.sub(r"\s", "", text[m.end():end])
            last = re.split(r"[、,，]", content)[-1] if content else ""
            if content and not content.endswith(("、", ",", "，")) and AGENCY_SUFFIX.search(last):
                break
            nxt = end + 1
            while nxt < len(text) and text[nxt] in "\n \t\u3000":
                nxt += 1
            if nxt >= len(text) or _LABEL.match(text, nxt):
                break
            line_end = text.find("\n", nxt)
            line_end = len(text) if line_end < 0 else line_end
            stop = text.find("。", nxt, line_end)
            end = line_end if stop < 0 else stop
        out.append((m.start(), end))
    return out


def extract(doc: Document) -> list[Fact]:
    """Assignment facts of ``doc``: one per agency per statement."""
    t = _Text(doc)
    first_is_lead = bool(_FIRST_IS_LEAD.search(re.sub(r"\s", "", t.text)))
    found: list[tuple[_Mention, str]] = []
    covered = []
    todo = _bracket_groups(t.text)
    while todo:
        a, b = todo.pop(0)
        if _is_statement(t.text[a:b]):
            mentions = parse_statement(t.text, a, b)
        elif first_is_lead and _bare_list_closing_task(t.text, a, b):
            mentions = _read_cell(t.text, a, b, RESP)  # ``(A、B)`` under ``排第一位的为牵头单位``
        else:
            continue
        covered.append((a, b))  # its labels are read here, not again as labelled lines
        if not mentions:  # the statement may sit in a bracket nested inside this one
            todo[:0] = _bracket_groups(t.text, a, b)
            continue
        if first_is_lead:
            mentions = _apply_first_is_lead(mentions)
        task = _task_for_line(t, t.lineno(a))
        found.extend((m, task) for m in mentions)
    for a, b in _label_statements(t, covered):
        mentions = parse_statement(t.text, a, b)
        if first_is_lead:
            mentions = _apply_first_is_lead(mentions)
        task = _task_for_line(t, t.lineno(a))
        found.extend((m, task) for m in mentions)
    found.extend(_table_mentions(t, first_is_lead))
    return _facts(t, found)


def _facts(t: _Text, found: list[tuple[_Mention, str]]) -> list[Fact]:
    facts: list[Fact] = []
    seen = set()
    for m, task in found:
        name = m.name
        line, end_line = t.lineno(m.start), t.lineno(m.end - 1)
        key = (name, m.role, line)
        if key in seen:
            continue
        seen.add(key)
        facts.append(AssignmentFact(
            src=Src(t.doc.file, line, end_line if end_line != line else None),
            doc=t.doc.doc_key, agency=name, role=m.role, task=task, doc_title=t.doc.doc_title,
        ))
    return facts
