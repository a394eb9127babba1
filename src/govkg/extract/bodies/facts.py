"""Body and membership facts from a document's BodyIndex: one body fact per body, and the people its
role-labelled lists and composition sentences name."""
from __future__ import annotations

from govkg.extract.bodies.index import BodyIndex, index_bodies
from govkg.extract.people.lists import Member, parse_lists
from govkg.extract.people.sentences import composition_sentences
from govkg.facts import BodyFact, Fact, MembershipFact, Src
from govkg.text.document import Document


def body_facts(index: BodyIndex) -> list[Fact]:
    """Body and membership facts of the document behind ``index``."""
    doc, work, printed, an, mentions = index.doc, index.shadow, index.printed, index.analysis, index.by_body
    facts: list[Fact] = []
    title = doc.doc_title
    for b in sorted(an.bodies, key=lambda b: b.first):
        m = mentions[id(b)]
        facts.append(BodyFact(src=Src(doc.file, m.line, m.end_line), doc=doc.doc_key, body=m.name, kind=m.kind,
                              parent_body=m.parent, office_agency=m.office_agency, aliases=m.aliases,
                              doc_title=title))
        members: list[Member] = []
        for bb, lo, hi in an.segments:
            if bb is b:
                members += parse_lists(work, lo, hi)
        for bb, lo, hi in an.segments:
            if bb is b:
                members += composition_sentences(an.stream, lo, hi)
        seen: dict[tuple[str, str], Member] = {}
        for mem in members:
            key = (mem.name, mem.role)
            if key not in seen or (seen[key].post is None and mem.post):
                seen[key] = mem
        for mem in seen.values():
            facts.append(MembershipFact(src=Src(doc.file, mem.line), doc=doc.doc_key, body=m.name,
                                        person=printed(mem.name, mem.line) or mem.name,
                                        role=printed(mem.role, mem.line) or mem.role,
                                        position=printed(mem.post, mem.line) or None, concurrent=mem.concurrent,
                                        doc_title=title))
    return facts


def extract(doc: Document) -> list[Fact]:
    """Body and membership facts found in ``doc`` (bodies indexed here, for callers without a pipeline)."""
    return body_facts(index_bodies(doc))

__all__ = ["body_facts", "extract"]
