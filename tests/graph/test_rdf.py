"""Facts → RDF: one node per body across documents, dates and supersession, provenance,
stubs, determinism, SHACL, and the property-graph mapping."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF

from govkg.facts import AssignmentFact, BodyFact, CitationFact, DocumentFact, MembershipFact, SeatFact, Src, UnitFact
from govkg.graph.export import sorted_ntriples
from govkg.graph.nodes import body_stem
from govkg.graph.pg import property_graph
from govkg.graph.rdf import build_graph, graph_from_facts
from govkg.graph.terms import GOV, iri
from govkg.graph.validate import validate

F = "100_fixture.txt"
DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")  # not XSD.date: pytest probes module names
D1, D2 = "晋市政办〔2020〕1号", "晋市政办[2021]5号"


def fixture_facts() -> list:
    return [
        DocumentFact(Src(F, 1, 40), D1, title="关于调整市防汛抗旱指挥部组成人员的通知", issuer="晋城市人民政府办公室",
                     date="2020-01-10"),
        DocumentFact(Src(F, 50, 90), D2, title="关于再次调整防汛抗旱指挥部的通知", issuer="晋城市人民政府办公室",
                     date="2021-03-01"),
        BodyFact(Src(F, 5), D1, body="市防汛抗旱指挥部", kind="headquarters", office_agency="市应急局"),
        MembershipFact(Src(F, 6), D1, body="市防汛抗旱指挥部", person="王五", role="指挥长", position="副市长"),
        MembershipFact(Src(F, 7), D1, body="市防汛抗旱指挥部", person="赵六", role="成员",
                       position="市发改委副主任", concurrent=True),
        SeatFact(Src(F, 8), D1, body="市防汛抗旱指挥部", role="副指挥长", holder="市水务局局长"),
        UnitFact(Src(F, 9), D1, body="市防汛抗旱指挥部", agency="市水务局"),
        UnitFact(Src(F, 9), D1, body="市防汛抗旱指挥部", agency="各县（市、区）人民政府"),
        AssignmentFact(Src(F, 20), D1, agency="市发展改革委", role="牵头", task="编制防汛规划"),
        BodyFact(Src(F, 55), D2, body="晋城市防汛抗旱指挥部", kind="headquarters"),
        MembershipFact(Src(F, 56), D2, body="晋城市防汛抗旱指挥部", person="王五", role="指挥长", position="副市长"),
        CitationFact(Src(F, 52), D2, cited_number="晋市政办〔2020〕1号", cited_title="关于调整市防汛抗旱指挥部组成人员的通知"),
        CitationFact(Src(F, 52), D2, cited_number="晋政发[2019]9号", cited_title=None),
        CitationFact(Src(F, 53), D2, cited_number=None, cited_title="中华人民共和国防洪法"),
    ]


@pytest.fixture(scope="module")
def graph():
    return graph_from_facts(fixture_facts())


def _memberships(g, person_name: str) -> list:
    person = iri("person", "晋城市", person_name)
    return sorted(g.subjects(ORG.member, person))


def test_the_same_body_in_two_documents_is_one_node(graph) -> None:
    bodies = set(graph.subjects(RDF.type, GOV.Headquarters))
    assert bodies == {iri("body", "晋城市", "防汛抗旱指挥部")}


def test_a_later_composition_ends_the_earlier_memberships(graph) -> None:
    ends = {str(graph.value(m, PROV.wasDerivedFrom)).rsplit("/", 1)[-1]: graph.value(m, GOV.endDate)
            for m in _memberships(graph, "王五")}
    assert len(ends) == 2
    assert sorted(map(str, ends.values()), key=str) == ["2021-03-01", "None"]
    for m in _memberships(graph, "赵六"):
        assert graph.value(m, GOV.startDate) == Literal("2020-01-10", datatype=DATE)
        assert graph.value(m, GOV.endDate) == Literal("2021-03-01", datatype=DATE)


def test_who_sat_on_the_body_on_a_date(graph) -> None:
    q = """
    SELECT ?name WHERE {
      ?m a org:Membership ; org:organization ?b ; org:member ?p ; govkg:startDate ?s .
      ?p foaf:name ?name .
      OPTIONAL { ?m govkg:endDate ?e }
      FILTER (?s <= ?d && (!BOUND(?e) || ?e > ?d))
    }"""
    def on(day: str) -> set[str]:
        rows = graph.query(q, initBindings={"b": iri("body", "晋城市", "防汛抗旱指挥部"),
                                            "d": Literal(day, datatype=DATE)})
        return {str(r[0]) for r in rows}
    assert on("2020-06-01") == {"王五", "赵六"}
    assert on("2021-06-01") == {"王五"}


@pytest.mark.parametrize("cls", [ORG.Membership, GOV.Assignment, GOV.Citation])
def test_every_statement_carries_provenance(graph, cls) -> None:
    nodes = list(graph.subjects(RDF.type, cls))
    assert nodes
    for n in nodes:
        assert (n, PROV.wasDerivedFrom, None) in graph
        assert graph.value(n, GOV.sourceFile) == Literal(F)
        assert isinstance(graph.value(n, GOV.sourceLine).toPython(), int)


def test_citations_link_corpus_documents_and_make_stubs_for_the_rest(graph) -> None:
    d1, d2 = iri("doc", "晋市政办〔2020〕1号"), iri("doc", "晋市政办〔2021〕5号")
    cited = set(graph.objects(d2, DCTERMS.references))
    assert d1 in cited and len(cited) == 3
    stubs = {graph.value(c, DCTERMS.identifier) or graph.value(c, DCTERMS.title)
             for c in cited if graph.value(c, GOV.stub).toPython()}
    assert {str(s) for s in stubs} == {"晋政发〔2019〕9号", "中华人民共和国防洪法"}


def test_placeholders_are_not_agencies_and_seats_are_posts(graph) -> None:
    labels = {str(o) for a in graph.subjects(RDF.type, GOV.Agency) for o in graph.objects(a, GOV.level)}
    assert labels == {"city"}
    seat_members = [graph.value(m, ORG.member) for m in graph.subjects(RDF.type, ORG.Membership)
                    if (graph.value(m, ORG.member), RDF.type, ORG.Post) in graph]
    assert len(seat_members) == 1
    assert graph.value(seat_members[0], ORG.postIn) == iri("agency", "晋城市水务局")


def test_building_twice_gives_identical_sorted_ntriples() -> None:
    assert sorted_ntriples(graph_from_facts(fixture_facts())) == sorted_ntriples(graph_from_facts(fixture_facts()))


def test_fixture_graph_conforms_and_a_broken_one_does_not(graph) -> None:
    assert validate(graph)[0]
    broken = graph_from_facts(fixture_facts())
    m = next(iter(broken.subjects(RDF.type, ORG.Membership)))
    broken.remove((m, GOV.sourceLine, None))
    conforms, text = validate(broken)
    assert not conforms and "sourceLine" in text


def test_property_graph_mapping(graph) -> None:
    pg = property_graph(graph)
    counts = pg.counts()
    assert counts["Body"] == 1 and counts["MEMBER_OF"] == 3 and counts["SEAT_ON"] == 1 and counts["UNIT_OF"] == 1
    assert counts["CITES"] == 3 and counts["ASSIGNED"] == 1 and counts["OFFICE_AT"] == 1
    member = next(e for e in pg.edges if e.type == "MEMBER_OF" and e.props["end_date"])
    assert member.props["doc"] == "晋市政办〔2020〕1号" and member.props["file"] == F
    assert {e.props["position"] for e in pg.edges if e.type == "MEMBER_OF"} == {"副市长", "市发改委副主任"}
    posts = {n.props["name"]: n for n in pg.nodes if n.label == "Post"}
    post_in = {(e.src, e.dst) for e in pg.edges if e.type == "POST_IN"}
    assert ("agency/晋城市发展和改革委员会/post/副主任", "agency/晋城市发展和改革委员会") in post_in
    assert set(posts) == {"副市长", "市发改委副主任", "市水务局局长"}
    assert property_graph(graph) == pg  # deterministic


@pytest.mark.parametrize("name, stem", [
    ("晋城市防汛抗旱指挥部", "防汛抗旱指挥部"),
    ("市防汛抗旱指挥部", "防汛抗旱指挥部"),
    ("防汛抗旱指挥部", "防汛抗旱指挥部"),
    ("市级现代农业产业园创建领导组", "市级现代农业产业园创建领导组"),
])
def test_body_stem(name: str, stem: str) -> None:
    assert body_stem(name, "晋城市") == stem


def test_generic_bodies_are_told_apart_by_their_parent() -> None:
    facts = [
        DocumentFact(Src(F, 1, 9), "A〔2020〕1号", title="甲预案", issuer="晋城市人民政府办公室", date="2020-01-01"),
        DocumentFact(Src(F, 10, 19), "A〔2020〕2号", title="乙预案", issuer="晋城市人民政府办公室", date="2020-02-01"),
        BodyFact(Src(F, 2), "A〔2020〕1号", body="市防汛抗旱指挥部", kind="headquarters"),
        BodyFact(Src(F, 3), "A〔2020〕1号", body="市现场指挥部", kind="headquarters", parent_body="市防汛抗旱指挥部"),
        BodyFact(Src(F, 11), "A〔2020〕2号", body="市森林草原防灭火指挥部", kind="headquarters"),
        BodyFact(Src(F, 12), "A〔2020〕2号", body="市现场指挥部", kind="headquarters", parent_body="市森林草原防灭火指挥部"),
    ]
    g = graph_from_facts(facts)
    assert len(set(g.subjects(RDF.type, GOV.Headquarters))) == 4


def test_malformed_facts_are_left_out_and_counted() -> None:
    facts = fixture_facts()[:2] + [
        MembershipFact(Src(F, 6), D1, body="市防汛抗旱指挥部", person="", role="成员"),
        AssignmentFact(Src(F, 20), D1, agency="市财政局", role="负责", task="编制规划"),
        AssignmentFact(Src(F, 21), D1, agency="有关单位", role="配合", task="编制规划"),
    ]
    b = build_graph(facts)
    assert dict(b.rejected) == {"membership without person": 1, "assignment without a role of 牵头/责任/配合": 1,
                                "assignment without a single agency (placeholder or empty)": 1}
    assert not list(b.graph.subjects(RDF.type, GOV.Assignment))


def test_a_citation_by_title_alone_reaches_the_document_cited_elsewhere_by_number() -> None:
    facts = fixture_facts()[:2] + [
        CitationFact(Src(F, 52), D2, cited_number="国发〔2019〕24号", cited_title="国务院关于开展第七次全国人口普查的通知"),
        CitationFact(Src(F, 30), D1, cited_number=None, cited_title="国务院关于开展第七次全国人口普查的通知"),
        CitationFact(Src(F, 31), D1, cited_number=None, cited_title="关于再次调整防汛抗旱指挥部的通知"),
    ]
    g = graph_from_facts(facts)
    d1, d2 = iri("doc", "晋市政办〔2020〕1号"), iri("doc", "晋市政办〔2021〕5号")
    assert set(g.objects(d1, DCTERMS.references)) == {iri("doc", "国发〔2019〕24号"), d2}
    assert set(g.objects(d2, DCTERMS.references)) == {iri("doc", "国发〔2019〕24号")}


def _ontology():
    from rdflib import Graph

    from govkg.resources import ONTOLOGY_PATH, SHAPES_PATH
    return Graph().parse(ONTOLOGY_PATH), Graph().parse(SHAPES_PATH)


def test_every_class_the_graph_uses_has_a_shape() -> None:
    from rdflib.namespace import OWL, RDFS, SH
    ont, shapes = _ontology()
    targeted = set(shapes.objects(None, SH.targetClass))
    classes = set(ont.subjects(RDF.type, OWL.Class)) | {ORG.Membership, ORG.Post, ORG.Role}
    for cls in classes:
        supers = {cls} | set(ont.transitive_objects(cls, RDFS.subClassOf))
        assert supers & targeted, f"no shape targets {cls}"


def test_every_ontology_term_has_chinese_and_english_labels() -> None:
    from rdflib.namespace import RDFS
    ont, _ = _ontology()
    for term in set(ont.subjects(RDF.type, None)):
        if str(term).startswith(str(GOV)):
            langs = {lbl.language for lbl in ont.objects(term, RDFS.label)}
            assert {"zh", "en"} <= langs, term


def test_an_agency_list_in_one_fact_gives_one_assignment_per_agency() -> None:
    facts = fixture_facts()[:1] + [
        AssignmentFact(Src(F, 20), D1, agency="市行政审批局、市住建局、各县（市、区）人民政府", role="责任", task="审批"),
    ]
    g = graph_from_facts(facts)
    agencies = {g.value(a, GOV.agency) for a in g.subjects(RDF.type, GOV.Assignment)}
    assert agencies == {iri("agency", "晋城市行政审批服务管理局"), iri("agency", "晋城市住房和城乡建设局")}


def test_every_earlier_list_is_superseded_even_beside_one_of_the_same_date() -> None:
    docs = [("B〔2019〕1号", "2019-05-01"), ("B〔2019〕2号", "2019-05-01"), ("B〔2020〕1号", "2020-03-01")]
    facts = []
    for i, (number, date) in enumerate(docs):
        facts += [DocumentFact(Src(F, 100 * i + 1, 100 * i + 9), number, title="通知", issuer="晋城市人民政府", date=date),
                  MembershipFact(Src(F, 100 * i + 2), number, body="市安全生产委员会", person=f"甲{i}", role="成员")]
    g = graph_from_facts(facts)
    ends = sorted(str(g.value(m, GOV.endDate)) for m in g.subjects(RDF.type, ORG.Membership))
    assert ends == ["2020-03-01", "2020-03-01", "None"]
    body = iri("body", "晋城市", "安全生产委员会")
    assert g.value(body, GOV.establishedBy) == iri("doc", "B〔2019〕1号")


def test_a_body_named_by_its_alias_elsewhere_is_the_same_node() -> None:
    facts = [
        DocumentFact(Src(F, 1, 9), "C〔2020〕1号", title="甲", issuer="晋城市人民政府", date="2020-01-01"),
        DocumentFact(Src(F, 10, 19), "C〔2020〕2号", title="乙", issuer="晋城市人民政府", date="2020-06-01"),
        MembershipFact(Src(F, 12), "C〔2020〕2号", body="晋城市智慧停车工作领导小组", person="丙", role="组长"),
        BodyFact(Src(F, 2), "C〔2020〕1号", body="晋城市智慧停车建设工作领导小组", kind="leading_group",
                 aliases=("晋城市智慧停车工作领导小组",)),
    ]
    g = graph_from_facts(facts)
    assert set(g.subjects(RDF.type, GOV.Body)) == {iri("body", "晋城市", "智慧停车建设工作领导小组")}


def test_a_document_printed_in_two_issues_is_one_valid_node() -> None:
    facts = [DocumentFact(Src("a.txt", 1, 9), "D〔2020〕1号", title="关于甲的通知", issuer="晋城市人民政府", date="2020-01-01"),
             DocumentFact(Src("b.txt", 5, 9), "D[2020]1号", title="关于甲的通知（重印）", issuer="晋城市人民政府",
                          date="2020-01-02")]
    g = graph_from_facts(facts)
    node = iri("doc", "D〔2020〕1号")
    assert list(g.subjects(RDF.type, GOV.Document)) == [node]
    assert str(g.value(node, DCTERMS.issued)) == "2020-01-01"
    assert validate(g)[0]


def test_documents_of_another_city_resolve_against_that_city() -> None:
    facts = [
        DocumentFact(Src("x.txt", 1, 9), "长政办发〔2021〕3号", title="通知", issuer="长治市人民政府办公室", date="2021-01-05"),
        DocumentFact(Src("y.txt", 1, 9), "晋市政办〔2021〕3号", title="通知", issuer="晋城市人民政府办公室", date="2021-01-05"),
        UnitFact(Src("x.txt", 3), "长政办发〔2021〕3号", body="市防汛抗旱指挥部", agency="市发改委"),
        UnitFact(Src("y.txt", 3), "晋市政办〔2021〕3号", body="市防汛抗旱指挥部", agency="市发改委"),
        MembershipFact(Src("x.txt", 4), "长政办发〔2021〕3号", body="市防汛抗旱指挥部", person="王五", role="指挥长"),
        MembershipFact(Src("y.txt", 4), "晋市政办〔2021〕3号", body="市防汛抗旱指挥部", person="王五", role="指挥长"),
    ]
    g = graph_from_facts(facts)
    assert set(g.subjects(RDF.type, GOV.Body)) == {iri("body", "长治市", "防汛抗旱指挥部"),
                                                   iri("body", "晋城市", "防汛抗旱指挥部")}
    members = {g.value(m, ORG.member) for m in g.subjects(RDF.type, ORG.Membership)}
    assert {iri("agency", "长治市发展和改革委员会"), iri("agency", "晋城市发展和改革委员会"),
            iri("person", "长治市", "王五"), iri("person", "晋城市", "王五")} == members
