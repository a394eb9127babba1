"""Time in the answers, on a graph small enough to reason about: a post's ex-officio seat set out
twice, its holders named in other documents at known dates. A person gets the seat only when a
document names them in the post while that seat stood (by the day asked about), never through the
post held at another time; ``held_by`` in body_leaders follows the same rule. Same rows on both stores."""
from __future__ import annotations

import pytest

from govkg.graph.schema import Edge, Node, PropertyGraph
from govkg.queries import run_query
from tests.store.parity import normalised

POST, BODY = "agency/a/post/局长", "body/x"
D1, D2 = "x〔2020〕1号", "x〔2021〕9号"  # the two documents that set the body out


def time_graph() -> PropertyGraph:
    def prov(doc: str, line: int) -> dict:
        return {"doc": doc, "file": "t.txt", "line": line}

    seat = {"role": "组长"}
    return PropertyGraph(
        nodes=[Node("Agency", "agency/a", {"name": "甲市测试局"}), Node("Body", BODY, {"name": "甲市测试领导小组"}),
               Node("Post", POST, {"name": "市测试局局长", "title": "局长"}),
               Node("Person", "person/early", {"name": "早任"}), Node("Person", "person/late", {"name": "后任"}),
               Node("Person", "person/named", {"name": "点名"})],
        edges=[
            # the seat of 2020, ended by the 2021 document, and the seat of 2021
            Edge("SEAT_ON", POST, BODY, {**seat, **prov(D1, 3), "date": "2020-01-01", "end_date": "2021-06-01",
                                         "end_doc": D2}),
            Edge("SEAT_ON", POST, BODY, {**seat, **prov(D2, 5), "date": "2021-06-01"}),
            # 早任 named 局长 in March 2020 only; 后任 in May 2022 only
            Edge("HOLDS", "person/early", POST, {**prov("y〔2020〕3号", 7), "date": "2020-03-01"}),
            Edge("HOLDS", "person/late", POST, {**prov("y〔2022〕4号", 8), "date": "2022-05-01"}),
            # a named deputy, replaced when the body was set out again
            Edge("MEMBER_OF", "person/named", BODY, {"role": "副组长", **prov(D1, 4), "date": "2020-01-01",
                                                     "end_date": "2021-06-01", "end_doc": D2}),
            Edge("POST_IN", POST, "agency/a", {}),
        ])


@pytest.fixture(scope="module")
def lb(tmp_path_factory):
    from govkg.store.ladybug import LadybugStore

    store = LadybugStore(tmp_path_factory.mktemp("time") / "graph.lbdb")
    store.load(time_graph())
    yield store
    store.close()


def seats(store, person: str, **params) -> list[tuple]:
    return [(r["via"], r["since"], r["status"]) for r in run_query(store, "person_seats", {"person": person, **params})]


def test_a_seat_goes_to_whoever_a_document_names_in_the_post_while_it_stood(lb):
    assert seats(lb, "person/early", former=True) == [("ex officio", "2020-01-01", "former")]
    assert seats(lb, "person/late") == [("ex officio", "2021-06-01", "current")]


def test_no_seat_through_the_post_held_at_another_time(lb):
    assert seats(lb, "person/early") == []  # the 2021 seat: named in the post only before it was set up
    assert seats(lb, "person/late", former=True) == [("ex officio", "2021-06-01", "current")]  # not the 2020 one


def test_no_seat_before_the_person_is_known_to_hold_the_post(lb):
    assert seats(lb, "person/late", as_of="2022-01-01") == []  # named only in May 2022
    assert seats(lb, "person/early", as_of="2020-02-01") == []  # named only in March 2020
    assert seats(lb, "person/early", as_of="2020-06-01") == [("ex officio", "2020-01-01", "current")]


def leaders(store, **params) -> list[tuple]:
    return [(r["holder"], r["since"], r["held_by"], r["status"], r["ended_by"])
            for r in run_query(store, "body_leaders", {"body": BODY, **params})]


def test_body_leaders_name_the_known_holder_of_an_ex_officio_seat_on_the_day(lb):
    assert leaders(lb, as_of="2020-06-01") == [("市测试局局长", "2020-01-01", ["早任"], "current", D2),
                                               ("点名", "2020-01-01", ["点名"], "current", D2)]
    assert leaders(lb, as_of="2022-01-01") == [("市测试局局长", "2021-06-01", [], "current", None)]
    assert leaders(lb) == [("市测试局局长", "2021-06-01", ["后任"], "current", None)]


def test_body_leaders_give_the_last_person_named_in_the_post_as_a_lead(lb):
    """Nobody is known to hold the 2021 seat on 2022-01-01; the last document naming a 局长 is of March 2020."""
    [row] = run_query(lb, "body_leaders", {"body": BODY, "as_of": "2022-01-01"})
    assert (row["held_by"], row["last_named"], row["last_named_on"]) == ([], ["早任"], "2020-03-01")
    [row] = run_query(lb, "body_leaders", {"body": BODY})
    assert (row["held_by"], row["last_named"], row["last_named_on"]) == (["后任"], ["后任"], "2022-05-01")


def test_former_leaders_come_after_the_current_ones(lb):
    assert [row[3] for row in leaders(lb, former=True)] == ["current", "former", "former"]


def test_a_day_before_anything_gives_nothing(lb):
    assert leaders(lb, as_of="2019-12-31") == [] and seats(lb, "person/named", as_of="2019-12-31") == []


@pytest.mark.neo4j
@pytest.mark.parametrize("query, params", [
    ("person_seats", {"person": "person/early", "former": True}),
    ("person_seats", {"person": "person/late", "as_of": "2022-06-01", "former": True}),
    ("body_leaders", {"body": BODY, "as_of": "2020-06-01", "former": True}),
    ("body_leaders", {"body": BODY}),
    ("body_leaders", {"body": BODY, "as_of": "2022-01-01"}),
    ("bodies_of_agency", {"agency": "agency/a", "former": True}),
])
def test_the_same_rows_on_neo4j(lb, neo4j_store, query, params):
    neo4j_store.load(time_graph())
    assert normalised(run_query(neo4j_store, query, params)) == normalised(run_query(lb, query, params))
