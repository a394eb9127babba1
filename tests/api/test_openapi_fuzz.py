"""schemathesis over the OpenAPI spec: whatever parameters it generates, no server error, and
every answer as documented — its status code, content type and body schema (issue 15).

Each operation is a test case; hypothesis draws requests from schemathesis's strategy for it
(schemathesis's own pytest plugin does not run under this pytest, so the loop is explicit).
"""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.conftest import make_app  # noqa: E402

# the operations of the spec; a new router shows up here without editing the test
OPERATIONS = [r.ok().label for r in schemathesis.openapi.from_dict(make_app(store=None).openapi())
              .get_all_operations()]


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          positive_data_acceptance]


# /sparql reads its parameters as the SPARQL 1.1 protocol defines them (query= or a sparql-query body),
# not through the OpenAPI schema, so a schema-valid request without a query is rightly refused (400);
# real SPARQL clients exercise it in tests/api/test_sparql.py. Here it must only never fail the server.
PROTOCOL_DEFINED = {"GET /sparql", "POST /sparql"}
LOOSE = [not_a_server_error]


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_errors(api_schema, label):
    op = next(r.ok() for r in api_schema.get_all_operations() if r.ok().label == label)

    @given(data=st.data())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(data):
        case = data.draw(op.as_strategy())
        case.call_and_validate(checks=LOOSE if label in PROTOCOL_DEFINED else CHECKS)

    run()


def test_a_path_id_is_schema_valid_only_without_a_line_break(app, client) -> None:
    """``{id:path}`` ends before a line break ("/viz/body/%0A" reaches the route as an empty id): the schema says an
    id holds none, so a generated "\\n" is no valid request (hypothesis found that one: 422 for schema-valid data)."""
    import re

    spec = app.openapi()
    ids = [(path, p["schema"]) for path, item in spec["paths"].items() for op in item.values()
           for p in op.get("parameters", []) if p["in"] == "path" and p["name"].endswith("id")]
    assert len(ids) >= 6
    for path, schema in ids:
        assert not re.search(schema["pattern"], "\n") and re.search(schema["pattern"], "agency/晋城市财政局"), path
    got = client.get("/viz/body/%0A", params={"format": "json"})
    assert got.status_code == 422 and "at least 1 character" in got.text, got.text
