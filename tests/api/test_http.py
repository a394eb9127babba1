"""The JSON API and the pages over HTTP (in-process client, real embedded store)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from govkg.errors import StoreError
from tests.api.conftest import make_app
from tests.api.graphs import EVIL, GOLD

needs_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not beside the repo")


def test_health_reports_the_store_and_its_counts(client):
    r = client.get("/health")
    body = r.json()
    assert r.status_code == 200 and body["status"] == "ok"
    assert body["counts"]["Agency"] >= 2 and body["counts"]["UNIT_OF"] >= 2


@pytest.mark.parametrize("q, first", [
    ("市港渔局", "测试市港航渔政管理局"),                 # alias
    ("港航渔政", "测试市港航渔政管理局"),               # substring
    ("港航安全领导小组", "测试市港航安全工作领导小组"),  # characters in order (abbreviation)
    ("李测试", "李测试"),
    pytest.param("市发改委", "晋城市发展和改革委员会", marks=needs_gold),
    pytest.param("发改委", "晋城市发展和改革委员会", marks=needs_gold),
])
def test_search_ranks_the_intended_entity_first(client, q, first):
    hits = client.get("/search", params={"q": q}).json()["hits"]
    assert hits and hits[0]["name"] == first
    entity = client.get(hits[0]["url"])
    assert entity.status_code == 200 and entity.json()[0]["name"] == first


@pytest.mark.parametrize("params, fragment", [
    ({}, "q: Field required"),
    ({"q": ""}, "q: String should have at least 1 character"),
    ({"q": "局", "limit": 0}, "limit"),
    ({"q": "局", "limit": "many"}, "limit"),
    ({"q": "局", "label": "Planet"}, "label"),
])
def test_bad_search_parameters_get_422_with_a_clear_message(client, params, fragment):
    r = client.get("/search", params=params)
    assert r.status_code == 422
    assert fragment in r.json()["detail"]


def test_entity_lists_relations_with_role_date_and_source_line(client):
    [agency] = client.get("/entities/test/transport", params={"label": "Agency"}).json()
    assert agency["name"] == "测试市港航渔政管理局"
    [body] = client.get("/entities/" + quote("test/group", safe=""), params={"label": "Body"}).json()
    member = next(r for r in body["relations"] if r["type"] == "MEMBER_OF")
    assert (member["direction"], member["name"]) == ("in", "李测试")
    assert member["props"] == {"role": "组长", "position": "市港渔局局长", "doc": "测试〔2024〕1号",
                               "file": "999_test.txt", "line": 7, "date": "2024-01-02"}


@pytest.mark.parametrize("path, status", [
    ("/entities/no-such-thing", 404),
    ("/entities/test/evil?label=Planet", 422),
    ("/viz/body/no-such-body", 404),
    ("/viz/agencies?min_shared=0", 422),
    ("/viz/agency/test/evil?max_nodes=1", 422),
    ("/export/xlsx", 422),
    ("/entity/no-such-thing", 404),
])
def test_bad_requests_are_4xx_never_500(client, path, status):
    r = client.get(path)
    assert r.status_code == status, r.text
    if r.headers["content-type"].startswith("application/json"):
        assert r.json()["detail"]


@pytest.mark.parametrize("path, kinds", [
    ("/viz/agency/test%2Ftransport", {"Agency", "Body", "Post", "Person"}),
    ("/viz/body/test%2Fgroup", {"Agency", "Body", "Post", "Person", "Document"}),
    ("/viz/person/test%2Fli", {"Agency", "Body", "Post", "Person"}),
    ("/viz/agencies?min_shared=1", {"Agency"}),
])
def test_network_json_has_typed_nodes_and_tooltips(client, path, kinds):
    sep = "&" if "?" in path else "?"
    d = client.get(path + sep + "format=json").json()
    assert kinds <= {n["kind"] for n in d["nodes"]}
    assert {i["label"] for i in d["legend"]} >= kinds
    assert all(n["tip"] for n in d["nodes"])


def test_body_picture_edges_carry_role_and_source_line(client):
    d = client.get("/viz/body/test%2Fgroup?format=json").json()
    member = next(e for e in d["edges"] if e["etype"] == "MEMBER_OF")
    assert member["label"] == "组长"
    assert ["来源 source", "999_test.txt:7"] in member["tip"]


@needs_gold
def test_citation_picture_draws_documents(client):
    d = client.get("/viz/citations?format=json&max_nodes=5000").json()  # nothing folded: documents only
    assert d["nodes"] and d["edges"] and {n["kind"] for n in d["nodes"]} == {"Document"}


PAGES = ["/", "/find?q=港航", "/entity/test%2Fgroup", "/viz/agency/test%2Ftransport", "/viz/agencies",
         "/viz/citations", "/docs"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_every_script_and_stylesheet_from_the_app(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    refs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', r.text)
    assert refs and all(ref.startswith("/") for ref in refs), refs
    for ref in refs:
        assert client.get(ref).status_code == 200, ref


@pytest.mark.parametrize("path", ["/entity/test%2Fevil", "/find?q=测试局", "/viz/agency/test%2Fevil",
                                  "/viz/body/test%2Fgroup", "/entity/test%2Fgroup"])
def test_document_text_is_escaped_in_pages(client, path):
    html = client.get(path).text
    assert "alert('x')" in html or "alert(&#39;x&#39;)" in html  # the hostile name is on the page …
    assert "<script>alert" not in html                          # … but never as markup
    assert "\\u003cscript\\u003e" in html or "&lt;script&gt;" in html


def test_health_is_503_when_the_store_cannot_be_read(store):
    class Broken:
        dialect = store.dialect

        def counts(self):
            raise StoreError("Neo4j unreachable at bolt://db:7687: connection refused")

    with TestClient(make_app(Broken())) as c:
        r = c.get("/health")
    assert r.status_code == 503
    assert r.json() == {"status": "degraded", "store": "Broken", "counts": {},
                        "detail": "Neo4j unreachable at bolt://db:7687: connection refused"}


def test_home_page_shows_headline_numbers_and_a_search_box(client, store):
    html = client.get("/").text
    assert f"<b>{store.counts()['Agency']}</b>" in html
    assert 'action="/find"' in html


@pytest.mark.parametrize("fmt, media, needle", [
    ("json", "application/json", '"label": "Agency"'),
    ("jsonl", "application/x-ndjson", '"record": "edge"'),
    ("gexf", "application/gexf+xml", '<gexf xmlns="http://gexf.net/1.3"'),
    ("nodes.csv", "text/csv", "Id,Label,node_type"),
    ("edges.csv", "text/csv", "Source,Target,Type,Label"),
    ("graphml", "application/graphml+xml", "<graphml"),
])
def test_export_formats(client, fmt, media, needle):
    r = client.get(f"/export/{fmt}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert needle in r.text and "test/transport" in r.text


def test_jsonl_records_keep_their_type_apart_from_a_bodys_kind(client, store):
    import json

    records = [json.loads(line) for line in client.get("/export/jsonl").text.splitlines()]
    nodes = [r for r in records if r["record"] == "node"]
    counts = store.counts()
    assert sum(1 for r in nodes if r["label"] == "Body") == counts["Body"] > 0
    assert any(r["properties"].get("kind") for r in nodes if r["label"] == "Body")
    assert sum(1 for r in records if r["record"] == "edge") == sum(v for k, v in counts.items() if k[0].isupper()
                                                                   and k.isupper())


def test_csv_exports_start_with_a_byte_order_mark(client):
    assert client.get("/export/nodes.csv").content.startswith(b"\xef\xbb\xbfId,Label")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "facts.jsonl", "manifest.json"])
def test_build_files_without_a_build_folder_are_a_clear_404(client, fmt):
    r = client.get(f"/export/{fmt}")
    assert r.status_code == 404 and "GOVKG_BUILD_DIR" in r.json()["detail"]


def test_downloads_page_without_a_build_folder_links_what_the_store_gives(client):
    html = client.get("/downloads").text
    assert 'href="/export/gexf"' in html and 'href="/export/ttl"' not in html and "GOVKG_BUILD_DIR" in html
    assert '<a href="/downloads">' in client.get("/").text


def test_there_is_no_raw_cypher_endpoint(client):  # removed (docs/api.md); payloads in tests/hostile/test_api_hostile.py
    assert client.post("/cypher", json={"cypher": "MATCH (n) RETURN count(n)"}).status_code in (404, 405)


def test_graphml_export_holds_every_node_and_edge(client, store):
    import xml.etree.ElementTree as ET

    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(client.get("/export/graphml").content)
    counts = store.counts()
    from govkg.graph.schema import NODES

    assert len(root.findall(".//g:node", ns)) == sum(counts[label] for label in NODES)
    assert len(root.findall(".//g:edge", ns)) == sum(v for k, v in counts.items() if k not in NODES)
