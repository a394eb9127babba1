"""Assignments from tables whose header names a role column (牵头单位, 责任单位, 配合单位 …): tab- and
bar-delimited rows, HTML rows, and tables that PDF conversion printed one cell per line."""
from __future__ import annotations

import re
from collections.abc import Callable

from govkg.extract.agencies import split_spans
from govkg.extract.assignments.statements import (
    HEADER,
    RESP,
    TAIL,
    apply_first_is_lead,
    expanded,
    looks_like_agency,
    mention,
    parse_statement,
    role_of_label,
)
from govkg.extract.assignments.tasks import first_clause
from govkg.extract.assignments.text import Mention, Text


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
        if HEADER.match(name):
            roles[k] = role_of_label(name)
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
    return "。" not in flat and len(flat) <= 400 and bool(TAIL.search(flat))


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
                    return first_clause(cells[j])
    return prev_task or first_clause(next((c for c in cells if usable(c)), ""))


def table_mentions(t: Text, first_is_lead: bool = False) -> list[tuple[Mention, str]]:
    """Mentions from rows of tab-, bar- or HTML-delimited tables with a role column."""
    out: list[tuple[Mention, str]] = []
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
    return flat in ("序号", "序號", "编号") or flat in _TASK_HEADERS or bool(HEADER.match(flat))


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


def _stacked_mentions(t: Text, first_is_lead: bool = False) -> list[tuple[Mention, str]]:
    """Mentions from a table that PDF conversion printed one cell per line: a run of header lines
    (序号 / 重点任务 / 牵头单位 / 责任单位), then rows of as many cells. A row that starts with its
    number keeps the reading in step; a row that does not fit ends the table."""
    out: list[tuple[Mention, str]] = []
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


def parse_cell(text: str, a: int, b: int, role: str, first_is_lead: bool = False) -> list[Mention]:
    """The agencies of one role cell; role words inside (``A牵头,B配合``) override the column's."""
    cell = text[a:b]
    inner = parse_statement(text, a, b, labelled=True) if TAIL.search(re.sub(r"\s", "", cell)) else []
    if not _agency_cell(cell):
        return inner  # prose in the cell: only what its role words vouch for
    if inner and any(m.role != RESP for m in inner):
        return inner
    mentions = read_cell(text, a, b, role)
    return apply_first_is_lead(mentions) if first_is_lead and role == RESP else mentions


def read_cell(text: str, a: int, b: int, role: str) -> list[Mention]:
    return expanded([mention(n, a + s, a + e, role) for n, s, e in split_spans(text[a:b])
                      if looks_like_agency(n, labelled=True)])


_TR = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S | re.I)


_TD = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S | re.I)


def _html_mentions(t: Text, first_is_lead: bool = False) -> list[tuple[Mention, str]]:
    """Mentions from HTML table rows: cells are found in the raw text, read in the masked one."""
    out: list[tuple[Mention, str]] = []
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
