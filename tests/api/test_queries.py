"""``/queries``: every canned query is listed, runs with validated parameters, answers JSON and CSV."""
from __future__ import annotations

import csv
import io

import pytest

from govkg.queries import load_queries

QUERIES = load_queries()
# a value for each parameter name the query headers use, taken from the tiny test graph
VALUES = {"agency": "test/transport", "body": "test/group", "document": "test/doc", "person": "test/li",
          "node": "test/group", "source": "test/transport", "target": "test/li", "text": "港航", "date": "2024-06-01"}


def params_for(name: str) -> dict[str, str]:
    return {p.name: VALUES.get(p.name, "x") for p in QUERIES[name].params if p.required}


def test_list_has_every_query_with_its_parameters(client):
    listed = {q["name"]: q for q in client.get("/queries").json()}
    assert set(listed) == set(QUERIES)
    for name, q in QUERIES.items():
        assert [p["name"] for p in listed[name]["parameters"]] == [p.name for p in q.params]
        assert listed[name]["columns"] == list(q.columns)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_each_query_answers_json_and_csv(client, name):
    r = client.get(f"/queries/{name}", params=params_for(name))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == list(QUERIES[name].columns)
    assert all(list(row) == body["columns"] for row in body["rows"])
    c = client.get(f"/queries/{name}", params={**params_for(name), "format": "csv"})
    assert c.status_code == 200 and c.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(c.text)))
    assert table[0] == body["columns"] and len(table) == len(body["rows"]) + 1


def test_body_leaders_names_the_leader(client):
    rows = client.get("/queries/body_leaders", params={"body": "test/group"}).json()["rows"]
    assert any("李测试" in map(str, row.values()) for row in rows)


@pytest.mark.parametrize("path, status, fragment", [
    ("/queries/no_such_query", 404, "no query named"),
    ("/queries/body_leaders", 422, "body: Field required"),
    ("/queries/body_leaders?body=", 422, "body"),
    ("/queries/top_people_by_seats?limit=0", 422, "limit"),
    ("/queries/top_people_by_seats?limit=ten", 422, "limit"),
    ("/queries/top_people_by_seats?format=xml", 422, "format"),
])
def test_bad_query_requests_are_4xx_with_a_message(client, path, status, fragment):
    r = client.get(path)
    assert r.status_code == status
    assert fragment in r.json()["detail"]
