"""Body and membership facts from a document's BodyIndex: one body fact per body, and the people its
role-labelled lists and composition sentences name."""
from __future__ import annotations

import re
from dataclasses import replace

from govkg.extract.bodies.index import BodyIndex, index_bodies
from govkg.extract.bodies.names import suffix_of
from govkg.extract.people.lists import Member, parse_lists
from govkg.extract.people.sentences import composition_sentences
from govkg.facts import BodyFact, Fact, MembershipFact, Src
from govkg.lexicon import entry
from govkg.text.document import Document


def _extra_roles(mem: Member, names: list[str]) -> list[tuple[str | None, Member]]:
    """A post in brackets that also gives a role: ``杜青林(农业部部长,防治组组长)`` is 农业部部长 and leads
    the 防治组 the document sets out; ``齐景发(农业部副部长,办公室主任)`` also directs the office. Gives
    (the body's name, or None for this body; the member in that role) for each extra role, and the
    member itself with the post alone."""
    if not mem.post or not re.search(r"[,，]", mem.post):
        return [(None, mem)]
    roles = re.compile(rf"(?:{entry('roles.leaders').alternation})$")
    keep: list[str] = []
    extra: list[tuple[str | None, str]] = []
    for part in re.split(r"[,，]", mem.post):
        m = roles.search(part)
        head = part[:m.start()] if m else ""
        if m and head in ("", "办公室") and part in ("办公室主任", "办公室副主任"):
            extra.append((None, part))
        elif m and head and head in names:
            extra.append((head, part[m.start():]))
        else:
            keep.append(part)
    if not extra or not keep:
        return [(None, mem)]
    post = "，".join(keep) if "，" in mem.post else ",".join(keep)
    base = replace(mem, post=post)
    return [(None, base), *((body, replace(base, role=role)) for body, role in extra)]


def body_facts(index: BodyIndex) -> list[Fact]:
    """Body and membership facts of the document behind ``index``."""
    doc, work, printed, an, mentions = index.doc, index.shadow, index.printed, index.analysis, index.by_body
    facts: list[Fact] = []
    title = doc.doc_title
    by_name = {b.name: b for b in an.bodies}
    members_of: dict[int, list[Member]] = {id(b): [] for b in an.bodies}
    for b in sorted(an.bodies, key=lambda b: b.first):
        members: list[Member] = []
        for bb, lo, hi in an.segments:
            if bb is b:
                members += parse_lists(work, lo, hi)
        for bb, lo, hi in an.segments:
            if bb is b:
                members += composition_sentences(an.stream, lo, hi)
        # a working group has no office of its own, nor a headquarters under another (前方指挥部) whose own
        # office is not set out: an office role read in its passage (专班办公室设在…，张三兼任办公室主任 after
        # the last group's list) is its parent's
        sub = b.name.endswith("组") or b.office is None and suffix_of(b.parent or "") == suffix_of(b.name)
        office_of = by_name.get(b.parent) if b.parent and sub else None
        for mem in members:
            for other, one in _extra_roles(mem, list(by_name)):
                owner = by_name[other] if other else office_of if office_of and one.role.startswith("办公室") else b
                members_of[id(owner)].append(one)
    for b in sorted(an.bodies, key=lambda b: b.first):
        m = mentions[id(b)]
        facts.append(BodyFact(src=Src(doc.file, m.line, m.end_line), doc=doc.doc_key, body=m.name, kind=m.kind,
                              parent_body=m.parent, office_agency=m.office_agency, aliases=m.aliases,
                              doc_title=title))
        seen: dict[tuple[str, str], Member] = {}
        for mem in members_of[id(b)]:
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
