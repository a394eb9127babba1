"""Facts → RDF (rdflib), with entity resolution, dates, supersession and provenance.

``graph_from_facts`` is the whole stage. IRIs derive from canonical keys
(``https://govkg.org/id/<kind>/<percent-encoded key>``; node kinds without a natural name,
such as memberships, use a short SHA-1 of their key), so the same facts always give the
same graph.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Iterable

from rdflib import Graph, URIRef

from govkg.facts import (
    ROLES_ASSIGNMENT,
    AssignmentFact,
    BodyFact,
    CitationFact,
    DocumentFact,
    Fact,
    MembershipFact,
    SeatFact,
    Src,
    UnitFact,
)
from govkg.graph.names import infer_city, normalize
from govkg.graph.nodes import DocNode, GraphNodes, StatementNode, body_stem, is_local_body
from govkg.graph.posts import posts_of
from govkg.graph.terms import (  # rdflib's namespaces (T_…) as terms looked up once
    BODY_CLASS, GOV, date_literal, hashed, plain, zh, T_DCTERMS as DCTERMS, T_ORG as ORG, T_PROV as PROV,
    T_RDF as RDF, T_RDFS as RDFS,
)


class GraphBuilder(GraphNodes):
    """Accumulates facts document by document and writes them as RDF into ``self.graph``."""

    # the file of a later printing of a document being added (a gazette issue and the web page of one
    # of its documents): its edges' nodes are keyed by file too, or a line that happens to be the same
    # in both files would give one node two printings
    _reprint: tuple[str, ...] = ()

    # ---------------------------------------------------------------- facts

    def _provenance(self, node: URIRef, fact: Fact, d: DocNode) -> None:
        g = self.graph
        g.add((node, PROV.wasDerivedFrom, d.node))
        g.add((node, GOV.sourceFile, plain(fact.src.file)))
        g.add((node, GOV.sourceLine, plain(fact.src.line)))
        if date_literal(d.date) is not None:
            g.add((node, GOV.startDate, date_literal(d.date)))

    def _statement(self, body_name: str, d: DocNode, fact: Fact) -> StatementNode:
        body = self._body_nodes.get((d.key, d.file, normalize(body_name))) or self.body(body_name, d.city, doc=d)
        k = (body, d.node)  # a document known by its title only is one per file, and so are its statements
        st = self.statements.get(k)
        if st is None:
            node = hashed("statement", body, d.key)
            if node in self.statement_nodes:  # the same title in another file: keyed by the file too
                node = hashed("statement", body, d.key, d.file)
            self.statement_nodes.add(node)
            st = self.statements[k] = StatementNode(node, body, d.date, d.key)
            g = self.graph
            g.add((node, RDF.type, GOV.CompositionStatement))
            g.add((node, GOV.statementOf, body))
            self._provenance(node, fact, d)
        return st

    def _reject(self, fact: Fact, missing: str) -> bool:
        self.rejected[f"{fact.type} without {missing}"] += 1
        return True

    def add_body(self, f: BodyFact) -> None:
        if not normalize(f.body) and self._reject(f, "body"):
            return
        d = self.document(f)
        parent = self._body_nodes.get((d.key, d.file, normalize(f.parent_body))) if f.parent_body else None
        if f.parent_body and parent is None:
            parent = self.body(f.parent_body, d.city, doc=d)
        if parent is None and is_local_body(body_stem(f.body, d.city), f.kind):
            parent = self.doc_parent.get(d.key)  # the plan's own body: its 现场指挥部, its 综合组
        node = self.body(f.body, d.city, parent, f.kind, doc=d)
        for name in (f.body, *f.aliases):
            self._body_nodes[(d.key, d.file, normalize(name))] = node
        g = self.graph
        kind = BODY_CLASS.get(f.kind, GOV.OtherBody)
        if kind != GOV.OtherBody and not set(g.objects(node, RDF.type)) - {GOV.Body, GOV.OtherBody}:
            g.remove((node, RDF.type, GOV.OtherBody))  # the first document to give a kind decides it
            g.add((node, RDF.type, kind))
        for alias in f.aliases:
            g.add((node, RDFS.label, zh(normalize(alias))))
        st = self._statement(f.body, d, f)
        g.add((st.node, GOV.printedName, zh(normalize(f.body))))
        # on the body what holds now; on the statement which document said so
        if parent is not None:
            g.add((node, GOV.partOf, parent))
            g.add((st.node, GOV.statesPartOf, parent))
        if f.office_agency:
            office = self.agency(f.office_agency, d.city, f)
            if office is not None:
                g.add((node, GOV.officeAt, office))
                g.add((st.node, GOV.statesOfficeAt, office))

    def add_membership(self, f: MembershipFact) -> None:
        for name in ("body", "person", "role"):
            if not normalize(getattr(f, name)) and self._reject(f, name):
                return
        d = self.document(f)
        st = self._statement(f.body, d, f)
        person = self.person(f.person, d.city, self._agencies_of(f.position, d.city))
        node = self._membership(st, person, f)
        g = self.graph
        g.add((node, GOV.concurrent, plain(bool(f.concurrent))))
        if f.position:
            g.add((node, GOV.position, zh(normalize(f.position))))
            for agency_name, title, part in posts_of(f.position):
                post = self.post(part, d.city, (agency_name, title), f)
                g.add((node, GOV.heldPost, post))
                g.add((person, ORG.holds, post))
        self._provenance(node, f, d)

    def _membership(self, st: StatementNode, member: URIRef, f: MembershipFact | SeatFact) -> URIRef:
        """The org:Membership of ``member`` in a statement's body, as one of the statement's members."""
        node = hashed("membership", st.node, member, f.role, f.src.line, *self._reprint)
        g = self.graph
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, member))
        g.add((node, ORG.organization, st.body))
        g.add((node, ORG.role, self.role(f.role)))
        g.add((node, GOV.statement, st.node))
        st.members.append(node)
        return node

    def add_seat(self, f: SeatFact) -> None:
        for name in ("body", "holder", "role"):
            if not normalize(getattr(f, name)) and self._reject(f, name):
                return
        d = self.document(f)
        st = self._statement(f.body, d, f)
        node = self._membership(st, self.post(f.holder, d.city, fact=f), f)
        self._provenance(node, f, d)

    def add_unit(self, f: UnitFact) -> None:
        if not normalize(f.body) and self._reject(f, "body"):
            return
        d = self.document(f)
        agencies = self.agencies_named(f.agency, d.city, f)
        if not agencies and self._reject(f, "a single agency (placeholder or empty)"):
            return
        st = self._statement(f.body, d, f)
        g = self.graph
        for printed, agency in agencies:
            node = hashed("membership", st.node, agency, "成员单位")
            g.add((node, RDF.type, ORG.Membership))
            g.add((node, ORG.member, agency))
            g.add((node, ORG.organization, st.body))
            g.add((node, ORG.role, self.role("成员单位")))
            g.add((node, GOV.statement, st.node))
            g.add((node, GOV.printedName, zh(printed)))
            if (node, GOV.sourceLine, None) not in g:
                self._provenance(node, f, d)
                st.members.append(node)

    def add_assignment(self, f: AssignmentFact) -> None:
        if f.role not in ROLES_ASSIGNMENT and self._reject(f, "a role of 牵头/责任/配合"):
            return
        if not normalize(f.task) and self._reject(f, "task"):
            return
        d = self.document(f)
        agencies = self.agencies_named(f.agency, d.city, f)
        if not agencies and self._reject(f, "a single agency (placeholder or empty)"):
            return
        g = self.graph
        task = hashed("task", d.key, d.file, normalize(f.task))
        g.add((task, RDF.type, GOV.Task))
        g.add((task, GOV.text, zh(normalize(f.task))))
        g.add((task, DCTERMS.isPartOf, d.node))
        self.printed_at(task, f)
        for printed, agency in agencies:
            node = hashed("assignment", task, agency, f.role, f.src.line)
            g.add((node, RDF.type, GOV.Assignment))
            g.add((node, GOV.agency, agency))
            g.add((node, GOV.assignmentRole, zh(f.role)))
            g.add((node, GOV.task, task))
            g.add((node, GOV.printedName, zh(printed)))
            self._provenance(node, f, d)

    def add_citation(self, f: CitationFact) -> None:
        if not (f.cited_number or f.cited_title) and self._reject(f, "number or title"):
            return
        d = self.document(f)
        cited = self.cited(f.cited_number, f.cited_title)
        node = hashed("citation", d.node, cited, f.src.line, *self._reprint)
        g = self.graph
        g.add((d.node, DCTERMS.references, cited))
        g.add((node, RDF.type, GOV.Citation))
        g.add((node, GOV.citing, d.node))
        g.add((node, GOV.cited, cited))
        self._provenance(node, f, d)

    # ---------------------------------------------------------------- time

    def supersede(self) -> None:
        """A later statement of a body's composition ends the memberships of the earlier ones;
        the earliest statement's document is the one that established the body."""
        g = self.graph
        all_by_body: dict[URIRef, list[StatementNode]] = defaultdict(list)
        for st in self.statements.values():
            all_by_body[st.body].append(st)
        for body, sts in all_by_body.items():
            first = min(sts, key=lambda s: (date_literal(s.date) is None, s.date or "", s.doc_key))
            g.set((body, GOV.establishedBy, g.value(first.node, PROV.wasDerivedFrom)))
            dated = sorted((s for s in sts if s.members and date_literal(s.date) is not None),
                           key=lambda s: (s.date, s.doc_key))
            for i, earlier in enumerate(dated):
                later = next((s for s in dated[i + 1:] if s.date > earlier.date), None)
                if later is None:
                    continue
                g.add((earlier.node, GOV.supersededBy, later.node))
                g.add((earlier.node, GOV.endDate, date_literal(later.date)))
                for m in earlier.members:
                    g.set((m, GOV.endDate, date_literal(later.date)))
                    g.set((m, GOV.supersededBy, later.node))

    # ---------------------------------------------------------------- driver

    def add_facts(self, facts: list[Fact]) -> None:
        """Add the facts of one or more documents (document facts first, then bodies, then the rest)."""
        for f in facts:
            if isinstance(f, DocumentFact):
                self.add_document(f)
        for f in self._bodies_in_order([f for f in facts if isinstance(f, BodyFact)]):
            self.add_body(f)
        order = (MembershipFact, SeatFact, UnitFact, AssignmentFact, CitationFact)
        adders = (self.add_membership, self.add_seat, self.add_unit, self.add_assignment, self.add_citation)
        for cls, add in zip(order, adders):
            for f in facts:
                if isinstance(f, cls):
                    add(f)

    def _bodies_in_order(self, bodies: list[BodyFact]) -> list[BodyFact]:
        """A document's body facts, each parent before the bodies under it; the document's parent
        for its generic bodies (``doc_parent``) is noted when it sets out one named top-level body."""
        def top(f: BodyFact) -> bool:
            return not f.parent_body and not is_local_body(body_stem(f.body, self.document(f).city), f.kind)

        first = [f for f in bodies if top(f)]
        for key in {self.document(f).key for f in first}:
            names = {body_stem(f.body, self.document(f).city) for f in first if self.document(f).key == key}
            if len(names) == 1:
                f = next(f for f in first if self.document(f).key == key)
                self.doc_parent[key] = self.body(f.body, self.document(f).city, doc=self.document(f))
        ordered, rest = list(first), [f for f in bodies if not top(f)]
        named = {normalize(n) for f in bodies for n in (f.body, *f.aliases)}
        while rest:
            placed = {normalize(n) for f in ordered for n in (f.body, *f.aliases)}
            ready = [f for f in rest if normalize(f.parent_body or "") in placed or normalize(f.parent_body or "") not in named]
            ready = ready or rest[:1]  # a cycle of parents: take them as printed
            ordered += ready
            rest = [f for f in rest if f not in ready]
        return ordered


_EDGE_FACTS = (MembershipFact, SeatFact, UnitFact, AssignmentFact, CitationFact)
_NO_SRC = Src("", 0)


def _content(f: Fact) -> Fact:
    """A fact without its provenance: the same for the same statement printed in two files."""
    return replace(f, src=_NO_SRC)


def graph_from_facts(facts: Iterable[Fact], city: str | None = None) -> Graph:
    """The knowledge graph of a list of facts: resolve, write RDF, date and supersede."""
    return build_graph(facts, city).graph


def build_graph(facts: Iterable[Fact], city: str | None = None) -> GraphBuilder:
    """Like ``graph_from_facts``, returning the builder (graph plus what was rejected and why)."""
    facts = list(facts)
    city = city or infer_city(f.issuer for f in facts if isinstance(f, DocumentFact))
    b = GraphBuilder(city)
    b.resolve_people(facts)
    b.index_titles(facts)
    b.index_body_aliases(facts)
    by_doc: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in facts:
        by_doc[b._doc_key(f)].append(f)
    printed: dict[str, tuple[str, set[Fact]]] = {}  # document key → its first file and what that printing says
    # a document known by its title only is one per file (its node is), so never a later printing
    printing = {(file, key): key if not key.startswith("title:") else f"{file}\n{key}" for file, key in by_doc}
    reprinted = {k for k, n in Counter(printing.values()).items() if n > 1}  # what a first printing says is asked
    for file, key in by_doc:
        group = [f for f in by_doc[(file, key)] if not isinstance(f, DocumentFact)]
        first_file, said = printed.setdefault(printing[(file, key)], (file, set()))
        if first_file != file:  # a later printing: what it repeats is the first printing's (same edges, its lines)
            group = [f for f in group if not isinstance(f, _EDGE_FACTS) or _content(f) not in said]
            b._reprint = (file,)
        elif printing[(file, key)] in reprinted:
            said.update(_content(f) for f in group if isinstance(f, _EDGE_FACTS))
        b.add_facts(group)
        b._reprint = ()
    b.supersede()
    b.write_first_printings()
    return b


__all__ = ["GraphBuilder", "graph_from_facts", "build_graph"]
