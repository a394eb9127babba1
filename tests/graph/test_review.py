"""Review judgements: the file format, and every build applying them (PROV provenance, SHACL-valid)."""
from __future__ import annotations

from pathlib import Path

import json
from urllib.parse import quote

import pytest
from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from govkg.errors import JudgementError
from govkg.facts import read_facts
from govkg.graph.build import build_from_facts
from govkg.graph.judgements import append_judgement, current, make, read_judgements
from govkg.graph.terms import GOV, ID

GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold"
MEMBERSHIP = {"edge": "MEMBER_OF", "src": "person/晋城市/丁坚强", "dst": "body/晋城市/千名干部入企服务活动工作领导小组",
              "role": "成员", "doc": "晋市政办〔2020〕2号"}
A, B = "agency/中共晋城市委宣传部", "agency/中共晋城市委宣传部分"


@pytest.fixture(scope="module")
def facts():
    return read_facts(GOLD)


def _members(report, src, dst):
    return [e for e in report.property_graph.edges if e.type == "MEMBER_OF" and e.src == src and e.dst == dst]


def _node(report, node_id):
    return next((n for n in report.property_graph.nodes if n.id == node_id), None)


@pytest.mark.parametrize("args, message", [
    (("maybe", {"entity": A}), "unknown verdict"),
    (("wrong", {"entity": A}), "judges an edge"),
    (("wrong", {"edge": "CITES", "src": "x", "dst": "y"}), "cannot be judged"),
    (("same", {"entity": A}), "needs two entity ids"),
    (("same", {"entity": A}, {"other": A}), "both ids are"),
    (("same", {"entity": A}, {"other": "person/晋城市/张三"}), "of one kind"),
    (("same", {"entity": "doc/晋市政办〔2019〕37号"}, {"other": "doc/晋市政办〔2020〕40号"}), "of one kind"),
    (("fix", {"entity": "task/abc"}, {"field": "name", "value": "x"}), "is not a"),
    (("fix", {"entity": A}, {"field": "colour", "value": "x"}), "unknown field"),
    (("fix", {"entity": A}, {"field": "role", "value": "x"}), "the field of an edge"),
    (("fix", {"entity": A}, {"field": "name", "value": " "}), "is empty"),
    (("right", {"src": "x"}), "a target is"),
])
def test_a_bad_judgement_is_refused_with_one_line(args, message):
    kwargs = args[2] if len(args) > 2 else {}
    with pytest.raises(JudgementError, match=message) as err:
        make(args[0], args[1], **kwargs)
    assert "\n" not in str(err.value)


def test_the_file_round_trips_and_the_latest_judgement_of_a_target_wins(tmp_path):
    path = tmp_path / "j.jsonl"
    wrong = make("wrong", MEMBERSHIP, by="alice", why="not on this group", at="2026-01-01T00:00:00Z")
    right = make("right", MEMBERSHIP, by="bob", at="2026-01-02T00:00:00Z")
    same = make("same", {"entity": A}, other=B, by="alice")
    for j in (wrong, same, right):
        append_judgement(path, j)
    back = read_judgements(path)
    assert back == [wrong, same, right]
    assert current(back) == [same, right]  # bob's right undoes alice's wrong
    assert read_judgements(tmp_path / "absent.jsonl") == []


def test_a_hand_broken_file_names_its_line(tmp_path):
    path = tmp_path / "j.jsonl"
    path.write_text(make("same", {"entity": A}, other=B).to_json() + "\n{oops\n", encoding="utf-8")
    with pytest.raises(JudgementError, match=r"j.jsonl:2: not JSON"):
        read_judgements(path)


def test_a_rebuild_from_scratch_applies_the_judgements_with_their_provenance(facts, tmp_path):
    before = build_from_facts(facts, None, validate_shacl=False)
    assert _members(before, MEMBERSHIP["src"], MEMBERSHIP["dst"]) and _node(before, A) and _node(before, B)
    path = tmp_path / "judgements.jsonl"
    append_judgement(path, make("wrong", MEMBERSHIP, by="alice", why="he is not on it"))
    append_judgement(path, make("same", {"entity": A}, other=B, by="alice", why="a cut name"))
    append_judgement(path, make("right", {**MEMBERSHIP, "src": "person/晋城市/nobody"}, by="bob"))

    out = tmp_path / "build"
    report = build_from_facts(facts, out, judgements=path)
    assert report.conforms, report.shacl_report[:2000]
    assert not _members(report, MEMBERSHIP["src"], MEMBERSHIP["dst"])          # the membership is gone
    assert _node(report, B) is None                                             # the two agencies are one node
    merged = _node(report, A)
    assert "same agency/中共晋城市委宣传部 ~ agency/中共晋城市委宣传部分 (by alice" in merged.props["reviewed"]
    assert "a cut name" in merged.props["reviewed"]
    g = report.graph
    judgement = next(g.objects(URIRef(ID + quote(A, safe="/")), PROV.wasInfluencedBy))
    assert (judgement, RDF.type, GOV.Judgement) in g and g.value(judgement, PROV.wasAssociatedWith) is not None
    assert g.value(judgement, PROV.endedAtTime) is not None
    assert len(report.review.applied) == 2
    assert len(report.review.unmatched) == 1 and "person/晋城市/nobody" in report.review.unmatched[0]
    moved = {(e.type, e.props.get("line")) for e in before.property_graph.edges if B in (e.src, e.dst)}
    assert moved and moved <= {(e.type, e.props.get("line")) for e in report.property_graph.edges if A in (e.src, e.dst)}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert any(i["path"].endswith("judgements.jsonl") for i in manifest["inputs"])  # with its checksum
    # the graph written out says the same
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "govkg:Judgement" in ttl and "中共晋城市委宣传部分" in ttl  # the merged name is kept as a label


def test_no_judgements_file_changes_nothing(facts, tmp_path):
    plain = build_from_facts(facts, None, validate_shacl=False)
    judged = build_from_facts(facts, None, validate_shacl=False, judgements=tmp_path / "none.jsonl")
    assert set(plain.graph) == set(judged.graph)
    assert plain.property_graph == judged.property_graph


def test_not_same_keeps_a_transitive_same_apart(facts):
    from govkg.graph.review import apply_judgements

    report = build_from_facts(facts, None, validate_shacl=False)
    c = "agency/中共晋城市委员会"
    js = [make("same", {"entity": A}, other=B), make("not-same", {"entity": B}, other=c),
          make("same", {"entity": A}, other=c)]
    review = apply_judgements(report.graph, js)
    assert len(review.conflicts) == 1 and "not the same" in review.conflicts[0]


def test_fix_name_and_role(facts):
    from govkg.graph.pg import property_graph
    from govkg.graph.review import apply_judgements

    report = build_from_facts(facts, None, validate_shacl=False)
    review = apply_judgements(report.graph, [make("fix", {"entity": B}, field="name", value="中共晋城市委宣传部（误）"),
                                             make("fix", MEMBERSHIP, field="role", value="副组长")])
    assert len(review.applied) == 2, review
    pg = property_graph(report.graph)
    assert next(n for n in pg.nodes if n.id == B).props["name"] == "中共晋城市委宣传部（误）"
    edge = next(e for e in pg.edges if e.type == "MEMBER_OF" and e.src == MEMBERSHIP["src"] and e.dst == MEMBERSHIP["dst"])
    assert edge.props["role"] == "副组长" and "fix" in edge.props["reviewed"]


def test_resuperseding_a_body_alone_gives_back_what_the_build_made(facts):
    """The timeline ``review`` redraws after a merge is the build's own: on unmerged bodies it changes nothing."""
    from govkg.graph.review import _Applier

    report = build_from_facts(facts, None, validate_shacl=False)
    before = set(report.graph)
    a = _Applier(report.graph)
    for body in list(report.graph.subjects(RDF.type, GOV.Body)):
        a.supersede(body)
    assert set(report.graph) == before


def test_two_bodies_judged_the_same_share_one_timeline(tmp_path):
    """A body renamed between two documents: once judged the same, the later document ends the earlier members."""
    from govkg.facts import DocumentFact, MembershipFact, Src

    def doc(n, date):
        return DocumentFact(Src("a.txt", n), f"晋市政办〔{date[:4]}〕{n}号", title=f"通知{n}", issuer="晋城市人民政府办公室",
                            date=date)

    def member(n, body, person):
        return MembershipFact(Src("a.txt", n + 1), f"晋市政办〔{'2019' if n < 50 else '2020'}〕{n}号", body=body,
                              person=person, role="成员")

    facts = [doc(1, "2019-03-01"), member(1, "晋城市甲工作领导小组", "张三"),
             doc(60, "2020-05-01"), member(60, "晋城市乙工作领导小组", "李四")]
    path = tmp_path / "j.jsonl"
    append_judgement(path, make("same", {"entity": "body/晋城市/甲工作领导小组"}, other="body/晋城市/乙工作领导小组"))
    report = build_from_facts(facts, tmp_path / "b", judgements=path)
    assert report.conforms, report.shacl_report[:2000]
    rows = {e.src: e.props for e in report.property_graph.edges if e.type == "MEMBER_OF"}
    assert {e.dst for e in report.property_graph.edges if e.type == "MEMBER_OF"} == {"body/晋城市/乙工作领导小组"}
    assert rows["person/晋城市/张三"]["end_date"] == "2020-05-01" and rows["person/晋城市/李四"]["end_date"] is None
    established = [e for e in report.property_graph.edges if e.type == "ESTABLISHED_BY"]
    assert [e.dst for e in established] == ["doc/晋市政办〔2019〕1号"]


def test_judgements_survive_moved_lines(facts, tmp_path):
    """The same facts printed 40 lines further down (a re-extraction of an edited issue): the keys still match."""
    import dataclasses

    moved = [dataclasses.replace(f, src=dataclasses.replace(f.src, line=f.src.line + 40,
                                                            end_line=f.src.end_line + 40 if f.src.end_line else None))
             for f in facts]
    path = tmp_path / "j.jsonl"
    append_judgement(path, make("wrong", MEMBERSHIP))
    append_judgement(path, make("same", {"entity": A}, other=B))
    report = build_from_facts(moved, None, validate_shacl=False, judgements=path)
    assert len(report.review.applied) == 2 and not report.review.unmatched
    assert not _members(report, MEMBERSHIP["src"], MEMBERSHIP["dst"]) and _node(report, B) is None
