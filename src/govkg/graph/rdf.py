"""Facts → RDF (rdflib), with entity resolution, dates, supersession and provenance.

``graph_from_facts`` is the whole stage. IRIs derive from canonical keys
(``https://govkg.org/id/<kind>/<percent-encoded key>``; node kinds without a natural name,
such as memberships, use a short SHA-1 of their key), so the same facts always give the
same graph.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from govkg.facts import (ROLES_ASSIGNMENT, AssignmentFact, BodyFact, CitationFact, DocumentFact, Fact,
                      MembershipFact, SeatFact, UnitFact)
from govkg.graph.agencies import (LEADER_TITLE, AgencyResolver, PersonMention, city_of, infer_city, is_placeholder, normalize,
                        normalize_number, parse_post, posts_of, resolve_people, self_prefix, split_agencies)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
GOV = Namespace("https://govkg.org/ns#")
ID = "https://govkg.org/id/"

BODY_CLASS = {
    "leading_group": GOV.LeadingGroup, "headquarters": GOV.Headquarters, "committee": GOV.Committee,
    "joint_meeting": GOV.JointMeeting, "task_force": GOV.TaskForce, "working_group": GOV.WorkingGroup,
    "other": GOV.OtherBody,
}
PREFIXES = {"govkg": GOV, "org": ORG, "foaf": FOAF, "prov": PROV, "dcterms": DCTERMS, "skos": SKOS,
            "rdfs": RDFS, "xsd": XSD}


def iri(kind: str, *key: str) -> URIRef:
    """The IRI of a node from its canonical key parts (percent-encoded, deterministic)."""
    return URIRef(ID + kind + "/" + "/".join(quote(k, safe="") for k in key))


def hashed(kind: str, *key: object) -> URIRef:
    """The IRI of a node with no natural name: a short hash of its key."""
    digest = hashlib.sha1("\x1f".join(str(k) for k in key).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{ID}{kind}/{digest}")


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _date(value: str | None) -> Literal | None:
    """An xsd:date, or None for a missing or malformed date (never an ill-typed literal)."""
    return Literal(value, datatype=XSD.date) if value and _ISO_DATE.fullmatch(value) else None


@dataclass
class _Doc:
    key: str               # the document's canonical key
    node: URIRef
    file: str
    city: str | None
    date: str | None


@dataclass
class _Statement:
    node: URIRef
    body: URIRef
    date: str | None
    doc_key: str
    members: list[URIRef] = field(default_factory=list)


def body_stem(name: str, city: str | None) -> str:
    """A body's name without its city prefix: 晋城市防汛抗旱指挥部, 市防汛抗旱指挥部 → 防汛抗旱指挥部."""
    s = normalize(name)
    for prefix in filter(None, (city, self_prefix(city) if city else "市")):
        # 市级现代农业产业园创建领导组: 市级 is part of the name, not the place
        if s.startswith(prefix) and len(s) > len(prefix) + 1 and s[len(prefix)] not in "级直":
            return s[len(prefix):]
    return s


# names that say nothing of the subject, so that only the parent body tells them apart
_GENERIC_BODY = re.compile(r"^(?:现场|前线|前方|联合|综合|临时|应急)?(?:协调)?(?:指挥部|工作组|办公室|专班|小组|组)$")


class GraphBuilder:
    """Accumulates facts document by document and writes them as RDF into ``self.graph``."""

    def __init__(self, default_city: str | None = None, resolver: AgencyResolver | None = None) -> None:
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        self.resolver = resolver or AgencyResolver()
        self.default_city = default_city
        self.docs: dict[tuple[str, str], _Doc] = {}   # (file, doc or doc_title) → document
        self.by_number: dict[str, URIRef] = {}
        self.title_numbers: dict[str, str] = {}  # normalised title → normalised number
        self.body_aliases: dict[tuple[str, str], str] = {}  # (city, alias stem) → the body's stem
        self.statements: dict[tuple[URIRef, str], _Statement] = {}
        self.agencies: set[URIRef] = set()
        self.persons: dict[tuple, str] = {}  # (city, name, agencies) → person key after resolution
        self.person_reason: dict[str, str] = {}
        self._body_nodes: dict[tuple[str, str, str], URIRef] = {}  # (doc, file, printed name) → body
        self.rejected: Counter[str] = Counter()  # facts left out of the graph, by reason

    # ---------------------------------------------------------------- entities

    def agency(self, printed: str, city: str | None) -> URIRef | None:
        """The agency node a printed name resolves to (None for collective placeholders)."""
        if not printed or is_placeholder(printed):
            return None
        a = self.resolver.resolve(printed, city or "")
        node = iri("agency", a.canonical)
        g = self.graph
        g.add((node, RDFS.label, zh(normalize(printed))))
        if node not in self.agencies:
            self.agencies.add(node)
            g.add((node, RDF.type, GOV.Agency))
            g.add((node, SKOS.prefLabel, zh(a.canonical)))
            g.add((node, GOV.level, Literal(a.level)))
            g.add((node, GOV.resolvedBy, Literal(a.rule)))
            if a.parent:
                parent = iri("agency", a.parent)
                g.add((node, ORG.subOrganizationOf, parent))
                if parent not in self.agencies:
                    self.agencies.add(parent)
                    pa = self.resolver.resolve(a.parent, city or "")
                    g.add((parent, RDF.type, GOV.Agency))
                    g.add((parent, SKOS.prefLabel, zh(a.parent)))
                    g.add((parent, RDFS.label, zh(a.parent)))
                    g.add((parent, GOV.level, Literal(pa.level if pa.canonical == a.parent else a.level)))
                    g.add((parent, GOV.resolvedBy, Literal("parent of a sub-unit")))
        return node

    def agencies_named(self, printed: str, city: str | None) -> list[tuple[str, URIRef]]:
        """(printed name, agency node) for each agency a unit or assignment names; an extractor
        may hand over a list (市审批局、市住建局) where one name was meant; placeholders drop out."""
        out = []
        for part in split_agencies(normalize(printed)):
            node = self.agency(part, city)
            if node is not None:
                out.append((part, node))
        return out

    def body(self, name: str, city: str | None, parent: URIRef | None = None, kind: str | None = None) -> URIRef:
        """A body node: one per city and name (per parent body for working groups and generic names
        such as 现场指挥部, which repeat across plans); a name a document gives as an alias of
        another leads to that other's node."""
        stem = body_stem(name, city)
        stem = self.body_aliases.get((city or "", stem), stem)
        if parent is not None and (kind == "working_group" or _GENERIC_BODY.match(stem)):
            node, canonical = URIRef(f"{parent}/{quote(stem, safe='')}"), stem
        else:
            node = iri("body", city or "", stem)
            canonical = stem if not city or stem.startswith((self_prefix(city), city)) else city + stem
        self.graph.set((node, SKOS.prefLabel, zh(canonical)))
        self.graph.add((node, RDFS.label, zh(normalize(name))))
        if (node, RDF.type, GOV.Body) not in self.graph:
            # typed as a Body too, so that queries and shapes need no subclass reasoning
            self.graph.add((node, RDF.type, GOV.Body))
            self.graph.add((node, RDF.type, GOV.OtherBody))  # until a body fact gives its kind
        return node

    def role(self, role: str) -> URIRef:
        node = iri("role", normalize(role))
        self.graph.add((node, RDF.type, ORG.Role))
        self.graph.add((node, RDFS.label, zh(normalize(role))))
        return node

    def post(self, printed: str, city: str | None, parsed: tuple[str | None, str] | None = None) -> URIRef:
        """A post (副局长 of 市财政局); a leader's title with no agency belongs to the city government."""
        agency_name, title = parsed or parse_post(printed)
        g = self.graph
        if agency_name is None and city and LEADER_TITLE.search(title):  # (分管…的)副市长: the city government's
            agency_name = city + "人民政府"
        agency = self.agency(agency_name, city) if agency_name else None
        if agency is not None:
            node = URIRef(f"{agency}/post/{quote(title, safe='')}")
            g.add((node, ORG.postIn, agency))
        else:
            node = iri("post", city or "", normalize(printed))
        g.add((node, RDF.type, ORG.Post))
        g.add((node, RDFS.label, zh(normalize(printed))))
        g.add((node, GOV.title, zh(title)))
        return node

    # ---------------------------------------------------------------- documents

    def _doc_key(self, fact: Fact) -> tuple[str, str]:
        title = getattr(fact, "doc_title", None) or ""
        return fact.src.file, normalize_number(fact.doc) if fact.doc else "title:" + normalize(title)

    def document(self, fact: Fact) -> _Doc:
        """The document a fact belongs to (created bare if its document fact is missing)."""
        k = self._doc_key(fact)
        d = self.docs.get(k)
        if d is None:
            file, key = k
            node = iri("doc", key) if not key.startswith("title:") else iri("doc", file, key[6:])
            d = _Doc(key, node, file, self.default_city, None)
            self.docs[k] = d
            g = self.graph
            g.add((node, RDF.type, GOV.Document))
            g.add((node, GOV.stub, Literal(False)))
            g.add((node, GOV.sourceFile, Literal(file)))
            if not key.startswith("title:"):
                g.add((node, DCTERMS.identifier, Literal(key)))
                self.by_number[key] = node
            else:
                g.add((node, DCTERMS.title, zh(key[6:])))
        return d

    def add_document(self, f: DocumentFact) -> None:
        d = self.document(f)
        d.city = city_of(f.issuer) or self.default_city
        d.date = f.date
        g = self.graph
        # a document printed in two issues: the first printing gives its title and date
        title = zh(normalize(f.title or f.doc_title or ""))
        g.add((d.node, DCTERMS.title if (d.node, DCTERMS.title, None) not in g else RDFS.label, title))
        g.add((d.node, GOV.sourceLine, Literal(f.src.line)))
        if _date(f.date) is not None and (d.node, DCTERMS.issued, None) not in g:
            g.add((d.node, DCTERMS.issued, _date(f.date)))
        if f.issuer:
            issuer = self.agency(f.issuer, d.city)
            if issuer is not None:
                g.add((d.node, DCTERMS.creator, issuer))
        if d.city:
            g.add((d.node, GOV.city, Literal(d.city)))

    def index_titles(self, facts: Iterable[Fact]) -> None:
        """Titles → numbers, from documents and from citations that print both, so that a
        citation by title alone reaches the same document as one by number."""
        for f in facts:
            if isinstance(f, DocumentFact) and f.doc and f.title:
                issuer = normalize(f.issuer or "")
                for t in {normalize(f.title), issuer + normalize(f.title)}:
                    self.title_numbers.setdefault(t, normalize_number(f.doc))
            elif isinstance(f, CitationFact) and f.cited_number and f.cited_title:
                self.title_numbers.setdefault(normalize(f.cited_title), normalize_number(f.cited_number))

    def index_body_aliases(self, facts: Iterable[Fact]) -> None:
        """Alias → name of every body fact, so that a document printing only the alias
        (晋城市智慧停车工作领导小组) reaches the body another document names in full."""
        for f in facts:
            if isinstance(f, BodyFact) and f.aliases and normalize(f.body):
                city = self.document(f).city
                main = body_stem(f.body, city)
                for alias in f.aliases:
                    stem = body_stem(alias, city)
                    if stem != main:
                        self.body_aliases.setdefault((city or "", stem), main)

    def cited(self, number: str | None, title: str | None) -> URIRef:
        """The document a citation names: a corpus document when its number (or title) is one,
        else a stub keyed by its normalised number, else by its title."""
        title = normalize(title or "")
        key = normalize_number(number) if number else self.title_numbers.get(title)
        g = self.graph
        if key and key in self.by_number:
            node = self.by_number[key]
            if title and (node, DCTERMS.title, zh(title)) not in g:
                g.add((node, RDFS.label, zh(title)))  # the title as the citing document prints it
            return node
        node = iri("doc", key) if key else iri("doc", "title", title)
        if (node, RDF.type, GOV.Document) not in g:
            g.add((node, RDF.type, GOV.Document))
            g.add((node, GOV.stub, Literal(True)))
            if key:
                g.add((node, DCTERMS.identifier, Literal(key)))
        if title:
            g.add((node, DCTERMS.title, zh(title)))
        return node

    # ---------------------------------------------------------------- facts

    def _provenance(self, node: URIRef, fact: Fact, d: _Doc) -> None:
        g = self.graph
        g.add((node, PROV.wasDerivedFrom, d.node))
        g.add((node, GOV.sourceFile, Literal(fact.src.file)))
        g.add((node, GOV.sourceLine, Literal(fact.src.line)))
        if _date(d.date) is not None:
            g.add((node, GOV.startDate, _date(d.date)))

    def _statement(self, body_name: str, d: _Doc, fact: Fact) -> _Statement:
        body = self._body_nodes.get((d.key, d.file, normalize(body_name))) or self.body(body_name, d.city)
        k = (body, d.key)
        st = self.statements.get(k)
        if st is None:
            node = hashed("statement", body, d.key)
            st = self.statements[k] = _Statement(node, body, d.date, d.key)
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
            parent = self.body(f.parent_body, d.city)
        node = self.body(f.body, d.city, parent, f.kind)
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
            office = self.agency(f.office_agency, d.city)
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
        g.add((node, GOV.concurrent, Literal(bool(f.concurrent))))
        if f.position:
            g.add((node, GOV.position, zh(normalize(f.position))))
            for agency_name, title, part in posts_of(f.position):
                post = self.post(part, d.city, (agency_name, title))
                g.add((node, GOV.heldPost, post))
                g.add((person, ORG.holds, post))
        self._provenance(node, f, d)

    def _membership(self, st: _Statement, member: URIRef, f: MembershipFact | SeatFact) -> URIRef:
        """The org:Membership of ``member`` in a statement's body, as one of the statement's members."""
        node = hashed("membership", st.node, member, f.role, f.src.line)
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
        node = self._membership(st, self.post(f.holder, d.city), f)
        self._provenance(node, f, d)

    def add_unit(self, f: UnitFact) -> None:
        if not normalize(f.body) and self._reject(f, "body"):
            return
        d = self.document(f)
        agencies = self.agencies_named(f.agency, d.city)
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
        agencies = self.agencies_named(f.agency, d.city)
        if not agencies and self._reject(f, "a single agency (placeholder or empty)"):
            return
        g = self.graph
        task = hashed("task", d.key, d.file, normalize(f.task))
        g.add((task, RDF.type, GOV.Task))
        g.add((task, GOV.text, zh(normalize(f.task))))
        g.add((task, DCTERMS.isPartOf, d.node))
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
        node = hashed("citation", d.node, cited, f.src.line)
        g = self.graph
        g.add((d.node, DCTERMS.references, cited))
        g.add((node, RDF.type, GOV.Citation))
        g.add((node, GOV.citing, d.node))
        g.add((node, GOV.cited, cited))
        self._provenance(node, f, d)

    # ---------------------------------------------------------------- people

    def resolve_people(self, facts: Iterable[Fact]) -> None:
        """Decide person identity before the memberships are written (``govkg.graph.agencies.resolve_people``)."""
        facts = list(facts)
        for f in facts:
            if isinstance(f, DocumentFact):
                self.add_document(f)
        mentions = []
        for f in facts:
            if isinstance(f, MembershipFact):
                d = self.document(f)
                mentions.append(PersonMention(d.city or "", normalize(f.person), d.date, d.key,
                                              self._agencies_of(f.position, d.city)))
        self.persons, self.person_reason = resolve_people(mentions)

    def _agencies_of(self, position: str | None, city: str | None) -> frozenset[str]:
        """The agencies (heads of sub-units) of the posts printed beside a name."""
        out = set()
        for head, _, _ in posts_of(position):
            if head and not is_placeholder(head):
                a = self.resolver.resolve(head, city or "")
                out.add(a.parent or a.canonical)
        return frozenset(out)

    def person(self, name: str, city: str | None, agencies: frozenset[str] = frozenset()) -> URIRef:
        name = normalize(name)
        key = self.persons.get((city or "", name, agencies), name)
        node = iri("person", city or "", key)
        g = self.graph
        if (node, RDF.type, FOAF.Person) not in g:
            g.add((node, RDF.type, FOAF.Person))
            g.add((node, FOAF.name, zh(name)))
            reason = self.person_reason.get(key)
            if reason:
                g.add((node, GOV.mergeReason, Literal(reason)))
        return node

    # ---------------------------------------------------------------- time

    def supersede(self) -> None:
        """A later statement of a body's composition ends the memberships of the earlier ones;
        the earliest statement's document is the one that established the body."""
        g = self.graph
        all_by_body: dict[URIRef, list[_Statement]] = defaultdict(list)
        for st in self.statements.values():
            all_by_body[st.body].append(st)
        for body, sts in all_by_body.items():
            first = min(sts, key=lambda s: (_date(s.date) is None, s.date or "", s.doc_key))
            g.set((body, GOV.establishedBy, g.value(first.node, PROV.wasDerivedFrom)))
            dated = sorted((s for s in sts if s.members and _date(s.date) is not None),
                           key=lambda s: (s.date, s.doc_key))
            for i, earlier in enumerate(dated):
                later = next((s for s in dated[i + 1:] if s.date > earlier.date), None)
                if later is None:
                    continue
                g.add((earlier.node, GOV.supersededBy, later.node))
                g.add((earlier.node, GOV.endDate, _date(later.date)))
                for m in earlier.members:
                    g.set((m, GOV.endDate, _date(later.date)))
                    g.set((m, GOV.supersededBy, later.node))

    # ---------------------------------------------------------------- driver

    def add_facts(self, facts: list[Fact]) -> None:
        """Add the facts of one or more documents (document facts first, then bodies, then the rest)."""
        order = (DocumentFact, BodyFact, MembershipFact, SeatFact, UnitFact, AssignmentFact, CitationFact)
        adders = (self.add_document, self.add_body, self.add_membership, self.add_seat, self.add_unit,
                  self.add_assignment, self.add_citation)
        for cls, add in zip(order, adders):
            for f in facts:
                if isinstance(f, cls):
                    add(f)


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
    for key in by_doc:
        b.add_facts([f for f in by_doc[key] if not isinstance(f, DocumentFact)])
    b.supersede()
    return b


__all__ = ["GOV", "ID", "PREFIXES", "BODY_CLASS", "GraphBuilder", "graph_from_facts", "build_graph", "iri", "hashed", "body_stem"]
