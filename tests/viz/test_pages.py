"""Entity pages that answer first, and document pages, over HTTP on the built corpus (a real embedded store)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow

AGENCY = "agency/晋城市发展和改革委员会"
FLOOD = "body/晋城市/防汛抗旱指挥部"


@pytest.fixture(scope="module")
def client(corpus_graph, tmp_path_factory):
    from govkg.api.app import create_app
    from govkg.settings import ApiConfig
    from govkg.store.ladybug import LadybugStore

    path = tmp_path_factory.mktemp("pages") / "graph.lbdb"
    store = LadybugStore(path)
    store.load(corpus_graph, replace=True)
    store.close()
    store = LadybugStore(path, read_only=True)
    with TestClient(create_app(ApiConfig.from_env({"GOVKG_DB_PATH": str(path)}), store=store), base_url="http://localhost") as c:
        yield c
    store.close()


def page(client, entity_id: str, label: str, **params: str) -> str:
    r = client.get(f"/entity/{quote(entity_id, safe='')}", params={"label": label, **params})
    assert r.status_code == 200, r.text
    return r.text


def section(html: str, key: str) -> str:
    m = re.search(rf'<section class="sec" id="sec-{key}">(.*?)</section>', html, re.S)
    assert m, f"no section {key}"
    return m.group(1)


def test_an_agency_page_starts_with_its_bodies_grouped_then_tasks_by_document(client) -> None:
    html = page(client, AGENCY, "Agency")
    assert html.index('id="sec-bodies"') < html.index('id="sec-tasks"')
    bodies = section(html, "bodies")
    heads = re.findall(r"<h3>(.*?) <small>", bodies)
    assert heads == ["作为成员单位", "通过本单位人员", "通过职务（当然席位）", "承担办公室"]
    people = bodies.split("通过本单位人员", 1)[1].split("通过职务", 1)[0]
    assert "杨跃卿" in people and "市级现代农业产业园创建领导组" in people  # the person is named
    tasks = section(html, "tasks")
    assert tasks.count('<details class="task-doc"') == 16  # one group per document
    assert "→ ASSIGNED" not in html and "← UNIT_OF" not in html


def test_a_person_page_lists_each_post_once_with_first_and_last_document(client) -> None:
    html = page(client, "person/晋城市/张利锋", "Person")
    assert html.index('id="sec-posts"') < html.index('id="sec-bodies"')
    posts = section(html, "posts")
    assert posts.count("<tr><td") == 2  # 市委常委 and 市政府常务副市长, not 22 HOLDS rows
    assert "晋市政办〔2019〕37号" in posts and "晋市政发〔2020〕3号" in posts


def test_a_body_page_puts_the_current_leaders_first_and_shows_its_history(client) -> None:
    html = page(client, FLOOD, "Body")
    leaders = section(html, "leaders")
    rows = re.findall(r'<tr class="(current|former)"[^>]*>(.*?)</tr>', leaders, re.S)
    first_former = [s for s, _ in rows].index("former")
    assert all(s == "former" for s, _ in rows[first_former:])   # current leaders first
    assert "市人民政府分管应急管理和水务工作的副市长" in rows[0][1] and "指挥长" in rows[0][1]
    assert any("张利锋" in r for s, r in rows if s == "former")   # the 2019 heads, replaced in 2020
    assert html.index('id="sec-leaders"') < html.index('id="sec-members"') < html.index('id="sec-units"')
    history = section(html, "history")
    assert history.index("晋市政办〔2019〕37号") < history.index("晋市政办〔2020〕40号")
    assert "设立 established" in history


def test_as_of_gives_the_state_on_that_day(client) -> None:
    early = section(page(client, FLOOD, "Body", as_of="2020-01-01"), "leaders")
    assert "张利锋" in early and "分管应急管理和水务工作的副市长" not in early
    assert 'class="former"' not in early
    late = section(page(client, FLOOD, "Body", as_of="2020-09-01"), "leaders")
    assert "分管应急管理和水务工作的副市长" in late


@pytest.mark.parametrize("value", ["2020-13-45", "yesterday", "2020-1-1"])
def test_a_bad_date_is_a_clear_error(client, value: str) -> None:
    r = client.get(f"/entity/{quote(FLOOD, safe='')}", params={"label": "Body", "as_of": value})
    assert r.status_code == 422 and "as_of" in r.json()["detail"]


def test_every_source_on_an_agency_page_opens_its_document_at_the_cited_line(client) -> None:
    html = page(client, AGENCY, "Agency")
    links = sorted(set(re.findall(r'<a class="src" href="([^"]+)"', html)))
    assert len(links) > 20 and all(link.startswith("/document/") for link in links)
    for link in links[:: max(1, len(links) // 12)]:
        line = int(re.search(r"line=(\d+)", link).group(1))
        r = client.get(link.replace("&amp;", "&"))
        assert r.status_code == 200
        assert re.search(rf'<div class="ln hit" id="L{line}">', r.text), link


def test_a_document_page_shows_the_text_and_what_the_cited_line_gives(client) -> None:
    r = client.get(f"/document/{quote('doc/晋市政办〔2020〕40号', safe='')}",
                   params={"line": 1066, "file": "002_8a9d601f9117cb9d.txt"})
    hit = re.search(r'<div class="ln hit" id="L1066">.*?<span class="tx">(.*?)</span>', r.text, re.S)
    assert hit and hit.group(1).startswith("成员单位:")
    assert "晋城市发展和改革委员会" in r.text.split('id="text"')[0]  # among the units line 1066 gives


@pytest.mark.parametrize("path, status", [
    ("/document/doc%2Fno-such", 404),
    ("/document/doc%2F%E6%99%8B%E5%B8%82%E6%94%BF%E5%8A%9E%E3%80%942020%E3%80%9540%E5%8F%B7?line=0", 422),
    ("/document/doc%2F%E6%99%8B%E5%B8%82%E6%94%BF%E5%8A%9E%E3%80%942020%E3%80%9540%E5%8F%B7?line=abc", 422),
    ("/document/..%2F..%2Fetc%2Fpasswd", 404),
])
def test_document_page_errors(client, path: str, status: int) -> None:
    assert client.get(path).status_code == status


def test_a_line_outside_the_document_is_said_so(client) -> None:
    r = client.get(f"/document/{quote('doc/晋市政办〔2020〕40号', safe='')}", params={"line": 5})
    assert r.status_code == 200 and "不在本文件范围内" in r.text and 'class="ln hit"' not in r.text


def test_a_neighbourhood_to_expand_a_picture(client) -> None:
    r = client.get(f"/viz/neighbours/Person/{quote('person/晋城市/张利锋', safe='')}")
    assert r.status_code == 200
    d = r.json()
    kinds = {n["kind"] for n in d["nodes"]}
    assert {"Person", "Body", "Post"} <= kinds and all("|" in e["id"] for e in d["edges"])
    assert client.get("/viz/neighbours/Person/person%2Fnobody").status_code == 404
    assert client.get("/viz/neighbours/Nope/x").status_code == 422


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    from govkg.api.app import create_app
    from govkg.settings import ApiConfig
    from govkg.store.ladybug import LadybugStore
    from tests.api.graphs import tiny_graph

    path = tmp_path_factory.mktemp("tiny") / "graph.lbdb"
    store = LadybugStore(path)
    store.load(tiny_graph(), replace=True)
    store.close()
    store = LadybugStore(path, read_only=True)
    with TestClient(create_app(ApiConfig.from_env({"GOVKG_DB_PATH": str(path)}), store=store), base_url="http://localhost") as c:
        yield c
    store.close()


def test_document_text_reaches_the_page_escaped(tiny) -> None:
    html = tiny.get("/document/test%2Fdoc", params={"line": 7}).text
    hit = re.search(r'<div class="ln hit" id="L7">.*?</div>', html, re.S).group(0)
    assert "&lt;script&gt;alert(" in hit and "<script>alert" not in html
    assert "李测试" in html.split('id="text"')[0]  # what the graph takes from line 7


def test_a_seat_shows_the_one_person_recorded_in_its_post(tiny) -> None:
    seats = section(page(tiny, "test/group", "Body"), "seats")
    assert "市港渔局局长" in seats and "任职人员 held by" in seats and "李测试" in seats
