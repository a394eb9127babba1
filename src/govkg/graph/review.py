"""Review judgements applied to the built RDF graph, with PROV provenance of every change.

``apply_judgements(graph, judgements)`` runs after the facts became RDF and before the graph is
validated and exported (``govkg.graph.build``): merges first (``same``, transitive, kept apart by
``not-same``), then name fixes, then the verdicts on edges, whose ids are read through the merges so a
judgement made on a merged entity's page still finds its edge. Each judgement that changed something
becomes a ``govkg:Judgement`` (a ``prov:Activity`` associated with its reviewer, ended at its time,
``rdfs:comment`` its reason), and every node it changed says ``prov:wasInfluencedBy`` it. A judgement
that matches nothing is returned in the report, never dropped silently.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable
from urllib.parse import quote, unquote

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from govkg.graph.judgements import EDGE_VERDICTS, Judgement, ReviewReport, current, target_text
from govkg.graph.terms import BODY_CLASS, GOV, ID, iri, zh

ENTITY_CLASSES = {"agency": GOV.Agency, "body": GOV.Body, "person": FOAF.Person, "post": ORG.Post}
# one value per node (the shapes say so): a merged node keeps the survivor's; a name is kept as a label
FUNCTIONAL = (SKOS.prefLabel, FOAF.name, GOV.level, GOV.resolvedBy, GOV.mergeReason, GOV.title, ORG.postIn,
              GOV.establishedBy, PROV.wasDerivedFrom, GOV.sourceFile, GOV.sourceLine)
NAMES = (SKOS.prefLabel, FOAF.name)
EDGE_OF_MEMBER = {FOAF.Person: "MEMBER_OF", ORG.Post: "SEAT_ON", GOV.Agency: "UNIT_OF"}
ASSIGNMENT_ROLES = ("牵头", "责任", "配合")


def _id(node: URIRef) -> str:
    s = str(node)
    return unquote(s[len(ID):]) if s.startswith(ID) else s


class _Clusters:
    """Union-find over entity ids: ``same`` joins two clusters unless a ``not-same`` pair would end up in one."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def members(self, x: str) -> set[str]:
        root = self.find(x)
        return {y for y in {*self.parent, x} if self.find(y) == root}

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent.setdefault(ra, ra)
            self.parent[rb] = ra
            self.parent.setdefault(a, ra)


class _Applier:
    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self.report = ReviewReport()
        self.entities: dict[str, URIRef] = {}
        for kind, cls in ENTITY_CLASSES.items():
            for s in graph.subjects(RDF.type, cls):
                if isinstance(s, URIRef):
                    self.entities[_id(s)] = s
        self.clusters = _Clusters()
        self.survivor: dict[str, str] = {}  # merged-away id → the id it became

    # ------------------------------------------------------------ provenance

    def record(self, j: Judgement, changed: Iterable[URIRef], what: str) -> None:
        """The judgement as a PROV activity, and ``prov:wasInfluencedBy`` on every node it changed."""
        g = self.g
        node = iri("judgement", j.id)
        if (node, RDF.type, GOV.Judgement) not in g:
            agent = iri("reviewer", j.by)
            g.add((agent, RDF.type, PROV.Agent))
            g.add((agent, RDFS.label, Literal(j.by)))
            g.add((node, RDF.type, PROV.Activity))
            g.add((node, RDF.type, GOV.Judgement))
            g.add((node, GOV.verdict, Literal(j.verdict)))
            g.add((node, GOV.judged, Literal(target_text(j.target))))
            g.add((node, RDFS.label, Literal(j.describe())))
            g.add((node, PROV.wasAssociatedWith, agent))
            if j.at:
                g.add((node, PROV.endedAtTime, Literal(j.at, datatype=XSD.dateTime)))
            if j.why:
                g.add((node, RDFS.comment, Literal(j.why)))
        for n in changed:
            g.add((n, PROV.wasInfluencedBy, node))
        self.report.applied.append(f"{j.id}: {what}")

    def unmatched(self, j: Judgement, why: str) -> None:
        self.report.unmatched.append(f"{j.id}: {j.describe()} — {why}")

    # ------------------------------------------------------------ entities

    def resolve(self, entity_id: str) -> str:
        """An id as it is after the merges (a merged-away id leads to its survivor)."""
        return self.survivor.get(entity_id, entity_id)

    def merges(self, pairs: list[Judgement]) -> None:
        apart = [(j.target["entity"], j.other) for j in pairs if j.verdict == "not-same"]
        joined: dict[str, list[Judgement]] = defaultdict(list)
        for j in pairs:
            a, b = j.target["entity"], j.other or ""
            missing = [x for x in (a, b) if x not in self.entities]
            if missing:
                self.unmatched(j, f"no such entity: {', '.join(missing)}")
                continue
            if j.verdict == "not-same":
                self.record(j, [self.entities[a], self.entities[b]], f"{a} and {b} kept apart")
                continue
            cluster = self.clusters.members(a) | self.clusters.members(b)
            blocker = next(((x, y) for x, y in apart if x in cluster and y in cluster), None)
            if blocker:
                self.report.conflicts.append(f"{j.id}: {j.describe()} — refused: {blocker[0]} and {blocker[1]} "
                                             "are judged not the same")
                continue
            self.clusters.union(a, b)
            joined[a].append(j)
            joined[b].append(j)
        roots: dict[str, set[str]] = defaultdict(set)
        for x in list(self.clusters.parent):
            roots[self.clusters.find(x)].add(x)
        for members in roots.values():
            if len(members) < 2:
                continue
            keep = min(members)  # the survivor: one rule, the same on every build
            judged = {j.id: j for m in members for j in joined[m]}
            for m in sorted(members - {keep}):
                self._merge(self.entities[keep], self.entities[m])
                self.survivor[m] = keep
            for j in judged.values():
                self.record(j, [self.entities[keep]], f"{' + '.join(sorted(members))} → {keep}")
            if (self.entities[keep], RDF.type, GOV.Body) in self.g:
                self.supersede(self.entities[keep])
            for m in sorted(members - {keep}):
                self.g.add((self.entities[keep], GOV.mergedFrom, Literal(m)))

    def _merge(self, keep: URIRef, gone: URIRef) -> None:
        """Every statement about ``gone`` moved to ``keep``; the survivor's single values win."""
        g = self.g
        kinds = set(BODY_CLASS.values()) - {GOV.Body}
        keep_kinds = set(g.objects(keep, RDF.type)) & kinds
        for p, o in list(g.predicate_objects(gone)):
            g.remove((gone, p, o))
            if p in FUNCTIONAL and g.value(keep, p) is not None:
                if p in NAMES:
                    g.add((keep, RDFS.label, o))  # the merged name stays findable
                continue
            if p == RDF.type and o in kinds and keep_kinds - {GOV.OtherBody}:
                continue  # a body has one kind: the survivor's, unless it had none
            if o == keep and p in (ORG.subOrganizationOf, GOV.partOf):
                continue
            g.add((keep, p, o))
        if len(set(g.objects(keep, RDF.type)) & kinds) > 1:
            g.remove((keep, RDF.type, GOV.OtherBody))
        for s, p in list(g.subject_predicates(gone)):
            g.remove((s, p, gone))
            if not (s == keep and p in (ORG.subOrganizationOf, GOV.partOf)):
                g.add((s, p, keep))

    def supersede(self, body: URIRef) -> None:
        """A body's statements put in one timeline again, as ``GraphBuilder.supersede`` does on a build:
        two bodies merged into one, or a statement left without members, change who ended whom."""
        g = self.g
        sts = sorted(g.subjects(GOV.statementOf, body))
        members = {s: list(g.subjects(GOV.statement, s)) for s in sts}
        for s in sts:
            for n in (s, *members[s]):
                g.remove((n, GOV.supersededBy, None))
                g.remove((n, GOV.endDate, None))
        if not sts:
            return

        def day(s: URIRef) -> str:
            return str(g.value(s, GOV.startDate) or "")

        def doc_key(s: URIRef) -> str:  # the document's key as GraphBuilder orders by it
            doc = g.value(s, PROV.wasDerivedFrom)
            number = g.value(doc, DCTERMS.identifier)
            return str(number) if number is not None else "title:" + str(g.value(doc, DCTERMS.title) or "")

        first = min(sts, key=lambda s: (not day(s), day(s), doc_key(s)))
        g.set((body, GOV.establishedBy, g.value(first, PROV.wasDerivedFrom)))
        dated = sorted((s for s in sts if members[s] and day(s)), key=lambda s: (day(s), doc_key(s)))
        for i, earlier in enumerate(dated):
            later = next((s for s in dated[i + 1:] if day(s) > day(earlier)), None)
            if later is None:
                continue
            end = g.value(later, GOV.startDate)
            for n in (earlier, *members[earlier]):
                g.add((n, GOV.supersededBy, later))
                g.add((n, GOV.endDate, end))

    def fix_name(self, j: Judgement) -> None:
        eid = self.resolve(j.target["entity"])
        node = self.entities.get(eid)
        if node is None or eid in self.survivor:
            self.unmatched(j, f"no such entity: {j.target['entity']}")
            return
        name = {"person": FOAF.name, "post": RDFS.label}.get(eid.partition("/")[0], SKOS.prefLabel)
        old = self.g.value(node, name)
        if name == RDFS.label:
            self.g.remove((node, RDFS.label, None))
        elif old is not None:
            self.g.add((node, RDFS.label, old))  # the printed name stays findable
        self.g.set((node, name, zh(j.value or "")))
        self.record(j, [node], f"{eid} named {j.value}")

    # ------------------------------------------------------------ edges

    def _node(self, entity_id: str) -> URIRef:
        """The RDF node of a property-graph id (a task's too, which is no entity a reviewer merges)."""
        return self.entities.get(entity_id) or URIRef(ID + quote(entity_id, safe="/"))

    def edge_nodes(self, kind: str, src: str, dst: str) -> list[tuple[URIRef, str, str]]:
        """[(node, role, doc key)] of the edges of ``kind`` from ``src`` to ``dst``, found from their ends."""
        g, a, b = self.g, self._node(src), self._node(dst)
        if kind == "ASSIGNED":
            nodes = set(g.subjects(GOV.agency, a)) & set(g.subjects(GOV.task, b))
            return sorted((n, str(g.value(n, GOV.assignmentRole) or ""), self._doc(n)) for n in nodes)
        if not any(EDGE_OF_MEMBER.get(c) == kind for c in g.objects(a, RDF.type)):
            return []
        nodes = set(g.subjects(ORG.member, a)) & set(g.subjects(ORG.organization, b))
        return sorted((n, str(g.value(g.value(n, ORG.role), RDFS.label) or ""), self._doc(n)) for n in nodes)

    def _doc(self, node: URIRef) -> str:
        doc = self.g.value(node, PROV.wasDerivedFrom)
        if doc is None:
            return ""
        return str(self.g.value(doc, DCTERMS.identifier) or self.g.value(doc, DCTERMS.title) or _id(doc))

    def judge_edges(self, js: list[Judgement]) -> None:
        for j in js:
            t = j.target
            key = (t["edge"], self.resolve(t["src"]), self.resolve(t["dst"]))
            hits = [(n, role, doc) for n, role, doc in self.edge_nodes(*key)
                    if t.get("role", role) == role and t.get("doc", doc) == doc]
            if not hits:
                self.unmatched(j, "no such edge in this build")
                continue
            nodes = [n for n, _, _ in hits]
            ends = [self.entities[x] for x in key[1:] if x in self.entities]
            if j.verdict == "wrong":
                statements = [s for n in nodes for s in self.g.objects(n, GOV.statement)]
                for n in nodes:
                    self.g.remove((n, None, None))
                    self.g.remove((None, None, n))
                self.record(j, [*statements, *ends], f"removed {len(nodes)} {t['edge']}")
                if t["edge"] != "ASSIGNED" and key[2] in self.entities:
                    self.supersede(self.entities[key[2]])
            elif j.verdict in EDGE_VERDICTS:
                self.record(j, nodes, f"{j.verdict}: {len(nodes)} {t['edge']}")
            else:  # fix role
                if t["edge"] == "ASSIGNED" and j.value not in ASSIGNMENT_ROLES:
                    self.unmatched(j, f"an assignment's role is one of {'/'.join(ASSIGNMENT_ROLES)}")
                    continue
                if t["edge"] == "UNIT_OF":
                    self.unmatched(j, "a member unit has no role of its own to fix")
                    continue
                for n in nodes:
                    if t["edge"] == "ASSIGNED":
                        self.g.set((n, GOV.assignmentRole, zh(j.value or "")))
                    else:
                        role = iri("role", j.value or "")
                        self.g.add((role, RDF.type, ORG.Role))
                        self.g.set((role, RDFS.label, zh(j.value or "")))
                        self.g.set((n, ORG.role, role))
                self.record(j, nodes, f"role of {len(nodes)} {t['edge']} → {j.value}")


def apply_judgements(graph: Graph, judgements: Iterable[Judgement]) -> ReviewReport:
    """Apply the judgements in force to ``graph`` in place; the report lists what changed and what matched nothing."""
    js = current(judgements)
    a = _Applier(graph)
    a.merges([j for j in js if j.verdict in ("same", "not-same")])
    for j in js:
        if j.verdict == "fix" and j.field == "name":
            a.fix_name(j)
    a.judge_edges([j for j in js if "edge" in j.target])
    return a.report


__all__ = ["apply_judgements"]
