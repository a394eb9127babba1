"""Facts → RDF, the nodes: agencies, bodies, roles, posts, documents (and stubs for cited ones) and
people, made once per canonical key so the same facts always give the same graph."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import quote, unquote

from rdflib import URIRef

from govkg.facts import BodyFact, CitationFact, DocumentFact, Fact, MembershipFact
from govkg.graph.agencies import AgencyResolver
from govkg.graph.memory import CompactGraph
from govkg.graph.names import city_of, normalize, normalize_number, self_prefix
from govkg.graph.people import PersonMention, resolve_people
from govkg.graph.posts import LEADER_TITLE, is_placeholder, parse_post, posts_of, split_agencies
from govkg.graph.terms import (  # rdflib's namespaces (T_…) as terms looked up once
    GOV, PREFIXES, date_literal, iri, plain, zh, T_DCTERMS as DCTERMS, T_FOAF as FOAF, T_ORG as ORG,
    T_PROV as PROV, T_RDF as RDF, T_RDFS as RDFS, T_SKOS as SKOS,
)


@dataclass
class DocNode:
    key: str               # the document's canonical key
    node: URIRef
    file: str
    city: str | None
    date: str | None


@dataclass
class StatementNode:
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


# names that say nothing of their subject (现场指挥部, 综合组, 办公室, 专家组, 市指挥部 …): only the body
# they belong to, or the document that sets them up, tells one from another
_GENERIC_BODY = re.compile(
    r"^(?:现场|前线|前方|联合|综合|临时|应急|专家|咨询|技术|宣传|新闻|报道|后勤|保障|督导|督查|检查|考核|协调|"
    r"工作|领导|办事|日常)*(?:指挥部|工作组|办公室|专班|小组|组|领导组)$")


def node_tail(node: URIRef) -> str:
    """The last segment of a node's IRI, decoded (a name when nothing better is known)."""
    return unquote(str(node).rsplit("/", 1)[-1])


def is_generic_body(stem: str) -> bool:
    """Whether a body's name (without its city) names no subject of its own (现场指挥部, 应急综合组)."""
    return bool(_GENERIC_BODY.match(stem))


def is_local_body(stem: str, kind: str | None) -> bool:
    """A working group or a generic name never merges across documents on its name alone."""
    return kind == "working_group" or is_generic_body(stem)


class GraphNodes:
    """The nodes a graph is built of — agencies, bodies, roles, posts, documents, people — each made once
    per canonical key and resolved as ``govkg.graph.agencies`` and ``govkg.graph.people`` say."""

    def __init__(self, default_city: str | None = None, resolver: AgencyResolver | None = None) -> None:
        self.graph = CompactGraph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        self.resolver = resolver or AgencyResolver()
        self.default_city = default_city
        self.docs: dict[tuple[str, str], DocNode] = {}   # (file, doc or doc_title) → document
        self.by_number: dict[str, URIRef] = {}
        self.title_numbers: dict[str, str] = {}  # normalised title → normalised number
        self.body_aliases: dict[tuple[str, str], str] = {}  # (city, alias stem) → the body's stem
        self.statements: dict[tuple[URIRef, URIRef], StatementNode] = {}  # (body, document) → its statement
        self.statement_nodes: set[URIRef] = set()  # the statements' nodes, to key another by file when one is taken
        self.agencies: set[URIRef] = set()
        self.persons: dict[tuple, str] = {}  # (city, name, agencies) → person key after resolution
        self.person_reason: dict[str, str] = {}
        self._body_nodes: dict[tuple[str, str, str], URIRef] = {}  # (doc, file, printed name) → body
        self.body_display: dict[URIRef, str] = {}  # body → its name without the city (with its parent's)
        self.doc_parent: dict[str, URIRef] = {}  # document → the one named top-level body it sets out
        self.rejected: Counter[str] = Counter()  # facts left out of the graph, by reason
        self._first_printed: dict[URIRef, tuple[str, int, URIRef]] = {}  # node → (file, line, document)

    # ---------------------------------------------------------------- entities

    def agency(self, printed: str, city: str | None, fact: Fact | None = None) -> URIRef | None:
        """The agency node a printed name resolves to (None for collective placeholders); ``fact`` is where it is printed."""
        if not printed or is_placeholder(printed):
            return None
        a = self.resolver.resolve(printed, city or "")
        node = iri("agency", a.canonical)
        self.printed_at(node, fact)
        g = self.graph
        g.add((node, RDFS.label, zh(normalize(printed))))
        if node not in self.agencies:
            self.agencies.add(node)
            g.add((node, RDF.type, GOV.Agency))
            g.add((node, SKOS.prefLabel, zh(a.canonical)))
            g.add((node, GOV.level, plain(a.level)))
            g.add((node, GOV.resolvedBy, plain(a.rule)))
            if a.parent:
                parent = iri("agency", a.parent)
                g.add((node, ORG.subOrganizationOf, parent))
                if parent not in self.agencies:
                    self.agencies.add(parent)
                    pa = self.resolver.resolve(a.parent, city or "")
                    g.add((parent, RDF.type, GOV.Agency))
                    g.add((parent, SKOS.prefLabel, zh(a.parent)))
                    g.add((parent, RDFS.label, zh(a.parent)))
                    g.add((parent, GOV.level, plain(pa.level if pa.canonical == a.parent else a.level)))
                    g.add((parent, GOV.resolvedBy, plain("parent of a sub-unit")))
        return node

    def agencies_named(self, printed: str, city: str | None, fact: Fact | None = None) -> list[tuple[str, URIRef]]:
        """(printed name, agency node) for each agency a unit or assignment names; an extractor
        may hand over a list (市审批局、市住建局) where one name was meant; placeholders drop out."""
        out = []
        for part in split_agencies(normalize(printed)):
            node = self.agency(part, city, fact)
            if node is not None:
                out.append((part, node))
        return out

    def body(self, name: str, city: str | None, parent: URIRef | None = None, kind: str | None = None,
             doc: DocNode | None = None) -> URIRef:
        """A body node: one per city and name, whatever document names it, and a name a document gives
        as an alias of another leads to that other's node. A working group or a generic name (现场指挥部,
        综合组) is one per parent body (``<parent>/<name>``, shown as ``防汛抗旱指挥部 / 综合组``); without
        a parent it belongs to the document's only named top-level body, else to the document alone."""
        stem = body_stem(name, city)
        if is_local_body(stem, kind):
            if parent is None and doc is not None:
                parent = self.doc_parent.get(doc.key)
            if parent is not None:
                node = URIRef(f"{parent}/{quote(stem, safe='')}")
                canonical = f"{self.body_display.get(parent, node_tail(parent))} / {stem}"
            else:
                key = doc.key if doc is not None else ""
                node = iri("body", city or "", key, stem)
                canonical = f"{key.removeprefix('title:')} / {stem}" if key else stem
            display = canonical
        else:
            stem = self.body_aliases.get((city or "", stem), stem)
            node, display = iri("body", city or "", stem), stem
            canonical = stem if not city or stem.startswith((self_prefix(city), city)) else city + stem
        self.body_display[node] = display
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

    def post(self, printed: str, city: str | None, parsed: tuple[str | None, str] | None = None,
             fact: Fact | None = None) -> URIRef:
        """A post (副局长 of 市财政局); a leader's title with no agency belongs to the city government."""
        agency_name, title = parsed or parse_post(printed)
        g = self.graph
        if agency_name is None and city and LEADER_TITLE.search(title):  # (分管…的)副市长: the city government's
            agency_name = city + "人民政府"
        agency = self.agency(agency_name, city, fact) if agency_name else None
        if agency is not None:
            node = URIRef(f"{agency}/post/{quote(title, safe='')}")
            g.add((node, ORG.postIn, agency))
        else:
            node = iri("post", city or "", normalize(printed))
        self.printed_at(node, fact)
        g.add((node, RDF.type, ORG.Post))
        g.add((node, RDFS.label, zh(normalize(printed))))
        g.add((node, GOV.title, zh(title)))
        return node

    def printed_at(self, node: URIRef, fact: Fact | None) -> None:
        """Note where a name or text is printed; the first printing (by file, line) is the source of the
        edges the name alone implies (a post's agency, a sub-unit's parent, a task's document)."""
        if fact is None:
            return
        seen = self._first_printed.get(node)
        if seen is None or (fact.src.file, fact.src.line) < seen[:2]:
            self._first_printed[node] = (fact.src.file, fact.src.line, self.document(fact).node)

    def write_first_printings(self) -> None:
        """The first printing of every noted node: ``prov:wasDerivedFrom``, ``govkg:sourceFile``, ``govkg:sourceLine``."""
        g = self.graph
        for node, (file, line, doc) in self._first_printed.items():
            g.add((node, PROV.wasDerivedFrom, doc))
            g.add((node, GOV.sourceFile, plain(file)))
            g.add((node, GOV.sourceLine, plain(line)))

    # ---------------------------------------------------------------- documents

    def _doc_key(self, fact: Fact) -> tuple[str, str]:
        title = getattr(fact, "doc_title", None) or ""
        return fact.src.file, normalize_number(fact.doc) if fact.doc else "title:" + normalize(title)

    def document(self, fact: Fact) -> DocNode:
        """The document a fact belongs to (created bare if its document fact is missing)."""
        k = self._doc_key(fact)
        d = self.docs.get(k)
        if d is None:
            file, key = k
            node = iri("doc", key) if not key.startswith("title:") else iri("doc", file, key[6:])
            d = DocNode(key, node, file, self.default_city, None)
            self.docs[k] = d
            g = self.graph
            g.add((node, RDF.type, GOV.Document))
            g.add((node, GOV.stub, plain(False)))
            if (node, GOV.sourceFile, None) not in g:  # printed in two issues: the first printing's file
                g.add((node, GOV.sourceFile, plain(file)))
            if not key.startswith("title:"):
                g.add((node, DCTERMS.identifier, plain(key)))
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
        if g.value(d.node, GOV.sourceFile) == plain(d.file) and (d.node, GOV.sourceLine, None) not in g:
            g.add((d.node, GOV.sourceLine, plain(f.src.line)))  # where its printing starts and ends
            if f.src.end_line:
                g.add((d.node, GOV.sourceEndLine, plain(f.src.end_line)))
        if date_literal(f.date) is not None and (d.node, DCTERMS.issued, None) not in g:
            g.add((d.node, DCTERMS.issued, date_literal(f.date)))
        if f.issuer:
            issuer = self.agency(f.issuer, d.city, f)
            if issuer is not None:
                g.add((d.node, DCTERMS.creator, issuer))
        if d.city:
            g.add((d.node, GOV.city, plain(d.city)))

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
                if is_local_body(main, f.kind):
                    continue
                for alias in f.aliases:
                    stem = body_stem(alias, city)
                    # a generic alias (市指挥部, 现场指挥部) stands for the body in its own document only
                    if stem != main and not is_generic_body(stem):
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
            g.add((node, GOV.stub, plain(True)))
            if key:
                g.add((node, DCTERMS.identifier, plain(key)))
        if title:
            g.add((node, DCTERMS.title, zh(title)))
        return node

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
                g.add((node, GOV.mergeReason, plain(reason)))
        return node
