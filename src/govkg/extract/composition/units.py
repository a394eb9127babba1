"""Member units: agencies listed as 成员单位 (or 组成单位) of a body.

``成员单位:市发改委、市教育局、…``, lists over many lines or in table cells, working groups'
``成员单位:`` under a headquarters, and ``成员单位由…组成`` / ``…包括…`` sentences.
Placeholders (各县(市、区)人民政府, 有关单位, 相关部门) are skipped; a list printed with one
shared ``市`` (``市发展改革委、教育局``) gives ``市教育局``.
"""
from __future__ import annotations

from govkg.extract.composition.naming import body_namer
from govkg.extract.composition.walk import Walk
from govkg.facts import Fact, Src, UnitFact


def unit_facts(w: Walk) -> list[Fact]:
    """Unit facts of the document a walk read."""
    doc = w.doc
    name_of = body_namer(w)
    out: list[Fact] = []
    for u in w.final_units():
        body = name_of(u.body, u.line)
        if body:
            out.append(UnitFact(src=Src(doc.file, u.line, u.end_line), doc=doc.doc_key, body=body,
                                agency=u.agency, doc_title=doc.doc_title))
    return out
