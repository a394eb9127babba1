"""Role-column tables that conversion flattened: printed one cell per line (a run of header lines,
then rows of as many lines), or one row per line with spaces between the cells
(``序号 工作任务 牵头负责部门`` / ``3 安排财政赤字… 财政部``)."""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from govkg.extract.assignments.statements import HEADER, HEADER_START, header_lines, role_of_label
from govkg.extract.assignments.tables import (
    SIGNED_DATE,
    agency_cell,
    header_roles,
    parse_cell,
    read_pieces,
    role_cell,
    task_cell,
    time_cell,
)
from govkg.extract.assignments.tasks import NUMBERING, first_clause
from govkg.extract.assignments.text import Mention, Text
from govkg.lexicon import entry
from govkg.text.script import simplify

_TASK_HEADERS = entry("assignments.task_headers")
_OTHER_COLUMNS = entry("assignments.other_columns")
_ROW_NUMBER = entry("assignments.row_numbers")
_NUMBER_COLUMN = entry("assignments.number_columns")

_HEADER_CELL_MAX = 24  # characters of a header cell's line, spaces included
_BLANKS_MAX = 3  # blank lines between two cells at most (a converter's line spacing, doubled)
_HEADER_REACH = 16  # lines a header printed one cell per line may run before its role column

# a section line between the rows of a numbered table (``一、市长负责事项(共9项)``)
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+、")


def _flat(line: str) -> str:
    return simplify(re.sub(r"\s|\*", "", line))


def _header_word(flat: str) -> bool:
    return _OTHER_COLUMNS.test(flat) or _TASK_HEADERS.test(flat) or bool(HEADER.match(flat))


def _numbered_header(header: list[str]) -> bool:
    return bool(header) and _NUMBER_COLUMN.test(_flat(header[0]))


# --------------------------------------------------------------- one cell per line

def _header_block(lines: list[str], i: int) -> tuple[list[str], int]:
    """The header cells printed one per line from line ``i`` (a cell wrapped onto two lines, ``主要`` /
    ``任务``, is one cell; blank lines may stand between cells), and the line after them."""
    header, j = [], i
    while j < len(lines) and len(lines[j]) <= _HEADER_CELL_MAX and lines[j].strip() and "\t" not in lines[j]:
        flat = _flat(lines[j])
        if _header_word(flat):
            header.append(flat)
            j += 1
        elif j + 1 < len(lines) and len(lines[j + 1]) <= _HEADER_CELL_MAX and _header_word(flat + _flat(lines[j + 1])):
            header.append(flat + _flat(lines[j + 1]))
            j += 2
        else:
            break
        gap = j
        while gap < min(len(lines), j + _BLANKS_MAX) and not lines[gap].strip():
            gap += 1
        if header and gap > j and gap < len(lines) and _header_word(_flat(lines[gap])):
            j = gap  # ``序号`` / blank / ``重点工作`` / blank …: one cell per line between blank lines
    return header, j


def _stacked_rows(lines: list[str], k: int, n: int, numbered: bool,
                  fits: Callable[[list[tuple[int, int]]], bool]) -> tuple[list[tuple[int, int]], int] | None:
    """The cells (first and last line) of the row at line ``k`` of a table ``n`` cells wide, and
    the line after it. A numbered row runs to the next number (the last row: as few lines as
    ``fits``): its surplus lines continue the cell before them, a role cell where that cell ends
    with ``、``, the task cell otherwise. Section lines between numbered rows are passed over."""
    reach = (3 * n + 2) * (_BLANKS_MAX + 1)  # as many filled lines as before, blank lines between them or not
    idx = list(islice((j for j in range(k, min(len(lines), k + reach)) if lines[j].strip()), 3 * n + 2))
    if numbered:
        while idx and _SECTION.match(lines[idx[0]]):
            idx = idx[1:]
    if len(idx) < n or any("\t" in lines[j] for j in idx[:n]):
        return None
    if not numbered:
        return [(j, j) for j in idx[:n]], idx[n - 1] + 1
    if not _ROW_NUMBER.test(lines[idx[0]].strip()):
        return None
    nxt = next((p for p, j in enumerate(idx[1:], 1)
                if _ROW_NUMBER.test(lines[j].strip()) or _SECTION.match(lines[j])), None)
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


def _title_line(line: str) -> bool:
    """A numbered line that is only a title (``(一)加强对防疫重点企业财税支持``), no sentence."""
    m = NUMBERING.match(line)
    return bool(m) and not re.search(r"[。；;：:]", line) and 2 <= len(re.sub(r"\s", "", line[m.end():])) <= 30


def _next_text(lines: list[str], k: int) -> str:
    while k < len(lines) and not lines[k].strip():
        k += 1
    return lines[k] if k < len(lines) else ""


def _loose_rows(t: Text, k: int, role: str, task: str = "") -> tuple[list[tuple[Mention, str]], int]:
    """A one-column table whose rows merge cells (a heading over several measures, a measure missing):
    every line after the header that is a list of agencies fills the role column, with the task of
    the last title line above it (``(一)加强对防疫重点企业财税支持``). Prose that is neither numbered,
    a list, a title nor a date ends the table."""
    out: list[tuple[Mention, str]] = []
    lines = t.text_lines
    while k < len(lines):
        line = lines[k]
        flat = _flat(line)
        if not flat:
            k += 1
            continue
        if _title_line(line):
            task = first_clause(line)
        elif agency_cell(line) and SIGNED_DATE.match(_next_text(lines, k + 1)):
            break  # an issuer's name over a date: the signature after the table
        elif agency_cell(line) and task:
            start = t.line_starts[k]
            out.extend((m, task) for m in parse_cell(t, start, start + len(line), role))
        elif not (NUMBERING.match(line) or time_cell(flat)):
            break
        k += 1
    return out, k


def stacked_mentions(t: Text) -> list[tuple[Mention, str]]:
    """Mentions from a table that PDF conversion printed one cell per line: a run of header lines
    (序号 / 重点任务 / 牵头单位 / 责任单位), then rows of as many cells. A row that starts with its
    number keeps the reading in step; a row that does not fit ends the table. The rest of an
    unnumbered table with one role column is read loosely (``_loose_rows``): merged cells put its
    rows out of step."""
    out: list[tuple[Mention, str]] = []
    lines = t.text_lines
    starts = sorted({k for h in header_lines(t) for k in range(max(0, h - _HEADER_REACH), h + 1)})
    i, done = 0, -1
    for i in starts:
        if i <= done:
            continue
        header, j = _header_block(lines, i)
        roles = header_roles(header)
        if len(header) < 2 or not roles:
            continue
        numbered = _numbered_header(header)
        task, k, rows = "", j, 0

        def spans_of(row: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [(t.line_starts[a], t.line_starts[b] + len(lines[b])) for a, b in row]

        def fits(row: list[tuple[int, int]]) -> bool:
            return all(role_cell(t.text[a:b]) for c, (a, b) in enumerate(spans_of(row)) if c in roles)

        while (got := _stacked_rows(lines, k, len(header), numbered, fits)) is not None:
            if not fits(got[0]):
                break
            spans = spans_of(got[0])
            cells = [t.text[a:b] for a, b in spans]
            task = task_cell([re.sub(r"\s", "", c) for c in cells], header, task)
            for c, role in sorted(roles.items()):
                out.extend((m, task) for m in parse_cell(t, *spans[c], role))
            k, rows = got[1], rows + 1
        if len(roles) == 1 and not numbered:
            # merged cells put the rows out of step: the rest is read loosely
            found, k = _loose_rows(t, k, next(iter(roles.values())), task)
            out.extend(found)
        done = max(k, j) - 1
    return out


# --------------------------------------------------------------- one row per line, spaces between cells

def _header_words(flat: str) -> list[str] | None:
    """``序号工作任务牵头负责部门`` → [序号, 工作任务, 牵头负责部门]: a header line read as a run of
    column names with the spaces between them lost (``工 作 任 务``), or None."""
    words = sorted(set(_OTHER_COLUMNS.words) | set(_TASK_HEADERS.words), key=len, reverse=True)
    out, i = [], 0
    while i < len(flat):
        m = HEADER_START.match(flat, i)
        word = m.group() if m else next((w for w in words if flat.startswith(w, i)), None)
        if not word:
            return None
        out.append(word)
        i += len(word)
    return out


def spaced_mentions(t: Text) -> list[tuple[Mention, str]]:
    """Mentions from a table printed one row per line with spaces between the cells: a header line of
    column names (``序号 工 作 任 务 牵头负责部门``), then rows (``3 安排财政赤字2.18万亿元 财政部``)
    whose cells after the task column are its last space-separated pieces. A cell wrapped onto an
    indented line below its row (a PDF converted in layout mode) continues the cell printed above
    it (``_continues``); a line that neither fits nor continues ends the table."""
    out: list[tuple[Mention, str]] = []
    lines = t.text_lines
    header: list[str] | None = None
    row: _Row | None = None
    candidates = set(header_lines(t))
    if not candidates:
        return out
    skip = -1
    for i, line in enumerate(lines):
        if i <= skip:
            continue  # the second line of a row read with the first
        if header is None and i not in candidates:
            continue
        if not line.strip() or "\t" in line or "|" in line or "<" in t.doc.lines[i]:
            if row is not None and header is not None and line.strip():
                out.extend(_row_mentions(t, header, row))
                row = None
            header = None if "<" in t.doc.lines[i] else header  # HTML tables are read by their cells
            continue
        if header is None:
            if len(line) <= 60 and re.search(r"\S\s+\S", line.strip()):
                words = _header_words(_flat(line))
                if words and len(words) >= 2 and any(HEADER.match(w) for w in words):
                    header = words
            continue
        cells = _spaced_row(line, header)
        base = t.line_starts[i]
        if cells is None:  # a role cell may be cut by its wrap (市自然资源和规划 / 局): the next line tells
            loose = _spaced_row(line, header, strict=False)
            if loose is not None and _continues(_next_text(lines, i + 1), header, _Row([_col(line, a) for a, _, _ in loose], [])):
                cells = loose
        if cells is None and (j := _wrapped_row_end(lines, i, header)) is not None:
            if row is not None:
                out.extend(_row_mentions(t, header, row))
            row = _two_line_row(t, i, j, header)
            skip = j
            continue
        if cells is not None:
            if row is not None:
                out.extend(_row_mentions(t, header, row))
            row = _Row([_col(line, a) for a, _, _ in cells], [[(base + a, base + b)] for a, b, _ in cells])
        elif row is not None and _continues(line, header, row):
            for m in re.finditer(r"\S+", line):
                k = max((c for c, x in enumerate(row.columns) if x <= _col(line, m.start()) + 2), default=0)
                row.cells[k].append((base + m.start(), base + m.end()))
        else:
            if row is not None:
                out.extend(_row_mentions(t, header, row))
            header, row = None, None
    if row is not None and header is not None:
        out.extend(_row_mentions(t, header, row))
    return out


class _Row:
    """A row of a space-separated table: the printed column of each cell on its first line, and the
    offsets of each cell's part on every line it runs over."""

    def __init__(self, columns: list[int], cells: list[list[tuple[int, int]]]) -> None:
        self.columns, self.cells = columns, cells


def _col(line: str, offset: int) -> int:
    """The printed column of ``line[offset]``: CJK characters are two columns wide."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in line[:offset])


def _continues(line: str, header: list[str], row: _Row) -> bool:
    """Whether ``line`` carries the wrapped ends of the row above's cells: indented past the row's first
    cell (in a numbered table, no row number of its own) and no prose sentence end."""
    stripped = line.lstrip()
    indent = _col(line, len(line) - len(stripped))
    if indent <= row.columns[0] or "。" in stripped[:-1]:
        return False
    first = stripped.split()[0]
    return not (_numbered_header(header) and _ROW_NUMBER.test(first))


def _wrapped_row_end(lines: list[str], i: int, header: list[str]) -> int | None:
    """The next non-blank line, where row ``i`` of a numbered table wraps its task cell onto it without an indent (a
    converter breaking at a fixed width: ``5 中央财政安排…职工分流安`` / ``置，2016年安排500亿元 财政部``): the first
    line opens with a row number and holds too few cells, the two read as one line make a row, and the second
    opens no row of its own."""
    if not _numbered_header(header) or _task_column(header) is None:
        return None
    first = lines[i].split()
    j = i + 1
    while j < min(len(lines), i + 3) and not lines[j].strip():
        j += 1  # a blank line between (a converter's line spacing)
    if not first or not _ROW_NUMBER.test(first[0]) or j >= len(lines):
        return None
    second = lines[j].split()
    if not second or _ROW_NUMBER.test(second[0]) or "。" in lines[j].strip()[:-1]:
        return None
    return j if _spaced_row(_two_lines(lines[i], lines[j]), header) is not None else None


def _two_lines(first: str, second: str) -> str:
    """Two lines of a row read as one: a part indented on the second line is a cell of its own (``…3%`` /
    `` 财政部``), one that is not goes on the word the first line ends with (``…人力资源社会保`` / ``障部``)."""
    return first.rstrip() + (" " if second[:1].isspace() else "") + second.strip()


def _two_line_row(t: Text, i: int, j: int, header: list[str]) -> _Row:
    """Row ``i`` and its wrapped end on line ``j`` as one row: each cell's parts on the two lines."""
    first, second = t.text_lines[i].rstrip(), t.text_lines[j]
    cells = _spaced_row(_two_lines(first, second), header)
    assert cells is not None
    cut = len(first) + (1 if second[:1].isspace() else 0)  # where the second line's text starts in the two
    base_i, base_j = t.line_starts[i], t.line_starts[j] + len(second) - len(second.lstrip()) - cut
    parts = []
    for a, b, _ in cells:  # a cell running over the joint is two parts, one on each line
        parts.append([(base_i + a, base_i + min(b, len(first)))] * (a < len(first))
                     + [(base_j + max(a, cut), base_j + b)] * (b > cut))
    return _Row([_col(first, min(a, len(first))) for a, _, _ in cells], parts)


def _row_mentions(t: Text, header: list[str], row: _Row) -> list[tuple[Mention, str]]:
    task_col = _task_column(header)
    task = ""
    if task_col is not None:
        task = first_clause("".join(t.text[a:b] for a, b in row.cells[task_col]))
    out: list[tuple[Mention, str]] = []
    for c, w in enumerate(header):
        if HEADER.match(w):
            out.extend((m, task) for m in read_pieces(t, row.cells[c], role_of_label(w)))
    return out


def _task_column(header: list[str]) -> int | None:
    return next((k for k, w in enumerate(header) if _TASK_HEADERS.test(w)), None)


def _joined(line: str, pieces: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    return pieces[0][0], pieces[-1][1], line[pieces[0][0]:pieces[-1][1]]


def _spaced_row(line: str, header: list[str], strict: bool = True) -> list[tuple[int, int, str]] | None:
    """The cells (start, end, text) of a row: one piece per column, the task column taking the
    pieces left over; None where the row does not fit (its number, its role cells — unless not
    ``strict``, for a row whose cells wrap onto the next line)."""
    pieces = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", line)]
    n, task = len(header), _task_column(header)
    if len(pieces) < n or (task is None and len(pieces) != n):
        return None
    if task is not None and task == n - 2 and HEADER.match(header[-1]):
        # one role column after the task: it takes the trailing agencies (``… 发展改革委 财政部``)
        k = len(pieces) - 1
        while k - 1 > task and agency_cell(pieces[k - 1][2]):
            k -= 1
        pieces = [*pieces[:k], _joined(line, pieces[k:])]
    if task is not None:
        extra = len(pieces) - n
        pieces = [*pieces[:task], _joined(line, pieces[task:task + extra + 1]), *pieces[task + extra + 1:]]
    if _numbered_header(header) and not _ROW_NUMBER.test(pieces[0][2]):
        return None
    if strict and not all(role_cell(p[2]) for p, w in zip(pieces, header) if HEADER.match(w)):
        return None
    return pieces
