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

import re

from govkg.extract.agencies import AGENCY_SUFFIX
from govkg.extract.assignments.statements import (
    FIRST_IS_LEAD,
    LABEL,
    RESP,
    apply_first_is_lead,
    bare_list_closing_task,
    bracket_groups,
    is_statement,
    parse_statement,
)
from govkg.extract.assignments.tables import read_cell, table_mentions
from govkg.extract.assignments.tasks import task_for_line
from govkg.extract.assignments.text import Mention, Text
from govkg.facts import AssignmentFact, Fact, Src
from govkg.text.document import Document


def _label_statements(t: Text, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``责任部门:…`` statements outside brackets: from the label to the sentence end, following a
    list that wraps onto the next non-empty line."""
    out = []
    text = t.text
    for m in LABEL.finditer(text):
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
            if nxt >= len(text) or LABEL.match(text, nxt):
                break
            line_end = text.find("\n", nxt)
            line_end = len(text) if line_end < 0 else line_end
            stop = text.find("。", nxt, line_end)
            end = line_end if stop < 0 else stop
        out.append((m.start(), end))
    return out


def extract(doc: Document) -> list[Fact]:
    """Assignment facts of ``doc``: one per agency per statement."""
    t = Text(doc)
    first_is_lead = bool(FIRST_IS_LEAD.search(re.sub(r"\s", "", t.text)))
    found: list[tuple[Mention, str]] = []
    covered = []
    todo = bracket_groups(t.text)
    while todo:
        a, b = todo.pop(0)
        if is_statement(t.text[a:b]):
            mentions = parse_statement(t.text, a, b)
        elif first_is_lead and bare_list_closing_task(t.text, a, b):
            mentions = read_cell(t.text, a, b, RESP)  # ``(A、B)`` under ``排第一位的为牵头单位``
        else:
            continue
        covered.append((a, b))  # its labels are read here, not again as labelled lines
        if not mentions:  # the statement may sit in a bracket nested inside this one
            todo[:0] = bracket_groups(t.text, a, b)
            continue
        if first_is_lead:
            mentions = apply_first_is_lead(mentions)
        task = task_for_line(t, t.lineno(a))
        found.extend((m, task) for m in mentions)
    for a, b in _label_statements(t, covered):
        mentions = parse_statement(t.text, a, b)
        if first_is_lead:
            mentions = apply_first_is_lead(mentions)
        task = task_for_line(t, t.lineno(a))
        found.extend((m, task) for m in mentions)
    found.extend(table_mentions(t, first_is_lead))
    return _facts(t, found)


def _facts(t: Text, found: list[tuple[Mention, str]]) -> list[Fact]:
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
