"""``/sparql`` over a real ``govkg serve``: real SPARQL clients (SPARQLWrapper, rdflib's SPARQLStore) get
the rows the canned queries give for the same question; updates, SERVICE and over-long queries are refused."""
from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import unquote

import httpx
import pytest

from govkg.api.routers.sparql import examples
from tests.api.live import live_server
from tests.support import GOLD_DIR, GOLD_STEMS, ROOT

pytestmark = pytest.mark.skipif(not GOLD_STEMS, reason="shared gold not available")
ID = "https://govkg.org/id/"
EXAMPLES = {ex.name: ex.query for ex in examples()}


def node_id(iri: str) -> str:
    return unquote(iri[len(ID):]) if iri.startswith(ID) else iri


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The gold facts built and loaded by the CLI, as a user does (the store records the folder)."""
    tmp = tmp_path_factory.mktemp("sparql")
    out, db = tmp / "build", tmp / "graph.lbdb"
    subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--facts", str(GOLD_DIR), "--out", str(out),
                    "--no-shacl"], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "GOVKG_DB_PATH": str(db)})
    return out, db


@pytest.fixture(scope="module")
def base_url(built):
    _, db = built
    with live_server(db, GOVKG_SPARQL_TIMEOUT="5") as url:
        yield url


def canned(base_url: str, name: str, **params: str) -> list[dict]:
    r = httpx.get(f"{base_url}/queries/{name}", params=params, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()["rows"]


def wrapper_rows(base_url: str, query: str, method: str = "GET") -> list[dict[str, str]]:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    sw = SPARQLWrapper(base_url + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(JSON)
    if method == "POST":
        sw.setMethod(POST)
    data = sw.query().convert()
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_body_leaders_by_sparqlwrapper_match_the_canned_query(base_url, method):
    rows = wrapper_rows(base_url, EXAMPLES["body_leaders"], method)
    got = {(r["role"], node_id(r["holder"])) for r in rows}
    body = canned(base_url, "body_leaders", body="晋城市防汛抗旱指挥部", as_of="2020-09-01")
    assert got and got == {(r["role"], r["holder_id"]) for r in body}


def test_bodies_of_an_agency_by_rdflib_sparqlstore_match_the_canned_query(base_url):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(base_url + "/sparql", returnFormat="json")
    got = {(node_id(str(r.body)), str(r.via), str(r.role), node_id(str(r.holder)))
           for r in store.query(EXAMPLES["bodies_of_agency"])}
    rows = canned(base_url, "bodies_of_agency", agency="晋城市应急管理局", limit="10000")
    assert got and got == {(r["body_id"], r["via"], r["role"], r["holder_id"]) for r in rows}
    assert {v for _, v, _, _ in got} >= {"member unit", "ex officio"}


def test_the_citation_web_matches_the_canned_citations_of_each_document(base_url):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    web = [(node_id(str(r.citing)), node_id(str(r.cited))) for r in SPARQLStore(base_url + "/sparql").query(
        EXAMPLES["citation_web"])]  # rdflib's default: SPARQL XML results
    assert web
    citing = sorted({a for a, _ in web})
    for doc in citing[:3]:
        rows = canned(base_url, "document_citations", document=doc)
        assert {r["doc_id"] for r in rows if r["direction"] == "cites"} == {b for a, b in web if a == doc}


@pytest.mark.parametrize("fmt, accept, media, needle", [
    (None, "text/csv", "text/csv", "role,holder"),
    (None, "text/tab-separated-values", "text/tab-separated-values", "?role\t?holder"),
    ("json", None, "application/sparql-results+json", '"vars"'),
    ("xml", None, "application/sparql-results+xml", "<sparql"),
    ("csv", "application/json", "text/csv", "role,holder"),  # format= wins over Accept
])
def test_select_results_by_accept_or_format(base_url, fmt, accept, media, needle):
    params = {"query": EXAMPLES["body_leaders"], **({"format": fmt} if fmt else {})}
    r = httpx.get(base_url + "/sparql", params=params, headers={"accept": accept} if accept else {}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media), r.text[:300]
    assert needle in r.text


@pytest.mark.parametrize("accept, fmt, media, check", [
    ("text/turtle", None, "text/turtle", "@prefix org:"),
    (None, "nt", "application/n-triples", "<http://www.w3.org/ns/org#organization>"),
])
def test_construct_as_turtle_or_ntriples(base_url, accept, fmt, media, check):
    from rdflib import Graph

    q = "CONSTRUCT { ?m org:organization ?b } WHERE { ?m a org:Membership ; org:organization ?b } LIMIT 5"
    r = httpx.post(base_url + "/sparql", content=q.encode(), timeout=30,
                   params={"format": fmt} if fmt else {},
                   headers={"content-type": "application/sparql-query", **({"accept": accept} if accept else {})})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media), r.text[:300]
    assert check in r.text
    assert len(Graph().parse(data=r.text, format="turtle" if "turtle" in media else "nt")) == 5


@pytest.mark.parametrize("query, status, message", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 400, "read-only"),
    ("PREFIX ex: <urn:x#> DELETE WHERE { ?s ?p ?o }", 400, "read-only"),
    ("LOAD <http://example.org/data.ttl>", 400, "read-only"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 400, "SERVICE"),
    ("SELECT ?x WHERE { ?x rdfs:label 'SERVICE' }", 200, ""),  # the word inside a literal is no SERVICE
    ("SELECT WHERE nonsense", 400, "syntax"),
    ("SELECT * WHERE { ?s ?p ?o } # " + "x" * 25_000, 413, "too long"),
    ("", 400, "no query"),
])
def test_refused_queries_say_why(base_url, query, status, message):
    r = httpx.post(base_url + "/sparql", data={"query": query}, timeout=30)
    assert r.status_code == status, r.text
    if message:
        assert message in r.json()["detail"]


def test_an_update_through_sparqlwrapper_is_refused_and_changes_nothing(base_url):
    from SPARQLWrapper import POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    sw = SPARQLWrapper(base_url + "/sparql")
    sw.setMethod(POST)
    sw.setQuery("INSERT DATA { <urn:a> <urn:b> 'x' }")
    with pytest.raises(QueryBadFormed, match="read-only"):
        sw.query()
    assert wrapper_rows(base_url, "SELECT ?o WHERE { <urn:a> <urn:b> ?o }") == []
    r = httpx.post(base_url + "/sparql", content=b"INSERT DATA { <urn:a> <urn:b> 'x' }", timeout=30,
                   headers={"content-type": "application/sparql-update"})
    assert r.status_code == 400 and "read-only" in r.json()["detail"]


def test_a_query_past_the_time_limit_is_stopped_and_the_endpoint_goes_on(base_url):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^13 rows
    r = httpx.post(base_url + "/sparql", data={"query": slow}, timeout=60)
    assert r.status_code == 503 and "time limit of 5 s" in r.json()["detail"]
    assert wrapper_rows(base_url, "SELECT (COUNT(*) AS ?n) WHERE { ?b a govkg:Body }")[0]["n"] != "0"


def test_the_page_lists_examples_that_run_with_one_click(base_url):
    with httpx.Client(base_url=base_url, timeout=30, headers={"accept": "text/html"}) as c:
        page = c.get("/sparql")
        assert page.status_code == 200 and page.text.count('class="example"') == len(EXAMPLES)
        assert '<a href="/sparql">SPARQL</a>' in page.text and "<script" not in page.text
        for ex in examples():
            r = c.get(ex.href)
            assert r.status_code == 200 and 'id="sparql-results"' in r.text, ex.name
            assert r.text.count("<tr>") > 1, ex.name
        bad = c.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y '<script>alert(1)</script>' . BAD"})
        assert bad.status_code == 400 and "<script>alert" not in bad.text and 'id="sparql-error"' in bad.text


def test_govkg_sparql_over_the_build_folder_gives_the_endpoints_rows(built, base_url, tmp_path):
    import csv
    import io

    out, _ = built
    query = tmp_path / "q.rq"
    query.write_text(EXAMPLES["body_leaders"], encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "govkg.cli", "sparql", "-f", str(query), "--build", str(out),
                        "--format", "csv"], cwd=ROOT, capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {(x["role"], x["holder"]) for x in rows} == {(x["role"], x["holder"])
                                                       for x in wrapper_rows(base_url, EXAMPLES["body_leaders"])}
    bad = subprocess.run([sys.executable, "-m", "govkg.cli", "sparql", "DELETE WHERE { ?s ?p ?o }", "--build",
                          str(out)], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("error: updates are not allowed")


def test_the_sparql_example_in_the_readme_prints_what_it_shows(base_url, capsys):
    """The README's example, run as printed against a live server over the gold build (moved here from
    tests/graph/test_build.py when the README turned from rdflib on a file to the endpoint)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("## Ask the RDF with SPARQL", 1)[1]
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    shown = text.split("Output:\n\n```\n", 1)[1].split("```", 1)[0]
    assert '"http://127.0.0.1:8000/sparql"' in code
    exec(code.replace('"http://127.0.0.1:8000/sparql"', repr(base_url + "/sparql")), {})
    assert capsys.readouterr().out == shown


def test_sparql_follows_a_rebuild_of_the_served_graph(tmp_path):
    """A rebuild (build + load into the served store) is answered from without a restart."""
    out, db = tmp_path / "build", tmp_path / "graph.lbdb"

    def build(facts):
        subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--facts", str(facts), "--out", str(out),
                        "--no-shacl"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "GOVKG_DB_PATH": str(db)})

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?d a govkg:Document }"
    build(GOLD_DIR / f"{GOLD_STEMS[0]}.jsonl")
    with live_server(db) as url:
        first = int(wrapper_rows(url, count)[0]["n"])
        build(GOLD_DIR)
        import time

        deadline = time.monotonic() + 30
        while (now := int(wrapper_rows(url, count)[0]["n"])) == first and time.monotonic() < deadline:
            time.sleep(0.5)
        assert now > first


def _workers_over(folder) -> int:
    """How many SPARQL worker processes hold this build folder's graph (their command line names it)."""
    from pathlib import Path

    n = 0
    for cmd in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmd.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"govkg.store.sparqlpool" in args and any(str(folder).encode() in a for a in args):
            n += 1
    return n


def test_opening_the_page_starts_the_workers_before_the_first_query(tmp_path):
    import time

    out, db = tmp_path / "build", tmp_path / "graph.lbdb"
    subprocess.run([sys.executable, "-m", "govkg.cli", "build", "--facts", str(GOLD_DIR / f"{GOLD_STEMS[0]}.jsonl"),
                    "--out", str(out), "--no-shacl"], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "GOVKG_DB_PATH": str(db)})
    with live_server(db) as url:
        assert _workers_over(out) == 0  # nothing started for a server nobody asks SPARQL
        assert httpx.get(url + "/sparql", headers={"accept": "text/html"}, timeout=30).status_code == 200
        deadline = time.monotonic() + 20
        while _workers_over(out) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _workers_over(out) == 2
    deadline = time.monotonic() + 10
    while _workers_over(out) and time.monotonic() < deadline:  # and they end with the server
        time.sleep(0.2)
    assert _workers_over(out) == 0
