"""Canned queries asked as a person asks them, over TCP against a real ``govkg serve`` on the corpus:
names as typed (short names, traditional characters, any bracket form of a 文号) resolve to the
node the full name gives, an unknown or ambiguous name is a 404 with suggestions, and the answers
are dated (as_of)."""
from __future__ import annotations

import httpx
import pytest

from tests.api.live import live_server

FGW = "晋城市发展和改革委员会"
FLOOD = "body/晋城市/防汛抗旱指挥部"
PLAN_2019, PLAN_2020 = "晋市政办〔2019〕37号", "晋市政办〔2020〕40号"


@pytest.fixture(scope="module")
def corpus_db(corpus_graph, tmp_path_factory):
    from govkg.store.ladybug import LadybugStore

    path = tmp_path_factory.mktemp("resolution") / "graph.lbdb"
    store = LadybugStore(path)
    try:
        store.load(corpus_graph)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def api(corpus_db):
    with live_server(corpus_db) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


def ask(api: httpx.Client, query: str, **params) -> dict:
    r = api.get(f"/queries/{query}", params=params)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("typed", ["市发改委", "發改委", "市發展和改革委員會", "agency/" + FGW])
def test_a_short_or_traditional_agency_name_gives_the_answer_for_the_full_name(api, typed):
    full = ask(api, "bodies_of_agency", agency=FGW)
    short = ask(api, "bodies_of_agency", agency=typed)
    assert full["rows"] and short["rows"] == full["rows"]
    assert short["resolved"]["agency"]["id"] == "agency/" + FGW
    assert short["resolved"]["agency"]["input"] == typed and short["params"]["agency"] == typed


def test_the_resolution_says_how_the_name_was_matched(api):
    assert ask(api, "bodies_of_agency", agency="发改委")["resolved"]["agency"]["how"] == "resolver"
    assert ask(api, "bodies_of_agency", agency="市发改")["resolved"]["agency"]["how"] == "only match"
    assert ask(api, "bodies_of_agency", agency="agency/" + FGW)["resolved"]["agency"]["how"] == "id"


@pytest.mark.parametrize("number", ["晋市政办[2020]40号", "晋市政办(2020)40号", "晋市政办（2020）40号",
                                    "晋市政办【2020】40号", "晋市政办［2020］40号"])
def test_every_bracket_form_of_a_document_number_gives_the_same_citations(api, number):
    expected = ask(api, "document_citations", document=PLAN_2020)["rows"]
    assert expected and ask(api, "document_citations", document=number)["rows"] == expected


def test_search_finds_a_document_typed_with_other_brackets(api):
    hit = api.get("/search", params={"q": "晋市政办[2020]40号"}).json()["hits"][0]
    assert hit["name"] == PLAN_2020


def test_an_unknown_name_is_a_404_with_did_you_mean(api):
    r = api.get("/queries/body_leaders", params={"body": "防汛抗汗指挥部"})  # 汗 for 旱: a typo
    assert r.status_code == 404
    body = r.json()
    assert body["parameter"] == "body" and body["value"] == "防汛抗汗指挥部" and body["ambiguous"] is False
    assert FLOOD in [s["id"] for s in body["did_you_mean"]]
    assert "did you mean" in body["detail"] and "\n" not in body["detail"]


def test_an_ambiguous_name_is_a_404_listing_the_candidates(api):
    r = api.get("/queries/body_leaders", params={"body": "领导小组"})
    assert r.status_code == 404
    body = r.json()
    assert body["ambiguous"] is True and len(body["did_you_mean"]) >= 2
    assert all("领导小组" in s["name"] for s in body["did_you_mean"])


def test_a_name_of_the_wrong_kind_is_not_taken(api):
    """An agency's name given for a body matches no body: the answer says so rather than guessing."""
    r = api.get("/queries/body_leaders", params={"body": FGW})
    assert r.status_code == 404 and r.json()["parameter"] == "body"


def _heads(rows: list[dict]) -> set[str]:
    return {r["holder"] for r in rows if r["rank"] == 1}


def test_flood_headquarters_leaders_as_of_a_day_in_2020_are_the_2020_ones(api):
    rows = ask(api, "body_leaders", body="防汛抗旱指挥部", as_of="2020-09-01")["rows"]
    assert rows and {r["set_by"] for r in rows} == {PLAN_2020}
    assert {r["status"] for r in rows} == {"current"} and {r["kind"] for r in rows} == {"ex officio"}
    assert _heads(rows) == {"市人民政府分管应急管理和水务工作的副市长"}
    assert ask(api, "body_leaders", body="防汛抗旱指挥部")["rows"] == rows  # the latest state, by default


def test_flood_headquarters_leaders_as_of_new_year_2020_are_the_2019_ones(api):
    rows = ask(api, "body_leaders", body="防汛抗旱指挥部", as_of="2020-01-01")["rows"]
    assert rows and {r["set_by"] for r in rows} == {PLAN_2019} and {r["kind"] for r in rows} == {"named"}
    assert _heads(rows) == {"冯志亮", "张利锋"}
    assert {(r["until"], r["ended_by"]) for r in rows} == {("2020-08-13", PLAN_2020)}


def test_former_leaders_are_listed_on_request_and_marked(api):
    rows = ask(api, "body_leaders", body="防汛抗旱指挥部", as_of="2020-09-01", former="true")["rows"]
    former = [r for r in rows if r["status"] == "former"]
    assert former and {r["set_by"] for r in former} == {PLAN_2019} and {r["ended_by"] for r in former} == {PLAN_2020}
    assert [r["status"] for r in rows] == sorted(r["status"] for r in rows)  # current first


def test_bodies_of_agency_as_of_a_day_leaves_out_ties_not_yet_made(api):
    latest = ask(api, "bodies_of_agency", agency="市应急局")["rows"]
    early = ask(api, "bodies_of_agency", agency="市应急局", as_of="2020-01-01")["rows"]
    assert early and all(r["since"] is None or r["since"] <= "2020-01-01" for r in early)
    assert any(r["since"] and r["since"] > "2020-01-01" for r in latest)
    assert all(r["status"] == "current" and r["until"] is None for r in latest)


@pytest.mark.parametrize("params, fragment", [
    ({"as_of": "2020-13-45"}, "as_of"),
    ({"as_of": "yesterday"}, "as_of"),
    ({"former": "perhaps"}, "former"),
])
def test_bad_dates_and_flags_are_422(api, params, fragment):
    r = api.get("/queries/body_leaders", params={"body": "防汛抗旱指挥部", **params})
    assert r.status_code == 422 and fragment in r.json()["detail"]
