"""Assignments: agencies named as lead (牵头), responsible (责任) or cooperating (配合) unit of a task.

Three printed forms carry them, and only these (duties in running prose do not count):

* a bracket closing a task: ``(市公安局负责,市住建局配合)``, ``(责任单位:市人社局、市财政局)``,
  ``〔A、B按照职责分工牵头,各县(市、区)人民政府负责具体落实〕``, ``(牽頭單位:…;責任單位:…)``, and a
  bracket of agency names only after a sentence (``…建设。(市发展改革委、市交通局)``: each 责任);
* a labelled statement outside brackets: ``责任部门:A牵头,B、C负责。``, ``牵头单位:A``, a label on a line
  of its own with its list on the next;
* a table whose header names a role column (``牵头单位``, ``协同责任单位``, ``牵头负责部门`` …), tab-,
  ``|``- or space-separated, HTML, or printed one cell per line.

A rule such as ``列第一位的为牵头单位`` anywhere in the document makes the first of two or more agencies
of each statement without an explicit 牵头 the lead. One fact per agency and task; ``src`` spans the
lines where that agency's name is printed.
"""
from __future__ import annotations

import re

from govkg.extract.agencies import AGENCY_SUFFIX, split_spans
from govkg.extract.assignments.statements import (
    LABEL,
    PERSON_LABEL,
    RESP,
    apply_first_is_lead,
    bare_list_closing_task,
    bracket_groups,
    ends_with_role,
    looks_like_agency,
    is_statement,
    parse_statement,
    role_of_label,
    skip_space,
    unqualified,
)
from govkg.extract.assignments.stacked import spaced_mentions, stacked_mentions
from govkg.extract.assignments.tables import SIGNED_DATE, agency_cell, delimited_mentions, grid_mentions, read_cell
from govkg.extract.assignments.tasks import NUMBERING, task_for
from govkg.extract.assignments.text import Mention, Text
from govkg.facts import AssignmentFact, Fact, Src
from govkg.text.document import Document
from govkg.text.script import simplify
from govkg.text.wrap import is_full_line


def _next_line(text: str, pos: int) -> int:
    """The offset of the next non-blank character at or after ``pos``."""
    while pos < len(text) and text[pos] in "\n \t\u3000":
        pos += 1
    return pos


def _label_statements(t: Text, covered: list[tuple[int, int]]) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """``责任部门:…`` statements outside brackets: from the label to the sentence end, following a
    list that wraps onto the next non-empty line (not onto a numbered item or another label); with
    the lines after it that go on a list printed one agency per line (``_one_per_line``)."""
    out = []
    text = t.shadow
    for m in LABEL.finditer(text):
        label = unqualified(re.sub(r"\s", "", simplify(m.group("label"))))
        # read with its bracket; a 【 opening the bracket opens a label in it too (【牵头单位：A；…】), not
        # a label that is the whole bracket (【牵头单位】A)
        if any(a <= m.start() < b or (m.start() == a - 1 and m.end() <= b) for a, b in covered):
            continue
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        stop = text.find("。", m.end(), line_end)
        end = line_end if stop < 0 else stop
        line_start = text.rfind("\n", 0, m.start()) + 1
        after = LABEL.search(text, m.end(), min(len(text), end + 8))
        if after is not None and after.start() < end < after.end():
            end = after.start()  # 牵头单位：A    责任单位 / ：B — the next label, its colon wrapped below, is read on its own
        if len(label) <= 2 and not _bare_label_line(t, m.start(), m.end(), end):
            continue  # a bare ``牵头:`` is too weak a sign, but on a line of its own over agencies
        if "\t" in text[line_start:end] or "|" in text[line_start:end]:
            continue  # a table row or header, read by the table reader
        # a list cut by a line break continues on the next non-empty line
        for _ in range(3):
            if stop >= 0:
                break
            content = re.sub(r"\s", "", text[m.end():end])
            last = re.split(r"[、,，]", content)[-1] if content else ""
            nxt = _next_line(text, end + 1)
            # a whole last item ends the list, unless the wrap put the separator after it on the next line or
            # the line fills the width the page is wrapped at and the next line's first item ends the name
            # (…省科 / 技厅、…: 科 ends names too; not …市教育局 / 加快推进…，: a paragraph after the list)
            if content and not content.endswith(("、", ",", "，")) and (AGENCY_SUFFIX.search(last)
                                                                      or ends_with_role(content)) \
                    and text[nxt:nxt + 1] not in ("、", "，", ",") \
                    and not (is_full_line(t.doc.lines, t.lineno(end) - t.doc.start)
                             and AGENCY_SUFFIX.search(last + re.split(r"[、,，。；;\n]", text[nxt:nxt + 30])[0])):
                break
            line_end = text.find("\n", nxt)
            line_end = len(text) if line_end < 0 else line_end
            if nxt >= len(text) or LABEL.match(text, nxt) or PERSON_LABEL.match(text, nxt) \
                    or NUMBERING.match(text[nxt:line_end]):
                break
            stop = text.find("。", nxt, line_end)
            end = line_end if stop < 0 else stop
        label_line_end = text.find("\n", m.end())
        alone = stop < 0 and not text[m.end():len(text) if label_line_end < 0 else label_line_end].strip()
        out.append((m.start(), end, _one_per_line(t, end) if alone else []))
    return out


def _bare_label_line(t: Text, start: int, value: int, end: int) -> bool:
    """A bare role word as a label (``牵头：``, ``配合：``) counts where it opens its line and the rest
    of the line names agencies only, each with an agency ending (``牵头：县政务服务中心`` under an
    item): not ``牵头：做好…`` nor ``…要求，配合：…`` inside prose."""
    text = t.shadow
    a = skip_space(text, start, value)
    if text[text.rfind("\n", 0, a) + 1:a].strip():
        return False
    names = split_spans(t.text[value:end])
    return bool(names) and all(looks_like_agency(n) for n, _, _ in names)


_LIST_LINES_MAX = 30


def _one_per_line(t: Text, end: int) -> list[tuple[int, int]]:
    """The lines that go on a list a label alone on its line opens, one agency per line (``责任单位：`` /
    ``县发改局`` / ``县财政局``, a table cell dumped line by line): the following lines that hold agency
    names only, up to a numbered item, another label, prose, or an issuer's name over its signature
    date."""
    text = t.shadow
    lines = t.text_lines
    k = t.lineno(end) - t.doc.start
    out: list[tuple[int, int]] = []
    for _ in range(_LIST_LINES_MAX):
        j = k + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j >= len(lines):
            break
        line = lines[j]
        start = t.line_starts[j]
        if LABEL.match(text, _next_line(text, start)) or NUMBERING.match(line) or "。" in line \
                or not agency_cell(line) or SIGNED_DATE.match(_next_text(lines, j + 1)):
            break
        k = j
        out.append((start, start + len(line)))
    return out


def _next_text(lines: list[str], k: int) -> str:
    while k < len(lines) and not lines[k].strip():
        k += 1
    return lines[k] if k < len(lines) else ""


def extract(doc: Document) -> list[Fact]:
    """Assignment facts of ``doc``: one per agency per statement."""
    t = Text(doc)
    said: list[tuple[list[Mention], str]] = []  # each statement's mentions, and its task
    labelled: list[tuple[int, int, int]] = []   # labelled statements outside brackets: start, end, index in said
    covered = []
    todo = bracket_groups(t.shadow)
    while todo:
        a, b = todo.pop(0)
        if is_statement(t.shadow[a:b]):
            mentions = parse_statement(t, a, b)
        elif (end := bare_list_closing_task(t, a, b)) is not None:
            mentions = read_cell(t, a, end, RESP)  # ``…。(A、B)``: each names a responsible unit
        else:
            continue
        covered.append((a, b))  # its labels are read here, not again as labelled lines
        if not mentions:  # the statement may sit in a bracket nested inside this one
            todo[:0] = bracket_groups(t.shadow, a, b)
            continue
        said.append((mentions, task_for(t, a - 1)))
    for a, b, more in _label_statements(t, covered):
        mentions = parse_statement(t, a, b)
        if more:
            role = role_of_label(LABEL.match(t.shadow, a).group("label"))  # type: ignore[union-attr]
            for s0, s1 in more:
                mentions = mentions + read_cell(t, s0, s1, role)
        labelled.append((a, b, len(said)))
        said.append((mentions, task_for(t, skip_space(t.shadow, a, b))))  # the label's line, not a blank above it
    led = _led_by_a_neighbour(t, labelled, said) if t.first_is_lead else set()
    found: list[tuple[Mention, str]] = []
    for k, (mentions, task) in enumerate(said):
        if t.first_is_lead and k not in led:
            mentions = apply_first_is_lead(mentions, t.rest_role)
        found.extend((m, task) for m in mentions)
    for table in (delimited_mentions, grid_mentions, stacked_mentions, spaced_mentions):
        found.extend(table(t))
    return _facts(t, found)


def _led_by_a_neighbour(t: Text, labelled: list[tuple[int, int, int]],
                        said: list[tuple[list[Mention], str]]) -> set[int]:
    """Statements a "first listed leads" rule leaves alone: labelled ones printed one after the other
    (``牵头单位：A`` / ``责任单位：B、C``) where one of the run names its lead itself."""
    out: set[int] = set()
    run: list[int] = []
    for n, (a, b, k) in enumerate(labelled):
        if not (n and not t.shadow[labelled[n - 1][1]:a].strip(" \t\u3000\n。；;，,")):
            run = []
        run.append(k)
        if any(m.explicit_lead for j in run for m in said[j][0]):
            out.update(run)
    return out


def _facts(t: Text, found: list[tuple[Mention, str]]) -> list[Fact]:
    facts: list[Fact] = []
    seen = set()
    for m, task in found:
        name = m.name
        line, end_line = t.lineno(m.start), t.lineno(m.end - 1)
        # the same printed name read by two readers, or named twice for one task, is one fact
        keys = {(name, m.role, m.start, m.copy), (name, m.role, line, task)}
        if keys & seen:
            continue
        seen |= keys
        facts.append(AssignmentFact(
            src=Src(t.doc.file, line, end_line if end_line != line else None),
            doc=t.doc.doc_key, agency=name, role=m.role, task=task, doc_title=t.doc.doc_title,
        ))
    return facts
