"""Body identity: a generic name (现场指挥部, 综合组, 市指挥部) never merges bodies of different documents;
working groups sit under their parent and show it in their name."""
from __future__ import annotations

import pytest
from rdflib.namespace import RDF, SKOS

from govkg.facts import BodyFact, DocumentFact, MembershipFact, Src
from govkg.graph.nodes import is_generic_body
from govkg.graph.pg import node_id
from govkg.graph.rdf import graph_from_facts
from govkg.graph.terms import GOV, iri

F = "100_fixture.txt"
A, B = "A〔2020〕1号", "A〔2022〕2号"


def _docs() -> list:
    return [DocumentFact(Src(F, 1, 49), A, title="防汛抗旱应急预案", issuer="晋城市人民政府办公室", date="2020-08-13"),
            DocumentFact(Src(F, 50, 99), B, title="校园安全事故应急预案", issuer="晋城市人民政府办公室", date="2022-11-14")]


def _bodies(g) -> dict[str, str]:
    return {node_id(b): str(g.value(b, SKOS.prefLabel)) for b in g.subjects(RDF.type, GOV.Body)}


@pytest.mark.parametrize("stem, generic", [
    ("现场指挥部", True), ("综合组", True), ("办公室", True), ("专家组", True), ("应急综合组", True), ("指挥部", True),
    ("前线协调指挥部", True), ("督导考核组", True), ("领导小组", True),
    ("防汛抗旱指挥部", False), ("校园安全事故应急处置现场指挥部", False), ("社会稳定组", False),
    ("国有企业退休人员社会化管理专项办公室", False),
])
def test_generic_names(stem: str, generic: bool) -> None:
    assert is_generic_body(stem) is generic


def test_a_generic_alias_stays_in_its_document() -> None:
    """The school plan calls its on-site headquarters 现场指挥部; the flood plan's 市现场指挥部 is another body."""
    facts = _docs() + [
        BodyFact(Src(F, 2), A, body="晋城市防汛抗旱指挥部", kind="headquarters"),
        BodyFact(Src(F, 10), A, body="市现场指挥部", kind="headquarters", aliases=("现场指挥部",)),
        BodyFact(Src(F, 11), A, body="综合协调组", kind="working_group", parent_body="市现场指挥部"),
        MembershipFact(Src(F, 12), A, body="市现场指挥部", person="甲", role="指挥长"),
        BodyFact(Src(F, 60), B, body="校园安全事故应急处置现场指挥部", kind="headquarters", aliases=("现场指挥部",)),
        MembershipFact(Src(F, 61), B, body="现场指挥部", person="乙", role="指挥长"),
    ]
    g = graph_from_facts(facts)
    assert _bodies(g) == {
        "body/晋城市/防汛抗旱指挥部": "晋城市防汛抗旱指挥部",
        "body/晋城市/防汛抗旱指挥部/现场指挥部": "防汛抗旱指挥部 / 现场指挥部",
        "body/晋城市/防汛抗旱指挥部/现场指挥部/综合协调组": "防汛抗旱指挥部 / 现场指挥部 / 综合协调组",
        "body/晋城市/校园安全事故应急处置现场指挥部": "晋城市校园安全事故应急处置现场指挥部",
    }
    flood = next(b for b in g.subjects(RDF.type, GOV.Body) if node_id(b) == "body/晋城市/防汛抗旱指挥部/现场指挥部")
    assert (flood, GOV.partOf, iri("body", "晋城市", "防汛抗旱指挥部")) in g  # the plan's own body, inferred


def test_working_groups_without_a_parent_belong_to_their_document() -> None:
    """Two named top-level bodies: the document cannot say whose 综合组 it is, so it is the document's."""
    facts = _docs() + [
        BodyFact(Src(F, 2), A, body="综合组", kind="working_group"),
        BodyFact(Src(F, 3), A, body="甲领导小组", kind="leading_group"),
        BodyFact(Src(F, 4), A, body="乙领导小组", kind="leading_group"),
        BodyFact(Src(F, 60), B, body="综合组", kind="working_group"),
    ]
    bodies = _bodies(graph_from_facts(facts))
    assert bodies["body/晋城市/A〔2020〕1号/综合组"] == "A〔2020〕1号 / 综合组"
    assert bodies["body/晋城市/A〔2022〕2号/综合组"] == "A〔2022〕2号 / 综合组"


def test_the_same_parent_restated_keeps_its_working_group() -> None:
    """A body set out again by a later document keeps one node for each of its working groups."""
    facts = _docs() + [
        BodyFact(Src(F, 2), A, body="市防汛抗旱指挥部", kind="headquarters"),
        BodyFact(Src(F, 3), A, body="综合组", kind="working_group", parent_body="市防汛抗旱指挥部"),
        BodyFact(Src(F, 60), B, body="晋城市防汛抗旱指挥部", kind="headquarters"),
        BodyFact(Src(F, 61), B, body="综合组", kind="working_group", parent_body="晋城市防汛抗旱指挥部"),
    ]
    assert sorted(_bodies(graph_from_facts(facts))) == ["body/晋城市/防汛抗旱指挥部", "body/晋城市/防汛抗旱指挥部/综合组"]


@pytest.mark.slow
def test_the_corpus_keeps_the_two_on_site_headquarters_apart(corpus_graph) -> None:
    """The 2020 flood plan's 现场指挥部 and its 8 working groups are not the 2022 school-safety one."""
    bodies = {n.id: n.props for n in corpus_graph.nodes if n.label == "Body"}
    flood, school = "body/晋城市/防汛抗旱指挥部/现场指挥部", "body/晋城市/校园安全事故应急处置现场指挥部"
    assert flood in bodies and school in bodies
    assert bodies[flood]["name"] == "防汛抗旱指挥部 / 现场指挥部"

    def docs_of(body: str) -> set[str]:
        return {e.props["doc"] for e in corpus_graph.edges
                if e.dst == body and e.type in ("MEMBER_OF", "SEAT_ON", "UNIT_OF", "PART_OF")}

    assert docs_of(flood) == {"晋市政办〔2020〕40号"}
    assert docs_of(school) == {"晋市政办〔2022〕34号"}
    groups = {e.src for e in corpus_graph.edges if e.type == "PART_OF" and e.dst == flood}
    assert len(groups) == 8
    assert all(g.startswith(flood + "/") and bodies[g]["name"].startswith("防汛抗旱指挥部 / 现场指挥部 / ")
               for g in groups)
    assert not {e.src for e in corpus_graph.edges if e.type == "PART_OF" and e.dst == school} & groups
    # no working group anywhere is the bare city-wide name it used to get (晋城市综合组)
    assert not [b for b, p in bodies.items() if p["kind"] == "working_group" and b.count("/") < 3]
