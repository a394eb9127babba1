"""The checks a query passes before it runs, and the choice of result format, as tables."""
from __future__ import annotations

import pytest

from govkg.api.routers.sparql import negotiate
from govkg.store.sparql import SparqlError, check_query

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize("query, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("PREFIX ex: <urn:x#>\nBASE <urn:b/>\nask { ?s ex:p ?o }", "ASK"),
    ("# a comment: INSERT\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <urn:x>", "DESCRIBE"),
    ("SELECT ?s WHERE { ?s ?p \"\"\"SERVICE <http://x/>\"\"\" }", "SELECT"),
    ("SELECT ?s WHERE { ?s <urn:SERVICE#x> ?o }", "SELECT"),
    ("SELECT ?service WHERE { ?service ?p ?o }", "SELECT"),
    ("NONSENSE", ""),
])
def test_accepted_queries_and_their_form(query, form):
    assert check_query(query) == form


@pytest.mark.parametrize("query, status, needle", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 400, "read-only"),
    ("PREFIX ex: <urn:x#> WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", 400, "read-only"),
    ("clear all", 400, "read-only"),
    ("drop graph <urn:g>", 400, "read-only"),
    ("SELECT * { service <http://x/> { ?s ?p ?o } }", 400, "SERVICE"),
    ("SELECT * { SERVICE SILENT <http://x/> { ?s ?p ?o } }", 400, "SERVICE"),
    ("   ", 400, "no query"),
    ("SELECT * {} #" + "x" * 20_000, 413, "too long"),
])
def test_refused_queries(query, status, needle):
    with pytest.raises(SparqlError, match=needle) as err:
        check_query(query)
    assert err.value.status == status


@pytest.mark.parametrize("accept, fmt, expected", [
    ("", None, ("json", "turtle", False)),
    ("*/*", None, ("json", "turtle", False)),
    (BROWSER, None, ("json", "turtle", True)),
    ("application/sparql-results+json,application/json,text/javascript", None, ("json", "turtle", False)),
    ("application/sparql-results+xml", None, ("xml", "turtle", False)),
    ("application/rdf+xml,application/xml", None, ("xml", "rdfxml", False)),
    ("text/csv;q=0.5, text/tab-separated-values", None, ("tsv", "turtle", False)),
    ("application/n-triples", None, ("json", "nt", False)),
    (BROWSER, "csv", ("csv", "turtle", False)),
    ("", "ttl", ("json", "turtle", False)),
    ("", "html", ("json", "turtle", True)),
])
def test_format_by_accept_or_format_parameter(accept, fmt, expected):
    assert negotiate(accept, fmt) == expected


def test_an_unknown_format_is_a_406():
    with pytest.raises(SparqlError, match="unknown format") as err:
        negotiate("", "xlsx")
    assert err.value.status == 406


def test_without_a_build_folder_sparql_says_how_to_get_one(client):
    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert r.status_code == 503 and "GOVKG_BUILD_DIR" in r.json()["detail"]
