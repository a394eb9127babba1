"""The layout of tables drawn with rules, as converters print Word tables as text: grid tables
(``+------+------+`` between rows, ``|`` between cells) and box-drawing tables (``┌──┬──┐``, ``│``,
``├──┼──┤``). A row runs from one rule to the next and a cell may wrap over several of its lines
(``| 引进工业项目20个， |`` / ``| 其中亿元以上5个   |``): each column's parts are joined, a name
wrapped inside a cell included (``县财政`` / ``局``)."""
from __future__ import annotations

import re

from govkg.extract.assignments.text import Text

# box-drawing verticals read as the bar that separates cells (one character each: offsets unchanged)
_VERTICALS = str.maketrans({"│": "|", "┃": "|", "║": "|"})

# a rule line: dashes or box lines with junctions, nothing else
_RULE = re.compile(r"^\s*[+|│┃║┌┐└┘├┤┬┴┼╋╔╗╚╝╠╣╦╩╬━═─\-=:\s]*[-─━═=]{3}[+|│┃║┌┐└┘├┤┬┴┼╋╔╗╚╝╠╣╦╩╬━═─\-=:\s]*$")

# the junctions only a drawn grid has (a markdown table's ``|---|---|`` has none)
_JUNCTION = re.compile(r"[+┌┐└┘├┤┬┴┼╋╔╗╚╝╠╣╦╩╬]")


def grid_regions(t: Text) -> list[tuple[int, int]]:
    """The first and last line of each drawn grid of ``t``."""
    got = t.cache.get("grid_regions")
    if got is None:
        got = _regions(t.text_lines) if any(_JUNCTION.search(x) and _RULE.match(x) for x in t.text_lines) else []
        t.cache["grid_regions"] = got
    return got  # type: ignore[return-value]


def grid_lines(t: Text) -> set[int]:
    """Indices of the lines that belong to a drawn grid (read by its rows, not line by line)."""
    return {k for first, last in grid_regions(t) for k in range(first, last + 1)}


def _regions(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of consecutive rule and bar lines with at least one junction rule among them."""
    out, k = [], 0
    while k < len(lines):
        j = k
        while j < len(lines) and lines[j].strip() and (_RULE.match(lines[j]) or
                                                       lines[j].translate(_VERTICALS).count("|") >= 2):
            j += 1
        if j > k and any(_RULE.match(x) and _JUNCTION.search(x) for x in lines[k:j]):
            out.append((k, j - 1))
        k = max(j, k + 1)
    return out


def grid_rows(t: Text, first: int, last: int) -> list[list[list[tuple[int, int]]]]:
    """The rows between the rules of lines ``first..last``: per column, the offsets of its part on
    each line of the row."""
    rows: list[list[list[tuple[int, int]]]] = []
    current: list[list[tuple[int, int]]] = []
    for k in range(first, last + 1):
        line = t.text_lines[k]
        if _RULE.match(line):
            if current:
                rows.append(current)
            current = []
            continue
        base = t.line_starts[k]
        spans = row_cells(line.translate(_VERTICALS), "|")
        while len(current) < len(spans):
            current.append([])
        for c, (a, b) in enumerate(spans):
            current[c].append((base + a, base + b))
    if current:
        rows.append(current)
    return rows


def row_cells(line: str, delim: str) -> list[tuple[int, int]]:
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
