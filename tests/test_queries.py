"""Canned-query files: header parsing, validation, parameter binding; every shipped file is valid."""
from __future__ import annotations

import pytest

from govkg.errors import QueryError
from govkg.queries import DIALECTS, load_queries, parse
from govkg.resources import QUERY_DIR

GOOD = """// name: q
// description: Something
// param: agency: string — id or name
// param: limit: int = 5 — how many
// columns: a, b
MATCH (x:Agency) WHERE x.id = $agency RETURN x.id AS a, x.name AS b LIMIT $limit
"""

VARIANTS = """// name: v
// description: Two dialects
// param: node: string
// columns: l
// why: labels differ
// variant: neo4j
MATCH (n) WHERE n.id = $node RETURN labels(n)[0] AS l
// variant: ladybug
MATCH (n) WHERE n.id = $node RETURN label(n) AS l
"""


def test_a_good_header_parses():
    q = parse(GOOD, "q")
    assert (q.name, q.columns) == ("q", ("a", "b"))
    assert [(p.name, p.type, p.required, p.default) for p in q.params] == [
        ("agency", "string", True, None), ("limit", "int", False, 5)]
    assert q.text("neo4j") == q.text("ladybug") and q.text("neo4j").startswith("MATCH")


def test_variants_give_each_dialect_its_text():
    q = parse(VARIANTS, "v")
    assert "labels(n)" in q.text("neo4j") and "label(n)" in q.text("ladybug")
    assert q.why == "labels differ"


@pytest.mark.parametrize("text, name, message", [
    (GOOD, "other", "must equal the file name"),
    (GOOD.replace("// columns: a, b\n", ""), "q", "columns"),
    (GOOD.replace("// description: Something\n", ""), "q", "description"),
    (GOOD.replace("$limit", "$top"), "q", "parameters used"),
    (GOOD.replace("limit: int", "limit: float"), "q", "bad parameter line"),
    (VARIANTS.replace("// why: labels differ\n", ""), "v", "why"),
    (VARIANTS.replace("// variant: ladybug", "// variant: kuzu"), "v", "unknown variant"),
    (VARIANTS.split("// variant: ladybug")[0], "v", "variants must cover"),
    ("// name: e\n// description: d\n// columns: a\n", "e", "no query text"),
])
def test_malformed_files_are_refused_with_the_reason(text, name, message):
    with pytest.raises(QueryError, match=message):
        parse(text, name)


@pytest.mark.parametrize("given, expected", [
    ({"agency": "x"}, {"agency": "x", "limit": 5}),
    ({"agency": "x", "limit": "7"}, {"agency": "x", "limit": 7}),
])
def test_binding_types_and_defaults(given, expected):
    assert parse(GOOD, "q").bind(given) == expected


@pytest.mark.parametrize("given, message", [
    ({}, "missing parameter agency"),
    ({"agency": "x", "limit": "many"}, "must be an integer"),
    ({"agency": "x", "colour": "red"}, "unknown parameter"),
])
def test_binding_refuses_bad_parameters(given, message):
    with pytest.raises(QueryError, match=message):
        parse(GOOD, "q").bind(given)


def test_a_date_parameter_must_look_like_a_date():
    q = parse(GOOD.replace("agency: string", "agency: date"), "q")
    assert q.bind({"agency": "2020-01-31"})["agency"] == "2020-01-31"
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        q.bind({"agency": "31/01/2020"})


SHIPPED = load_queries()


def test_at_least_twelve_queries_ship():
    assert len(SHIPPED) >= 12


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_each_shipped_query_has_text_for_both_stores(name):
    q = SHIPPED[name]
    assert q.description and q.columns
    for dialect in DIALECTS:
        text = q.text(dialect)
        for column in q.columns:
            assert f"AS {column}" in text or f", {column}" in text or f"RETURN {column}" in text, column
    assert (QUERY_DIR / f"{name}.cypher").is_file()


def test_sample_parameters_cover_every_shipped_parameter():
    from devtools.synthetic import synthetic_graph
    from govkg.queries import sample_params

    params = sample_params(synthetic_graph(2, agencies=10))
    needed = {p.name for q in SHIPPED.values() for p in q.params}
    assert needed <= set(params) and all(params[n] not in ("", None) for n in needed)


ORDERED = GOOD.replace("// columns: a, b\n", "// columns: a, b\n// order: -b, a\n")


@pytest.mark.parametrize("rows, expected", [
    ([{"a": "x", "b": 1}, {"a": "y", "b": 2}], ["y", "x"]),
    ([{"a": "y", "b": 1}, {"a": "x", "b": 1}], ["x", "y"]),
    ([{"a": "x", "b": None}, {"a": "y", "b": 0}], ["y", "x"]),  # missing values last
])
def test_rows_follow_the_order_line(rows, expected):
    assert [r["a"] for r in parse(ORDERED, "q").sort(rows)] == expected


def test_an_order_on_an_unknown_column_is_refused():
    with pytest.raises(QueryError, match="not among the columns"):
        parse(GOOD.replace("// columns: a, b\n", "// columns: a, b\n// order: c\n"), "q")


CUT = ORDERED.replace("// order: -b, a\n", "// order: -b, a\n// limit: limit\n").replace(" LIMIT $limit", "")


class _Rows:
    """A store that answers every query with the same rows, unsorted and uncut (as a UNION does)."""

    dialect = "ladybug"

    def __init__(self, rows):
        self.rows = rows

    def run(self, cypher, params):
        return list(self.rows)


def test_a_limit_line_cuts_the_rows_once_sorted():
    from govkg.queries import run_query

    rows = [{"a": k, "b": n} for k, n in (("x", 1), ("y", 3), ("z", 2), ("w", 3))]
    q = parse(CUT, "q")
    assert q.limit == "limit"
    assert [r["a"] for r in run_query(_Rows(rows), q, {"agency": "a", "limit": 3})] == ["w", "y", "z"]


@pytest.mark.parametrize("text, message", [
    (ORDERED.replace("// order: -b, a\n", "// order: -b, a\n// limit: agency\n"), "not an int parameter"),
    (CUT.replace("// order: -b, a\n", ""), "needs an order line"),
])
def test_a_bad_limit_line_is_refused(text, message):
    with pytest.raises(QueryError, match=message):
        parse(text, "q")
