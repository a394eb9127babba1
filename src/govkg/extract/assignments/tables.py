"""Assignments from tables whose header names a role column (牵头单位, 责任单位, 配合单位 …): tab- and
bar-delimited rows, HTML rows, and tables that PDF conversion printed one cell per line."""
from __future__ import annotations

import re
from dataclasses import replace

from govkg.extract.agencies import AGENCY_SUFFIX, split_spans
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
from govkg.extract.assignments.grid import grid_lines, grid_regions, grid_rows, row_cells
from govkg.extract.assignments.tasks import first_clause
from govkg.extract.assignments.text import Mention, Text
from govkg.extract.people.names import is_person_name
from govkg.lexicon import entry
from govkg.text.script import simplify

TASK_HEADERS = entry("assignments.task_headers")
_TASK_VERB = entry("assignments.task_verbs")
_WHEN = entry("assignments.time_cells")


# a signature's date line: the issuer's name above it is no unit of a list or table
SIGNED_DATE = re.compile(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$")


def header_roles(cells: list[str]) -> dict[int, str]:
    """The role of each cell of a header row that names a role column (``牵头单位``, ``协同责任单位``)."""
    roles = {}
    for k, cell in enumerate(cells):
        name = simplify(re.sub(r"\s|\*|<[^>]*>", "", cell))
        if HEADER.match(name):
            roles[k] = role_of_label(name)
    return roles


def agency_cell(text: str) -> bool:
    """A table cell that holds a list of agencies (placeholders included), not prose."""
    flat = simplify(re.sub(r"\s|<[^>]*>", "", text))
    if not flat or "。" in flat or len(flat) > 400:
        return False
    if _TASK_VERB.test(flat) and "银行" not in flat:
        return False  # 建设统一身份认证平台: a task, though it ends like an agency (电视台)
    names = [n for n, _, _ in split_spans(text)]
    if not names:  # placeholders only (各县(市、区)人民政府)
        return bool(re.search(r"各|有关|相关", flat))
    # the person in charge may share the cell (``县工信局 张明`` under 牵头单位及责任人)
    return (all(looks_like_agency(n, labelled=True) or is_person_name(simplify(n)) for n in names)
            and any(looks_like_agency(n) for n in names))


def time_cell(flat: str) -> bool:
    """A short cell that gives a deadline or period (``2024年12月``, ``长期坚持``), not a task."""
    return _WHEN.test(flat)


def role_cell(text: str) -> bool:
    """A cell that can fill a role column: a list of agencies, or agencies with role words."""
    if agency_cell(text):
        return True
    flat = simplify(re.sub(r"\s|<[^>]*>", "", text))
    return "。" not in flat and len(flat) <= 400 and bool(TAIL.search(flat))


def task_cell(cells: list[str], header: list[str], prev_task: str) -> str:
    """A row's task: its cell under a task header (or next to it, where conversion shifted the
    row); a row that continues a merged cell keeps the task of the row above; failing both, the
    row's first cell of text."""
    def usable(cell: str) -> bool:
        flat = re.sub(r"\s", "", cell)
        return (len(flat) > 1 and not re.fullmatch(r"[\d.、]+", flat) and not time_cell(flat)
                and not agency_cell(cell))
    for want in TASK_HEADERS.words:
        for k, h in enumerate(header):
            if simplify(re.sub(r"\s|\*", "", h)) != want:
                continue
            for j in (k, k - 1, k + 1) if len(cells) != len(header) else (k,):
                if 0 <= j < len(cells) and usable(cells[j]):
                    return first_clause(cells[j])
    return prev_task or first_clause(next((c for c in cells if usable(c)), ""))


def delimited_mentions(t: Text) -> list[tuple[Mention, str]]:
    """Mentions from rows of tab-, bar- or HTML-delimited tables with a role column."""
    out: list[tuple[Mention, str]] = []
    lines = t.text_lines
    header: list[str] | None = None
    roles: dict[int, str] = {}
    delim = "\t"
    task = ""
    grid = grid_lines(t)
    for i, line in enumerate(lines):
        if not line.strip() or i in grid:
            continue  # a drawn grid is read by its rows (``grid.py``)
        d = "\t" if "\t" in line else ("|" if line.count("|") >= 2 else None)
        if d is None:
            header = None
            continue
        spans = row_cells(line, d)
        cells = [line[a:b] for a, b in spans]
        found = header_roles(cells)
        if found:
            header, roles, delim, task = cells, found, d, ""
            continue
        if header is None or d != delim or set(re.sub(r"\s", "", line)) <= set("|-:"):
            continue
        base = t.line_starts[i]
        task = task_cell(cells, header, task)
        for k, role in row_role_cells(cells, header, roles):
            a, b = spans[k]
            out.extend((m, task) for m in parse_cell(t, base + a, base + b, role))
    out.extend(_html_mentions(t))
    return out



def row_role_cells(cells: list[str], header: list[str], roles: dict[int, str]) -> list[tuple[int, str]]:
    """Which cells of a row hold the role columns.

    Conversion often drops or adds a cell, so when the role columns end the header the row is
    read from the right: its trailing run of agency cells fills the role columns in order.
    Otherwise cells are taken by header position."""
    role_cols = sorted(roles)
    by_position = [(k, roles[k]) for k in role_cols
                   if k < len(cells) and cells[k].strip() and role_cell(cells[k])]
    if role_cols != list(range(len(header) - len(role_cols), len(header))):
        return by_position
    filled = [k for k, c in enumerate(cells) if c.strip()]
    run: list[int] = []
    for k in reversed(filled):
        if len(run) == len(role_cols) or not role_cell(cells[k]):
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


def parse_cell(t: Text, a: int, b: int, role: str) -> list[Mention]:
    """The agencies of one role cell; role words inside (``A牵头,B配合``) override the column's."""
    cell = t.text[a:b]
    inner = parse_statement(t, a, b, labelled=True) if TAIL.search(re.sub(r"\s", "", t.shadow[a:b])) else []
    if not agency_cell(cell):
        return inner  # prose in the cell: only what its role words vouch for
    if inner and any(m.role != RESP for m in inner):
        return inner
    mentions = read_cell(t, a, b, role)
    return apply_first_is_lead(mentions, t.rest_role) if t.first_is_lead and role == RESP else mentions


def read_cell(t: Text, a: int, b: int, role: str) -> list[Mention]:
    """Every agency of ``t.text[a:b]`` with ``role`` (a list the column or the bracket vouches for)."""
    return expanded([mention(n, a + s, a + e, role) for n, s, e in split_spans(t.text[a:b])
                      if looks_like_agency(n, labelled=True)])


def read_pieces(t: Text, pieces: list[tuple[int, int]], role: str) -> list[Mention]:
    """The agencies of a cell printed over several lines (``pieces``: its part on each line), joined
    where a name wraps (``县工信局、县财政`` / ``局``) and apart where a line ends with a whole name
    (``县工信局`` / ``县财政局``); each mention spans the offsets its characters are printed at. A cell
    on one line is read as ``parse_cell`` reads it."""
    pieces = [(a, b) for a, b in pieces if t.text[a:b].strip()]
    if len(pieces) == 1:
        return parse_cell(t, *pieces[0], role)
    chars: list[str] = []
    where: list[int] = []
    for a, b in pieces:
        seg = t.text[a:b].strip()
        a += t.text[a:b].index(seg[0]) if seg else 0
        last = re.split(r"[、,，\s]", "".join(chars))[-1]
        if chars and not chars[-1] in "、,，" and AGENCY_SUFFIX.search(simplify(last)):
            chars.append("、")
            where.append(a)
        chars.extend(seg)
        where.extend(range(a, a + len(seg)))
    joined = "".join(chars)
    if not agency_cell(joined):
        return []
    out = [mention(n, where[s], where[e - 1] + 1, role) for n, s, e in split_spans(joined)
           if looks_like_agency(n, labelled=True)]
    out = expanded(out)
    return apply_first_is_lead(out, t.rest_role) if t.first_is_lead and role == RESP else out


_TR = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S | re.I)


_TD = re.compile(r"<t[dh]([^>]*)>(.*?)</t[dh]>", re.S | re.I)

_SPAN = re.compile(r"""(row|col)span\s*=\s*["']?(\d+)""", re.I)


def _spans(attrs: str) -> tuple[int, int]:
    """A cell's rowspan and colspan (1 where not given; at most 50, against a broken page)."""
    got = {k.lower(): min(50, max(1, int(v))) for k, v in _SPAN.findall(attrs)}
    return got.get("row", 1), got.get("col", 1)


def _grid_rows(raw: str) -> list[list[tuple[int, int, int]]]:
    """The rows of the HTML tables in ``raw`` as full grids: each row one (start, end, copy) cell per
    column, where a cell merged down (``rowspan``) fills its column in the rows below (``copy`` 1, 2 …)
    and a cell merged across (``colspan``) fills each column it spans."""
    rows: list[list[tuple[int, int, int]]] = []
    carry: dict[int, tuple[int, int, int, int]] = {}  # column -> (rows left, start, end, copy)
    last = 0
    for tr in _TR.finditer(raw):
        if "<table" in raw[last:tr.start()].lower():
            carry = {}  # a new table: nothing merges into it
        last = tr.end()
        tds = list(_TD.finditer(raw, tr.start(1), tr.end(1)))
        row: list[tuple[int, int, int]] = []
        below: dict[int, tuple[int, int, int, int]] = {}
        k = col = 0
        while k < len(tds) or any(c >= col for c in carry):
            if col in carry:
                left, a, b, n = carry[col]
                row.append((a, b, n + 1))
                if left > 1:
                    below[col] = (left - 1, a, b, n + 1)
                col += 1
                continue
            if k >= len(tds):
                row.append((tr.end(1), tr.end(1), 0))  # a column no cell of this row reaches
                col += 1
                continue
            td = tds[k]
            k += 1
            down, across = _spans(td.group(1))
            for c in range(col, col + across):
                row.append((td.start(2), td.end(2), 0))
                if down > 1:
                    below[c] = (down - 1, td.start(2), td.end(2), 0)
            col += across
        carry = below
        rows.append(row)
    return rows


def _html_mentions(t: Text) -> list[tuple[Mention, str]]:
    """Mentions from HTML table rows: cells are found in the raw text, read in the masked one; merged
    cells are read in every row they cover (``_grid_rows``)."""
    out: list[tuple[Mention, str]] = []
    if "<t" not in t.raw:
        return out
    header: list[str] | None = None
    roles: dict[int, str] = {}
    task = ""
    for row in _grid_rows(t.raw):
        cells = [t.text[a:b] for a, b, _ in row]
        found = header_roles(cells)
        if found:
            header, roles, task = cells, found, ""
            continue
        if header is None:
            continue
        task = task_cell(cells, header, task)
        for k, role in row_role_cells(cells, header, roles):
            a, b, copy = row[k]
            for m in parse_cell(t, a, b, role):
                out.append((replace(m, copy=copy), task))
    return out


def grid_mentions(t: Text) -> list[tuple[Mention, str]]:
    """Mentions from the drawn grids of ``t`` (``grid.py``) whose header names a role column: each
    row's cells joined over the lines between its rules."""
    out: list[tuple[Mention, str]] = []
    for first, last in grid_regions(t):
        header: list[str] | None = None
        roles: dict[int, str] = {}
        task = ""
        for row in grid_rows(t, first, last):
            cells = ["".join(t.text[a:b].strip() for a, b in parts) for parts in row]
            found = header_roles(cells)
            if found:
                header, roles, task = cells, found, ""
                continue
            if header is None:
                continue
            task = task_cell(cells, header, task)
            for k, role in row_role_cells(cells, header, roles):
                out.extend((m, task) for m in read_pieces(t, row[k], role))
    return out
