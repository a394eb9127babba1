"""One document in two files (a gazette issue and the web page or Word file of the same document):
the graph holds its edges once, with the first printing's provenance, whatever lines the second has."""
from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Literal
from rdflib.namespace import ORG, RDF

from govkg.facts import CitationFact, DocumentFact, MembershipFact, SeatFact, Src, UnitFact
from govkg.graph.rdf import graph_from_facts
from govkg.graph.terms import GOV
from govkg.graph.validate import validate

DOC = "晋市政办〔2020〕3号"


def printing(file: str, shift: int, extra: bool = False) -> list:
    """The facts of one printing of ``DOC`` in ``file``, its lines ``shift`` below the first's."""
    at = lambda n: Src(file, n + shift)  # noqa: E731
    facts = [
        DocumentFact(Src(file, 1 + shift, 30 + shift), DOC, title="关于成立市招商引资工作领导小组的通知",
                     issuer="晋城市人民政府办公室", date="2020-03-01"),
        MembershipFact(at(5), DOC, body="市招商引资工作领导小组", person="王五", role="组长", position="市长"),
        MembershipFact(at(6), DOC, body="市招商引资工作领导小组", person="赵六", role="成员", position="市商务局局长"),
        SeatFact(at(7), DOC, body="市招商引资工作领导小组", role="成员", holder="市财政局局长"),
        UnitFact(at(8), DOC, body="市招商引资工作领导小组", agency="市发展改革委"),
        CitationFact(at(9), DOC, cited_number="晋政发〔2019〕9号", cited_title=None),
    ]
    if extra:  # a line the first printing lacks (a page the first conversion lost)
        facts.append(MembershipFact(at(10), DOC, body="市招商引资工作领导小组", person="孙七", role="成员",
                                    position="市工信局局长"))
    return facts


def _files_of(graph, cls) -> Counter:
    return Counter(str(graph.value(n, GOV.sourceFile)) for n in graph.subjects(RDF.type, cls))


@pytest.mark.parametrize("shift", [0, 3], ids=["same lines", "other lines"])
def test_a_second_printing_adds_no_edge_of_its_own(shift):
    g = graph_from_facts(printing("issue.pdf", 0) + printing("page.html", shift))
    conforms, report = validate(g)
    assert conforms, report
    assert _files_of(g, ORG.Membership) == {"issue.pdf": 4}  # 2 people, 1 seat, 1 unit: once each
    assert _files_of(g, GOV.Citation) == {"issue.pdf": 1}
    alone = graph_from_facts(printing("issue.pdf", 0))
    assert len(set(g.subjects(RDF.type, ORG.Membership))) == len(set(alone.subjects(RDF.type, ORG.Membership)))


@pytest.mark.parametrize("shift", [0, 3], ids=["same lines", "other lines"])
def test_what_only_the_second_printing_says_is_kept_with_its_own_lines(shift):
    g = graph_from_facts(printing("issue.pdf", 0) + printing("page.html", shift, extra=True))
    conforms, report = validate(g)
    assert conforms, report
    assert _files_of(g, ORG.Membership) == {"issue.pdf": 4, "page.html": 1}
    (extra,) = [m for m in g.subjects(RDF.type, ORG.Membership) if g.value(m, GOV.sourceFile) == Literal("page.html")]
    assert g.value(extra, GOV.sourceLine) == Literal(10 + shift)


def test_documents_without_a_number_are_never_taken_for_one_another():
    a = [MembershipFact(Src("a.txt", 5), None, body="市领导小组", person="王五", role="组长", doc_title="")]
    b = [MembershipFact(Src("b.txt", 5), None, body="市领导小组", person="王五", role="组长", doc_title="")]
    g = graph_from_facts(a + b)
    assert _files_of(g, ORG.Membership) == {"a.txt": 1, "b.txt": 1}


def test_an_issue_and_the_web_page_of_its_document_build_one_conforming_graph(tmp_path):
    from govkg.graph.build import build
    from tests.text.formats.pages import excerpt, saved_page

    text = excerpt("000", 1, 400)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "issue.txt").write_text(text, encoding="utf-8")
    (corpus / "page.html").write_text(saved_page(text), encoding="utf-8")
    both = build(corpus, tmp_path / "both", incremental=False)
    (corpus / "page.html").unlink()
    alone = build(corpus, tmp_path / "alone", incremental=False)
    assert both.conforms and both.refused is None, both.shacl_report
    memberships = lambda r: len(set(r.graph.subjects(RDF.type, ORG.Membership)))  # noqa: E731
    assert alone.facts < both.facts and memberships(alone) > 0
    assert memberships(both) <= memberships(alone) + 2  # at most what the page reads otherwise, not a second set
