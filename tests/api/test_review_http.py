"""``/review`` over HTTP: absent without GOVKG_REVIEW_TOKEN, 401/403 without the right token, and judgements
made there applied by a rebuild from scratch (the membership gone, the agencies one node, the judgement shown)."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from govkg.facts import read_facts
from govkg.graph.build import build_from_facts
from govkg.graph.judgements import read_judgements
from tests.api.conftest import make_app
from tests.api.graphs import GOLD

TOKEN = "s3cret-review-token"
PERSON, BODY = "person/晋城市/丁坚强", "body/晋城市/千名干部入企服务活动工作领导小组"
A, B = "agency/中共晋城市委宣传部", "agency/中共晋城市委宣传部分"
WRONG = {"verdict": "wrong", "why": "not on this group", "by": "alice",
         "target": {"edge": "MEMBER_OF", "src": PERSON, "dst": BODY, "role": "成员", "doc": "晋市政办〔2020〕2号"}}
SAME = {"verdict": "same", "target": {"entity": A}, "other": B, "why": "one department", "by": "alice"}


def test_without_the_token_setting_the_review_routes_are_absent(store, tmp_path):
    path = tmp_path / "judgements.jsonl"
    with TestClient(make_app(store, GOVKG_JUDGEMENTS=str(path))) as c:
        for method, url in (("post", "/review/judgements"), ("get", "/review/judgements"), ("get", "/review/check")):
            r = getattr(c, method)(url, headers={"X-Review-Token": TOKEN}, **({"json": WRONG} if method == "post" else {}))
            assert r.status_code == 404, (url, r.status_code)
        assert "/review/judgements" not in c.get("/openapi.json").json()["paths"]
        assert "review.js" not in c.get(f"/entity/{quote(A, safe='')}").text  # no controls on the pages
    assert not path.exists()  # nothing changed


@pytest.fixture
def reviewing(store, tmp_path):
    path = tmp_path / "judgements.jsonl"
    with TestClient(make_app(store, GOVKG_JUDGEMENTS=str(path), GOVKG_REVIEW_TOKEN=TOKEN)) as c:
        yield c, path


@pytest.mark.parametrize("headers, status", [({}, 401), ({"X-Review-Token": "guess"}, 403),
                                             ({"X-Review-Token": TOKEN + "x"}, 403)])
def test_a_missing_or_wrong_token_is_refused_and_nothing_is_written(reviewing, headers, status):
    c, path = reviewing
    for r in (c.post("/review/judgements", json=WRONG, headers=headers), c.get("/review/check", headers=headers),
              c.get("/review/judgements", headers=headers)):
        assert r.status_code == status and "token" in r.json()["detail"]
    assert not path.exists()


def test_a_bad_judgement_is_a_422_with_one_line(reviewing):
    c, path = reviewing
    r = c.post("/review/judgements", json={**SAME, "other": "person/晋城市/张三"}, headers={"X-Review-Token": TOKEN})
    assert r.status_code == 422 and "of one kind" in r.json()["detail"] and "\n" not in r.json()["detail"]
    r = c.post("/review/judgements", json={**SAME, "verdict": "drop table"}, headers={"X-Review-Token": TOKEN})
    assert r.status_code == 422
    assert not path.exists()


def test_judgements_over_http_survive_a_rebuild_from_scratch(reviewing, tmp_path):
    from govkg.store import load_embedded
    from govkg.store.ladybug import LadybugStore

    c, path = reviewing
    h = {"X-Review-Token": TOKEN}
    assert c.get("/review/check", headers=h).status_code == 204
    for body in (WRONG, SAME):
        r = c.post("/review/judgements", json=body, headers=h)
        assert r.status_code == 201 and "next build" in r.json()["note"], r.text
    listed = c.get("/review/judgements", headers=h).json()["judgements"]
    assert [j["record"]["verdict"] for j in listed] == ["wrong", "same"]
    assert len(read_judgements(path)) == 2

    report = build_from_facts(read_facts(GOLD), tmp_path / "build", judgements=path)
    assert report.conforms and len(report.review.applied) == 2 and not report.review.unmatched
    load_embedded(report.property_graph, tmp_path / "rebuilt.lbdb")
    rebuilt = LadybugStore(tmp_path / "rebuilt.lbdb", read_only=True)
    try:
        with TestClient(make_app(rebuilt, GOVKG_REVIEW_TOKEN=TOKEN)) as served:
            merged = served.get(f"/entities/{quote(A, safe='')}?label=Agency")
            assert merged.status_code == 200
            assert served.get(f"/entities/{quote(B, safe='')}?label=Agency").status_code == 404  # one node now
            gone = served.get(f"/entity/{quote(B, safe='')}")
            assert gone.status_code == 404 and 'id="merged-into"' in gone.text and "中共晋城市委宣传部</a>" in gone.text
            assert 'id="merged-into"' not in served.get("/entity/agency%2Fnothing-here").text
            page = served.get(f"/entity/{quote(A, safe='')}?label=Agency").text
            assert "one department" in page and "same agency/中共晋城市委宣传部 ~ agency/中共晋城市委宣传部分" in page
            person = served.get(f"/entity/{quote(PERSON, safe='')}?label=Person").text
            assert "千名干部入企服务活动工作领导小组" not in person.split("所在议事协调机构", 1)[1].split("</section>")[0]
            assert "not on this group" in person  # the person's page says why the membership went
    finally:
        rebuilt.close()
